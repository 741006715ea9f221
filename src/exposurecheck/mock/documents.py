"""Write fictional council documents (PDF, DOCX, ODT) for fixtures, tests and benchmarks.

Text is set the way real council documents are: a running header on each page,
paragraphs wrapped at a fixed width (so data is split over lines), and long words
hyphenated at a line end.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

import docx
import pymupdf

__all__ = ["docx_bytes", "odt_bytes", "pdf_bytes", "scanned_pdf_bytes"]

_open: Any = pymupdf.open
_Pixmap: Any = pymupdf.Pixmap
_IRect: Any = pymupdf.IRect


def _wrap(paragraph: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; a long last word is hyphenated.

    A paragraph with line breaks is set as it is written (a letterhead, an address).
    """
    if "\n" in paragraph:
        return paragraph.split("\n")
    lines = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) < width - 6:
            word, _, rest = line.partition(" ")
            room = width - len(out[-1]) - 2
            if len(word) > 8 and word.isalpha() and 4 <= room <= len(word) - 4:
                out[-1] += f" {word[:room]}-"
                line = word[room:] + (f" {rest}" if rest else "")
        out.append(line)
    return out


def pdf_bytes(pages: Sequence[Sequence[str]], *, header: str = "", title: str = "",
              width: int = 60) -> bytes:
    """A PDF with a text layer: ``pages`` of paragraphs, each wrapped at ``width``."""
    document = _open()
    for number, paragraphs in enumerate(pages, start=1):
        page = document.new_page(width=595, height=842)
        y = 40.0
        if header:
            page.insert_text((50, y), f"{header} - pagina {number}", fontsize=8)
            y += 30
        for paragraph in paragraphs:
            for line in _wrap(paragraph, width):
                page.insert_text((50, y), line, fontsize=10)
                y += 13
            y += 9
    if title:
        document.set_metadata({"title": title})
    data: bytes = document.tobytes()
    return data


def scanned_pdf_bytes(pages: int = 2) -> bytes:
    """A PDF of images only, as a scanner makes them: no text layer."""
    document = _open()
    pixmap = _Pixmap(pymupdf.csGRAY, _IRect(0, 0, 40, 40), False)
    pixmap.clear_with(200)
    for _ in range(pages):
        page = document.new_page(width=595, height=842)
        page.insert_image(page.rect, pixmap=pixmap)
    data: bytes = document.tobytes()
    return data


def docx_bytes(paragraphs: Sequence[str], *, tables: Sequence[Sequence[Sequence[str]]] = (),
               header: str = "", footer: str = "", title: str = "") -> bytes:
    """A DOCX with a header, a footer, body paragraphs and then tables (rows of cells)."""
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for cells, row in zip(rows, table.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=False):
                cell.text = text
    if title:
        document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_ODT_MIME = "application/vnd.oasis.opendocument.text"
_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def odt_bytes(paragraphs: Sequence[str], *, tables: Sequence[Sequence[Sequence[str]]] = (),
              header: str = "", title: str = "", content_xml: str | None = None) -> bytes:
    """A minimal ODT (the parts a reader needs); ``content_xml`` replaces content.xml."""
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    for rows in tables:
        body += "<table:table>" + "".join(
            "<table:table-row>" + "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
            + "</table:table-row>" for row in rows) + "</table:table>"
    content = content_xml or (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                              f'{_ODT_NS}><office:body><office:text>{body}</office:text>'
                              f'</office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODT_NS}>'
              f'<office:master-styles><style:master-page style:name="Standard"><style:header>'
              f'<text:p>{escape(header)}</text:p></style:header></style:master-page>'
              f'</office:master-styles></office:document-styles>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}>'
            f'<office:meta><dc:title>{escape(title)}</dc:title></office:meta>'
            f'</office:document-meta>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODT_MIME)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("meta.xml", meta)
    return out.getvalue()
