"""Words every letter shares: date line, salutation, signature, the standard notes."""

from __future__ import annotations

from exposurecheck.i18n import Lang
from exposurecheck.legal import is_political_office_holder
from exposurecheck.letters.document import Block, Lines, Paragraph
from exposurecheck.letters.facts import Sender, placeholder


def t(lang: Lang, nl: str, en: str) -> str:
    return nl if lang is Lang.NL else en


def opening(lang: Lang) -> tuple[Block, ...]:
    """Sender block (KVK and the municipality call or write back), place and date, salutation."""
    return (Lines((placeholder("name", lang), placeholder("correspondence", lang),
                   placeholder("phone", lang), placeholder("reply", lang))),
            Lines((placeholder("place_date", lang),)),
            Paragraph(t(lang, "Geachte heer, mevrouw,", "Dear Sir or Madam,")))


def closing(lang: Lang, signer: str) -> tuple[Block, ...]:
    return (Paragraph(t(lang, "Met vriendelijke groet,", "Yours faithfully,")),
            Lines((signer, placeholder("signature", lang))))


def _of_body(organisation: str) -> str:
    """'Gemeente Voorbeeld' -> 'de gemeente Voorbeeld', as a Dutch sentence says it."""
    for word in ("Gemeente", "Provincie", "Waterschap", "Hoogheemraadschap"):
        if organisation.startswith(word + " "):
            return f"de {word.lower()}{organisation[len(word):]}"
    return organisation


def office(sender: Sender) -> str:
    """'raadslid van de gemeente Voorbeeld (decentraal politiek ambtsdrager)': public, so
    always filled in. Only a political office holder is called one (issue: a griffier)."""
    political = is_political_office_holder(sender.result.role)
    return t(sender.lang,
             f"{sender.role} van {_of_body(sender.organisation)}"
             + (" (decentraal politiek ambtsdrager)" if political else ""),
             f"{sender.role} ({sender.organisation})"
             + (", a decentral political office holder" if political else ""))


def fill_in_note(lang: Lang) -> str:
    return t(lang, "Vul alles tussen [haken] in en haal deze toelichting weg voordat je de brief "
                   "verstuurt.",
             "Fill in everything in [brackets] and remove these notes before you send the "
             "letter.")
