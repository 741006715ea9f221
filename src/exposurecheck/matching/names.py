"""Dutch personal names: parsing, normalising and finding a person in a trade name.

An eenmanszaak's trade name often contains the owner's name ("Klusbedrijf J.W. van
den Berg"); the register does not show the owner otherwise. Dutch names vary in
ways naive comparison misses: initials with or without dots, tussenvoegsels
("van den") capitalised or not and sometimes written after the surname, married
names ("Jansen-de Vries"), diacritics (Çelik/Celik) and ij/y (Meijden/Meyden).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.models import FieldMatch

__all__ = [
    "NameMatch",
    "PersonName",
    "match_person",
    "normalise_name_text",
    "parse_person_name",
    "search_terms",
]

# Tussenvoegsels (plain form). Kept to real prefixes: everyday words that are also
# prefixes ("op", "aan", "voor", "uit") are included because they occur in names.
_PREFIX_WORDS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "t", "te", "ten", "ter", "in", "op", "aan",
        "bij", "uit", "voor", "onder", "over", "'s", "la", "le", "du", "des", "da", "di",
        "del", "dos", "das", "von", "zu", "vom", "l'", "d'",
    }
)  # fmt: skip
# Words that begin a surname without being a tussenvoegsel: the register writes "El
# Idrissi" and "Al Amrani" as the surname, sorted under E and A.
_SURNAME_PARTICLES = frozenset({"el", "al", "abou", "abu", "ait"})
_PREFIX_ABBREVIATIONS = frozenset({"v.", "v", "v.d.", "v.d", "vd", "v/d", "v.d.r.", "vdr"})
_TITLES = frozenset(
    {"dr", "drs", "mr", "ir", "ing", "prof", "ds", "dhr", "mw", "mevr", "mevrouw", "bc"}
)
_DEGREES = frozenset({"msc", "bsc", "mba", "llm", "phd"})  # not "ma": also a surname
_GENDER_MARKS = frozenset({"m", "v", "x", "f", "man", "vrouw"})
# Letter groups that look like initials in trade names but are legal forms and such.
_NOT_INITIALS = frozenset(
    {
        "bv", "nv", "vof", "cv", "eo", "ua", "ba", "io", "wa", "vve", "ea", "zn", "nl", "dj",
        "tv", "pc", "ict", "mkb", "pr", "hr", "gmbh", "ltd", "bvba", "sbi",
    }
)  # fmt: skip
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class PersonName:
    """A person's name split into comparable parts (all casefolded, no diacritics).

    `surname_prefixes` holds the tussenvoegsel of each surname part ("Jansen-de Vries"
    -> ("", "de")); `prefix` is the one of the first part. It defaults to () for
    callers that build a PersonName by hand: then `prefix` belongs to the first part.
    """

    first_names: tuple[str, ...]
    initials: str
    prefix: str
    surnames: tuple[str, ...]
    surname_prefixes: tuple[str, ...] = ()

    def part_prefix(self, index: int) -> str:
        """The tussenvoegsel that belongs to surname part `index`."""
        if index < len(self.surname_prefixes):
            return self.surname_prefixes[index]
        return self.prefix if index == 0 else ""


# --------------------------------------------------------------------------- normalising


def _unify(text: str) -> str:
    """Typographic apostrophes and dashes to ASCII, whitespace collapsed."""
    text = re.sub(r"[\u2018\u2019\u201b\u0060\u00b4\u2032]", "'", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def _plain(text: str) -> str:
    """The stored form: casefolded, diacritics stripped, apostrophes kept ("in 't")."""
    return _unify(strip_diacritics(text).casefold())


_INITIALS_TOKEN = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")


def _normalise_token(token: str) -> str:
    if _INITIALS_TOKEN.fullmatch(token):
        return token if token.endswith(".") else token + "."
    words = token.replace(".", " ").split()
    return " ".join(re.sub(r"(?<=[^\W\d_])ij", "y", word) for word in words)


def normalise_name_text(text: str) -> str:
    """Comparison form of names and trade names.

    Casefolded, no diacritics or apostrophes, ij inside a word as y ("Meijden" ->
    "meyden"), punctuation as spaces, but initials kept as "j.w." so they can be told
    apart from words ("J.W.", "J. W." pieces, "J-W." all stay recognisable).
    """
    text = strip_diacritics(text).casefold()
    text = re.sub(r"['\u2018\u2019\u201b\u0060\u00b4\u2032]", "", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"(?<!\w)v\s*/\s*d(?!\w)\.?", "v.d.", text)
    text = re.sub(r"(?<![^\W\d_])([^\W\d_])\.?-(?=[^\W\d_]\.)", r"\1.", text)
    text = re.sub(r"[^\w.]|_", " ", text)
    return " ".join(folded for folded in map(_normalise_token, text.split()) if folded)


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Word:
    text: str  # original case
    hyphen_before: bool  # joined to the previous word by a hyphen

    @property
    def plain(self) -> str:
        return _plain(self.text)


def _is_initials_word(word: str, all_caps_name: bool) -> bool:
    """Initials: "J.W.", "J-W.", "Th.", "J" and (in a mixed-case name) "JW"."""
    if "." in word:
        return True
    letters = word.replace("-", "")
    if len(letters) == 1 and letters.isalpha():
        return True
    if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() and not _is_prefix(word):
        return not all_caps_name or not (set(letters.casefold()) & _VOWELS)
    return False


def _is_prefix(word: str, abbreviations: bool = False) -> bool:
    plain = _plain(word)
    return plain in _PREFIX_WORDS or (abbreviations and plain in _PREFIX_ABBREVIATIONS)


def _initial_letters(text: str) -> str:
    """Letters of an initials group: "J.W." / "J-W." / "JW" -> "jw", "Th." -> "t"."""
    plain = _plain(text)
    segments = [s for s in re.split(r"[.\-\s]+", plain) if s]
    if len(segments) == 1 and "." not in plain and "-" not in plain:
        return "".join(ch for ch in segments[0] if ch.isalpha())
    return "".join(s[0] for s in segments if s[0].isalpha())


def _words(tokens: Iterable[str], all_caps_name: bool) -> list[_Word]:
    """Split whitespace tokens on hyphens, remembering the joins; initials stay whole."""
    words: list[_Word] = []
    pending_hyphen = False
    for token in tokens:
        if token == "-":
            pending_hyphen = True
            continue
        if _is_initials_word(token, all_caps_name):
            words.append(_Word(token, pending_hyphen))
        else:
            for index, piece in enumerate(token.split("-")):
                if piece:
                    words.append(_Word(piece, pending_hyphen or (index > 0)))
        pending_hyphen = token.endswith("-")
    return words


def _surname_start(words: Sequence[_Word], all_caps_name: bool) -> int:
    """Index where the surname begins in "given names + surname" order.

    At the first free-standing tussenvoegsel ("Jan van den Berg"; "Van den Berg" at 0),
    otherwise at the start of the last hyphen chain ("Petra Jansen-de Vries"). A
    tussenvoegsel after a hyphen and the ones that follow it ("Jansen-van der Berg")
    belong to a married-name part, they start nothing.
    """
    last_core = max((i for i, w in enumerate(words)
                     if not _is_prefix(w.text, abbreviations=True)), default=-1)
    joined = False  # inside a tussenvoegsel that follows a hyphen
    for index, word in enumerate(words):
        prefix = _is_prefix(word.text, abbreviations=index > 0)
        joined = prefix and (word.hyphen_before or joined)
        if joined or not prefix:
            continue
        if last_core > index:  # a surname follows the tussenvoegsel
            return index
    particle = next((i for i, w in enumerate(words[1:-1], start=1)
                     if w.plain in _SURNAME_PARTICLES), None)
    if particle is not None and not any(w.hyphen_before for w in words[1:particle + 1]):
        return particle  # "Ahmed El Idrissi": "El Idrissi" is the surname
    index = len(words) - 1
    while index > 0:
        previous = words[index - 1]
        if words[index].hyphen_before or (
            _is_prefix(previous.text) and not _is_initials_word(previous.text, all_caps_name)
        ):
            index -= 1
        else:
            break
    return index


def _surname_parts(words: Sequence[_Word]) -> list[tuple[str, str]]:
    """(prefix, core) per married-name part; trailing prefixes move to the front."""
    groups: list[list[_Word]] = []
    for word in words:
        if not groups or word.hyphen_before:
            groups.append([])
        groups[-1].append(word)
    parts: list[tuple[str, str]] = []
    for group in groups:
        plains = [w.plain if w.plain in _PREFIX_ABBREVIATIONS else w.plain.strip(".")
                  for w in group]  # keep "v.d." recognisable as an abbreviation
        flags = [_is_prefix(w.text, abbreviations=True) for w in group]
        lead = 0
        while lead < len(group) and flags[lead]:
            lead += 1
        trail = len(group)
        while trail > lead and flags[trail - 1]:
            trail -= 1
        core = plains[lead:trail]
        prefix = plains[:lead] + plains[trail:]
        if not core:
            core, prefix = plains, []
        parts.append((" ".join(prefix), " ".join(core)))
    return parts


def _strip_titles(tokens: list[str]) -> list[str]:
    """Drop "dr."/"mr."/"de heer" in front and "MSc" behind: not part of the name."""
    while len(tokens) > 1:
        plain = _plain(tokens[0]).rstrip(".")
        if plain in _TITLES:
            tokens = tokens[1:]
        elif plain == "de" and _plain(tokens[1]).rstrip(".") in {"heer", "hr"}:
            tokens = tokens[2:]
        else:
            break
    while len(tokens) > 2 and _plain(tokens[-1]).replace(".", "") in _DEGREES:
        tokens = tokens[:-1]
    return tokens


def _bracketed(name: str) -> tuple[str, list[str]]:
    """Remove "(Jan-Willem)" and "(m)" as on Kiesraad lists; return the first names."""
    extra: list[str] = []
    for content in re.findall(r"\(([^()]*)\)", name):
        if _plain(content).strip(" .") not in _GENDER_MARKS:
            extra.extend(p for p in re.split(r"[\s\-]+", content) if p)
    return re.sub(r"\([^()]*\)", " ", name), extra


def _given(words: Sequence[_Word], all_caps_name: bool) -> tuple[list[str], str]:
    """First names and the initials they imply, in order ("Jan W." -> ["jan"], "jw")."""
    first_names: list[str] = []
    initials = ""
    for word in words:
        if _is_initials_word(word.text, all_caps_name):
            initials += _initial_letters(word.text)
        else:
            plain = word.plain.strip(".'")
            if plain:
                first_names.append(plain)
                initials += plain[0]
    return first_names, initials


def parse_person_name(name: str, initials: str | None = None) -> PersonName:
    """Split a Dutch name as written in rosters, EML lists and on websites.

    Handles "Jan-Willem van den Berg", "Berg, J.W. van den", "J.W. van den Berg",
    "Van den Berg", "Petra Jansen-de Vries", "Kolk - Kruithof" and a lone first name
    ("Sanne"; unless `initials` is given, then a lone word is the surname).
    """
    text, bracket_names = _bracketed(_unify(name or ""))
    all_caps = text.upper() == text
    head, comma, tail = text.partition(",")
    if comma:
        given_tokens = _strip_titles(tail.replace(",", " ").split())
        moved: list[str] = []
        while given_tokens and _is_prefix(given_tokens[-1], abbreviations=True):
            moved.insert(0, given_tokens.pop())
        given_words = _words(given_tokens, all_caps)
        surname_words = _words([*moved, *head.split()], all_caps)
    else:
        words = _words(_strip_titles(text.split()), all_caps)
        start = _surname_start(words, all_caps)
        lone = bool(words) and len(text.split()) == 1 and not _is_prefix(words[0].text)
        if lone and initials is None:
            start = len(words)
        given_words, surname_words = words[:start], words[start:]
        if surname_words:
            surname_words[0] = _Word(surname_words[0].text, False)
    first_names, derived = _given(given_words, all_caps)
    if not first_names and bracket_names:
        first_names = [_plain(n) for n in bracket_names]
        derived = derived or "".join(n[0] for n in first_names)
    parts = _surname_parts(surname_words)
    explicit = _initial_letters(initials) if initials and initials.strip() else ""
    return PersonName(
        first_names=tuple(first_names),
        initials=explicit or derived,
        prefix=parts[0][0] if parts else "",
        surnames=tuple(core for _, core in parts),
        surname_prefixes=tuple(prefix for prefix, _ in parts),
    )


def search_terms(person: PersonName) -> tuple[str, ...]:
    """Lower-case surname(s) with their tussenvoegsel, for a register name search.

    One term per married-name part: the register's substring search finds
    "Fotografie De Vries" only with "de vries", not with "jansen-de vries".
    """
    terms: list[str] = []
    for index, core in enumerate(person.surnames):
        prefix = person.part_prefix(index)
        if prefix.replace(".", "").replace("/", "") != prefix:  # "v.d." is no search term
            prefix = ""
        term = f"{prefix} {core}".strip()
        if term and term not in terms:
            terms.append(term)
    return tuple(terms)


# --------------------------------------------------------------------------- matching

_SURNAME_THRESHOLD = 0.9
_PREFIX_THRESHOLD = 0.8
_FIRST_NAME_THRESHOLD = 0.9
_MISSING_PREFIX_FACTOR = 0.7
_SURNAME_BASE = 0.5
_FULL_BASE = 0.6
_MAX_PREFIX_WORDS = 3
# First names and initials read next to a surname: nobody has more, and a page of
# "Willem Willem Willem ..." must not make every surname read all of them (quadratic).
_MAX_GIVEN_WORDS = 6
_ABBREVIATED_PREFIX_SCORE = 0.95
_SPELLED_INITIALS_SCORE = 0.5

Strength = Literal["none", "surname", "full"]


@dataclass(frozen=True)
class NameMatch:
    """Whether a text mentions a person: by surname only, or with given name evidence."""

    strength: Strength
    score: float
    fields: tuple[FieldMatch, ...]


_NO_MATCH = NameMatch("none", 0.0, ())


def _ratio(a: str, b: str) -> float:
    return float(fuzz.ratio(a, b)) / 100.0


def _folded_prefix_words() -> frozenset[str]:
    return frozenset(normalise_name_text(w) for w in _PREFIX_WORDS if len(w.strip("'")) > 1)


_TEXT_PREFIX_WORDS = _folded_prefix_words() | {"t", "s"}
_TEXT_PREFIX_ABBREVIATIONS = frozenset({"v.", "v.d.", "vd", "v.d.r.", "vdr"})


def _is_abbreviation(prefix: str) -> bool:
    return prefix in _TEXT_PREFIX_ABBREVIATIONS


def _prefix_score(person_prefix: str, text_prefix: str) -> float:
    """How well two folded tussenvoegsels agree; "v.d." fits any "van de(n/r)"."""
    if person_prefix == text_prefix:
        return 1.0
    for short, full in ((person_prefix, text_prefix), (text_prefix, person_prefix)):
        if short in {"v.", "v"} and full.split(" ")[0] == "van":
            return _ABBREVIATED_PREFIX_SCORE
        if _is_abbreviation(short) and full in {"van de", "van den", "van der"}:
            return _ABBREVIATED_PREFIX_SCORE
    return _ratio(person_prefix, text_prefix)


def _is_text_prefix(token: str, person_prefix: str) -> bool:
    if token in _TEXT_PREFIX_WORDS:
        return True
    return _is_abbreviation(token) and person_prefix.startswith(("van", "v"))


def _prefix_before(tokens: Sequence[str], index: int, person_prefix: str) -> int:
    """Start index of the tussenvoegsel words right before tokens[index]."""
    start = index
    while start > 0 and index - start < _MAX_PREFIX_WORDS:
        if not _is_text_prefix(tokens[start - 1], person_prefix):
            break
        start -= 1
    return start


def _text_initials(token: str, person: PersonName) -> str | None:
    """Initials a token stands for ("j.w.", "jw", "j"), or None if it is a word."""
    letters = token.replace(".", "")
    if not letters.isalpha() or letters in _NOT_INITIALS:
        return None
    if letters in _TITLES and "." not in token.rstrip("."):
        return None  # "dhr.", "mw.", "mr.": a title ("m.r." stays initials)
    if "." in token or len(letters) == 1:
        return letters
    if len(letters) <= 3 and (not set(letters) & _VOWELS or letters == person.initials):
        return letters
    return None


@dataclass(frozen=True)
class _Given:
    initials: str  # letters the text gives, in order; first names count with their letter
    explicit: bool  # at least one real initial (not only first names)
    first_name_scores: tuple[float, ...]


@lru_cache(maxsize=4096)
def _folded(name_part: str) -> str:
    """A person's name part in text form, worked out once (match_person runs per token)."""
    return normalise_name_text(name_part)


@lru_cache(maxsize=1024)
def _folded_names(first_names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_folded(n) for n in first_names)


def _first_name_score(token: str, first_names: tuple[str, ...]) -> float:
    best = max((_ratio(token, n) for n in _folded_names(first_names)), default=0.0)
    return best if best >= _FIRST_NAME_THRESHOLD else 0.0


def _given_tokens(tokens: Sequence[str], person: PersonName) -> _Given:
    """Read initials and first names from tokens next to the surname (nearest last)."""
    letters, explicit, scores = "", False, []
    for token in tokens:
        found = _text_initials(token, person)
        score = _first_name_score(token, person.first_names) if found is None else 0.0
        if found is not None:
            letters, explicit = letters + found, True
        elif score:
            letters += token[0]
            scores.append(score)
    return _Given(letters, explicit, tuple(scores))


def _is_given(token: str, person: PersonName) -> bool:
    return (
        _text_initials(token, person) is not None
        or _first_name_score(token, person.first_names) > 0
    )


def _given_left(tokens: Sequence[str], start: int, person: PersonName) -> _Given:
    index = start
    while index > 0 and start - index < _MAX_GIVEN_WORDS and _is_given(tokens[index - 1], person):
        index -= 1
    given = _given_tokens(tokens[index:start], person)
    if not given.initials:
        return _spelled_initials(tokens, start, person) or given
    return given


def _spelled_initials(tokens: Sequence[str], start: int, person: PersonName) -> _Given | None:
    """First names before the surname that spell the known initials ("Jan Willem" = J.W.).

    Only used when the person's first names are unknown (a roster with initials) and
    there are at least two initials: one word starting with "j" proves nothing.
    """
    size = len(person.initials)
    if person.first_names or size < 2 or start < size:
        return None
    words = tokens[start - size : start]
    if any(not w.isalpha() or w in _TEXT_PREFIX_WORDS for w in words):
        return None
    if "".join(w[0] for w in words) != person.initials:
        return None
    return _Given(person.initials, False, (_SPELLED_INITIALS_SCORE,) * size)


def _given_right(tokens: Sequence[str], end: int, person: PersonName) -> _Given:
    index = end
    while index < len(tokens) and index - end < _MAX_GIVEN_WORDS and _is_given(tokens[index],
                                                                                person):
        index += 1
    return _given_tokens(tokens[end:index], person)


def _initials_score(text: str, person: str) -> float | None:
    """1.0 same initials, 0.9/0.8 one a prefix of the other, None on a conflict."""
    if text == person:
        return 1.0
    if text.startswith(person):
        return 0.9
    if person.startswith(text):
        return 0.8
    return None


@dataclass(frozen=True)
class _Occurrence:
    strength: Strength
    score: float
    fields: tuple[FieldMatch, ...]


def _surname_at(
    tokens: Sequence[str], index: int, core: str, person_prefix: str
) -> tuple[float, int, str] | None:
    """(surname score, prefix start, text prefix) if the surname part stands at index."""
    size = len(core.split(" "))
    window = " ".join(tokens[index : index + size])
    prefix_start = _prefix_before(tokens, index, person_prefix)
    text_prefix = " ".join(tokens[prefix_start:index])
    score = _ratio(window, core)
    if score >= _SURNAME_THRESHOLD:
        return score, prefix_start, text_prefix
    if person_prefix and text_prefix:
        unit = _ratio(f"{text_prefix} {window}", f"{person_prefix} {core}")
        if unit >= _SURNAME_THRESHOLD:
            return unit, prefix_start, text_prefix
    if person_prefix and size == 1:
        glued = _ratio(window, f"{person_prefix}{core}".replace(" ", ""))
        if glued >= _SURNAME_THRESHOLD:  # "VandenBerg Bouw"
            return glued, index, person_prefix
    return None


def _right_prefix(tokens: Sequence[str], end: int, person_prefix: str) -> str:
    """A tussenvoegsel written after the surname or initials ("Berg, J.W. van den")."""
    index = end
    while index < len(tokens) and index - end < _MAX_GIVEN_WORDS and _is_given(
            tokens[index], _EMPTY_PERSON):
        index += 1
    for start in (end, index):
        stop = start
        while stop < len(tokens) and stop - start < _MAX_PREFIX_WORDS:
            if not _is_text_prefix(tokens[stop], person_prefix):
                break
            stop += 1
        found = " ".join(tokens[start:stop])
        if found and _prefix_score(person_prefix, found) >= _PREFIX_THRESHOLD:
            return found
    return ""


_EMPTY_PERSON = PersonName((), "", "", ())


def _occurrence(
    tokens: Sequence[str], index: int, part: int, person: PersonName
) -> _Occurrence | None:
    core = _folded(person.surnames[part])
    person_prefix = _folded(person.part_prefix(part))
    found = _surname_at(tokens, index, core, person_prefix)
    if found is None:
        return None
    surname_score, prefix_start, text_prefix = found
    end = index + len(core.split(" "))
    if not text_prefix and person_prefix:
        text_prefix = _right_prefix(tokens, end, person_prefix)
    fields = [FieldMatch(field="surname", score=round(surname_score, 4))]
    factor = 1.0
    if text_prefix and not person_prefix:
        return None  # "De Berg" is another surname than "Berg"
    if person_prefix and not text_prefix:
        factor = _MISSING_PREFIX_FACTOR
    elif person_prefix:
        prefix_score = _prefix_score(person_prefix, text_prefix)
        if prefix_score < _PREFIX_THRESHOLD:
            return None
        factor = prefix_score
        fields.append(FieldMatch(field="prefix", score=round(prefix_score, 4)))
    given = _given_left(tokens, prefix_start, person)
    if not given.initials:
        given = _given_right(tokens, end, person)
    given_score = 0.0
    if given.explicit and person.initials:
        initials_score = _initials_score(given.initials, person.initials)
        if initials_score is None:
            return None  # "K. van den Berg" is someone else
        given_score = initials_score
        fields.append(FieldMatch(field="initials", score=initials_score))
    if given.first_name_scores:
        coverage = len(given.first_name_scores) / max(len(person.first_names), 1)
        mean = sum(given.first_name_scores) / len(given.first_name_scores)
        name_score = mean * (0.8 + 0.2 * min(coverage, 1.0))
        fields.append(FieldMatch(field="first_name", score=round(name_score, 4)))
        given_score = max(given_score, name_score)
    base = _FULL_BASE + (1 - _FULL_BASE) * given_score if given_score else _SURNAME_BASE
    strength: Strength = "full" if given_score else "surname"
    return _Occurrence(strength, base * surname_score * factor, tuple(fields))


def _rank(occurrence: _Occurrence) -> tuple[int, float]:
    return (2 if occurrence.strength == "full" else 1, occurrence.score)


def match_person(person: PersonName, text: str) -> NameMatch:
    """Does `text` (a trade name) mention `person`?

    The surname must be there (fuzzy); "full" also needs a matching first name or
    consistent initials next to it. A first name alone never matches; a different
    initial right next to the surname means another person.
    """
    tokens = normalise_name_text(text or "").split()
    if not person.surnames or not tokens:
        return _NO_MATCH
    best: _Occurrence | None = None
    parts_found: set[int] = set()
    for part in range(len(person.surnames)):
        for index in range(len(tokens)):
            checkpoint()
            occurrence = _occurrence(tokens, index, part, person)
            if occurrence is None:
                continue
            parts_found.add(part)
            if best is None or _rank(occurrence) > _rank(best):
                best = occurrence
    if best is None:
        return _NO_MATCH
    bonus = 0.05 if len(parts_found) > 1 else 0.0
    return NameMatch(best.strength, round(min(best.score + bonus, 1.0), 4), best.fields)


def match_first_name(person: PersonName, names: Iterable[str]) -> NameMatch | None:
    """One of `person`'s first names as a word of `names` ("Kapsalon Lotte"), scored as weak
    as a surname alone.

    Never evidence on its own: only where something else (the home address) already ties the
    names to the household may it tell which member they belong to.
    """
    words = {word for name in names for word in normalise_name_text(name).split()}
    if any(len(first) >= 3 and first in words for first in person.first_names):
        return NameMatch(strength="surname", score=0.6,
                         fields=(FieldMatch(field="first_name", score=1.0),))
    return None
