"""What to do about a finding, in Dutch and English, each step with its legal basis.

Texts live here, not in collectors, so every source recommends the same steps
in the same words and a translation is reviewed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from exposurecheck.i18n import Lang
from exposurecheck.models import (
    Finding,
    FindingKind,
    Recommendation,
    SourceId,
    Status,
    Subject,
)

CONVENANT_URL = "https://www.kvk.nl/over-het-handelsregister/decentrale-politieke-ambtsdragers/"
SHIELDING_URL = "https://www.kvk.nl/over-het-handelsregister/afschermen-van-je-bezoekadres-wat-is-mogelijk/"
DIGIMELDING_URL = "https://www.kvk.nl/over-het-handelsregister/terugmelden-via-digimelding/"
ART_51 = "art. 51 Handelsregisterbesluit 2008 (Stb. 2022, 475)"

_CAPITAL_COMPANIES = ("besloten vennootschap", "naamloze vennootschap", "bv", "b.v.", "nv", "n.v.")


@dataclass(frozen=True)
class _Text:
    title: str
    text: str


@dataclass(frozen=True)
class _Step:
    legal_basis: str
    url: str
    nl: _Text
    en: _Text

    def render(self, step_id: str, lang: Lang) -> Recommendation:
        text = self.nl if lang is Lang.NL else self.en
        return Recommendation(id=step_id, title=text.title, text=text.text,
                              legal_basis=self.legal_basis, url=self.url)


STEPS: dict[str, _Step] = {
    "kvk-shield-convenant": _Step(
        legal_basis=f"{ART_51}; Convenant afscherming bezoekadres decentrale politieke "
                    "ambtsdragers (31 januari 2023)",
        url=CONVENANT_URL,
        nl=_Text(
            "Laat het bezoekadres afschermen via het convenant",
            "Burgemeesters, wethouders, raads- en Statenleden, gedeputeerden en leden van een "
            "waterschapsbestuur, en hun partner of huisgenoot met een eigen onderneming, kunnen "
            "het bezoekadres in het Handelsregister laten afschermen. Voorwaarden: je staat als "
            "ambtsdrager op de website van je overheidsorganisatie, het bezoekadres is je "
            "woonadres, het is geen bv of nv, en je geeft een correspondentieadres op (bijv. een "
            "postbus). Dien het formulier uit bijlage B van het convenant in bij KVK."),
        en=_Text(
            "Have the visiting address shielded under the covenant",
            "Mayors, aldermen, municipal and provincial council members, provincial executives "
            "and water board members, and their partners or housemates with a business of their "
            "own, can have the visiting address shielded in the Business Register. Conditions: "
            "you are listed as an office holder on your government body's website, the visiting "
            "address is your home address, the business is not a BV or NV, and you supply a "
            "correspondence address (e.g. a PO box). Send KVK the form in annex B of the "
            "covenant."),
    ),
    "kvk-shield-threat": _Step(
        legal_basis=f"{ART_51}, lid 3",
        url=SHIELDING_URL,
        nl=_Text(
            "Bij een bv of nv: afscherming bij concrete dreiging",
            "Het convenant geldt niet voor een bv of nv. Is er een concrete dreiging, dan kan "
            "KVK het bezoekadres van elke rechtsvorm afschermen. Voorwaarden: geen openbaar "
            "telefoonnummer, zelf maatregelen genomen om je adres af te schermen, en een "
            "correspondentieadres opgeven. Overweeg anders een ander vestigingsadres."),
        en=_Text(
            "For a BV or NV: shielding on a concrete threat",
            "The covenant does not cover a BV or NV. When there is a concrete threat, KVK can "
            "shield the visiting address of any legal form. Conditions: no public telephone "
            "number, own measures taken to limit who knows your address, and a correspondence "
            "address supplied. Otherwise consider registering another business address."),
    ),
    "kvk-postal-address": _Step(
        legal_basis=f"{ART_51}, lid 4",
        url=SHIELDING_URL,
        nl=_Text(
            "Registreer een apart postadres voor je eenmanszaak",
            "Een eenmanszaak met het woonadres als bezoekadres kan dat adres laten afschermen "
            "door een postadres te registreren dat afwijkt van het woon- en bezoekadres, "
            "bijvoorbeeld een postbus. Wijzig dit via Mijn eenmanszaak op KVK.nl."),
        en=_Text(
            "Register a separate postal address for your sole proprietorship",
            "A sole proprietorship whose visiting address is the home address can have it "
            "shielded by registering a postal address that differs from the home and visiting "
            "address, such as a PO box. Change it through 'Mijn eenmanszaak' on KVK.nl."),
    ),
    "kvk-correspondence-address": _Step(
        legal_basis=f"{ART_51}, lid 3 onder e",
        url=SHIELDING_URL,
        nl=_Text(
            "Verplaats het correspondentieadres van je woonadres",
            "Een correspondentieadres wordt nooit afgeschermd: staat daar je woonadres, dan is "
            "het openbaar, ook als het bezoekadres is afgeschermd. Geef een postbus of ander "
            "adres op als correspondentieadres."),
        en=_Text(
            "Move the correspondence address away from your home",
            "A correspondence address is never shielded: if it is your home address, your home "
            "address is public even when the visiting address is shielded. Register a PO box or "
            "another address as the correspondence address."),
    ),
    "kvk-unknown-registration": _Step(
        legal_basis="Handelsregisterwet 2007 (terugmeldplicht bestuursorganen); "
                    "art. 285d Wetboek van Strafrecht bij misbruik",
        url=DIGIMELDING_URL,
        nl=_Text(
            "Controleer de onbekende inschrijving op je adres",
            "Op je woonadres staat een onderneming ingeschreven die niemand van je huishouden "
            "is: een vorige bewoner, een vergissing of misbruik van je adres. Zoek het "
            "KVK-nummer op en neem contact op met KVK; je gemeente kan een onjuist adres als "
            "bestuursorgaan terugmelden via Digimelding. Doe aangifte bij opzettelijk misbruik."),
        en=_Text(
            "Check the unknown registration at your address",
            "A business that belongs to nobody in your household is registered at your home "
            "address: a former occupant, a mistake, or misuse of your address. Look up the KVK "
            "number and contact KVK; your municipality, as a government body, can report an "
            "incorrect address through Digimelding. Report deliberate misuse to the police."),
    ),
    "kvk-ended-registration": _Step(
        # AVG art. 17(1)(a): data no longer needed for the purpose; the live register no
        # longer shows an ended registration, copies of it still do (domain README, s. 3).
        legal_basis="art. 17 AVG (Verordening (EU) 2016/679)",
        url="https://www.autoriteitpersoonsgegevens.nl/themas/basis-avg/privacyrechten-avg/recht-op-vergetelheid",
        nl=_Text(
            "Een beëindigde inschrijving op je adres: laat kopieën verwijderen",
            "Deze inschrijving is beëindigd en staat niet meer in het actuele Handelsregister, "
            "maar wel in oude uittreksels en op sites die het register hebben overgenomen. Zoek "
            "de naam en het KVK-nummer op die sites en vraag elke site om verwijdering van je "
            "adres (AVG art. 17). Bij KVK zelf is hier niets meer af te schermen."),
        en=_Text(
            "An ended registration at your address: have copies removed",
            "This registration has ended and is no longer in the live Business Register, but "
            "old extracts and sites that copied the register still show it. Look up the name "
            "and KVK number on those sites and ask each to erase your address (GDPR art. 17). "
            "There is nothing left to shield at KVK itself."),
    ),
    "kvk-shielded-keep": _Step(
        legal_basis=ART_51,
        url=SHIELDING_URL,
        nl=_Text(
            "Afscherming is actief: houd dit zo",
            "Het bezoekadres is afgeschermd. Controleer dat het correspondentieadres niet je "
            "woonadres is, en vraag na een verhuizing of nieuwe vestiging opnieuw afscherming "
            "aan."),
        en=_Text(
            "Shielding is in place: keep it that way",
            "The visiting address is shielded. Check that the correspondence address is not "
            "your home address, and request shielding again after a move or a new branch."),
    ),
}


def recommend(finding: Finding, lang: Lang) -> tuple[Recommendation, ...]:
    """The steps for one finding, most effective first."""
    if finding.source is SourceId.WEB:
        from exposurecheck.web.advice import WEB_STEPS, web_steps_for  # imports this module

        return tuple(WEB_STEPS[step].render(step, lang) for step in web_steps_for(finding))
    return tuple(STEPS[step].render(step, lang) for step in _steps_for(finding))


def _steps_for(finding: Finding) -> list[str]:
    if finding.status is Status.ENDED:
        return ["kvk-ended-registration"]
    if finding.status is Status.SHIELDED:
        return ["kvk-shielded-keep"]
    if finding.kind is FindingKind.BUSINESS_AT_HOME or finding.subject is Subject.UNKNOWN:
        return ["kvk-unknown-registration"]
    if finding.locator.address_type == "correspondentieadres":
        return ["kvk-correspondence-address"]
    legal_form = (finding.evidence.legal_form or "").casefold()
    if legal_form in _CAPITAL_COMPANIES:
        return ["kvk-shield-threat"]
    steps = ["kvk-shield-convenant"]
    if legal_form == "eenmanszaak":
        steps.append("kvk-postal-address")
    return steps
