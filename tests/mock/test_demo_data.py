"""Integrity of the bundled demo register, demo roster and expected findings."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister, fold
from exposurecheck.mock.register import (
    Company,
    Register,
    RegisterAddress,
    Vestiging,
    demo_register_path,
    load_register,
)
from exposurecheck.models import FindingKind, Status, Subject
from exposurecheck.resources import fixtures_dir

ROSTERS = fixtures_dir() / "rosters"
CSV_COLUMNS = ["id", "name", "initials", "role", "organisation", "street", "number", "letter",
               "addition", "postcode", "city", "address", "household", "phones", "emails",
               "kvk_numbers"]


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register()


@pytest.fixture(scope="module")
def raw_register() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_register_path().read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (fixtures_dir() / "kvk" / "demo-expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def officials() -> list[dict[str, Any]]:
    data = yaml.safe_load((ROSTERS / "demo-council.yaml").read_text(encoding="utf-8"))
    people: list[dict[str, Any]] = data["officials"]
    return people


@pytest.fixture(scope="module")
def by_id(officials: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in officials}


def search(register: Register, **params: Any) -> list[dict[str, Any]]:
    mock = MockHandelsregister(register)
    with httpx.Client(transport=mock.transport(), headers={"apikey": DEMO_API_KEY}) as client:
        response = client.get("https://api.kvk.nl/api/v2/zoeken", params=params)
    if response.status_code == 404:
        assert response.json()["fout"][0]["code"] == "IPD5200"
        return []
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["resultaten"]
    return rows


# -- the register ---------------------------------------------------------------------------


def test_register_numbers_are_well_formed_and_unique(raw_register: dict[str, Any]) -> None:
    companies = raw_register["companies"]
    assert len(companies) >= 120
    kvks = [c["kvkNummer"] for c in companies]
    vnrs = [v["vestigingsnummer"] for c in companies for v in c["vestigingen"]]
    assert len(set(kvks)) == len(kvks) and len(set(vnrs)) == len(vnrs)
    assert all(re.fullmatch(r"[0-9]{8}", k) for k in kvks)
    assert all(re.fullmatch(r"[0-9]{12}", v) for v in vnrs)
    assert all(re.fullmatch(r"[0-9]{9}", c["rsin"]) for c in companies if "rsin" in c)
    # the KVK test environment's own numbers are not reused
    assert not {"68750110", "69599084", "69599068"} & set(kvks)


def test_register_has_the_variety_the_audit_meets(register: Register) -> None:
    forms = {c.rechtsvorm for c in register.companies}
    assert {"Eenmanszaak", "Besloten Vennootschap", "Vennootschap onder firma",
            "Stichting"} <= forms
    vestigingen = [v for c in register.companies for v in c.vestigingen]
    assert sum(v.shielded for v in vestigingen) >= 5
    assert sum(not v.hoofdvestiging for v in vestigingen) >= 10
    assert sum(v.postadres is not None and v.postadres.is_postbus for v in vestigingen) >= 5
    assert sum(not c.actief for c in register.companies) >= 2
    assert any(v.bezoekadres and v.bezoekadres.huisletter for v in vestigingen)
    assert any(v.bezoekadres and v.bezoekadres.huisnummer_toevoeging for v in vestigingen)
    assert any(v.bezoekadres and v.bezoekadres.plaats == "'s-Gravenhage" for v in vestigingen)


def test_load_register_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text(json.dumps({"companies": [{
        "kvkNummer": "12345678", "naam": "Proef", "rechtsvorm": "Eenmanszaak",
        "vestigingen": [{"vestigingsnummer": "000012345678", "hoofdvestiging": True,
                         "handelsnamen": ["Proef"],
                         "bezoekadres": {"straatnaam": "Kerkstraat", "huisnummer": 1,
                                         "postcode": "1234 ab", "plaats": "Dorp"}}]}]}))
    register = load_register(path)
    assert register.companies[0].vestigingen[0].bezoekadres == RegisterAddress(
        straatnaam="Kerkstraat", huisnummer=1, postcode="1234AB", plaats="Dorp")
    bad = json.loads(path.read_text())
    bad["companies"].append(bad["companies"][0])
    path.write_text(json.dumps(bad))
    with pytest.raises(ValueError, match="duplicate"):
        load_register(path)


@pytest.mark.parametrize("change", [
    {"kvkNummer": "1234567"},
    {"rsin": "123456789"},  # an eenmanszaak has no rsin
    {"vestigingen": []},
])
def test_register_validation(change: dict[str, Any]) -> None:
    company = {"kvkNummer": "12345678", "naam": "Proef", "rechtsvorm": "Eenmanszaak",
               "vestigingen": [{"vestigingsnummer": "000012345678", "hoofdvestiging": True,
                                "handelsnamen": ["Proef"],
                                "bezoekadres": {"straatnaam": "Kerkstraat", "huisnummer": 1,
                                                "postcode": "1234AB", "plaats": "Dorp"}}]}
    Company.model_validate(company)
    with pytest.raises(ValueError):
        Company.model_validate({**company, **change})


def test_address_validation() -> None:
    with pytest.raises(ValueError):
        RegisterAddress(straatnaam="Kerkstraat", huisnummer=1, postcode="0123AB", plaats="Dorp")
    with pytest.raises(ValueError):
        RegisterAddress(postbusnummer=5, straatnaam="Kerkstraat", postcode="1234AB",
                        plaats="Dorp")
    with pytest.raises(ValueError):
        Vestiging(vestigingsnummer="000012345678", hoofdvestiging=True, handelsnamen=("X",),
                  postadres=RegisterAddress(postbusnummer=5, postcode="1234AB", plaats="Dorp",
                                            afgeschermd=True))


# -- the roster -----------------------------------------------------------------------------


def normalise_yaml(o: dict[str, Any]) -> tuple[str, ...]:
    home = o.get("home")
    if isinstance(home, dict):
        address = [str(home.get(k, "")) for k in ("street", "number", "letter", "addition",
                                                   "postcode", "city")] + [""]
    else:
        address = ["", "", "", "", "", "", home or ""]
    household = ";".join(f"{m['name']} ({m['relation']})" for m in o.get("household", []))
    return (o["id"], o["name"], o.get("initials", ""), o.get("role", ""),
            o.get("organisation", ""), *address, household, ";".join(o.get("phones", [])),
            ";".join(o.get("emails", [])), ";".join(o.get("kvk_numbers", [])))


def test_yaml_and_csv_rosters_are_identical(officials: list[dict[str, Any]]) -> None:
    with (ROSTERS / "demo-council.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_COLUMNS
        rows = [tuple(row[c] for c in CSV_COLUMNS) for row in reader]
    assert rows == [normalise_yaml(o) for o in officials]


def test_roster_officials(officials: list[dict[str, Any]]) -> None:
    assert len(officials) >= 30
    ids = [o["id"] for o in officials]
    assert len(set(ids)) == len(ids)
    roles = {o["role"] for o in officials}
    assert {"burgemeester", "wethouder", "raadslid", "griffier", "statenlid"} <= roles
    for o in officials:
        assert re.fullmatch(r"demo-[0-9]{3}", o["id"])
        for email in o.get("emails", []):
            assert email.endswith(("@example.nl", "@example.org")), email
        for phone in o.get("phones", []):
            assert re.fullmatch(r"(06|038) [0-9 ]+", phone), phone
        home = o["home"]
        assert isinstance(home, (dict, str))


def test_roster_uses_varied_written_forms(officials: list[dict[str, Any]]) -> None:
    homes = [o["home"] for o in officials]
    one_line = [h for h in homes if isinstance(h, str)]
    split = [h for h in homes if isinstance(h, dict)]
    assert len(one_line) >= 4
    assert any(h["street"].startswith("Burg. ") for h in split)
    assert any(re.search(r"Burg\. ", h) for h in one_line)
    assert any(re.fullmatch(r"[0-9]{4}[a-z]{2}", h["postcode"]) for h in split)
    assert any(re.search(r"[0-9]{4}[a-z]{2}", h) for h in one_line)
    assert any("letter" in h for h in split) and any("addition" in h for h in split)
    assert any(h["city"] == "Den Haag" for h in split)
    assert any(h["city"] == "Ijsselstein" for h in split)
    assert any(re.search(r"\b[0-9]+-?[A-Za-z]\b,", h) for h in one_line)
    assert any(not re.search(r"[0-9]{4} ?[A-Za-z]{2}", h) for h in one_line)  # no postcode


# -- the expected findings ------------------------------------------------------------------


def home_key(home: dict[str, Any]) -> tuple[str, int]:
    return re.sub(r"\s", "", str(home["postcode"])).upper(), int(home["number"])


def test_expected_findings_reference_real_records(
    register: Register, expected: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    findings = expected["findings"]
    assert len(findings) >= 14
    for f in findings:
        assert set(f) == {"official_id", "kind", "subject", "status", "kvk_number",
                          "vestigingsnummer", "address_type", "note"}
        assert f["official_id"] in by_id
        assert FindingKind(f["kind"]) and Subject(f["subject"]) and Status(f["status"])
        found = register.vestiging(f["vestigingsnummer"])
        assert found is not None, f
        company, _ = found
        assert company.kvk_nummer == f["kvk_number"]
        assert company.actief is (f["status"] != "ended")
        assert f["address_type"] in ("bezoekadres", "correspondentieadres")
        assert f["note"]
    for n in expected["negatives"]:
        found = register.vestiging(n["vestigingsnummer"])
        assert found is not None and found[0].kvk_nummer == n["kvk_number"]
        assert n["official_id"] in by_id and n["note"] and n["trap"]


def test_every_planted_case_is_present(expected: dict[str, Any]) -> None:
    findings = expected["findings"]
    combos = {(f["kind"], f["subject"], f["status"], f["address_type"]) for f in findings}
    assert ("home_address", "official", "ended", "bezoekadres") in combos
    assert ("home_address", "official", "exposed", "bezoekadres") in combos
    assert ("home_address", "official", "exposed", "correspondentieadres") in combos
    assert ("home_address", "household", "exposed", "bezoekadres") in combos
    assert ("home_address", "official", "shielded", "bezoekadres") in combos
    assert ("home_address", "household", "shielded", "bezoekadres") in combos
    assert ("business_at_home", "unknown", "exposed", "bezoekadres") in combos
    traps = {n["trap"] for n in expected["negatives"]}
    assert traps == {"neighbour", "other_letter", "home_has_letter", "namesake",
                     "similar_street_other_town", "same_surname_other_initial", "inactive",
                     "declared_elsewhere"}
    clean = set(expected["clean_officials"])
    with_findings = {f["official_id"] for f in findings}
    assert not clean & with_findings
    ended = {(f["official_id"], f["vestigingsnummer"]) for f in findings if f["status"] == "ended"}
    assert ended == {(n["official_id"], n["vestigingsnummer"])
                     for n in expected["negatives"] if n["trap"] == "inactive"}
    nothing_at_all = clean - {n["official_id"] for n in expected["negatives"]}
    assert len(nothing_at_all) >= 10


Planted = Callable[[dict[str, Any]], tuple[Any, Company, Vestiging, RegisterAddress]]


@pytest.fixture(scope="module")
def planted_at(register: Register, by_id: dict[str, dict[str, Any]]) -> Planted:
    """A planted finding's or negative's roster home and its establishment in the register,
    with the visiting address every planted establishment has."""
    def lookup(row: dict[str, Any]) -> tuple[Any, Company, Vestiging, RegisterAddress]:
        found = register.vestiging(row["vestigingsnummer"])
        assert found is not None, row
        company, vestiging = found
        assert vestiging.bezoekadres is not None, row
        return by_id[row["official_id"]]["home"], company, vestiging, vestiging.bezoekadres

    return lookup


def test_exposed_findings_are_at_the_roster_home(
        expected: dict[str, Any], planted_at: Planted) -> None:
    for f in expected["findings"]:
        home, _, vestiging, visit = planted_at(f)
        if f["status"] == "shielded":
            assert visit.afgeschermd
            continue
        address = visit if f["address_type"] == "bezoekadres" else vestiging.postadres
        assert address is not None and not address.afgeschermd
        if f["address_type"] == "correspondentieadres":
            assert visit.afgeschermd
        if isinstance(home, dict):
            assert (address.postcode, address.huisnummer) == home_key(home), f
        else:
            assert address.postcode in re.sub(r"\s", "", home).upper(), f
            assert str(address.huisnummer) in home, f


def test_exposed_findings_are_found_by_an_address_search(
    register: Register, expected: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    for f in expected["findings"]:
        home = by_id[f["official_id"]]["home"]
        if isinstance(home, dict):
            postcode, number = home_key(home)
        else:
            match = re.search(r"(\d+)\S*,\s*(\d{4}\s?[A-Za-z]{2})", home)
            assert match is not None
            number, postcode = int(match[1]), match[2]
        ended = {"inclusiefInactieveRegistraties": "true"} if f["status"] == "ended" else {}
        rows = search(register, postcode=postcode, huisnummer=number, **ended)
        hits = [r for r in rows if r.get("vestigingsnummer") == f["vestigingsnummer"]]
        if f["status"] == "shielded":
            assert hits == [], f  # a shielded bezoekadres is never found by address
        else:
            assert len(hits) == 1, f
            wanted = "bezoekadres" if f["address_type"] == "bezoekadres" else "postadres"
            assert hits[0]["adres"]["binnenlandsAdres"]["type"] == wanted


def test_shielded_findings_are_reachable_by_name_or_declared_number(
    register: Register, expected: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    for f in expected["findings"]:
        if f["status"] != "shielded":
            continue
        official = by_id[f["official_id"]]
        if f["kvk_number"] in official.get("kvk_numbers", []):
            rows = search(register, kvkNummer=f["kvk_number"])
        else:
            people = [official["name"]] + [m["name"] for m in official.get("household", [])]
            rows = [r for person in people for r in search(register, naam=person.split()[-1])]
        assert any(r.get("vestigingsnummer") == f["vestigingsnummer"] for r in rows), f


def test_names_in_trade_names_match_the_subject(
    register: Register, expected: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    for f in expected["findings"]:
        official = by_id[f["official_id"]]
        found = register.vestiging(f["vestigingsnummer"])
        assert found is not None
        company, vestiging = found
        text = fold(" ".join((*vestiging.handelsnamen, company.naam)))
        surname = fold(official["name"].split()[-1])
        household = [fold(m["name"].split()[-1]) for m in official.get("household", [])]
        declared = f["kvk_number"] in official.get("kvk_numbers", [])
        if f["subject"] == "official" and not declared:
            assert surname in text, f
        elif f["subject"] == "household":
            assert any(s in text for s in household) and surname not in text, f
        elif f["subject"] == "unknown":
            assert surname not in text and not any(s in text for s in household), f
            assert not declared


def test_negatives_stay_negative(expected: dict[str, Any], planted_at: Planted) -> None:
    for n in expected["negatives"]:
        home, company, _, visit = planted_at(n)
        if n["trap"] == "inactive":
            assert not company.actief
            continue
        if isinstance(home, dict):
            same_house = (visit.postcode, visit.huisnummer) == home_key(home)
            same_dwelling = same_house and fold(visit.huisletter or "") == fold(
                str(home.get("letter", "")))
        else:
            same_dwelling = visit.postcode in re.sub(r"\s", "", home).upper() and bool(
                re.search(rf"\b{visit.huisnummer}{visit.huisletter or ''}\b",
                          home.replace("-", "")))
        assert not same_dwelling, n


def test_no_accidental_business_at_a_roster_home(
    register: Register, expected: dict[str, Any], officials: list[dict[str, Any]]
) -> None:
    planted = {f["vestigingsnummer"] for f in expected["findings"]}
    planted |= {n["vestigingsnummer"] for n in expected["negatives"]}
    homes = {home_key(o["home"]) for o in officials if isinstance(o["home"], dict)}
    for company in register.companies:
        for vestiging in company.vestigingen:
            if vestiging.vestigingsnummer in planted:
                continue
            for address in (vestiging.bezoekadres, vestiging.postadres):
                if address is not None and address.huisnummer is not None:
                    assert (address.postcode, address.huisnummer) not in homes, company.naam


def test_clean_officials_have_nothing_at_home(
    register: Register, expected: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    negatives_for = {n["official_id"] for n in expected["negatives"]}
    checked = 0
    for official_id in expected["clean_officials"]:
        home = by_id[official_id]["home"]
        if official_id in negatives_for or not isinstance(home, dict):
            continue
        postcode, number = home_key(home)
        assert search(register, postcode=postcode, huisnummer=number) == []
        checked += 1
    assert checked >= 9  # three former clean officials now carry the legal-entity cases
