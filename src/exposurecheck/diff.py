"""Re-audit diff: what got fixed, what is new, what persists and what came back.

Findings are keyed on their fingerprint, which leaves the status out, so a
business that gets shielded keeps its key and shows as resolved instead of as
"gone" plus "new". A finding the newer audit could not check (source failed,
official not audited) is never counted as resolved: it is "unverified".
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum

from rich.console import Console
from rich.table import Table
from rich.text import Text

from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.models import (
    Finding,
    Fingerprint,
    Frozen,
    Locator,
    OfficialId,
    OfficialResult,
    Report,
    Status,
)
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.safe import plain


class Change(StrEnum):
    """Listed worst first: the order of the rows in every rendering."""

    RESURFACED = "resurfaced"
    NEW = "new"
    UNVERIFIED = "unverified"
    PERSISTS = "persists"
    RESOLVED = "resolved"


class State(StrEnum):
    """What one report says about one fingerprint."""

    OPEN = "open"
    SHIELDED = "shielded"
    ACCEPTED = "accepted"
    ABSENT = "absent"  # the source was checked for the official and did not find it
    UNCHECKED = "unchecked"  # official not in the report, or the source failed for them


class DiffEntry(Frozen):
    change: Change
    before: State  # in the old report
    after: State  # in the new report
    finding: Finding  # the newest version we have
    last_known: State | None = None  # resurfaced: the latest earlier sighting ...
    last_known_at: datetime | None = None  # ... and the audit it is from


class OfficialDiff(Frozen):
    id: OfficialId
    name: str
    entries: tuple[DiffEntry, ...]


class DiffSummary(Frozen):
    resurfaced: int = 0
    new: int = 0
    unverified: int = 0
    persists: int = 0
    resolved: int = 0


class ReportDiff(Frozen):
    old_generated_at: datetime
    new_generated_at: datetime
    history_reports: int  # earlier reports that were consulted for "resurfaced"
    incomplete: tuple[OfficialId, ...]  # officials the new audit could not fully check
    redacted: bool
    summary: DiffSummary
    officials: tuple[OfficialDiff, ...]

    @property
    def regressed(self) -> bool:
        """Something new or back: what makes `exposurecheck diff` exit 1."""
        return bool(self.summary.new or self.summary.resurfaced)

    @property
    def changed(self) -> bool:
        """Anything other than 'persists'."""
        s = self.summary
        return bool(s.resurfaced or s.new or s.unverified or s.resolved)


class _Index:
    """One report, looked up by fingerprint and by official."""

    def __init__(self, report: Report) -> None:
        self.officials = {o.id: o for o in report.officials}
        self.findings: dict[Fingerprint, tuple[OfficialResult, Finding]] = {
            f.fingerprint: (o, f) for o in report.officials for f in o.findings}

    def state(self, official_id: OfficialId, finding: Finding) -> State:
        found = self.findings.get(finding.fingerprint)
        if found is not None:
            return _state_of(found[1])
        official = self.officials.get(official_id)
        if (official is None or finding.source not in official.sources
                or any(e.source is finding.source for e in official.errors)):
            return State.UNCHECKED
        return State.ABSENT


def _state_of(finding: Finding) -> State:
    if finding.status is Status.SHIELDED:
        return State.SHIELDED
    return State.OPEN if finding.accepted is None else State.ACCEPTED


def diff_reports(old: Report, new: Report, history: Sequence[Report] = ()) -> ReportDiff:
    """Compare the open exposures of two audits.

    `history` is earlier audits: a finding open in NEW and not in OLD that any
    of them (or OLD, shielded or accepted) knew is "resurfaced", not "new".
    History from after NEW is ignored, so NEW itself may be in the list. A
    finding OLD could not check but was last seen open persists: an incomplete
    audit in between is no reason to call it back.
    """
    before, after = _Index(old), _Index(new)
    earlier = sorted((r for r in history if r.generated_at < new.generated_at),
                     key=lambda r: r.generated_at)
    sightings: dict[Fingerprint, tuple[State, datetime]] = {}
    for report in [*earlier, old]:
        for o in report.officials:
            for f in o.findings:
                seen = sightings.get(f.fingerprint)
                if seen is None or seen[1] <= report.generated_at:
                    sightings[f.fingerprint] = (_state_of(f), report.generated_at)

    entries: dict[OfficialId, list[DiffEntry]] = {}
    open_old = {fp: of for fp, of in before.findings.items() if of[1].is_exposure}
    open_new = {fp: of for fp, of in after.findings.items() if of[1].is_exposure}
    for fp, (official, finding) in open_new.items():
        was, seen = before.state(official.id, finding), sightings.get(fp)
        if fp in open_old or (was is State.UNCHECKED and seen and seen[0] is State.OPEN):
            entry = DiffEntry(change=Change.PERSISTS, before=was, after=State.OPEN,
                              finding=finding)
        elif seen is not None:
            entry = DiffEntry(change=Change.RESURFACED, before=was, after=State.OPEN,
                              finding=finding, last_known=seen[0], last_known_at=seen[1])
        else:
            entry = DiffEntry(change=Change.NEW, before=was, after=State.OPEN, finding=finding)
        entries.setdefault(official.id, []).append(entry)
    for fp, (official, finding) in open_old.items():
        if fp in open_new:
            continue
        now = after.state(official.id, finding)
        newest = after.findings.get(fp, (official, finding))[1]
        change = Change.UNVERIFIED if now is State.UNCHECKED else Change.RESOLVED
        entries.setdefault(official.id, []).append(
            DiffEntry(change=change, before=State.OPEN, after=now, finding=newest))

    names = {o.id: o.name for o in (*old.officials, *new.officials)}
    order = list(dict.fromkeys([*(o.id for o in new.officials), *(o.id for o in old.officials)]))
    officials = tuple(
        OfficialDiff(id=oid, name=names[oid], entries=tuple(sorted(
            entries[oid], key=lambda e: (list(Change).index(e.change), -e.finding.severity.rank,
                                         e.finding.kind.value, e.finding.fingerprint))))
        for oid in order if oid in entries)
    every = [e.change for o in officials for e in o.entries]
    summary = DiffSummary(**{c.value: every.count(c) for c in Change})
    return ReportDiff(old_generated_at=old.generated_at, new_generated_at=new.generated_at,
                      history_reports=len(earlier),
                      incomplete=tuple(o.id for o in new.officials if not o.complete),
                      redacted=old.redacted and new.redacted,
                      summary=summary, officials=officials)


_WORDS: dict[str, str] = {
    # key: English msgid; translated in locale/
    "resurfaced": N_("resurfaced"),
    "new": N_("new"),
    "unverified": N_("unverified"),
    "persists": N_("persists"),
    "resolved": N_("resolved"),
    "open": N_("open"),
    "accepted": N_("accepted"),
    "absent": N_("not found"),
    "unchecked": N_("not checked"),
    "incomplete": N_("Incomplete in the new audit (a source failed; new exposures may be missing)"),
    "title": N_("Difference between two audits"),
    "old": N_("old"),
    "new_audit": N_("new"),
    "history": N_("earlier audits consulted"),
    "change": N_("change"),
    "was_now": N_("was → now"),
    "last_known": N_("last seen"),
    "no_changes": N_("No exposures, no changes."),
    "unverified_note": N_("Unverified: the new audit could not check these findings (a source "
                          "failed or the official was not audited); they do not count as "
                          "resolved."),
}


def _word(key: str, lang: Lang) -> str:
    return translator(lang).gettext(_WORDS[key])


def _state_word(state: State, lang: Lang) -> str:
    return label(state.value, lang) if state is State.SHIELDED else _word(state.value, lang)


def _where(locator: Locator) -> str:
    return " / ".join(p for p in (
        f"KVK {locator.kvk_number}" if locator.kvk_number else None,
        f"vest. {locator.vestigingsnummer}" if locator.vestigingsnummer else None,
        locator.address_type, locator.url) if p)


def _was_now(entry: DiffEntry, lang: Lang) -> str:
    text = f"{_state_word(entry.before, lang)} → {_state_word(entry.after, lang)}"
    if entry.last_known is not None and entry.last_known_at is not None:
        text += (f" ({_word('last_known', lang)}: {_state_word(entry.last_known, lang)}, "
                 f"{entry.last_known_at:%Y-%m-%d})")
    return text


def _header(diff: ReportDiff, lang: Lang) -> list[str]:
    s = diff.summary
    counts = ", ".join(f"{_word(c.value, lang)} {getattr(s, c.value)}" for c in Change)
    lines = [f"{_word('old', lang)} {diff.old_generated_at:%Y-%m-%d %H:%M %Z} → "
             f"{_word('new_audit', lang)} {diff.new_generated_at:%Y-%m-%d %H:%M %Z}"
             f" ({_word('history', lang)}: {diff.history_reports})", counts]
    if s.unverified:
        lines.append(_word("unverified_note", lang))
    if diff.incomplete:
        lines.append(f"{_word('incomplete', lang)}: {', '.join(diff.incomplete)}")
    return lines


def _columns(lang: Lang) -> list[str]:
    return [_word("change", lang), _word("was_now", lang), label("severity", lang),
            label("finding", lang), label("subject", lang), label("where", lang)]


def _cells(entry: DiffEntry, lang: Lang) -> list[str]:
    f = entry.finding
    return [_word(entry.change.value, lang), _was_now(entry, lang),
            label(f.severity.value, lang), label(f.kind.value, lang),
            label(f.subject.value, lang), _where(f.locator)]


def render_diff_table(diff: ReportDiff, lang: Lang) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, no_color=True, highlight=False, emoji=False)
    console.print(Text(_word("title", lang), style="bold"))
    for line in _header(diff, lang):
        console.print(plain(line))
    console.print()
    if not diff.officials:
        console.print(Text(_word("no_changes", lang)))
    for official in diff.officials:
        console.print(plain(f"{official.id} · {official.name}", style="bold"))
        table = Table(show_edge=False, pad_edge=False, expand=False)
        for column in _columns(lang):
            table.add_column(column, overflow="fold")
        for entry in official.entries:
            table.add_row(*(plain(cell) for cell in _cells(entry, lang)))
        console.print(table)
        console.print()
    if diff.redacted:
        console.print(Text(label("redacted", lang)))
    return buffer.getvalue()


def render_diff_json(diff: ReportDiff, lang: Lang) -> str:
    """Language-neutral: `lang` is accepted so every renderer has one signature."""
    return diff.model_dump_json(indent=2) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_md(c) for c in cells) + " |"


def render_diff_markdown(diff: ReportDiff, lang: Lang) -> str:
    lines = [f"# {_word('title', lang)}", ""]
    lines += [f"{_md(line)}  " for line in _header(diff, lang)]
    lines.append("")
    if not diff.officials:
        lines += [_word("no_changes", lang), ""]
    for official in diff.officials:
        lines += [f"## {_md(official.id)} · {_md(official.name)}", ""]
        columns = _columns(lang)
        lines += [_md_row(columns), "|" + "---|" * len(columns)]
        lines += [_md_row(_cells(e, lang)) for e in official.entries]
        lines.append("")
    if diff.redacted:
        lines += [f"_{label('redacted', lang)}_", ""]
    return "\n".join(lines)


class DiffFormat(StrEnum):
    """The formats `exposurecheck diff` writes, each with its renderer below."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def render_diff(diff: ReportDiff, output_format: DiffFormat, lang: Lang) -> str:
    renderers = {DiffFormat.TABLE: render_diff_table, DiffFormat.JSON: render_diff_json,
                 DiffFormat.MARKDOWN: render_diff_markdown}
    return renderers[output_format](diff, lang)
