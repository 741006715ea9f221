"""The report for people: one HTML file that works offline and prints one official per page.

It shows the report as it is: evidence is only unmasked when the report was
made with --reveal. Every value is escaped, and only http(s) addresses become
links, because evidence and locators come from pages we do not control.
"""

from __future__ import annotations

from collections.abc import Sequence

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.reporters.aggregate import html_document, overview_html, word
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.safe import clean_output, escape
from exposurecheck.reporters.view import (
    FindingRow,
    Label,
    OfficialBlock,
    Section,
    SectionRenderer,
    Step,
    report_view,
)

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
    view = report_view(report, lang)
    title, org = view.title, view.organisation
    header = (f'<header class="report"><h1>{escape(title)}</h1>\n'
              + (f'<p class="org">{escape(org)}</p>\n' if org else "")
              + f'<p class="meta">{escape(view.meta)}</p>\n'
              + f'<p class="notice">{escape(view.notice)}</p>\n'
              + (f'<p class="usage">{escape(view.usage)}</p>\n' if view.usage else "")
              + "</header>\n")
    sections = "".join(_official(o, lang) for o in view.officials)
    return clean_output(html_document(
        f"{title} · {org}" if org else title, lang,
        header + overview_html(view.overview, lang) + _contents(view.officials, lang) + sections,
        CSS))


def _link(url: str, web: bool) -> str:
    if web:
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _anchor(number: int) -> str:
    """Anchors by position, not by id: ids are free text."""
    return f"official-{number}"


def _contents(officials: Sequence[OfficialBlock], lang: Lang) -> str:
    rows = []
    for o in officials:
        state = (_badge("incomplete", o.state.text) if not o.complete
                 else escape(o.state.text))
        rows.append(
            f'<tr><td><a href="#{_anchor(o.number)}">{escape(o.name)}</a></td>'
            f'<td class="id">{escape(o.id)}</td><td>{escape(o.role)}</td>'
            f'<td class="n">{o.exposures}</td>'
            f"<td>{_severity(o.worst) if o.worst else ''}</td><td>{state}</td></tr>")
    head = "".join(f"<th{_NUMERIC if k == 'exposures' else ''}>{escape(word(k, lang))}</th>"
                   for k in ("official", "id", "role", "exposures", "severity", "status"))
    return (f'<nav class="toc" aria-labelledby="toc-h">\n'
            f'<h2 id="toc-h">{escape(word("officials_heading", lang))}</h2>\n'
            f"<table><thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>\n</nav>\n")


def _official(block: OfficialBlock, lang: Lang) -> str:
    anchor = _anchor(block.number)
    who = " · ".join(escape(p) for p in block.who)
    return (f'<section class="official" id="{anchor}" aria-labelledby="{anchor}-h">\n'
            f'<h2 id="{anchor}-h">{escape(block.name)} '
            f'<span class="id">{escape(block.id)}</span></h2>\n'
            + (f'<p class="who">{who}</p>\n' if who else "")
            + "".join(SECTIONS[s](block, lang) for s in block.sections) + "</section>\n")


def _errors(block: OfficialBlock, lang: Lang) -> str:
    errors = "".join(f"<li><strong>{escape(e.source)}</strong>: "
                     f"{escape(e.kind)}: {escape(e.message)}</li>"
                     for e in block.errors)
    return (f'<div class="errors" role="note"><p>'
            f'{_badge("incomplete", word("incomplete", lang))} '
            f'{escape(word("incomplete_note", lang))}</p>\n'
            f'<p>{escape(word("source_errors", lang))}:</p><ul>{errors}</ul></div>\n')


SECTIONS: dict[Section, SectionRenderer] = {
    Section.ERRORS: _errors,
    Section.NOT_READ: lambda block, _: f'<p class="not-read">{escape(block.not_read or "")}</p>\n',
    Section.FINDINGS: lambda block, lang: (_findings(block.findings, lang)
                                           + _steps(block.steps, lang)),
    Section.CLEAN: lambda _, lang: f'<p class="clean">{escape(word("no_findings", lang))}</p>\n',
}


def _badge(css_class: str, text: str) -> str:
    return f'<span class="badge {css_class}">{escape(text)}</span>'


def _severity(severity: Label) -> str:
    return _badge(f"sev-{severity.value}", severity.text)


def _status(finding: FindingRow) -> str:
    badge = _badge(f"st-{finding.status.value}", finding.status.text)
    if finding.acceptance is None:
        return badge
    return f'{badge}<span class="acceptance">{escape(finding.acceptance)}</span>'


def _findings(rows: Sequence[FindingRow], lang: Lang) -> str:
    head = "".join(f"<th>{escape(word(k, lang))}</th>" for k in (
        "number", "severity", "finding", "status", "where", "evidence"))
    lines = []
    for f in rows:
        place = "<br>".join(_link(p.text, p.link) for p in f.where)
        shown = "".join(f'<div><span class="k">{escape(k)}:</span> {escape(v)}</div>'
                        for k, v in f.evidence)
        score = (f"{word('score', lang)} {f.score}"
                 + (f" · {word('matched_on', lang)} {f.matched_on}" if f.matched_on else ""))
        lines.append(
            f"<tr{_SETTLED if f.settled else ''}><td>{f.number}</td>"
            f'<td>{_severity(f.severity)}</td><td class="finding">{escape(f.kind)}'
            f"<small>{escape(word('subject', lang))}: {escape(f.subject)}"
            f"</small></td><td>{_status(f)}</td>"
            f'<td class="where">{place}</td>'
            f'<td class="evidence">{shown}<small>{escape(score)}</small></td></tr>')
    return (f"<h3>{escape(word('findings', lang))}</h3>\n"
            f'<table class="findings"><thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(lines) + "\n</tbody></table>\n")


def _steps(found: Sequence[Step], lang: Lang) -> str:
    if not found:
        return ""
    items = "".join(
        f"<li><h4>{escape(step.title)}</h4>"
        f'<p class="concerns">{escape(word("concerns", lang))} '
        f'{", ".join(str(n) for n in step.concerns)}</p>'
        f"<p>{escape(step.text)}</p>"
        f'<p class="basis">{escape(word("legal_basis", lang))}: {escape(step.legal_basis)}</p>'
        f'<p class="link">{escape(word("more_information", lang))}: '
        f"{_link(step.url, step.web)}</p></li>\n"
        for step in found)
    return f"<h3>{escape(word('what_to_do', lang))}</h3>\n<ol class=\"steps\">\n{items}</ol>\n"
