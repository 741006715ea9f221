from __future__ import annotations

from pathlib import Path

import pytest
import typer

from exposurecheck import precommit
from exposurecheck.cli import build_app
from exposurecheck.exitcodes import ExitCode
from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister
from exposurecheck.mock.register import load_register


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every audit the hook starts runs against the mock register, with no config file."""
    monkeypatch.chdir(tmp_path)
    def app() -> typer.Typer:
        return build_app(transport=MockHandelsregister(load_register()).transport(),
                         env={"KVK_API_KEY": DEMO_API_KEY,
                              "EXPOSURECHECK_KVK_URL": "http://kvk.test/api"})

    monkeypatch.setattr(precommit, "build_app", app)


def write_roster(path: Path, official: str) -> str:
    path.write_text(f"officials:\n  - {official}\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def clean_roster(tmp_path: Path) -> str:
    return write_roster(tmp_path / "roster-clean.yaml", "{id: t-1, name: Test Persoon, "
                        "home: 'Nergensweg 1, 9999 ZZ Nergenshuizen'}")


@pytest.fixture
def exposed_roster(tmp_path: Path) -> str:
    """demo-001 of the demo council: a business at home in the mock register."""
    return write_roster(tmp_path / "officials.yaml",
                        "{id: demo-001, name: Jan-Willem van den Berg, initials: J.W., "
                        "home: 'Assendorperstraat 12, 8012 DK Zwolle'}")


def test_each_roster_is_audited_and_the_worst_code_wins(
        clean_roster: str, exposed_roster: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert precommit.main(["--quiet", clean_roster]) == ExitCode.OK
    assert precommit.main(["--quiet", clean_roster, exposed_roster]) == ExitCode.EXPOSURES_FOUND
    out = capsys.readouterr().out
    assert f"== {clean_roster}" in out and f"== {exposed_roster}" in out
    assert "demo-001" in out  # the exposed roster's report was printed


def test_options_reach_every_audit(clean_roster: str, exposed_roster: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert precommit.main(["--fail-on=critical", "--quiet", exposed_roster]) == ExitCode.OK
    assert precommit.main(["--format=json", "--quiet", clean_roster]) == ExitCode.OK
    assert '"officials"' in capsys.readouterr().out


def test_bad_roster_fails_the_hook_and_later_rosters_still_run(
        tmp_path: Path, clean_roster: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "roster-bad.yaml"
    bad.write_text("officials:\n  - {name: A}\n", encoding="utf-8")
    assert precommit.main(["--quiet", str(bad), clean_roster]) == ExitCode.BAD_INPUT
    captured = capsys.readouterr()
    assert f"== {clean_roster}" in captured.out
    assert "error:" in captured.err


def test_usage_error_is_reported_not_raised(clean_roster: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert precommit.main(["--format=bogus", clean_roster]) == ExitCode.BAD_INPUT
    assert "--format" in capsys.readouterr().err


def test_no_files_nothing_to_audit() -> None:
    assert precommit.main(["--quiet"]) == ExitCode.OK
