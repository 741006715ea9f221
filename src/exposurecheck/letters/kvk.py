"""Requests to KVK: shield the visiting address, move the correspondence address,
check an unknown registration. Which one follows the finding's first recommended step,
so the letter always carries out the advice the report gave."""

from __future__ import annotations

from collections.abc import Callable

from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.legal import LegalForm, classify_legal_form, is_political_office_holder
from exposurecheck.letters.document import Block, Bullets, Document, Fields, Paragraph
from exposurecheck.letters.facts import Sender, placeholder
from exposurecheck.letters.phrases import closing, fill_in_note, office, opening
from exposurecheck.models import Finding, FindingKind, Recommendation, SourceId, Status, Subject
from exposurecheck.recommendations import CONVENANT_URL, DIGIMELDING_URL, recommend

KVK_RECIPIENT = N_("KVK (Netherlands Chamber of Commerce)")


def _no_erasure_note(lang: Lang) -> str:
    _ = translator(lang).gettext
    return _("A GDPR erasure request does not work here: KVK keeps the Business Register because "
             "the law requires it (art. 17(3)(b) GDPR); the way is shielding under art. 51 of the "
             "Trade Register Decree 2008, or a change of the registration.")


def _others(steps: tuple[Recommendation, ...], lang: Lang) -> list[str]:
    _ = translator(lang).gettext
    return [_("Also possible: {title} ({legal_basis}; {url}).").format(
                title=s.title, legal_basis=s.legal_basis, url=s.url) for s in steps[1:]]


def _applicant(sender: Sender, finding: Finding) -> tuple[str, list[tuple[str, str]]]:
    """Who signs (the owner of the registration) and the fields that say who that is."""
    lang = sender.lang
    _ = translator(lang).gettext
    if finding.subject is Subject.HOUSEHOLD:
        name, relation = sender.housemate(finding)
        return name, [
            (_("Name of the applicant (business owner)"),
             name),
            (_("Relationship to the office holder"), relation),
            (_("Name of the political office holder"),
             sender.name),
        ]
    return sender.name, [(_("Name of the applicant"), sender.name)]


def _registration(sender: Sender, finding: Finding) -> list[tuple[str, str]]:
    lang = sender.lang
    _ = translator(lang).gettext
    rows = [(_("KVK number"), finding.locator.kvk_number or "?"),
            (_("Establishment number (vestigingsnummer)"),
             finding.locator.vestigingsnummer or "?")]
    trade_name = sender.trade_name(finding)
    if trade_name:
        rows.append((_("Trade name"), trade_name))
    return rows


def _role_rows(sender: Sender) -> list[tuple[str, str]]:
    lang = sender.lang
    _ = translator(lang).gettext
    return [(_("Role"), sender.role),
            (_("Government body"), sender.organisation)]


def _correspondence_row(lang: Lang) -> tuple[str, str]:
    _ = translator(lang).gettext
    return (_("Correspondence address (will be public)"),
            placeholder("correspondence", lang))


def convenant(sender: Sender, finding: Finding, steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    _ = translator(lang).gettext
    own = finding.subject is not Subject.HOUSEHOLD
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    whose = (_("my home address; I am a {office}").format(office=office(sender)) if own else
             _("my home address; I live with {name}, a {office}").format(
                 name=sender.name, office=office(sender)))
    listed = (_("I am listed as a political office holder") if own else
              _("{name} is listed as a political office holder").format(name=sender.name))
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("Under the Covenant on shielding the visiting address of decentralised "
                    "political office holders of 31 January 2023 and article 51(4) of the Trade "
                    "Register Decree 2008 (Handelsregisterbesluit 2008), I ask you to shield the "
                    "visiting address of the establishment below in the Business Register. The "
                    "visiting address is {whose}.").format(whose=whose)),
        Paragraph(_("The details for the application form (annex B to the covenant):")),
        Fields((
            *who, *_role_rows(sender),
            (_("Shielding for"),
             _("the office holder") if own else
             _("a housemate of the office holder")),
            *_registration(sender, finding),
            (_("Visiting address to shield"),
             sender.home(finding)),
            _correspondence_row(lang),
        )),
        Paragraph(_("I declare that {listed} on the website of {organisation}: {listing}. I "
                    "understand that the correspondence address is public, so I give an address "
                    "other than the home address.").format(
                      listed=listed, organisation=sender.organisation,
                      listing=sender.ph("listing"))),
        *closing(lang, signer),
    ]
    notes = [
        fill_in_note(lang),
        _("Copy these details into the form in annex B of the covenant and send it to KVK: "
          "{url}").format(url=CONVENANT_URL),
        _("Legal basis: {legal_basis}.").format(legal_basis=step.legal_basis),
    ]
    if not own:
        notes.append(_("Your housemate owns the registration and is the applicant: have them "
                       "sign the form."))
    notes += [*_others(steps, lang), _no_erasure_note(lang)]
    return Document(
        recipient=_(KVK_RECIPIENT),
        subject=_("Request to shield the visiting address of a political office holder, KVK "
                  "number {kvk}").format(kvk=kvk),
        body=tuple(body), notes=tuple(notes))


def _untrue_declarations(sender: Sender, finding: Finding) -> list[str]:
    """The declarations art. 51 lid 3 asks for that this same audit shows to be untrue."""
    lang, problems = sender.lang, []
    _ = translator(lang).gettext
    others = sender.result.findings
    if any(f.kind is FindingKind.PHONE and f.is_exposure for f in others):
        problems.append(_("A telephone number of yours is still public (see the report): have it "
                          "removed first, since you must declare that no telephone number of "
                          "yours is public."))
    if any(f.source is SourceId.KVK and f.status is Status.EXPOSED and f.is_exposure
           and f.kind is FindingKind.HOME_ADDRESS
           and f.locator.kvk_number != finding.locator.kvk_number for f in others):
        problems.append(_("Your home address is still visible through another registration in "
                          "the Business Register (see the report): deal with that first, since "
                          "you must declare that the address is not visible through another "
                          "registration."))
    return problems


def _fix_first(sender: Sender, finding: Finding, problems: list[str],
               step: Recommendation) -> Document:
    lang = sender.lang
    _ = translator(lang).gettext
    kvk = finding.locator.kvk_number or "?"
    return Document(
        recipient=_("Do not send: fix this first"),
        subject=_("Shielding request (art. 51(3)), KVK number {kvk}: not possible yet").format(
                    kvk=kvk),
        body=(Paragraph(_("This request was not written: it asks for declarations that this "
                          "report still contradicts. First fix:")),
              Bullets(tuple(problems)),
              Paragraph(_("Then audit again and write the requests again."))),
        notes=(_("Legal basis: {legal_basis}. More information: {url}").format(
                   legal_basis=step.legal_basis, url=step.url),),
        blocked=True)


def threat(sender: Sender, finding: Finding, steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    _ = translator(lang).gettext
    problems = _untrue_declarations(sender, finding)
    if problems:
        return _fix_first(sender, finding, problems, step)
    own = finding.subject is not Subject.HOUSEHOLD
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    form = finding.evidence.legal_form or _("BV or NV")
    if classify_legal_form(finding.evidence.legal_form) in (LegalForm.CAPITAL,
                                                            LegalForm.FOREIGN):
        # a company signs through its director: say in which capacity
        company = sender.trade_name(finding) or _("[NAME OF THE COMPANY]")
        signer = _("{signer}, on behalf of {company}, as director").format(
                     signer=signer, company=company)
    target = _("me") if own else sender.name
    why = (" " + _("The covenant for political office holders does not cover a {form}, so I "
                   "rely on the rule for a concrete threat.").format(form=form)
           if is_political_office_holder(sender.result.role) else "")
    about = (_("I am a {office}.") if own else _("I live with {name}, a {office}.")).format(
        name=sender.name, office=office(sender))
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("Under article 51(3) of the Trade Register Decree 2008 "
                    "(Handelsregisterbesluit 2008), I ask you to shield the visiting address of "
                    "the establishment below because of a concrete threat. The visiting address "
                    "is my home address. {about}{why}").format(about=about, why=why)),
        Fields((*who, *_role_rows(sender), *_registration(sender, finding),
                (_("Legal form"), form),
                (_("Visiting address to shield"),
                 sender.home(finding)),
                _correspondence_row(lang))),
        Paragraph(_("I declare that:")),
        Bullets((
            _("shielding is needed for the safety of {target}: {threat};").format(
                target=target, threat=sender.ph('threat')),
            _("the home address is not visible through another registration in the Business "
              "Register;"),
            _("no telephone number of mine is public;"),
            _("I have taken measures myself to keep my address private: {measures};").format(
                measures=sender.ph('measures')),
            _("I give a correspondence address above that is not my home address."),
        )),
        *closing(lang, signer),
    ]
    notes = [
        fill_in_note(lang),
        _("Legal basis: {legal_basis}. More information: {url}").format(
            legal_basis=step.legal_basis, url=step.url),
        _("KVK judges whether the threat is concrete: mention a police report if there is one. "
          "If shielding is refused, consider registering another business address."),
        *_others(steps, lang), _no_erasure_note(lang),
    ]
    return Document(
        recipient=_(KVK_RECIPIENT),
        subject=_("Request to shield the visiting address because of a concrete threat, KVK "
                  "number {kvk}").format(kvk=kvk),
        body=tuple(body), notes=tuple(notes))


def correspondence(sender: Sender, finding: Finding,
                   steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    _ = translator(lang).gettext
    signer, who = _applicant(sender, finding)
    kvk = finding.locator.kvk_number or "?"
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("The correspondence address of the establishment below is my home address. A "
                    "correspondence address is never shielded in the Business Register, so my "
                    "home address is public even when the visiting address is shielded. I ask you "
                    "to change the correspondence address to the new address below.")),
        Fields((*who, *_registration(sender, finding),
                (_("Current correspondence address (home)"), sender.home(finding)),
                (_("New correspondence address"),
                 sender.ph("correspondence")))),
        Paragraph(_("Background: this is the home address of a {office}.").format(
                      office=office(sender))),
        *closing(lang, signer),
    ]
    notes = [fill_in_note(lang),
             _("Legal basis: {legal_basis}. More information: {url}").format(
                 legal_basis=step.legal_basis, url=step.url)]
    if (finding.evidence.legal_form or "").casefold() == "eenmanszaak":
        notes.append(_("For a sole proprietorship you can also do this online through 'Mijn "
                       "eenmanszaak' on KVK.nl."))
    notes += [*_others(steps, lang), _no_erasure_note(lang)]
    return Document(
        recipient=_(KVK_RECIPIENT),
        subject=_("Change of correspondence address, KVK number {kvk}").format(kvk=kvk),
        body=tuple(body), notes=tuple(notes))


def unknown_registration(sender: Sender, finding: Finding,
                         steps: tuple[Recommendation, ...]) -> Document:
    lang, step = sender.lang, steps[0]
    _ = translator(lang).gettext
    kvk = finding.locator.kvk_number or "?"
    body: list[Block] = [
        *opening(lang),
        Paragraph(_("According to the Business Register, the establishment below is located at "
                    "my home address. The business is not mine or anyone's in my household, and I "
                    "do not know who runs it. I ask you to check whether this registration is "
                    "correct, and to correct the address if the business is not (or no longer) "
                    "located here.")),
        Fields(((_("Name of the person reporting"), sender.name),
                (_("My home address"), sender.home(finding)),
                *_registration(sender, finding))),
        Paragraph(_("I am a {office}. An incorrect registration at my address may mean my "
                    "address is being misused. Please let me know what you do with this "
                    "report.").format(office=office(sender))),
        *closing(lang, sender.name),
    ]
    notes = [
        fill_in_note(lang),
        _("Legal basis: {legal_basis}.").format(legal_basis=step.legal_basis),
        _("Your municipality, as a government body, can report an incorrect address through "
          "Digimelding: {url}").format(url=DIGIMELDING_URL),
        _("Does the business owner live with you, for example a lodger? Then the registration is "
          "correct: add them to your household in the roster and audit again. If you suspect "
          "deliberate misuse, report it to the police."),
    ]
    return Document(
        recipient=_(KVK_RECIPIENT),
        subject=_("Unknown registration at my home address, KVK number {kvk}").format(kvk=kvk),
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
