"""What a scan finds in a document, and the Woo ground that removes it.

The grounds are the Wet open overheid's own (BWBR0045754, art. 5.1): national
identification numbers have an absolute ground of their own (lid 1, onder e: numbers
"als bedoeld in artikel 46 van de Uitvoeringswet AVG", the BSN), every other piece of
private data falls under the weighed ground of the privacy of the person (lid 2, onder e:
"de eerbiediging van de persoonlijke levenssfeer").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

WOO_SOURCE = "https://wetten.overheid.nl/BWBR0045754/2022-05-01#Hoofdstuk5_Artikel5.1"


class WooGround(StrEnum):
    """The code printed in a redaction box, as Woo teams write it."""

    IDENTIFICATION_NUMBER = "5.1.1e"
    PRIVACY = "5.1.2e"

    @property
    def article(self) -> str:
        return _ARTICLES[self]


_ARTICLES = {
    WooGround.IDENTIFICATION_NUMBER:
        "Wet open overheid, art. 5.1, eerste lid, onder e (identificatienummers als bedoeld "
        "in art. 46 Uitvoeringswet AVG)",
    WooGround.PRIVACY:
        "Wet open overheid, art. 5.1, tweede lid, onder e (eerbiediging van de persoonlijke "
        "levenssfeer)",
}


# a separator between codes, so a long run of digits and dots cannot backtrack
_GROUND_LABELS = re.compile(
    r"\s*(?:\[?\d+\.\d+\.\d+(?:[a-z]\]?[\s,]*|\]?(?:[\s,]+|$)))*")


def only_ground_labels(text: str) -> bool:
    """A proper redaction box carries nothing but Woo ground codes: no failed redaction."""
    return bool(_GROUND_LABELS.fullmatch(text))


class ScanKind(StrEnum):
    HOME_ADDRESS = "home_address"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    HOUSEHOLD_NAME = "household_name"
    BSN = "bsn"
    IBAN = "iban"
    ADDRESS = "address"
    FAILED_REDACTION = "failed_redaction"
    METADATA = "metadata"


GROUNDS = {kind: WooGround.PRIVACY for kind in ScanKind} | {
    ScanKind.BSN: WooGround.IDENTIFICATION_NUMBER}


class Location(StrEnum):
    """Where in a document a finding stands; everything but TEXT is a place a reader misses."""

    TEXT = "text"
    HEADER_FOOTER = "header-footer"
    METADATA = "metadata"
    COMMENT = "comment"
    TRACKED_CHANGE = "tracked-change"
    HIDDEN_TEXT = "hidden-text"
    ANNOTATION = "annotation"
    ATTACHMENT = "attachment"
    HTML_COMMENT = "html-comment"
    HTML_ATTRIBUTE = "html-attribute"
    EARLIER_REVISION = "earlier-revision"
    UNDER_BOX = "under-filled-box"
    MAIL_HEADER = "mail-header"


@dataclass(frozen=True)
class Hit:
    """One value in one piece of text: [start, end) of that text."""

    kind: ScanKind
    start: int
    end: int
    value: str
    official: str | None = None

    @property
    def ground(self) -> WooGround:
        return GROUNDS[self.kind]


@dataclass(frozen=True)
class DocFinding:
    kind: ScanKind
    page: int | None
    location: Location
    value: str
    official: str | None = None
    within: str | None = None  # the attachment (path inside the document) it was found in

    @property
    def woo_ground(self) -> WooGround:
        return GROUNDS[self.kind]


@dataclass
class DocumentResult:
    path: str
    pages: int | None = None
    findings: list[DocFinding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Redaction:
    """One line of scrub-log.json: never the value."""

    document: str
    page: int | None
    kind: ScanKind
    location: Location
    within: str | None = None

    def as_json(self) -> dict[str, object]:
        ground = GROUNDS[self.kind]
        entry: dict[str, object] = {
            "document": self.document, "page": self.page, "kind": str(self.kind),
            "location": str(self.location), "woo_ground": str(ground),
            "article": ground.article}
        if self.within:
            entry["within"] = self.within
        return entry


class ScanFormat(StrEnum):
    """Formats of the scan and scrub reports; here so the CLI can name them without loading
    the document readers."""

    TABLE = "table"
    JSON = "json"
    SARIF = "sarif"
