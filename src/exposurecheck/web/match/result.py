"""One piece of the official's data found on a page."""

from __future__ import annotations

from dataclasses import dataclass

from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.content import Element


@dataclass(frozen=True)
class WebMatch:
    """One piece of the official's data on one page.

    `value` is the data as the page writes it and `context` a short snippet around
    it (both personal data); `detail` is the normalised value that tells two
    matches of one kind apart in the fingerprint.
    """

    kind: FindingKind
    subject: Subject
    element: Element
    value: str
    context: str
    detail: str
    score: float
    fields: tuple[FieldMatch, ...]
