from __future__ import annotations

import json
import stat
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from exposurecheck.cli import build_app
from exposurecheck.exitcodes import ExitCode
from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister
from exposurecheck.mock.ori import ORI_BASE_PATH, MockOri
from exposurecheck.mock.register import load_register
from exposurecheck.mock.router import HostRouter
from exposurecheck.resources import fixtures_dir

from tests.support import FAST_CONFIG

DEMO_ROSTER = fixtures_dir() / "rosters" / "demo-council.yaml"
ENV = {"KVK_API_KEY": DEMO_API_KEY, "EXPOSURECHECK_KVK_URL": "http://kvk.test/api",
       "EXPOSURECHECK_ORI_URL": f"http://ori.test{ORI_BASE_PATH}"}




def run(args: list[str], transport: httpx.AsyncBaseTransport | None = None,
        env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process against the mock register and the ORI stand-in, unpaced
    (they are not real servers)."""
    mock = transport or (None if args[:1] == ["demo"] else HostRouter(
        MockHandelsregister(load_register()).transport(), {"ori.test": MockOri().transport()}))
    if args and args[0] in ("audit", "check"):
        args = [*args, "--config", str(FAST_CONFIG)]
    result = CliRunner().invoke(build_app(transport=mock, env=ENV if env is None else env), args)
    return result.exit_code, result.stdout, result.stderr


def home_streets() -> list[str]:
    import yaml

    data = yaml.safe_load(DEMO_ROSTER.read_text(encoding="utf-8"))
    streets = []
    for official in data["officials"]:
        home = official.get("home")
        if isinstance(home, dict):
            streets.append(f"{home['street']} {home['number']}")
    return streets


def test_demo_runs_offline_and_exits_zero() -> None:
    code, out, err = run(["demo", "--lang", "en"])
    assert code == ExitCode.OK
    assert "home address" in out
    assert "officials audited" in err


def test_default_output_hides_home_addresses_and_reveal_shows_them() -> None:
    _, table, _ = run(["audit", str(DEMO_ROSTER)])
    _, as_json, _ = run(["audit", str(DEMO_ROSTER), "--format", "json"])
    streets = home_streets()
    assert streets
    for street in streets:
        assert street not in table and street not in as_json
    _, revealed, _ = run(["audit", str(DEMO_ROSTER), "--format", "json", "--reveal"])
    assert any(street.split()[0] in revealed for street in streets)


def test_exposures_exit_one_and_fail_on_raises_the_bar() -> None:
    code, _, _ = run(["audit", str(DEMO_ROSTER), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    code, _, _ = run(["audit", str(DEMO_ROSTER), "--format", "json", "--fail-on", "critical"])
    assert code == ExitCode.OK


def test_failing_source_makes_the_audit_incomplete() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"fout": [{"code": "IPD1002", "omschrijving": "x"}]})

    code, out, _ = run(["audit", str(DEMO_ROSTER), "--format", "json"],
                       transport=httpx.MockTransport(broken))
    assert code == ExitCode.INCOMPLETE
    report = json.loads(out)
    assert all(o["errors"] and o["errors"][0]["source"] == "kvk" for o in report["officials"])


def test_bad_roster_exits_two_without_traceback(tmp_path: Path) -> None:
    roster = tmp_path / "bad.yaml"
    roster.write_text("officials:\n  - {name: A}\n", encoding="utf-8")
    code, out, err = run(["audit", str(roster)])
    assert code == ExitCode.BAD_INPUT
    assert "field 'id': is required" in err
    assert "Traceback" not in err and out == ""


def test_missing_api_key_is_a_clear_usage_error() -> None:
    code, _, err = run(["audit", str(DEMO_ROSTER), "--sources", "kvk"], env={})
    assert code == ExitCode.BAD_INPUT
    assert "KVK_API_KEY" in err


def test_without_an_api_key_the_council_documents_are_still_searched() -> None:
    env = {k: v for k, v in ENV.items() if k != "KVK_API_KEY"}
    code, out, err = run(["audit", str(DEMO_ROSTER), "--format", "json"], env=env)
    assert code == ExitCode.EXPOSURES_FOUND
    assert "not checked: kvk" in err
    report = json.loads(out)
    assert report["sources"] == ["ori"]
    assert {f["source"] for o in report["officials"] for f in o["findings"]} == {"ori"}


def test_sources_not_used_are_named_on_stderr() -> None:
    _, _, err = run(["audit", str(DEMO_ROSTER), "--format", "json"])
    assert "not checked: web" in err


def test_unknown_source_is_rejected() -> None:
    code, _, err = run(["audit", str(DEMO_ROSTER), "--sources", "kvk,telefoonboek"])
    assert code == ExitCode.BAD_INPUT
    assert "unknown source 'telefoonboek'" in err


def test_output_file_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(["audit", str(DEMO_ROSTER), "--format", "json", "--output", str(target)])
    assert code == ExitCode.EXPOSURES_FOUND
    assert out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["officials"]
    assert not list(tmp_path.glob(".report.json.*"))


def test_self_check_from_the_command_line() -> None:
    code, _, _ = run(["check", "--name", "Nobody Inparticular",
                        "--address", "Nergensstraat 1, 9999 ZZ Nergens", "--format", "json"])
    assert code == ExitCode.OK
    code, _, err = run(["check", "--name", "X", "--address", "zonder nummer"])
    assert code == ExitCode.BAD_INPUT
    assert "command line" in err


def test_version() -> None:
    code, out, _ = run(["--version"])
    assert code == 0 and out.startswith("exposurecheck ")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_language(lang: str) -> None:
    _, out, _ = run(["demo", "--lang", lang])
    assert ("Wat te doen" in out) == (lang == "nl")
    assert ("What to do" in out) == (lang == "en")


def test_a_crash_is_reported_as_incomplete_not_as_exposures(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import exposurecheck.cli as cli

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("exposurecheck.roster.load_roster", boom)
    monkeypatch.setattr("sys.argv", ["exposurecheck", "audit", "roster.yaml"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == ExitCode.INCOMPLETE
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err and "secret detail" not in err


def test_summary_only_and_split(tmp_path: Path) -> None:
    code, out, _ = run(["audit", str(DEMO_ROSTER), "--summary-only", "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    assert "demo-001" not in out and json.loads(out)
    code, out, _ = run(["audit", str(DEMO_ROSTER), "--split", str(tmp_path / "per"),
                        "--format", "html"])
    files = sorted(p.name for p in (tmp_path / "per").iterdir())
    assert out == "" and "demo-001.html" in files and len(files) == 34
    assert all(stat.S_IMODE((tmp_path / "per" / f).stat().st_mode) == 0o600 for f in files)
    code, _, err = run(["audit", str(DEMO_ROSTER), "--split", str(tmp_path), "--output", "x"])
    assert code == ExitCode.BAD_INPUT and "--split" in err


def test_audit_applies_a_baseline_and_warns_about_expired_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report, baseline = tmp_path / "report.json", tmp_path / "baseline.json"
    code, _, _ = run(["audit", str(DEMO_ROSTER), "--format", "json", "--output", str(report)])
    assert code == ExitCode.EXPOSURES_FOUND
    code, _, _ = run(["baseline", "create", str(report), "--output", str(baseline),
                      "--reason", "known", "--accepted-by", "griffie"])
    assert code == ExitCode.OK
    code, out, err = run(["audit", str(DEMO_ROSTER), "--format", "json",
                          "--baseline", str(baseline)])
    assert code == ExitCode.OK, err
    assert all(f["accepted"] for o in json.loads(out)["officials"] for f in o["findings"]
               if f["status"] == "exposed")
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["entries"][0]["expires"] = "2020-01-01"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(["audit", str(DEMO_ROSTER), "--format", "json", "--baseline",
                        str(baseline)])
    assert code == ExitCode.EXPOSURES_FOUND
    assert "warning: baseline:" in err and "expired on 2020-01-01" in err
    monkeypatch.chdir(tmp_path)
    baseline.rename(tmp_path / ".exposurecheck-baseline.json")
    code, _, err = run(["audit", str(DEMO_ROSTER), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND and "expired on 2020-01-01" in err
    (tmp_path / ".exposurecheck-baseline.json").write_text('{"entries": [{}]}', encoding="utf-8")
    code, _, err = run(["audit", str(DEMO_ROSTER)])
    assert code == ExitCode.BAD_INPUT
    assert "error: .exposurecheck-baseline.json, entries[0], field 'fingerprint'" in err


def test_flags_override_the_config_file_and_config_show_masks_secrets(tmp_path: Path) -> None:
    config = tmp_path / "exposurecheck.toml"
    config.write_text(FAST_CONFIG.read_text(encoding="utf-8")
                      + '\n[tool.exposurecheck]\nfail_on = "critical"\nformat = "json"\n',
                      encoding="utf-8")
    result = CliRunner().invoke(
        build_app(transport=MockHandelsregister(load_register()).transport(), env=ENV),
        ["audit", str(DEMO_ROSTER), "--config", str(config), "--sources", "kvk"])
    assert result.exit_code == ExitCode.OK and json.loads(result.stdout)["officials"]
    result = CliRunner().invoke(
        build_app(transport=MockHandelsregister(load_register()).transport(), env=ENV),
        ["audit", str(DEMO_ROSTER), "--config", str(config), "--fail-on", "low",
         "--sources", "kvk"])
    assert result.exit_code == ExitCode.EXPOSURES_FOUND
    code, out, _ = run(["config", "show", "--config", str(config)])
    assert code == 0 and 'fail_on = "critical"' in out
    assert DEMO_API_KEY not in out and "KVK_API_KEY = ********" in out


def test_self_check_of_a_web_page() -> None:
    from exposurecheck.mock.router import demo_transport

    page = "http://gemeente-voorbeeld.test/ris/personen/101-a-m-kuipers.html"
    result = CliRunner().invoke(
        build_app(transport=demo_transport(), env={}),
        ["check", "--name", "Anne-Marie Kuipers", "--address",
         "Veldkampsweg 9, 7731 RE Lemelerveld", "--phone", "0529-431234", "--url", page,
         "--format", "json", "--no-cache", "--config", str(FAST_CONFIG)])
    assert result.exit_code == ExitCode.EXPOSURES_FOUND, result.stderr
    kinds = {f["kind"] for f in json.loads(result.stdout)["officials"][0]["findings"]}
    assert {"phone", "home_address"} <= kinds


def test_contradicting_options_leave_no_checkpoint_behind(tmp_path: Path) -> None:
    checkpoint = tmp_path / "audit.ckpt"
    code, _, err = run(["audit", str(DEMO_ROSTER), "--checkpoint", str(checkpoint),
                        "--summary-only", "--split", str(tmp_path / "per")])
    assert code == ExitCode.BAD_INPUT and "cannot be combined" in err
    assert not checkpoint.exists()
