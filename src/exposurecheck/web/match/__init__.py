"""Find the official's own data on a page, and only that.

The roster says what to look for: the home address, private phone numbers and
e-mail addresses, the birth date, the names in the household and the town of
residence. A page is searched for exactly those, in the ways people write them,
so nothing that is not in the roster can end up in a report. Data that is
harmless alone (a first name, a town, a date) counts only where the page is
about the official and the text ties it to them: a child's common first name in
an unrelated article, or the town hall's town in a footer, is no exposure.

One module per kind of finding (`phones`, `emails`, `home`, `birth_date`, `household`,
`residence`), each a `KindMatcher`; what they share is the official's `profile`, the
`page` (who it is about, worked out once) and the `text` helpers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from exposurecheck.models import FindingKind, Official, Subject
from exposurecheck.web.content import PageContent
from exposurecheck.web.match import birth_date, emails, home, household, phones, residence
from exposurecheck.web.match.page import ELEMENT_ORDER, Page
from exposurecheck.web.match.profile import official_profile
from exposurecheck.web.match.result import WebMatch

__all__ = ["KindMatcher", "WebMatch", "best_matches", "find_exposures"]


class KindMatcher(Protocol):
    """Finds one kind of the official's data on a page (a module with a `find`)."""

    def find(self, page: Page) -> Iterable[WebMatch]: ...


_MATCHERS: tuple[KindMatcher, ...] = (phones, emails, home, birth_date, household)


def find_exposures(official: Official, content: PageContent) -> list[WebMatch]:
    """Every exposure of `official`'s roster data on the page, one per kind and value."""
    page = Page(official_profile(official), content)
    found = [match for matcher in _MATCHERS for match in page.noted(matcher.find(page))]
    if not any(m.kind is FindingKind.HOME_ADDRESS for m in found):
        # the town alone: only when the address is not there
        found += page.noted(residence.find(page))
    return best_matches(found)


def best_matches(matches: Iterable[WebMatch]) -> list[WebMatch]:
    """One match per (kind, subject, value): the surest, then the most telling element,
    then the first."""
    best: dict[tuple[FindingKind, Subject, str], WebMatch] = {}
    for match in matches:
        key = (match.kind, match.subject, match.detail)
        current = best.get(key)
        if current is None or _rank(match) < _rank(current):
            best[key] = match
    return sorted(best.values(), key=lambda m: (m.kind.value, m.detail))


def _rank(match: WebMatch) -> tuple[float, int]:
    return (-match.score, ELEMENT_ORDER.index(match.element))
