"""Accepted risks: a baseline silences known exposures, never new ones, and does not rot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from exposurecheck.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    WarningKind,
    apply_baseline,
    baseline_from_report,
    dump_baseline,
    load_baseline,
)
from exposurecheck.cli import _exit_code
from exposurecheck.exitcodes import ExitCode
from exposurecheck.i18n import Lang
from exposurecheck.mock.register import register_from_data
from exposurecheck.models import Acceptance, Fingerprint, Report, Severity, Status

from tests.conftest import make_report
from tests.test_diff import audit, original, register_data, shielded_register

TODAY = date(2026, 12, 1)


def open_findings(report: Report) -> list[tuple[str, str | None]]:
    return [(o.id, f.locator.vestigingsnummer) for o in report.officials for f in o.findings
            if f.is_exposure]


def entry(fingerprint: str, **kwargs: Any) -> BaselineEntry:
    fields: dict[str, Any] = {"reason": "known", "accepted_by": "griffie", **kwargs}
    return BaselineEntry(fingerprint=Fingerprint(fingerprint), **fields)


def test_accepting_every_finding_passes_the_audit_and_a_new_exposure_is_the_only_open_one(
        ) -> None:
    report = original()
    assert _exit_code(report, Severity.LOW) is ExitCode.EXPOSURES_FOUND
    baseline = baseline_from_report(report, reason="wacht op KVK", accepted_by="griffie")
    accepted, warnings = apply_baseline(report, baseline, TODAY)
    assert warnings == []
    assert open_findings(accepted) == []
    assert _exit_code(accepted, Severity.LOW) is ExitCode.OK
    marked = [f for o in accepted.officials for f in o.findings if f.accepted is not None]
    assert len(marked) == len(baseline.entries) > 0
    assert all(f.exposes for f in marked)  # still shown, just accepted

    data = register_data()
    data["companies"].append({
        "kvkNummer": "98765430", "naam": "P. Bakker Webdesign", "rechtsvorm": "Eenmanszaak",
        "handelsnamen": ["P. Bakker Webdesign"], "actief": True,
        "vestigingen": [{
            "vestigingsnummer": "000098765430", "hoofdvestiging": True,
            "handelsnamen": ["P. Bakker Webdesign"],
            "bezoekadres": {"straatnaam": "Luttenbergstraat", "huisnummer": 4,
                            "postcode": "8012EE", "plaats": "Zwolle", "afgeschermd": False}}],
    })
    later, warnings = apply_baseline(audit(register_from_data(data)), baseline, TODAY)
    assert warnings == []
    assert open_findings(later) == [("demo-014", "000098765430")]
    assert _exit_code(later, Severity.LOW) is ExitCode.EXPOSURES_FOUND


def test_expired_acceptance_does_not_apply_and_warns() -> None:
    report = make_report()
    exposed = report.officials[0].findings[0]
    baseline = Baseline(entries=(entry(exposed.fingerprint, official_id="demo-001",
                                       expires=date(2026, 11, 30)),))
    applied, warnings = apply_baseline(report, baseline, TODAY)
    assert applied.officials[0].findings[0].is_exposure
    assert [w.kind for w in warnings] == [WarningKind.EXPIRED]
    assert "2026-11-30" in warnings[0].message(Lang.EN)
    assert "verlopen" in warnings[0].message(Lang.NL)
    still, warnings = apply_baseline(report, baseline, date(2026, 11, 30))
    assert not still.officials[0].findings[0].is_exposure  # holds through its last day
    assert warnings == []


def test_stale_entries_warn_and_name_the_entry_not_the_reason() -> None:
    report = make_report()
    shielded = report.officials[0].findings[1]
    assert shielded.status is Status.SHIELDED
    baseline = Baseline(entries=(
        entry("0" * 20, official_id="demo-002", reason="secret reason"),
        entry(shielded.fingerprint, official_id="demo-001"),
        entry("1" * 20, official_id="demo-003"),  # demo-003's audit failed: proves nothing
        entry("2" * 20, official_id="not-in-this-report"),
    ))
    applied, warnings = apply_baseline(report, baseline, TODAY)
    assert [(w.kind, w.entry.official_id, w.shielded) for w in warnings] == [
        (WarningKind.STALE, "demo-002", False), (WarningKind.STALE, "demo-001", True)]
    assert "0" * 20 in warnings[0].message(Lang.EN)
    assert "secret reason" not in warnings[0].message(Lang.EN)
    assert "shielded" in warnings[1].message(Lang.EN)
    assert applied.officials[0].findings[1].accepted is None  # shielded is never "accepted"


def test_the_baseline_decides_acceptance_alone() -> None:
    report = make_report()
    exposed = report.officials[0].findings[0]
    stale = exposed.model_copy(update={"accepted": Acceptance(reason="old", accepted_by="x")})
    report = report.model_copy(update={"officials": (
        report.officials[0].model_copy(update={"findings": (stale,)}), *report.officials[1:])})
    applied, _ = apply_baseline(report, Baseline(), TODAY)
    assert applied.officials[0].findings[0].is_exposure


def test_recreating_a_baseline_keeps_earlier_reasons() -> None:
    report = make_report()
    exposed = report.officials[0].findings[0]
    first = Baseline(entries=(entry(exposed.fingerprint, expires=date(2027, 6, 1)),))
    applied, _ = apply_baseline(report, first, TODAY)
    again = baseline_from_report(applied, reason="new reason", accepted_by="someone else")
    by_fp = {e.fingerprint: e for e in again.entries}
    assert (by_fp[exposed.fingerprint].reason, by_fp[exposed.fingerprint].expires) == (
        "known", date(2027, 6, 1))
    unknown = report.officials[1].findings[0]
    assert by_fp[unknown.fingerprint].reason == "new reason"
    assert by_fp[unknown.fingerprint].official_id == "demo-002"
    assert len(again.entries) == 2  # the shielded finding is not an exposure to accept


def test_file_round_trip(tmp_path: Path) -> None:
    baseline = baseline_from_report(make_report(), reason="r", accepted_by="a",
                                    expires=date(2027, 1, 1))
    path = tmp_path / "baseline.json"
    path.write_text(dump_baseline(baseline), encoding="utf-8")
    assert load_baseline(path) == baseline
    assert "null" not in path.read_text(encoding="utf-8")


def problems(tmp_path: Path, content: str) -> list[str]:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    assert all(p.startswith(str(path)) for p in caught.value.problems)
    return list(caught.value.problems)


GOOD = {"fingerprint": "a" * 20, "reason": "r", "accepted_by": "a"}


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "not valid JSON (line 1"),
    ("[]", "must be an object with an 'entries' list"),
    (json.dumps({"entries": [GOOD, {**GOOD, "fingerprint": "b" * 20, "expires": "soon"}]}),
     "entries[1], field 'expires'"),
    (json.dumps({"entries": [{**GOOD, "fingerprint": "XYZ"}]}),
     "entries[0], field 'fingerprint': must be a finding fingerprint"),
    (json.dumps({"entries": [{**GOOD, "reason": "  "}]}),
     "entries[0], field 'reason'"),
    (json.dumps({"entries": [{**GOOD, "accepted": True}]}),
     "entries[0], field 'accepted': unknown field"),
    (json.dumps({"entries": [GOOD, GOOD]}), "entries[1]: fingerprint aaaa"),
    (json.dumps({"schema_version": "2.0", "entries": []}), "unsupported baseline version"),
])
def test_malformed_baselines_name_file_and_entry(tmp_path: Path, content: str,
                                                 expected: str) -> None:
    found = problems(tmp_path, content)
    assert any(expected in p for p in found), found


def test_shielding_a_business_makes_its_acceptance_stale() -> None:
    report = original()
    baseline = baseline_from_report(report, reason="r", accepted_by="a")
    _, warnings = apply_baseline(audit(shielded_register()), baseline, TODAY)
    assert [(w.kind, w.entry.official_id, w.shielded) for w in warnings] == [
        (WarningKind.STALE, "demo-001", True)]
