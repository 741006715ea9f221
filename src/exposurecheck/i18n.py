"""Language choice: Dutch or English, defaulting to the user's locale."""

from __future__ import annotations

import locale
import os
from enum import StrEnum


class Lang(StrEnum):
    NL = "nl"
    EN = "en"


def default_lang() -> Lang:
    """Dutch when the locale says so (LC_ALL, LC_MESSAGES, LANG), English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return Lang.NL if value.lower().startswith("nl") else Lang.EN
    current = locale.getlocale()[0] or ""
    return Lang.NL if current.lower().startswith("nl") else Lang.EN
