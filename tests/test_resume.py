"""An audit killed with SIGKILL and resumed from its checkpoint gives the same report."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from exposurecheck.checkpoint import Checkpoint
from exposurecheck.mock.api import DEMO_API_KEY
from exposurecheck.mock.ori import ORI_BASE_PATH, MockOri
from exposurecheck.mock.server import running_server
from exposurecheck.resources import fixtures_dir

ROSTER = fixtures_dir() / "rosters" / "demo-council.yaml"
SLOW_CONFIG = """
[tool.exposurecheck]
concurrency = 2
[tool.exposurecheck.kvk]
rate_limit = 10000
concurrency = 2
[tool.exposurecheck.ori]
rate_limit = 10000
"""


def audit_command(tmp_path: Path, output: Path, checkpoint: Path | None) -> list[str]:
    config = tmp_path / "exposurecheck.toml"
    config.write_text(SLOW_CONFIG, encoding="utf-8")
    command = [sys.executable, "-m", "exposurecheck", "audit", str(ROSTER), "--format", "json",
               "--reveal", "--quiet", "--output", str(output), "--config", str(config)]
    return command + (["--checkpoint", str(checkpoint)] if checkpoint else [])


def comparable(path: Path) -> dict[str, Any]:
    report = json.loads(path.read_text(encoding="utf-8"))
    report.pop("generated_at")
    report.pop("usage")  # what each run spent: a resumed run spends less, by design
    return dict(report)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_and_resume_gives_the_uninterrupted_report(tmp_path: Path, seed: int) -> None:
    with running_server(latency=0.15, ori=MockOri()) as base_url:  # killed mid-audit
        env = {**os.environ, "EXPOSURECHECK_KVK_URL": base_url, "KVK_API_KEY": DEMO_API_KEY,
               "EXPOSURECHECK_ORI_URL": base_url.removesuffix("/api") + ORI_BASE_PATH,
               "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
        whole, resumed, checkpoint = tmp_path / "whole.json", tmp_path / "resumed.json", \
            tmp_path / "audit.ckpt"
        subprocess.run(audit_command(tmp_path, whole, None), env=env, check=False, timeout=120)
        total = len(comparable(whole)["officials"])
        # killed once a seed-chosen number of officials is saved, whatever the machine's load
        target = random.Random(seed).randint(1, total - 1)
        process = subprocess.Popen(audit_command(tmp_path, resumed, checkpoint), env=env)
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and (
                not checkpoint.exists() or checkpoint.read_bytes().count(b"\n") - 1 < target):
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        assert not resumed.exists()  # nothing half-written
        saved = checkpoint.read_bytes().count(b"\n") - 1

        finished = subprocess.run(audit_command(tmp_path, resumed, checkpoint), env=env,
                                  check=False, timeout=120)
    assert finished.returncode == 1  # the demo council has exposures
    assert comparable(resumed) == comparable(whole)
    assert saved < len(comparable(whole)["officials"]), "killed too late to test resuming"


def test_a_line_cut_short_is_audited_again(tmp_path: Path) -> None:
    path = tmp_path / "audit.ckpt"
    path.write_text('{"format": "exposurecheck-checkpoint/1", "audit": "abc"}\n'
                    '{"id": "a", "name": "A"}\n{"id": "b", "na', encoding="utf-8")
    checkpoint = Checkpoint(path, "abc").open()
    checkpoint.close()
    assert list(checkpoint.done) == ["a"]
    assert path.read_text(encoding="utf-8").endswith('{"id": "a", "name": "A"}\n')
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_checkpoint_of_another_audit_is_refused(tmp_path: Path) -> None:
    from exposurecheck.checkpoint import CheckpointError

    path = tmp_path / "audit.ckpt"
    path.write_text('{"format": "exposurecheck-checkpoint/1", "audit": "abc"}\n',
                    encoding="utf-8")
    with pytest.raises(CheckpointError, match="another audit"):
        Checkpoint(path, "other").open()


def test_ctrl_c_exits_cleanly_with_progress_saved(tmp_path: Path) -> None:
    with running_server(latency=0.05, ori=MockOri()) as base_url:
        env = {**os.environ, "EXPOSURECHECK_KVK_URL": base_url, "KVK_API_KEY": DEMO_API_KEY,
               "EXPOSURECHECK_ORI_URL": base_url.removesuffix("/api") + ORI_BASE_PATH,
               "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
        checkpoint, output = tmp_path / "audit.ckpt", tmp_path / "report.json"
        process = subprocess.Popen(audit_command(tmp_path, output, checkpoint), env=env,
                                   stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
                not checkpoint.exists() or checkpoint.read_bytes().count(b"\n") < 3):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "officials saved" in err and "Traceback" not in err
    assert checkpoint.read_bytes().count(b"\n") >= 3
    assert not output.exists()
