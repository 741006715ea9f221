"""Data as text in every output format: cleaned of control characters, never read as markup.

Models clean their text on the way in (`models.CleanText`); these helpers keep a reporter
safe whatever a model holds, so a trade name "[/]", "[link=...]", "<script>" or an escape
sequence prints as written, or not at all, and never crashes, styles or links.
"""

from __future__ import annotations

import html

from rich.text import Text

from exposurecheck.untrusted import clean_block, clean_text


def plain(value: str, style: str = "") -> Text:
    """A value for a rich renderable: rich never parses a `Text` as markup."""
    return Text(clean_text(value), style=style)


def escape(value: str) -> str:
    """A value for HTML or XML text and attributes."""
    return html.escape(clean_text(value))


def clean_output(text: str) -> str:
    """The last step of a reporter whose output is a file format (no terminal styling)."""
    return clean_block(text)
