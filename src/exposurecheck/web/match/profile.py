"""What the roster says to look for, compiled once per official: name patterns,
phone numbers, e-mail patterns, the home and the household."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat

from exposurecheck.matching.address import normalise_city
from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.matching.names import PersonName, normalise_name_text, parse_person_name
from exposurecheck.models import Address, HouseholdMember, Official
from exposurecheck.web.match.text import fold


@dataclass(frozen=True)
class Member:
    parsed: PersonName
    first: re.Pattern[str]  # the first name, on folded text
    detail: str
    surname: re.Pattern[str] | None  # as `Profile.surname`
    own_surname: frozenset[str]  # surname words of the member (folded as names are)
    family_surname: frozenset[str]  # of the member and of the official
    official_first: bool  # the official has the same first name ("Willem Maas", "Willem Brouwer")


@dataclass(frozen=True)
class Profile:
    official: Official
    person: PersonName
    surname: re.Pattern[str] | None  # tussenvoegsel + surname part, on folded text
    surname_words: frozenset[str]  # the surname's words, folded as names are
    first: re.Pattern[str] | None  # the first name as the roster writes it, on folded text
    phones: frozenset[str]
    emails: tuple[tuple[str, re.Pattern[str]], ...]
    home: Address | None
    street_hint: str | None  # a few letters any spelling of the street contains
    city: str | None  # normalise_city of the home town
    members: tuple[Member, ...]


def _e164(raw: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


_AT = (r"(?:\s*@\s*|\s*[\[({<]\s*(?:at|@|apenstaart(?:je)?|apestaart(?:je)?)\s*[\])}>]\s*"
       r"|\s+at\s+)")
_DOT = r"(?:\.|\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)"


def _email_pattern(email: str) -> re.Pattern[str]:
    """The address in plain and obfuscated forms ("jan [at] example [dot] nl")."""
    local, _, domain = email.rpartition("@")
    parts = [_DOT.join(re.escape(p) for p in local.split(".")),
             _DOT.join(re.escape(p) for p in domain.split("."))]
    return re.compile(r"(?<![\w.+-])" + _AT.join(parts) + r"(?![\w-])(?!\.[\w-])",
                      re.IGNORECASE)


# A folded name spells "ß" and "æ" with two letters; the page, folded letter for letter,
# keeps them: a name pattern accepts either.
_DIGRAPHS = {"ij": "(?:ij|y)", "ss": "(?:ss|ß)", "ae": "(?:ae|æ)", "oe": "(?:oe|œ)",
             "th": "(?:th|þ)"}
_DIGRAPH = re.compile("|".join(_DIGRAPHS))


def _word_pattern(word: str) -> str:
    return "".join(_DIGRAPHS[part] if part in _DIGRAPHS else re.escape(part)
                   for part in re.split(f"({_DIGRAPH.pattern})", word) if part)


def _name_pattern(prefix: str, core: str) -> str:
    core_pattern = r"[\s-]+".join(_word_pattern(w) for w in core.split())
    if not prefix:
        return core_pattern
    words = r"\s+".join(re.escape(w) for w in prefix.split())
    return rf"(?:{words}\s+)?{core_pattern}"


def _first_name_pattern(first: str) -> re.Pattern[str]:
    """A folded first name as a whole word ("Anne" is not in "Anne-Marie")."""
    return re.compile(rf"(?<![\w'-]){_word_pattern(first)}(?![\w'-])")


def _first_name(member: HouseholdMember, parsed: PersonName) -> str:
    """The first name as written in the roster ("Anne-Marie"), folded."""
    name = member.name.split(",", 1)[1] if "," in member.name else member.name
    words = name.split()
    return fold(strip_diacritics(words[0])) if words else (
        parsed.first_names[0] if parsed.first_names else "")


def _surname_words(person: PersonName) -> frozenset[str]:
    return frozenset(word for surname in person.surnames
                     for word in normalise_name_text(surname).split())


def _surname_pattern(person: PersonName) -> re.Pattern[str] | None:
    """Any surname part with its optional tussenvoegsel, on folded text."""
    parts = [_name_pattern(person.part_prefix(i), core)
             for i, core in enumerate(person.surnames) if core]
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w])") if parts else None


@lru_cache(maxsize=512)
def official_profile(official: Official) -> Profile:
    person = parse_person_name(official.name, official.initials)
    surname = _surname_pattern(person)
    official_surname = _surname_words(person)
    own_first = _first_name(HouseholdMember(name=official.name), person)
    members = []
    for member in official.household:
        parsed = parse_person_name(member.name)
        first = _first_name(member, parsed)
        if len(first) >= 2:
            members.append(Member(parsed,
                                  _first_name_pattern(first),
                                  normalise_name_text(member.name), _surname_pattern(parsed),
                                  _surname_words(parsed),
                                  _surname_words(parsed) | official_surname,
                                  bool(person.first_names) and first == own_first))
    home = official.home
    hint = None
    if home is not None and home.street:
        words = [w for w in re.findall(r"[^\W\d_]+", fold(home.street)) if len(w) >= 4]
        hint = words[-1][:4] if words else None
    first = own_first if person.first_names else ""
    return Profile(
        official=official, person=person, surname=surname, surname_words=official_surname,
        first=_first_name_pattern(first) if len(first) > 1 else None,
        phones=frozenset(p for p in (_e164(raw) for raw in official.phones) if p),
        emails=tuple((e.strip().casefold(), _email_pattern(e.strip().casefold()))
                     for e in official.emails if "@" in e),
        home=home, street_hint=hint,
        city=normalise_city(home.city) if home is not None and home.city else None,
        members=tuple(members))
