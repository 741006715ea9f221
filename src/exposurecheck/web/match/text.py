"""Text helpers every kind of finding shares: folding, sentences, snippets and the
words around names."""

from __future__ import annotations

import bisect
import re

from exposurecheck.matching.fold import fold_char


class _FoldTable(dict[int, str]):
    """str.translate table: casefold and strip diacritics, one character for one."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        folded = {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"}.get(folded, folded)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics, the same length as `text` so offsets carry over."""
    return text.translate(_FOLD)


_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[^\s])|\n")
_NOT_A_SENTENCE_END = frozenset({
    "dhr", "mw", "mevr", "dr", "drs", "mr", "ir", "ing", "prof", "st", "ca", "bijv", "o.a",
    "nr", "tel", "str", "burg", "jhr", "resp", "evt", "m.b.t", "jan", "feb", "febr", "mrt",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
})  # fmt: skip
_LAST_WORD = re.compile(r"(\S+)$")
SENTENCE_WINDOW = 400


def sentence_ends(text: str) -> list[tuple[int, int]]:
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


def sentence_in(ends: list[tuple[int, int]], length: int, start: int,
                end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), at most a window either side of it.

    A sentence is never that long; a block without sentence ends must not make the
    sentence of everything in it the whole block.
    """
    begin, stop = max(0, start - SENTENCE_WINDOW), min(length, end + SENTENCE_WINDOW)
    before = bisect.bisect_right(ends, (start, length + 1)) - 1
    while before >= 0 and ends[before][1] > start:  # an end around the span itself
        before -= 1
    if before >= 0 and ends[before][0] >= begin:
        begin = ends[before][1]
    after = bisect.bisect_left(ends, (end, -1))
    if after < len(ends) and ends[after][1] <= stop:
        stop = ends[after][0]
    return begin, stop


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
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


PREFIX_WORDS = r"(?:van|de|der|den|ter|ten|te|het|'t|in|op|d'|l')"
ROLE_WORDS = frozenset({
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


# Words that name a person by surname alone as surely as a full name: an office
# ("wethouder Brouwer", "Statenlid Van Boxtel") or a form of address ("Mevrouw Haddou",
# "de heer Stam"). Minutes and letters name the officials they are about this way.
TITLE_BEFORE_SURNAME = re.compile(
    r"(?<![\w-])(?:loco-?burgemeester|burgemeester|wethouder|(?:gemeente)?raadslid|statenlid|"
    r"gedeputeerde|commissaris|dijkgraaf|heemraad|hoogheemraad|fractievoorzitter|"
    r"mevrouw|mevr|mw|meneer|heer|dhr|hr|mayor|alderman|councillor|mrs|ms|mr)"
    r"\.?\s+$")

NAME_WINDOW = 200  # a name, its initials, prefixes and title fit in far less


# A surname after a first name; "in", "te" and "op" are tussenvoegsels too, but far more
# often the start of "in Dalfsen", so they are left out here.
FOLLOWING_NAME = re.compile(r" +((?:(?:van|de|der|den|ter|ten|'t|[Ee]l|[Aa]l|da|di|du|le|la|von) +)"
                            r"{0,4})([A-Z][\w'’]*(?:-[\w'’]+)*)")
NOT_A_SURNAME = frozenset({"en", "of", "is", "was", "heeft", "had", "die", "zit",
                           "gaat", "werkt", "woont", "studeert", "and", "has"})
