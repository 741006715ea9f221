"""DOCX with python-docx: body, headers and footers, comments, tracked changes, hidden runs.

Text is read per paragraph from its w:t pieces, so a value split over runs is still one
value; a scrub writes into those pieces and keeps every run, style and table as it was.
Hidden places: w:vanish and white runs, w:ins and w:del (tracked insertions and
deletions), comments, and the author / last-modified-by of the core properties.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from exposurecheck.documents.archive import check_xml_members, open_zip
from exposurecheck.scrub.engine import LIMITS, Context, DocumentError, DocumentProblem, Scanned
from exposurecheck.scrub.model import (
    DocFinding,
    Hit,
    Location,
    ScanKind,
    only_ground_labels,
)
from exposurecheck.scrub.slots import Slots

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TEXT_PART = re.compile(r"^/word/(document|header\d*|footer\d*|comments|footnotes|endnotes)\.xml$")


@dataclass
class _Unit:
    location: Location
    public: bool
    slots: Slots = field(default_factory=Slots)
    elements: list[Any] = field(default_factory=list)


def _open(data: bytes) -> Any:
    check_xml_members(open_zip(data, LIMITS))  # zip bombs and DTDs stop here
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise DocumentError(DocumentProblem.BROKEN, "DOCX") from exc


def _trees(document: Any) -> Iterator[tuple[Any, str, Any]]:
    """(part, kind of part, XML root) of every part that holds text."""
    for part in document.part.package.iter_parts():
        match = _TEXT_PART.match(str(part.partname))
        if not match:
            continue
        root = getattr(part, "_element", None)
        if root is None:
            root = etree.fromstring(part.blob)
            part._parsed_root = root
        yield part, re.sub(r"\d", "", match.group(1)), root


def _hidden(run: Any) -> bool:
    props = run.find(f"{W}rPr") if run is not None else None
    if props is None:
        return False
    vanish = props.find(f"{W}vanish")
    if vanish is not None and vanish.get(f"{W}val") not in ("0", "false", "off"):
        return True
    color = props.find(f"{W}color")
    return color is not None and (color.get(f"{W}val") or "").upper() == "FFFFFF"


def _blacked_out(run: Any) -> bool:
    """Black highlight or shading: a redaction on screen, the text still in the file."""
    props = run.find(f"{W}rPr") if run is not None else None
    if props is None:
        return False
    highlight = props.find(f"{W}highlight")
    shading = props.find(f"{W}shd")
    return ((highlight is not None and highlight.get(f"{W}val") == "black")
            or (shading is not None and (shading.get(f"{W}fill") or "").upper() == "000000"))


def _units(kind: str, root: Any) -> list[_Unit]:
    units: dict[tuple[Any, Location], _Unit] = {}  # keyed by the element: keeps it alive
    last: dict[tuple[Any, Location], Any] = {}
    public = kind in ("header", "footer")
    for piece in root.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br", f"{W}cr"):
        paragraph = next(piece.iterancestors(f"{W}p"), None)
        if paragraph is None:
            continue
        run = piece.getparent()
        if kind == "comments":
            location = Location.COMMENT
        elif next(piece.iterancestors(f"{W}del", f"{W}ins"), None) is not None:
            location = Location.TRACKED_CHANGE
        elif _hidden(run):
            location = Location.HIDDEN_TEXT
        elif _blacked_out(run):
            location = Location.UNDER_BOX
        else:
            location = Location.HEADER_FOOTER if public else Location.TEXT
        row = next(paragraph.iterancestors(f"{W}tr"), None)  # a table row reads as one line
        key = (paragraph if row is None else row, location)
        unit = units.setdefault(key, _Unit(location, public))
        if last.get(key) is not None and last[key] is not paragraph:
            unit.slots.add(None, "\t")  # the next cell
        last[key] = paragraph
        if piece.tag in (f"{W}t", f"{W}delText"):
            unit.slots.add(piece, piece.text)
            unit.elements.append(piece)
        else:
            unit.slots.add(None, "\t" if piece.tag == f"{W}tab" else "\n")
    return list(units.values())


def _metadata(document: Any) -> list[tuple[str, str]]:
    props = document.core_properties
    return [(name, getattr(props, name) or "") for name in ("author", "last_modified_by")]


def scan(data: bytes, context: Context) -> Scanned:
    document = _open(data)
    found: list[DocFinding] = []
    for _, value in _metadata(document):
        found += context.metadata(value)
    for _, kind, root in _trees(document):
        for unit in _units(kind, root):
            hits = context.detector.find(unit.slots.text, public_place=unit.public)
            found += context.findings(hits, None, unit.location)
            if unit.location is Location.UNDER_BOX and not only_ground_labels(unit.slots.text):
                found.append(_failed(unit, context))
    return Scanned(found)


def _failed(unit: _Unit, context: Context) -> DocFinding:
    return DocFinding(ScanKind.FAILED_REDACTION, None, Location.UNDER_BOX,
                      unit.slots.text.strip(), None, context.within)


def _remove(element: Any) -> None:
    """Remove an element and keep its tail text (there is none in WordprocessingML)."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _remove_comment(comment: Any, roots: list[Any]) -> None:
    number = comment.get(f"{W}id")
    _remove(comment)
    for root in roots:
        for anchor in list(root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd",
                                     f"{W}commentReference")):
            if anchor.get(f"{W}id") == number:
                _remove(anchor)


def _scrub_unit(unit: _Unit, hits: list[Hit], roots: list[Any]) -> None:
    if unit.location is Location.COMMENT:
        comment = next(unit.elements[0].iterancestors(f"{W}comment"), None)
        if comment is not None:
            _remove_comment(comment, roots)
        return
    if unit.location is Location.HIDDEN_TEXT or (
            unit.location is Location.TRACKED_CHANGE and unit.elements[0].tag == f"{W}delText"):
        for piece in unit.elements:
            holder = next(piece.iterancestors(f"{W}del"), None)
            if holder is None:
                holder = piece.getparent()
            if holder is not None and holder.getparent() is not None:
                _remove(holder)
        return
    for piece, text in unit.slots.redacted(hits).items():
        assert isinstance(piece, etree._Element)
        piece.text = text
        piece.set(_XML_SPACE, "preserve")


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    document = _open(data)
    done: list[DocFinding] = []
    for name, value in _metadata(document):
        found = context.metadata(value)
        if found:
            setattr(document.core_properties, name, "")
            done += found
    trees = list(_trees(document))
    roots = [root for _, _, root in trees]
    for part, kind, root in trees:
        for unit in _units(kind, root):
            hits = context.detector.find(unit.slots.text, public_place=unit.public)
            if unit.location is Location.UNDER_BOX and not only_ground_labels(unit.slots.text):
                whole = Hit(ScanKind.FAILED_REDACTION, 0, len(unit.slots.text), "")
                _scrub_unit(unit, [whole], roots)
                done += [_failed(unit, context), *context.findings(hits, None, unit.location)]
                continue
            if hits:
                _scrub_unit(unit, hits, roots)
                done += context.findings(hits, None, unit.location)
        if getattr(part, "_element", None) is None:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), done
