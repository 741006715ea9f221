"""What a page says about who it is about, worked out once per official and page
and shared by every kind of finding."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.address import normalise_city
from exposurecheck.matching.names import PersonName, match_person
from exposurecheck.models import FindingKind, Subject
from exposurecheck.web.content import Element, PageContent, Person
from exposurecheck.web.match.profile import Profile
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import (
    FOLLOWING_NAME,
    NAME_WINDOW,
    NOT_A_SURNAME,
    PREFIX_WORDS,
    ROLE_WORDS,
    SENTENCE_WINDOW,
    TITLE_BEFORE_SURNAME,
    fold,
    sentence_ends,
    sentence_in,
)

ELEMENT_ORDER = (Element.TEL_LINK, Element.MAILTO_LINK, Element.JSON_LD, Element.MICRODATA,
                 Element.RDFA, Element.HCARD, Element.TABLE, Element.DEFINITION_LIST,
                 Element.TEXT, Element.HEADING, Element.TITLE, Element.META_DESCRIPTION)


_NAME_LABEL = 60


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    full: bool
    titled: bool = False  # the surname after an office or a form of address


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


_GROUP_LABELS = frozenset({"partij", "fractie", "party", "lijst", "organisatie", "functie",
                           "werkgever", "employer", "afdeling", "portefeuille"})


def _not_a_name(word: str) -> bool:
    """An all-capitals acronym, an organisation word or a street is no part of a name."""
    bare = word.strip(".,;:'’").casefold()
    street = any(bare.endswith(e) and len(bare) > len(e) + 2 for e in _STREET_ENDINGS)
    return (word.isupper() and len(word) > 1) or bare in _NOT_NAME_WORDS or street  # "Van Dijk"


_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_ENOUGH = 20  # matches of one value on one page; more only repeat it


_MAX_NAME_CHECKS = 1_000  # distinct surname contexts read per block; more is no real page


def _around(text: str, start: int, end: int) -> str:
    """The line around a surname, as far as a name with its initials and title reach."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    line_end = text.find("\n", end, end + 30)
    line_end = min(len(text), end + 30) if line_end < 0 else line_end
    return text[max(line_start, start - 40): line_end]


_LABEL_BEFORE = re.compile(r"([^\W\d_]+)\s*:\s*$")
_NAME_LIKE = re.compile(r"(?<![\w'])" + _NAME_TOKEN + r"(?: +(?:" + PREFIX_WORDS + r" +)*"
                        + _NAME_TOKEN + r")+")


class Page:
    """What a page says about who it is about, worked out once per official and page."""

    def __init__(self, profile: Profile, content: PageContent) -> None:
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
        self.about = any(m.full or m.titled for i in range(len(self.blocks))
                         for m in self.mentions(i)) or any(
            self.is_official(p) for p in content.people)

    def sentence(self, index: int, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end) in block `index`."""
        if index not in self._ends:
            self._ends[index] = sentence_ends(self.blocks[index].text)
        return sentence_in(self._ends[index], len(self.blocks[index].text), start, end)

    def noted(self, matches: Iterable[WebMatch]) -> Iterator[WebMatch]:
        """Pass matches on, remembering what is found so `settled` can tell."""
        for match in matches:
            key = (match.kind, match.detail)
            self._counts[key] += 1
            if match.score >= 1.0:
                rank = ELEMENT_ORDER.index(match.element)
                self._perfect[key] = min(self._perfect.get(key, rank), rank)
            yield match

    def settled(self, kind: FindingKind, detail: str, element: Element) -> bool:
        """Can more of this value here change the result? Not after a sure match in an
        element as telling, nor after a page has repeated it many times (one is kept)."""
        key = (kind, detail)
        return self._counts[key] >= _ENOUGH or self._perfect.get(
            key, len(ELEMENT_ORDER)) <= ELEMENT_ORDER.index(element)

    def names_official(self, text: str) -> bool:
        return self._names(self.profile.person, self.profile.surname, text)

    def _names(self, person: PersonName, surname: re.Pattern[str] | None, text: str) -> bool:
        """Does `text` give `person`'s full name? Read around each surname, not as a whole:
        a huge block must cost a bounded amount per surname written."""
        if surname is None:
            return False
        if len(text) <= NAME_WINDOW:
            return bool(surname.search(fold(text))) and self._strength(person, text) == "full"
        for count, found in enumerate(surname.finditer(fold(text))):
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
        folded = fold(text)
        for count, found in enumerate(surname.finditer(folded)):
            window = _around(text, found.start(), found.end())
            strength = ("surname" if count >= _MAX_NAME_CHECKS and (
                self.profile.person, window) not in self._strengths
                else self._strength(self.profile.person, window))
            if strength == "full":
                yield _Mention(found.start(), found.end(), True)
            elif strength == "surname" and not _other_given_name(text, found.start()):
                yield _Mention(found.start(), found.end(), False,
                               _titled(folded, found.start(), found.end(),
                                       self.profile.surname_words))
        if self.profile.first is None:
            return
        for found in self.profile.first.finditer(folded):  # "Anne-Marie woont ..."
            following = FOLLOWING_NAME.match(text, found.end())
            if text[found.start()].isupper() and (
                    following is None or following.group(2).casefold() in NOT_A_SURNAME):
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
            while first < len(words) and words[first].casefold().rstrip(".") in ROLE_WORDS:
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
        folded = fold(text)
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
                                   (max(0, begin - SENTENCE_WINDOW), begin, True)):
            verdict = self._nearest(index, low, high, reverse)
            if verdict is not None:
                return verdict
        return self.section_is_official(index)

    def someone_else_before(self, index: int, position: int) -> bool:
        """Is the person named last before `position` in its sentence someone else?"""
        begin = self.sentence(index, position, position)[0]
        return self._nearest(index, begin, position, True) is False

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


_DOUBLE_NAME = re.compile(r"\s*-\s*(?:" + PREFIX_WORDS + r"\s+)*([^\W\d_][\w']*)")  # "-de Boer"


def _titled(folded: str, start: int, end: int, surname_words: frozenset[str]) -> bool:
    """"Wethouder Brouwer", not "mevrouw Brouwer-Smit" (a double name that is not the
    official's: someone of the family, or someone else). Read on the block's folded text."""
    double = _DOUBLE_NAME.match(folded, end)
    if double is not None and double.group(1) not in surname_words:
        return False
    return TITLE_BEFORE_SURNAME.search(folded, max(0, start - 30), start) is not None


_WORD_AT_END = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)$", re.IGNORECASE)
_PREFIX_TOKEN = re.compile(PREFIX_WORDS, re.IGNORECASE)
_WORDS_BEFORE = 6  # a given name and the tussenvoegsels between it and the surname


def _other_given_name(text: str, surname_start: int) -> bool:
    """"Kees Jansen": a capitalised word before the surname that is no role or title.

    The word is the one before the tussenvoegsels ("Kees van Maas"); read from the few
    words before the surname, token by token (a regex anchored at the surname would try
    every position before it, for each of thousands of surnames).
    """
    before = text[max(0, surname_start - NAME_WINDOW):surname_start]
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
            return word[0].isupper() and len(word) > 1 and word.casefold() not in ROLE_WORDS
    return False
