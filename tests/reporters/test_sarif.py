from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import Finding, FindingKind, Locator, Report, Severity, SourceId, Status
from exposurecheck.redact import redact_report
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.sarif import FINGERPRINT_KEY, render

from tests.conftest import accepted, make_finding, make_report, one_official
from tests.support import SARIF_SCHEMA

PERSONAL = ("Jan-Willem", "van den Berg", "Kerkstraat", "Klusbedrijf", "Dorpsstraat", "Anna",
            "Vries", "Çelik", "Sanne", "Bakker", "Petra")


def jan_willem(*findings: Finding) -> Report:
    """The demo report with only its first official, with these findings."""
    return one_official("demo-001", "Jan-Willem van den Berg", *findings)


def options(**kwargs: Any) -> RenderOptions:
    return RenderOptions(**kwargs)


def sarif(report: Report, **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render(report, options(**kwargs)))
    return log


def run_of(report: Report, **kwargs: Any) -> dict[str, Any]:
    run: dict[str, Any] = sarif(report, **kwargs)["runs"][0]
    return run



@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("redacted", [False, True])
def test_valid_against_the_official_schema(lang: Lang, redacted: bool) -> None:
    report = make_report(lang)
    report = redact_report(report) if redacted else report
    log = sarif(report, lang=lang, roster=Path("rosters/council.yaml"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == 3


def test_one_rule_per_kind_with_texts_help_and_default_level() -> None:
    rules = run_of(make_report())["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [k.value for k in FindingKind]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].startswith("https://")
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["home_address"] == "error"
    assert levels["business_at_home"] == "warning"
    assert levels["email"] == "note"
    nl = run_of(make_report(), lang=Lang.NL)["tool"]["driver"]["rules"]
    assert nl[0]["shortDescription"]["text"] == "Woonadres in een openbare bron"
    assert nl[0]["shortDescription"] != rules[0]["shortDescription"]


def test_driver_names_the_tool_and_the_report_version() -> None:
    driver = run_of(make_report())["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("exposurecheck", "0.1.0")


@pytest.mark.parametrize(("severity", "level"), [
    (Severity.CRITICAL, "error"), (Severity.HIGH, "error"), (Severity.MEDIUM, "warning"),
    (Severity.LOW, "note"), (Severity.INFO, "note")])
def test_level_follows_severity(severity: Severity, level: str) -> None:
    result = run_of(jan_willem(make_finding(severity=severity)))["results"][0]
    assert (result["kind"], result["level"]) == ("fail", level)
    assert result["properties"]["severity"] == severity.value


def test_shielded_is_a_passed_check_and_accepted_is_suppressed_with_its_reason() -> None:
    shielded = make_finding(status=Status.SHIELDED, severity=Severity.INFO)
    known = accepted(make_finding(vestigingsnummer="000012345679"), "moves out in June",
                     "Griffie", date(2027, 7, 1))
    results = run_of(jan_willem(shielded, known))["results"]
    assert (results[0]["kind"], results[0]["level"]) == ("pass", "none")
    assert "suppressions" not in results[0]
    assert results[1]["level"] == "error"
    assert results[1]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "moves out in June"}]
    assert "Griffie" not in json.dumps(results)


def test_result_ids_locations_and_properties() -> None:
    report = make_report()
    result = run_of(report, roster=Path("rosters/council.yaml"))["results"][0]
    finding = report.officials[0].findings[0]
    assert result["ruleId"] == "home_address" and result["ruleIndex"] == 0
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
    [location] = result["locations"]
    assert location["logicalLocations"][0]["name"] == "demo-001"
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "rosters/council.yaml"
    assert result["properties"] == {
        "official": "demo-001", "severity": "high", "subject": "official", "status": "exposed",
        "source": "kvk", "kvk_number": "90000001", "vestigingsnummer": "000012345678",
        "address_type": "bezoekadres"}
    assert result["message"]["text"] == (
        "demo-001: Home address in a public source: exposed, official "
        "(kvk: kvk_number=90000001 vestigingsnummer=000012345678 address_type=bezoekadres)")


def test_roster_uri_is_encoded_or_absolute_and_absent_without_a_roster() -> None:
    def uri(roster: Path) -> str:
        location = run_of(make_report(), roster=roster)["results"][0]["locations"][0]
        return str(location["physicalLocation"]["artifactLocation"]["uri"])

    assert uri(Path("raad 2026/roster.yaml")) == "raad%202026/roster.yaml"
    assert uri(Path("/srv/raad/roster.yaml")) == "file:///srv/raad/roster.yaml"
    location = run_of(make_report())["results"][0]["locations"][0]
    assert "physicalLocation" not in location


def test_web_address_goes_into_properties_not_into_a_location() -> None:
    url = "https://www.example.nl/raad/profiel-17"
    web = make_finding(kind=FindingKind.PHONE, severity=Severity.MEDIUM).model_copy(update={
        "source": SourceId.WEB, "locator": Locator(url=url, element="tel-link")})
    result = run_of(jan_willem(web), roster=Path("roster.yaml"))["results"][0]
    assert result["properties"]["url"] == url
    assert result["properties"]["element"] == "tel-link"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "roster.yaml"


def test_no_personal_data_even_in_an_unredacted_report() -> None:
    report = make_report()
    assert not report.redacted
    for lang in Lang:
        text = render(report, options(lang=lang, roster=Path("roster.yaml")))
        for secret in PERSONAL:
            assert secret not in text
        assert "90000001" in text and "demo-002" in text


def test_source_errors_are_notifications_and_mark_the_run_unsuccessful() -> None:
    [invocation] = run_of(make_report())["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == (
        "demo-003: kvk: failed: address search: HTTP 503 after 3 retries")
    assert notification["locations"][0]["logicalLocations"][0]["name"] == "demo-003"
    [clean] = run_of(jan_willem(make_finding()))["invocations"]
    assert clean["executionSuccessful"] is True
    assert clean["toolExecutionNotifications"] == []
    assert clean["endTimeUtc"] == "2026-11-28T12:00:00Z"


def test_messages_follow_the_language() -> None:
    run = run_of(make_report(Lang.NL), lang=Lang.NL)
    assert run["language"] == "nl"
    assert run["results"][0]["message"]["text"].startswith(
        "demo-001: Woonadres in een openbare bron: zichtbaar, ambtsdrager (kvk: ")
