"""The HTML report's content as Markdown, for tickets and e-mail: tables instead of charts.

It renders the same view of the report as the HTML report (reporters/view.py); every
value is escaped, so a name or trade name can never turn into a link or markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.reporters.aggregate import markdown_table, md, overview_markdown, word
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.safe import clean_output
from exposurecheck.reporters.view import (
    FindingRow,
    OfficialBlock,
    Section,
    SectionRenderer,
    Step,
    report_view,
)


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    view = report_view(report, lang)
    org = view.organisation
    parts = [f"# {md(view.title)}" + (f" · {md(org)}" if org else "") + "\n",
             md(view.meta) + "\n",
             f"> {md(view.notice)}\n",
             *([md(view.usage) + "\n"] if view.usage else []),
             overview_markdown(view.overview, lang),
             _contents(view.officials, lang)]
    parts += [_official(o, lang) for o in view.officials]
    return clean_output("\n".join(parts))


def _contents(officials: Sequence[OfficialBlock], lang: Lang) -> str:
    rows = [(o.name, o.id, o.role, o.exposures, o.worst.text if o.worst else "", o.state.text)
            for o in officials]
    header = [word(k, lang) for k in ("official", "id", "role", "exposures", "severity", "status")]
    return (f"## {md(word('officials_heading', lang))}\n\n"
            + markdown_table(header, rows, numeric=(3,)))


def _official(block: OfficialBlock, lang: Lang) -> str:
    parts = [f"## {md(block.name)} ({md(block.id)})\n"]
    if block.who:
        parts.append(md(" · ".join(block.who)) + "\n")
    parts += [SECTIONS[s](block, lang) for s in block.sections]
    return "\n".join(parts)


SECTIONS: dict[Section, SectionRenderer] = {
    Section.ERRORS: lambda block, lang: (
        f"**{md(word('incomplete', lang))}**: {md(word('incomplete_note', lang))}\n\n"
        + "\n".join(f"- {md(e.source)}: {md(e.kind)}: {md(e.message)}" for e in block.errors)
        + "\n"),
    Section.NOT_READ: lambda block, _: f"{md(block.not_read or '')}\n",
    Section.FINDINGS: lambda block, lang: (
        _findings(block.findings, lang) + "\n" + _steps(block.steps, lang)),
    Section.CLEAN: lambda _, lang: f"{md(word('no_findings', lang))}\n",
}


def _findings(rows: Sequence[FindingRow], lang: Lang) -> str:
    header = [word(k, lang) for k in ("number", "severity", "finding", "subject", "status",
                                      "where", "evidence", "score")]
    cells = [(f.number, f.severity.text, f.kind, f.subject,
              f"{f.status.text} ({f.acceptance})" if f.acceptance is not None else f.status.text,
              " / ".join(p.text for p in f.where),
              "; ".join(f"{k}: {v}" for k, v in f.evidence), f.score)
             for f in rows]
    return (f"### {md(word('findings', lang))}\n\n"
            + markdown_table(header, cells, numeric=(0, 7)))


def _steps(found: Sequence[Step], lang: Lang) -> str:
    if not found:
        return ""
    items = []
    for n, step in enumerate(found, start=1):
        link = f"<{step.url}>" if step.web and ">" not in step.url else md(step.url)
        items.append(
            f"{n}. **{md(step.title)}** ({md(word('concerns', lang))} "
            f"{', '.join(str(k) for k in step.concerns)})\n\n"
            f"   {md(step.text)}\n\n"
            f"   {md(word('legal_basis', lang))}: {md(step.legal_basis)}  \n"
            f"   {md(word('more_information', lang))}: {link}\n")
    return f"### {md(word('what_to_do', lang))}\n\n" + "\n".join(items)
