"""Whatever text a source or roster put in a report, every reporter renders it as text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.redact import redact_report
from exposurecheck.reporters import OutputFormat, render
from exposurecheck.reporters.interface import RenderOptions

from tests.conftest import make_report

HOSTILE = st.text(min_size=1, max_size=40) | st.sampled_from([
    "[/]", "[bold]x[/bold]", "[link=https://evil.example]klik[/link]", "\x1b]8;;http://x\x07y",
    "\x1b[31mrood", "<script>alert(1)</script>", "| a | b |", "`x`", "# kop", "a\u202eb",
    "]]>", "&amp;", "\x00\x0b"])
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_report(text: str) -> Report:
    """The sample report with `text` in every free-text field a source or roster fills."""
    report = make_report()
    officials = []
    for official in report.officials:
        findings = tuple(f.model_copy(update={"evidence": f.evidence.model_copy(update={
            "trade_name": text, "legal_form": text, "page_title": text, "person": text,
            "value": text, "context": text})}) for f in official.findings)
        errors = tuple(e.model_copy(update={"message": text}) for e in official.errors)
        officials.append(official.model_copy(update={
            "name": text, "role": text, "organisation": text, "findings": findings,
            "errors": errors}))
    # model_copy skips validation: rebuild through the models as data enters the tool
    return Report.model_validate(report.model_copy(update={"officials": tuple(officials)})
                                 .model_dump())


@pytest.mark.parametrize("output_format", list(OutputFormat))
@settings(max_examples=40, deadline=None)
@given(text=HOSTILE)
def test_every_reporter_renders_hostile_text_as_text(output_format: OutputFormat,
                                                     text: str) -> None:
    report = hostile_report(text)
    for shown in (report, redact_report(report)):
        out = render(shown, output_format, RenderOptions(lang=Lang.NL))
        assert not CONTROL.search(out)
        if output_format in (OutputFormat.JSON, OutputFormat.SARIF):
            json.loads(out)
        if output_format is OutputFormat.JUNIT:
            ET.fromstring(out)
        if output_format is OutputFormat.HTML:
            assert "<script>alert" not in out and "<script" not in out.split("</head>", 1)[1]


def test_bracketed_text_survives_the_table_literally() -> None:
    out = render(hostile_report("Jansen [cda] Bouw [/]"), OutputFormat.TABLE, RenderOptions())
    assert "Jansen [cda] Bouw [/]" in out
