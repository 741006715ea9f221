"""Each fixture dataset is audited and compared with its expected report in fixtures/expected.

A change in matching shows up here as a reviewable diff of the expected file:
regenerate with `UPDATE_EXPECTED=1 pytest tests/test_fixture_regression.py` and
review `git diff fixtures/expected`.
"""

from __future__ import annotations

import difflib
import json
import os

import pytest
from typer.testing import CliRunner

from exposurecheck.cli import build_app
from exposurecheck.mock.api import DEMO_API_KEY
from exposurecheck.mock.ori import ORI_BASE_PATH
from exposurecheck.mock.router import DEMO_KVK_HOST, DEMO_ORI_HOST, demo_transport
from exposurecheck.resources import fixtures_dir

from tests.support import FAST_CONFIG

EXPECTED = fixtures_dir() / "expected"
DATASETS = {"demo-council": ["--sources", "kvk,ori"], "demo-web": ["--sources", "kvk,web,ori"]}


def audit(dataset: str) -> str:
    app = build_app(transport=demo_transport(),
                    env={"KVK_API_KEY": DEMO_API_KEY,
                         "EXPOSURECHECK_KVK_URL": f"http://{DEMO_KVK_HOST}/api",
                         "EXPOSURECHECK_ORI_URL": f"http://{DEMO_ORI_HOST}{ORI_BASE_PATH}"})
    roster = fixtures_dir() / "rosters" / f"{dataset}.yaml"
    result = CliRunner().invoke(app, ["audit", str(roster), "--format", "json", "--reveal",
                                      "--lang", "en", "--quiet", "--no-cache",
                                      "--config", str(FAST_CONFIG),
                                      *DATASETS[dataset]])
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    for volatile in ("generated_at", "tool"):
        report.pop(volatile)
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_dataset_matches_its_expected_report(dataset: str) -> None:
    path = EXPECTED / f"{dataset}.report.json"
    actual = audit(dataset)
    if os.environ.get("UPDATE_EXPECTED") or not path.exists():
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        str(path), "this run", n=2))
    assert actual == expected, f"matching changed; review and regenerate:\n{diff[:6000]}"
