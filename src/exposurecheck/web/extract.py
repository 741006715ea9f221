"""Turn a fetched page into the pieces an exposure can hide in.

Doxing material sits in visible text, but also in places a reader does not
see: tel:/mailto: links, schema.org JSON-LD and microdata, hCard markup and the
"label: value" tables of profile pages. Everything is read with one iterative
pass over the parse tree, so a page nested 100,000 levels deep cannot crash the
audit, and nothing here decides what is an exposure (that is `match`).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import NavigableString, PreformattedString, Tag
from bs4.exceptions import ParserRejectedMarkup

from exposurecheck.web.fetch import FetchedPage

__all__ = ["Block", "Element", "PageContent", "Person", "PostalAddress", "Relative", "extract"]

# A page that reads "." or "index.html" is still a page: bs4's guess that it meant a file
# name is noise (and a page's text must not reach the log).
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)


class Element(StrEnum):
    """Where on a page a piece of data stands; becomes `Locator.element`."""

    TEXT = "text"
    HEADING = "heading"
    TITLE = "title"
    META_DESCRIPTION = "meta-description"
    TEL_LINK = "tel-link"
    MAILTO_LINK = "mailto-link"
    JSON_LD = "json-ld"
    MICRODATA = "microdata"
    HCARD = "hcard"
    TABLE = "table"
    DEFINITION_LIST = "definition-list"


@dataclass(frozen=True)
class Block:
    """One unit of text: a paragraph, heading, link target or table ("label: value" lines).

    Lines (from <br>, table rows) are kept as "\\n"; other whitespace is collapsed.
    """

    element: Element
    text: str


@dataclass(frozen=True)
class PostalAddress:
    element: Element
    street: str | None = None
    postcode: str | None = None
    locality: str | None = None

    @property
    def text(self) -> str:
        """One line as people write it, so structured data is read like text."""
        return ", ".join(p for p in (self.street, self.postcode, self.locality) if p)


@dataclass(frozen=True)
class Relative:
    relation: str  # "partner", "child", "parent", "sibling", "related"
    name: str


@dataclass(frozen=True)
class Person:
    """A schema.org Person or an hCard: structured data about someone on the page."""

    element: Element
    name: str | None = None
    telephones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    birth_date: str | None = None
    addresses: tuple[PostalAddress, ...] = ()
    relatives: tuple[Relative, ...] = ()


@dataclass(frozen=True)
class PageContent:
    """Everything readable on one page; `parse_failed` marks markup the parser rejected."""

    url: str
    title: str = ""
    meta_description: str = ""
    blocks: tuple[Block, ...] = ()
    people: tuple[Person, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()  # every PostalAddress, also those of people
    parse_failed: bool = False
    news: bool = False  # a news article: journalism, where the AVG's erasure right stops


# --------------------------------------------------------------------------- entry point


def extract(page: FetchedPage) -> PageContent:
    """Read a page; never raises, whatever the markup."""
    if page.content_type == "text/plain":
        return PageContent(url=page.url, blocks=_plain_blocks(page.text))
    try:
        soup = BeautifulSoup(page.text, "lxml")
    except (ParserRejectedMarkup, RecursionError):
        return PageContent(url=page.url, parse_failed=True)
    title = _collapse(soup.title.get_text(" ")) if soup.title else ""
    descriptions = list(dict.fromkeys(_meta_descriptions(soup)))
    blocks: list[Block] = []
    if title:
        blocks.append(Block(Element.TITLE, title))
    blocks += [Block(Element.META_DESCRIPTION, d) for d in descriptions]
    blocks += _visible_blocks(soup)
    blocks += _link_blocks(soup)
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    for found_people, found_addresses in (_json_ld(soup), _microdata(soup), _hcards(soup)):
        people += found_people
        addresses += found_addresses
    return PageContent(url=page.url, title=title,
                       meta_description=descriptions[0] if descriptions else "",
                       blocks=tuple(blocks), people=tuple(people), addresses=tuple(addresses),
                       news=_is_news(soup))


_NEWS_TYPES = re.compile(r"\b(?:News|Reportage|Analysis|Opinion|Review|Background)?NewsArticle\b"
                         r"|\bNewsArticle\b|\bNewsMediaOrganization\b")


def _is_news(soup: BeautifulSoup) -> bool:
    """A news publisher's article: schema.org NewsArticle (JSON-LD or microdata), or an
    Open Graph article that names its publisher (og:type article with article:publisher)."""
    for script in soup.find_all("script"):
        kind = str(script.get("type") or "").split(";")[0].strip().casefold()
        if kind == "application/ld+json" and _NEWS_TYPES.search(script.get_text()[:200_000]):
            return True
    if any(_NEWS_TYPES.search(str(tag.get("itemtype") or ""))
           for tag in soup.find_all(itemtype=True, limit=_MAX_ITEMS)):
        return True
    meta = {str(tag.get("property") or tag.get("name") or "").casefold():
            str(tag.get("content") or "").casefold()
            for tag in soup.find_all("meta", limit=500)}
    return meta.get("og:type") == "article" and bool(meta.get("article:publisher"))


# --------------------------------------------------------------------------- text


_SKIP = frozenset({"script", "style", "noscript", "template", "title"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", *_HEADINGS,
})  # fmt: skip
# Elements that make a table cell part of a layout rather than a value.
_LAYOUT_IN_CELL = frozenset({"table", "ul", "ol", "dl", "li", "section", "article", "form",
                             *_HEADINGS})
_MAX_LABEL = 60
_MAX_VALUE = 400
_MAX_CELL_NODES = 200
# Inline elements that style part of a word; any other inline element (a <span> label
# before a <span> value) is read with a space around it, as it is usually laid out.
_GLUED = frozenset({"b", "strong", "i", "em", "u", "s", "sup", "sub", "mark", "small", "wbr",
                    "font", "big", "tt", "ins", "del"})
_EXIT = object()
_SPACE = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return " ".join(text.split())


# What reading one hostile item (a link, a JSON-LD root, a microdata or hCard item) can
# raise: "http://[oops" is an invalid IPv6 URL to urlsplit, JSON holds any type anywhere.
_BAD_ITEM = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)
_T = TypeVar("_T")
_I = TypeVar("_I")


def _skip_bad_item(read: Callable[[_I], list[_T]], item: _I) -> list[_T]:
    """What `read` makes of one item, or nothing: a bad item must not cost the page."""
    try:
        return read(item)
    except _BAD_ITEM:
        return []


def _lines(parts: list[str]) -> str:
    lines = (_collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _plain_blocks(text: str) -> tuple[Block, ...]:
    paragraphs = (_lines([p]) for p in re.split(r"\n\s*\n", text))
    return tuple(Block(Element.TEXT, p) for p in paragraphs if p)


def _meta_descriptions(soup: BeautifulSoup) -> Iterator[str]:
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").casefold()
        if key in ("description", "og:description", "twitter:description"):
            content = _collapse(str(meta.get("content") or ""))
            if content:
                yield content


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def _visible_blocks(soup: BeautifulSoup) -> list[Block]:
    """Visible text per block element, iteratively (deep markup must not recurse).

    A table or definition list used as "label: value" pairs becomes one block of
    its own; a table used for layout is read as ordinary text.
    """
    blocks: list[Block] = []
    parts: list[str] = []
    kinds = [Element.TEXT]

    def flush() -> None:
        text = _lines(parts)
        parts.clear()
        if text:
            blocks.append(Block(kinds[-1], text))

    stack: list[Any] = list(reversed(list(soup.children)))
    while stack:
        node = stack.pop()
        if node is _EXIT:
            flush()
            kinds.pop()
            continue
        if node == " ":  # the end of an inline element
            parts.append(" ")
            continue
        if not isinstance(node, Tag):
            if _is_text(node):  # a newline in the source is a space; <br> is a new line
                parts.append(_SPACE.sub(" ", str(node)))
            continue
        name = node.name
        if name in _SKIP:
            continue
        if name == "br":
            parts.append("\n")
            continue
        if name in ("table", "dl"):
            structured = _table_blocks(node) if name == "table" else _definition_block(node)
            if structured is not None:
                flush()
                blocks.extend(structured)
                continue
        if name in _BLOCKS:
            flush()
            kinds.append(Element.HEADING if name in _HEADINGS else Element.TEXT)
            stack.append(_EXIT)
        elif name not in _GLUED:
            parts.append(" ")
            stack.append(" ")
        stack.extend(reversed(list(node.children)))
    flush()
    return blocks


def _short_text(tag: Tag, limit: int) -> str | None:
    """The text of a cell, or None when it holds layout or too much text to be a value.

    Walks at most a bounded number of nodes (`Tag.descendants` first seeks the last
    descendant, which costs the full depth of deeply nested markup).
    """
    parts: list[str] = []
    size = 0
    stack: list[Any] = list(reversed(list(tag.children)))
    for _ in range(_MAX_CELL_NODES):
        if not stack:
            return _collapse("".join(parts))
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in _LAYOUT_IN_CELL:
                return None
            if node.name not in _SKIP:
                parts.append(" " if node.name in ("br", "p", "div") else "")
                stack.extend(reversed(list(node.children)))
        elif _is_text(node):
            parts.append(str(node))
            size += len(node)
            if size > limit:
                return None
    return None


def _rows(table: Tag) -> list[tuple[bool, list[str]]] | None:
    """(is a header row, cell texts) per row of a data table; None for a layout table."""
    rows: list[tuple[bool, list[str]]] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        group = [child] if child.name == "tr" else (
            [r for r in child.children if isinstance(r, Tag) and r.name == "tr"]
            if child.name in ("thead", "tbody", "tfoot") else [])
        for row in group:
            cells = [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]
            texts = [_short_text(c, _MAX_VALUE) for c in cells]
            if not cells or any(t is None for t in texts):
                return None
            header = child.name == "thead" or all(c.name == "th" for c in cells)
            rows.append((header, [t or "" for t in texts]))
    return rows or None


def _table_blocks(table: Tag) -> list[Block] | None:
    """Header tables give one "header: cell" block per row; two-column tables one block."""
    rows = _rows(table)
    if rows is None:
        return None
    if rows[0][0] and len(rows) > 1:
        headers = rows[0][1]
        blocks = []
        for _, cells in rows[1:]:
            lines = [f"{h}: {c}" if h else c for h, c in zip(headers, cells, strict=False) if c]
            if lines:
                blocks.append(Block(Element.TABLE, "\n".join(lines)))
        return blocks
    if all(len(cells) == 2 and len(cells[0]) <= _MAX_LABEL for _, cells in rows):
        lines = [f"{label.rstrip(':').strip()}: {value}" if label else value
                 for _, (label, value) in rows if value]
        return [Block(Element.TABLE, "\n".join(lines))] if lines else []
    return [Block(Element.TABLE, " | ".join(c for c in cells if c)) for _, cells in rows
            if any(cells)]


def _definition_block(dl: Tag) -> list[Block] | None:
    items = [c for c in dl.children if isinstance(c, Tag)]
    terms: list[Tag] = []
    for item in items:  # HTML allows <div> wrappers around dt/dd groups
        if item.name == "div":
            terms += [c for c in item.children if isinstance(c, Tag)]
        else:
            terms.append(item)
    lines: list[str] = []
    label = ""
    for term in terms:
        if term.name not in ("dt", "dd"):
            return None
        text = _short_text(term, _MAX_VALUE)
        if text is None:
            return None
        if term.name == "dt":
            label = text.rstrip(":").strip()
        elif text:
            lines.append(f"{label}: {text}" if label else text)
    return [Block(Element.DEFINITION_LIST, "\n".join(lines))] if lines else None


_WHATSAPP = frozenset({"wa.me", "api.whatsapp.com"})


def _link_blocks(soup: BeautifulSoup) -> list[Block]:
    blocks: list[Block] = []
    for link in soup.find_all("a", href=True):
        blocks += _skip_bad_item(_link_block, str(link["href"]).strip())
    return blocks


def _link_block(href: str) -> list[Block]:
    scheme, _, rest = href.partition(":")
    scheme = scheme.casefold()
    if scheme in ("tel", "callto") and rest:
        return [Block(Element.TEL_LINK, _collapse(unquote(rest)))]
    if scheme in ("http", "https") and urlsplit(href).hostname in _WHATSAPP:
        parts = urlsplit(href)
        digits = re.sub(r"\D", "", parts.path + parse_qs(parts.query).get("phone", [""])[0])
        return [Block(Element.TEL_LINK, "+" + digits)] if digits else []  # "chat with me"
    if scheme == "mailto" and rest:
        recipients = unquote(rest.partition("?")[0])
        return [Block(Element.MAILTO_LINK, r.strip()) for r in recipients.split(",")
                if r.strip()]
    return []


# --------------------------------------------------------------------------- JSON-LD

_RELATIONS = {"spouse": "partner", "children": "child", "parent": "parent",
              "parents": "parent", "sibling": "sibling", "siblings": "sibling",
              "relatedTo": "related"}


def _schema_types(node: Mapping[str, Any]) -> set[str]:
    """{"Person"} from "Person", ["schema:Person"] or "https://schema.org/Person"."""
    raw = node.get("@type", ())
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return {re.split(r"[/:#]", str(v))[-1] for v in values}


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
            text = _collapse(str(item))
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
                found.append(PostalAddress(element, street=_collapse(value)))
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
        telephones=tuple(t.removeprefix("tel:") for t in _strings(node.get("telephone"))),
        emails=tuple(e.removeprefix("mailto:") for e in _strings(node.get("email"))),
        birth_date=_first(node.get("birthDate")),
        addresses=tuple(_person_addresses(node, element)), relatives=tuple(relatives))


def _walk_items(roots: list[Any], element: Element) -> tuple[list[Person], list[PostalAddress]]:
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
                people += _skip_bad_item(lambda n: [_person(n, element)], node)
            if "PostalAddress" in types:
                addresses += _skip_bad_item(lambda n: [_address(n, element)], node)
            stack.extend(reversed([v for v in node.values() if isinstance(v, list | Mapping)]))
    return people, addresses


def _json_ld(soup: BeautifulSoup) -> tuple[list[Person], list[PostalAddress]]:
    roots: list[Any] = []
    for script in soup.find_all("script"):
        kind = str(script.get("type") or "").split(";")[0].strip().casefold()
        if kind != "application/ld+json":
            continue
        try:
            roots.append(json.loads(script.get_text(), strict=False))
        except (ValueError, RecursionError):
            continue  # malformed JSON-LD is common and carries nothing we can trust
    return _walk_items(roots, Element.JSON_LD)


# --------------------------------------------------------------------------- microdata

_MAX_ITEM_DEPTH = 8
_MAX_ITEMS = 200  # per kind of structured data: a page about more people is a list


def _itemtype(tag: Tag) -> set[str]:
    return {re.split(r"[/:#]", t)[-1] for t in str(tag.get("itemtype") or "").split()}


def _microdata_value(tag: Tag) -> str:
    for attribute, names in (("content", None), ("href", ("a", "link", "area")),
                             ("datetime", ("time",)), ("value", ("data", "meter"))):
        if (names is None or tag.name in names) and tag.get(attribute) is not None:
            return _collapse(unquote(str(tag[attribute])))
    return _collapse(tag.get_text(" "))


def _microdata_item(scope: Tag, depth: int = 0) -> dict[str, Any]:
    """A microdata item as a JSON-LD-like dict, so one reader serves both."""
    item: dict[str, Any] = {"@type": sorted(_itemtype(scope))}
    stack = list(reversed([c for c in scope.children if isinstance(c, Tag)]))
    while stack:
        tag = stack.pop()
        nested = tag.has_attr("itemscope")
        for prop in str(tag.get("itemprop") or "").split():
            if nested:
                value: Any = _microdata_item(tag, depth + 1) if depth < _MAX_ITEM_DEPTH else {}
            else:
                value = _microdata_value(tag).removeprefix("tel:").removeprefix("mailto:")
            item.setdefault(prop, []).append(value)
        if not nested:
            stack.extend(reversed([c for c in tag.children if isinstance(c, Tag)]))
    return item


def _microdata(soup: BeautifulSoup) -> tuple[list[Person], list[PostalAddress]]:
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    for scope in soup.find_all(None, {"itemscope": True}, limit=_MAX_ITEMS):
        types = _itemtype(scope)
        if not types & {"Person", "PostalAddress"}:
            continue
        for item in _skip_bad_item(lambda s: [_microdata_item(s)], scope):
            if "Person" in types:
                people += _skip_bad_item(lambda i: [_person(i, Element.MICRODATA)], item)
            if "PostalAddress" in types:
                addresses += _skip_bad_item(lambda i: [_address(i, Element.MICRODATA)], item)
    return people, addresses


# --------------------------------------------------------------------------- hCard

_CARD_CLASSES = frozenset({"vcard", "h-card"})
_CARD_PROPERTIES = {
    "fn": "name", "p-name": "name", "tel": "tel", "p-tel": "tel", "email": "email",
    "u-email": "email", "street-address": "street", "p-street-address": "street",
    "postal-code": "postcode", "p-postal-code": "postcode", "locality": "locality",
    "p-locality": "locality", "bday": "bday", "dt-bday": "bday",
}  # fmt: skip


def _card_properties(card: Tag) -> dict[str, list[str]]:
    """Property values of one card; a nested card keeps its own properties."""
    found: dict[str, list[str]] = {}
    stack = list(reversed([c for c in card.children if isinstance(c, Tag)]))
    while stack:
        tag = stack.pop()
        classes = set(tag.get_attribute_list("class"))
        if classes & _CARD_CLASSES:
            continue
        for name in sorted(classes):
            prop = _CARD_PROPERTIES.get(name)
            value = _card_value(tag) if prop else ""
            if prop and value:
                found.setdefault(prop, []).append(value)
        stack.extend(reversed([c for c in tag.children if isinstance(c, Tag)]))
    return found


def _card_value(tag: Tag) -> str:
    href = str(tag.get("href") or "")
    scheme, _, rest = href.partition(":")
    if scheme.casefold() in ("tel", "mailto") and rest:
        return _collapse(unquote(rest.partition("?")[0]))
    if tag.get("datetime"):
        return _collapse(str(tag["datetime"]))
    if tag.name == "abbr" and tag.get("title"):
        return _collapse(str(tag["title"]))
    return _collapse(tag.get_text(" "))


def _hcards(soup: BeautifulSoup) -> tuple[list[Person], list[PostalAddress]]:
    """hCard (class "vcard") and microformats2 h-card: fn, tel, email, adr, bday."""
    people: list[Person] = []
    addresses: list[PostalAddress] = []
    for card in soup.find_all(class_=lambda c: c in _CARD_CLASSES, limit=_MAX_ITEMS):
        for person in _skip_bad_item(lambda c: [_hcard(c)], card):
            people.append(person)
            addresses += person.addresses
    return people, addresses


def _hcard(card: Tag) -> Person:
    found = _card_properties(card)

    def first(prop: str) -> str | None:
        return found[prop][0] if prop in found else None

    card_addresses = []
    if any(p in found for p in ("street", "postcode", "locality")):
        card_addresses.append(PostalAddress(Element.HCARD, street=first("street"),
                                            postcode=first("postcode"),
                                            locality=first("locality")))
    return Person(
        Element.HCARD, name=first("name"), telephones=tuple(found.get("tel", ())),
        emails=tuple(found.get("email", ())), birth_date=first("bday"),
        addresses=tuple(card_addresses))
