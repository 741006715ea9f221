"""Re-audit diff: resolved, new, persisting, resurfaced and unverified exposures."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import pytest

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.kvk.client import KvkClient
from exposurecheck.collectors.kvk.collector import KvkCollector
from exposurecheck.diff import (
    Change,
    ReportDiff,
    State,
    diff_reports,
    render_diff_json,
    render_diff_markdown,
    render_diff_table,
)
from exposurecheck.i18n import Lang
from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister
from exposurecheck.mock.register import Register, demo_register_path, register_from_data
from exposurecheck.models import Finding, OfficialResult, Report, SourceErrorKind, SourceId, Status
from exposurecheck.resources import fixtures_dir
from exposurecheck.roster import load_roster

from tests.conftest import accepted, make_finding, make_official, make_report, source_failed

# demo-001's own eenmanszaak at home, exposed in the demo register
SHIELD_VESTIGING = "000060678763"
T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def register_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_register_path().read_text(encoding="utf-8"))
    return data


def shielded_register(vestigingsnummer: str = SHIELD_VESTIGING) -> Register:
    data = register_data()
    hits = 0
    for company in data["companies"]:
        for vestiging in company["vestigingen"]:
            if vestiging["vestigingsnummer"] == vestigingsnummer:
                vestiging["bezoekadres"]["afgeschermd"] = True
                hits += 1
    assert hits == 1
    return register_from_data(data)


def audit(register: Register) -> Report:
    """Audit the demo council in-process against `register`."""
    roster = load_roster(fixtures_dir() / "rosters" / "demo-council.yaml")
    mock = MockHandelsregister(register)

    async def main() -> Report:
        client = KvkClient("http://kvk.test/api", DEMO_API_KEY, transport=mock.transport(),
                           sleep=lambda _: asyncio.sleep(0), jitter=0)
        collector = KvkCollector(client)
        try:
            return await Auditor([collector], AuditOptions()).audit(roster)
        finally:
            await collector.aclose()

    return asyncio.run(main())


@cache
def original() -> Report:
    return audit(register_from_data(register_data()))


def open_fingerprints(report: Report) -> set[str]:
    return {f.fingerprint for o in report.officials for f in o.findings if f.is_exposure}


def entries(diff: ReportDiff, change: Change) -> list[tuple[str, str]]:
    return [(o.id, e.finding.fingerprint) for o in diff.officials for e in o.entries
            if e.change is change]


def fingerprint_of(report: Report, vestigingsnummer: str) -> str:
    (fp,) = {f.fingerprint for o in report.officials for f in o.findings
             if f.locator.vestigingsnummer == vestigingsnummer}
    return fp


def test_two_audits_of_the_same_data_differ_in_nothing() -> None:
    first, second = original(), audit(register_from_data(register_data()))
    diff = diff_reports(first, second)
    assert not diff.changed and not diff.regressed
    assert diff.summary.persists == len(open_fingerprints(first)) > 0
    assert {fp for _, fp in entries(diff, Change.PERSISTS)} == open_fingerprints(first)


def test_shielding_a_business_resolves_exactly_that_finding_and_unshielding_resurfaces_it(
        ) -> None:
    before = original()
    shielded = audit(shielded_register()).model_copy(
        update={"generated_at": before.generated_at + timedelta(days=7)})
    target = fingerprint_of(before, SHIELD_VESTIGING)

    diff = diff_reports(before, shielded)
    assert entries(diff, Change.RESOLVED) == [("demo-001", target)]
    (resolved,) = [e for o in diff.officials for e in o.entries if e.change is Change.RESOLVED]
    assert (resolved.before, resolved.after) == (State.OPEN, State.SHIELDED)
    assert resolved.finding.status is Status.SHIELDED
    assert not entries(diff, Change.NEW) and not entries(diff, Change.RESURFACED)
    assert not diff.regressed

    again = before.model_copy(update={"generated_at": shielded.generated_at + timedelta(days=7)})
    back = diff_reports(shielded, again)
    assert entries(back, Change.RESURFACED) == [("demo-001", target)]
    (entry,) = [e for o in back.officials for e in o.entries if e.change is Change.RESURFACED]
    assert (entry.before, entry.last_known) == (State.SHIELDED, State.SHIELDED)
    assert back.summary.new == 0 and back.summary.resolved == 0
    assert back.regressed


def report_of(*results: OfficialResult, at: datetime = T0) -> Report:
    return make_report().model_copy(update={"generated_at": at, "officials": results})


def official(*findings: Finding, failed: bool = False) -> OfficialResult:
    """demo-001 with these findings; `failed`: its KVK source gave HTTP 503."""
    errors = (source_failed(SourceErrorKind.FAILED, "HTTP 503"),) if failed else ()
    return make_official("demo-001", "Jan-Willem van den Berg", *findings, errors=errors,
                         sources=(SourceId.KVK,))


def only(diff: ReportDiff) -> tuple[Change, State, State]:
    (o,) = diff.officials
    (e,) = o.entries
    return e.change, e.before, e.after


def test_gone_after_a_clean_check_is_resolved_but_after_a_failed_one_is_unverified() -> None:
    exposed = make_finding()
    old = report_of(official(exposed))
    checked = report_of(official(), at=T0 + timedelta(days=1))
    failed = report_of(official(failed=True), at=T0 + timedelta(days=1))
    not_audited = report_of(at=T0 + timedelta(days=1))
    assert only(diff_reports(old, checked)) == (Change.RESOLVED, State.OPEN, State.ABSENT)
    for new in (failed, not_audited):
        diff = diff_reports(old, new)
        assert only(diff) == (Change.UNVERIFIED, State.OPEN, State.UNCHECKED)
        assert diff.summary.resolved == 0
    assert diff_reports(old, failed).incomplete == ("demo-001",)


def test_accepted_in_the_new_audit_is_resolved_as_accepted() -> None:
    exposed = make_finding()
    diff = diff_reports(report_of(official(exposed)),
                        report_of(official(accepted(exposed, "r", "a")),
                                  at=T0 + timedelta(days=1)))
    assert only(diff) == (Change.RESOLVED, State.OPEN, State.ACCEPTED)


def test_history_tells_resurfaced_from_new() -> None:
    exposed = make_finding()
    earlier = report_of(official(exposed), at=T0 - timedelta(days=30))
    old = report_of(official())
    new = report_of(official(exposed), at=T0 + timedelta(days=1))
    assert only(diff_reports(old, new))[0] is Change.NEW
    diff = diff_reports(old, new, [earlier])
    assert only(diff) == (Change.RESURFACED, State.ABSENT, State.OPEN)
    entry = diff.officials[0].entries[0]
    assert (entry.last_known, entry.last_known_at) == (State.OPEN, earlier.generated_at)
    assert diff.history_reports == 1


def test_history_from_after_the_new_audit_is_ignored() -> None:
    exposed = make_finding()
    new = report_of(official(exposed), at=T0 + timedelta(days=1))
    diff = diff_reports(report_of(official()), new, [new])
    assert only(diff)[0] is Change.NEW
    assert diff.history_reports == 0


def test_a_finding_open_before_an_incomplete_audit_persists_after_it() -> None:
    exposed = make_finding()
    earlier = report_of(official(exposed), at=T0 - timedelta(days=30))
    failed = report_of(official(failed=True))
    new = report_of(official(exposed), at=T0 + timedelta(days=1))
    assert only(diff_reports(failed, new, [earlier])) == (
        Change.PERSISTS, State.UNCHECKED, State.OPEN)


def test_shielded_findings_never_show_as_exposures() -> None:
    shielded = make_finding(status=Status.SHIELDED)
    diff = diff_reports(report_of(official(shielded)),
                        report_of(official(shielded), at=T0 + timedelta(days=1)))
    assert diff.officials == ()


@pytest.fixture
def mixed() -> ReportDiff:
    gone = make_finding(vestigingsnummer="000000000001")
    stays = make_finding(vestigingsnummer="000000000002")
    arrives = make_finding(vestigingsnummer="000000000003")
    return diff_reports(report_of(official(gone, stays)),
                        report_of(official(stays, arrives), at=T0 + timedelta(days=1)))


@pytest.mark.parametrize(("lang", "words"), [
    (Lang.EN, ("resolved", "new", "persists", "KVK 90000001 / vest. 000000000001")),
    (Lang.NL, ("opgelost", "nieuw", "blijft", "KVK 90000001 / vest. 000000000001")),
])
def test_table_and_markdown_show_every_change_in_the_language(
        mixed: ReportDiff, lang: Lang, words: tuple[str, ...]) -> None:
    for text in (render_diff_table(mixed, lang), render_diff_markdown(mixed, lang)):
        assert "demo-001" in text
        for word in words:
            assert word in text
    markdown = render_diff_markdown(mixed, lang)
    assert markdown.startswith("# ")
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 3  # header + resolved, new, persists


def test_json_round_trips(mixed: ReportDiff) -> None:
    text = render_diff_json(mixed, Lang.EN)
    assert ReportDiff.model_validate_json(text) == mixed
    data = json.loads(text)
    assert data["summary"] == {"resurfaced": 0, "new": 1, "unverified": 0, "persists": 1,
                               "resolved": 1}


def test_empty_diff_says_so() -> None:
    report = report_of(official())
    assert "No exposures, no changes." in render_diff_table(diff_reports(report, report), Lang.EN)
