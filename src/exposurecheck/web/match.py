"""Find the official's own data on a page, and only that.

The roster says what to look for: the home address, private phone numbers and
e-mail addresses, the birth date, the names in the household and the town of
residence. A page is searched for exactly those, in the ways people write them,
so nothing that is not in the roster can end up in a report. Data that is
harmless alone (a first name, a town, a date) counts only where the page is
about the official and the text ties it to them: a child's common first name in
an unrelated article, or the town hall's town in a footer, is no exposure.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain
from typing import Literal

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.address import (
    AddressMatch,
    AddressParseError,
    match_address,
    normalise_city,
    normalise_postcode,
)
from exposurecheck.matching.fold import fold_char, strip_diacritics
from exposurecheck.matching.names import (
    PersonName,
    match_person,
    normalise_name_text,
    parse_person_name,
)
from exposurecheck.models import (
    Address,
    FieldMatch,
    FindingKind,
    HouseholdMember,
    Official,
    Subject,
)
from exposurecheck.web.extract import Element, PageContent, Person

__all__ = ["WebMatch", "find_exposures"]


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


def find_exposures(official: Official, content: PageContent) -> list[WebMatch]:
    """Every exposure of `official`'s roster data on the page, one per kind and value."""
    profile = _profile(official)
    page = _Page(profile, content)
    found = [*page.noted(_phones(profile, page)), *page.noted(_emails(profile, page)),
             *page.noted(_home(profile, page)), *page.noted(_birth_date(profile, page)),
             *page.noted(_household(profile, page))]
    if not any(m.kind is FindingKind.HOME_ADDRESS for m in found):
        # the town alone: only when the address is not there
        found += page.noted(_residence(profile, page))
    return _best(found)


# --------------------------------------------------------------------------- text helpers


class _FoldTable(dict[int, str]):
    """str.translate table: casefold and strip diacritics, one character for one."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        folded = {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"}.get(folded, folded)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """Lower case without diacritics, the same length as `text` so offsets carry over."""
    return text.translate(_FOLD)


_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[^\s])|\n")
_NOT_A_SENTENCE_END = frozenset({
    "dhr", "mw", "mevr", "dr", "drs", "mr", "ir", "ing", "prof", "st", "ca", "bijv", "o.a",
    "nr", "tel", "str", "burg", "jhr", "resp", "evt", "m.b.t", "jan", "feb", "febr", "mrt",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
})  # fmt: skip
_LAST_WORD = re.compile(r"(\S+)$")
_SENTENCE_WINDOW = 400
_NAME_LABEL = 60


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence end in `text`; initials ("P. Jansen") end none."""
    ends = []
    for found in _SENTENCE_END.finditer(text):
        if found.group() != "\n":
            word = _LAST_WORD.search(text, max(0, found.start() - 20), found.start())
            token = word.group(1).casefold().rstrip(".") if word else ""
            if len(token.strip("(")) <= 1 or token in _NOT_A_SENTENCE_END:
                continue
        ends.append((found.start(), found.end()))
    return ends


def _sentence_in(ends: list[tuple[int, int]], length: int, start: int,
                 end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), at most a window either side of it.

    A sentence is never that long; a block without sentence ends must not make the
    sentence of everything in it the whole block.
    """
    begin, stop = max(0, start - _SENTENCE_WINDOW), min(length, end + _SENTENCE_WINDOW)
    before = bisect.bisect_right(ends, (start, length + 1)) - 1
    while before >= 0 and ends[before][1] > start:  # an end around the span itself
        before -= 1
    if before >= 0 and ends[before][0] >= begin:
        begin = ends[before][1]
    after = bisect.bisect_left(ends, (end, -1))
    if after < len(ends) and ends[after][1] <= stop:
        stop = ends[after][0]
    return begin, stop


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """A short context around text[start:end]; other e-mail addresses and numbers are hidden.

    The context shows where the data stands, not more personal data than the roster's.
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right

    def scrub(part: str) -> str:
        part = re.sub(r"\S+@\S+|\S+\s*[\[(]\s*(?:at|apenstaart)\s*[\])]\s*\S+", "…", part,
                      flags=re.IGNORECASE)
        return re.sub(r"\+?\d[\d\s\-./()]{4,}\d", "…", part)

    snippet = scrub(text[left:start]) + text[start:end] + scrub(text[end:right])
    snippet = " / ".join(line.strip() for line in snippet.split("\n") if line.strip())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


# --------------------------------------------------------------------------- the official

_PREFIX_WORDS = r"(?:van|de|der|den|ter|ten|te|het|'t|in|op|d'|l')"
_ROLE_WORDS = frozenset({
    "de", "het", "een", "en", "of", "met", "door", "voor", "van", "aan", "bij", "over", "dat",
    "die", "dit", "hij", "zij", "ze", "is", "was", "heeft", "sinds", "ook", "toen", "nu", "in",
    "op", "om", "uit", "zijn", "haar", "wethouder", "burgemeester", "raadslid", "raadsleden",
    "gemeenteraadslid", "fractievoorzitter", "fractie", "gemeente", "gemeenteraad", "raad",
    "college", "commissie", "partij", "lijsttrekker", "kandidaat", "griffier", "statenlid",
    "gedeputeerde", "voorzitter", "secretaris", "penningmeester", "lid", "mevrouw", "meneer",
    "heer", "dhr", "mw", "mevr", "dr", "drs", "mr", "ir", "ing", "prof", "the", "he", "she",
    "mrs", "ms", "councillor", "alderman", "mayor", "council", "member", "foto",
    "naam", "contact", "nieuws", "tekst", "interview", "profiel", "welkom",
    "dag", "beste", "geachte", "zondag", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag",
})  # fmt: skip


@dataclass(frozen=True)
class _Member:
    parsed: PersonName
    first: re.Pattern[str]  # the first name, on folded text
    detail: str
    surname: re.Pattern[str] | None  # as `_Profile.surname`
    own_surname: frozenset[str]  # surname words of the member (folded as names are)
    family_surname: frozenset[str]  # of the member and of the official
    official_first: bool  # the official has the same first name ("Willem Maas", "Willem Brouwer")


@dataclass(frozen=True)
class _Profile:
    official: Official
    person: PersonName
    surname: re.Pattern[str] | None  # tussenvoegsel + surname part, on folded text
    first: re.Pattern[str] | None  # the first name as the roster writes it, on folded text
    phones: frozenset[str]
    emails: tuple[tuple[str, re.Pattern[str]], ...]
    home: Address | None
    street_hint: str | None  # a few letters any spelling of the street contains
    city: str | None  # normalise_city of the home town
    members: tuple[_Member, ...]


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
    return _fold(strip_diacritics(words[0])) if words else (
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
def _profile(official: Official) -> _Profile:
    person = parse_person_name(official.name, official.initials)
    surname = _surname_pattern(person)
    official_surname = _surname_words(person)
    own_first = _first_name(HouseholdMember(name=official.name), person)
    members = []
    for member in official.household:
        parsed = parse_person_name(member.name)
        first = _first_name(member, parsed)
        if len(first) >= 2:
            members.append(_Member(parsed,
                                   _first_name_pattern(first),
                                   normalise_name_text(member.name), _surname_pattern(parsed),
                                   _surname_words(parsed),
                                   _surname_words(parsed) | official_surname,
                                   bool(person.first_names) and first == own_first))
    home = official.home
    hint = None
    if home is not None and home.street:
        words = [w for w in re.findall(r"[^\W\d_]+", _fold(home.street)) if len(w) >= 4]
        hint = words[-1][:4] if words else None
    first = own_first if person.first_names else ""
    return _Profile(
        official=official, person=person, surname=surname,
        first=_first_name_pattern(first) if len(first) > 1 else None,
        phones=frozenset(p for p in (_e164(raw) for raw in official.phones) if p),
        emails=tuple((e.strip().casefold(), _email_pattern(e.strip().casefold()))
                     for e in official.emails if "@" in e),
        home=home, street_hint=hint,
        city=normalise_city(home.city) if home is not None and home.city else None,
        members=tuple(members))


# --------------------------------------------------------------------------- the page


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    full: bool


# Capitalised words that make a "name" a party, organisation, place or street instead.
_NOT_NAME_WORDS = frozenset({
    "gemeente", "partij", "fractie", "lokaal", "lokale", "belang", "belangen", "groen",
    "links", "rechts", "christen", "christelijk", "democratisch", "democraten", "unie",
    "verenigd", "leefbaar", "samen", "progressief", "liberaal", "liberale", "sociaal",
    "socialistische", "forum", "volkspartij", "vrijheid", "arbeid", "dorpsbelang",
    "gemeentebelangen", "burgerbelangen", "stichting", "vereniging", "raad", "commissie",
    "college", "school", "basisschool", "dorpshuis", "zwembad", "sportpark", "kerk",
    "provincie", "waterschap", "ministerie", "rijksoverheid", "bibliotheek", "museum",
    "ziekenhuis", "politie", "brandweer", "centrum", "plein", "nederland", "noord", "zuid",
    "oost", "west", "home", "nieuws", "contact", "menu", "zoeken", "agenda", "archief",
})  # fmt: skip
_STREET_ENDINGS = ("straat", "laan", "weg", "plein", "singel", "gracht", "kade", "dijk", "steeg",
                   "dreef")
_PLAIN_WORDS = frozenset({"de", "het", "een", "en", "of", "met", "door", "voor", "van", "aan",
                          "bij", "over", "dat", "die", "dit", "in", "op", "om", "uit"})
_GROUP_LABELS = frozenset({"partij", "fractie", "party", "lijst", "organisatie", "functie",
                           "werkgever", "employer", "afdeling", "portefeuille"})


def _not_a_name(word: str) -> bool:
    """An all-capitals acronym, an organisation word or a street is no part of a name."""
    bare = word.strip(".,;:'’").casefold()
    street = any(bare.endswith(e) and len(bare) > len(e) + 2 for e in _STREET_ENDINGS)
    return (word.isupper() and len(word) > 1) or bare in _NOT_NAME_WORDS or street  # "Van Dijk"


_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_ENOUGH = 20  # matches of one value on one page; more only repeat it
_NAME_WINDOW = 200  # a name, its initials, prefixes and title fit in far less
_MAX_NAME_CHECKS = 1_000  # distinct surname contexts read per block; more is no real page


def _around(text: str, start: int, end: int) -> str:
    """The line around a surname, as far as a name with its initials and title reach."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    line_end = text.find("\n", end, end + 30)
    line_end = min(len(text), end + 30) if line_end < 0 else line_end
    return text[max(line_start, start - 40): line_end]


_LABEL_BEFORE = re.compile(r"([^\W\d_]+)\s*:\s*$")
_NAME_LIKE = re.compile(r"(?<![\w'])" + _NAME_TOKEN + r"(?: +(?:" + _PREFIX_WORDS + r" +)*"
                        + _NAME_TOKEN + r")+")


class _Page:
    """What a page says about who it is about, worked out once per official and page."""

    def __init__(self, profile: _Profile, content: PageContent) -> None:
        self.profile = profile
        self.content = content
        self.blocks = content.blocks
        self._mentions: dict[int, list[_Mention]] = {}
        self._starts: dict[int, list[int]] = {}
        self._strengths: dict[tuple[PersonName, str], str] = {}
        self._sections: list[bool | None] = []  # per block: None = as the structured data
        self._others: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._structured: bool | None = None
        self._counts: Counter[tuple[FindingKind, str]] = Counter()
        self._ends: dict[int, list[tuple[int, int]]] = {}
        self._perfect: dict[tuple[FindingKind, str], int] = {}  # best element with score 1
        self.about = any(m.full for i in range(len(self.blocks)) for m in self.mentions(i)) or any(
            self.is_official(p) for p in content.people)

    def sentence(self, index: int, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end) in block `index`."""
        if index not in self._ends:
            self._ends[index] = _sentence_ends(self.blocks[index].text)
        return _sentence_in(self._ends[index], len(self.blocks[index].text), start, end)

    def noted(self, matches: Iterable[WebMatch]) -> Iterator[WebMatch]:
        """Pass matches on, remembering what is found so `settled` can tell."""
        for match in matches:
            key = (match.kind, match.detail)
            self._counts[key] += 1
            if match.score >= 1.0:
                rank = _ELEMENT_ORDER.index(match.element)
                self._perfect[key] = min(self._perfect.get(key, rank), rank)
            yield match

    def settled(self, kind: FindingKind, detail: str, element: Element) -> bool:
        """Can more of this value here change the result? Not after a sure match in an
        element as telling, nor after a page has repeated it many times (one is kept)."""
        key = (kind, detail)
        return self._counts[key] >= _ENOUGH or self._perfect.get(
            key, len(_ELEMENT_ORDER)) <= _ELEMENT_ORDER.index(element)

    def names_official(self, text: str) -> bool:
        return self._names(self.profile.person, self.profile.surname, text)

    def _names(self, person: PersonName, surname: re.Pattern[str] | None, text: str) -> bool:
        """Does `text` give `person`'s full name? Read around each surname, not as a whole:
        a huge block must cost a bounded amount per surname written."""
        if surname is None:
            return False
        if len(text) <= _NAME_WINDOW:
            return bool(surname.search(_fold(text))) and self._strength(person, text) == "full"
        for count, found in enumerate(surname.finditer(_fold(text))):
            if count >= _MAX_NAME_CHECKS:
                return False
            if self._strength(person, _around(text, found.start(), found.end())) == "full":
                return True
        return False

    def _strength(self, person: PersonName, window: str) -> str:
        """`match_person` once per distinct text: a page repeating a name costs one match."""
        key = (person, window)
        if key not in self._strengths:
            checkpoint()
            self._strengths[key] = match_person(person, window).strength
        return self._strengths[key]

    def is_official(self, person: Person) -> bool:
        return person.name is not None and self.names_official(person.name)

    def mentions(self, index: int) -> list[_Mention]:
        """Where block `index` names the official, in order; a "Kees Jansen" is someone else."""
        if index not in self._mentions:
            found = sorted(self._find_mentions(self.blocks[index].text), key=lambda m: m.start)
            self._mentions[index] = found
            self._starts[index] = [m.start for m in found]
        return self._mentions[index]

    def mentions_between(self, index: int, low: int, high: int) -> list[_Mention]:
        """The mentions in block `index` that start in [low, high)."""
        mentions = self.mentions(index)
        starts = self._starts[index]
        return mentions[bisect.bisect_left(starts, low):bisect.bisect_left(starts, high)]

    def _find_mentions(self, text: str) -> Iterator[_Mention]:
        surname = self.profile.surname
        if surname is None:
            return
        folded = _fold(text)
        for count, found in enumerate(surname.finditer(folded)):
            window = _around(text, found.start(), found.end())
            strength = ("surname" if count >= _MAX_NAME_CHECKS and (
                self.profile.person, window) not in self._strengths
                else self._strength(self.profile.person, window))
            if strength == "full":
                yield _Mention(found.start(), found.end(), True)
            elif strength == "surname" and not _other_given_name(text, found.start()):
                yield _Mention(found.start(), found.end(), False)
        if self.profile.first is None:
            return
        for found in self.profile.first.finditer(folded):  # "Anne-Marie woont ..."
            following = _FOLLOWING_NAME.match(text, found.end())
            if text[found.start()].isupper() and (
                    following is None or following.group(2).casefold() in _NOT_A_SURNAME):
                yield _Mention(found.start(), found.end(), False)

    def others(self, text: str, start: int, end: int, index: int) -> list[tuple[int, int]]:
        """Spans in text[start:end] (of block `index`) that look like another person's name.

        Two or more capitalised words, not a party, organisation, place or street, not
        the official and not someone of the household. Found once per block, then cut to
        the range: asked for around every piece of data, a scan each time is quadratic.
        """
        spans, ends = self._other_names(index)
        low, high = bisect.bisect_right(ends, start), bisect.bisect_left(spans, (end,))
        return [(max(s, start), min(e, end)) for s, e in spans[low:high]]

    def _other_names(self, index: int) -> tuple[list[tuple[int, int]], list[int]]:
        if index in self._others:
            return self._others[index]
        text = self.blocks[index].text
        found = []
        part = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)
        for name in _NAME_LIKE.finditer(part):
            checkpoint()
            words = name.group().replace("-", " ").split()
            first = 0
            while first < len(words) and words[first].casefold().rstrip(".") in _ROLE_WORDS:
                first += 1
            capitals = [w for w in words[first:] if w[0].isupper()]
            if len(capitals) < 2 or any(_not_a_name(w) for w in capitals):
                continue
            label = _LABEL_BEFORE.search(part, max(0, name.start() - _NAME_LABEL), name.start())
            if label and label.group(1).casefold() in _GROUP_LABELS:
                continue
            span = (name.start(), name.end())
            if any(m.end > span[0] for m in self.mentions_between(index, span[0] - 60, span[1])):
                continue
            if self._is_household_or_town(name.group()):
                continue
            found.append(span)
        self._others[index] = (found, [e for _, e in found])
        return self._others[index]

    def _is_household_or_town(self, text: str) -> bool:
        folded = _fold(text)
        if self.profile.city and self.profile.city in normalise_city(text):
            return True
        return any(m.first.search(folded) for m in self.profile.members)

    def attributed(self, index: int, position: int, strict: bool = False) -> bool:
        """Is the data at `position` in block `index` about the official?

        The nearest person named before it in the sentence decides, then the nearest
        after it, then the nearest before it in the block; else the section: the
        nearest earlier block that names the official or a heading naming someone else.
        `strict` asks for the official named before it in the sentence (for "die in
        Dalfsen woont" and "wonen", which need a named subject).
        """
        begin, stop = self.sentence(index, position, position)
        if strict:
            return self._nearest(index, begin, position, True) is True
        for low, high, reverse in ((begin, position, True), (position, stop, False),
                                   (max(0, begin - _SENTENCE_WINDOW), begin, True)):
            verdict = self._nearest(index, low, high, reverse)
            if verdict is not None:
                return verdict
        return self.section_is_official(index)

    def _nearest(self, index: int, low: int, high: int, reverse: bool) -> bool | None:
        refs = [(m.start, True) for m in self.mentions_between(index, low, high)]
        text = self.blocks[index].text
        refs += [(s, False) for s, _ in self.others(text, low, high, index)]
        if not refs:
            return None
        return sorted(refs, reverse=reverse)[0][1]

    def section_is_official(self, index: int) -> bool:
        """The nearest earlier block that names the official or heads someone else's part.

        Worked out once per block, front to back: asked for every block of a page, a
        walk back each time would be quadratic.
        """
        while len(self._sections) <= index:
            earlier = len(self._sections) - 1
            verdict: bool | None = None
            if earlier >= 0:
                checkpoint()
                block = self.blocks[earlier]
                label = block.element in (Element.HEADING, Element.TITLE) or len(
                    block.text) <= _NAME_LABEL  # a name in a <div> heads a card, like a heading
                if self.mentions(earlier):
                    verdict = True
                elif label and self.others(block.text, 0, len(block.text), earlier):
                    verdict = False
                else:
                    verdict = self._sections[earlier]
            self._sections.append(verdict)
        verdict = self._sections[index]
        return self.structured_official() if verdict is None else verdict

    def structured_official(self) -> bool:
        if self._structured is None:
            self._structured = any(self.is_official(p) for p in self.content.people)
        return self._structured

    def subject_for_home(self) -> Subject | None:
        """Whose home a page shows; None when it names no one of the household."""
        if self.about or any(self.mentions(i) for i in range(len(self.blocks))):
            return Subject.OFFICIAL
        household_named = any(
            self._names(m.parsed, m.surname, b.text)
            for m in self.profile.members if m.parsed.surnames and m.parsed.first_names
            for b in self.blocks)
        return Subject.HOUSEHOLD if household_named else None


_WORD_AT_END = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)$", re.IGNORECASE)
_PREFIX_TOKEN = re.compile(_PREFIX_WORDS, re.IGNORECASE)
_WORDS_BEFORE = 6  # a given name and the tussenvoegsels between it and the surname


def _other_given_name(text: str, surname_start: int) -> bool:
    """"Kees Jansen": a capitalised word before the surname that is no role or title.

    The word is the one before the tussenvoegsels ("Kees van Maas"); read from the few
    words before the surname, token by token (a regex anchored at the surname would try
    every position before it, for each of thousands of surnames).
    """
    before = text[max(0, surname_start - _NAME_WINDOW):surname_start]
    if not before[-1:].isspace():
        return False
    tokens = before.split()[-_WORDS_BEFORE:]
    run = len(tokens)
    while run > 0 and _PREFIX_TOKEN.fullmatch(tokens[run - 1]):
        run -= 1
    for token in tokens[max(run - 1, 0):]:  # the word before the run, else its first prefix
        found = _WORD_AT_END.search(token)
        if found is not None:
            word = found.group(1)
            return word[0].isupper() and len(word) > 1 and word.casefold() not in _ROLE_WORDS
    return False


# --------------------------------------------------------------------------- phones, e-mail


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


def _phones(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
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
                               _snippet(text, found_start, found_end), e164, 1.0,
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


def _emails(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
    texts = [(b.element, b.text) for b in page.blocks]
    texts += [(p.element, t) for p in page.content.people for t in p.emails]
    for email, pattern in profile.emails:
        for element, text in texts:
            for found in pattern.finditer(text):
                if page.settled(FindingKind.EMAIL, email, element):
                    break
                obfuscated = "@" not in found.group()
                yield WebMatch(FindingKind.EMAIL, Subject.OFFICIAL, element, found.group(),
                               _snippet(text, found.start(), found.end()), email,
                               0.95 if obfuscated else 1.0,
                               (FieldMatch(field="email", score=1.0),))


# --------------------------------------------------------------------------- home address

# After the house number: a huisletter ("12a", "12 A", "12-a") and/or a toevoeging
# ("12-2", "12/II", "12 hs"). A bare word after a space is a toevoeging only when it
# is one of the usual ones, so "Kerkstraat 12 te Dorp" keeps "te" out.
_SUFFIX = re.compile(
    r"(?P<letter>\s?-?\s?[A-Za-z](?![\w'’]))?"
    r"(?P<addition>[-/][A-Za-z0-9]{1,4}(?![\w])"
    r"|\s?[-/]?\s?(?:hs|h|bis|bg|bgg|huis|I{1,3}|IV|VI{0,3})(?![\w])"
    r"|(?(letter) [0-9]{1,3}(?![\w])|(?!)))?")  # "45b 2", never "12 8011AB"
_LEAD = r"[\s,;:|(·•/\u2013-]*"  # what separates the parts of an address
_POSTCODE = re.compile(_LEAD + r"(?:(?:postcode|pc)\s*:?\s*)?([1-9][0-9]{3}\s?[A-Za-z]{2})(?![\w])",
                       re.IGNORECASE)
_TOWN_LEAD = re.compile(_LEAD + r"(?:(?:te|in)\s+)?(?:(?:woon)?plaats\s*:\s*)?", re.IGNORECASE)
_WORD = re.compile(r"[\w'’()-]+")
_NOT_A_TOWN = frozenset({"hij", "zij", "ze", "het", "de", "een", "en", "maar", "daar", "dat",
                         "die", "dit", "er", "he", "she", "the", "in", "op", "ook", "sinds",
                         "tel", "telefoon", "e-mail", "email", "postcode", "nederland"})
_STREET_ONLY_SCORE = 0.75
_NUMBER_LABEL = re.compile(r"\s*(?:huisnummer|huisnr|nummer|nr|no)\.?\s*:?\s*", re.IGNORECASE)
_LINE_LABEL = re.compile(r"[^\W\d_][\w ]{0,30}:\s*")
_HOUSE_NUMBER_WORD = re.compile(r"[\s,]*(?:huisnummer|huisnr|nummer|nr|no)\.?\s*:?$",
                                re.IGNORECASE)  # "Kerkstraat nr. 12"
_MAX_STREET_WORDS = 6


@dataclass(frozen=True)
class _Town:
    end: int
    city: str | None  # the town as written, or None when nothing town-like follows


def _town_at(text: str, position: int, city_key: str | None) -> _Town:
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
    number = re.compile(rf"(?<![\w/.,-]){home.number}(?![\d])(?![.,]\d)")
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
    town = _town_at(text, postcode_match.end() if postcode_match else end, city_key)
    city = town.city
    if city is None and city_key:  # "Kerkstraat 12\nWoonplaats: Zwolle"
        tail = _fold(text[end: end + 80])
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
    clause_start = max(text.rfind(mark, max(0, start - _NAME_WINDOW), start)
                       for mark in ",.;:\n") + 1
    clause_start = max(clause_start, start - _NAME_WINDOW)
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
    pattern = re.compile(rf"(?<![\w]){home.postcode[:4]}\s?{home.postcode[4:]}\s+"
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


def _home(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
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
        if profile.street_hint and profile.street_hint not in _fold(text) and not (
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
                           _snippet(text, hit.start, hit.end), "home", score,
                           hit.match.fields)


# --------------------------------------------------------------------------- birth date

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "augustus": 8, "aug": 8,
    "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "october": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_DATES = (
    re.compile(rf"(?<![\w])(?P<day>\d{{1,2}})(?:e|ste|de|th|st|nd|rd)?\s*(?P<month>{_MONTH})"
               rf"\.?,?\s+{_YEAR}(?![\w])"),
    re.compile(rf"(?<![\w])(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"{_YEAR}(?![\w])"),
    re.compile(r"(?<![\w/.-])(?P<day>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<month>\d{1,2})\s?(?P=sep)"
               r"\s?(?P<year>\d{4}|'?\d{2})(?![\w/.-]|\.\d)"),
    re.compile(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])"),
)


def _dates_in(text: str, birth: date) -> Iterator[tuple[int, int]]:
    folded = _fold(text)
    for pattern in _DATES:
        for found in pattern.finditer(folded):
            month_text = found.group("month")
            month = _MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
            year_text = found.group("year").lstrip("'")
            year_ok = (int(year_text) == birth.year if len(year_text) == 4
                       else int(year_text) == birth.year % 100)
            if year_ok and month == birth.month and int(found.group("day")) == birth.day:
                yield found.start(), found.end()


def _birth_date(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
    birth = profile.official.birth_date
    if birth is None or not page.about:
        return
    texts = [(b.element, b.text) for b in page.blocks]
    texts += [(p.element, p.birth_date) for p in page.content.people
              if p.birth_date is not None and (p.name is None or page.is_official(p))]
    for element, text in texts:
        for start, end in _dates_in(text, birth):
            checkpoint()
            if page.settled(FindingKind.BIRTH_DATE, birth.isoformat(), element):
                break
            yield WebMatch(FindingKind.BIRTH_DATE, Subject.OFFICIAL, element, text[start:end],
                           _snippet(text, start, end), birth.isoformat(), 1.0,
                           (FieldMatch(field="birth_date", score=1.0),))


# --------------------------------------------------------------------------- household

_FAMILY_WORDS = (
    r"(?:getrouwd|trouwden?|gehuwd|huwelijk|partner|echtgeno(?:o)?te?|vrouw|man|"
    r"vriendin|vriend|verloofde|kind(?:eren|je)?|dochter(?:s|tje)?|zoon(?:tje)?|zonen|vader|"
    r"moeder|gezin|ouders?|samenwonend|samen\s+met|stiefdochter|stiefzoon|pleegkind(?:eren)?|"
    r"married|wife|husband|spouse|girlfriend|boyfriend|children|child|kids?|sons?|"
    r"daughters?|father|mother|family)")
_FAMILY = re.compile(r"(?<![\w])" + _FAMILY_WORDS + r"(?![\w])")
# "Emma en haar moeder": the family of the person named, not of the official.
_OWN_FAMILY = re.compile(r"\s*(?:\(\d{1,3}\)\s*)?(?:en|met|and|with)\s+(?:haar|zijn|hun|her|his|"
                         r"their)\s+" + _FAMILY_WORDS + r"(?![\w])")
# A surname after a first name; "in", "te" and "op" are tussenvoegsels too, but far more
# often the start of "in Dalfsen", so they are left out here.
_FOLLOWING_NAME = re.compile(r" +((?:(?:van|de|der|den|ter|ten|'t|el|al|da|di|du|le|la|von) +)"
                             r"{0,4})([A-Z][\w'’]*(?:-[\w'’]+)*)")
_NOT_A_SURNAME = frozenset({"en", "of", "is", "was", "heeft", "had", "die", "zit",
                            "gaat", "werkt", "woont", "studeert", "and", "has"})


def _household(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
    if not profile.members or not page.about:
        return
    for member in profile.members:
        yield from _member_in_text(profile, page, member)
        yield from _member_in_structured(page, member)


def _member_in_text(profile: _Profile, page: _Page, member: _Member) -> Iterator[WebMatch]:
    """A first name (with a family surname or none) where the text ties it to the official.

    A bare first name needs a family word or the official in its sentence; a full
    name needs either anywhere in its block.
    """
    for index, block in enumerate(page.blocks):
        text = block.text
        folded = _fold(text)
        block_family: bool | None = None
        for found in member.first.finditer(folded):
            checkpoint()
            if page.settled(FindingKind.HOUSEHOLD_NAME, member.detail, block.element):
                break
            if not text[found.start()].isupper():
                continue
            end = _full_name_end(member, text, found.end())
            if end is None or _OWN_FAMILY.match(folded, end) or _family_of_another(
                    page, index, folded, end):
                continue
            begin, stop = page.sentence(index, found.start(), found.end())
            family = bool(_FAMILY.search(folded, begin, stop))
            if end > found.end():
                if block_family is None:
                    block_family = bool(_FAMILY.search(folded))
                tied = family or block_family or bool(page.mentions(index))
            elif member.official_first:  # a bare "Willem" next to Willem Maas is Willem Maas
                tied = family
            else:
                tied = family or bool(page.mentions_between(index, begin, stop))
            if not tied or not page.attributed(index, found.start()):
                continue
            yield WebMatch(FindingKind.HOUSEHOLD_NAME, Subject.HOUSEHOLD, block.element,
                           text[found.start():end], _snippet(text, found.start(), end),
                           member.detail, 1.0 if end > found.end() else 0.9,
                           _household_fields(end > found.end(), family))


_FAMILY_OF = re.compile(r"\s*,\s*(?:de|het|een|the|a)?\s*" + _FAMILY_WORDS + r"\s+(?:van|of)\s+")


def _family_of_another(page: _Page, index: int, folded: str, end: int) -> bool:
    """"Luuk, de zoon van buurman Kees": the child of someone else, unless of the official."""
    found = _FAMILY_OF.match(folded, end)
    if found is None:
        return False
    following = folded[found.end():found.end() + 40].split()[:2]
    if page.mentions_between(index, found.end(), found.end() + 40) or following[:1] in (
            ["haar"], ["hem"], ["zijn"], ["her"], ["him"]):
        return False
    role = following[1:] if following[:1] in (["de"], ["het"], ["the"]) else following
    return not (role and role[0].strip(".,") in _ROLE_WORDS - _PLAIN_WORDS)


@lru_cache(maxsize=4096)
def _name_words(word: str) -> tuple[str, ...]:
    return tuple(normalise_name_text(word).split())


def _full_name_end(member: _Member, text: str, end: int) -> int | None:
    """End of the name at a first name: itself, or with a surname of the family.

    None when another surname follows ("Sanne de Vries" is not our Sanne), or the
    official's own ("Willem Maas" is the official, not his partner Willem Brouwer).
    """
    following = _FOLLOWING_NAME.match(text, end)
    if following is None or following.group(2).casefold() in _NOT_A_SURNAME:
        return end
    written = set(_name_words(following.group(2)))
    if member.official_first and not written & member.own_surname:
        return None
    return following.end() if written & member.family_surname else None


def _household_fields(full: bool, family: bool) -> tuple[FieldMatch, ...]:
    fields = [FieldMatch(field="first_name", score=1.0)]
    if full:
        fields.append(FieldMatch(field="surname", score=1.0))
    if family:
        fields.append(FieldMatch(field="family_context", score=1.0))
    return tuple(fields)


def _member_in_structured(page: _Page, member: _Member) -> Iterator[WebMatch]:
    """A schema.org spouse/children of the official's Person."""
    for person in page.content.people:
        if not (page.is_official(person) or (person.name is None and page.about)):
            continue
        for relative in person.relatives:
            folded = _fold(relative.name)
            if not member.first.match(folded):
                continue
            if member.parsed.surnames and len(relative.name.split()) > 1 and match_person(
                    member.parsed, relative.name).strength != "full":
                continue
            yield WebMatch(FindingKind.HOUSEHOLD_NAME, Subject.HOUSEHOLD, person.element,
                           relative.name, f"{relative.relation}: {relative.name}",
                           member.detail, 1.0, _household_fields(
                               len(relative.name.split()) > 1, True))


# --------------------------------------------------------------------------- residence

_LIVES = re.compile(r"(?<![\w])(?:woont|wonen|woonachtig|wonend|woonplaats\s+is|"
                    r"verhuis(?:t|d|de|den)|verhuizen|lives|living|resides|is\s+resident|"
                    r"moved|moves)(?![\w])")
_LIVES_PLACE = re.compile(r"(?<![\w])(?:in|te|van|of|naar|to)\s+")
_LABEL = re.compile(r"(?<![\w])(?:woonplaats|woonachtig|(?:place\s+of\s+)?residence|hometown|"
                    r"inwon(?:er|ster)\s+van|resident\s+of)\s*[:\-]?\s*")
_AFTER_NAME = re.compile(r"(?:,?\s*(?:[a-z]{1,3}\.\s*)+(?:" + _PREFIX_WORDS + r"\s+)*)?")
_PARENS = re.compile(r"\s*\(([^()]{1,40})\)")
_NAME_TOWN_SEPARATOR = re.compile(r"[ \t]*(?:[,|:\-\u2013]|(?<![\w])(?:uit|from)(?=\s))\s*")


def _residence(profile: _Profile, page: _Page) -> Iterator[WebMatch]:
    if profile.city is None or not page.about:
        return
    for index, block in enumerate(page.blocks):
        text = block.text
        folded = _fold(text)
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


def _town_cues(page: _Page, index: int, text: str,
               folded: str) -> Iterable[tuple[int, int, _Tie]]:
    """(start, end, how to tie it to the official) of the home town where the text says
    it is lived in: right after the official's name, or after a cue read in context."""
    city = page.profile.city

    def tie(cue_start: int, cue: str) -> _Tie:
        begin = page.sentence(index, cue_start, cue_start)[0]
        relative = _RELATIVE.search(folded, max(begin, cue_start - 40), cue_start)
        return "strict" if relative or cue.startswith("wonen") else "context"

    for cue in _LABEL.finditer(folded):
        town = _town_at(text, cue.end(), city)
        if town.city and normalise_city(town.city) == city:
            yield town.end - len(town.city), town.end, "context"
    for cue in _LIVES.finditer(folded):
        stop = page.sentence(index, cue.start(), cue.end())[1]
        for place in _LIVES_PLACE.finditer(folded, cue.end(), min(stop, cue.end() + 80)):
            town = _town_at(text, place.end(), city)
            if town.city is None:
                continue
            if normalise_city(town.city) == city:
                yield town.end - len(town.city), town.end, tie(cue.start(), cue.group())
            break  # another town named first: that is where they live
    for place in _LIVES_PLACE.finditer(folded):  # "in Dalfsen woont"
        if "wo" not in folded[place.end():place.end() + _TOWN_AND_VERB]:
            continue  # no verb of living after it: no town needs reading
        town = _town_at(text, place.end(), city)
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
        town = _town_at(text, separator.end(), city)
        if town.city and normalise_city(town.city) == city:
            yield town.end - len(town.city), town.end, "name"


def _residence_match(profile: _Profile, element: Element, text: str, start: int,
                     end: int) -> WebMatch:
    return WebMatch(FindingKind.RESIDENCE, Subject.OFFICIAL, element, text[start:end],
                    _snippet(text, start, end), profile.city or "", 1.0,
                    (FieldMatch(field="city", score=1.0),))


# --------------------------------------------------------------------------- choosing

_ELEMENT_ORDER = (Element.TEL_LINK, Element.MAILTO_LINK, Element.JSON_LD, Element.MICRODATA,
                  Element.RDFA, Element.HCARD, Element.TABLE, Element.DEFINITION_LIST,
                  Element.TEXT, Element.HEADING, Element.TITLE, Element.META_DESCRIPTION)


def _best(matches: Iterable[WebMatch]) -> list[WebMatch]:
    """One match per (kind, subject, value): the surest, then the most telling element."""
    best: dict[tuple[FindingKind, Subject, str], WebMatch] = {}
    for match in matches:
        key = (match.kind, match.subject, match.detail)
        current = best.get(key)
        if current is None or _rank(match) < _rank(current):
            best[key] = match
    return sorted(best.values(), key=lambda m: (m.kind.value, m.detail))


def _rank(match: WebMatch) -> tuple[float, int]:
    return (-match.score, _ELEMENT_ORDER.index(match.element))
