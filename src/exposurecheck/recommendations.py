"""What to do about a finding, each step with its legal basis (texts translated in locale/).

Texts live here, not in collectors, so every source recommends the same steps
in the same words and a translation is reviewed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.legal import (
    CONVENANT,
    HRB_51_LID_3,
    HRB_51_LID_4,
    LegalForm,
    classify_legal_form,
    convenant_applies,
    is_political_office_holder,
)
from exposurecheck.models import (
    Finding,
    FindingKind,
    Recommendation,
    SourceId,
    Status,
    Subject,
)
from exposurecheck.support import support_steps

CONVENANT_URL = "https://www.kvk.nl/over-het-handelsregister/decentrale-politieke-ambtsdragers/"
SHIELDING_URL = "https://www.kvk.nl/over-het-handelsregister/afschermen-van-je-bezoekadres-wat-is-mogelijk/"
DIGIMELDING_URL = "https://www.kvk.nl/over-het-handelsregister/terugmelden-via-digimelding/"
ART_51 = "art. 51 Handelsregisterbesluit 2008 (Stb. 2022, 475)"
CHANGE_URL = "https://www.kvk.nl/wijzigen/"


@dataclass(frozen=True)
class _Step:
    """One step; `title` and `text` are English msgids, translated in locale/."""

    legal_basis: str
    url: str
    title: str
    text: str

    def render(self, step_id: str, lang: Lang) -> Recommendation:
        _ = translator(lang).gettext
        return Recommendation(id=step_id, title=_(self.title), text=_(self.text),
                              legal_basis=self.legal_basis, url=self.url)


# Each step gives, in order: legal basis, url, title, text.
STEPS: dict[str, _Step] = {
    "kvk-shield-convenant": _Step(
        f"{HRB_51_LID_4}; {CONVENANT}", CONVENANT_URL,
        N_("Have the visiting address shielded under the covenant"),
        N_("Mayors, aldermen, municipal and provincial council members, provincial executives "
           "and water board members, and their partners or housemates with a business of their "
           "own, can have the visiting address shielded in the Business Register. Conditions: "
           "you are listed as an office holder on your government body's website, the visiting "
           "address is your home address, the business is not a BV or NV, and you supply a "
           "correspondence address (e.g. a PO box). Send KVK the form in annex B of the "
           "covenant.")),
    "kvk-shield-threat": _Step(
        HRB_51_LID_3, SHIELDING_URL,
        N_("Shielding on a concrete threat"),
        N_("The covenant for political office holders does not cover a BV, NV or foreign "
           "legal form, nor anyone who is not a political office holder. When there is a "
           "concrete threat, KVK can shield the visiting address of any legal form. "
           "Conditions: shielding is needed for your safety, the address is not visible "
           "through another registration, no telephone number is public, you have taken "
           "measures yourself, and you supply a correspondence address. Otherwise consider "
           "registering another business address.")),
    "kvk-postal-address": _Step(
        "KVK-beleid vooruitlopend op nieuwe wetgeving (eenmanszaak vanuit huis)", SHIELDING_URL,
        N_("First step for your sole proprietorship: show a postal address instead of your "
           "home"),
        N_("In anticipation of new legislation, KVK lets a sole proprietorship run from home "
           "shield the home address by giving a postal address that differs from the home and "
           "visiting address, such as a PO box. Arrange it in Mijn KVK; no threat is needed.")),
    "kvk-correspondence-address": _Step(
        "Handelsregisterwet 2007: een gewone wijziging van de inschrijving", CHANGE_URL,
        N_("Move the correspondence address away from your home"),
        N_("A correspondence address is never shielded: if it is your home address, your home "
           "address is public even when the visiting address is shielded. Register a PO box or "
           "another address as the correspondence address.")),
    "kvk-unknown-registration": _Step(
        "Handelsregisterwet 2007 (terugmeldplicht bestuursorganen)", DIGIMELDING_URL,
        N_("Check the unknown registration at your address"),
        N_("A business that belongs to nobody in your household is registered at your home "
           "address: a former occupant, a mistake, or misuse of your address. Look up the KVK "
           "number and contact KVK; your municipality, as a government body, can report an "
           "incorrect address through Digimelding. Report deliberate misuse to the police.")),
    # AVG art. 17(1)(a): data no longer needed for the purpose; the live register no
    # longer shows an ended registration, copies of it still do (domain README, s. 3).
    "kvk-ended-registration": _Step(
        "art. 17 AVG (Verordening (EU) 2016/679)",
        "https://www.autoriteitpersoonsgegevens.nl/themas/basis-avg/privacyrechten-avg/recht-op-vergetelheid",
        N_("An ended registration at your address: have copies removed"),
        N_("This registration has ended and is no longer in the live Business Register, but "
           "old extracts and sites that copied the register still show it. Look up the name "
           "and KVK number on those sites and ask each to erase your address (GDPR art. 17). "
           "There is nothing left to shield at KVK itself.")),
    "support-security-advice": _Step(
        "Regeling beveiligingsmaatregelen decentrale bestuurders (sinds 1 januari 2024)",
        "https://hetccv.nl/",
        N_("Ask for a tailored security advice (CCV)"),
        N_("As a bestuurder (mayor, alderman, provincial executive, member of a daily board) "
           "you are entitled to a tailored security advice by the CCV on your home, your "
           "behaviour and your digital exposure. Your municipality, province or water board "
           "requests it, carries out the measures and pays for them; the national government "
           "(BZK) contributes EUR 2.5 million a year. Ask the mayor or the secretary, and look "
           "for the Police Quality Mark for Safe Housing (Politiekeurmerk Veilig Wonen).")),
    "support-help": _Step(
        "Netwerk Weerbaar Bestuur; vertrouwenspersonen van de beroepsverenigingen",
        "https://www.weerbaarbestuur.nl/",
        N_("You are not on your own: ask for help"),
        N_("The confidential contacts of the NGB (mayors), the Wethoudersvereniging "
           "(aldermen), the NVvR (council members) and Statenlid.nu help with intimidation and "
           "threats, and the Netwerk Weerbaar Bestuur offers advice and support. Also tell the "
           "mayor or the griffier.")),
    "support-report-doxing": _Step(
        "art. 285d Wetboek van Strafrecht (doxing, sinds 1 januari 2024)",
        "https://www.politie.nl/aangifte-of-melding-doen",
        N_("Is your address used to intimidate you? Report it"),
        N_("Report it to the police and give the town hall (or provincial house) as your "
           "address for service (domicilie kiezen): the town hall then stands in the report and "
           "your home address stays out of the file. Record the publication first "
           "(exposurecheck evidence) and tell the mayor or the griffier.")),
    "support-search-engines": _Step(
        "art. 17 AVG; HvJ EU C-131/12 (recht om vergeten te worden)",
        "https://support.google.com/websearch/",
        N_("Remove it from search engines too"),
        N_("Ask Google through 'Results about you' to remove results showing your address, "
           "phone number or e-mail, and use the EU right-to-be-forgotten forms of Google and "
           "Bing. Once the page has changed, request removal of outdated content. Ask the "
           "Internet Archive (info@archive.org) to remove old copies.")),
    "support-copied-registers": _Step(
        "art. 17 AVG", SHIELDING_URL,
        N_("Sites that copy the Business Register keep the old address"),
        N_("After shielding KVK no longer shows your address, but sites that copied the "
           "Business Register (company directories, extract sites) keep the old one. Look up "
           "your KVK number and send each site its own erasure request (GDPR art. 17).")),
    "support-other-registers": _Step(
        "Kadaster (tijdelijke afscherming bij concrete dreiging, sinds 15 oktober 2023); "
        "Wet basisregistratie personen (geheimhouding)",
        "https://www.kadaster.nl/",
        N_("Other places where your address stands"),
        N_("On a concrete threat the Kadaster (Land Registry) can shield your data temporarily "
           "since 15 October 2023. Check telephone directories and directory services before "
           "you declare that no number of yours is public. Parents can request BRP secrecy "
           "for their children up to 16 too. In severe cases the municipality can allow a "
           "postal address (briefadres).")),
    "kvk-shielded-keep": _Step(
        ART_51, SHIELDING_URL,
        N_("Shielding is in place: keep it that way"),
        N_("The visiting address is shielded. Check that the correspondence address is not "
           "your home address, and request shielding again after a move or a new branch.")),
}


def recommend(finding: Finding, lang: Lang,
              role: str | None = None) -> tuple[Recommendation, ...]:
    """The steps for one finding, most effective first; `role` decides whether the
    convenant for political office holders is open."""
    if finding.source in (SourceId.WEB, SourceId.ORI):
        from exposurecheck.web.advice import WEB_STEPS, web_steps_for  # imports this module

        return (*(WEB_STEPS[step].render(step, lang) for step in web_steps_for(finding)),
                *(STEPS[step].render(step, lang) for step in support_steps(finding, role)))
    return tuple(STEPS[step].render(step, lang)
                 for step in (*_steps_for(finding, role), *support_steps(finding, role)))


def _steps_for(finding: Finding, role: str | None) -> list[str]:
    if finding.status is Status.ENDED:
        return ["kvk-ended-registration"]
    if finding.status is Status.SHIELDED:
        return ["kvk-shielded-keep"]
    if finding.kind is FindingKind.BUSINESS_AT_HOME or finding.subject is Subject.UNKNOWN:
        return ["kvk-unknown-registration"]
    if finding.locator.address_type == "correspondentieadres":
        return ["kvk-correspondence-address"]
    form = classify_legal_form(finding.evidence.legal_form)
    shield = ("kvk-shield-convenant" if is_political_office_holder(role)
              and convenant_applies(form) else "kvk-shield-threat")
    if form is LegalForm.EENMANSZAAK:
        return ["kvk-postal-address", shield]
    return [shield]
