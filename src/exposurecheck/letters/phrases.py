"""Words every letter shares: date line, salutation, signature, the standard notes."""

from __future__ import annotations

from exposurecheck.i18n import Lang
from exposurecheck.letters.document import Block, Lines, Paragraph
from exposurecheck.letters.facts import Sender, placeholder


def t(lang: Lang, nl: str, en: str) -> str:
    return nl if lang is Lang.NL else en


def opening(lang: Lang) -> tuple[Block, ...]:
    return (Lines((placeholder("place_date", lang),)),
            Paragraph(t(lang, "Geachte heer, mevrouw,", "Dear Sir or Madam,")))


def closing(lang: Lang, signer: str) -> tuple[Block, ...]:
    return (Paragraph(t(lang, "Met vriendelijke groet,", "Yours faithfully,")),
            Lines((signer, placeholder("signature", lang))))


def office(sender: Sender) -> str:
    """'politiek ambtsdrager (wethouder, Gemeente Voorbeeld)': public, so always filled in."""
    return t(sender.lang, f"politiek ambtsdrager ({sender.role}, {sender.organisation})",
             f"political office holder ({sender.role}, {sender.organisation})")


def fill_in_note(lang: Lang) -> str:
    return t(lang, "Vul alles tussen [haken] in en haal deze toelichting weg voordat je de brief "
                   "verstuurt.",
             "Fill in everything in [brackets] and remove these notes before you send the "
             "letter.")
