"""PDF with PyMuPDF: the text layer per page, and every place a reader does not see.

Hidden places: text in render mode 3 (invisible), white or fully transparent text,
annotations, embedded files, the document's metadata, text under a filled dark box (a
failed redaction: the box hides it on screen, copy and paste still finds it) and the
earlier revisions of an incrementally saved file. A scrub removes the text from the
content streams (true redaction), draws a box with the Woo ground in its place, and saves
the file anew without metadata, old revisions or unreferenced objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from exposurecheck.scrub.engine import (
    LIMITS,
    Context,
    DocumentError,
    DocumentProblem,
    Scanned,
    attachment_findings,
)
from exposurecheck.scrub.model import DocFinding, Hit, Location, ScanKind, only_ground_labels

_HEADER_BAND, _FOOTER_BAND = 0.09, 0.93  # the letterhead and footer: the organisation's own
# PyMuPDF's constants, which its type stubs do not declare
_KEEP_IMAGES = 0  # PDF_REDACT_IMAGE_NONE: a redaction never touches a picture
_ANNOT_SQUARE, _ANNOT_REDACT = 4, 12  # PDF_ANNOT_SQUARE, PDF_ANNOT_REDACT
_MIN_BOX = 4.0  # a filled box smaller than this (points) is a rule or a bullet, not a redaction


@dataclass
class _Unit:
    location: Location
    public: bool = False
    text: list[str] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float] | None] = field(default_factory=list)

    def add(self, char: str, box: tuple[float, float, float, float] | None) -> None:
        self.text.append(char)
        self.boxes.append(box)

    @property
    def joined(self) -> str:
        return "".join(self.text)

    def rects(self, hit: Hit) -> list[pymupdf.Rect]:
        """One rectangle per line the value covers."""
        rects: list[pymupdf.Rect] = []
        for box in self.boxes[hit.start:hit.end]:
            if box is None:
                continue
            if rects and abs(rects[-1].y0 - box[1]) < 1 and box[0] >= rects[-1].x0 - 1:
                rects[-1] |= pymupdf.Rect(box)
            else:
                rects.append(pymupdf.Rect(box))
        return rects


def _open(data: bytes) -> Any:
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise DocumentError(DocumentProblem.BROKEN, "PDF") from exc
    if document.needs_pass:
        raise DocumentError(DocumentProblem.ENCRYPTED)
    if document.page_count > LIMITS.max_pages:
        raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {LIMITS.max_pages} pages")
    return document


def _invisible_origins(page: Any) -> set[tuple[int, int]]:
    """Characters drawn invisibly: render mode 3, white, or transparent."""
    origins: set[tuple[int, int]] = set()
    for span in page.get_texttrace():
        color = tuple(span.get("color") or ())
        white = bool(color) and (all(c >= 0.95 for c in color) if len(color) < 4
                                 else all(c <= 0.05 for c in color))
        if span.get("type") == 3 or span.get("opacity", 1) == 0 or white:
            origins.update((round(c[2][0]), round(c[2][1])) for c in span["chars"])
    return origins


def _boxes(page: Any) -> list[pymupdf.Rect]:
    boxes = []
    for drawing in page.get_drawings():
        fill = drawing.get("fill")
        rect = drawing.get("rect")
        if fill is None or rect is None or (drawing.get("fill_opacity") or 1) < 0.9:
            continue
        if max(fill) <= 0.25 and rect.width >= _MIN_BOX and rect.height >= _MIN_BOX:
            boxes.append(pymupdf.Rect(rect))
    for annot in page.annots(types=(_ANNOT_SQUARE, _ANNOT_REDACT)) or ():
        fill = (annot.colors or {}).get("fill") or ()
        redact = annot.type[0] == _ANNOT_REDACT  # marked, never applied
        if redact or (fill and max(fill) <= 0.25):
            boxes.append(pymupdf.Rect(annot.rect))
    return boxes


def _units(page: Any) -> tuple[list[_Unit], list[_Unit]]:
    """The page's text units, and one unit per filled box that has text under it."""
    hidden = _invisible_origins(page)
    height = page.rect.height or 1
    body, band, invisible = _Unit(Location.TEXT), _Unit(Location.HEADER_FOOTER, True), \
        _Unit(Location.HIDDEN_TEXT)
    boxes = _boxes(page)
    under = [_Unit(Location.UNDER_BOX) for _ in boxes]
    raw = page.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            touched: set[int] = set()
            for span in line.get("spans", ()):
                for char in span.get("chars", ()):
                    box = char["bbox"]
                    origin = (round(char["origin"][0]), round(char["origin"][1]))
                    if origin in hidden:
                        unit = invisible
                    elif box[3] < height * _HEADER_BAND or box[1] > height * _FOOTER_BAND:
                        unit = band
                    else:
                        unit = body
                    unit.add(char["c"], box)
                    touched.add(id(unit))
                    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                    for index, rect in enumerate(boxes):
                        if rect.x0 <= x <= rect.x1 and rect.y0 <= y <= rect.y1:
                            under[index].add(char["c"], box)
            for unit in (body, band, invisible):
                if id(unit) in touched:
                    unit.add("\n", None)
    for index, rect in enumerate(boxes):
        under[index].boxes.append((rect.x0, rect.y0, rect.x1, rect.y1))  # the box, for scrub
    return [body, band, invisible], [u for u in under if not only_ground_labels(u.joined)]


def _page_hits(units: list[_Unit], context: Context) -> Iterator[tuple[_Unit, list[Hit]]]:
    for unit in units:
        yield unit, context.detector.find(unit.joined, public_place=unit.public)


def _annotation_text(annot: Any) -> str:
    info = annot.info or {}
    return "\n".join(v for v in (info.get("content"), info.get("subject")) if v)


def _revision_findings(data: bytes, document: Any, context: Context) -> list[DocFinding]:
    """Data in an earlier revision that the last one no longer shows."""
    ends = [m.start() for m in re.finditer(rb"%%EOF", data)]
    found: list[DocFinding] = []
    current = [_folded(document[n].get_text()) for n in range(document.page_count)]
    for end in ends[:-1]:
        try:
            earlier = pymupdf.open(stream=data[:end + 5], filetype="pdf")
        except (pymupdf.FileDataError, RuntimeError, ValueError):
            continue
        for number in range(earlier.page_count):
            text = earlier[number].get_text()
            for hit in context.detector.find(text):
                now = current[number] if number < len(current) else ""
                if _folded(hit.value) not in now:
                    found.append(DocFinding(hit.kind, number + 1, Location.EARLIER_REVISION,
                                            hit.value, hit.official, context.within))
    return _unique(found)


def _folded(text: str) -> str:
    return "".join(text.split()).lower()


def _unique(found: list[DocFinding]) -> list[DocFinding]:
    return list(dict.fromkeys(found))


def _attachments(document: Any) -> Iterator[tuple[str, bytes]]:
    for name in document.embfile_names():
        info = document.embfile_info(name)
        yield str(info.get("filename") or name), document.embfile_get(name)


_XMP_AUTHOR = re.compile(
    r"<dc:creator>.*?</dc:creator>|<pdf:Author>.*?</pdf:Author>|pdf:Author=\"[^\"]*\"", re.S)
_TAG = re.compile(r"<[^>]*>|pdf:Author=|\"")


def _authors(document: Any) -> list[str]:
    """The author in the Info dictionary and in the XMP packet (dc:creator, pdf:Author)."""
    authors = [(document.metadata or {}).get("author") or ""]
    xmp = document.get_xml_metadata() or ""
    for found in _XMP_AUTHOR.finditer(xmp[:200_000]):
        authors += [" ".join(_TAG.sub(" ", found.group(0)).split())]
    return [a for a in dict.fromkeys(authors) if a]


def _metadata_findings(document: Any, context: Context) -> list[DocFinding]:
    return _unique([f for author in _authors(document) for f in context.metadata(author)])


def scan(data: bytes, context: Context) -> Scanned:
    document = _open(data)
    found: list[DocFinding] = _metadata_findings(document, context)
    for number in range(1, document.page_count + 1):
        page = document[number - 1]
        units, boxes = _units(page)
        for unit, hits in _page_hits(units, context):
            found += context.findings(hits, number, unit.location)
        for box in boxes:
            found.append(DocFinding(ScanKind.FAILED_REDACTION, number, Location.UNDER_BOX,
                                    box.joined.strip(), None, context.within))
        for annot in page.annots() or ():
            found += context.findings(context.detector.find(_annotation_text(annot)), number,
                                      Location.ANNOTATION)
            found += context.metadata((annot.info or {}).get("title"), number,
                                      Location.ANNOTATION)
    for name, payload in _attachments(document):
        found += attachment_findings(name, payload, context)
    found += _revision_findings(data, document, context)
    return Scanned(found, document.page_count)


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    document = _open(data)
    done: list[DocFinding] = []
    done += _metadata_findings(document, context)
    for number, page in enumerate(document, start=1):
        for annot in list(page.annots() or ()):
            hits = context.detector.find(_annotation_text(annot))
            author = context.metadata((annot.info or {}).get("title"), number,
                                      Location.ANNOTATION)
            if hits or author:
                done += context.findings(hits, number, Location.ANNOTATION) + author
                page.delete_annot(annot)
        units, boxes = _units(page)
        for unit, hits in _page_hits(units, context):
            for hit in hits:
                for rect in unit.rects(hit):
                    _redact(page, rect, str(hit.ground))
            done += context.findings(hits, number, unit.location)
        for box in boxes:
            drawn = box.boxes[-1]
            if drawn is not None:
                _redact(page, pymupdf.Rect(drawn), "5.1.2e")
            done.append(DocFinding(ScanKind.FAILED_REDACTION, number, Location.UNDER_BOX, "",
                                   None, context.within))
        page.apply_redactions(images=_KEEP_IMAGES)
    for name, payload in _attachments(document):
        inner = attachment_findings(name, payload, context)
        if inner:
            document.embfile_del(name)
            done += inner
    done += _revision_findings(data, document, context)
    document.set_metadata({})
    document.del_xml_metadata()
    out: bytes = document.tobytes(garbage=4, deflate=True, clean=True)
    return out, done


def _redact(page: Any, rect: pymupdf.Rect, ground: str) -> None:
    inset = pymupdf.Rect(rect.x0 + 0.3, rect.y0 + rect.height * 0.2, rect.x1 - 0.3,
                         rect.y1 - rect.height * 0.2)
    page.add_redact_annot(inset, text=ground, fontsize=min(7.0, max(3.0, rect.height * 0.6)),
                          fill=(0, 0, 0), text_color=(1, 1, 1), align=pymupdf.TEXT_ALIGN_CENTER)
