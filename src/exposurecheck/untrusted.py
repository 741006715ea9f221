"""Text from outside (a register, a page, a document, a roster) made safe to keep and show.

Applied once, where data enters the tool, so that no reporter has to remember it: control
characters (C0, C1, DEL), which carry terminal escape sequences (ESC, OSC), and the Unicode
bidirectional controls that can reorder what a reader sees are removed; lone surrogates, which
cannot be encoded, become U+FFFD. Line breaks and tabs become spaces in single-line values.
"""

from __future__ import annotations

import re

# C0 controls except tab and line breaks, DEL, C1 controls, and bidi embedding/override/isolate
# marks (U+202A-U+202E, U+2066-U+2069) and the invisible direction marks U+200E/U+200F.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"[\t\n\r\u2028\u2029\x85]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """A single-line value (a name, a title, an error message) safe for every output."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", _LINE_BREAK.sub(" ", value)))


def clean_block(value: str) -> str:
    """Multi-line text (a page's text): keeps tabs and line breaks, removes the rest."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))
