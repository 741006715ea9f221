"""A letter as a few kinds of blocks, so one text renders as plain text and as Markdown."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum

from exposurecheck.i18n import Lang, translator
from exposurecheck.models import Fingerprint, Frozen, OfficialId

WIDTH = 78


class LetterFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"

    @property
    def suffix(self) -> str:
        return ".md" if self is LetterFormat.MARKDOWN else ".txt"


class Recipient(StrEnum):
    KVK = "kvk"
    MUNICIPALITY = "municipality"
    PAGE_OWNER = "page_owner"
    FIX_FIRST = "fix_first"  # not a letter: what must hold before a request can be sent


class Letter(Frozen):
    """One request, ready to send once the [PLACEHOLDERS] are filled in."""

    stem: str  # file name without suffix: official id, kind, short fingerprint
    official_id: OfficialId
    recipient: Recipient
    recipient_name: str
    subject: str
    body_text: str
    body_markdown: str
    fingerprints: tuple[Fingerprint, ...]

    def body(self, letter_format: LetterFormat) -> str:
        return self.body_markdown if letter_format is LetterFormat.MARKDOWN else self.body_text


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Lines:
    """Short lines kept as they are: a date line, a signature."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


Block = Paragraph | Lines | Fields | Bullets


@dataclass(frozen=True)
class Document:
    """The letter itself, then notes for the sender that are not to be sent."""

    recipient: str
    subject: str
    body: tuple[Block, ...]
    notes: tuple[str, ...]
    blocked: bool = False  # a declaration the audit contradicts: not to be sent yet


def _words(lang: Lang) -> tuple[str, str, str]:
    catalogue = translator(lang)
    return (catalogue.pgettext("letter heading", "To"),
            catalogue.pgettext("letter heading", "Subject"),
            catalogue.gettext("Notes for you (do not send)"))


TRANSLATION_NOTE = ("English translation of the Dutch letter, for your understanding: send the "
                    "Dutch version (run the command with --lang nl).")


def render_text(doc: Document, lang: Lang) -> str:
    to, subject, notes = _words(lang)
    out = [f"[{TRANSLATION_NOTE}]", ""] if lang is Lang.EN else []
    out += [f"{to}: {doc.recipient}", f"{subject}: {doc.subject}", ""]
    for block in doc.body:
        out += _text_block(block)
        out.append("")
    out += ["-" * WIDTH, notes, ""]
    out += [textwrap.fill(n, WIDTH, initial_indent="- ", subsequent_indent="  ",
                          break_long_words=False, break_on_hyphens=False) for n in doc.notes]
    return "\n".join(out) + "\n"


def _text_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return textwrap.wrap(block.text, WIDTH, break_long_words=False, break_on_hyphens=False)
    if isinstance(block, Lines):
        return list(block.lines)
    if isinstance(block, Fields):
        width = max(len(name) for name, _ in block.rows) + 2
        return [f"  {name + ':':<{width}}{value}" for name, value in block.rows]
    return [textwrap.fill(item, WIDTH, initial_indent="  - ", subsequent_indent="    ",
                          break_long_words=False, break_on_hyphens=False)
            for item in block.items]


def md_escape(text: str) -> str:
    """Escape what Markdown would read as emphasis, code, HTML or a table."""
    for char in "\\`*_<>|":
        text = text.replace(char, "\\" + char)
    return text


def render_markdown(doc: Document, lang: Lang) -> str:
    to, subject, notes = _words(lang)
    out = [f"> {md_escape(TRANSLATION_NOTE)}", ""] if lang is Lang.EN else []
    out += [f"**{to}:** {md_escape(doc.recipient)}  ",
            f"**{subject}:** {md_escape(doc.subject)}", ""]
    for block in doc.body:
        out += _markdown_block(block)
        out.append("")
    out += ["---", "", f"### {notes}", ""]
    out += [f"- {md_escape(n)}" for n in doc.notes]
    return "\n".join(out) + "\n"


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [md_escape(block.text)]
    if isinstance(block, Lines):
        return [md_escape(line) + "  " for line in block.lines]
    if isinstance(block, Fields):
        return [f"- **{md_escape(name)}:** {md_escape(value)}" for name, value in block.rows]
    return [f"- {md_escape(item)}" for item in block.items]
