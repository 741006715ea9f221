"""Tiny writers for the benchmark's documents: PDF pages laid out by hand, DOCX, and media.

Every planted exposure is recorded with the page it was written on, so the truth follows the
layout instead of being guessed afterwards.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pymupdf

A4 = (595.0, 842.0)
MARGIN = 56.0
FONT = "helv"
BOLD = "hebo"
SIZE = 10.0
LEADING = 13.5

Plant = tuple[str, str]  # (official_id, kind)


@dataclass
class Truth:
    """Planted exposures and hard negatives, in the order they were written."""

    findings: list[dict[str, Any]] = field(default_factory=list)
    negatives: list[dict[str, Any]] = field(default_factory=list)

    def add(self, path: str, page: int | None, plants: list[Plant]) -> None:
        for official_id, kind in plants:
            row = {"official_id": official_id, "kind": kind, "url": path, "page": page}
            if row not in self.findings:
                self.findings.append(row)

    def negative(self, path: str, page: int | None, official_id: str, kind: str, what: str) -> None:
        self.negatives.append(
            {"official_id": official_id, "kind": kind, "url": path, "page": page, "what": what}
        )


@functools.cache
def _char_width(char: str, font: str) -> float:
    return float(pymupdf.get_text_length(char, fontname=font, fontsize=1))


def text_width(text: str, font: str = FONT, size: float = SIZE) -> float:
    """Width of a line in a base-14 font: the sum of its glyph widths (no kerning there)."""
    return size * sum(_char_width(c, font) for c in text)


def wrap(text: str, width: float, size: float = SIZE, font: str = FONT) -> list[str]:
    """Greedy wrap; an explicit newline forces a break where a layout program would put one."""
    lines: list[str] = []
    for piece in text.split("\n"):
        line = ""
        for word in piece.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


class Pdf:
    """A PDF written page by page: running header and footer, one or two text columns, tables."""

    def __init__(self, path: str, title: str, header: str, footer: str, truth: Truth) -> None:
        self.path = path
        self.title = title
        self.header = header
        self.footer = footer
        self.truth = truth
        self.doc = pymupdf.open()
        self.page: Any = None
        self.columns = 1
        self.column = 0
        self.y = 0.0

    @property
    def number(self) -> int:
        return int(self.doc.page_count)

    def new_page(self, columns: int = 1) -> None:
        self.page = self.doc.new_page(width=A4[0], height=A4[1])
        self.columns = columns
        self.column = 0
        self.y = MARGIN + 40
        self.page.insert_text((MARGIN, MARGIN), self.header, fontname=FONT, fontsize=8)
        self.page.insert_text((MARGIN, MARGIN + 11), self.title, fontname=FONT, fontsize=8)
        self.page.draw_line((MARGIN, MARGIN + 16), (A4[0] - MARGIN, MARGIN + 16), width=0.5)

    def _col_x(self) -> tuple[float, float]:
        usable = A4[0] - 2 * MARGIN
        if self.columns == 1:
            return MARGIN, usable
        gap = 18.0
        width = (usable - gap) / 2
        return MARGIN + self.column * (width + gap), width

    def _bottom(self) -> float:
        return A4[1] - MARGIN - 30

    def _line(self, text: str, font: str = FONT, size: float = SIZE) -> None:
        if self.y + LEADING > self._bottom():
            if self.columns == 2 and self.column == 0:
                self.column = 1
                self.y = MARGIN + 40
            else:
                raise ValueError(f"{self.path} page {self.number} overflows")
        x, _ = self._col_x()
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += LEADING

    def fits(self, text: str) -> bool:
        """Whether a paragraph still fits on this page (the second column counts)."""
        _, width = self._col_x()
        y, column = self.y, self.column
        for _line in wrap(text, width):
            if y + LEADING > self._bottom():
                if self.columns == 2 and column == 0:
                    column, y = 1, MARGIN + 40
                else:
                    return False
            y += LEADING
        return True

    def para(self, text: str, plants: list[Plant] | None = None, bold: bool = False) -> None:
        _, width = self._col_x()
        for line in wrap(text, width, font=BOLD if bold else FONT):
            self._line(line, BOLD if bold else FONT)
        self.y += LEADING / 2
        self.truth.add(self.path, self.number, plants or [])

    def heading(self, text: str) -> None:
        self.para(text, bold=True)

    def lines(self, rows: list[str], plants: list[Plant] | None = None) -> None:
        """Lines set exactly as given (a letterhead, an address block)."""
        for row in rows:
            self._line(row)
        self.y += LEADING / 2
        self.truth.add(self.path, self.number, plants or [])

    def table(self, widths: list[float], rows: list[list[str]], plants: list[Plant] | None = None,
              header: bool = False) -> None:
        """One or more table rows with ruled cells, each cell wrapped inside its width."""
        for index, row in enumerate(rows):
            wrapped = [wrap(cell, w - 6, size=9) for cell, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in wrapped) * 12 + 4
            if self.y + height > self._bottom():
                raise ValueError(f"{self.path} page {self.number} table overflows")
            x = MARGIN
            top = self.y - 10
            for cell, w in zip(wrapped, widths, strict=True):
                for k, text in enumerate(cell):
                    font = BOLD if header and index == 0 else FONT
                    self.page.insert_text((x + 3, self.y + 12 * k), text, fontname=font,
                                          fontsize=9)
                self.page.draw_rect(pymupdf.Rect(x, top, x + w, top + height), width=0.4)
                x += w
            self.y += height
        self.truth.add(self.path, self.number, plants or [])

    def save(self, root: Path) -> None:
        total = self.doc.page_count
        for index, page in enumerate(self.doc, start=1):
            page.draw_line((MARGIN, A4[1] - MARGIN - 12), (A4[0] - MARGIN, A4[1] - MARGIN - 12),
                           width=0.5)
            page.insert_text((MARGIN, A4[1] - MARGIN), f"{self.footer}  |  pagina {index} van "
                             f"{total}", fontname=FONT, fontsize=7)
        self.doc.set_metadata({"title": self.title, "creator": "Raadsinformatiesysteem",
                               "producer": "benchmark", "creationDate": "D:20260301120000",
                               "modDate": "D:20260301120000"})
        target = root / self.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(target, garbage=3, deflate=True, no_new_id=True)


class Docx:
    """A DOCX with a header and footer, paragraphs (optionally in several runs) and tables."""

    def __init__(self, path: str, header: str, footer: str, truth: Truth,
                 header_plants: list[Plant] | None = None) -> None:
        self.path = path
        self.truth = truth
        self.doc = docx.Document()
        section = self.doc.sections[0]
        for number, line in enumerate(header.split("\n")):
            paragraph = (section.header.paragraphs[0] if number == 0
                         else section.header.add_paragraph())
            paragraph.text = line
        section.footer.paragraphs[0].text = footer
        self.truth.add(path, None, header_plants or [])
        core = self.doc.core_properties
        core.author = "Griffie"
        core.title = path.rsplit("/", 1)[-1]

    def heading(self, text: str) -> None:
        self.doc.add_heading(text, level=2)

    def para(self, text: str | list[tuple[str, bool]], plants: list[Plant] | None = None) -> None:
        """A paragraph; a list gives its runs as (text, bold), as Word splits them."""
        if isinstance(text, str):
            self.doc.add_paragraph(text)
        else:
            paragraph = self.doc.add_paragraph()
            for part, bold in text:
                paragraph.add_run(part).bold = bold
        self.truth.add(self.path, None, plants or [])

    def table(self, rows: list[list[str]], plants: list[Plant] | None = None) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        self.truth.add(self.path, None, plants or [])

    def save(self, root: Path) -> None:
        target = root / self.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        target.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the generated site is byte-for-byte repeatable."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 1, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def scan_pdf(root: Path, path: str, lines: list[str]) -> None:
    """A scanned letter: the page is a picture of text, there is no text layer at all."""
    source = pymupdf.open()
    page = source.new_page(width=A4[0], height=A4[1])
    y = 120.0
    for line in lines:
        page.insert_text((80, y), line, fontname="tiro", fontsize=12)
        y += 18
    pixmap = page.get_pixmap(dpi=110, colorspace=pymupdf.csGRAY)
    scan = pymupdf.open()
    scanned = scan.new_page(width=A4[0], height=A4[1])
    scanned.insert_image(scanned.rect, stream=pixmap.tobytes("png"))
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    scan.set_metadata({"producer": "Scanner", "creationDate": "D:20260412090000"})
    scan.save(target, garbage=3, deflate=True, no_new_id=True)


def picture(root: Path, path: str, text: str) -> None:
    """A small JPEG or PNG (a photo of the council, a map)."""
    source = pymupdf.open()
    page = source.new_page(width=320, height=200)
    page.insert_text((20, 100), text, fontname=FONT, fontsize=14)
    pixmap = page.get_pixmap(dpi=72)
    kind = "jpeg" if path.endswith((".jpg", ".jpeg")) else "png"
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pixmap.tobytes(kind))


def archive(root: Path, path: str, members: dict[str, bytes]) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 1, 12, 0, 0)), data)
    target.write_bytes(out.getvalue())


def calendar(root: Path, path: str, date: str, summary: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Raadsinformatie//NL\r\nBEGIN:VEVENT\r\n"
        f"UID:{date}@raad.example\r\nDTSTAMP:{date}T090000Z\r\nDTSTART:{date}T193000\r\n"
        f"SUMMARY:{summary}\r\nLOCATION:Raadzaal\\, Raadhuisplein 1\\, Oldebroek\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")


def video(root: Path, path: str) -> None:
    """The first bytes of an MP4 (an ftyp box and an empty mdat): enough to be a video file."""
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    ftyp = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    target.write_bytes(ftyp + b"\x00\x00\x00\x08mdat" + bytes(4096))
