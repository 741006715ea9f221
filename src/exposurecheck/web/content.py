"""What a page holds, as `extract` reads it: text blocks and the structured data on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Block", "Element", "PageContent", "Person", "PostalAddress", "Relative"]


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
    RDFA = "rdfa"
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
    """Everything readable on one page.

    `parse_failed` marks markup the parser rejected (nothing was read); `unreadable` names
    the kinds of structured data the page has but that could not be (fully) read, while
    its text was.
    """

    url: str
    title: str = ""
    meta_description: str = ""
    blocks: tuple[Block, ...] = ()
    people: tuple[Person, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()  # every PostalAddress, also those of people
    parse_failed: bool = False
    news: bool = False  # a news article: journalism, where the AVG's erasure right stops
    unreadable: tuple[str, ...] = ()
