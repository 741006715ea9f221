"""The machine-readable report; its JSON Schema ships as `schemas/report.schema.json`."""

from __future__ import annotations

import json
from typing import Any

from exposurecheck.models import Report
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.safe import clean_output


def render(report: Report, options: RenderOptions) -> str:
    return clean_output(report.model_dump_json(indent=2) + "\n")


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://exposurecheck.invalid/schemas/report.schema.json"
    return schema


def report_schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
