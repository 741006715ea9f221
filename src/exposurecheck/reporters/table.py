"""The default, human report: one block per finding, grouped by official, colours by severity.

Every value is a rich `Text` of cleaned text, never a string rich would read as markup:
a trade name "[/]" or "[link=...]" prints as written.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

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
        parts.append(_findings(result.findings, lang))
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


SHORT_URL_LENGTH = 48
"""Longest shortened URL: it has no spaces, so a narrow terminal moves it whole to the next line."""


def _findings(findings: tuple[Finding, ...], lang: Lang) -> Table:
    """One block per finding: severity and status on the left; what, whose and where on one
    line, the evidence below it.
    """
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for f in sorted(findings, key=lambda f: (-f.severity.rank, f.kind.value)):
        head = plain(label(f.kind.value, lang), style="bold")
        for part in (label(f.subject.value, lang), _where(f)):
            if part:
                head.append(" · ", style="dim")
                head.append(plain(part))
        evidence = plain(_evidence(f))
        evidence.append(f"{'  ' if evidence.plain else ''}({label('score', lang)} "
                        f"{f.match.score:.2f})", style="dim")
        left = Text("\n").join([Text(label(f.severity.value, lang),
                                     style=SEVERITY_STYLE[f.severity]), _status(f, lang)])
        grid.add_row(left, Text("\n").join([head, evidence]))
    return grid


def _where(finding: Finding) -> str:
    """The register entry or a shortened page address; the full URL is in the other formats."""
    loc = finding.locator
    parts = [f"KVK {loc.kvk_number}" if loc.kvk_number else None,
             f"vest. {loc.vestigingsnummer}" if loc.vestigingsnummer else None,
             loc.address_type, short_url(loc.url) if loc.url else None,
             f"p. {loc.page}" if loc.page else None, f"({loc.element})" if loc.element else None]
    return " ".join(p for p in parts if p)


def short_url(url: str) -> str:
    """Host and the end of the path, without spaces, at most SHORT_URL_LENGTH characters:
    ``https://www.gemeente.test/college/jan.html`` -> ``gemeente.test/…/jan.html``.
    """
    parsed = urlsplit(url)
    host = (parsed.hostname or "").removeprefix("www.")
    path = parsed.path.rstrip("/")
    whole = (host + path).replace(" ", "%20")
    if len(whole) <= SHORT_URL_LENGTH:
        return whole
    tail = path.rsplit("/", 1)[-1].replace(" ", "%20")
    room = SHORT_URL_LENGTH - len(host) - len("/…/")
    if room < 8:  # a very long host name: keep its end, which names the site
        host, room = "…" + host[-(SHORT_URL_LENGTH // 2):], SHORT_URL_LENGTH // 2 - 4
    if len(tail) > room:
        tail = "…" + tail[-(room - 1):]
    return f"{host}/…/{tail}"


def _evidence(finding: Finding) -> str:
    """What was found, without the page title: the shortened URL already names the page."""
    e = finding.evidence
    return "; ".join(p for p in (e.value, e.trade_name, e.address, e.person,
                                 e.legal_form, e.establishment) if p)


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
