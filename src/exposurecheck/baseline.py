"""Accepted risks: findings an organisation has decided to live with, for now.

An accepted finding stays in the report, marked with who accepted it and why,
so nothing is silently clean; it just no longer fails the run. Acceptances can
expire, and entries that no longer match an exposure are reported, so the file
does not quietly keep accepting something that comes back later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from exposurecheck.i18n import Lang, translator
from exposurecheck.models import (
    Acceptance,
    Finding,
    FindingKind,
    Fingerprint,
    Frozen,
    OfficialResult,
    Report,
    Status,
)

BASELINE_FILE = Path(".exposurecheck-baseline.json")
SCHEMA_VERSION = "1.0"


class BaselineEntry(Frozen):
    """One accepted finding; `official_id` and `kind` are there for the humans reading it."""

    fingerprint: Fingerprint
    official_id: str | None = None
    kind: FindingKind | None = None
    reason: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    expires: date | None = None

    @field_validator("fingerprint")
    @classmethod
    def _fingerprint(cls, value: str) -> str:
        if len(value) != 20 or any(c not in "0123456789abcdef" for c in value):
            raise ValueError("must be a finding fingerprint: 20 lower-case hex digits")
        return value

    @field_validator("reason", "accepted_by")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    def active(self, today: date) -> bool:
        """An acceptance holds through its expiry date."""
        return self.expires is None or self.expires >= today

    def acceptance(self) -> Acceptance:
        return Acceptance(reason=self.reason, accepted_by=self.accepted_by, expires=self.expires)


class Baseline(Frozen):
    schema_version: str = SCHEMA_VERSION
    entries: tuple[BaselineEntry, ...] = ()

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: str) -> str:
        if value.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"unsupported baseline version (this tool reads {SCHEMA_VERSION})")
        return value


class BaselineError(Exception):
    """A baseline file that cannot be used: one line per problem, naming file and entry."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class WarningKind(StrEnum):
    EXPIRED = "expired"
    STALE = "stale"


class BaselineWarning(Frozen):
    kind: WarningKind
    entry: BaselineEntry
    shielded: bool = False  # stale because the finding is shielded now

    def message(self, lang: Lang) -> str:
        """One line without the reason (free text may hold anything) or personal data."""
        e = self.entry
        what = ", ".join(p for p in (e.official_id, e.kind.value if e.kind else None,
                                     e.fingerprint) if p)
        _ = translator(lang).gettext
        if self.kind is WarningKind.EXPIRED:
            assert e.expires is not None
            return _("baseline: the acceptance of {what} expired on {expires}: the finding "
                     "counts again; renew or remove the entry").format(what=what,
                                                                       expires=e.expires)
        if self.shielded:
            return _("baseline: {what} is shielded now; remove the entry").format(what=what)
        return _("baseline: {what} no longer matches any exposure; remove the entry").format(
            what=what)


def apply_baseline(report: Report, baseline: Baseline,
                   today: date) -> tuple[Report, list[BaselineWarning]]:
    """Mark the exposed findings the baseline accepts; warn about expired and stale entries.

    The baseline is the whole truth about acceptances: a finding it does not
    (or no longer) accept loses an acceptance it carried. Entries for officials
    the report did not fully check are not called stale: absence proves nothing.
    """
    active = {e.fingerprint: e for e in baseline.entries if e.active(today)}
    officials = tuple(_accept(o, active) for o in report.officials)
    exposed = {f.fingerprint for o in report.officials for f in o.findings
               if f.exposes}
    shielded = {f.fingerprint for o in report.officials for f in o.findings
                if f.status is Status.SHIELDED}
    checked = {o.id for o in report.officials if o.complete}
    warnings: list[BaselineWarning] = []
    for entry in baseline.entries:
        if not entry.active(today):
            warnings.append(BaselineWarning(kind=WarningKind.EXPIRED, entry=entry))
        elif entry.fingerprint not in exposed and (
                entry.official_id is None or entry.official_id in checked):
            warnings.append(BaselineWarning(kind=WarningKind.STALE, entry=entry,
                                            shielded=entry.fingerprint in shielded))
    return report.model_copy(update={"officials": officials}), warnings


def _accept(result: OfficialResult, active: dict[Fingerprint, BaselineEntry]) -> OfficialResult:
    def accepted(finding: Finding) -> Finding:
        entry = active.get(finding.fingerprint) if finding.exposes else None
        return finding.model_copy(
            update={"accepted": entry.acceptance() if entry is not None else None})

    return result.model_copy(update={"findings": tuple(accepted(f) for f in result.findings)})


def baseline_from_report(report: Report, *, reason: str, accepted_by: str,
                         expires: date | None = None) -> Baseline:
    """Accept every exposure in `report`.

    Findings the report already shows as accepted keep their own reason and
    expiry, so re-creating a baseline from an audit that used one loses nothing.
    """
    entries = []
    for official in report.officials:
        for f in official.findings:
            if not f.exposes:
                continue
            acceptance = f.accepted or Acceptance(reason=reason, accepted_by=accepted_by,
                                                  expires=expires)
            entries.append(BaselineEntry(
                fingerprint=f.fingerprint, official_id=official.id, kind=f.kind,
                reason=acceptance.reason, accepted_by=acceptance.accepted_by,
                expires=acceptance.expires))
    unique = {e.fingerprint: e for e in entries}
    return Baseline(entries=tuple(sorted(
        unique.values(), key=lambda e: (e.official_id or "", e.kind.value if e.kind else "",
                           e.fingerprint))))


def dump_baseline(baseline: Baseline) -> str:
    return baseline.model_dump_json(indent=2, exclude_none=True) + "\n"


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file; OSError for an unreadable file, else BaselineError."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError([f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})"]
                            ) from None
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        raise BaselineError(_problems(path, exc, data)) from None
    seen: dict[str, int] = {}
    duplicates = []
    for index, entry in enumerate(baseline.entries):
        if entry.fingerprint in seen:
            duplicates.append(f"{path}, entries[{index}]: fingerprint {entry.fingerprint} is "
                              f"already accepted in entries[{seen[entry.fingerprint]}]")
        seen.setdefault(entry.fingerprint, index)
    if duplicates:
        raise BaselineError(duplicates)
    return baseline


def _problems(path: Path, exc: ValidationError, data: Any) -> list[str]:
    """'file, entries[2], field 'expires': ...': the place, never the value."""
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        loc = list(error["loc"])
        where = [str(path)]
        if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
            where.append(f"entries[{loc[1]}]")
            loc = loc[2:]
        if loc:
            where.append(f"field '{'.'.join(str(p) for p in loc)}'")
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif not isinstance(data, dict) and not error["loc"]:
            message = "must be an object with an 'entries' list"
        problems.append(f"{', '.join(where)}: {message}")
    return problems
