"""An erasure request (AVG/GDPR art. 17) to whoever runs a page that shows an official's data.

One letter per official and site: the owner gets one request listing every
item and page, not a stack of letters about the same site.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from exposurecheck.letters.document import Block, Bullets, Document, Paragraph
from exposurecheck.letters.facts import Sender
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening, t
from exposurecheck.models import Finding, FindingKind, Subject

_ITEM: dict[FindingKind, tuple[str, str]] = {
    FindingKind.HOME_ADDRESS: ("mijn woonadres", "my home address"),
    FindingKind.BUSINESS_AT_HOME: ("een bedrijf op mijn woonadres", "a business at my home"),
    FindingKind.PHONE: ("mijn telefoonnummer", "my phone number"),
    FindingKind.EMAIL: ("mijn e-mailadres", "my email address"),
    FindingKind.BIRTH_DATE: ("mijn geboortedatum", "my date of birth"),
    FindingKind.HOUSEHOLD_NAME: ("de naam van een huisgenoot", "the name of a housemate"),
    FindingKind.RESIDENCE: ("mijn woonplaats", "my place of residence"),
}


def site_of(finding: Finding) -> str:
    """The host the request goes to; findings on one host share a letter."""
    url = finding.locator.url or ""
    return urlsplit(url).hostname or url


def erasure(sender: Sender, site: str, findings: Sequence[Finding]) -> Document:
    lang = sender.lang
    items = tuple(_item(sender, f) for f in findings)
    household = any(f.kind is FindingKind.HOUSEHOLD_NAME or f.subject is Subject.HOUSEHOLD
                    for f in findings)
    where = site or t(lang, "uw website", "your website")
    page = (t(lang, f"de website {site}", f"the website {site}") if site
            else t(lang, "uw website", "your website"))
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    f"Op {page} staan persoonsgegevens van mij"
                    + (" en mijn huishouden" if household else "") + ". Op grond van artikel "
                    "17, eerste lid, onder c, van de Algemene verordening gegevensbescherming "
                    "(AVG) vraag ik u deze gegevens te verwijderen. Ik maak bezwaar tegen de "
                    "verwerking ervan (artikel 21, eerste lid, AVG).",
                    f"{page[0].upper()}{page[1:]} shows personal data of mine"
                    + (" and my household" if household else "") + ". Under article 17(1)(c) "
                    "of the General Data Protection Regulation (GDPR, in Dutch: AVG), I ask you "
                    "to erase this data. I object to its processing (article 21(1) GDPR).")),
        Paragraph(t(lang, "Het gaat om:", "The data concerned:")),
        Bullets(items),
        Paragraph(t(lang,
                    f"Ik ben {office(sender)}. Dat mijn functie openbaar is, betekent niet dat "
                    "deze gegevens openbaar moeten zijn: politieke ambtsdragers worden steeds "
                    "vaker thuis opgezocht en bedreigd, en met deze gegevens is dat eenvoudig. "
                    "Er is geen belang bij publicatie dat zwaarder weegt dan mijn veiligheid en "
                    "die van mijn huisgenoten.",
                    f"I am a {office(sender)}. That my office is public does not mean this data "
                    "has to be: political office holders are increasingly sought out and "
                    "threatened at home, and this data makes that easy. No interest in "
                    "publishing it outweighs my safety and that of my household.")),
        Paragraph(t(lang,
                    "Verwijder de gegevens ook uit kopieën en archieven die u beheert, en laat het "
                    "anderen aan wie u ze heeft verstrekt of die ze van u hebben overgenomen weten "
                    "(artikel 17, tweede lid, en artikel 19 AVG).",
                    "Please also erase the data from copies and archives you control, and inform "
                    "others you disclosed it to or who copied it from you (articles 17(2) and 19 "
                    "GDPR).")),
        Paragraph(t(lang,
                    "U moet binnen één maand na ontvangst op dit verzoek reageren (artikel 12, "
                    "derde lid, AVG). U kunt die termijn met twee maanden verlengen, maar dan laat "
                    "u mij dat binnen de eerste maand weten, met de reden. U kunt mij antwoorden "
                    f"via {sender.ph('reply')}.",
                    "You must respond to this request within one month of receipt (article "
                    "12(3) GDPR). You may extend that by two months, but then you must tell me "
                    "within the first month, with the reasons. You can reply to "
                    f"{sender.ph('reply')}.")),
        *closing(lang, sender.name),
    ]
    notes = [
        fill_in_note(lang),
        t(lang, f"Stuur dit naar het privacy-contactadres van {where}; dat staat meestal in de "
                "privacyverklaring. Bewaar een kopie met de verzenddatum: de termijn van een "
                "maand loopt vanaf ontvangst.",
          f"Send this to the privacy contact of {where}; it is usually in the privacy "
          "statement. Keep a copy with the date you sent it: the one-month deadline runs from "
          "receipt."),
        t(lang, "Grondslag: art. 17 lid 1 AVG (recht op gegevenswissing): onder b als je de "
                "gegevens zelf met toestemming hebt gegeven (je trekt die toestemming in), onder "
                "c met bezwaar (art. 21 lid 1 AVG) als de verwerking berust op een taak van "
                "algemeen belang of een gerechtvaardigd belang (art. 6 lid 1 onder e of f AVG); "
                "termijn: art. 12 lid 3 AVG (één maand, met twee maanden te verlengen).",
          "Legal basis: art. 17(1) GDPR (right to erasure): point (b) if you gave the data "
          "yourself with consent (you withdraw it), point (c) with an objection (art. 21(1) "
          "GDPR) if the processing rests on a public task or a legitimate interest (art. "
          "6(1)(e) or (f) GDPR); deadline: art. 12(3) GDPR (one month, extendable by two)."),
        t(lang, "Geen of een afwijzend antwoord binnen een maand? Je kunt een klacht indienen bij "
                "de Autoriteit Persoonsgegevens.",
          "No answer, or a refusal, within a month? You can complain to the Dutch Data "
          "Protection Authority (Autoriteit Persoonsgegevens)."),
        t(lang, "Is de publicatie vijandig, bedoeld om je bang te maken of te hinderen? Dan kun je "
                "ook aangifte doen bij de politie: doxing is strafbaar (art. 285d Wetboek van "
                "Strafrecht).",
          "Is the publication hostile, meant to frighten or obstruct you? Then you can also "
          "report it to the police: doxing is a criminal offence (art. 285d of the Dutch "
          "Criminal Code)."),
    ]
    if household:
        notes.append(t(lang, "Het gaat ook om gegevens van een huisgenoot: vraag eerst diens "
                             "toestemming. Je huisgenoot kan ook zelf zo'n verzoek doen.",
                       "This includes a housemate's data: ask for their consent first. Your "
                       "housemate can also make such a request themselves."))
    return Document(
        recipient=t(lang, f"De beheerder van {where} (verwerkingsverantwoordelijke)",
                    f"The operator of {where} (data controller)"),
        subject=t(lang, "Verzoek om verwijdering van persoonsgegevens (artikel 17 AVG)",
                  "Request for erasure of personal data (article 17 GDPR)"),
        body=tuple(body), notes=tuple(notes))


def _item(sender: Sender, finding: Finding) -> str:
    lang = sender.lang
    nl, en = _ITEM.get(finding.kind, ("mijn persoonsgegevens", "my personal data"))
    what = t(lang, nl, en)
    url = finding.locator.url or t(lang, "[PAGINA]", "[PAGE]")
    element = finding.locator.element
    spot = f" ({t(lang, 'vindplaats', 'found in')}: {element})" if element else ""
    return t(lang, f"{what}: {sender.value(finding)}, op {url}{spot}",
             f"{what}: {sender.value(finding)}, on {url}{spot}")
