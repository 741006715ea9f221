"""Counts for the whole audit with nobody in them: `--summary-only`, safe to share with a council.

An `Aggregate` holds no name, id, address or other detail of an official; it is
computed from the report and rendered without ever looking at the report again.
Roles held by fewer than `MIN_ROLE_GROUP` officials are pooled with other small
roles, because "burgemeester: 1 exposure" names the mayor as surely as a name.
The overview blocks here (totals, charts, count tables, the HTML page) are
shared with the full HTML and Markdown reports, so both show the same numbers.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from rich.console import Console
from rich.table import Table

from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.models import (
    FindingKind,
    Frozen,
    OfficialResult,
    Report,
    Severity,
    SourceId,
    Stamped,
    Status,
)
from exposurecheck.reporters.charts import DEFAULT_COLOUR, Bar, bar_chart
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.safe import clean_output, escape, plain
from exposurecheck.untrusted import clean_text

MIN_ROLE_GROUP = 3
ACCEPTED = "accepted"

SEVERITY_COLOUR = {
    Severity.CRITICAL: "#8c1d18",
    Severity.HIGH: "#cf222e",
    Severity.MEDIUM: "#bf8700",
    Severity.LOW: "#2f6fb3",
    Severity.INFO: "#6e7781",
}
STATUS_COLOUR = {Status.EXPOSED.value: "#cf222e", ACCEPTED: "#8250df",
                 Status.SHIELDED.value: "#1a7f37", Status.ENDED.value: "#6e7781"}

_WORDS: dict[str, str] = {
    # key: English msgid; words labels.py does not have yet
    "report_title": N_("Personal data exposure report"),
    "summary_title": N_("Exposure summary (no personal data)"),
    "summary_note": N_("This summary contains no names, ids, addresses or other personal data. "
                       "Roles held by fewer than {n} officials are combined, so that no count "
                       "points to one person."),
    "personal_data": N_("This report contains personal data. Treat it as confidential and share "
                        "it no further than needed."),
    "overview": N_("Overview"),
    "by_kind": N_("Exposures by kind"),
    "by_severity": N_("Exposures by severity"),
    "by_source": N_("Exposures by source"),
    "by_status": N_("Findings by status"),
    "by_role": N_("Exposures by role (officials audited)"),
    "kind": N_("kind"),
    "role": N_("role"),
    "count": N_("count"),
    "officials_in_role": N_("officials"),
    "no_role": N_("no role"),
    "nothing": N_("none"),
    "generated": N_("generated"),
    "sources": N_("sources"),
    "accepted_count": N_("accepted as a known risk"),
    "officials_heading": N_("Officials"),
    "official": N_("official"),
    "id": N_("id"),
    "findings": N_("Findings"),
    "number": N_("no."),
    "complete": N_("complete"),
    "source_errors": N_("Not checked"),
    "incomplete_note": N_("Not every source could be checked: what is missing below may still be "
                          "public."),
    "not_read": N_("Not read (not text: images, archives ...)"),
    "failed": N_("failed"),
    "timeout": N_("timed out"),
    "skipped": N_("skipped"),
    "concerns": N_("concerns finding"),
    "more_information": N_("more information"),
    "accepted_by": N_("accepted by"),
    "until": N_("until"),
    "matched_on": N_("matched on"),
    "trade_name": N_("trade name"),
    "address": N_("address"),
    "person": N_("person"),
    "legal_form": N_("legal form"),
    "establishment": N_("establishment"),
    "value": N_("value"),
    "context": N_("context"),
    "page_title": N_("page title"),
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_MARKDOWN_BLOCK_START = re.compile(r"^(?:[-+=]|\d+[.)](?=\s|$))")

BASE_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --soft: #f6f8fa; --accent: #2f6fb3; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0; }
.notice { border-left: 4px solid #9a6700; background: #fff8c5; padding: .5rem .75rem;
  margin: 1rem 0 0; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
  gap: .75rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.totals li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.totals .n { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr));
  gap: 1rem; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px;
  padding: .75rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
svg.chart { display: block; width: 100%; max-width: 480px; height: auto; }
svg.chart .count { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .25rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.counts { width: auto; min-width: 18rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  .notice { border: 1px solid #000; border-left-width: 4px; }
  .charts { grid-template-columns: 1fr; }
  figure.chart, .totals li, tr { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  a { color: inherit; }
}
"""


def word(key: str, lang: Lang) -> str:
    """A user-facing word: our own first, then the shared labels."""
    if key in _WORDS:
        return translator(lang).gettext(_WORDS[key])
    return label(key, lang)


def not_read_line(result: OfficialResult, lang: Lang) -> str | None:
    """What a source saw and did not read by design, as one line: counts per media type."""
    if not result.not_read:
        return None
    counts = ", ".join(f"{n.media_type} {n.count}" for n in result.not_read)
    return f"{word('not_read', lang)}: {counts}"


class Count(Frozen):
    key: str
    count: int


class RoleGroup(Frozen):
    """One role, or several small ones pooled; None stands for 'no role given'."""

    roles: tuple[str | None, ...]
    officials: int
    exposures: int


class Aggregate(Stamped):
    """What `--summary-only` shows: counts only, open exposures unless the name says otherwise."""

    sources: tuple[SourceId, ...]
    min_role_group: int
    officials: int
    with_exposures: int
    incomplete: int
    exposures: int
    accepted: int
    shielded: int
    by_kind: tuple[Count, ...]
    by_severity: tuple[Count, ...]
    by_source: tuple[Count, ...]
    by_status: tuple[Count, ...]
    by_role: tuple[RoleGroup, ...]


def aggregate(report: Report, *, min_role_group: int = MIN_ROLE_GROUP) -> Aggregate:
    """Count the report; `min_role_group=1` keeps every role apart (for the full report)."""
    findings = [f for o in report.officials for f in o.findings]
    open_ = [f for f in findings if f.is_exposure]
    statuses = Counter(ACCEPTED if f.accepted else f.status.value for f in findings)
    kinds = Counter(f.kind for f in open_)
    severities = Counter(f.severity for f in open_)
    sources = Counter(f.source for f in open_)
    return Aggregate(
        generated_at=report.generated_at, tool=report.tool, sources=report.sources,
        min_role_group=min_role_group,
        officials=len(report.officials),
        with_exposures=sum(1 for o in report.officials if any(f.is_exposure for f in o.findings)),
        incomplete=sum(1 for o in report.officials if not o.complete),
        exposures=len(open_),
        accepted=statuses[ACCEPTED],
        shielded=statuses[Status.SHIELDED.value],
        by_kind=tuple(Count(key=k.value, count=kinds[k]) for k in FindingKind
                      if any(f.kind is k for f in findings)),
        by_severity=tuple(Count(key=s.value, count=severities[s]) for s in reversed(Severity)),
        by_source=tuple(Count(key=s.value, count=sources[s])
                        for s in dict.fromkeys([*report.sources, *(f.source for f in findings)])),
        by_status=tuple(Count(key=k, count=statuses[k])
                        for k in (Status.EXPOSED.value, Status.ENDED.value, ACCEPTED,
                                  Status.SHIELDED.value)
                        if k != Status.ENDED.value or statuses[k]),
        by_role=_role_groups(report, min_role_group),
    )


def _role_groups(report: Report, min_size: int) -> tuple[RoleGroup, ...]:
    """Pool the two smallest groups until every group has `min_size` officials (or one is left).

    Pooling keeps the totals exact, so no group's count can be worked out by subtraction.
    """
    officials: dict[str | None, int] = Counter()
    exposures: dict[str | None, int] = Counter()
    for o in report.officials:
        role = o.role.strip().casefold() if o.role and o.role.strip() else None
        officials[role] += 1
        exposures[role] += sum(1 for f in o.findings if f.is_exposure)
    groups = [RoleGroup(roles=(r,), officials=n, exposures=exposures[r])
              for r, n in officials.items()]

    def size(g: RoleGroup) -> tuple[int, list[str]]:
        return g.officials, [r or "" for r in g.roles]

    groups.sort(key=size)
    while len(groups) > 1 and groups[0].officials < min_size:
        a, b, *rest = groups
        pooled = RoleGroup(roles=tuple(sorted((*a.roles, *b.roles), key=_role_order)),
                           officials=a.officials + b.officials,
                           exposures=a.exposures + b.exposures)
        groups = sorted([pooled, *rest], key=size)
    return tuple(sorted(groups, key=lambda g: (-g.officials, [_role_order(r) for r in g.roles])))


def _role_order(role: str | None) -> tuple[bool, str]:
    return role is None, role or ""


def role_label(group: RoleGroup, lang: Lang) -> str:
    return " + ".join(r or word("no_role", lang) for r in group.roles)


def _totals(agg: Aggregate, lang: Lang) -> list[tuple[str, int]]:
    return [(label("officials", lang), agg.officials),
            (label("with_exposures", lang), agg.with_exposures),
            (label("exposures", lang), agg.exposures),
            (word("accepted_count", lang), agg.accepted),
            (label("shielded_count", lang), agg.shielded),
            (label("incomplete_count", lang), agg.incomplete)]


def _dimensions(agg: Aggregate, lang: Lang) -> list[tuple[str, str, list[Bar]]]:
    """(key, title, bars) for every breakdown, in the order they are shown."""
    def bars(counts: Iterable[Count], colours: dict[str, str] | None = None) -> list[Bar]:
        return [Bar(word(c.key, lang), c.count, (colours or {}).get(c.key, DEFAULT_COLOUR))
                for c in counts]

    return [
        ("severity", word("by_severity", lang),
         bars(agg.by_severity, {s.value: c for s, c in SEVERITY_COLOUR.items()})),
        ("kind", word("by_kind", lang), bars(agg.by_kind)),
        ("source", word("by_source", lang), bars(agg.by_source)),
        ("status", word("by_status", lang), bars(agg.by_status, STATUS_COLOUR)),
        ("role", word("by_role", lang),
         [Bar(f"{role_label(g, lang)} ({g.officials})", g.exposures) for g in agg.by_role]),
    ]


def _count_tables(agg: Aggregate, lang: Lang) -> list[tuple[str, tuple[str, ...],
                                                            list[tuple[object, ...]]]]:
    """(title, header, rows) for every breakdown: the text and Markdown forms of the charts."""
    tables: list[tuple[str, tuple[str, ...], list[tuple[object, ...]]]] = []
    for key, title, bars in _dimensions(agg, lang):
        header: tuple[str, ...]
        if key == "role":
            header = (word("role", lang), word("officials_in_role", lang),
                      label("exposures", lang))
            rows: list[tuple[object, ...]] = [(role_label(g, lang), g.officials, g.exposures)
                                              for g in agg.by_role]
        else:
            header = (word(key, lang),
                      word("count", lang) if key == "status" else label("exposures", lang))
            rows = [(b.label, b.count) for b in bars]
        tables.append((title, header, rows))
    return tables


def meta_line(agg: Aggregate, lang: Lang) -> str:
    sources = ", ".join(word(s.value, lang) for s in agg.sources) or word("nothing", lang)
    return (f"{word('generated', lang)} {format_time(agg.generated_at)} · "
            f"{agg.tool.name} {agg.tool.version} · {word('sources', lang)}: {sources}")


def format_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip()


# --- plain text ---------------------------------------------------------------------------


def render_table(agg: Aggregate, options: RenderOptions) -> str:
    lang = options.lang
    buffer = io.StringIO()
    console = Console(file=buffer, width=options.width, force_terminal=options.color,
                      no_color=not options.color, highlight=False, emoji=False)
    console.print(plain(word("summary_title", lang), "bold"))
    console.print(plain(meta_line(agg, lang), "dim"))
    console.print(_count_table(("", ""), _totals(agg, lang)))
    for title, header, rows in _count_tables(agg, lang):
        console.print(plain(f"\n{title}", "bold"))
        console.print(_count_table(header, rows))
    console.print()
    console.print(plain(word("summary_note", lang).format(n=agg.min_role_group)))
    return buffer.getvalue() if options.color else clean_output(buffer.getvalue())


def _count_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    table = Table(show_header=any(header), show_edge=False, pad_edge=False)
    for n, name in enumerate(header):
        table.add_column(plain(name), justify="right" if n else "left")
    for row in rows:
        table.add_row(*(plain(str(c)) for c in row))
    return table



# --- JSON ---------------------------------------------------------------------------------


def render_json(agg: Aggregate, options: RenderOptions) -> str:
    return clean_output(agg.model_dump_json(indent=2) + "\n")


# --- Markdown -----------------------------------------------------------------------------


def md(text: object) -> str:
    """Markdown text that shows as written: no emphasis, links, HTML, list or broken table cell."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(clean_text(str(text)).split()))
    return _MARKDOWN_BLOCK_START.sub(lambda m: f"{m[0][:-1]}\\{m[0][-1]}", escaped)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]],
                   numeric: Sequence[int] = ()) -> str:
    """A GitHub-flavoured table; cells are escaped here, so pass plain text."""
    align = ["---:" if n in numeric else "---" for n in range(len(header))]
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def overview_markdown(agg: Aggregate, lang: Lang, level: int = 2) -> str:
    h = "#" * level
    parts = [f"{h} {md(word('overview', lang))}\n",
             markdown_table(("", word("count", lang)), _totals(agg, lang), numeric=(1,))]
    for title, header, rows in _count_tables(agg, lang):
        parts += [f"{h}# {md(title)}\n",
                  markdown_table(header, rows, numeric=range(1, len(header)))]
    return "\n".join(parts)


def render_markdown(agg: Aggregate, options: RenderOptions) -> str:
    lang = options.lang
    return clean_output(f"# {md(word('summary_title', lang))}\n\n{md(meta_line(agg, lang))}\n\n"
                        f"> {md(word('summary_note', lang).format(n=agg.min_role_group))}\n\n"
                        + overview_markdown(agg, lang))


# --- HTML ---------------------------------------------------------------------------------


def html_document(title: str, lang: Lang, body: str, style: str = "") -> str:
    """A whole page: no script, no external asset, and a policy that forbids loading any."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(title)}</title>\n<style>{BASE_CSS}{style}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n")


def overview_html(agg: Aggregate, lang: Lang) -> str:
    totals = "".join(f'<li><span class="n">{n}</span>{escape(name)}</li>'
                     for name, n in _totals(agg, lang))
    charts = "".join(
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'{bar_chart(f"chart-{key}", title, bars, word("nothing", lang))}</figure>\n'
        for key, title, bars in _dimensions(agg, lang))
    return (f'<section class="overview" aria-labelledby="overview-h">\n'
            f'<h2 id="overview-h">{escape(word("overview", lang))}</h2>\n'
            f'<ul class="totals">{totals}</ul>\n<div class="charts">\n{charts}</div>\n'
            "</section>\n")


def render_html(agg: Aggregate, options: RenderOptions) -> str:
    lang = options.lang
    title = word("summary_title", lang)
    body = (f'<header class="report"><h1>{escape(title)}</h1>\n'
            f'<p class="meta">{escape(meta_line(agg, lang))}</p>\n'
            f'<p class="notice">{escape(word("summary_note", lang).format(n=agg.min_role_group))}'
            "</p></header>\n" + overview_html(agg, lang))
    return clean_output(html_document(title, lang, body))


SummaryRenderer = Callable[[Aggregate, RenderOptions], str]

RENDERERS: dict[str, SummaryRenderer] = {
    "table": render_table,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}


def render_aggregate(agg: Aggregate, output_format: str, options: RenderOptions) -> str:
    """Render a summary in an `OutputFormat` (a StrEnum, so its members work as keys here)."""
    return RENDERERS[output_format](agg, options)
