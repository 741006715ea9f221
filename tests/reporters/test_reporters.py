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
from exposurecheck.reporters.table import SHORT_URL_LENGTH, short_url

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


def demo_web_report() -> Report:
    """The demo web audit's expected report (fixtures/expected), which has long page URLs."""
    data = json.loads((Path(__file__).parents[2] / "fixtures" / "expected"
                       / "demo-web.report.json").read_text(encoding="utf-8"))
    data |= {"generated_at": "2026-01-01T00:00:00Z",
             "tool": {"name": "exposurecheck", "version": "0"}}
    return Report.model_validate(data)


@pytest.mark.parametrize("width", [80, 100])
def test_table_fits_a_terminal_and_keeps_urls_whole(width: int) -> None:
    report = demo_web_report()
    text = render(report, OutputFormat.TABLE, RenderOptions(width=width))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    for official in report.officials:
        for finding in official.findings:
            assert finding.locator.url
            short = short_url(finding.locator.url)
            assert len(short) <= SHORT_URL_LENGTH and " " not in short
            assert any(short in line for line in lines), short  # on one line, not folded
            assert finding.evidence.value and finding.evidence.value in text
    assert text.count("exposed") >= sum(len(o.findings) for o in report.officials)
    assert "What to do:" in text and text.count("1. ") == sum(
        1 for o in report.officials if o.findings)


@pytest.mark.parametrize(("url", "short"), [
    ("https://www.gemeente.test/college/", "gemeente.test/college"),
    ("http://gemeente-voorbeeld.test/college/jan-willem-van-den-berg.html",
     "gemeente-voorbeeld.test/…/…lem-van-den-berg.html"),
    ("https://a.test/x/" + "y" * 80, "a.test/…/…" + "y" * 38),
])
def test_short_url(url: str, short: str) -> None:
    assert short_url(url) == short


def test_table_values_are_text_never_markup() -> None:
    report = redact_report(make_report())
    official = report.officials[0]
    finding = official.findings[0].model_copy(update={"evidence": official.findings[0].evidence
                                                      .model_copy(update={"value": "[/] [bold]x"})})
    hostile = report.model_copy(update={"officials": (
        official.model_copy(update={"findings": (finding,)}),)})
    assert "[/] [bold]x" in render(hostile, OutputFormat.TABLE, RenderOptions(width=80))
