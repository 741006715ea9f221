"""Files not read by design: listed per media type in every format, and no error."""

from __future__ import annotations

import json

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import NotRead, Report, SourceId
from exposurecheck.reporters import OutputFormat, render
from exposurecheck.reporters.interface import RenderOptions

from tests.conftest import make_report

NOT_READ = (NotRead(source=SourceId.WEB, media_type="image/jpeg", count=3),
            NotRead(source=SourceId.WEB, media_type="application/zip", count=1))


def with_not_read() -> Report:
    report = make_report()
    first = report.officials[0].model_copy(update={"not_read": NOT_READ})
    return report.model_copy(update={"officials": (first, *report.officials[1:])})


@pytest.mark.parametrize("output_format", [OutputFormat.TABLE, OutputFormat.MARKDOWN,
                                           OutputFormat.HTML])
def test_not_read_is_listed_with_counts_per_type(output_format: OutputFormat) -> None:
    text = render(with_not_read(), output_format, RenderOptions(width=200))
    assert "Not read (not text: images, archives ...): image/jpeg 3, application/zip 1" in text
    dutch = render(with_not_read(), output_format, RenderOptions(width=200, lang=Lang.NL))
    assert "Niet gelezen" in dutch


def test_not_read_is_in_the_json_and_keeps_the_result_complete() -> None:
    report = with_not_read()
    data = json.loads(render(report, OutputFormat.JSON, RenderOptions()))
    assert data["officials"][0]["not_read"] == [
        {"source": "web", "media_type": "image/jpeg", "count": 3},
        {"source": "web", "media_type": "application/zip", "count": 1}]
    clean = make_report().officials[0].model_copy(update={"errors": (), "not_read": NOT_READ})
    assert clean.complete


@pytest.mark.parametrize("output_format", [OutputFormat.TABLE, OutputFormat.MARKDOWN,
                                           OutputFormat.HTML])
def test_a_finding_in_a_document_names_its_page(output_format: OutputFormat) -> None:
    report = make_report()
    first = report.officials[0]
    finding = first.findings[0]
    paged = finding.model_copy(update={"locator": finding.locator.model_copy(
        update={"url": "https://gemeente.example/stuk.pdf", "page": 7})})
    first = first.model_copy(update={"findings": (paged, *first.findings[1:])})
    report = report.model_copy(update={"officials": (first, *report.officials[1:])})
    assert "p. 7" in render(report, output_format, RenderOptions(width=250))
