"""ODT: the paragraphs, headings and table rows of content.xml, and the page styles'
headers and footers in styles.xml, read from the zip with lxml."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from lxml import etree

from exposurecheck.documents.archive import open_zip, parse_xml, read_member
from exposurecheck.documents.layout import page, table_lines, unwrap
from exposurecheck.documents.reader import (
    Budget,
    DocumentError,
    DocumentKind,
    DocumentProblem,
    DocumentText,
)

_TEXT: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DC: Final = "http://purl.org/dc/elements/1.1/"
_P, _H = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_TABLE_ELEMENT = f"{{{_TABLE}}}table"
_ROW, _CELL = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell"
_MAX_SPACES = 100


def read(data: bytes, budget: Budget) -> DocumentText:
    with open_zip(data, budget.limits) as archive:
        mimetype = read_member(archive, "mimetype")
        if mimetype is not None and mimetype.strip() != b"application/vnd.oasis.opendocument.text":
            raise DocumentError(DocumentProblem.UNSUPPORTED, "an OpenDocument that is not text")
        content = read_member(archive, "content.xml")
        if content is None:
            raise DocumentError(DocumentProblem.BROKEN, "no content.xml")
        styles = read_member(archive, "styles.xml")
        meta = read_member(archive, "meta.xml")
    lines = list(_lines(parse_xml(content)))
    budget.check()
    if styles is not None:
        lines += _lines(parse_xml(styles))
    title = ""
    if meta is not None:
        found = parse_xml(meta).find(f".//{{{_DC}}}title")
        title = "".join(found.itertext()) if found is not None else ""
    return DocumentText(DocumentKind.ODT, (page(lines),), title)


def _lines(root: etree._Element) -> Iterator[str]:
    """Tables row by row (see `table_lines`), every other paragraph and heading as a line."""
    in_tables: set[etree._Element] = set()
    for element in root.iter(_TABLE_ELEMENT, _P, _H):
        if element in in_tables:
            continue
        if element.tag == _TABLE_ELEMENT:
            rows = [[" ".join(_own_text(p) for p in cell.iter(_P, _H))
                     for cell in row.iterchildren(_CELL)] for row in element.iter(_ROW)]
            in_tables.update(element.iter(_TABLE_ELEMENT, _P, _H))
            yield from table_lines(rows)
        else:
            yield _own_text(element)


def _own_text(paragraph: etree._Element) -> str:
    """The paragraph's text without the paragraphs nested in it (notes, frames)."""
    parts: list[str] = [paragraph.text or ""]
    stack = [child for child in reversed(paragraph)]
    while stack:
        element = stack.pop()
        if isinstance(element, str):
            parts.append(element)
            continue
        tag = element.tag
        if tag == _SPACE:
            count = element.get(f"{{{_TEXT}}}c", "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES))
        elif tag in (_TAB, _BREAK):
            parts.append(" ")
        elif tag not in (_P, _H):
            if element.text:
                parts.append(element.text)
            if element.tail:
                stack.append(element.tail)
            stack.extend(reversed(list(element)))
            continue
        if element.tail:
            stack.append(element.tail)
    return unwrap(["".join(parts)])
