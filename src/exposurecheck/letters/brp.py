"""A request for secrecy (geheimhouding) in the BRP: it stops the municipality handing the
home address to third parties outside government, so it helps wherever the address leaked."""

from __future__ import annotations

from exposurecheck.letters.document import Block, Document, Fields, Paragraph
from exposurecheck.letters.facts import Sender
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening, t

# The article of the Wet BRP is not cited: it is unconfirmed (see the domain notes).
LEGAL_BASIS = ("Wet basisregistratie personen (geheimhouding van gegevens)",
               "Personal Records Database Act (Wet basisregistratie personen), secrecy of data")


def secrecy(sender: Sender) -> Document:
    lang = sender.lang
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    "Ik vraag u mijn persoonsgegevens in de basisregistratie personen (BRP) geheim "
                    "te houden. Dan verstrekt de gemeente mijn gegevens niet meer aan derden "
                    "zonder wettelijke taak, zoals kerkgenootschappen.",
                    "I ask you to keep my personal data in the Personal Records Database (BRP) "
                    "secret, so that the municipality no longer discloses it to third parties "
                    "without a legal task, such as churches.")),
        Paragraph(t(lang,
                    f"Ik ben {office(sender)}. Mijn woonadres is op andere plaatsen openbaar "
                    "geworden; ik wil voorkomen dat het ook via de BRP wordt verstrekt.",
                    f"I am a {office(sender)}. My home address has become public elsewhere; I "
                    "want to prevent it from also being disclosed through the BRP.")),
        Fields(((t(lang, "Naam", "Name"), sender.name),
                (t(lang, "Geboortedatum", "Date of birth"), sender.birth_date),
                (t(lang, "Adres", "Address"), sender.home()))),
        *closing(lang, sender.name),
        Paragraph(t(lang, "Bijlage: kopie van mijn identiteitsbewijs (als uw gemeente daarom "
                          "vraagt; maak het BSN en de pasfoto onleesbaar waar dat mag).",
                    "Enclosure: a copy of my identity document (if your municipality asks for "
                    "it; black out the BSN and photo where allowed).")),
    ]
    notes = [
        fill_in_note(lang),
        *([] if sender.registered_in else [t(
            lang, "Controleer eerst in welke gemeente je ingeschreven staat (dat is niet altijd "
                  "de plaats in je adres: een dorp hoort bij een gemeente) en vul die in.",
            "First check in which municipality you are registered (not always the town in your "
            "address: a village belongs to a municipality) and fill it in.")]),
        t(lang, "Geheimhouding is gratis en wordt altijd toegekend; veel gemeenten hebben er een "
                "online formulier voor.",
          "Secrecy is free and always granted; many municipalities have an online form for it."),
        t(lang, "Het geldt alleen voor jou: huisgenoten vragen het voor zichzelf aan, en ouders "
                "kunnen het voor hun kinderen tot 16 jaar aanvragen. Overheidsinstanties en "
                "instellingen die de gegevens op grond van de wet krijgen (zoals "
                "pensioenfondsen) krijgen ze nog wel.",
          "It covers only you: housemates request it for themselves, and parents can request "
          "it for their children up to 16. Government bodies and bodies authorised by law to "
          "receive the data (such as pension funds) still receive it."),
        t(lang, f"Grondslag: {LEGAL_BASIS[0]}.", f"Legal basis: {LEGAL_BASIS[1]}."),
        t(lang, "Dit haalt je adres niet weg waar het al openbaar is: verstuur ook de andere "
                "verzoeken.",
          "This does not remove your address where it is already public: send the other "
          "requests too."),
    ]
    return Document(
        recipient=t(lang, f"Het college van burgemeester en wethouders van de gemeente "
                          f"{sender.municipality}, t.a.v. Burgerzaken",
                    f"The Mayor and Aldermen (college van burgemeester en wethouders) of the "
                    f"municipality of {sender.municipality}, attn. Civil Affairs (Burgerzaken)"),
        subject=t(lang, "Verzoek om geheimhouding van mijn persoonsgegevens in de BRP",
                  "Request for secrecy of my personal data in the BRP"),
        body=tuple(body), notes=tuple(notes))
