"""Output formats: one closed enum, each member mapped to its reporter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from exposurecheck.i18n import Lang
from exposurecheck.models import Report, Severity


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True)
class RenderOptions:
    lang: Lang = Lang.EN
    color: bool = False
    width: int = 120
    fail_on: Severity = Severity.LOW


Reporter = Callable[[Report, RenderOptions], str]


def reporter_for(output_format: OutputFormat) -> Reporter:
    from exposurecheck.reporters import json_report, table

    reporters: dict[OutputFormat, Reporter] = {
        OutputFormat.TABLE: table.render,
        OutputFormat.JSON: json_report.render,
    }
    return reporters[output_format]


def render(report: Report, output_format: OutputFormat, options: RenderOptions) -> str:
    return reporter_for(output_format)(report, options)
