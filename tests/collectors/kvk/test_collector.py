"""The KVK collector end to end against the mock register, offline."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.kvk.client import KvkClient
from exposurecheck.collectors.kvk.collector import MAX_STREET_CANDIDATES, KvkCollector
from exposurecheck.mock.api import DEMO_API_KEY, FaultPlan, MockHandelsregister
from exposurecheck.mock.register import Register, load_register
from exposurecheck.models import (
    Address,
    Finding,
    FindingKind,
    HouseholdMember,
    Official,
    OfficialId,
    Severity,
    SourceErrorKind,
    Status,
    Subject,
)
from exposurecheck.resources import fixtures_dir
from exposurecheck.roster import load_roster

from tests.support import collect_once

HOME = {"straatnaam": "Kerkstraat", "huisnummer": 12, "postcode": "8011AB", "plaats": "Zwolle"}
OFFICIAL = Official(
    id=OfficialId("t-1"), name="Jan-Willem van den Berg", initials="J.W.", role="wethouder",
    home=Address(street="Kerkstr.", number=12, postcode="8011AB", city="Zwolle"),
    household=(HouseholdMember(name="Petra Jansen", relation="partner"),))


def company(kvk: str, name: str, *, bezoek: dict[str, Any] | None, rechtsvorm: str = "Eenmanszaak",
            post: dict[str, Any] | None = None, actief: bool = True) -> dict[str, Any]:
    vestiging: dict[str, Any] = {"vestigingsnummer": "0000" + kvk, "hoofdvestiging": True,
                                 "handelsnamen": [name], "bezoekadres": bezoek}
    if post:
        vestiging["postadres"] = post
    return {"kvkNummer": kvk, "naam": name, "rechtsvorm": rechtsvorm, "handelsnamen": [name],
            "actief": actief, "vestigingen": [vestiging]}


def collect(companies: list[dict[str, Any]], official: Official = OFFICIAL,
            faults: FaultPlan | None = None) -> Any:
    register = Register.model_validate({"companies": companies})
    mock = MockHandelsregister(register, faults=faults)

    return collect_once(lambda: KvkCollector(KvkClient(
        "http://kvk.test/api", DEMO_API_KEY, transport=mock.transport(),
        sleep=lambda _: asyncio.sleep(0), jitter=0)), official)


def entity(kvk: str, name: str, *, bezoek: dict[str, Any] | None = None,
           post: dict[str, Any] | None = None, rechtsvorm: str = "Stichting") -> dict[str, Any]:
    """A legal entity without a branch: its own addresses, no vestigingen."""
    body: dict[str, Any] = {"kvkNummer": kvk, "rsin": "8" + kvk, "naam": name,
                            "rechtsvorm": rechtsvorm, "vestigingen": []}
    if bezoek is not None:
        body["bezoekadres"] = bezoek
    if post is not None:
        body["postadres"] = post
    return body


def kinds(result: Any) -> set[tuple[str, str, str, str | None]]:
    return {(f.kind.value, f.subject.value, f.status.value, f.locator.vestigingsnummer)
            for f in result.findings}


def the_home_address(result: CollectorResult) -> Finding:
    """The one finding of `result`: the official's home address, exposed."""
    (finding,) = result.findings
    assert (finding.kind, finding.subject, finding.status) == (
        FindingKind.HOME_ADDRESS, Subject.OFFICIAL, Status.EXPOSED)
    return finding


def test_own_business_at_home_is_exposed_with_why() -> None:
    result = collect([company("10000001", "Klusbedrijf J.W. van den Berg", bezoek=HOME)])
    finding = the_home_address(result)
    assert finding.locator.kvk_number == "10000001"
    assert finding.locator.vestigingsnummer == "000010000001"
    assert {"postcode", "huisnummer", "surname"} <= {f.field for f in finding.match.fields}
    assert finding.evidence.legal_form == "Eenmanszaak"
    assert not result.errors


def test_partners_business_is_household_and_unknown_is_business_at_home() -> None:
    result = collect([
        company("10000002", "Fotografie Petra Jansen", bezoek=HOME),
        company("10000003", "Bakkerij Het Zoete Leven", bezoek=HOME),
    ])
    assert kinds(result) == {
        ("home_address", "household", "exposed", "000010000002"),
        ("business_at_home", "unknown", "exposed", "000010000003"),
    }
    unknown = next(f for f in result.findings if f.subject is Subject.UNKNOWN)
    assert unknown.evidence.trade_name is None  # never print data we were not given


def test_shielded_business_found_by_name_is_protection_not_exposure() -> None:
    result = collect([company("10000004", "J.W. van den Berg Advies",
                              bezoek={**HOME, "afgeschermd": True},
                              post={"postbusnummer": 100, "postcode": "8000AA",
                                    "plaats": "Zwolle"})])
    assert kinds(result) == {("home_address", "official", "shielded", "000010000004")}


@pytest.mark.parametrize("trade_name", [
    "P. Jansen-van der Berg Advies", "Petra van der Berg Design", "Advies P. Jansen",
    "Jansen-v.d. Berg, P."])
def test_married_name_with_a_tussenvoegsel_finds_her_own_shielded_business(
        trade_name: str) -> None:
    petra = Official(id=OfficialId("t-2"), name="Petra Jansen-van der Berg", role="raadslid",
                     home=Address(street="Kerkstraat", number=12, postcode="8011AB",
                                  city="Zwolle"))
    result = collect([company("10000006", trade_name, bezoek={**HOME, "afgeschermd": True},
                              post={"postbusnummer": 100, "postcode": "8000AA",
                                    "plaats": "Zwolle"})], official=petra)
    assert kinds(result) == {("home_address", "official", "shielded", "000010000006")}


def test_home_as_correspondence_address_defeats_shielding() -> None:
    result = collect([company("10000005", "Van den Berg Consultancy",
                              bezoek={**HOME, "afgeschermd": True}, post=HOME)])
    (finding,) = result.findings
    assert finding.status is Status.EXPOSED
    assert finding.locator.address_type == "correspondentieadres"


@pytest.mark.parametrize(
    "bezoek",
    [
        {**HOME, "huisnummer": 14},                              # neighbour
        {**HOME, "huisletter": "A"},                             # same number, other letter
        {**HOME, "huisnummer_toevoeging": "B"},                  # letter written as addition
        {**HOME, "postcode": "9711AB", "plaats": "Groningen"},   # namesake elsewhere
    ],
)
def test_hard_negatives_are_not_findings(bezoek: dict[str, Any]) -> None:
    result = collect([company("10000006", "Jan-Willem van den Berg Advies", bezoek=bezoek)])
    assert result.findings == ()
    assert not result.errors


def test_ended_registration_is_a_low_finding_of_its_own() -> None:
    result = collect([company("10000007", "J.W. van den Berg", bezoek=HOME, actief=False)])
    (finding,) = result.findings
    assert (finding.status, finding.severity, finding.kind) == (
        Status.ENDED, Severity.LOW, FindingKind.HOME_ADDRESS)
    assert finding.is_exposure and result.errors == ()


def test_ended_registration_never_hides_an_active_one() -> None:
    result = collect([company("10000007", "Garage Plein", bezoek=HOME, actief=False),
                      company("10000008", "Bakkerij Plein", bezoek=HOME)])
    assert [f.status for f in result.findings] == [Status.ENDED, Status.EXPOSED]


def test_declared_number_is_the_officials_even_without_the_name() -> None:
    official = OFFICIAL.model_copy(update={"kvk_numbers": ("10000008",)})
    result = collect([company("10000008", "De Groene Vingers", bezoek=HOME)], official)
    (finding,) = result.findings
    assert (finding.subject, finding.status) == (Subject.OFFICIAL, Status.EXPOSED)
    assert "kvk_number" in {f.field for f in finding.match.fields}


def test_unknown_declared_number_is_reported_not_ignored() -> None:
    official = OFFICIAL.model_copy(update={"kvk_numbers": ("19999999",)})
    result = collect([], official)
    assert any("19999999" in e.message for e in result.errors)


def test_without_postcode_the_street_is_searched() -> None:
    official = OFFICIAL.model_copy(update={"home": Address(street="Kerkstr.", number=12,
                                                           city="Zwolle")})
    result = collect([company("10000009", "J.W. van den Berg", bezoek=HOME),
                      company("10000010", "Buurman BV", bezoek={**HOME, "huisnummer": 10},
                              rechtsvorm="Besloten Vennootschap")], official)
    assert kinds(result) == {("home_address", "official", "exposed", "000010000009")}


def test_a_street_too_busy_to_check_is_skipped_not_clean() -> None:
    official = OFFICIAL.model_copy(update={"home": Address(street="Kerkstraat", number=12,
                                                           city="Zwolle")})
    neighbours = [company(f"2{n:07d}", f"Winkel {n}", bezoek={**HOME, "huisnummer": 100 + n})
                  for n in range(MAX_STREET_CANDIDATES + 1)]
    result = collect(neighbours, official)
    assert [e.kind for e in result.errors] == [SourceErrorKind.SKIPPED]


def test_wrong_api_key_fails_every_lookup_clearly() -> None:
    register = Register.model_validate({"companies": []})
    mock = MockHandelsregister(register, api_key="something-else")

    async def main() -> Any:
        client = KvkClient("http://kvk.test/api", DEMO_API_KEY, transport=mock.transport())
        collector = KvkCollector(client)
        first = await collector.collect(OFFICIAL)
        second = await collector.collect(OFFICIAL)
        await collector.aclose()
        return first, second, mock.requests_served

    first, second, served = asyncio.run(main())
    assert first.errors and "401" in first.errors[0].message
    assert second.errors and second.findings == ()
    assert served <= 4  # the second official costs no requests


def audit_demo(roster_name: str, faults: FaultPlan | None = None) -> dict[str, Any]:
    from exposurecheck.auditor import AuditOptions, Auditor

    roster = load_roster(fixtures_dir() / "rosters" / roster_name)
    mock = MockHandelsregister(load_register(), faults=faults)

    async def main() -> Any:
        client = KvkClient("http://kvk.test/api", DEMO_API_KEY, transport=mock.transport(),
                           timeout=0.5, sleep=lambda _: asyncio.sleep(0), jitter=0)
        collector = KvkCollector(client)
        try:
            return await Auditor([collector], AuditOptions()).audit(roster)
        finally:
            await collector.aclose()

    report = asyncio.run(main())
    return json.loads(report.model_dump_json())


def finding_keys(report: dict[str, Any]) -> set[tuple[str, ...]]:
    return {(o["id"], f["kind"], f["subject"], f["status"], f["locator"]["vestigingsnummer"])
            for o in report["officials"] for f in o["findings"]}


def test_demo_council_gives_exactly_the_expected_findings() -> None:
    expected = json.loads((fixtures_dir() / "kvk" / "demo-expected.json").read_text("utf-8"))
    want = {(e["official_id"], e["kind"], e["subject"], e["status"], e["vestigingsnummer"])
            for e in expected["findings"]}
    want |= {(e["official_id"], e["kind"], e["subject"], e["status"], None)
             for e in expected["entity_findings"]}
    report = audit_demo("demo-council.yaml")
    assert finding_keys(report) == want
    assert all(not o["errors"] for o in report["officials"])


def test_yaml_and_csv_rosters_give_the_same_findings() -> None:
    from_yaml = audit_demo("demo-council.yaml")
    from_csv = audit_demo("demo-council.csv")
    assert finding_keys(from_yaml) == finding_keys(from_csv)
    fingerprints = [{f["fingerprint"] for o in r["officials"] for f in o["findings"]}
                    for r in (from_yaml, from_csv)]
    assert fingerprints[0] == fingerprints[1]


def test_failing_register_ends_and_marks_every_incomplete_official() -> None:
    faults = FaultPlan(failure_rate=0.15, seed=7,
                       kinds=("500", "503", "truncated", "hang"))
    report = audit_demo("demo-council.yaml", faults)
    clean = audit_demo("demo-council.yaml")
    clean_by_id = {o["id"]: o for o in clean["officials"]}
    incomplete = [o for o in report["officials"] if o["errors"]]
    assert 0 < len(incomplete) < len(report["officials"])
    for official in report["officials"]:
        if official["errors"]:
            assert all(e["source"] == "kvk" for e in official["errors"])
        else:  # a complete result must be the true result
            assert official["findings"] == clean_by_id[official["id"]]["findings"]


def test_transport_errors_are_retried_then_recorded() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async def main() -> Any:
        client = KvkClient("http://kvk.test/api", DEMO_API_KEY,
                           transport=httpx.MockTransport(refuse),
                           sleep=lambda _: asyncio.sleep(0), jitter=0)
        collector = KvkCollector(client)
        result = await collector.collect(OFFICIAL)
        await collector.aclose()
        return result

    result = asyncio.run(main())
    assert result.findings == ()
    assert {e.message.split(":")[0] for e in result.errors} >= {"address search", "name search"}


def test_first_name_alone_attributes_a_business_at_home() -> None:
    official = OFFICIAL.model_copy(update={"household": (
        HouseholdMember(name="Lotte de Boer", relation="partner"),)})
    result = collect([company("10000011", "Kapsalon Lotte", bezoek=HOME),
                      company("10000012", "Kapsalon Lotte", bezoek={**HOME, "huisnummer": 16})],
                     official)
    assert kinds(result) == {("home_address", "household", "exposed", "000010000011")}


# -- legal entities without a branch (stichting, vereniging, VvE) -------------------------


def test_foundation_under_the_officials_name_at_home_is_a_home_address() -> None:
    result = collect([entity("20000001", "Stichting Muziekfonds J.W. van den Berg", bezoek=HOME)])
    finding = the_home_address(result)
    assert finding.locator.kvk_number == "20000001"
    assert finding.locator.vestigingsnummer is None
    assert finding.evidence.establishment == "rechtspersoon"
    assert finding.evidence.legal_form == "Stichting"
    assert result.errors == ()


def test_vve_of_the_building_is_a_business_at_home() -> None:
    result = collect([entity("20000002", "Vereniging van Eigenaars Kerkstraat 2-24",
                             bezoek=HOME, rechtsvorm="Vereniging van Eigenaars")])
    assert kinds(result) == {("business_at_home", "unknown", "exposed", None)}


def test_shielded_entity_found_by_name_is_shielded_never_exposed() -> None:
    shielded = {**HOME, "afgeschermd": True}
    post = {"postbusnummer": 12, "postcode": "8000AA", "plaats": "Zwolle"}
    result = collect([entity("20000003", "Stichting Vrienden van J.W. van den Berg",
                             bezoek=shielded, post=post)])
    assert kinds(result) == {("home_address", "official", "shielded", None)}


def test_declared_entity_is_judged_from_the_basisprofiel() -> None:
    elsewhere = {"straatnaam": "Markt", "huisnummer": 1, "postcode": "8011AA", "plaats": "Zwolle"}
    official = OFFICIAL.model_copy(update={"kvk_numbers": ("20000004",)})
    result = collect([entity("20000004", "Stichting Zomerfeest", bezoek=HOME),
                      entity("20000005", "Stichting Elders", bezoek=elsewhere)], official)
    assert kinds(result) == {("home_address", "official", "exposed", None)}
    assert result.errors == ()


def test_fingerprint_of_an_entity_finding_is_stable() -> None:
    companies = [entity("20000001", "Stichting Muziekfonds J.W. van den Berg", bezoek=HOME)]
    first, second = collect(companies), collect(companies)
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]


@pytest.mark.parametrize("neighbour", [
    {**HOME, "huisnummer": 14},
    {**HOME, "huisletter": "A"},
    {"straatnaam": "Kerkstraat", "huisnummer": 12, "postcode": "9711AB", "plaats": "Groningen"},
])
def test_entities_elsewhere_are_not_findings(neighbour: dict[str, Any]) -> None:
    assert collect([entity("20000006", "Stichting J.W. van den Berg", bezoek=neighbour)]
                   ).findings == ()
