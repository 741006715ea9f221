"""Text from outside (a register, a page, a document, a roster) made safe to keep and show.

Applied once, where data enters the tool, so that no reporter has to remember it: control
characters (C0, C1, DEL), which carry terminal escape sequences (ESC, OSC), the Unicode
bidirectional controls that can reorder what a reader sees, and the noncharacters that XML
forbids (U+FFFE, U+FFFF and their kin) are removed; lone surrogates, which cannot be encoded,
become U+FFFD. Line breaks and tabs become spaces in single-line values. Every pattern is a
plain character class, so cleaning is linear in the length of the text.
"""

from __future__ import annotations

import re

# C0 controls except tab and line breaks, DEL, C1 controls, the bidi marks, embeddings,
# overrides and isolates (U+061C, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069), and the
# noncharacters (U+FDD0-U+FDEF and the last two code points of every plane).
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]")
_LINE_BREAK = re.compile(r"[\t\n\r\u2028\u2029\x85]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """A single-line value (a name, a title, an error message) safe for every output."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", _LINE_BREAK.sub(" ", value)))


def clean_block(value: str) -> str:
    """Multi-line text (a page's text): keeps tabs and line breaks, removes the rest."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))


def has_surrogate(value: str) -> bool:
    """A lone surrogate: text that is not valid Unicode and cannot be written as UTF-8."""
    return _SURROGATE.search(value) is not None
