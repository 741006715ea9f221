"""Horizontal bar charts as inline SVG, so an HTML report needs no script and no asset.

Every chart carries its numbers as visible text and its data again in <title>/<desc>,
so it reads the same to a screen reader, on paper and with images off.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from exposurecheck.reporters.safe import escape

DEFAULT_COLOUR = "#2f6fb3"
WIDTH = 480
LABEL_WIDTH = 210
COUNT_WIDTH = 44
ROW_HEIGHT = 26
BAR_HEIGHT = 16
MAX_LABEL_CHARS = 25
MAX_LABEL_LINES = 4
LINE_HEIGHT = 17


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    colour: str = DEFAULT_COLOUR


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], empty: str) -> str:
    """One SVG chart; `chart_id` must be unique in the page (it names the <title>/<desc>)."""
    cid = escape(chart_id)
    data = "; ".join(f"{b.label}: {b.count}" for b in bars) or empty
    top = max((b.count for b in bars), default=0) or 1
    span = WIDTH - LABEL_WIDTH - COUNT_WIDTH
    rows = []
    y = 4
    for bar in bars:
        lines = _lines(bar.label)
        length = round(span * bar.count / top)
        label = "".join(f'<tspan x="0" dy="{LINE_HEIGHT if n else 0}">{escape(line)}</tspan>'
                        for n, line in enumerate(lines))
        rows.append(
            f'<g class="bar"><title>{escape(bar.label)}: {bar.count}</title>'
            f'<text y="{y + 17}" class="label">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 5}" width="{length}" height="{BAR_HEIGHT}" '
            f'rx="2" fill="{escape(bar.colour)}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 17}" class="count">{bar.count}</text>'
            "</g>")
        y += ROW_HEIGHT + (len(lines) - 1) * LINE_HEIGHT
    if not bars:
        rows.append(f'<text x="0" y="21" class="label">{escape(empty)}</text>')
        y += ROW_HEIGHT
    height = y + 4
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="inherit" font-size="14" '
        f'fill="#1f2328">'
        f'<title id="{cid}-title">{escape(title)}</title>'
        f'<desc id="{cid}-desc">{escape(data)}</desc>'
        + "".join(rows) + "</svg>")


def _lines(label: str) -> list[str]:
    """SVG text does not wrap by itself; the full label stays in the bar's <title>."""
    return textwrap.wrap(label, MAX_LABEL_CHARS, max_lines=MAX_LABEL_LINES,
                         placeholder=" …") or [""]
