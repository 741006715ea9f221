"""The roster's private phone numbers, in any formatting."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from exposurecheck.cooperative import checkpoint
from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import snippet

_ZERO_ZERO = re.compile(r"(?<![\d+])00(?=31[\s-]*\(?\d)")
_TRUNK_ZERO = re.compile(r"(?<=\+31)(\s*)\(0\)")


def _international_prefixes(text: str) -> str:
    """"0031 6 ..." and "+31 (0)6 ..." as phonenumbers reads them, positions unchanged."""
    text = _ZERO_ZERO.sub(" +", text)
    return _TRUNK_ZERO.sub(lambda m: m.group(1) + "   ", text)


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Digits glued to letters or more digits are part of something else, not a number."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or after.isalnum()


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    if not profile.phones:
        return
    texts = [(b.element, b.text) for b in page.blocks]
    texts += [(p.element, t) for p in page.content.people for t in p.telephones]
    anchor = _phone_anchor(profile.phones)
    windows: dict[str, list[tuple[int, int, str]]] = {}
    for element, text in texts:
        checkpoint()
        if not anchor.search(text):
            continue
        readable = _international_prefixes(text)
        for found_start, found_end, e164 in _numbers_near(readable, anchor, windows):
            if _inside_a_word(readable, found_start, found_end):
                continue  # an IBAN or dossier number that happens to hold the digits
            if e164 in profile.phones and not page.settled(FindingKind.PHONE, e164, element):
                start = found_start - (text[found_start - 1: found_start + 1] == "00")
                yield WebMatch(FindingKind.PHONE, Subject.OFFICIAL, element,
                               text[start:found_end],
                               snippet(text, found_start, found_end), e164, 1.0,
                               (FieldMatch(field="phone", score=1.0),))


_PHONE_SEPARATORS = r"[\s\-./()]*"
_ANCHOR_DIGITS = 6
_PHONE_REACH = 30  # how far before its last digits a written number can start


@lru_cache(maxsize=512)
def _phone_anchor(phones: frozenset[str]) -> re.Pattern[str]:
    """The last digits of each roster number, with any separators between them."""
    tails = sorted({p[-_ANCHOR_DIGITS:] for p in phones})
    return re.compile("|".join(_PHONE_SEPARATORS.join(tail) for tail in tails))


def _numbers_near(readable: str, anchor: re.Pattern[str],
                  windows: dict[str, list[tuple[int, int, str]]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, E.164) of the numbers around each place the roster's digits stand.

    phonenumbers reads only a short window around each: a page full of other numbers
    costs nothing, and a window seen before (a page repeating itself) is not read again.
    """
    covered = 0
    for hit in anchor.finditer(readable):
        if hit.start() < covered:
            continue
        checkpoint()
        low = max(0, hit.start() - _PHONE_REACH)
        covered = min(len(readable), hit.end() + _ANCHOR_DIGITS)
        window = readable[low:covered]
        if window not in windows:
            # POSSIBLE, not VALID: a number outside today's allocated ranges is still ours
            windows[window] = [
                (found.start, found.end,
                 phonenumbers.format_number(found.number, PhoneNumberFormat.E164))
                for found in PhoneNumberMatcher(window, "NL", leniency=Leniency.POSSIBLE)]
        for start, end, e164 in windows[window]:
            yield low + start, low + end, e164
