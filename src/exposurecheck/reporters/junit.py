"""JUnit XML for CI test reports: a test suite per source, a test case per official.

A case fails on open exposures at or above `fail_on`, is an error when the source
failed for that official, and is skipped when the source skipped it. Like the
SARIF log it names officials by id and places by public identifiers only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC

from exposurecheck.models import (
    Finding,
    OfficialResult,
    Report,
    SourceError,
    SourceErrorKind,
    SourceId,
)
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.safe import clean_output
from exposurecheck.reporters.sarif import finding_message


def render(report: Report, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name=report.tool.name)
    for source in report.sources:
        root.append(_suite(report, source, options))
    _count(root)
    ET.indent(root)
    return clean_output(ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")


def _suite(report: Report, source: SourceId, options: RenderOptions) -> ET.Element:
    timestamp = report.generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    suite = ET.Element("testsuite", name=source.value, timestamp=timestamp)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="version", value=report.tool.version)
    ET.SubElement(properties, "property", name="fail_on", value=options.fail_on.value)
    suite.extend(_case(official, source, options) for official in report.officials)
    _count(suite)
    return suite


def _case(official: OfficialResult, source: SourceId, options: RenderOptions) -> ET.Element:
    """One outcome per case, the worst first: a failed source, exposures, a skipped one."""
    case = ET.Element("testcase", classname=source.value, name=official.id)
    errors = [e for e in official.errors if e.source is source]
    failed = [e for e in errors if e.kind is not SourceErrorKind.SKIPPED]
    exposures = [f for f in official.findings
                 if f.source is source and f.fails_at(options.fail_on)]
    details = "\n".join([*(_error_line(e) for e in errors),
                         *(_exposure_line(f, options) for f in exposures)])
    if failed:
        ET.SubElement(case, "error", type=failed[0].kind.value,
                      message="; ".join(e.message for e in failed)).text = details
    elif exposures:
        lang = options.lang
        message = (f"{label('exposures', lang)}: {len(exposures)} "
                   f"(≥ {label(options.fail_on.value, lang)})")
        ET.SubElement(case, "failure", type="exposure", message=message).text = details
    elif errors:
        ET.SubElement(case, "skipped", message="; ".join(e.message for e in errors))
    return case


def _error_line(error: SourceError) -> str:
    return f"{error.source.value}: {error.kind.value}: {error.message}"


def _exposure_line(finding: Finding, options: RenderOptions) -> str:
    return (f"[{label(finding.severity.value, options.lang)}] "
            f"{finding_message(finding, options.lang)} fingerprint={finding.fingerprint}")


def _count(element: ET.Element) -> None:
    """Totals from the cases below, so they cannot disagree with them."""
    element.set("tests", str(len(element.findall(".//testcase"))))
    for outcome, attribute in (("failure", "failures"), ("error", "errors"),
                               ("skipped", "skipped")):
        element.set(attribute, str(len(element.findall(f".//testcase/{outcome}"))))
