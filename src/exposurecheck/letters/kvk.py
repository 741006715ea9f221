"""Requests to KVK: shield the visiting address, move the correspondence address,
check an unknown registration. Which one follows the finding's first recommended step,
so the letter always carries out the advice the report gave."""

from __future__ import annotations

from collections.abc import Callable

from exposurecheck.i18n import Lang
from exposurecheck.legal import LegalForm, classify_legal_form, is_political_office_holder
from exposurecheck.letters.document import Block, Bullets, Document, Fields, Paragraph
from exposurecheck.letters.facts import Sender, placeholder
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening, t
from exposurecheck.models import Finding, FindingKind, Recommendation, SourceId, Status, Subject
from exposurecheck.recommendations import CONVENANT_URL, DIGIMELDING_URL, recommend

KVK_RECIPIENT = ("KVK (Kamer van Koophandel)", "KVK (Netherlands Chamber of Commerce)")


def _no_erasure_note(lang: Lang) -> str:
    return t(lang,
             "Een verwijderverzoek op grond van de AVG helpt hier niet: KVK houdt het "
             "Handelsregister bij omdat de wet dat verplicht (art. 17 lid 3 onder b AVG); de "
             "weg is afscherming op grond van art. 51 Handelsregisterbesluit 2008, of een "
             "wijziging van de inschrijving.",
             "A GDPR erasure request does not work here: KVK keeps the Business Register because "
             "the law requires it (art. 17(3)(b) GDPR); the way is shielding under art. 51 of "
             "the Trade Register Decree 2008, or a change of the registration.")


def _others(steps: tuple[Recommendation, ...], lang: Lang) -> list[str]:
    return [t(lang, f"Ook mogelijk: {s.title} ({s.legal_basis}; {s.url}).",
              f"Also possible: {s.title} ({s.legal_basis}; {s.url}).") for s in steps[1:]]


def _applicant(sender: Sender, finding: Finding) -> tuple[str, list[tuple[str, str]]]:
    """Who signs (the owner of the registration) and the fields that say who that is."""
    lang = sender.lang
    if finding.subject is Subject.HOUSEHOLD:
        name, relation = sender.housemate(finding)
        return name, [
            (t(lang, "Naam aanvrager (ondernemer)", "Name of the applicant (business owner)"),
             name),
            (t(lang, "Relatie tot de ambtsdrager", "Relationship to the office holder"), relation),
            (t(lang, "Naam politiek ambtsdrager", "Name of the political office holder"),
             sender.name),
        ]
    return sender.name, [(t(lang, "Naam aanvrager", "Name of the applicant"), sender.name)]


def _registration(sender: Sender, finding: Finding) -> list[tuple[str, str]]:
    lang = sender.lang
    rows = [(t(lang, "KVK-nummer", "KVK number"), finding.locator.kvk_number or "?"),
            (t(lang, "Vestigingsnummer", "Establishment number (vestigingsnummer)"),
             finding.locator.vestigingsnummer or "?")]
    trade_name = sender.trade_name(finding)
    if trade_name:
        rows.append((t(lang, "Handelsnaam", "Trade name"), trade_name))
    return rows


def _role_rows(sender: Sender) -> list[tuple[str, str]]:
    lang = sender.lang
    return [(t(lang, "Functie", "Role"), sender.role),
            (t(lang, "Overheidsorgaan", "Government body"), sender.organisation)]


def _correspondence_row(lang: Lang) -> tuple[str, str]:
    return (t(lang, "Correspondentieadres (wordt openbaar)",
              "Correspondence address (will be public)"),
            placeholder("correspondence", lang))


def convenant(sender: Sender, finding: Finding, steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    own = finding.subject is not Subject.HOUSEHOLD
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    whose = (t(lang, f"mijn woonadres; ik ben {office(sender)}",
               f"my home address; I am a {office(sender)}") if own else
             t(lang, f"mijn woonadres; ik woon samen met {sender.name}, {office(sender)}",
               f"my home address; I live with {sender.name}, a {office(sender)}"))
    listed = (t(lang, "ik als politiek ambtsdrager vermeld sta",
                "I am listed as a political office holder") if own else
              t(lang, f"{sender.name} als politiek ambtsdrager vermeld staat",
                f"{sender.name} is listed as a political office holder"))
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    "Op grond van het Convenant afscherming bezoekadres decentrale politieke "
                    "ambtsdragers van 31 januari 2023 en artikel 51, vierde lid, van het "
                    "Handelsregisterbesluit 2008 vraag ik u het bezoekadres van de "
                    "onderstaande vestiging in het "
                    f"Handelsregister af te schermen. Het bezoekadres is {whose}.",
                    "Under the Covenant on shielding the visiting address of decentralised "
                    "political office holders of 31 January 2023 and article 51(4) of the Trade "
                    "Register Decree 2008 (Handelsregisterbesluit 2008), I ask you to shield the "
                    "visiting address of the establishment below in the Business Register. The "
                    f"visiting address is {whose}.")),
        Paragraph(t(lang, "De gegevens voor het aanvraagformulier (bijlage B bij het convenant):",
                    "The details for the application form (annex B to the covenant):")),
        Fields((
            *who, *_role_rows(sender),
            (t(lang, "Afscherming voor", "Shielding for"),
             t(lang, "de ambtsdrager zelf", "the office holder") if own else
             t(lang, "een huisgenoot van de ambtsdrager", "a housemate of the office holder")),
            *_registration(sender, finding),
            (t(lang, "Af te schermen bezoekadres", "Visiting address to shield"),
             sender.home(finding)),
            _correspondence_row(lang),
        )),
        Paragraph(t(lang,
                    f"Ik verklaar dat {listed} op de website van {sender.organisation}: "
                    f"{sender.ph('listing')}. Ik begrijp dat het correspondentieadres openbaar is "
                    "en geef daarom een ander adres op dan het woonadres.",
                    f"I declare that {listed} on the website of {sender.organisation}: "
                    f"{sender.ph('listing')}. I understand that the correspondence address is "
                    "public, so I give an address other than the home address.")),
        *closing(lang, signer),
    ]
    notes = [
        fill_in_note(lang),
        t(lang, "Neem deze gegevens over in het formulier uit bijlage B van het convenant en "
                f"stuur het naar KVK: {CONVENANT_URL}",
          "Copy these details into the form in annex B of the covenant and send it to KVK: "
          f"{CONVENANT_URL}"),
        t(lang, f"Grondslag: {step.legal_basis}.", f"Legal basis: {step.legal_basis}."),
    ]
    if not own:
        notes.append(t(lang, "Je huisgenoot staat als ondernemer ingeschreven en vraagt de "
                             "afscherming aan: laat hem of haar het formulier ondertekenen.",
                       "Your housemate owns the registration and is the applicant: have them "
                       "sign the form."))
    notes += [*_others(steps, lang), _no_erasure_note(lang)]
    return Document(
        recipient=t(lang, *KVK_RECIPIENT),
        subject=t(lang, f"Verzoek afscherming bezoekadres politieke ambtsdrager, KVK-nummer {kvk}",
                  f"Request to shield the visiting address of a political office holder, KVK "
                  f"number {kvk}"),
        body=tuple(body), notes=tuple(notes))


def _untrue_declarations(sender: Sender, finding: Finding) -> list[str]:
    """The declarations art. 51 lid 3 asks for that this same audit shows to be untrue."""
    lang, problems = sender.lang, []
    others = sender.result.findings
    if any(f.kind is FindingKind.PHONE and f.is_exposure for f in others):
        problems.append(t(
            lang, "Er staat nog een telefoonnummer van je openbaar (zie het rapport): laat het "
                  "eerst verwijderen, want je moet verklaren dat er geen telefoonnummer van je "
                  "openbaar is.",
            "A telephone number of yours is still public (see the report): have it removed "
            "first, since you must declare that no telephone number of yours is public."))
    if any(f.source is SourceId.KVK and f.status is Status.EXPOSED and f.is_exposure
           and f.kind is FindingKind.HOME_ADDRESS
           and f.locator.kvk_number != finding.locator.kvk_number for f in others):
        problems.append(t(
            lang, "Je woonadres is nog zichtbaar via een andere inschrijving in het "
                  "Handelsregister (zie het rapport): pak die eerst aan, want je moet verklaren "
                  "dat het adres niet via een andere inschrijving zichtbaar is.",
            "Your home address is still visible through another registration in the Business "
            "Register (see the report): deal with that first, since you must declare that the "
            "address is not visible through another registration."))
    return problems


def _fix_first(sender: Sender, finding: Finding, problems: list[str],
               step: Recommendation) -> Document:
    lang = sender.lang
    kvk = finding.locator.kvk_number or "?"
    return Document(
        recipient=t(lang, "Niet versturen: eerst op te lossen", "Do not send: fix this first"),
        subject=t(lang, f"Verzoek afscherming (art. 51 lid 3), KVK-nummer {kvk}: nog niet "
                        "mogelijk",
                  f"Shielding request (art. 51(3)), KVK number {kvk}: not possible yet"),
        body=(Paragraph(t(lang, "Dit verzoek is niet gemaakt: het vraagt verklaringen die dit "
                                "rapport nog tegenspreekt. Los eerst op:",
                          "This request was not written: it asks for declarations that this "
                          "report still contradicts. First fix:")),
              Bullets(tuple(problems)),
              Paragraph(t(lang, "Doe daarna een nieuwe controle en maak de verzoeken opnieuw.",
                          "Then audit again and write the requests again."))),
        notes=(t(lang, f"Grondslag: {step.legal_basis}. Meer informatie: {step.url}",
                 f"Legal basis: {step.legal_basis}. More information: {step.url}"),),
        blocked=True)


def threat(sender: Sender, finding: Finding, steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    problems = _untrue_declarations(sender, finding)
    if problems:
        return _fix_first(sender, finding, problems, step)
    own = finding.subject is not Subject.HOUSEHOLD
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    form = finding.evidence.legal_form or t(lang, "bv of nv", "BV or NV")
    if classify_legal_form(finding.evidence.legal_form) in (LegalForm.CAPITAL,
                                                            LegalForm.FOREIGN):
        # a company signs through its director: say in which capacity
        company = sender.trade_name(finding) or t(lang, "[NAAM VAN DE VENNOOTSCHAP]",
                                                  "[NAME OF THE COMPANY]")
        signer = t(lang, f"{signer}, namens {company}, als bestuurder",
                   f"{signer}, on behalf of {company}, as director")
    target = t(lang, "mij", "me") if own else sender.name
    why = (t(lang, f" Het convenant voor politieke ambtsdragers geldt niet voor een {form}; "
                   "daarom doe ik een beroep op de regeling bij een concrete dreiging.",
             f" The covenant for political office holders does not cover a {form}, so I rely "
             "on the rule for a concrete threat.")
           if is_political_office_holder(sender.result.role) else "")
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    "Op grond van artikel 51, derde lid, van het Handelsregisterbesluit 2008 vraag "
                    "ik u het bezoekadres van de onderstaande vestiging af te schermen wegens een "
                    "concrete dreiging. Het bezoekadres is mijn woonadres. "
                    + ("Ik ben " if own else f"Ik woon samen met {sender.name}, ")
                    + f"{office(sender)}.{why}",
                    "Under article 51(3) of the Trade Register Decree 2008 "
                    "(Handelsregisterbesluit 2008), I ask you to shield the visiting address of "
                    "the establishment below because of a concrete threat. The visiting address "
                    "is my home address. "
                    + ("I am a " if own else f"I live with {sender.name}, a ")
                    + f"{office(sender)}.{why}")),
        Fields((*who, *_role_rows(sender), *_registration(sender, finding),
                (t(lang, "Rechtsvorm", "Legal form"), form),
                (t(lang, "Af te schermen bezoekadres", "Visiting address to shield"),
                 sender.home(finding)),
                _correspondence_row(lang))),
        Paragraph(t(lang, "Ik verklaar dat:", "I declare that:")),
        Bullets((
            t(lang, f"afscherming nodig is voor de veiligheid van {target}: {sender.ph('threat')};",
              f"shielding is needed for the safety of {target}: {sender.ph('threat')};"),
            t(lang, "het woonadres niet zichtbaar is via een andere inschrijving in het "
                    "Handelsregister;",
              "the home address is not visible through another registration in the Business "
              "Register;"),
            t(lang, "er geen telefoonnummer van mij openbaar is;",
              "no telephone number of mine is public;"),
            t(lang, f"ik zelf maatregelen heb genomen om mijn adres af te schermen: "
                    f"{sender.ph('measures')};",
              f"I have taken measures myself to keep my address private: "
              f"{sender.ph('measures')};"),
            t(lang, "ik hierboven een correspondentieadres opgeef dat niet mijn woonadres is.",
              "I give a correspondence address above that is not my home address."),
        )),
        *closing(lang, signer),
    ]
    notes = [
        fill_in_note(lang),
        t(lang, f"Grondslag: {step.legal_basis}. Meer informatie: {step.url}",
          f"Legal basis: {step.legal_basis}. More information: {step.url}"),
        t(lang, "KVK beoordeelt of de dreiging concreet is: noem een aangifte bij de politie als "
                "die er is. Lukt afscherming niet, overweeg dan een ander vestigingsadres.",
          "KVK judges whether the threat is concrete: mention a police report if there is one. "
          "If shielding is refused, consider registering another business address."),
        *_others(steps, lang), _no_erasure_note(lang),
    ]
    return Document(
        recipient=t(lang, *KVK_RECIPIENT),
        subject=t(lang, f"Verzoek afscherming bezoekadres wegens concrete dreiging, KVK-nummer "
                        f"{kvk}",
                  f"Request to shield the visiting address because of a concrete threat, KVK "
                  f"number {kvk}"),
        body=tuple(body), notes=tuple(notes))


def correspondence(sender: Sender, finding: Finding,
                   steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    "Het correspondentieadres van de onderstaande vestiging is mijn woonadres. Een "
                    "correspondentieadres wordt in het Handelsregister nooit afgeschermd, dus mijn "
                    "woonadres is openbaar, ook als het bezoekadres is afgeschermd. Ik vraag u het "
                    "correspondentieadres te wijzigen in het nieuwe adres hieronder.",
                    "The correspondence address of the establishment below is my home address. "
                    "A correspondence address is never shielded in the Business Register, so my "
                    "home address is public even when the visiting address is shielded. I ask "
                    "you to change the correspondence address to the new address below.")),
        Fields((*who, *_registration(sender, finding),
                (t(lang, "Huidig correspondentieadres (woonadres)",
                   "Current correspondence address (home)"), sender.home(finding)),
                (t(lang, "Nieuw correspondentieadres", "New correspondence address"),
                 sender.ph("correspondence")))),
        Paragraph(t(lang, f"Achtergrond: het gaat om het woonadres van een {office(sender)}.",
                    f"Background: this is the home address of a {office(sender)}.")),
        *closing(lang, signer),
    ]
    notes = [fill_in_note(lang),
             t(lang, f"Grondslag: {step.legal_basis}. Meer informatie: {step.url}",
               f"Legal basis: {step.legal_basis}. More information: {step.url}")]
    if (finding.evidence.legal_form or "").casefold() == "eenmanszaak":
        notes.append(t(lang, "Voor een eenmanszaak kan dit ook online via Mijn eenmanszaak op "
                             "KVK.nl.",
                       "For a sole proprietorship you can also do this online through 'Mijn "
                       "eenmanszaak' on KVK.nl."))
    notes += [*_others(steps, lang), _no_erasure_note(lang)]
    return Document(
        recipient=t(lang, *KVK_RECIPIENT),
        subject=t(lang, f"Wijziging correspondentieadres, KVK-nummer {kvk}",
                  f"Change of correspondence address, KVK number {kvk}"),
        body=tuple(body), notes=tuple(notes))


def unknown_registration(sender: Sender, finding: Finding,
                         steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    kvk = finding.locator.kvk_number or "?"
    body: list[Block] = [
        *opening(lang),
        Paragraph(t(lang,
                    "Volgens het Handelsregister is de onderstaande vestiging gevestigd op mijn "
                    "woonadres. De onderneming is niet van mij of van iemand van mijn huishouden, "
                    "en ik weet niet wie haar drijft. Ik vraag u na te gaan of deze inschrijving "
                    "juist is, en het adres te corrigeren als de onderneming hier niet (meer) "
                    "gevestigd is.",
                    "According to the Business Register, the establishment below is located at "
                    "my home address. The business is not mine or anyone's in my household, and "
                    "I do not know who runs it. I ask you to check whether this registration is "
                    "correct, and to correct the address if the business is not (or no longer) "
                    "located here.")),
        Fields(((t(lang, "Naam melder", "Name of the person reporting"), sender.name),
                (t(lang, "Mijn woonadres", "My home address"), sender.home(finding)),
                *_registration(sender, finding))),
        Paragraph(t(lang,
                    f"Ik ben {office(sender)}. Een onjuiste inschrijving op mijn adres kan op "
                    "misbruik van mijn adres wijzen. Wilt u mij laten weten wat u met deze "
                    "melding doet?",
                    f"I am a {office(sender)}. An incorrect registration at my address may mean "
                    "my address is being misused. Please let me know what you do with this "
                    "report.")),
        *closing(lang, sender.name),
    ]
    notes = [
        fill_in_note(lang),
        t(lang, f"Grondslag: {step.legal_basis}.", f"Legal basis: {step.legal_basis}."),
        t(lang, "Je gemeente kan een onjuist adres als bestuursorgaan terugmelden via "
                f"Digimelding: {DIGIMELDING_URL}",
          "Your municipality, as a government body, can report an incorrect address through "
          f"Digimelding: {DIGIMELDING_URL}"),
        t(lang, "Woont de ondernemer wel bij je, bijvoorbeeld een huurder? Dan is de inschrijving "
                "juist: voeg hem of haar toe aan je huishouden in het rooster en controleer "
                "opnieuw. Vermoed je opzettelijk misbruik, doe dan aangifte bij de politie.",
          "Does the business owner live with you, for example a lodger? Then the registration "
          "is correct: add them to your household in the roster and audit again. If you suspect "
          "deliberate misuse, report it to the police."),
    ]
    return Document(
        recipient=t(lang, *KVK_RECIPIENT),
        subject=t(lang, f"Onbekende inschrijving op mijn woonadres, KVK-nummer {kvk}",
                  f"Unknown registration at my home address, KVK number {kvk}"),
        body=tuple(body), notes=tuple(notes))


Builder = Callable[[Sender, Finding, tuple[Recommendation, ...]], Document]

BUILDERS: dict[str, Builder] = {
    "kvk-shield-convenant": convenant,
    "kvk-shield-threat": threat,
    "kvk-correspondence-address": correspondence,
    "kvk-unknown-registration": unknown_registration,
}


def kvk_letter(sender: Sender, finding: Finding) -> Document:
    """The request that carries out the finding's first recommended step."""
    steps = recommend(finding, sender.lang, sender.result.role)
    # The postal-address route of an eenmanszaak is a change in Mijn KVK, not a letter: the
    # letter carries out the first step that is one, and names the others in its notes.
    first = next(i for i, s in enumerate(steps) if s.id in BUILDERS)
    ordered = (steps[first], *steps[:first], *steps[first + 1:])
    return BUILDERS[ordered[0].id](sender, finding, ordered)
