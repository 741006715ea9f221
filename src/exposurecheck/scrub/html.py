"""HTML: visible text per block, hidden text (display:none, hidden), comments and attributes.

Read with lxml, walked with iterwalk (no recursion, so deep nesting cannot crash it).
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from exposurecheck.scrub.engine import Context, DocumentError, DocumentProblem, Scanned
from exposurecheck.scrub.model import DocFinding, Hit, Location
from exposurecheck.scrub.slots import Slots

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
    "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "html", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title",
    "head"})  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template"})
_ATTRIBUTES = ("title", "alt", "value", "placeholder", "content", "href", "aria-label", "label")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass
class _Unit:
    location: Location
    slots: Slots = field(default_factory=Slots)
    public: bool = False


def _hidden(element: Any) -> bool:
    return (element.get("hidden") is not None
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


def _units(root: Any) -> list[_Unit]:
    units: list[_Unit] = []
    stack: list[tuple[_Unit, bool]] = []  # (unit text goes to, hidden) per open element
    for event, element in etree.iterwalk(root, events=("start", "end", "comment")):
        if event == "comment":
            comment = _Unit(Location.HTML_COMMENT)
            comment.slots.add((element, "text"), element.text)
            units.append(comment)
            if stack:
                stack[-1][0].slots.add((element, "tail"), element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            hidden = (bool(stack) and stack[-1][1]) or _hidden(element)
            for name in _ATTRIBUTES:
                value = element.get(name)
                if value and (name != "href" or value.startswith(("mailto:", "tel:"))):
                    attribute = _Unit(Location.HTML_ATTRIBUTE)
                    if tag == "meta" and (element.get("name") or "").lower() == "author":
                        attribute = _Unit(Location.METADATA)
                    attribute.slots.add((element, "attr", name), value)
                    units.append(attribute)
            parent = stack[-1] if stack else None
            if tag in _SKIP:
                unit = _Unit(Location.TEXT) if element.get("type") == "application/ld+json" \
                    else None
            elif parent is None or tag in _BLOCKS or hidden != parent[1]:
                unit = _Unit(Location.HIDDEN_TEXT if hidden else Location.TEXT,
                             public=tag in ("header", "footer") or
                             bool(parent and parent[0].public))
            else:
                unit = parent[0]
            if unit is not None:
                if unit is not (parent[0] if parent else None):
                    units.append(unit)
                unit.slots.add((element, "text"), element.text)
                if tag == "br":
                    unit.slots.add(None, "\n")
            stack.append((unit or _Unit(Location.TEXT), hidden))
        else:
            stack.pop()
            if stack:
                stack[-1][0].slots.add((element, "tail"), element.tail)
    return units


def _parse(data: bytes) -> Any:
    try:
        return lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(DocumentProblem.BROKEN, "HTML") from exc


def _hits(unit: _Unit, context: Context) -> list[Hit]:
    return context.detector.find(unit.slots.text, public_place=unit.public)


def scan(data: bytes, context: Context) -> Scanned:
    found: list[DocFinding] = []
    for unit in _units(_parse(data)):
        if unit.location is Location.METADATA:
            found += context.metadata(unit.slots.text)
        else:
            found += context.findings(_hits(unit, context), None, unit.location)
    return Scanned(found)


def _write(key: Hashable, value: str) -> None:
    element: Any = key[0]  # type: ignore[index]
    where: str = key[1]  # type: ignore[index]
    name: tuple[str, ...] = key[2:]  # type: ignore[index]
    if where == "attr":
        element.set(name[0], value)
    elif where == "text":
        element.text = value
    else:
        element.tail = value


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    root = _parse(data)
    done: list[DocFinding] = []
    for unit in _units(root):
        if unit.location is Location.METADATA:
            found = context.metadata(unit.slots.text)
            if found:
                for key in unit.slots.keys:
                    _write(key, "")
                done += found
            continue
        hits = _hits(unit, context)
        for key, value in unit.slots.redacted(hits).items():
            _write(key, value)
        done += context.findings(hits, None, unit.location)
    for meta in root.iter("meta"):  # the copy is written as UTF-8, whatever the original was
        if meta.get("charset"):
            meta.set("charset", "utf-8")
        elif (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set("content", "text/html; charset=utf-8")
    tree = root.getroottree()
    doctype = tree.docinfo.doctype or None
    out: bytes = lxml.html.tostring(root, encoding="utf-8", doctype=doctype,
                                    include_meta_content_type=False)
    return out, done
