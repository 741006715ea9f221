"""ODT (OpenDocument text), read as the zip of XML parts it is.

content.xml and styles.xml (headers and footers) hold the text, meta.xml the author.
Hidden places: office:annotation (comments), text:tracked-changes (deletions),
text:hidden-text / text:hidden-paragraph, and spans whose style hides them
(text:display="none") or paints them white. A scrub rewrites only the parts it changed
and writes the mimetype first and uncompressed, as the format requires.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from exposurecheck.documents.archive import open_zip, parse_xml, read_member
from exposurecheck.scrub.engine import LIMITS, Context, DocumentError, DocumentProblem, Scanned
from exposurecheck.scrub.model import DocFinding, Location
from exposurecheck.scrub.slots import Slots

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_PARTS = ("content.xml", "styles.xml")


@dataclass
class _Unit:
    location: Location
    public: bool
    holder: Any  # the element that goes when the unit is hidden content with personal data
    slots: Slots = field(default_factory=Slots)


def _read(data: bytes) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """The parts, read with the document readers' guards (zip bombs, DTDs)."""
    archive = open_zip(data, LIMITS)
    trees = {}
    try:
        for name in (*_PARTS, "meta.xml"):
            member = read_member(archive, name)
            if member is not None:
                trees[name] = parse_xml(member)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError) as exc:
        raise DocumentError(DocumentProblem.BROKEN, "ODT") from exc
    if "content.xml" not in trees:
        raise DocumentError(DocumentProblem.BROKEN, "ODT without content.xml")
    return archive, trees


def _hidden_styles(root: Any) -> set[str]:
    names = set()
    for style in root.iter(f"{STYLE}style"):
        props = style.find(f"{STYLE}text-properties")
        if props is not None and (props.get(f"{TEXT}display") == "none"
                                  or (props.get(f"{FO}color") or "").lower() == "#ffffff"):
            names.add(style.get(f"{STYLE}name") or "")
    return names


def _place(paragraph: Any) -> tuple[Location, Any, bool]:
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag
        if tag == f"{OFFICE}annotation":
            return Location.COMMENT, ancestor, False
        if tag == f"{TEXT}changed-region":
            return Location.TRACKED_CHANGE, ancestor, False
        if tag in (f"{STYLE}header", f"{STYLE}footer"):
            return Location.HEADER_FOOTER, None, True
    return Location.TEXT, None, False


def _units(root: Any, hidden_styles: set[str]) -> list[_Unit]:
    units: list[_Unit] = []
    for paragraph in root.iter(f"{TEXT}p", f"{TEXT}h"):
        location, holder, public = _place(paragraph)
        if paragraph.get(f"{TEXT}style-name") in hidden_styles:
            location, holder = Location.HIDDEN_TEXT, paragraph
        unit = _Unit(location, public, holder)
        units.append(unit)
        hidden: dict[Any, _Unit] = {}  # keyed by the element itself, never by id()
        skip: Any = None
        for event, element in etree.iterwalk(paragraph, events=("start", "end")):
            if element is paragraph:
                if event == "start":
                    unit.slots.add((element, "text"), element.text)
                continue
            if skip is not None:
                if event == "end" and element is skip:
                    skip = None
                    _owner(element.getparent(), paragraph, hidden, unit).slots.add(
                        (element, "tail"), element.tail)
                continue
            tag = element.tag
            if event == "start":
                if tag in (f"{OFFICE}annotation", f"{TEXT}p", f"{TEXT}h"):
                    skip = element  # read as paragraphs of its own
                    continue
                if tag == f"{TEXT}hidden-text" or element.get(f"{TEXT}style-name") in \
                        hidden_styles:
                    hidden[element] = _Unit(Location.HIDDEN_TEXT, False, element)
                    units.append(hidden[element])
                    if tag == f"{TEXT}hidden-text":
                        hidden[element].slots.add((element, "attr"),
                                                      element.get(f"{TEXT}string-value"))
                owner = _owner(element, paragraph, hidden, unit)
                if tag == f"{TEXT}s":
                    owner.slots.add(None, " " * int(element.get(f"{TEXT}c") or 1))
                elif tag == f"{TEXT}line-break":
                    owner.slots.add(None, "\n")
                elif tag == f"{TEXT}tab":
                    owner.slots.add(None, "\t")
                owner.slots.add((element, "text"), element.text)
            else:
                _owner(element.getparent(), paragraph, hidden, unit).slots.add(
                    (element, "tail"), element.tail)
    return units


def _owner(element: Any, paragraph: Any, hidden: dict[Any, _Unit], unit: _Unit) -> _Unit:
    """The hidden span an element lies in, or the paragraph's unit."""
    node = element
    while node is not None and node is not paragraph:
        if node in hidden:
            return hidden[node]
        node = node.getparent()
    return unit


def _creators(meta: Any) -> list[Any]:
    if meta is None:
        return []
    return [e for e in meta.iter(f"{DC}creator", f"{META}initial-creator") if e.text]


def scan(data: bytes, context: Context) -> Scanned:
    _, trees = _read(data)
    found: list[DocFinding] = []
    for creator in _creators(trees.get("meta.xml")):
        found += context.metadata(creator.text)
    for name in _PARTS:
        if name in trees:
            hidden = _hidden_styles(trees["content.xml"]) | _hidden_styles(trees[name])
            for unit in _units(trees[name], hidden):
                hits = context.detector.find(unit.slots.text, public_place=unit.public)
                found += context.findings(hits, None, unit.location)
    return Scanned(found)


def _write(key: Hashable, value: str) -> None:
    element: Any = key[0]  # type: ignore[index]
    where: str = key[1]  # type: ignore[index]
    if where == "attr":
        element.set(f"{TEXT}string-value", value)
    elif where == "text":
        element.text = value
    else:
        element.tail = value


def _detach(element: Any) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


_CHANGE_MARKS = (f"{TEXT}change", f"{TEXT}change-start", f"{TEXT}change-end")


def _remove_with_references(holder: Any, root: Any) -> None:
    """Remove hidden content; a removed tracked change takes its marks in the text along."""
    if holder.tag == f"{TEXT}changed-region":
        region = holder.get(f"{TEXT}id") or holder.get("{http://www.w3.org/XML/1998/namespace}id")
        for mark in list(root.iter(*_CHANGE_MARKS)):
            if mark.get(f"{TEXT}change-id") == region:
                _detach(mark)
    if holder.tag == f"{OFFICE}annotation":
        name = holder.get(f"{OFFICE}name")
        for end in list(root.iter(f"{OFFICE}annotation-end")):
            if name and end.get(f"{OFFICE}name") == name:
                _detach(end)
    _detach(holder)


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    archive, trees = _read(data)
    done: list[DocFinding] = []
    changed: set[str] = set()
    for creator in _creators(trees.get("meta.xml")):
        found = context.metadata(creator.text)
        if found:
            creator.text = ""
            done += found
            changed.add("meta.xml")
    for name in _PARTS:
        if name not in trees:
            continue
        hidden = _hidden_styles(trees["content.xml"]) | _hidden_styles(trees[name])
        for unit in _units(trees[name], hidden):
            hits = context.detector.find(unit.slots.text, public_place=unit.public)
            if not hits:
                continue
            done += context.findings(hits, None, unit.location)
            changed.add(name)
            if unit.holder is not None:
                _remove_with_references(unit.holder, trees[name])
            else:
                for key, value in unit.slots.redacted(hits).items():
                    _write(key, value)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = archive.namelist()
        for item in sorted(names, key=lambda n: n != "mimetype"):
            payload = etree.tostring(trees[item], xml_declaration=True, encoding="UTF-8") \
                if item in changed else archive.read(item)
            compress = zipfile.ZIP_STORED if item == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(zipfile.ZipInfo(item, date_time=(1980, 1, 1, 0, 0, 0)), payload,
                            compress_type=compress)
    return out.getvalue(), done
