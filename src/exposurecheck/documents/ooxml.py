"""DOCX: paragraphs, tables, text boxes, headers and footers, read with python-docx."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from exposurecheck.documents.archive import check_xml_members, open_zip
from exposurecheck.documents.layout import page, table_lines, unwrap
from exposurecheck.documents.reader import (
    COMPOUND_FILE,
    Budget,
    DocumentError,
    DocumentKind,
    DocumentProblem,
    DocumentText,
)

_TEXT_BOX = qn("w:txbxContent")
_PARAGRAPH = qn("w:p")
_TEXT = qn("w:t")


def read(data: bytes, budget: Budget) -> DocumentText:
    if data.startswith(COMPOUND_FILE):
        raise DocumentError(DocumentProblem.ENCRYPTED, "or a legacy .doc file")
    with open_zip(data, budget.limits) as archive:
        check_xml_members(archive)
    document = docx.Document(io.BytesIO(data))
    budget.check()
    lines: list[str] = []
    seen_parts: set[int] = set()
    part: Any
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            lines += _part_lines(part, seen_parts)
    lines += _blocks(document)
    budget.check()
    lines += _text_boxes(document.element.body)
    for section in document.sections:
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            lines += _part_lines(part, seen_parts)
    return DocumentText(DocumentKind.DOCX, (page(lines),),
                        str(document.core_properties.title or ""))


def _part_lines(part: Any, seen: set[int]) -> list[str]:
    """A header or footer once, however many sections share it."""
    if part.is_linked_to_previous or id(part.part) in seen:
        return []
    seen.add(id(part.part))
    return [*_blocks(part), *_text_boxes(part._element)]


def _blocks(container: Any) -> Iterator[str]:
    """Paragraphs and table rows in document order; nested tables row by row."""
    stack: list[Any] = list(reversed(list(container.iter_inner_content())))
    while stack:
        item = stack.pop()
        if isinstance(item, Paragraph):
            yield unwrap(item.text.split("\n"))
        elif isinstance(item, Table):
            yield from _rows(item)


def _rows(table: Table) -> Iterator[str]:
    stack = [table]
    while stack:
        current = stack.pop()
        rows: list[list[str]] = []
        for row in current.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                    continue
                seen.add(id(cell._tc))
                cells.append(unwrap(p.text for p in cell.paragraphs))
                stack.extend(cell.tables)
            rows.append(cells)
        yield from table_lines(rows)


def _text_boxes(element: Any) -> Iterator[str]:
    """Text boxes (letterheads often sit in one) that python-docx's paragraphs skip."""
    for box in element.iter(_TEXT_BOX):
        for paragraph in box.iter(_PARAGRAPH):
            yield unwrap(["".join(t.text or "" for t in paragraph.iter(_TEXT))])
