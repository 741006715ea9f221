"""The home address in any written form: street (any spelling), number, suffix,
postcode and town."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.address import (
    AddressMatch,
    AddressParseError,
    match_address,
    normalise_city,
    normalise_postcode,
)
from exposurecheck.models import Address, FindingKind, Subject
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import NAME_WINDOW, fold, snippet
from exposurecheck.web.match.town import LEAD, town_at

# After the house number: a huisletter ("12a", "12 A", "12-a") and/or a toevoeging
# ("12-2", "12/II", "12 hs"). A bare word after a space is a toevoeging only when it
# is one of the usual ones, so "Kerkstraat 12 te Dorp" keeps "te" out.
_SUFFIX = re.compile(
    r"(?P<letter>\s?-?\s?[A-Za-z](?![\w'’]))?"
    r"(?P<addition>[-/][A-Za-z0-9]{1,4}(?![\w])"
    r"|\s?[-/]?\s?(?:hs|h|bis|bg|bgg|huis|I{1,3}|IV|VI{0,3})(?![\w])"
    r"|(?(letter) [0-9]{1,3}(?![\w])|(?!)))?")  # "45b 2", never "12 8011AB"


_POSTCODE = re.compile(LEAD + r"(?:(?:postcode|pc)\s*:?\s*)?([1-9][0-9]{3}\s?[A-Za-z]{2})(?![\w])",
                       re.IGNORECASE)


_STREET_ONLY_SCORE = 0.75
_LINE_LABEL = re.compile(r"[^\W\d_][\w ]{0,30}:\s*")
_NUMBER_WORD = r"(?:huisnummer|huisnr|nummer|nr|no)\.?\s*:?"
_NUMBER_LABEL = re.compile(r"\s*" + _NUMBER_WORD + r"\s*", re.IGNORECASE)
_HOUSE_NUMBER_WORD = re.compile(r"[\s,]*" + _NUMBER_WORD + "$",  # "Kerkstraat nr. 12"
                                re.IGNORECASE)
_MAX_STREET_WORDS = 6


@dataclass(frozen=True)
class _AddressHit:
    start: int
    end: int
    match: AddressMatch
    street_only: bool


def _address_hits(home: Address, text: str, city_key: str | None,
                  seen: dict[tuple[str, int], _AddressHit | None]) -> Iterator[_AddressHit]:
    """Where `text` writes the home address: street (any spelling), number, suffix, place.

    A neighbour's number, another letter, another postcode or another town right after
    the number is never the home.
    """
    number = re.compile(rf"(?<![\w/.,+-]){home.number}(?![\d])(?![.,]\d)")
    for found in number.finditer(text):
        checkpoint()
        # What decides a hit stands within this window around the number; a window seen
        # before (a page repeating itself) is not worked out again.
        low = max(0, found.start() - _ADDRESS_BEFORE)
        window = text[low:found.end() + _ADDRESS_AFTER]
        key = (window, found.start() - low)
        hit = seen[key] if key in seen else _address_hit(
            home, window, found.start() - low, found.end() - low, city_key)
        if len(seen) < _SEEN_WINDOWS:
            seen[key] = hit
        if hit is not None:
            yield _AddressHit(low + hit.start, low + hit.end, hit.match, hit.street_only)


_ADDRESS_BEFORE = 400  # the street, the line before it and the clause that names a town
_ADDRESS_AFTER = 200  # a suffix, the postcode and the town
_SEEN_WINDOWS = 10_000  # windows remembered per page: a few MB at most


def _address_hit(home: Address, text: str, number_start: int, number_end: int,
                 city_key: str | None) -> _AddressHit | None:
    """The home address written around the house number at text[number_start:number_end]."""
    suffix = _SUFFIX.match(text, number_end)
    end = suffix.end() if suffix else number_end
    letter = (suffix.group("letter") or "").strip(" -") if suffix else ""
    addition = (suffix.group("addition") or "").strip(" -/") if suffix else ""
    postcode_match = _POSTCODE.match(text, end)
    postcode = postcode_match.group(1) if postcode_match else None
    town = town_at(text, postcode_match.end() if postcode_match else end, city_key)
    city = town.city
    if city is None and city_key:  # "Kerkstraat 12\nWoonplaats: Zwolle"
        tail = fold(text[end: end + 80])
        if re.search(rf"(?<![\w]){re.escape(city_key)}(?![\w])", tail):
            city = home.city
    stop = max(town.end, postcode_match.end() if postcode_match else end)
    best: tuple[float, int, AddressMatch] | None = None
    for street, start in _street_candidates(text, number_start, home.street is not None):
        candidate = Address(street=street, number=home.number, letter=letter or None,
                            addition=addition or None, postcode=_valid_postcode(postcode),
                            city=city)
        result = match_address(home, candidate)
        street_score = next((f.score for f in result.fields if f.field == "street"), 0.0)
        rank = result.score + street_score
        if best is None or rank > best[0]:
            best = (rank, start, result)
    if best is None:
        return None
    _, start, result = best
    if postcode is None and city is None:
        named = _town_in_clause(text, start)  # "in Vaassen aan de Kerkstraat 12"
        if named is not None and named != city_key:
            return None
        if named is not None:
            city = home.city
            result = match_address(home, Address(
                street=_street_text(text, start, number_start), number=home.number,
                letter=letter or None, addition=addition or None, city=city))
    if postcode is None and city is None:  # "7721 BC Dalfsen, Kerkstraat 12"
        postcode, city = _place_before(text, start, city_key)
        if postcode or city:
            result = match_address(home, Address(
                street=_street_text(text, start, number_start), number=home.number,
                letter=letter or None, addition=addition or None,
                postcode=_valid_postcode(postcode), city=city and home.city))
    fields = {f.field for f in result.fields}
    if home.street and "street" not in fields:
        return None  # a postcode and number written with another street: not trusted
    if result.same_dwelling:
        return _AddressHit(start, stop, result, False)
    elif ({"street", "huisnummer", "suffix"} <= fields
          and (city is None or home.city is None)
          and (postcode is None or home.postcode is None)):
        return _AddressHit(start, stop, result, True)
    return None


_CLAUSE_TOWN = re.compile(r"(?<![\w])(?:in|te)\s+([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")


def _town_in_clause(text: str, start: int) -> str | None:
    """The town a clause names before a street: "in Vaassen aan de ..." -> key of Vaassen."""
    clause_start = max(text.rfind(mark, max(0, start - NAME_WINDOW), start)
                       for mark in ",.;:\n") + 1
    clause_start = max(clause_start, start - NAME_WINDOW)
    towns = _CLAUSE_TOWN.findall(text, clause_start, start)
    return normalise_city(towns[-1]) if towns else None


_PLACE_BEFORE = re.compile(r"(?:([1-9][0-9]{3}\s?[A-Za-z]{2})\s+)?([^\W\d_][\w'’ ()-]*?)\s*,\s*$")


def _place_before(text: str, start: int, city_key: str | None) -> tuple[str | None, str | None]:
    """A postcode and the home town written before the street, on the same line."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    found = _PLACE_BEFORE.search(text, max(line_start, start - 40), start)
    if found is None:
        return None, None
    town = found.group(2)
    return found.group(1), town if city_key and normalise_city(town) == city_key else None


def _street_text(text: str, start: int, number_start: int) -> str:
    """The words between `start` and the house number, without separators around them."""
    return text[start:number_start].strip().strip(",:;(")


def _valid_postcode(raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        return normalise_postcode(raw)
    except AddressParseError:
        return None


def _street_candidates(text: str, number_start: int,
                       has_street: bool) -> Iterator[tuple[str | None, int]]:
    """The last 1..6 words before the number ("aan de Kerkstr." -> "Kerkstr.", ...)."""
    if not has_street:
        yield None, number_start
        return
    line_start = max(text.rfind("\n", max(0, number_start - 100), number_start) + 1,
                     number_start - 100)
    if _NUMBER_LABEL.fullmatch(text, line_start, number_start) and line_start > 0:
        # "Straat: Kerkstraat\nHuisnummer: 12": the street is on the line before
        previous = text.rfind("\n", max(0, line_start - 101), line_start - 1) + 1
        label = _LINE_LABEL.match(text, previous, line_start - 1)
        start = label.end() if label else previous
        if street := text[start:line_start - 1].strip():
            yield street, start
        return
    words = list(re.finditer(r"\S+", text[line_start:number_start]))
    for count in range(1, min(_MAX_STREET_WORDS, len(words)) + 1):
        first = words[-count]
        start = line_start + first.start()
        street = _HOUSE_NUMBER_WORD.sub("", _street_text(text, start, number_start))
        if street:
            yield street, start


def _postcode_hits(home: Address, text: str) -> Iterator[_AddressHit]:
    """"8166 AJ 9": in the Netherlands a postcode and a house number name one address."""
    if home.postcode is None:
        return
    pattern = re.compile(rf"(?<![\w]){home.postcode[:4]}\s?{home.postcode[4:]}"
                         rf"(?:\s+|\s*[,;]?\s*{_NUMBER_WORD}\s*)"  # "8191 KX, huisnummer 7"
                         rf"{home.number}(?![\d])", re.IGNORECASE)
    for found in pattern.finditer(text):
        suffix = _SUFFIX.match(text, found.end())
        end = suffix.end() if suffix else found.end()
        letter = (suffix.group("letter") or "").strip(" -") if suffix else ""
        addition = (suffix.group("addition") or "").strip(" -/") if suffix else ""
        result = match_address(home, Address(number=home.number, letter=letter or None,
                                             addition=addition or None, postcode=home.postcode))
        if result.same_dwelling:
            yield _AddressHit(found.start(), end, result, False)


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    home = profile.home
    if home is None:
        return
    subject = page.subject_for_home()
    texts = [(b.element, b.text) for b in page.blocks]
    addresses = {*page.content.addresses, *(a for p in page.content.people for a in p.addresses)}
    texts += [(a.element, a.text) for a in sorted(addresses, key=lambda a: (a.element, a.text))]
    seen: dict[tuple[str, int], _AddressHit | None] = {}
    for element, text in texts:
        if str(home.number) not in text or page.settled(FindingKind.HOME_ADDRESS, "home",
                                                         element):
            continue
        if profile.street_hint and profile.street_hint not in fold(text) and not (
                home.postcode and home.postcode[:4] in text):
            continue
        for hit in chain(_address_hits(home, text, profile.city, seen),
                         _postcode_hits(home, text)):
            if page.settled(FindingKind.HOME_ADDRESS, "home", element):
                break
            if hit.street_only and subject is None:
                continue  # "Kerkstraat 12" on a page about nobody we know: any town's
            score = _STREET_ONLY_SCORE if hit.street_only else hit.match.score
            yield WebMatch(FindingKind.HOME_ADDRESS, subject or Subject.OFFICIAL, element,
                           ", ".join(line.strip(" ,;") for line in
                                     text[hit.start:hit.end].split("\n")).strip(" ,;"),
                           snippet(text, hit.start, hit.end), "home", score,
                           hit.match.fields)
