"""Dutch address parsing, normalisation and matching.

People, registers and the BAG write the same dwelling in many ways ("Kerkstr. 12-a",
"Kerkstraat 12A", "KERKSTRAAT 12 A"). Everything here turns those into comparable
forms so a business registered at an official's home is found, and a neighbour or
another flat in the same building is not mistaken for it.

Error messages never echo the input: addresses are personal data and messages end
up in logs and reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.models import Address, FieldMatch

__all__ = [
    "AddressMatch",
    "AddressParseError",
    "address_from_register",
    "format_address",
    "house_suffix",
    "match_address",
    "normalise_city",
    "normalise_postcode",
    "normalise_street",
    "parse_address",
]

_EXAMPLE = "e.g. 'Voorbeeldstraat 12A, 1234 AB Voorbeeldstad'"


class AddressParseError(ValueError):
    """An address that cannot be understood; the message never contains the input."""


# --------------------------------------------------------------------------- postcode

_POSTCODE = re.compile(r"([1-9][0-9]{3})\s?([A-Za-z]{2})", re.ASCII)
_NEVER_ISSUED = frozenset({"SA", "SD", "SS"})
# A postcode-like chunk inside a longer line; validated afterwards so a wrong one is
# reported instead of silently becoming part of the city.
_POSTCODE_IN_TEXT = re.compile(r"(?<!\w)[0-9]{4}\s?[A-Za-z]{2}(?!\w)")


def normalise_postcode(raw: str) -> str:
    """Return the register form "1234AB"; people type "1234 ab" or " 1234AB "."""
    match = _POSTCODE.fullmatch(_collapse(raw)) if isinstance(raw, str) else None
    if match is None:
        raise AddressParseError(
            "postcode must be four digits (the first not 0) and two letters, e.g. '1234 AB'"
        )
    letters = match.group(2).upper()
    if letters in _NEVER_ISSUED:
        raise AddressParseError(
            "postcode letters SA, SD and SS are never issued; expected e.g. '1234 AB'"
        )
    return match.group(1) + letters


# --------------------------------------------------------------------------- parsing

_ROMAN = re.compile(r"(?i:i{1,3}|iv|vi{0,3}|ix|xi{0,3})")
# Words people put after a house number; anything else after an undelimited number is
# taken to be the town ("Kerkstraat 12 Ede").
# Kept short on purpose: "ter" or "huis" would eat towns like "Ter Apel".
_SUFFIX_WORDS = frozenset({"h", "hs", "bis", "bg", "bgg", "zw", "rd", "ws", "sous"})
_PO_BOX_WORDS = frozenset({"postbus", "antwoordnummer"})
_COUNTRY_WORDS = frozenset({"nederland", "the netherlands", "netherlands", "nl"})
_MAX_ADDITION = 4


@dataclass(frozen=True)
class _House:
    street: str
    number: int
    letter: str | None
    addition: str | None
    rest: str | None  # words after the suffix: the town when nothing else delimits it


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _looks_like_suffix_piece(piece: str) -> bool:
    """Could this word be (part of) a huisletter/toevoeging rather than a town?"""
    return bool(
        re.fullmatch(r"[A-Za-z]|[0-9]{1,4}|[A-Za-z][0-9]{1,3}|[0-9]{1,3}[A-Za-z]{1,3}", piece)
        or _ROMAN.fullmatch(piece)
        or piece.casefold() in _SUFFIX_WORDS
    )


def _split_suffix(pieces: list[str]) -> tuple[str | None, str | None] | None:
    """Split suffix pieces into (huisletter, toevoeging) the BAG way, or None if invalid.

    A single letter first ("12A", "12-A-2", "12 a") is the huisletter; the rest is the
    toevoeging ("hs", "III", "bis", "2").
    """
    if not pieces:
        return None, None
    letter: str | None = None
    first = re.fullmatch(r"([A-Za-z])([0-9]*)", pieces[0])
    if first:
        letter = first.group(1)
        pieces = [first.group(2), *pieces[1:]]
    addition = "".join(pieces)
    if addition and (not addition.isascii() or not addition.isalnum()):
        return None
    if len(addition) > _MAX_ADDITION:
        return None
    return letter, addition or None


def _house_at(tokens: list[str], index: int, strict: bool) -> _House | None:
    """Try to read tokens[index] as the house number, with the street before it."""
    match = re.fullmatch(r"([0-9]{1,5})([-/]?[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*)?", tokens[index])
    street = " ".join(tokens[:index]).rstrip(",")
    if match is None or int(match.group(1)) == 0 or not re.search(r"[^\W\d_]", street):
        return None
    pieces = [p for p in re.split(r"[-/]", match.group(2) or "") if p]
    after = tokens[index + 1 :]
    taken = 0
    if strict:
        taken = len(after)
    else:
        while taken < len(after) and _looks_like_suffix_piece(after[taken]):
            taken += 1
    for token in after[:taken]:
        pieces.extend(p for p in re.split(r"[-/]", token) if p)
    split = _split_suffix(pieces)
    if split is None:
        return None
    rest = " ".join(after[taken:]) or None
    return _House(street, int(match.group(1)), split[0], split[1], rest)


def _parse_house(text: str, strict: bool) -> _House:
    """Street, number and suffix from "Kerkstraat 12-A-2"; the last workable number wins.

    The last number is the house number so street names with numbers work
    ("Plein 1944 3" is number 3 on Plein 1944). With strict=False trailing words that
    are not suffix-like are returned as `rest` (the town).
    """
    tokens = _collapse(text).split(" ")
    for index in range(len(tokens) - 1, 0, -1):
        house = _house_at(tokens, index, strict)
        if house is not None:
            if house.street.casefold() in _PO_BOX_WORDS:
                raise AddressParseError(
                    f"a PO box (Postbus) is not a dwelling address; expected {_EXAMPLE}"
                )
            return house
    raise AddressParseError(
        "address needs a street and a house number, optionally with a letter and an "
        f"addition of at most {_MAX_ADDITION} characters; expected {_EXAMPLE}"
    )


def split_house_number(text: str) -> tuple[int, str | None, str | None]:
    """(number, letter, addition) from a written house number: "12-a", "95 b", "14-3"."""
    house = _parse_house(f"straat {text}", strict=True)
    return house.number, house.letter, house.addition


def _postcode_and_city(text: str) -> tuple[str | None, str | None]:
    """Split "1234 AB Dorp" / "Dorp 1234AB" / "Dorp" / "1234AB" into postcode and city."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts and parts[-1].casefold() in _COUNTRY_WORDS:
        parts.pop()
    text = " ".join(parts)
    if not text:
        return None, None
    leading = re.fullmatch(r"([0-9]{4}\s?[A-Za-z]{2})(?:\s+(.+))?", text)
    if leading:
        return normalise_postcode(leading.group(1)), leading.group(2)
    trailing = re.fullmatch(r"(.+?)\s+([0-9]{4}\s?[A-Za-z]{2})", text)
    if trailing:
        return normalise_postcode(trailing.group(2)), trailing.group(1)
    if text[0].isdigit():
        raise AddressParseError(
            "postcode must be four digits (the first not 0) and two letters, e.g. '1234 AB'"
        )
    return None, text


def _build(house: _House, postcode: str | None, city: str | None) -> Address:
    return Address(
        street=house.street,
        number=house.number,
        letter=house.letter,
        addition=house.addition,
        postcode=postcode,
        city=_collapse(city) if city else None,
    )


def _split_at_postcode(text: str) -> tuple[_House, str, str | None] | None:
    """Find the postcode that ends the street part ("Kerkstraat 12A 1234AB Dorp").

    Tried from the right so a house number like "Dorpsstraat 1234 hs" that merely
    looks like a postcode falls through when no street is left before it.
    """
    for found in reversed(list(_POSTCODE_IN_TEXT.finditer(text))):
        try:
            house = _parse_house(text[: found.start()], strict=True)
        except AddressParseError:
            continue
        return house, normalise_postcode(found.group(0)), text[found.end() :].strip() or None
    return None


def parse_address(line: str) -> Address:
    """Parse a one-line Dutch address as people and registers write it.

    Accepts "Kerkstr. 12-a, 1234 ab Dorp", "Kerkstraat 12A 1234AB Dorp", KVK
    volledigAdres with runs of spaces, no postcode ("Kerkstraat 12 a, Dorp") and no
    town ("Dorpsstraat 4 hs").
    """
    text = _collapse(line) if isinstance(line, str) else ""
    if not text:
        raise AddressParseError(f"address is empty; expected {_EXAMPLE}")
    head, comma, tail = text.partition(",")
    found = _split_at_postcode(head)
    if found is not None:
        house, postcode, city = found
        if city is None and comma:
            city = _postcode_and_city(tail)[1]
        return _build(house, postcode, city)
    if comma:
        postcode_or_none, city = _postcode_and_city(tail)
        return _build(_parse_house(head, strict=True), postcode_or_none, city)
    house = _parse_house(head, strict=False)
    return _build(house, None, house.rest)


# --------------------------------------------------------------------------- normalising


def _fold(text: str) -> str:
    """Casefolded, diacritics stripped, typographic apostrophes and hyphens unified."""
    text = strip_diacritics(text).casefold()
    text = re.sub(r"[\u2018\u2019\u201b\u0060\u00b4\u2032]", "'", text)
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


# Whole-word abbreviations (with or without the dot) in street names.
_STREET_WORDS = {
    "burg": "burgemeester",
    "st": "sint",
    "pr": "prins",
    "kon": "koningin",
    "dr": "dokter",
    "prof": "professor",
    "jhr": "jonkheer",
    "mr": "meester",
    "v": "van",
    "1e": "eerste",
    "1ste": "eerste",
    "2e": "tweede",
    "2de": "tweede",
    "3e": "derde",
    "3de": "derde",
    "4e": "vierde",
    "5e": "vijfde",
    "6e": "zesde",
    "7e": "zevende",
    "8e": "achtste",
    "9e": "negende",
    "10e": "tiende",
}
# Abbreviated endings; only with the dot (except "str") so real words are left alone.
_STREET_ENDINGS = (
    ("str.", "straat"),
    ("str", "straat"),
    ("sngl.", "singel"),
    ("pln.", "plein"),
    ("ln.", "laan"),
    ("wg.", "weg"),
    ("gr.", "gracht"),
    ("kd.", "kade"),
)


# The other way round, for searches that must spell each form out: "burgemeester" ->
# "burg", "straat" -> "str" (one-letter and numbered words are left as they are).
ABBREVIATED_WORDS = {full: short for short, full in _STREET_WORDS.items()
                     if short.isalpha() and len(short) > 1}
ABBREVIATED_ENDINGS = {full: short.rstrip(".") for short, full in _STREET_ENDINGS}


def _expand_street_word(word: str) -> str:
    bare = word.rstrip(".")
    if bare in _STREET_WORDS:
        return _STREET_WORDS[bare]
    for ending, full in _STREET_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] + full
    return word


@lru_cache(maxsize=4096)  # a page repeats its streets; match_address runs per house number
def normalise_street(street: str) -> str:
    """Canonical street key: "Burg. de Withstr." and "Burgemeester de Withstraat" agree."""
    text = _fold(street)
    text = re.sub(r"\.(?=[^\W\d_])", ". ", text)  # "Pr.Hendrikkade" -> "Pr. Hendrikkade"
    text = re.sub(r"[-/,()]", " ", text)
    text = re.sub(r"[^\w\s.']", "", text)  # before expanding: "1e" + a control character
    text = re.sub(r"(?<=[\w.])'|'(?![st](?!\w))", "", text)  # only "'s" and "'t" keep theirs
    words = [_expand_street_word(word) for word in text.split()]
    text = " ".join(words)
    text = re.sub(r"[^\w\s]", "", text)  # "'s" -> "s", leftover dots
    return " ".join(text.split())


_CITY_ALIASES = {
    "den haag": "'s-gravenhage",
    "the hague": "'s-gravenhage",
    "den bosch": "'s-hertogenbosch",
}


@lru_cache(maxsize=4096)
def normalise_city(city: str) -> str:
    """Canonical town key: official and common names ('s-Gravenhage/Den Haag) agree.

    A province qualifier is kept ("Bergen (NH)" and "Bergen (L)" are different towns).
    """
    text = _fold(city).replace(".", "")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"^'?s[\s-]+", "'s-", " ".join(text.split()))
    text = re.sub(r"\(([^()]*)\)", lambda m: f"({m.group(1).strip()})", text)
    return _CITY_ALIASES.get(text, text)


_ROMAN_VALUES = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
_GROUND_FLOOR = {"hs": "h", "huis": "h"}


def house_suffix(letter: str | None, addition: str | None) -> str:
    """Comparable huisletter+toevoeging: "12A", "12 a" and "12-A" all give "A".

    Separators and case are ignored. Multi-letter Roman floor numbers written by
    people ("10-III") and "hs"/"huis" are mapped to the BAG forms ("3", "H").
    """
    cleaned_addition = re.sub(r"[\s\-/_.]", "", addition or "").casefold()
    cleaned_addition = _ROMAN_VALUES.get(cleaned_addition, cleaned_addition)
    cleaned_addition = _GROUND_FLOOR.get(cleaned_addition, cleaned_addition)
    cleaned_letter = re.sub(r"[\s\-/_.]", "", letter or "")
    return (cleaned_letter + cleaned_addition).upper()


# --------------------------------------------------------------------------- matching

_STREET_THRESHOLD = 0.9
_SHORT_NAME_MIN = 15  # BAG keeps a short street name of at most 24 characters
_STREET_TRUNCATED_SCORE = 0.95
_WEIGHTS = {"postcode": 4.0, "huisnummer": 3.0, "suffix": 2.0, "street": 2.0, "city": 1.0}
_DWELLING_FLOOR = 0.8
_BUILDING_CAP = 0.79
_OTHER_CAP = 0.49


@dataclass(frozen=True)
class AddressMatch:
    """How well a register address fits a home address.

    score tiers: same dwelling >= 0.8; same building only 0.5-0.79; otherwise < 0.5.
    """

    same_dwelling: bool
    same_building: bool
    score: float
    fields: tuple[FieldMatch, ...]


def _street_score(home: str | None, other: str | None) -> float | None:
    """Similarity of two street names in [0, 1]; None when either is unknown."""
    if not home or not other:
        return None
    a, b = normalise_street(home), normalise_street(other)
    if not a or not b:
        return None
    score = fuzz.ratio(a, b) / 100.0
    if score >= _STREET_THRESHOLD:
        return score
    a_flat, b_flat = a.replace(" ", ""), b.replace(" ", "")
    short, long = sorted((a_flat, b_flat), key=len)
    if len(short) >= _SHORT_NAME_MIN and long.startswith(short):
        return _STREET_TRUNCATED_SCORE
    return score


def _city_score(home: str | None, other: str | None) -> float | None:
    if not home or not other:
        return None
    return 1.0 if normalise_city(home) == normalise_city(other) else 0.0


def _postcode_key(postcode: str | None) -> str | None:
    if not postcode:
        return None
    try:
        return normalise_postcode(postcode)
    except AddressParseError:
        return None


def match_address(home: Address, other: Address) -> AddressMatch:
    """Is `other` (a register address) the official's dwelling, or their building?

    Postcode + number + suffix identify a dwelling; without a postcode on both sides,
    street and town must both agree. "12" is not "12A".
    """
    scores: dict[str, float] = {
        "huisnummer": 1.0 if home.number == other.number else 0.0,
        "suffix": 1.0
        if house_suffix(home.letter, home.addition) == house_suffix(other.letter, other.addition)
        else 0.0,
    }
    home_pc, other_pc = _postcode_key(home.postcode), _postcode_key(other.postcode)
    if home_pc and other_pc:
        scores["postcode"] = 1.0 if home_pc == other_pc else 0.0
    street = _street_score(home.street, other.street)
    if street is not None:
        scores["street"] = street
    city = _city_score(home.city, other.city)
    if city is not None:
        scores["city"] = city

    street_ok = scores.get("street", 0.0) >= _STREET_THRESHOLD
    if "postcode" in scores:
        place_ok = scores["postcode"] == 1.0
    else:
        place_ok = street_ok and scores.get("city", 0.0) == 1.0
    same_building = place_ok and scores["huisnummer"] == 1.0
    same_dwelling = same_building and scores["suffix"] == 1.0

    total = sum(_WEIGHTS[name] for name in scores)
    score = sum(_WEIGHTS[name] * value for name, value in scores.items()) / total
    if same_dwelling:
        score = max(score, _DWELLING_FLOOR)
    elif same_building:
        score = min(score, _BUILDING_CAP)
    else:
        score = min(score, _OTHER_CAP)

    matched = {"street": street_ok}
    fields = tuple(
        FieldMatch(field=name, score=round(value, 4))
        for name, value in scores.items()
        if matched.get(name, value == 1.0)
    )
    return AddressMatch(same_dwelling, same_building, round(score, 4), fields)


# --------------------------------------------------------------------------- register


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = _collapse(str(value))
    return text or None


def _register_number(huisnummer: int | str | None) -> int | None:
    if isinstance(huisnummer, bool):
        return None
    if isinstance(huisnummer, int):
        return huisnummer if huisnummer > 0 else None
    text = _clean(huisnummer)
    if text and text.isascii() and text.isdigit() and int(text) > 0:
        return int(text)
    return None


def _parse_volledig(volledig_adres: str) -> Address | None:
    """Parse volledigAdres: street line and postcode/town line are split by a run of spaces.

    A broken postcode is dropped rather than failing the whole address.
    """
    chunks = re.split(r"\s{2,}", volledig_adres.strip())
    try:
        house = parse_address(chunks[0])
    except AddressParseError:
        return None
    if len(chunks) == 1:
        return house
    place = " ".join(chunks[1:])
    try:
        postcode, city = _postcode_and_city(place)
    except AddressParseError:
        postcode, city = None, re.sub(r"^\S*[0-9]\S*\s*", "", place)
    return house.model_copy(update={"postcode": postcode, "city": city or house.city})


def address_from_register(
    *,
    straatnaam: str | None,
    huisnummer: int | str | None,
    huisletter: str | None,
    huisnummer_toevoeging: str | None,
    postcode: str | None,
    plaats: str | None,
    volledig_adres: str | None = None,
) -> Address | None:
    """Build an Address from a KVK address object; None for a PO box or no house number.

    The register puts a letter in either huisletter or huisnummerToevoeging, pads
    volledigAdres with spaces and may carry a malformed postcode (dropped, not raised).
    """
    street = _clean(straatnaam)
    full = _clean(volledig_adres)
    if (street and street.casefold() in _PO_BOX_WORDS) or (
        full and full.split(" ")[0].casefold() in _PO_BOX_WORDS
    ):
        return None
    number = _register_number(huisnummer)
    letter, addition = _clean(huisletter), _clean(huisnummer_toevoeging)
    if number is None:
        parsed = _parse_volledig(volledig_adres) if volledig_adres else None
        if parsed is None:
            return None
        number, letter, addition = parsed.number, parsed.letter, parsed.addition
        street = street or parsed.street
        postcode = _postcode_key(postcode) or parsed.postcode
        plaats = plaats or parsed.city
    if letter is None and addition and re.fullmatch(r"[A-Za-z]", addition):
        letter, addition = addition, None
    return Address(
        street=street,
        number=number,
        letter=letter,
        addition=addition,
        postcode=_postcode_key(postcode),
        city=_clean(plaats),
    )


def format_address(address: Address) -> str:
    """Human form "Kerkstraat 12A-2, 1234 AB Dorp" for reports."""
    house = f"{address.number}{(address.letter or '').upper()}"
    if address.addition:
        house += f"-{address.addition}"
    first = f"{address.street} {house}" if address.street else house
    postcode = _postcode_key(address.postcode)
    pc_text = f"{postcode[:4]} {postcode[4:]}" if postcode else (address.postcode or "")
    place = " ".join(part for part in (pc_text, address.city or "") if part)
    return f"{first}, {place}" if place else first
