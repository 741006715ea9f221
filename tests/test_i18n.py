"""Translation catalogues: complete, compilable, placeholders intact, a language is a file."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from exposurecheck import i18n
from exposurecheck.i18n import DOMAIN, LOCALE_DIR, Lang, compile_po, load_catalogue, translator
from exposurecheck.reporters.labels import label

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
