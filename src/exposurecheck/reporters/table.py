"""The default, human report: one table per official, colours by severity.

Every value is a rich `Text` of cleaned text, never a string rich would read as markup:
a trade name "[/]" or "[link=...]" prints as written.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from exposurecheck.i18n import Lang
from exposurecheck.models import Finding, OfficialResult, Report, Severity, Status
from exposurecheck.reporters.aggregate import not_read_line
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.safe import clean_output, plain

SEVERITY_STYLE = {
    Severity.INFO: "green",
    Severity.LOW: "cyan",
    Severity.MEDIUM: "yellow",
    Severity.HIGH: "bold red",
    Severity.CRITICAL: "bold white on red",
}


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=options.width, force_terminal=options.color,
                      no_color=not options.color, highlight=False, emoji=False)
    for official in report.officials:
        console.print(_official(official, options.lang))
    console.print(Group(*_step_details(report, options.lang)))
    return buffer.getvalue() if options.color else clean_output(buffer.getvalue())


def _official(result: OfficialResult, lang: Lang) -> RenderableType:
    heading = plain(f"{result.id} · {result.name}", style="bold")
    context = ", ".join(p for p in (result.role, result.organisation) if p)
    if context:
        heading.append(plain(f" ({context})", style="dim"))
    if not result.complete:
        heading.append(f"  {label('incomplete', lang)}", style="bold magenta")
    parts: list[RenderableType] = [heading]
    if result.findings:
        parts.append(_findings_table(result.findings, lang))
    elif result.complete:
        parts.append(Text(f"  {label('no_findings', lang)}", style="green"))
    parts += [plain(f"  ! {e.source.value}: {e.kind.value}: {e.message}", style="magenta")
              for e in result.errors]
    not_read = not_read_line(result, lang)
    if not_read:
        parts.append(Text(f"  {not_read}", style="dim"))
    parts += _steps(result.findings, lang)
    parts.append(Text(""))
    return Group(*parts)


def _findings_table(findings: tuple[Finding, ...], lang: Lang) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False)
    for key in ("severity", "finding", "subject", "status", "where", "evidence", "score"):
        table.add_column(label(key, lang), overflow="fold")
    for f in sorted(findings, key=lambda f: (-f.severity.rank, f.kind.value)):
        where = " / ".join(p for p in (
            f"KVK {f.locator.kvk_number}" if f.locator.kvk_number else None,
            f"vest. {f.locator.vestigingsnummer}" if f.locator.vestigingsnummer else None,
            f.locator.address_type, f.locator.url,
            f"p. {f.locator.page}" if f.locator.page else None, f.locator.element) if p)
        e = f.evidence
        evidence = "; ".join(p for p in (e.value, e.trade_name, e.address, e.person,
                                         e.legal_form, e.establishment, e.page_title) if p)
        table.add_row(
            Text(label(f.severity.value, lang), style=SEVERITY_STYLE[f.severity]),
            plain(label(f.kind.value, lang)), plain(label(f.subject.value, lang)),
            _status(f, lang),
            plain(where), plain(evidence), plain(f"{f.match.score:.2f}"))
    return table


def _status(finding: Finding, lang: Lang) -> Text:
    if finding.accepted is not None:
        return Text(label("accepted", lang), style="yellow")
    return Text(label(finding.status.value, lang),
                style="green" if finding.status is Status.SHIELDED else "red")


def _steps(findings: tuple[Finding, ...], lang: Lang) -> list[RenderableType]:
    steps = {r.id: r for f in sorted(findings, key=lambda f: -f.severity.rank)
             for r in f.recommendations}
    if not steps:
        return []
    lines: list[RenderableType] = [Text(f"  {label('what_to_do', lang)}:", style="bold")]
    lines += [plain(f"  {n}. {step.title}") for n, step in enumerate(steps.values(), start=1)]
    return lines


def _step_details(report: Report, lang: Lang) -> list[RenderableType]:
    """Each step explained once at the end, not repeated for every official."""
    steps = {r.id: r for o in report.officials for f in o.findings for r in f.recommendations}
    if not steps:
        return []
    parts: list[RenderableType] = [Text(label("steps_explained", lang), style="bold underline")]
    for step in steps.values():
        parts.append(plain(step.title, style="bold"))
        parts.append(Padding(plain(step.text), (0, 0, 0, 2)))
        parts.append(Padding(plain(f"{label('legal_basis', lang)}: {step.legal_basis}; {step.url}",
                                  style="dim"), (0, 0, 1, 2)))
    return parts
