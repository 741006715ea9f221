"""Turn a fetched page into the pieces an exposure can hide in.

Doxing material sits in visible text, but also in places a reader does not
see: tel:/mailto: links, structured data (schema.org JSON-LD, microdata and RDFa,
hCards: read in `structured`) and the "label: value" tables of profile pages. Text
is read with one iterative pass over the parse tree, so a page nested 100,000
levels deep cannot crash the audit, and nothing here decides what is an exposure
(that is `match`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import NavigableString, PreformattedString, Tag
from bs4.exceptions import ParserRejectedMarkup

from exposurecheck.web.content import Block, Element, PageContent, Person, PostalAddress, Relative
from exposurecheck.web.fetch import FetchedPage
from exposurecheck.web.structured import MAX_ITEMS, read_structured, skip_bad_item

__all__ = ["Block", "Element", "PageContent", "Person", "PostalAddress", "Relative", "extract"]

# A page that reads "." or "index.html" is still a page: bs4's guess that it meant a file
# name is noise (and a page's text must not reach the log).
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)


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
    structured = read_structured(page.text, soup)
    return PageContent(url=page.url, title=title,
                       meta_description=descriptions[0] if descriptions else "",
                       blocks=tuple(blocks), people=structured.people,
                       addresses=structured.addresses, news=_is_news(soup),
                       unreadable=structured.unreadable)


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
           for tag in soup.find_all(itemtype=True, limit=MAX_ITEMS)):
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
        blocks += skip_bad_item(_link_block, str(link["href"]).strip())
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
