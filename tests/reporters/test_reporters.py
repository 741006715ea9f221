from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.redact import redact_report
from exposurecheck.reporters import OutputFormat, render
from exposurecheck.reporters.interface import RenderOptions, reporter_for
from exposurecheck.reporters.json_report import report_schema, report_schema_text
from exposurecheck.reporters.summary import render_summary, totals

from tests.conftest import make_report

SNAPSHOTS = Path(__file__).parent / "snapshots"
SCHEMA_FILE = Path(__file__).parents[2] / "src" / "exposurecheck" / "schemas" / "report.schema.json"


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_every_format_has_a_reporter(output_format: OutputFormat, report: Report) -> None:
    text = reporter_for(output_format)(report, RenderOptions())
    assert "demo-001" in text


@pytest.mark.parametrize("lang", list(Lang))
def test_table_snapshot(lang: Lang) -> None:
    report = redact_report(make_report(lang))
    check_snapshot(f"table-{lang.value}.txt",
                   render(report, OutputFormat.TABLE, RenderOptions(lang=lang, width=140)))


def test_json_snapshot_and_schema() -> None:
    report = redact_report(make_report())
    text = render(report, OutputFormat.JSON, RenderOptions())
    check_snapshot("report.json", text)
    data = json.loads(text)
    jsonschema.validate(data, report_schema())
    assert {"schema_version", "generated_at", "tool", "officials"} <= data.keys()
    assert set(data["officials"][0]) >= {"id", "findings", "errors"}


def test_published_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == report_schema_text()


def test_table_marks_incomplete_and_clean_officials(report: Report) -> None:
    text = render(report, OutputFormat.TABLE, RenderOptions(width=140))
    assert "INCOMPLETE" in text and "HTTP 503" in text
    assert "no findings" in text


def test_summary_counts(report: Report) -> None:
    t = totals(report)
    assert (t.officials, t.with_exposures, t.exposures, t.shielded, t.incomplete) == (4, 2, 2, 1, 1)
    assert "incomplete (a source failed): 1" in render_summary(report, Lang.EN)
    assert "onvolledig" in render_summary(report, Lang.NL)
