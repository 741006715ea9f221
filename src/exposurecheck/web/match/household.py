"""The names of the household (partner, children) where the page ties them to
the official."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from exposurecheck.cooperative import checkpoint
from exposurecheck.matching.names import match_person, normalise_name_text
from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.profile import Member, Profile
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import FOLLOWING_NAME, NOT_A_SURNAME, ROLE_WORDS, fold, snippet

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


_PLAIN_WORDS = frozenset({"de", "het", "een", "en", "of", "met", "door", "voor", "van", "aan",
                          "bij", "over", "dat", "die", "dit", "in", "op", "om", "uit"})


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    if not profile.members or not page.about:
        return
    @cache  # worked out once per page, and only when a full name needs it
    def family_on_page() -> bool:
        """Does the page speak of the official's family ("mijn vrouw, raadslid Ineke
        Schutte")?"""
        return any(_family_beside_official(page, i) for i in range(len(page.blocks)))

    for member in profile.members:
        yield from _member_in_text(profile, page, member, family_on_page)
        yield from _member_in_structured(page, member)


def _family_beside_official(page: Page, index: int) -> bool:
    """A family word in a sentence of block `index` that names the official."""
    mentions = page.mentions(index)
    if not mentions:
        return False
    folded = fold(page.blocks[index].text)
    return any(_FAMILY.search(folded, *page.sentence(index, m.start, m.end)) for m in mentions)


def _member_in_text(profile: Profile, page: Page, member: Member,
                    family_on_page: Callable[[], bool]) -> Iterator[WebMatch]:
    """A first name (with a family surname or none) where the text ties it to the official.

    A bare first name needs a family word or the official in its sentence; a full
    name needs either anywhere in its block, or a page that speaks of the official's
    family (a letter signed by the partner).
    """
    for index, block in enumerate(page.blocks):
        text = block.text
        folded = fold(text)
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
                tied = (family or block_family or bool(page.mentions(index))
                        or family_on_page())
            elif member.official_first:  # a bare "Willem" next to Willem Maas is Willem Maas
                tied = family
            else:
                tied = family or bool(page.mentions_between(index, begin, stop))
            if not tied:
                continue
            if end > found.end() and family:
                # "Zijn partner Eva Stam-Visser ... De heer Stam": the whole name of the
                # family with a family word is theirs, unless it follows someone else
                if page.someone_else_before(index, found.start()):
                    continue
            elif not page.attributed(index, found.start()):
                continue
            yield WebMatch(FindingKind.HOUSEHOLD_NAME, Subject.HOUSEHOLD, block.element,
                           text[found.start():end], snippet(text, found.start(), end),
                           member.detail, 1.0 if end > found.end() else 0.9,
                           _household_fields(end > found.end(), family))


_FAMILY_OF = re.compile(r"\s*,\s*(?:de|het|een|the|a)?\s*" + _FAMILY_WORDS + r"\s+(?:van|of)\s+")


def _family_of_another(page: Page, index: int, folded: str, end: int) -> bool:
    """"Luuk, de zoon van buurman Kees": the child of someone else, unless of the official."""
    found = _FAMILY_OF.match(folded, end)
    if found is None:
        return False
    following = folded[found.end():found.end() + 40].split()[:2]
    if page.mentions_between(index, found.end(), found.end() + 40) or following[:1] in (
            ["haar"], ["hem"], ["zijn"], ["her"], ["him"]):
        return False
    role = following[1:] if following[:1] in (["de"], ["het"], ["the"]) else following
    return not (role and role[0].strip(".,") in ROLE_WORDS - _PLAIN_WORDS)


@lru_cache(maxsize=4096)
def _name_words(word: str) -> tuple[str, ...]:
    return tuple(normalise_name_text(word).split())


def _full_name_end(member: Member, text: str, end: int) -> int | None:
    """End of the name at a first name: itself, or with a surname of the family.

    None when another surname follows ("Sanne de Vries" is not our Sanne), or the
    official's own ("Willem Maas" is the official, not his partner Willem Brouwer).
    """
    following = FOLLOWING_NAME.match(text, end)
    if following is None or following.group(2).casefold() in NOT_A_SURNAME:
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


def _member_in_structured(page: Page, member: Member) -> Iterator[WebMatch]:
    """A schema.org spouse/children of the official's Person."""
    for person in page.content.people:
        if not (page.is_official(person) or (person.name is None and page.about)):
            continue
        for relative in person.relatives:
            folded = fold(relative.name)
            if not member.first.match(folded):
                continue
            if member.parsed.surnames and len(relative.name.split()) > 1 and match_person(
                    member.parsed, relative.name).strength != "full":
                continue
            yield WebMatch(FindingKind.HOUSEHOLD_NAME, Subject.HOUSEHOLD, person.element,
                           relative.name, f"{relative.relation}: {relative.name}",
                           member.detail, 1.0, _household_fields(
                               len(relative.name.split()) > 1, True))
