"""One view of the report for the HTML and Markdown reporters, so the two cannot drift apart.

What a person reads is picked, ordered and worded here once: officials, which sections
each official's block shows and in which order, their findings most urgent first, each
step once with the findings it concerns, and the words for every closed value. The view
is plain frozen data; a reporter only lays it out and escapes it.
Values stay exactly as masked or unmasked as the report is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from exposurecheck.i18n import Lang
from exposurecheck.models import Acceptance, Finding, OfficialResult, Recommendation, Report, Status
from exposurecheck.reporters.aggregate import Aggregate, aggregate, meta_line, not_read_line, word
from exposurecheck.reporters.summary import usage_line


@dataclass(frozen=True)
class Label:
    """A closed value and its word: a format may style by the value and shows the word."""

    value: str
    text: str


@dataclass(frozen=True)
class Place:
    """One part of where a finding is; `link` only for the finding's own web address."""

    text: str
    link: bool


@dataclass(frozen=True)
class SourceProblem:
    source: str
    kind: str
    message: str


@dataclass(frozen=True)
class FindingRow:
    number: int
    severity: Label
    kind: str
    subject: str
    status: Label
    acceptance: str | None
    settled: bool
    where: tuple[Place, ...]
    evidence: tuple[tuple[str, str], ...]
    score: str
    matched_on: str


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    legal_basis: str
    url: str
    web: bool
    concerns: tuple[int, ...]


class Section(StrEnum):
    """A part of an official's block, declared in the order shown; every reporter renders each."""

    ERRORS = "errors"  # the search is incomplete: which sources failed
    NOT_READ = "not_read"
    FINDINGS = "findings"  # the findings with the steps for them
    CLEAN = "clean"  # searched completely and nothing found: the one case to say so


@dataclass(frozen=True)
class OfficialBlock:
    number: int
    name: str
    id: str
    role: str
    who: tuple[str, ...]
    complete: bool
    state: Label
    exposures: int
    worst: Label | None
    errors: tuple[SourceProblem, ...]
    not_read: str | None
    findings: tuple[FindingRow, ...]
    steps: tuple[Step, ...]
    sections: tuple[Section, ...]  # the parts to show, in the order to show them


SectionRenderer = Callable[[OfficialBlock, Lang], str]


@dataclass(frozen=True)
class ReportView:
    title: str
    organisation: str | None
    meta: str
    notice: str
    usage: str | None
    overview: Aggregate
    officials: tuple[OfficialBlock, ...]


def report_view(report: Report, lang: Lang) -> ReportView:
    agg = aggregate(report, min_role_group=1)
    notices = [word("personal_data", lang)]
    if report.redacted:
        notices.append(word("redacted", lang))
    return ReportView(
        title=word("report_title", lang), organisation=_organisation(report),
        meta=meta_line(agg, lang), notice=" ".join(notices), usage=usage_line(report, lang),
        overview=agg,
        officials=tuple(_official(n, o, lang) for n, o in enumerate(report.officials, start=1)))


def _organisation(report: Report) -> str | None:
    """The organisation in the title, when every official who names one names the same."""
    names = {o.organisation for o in report.officials if o.organisation}
    return names.pop() if len(names) == 1 else None


def is_web_url(url: str) -> bool:
    """Only these become links: a javascript: or file: address in evidence stays text."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. a broken IPv6 host: show it, do not link it
        return False
    return scheme in ("http", "https") and not any(c.isspace() for c in url)


def _official(number: int, result: OfficialResult, lang: Lang) -> OfficialBlock:
    open_ = [f for f in result.findings if f.is_exposure]
    worst = max(open_, key=lambda f: f.severity.rank, default=None)
    state = "complete" if result.complete else "incomplete"
    ordered = _by_urgency(result.findings)
    not_read = not_read_line(result, lang)
    shown = {Section.ERRORS: not result.complete, Section.NOT_READ: not_read is not None,
             Section.FINDINGS: bool(ordered), Section.CLEAN: result.complete and not ordered}
    return OfficialBlock(
        number=number, name=result.name, id=result.id, role=result.role or "",
        who=tuple(p for p in (result.role, result.organisation) if p),
        complete=result.complete,
        state=Label(state, word(state, lang)), exposures=len(open_),
        worst=_word(worst.severity.value, lang) if worst else None,
        errors=tuple(SourceProblem(word(e.source.value, lang), word(e.kind.value, lang),
                                   e.message) for e in result.errors),
        not_read=not_read,
        findings=tuple(_finding(n, f, lang) for n, f in enumerate(ordered, start=1)),
        steps=_steps(ordered), sections=tuple(s for s in Section if shown[s]))


def _word(value: str, lang: Lang) -> Label:
    return Label(value, word(value, lang))


def _by_urgency(findings: Iterable[Finding]) -> list[Finding]:
    """Open exposures first, most severe first; accepted and shielded ones after them."""
    return sorted(findings, key=lambda f: (not f.is_exposure, -f.severity.rank, f.kind.value))


def _finding(number: int, finding: Finding, lang: Lang) -> FindingRow:
    accepted = finding.accepted
    return FindingRow(
        number=number, severity=_word(finding.severity.value, lang),
        kind=word(finding.kind.value, lang), subject=word(finding.subject.value, lang),
        status=_word("accepted" if accepted else finding.status.value, lang),
        acceptance=_acceptance(accepted, lang) if accepted else None,
        settled=accepted is not None or finding.status is Status.SHIELDED,
        where=_where(finding),
        evidence=tuple((word(key, lang), str(value))
                       for key, value in finding.evidence.model_dump().items() if value),
        score=f"{finding.match.score:.2f}",
        matched_on=", ".join(f"{m.field} {m.score:.2f}" for m in finding.match.fields))


def _where(finding: Finding) -> tuple[Place, ...]:
    loc = finding.locator
    parts = (f"KVK {loc.kvk_number}" if loc.kvk_number else None,
             f"vest. {loc.vestigingsnummer}" if loc.vestigingsnummer else None,
             loc.address_type, loc.url, f"p. {loc.page}" if loc.page else None, loc.element,
             loc.cached_url)
    return tuple(Place(p, p == loc.url and is_web_url(p)) for p in parts if p)


def _acceptance(accepted: Acceptance, lang: Lang) -> str:
    until = f" ({word('until', lang)} {accepted.expires.isoformat()})" if accepted.expires else ""
    return f"{word('accepted_by', lang)} {accepted.accepted_by}: {accepted.reason}{until}"


def _steps(ordered: Sequence[Finding]) -> tuple[Step, ...]:
    """Each step once, in order of the first finding needing it, with the findings' numbers."""
    found: dict[str, tuple[Recommendation, list[int]]] = {}
    for number, finding in enumerate(ordered, start=1):
        for step in finding.recommendations:
            found.setdefault(step.id, (step, []))[1].append(number)
    return tuple(Step(s.title, s.text, s.legal_basis, s.url, is_web_url(s.url), tuple(numbers))
                 for s, numbers in found.values())
