"""`diff`, `baseline create` and `requests` on the command line: output, files, exit codes."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from exposurecheck.baseline import load_baseline
from exposurecheck.cli_shielding import register
from exposurecheck.exitcodes import ExitCode
from exposurecheck.models import OfficialResult, Report, SourceError, SourceErrorKind, SourceId
from exposurecheck.resources import fixtures_dir

from tests.conftest import make_finding, make_report
from tests.support import command_runner
from tests.test_diff import audit, original, shielded_register

run = command_runner(register)


def save(report: Report, path: Path) -> Path:
    path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return path


def json_report(path: Path) -> Report:
    return Report.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def audits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo audit, unredacted, before and after one business got shielded."""
    directory = tmp_path_factory.mktemp("audits")
    before = original()
    after = audit(shielded_register()).model_copy(
        update={"generated_at": before.generated_at + timedelta(days=7)})
    return save(before, directory / "before.json"), save(after, directory / "after.json")


def test_diff_shows_what_was_resolved_and_exits_zero(audits: tuple[Path, Path]) -> None:
    before, after = audits
    code, out, _ = run(["diff", str(before), str(after), "--lang", "en"])
    assert code == ExitCode.OK
    assert "resolved 1" in out and "new 0" in out
    assert "open → shielded" in out


def test_diff_that_resurfaces_exits_one_in_every_format(audits: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    before, after = audits
    later = save(json_report(before).model_copy(update={
        "generated_at": json_report(after).generated_at + timedelta(days=7)}),
        tmp_path / "later.json")
    code, out, _ = run(["diff", str(after), str(later), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    assert json.loads(out)["summary"]["resurfaced"] == 1
    code, out, _ = run(["diff", str(after), str(later), "--format", "markdown", "--lang", "nl"])
    assert code == ExitCode.EXPOSURES_FOUND
    assert out.startswith("# Verschil tussen twee controles") and "| terug |" in out
    target = tmp_path / "diff.md"
    code, out, _ = run(["diff", str(after), str(later), "-f", "markdown", "-o", str(target)])
    assert code == ExitCode.EXPOSURES_FOUND and out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_diff_masks_personal_data_unless_revealed(audits: tuple[Path, Path]) -> None:
    before, after = audits
    for output_format in ("table", "json", "markdown"):
        _, out, _ = run(["diff", str(before), str(after), "-f", output_format])
        assert "Jan-Willem van den Berg" not in out
        assert "Assendorperstraat" not in out
    _, out, _ = run(["diff", str(before), str(after), "-f", "json", "--reveal"])
    assert "Jan-Willem van den Berg" in out


def test_history_directory_turns_new_into_resurfaced(tmp_path: Path) -> None:
    report = make_report()
    exposed = report.officials[0].findings[0]

    def at(days: int, *findings: object) -> Report:
        first = report.officials[0].model_copy(update={"findings": findings})
        return report.model_copy(update={"generated_at": report.generated_at
                                         + timedelta(days=days), "officials": (first,)})

    history = tmp_path / "history"
    history.mkdir()
    save(at(-30, exposed), history / "2026-10.json")
    old, new = save(at(0), tmp_path / "old.json"), save(at(7, exposed), tmp_path / "new.json")
    code, out, _ = run(["diff", str(old), str(new), "-f", "json"])
    assert code == ExitCode.EXPOSURES_FOUND and json.loads(out)["summary"]["new"] == 1
    code, out, _ = run(["diff", str(old), str(new), "-f", "json", "--history", str(history)])
    assert code == ExitCode.EXPOSURES_FOUND
    summary = json.loads(out)["summary"]
    assert (summary["new"], summary["resurfaced"]) == (0, 1)


def test_diff_against_an_incomplete_audit_exits_three(tmp_path: Path) -> None:
    report = make_report()
    failed = OfficialResult(id=report.officials[0].id, name="x", sources=(SourceId.KVK,),
                            errors=(SourceError(source=SourceId.KVK, kind=SourceErrorKind.FAILED,
                                                message="HTTP 503"),))
    new = report.model_copy(update={"generated_at": report.generated_at + timedelta(days=1),
                                    "officials": (failed, *report.officials[1:])})
    code, out, _ = run(["diff", str(save(report, tmp_path / "a.json")),
                        str(save(new, tmp_path / "b.json")), "--lang", "en"])
    assert code == ExitCode.INCOMPLETE
    assert "unverified 1" in out and "resolved 0" in out


@pytest.mark.parametrize(("content", "problem"), [
    (None, "No such file or directory"),
    ("{oops", "not JSON (line 1, column 2)"),
    ('{"officials": []}', "not an exposurecheck report: field 'generated_at'"),
    (b"\xff\xfe\x00", "not a text file"),
])
def test_bad_report_files_exit_two_with_one_line_naming_the_file(
        tmp_path: Path, content: str | bytes | None, problem: str) -> None:
    good = save(make_report(), tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    for args in (["diff", str(good), str(bad)], ["diff", str(good), str(good), "--history",
                                                  str(bad)],
                 ["baseline", "create", str(bad), "-o", str(tmp_path / "b.json")],
                 ["requests", str(bad), "--out", str(tmp_path / "r")]):
        code, out, err = run(args)
        assert code == ExitCode.BAD_INPUT, args
        (line,) = err.splitlines()
        assert line.startswith(f"error: {bad}: ") and problem in line
        assert out == ""


def test_empty_history_directory_is_bad_input(tmp_path: Path) -> None:
    good = save(make_report(), tmp_path / "good.json")
    (tmp_path / "empty").mkdir()
    code, _, err = run(["diff", str(good), str(good), "--history", str(tmp_path / "empty")])
    assert code == ExitCode.BAD_INPUT and "no .json reports" in err


def test_baseline_create_writes_a_private_file_and_keeps_an_existing_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = save(make_report(), tmp_path / "report.json")
    expires = (date.today() + timedelta(days=90)).isoformat()
    code, _, err = run(["baseline", "create", str(report), "--reason", "wacht op KVK",
                        "--accepted-by", "griffie", "--expires", expires])
    assert code == ExitCode.OK
    written = tmp_path / ".exposurecheck-baseline.json"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    baseline = load_baseline(written)
    assert [(e.official_id, e.reason, e.accepted_by, e.expires.isoformat() if e.expires else None)
            for e in baseline.entries] == [("demo-001", "wacht op KVK", "griffie", expires),
                                           ("demo-002", "wacht op KVK", "griffie", expires)]
    assert "2 accepted" in err
    code, _, err = run(["baseline", "create", str(report), "--reason", "other"])
    assert code == ExitCode.BAD_INPUT and "--force" in err
    assert load_baseline(written) == baseline
    code, _, _ = run(["baseline", "create", str(report), "--reason", "other", "--force"])
    assert code == ExitCode.OK
    assert {e.reason for e in load_baseline(written).entries} == {"other"}


def test_baseline_create_refuses_an_expiry_in_the_past(tmp_path: Path) -> None:
    report = save(make_report(), tmp_path / "report.json")
    code, _, err = run(["baseline", "create", str(report), "-o", str(tmp_path / "b.json"),
                        "--expires", "2020-01-01"])
    assert code == ExitCode.BAD_INPUT and "in the past" in err
    assert not (tmp_path / "b.json").exists()


def test_requests_writes_private_letters_and_lists_them(tmp_path: Path) -> None:
    report = save(make_report(), tmp_path / "report.json")
    out_dir = tmp_path / "requests"
    code, out, err = run(["requests", str(report), "--out", str(out_dir), "--lang", "nl"])
    assert code == ExitCode.OK and out == ""
    files = sorted(out_dir.iterdir())
    assert [f.name for f in files] == sorted([
        f"demo-001-home-address-{make_finding().fingerprint[:8]}.txt", "demo-001-brp.txt",
        f"demo-002-business-at-home-{report_fp(report, 'demo-002')[:8]}.txt"])
    assert stat.S_IMODE(out_dir.stat().st_mode) == 0o700
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        assert str(f) in err
        assert "Jan-Willem" not in f.read_text(encoding="utf-8")
    assert "3 request(s) for 2 open finding(s)" in err


def report_fp(path: Path, official_id: str) -> str:
    report = json_report(path)
    (result,) = [o for o in report.officials if o.id == official_id]
    return result.findings[0].fingerprint


def test_requests_reveal_markdown_and_one_official(tmp_path: Path) -> None:
    report = save(make_report(), tmp_path / "report.json")
    code, _, _ = run(["requests", str(report), "--out", str(tmp_path / "r"), "--reveal",
                      "--official", "demo-001", "--format", "markdown"])
    assert code == ExitCode.OK
    files = list((tmp_path / "r").iterdir())
    assert {f.suffix for f in files} == {".md"} and len(files) == 2
    assert all("Jan-Willem van den Berg" in f.read_text(encoding="utf-8") for f in files)


def test_requests_warns_when_reveal_cannot_fill_anything_in(tmp_path: Path) -> None:
    from exposurecheck.redact import redact_report

    report = save(redact_report(make_report()), tmp_path / "report.json")
    code, _, err = run(["requests", str(report), "--out", str(tmp_path / "r"), "--reveal"])
    assert code == ExitCode.OK
    assert "is redacted" in err and "--roster" in err
    roster = fixtures_dir() / "rosters" / "demo-council.yaml"
    code, _, err = run(["requests", str(report), "--out", str(tmp_path / "r"), "--reveal",
                        "--roster", str(roster)])
    assert code == ExitCode.OK and "is redacted" not in err


def test_requests_input_errors(tmp_path: Path) -> None:
    report = save(make_report(), tmp_path / "report.json")
    code, _, err = run(["requests", str(report), "--official", "demo-999",
                        "--out", str(tmp_path / "r")])
    assert code == ExitCode.BAD_INPUT and "no official 'demo-999'" in err
    bad_roster = tmp_path / "roster.yaml"
    bad_roster.write_text("officials:\n  - {name: A}\n", encoding="utf-8")
    code, _, err = run(["requests", str(report), "--reveal", "--roster", str(bad_roster),
                        "--out", str(tmp_path / "r")])
    assert code == ExitCode.BAD_INPUT and "field 'id'" in err
    assert not (tmp_path / "r").exists()


def test_requests_with_nothing_open_writes_nothing(tmp_path: Path) -> None:
    report = make_report()
    report = report.model_copy(update={"officials": report.officials[2:]})
    code, _, err = run(["requests", str(save(report, tmp_path / "r.json")),
                        "--out", str(tmp_path / "out")])
    assert code == ExitCode.OK and "no open findings" in err
    assert not (tmp_path / "out").exists()
