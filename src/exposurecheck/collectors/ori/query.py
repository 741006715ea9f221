"""Elasticsearch queries for an official's own data in an Open Raadsinformatie index.

ORI analyses `text` with the standard tokenizer, ASCII folding, lower case and a word
delimiter: "12a" stays one token where "12-a" and "12 a" are two, "1234AB" and "1234 AB"
differ, and "06-12345678" is two tokens where "0612345678" is one. A phrase query is
analysed the same way, so each written form that tokenises differently gets its own
phrase. A hit is a candidate only: the page's text is read with the web matchers.

Every clause sits in one `nested` query on `text_pages`, whose inner hits name the pages
(a phrase never spans two pages there). The same clauses on the flat `text` field catch
documents indexed without `text_pages`; those are read in full afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import phonenumbers

from exposurecheck.matching.address import (
    ABBREVIATED_ENDINGS,
    ABBREVIATED_WORDS,
    normalise_street,
)
from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.matching.names import parse_person_name
from exposurecheck.models import Address, Official
from exposurecheck.web.match.birth_date import DUTCH_MONTHS, DUTCH_SHORT_MONTHS

__all__ = ["DOCUMENT_FIELDS", "INNER_HITS", "PAGES", "candidate_query", "date_forms",
           "full_text_query", "has_clauses", "organizations_query", "phone_forms",
           "street_forms"]

PAGES = "text_pages"
INNER_HITS = "pages"
INNER_PAGE_LIMIT = 100  # Elasticsearch's default index.max_inner_result_window
DOCUMENT_FIELDS = ("@type", "name", "original_url", "url", "content_type", "last_discussed_at",
                   "date_modified", "has_organization_name")

# The endings a line break may split off a street name ("Kerk-" / "straat").
_SPLIT_ENDINGS = ("straat", "singel", "plein", "laan", "weg", "gracht", "kade", "steeg",
                  "dijk", "hof", "park", "pad", "dreef", "markt", "wal", "veld")
_MAX_FORMS = 24  # per value: enough for the written forms, never a runaway query


def _plain(text: str) -> str:
    """What the analyzer keeps of a text, roughly: folded, lower case, words and numbers."""
    return " ".join(re.findall(r"[^\W_]+", strip_diacritics(text).casefold()))


def street_forms(street: str) -> list[str]:
    """"Burgemeester van Roijensingel" as people write it: in full, "Burg.", "-sngl.", and
    split at a line break ("Roijen- singel")."""
    full = normalise_street(street).split()
    if not full:
        return []
    variants = [full]
    first = ABBREVIATED_WORDS.get(full[0])
    if first:
        variants.append([first, *full[1:]])
    for ending, short in ABBREVIATED_ENDINGS.items():
        last = full[-1]
        if last.endswith(ending) and last != ending:
            variants += [[*v[:-1], last[: -len(ending)] + short] for v in list(variants)]
            break
    for ending in _SPLIT_ENDINGS:
        last = full[-1]
        if last.endswith(ending) and len(last) > len(ending) + 2:
            variants.append([*full[:-1], last[: -len(ending)], ending])
            break
    return list(dict.fromkeys(" ".join(v) for v in variants))[:_MAX_FORMS]


def _house_forms(home: Address) -> list[str]:
    letter = _plain(home.letter or "")
    if not letter:
        return [str(home.number)]
    return [f"{home.number}{letter}", f"{home.number} {letter}"]


def address_phrases(home: Address) -> list[str]:
    """Street and number, and postcode and number, in every tokenisation."""
    phrases = [f"{street} {house}" for street in street_forms(home.street or "")
               for house in _house_forms(home)] if home.street else []
    if home.postcode:
        digits, letters = home.postcode[:4], home.postcode[4:].lower()
        phrases += [f"{code} {house}" for code in (f"{digits}{letters}", f"{digits} {letters}")
                    for house in _house_forms(home)]
    return list(dict.fromkeys(phrases))


def postcode_phrases(home: Address) -> list[str]:
    """The postcode alone: with the number elsewhere on the page ("8011 SV Zwolle, nr 23")."""
    if not home.postcode:
        return []
    digits, letters = home.postcode[:4], home.postcode[4:].lower()
    return [f"{digits}{letters}", f"{digits} {letters}"]


_GROUPINGS = {8: ((8,), (4, 4), (2, 2, 2, 2), (2, 3, 3), (3, 3, 2)),
              7: ((7,), (3, 4), (3, 2, 2), (2, 2, 3)),
              6: ((6,), (3, 3), (2, 2, 2))}


def _grouped(digits: str, sizes: Sequence[int]) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at:at + size])
        at += size
    return " ".join(parts)


def phone_forms(raw: str) -> list[str]:
    """A Dutch number as people write it: "06-12345678", "06 1234 5678", "+31 6 12345678",
    "0031 6...", "+31 (0)6 ...", "0612345678"; tokens, not characters, tell them apart."""
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return []
    nsn = phonenumbers.national_significant_number(number)
    if not nsn.isdigit():
        return []
    if number.country_code != 31:
        code = number.country_code
        return [f"{code}{nsn}", f"00{code}{nsn}", f"{code} {nsn}", f"00{code} {nsn}"]
    # mobile numbers have the one-digit "area" 6; 085, 088 and 097 numbers a two-digit one
    area_length = 1 if nsn.startswith("6") else (
        phonenumbers.length_of_geographical_area_code(number) or 2)
    area, subscriber = nsn[:area_length], nsn[area_length:]
    forms = [f"0{nsn}", f"31{nsn}", f"0031{nsn}"]
    for sizes in _GROUPINGS.get(len(subscriber), ((len(subscriber),),)):
        rest = _grouped(subscriber, sizes)
        forms += [f"0{area} {rest}", f"31 {area} {rest}", f"31 0 {area} {rest}",
                  f"0031 {area} {rest}"]
    return list(dict.fromkeys(forms))[:_MAX_FORMS]


def date_forms(day: int, month: int, year: int) -> list[str]:
    """A birth date as council documents write it, in words and in figures."""
    long, short = DUTCH_MONTHS[month - 1], DUTCH_SHORT_MONTHS[month - 1]
    numeric = [f"{d}-{m}-{year}" for d in dict.fromkeys((f"{day:02d}", str(day)))
               for m in dict.fromkeys((f"{month:02d}", str(month)))]
    dotted = [form.replace("-", ".") for form in numeric]
    return list(dict.fromkeys([f"{day} {long} {year}", f"{day} {short} {year}",
                               *numeric, *dotted, f"{year}-{month:02d}-{day:02d}"]))


def surnames(name: str) -> list[str]:
    """The surname core(s) of a name: the page must name the person near a date or child."""
    person = parse_person_name(name)
    return [core for core in person.surnames if len(core) >= 2]


def first_names(name: str) -> list[str]:
    person = parse_person_name(name)
    return [first for first in person.first_names if len(first) >= 2]


def _phrase(field: str, text: str) -> dict[str, Any]:
    return {"match_phrase": {field: text}}


def _any(field: str, texts: Iterable[str]) -> dict[str, Any] | None:
    clauses = [_phrase(field, text) for text in dict.fromkeys(texts) if text.strip()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses,
                                                           "minimum_should_match": 1}}


def _all(*clauses: dict[str, Any] | None) -> dict[str, Any] | None:
    if any(clause is None for clause in clauses):
        return None
    return {"bool": {"must": list(clauses)}}


def _clauses(official: Official, field: str) -> list[dict[str, Any]]:
    """One clause per piece of roster data, on `field` (`text` or `text_pages.text`)."""
    clauses: list[dict[str, Any] | None] = []
    home = official.home
    if home is not None:
        clauses.append(_any(field, address_phrases(home)))
        clauses.append(_all(_any(field, postcode_phrases(home)),
                            _phrase(field, str(home.number))))
    clauses += [_any(field, phone_forms(phone)) for phone in official.phones]
    clauses += [_phrase(field, email.strip().casefold()) for email in official.emails
                if email.strip()]
    names = _any(field, surnames(official.name))
    if official.birth_date is not None:
        born = official.birth_date
        clauses.append(_all(_any(field, date_forms(born.day, born.month, born.year)), names))
    own = set(first_names(official.name))
    for member in official.household:
        # a housemate named like the official is never told apart by first name alone
        given = [first for first in first_names(member.name) if first not in own]
        clauses.append(_all(_any(field, given or [_plain(member.name)]), names))
    return [clause for clause in clauses if clause is not None]


def has_clauses(official: Official) -> bool:
    """Whether the roster gives anything ORI could be searched for."""
    return bool(_clauses(official, "text"))


def candidate_query(official: Official, size: int,
                    search_after: Sequence[Any] | None = None) -> dict[str, Any]:
    """One request: every document with a candidate, the matching pages as inner hits."""
    nested = {"nested": {
        "path": PAGES,
        "query": {"bool": {"should": _clauses(official, f"{PAGES}.text"),
                           "minimum_should_match": 1}},
        "inner_hits": {"name": INNER_HITS, "size": INNER_PAGE_LIMIT},
    }}
    flat = {"bool": {"should": _clauses(official, "text"), "minimum_should_match": 1}}
    return _paged({"bool": {"should": [nested, flat], "minimum_should_match": 1}},
                  list(DOCUMENT_FIELDS), size, search_after)


def full_text_query(ids: Sequence[str]) -> dict[str, Any]:
    """The page texts of documents found without `text_pages` inner hits."""
    return {"query": {"ids": {"values": list(ids)}}, "_source": ["text"], "size": len(ids)}


def organizations_query(size: int, search_after: Sequence[Any] | None = None) -> dict[str, Any]:
    """The one Organization document per index: its name and key map a roster's
    organisation to an index (keys cannot be derived from names)."""
    return _paged({"bool": {"filter": [{"match": {"@type": "Organization"}}]}},
                  ["@type", "name", "classification", "collection"], size, search_after)


def _paged(query: dict[str, Any], source: list[str], size: int,
           search_after: Sequence[Any] | None) -> dict[str, Any]:
    """A search in a fixed order (by `_id`) that pages on with `search_after` and counts
    every hit, so no document is read twice or left out between pages."""
    body: dict[str, Any] = {"query": query, "_source": source, "size": size,
                            "sort": [{"_id": "asc"}], "track_total_hits": True}
    if search_after is not None:
        body["search_after"] = list(search_after)
    return body
