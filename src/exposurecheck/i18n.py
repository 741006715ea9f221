"""Language choice and the translation catalogues.

Text in the code is English (the gettext msgid); every other language is one
`.po` file in `locale/<lang>/LC_MESSAGES/exposurecheck.po`, edited without
Python. A wheel carries the `.mo` compiled at build time (hatch_build.py); a
source checkout or editable install compiles the `.po` with Babel on first use.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from enum import StrEnum
from functools import cache
from pathlib import Path

DOMAIN = "exposurecheck"
LOCALE_DIR = Path(__file__).parent / "locale"


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


def N_(message: str) -> str:
    """Mark a msgid for extraction where it is translated later (in a table of keys)."""
    return message


@cache
def translator(lang: str) -> gettext.NullTranslations:
    """gettext, ngettext and pgettext for `lang`; English (the msgids) needs no catalogue."""
    return load_catalogue(LOCALE_DIR, lang)


def load_catalogue(localedir: Path, lang: str) -> gettext.NullTranslations:
    """The compiled catalogue when it is up to date, else the `.po` compiled in memory."""
    po = localedir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return gettext.NullTranslations()


def compile_po(po: Path) -> bytes:
    """The `.mo` bytes of a `.po` file; fuzzy entries are left out, as `pybabel compile` does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()
