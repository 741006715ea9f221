"""Translation catalogues: complete, compilable, placeholders intact, a language is a file,
and no Dutch and English text side by side in the code."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from exposurecheck import i18n
from exposurecheck.evidence.statement import _TEXT as STATEMENT_TEXT
from exposurecheck.i18n import DOMAIN, LOCALE_DIR, Lang, compile_po, load_catalogue, translator
from exposurecheck.recommendations import STEPS
from exposurecheck.reporters.labels import label
from exposurecheck.reporters.sarif import RULES
from exposurecheck.web.advice import WEB_STEPS

SRC = Path(i18n.__file__).parent
CATALOGUES = sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _catalogue(po: Path):  # type: ignore[no-untyped-def]
    with po.open("rb") as source:
        return read_po(source)


def _msgids_in_code() -> set[tuple[str | None, str]]:
    """(context, msgid) for every message the code marks, as `pybabel extract` finds them."""
    found: set[tuple[str | None, str]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            SRC, method_map=[("**.py", "python")]):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


def test_there_is_a_dutch_catalogue() -> None:
    assert LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po" in CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_in_the_code_is_translated(po: Path) -> None:
    catalog = _catalogue(po)
    missing = sorted(m for c, m in _msgids_in_code()
                     if (entry := catalog.get(m, context=c)) is None or not entry.string
                     or entry.fuzzy)
    assert not missing, f"untranslated or fuzzy in {po}: {missing[:10]}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_holds_only_what_the_code_uses(po: Path) -> None:
    used = _msgids_in_code()
    stale = sorted(m.id for m in _catalogue(po) if m.id and (m.context, m.id) not in used)
    assert not stale, f"not in the code any more (run pybabel update): {stale[:10]}"


def test_every_text_kept_in_a_table_has_a_dutch_translation() -> None:
    """A table's text is translated where it is used: unmarked, it would stay English."""
    texts = [*(t for s in (*STEPS.values(), *WEB_STEPS.values()) for t in (s.title, s.text)),
             *(t for r in RULES.values() for t in (r.short, r.full)),
             *STATEMENT_TEXT.values()]
    dutch = translator(Lang.NL)
    assert STEPS and WEB_STEPS and RULES and STATEMENT_TEXT
    assert not [t for t in texts if dutch.gettext(t) == t]


# Dutch and English side by side in Python instead of in the catalogue.
_SIDE_BY_SIDE = re.compile(
    r"\b(?:nl|en)\s*=(?!=)"                          # nl=..., en=..., nl, en = ...
    r"|\b(?:nl|en)\s*:\s*(?:str|tuple|_)"            # a field or parameter nl: str
    r"|[\"'](?:nl|en)[\"']\s*:"                      # {"nl": ..., "en": ...}
    r"|\bLang\.(?:NL|EN)\s*:\s*f?[\"']"              # {Lang.NL: "...", ...}
    r"|\bif\s+(?:nl|en)\b"                           # "..." if nl else "..."
    r"|\bif\s+lang\s+is\s+(?:not\s+)?Lang\.\w+\s*:"  # if lang is Lang.NL: return "..."
    r"|[\"']\s+if\s+[^\n]*\bLang\.\w+\s+else\s+f?[\"']")  # "..." if lang is Lang.NL else "..."


# One line of each way the code once held Dutch and English side by side
_PAIRS_ONCE_WRITTEN = """\
nl=_Text("Titel", "Tekst"),
    en: tuple[str, str]
nl, en = _TEXT[key]
{"nl": "Aan", "en": "To"}
{Lang.NL: "verklaring.txt", Lang.EN: "statement.txt"}
("verwijder de regel" if nl else
    if lang is Lang.NL:
return "Aan" if lang is Lang.NL else "To"
"""


@pytest.mark.parametrize("line", _PAIRS_ONCE_WRITTEN.splitlines())
def test_the_side_by_side_check_sees_a_pair(line: str) -> None:
    assert _SIDE_BY_SIDE.search(line)


def test_no_dutch_and_english_pair_remains_in_the_code() -> None:
    pairs = [f"{path.relative_to(SRC)}:{number}" for path in sorted(SRC.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if _SIDE_BY_SIDE.search(line)]
    assert not pairs, f"put the text in the catalogue (English msgid, .po msgstr): {pairs}"


def _placeholders(text: str) -> tuple[list[str], list[str]]:
    """Named `{fields}` (format spec aside, order free) and `%` conversions outside them."""
    parts = list(string.Formatter().parse(text))
    fields = sorted(name for _, name, _, _ in parts if name is not None)
    literal = "".join(text for text, _, _, _ in parts)
    return fields, re.findall(r"%(?:\(\w+\))?[sdrf%]", literal)


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_placeholders_agree_between_msgid_and_msgstr(po: Path) -> None:
    wrong = [m.id for m in _catalogue(po) if m.id and m.string
             and _placeholders(str(m.id)) != _placeholders(str(m.string))]
    assert not wrong


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_compiles(po: Path) -> None:
    catalog = _catalogue(po)
    assert not list(catalog.check())
    assert compile_po(po).startswith(b"\xde\x12\x04\x95")  # the .mo magic number


def test_english_needs_no_catalogue() -> None:
    assert not (LOCALE_DIR / "en").exists()
    assert translator(Lang.EN).gettext("severity") == "severity"
    assert translator(Lang.NL).gettext("severity") == "ernst"


def _write_po(directory: Path, lang: str, entries: dict[str, str]) -> Path:
    po = directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    po.parent.mkdir(parents=True)
    body = "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in entries.items())
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' + body,
                  encoding="utf-8")
    return po


def test_a_third_language_is_one_po_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_po(tmp_path, "fy", {"severity": "earnst", "high": "heech"})
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    translator.cache_clear()
    try:
        assert label("severity", "fy") == "earnst"  # type: ignore[arg-type]
        assert label("high", "fy") == "heech"  # type: ignore[arg-type]
        assert label("low", "fy") == "low"  # type: ignore[arg-type]  # untranslated: English
    finally:
        translator.cache_clear()


def test_a_compiled_catalogue_is_used_only_while_it_is_up_to_date(tmp_path: Path) -> None:
    po = _write_po(tmp_path, "xx", {"high": "from the po"})
    mo = po.with_suffix(".mo")
    _write_po(tmp_path / "other", "xx", {"high": "from the mo"})
    mo.write_bytes(compile_po(tmp_path / "other" / "xx" / "LC_MESSAGES" / f"{DOMAIN}.po"))
    os.utime(po, (1_000_000, 1_000_000))
    assert load_catalogue(tmp_path, "xx").gettext("high") == "from the mo"
    os.utime(mo, (1_000, 1_000))
    assert load_catalogue(tmp_path, "xx").gettext("high") == "from the po"


def test_a_fuzzy_translation_is_not_used(tmp_path: Path) -> None:
    po = _write_po(tmp_path, "xx", {})
    po.write_text(po.read_text(encoding="utf-8") + '#, fuzzy\nmsgid "high"\nmsgstr "guess"\n',
                  encoding="utf-8")
    assert load_catalogue(tmp_path, "xx").gettext("high") == "high"
