from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from junitparser import Error, Failure, JUnitXml, Skipped, TestSuite

from exposurecheck.i18n import Lang
from exposurecheck.models import Report, Severity, SourceErrorKind, SourceId, Status
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.junit import render

from tests.conftest import (
    accepted,
    make_finding,
    make_report,
    one_official,
    source_failed,
)
from tests.reporters.test_sarif import PERSONAL


def options(**kwargs: Any) -> RenderOptions:
    return RenderOptions(**kwargs)


def suites(report: Report, **kwargs: Any) -> list[TestSuite]:
    xml = JUnitXml.fromstring(render(report, options(**kwargs)).encode())
    return list(xml)


def outcomes(suite: TestSuite) -> dict[str, str]:
    """name -> the type of the case's result, or 'passed'."""
    return {case.name: type(case.result[0]).__name__ if case.result else "passed"
            for case in suite}


def test_a_case_per_official_with_counts() -> None:
    [suite] = suites(make_report())
    assert suite.name == "kvk"
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (4, 2, 1, 0)
    assert {case.classname for case in suite} == {"kvk"}
    assert outcomes(suite) == {"demo-001": "Failure", "demo-002": "Failure",
                               "demo-003": "Error", "demo-004": "passed"}


def test_fail_on_raises_the_bar() -> None:
    [suite] = suites(make_report(), fail_on=Severity.HIGH)
    assert outcomes(suite)["demo-002"] == "passed"  # medium, below high
    assert suite.failures == 1
    [suite] = suites(make_report(), fail_on=Severity.CRITICAL)
    assert suite.failures == 0


def test_failure_lists_exposures_by_id_only() -> None:
    [suite] = suites(make_report())
    case = next(c for c in suite if c.name == "demo-001")
    [failure] = case.result
    assert isinstance(failure, Failure)
    assert failure.message == "exposures: 1 (≥ low)"
    assert failure.type == "exposure"
    finding = make_report().officials[0].findings[0]
    assert failure.text == (
        "[high] Home address in a public source: exposed, official (kvk: kvk_number=90000001 "
        "vestigingsnummer=000012345678 address_type=bezoekadres) "
        f"fingerprint={finding.fingerprint}")


def test_shielded_and_accepted_findings_pass() -> None:
    shielded = make_finding(status=Status.SHIELDED, severity=Severity.INFO)
    [suite] = suites(one_official("demo-001", "X", accepted(make_finding()), shielded))
    assert outcomes(suite) == {"demo-001": "passed"}


def test_failed_source_is_an_error_even_with_exposures_and_keeps_them() -> None:
    [suite] = suites(one_official("demo-001", "X", make_finding(), errors=(
        source_failed(SourceErrorKind.TIMEOUT, "gave no answer within 300 s"),)))
    [error] = next(iter(suite)).result
    assert isinstance(error, Error)
    assert (error.type, error.message) == ("timeout", "gave no answer within 300 s")
    assert error.text is not None and "fingerprint=" in error.text


def test_skipped_source_is_skipped_and_exposures_still_fail() -> None:
    skipped = source_failed(SourceErrorKind.SKIPPED,
                            "address search: the home address has no postcode and no town")
    [suite] = suites(one_official("demo-001", "X", errors=(skipped,)))
    [result] = next(iter(suite)).result
    assert isinstance(result, Skipped)
    assert result.message == skipped.message
    assert suite.skipped == 1
    [suite] = suites(one_official("demo-001", "X", make_finding(), errors=(skipped,)))
    assert outcomes(suite) == {"demo-001": "Failure"}


def test_a_suite_per_source() -> None:
    report = make_report().model_copy(update={"sources": (SourceId.KVK, SourceId.WEB)})
    kvk, web = suites(report)
    assert (kvk.name, web.name) == ("kvk", "web")
    assert set(outcomes(web).values()) == {"passed"}
    assert {case.classname for case in web} == {"web"}
    root = ET.fromstring(render(report, options()))
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "8", "failures": "2", "errors": "1", "skipped": "0"}


def test_suite_has_timestamp_and_properties() -> None:
    root = ET.fromstring(render(make_report(), options(fail_on=Severity.MEDIUM)))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("timestamp") == "2026-11-28T12:00:00"
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"version": "0.1.0", "fail_on": "medium"}


def test_no_personal_data_even_in_an_unredacted_report() -> None:
    text = render(make_report(), options())
    for secret in PERSONAL:
        assert secret not in text
    assert "demo-003" in text


def test_dutch_messages() -> None:
    [suite] = suites(make_report(Lang.NL), lang=Lang.NL)
    [failure] = next(iter(suite)).result
    assert failure.message == "blootstellingen: 1 (≥ laag)"
    assert failure.text is not None and failure.text.startswith("[hoog] Woonadres")
