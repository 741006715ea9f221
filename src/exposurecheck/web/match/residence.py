"""The town of residence alone, where the text says the official lives there."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.address import normalise_city
from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.content import Element
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.profile import Profile
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import PREFIX_WORDS, fold, snippet
from exposurecheck.web.match.town import town_at

_LIVES = re.compile(r"(?<![\w])(?:woont|wonen|woonachtig|wonend|woonplaats\s+is|"
                    r"verhuis(?:t|d|de|den)|verhuizen|lives|living|resides|is\s+resident|"
                    r"moved|moves)(?![\w])")
_LIVES_PLACE = re.compile(r"(?<![\w])(?:in|te|van|of|naar|to)\s+")
_LABEL = re.compile(r"(?<![\w])(?:woonplaats|woonachtig|(?:place\s+of\s+)?residence|hometown|"
                    r"inwon(?:er|ster)\s+van|resident\s+of)\s*[:\-]?\s*")
_AFTER_NAME = re.compile(r"(?:,?\s*(?:[a-z]{1,3}\.\s*)+(?:" + PREFIX_WORDS + r"\s+)*)?")
_PARENS = re.compile(r"\s*\(([^()]{1,40})\)")
_NAME_TOWN_SEPARATOR = re.compile(r"[ \t]*(?:[,|:\-\u2013]|(?<![\w])(?:uit|from)(?=\s))\s*")


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    if profile.city is None or not page.about:
        return
    for index, block in enumerate(page.blocks):
        text = block.text
        folded = fold(text)
        if not _mentions_town(folded, profile.city):
            continue
        for start, end, tie in _town_cues(page, index, text, folded):
            checkpoint()
            if page.settled(FindingKind.RESIDENCE, profile.city, block.element):
                break
            if tie == "name" or page.attributed(index, start, strict=tie == "strict"):
                yield _residence_match(profile, block.element, text, start, end)
    for person in page.content.people:
        if not page.is_official(person):
            continue
        for address in person.addresses:
            if address.street is None and address.locality and (
                    normalise_city(address.locality) == profile.city):
                yield _residence_match(profile, person.element, address.locality, 0,
                                       len(address.locality))


def _mentions_town(folded: str, city_key: str) -> bool:
    words = re.findall(r"[^\W\d_]{3,}", city_key)
    return bool(words) and max(words, key=len) in folded


_Tie = Literal["name", "strict", "context"]
_LIVES_AFTER_TOWN = re.compile(r"\s+(woont|woonachtig|wonen)(?![\w])")
_TOWN_AND_VERB = 100  # a town is read from at most 60 characters, the verb follows
_RELATIVE = re.compile(r"(?<![\w])(?:die|dat|wie|waar|who)(?![\w])")


def _town_cues(page: Page, index: int, text: str,
               folded: str) -> Iterable[tuple[int, int, _Tie]]:
    """(start, end, how to tie it to the official) of the home town where the text says
    it is lived in: right after the official's name, or after a cue read in context."""
    city = page.profile.city

    def tie(cue_start: int, cue: str) -> _Tie:
        begin = page.sentence(index, cue_start, cue_start)[0]
        relative = _RELATIVE.search(folded, max(begin, cue_start - 40), cue_start)
        return "strict" if relative or cue.startswith("wonen") else "context"

    for cue in _LABEL.finditer(folded):
        town = town_at(text, cue.end(), city)
        if town.city and normalise_city(town.city) == city:
            yield town.end - len(town.city), town.end, "context"
    for cue in _LIVES.finditer(folded):
        stop = page.sentence(index, cue.start(), cue.end())[1]
        for place in _LIVES_PLACE.finditer(folded, cue.end(), min(stop, cue.end() + 80)):
            town = town_at(text, place.end(), city)
            if town.city is None:
                continue
            if normalise_city(town.city) == city:
                yield town.end - len(town.city), town.end, tie(cue.start(), cue.group())
            break  # another town named first: that is where they live
    for place in _LIVES_PLACE.finditer(folded):  # "in Dalfsen woont"
        if "wo" not in folded[place.end():place.end() + _TOWN_AND_VERB]:
            continue  # no verb of living after it: no town needs reading
        town = town_at(text, place.end(), city)
        verb = _LIVES_AFTER_TOWN.match(folded, town.end)
        if town.city and normalise_city(town.city) == city and verb:
            yield town.end - len(town.city), town.end, tie(place.start(), verb.group(1))
    if page.blocks[index].element in (Element.TITLE, Element.META_DESCRIPTION):
        return  # "Jan Jansen - Dalfsen" in a title names the site, not where he lives
    for mention in page.mentions(index):  # "Jansen, P. (Dalfsen)", "Jan Jansen uit Dalfsen"
        if mention.full:
            yield from _town_after_name(text, folded, mention.end, city)


def _town_after_name(text: str, folded: str, end: int,
                     city: str | None) -> Iterator[tuple[int, int, _Tie]]:
    position = _AFTER_NAME.match(folded, end)
    cursor = position.end() if position else end
    for _ in range(3):
        group = _PARENS.match(text, cursor)
        if group is None:
            break
        for part in reversed(group.group(1).split(",")):
            if normalise_city(part.strip()) == city:
                start = group.start(1) + group.group(1).rfind(part.strip())
                yield start, start + len(part.strip()), "name"
                return
        cursor = group.end()
    separator = _NAME_TOWN_SEPARATOR.match(folded, cursor)
    if separator is not None:
        town = town_at(text, separator.end(), city)
        if town.city and normalise_city(town.city) == city:
            yield town.end - len(town.city), town.end, "name"


def _residence_match(profile: Profile, element: Element, text: str, start: int,
                     end: int) -> WebMatch:
    return WebMatch(FindingKind.RESIDENCE, Subject.OFFICIAL, element, text[start:end],
                    snippet(text, start, end), profile.city or "", 1.0,
                    (FieldMatch(field="city", score=1.0),))
