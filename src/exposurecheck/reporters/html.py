"""The report for people: one HTML file that works offline and prints one official per page.

It shows the report as it is: evidence is only unmasked when the report was
made with --reveal. Every value is escaped, and only http(s) addresses become
links, because evidence and locators come from pages we do not control.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from exposurecheck.i18n import Lang
from exposurecheck.models import (
    Acceptance,
    Finding,
    OfficialResult,
    Recommendation,
    Report,
    Status,
)
from exposurecheck.reporters.aggregate import (
    aggregate,
    html_document,
    meta_line,
    not_read_line,
    overview_html,
    word,
)
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.safe import clean_output, escape
from exposurecheck.reporters.summary import usage_line

_NUMERIC = ' class="n"'
_SETTLED = ' class="settled"'

CSS = """
.org { font-size: 1.1rem; margin: 0 0 .25rem; }
nav.toc table { width: auto; min-width: 60%; }
section.official { border-top: 2px solid var(--line); margin-top: 2.5rem; }
section.official h2 { margin-top: 1rem; }
.id { font: .85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: var(--muted); font-weight: normal; }
.who { color: var(--muted); margin: -.5rem 0 .75rem; }
.clean { color: #1a7f37; font-weight: 600; }
.badge { display: inline-block; padding: 0 .5rem; border: 1px solid currentColor;
  border-radius: 1rem; font-size: .8rem; font-weight: 600; white-space: nowrap; }
.sev-critical { background: #8c1d18; border-color: #8c1d18; color: #fff; }
.sev-high { background: #ffebe9; color: #a40e26; }
.sev-medium { background: #fff8c5; color: #7d4e00; }
.sev-low { background: #ddf4ff; color: #0a3069; }
.sev-info { background: #f6f8fa; color: #59636e; }
.st-exposed { color: #a40e26; }
.st-shielded { color: #1a7f37; }
.st-accepted, .incomplete { color: #6639ba; }
.incomplete { background: #fbefff; }
tr.settled td { color: var(--muted); }
.findings td small, .acceptance { display: block; color: var(--muted); font-size: .8rem; }
table.findings td.evidence { width: 40%; }
table.findings td.finding, table.findings td.where { min-width: 9em; }
table.findings td.where a { overflow-wrap: anywhere; }
.evidence div { overflow-wrap: break-word; }
.evidence .k { color: var(--muted); }
.errors { border-left: 4px solid #6639ba; background: #fbefff; padding: .5rem .75rem; }
.errors p, .errors ul { margin: .25rem 0; }
ol.steps { padding-left: 1.5rem; }
ol.steps li { margin-bottom: 1rem; }
ol.steps h4 { margin: 0; font-size: 1rem; }
ol.steps p { margin: .2rem 0; }
.basis, .concerns { color: var(--muted); font-size: .85rem; }
.link a { overflow-wrap: anywhere; }
@media print {
  section.official { break-before: page; border-top: none; margin-top: 0; }
  .badge, .sev-critical { color: #000 !important; border-color: #000 !important; }
  .errors { border: 1px solid #000; border-left-width: 4px; }
  table.findings { font-size: 9pt; }
  table.findings th, table.findings td { padding: .25rem .3rem; }
  ol.steps li { break-inside: avoid; }
}
"""


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    agg = aggregate(report, min_role_group=1)
    title = word("report_title", lang)
    org = organisation(report)
    notices = [word("personal_data", lang)]
    if report.redacted:
        notices.append(word("redacted", lang))
    header = (f'<header class="report"><h1>{escape(title)}</h1>\n'
              + (f'<p class="org">{escape(org)}</p>\n' if org else "")
              + f'<p class="meta">{escape(meta_line(agg, lang))}</p>\n'
              + f'<p class="notice">{escape(" ".join(notices))}</p>\n'
              + (f'<p class="usage">{escape(usage)}</p>\n'
                 if (usage := usage_line(report, lang)) else "")
              + "</header>\n")
    sections = "".join(_official(n, o, lang) for n, o in enumerate(report.officials, start=1))
    return clean_output(html_document(
        f"{title} · {org}" if org else title, lang,
        header + overview_html(agg, lang) + _contents(report, lang) + sections, CSS))


def organisation(report: Report) -> str | None:
    """The organisation in the title, when every official who names one names the same."""
    names = {o.organisation for o in report.officials if o.organisation}
    return names.pop() if len(names) == 1 else None


def by_urgency(findings: Iterable[Finding]) -> list[Finding]:
    """Open exposures first, most severe first; accepted and shielded ones after them."""
    return sorted(findings, key=lambda f: (not f.is_exposure, -f.severity.rank, f.kind.value))


def steps(ordered: Sequence[Finding]) -> list[tuple[Recommendation, list[int]]]:
    """Each step once, in order of the first finding needing it, with the findings' numbers."""
    found: dict[str, tuple[Recommendation, list[int]]] = {}
    for number, finding in enumerate(ordered, start=1):
        for step in finding.recommendations:
            found.setdefault(step.id, (step, []))[1].append(number)
    return list(found.values())


def where(finding: Finding) -> list[str]:
    loc = finding.locator
    return [p for p in (f"KVK {loc.kvk_number}" if loc.kvk_number else None,
                        f"vest. {loc.vestigingsnummer}" if loc.vestigingsnummer else None,
                        loc.address_type, loc.url, f"p. {loc.page}" if loc.page else None,
                        loc.element, loc.cached_url) if p]


def evidence(finding: Finding) -> list[tuple[str, str]]:
    """(field, value) for what the source shows, as masked or unmasked as the report is."""
    return [(key, str(value)) for key, value in finding.evidence.model_dump().items() if value]


def acceptance(accepted: Acceptance, lang: Lang) -> str:
    until = f" ({word('until', lang)} {accepted.expires.isoformat()})" if accepted.expires else ""
    return f"{word('accepted_by', lang)} {accepted.accepted_by}: {accepted.reason}{until}"


def is_web_url(url: str) -> bool:
    """Only these become links: a javascript: or file: address in evidence stays text."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. a broken IPv6 host: show it, do not link it
        return False
    return scheme in ("http", "https") and not any(c.isspace() for c in url)


def _link(url: str) -> str:
    if is_web_url(url):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _anchor(number: int) -> str:
    """Anchors by position, not by id: ids are free text."""
    return f"official-{number}"


def _contents(report: Report, lang: Lang) -> str:
    rows = []
    for n, o in enumerate(report.officials, start=1):
        open_ = [f for f in o.findings if f.is_exposure]
        worst = max(open_, key=lambda f: f.severity.rank, default=None)
        state = (f'<span class="badge incomplete">{escape(word("incomplete", lang))}</span>'
                 if not o.complete else escape(word("complete", lang)))
        rows.append(
            f'<tr><td><a href="#{_anchor(n)}">{escape(o.name)}</a></td>'
            f'<td class="id">{escape(o.id)}</td><td>{escape(o.role or "")}</td>'
            f'<td class="n">{len(open_)}</td>'
            f"<td>{_severity(worst, lang) if worst else ''}</td><td>{state}</td></tr>")
    head = "".join(f"<th{_NUMERIC if k == 'exposures' else ''}>{escape(word(k, lang))}</th>"
                   for k in ("official", "id", "role", "exposures", "severity", "status"))
    return (f'<nav class="toc" aria-labelledby="toc-h">\n'
            f'<h2 id="toc-h">{escape(word("officials_heading", lang))}</h2>\n'
            f"<table><thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>\n</nav>\n")


def _official(number: int, result: OfficialResult, lang: Lang) -> str:
    anchor = _anchor(number)
    who = " · ".join(escape(p) for p in (result.role, result.organisation) if p)
    parts = [f'<section class="official" id="{anchor}" aria-labelledby="{anchor}-h">\n'
             f'<h2 id="{anchor}-h">{escape(result.name)} '
             f'<span class="id">{escape(result.id)}</span></h2>\n'
             + (f'<p class="who">{who}</p>\n' if who else "")]
    if not result.complete:
        errors = "".join(f"<li><strong>{escape(word(e.source.value, lang))}</strong>: "
                         f"{escape(word(e.kind.value, lang))}: {escape(e.message)}</li>"
                         for e in result.errors)
        parts.append(f'<div class="errors" role="note"><p><span class="badge incomplete">'
                     f'{escape(word("incomplete", lang))}</span> '
                     f'{escape(word("incomplete_note", lang))}</p>\n'
                     f'<p>{escape(word("source_errors", lang))}:</p><ul>{errors}</ul></div>\n')
    not_read = not_read_line(result, lang)
    if not_read:
        parts.append(f'<p class="not-read">{escape(not_read)}</p>\n')
    ordered = by_urgency(result.findings)
    if ordered:
        parts.append(_findings(ordered, lang))
        parts.append(_steps(steps(ordered), lang))
    elif result.complete:
        parts.append(f'<p class="clean">{escape(word("no_findings", lang))}</p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def _severity(finding: Finding, lang: Lang) -> str:
    value = finding.severity.value
    return f'<span class="badge sev-{value}">{escape(word(value, lang))}</span>'


def _status(finding: Finding, lang: Lang) -> str:
    if finding.accepted:
        return (f'<span class="badge st-accepted">{escape(word("accepted", lang))}</span>'
                f'<span class="acceptance">{escape(acceptance(finding.accepted, lang))}</span>')
    value = finding.status.value
    return f'<span class="badge st-{value}">{escape(word(value, lang))}</span>'


def _findings(ordered: Sequence[Finding], lang: Lang) -> str:
    head = "".join(f"<th>{escape(word(k, lang))}</th>" for k in (
        "number", "severity", "finding", "status", "where", "evidence"))
    rows = []
    for n, f in enumerate(ordered, start=1):
        settled = f.accepted is not None or f.status is Status.SHIELDED
        place = "<br>".join(_link(p) if p == f.locator.url else escape(p) for p in where(f))
        shown = "".join(f'<div><span class="k">{escape(word(k, lang))}:</span> {escape(v)}</div>'
                        for k, v in evidence(f))
        matched = ", ".join(f"{m.field} {m.score:.2f}" for m in f.match.fields)
        score = (f"{word('score', lang)} {f.match.score:.2f}"
                 + (f" · {word('matched_on', lang)} {matched}" if matched else ""))
        rows.append(
            f"<tr{_SETTLED if settled else ''}><td>{n}</td>"
            f'<td>{_severity(f, lang)}</td><td class="finding">{escape(word(f.kind.value, lang))}'
            f"<small>{escape(word('subject', lang))}: {escape(word(f.subject.value, lang))}"
            f"</small></td><td>{_status(f, lang)}</td>"
            f'<td class="where">{place}</td>'
            f'<td class="evidence">{shown}<small>{escape(score)}</small></td></tr>')
    return (f"<h3>{escape(word('findings', lang))}</h3>\n"
            f'<table class="findings"><thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody></table>\n")


def _steps(found: Sequence[tuple[Recommendation, list[int]]], lang: Lang) -> str:
    if not found:
        return ""
    items = "".join(
        f"<li><h4>{escape(step.title)}</h4>"
        f'<p class="concerns">{escape(word("concerns", lang))} '
        f'{", ".join(str(n) for n in numbers)}</p>'
        f"<p>{escape(step.text)}</p>"
        f'<p class="basis">{escape(word("legal_basis", lang))}: {escape(step.legal_basis)}</p>'
        f'<p class="link">{escape(word("more_information", lang))}: {_link(step.url)}</p></li>\n'
        for step, numbers in found)
    return f"<h3>{escape(word('what_to_do', lang))}</h3>\n<ol class=\"steps\">\n{items}</ol>\n"
