"""SARIF 2.1.0 for code scanning (GitHub and others): one rule per kind of finding.

Private whatever the report holds: officials are named by id and places by their
public identifiers, never by evidence, name or address. GitHub rejects a log with
a result that has no file location, or a web address as one, so results point at
the roster file (`RenderOptions.roster`) and a page's address goes into the
properties.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from exposurecheck.findings import severity_for
from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.models import (
    Finding,
    FindingKind,
    OfficialResult,
    Report,
    Severity,
    SourceError,
    SourceErrorKind,
    Status,
)
from exposurecheck.recommendations import STEPS
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.safe import clean_output

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "exposurecheckFingerprint/v1"
ERASURE_URL = ("https://autoriteitpersoonsgegevens.nl/nl/zelf-doen/gebruik-uw-privacyrechten/"
               "recht-op-vergetelheid")

LEVELS: dict[Severity, str] = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub ranks alerts by this score, on the CVSS bands (critical is 9.0 and up).
_SECURITY_SEVERITY: dict[Severity, str] = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "2.0",
    Severity.INFO: "0.0",
}


@dataclass(frozen=True)
class _Rule:
    """A rule's help link and its short and full description (English msgids)."""

    help_uri: str
    short: str
    full: str

    def text(self, lang: Lang) -> tuple[str, str]:
        _ = translator(lang).gettext
        return _(self.short), _(self.full)


RULES: dict[FindingKind, _Rule] = {
    FindingKind.HOME_ADDRESS: _Rule(
        STEPS["kvk-shield-convenant"].url,
        N_("Home address in a public source"),
        N_("The home address of the official or a housemate is public, for example as the visiting "
           "or correspondence address of a business in the Business Register. It tells anyone "
           "where they live.")),
    FindingKind.BUSINESS_AT_HOME: _Rule(
        STEPS["kvk-unknown-registration"].url,
        N_("Unknown business at the home address"),
        N_("A business is registered at the home address that matches nobody in the household. "
           "Check whether that is right; an incorrect registration can be reported to KVK.")),
    FindingKind.PHONE: _Rule(
        ERASURE_URL,
        N_("Phone number on a web page"),
        N_("A phone number of the official is on a web page. Anyone can use it to call or message "
           "them directly, and it helps to find an address.")),
    FindingKind.EMAIL: _Rule(
        ERASURE_URL,
        N_("E-mail address on a web page"),
        N_("An e-mail address of the official is on a web page. A private address makes "
           "harassment and phishing easier.")),
    FindingKind.BIRTH_DATE: _Rule(
        ERASURE_URL,
        N_("Date of birth on a web page"),
        N_("The official's date of birth is on a web page. With a name, it makes someone easier "
           "to identify and to impersonate.")),
    FindingKind.HOUSEHOLD_NAME: _Rule(
        ERASURE_URL,
        N_("Name of a housemate on a web page"),
        N_("A housemate or family member is linked to the official on a web page, which makes "
           "them a target too.")),
    FindingKind.RESIDENCE: _Rule(
        ERASURE_URL,
        N_("Place of residence on a web page"),
        N_("The official's street or town is on a web page, which narrows the search for the "
           "home address.")),
}


def render(report: Report, options: RenderOptions) -> str:
    kinds = list(FindingKind)
    driver: dict[str, Any] = {
        "name": report.tool.name,
        "version": report.tool.version,
        "rules": [_rule(kind, options.lang) for kind in kinds],
    }
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    roster = _artifact_uri(options.roster) if options.roster is not None else None
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": all(o.complete for o in report.officials),
                "endTimeUtc": report.generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "toolExecutionNotifications": [
                    _notification(official, error, roster)
                    for official in report.officials for error in official.errors],
            }],
            "language": options.lang.value,
            "results": [_result(official, finding, kinds.index(finding.kind), roster, options.lang)
                        for official in report.officials for finding in official.findings],
        }],
    }
    return clean_output(json.dumps(log, indent=2, ensure_ascii=False) + "\n")


def finding_message(finding: Finding, lang: Lang) -> str:
    """One line for CI output: what, whose and where, by public identifiers only."""
    where = " ".join(f"{key}={value}" for key, value
                     in finding.locator.model_dump(exclude_none=True).items())
    short, _ = RULES[finding.kind].text(lang)
    return (f"{short}: {label(finding.status.value, lang)}, {label(finding.subject.value, lang)}"
            f" ({finding.source.value}: {where})")


def _rule(kind: FindingKind, lang: Lang) -> dict[str, Any]:
    rule = RULES[kind]
    short, full = rule.text(lang)
    severity = severity_for(kind, Status.EXPOSED)
    return {
        "id": kind.value,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": ["security", "privacy"],
                       "security-severity": _SECURITY_SEVERITY[severity]},
    }


def _result(official: OfficialResult, finding: Finding, rule_index: int, roster: str | None,
            lang: Lang) -> dict[str, Any]:
    """Shielded data is a passed check; an accepted risk stays a failure, suppressed."""
    shielded = finding.status is Status.SHIELDED
    result: dict[str, Any] = {
        "ruleId": finding.kind.value,
        "ruleIndex": rule_index,
        "kind": "pass" if shielded else "fail",
        "level": "none" if shielded else LEVELS[finding.severity],
        "message": {"text": f"{official.id}: {finding_message(finding, lang)}"},
        "locations": [_location(official, roster)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "official": official.id,
            "severity": finding.severity.value,
            "subject": finding.subject.value,
            "status": finding.status.value,
            "source": finding.source.value,
            **finding.locator.model_dump(exclude_none=True),
        },
    }
    if finding.accepted is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": finding.accepted.reason}]
    return result


def _notification(official: OfficialResult, error: SourceError,
                  roster: str | None) -> dict[str, Any]:
    """A source that could not be checked: the audit of this official is incomplete."""
    return {
        "level": "warning" if error.kind is SourceErrorKind.SKIPPED else "error",
        "message": {"text": f"{official.id}: {error.source.value}: {error.kind.value}: "
                            f"{error.message}"},
        "locations": [_location(official, roster)],
        "properties": {"official": official.id, "source": error.source.value,
                       "kind": error.kind.value},
    }


def _location(official: OfficialResult, roster: str | None) -> dict[str, Any]:
    location: dict[str, Any] = {"logicalLocations": [
        {"name": official.id, "fullyQualifiedName": official.id, "kind": "object"}]}
    if roster:
        location["physicalLocation"] = {"artifactLocation": {"uri": roster}}
    return location


def _artifact_uri(path: Path) -> str:
    """Relative paths stay relative: code scanning resolves them against the checkout."""
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _homepage() -> str | None:
    """The Homepage of [project.urls] in pyproject.toml, so the address is written once."""
    try:
        urls = metadata("exposurecheck").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return None
    return next((url for name, _, url in (u.partition(", ") for u in urls)
                 if name.casefold() == "homepage"), None)
