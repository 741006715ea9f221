"""One place that decides how serious each kind of finding is, and what a finding of data
a page shows (web, council documents) holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exposurecheck.models import (
    Evidence,
    Finding,
    FindingKind,
    Locator,
    Match,
    Official,
    Severity,
    SourceId,
    Status,
    fingerprint,
)

if TYPE_CHECKING:
    from exposurecheck.web.match import WebMatch

_EXPOSED_SEVERITY: dict[FindingKind, Severity] = {
    FindingKind.HOME_ADDRESS: Severity.HIGH,
    FindingKind.BUSINESS_AT_HOME: Severity.MEDIUM,
    FindingKind.PHONE: Severity.MEDIUM,
    FindingKind.EMAIL: Severity.LOW,
    FindingKind.BIRTH_DATE: Severity.MEDIUM,
    FindingKind.HOUSEHOLD_NAME: Severity.MEDIUM,
    FindingKind.RESIDENCE: Severity.LOW,
}


def severity_for(kind: FindingKind, status: Status) -> Severity:
    """Shielded data is protection in place (info); exposed data by what it enables;
    an ended registration is low whatever it showed.

    A home address is what makes a visit at home possible, so it ranks highest.
    """
    if status is Status.SHIELDED:
        return Severity.INFO
    if status is Status.ENDED:
        return Severity.LOW  # no longer in the live register, still in copies of it
    return _EXPOSED_SEVERITY[kind]


def page_finding(official: Official, match: WebMatch, source: SourceId, *, locator: Locator,
                 page: Locator, page_title: str | None, page_kind: str | None = None,
                 document_date: str | None = None) -> Finding:
    """The data `match` found on a page, exposed. The fingerprint takes the `page` locator,
    not `locator`: where on a page the data stands may move without being news."""
    return Finding(
        kind=match.kind, subject=match.subject, status=Status.EXPOSED,
        severity=severity_for(match.kind, Status.EXPOSED), source=source, locator=locator,
        match=Match(score=round(min(match.score, 1.0), 3), fields=match.fields),
        evidence=Evidence(value=match.value, context=match.context, page_title=page_title,
                          page_kind=page_kind, document_date=document_date),
        fingerprint=fingerprint(official.id, match.kind, match.subject, source, page,
                                detail=match.detail),
    )
