"""The town written at a place in the text, for the home address and the town of
residence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from exposurecheck.matching.address import normalise_city

LEAD = r"[\s,;:|(·•/\u2013-]*"  # what separates the parts of an address


_TOWN_LEAD = re.compile(LEAD + r"(?:(?:te|in)\s+)?(?:(?:woon)?plaats\s*:\s*)?", re.IGNORECASE)
_WORD = re.compile(r"[\w'’()-]+")
_NOT_A_TOWN = frozenset({"hij", "zij", "ze", "het", "de", "een", "en", "maar", "daar", "dat",
                         "die", "dit", "er", "he", "she", "the", "in", "op", "ook", "sinds",
                         "tel", "telefoon", "e-mail", "email", "postcode", "nederland"})


@dataclass(frozen=True)
class _Town:
    end: int
    city: str | None  # the town as written, or None when nothing town-like follows


def town_at(text: str, position: int, city_key: str | None) -> _Town:
    """The town written at `position`: the home town if it is there, else the next name."""
    lead = _TOWN_LEAD.match(text, position)
    start = lead.end() if lead else position
    words = list(_WORD.finditer(text[start: start + 60]))
    for count in range(min(4, len(words)), 0, -1):
        candidate = _balanced(text[start: start + words[count - 1].end()])
        if city_key and normalise_city(candidate) == city_key:
            return _Town(start + len(candidate), candidate)
    if words and words[0].start() == 0:
        word = words[0].group().strip("()")
        after = text[start + words[0].end(): start + words[0].end() + 1]
        if word[:1].isupper() and word.casefold() not in _NOT_A_TOWN and after != ":":
            return _Town(start + words[0].end(), word)
    return _Town(position, None)


def _balanced(text: str) -> str:
    """Drop a closing bracket that belongs to the text around a town, keep "Bergen (NH)"."""
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text
