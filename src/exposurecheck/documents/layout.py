"""Text layout shared by the readers: wrapped lines joined, hyphenation undone, table rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SOFT_HYPHEN = "\u00ad"
_HYPHENS = ("-", "\u2010", "\u2011")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MAX_LABEL = 40


def unwrap(lines: Iterable[str]) -> str:
    """One paragraph from the lines it was set on.

    A word broken with a hyphen before a lower-case letter is joined ("Kerk-" +
    "straat"); before anything else the hyphen is kept ("Jan-" + "Willem",
    "06-" + "12345678"). Other line ends become a space.
    """
    text = ""
    glued = False
    for raw in lines:
        line = _SPACES.sub(" ", raw).strip()
        soft = line.endswith(_SOFT_HYPHEN)
        line = line.replace(_SOFT_HYPHEN, "")
        if not line:
            continue
        if glued:
            text += line
        elif text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalnum():
            if text[-2].isalpha() and line[0].islower():
                text = text[:-1] + line
            else:
                text += line
        else:
            text = f"{text} {line}" if text else line
        glued = soft
    return text


def row_text(cells: Sequence[str]) -> str:
    """A table row as the web extractor writes one: "label: value" for two cells."""
    cells = [cell for cell in (unwrap([c]) for c in cells) if cell]
    if len(cells) == 2 and len(cells[0]) <= _MAX_LABEL:
        return f"{cells[0].rstrip(':').strip()}: {cells[1]}"
    return " | ".join(cells)


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """A table, one line per row. A header row over three or more columns labels each
    cell of the rows below ("Naam: ...; Woonplaats: ..."), as a reader would read it."""
    if len(rows) > 1 and len(rows[0]) > 2 and all(cell.strip() for cell in rows[0]):
        headers = [unwrap([cell]).rstrip(":") for cell in rows[0]]
        return [row_text(rows[0]), *(
            "; ".join(f"{h}: {c}" for h, c in zip(headers, (unwrap([c]) for c in row),
                                                   strict=False) if c)
            for row in rows[1:])]
    return [row_text(row) for row in rows]


def page(paragraphs: Iterable[str]) -> str:
    """Paragraphs as one page: one per line, empty ones left out."""
    return "\n".join(p for p in paragraphs if p)
