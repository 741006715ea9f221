"""Output formats: one closed enum, each member mapped to its reporter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from exposurecheck.enums import Severity
from exposurecheck.i18n import Lang

if TYPE_CHECKING:  # the CLI names OutputFormat in its options: --help needs no models
    from exposurecheck.models import Report


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    JUNIT = "junit"


@dataclass(frozen=True)
class RenderOptions:
    lang: Lang = Lang.EN
    color: bool = False
    width: int = 120
    fail_on: Severity = Severity.LOW
    roster: Path | None = None  # the audited roster as given; CI formats point at it


Reporter = Callable[["Report", RenderOptions], str]


def reporter_for(output_format: OutputFormat) -> Reporter:
    from exposurecheck.reporters import html, json_report, junit, markdown, sarif, table

    reporters: dict[OutputFormat, Reporter] = {
        OutputFormat.TABLE: table.render,
        OutputFormat.JSON: json_report.render,
        OutputFormat.MARKDOWN: markdown.render,
        OutputFormat.HTML: html.render,
        OutputFormat.SARIF: sarif.render,
        OutputFormat.JUNIT: junit.render,
    }
    return reporters[output_format]


def render(report: Report, output_format: OutputFormat, options: RenderOptions) -> str:
    return reporter_for(output_format)(report, options)
