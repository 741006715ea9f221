"""Words every letter shares: date line, salutation, signature, the standard notes."""

from __future__ import annotations

from exposurecheck.i18n import Lang, translator
from exposurecheck.legal import is_political_office_holder
from exposurecheck.letters.document import Block, Lines, Paragraph
from exposurecheck.letters.facts import Sender, placeholder


def opening(lang: Lang) -> tuple[Block, ...]:
    """Sender block (KVK and the municipality call or write back), place and date, salutation."""
    _ = translator(lang).gettext
    return (Lines((placeholder("name", lang), placeholder("correspondence", lang),
                   placeholder("phone", lang), placeholder("reply", lang))),
            Lines((placeholder("place_date", lang),)),
            Paragraph(_("Dear Sir or Madam,")))


def closing(lang: Lang, signer: str) -> tuple[Block, ...]:
    _ = translator(lang).gettext
    return (Paragraph(_("Yours faithfully,")),
            Lines((signer, placeholder("signature", lang))))


def _in_sentence(organisation: str, lang: Lang) -> str:
    """'Gemeente Voorbeeld' as a sentence names it: in Dutch 'de gemeente Voorbeeld'."""
    pgettext = translator(lang).pgettext
    # TRANSLATORS: the first word of a government body's name as it reads inside a sentence
    # ("raadslid van de gemeente Voorbeeld"); English keeps the name as it is
    first_words = {"Gemeente": pgettext("government body in a sentence", "Gemeente"),
                   "Provincie": pgettext("government body in a sentence", "Provincie"),
                   "Waterschap": pgettext("government body in a sentence", "Waterschap"),
                   "Hoogheemraadschap": pgettext("government body in a sentence",
                                                 "Hoogheemraadschap")}
    for word, said in first_words.items():
        if organisation.startswith(word + " "):
            return said + organisation[len(word):]
    return organisation


def office(sender: Sender) -> str:
    """'raadslid van de gemeente Voorbeeld (decentraal politiek ambtsdrager)': public, so
    always filled in. Only a political office holder is called one (issue: a griffier)."""
    _ = translator(sender.lang).gettext
    words = {"role": sender.role, "organisation": _in_sentence(sender.organisation, sender.lang)}
    if is_political_office_holder(sender.result.role):
        return _("{role} ({organisation}), a decentral political office holder").format(**words)
    return _("{role} ({organisation})").format(**words)


def fill_in_note(lang: Lang) -> str:
    _ = translator(lang).gettext
    return _("Fill in everything in [brackets] and remove these notes before you send the "
             "letter.")
