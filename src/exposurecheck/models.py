"""The data that flows between the stages: roster in, findings and report out.

Everything is a frozen pydantic model so a result can be shared between
concurrent tasks and hashed, and so the JSON report has one schema.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import NewType

from pydantic import BaseModel, ConfigDict, Field, field_validator

from exposurecheck.enums import Severity as Severity  # re-exported: models name them
from exposurecheck.enums import SourceId as SourceId
from exposurecheck.untrusted import clean_text

OfficialId = NewType("OfficialId", str)
Fingerprint = NewType("Fingerprint", str)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CleanText(Frozen):
    """A model of outside text: every str field is cleaned (`untrusted.clean_text`) on the way
    in, so no reporter can print a control character whatever a source or roster returned."""

    @field_validator("*", mode="after")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if type(value) is str else value


class Address(Frozen):
    """A Dutch address split the way the BAG splits it.

    `postcode` is stored normalised ("1234AB"); `letter` is the huisletter and
    `addition` the huisnummertoevoeging, both as written by the user.
    """

    street: str | None = None
    number: int
    letter: str | None = None
    addition: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality: str | None = None  # the BRP municipality, when the roster gives it


class HouseholdMember(Frozen):
    """A housemate or family member; children may be listed by first name only."""

    name: str
    relation: str | None = None


class Named(Frozen):
    """Who an official is, as the roster names them and as each result repeats it."""

    id: OfficialId
    name: str
    role: str | None = None
    organisation: str | None = None


class Official(Named):
    initials: str | None = None
    home: Address | None = None
    household: tuple[HouseholdMember, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    kvk_numbers: tuple[str, ...] = ()
    birth_date: date | None = None
    urls: tuple[str, ...] = ()
    ori_index: str | None = None  # the Open Raadsinformatie index to search, if not mapped


class Site(Frozen):
    """A web site to crawl for every official in the roster (same host only)."""

    url: str
    max_pages: int = Field(default=50, ge=1)
    max_depth: int = Field(default=3, ge=0)


class Roster(Frozen):
    officials: tuple[Official, ...]
    sites: tuple[Site, ...] = ()


class FindingKind(StrEnum):
    HOME_ADDRESS = "home_address"
    BUSINESS_AT_HOME = "business_at_home"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    HOUSEHOLD_NAME = "household_name"
    RESIDENCE = "residence"


class Subject(StrEnum):
    OFFICIAL = "official"
    HOUSEHOLD = "household"
    UNKNOWN = "unknown"


class Status(StrEnum):
    EXPOSED = "exposed"
    SHIELDED = "shielded"
    ENDED = "ended"  # a registration that has ended: still in old extracts and copies


class Locator(CleanText):
    """Where the finding stands, precisely enough to act on it."""

    kvk_number: str | None = None
    vestigingsnummer: str | None = None
    address_type: str | None = None
    url: str | None = None
    cached_url: str | None = None  # a copy of the document, e.g. Open Raadsinformatie's
    element: str | None = None  # where on a page: "text", "tel-link", "json-ld", "meta", ...
    page: int | None = Field(default=None, ge=1)  # 1-based page of a paged document (PDF)


class FieldMatch(Frozen):
    field: str
    score: float = Field(ge=0.0, le=1.0)


class Match(Frozen):
    """Why we believe a record is about this official: overall score and the fields."""

    score: float = Field(ge=0.0, le=1.0)
    fields: tuple[FieldMatch, ...] = ()


class Evidence(CleanText):
    """What the source shows. Every field except the public ones is personal data."""

    trade_name: str | None = None
    address: str | None = None
    person: str | None = None
    legal_form: str | None = None
    establishment: str | None = None  # "hoofdvestiging" | "nevenvestiging" | "rechtspersoon"
    value: str | None = None  # the exposed data as the source writes it
    context: str | None = None  # the text around it, so a reader can find it
    page_title: str | None = None
    page_kind: str | None = None  # "news": a news article (journalistic exemption applies)
    document_date: str | None = None  # when a council document was dated or discussed


class Recommendation(Frozen):
    id: str
    title: str
    text: str
    legal_basis: str
    url: str


class Acceptance(CleanText):
    """A finding the organisation has accepted as a known risk (baseline)."""

    reason: str
    accepted_by: str
    expires: date | None = None


class Finding(Frozen):
    kind: FindingKind
    subject: Subject
    status: Status
    severity: Severity
    source: SourceId
    locator: Locator
    match: Match
    evidence: Evidence
    recommendations: tuple[Recommendation, ...] = ()
    fingerprint: Fingerprint
    accepted: Acceptance | None = None

    @property
    def exposes(self) -> bool:
        """The data is out there: exposed, or an ended registration that copies still show."""
        return self.status is not Status.SHIELDED

    @property
    def is_exposure(self) -> bool:
        """Open exposures: what a user still has to act on and what fails a run."""
        return self.exposes and self.accepted is None

    def fails_at(self, threshold: Severity) -> bool:
        """Does this finding fail a run with --fail-on `threshold`?"""
        return self.is_exposure and self.severity.rank >= threshold.rank


class SourceErrorKind(StrEnum):
    FAILED = "failed"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"


class SourceError(CleanText):
    """A source that could not be checked for an official: never silently clean."""

    source: SourceId
    kind: SourceErrorKind
    message: str


class NotRead(Frozen):
    """Files a source saw and by design does not read (images, video, archives, calendars),
    counted per media type: listed for the reader, no reason to call an audit incomplete."""

    source: SourceId
    media_type: str
    count: int = Field(ge=1)


class OfficialResult(CleanText, Named):
    sources: tuple[SourceId, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[SourceError, ...] = ()
    not_read: tuple[NotRead, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.errors


class ToolInfo(Frozen):
    name: str = "exposurecheck"
    version: str


class KvkUsage(Frozen):
    """What the audit asked of KVK: every request counts against the monthly limit,
    the profile requests are billed."""

    requests: int = Field(ge=0)
    paid_requests: int = Field(ge=0)
    estimated_cost_eur: float = Field(ge=0)


class Usage(Frozen):
    kvk: KvkUsage | None = None


class Stamped(Frozen):
    """What a JSON document the tool writes begins with: its schema's version, when it was made
    and by which tool, so that a reader can tell an old report from a new one."""

    schema_version: str = "1.0"
    generated_at: datetime
    tool: ToolInfo


class Report(Stamped):
    lang: str
    redacted: bool
    sources: tuple[SourceId, ...]
    officials: tuple[OfficialResult, ...]
    usage: Usage = Usage()


def fingerprint(official_id: str, kind: FindingKind, subject: Subject, source: SourceId,
                locator: Locator, detail: str = "") -> Fingerprint:
    """A stable id for 'this kind of finding, for this official, at this place'
    (a page of a document is a place of its own).

    The status is left out on purpose: a finding that gets shielded keeps its
    fingerprint, so a re-audit can show it as resolved. `detail` tells apart two
    findings of one kind at one place (e.g. two phone numbers on a page); pass a
    normalised value, it is hashed and never stored.
    """
    parts = [official_id, kind.value, subject.value, source.value,
             locator.kvk_number or "", locator.vestigingsnummer or "",
             locator.address_type or "", locator.url or "", detail]
    if locator.page is not None:  # each page of a document is redacted (or asked about) apart
        parts.append(f"page {locator.page}")
    return Fingerprint(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20])
