"""The structured data on a page: people and postal addresses, mapped to our model.

extruct reads schema.org JSON-LD, microdata and RDFa, mf2py reads hCards (microformats 1
"vcard" and microformats2 "h-card") and addresses ("adr", "h-adr"); this module keeps what
an exposure can hide in (names, telephones, e-mail addresses, birth dates, addresses,
relatives) and bounds what the libraries are given, because a page may be hostile: they
read nested items again for every level of nesting, and mf2py recurses. Every value is
cleaned (`clean_text`) where it enters. A library that fails on a page costs that kind of
structured data only, and is named in `Structured.unreadable`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import unquote

import lxml.html
import mf2py
from bs4 import BeautifulSoup
from bs4.element import AttributeValueList, NavigableString, Tag
from extruct.jsonld import JsonLdExtractor
from extruct.rdfa import RDFaExtractor
from extruct.w3cmicrodata import MicrodataExtractor
from extruct.xmldom import XmlDomHTMLParser

from exposurecheck.untrusted import clean_text
from exposurecheck.web.content import Element, Person, PostalAddress, Relative

__all__ = ["MAX_ITEMS", "Structured", "read_structured", "skip_bad_item"]

MAX_ITEMS = 200  # microdata items, cards: a page about more people is a list
_MAX_ITEM_DEPTH = 8  # items and properties nested in each other
_MAX_PROPERTIES = 10 * MAX_ITEMS  # microdata properties on a page
_MAX_NESTED = 2_000  # elements of the items nested in one microdata item
_MAX_CARD_DEPTH = 32  # elements below a card that mf2py reads; no real card goes deeper


@dataclass(frozen=True)
class Structured:
    people: tuple[Person, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()  # every PostalAddress, also those of people
    unreadable: tuple[str, ...] = ()  # "JSON-LD", "microdata", "RDFa", "microformats"


_Found = tuple[list[Person], list[PostalAddress]]


def read_structured(html: str, soup: BeautifulSoup) -> Structured:
    """People and addresses in the page's JSON-LD, microdata, RDFa and hCards.

    Each kind is read only when the page's source names it ("itemscope", "vcard"...), so
    a page without structured data costs a few searches of its text.
    """
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    unreadable: list[str] = []
    document: list[Any] = []  # one lxml tree, parsed when a kind needs it

    def tree() -> Any:
        if not document:
            document.append(lxml.html.document_fromstring(
                html.encode("utf-8", "replace"), parser=XmlDomHTMLParser(encoding="utf-8")))
        return document[0]

    readers: list[tuple[str, tuple[str, ...], Callable[[], _Found]]] = [
        ("JSON-LD", ("ld+json",), lambda: _json_ld(tree())),
        ("microdata", ("itemscope",), lambda: _microdata(tree())),
        ("RDFa", ("typeof",), lambda: _rdfa(tree())),
        # a microformats 1 "adr" alone is read only on a page that has a card or an h-adr
        ("microformats", ("vcard", "h-card", "h-adr"), lambda: _microformats(soup, unreadable)),
    ]
    source = html.lower()
    for name, marks, read in readers:
        if not any(mark in source for mark in marks):
            continue
        try:
            found_people, found_addresses = read()
        except Exception:  # whatever a library raises on a hostile page costs this kind only
            unreadable.append(name)
            continue
        people += found_people
        addresses += found_addresses
    return Structured(tuple(people), tuple(addresses), tuple(dict.fromkeys(unreadable)))


def _text(value: str) -> str:
    return " ".join(clean_text(value).split())


def _contact(value: str) -> str:
    """The number or address of a link target ("tel:+31%206...", "mailto:a@b.nl?subject=")."""
    scheme, colon, rest = value.partition(":")
    if colon and scheme.strip().casefold() in ("tel", "callto", "mailto"):
        return _text(unquote(rest.partition("?")[0]))
    return value


_T = TypeVar("_T")
_I = TypeVar("_I")


def skip_bad_item(read: Callable[[_I], list[_T]], item: _I) -> list[_T]:
    """What `read` makes of one item, or nothing: a bad item must not cost the page.

    What reading one hostile item (a link, a JSON-LD root, a microdata item) can raise:
    "http://[oops" is an invalid IPv6 URL to urlsplit, JSON holds any type anywhere.
    """
    try:
        return read(item)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
        return []


# --------------------------------------------------------------------------- schema.org

_RELATIONS = {"spouse": "partner", "children": "child", "parent": "parent",
              "parents": "parent", "sibling": "sibling", "siblings": "sibling",
              "relatedTo": "related"}


def _local_name(name: str) -> str:
    """"Person" from "schema:Person" or "https://schema.org/Person"."""
    return re.split(r"[/:#]", name)[-1]


def _schema_types(node: Mapping[str, Any]) -> set[str]:
    raw = node.get("@type", ())
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return {_local_name(str(v)) for v in values}


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _strings(value: Any) -> list[str]:
    """Text values of a property: a string, a number, a list of them, {"@value": ...} or a
    thing with a name (a spouse given as a Person)."""
    found: list[str] = []
    for item in _values(value):
        if isinstance(item, Mapping):
            item = item.get("@value") or item.get("name")
            item = item[0] if isinstance(item, list) and item else item
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = _text(str(item))
            if text:
                found.append(text)
    return found


def _first(value: Any) -> str | None:
    found = _strings(value)
    return found[0] if found else None


_ADDRESS_KEYS = ("streetAddress", "postalCode", "addressLocality")


def _address(node: Mapping[str, Any], element: Element) -> PostalAddress:
    return PostalAddress(element, street=_first(node.get("streetAddress")),
                         postcode=_first(node.get("postalCode")),
                         locality=_first(node.get("addressLocality")))


def _person_addresses(node: Mapping[str, Any], element: Element) -> list[PostalAddress]:
    """`address` and `homeLocation` (a Place with an address), as text or PostalAddress."""
    found: list[PostalAddress] = []
    pending = [*_values(node.get("address")), *_values(node.get("homeLocation"))]
    for _ in range(3):  # homeLocation -> Place -> address: a few levels, never unbounded
        deeper: list[Any] = []
        for value in pending:
            if isinstance(value, str) and value.strip():
                found.append(PostalAddress(element, street=_text(value)))
            elif isinstance(value, Mapping):
                if any(key in value for key in _ADDRESS_KEYS):
                    found.append(_address(value, element))
                deeper += _values(value.get("address"))
        pending = deeper
    return found


def _person(node: Mapping[str, Any], element: Element) -> Person:
    name = _first(node.get("name"))
    if name is None:
        name = " ".join(_strings([node.get("givenName"), node.get("familyName")])) or None
    relatives = [Relative(relation, name)
                 for key, relation in _RELATIONS.items()
                 for name in _strings(node.get(key))]
    return Person(
        element, name=name,
        telephones=tuple(_contact(t) for t in _strings(node.get("telephone"))),
        emails=tuple(_contact(e) for e in _strings(node.get("email"))),
        birth_date=_first(node.get("birthDate")),
        addresses=tuple(_person_addresses(node, element)), relatives=tuple(relatives))


def _walk_items(roots: list[Any], element: Element) -> _Found:
    """Every Person and PostalAddress in nested JSON, iteratively (@graph, lists, nesting)."""
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, Mapping):
            types = _schema_types(node)
            if "Person" in types:
                people += skip_bad_item(lambda n: [_person(n, element)], node)
            if "PostalAddress" in types:
                addresses += skip_bad_item(lambda n: [_address(n, element)], node)
            stack.extend(reversed([v for v in node.values() if isinstance(v, list | Mapping)]))
    return people, addresses


# --------------------------------------------------------------------------- JSON-LD


def _json_ld(document: Any) -> _Found:
    roots: list[Any] = []
    for script in document.iter("script"):
        kind = str(script.get("type") or "").split(";")[0].strip().casefold()
        if kind != "application/ld+json":
            continue
        script.set("type", "application/ld+json")  # extruct reads this spelling only
        try:
            roots += JsonLdExtractor().extract_items(script)
        except (ValueError, RecursionError):
            continue  # malformed JSON-LD is common and carries nothing we can trust
    return _walk_items(roots, Element.JSON_LD)


# --------------------------------------------------------------------------- microdata


def _microdata(document: Any) -> _Found:
    _bound_microdata(document)
    items = MicrodataExtractor().extract_items(document, base_url=None)
    return _walk_items([_from_microdata(item) for item in items], Element.MICRODATA)


def _bound_microdata(document: Any) -> None:
    """Bound what extruct reads, so that reading stays linear in the page.

    extruct finds an item's properties as those in its subtree minus those of the items
    nested in it, an XPath search that is quadratic in the size of the nested items, and
    reads each property's text from a copy of it. So the first `MAX_ITEMS` items and
    `_MAX_PROPERTIES` properties are kept, nested at most `_MAX_ITEM_DEPTH` deep, and an
    item around more than `_MAX_NESTED` elements of nested items (a WebPage around the
    page) is no item: the items in it are. What is left out is read as plain text of the
    items around it. `itemref` is dropped: it lets every item read the same part again.
    """
    items: list[Any] = []
    nested: list[list[int]] = []  # per item: the items in it
    properties = 0
    stack: list[tuple[Any, tuple[int, ...], int]] = [(document, (), 0)]
    while stack:
        element, around, depth = stack.pop()
        attributes = element.attrib
        attributes.pop("itemref", None)
        if "itemscope" in attributes or "itemprop" in attributes:
            depth += 1
            properties += "itemprop" in attributes
            if depth > _MAX_ITEM_DEPTH or properties > _MAX_PROPERTIES:
                attributes.pop("itemprop", None)
            if "itemscope" in attributes and (depth > _MAX_ITEM_DEPTH
                                              or len(items) >= MAX_ITEMS):
                attributes.pop("itemscope")
            elif "itemscope" in attributes:
                for outer in around:
                    nested[outer].append(len(items))
                around = (*around, len(items))
                items.append(element)
                nested.append([])
        stack.extend((child, around, depth) for child in reversed(element)
                     if isinstance(child.tag, str))
    sizes = [sum(1 for _ in item.iter()) for item in items]  # items nest 8 deep at most
    for item, inner in zip(items, nested, strict=True):
        if sum(sizes[i] for i in inner) > _MAX_NESTED:
            item.attrib.pop("itemscope")


def _from_microdata(value: Any) -> Any:
    """An extruct microdata item as JSON-LD ({"@type": ..., property: value}), so one reader
    serves both; nesting is bounded by `_bound_microdata`."""
    if isinstance(value, list):
        return [_from_microdata(v) for v in value]
    if not isinstance(value, Mapping) or not ("type" in value or "properties" in value):
        return value
    node: dict[str, Any] = {"@type": value.get("type", [])}
    for name, prop in dict(value.get("properties") or {}).items():
        node[name] = _from_microdata(prop)
    return node


# --------------------------------------------------------------------------- RDFa


def _rdfa(document: Any) -> _Found:
    """RDFa comes as a flat graph of nodes that refer to each other by "@id": each node
    gets schema.org names, and a reference becomes the node it names (shared, not copied:
    linear in the graph) or, naming no node, its target ("mailto:...")."""
    graph = [n for n in RDFaExtractor().extract_items(document, base_url=None)
             if isinstance(n, Mapping)]
    nodes: dict[str, dict[str, Any]] = {}
    converted: list[dict[str, Any]] = []
    for node in graph:
        local = {"@type": node.get("@type", [])} | {
            _local_name(key): _values(values) for key, values in node.items()
            if not key.startswith("@")}
        nodes.setdefault(str(node.get("@id")), local)
        converted.append(local)
    for local in converted:
        for key, values in local.items():
            if key != "@type":
                local[key] = [_rdfa_value(value, nodes) for value in values]
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    for local in converted:
        types = _schema_types(local)
        if "Person" in types:
            people += skip_bad_item(lambda n: [_person(n, Element.RDFA)], local)
        if "PostalAddress" in types:
            addresses += skip_bad_item(lambda n: [_address(n, Element.RDFA)], local)
    return people, addresses


def _rdfa_value(value: Any, nodes: Mapping[str, dict[str, Any]]) -> Any:
    if isinstance(value, Mapping) and "@value" in value:
        return value["@value"]
    if isinstance(value, Mapping) and "@id" in value:
        return nodes.get(str(value["@id"]), str(value["@id"]))
    return None


# --------------------------------------------------------------------------- hCards

_CARD_ROOTS = frozenset({"vcard", "h-card"})
_ADDRESS_ROOTS = frozenset({"adr", "h-adr"})
_NOT_READ = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class _Root:
    """A card or address, copied without the roots inside it (each is read on its own)."""

    copy: Tag
    is_card: bool
    card: int | None  # the index of the card it is or is part of; None: an address alone


def _microformats(soup: BeautifulSoup, unreadable: list[str]) -> _Found:
    roots, truncated = _roots(soup)
    items: list[Mapping[str, Any] | None] = []
    for root in roots:
        try:
            parsed = mf2py.parse(doc=root.copy, url=None)["items"]
        except Exception:  # one hostile card must not cost the others
            parsed = []
        items.append(parsed[0] if parsed and isinstance(parsed[0], Mapping) else None)
        truncated = truncated or items[-1] is None
    if truncated:
        unreadable.append("microformats")
    cards: dict[int, tuple[Mapping[str, Any], list[PostalAddress]]] = {}
    alone: list[PostalAddress] = []
    for index, (root, item) in enumerate(zip(roots, items, strict=True)):
        if item is None:
            continue
        properties = item.get("properties")
        properties = properties if isinstance(properties, Mapping) else {}
        if root.is_card:
            cards[index] = (properties, _card_addresses(properties))
        elif (address := _card_address(properties)) is not None:
            if root.card in cards:
                cards[root.card][1].append(address)
            else:
                alone.append(address)
    people = [_card_person(properties, found) for properties, found in cards.values()]
    return people, [a for p in people for a in p.addresses] + alone


def _roots(soup: BeautifulSoup) -> tuple[list[_Root], bool]:
    """The page's cards and addresses in document order, each copied without the roots in
    it and at most `_MAX_CARD_DEPTH` levels deep (True: something was left out), in one
    iterative walk: a copy that mf2py reads is linear in the page and never deep."""
    roots: list[_Root] = []
    counts = {"card": 0, "address": 0}
    truncated = False
    # (node, the copy it goes into, its depth below the root, the card around it)
    stack: list[tuple[Any, Tag | None, int, int | None]] = [
        (child, None, 0, None) for child in reversed(list(soup.children))]
    while stack:
        node, parent, depth, card = stack.pop()
        if not isinstance(node, Tag):
            if parent is not None and type(node) is NavigableString:
                parent.append(NavigableString(str(node)))
            continue
        if node.name in _NOT_READ:
            continue
        classes = set(node.get_attribute_list("class"))
        kind = ("card" if classes & _CARD_ROOTS else "address" if classes & _ADDRESS_ROOTS
                else None)
        if kind is not None and counts[kind] < MAX_ITEMS:
            counts[kind] += 1
            copy = _copy_tag(soup, node)
            card = len(roots) if kind == "card" else card
            roots.append(_Root(copy, kind == "card", card))
            parent, depth = copy, 1
        elif parent is not None and depth < _MAX_CARD_DEPTH:
            copy = _copy_tag(soup, node)
            parent.append(copy)
            parent, depth = copy, depth + 1
        else:
            truncated = truncated or parent is not None
            parent = None
        stack.extend((child, parent, depth, card) for child in reversed(list(node.children)))
    return roots, truncated


def _copy_tag(soup: BeautifulSoup, tag: Tag) -> Tag:
    """`tag` without its children; a tel: link becomes <data value="number">, as mf2 reads
    the link's text ("bel") where the number is what an official needs to find."""
    href = str(tag.get("href") or "") if tag.name == "a" else ""
    scheme, _, target = href.partition(":")
    tel = scheme.strip().casefold() in ("tel", "callto") and bool(target)
    copy = soup.new_tag("data" if tel else tag.name)
    for key, value in tag.attrs.items():
        copy[key] = AttributeValueList(value) if isinstance(value, list) else value
    if tel:
        del copy["href"]
        copy["value"] = unquote(target)
    return copy


def _card_strings(properties: Mapping[str, Any], name: str) -> Iterator[str]:
    """Text values of a property; a nested microformat gives its own "value"."""
    for value in _values(properties.get(name, [])):
        text = value.get("value") if isinstance(value, Mapping) else value
        if isinstance(text, str) and _text(text):
            yield _text(text)


def _card_first(properties: Mapping[str, Any], name: str) -> str | None:
    return next(_card_strings(properties, name), None)


def _card_address(properties: Mapping[str, Any]) -> PostalAddress | None:
    street, postcode, locality = (_card_first(properties, name) for name in
                                  ("street-address", "postal-code", "locality"))
    if street is None and postcode is None and locality is None:
        return None
    return PostalAddress(Element.HCARD, street=street, postcode=postcode, locality=locality)


def _card_addresses(properties: Mapping[str, Any]) -> list[PostalAddress]:
    """The card's own address parts, and its adr written as text or left in the card."""
    found = [a for a in [_card_address(properties)] if a is not None]
    for value in _values(properties.get("adr", [])):
        nested = value.get("properties") if isinstance(value, Mapping) else None
        address = _card_address(nested) if isinstance(nested, Mapping) else None
        if address is not None:
            found.append(address)
        elif isinstance(value, str) and _text(value):
            found.append(PostalAddress(Element.HCARD, street=_text(value)))
    return found


def _card_person(properties: Mapping[str, Any], addresses: list[PostalAddress]) -> Person:
    return Person(
        Element.HCARD, name=_card_first(properties, "name"),
        telephones=tuple(_contact(t) for t in _card_strings(properties, "tel")),
        emails=tuple(_contact(e) for e in _card_strings(properties, "email")),
        birth_date=_card_first(properties, "bday"), addresses=tuple(addresses))
