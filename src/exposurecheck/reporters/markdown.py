"""The HTML report's content as Markdown, for tickets and e-mail: tables instead of charts.

It picks and orders findings and steps exactly as the HTML report does; every
value is escaped, so a name or trade name can never turn into a link or markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from exposurecheck.i18n import Lang
from exposurecheck.models import Finding, OfficialResult, Recommendation, Report
from exposurecheck.reporters.aggregate import (
    aggregate,
    markdown_table,
    md,
    meta_line,
    not_read_line,
    overview_markdown,
    word,
)
from exposurecheck.reporters.html import (
    acceptance,
    by_urgency,
    evidence,
    is_web_url,
    organisation,
    steps,
    where,
)
from exposurecheck.reporters.interface import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    agg = aggregate(report, min_role_group=1)
    org = organisation(report)
    notices = [word("personal_data", lang)]
    if report.redacted:
        notices.append(word("redacted", lang))
    parts = [f"# {md(word('report_title', lang))}" + (f" · {md(org)}" if org else "") + "\n",
             md(meta_line(agg, lang)) + "\n",
             f"> {md(' '.join(notices))}\n",
             overview_markdown(agg, lang),
             _contents(report, lang)]
    parts += [_official(o, lang) for o in report.officials]
    return "\n".join(parts)


def _contents(report: Report, lang: Lang) -> str:
    rows = []
    for o in report.officials:
        open_ = [f for f in o.findings if f.is_exposure]
        worst = max(open_, key=lambda f: f.severity.rank, default=None)
        rows.append((o.name, o.id, o.role or "", len(open_),
                     word(worst.severity.value, lang) if worst else "",
                     word("complete" if o.complete else "incomplete", lang)))
    header = [word(k, lang) for k in ("official", "id", "role", "exposures", "severity", "status")]
    return (f"## {md(word('officials_heading', lang))}\n\n"
            + markdown_table(header, rows, numeric=(3,)))


def _official(result: OfficialResult, lang: Lang) -> str:
    who = " · ".join(p for p in (result.role, result.organisation) if p)
    parts = [f"## {md(result.name)} ({md(result.id)})\n"]
    if who:
        parts.append(md(who) + "\n")
    if not result.complete:
        parts.append(f"**{md(word('incomplete', lang))}**: {md(word('incomplete_note', lang))}\n")
        parts.append("\n".join(f"- {md(word(e.source.value, lang))}: "
                               f"{md(word(e.kind.value, lang))}: {md(e.message)}"
                               for e in result.errors) + "\n")
    not_read = not_read_line(result, lang)
    if not_read:
        parts.append(f"{md(not_read)}\n")
    ordered = by_urgency(result.findings)
    if ordered:
        parts.append(_findings(ordered, lang))
        parts.append(_steps(steps(ordered), lang))
    elif result.complete:
        parts.append(f"{md(word('no_findings', lang))}\n")
    return "\n".join(parts)


def _findings(ordered: Sequence[Finding], lang: Lang) -> str:
    header = [word(k, lang) for k in ("number", "severity", "finding", "subject", "status",
                                      "where", "evidence", "score")]
    rows = []
    for n, f in enumerate(ordered, start=1):
        status = (f"{word('accepted', lang)} ({acceptance(f.accepted, lang)})" if f.accepted
                  else word(f.status.value, lang))
        rows.append((n, word(f.severity.value, lang), word(f.kind.value, lang),
                     word(f.subject.value, lang), status, " / ".join(where(f)),
                     "; ".join(f"{word(k, lang)}: {v}" for k, v in evidence(f)),
                     f"{f.match.score:.2f}"))
    return (f"### {md(word('findings', lang))}\n\n"
            + markdown_table(header, rows, numeric=(0, 7)))


def _steps(found: Sequence[tuple[Recommendation, list[int]]], lang: Lang) -> str:
    if not found:
        return ""
    items = []
    for n, (step, numbers) in enumerate(found, start=1):
        link = f"<{step.url}>" if is_web_url(step.url) and ">" not in step.url else md(step.url)
        items.append(
            f"{n}. **{md(step.title)}** ({md(word('concerns', lang))} "
            f"{', '.join(str(k) for k in numbers)})\n\n"
            f"   {md(step.text)}\n\n"
            f"   {md(word('legal_basis', lang))}: {md(step.legal_basis)}  \n"
            f"   {md(word('more_information', lang))}: {link}\n")
    return f"### {md(word('what_to_do', lang))}\n\n" + "\n".join(items)
