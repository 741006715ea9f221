"""One way to compare letters: diacritics off, letters NFKD keeps whole spelled plainly.

NFKD splits "é" into "e" and an accent, but a stroke or a dotless i is part of the
letter itself: without this table "Sørensen", "Wałęsa" and "Yılmaz" never equal
"Sorensen", "Walesa" and "Yilmaz", the way people and registers often write them.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_char", "strip_diacritics"]

_PLAIN_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ƚ": "l", "ɨ": "i", "ƀ": "b", "ɍ": "r",
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
    "ĳ": "ij", "Ĳ": "IJ",
})  # fmt: skip


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
