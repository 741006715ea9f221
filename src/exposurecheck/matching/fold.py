"""One way to compare letters: diacritics off, letters NFKD keeps whole spelled plainly.

NFKD splits "é" into "e" and an accent, but a stroke or a dotless i is part of the
letter itself: without this table "Sørensen", "Wałęsa" and "Yılmaz" never equal
"Sorensen", "Walesa" and "Yilmaz", the way people and registers often write them.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_char", "strip_diacritics"]

_LOWER_PLAIN = {
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ƚ": "l", "ɨ": "i",
    "ƀ": "b", "ɍ": "r", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij",
}  # fmt: skip
# Each capital too ("Ɍ" as "ɍ"): a folded text is then folded again to itself.
_PLAIN_LETTERS = str.maketrans({
    **_LOWER_PLAIN, "ẞ": "SS",
    **{small.upper(): plain.upper() for small, plain in _LOWER_PLAIN.items()
       if len(small.upper()) == 1 and not small.upper().isascii()},
})


def strip_diacritics(text: str) -> str:
    """"Sørensen-Wałęsa" -> "Sorensen-Walesa"; case is kept, "ß"/"æ" become two letters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(
        _PLAIN_LETTERS)


def fold_char(char: str) -> str:
    """One character folded to one (lower case, no diacritics), so offsets carry over.

    A letter that folds to two ("ß", "æ") stays itself in lower case: patterns made
    from a folded name accept both spellings instead.
    """
    base = strip_diacritics(char).lower()
    if len(base) == 1:
        return base
    lower = char.lower()
    return lower if len(lower) == 1 else char
