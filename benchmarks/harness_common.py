"""What the independent harnesses (docs_independent, ori_independent) share: running the
installed CLI's `audit --format json` as a subprocess and reading its report.

Written, like the harnesses, from the user's side only (README and report schema)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any


def run_json_audit(cmd: list[str], cwd: Path | str, env: dict[str, str], timeout: float
                   ) -> tuple[int, dict[str, Any] | None, str, float]:
    """Exit code, the JSON report on stdout (None when stdout is not JSON), stderr and the wall
    time in seconds. A run over `timeout` raises subprocess.TimeoutExpired."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    wall = time.perf_counter() - start
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        report = None
    return done.returncode, report, done.stderr, wall
