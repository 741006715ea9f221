"""The mock Handelsregister against the real API's shapes and behaviour."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx
import pytest

from exposurecheck.mock.api import (
    DEMO_API_KEY,
    FaultPlan,
    MockHandelsregister,
    fold,
    name_matches,
    volledig_adres,
)
from exposurecheck.mock.register import Register, RegisterAddress, load_register

from tests.support import load_data

TEST_BASE = "https://api.kvk.nl/test/api"



def get(
    mock: MockHandelsregister,
    path: str,
    params: dict[str, Any] | list[tuple[str, Any]] | None = None,
    *,
    base: str = TEST_BASE,
    apikey: str | None = DEMO_API_KEY,
) -> httpx.Response:
    headers = {"apikey": apikey} if apikey is not None else {}
    with httpx.Client(transport=mock.transport(), base_url=base) as client:
        return client.get(base + path, params=params, headers=headers)


def fout_code(response: httpx.Response) -> str:
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"fout"}
    assert set(body["fout"][0]) == {"code", "omschrijving"}
    assert body["fout"][0]["omschrijving"]
    code: str = body["fout"][0]["code"]
    return code


def street(name: str, nr: int, postcode: str, plaats: str, **extra: Any) -> dict[str, Any]:
    return {"straatnaam": name, "huisnummer": nr, "postcode": postcode, "plaats": plaats, **extra}


def donald_register() -> Register:
    """The KVK test environment's own records behind tests/data, rebuilt as a dataset."""
    return Register.model_validate({"companies": [
        {
            "kvkNummer": "68750110", "rsin": "857587973", "naam": "Test BV Donald",
            "rechtsvorm": "Besloten Vennootschap", "formeleRegistratiedatum": "20200210",
            "datumAanvang": "20140210",
            "sbiActiviteiten": [
                {"sbiCode": "01241", "sbiOmschrijving": "Teelt van appels en peren"}],
            "vestigingen": [
                {"vestigingsnummer": "000037178598", "hoofdvestiging": True,
                 "handelsnamen": ["Test BV Donald"],
                 "bezoekadres": street("Hizzaarderlaan", 3, "8823SJ", "Lollum",
                                       huisnummerToevoeging="A"),
                 "postadres": {"postbusnummer": 200, "postcode": "1000AE", "plaats": "Rommeldam"}},
                {"vestigingsnummer": "000037178601", "hoofdvestiging": False,
                 "handelsnamen": ["Test BV Donald Nevenvestiging"],
                 "bezoekadres": street("Brinkerinckbaan", 1, "7431AA", "Diepenveen")},
            ],
        },
        {
            "kvkNummer": "69599084", "naam": "Test EMZ Dagobert", "rechtsvorm": "Eenmanszaak",
            "formeleRegistratiedatum": "20170710", "datumAanvang": "20170108",
            "handelsnamen": ["Test EMZ Dagobert", "Tweede handelsnaam 1MZ",
                             "Derde handelsnaam 1MZ", "Vierde handelsnaam 1MZ"],
            "sbiActiviteiten": [
                {"sbiCode": "1011", "sbiOmschrijving": "Slachterijen (geen pluimvee-)"},
                {"sbiCode": "1012", "sbiOmschrijving": "Pluimveeslachterijen"},
                {"sbiCode": "1013", "sbiOmschrijving": "Vleesverwerking (niet tot maaltijden)"},
            ],
            "vestigingen": [
                {"vestigingsnummer": "000038509504", "hoofdvestiging": True,
                 "handelsnamen": ["Test EMZ Dagobert"],
                 "bezoekadres": street("Abebe Bikilalaan", 17, "1034WL", "Amsterdam")},
            ],
        },
    ]})


@pytest.fixture(scope="module")
def demo() -> Register:
    return load_register()


@pytest.fixture
def mock(demo: Register) -> MockHandelsregister:
    return MockHandelsregister(demo)


def find_vestiging(register: Register, handelsnaam: str) -> tuple[str, str]:
    for company in register.companies:
        for vestiging in company.vestigingen:
            if handelsnaam in vestiging.handelsnamen:
                return company.kvk_nummer, vestiging.vestigingsnummer
    raise AssertionError(f"no vestiging named {handelsnaam!r} in the register")


# -- identical to the recorded real responses ----------------------------------------------


def test_zoeken_response_equals_the_recorded_real_one() -> None:
    response = get(MockHandelsregister(donald_register()), "/v2/zoeken", {"kvkNummer": "68750110"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/hal+json"
    assert response.json() == load_data("kvk-zoeken-v2.json")


def test_basisprofiel_equals_the_recorded_real_one() -> None:
    response = get(MockHandelsregister(donald_register()), "/v1/basisprofielen/69599084")
    assert response.status_code == 200
    assert response.json() == load_data("kvk-basisprofiel-v1.json")


def test_vestigingsprofiel_equals_the_recorded_real_one_up_to_padding() -> None:
    response = get(MockHandelsregister(donald_register()), "/v1/vestigingsprofielen/000037178598")
    assert response.status_code == 200

    def unpad(body: Any) -> Any:
        for address in body["adressen"]:
            address["volledigAdres"] = " ".join(address["volledigAdres"].split())
        return body

    ours, theirs = response.json(), load_data("kvk-vestigingsprofiel-v1.json")
    assert list(ours) == list(theirs)  # same fields in the same order
    assert unpad(ours) == unpad(theirs)


def test_volledig_adres_is_padded_with_a_run_of_spaces() -> None:
    address = RegisterAddress(straatnaam="Abebe Bikilalaan", huisnummer=17, postcode="1034WL",
                              plaats="Amsterdam")
    text = volledig_adres(address)
    head_office = load_data("kvk-basisprofiel-v1.json")["_embedded"]["hoofdvestiging"]
    assert text == head_office["adressen"][0]["volledigAdres"]
    letter = RegisterAddress(straatnaam="Kerkstraat", huisnummer=12, huisletter="A",
                             huisnummer_toevoeging="2", postcode="1234AB", plaats="Dorp")
    assert re.fullmatch(r"Kerkstraat 12 A 2 {25,}1234AB Dorp", volledig_adres(letter))


def test_profile_field_types_follow_the_real_ones(
    mock: MockHandelsregister, demo: Register
) -> None:
    kvk, vnr = find_vestiging(demo, "Sanne Mulder Fotografie")
    body = get(mock, f"/v1/vestigingsprofielen/{vnr}").json()
    reference = load_data("kvk-vestigingsprofiel-v1.json")
    for key, value in body.items():
        if key in reference:
            assert type(value) is type(reference[key]), key
    visit = next(a for a in body["adressen"] if a["type"] == "bezoekadres")
    assert visit["huisnummer"] == 7 and visit["huisnummerToevoeging"] == "A"
    assert "huisletter" not in visit
    assert visit["postcode"] == "8011VM"
    indicators = {body["indHoofdvestiging"], body["indCommercieleVestiging"],
                  visit["indAfgeschermd"]}
    assert indicators <= {"Ja", "Nee"}
    assert body["kvkNummer"] == kvk


# -- shielding never leaks --------------------------------------------------------------------


def all_text(mock: MockHandelsregister, kvk: str, vnr: str) -> str:
    responses = [
        get(mock, f"/v1/vestigingsprofielen/{vnr}"),
        get(mock, f"/v1/basisprofielen/{kvk}"),
        get(mock, f"/v1/basisprofielen/{kvk}/vestigingen"),
        get(mock, f"/v1/basisprofielen/{kvk}/hoofdvestiging"),
        get(mock, "/v2/zoeken", {"kvkNummer": kvk}),
        get(mock, "/v2/zoeken", {"vestigingsnummer": vnr}),
    ]
    return "\n".join(r.text for r in responses)


def test_a_shielded_bezoekadres_never_leaks(mock: MockHandelsregister, demo: Register) -> None:
    shielded = [(c, v) for c in demo.companies for v in c.vestigingen if v.shielded]
    assert len(shielded) >= 4
    for company, vestiging in shielded:
        visit = vestiging.bezoekadres
        assert visit is not None and visit.straatnaam and visit.huisnummer is not None
        # profile: only type + indAfgeschermd
        profile = get(mock, f"/v1/vestigingsprofielen/{vestiging.vestigingsnummer}").json()
        visits = [a for a in profile["adressen"] if a["type"] == "bezoekadres"]
        assert visits == [{"type": "bezoekadres", "indAfgeschermd": "Ja"}]
        # an address search never finds the bezoekadres
        params: dict[str, Any] = {"postcode": visit.postcode, "huisnummer": visit.huisnummer}
        for extra in ({}, {"huisletter": visit.huisletter} if visit.huisletter else {}):
            response = get(mock, "/v2/zoeken", {**params, **extra})
            rows = response.json().get("resultaten", []) if response.status_code == 200 else []
            for row in rows:
                if row.get("vestigingsnummer") == vestiging.vestigingsnummer:
                    assert row["adres"]["binnenlandsAdres"]["type"] == "postadres"
        street_search = get(mock, "/v2/zoeken", {"straatnaam": visit.straatnaam,
                                                  "plaats": visit.plaats})
        if street_search.status_code == 200:
            for row in street_search.json()["resultaten"]:
                if row.get("vestigingsnummer") == vestiging.vestigingsnummer:
                    assert row["adres"]["binnenlandsAdres"]["type"] == "postadres"
        # a name search shows no bezoekadres for it
        rows = get(mock, "/v2/zoeken", {"naam": vestiging.eerste_handelsnaam}).json()["resultaten"]
        own = [r for r in rows if r.get("vestigingsnummer") == vestiging.vestigingsnummer]
        assert len(own) == 1
        assert own[0].get("adres", {}).get("binnenlandsAdres", {}).get("type") != "bezoekadres"
        # the street and postcode appear nowhere, unless the public postadres is the same
        post = vestiging.postadres
        text = all_text(mock, company.kvk_nummer, vestiging.vestigingsnummer)
        if post is None or post.straatnaam != visit.straatnaam:
            assert visit.straatnaam not in text
        if post is None or post.postcode != visit.postcode:
            assert visit.postcode not in text
        listing = get(mock, f"/v1/basisprofielen/{company.kvk_nummer}/vestigingen").json()
        item = next(i for i in listing["vestigingen"]
                    if i["vestigingsnummer"] == vestiging.vestigingsnummer)
        assert item["indAdresAfgeschermd"] == "Ja"
        assert "volledigAdres" not in item


def test_shielded_bezoekadres_with_public_postadres_at_home(
    mock: MockHandelsregister, demo: Register
) -> None:
    _, vnr = find_vestiging(demo, "T. Visser Financieel Advies")
    response = get(mock, "/v2/zoeken", {"postcode": "8011JW", "huisnummer": 40})
    rows = [r for r in response.json()["resultaten"] if r["vestigingsnummer"] == vnr]
    assert rows[0]["adres"]["binnenlandsAdres"] == {
        "type": "postadres", "straatnaam": "Groot Wezenland", "huisnummer": 40,
        "postcode": "8011JW", "plaats": "Zwolle"}
    profile = get(mock, f"/v1/vestigingsprofielen/{vnr}").json()
    assert [a["type"] for a in profile["adressen"]] == ["correspondentieadres", "bezoekadres"]
    assert profile["adressen"][0]["huisnummerToevoeging"] == "2"
    assert profile["adressen"][1] == {"type": "bezoekadres", "indAfgeschermd": "Ja"}


# -- Zoeken: address search -----------------------------------------------------------------


def names(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["naam"] for row in response.json()["resultaten"]]


def test_address_search_postcode_spelling_and_letters(mock: MockHandelsregister) -> None:
    found = names(get(mock, "/v2/zoeken", {"postcode": "8012 dk", "huisnummer": "12"}))
    assert sorted(found) == ["J.W. van den Berg Advies", "Studio Lijn & Vorm"]  # not number 14
    rows = get(mock, "/v2/zoeken", {"postcode": "8012DK", "huisnummer": 12}).json()["resultaten"]
    # real behaviour: postcode and huisnummer only because they were searched on, no huisletter
    assert all(set(r["adres"]["binnenlandsAdres"]) == {"type", "straatnaam", "huisnummer",
                                                       "postcode", "plaats"} for r in rows)
    with_letter = get(mock, "/v2/zoeken", {"postcode": "8012DK", "huisnummer": 12,
                                           "huisletter": "a"})
    assert names(with_letter) == ["Studio Lijn & Vorm"]
    assert with_letter.json()["resultaten"][0]["adres"]["binnenlandsAdres"]["huisletter"] == "A"


def test_a_letter_stored_as_toevoeging_is_not_found_by_huisletter(
    mock: MockHandelsregister,
) -> None:
    miss = get(mock, "/v2/zoeken", {"postcode": "8011VM", "huisnummer": 7, "huisletter": "A"})
    assert miss.status_code == 404 and fout_code(miss) == "IPD5200"
    assert names(get(mock, "/v2/zoeken", {"postcode": "8011VM", "huisnummer": 7})) == [
        "Sanne Mulder Fotografie"]


def test_street_and_town_search_is_exact_but_case_insensitive(mock: MockHandelsregister) -> None:
    full = get(mock, "/v2/zoeken", {"straatnaam": "burgemeester van roijensingel",
                                    "plaats": "ZWOLLE"})
    assert "A.M. Kuipers Tekst & Redactie" in names(full)
    row = full.json()["resultaten"][0]
    assert set(row["adres"]["binnenlandsAdres"]) == {"type", "straatnaam", "plaats"}
    abbreviated = get(mock, "/v2/zoeken", {"straatnaam": "Burg. van Roijensingel",
                                           "plaats": "Zwolle"})
    assert abbreviated.status_code == 404
    assert "F. el Amrani Juridisch Advies" in names(
        get(mock, "/v2/zoeken", {"naam": "el amrani", "plaats": "'s-gravenhage"}))
    assert get(mock, "/v2/zoeken", {"naam": "el amrani", "plaats": "Den Haag"}).status_code == 404


def test_inactive_registrations_only_on_request(mock: MockHandelsregister) -> None:
    params = {"postcode": "5211GB", "huisnummer": 101}
    default = get(mock, "/v2/zoeken", params)
    assert default.status_code == 404 and fout_code(default) == "IPD5200"
    inclusive = get(mock, "/v2/zoeken", {**params, "inclusiefInactieveRegistraties": "true"})
    rows = inclusive.json()["resultaten"]
    assert [r["naam"] for r in rows] == ["B. Willems Grafisch Ontwerp"]
    assert rows[0]["actief"] == "Nee"
    kvk = rows[0]["kvkNummer"]
    profile = get(mock, f"/v1/basisprofielen/{kvk}").json()
    assert profile["materieleRegistratie"]["datumEinde"] == "20210630"


def test_postbus_search(demo: Register, mock: MockHandelsregister) -> None:
    _, vnr = find_vestiging(demo, "Emma Dijkstra Mediation")
    rows = get(mock, "/v2/zoeken", {"postcode": "8260AA", "postbusnummer": 1234}).json()[
        "resultaten"]
    assert [r["vestigingsnummer"] for r in rows] == [vnr]
    assert rows[0]["adres"]["binnenlandsAdres"] == {
        "type": "postadres", "postbusnummer": 1234, "postcode": "8260AA", "plaats": "Kampen"}


# -- Zoeken: name search, rows, types -----------------------------------------------------


def test_name_matching_rules() -> None:
    assert fold("Özlem ÇELIK") == "ozlem celik"
    assert name_matches("van den berg", ["J.W. van den Berg Advies"])
    assert name_matches("Berg van", ["J.W. van den Berg Advies"])  # any order
    assert not name_matches("Jan-Willem van den Berg", ["J.W. van den Berg Advies"])
    assert not name_matches("berg fotografie", ["J.W. van den Berg Advies", "Sanne Fotografie"])
    assert not name_matches("   ", ["anything"])


def test_name_search_is_case_and_diacritics_insensitive(mock: MockHandelsregister) -> None:
    assert names(get(mock, "/v2/zoeken", {"naam": "Çelik"})) == ["O. Celik Vertalingen"]
    assert "J.W. van den Berg Advies" in names(get(mock, "/v2/zoeken", {"naam": "VAN DEN BERG"}))
    missing = get(mock, "/v2/zoeken", {"naam": "Jan-Willem van den Berg"})
    assert missing.status_code == 404 and fout_code(missing) == "IPD5200"


def test_rechtspersoon_rows(mock: MockHandelsregister, demo: Register) -> None:
    kvk, vnr = find_vestiging(demo, "E. Brouwer Beheer B.V.")
    by_name = get(mock, "/v2/zoeken", {"naam": "Brouwer Beheer"}).json()["resultaten"]
    assert [r["type"] for r in by_name] == ["rechtspersoon", "hoofdvestiging"]
    assert set(by_name[0]) == {"kvkNummer", "naam", "type", "_links"}
    assert set(by_name[0]["_links"]) == {"basisprofiel"}
    by_address = get(mock, "/v2/zoeken", {"postcode": "8031VS", "huisnummer": 77}).json()
    assert [r["type"] for r in by_address["resultaten"]] == ["hoofdvestiging"]
    assert by_address["resultaten"][0]["vestigingsnummer"] == vnr
    only_legal = get(mock, "/v2/zoeken", {"kvkNummer": kvk, "type": "rechtspersoon"}).json()
    assert [r["type"] for r in only_legal["resultaten"]] == ["rechtspersoon"]
    # an eenmanszaak has no rechtspersoon row
    emz_kvk, _ = find_vestiging(demo, "Sanne Mulder Fotografie")
    rows = get(mock, "/v2/zoeken", {"kvkNummer": emz_kvk}).json()["resultaten"]
    assert [r["type"] for r in rows] == ["hoofdvestiging"]


def test_type_filter_and_nevenvestiging(mock: MockHandelsregister, demo: Register) -> None:
    kvk, neven = find_vestiging(demo, "Bos Bouwadvies")
    rows = get(mock, "/v2/zoeken", {"kvkNummer": kvk}).json()["resultaten"]
    assert sorted(r["type"] for r in rows) == ["hoofdvestiging", "nevenvestiging"]
    only = get(mock, "/v2/zoeken", [("kvkNummer", kvk), ("type", "nevenvestiging")]).json()
    assert [r["vestigingsnummer"] for r in only["resultaten"]] == [neven]
    both = get(mock, "/v2/zoeken", [("kvkNummer", kvk), ("type", "hoofdvestiging"),
                                    ("type", "nevenvestiging")])
    assert both.json()["totaal"] == 2
    bad = get(mock, "/v2/zoeken", {"kvkNummer": kvk, "type": "filiaal"})
    assert bad.status_code == 400 and fout_code(bad) == "IPD5203"


def test_vestigingsnummer_search_and_links(mock: MockHandelsregister, demo: Register) -> None:
    kvk, vnr = find_vestiging(demo, "Webshop Zonnig")
    body = get(mock, "/v2/zoeken", {"vestigingsnummer": vnr}, base="http://mock.local/api").json()
    row = body["resultaten"][0]
    assert row["_links"] == {
        "basisprofiel": {"href": f"http://mock.local/api/v1/basisprofielen/{kvk}"},
        "vestigingsprofiel": {"href": f"http://mock.local/api/v1/vestigingsprofielen/{vnr}"},
    }
    assert body["_links"]["self"]["href"] == (
        f"http://mock.local/api/v2/zoeken?vestigingsnummer={vnr}&pagina=1&resultatenperpagina=10")


# -- Zoeken: paging ---------------------------------------------------------------------------


def test_paging_with_next_and_previous_links(mock: MockHandelsregister) -> None:
    base = "http://localhost:1234/some/prefix/api"
    first = get(mock, "/v2/zoeken", {"naam": "advies"}, base=base).json()
    total = first["totaal"]
    assert total > 20 and first["pagina"] == 1 and first["resultatenPerPagina"] == 10
    assert len(first["resultaten"]) == 10
    assert "previous" not in first["_links"] and "next" in first["_links"]
    seen: list[str] = []
    page = first
    pages = 0
    with httpx.Client(transport=mock.transport(), headers={"apikey": DEMO_API_KEY}) as client:
        while True:
            pages += 1
            seen += [r["vestigingsnummer"] for r in page["resultaten"] if "vestigingsnummer" in r]
            seen += [r["kvkNummer"] for r in page["resultaten"] if "vestigingsnummer" not in r]
            if page["pagina"] > 1:
                assert page["_links"]["previous"]["href"].startswith(base + "/v2/zoeken?")
                assert f"pagina={page['pagina'] - 1}&" in page["_links"]["previous"]["href"]
            if "next" not in page["_links"]:
                break
            href = page["_links"]["next"]["href"]
            assert href.startswith(base + "/v2/zoeken?naam=advies&pagina=")
            page = client.get(href).json()
    assert len(seen) == total == len(set(seen))
    assert pages == -(-total // 10)
    beyond = get(mock, "/v2/zoeken", {"naam": "advies", "pagina": pages + 1})
    assert beyond.status_code == 404 and fout_code(beyond) == "IPD5200"


def bulk_register(count: int) -> Register:
    return Register.model_validate({"companies": [
        {"kvkNummer": f"{10000000 + i}", "naam": f"Bulk Handel {i}", "rechtsvorm": "Eenmanszaak",
         "vestigingen": [{"vestigingsnummer": f"{100000000000 + i}", "hoofdvestiging": True,
                          "handelsnamen": [f"Bulk Handel {i}"],
                          "bezoekadres": street("Marktstraat", i + 1, "8141AA", "Heino")}]}
        for i in range(count)
    ]})


def test_at_most_1000_results_are_reachable() -> None:
    mock = MockHandelsregister(bulk_register(1050))
    last = get(mock, "/v2/zoeken", {"naam": "bulk", "pagina": 10, "resultatenPerPagina": 100})
    body = last.json()
    assert body["totaal"] == 1050
    assert len(body["resultaten"]) == 100 and "next" not in body["_links"]
    assert body["resultaten"][-1]["naam"] == "Bulk Handel 999"
    over = get(mock, "/v2/zoeken", {"naam": "bulk", "pagina": 11, "resultatenPerPagina": 100})
    assert over.status_code == 404 and fout_code(over) == "IPD5200"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"kvkNummer": "1234567"}, "IPD0004"),
        ({"kvkNummer": "1234567a"}, "IPD0004"),
        ({"rsin": "12345678"}, "IPD0010"),
        ({"vestigingsnummer": "12345"}, "IPD0006"),
        ({"naam": "advies", "resultatenPerPagina": 101}, "IPD1999"),
        ({"naam": "advies", "resultatenPerPagina": 0}, "IPD1999"),
        ({"naam": "advies", "pagina": 0}, "IPD1999"),
        ({"naam": "advies", "pagina": 1001}, "IPD1999"),
        ({"naam": "advies", "pagina": "twee"}, "IPD1999"),
        ({"postcode": "8012DK"}, "IPD1999"),
        ({"huisnummer": 12, "straatnaam": "Assendorperstraat", "plaats": "Zwolle"}, "IPD1999"),
        ({"postcode": "8012DK", "huisnummer": "12a"}, "IPD1999"),
        ({"postcode": "8012DK", "huisnummer": 12, "huisletter": "AB"}, "IPD1999"),
        ({"postcode": "801DK", "huisnummer": 12}, "IPD1999"),
        ({"postbusnummer": 12}, "IPD1999"),
        ({"naam": "advies", "inclusiefInactieveRegistraties": "misschien"}, "IPD1999"),
        ({}, "IPD1998"),
        ({"pagina": 1, "type": "hoofdvestiging"}, "IPD1998"),
    ],
)
def test_bad_parameters_are_400(
    mock: MockHandelsregister, params: dict[str, Any], code: str
) -> None:
    response = get(mock, "/v2/zoeken", params)
    assert response.status_code == 400
    assert fout_code(response) == code


def test_parameter_names_are_case_insensitive_and_unknown_ones_ignored(
    mock: MockHandelsregister,
) -> None:
    assert names(get(mock, "/v2/zoeken", {"NAAM": "celik", "foo": "bar"})) == [
        "O. Celik Vertalingen"]


# -- auth, routing, errors --------------------------------------------------------------------


def test_apikey_is_required(mock: MockHandelsregister) -> None:
    for key in (None, "", "l7xx1f2691f2520d487b902f4e0b57a0b197"):
        response = get(mock, "/v2/zoeken", {"naam": "advies"}, apikey=key)
        assert response.status_code == 401
        assert fout_code(response) == "401"
    custom = MockHandelsregister(load_register(), api_key="s3cret")
    assert get(custom, "/v2/zoeken", {"naam": "advies"}, apikey="s3cret").status_code == 200
    assert get(custom, "/v2/zoeken", {"naam": "advies"}).status_code == 401


@pytest.mark.parametrize("base", ["https://api.kvk.nl/api", "https://api.kvk.nl/test/api",
                                  "http://127.0.0.1:9/x/y/api"])
def test_served_under_any_base_ending_in_api(mock: MockHandelsregister, base: str) -> None:
    response = get(mock, "/v2/zoeken", {"naam": "celik"}, base=base)
    assert response.status_code == 200
    assert response.json()["_links"]["self"]["href"].startswith(base + "/v2/zoeken?naam=celik")


def test_unknown_paths_are_404(mock: MockHandelsregister) -> None:
    for path in ("/v3/zoeken", "/v1/zoeken", "/v1/naamgevingen/kvknummer/12345678"):
        response = get(mock, path, {"naam": "celik"})
        assert response.status_code == 404
        assert fout_code(response) == "IPD0001"
    outside = get(mock, "/v2/zoeken", {"naam": "celik"}, base="https://api.kvk.nl/other")
    assert outside.status_code == 404


def test_profile_errors(mock: MockHandelsregister, demo: Register) -> None:
    assert "12345678" not in demo.by_kvk and "000000000001" not in demo.by_vestigingsnummer
    cases = [
        ("/v1/basisprofielen/1234", 400, "IPD0004"),
        ("/v1/basisprofielen/12345678", 404, "IPD0005"),
        ("/v1/basisprofielen/12345678/vestigingen", 404, "IPD0005"),
        ("/v1/vestigingsprofielen/12345", 400, "IPD0006"),
        ("/v1/vestigingsprofielen/000000000001", 404, "IPD0007"),
    ]
    for path, status, code in cases:
        response = get(mock, path)
        assert response.status_code == status, path
        assert fout_code(response) == code, path
    body = get(mock, "/v1/basisprofielen/12345678").json()
    assert body["fout"][0]["omschrijving"] == (
        "Op basis van het KVK-nummer 12345678 kan het product niet worden geleverd.")


# -- profiles -----------------------------------------------------------------------------


def test_vestigingen_list(mock: MockHandelsregister, demo: Register) -> None:
    kvk, neven = find_vestiging(demo, "Bos Bouwadvies")
    body = get(mock, f"/v1/basisprofielen/{kvk}/vestigingen").json()
    assert body["kvkNummer"] == kvk
    assert body["totaalAantalVestigingen"] == 2
    assert body["aantalCommercieleVestigingen"] + body["aantalNietCommercieleVestigingen"] == 2
    assert [v["indHoofdvestiging"] for v in body["vestigingen"]] == ["Ja", "Nee"]
    item = body["vestigingen"][1]
    assert set(item) == {"vestigingsnummer", "kvkNummer", "eersteHandelsnaam",
                         "indHoofdvestiging", "indAdresAfgeschermd", "indCommercieleVestiging",
                         "volledigAdres", "links"}
    assert item["vestigingsnummer"] == neven and item["indAdresAfgeschermd"] == "Nee"
    assert item["volledigAdres"].startswith("Hortensialaan 31 ")


def test_every_profile_link_can_be_followed(mock: MockHandelsregister, demo: Register) -> None:
    kvk, _ = find_vestiging(demo, "E. Brouwer Beheer B.V.")
    body = get(mock, f"/v1/basisprofielen/{kvk}").json()
    assert body["statutaireNaam"] == "E. Brouwer Beheer B.V."
    assert body["_embedded"]["eigenaar"]["rechtsvorm"] == "Besloten Vennootschap"
    assert len(body["_embedded"]["eigenaar"]["rsin"]) == 9
    hrefs = [link["href"] for link in body["links"]]
    hrefs += [link["href"] for link in body["_embedded"]["hoofdvestiging"]["links"]]
    hrefs += [link["href"] for link in body["_embedded"]["eigenaar"]["links"]]
    assert len(hrefs) == 5
    with httpx.Client(transport=mock.transport(), headers={"apikey": DEMO_API_KEY}) as client:
        for href in hrefs:
            assert client.get(href).status_code == 200, href


def test_eenmanszaak_profile_has_no_rsin_or_statutory_name(
    mock: MockHandelsregister, demo: Register
) -> None:
    kvk, vnr = find_vestiging(demo, "J.W. van den Berg Advies")
    basis = get(mock, f"/v1/basisprofielen/{kvk}").json()
    assert "statutaireNaam" not in basis and "rsin" not in basis["_embedded"]["eigenaar"]
    assert basis["_embedded"]["eigenaar"]["rechtsvorm"] == "Eenmanszaak"
    assert basis["_embedded"]["hoofdvestiging"]["vestigingsnummer"] == vnr
    assert basis["sbiActiviteiten"][0]["indHoofdactiviteit"] == "Ja"


# -- faults ----------------------------------------------------------------------------------


def statuses(plan: FaultPlan, rounds: int = 3) -> list[int]:
    mock = MockHandelsregister(load_register(), faults=plan)
    out = []
    for _ in range(rounds):
        for term in ("advies", "celik", "bouw", "klussen", "fotografie", "coaching"):
            try:
                out.append(get(mock, "/v2/zoeken", {"naam": term}).status_code)
            except httpx.ReadTimeout:
                out.append(-1)
    return out


def test_faults_are_deterministic_from_the_seed() -> None:
    plan = FaultPlan(failure_rate=0.5, seed=7, kinds=("500", "503", "429", "hang"))
    first, again = statuses(plan), statuses(plan)
    assert first == again
    assert {500, 503, 429, -1} & set(first) and 200 in first
    assert statuses(FaultPlan(failure_rate=0.5, seed=8, kinds=plan.kinds)) != first
    assert set(statuses(FaultPlan(failure_rate=0.0, seed=7))) == {200}


def test_retries_of_the_same_request_can_succeed() -> None:
    mock = MockHandelsregister(load_register(), faults=FaultPlan(failure_rate=0.6, seed=3,
                                                                  kinds=("503",)))
    codes = [get(mock, "/v2/zoeken", {"naam": "celik"}).status_code for _ in range(12)]
    assert 503 in codes and 200 in codes
    assert mock.requests_served == 12


@pytest.mark.parametrize(("kind", "status", "code"),
                         [("500", 500, "IPD9999"), ("503", 503, "IPD1002"), ("429", 429, "429")])
def test_error_faults(kind: str, status: int, code: str) -> None:
    plan = FaultPlan(failure_rate=1.0, kinds=(kind,), retry_after=7)  # type: ignore[arg-type]
    response = get(MockHandelsregister(load_register(), faults=plan), "/v1/basisprofielen/12345678")
    assert response.status_code == status
    assert fout_code(response) == code
    if kind == "429":
        assert response.headers["Retry-After"] == "7"


def test_truncated_and_hang_faults() -> None:
    truncated = MockHandelsregister(load_register(),
                                    faults=FaultPlan(failure_rate=1.0, kinds=("truncated",)))
    response = get(truncated, "/v2/zoeken", {"naam": "advies"})
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    hang = MockHandelsregister(load_register(), faults=FaultPlan(failure_rate=1.0, kinds=("hang",)))
    with pytest.raises(httpx.ReadTimeout):
        get(hang, "/v2/zoeken", {"naam": "advies"})


def test_faults_do_not_hide_auth_errors() -> None:
    mock = MockHandelsregister(load_register(), faults=FaultPlan(failure_rate=1.0, kinds=("500",)))
    assert get(mock, "/v2/zoeken", {"naam": "advies"}, apikey=None).status_code == 401


def test_rate_limit_with_retry_after() -> None:
    now = [100.0]
    mock = MockHandelsregister(load_register(), faults=FaultPlan(rate_limit=2.0),
                               clock=lambda: now[0])
    codes = [get(mock, "/v2/zoeken", {"naam": "celik"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    limited = get(mock, "/v2/zoeken", {"naam": "celik"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    now[0] += 1.0
    assert get(mock, "/v2/zoeken", {"naam": "celik"}).status_code == 200


@pytest.mark.parametrize("bad", [
    {"failure_rate": 1.5},
    {"failure_rate": 0.5, "kinds": ()},
    {"kinds": ("502",)},
    {"latency": -1.0},
    {"rate_limit": 0.0},
])
def test_fault_plan_validation(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        FaultPlan(**bad)


# -- async use ---------------------------------------------------------------------------------


def test_async_client_in_process_with_latency_and_hang() -> None:
    async def run() -> tuple[int, float]:
        mock = MockHandelsregister(load_register(), faults=FaultPlan(latency=0.05))
        loop = asyncio.get_running_loop()
        async with httpx.AsyncClient(transport=mock.transport(), base_url=TEST_BASE,
                                     headers={"apikey": DEMO_API_KEY}) as client:
            start = loop.time()
            responses = await asyncio.gather(
                *(client.get("/v2/zoeken", params={"naam": t}) for t in ("celik", "advies")))
            elapsed = loop.time() - start
        hang = MockHandelsregister(load_register(),
                                   faults=FaultPlan(failure_rate=1.0, kinds=("hang",)))
        async with httpx.AsyncClient(transport=hang.transport(), base_url=TEST_BASE,
                                     headers={"apikey": DEMO_API_KEY}) as client:
            with pytest.raises(httpx.ReadTimeout):
                await client.get("/v2/zoeken", params={"naam": "celik"})
        assert mock.requests_served == 2
        return sum(r.status_code for r in responses), elapsed

    total, elapsed = asyncio.run(run())
    assert total == 400
    assert 0.05 <= elapsed < 0.5  # the two latencies overlap: asyncio.sleep, not time.sleep
