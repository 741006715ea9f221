"""A request for secrecy (geheimhouding) in the BRP: it stops the municipality handing the
home address to third parties outside government, so it helps wherever the address leaked."""

from __future__ import annotations

from exposurecheck.i18n import N_, translator
from exposurecheck.letters.document import Block, Document, Fields, Paragraph
from exposurecheck.letters.facts import Sender
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening

# The article of the Wet BRP is not cited: it is unconfirmed (see the domain notes).
LEGAL_BASIS = N_("Personal Records Database Act (Wet basisregistratie personen), secrecy of "
                 "data")


def secrecy(sender: Sender) -> Document:
    lang = sender.lang
    _ = translator(lang).gettext
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("I ask you to keep my personal data in the Personal Records Database (BRP) "
                    "secret, so that the municipality no longer discloses it to third parties "
                    "without a legal task, such as churches.")),
        Paragraph(_("I am a {office}. My home address has become public elsewhere; I want to "
                    "prevent it from also being disclosed through the BRP.").format(
                      office=office(sender))),
        Fields(((_("Name"), sender.name),
                (_("Date of birth"), sender.birth_date),
                (_("Address"), sender.home()))),
        *closing(lang, sender.name),
        Paragraph(_("Enclosure: a copy of my identity document (if your municipality asks for "
                    "it; black out the BSN and photo where allowed).")),
    ]
    notes = [
        fill_in_note(lang),
        *([] if sender.registered_in else [
            _("First check in which municipality you are registered (not always the town in your "
              "address: a village belongs to a municipality) and fill it in.")]),
        _("Secrecy is free and always granted; many municipalities have an online form for it."),
        _("It covers only you: housemates request it for themselves, and parents can request it "
          "for their children up to 16. Government bodies and bodies authorised by law to receive "
          "the data (such as pension funds) still receive it."),
        _("Legal basis: {legal_basis}.").format(legal_basis=_(LEGAL_BASIS)),
        _("This does not remove your address where it is already public: send the other requests "
          "too."),
    ]
    return Document(
        recipient=_("The Mayor and Aldermen (college van burgemeester en wethouders) of the "
                    "municipality of {municipality}, attn. Civil Affairs (Burgerzaken)").format(
                      municipality=sender.municipality),
        subject=_("Request for secrecy of my personal data in the BRP"),
        body=tuple(body), notes=tuple(notes))
