"""`watch` against the demo's mock register, with notifications to a local webhook."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from exposurecheck.cli import build_app
from exposurecheck.mock.api import DEMO_API_KEY
from exposurecheck.mock.router import DEMO_KVK_HOST, demo_transport
from exposurecheck.resources import fixtures_dir
from exposurecheck.watch import PREFIX, default_state

from tests.support import FAST_CONFIG, QuietHandler, serve_locally

ENV = {"KVK_API_KEY": DEMO_API_KEY, "EXPOSURECHECK_KVK_URL": f"http://{DEMO_KVK_HOST}/api"}


class Webhook:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        hook = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                hook.received.append(json.loads(self.rfile.read(length)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server, self.stop = serve_locally(Handler)
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    try:
        yield hook
    finally:
        hook.stop()


def _official(official_id: str) -> dict[str, Any]:
    council = yaml.safe_load((fixtures_dir() / "rosters" / "demo-council.yaml").read_text())
    return dict(next(o for o in council["officials"] if o["id"] == official_id))


def _roster(path: Path, officials: list[dict[str, Any]]) -> Path:
    path.write_text(yaml.safe_dump({"officials": officials}), encoding="utf-8")
    return path


def _watch(roster: Path, state: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_app(transport=demo_transport(), env=ENV), [
        "watch", str(roster), "--state", str(state), "--sources", "kvk", "--lang", "en",
        "--no-cache", "--config", str(FAST_CONFIG), *extra])
    return result.exit_code, result.stderr


def test_same_data_twice_sends_nothing_then_a_new_exposure_sends_one(
        tmp_path: Path, webhook: Webhook) -> None:
    official = _official("demo-001")
    without_home = {k: v for k, v in official.items() if k != "home"}
    roster = _roster(tmp_path / "roster.yaml", [without_home])
    state = tmp_path / "state"

    code, stderr = _watch(roster, state, "--notify", webhook.url)
    assert code == 0, stderr  # first run: nothing open, nothing to report
    code, stderr = _watch(roster, state, "--notify", webhook.url)
    assert code == 0, stderr
    assert webhook.received == []

    _roster(roster, [official])  # the home address is now checked: the business shows up
    code, stderr = _watch(roster, state, "--notify", webhook.url)
    assert code == 1, stderr
    assert len(webhook.received) == 1
    message = webhook.received[0]["title"] + "\n" + webhook.received[0]["message"]
    assert "home_address" in message and "high" in message and "demo-001" in message
    for personal in ("Jan-Willem", "van den Berg", "Assendorperstraat", "8012",
                     "1234 5601", "example.nl", "Petra"):
        assert personal not in message, personal

    code, _ = _watch(roster, state, "--notify", webhook.url)
    assert code == 0 and len(webhook.received) == 1


def test_state_keeps_the_last_n_reports_owner_only(tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    state = tmp_path / "state"
    codes = [_watch(roster, state, "--keep", "2")[0] for _ in range(3)]
    assert codes == [1, 0, 0]  # the first run has nothing to compare with: all is new
    reports = sorted(state.glob(f"{PREFIX}*.json"))
    assert len(reports) == 2
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in reports)
    stored = reports[-1].read_text()
    assert json.loads(stored)["redacted"] is True and "Kuipers" not in stored


def test_notify_detail_carries_the_diff(tmp_path: Path, webhook: Webhook) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    code, _ = _watch(roster, tmp_path / "state", "--notify", webhook.url, "--notify-detail")
    assert code == 1
    assert "| new |" in webhook.received[0]["message"]


def test_an_unreachable_notification_target_makes_the_run_incomplete(tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    code, stderr = _watch(roster, tmp_path / "state", "--notify", "json://127.0.0.1:9/")
    assert code == 3
    assert "notification to json://… failed" in stderr


def test_an_incomplete_audit_exits_3(tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    result = CliRunner().invoke(build_app(transport=demo_transport(), env={
        **ENV, "KVK_API_KEY": "wrong"}), ["watch", str(roster), "--state", str(tmp_path / "s"),
                                          "--sources", "kvk", "--config", str(FAST_CONFIG)])
    assert result.exit_code == 3, result.stderr


def test_a_failed_notification_leaves_the_state_so_the_next_run_alerts_again(
        tmp_path: Path, webhook: Webhook) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    state = tmp_path / "state"
    assert _watch(roster, state, "--notify", "json://127.0.0.1:9/")[0] == 3
    assert not list(state.glob(f"{PREFIX}*.json"))
    assert _watch(roster, state, "--notify", webhook.url)[0] == 1
    assert len(webhook.received) == 1


def test_a_state_that_is_a_file_is_bad_input(tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster.yaml", [_official("demo-002")])
    (tmp_path / "state").write_text("")
    code, stderr = _watch(roster, tmp_path / "state")
    assert code == 2 and "not a directory" in stderr


def test_a_notification_never_holds_a_name_or_a_value_found() -> None:
    from exposurecheck.diff import diff_reports
    from exposurecheck.i18n import Lang
    from exposurecheck.models import Report
    from exposurecheck.watch import notification

    data = json.loads((fixtures_dir() / "expected" / "demo-web.report.json").read_text())
    report = Report.model_validate(data | {"generated_at": "2026-01-05T08:00:00Z",
                                           "tool": {"version": "0.1.0"}})
    diff = diff_reports(report.model_copy(update={"officials": ()}), report)
    title, body = notification(diff, detail=False, lang=Lang.EN)
    assert diff.summary.new > 10 and f"{diff.summary.new} new" in title
    personal = {o.name for o in report.officials} | {
        v for o in report.officials for f in o.findings
        for v in (f.evidence.value, f.evidence.person, f.evidence.address, f.evidence.context,
                  f.evidence.trade_name) if v}
    for value in personal:
        assert value not in body, value
    kinds = {f.kind.value for o in report.officials for f in o.findings if f.is_exposure}
    assert all(kind in body for kind in kinds)
    assert all(o.id in body for o in report.officials if any(f.is_exposure for f in o.findings))


def test_without_state_each_roster_keeps_its_reports_in_the_user_state_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _roster(tmp_path / "a" / "council.yaml", [_official("demo-002")])
    second = _roster(tmp_path / "b" / "council.yaml", [_official("demo-002")])
    for roster in (first, second):
        result = CliRunner().invoke(build_app(transport=demo_transport(), env=ENV), [
            "watch", str(roster), "--sources", "kvk", "--no-cache", "--config",
            str(FAST_CONFIG)])
        assert result.exit_code == 1  # a first run: everything open is new
    folders = sorted((tmp_path / "xdg-state" / "exposurecheck" / "watch").iterdir())
    assert [f.name.split("-")[0] for f in folders] == ["council", "council"]
    assert folders == sorted({default_state(first), default_state(second)})
    assert all(len(list(f.glob(f"{PREFIX}*.json"))) == 1 for f in folders)
