"""Request letters: the right recipient, legal basis and data for every kind of finding,
and personal data only when the user reveals it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.letters import Letter, Recipient, letters_for
from exposurecheck.models import (
    Address,
    Evidence,
    Finding,
    FindingKind,
    HouseholdMember,
    Locator,
    Match,
    Official,
    OfficialId,
    Report,
    Roster,
    Severity,
    SourceId,
    Status,
    Subject,
    fingerprint,
)
from exposurecheck.redact import MASK, initials, redact_report

from tests.conftest import accepted, make_finding, make_report, one_official
from tests.test_diff import original

NAME = "Jan-Willem van den Berg"
HOME = "Kerkstraat 12A, 1234 AB Dorp"
PAGE = "https://nieuws.example.nl/raad/portret_wethouder?id=7"
WEB_VALUES = {
    FindingKind.HOME_ADDRESS: HOME,
    FindingKind.PHONE: "06 1234 5601",
    FindingKind.EMAIL: "jw.vandenberg@example.nl",
    FindingKind.BIRTH_DATE: "12 maart 1975",
    FindingKind.HOUSEHOLD_NAME: "Petra Jansen",
    FindingKind.RESIDENCE: "Dorp",
}
PERSONAL = ("Jan-Willem", "van den Berg", "Kerkstraat", "1234 AB", "Klusbedrijf", "Anna de Vries",
            "Petra", "06 1234", "jw.vandenberg", "1975")
PLACEHOLDER_NL = {
    FindingKind.HOME_ADDRESS: "[ADRES]", FindingKind.PHONE: "[TELEFOONNUMMER]",
    FindingKind.EMAIL: "[E-MAILADRES]", FindingKind.BIRTH_DATE: "[GEBOORTEDATUM]",
    FindingKind.HOUSEHOLD_NAME: "[NAAM HUISGENOOT]", FindingKind.RESIDENCE: "[WOONPLAATS]",
}


def web_finding(kind: FindingKind, url: str = PAGE, element: str = "text",
                official_id: str = "demo-001") -> Finding:
    subject = Subject.HOUSEHOLD if kind is FindingKind.HOUSEHOLD_NAME else Subject.OFFICIAL
    locator = Locator(url=url, element=element)
    value = WEB_VALUES[kind]
    return Finding(kind=kind, subject=subject, status=Status.EXPOSED, severity=Severity.MEDIUM,
                   source=SourceId.WEB, locator=locator, match=Match(score=0.9),
                   evidence=Evidence(value=value, context=f"... {value} ...",
                                     page_title=f"Portret {NAME}"),
                   fingerprint=fingerprint(official_id, kind, subject, SourceId.WEB, locator,
                                           value))


def report_with(*findings: Finding, redacted: bool = False) -> Report:
    report = one_official("demo-001", NAME, *findings, role="wethouder",
                          organisation="Gemeente Voorbeeld", sources=(SourceId.KVK, SourceId.WEB))
    return redact_report(report) if redacted else report


def everything(letter: Letter) -> str:
    return "\n".join((letter.recipient_name, letter.subject, letter.body_text,
                      letter.body_markdown))


def kvk_letter(finding: Finding, lang: Lang = Lang.NL) -> Letter:
    letters = [x for x in letters_for(report_with(finding), lang, reveal=False)
               if x.recipient is Recipient.KVK]
    assert len(letters) == 1
    assert letters[0].fingerprints == (finding.fingerprint,)
    return letters[0]


def correspondence_finding() -> Finding:
    finding = make_finding()
    return finding.model_copy(update={"locator": finding.locator.model_copy(
        update={"address_type": "correspondentieadres"})})


@pytest.mark.parametrize(("finding", "expected"), [
    (make_finding(), ("Convenant afscherming bezoekadres decentrale politieke ambtsdragers",
                      "artikel 51, vierde lid, van het Handelsregisterbesluit 2008", "bijlage B",
                      "Af te schermen bezoekadres:", "de ambtsdrager zelf",
                      "[CORRESPONDENTIEADRES", "vermeld sta op de website van Gemeente Voorbeeld",
                      "Ook mogelijk: Eerste stap voor je eenmanszaak")),
    (make_finding(subject=Subject.HOUSEHOLD),
     ("Convenant afscherming", "Naam aanvrager (ondernemer):", "[NAAM HUISGENOOT]",
      "een huisgenoot van de ambtsdrager", "[RELATIE")),
    (make_finding(legal_form="Besloten Vennootschap"),
     ("artikel 51, derde lid", "concrete dreiging", "Rechtsvorm:", "Besloten Vennootschap",
      "[OMSCHRIJVING VAN DE DREIGING", "geen telefoonnummer van mij openbaar",
      "[GENOMEN MAATREGELEN")),
    (correspondence_finding(),
     ("Wijziging correspondentieadres", "Nieuw correspondentieadres:", "nooit afgeschermd",
      "gewone wijziging", "Mijn eenmanszaak")),
    (make_finding(kind=FindingKind.BUSINESS_AT_HOME, subject=Subject.UNKNOWN, trade_name=None),
     ("Onbekende inschrijving op mijn woonadres", "niet van mij of van iemand van mijn "
      "huishouden", "Handelsregisterwet 2007", "Digimelding")),
])
def test_kvk_findings_get_the_kvk_request_their_advice_names(
        finding: Finding, expected: tuple[str, ...]) -> None:
    letter = kvk_letter(finding)
    assert letter.recipient_name == "KVK (Kamer van Koophandel)"
    text = " ".join(letter.body_text.split())  # undo the line wrapping
    for phrase in (*expected, "90000001", "000012345678"):
        assert phrase in text, phrase
    assert letter.stem == f"demo-001-{finding.kind.value.replace('_', '-')}-" \
                          f"{finding.fingerprint[:8]}"


def test_bv_is_not_sent_to_the_convenant_route() -> None:
    letter = kvk_letter(make_finding(legal_form="Besloten Vennootschap"))
    assert "bijlage B" not in letter.body_text


def test_no_erasure_request_for_a_town_of_residence() -> None:
    letters = letters_for(report_with(web_finding(FindingKind.RESIDENCE)), Lang.NL, reveal=False)
    assert not [x for x in letters if x.recipient is Recipient.PAGE_OWNER]


@pytest.mark.parametrize("kind", [k for k in WEB_VALUES if k is not FindingKind.RESIDENCE])
def test_web_findings_get_an_erasure_request_to_the_page_owner(kind: FindingKind) -> None:
    finding = web_finding(kind)
    (letter,) = [x for x in letters_for(report_with(finding), Lang.NL, reveal=False)
                 if x.recipient is Recipient.PAGE_OWNER]
    assert letter.recipient_name.startswith("De beheerder van nieuws.example.nl")
    assert letter.fingerprints == (finding.fingerprint,)
    text = " ".join(letter.body_text.split())
    for phrase in ("artikel 17, eerste lid, onder c", "Algemene verordening gegevensbescherming",
                   "binnen één maand", "artikel 12, derde lid", PAGE,
                   f"{PLACEHOLDER_NL[kind]}, op {PAGE} (vindplaats: text)",
                   "285d Wetboek van Strafrecht", "Autoriteit Persoonsgegevens"):
        assert phrase in text, phrase
    assert WEB_VALUES[kind] not in text
    revealed = letters_for(report_with(finding), Lang.NL, reveal=True)
    erasure = next(x for x in revealed if x.recipient is Recipient.PAGE_OWNER)
    assert f"{WEB_VALUES[kind]}, op {PAGE}" in " ".join(erasure.body_text.split())


def test_285d_is_an_option_for_a_hostile_page_not_the_ground() -> None:
    (letter,) = [x for x in letters_for(report_with(web_finding(FindingKind.PHONE)), Lang.EN,
                                        reveal=False) if x.recipient is Recipient.PAGE_OWNER]
    body, notes = letter.body_text.split("Notes for you (do not send)")
    assert "285d" not in body
    assert "hostile" in notes and "285d" in notes


def test_one_erasure_request_per_site() -> None:
    same = [web_finding(FindingKind.PHONE), web_finding(FindingKind.EMAIL, element="mailto-link")]
    other = web_finding(FindingKind.BIRTH_DATE, url="https://andere.example.org/over")
    letters = [x for x in letters_for(report_with(*same, other), Lang.EN, reveal=False)
               if x.recipient is Recipient.PAGE_OWNER]
    assert sorted(len(x.fingerprints) for x in letters) == [1, 2]
    grouped = next(x for x in letters if len(x.fingerprints) == 2)
    assert "[PHONE NUMBER]" in grouped.body_text and "[EMAIL ADDRESS]" in grouped.body_text
    assert "andere.example.org" not in grouped.body_text


@pytest.mark.parametrize(("findings", "brp"), [
    ((make_finding(),), True),
    ((web_finding(FindingKind.HOME_ADDRESS),), True),
    ((web_finding(FindingKind.PHONE),), False),
    ((make_finding(kind=FindingKind.BUSINESS_AT_HOME, subject=Subject.UNKNOWN),), False),
])
def test_brp_secrecy_request_only_for_home_address_exposures(
        findings: tuple[Finding, ...], brp: bool) -> None:
    letters = [x for x in letters_for(report_with(*findings), Lang.NL, reveal=False)
               if x.recipient is Recipient.MUNICIPALITY]
    assert bool(letters) is brp
    if brp:
        (letter,) = letters
        # a wethouder of Gemeente Voorbeeld is registered there (Gemeentewet art. 10)
        assert letter.recipient_name == ("Het college van burgemeester en wethouders van de "
                                         "gemeente Voorbeeld, t.a.v. Burgerzaken")
        assert letter.stem == "demo-001-brp"
        text = " ".join(letter.body_text.split())
        assert "geheim te houden" in text and "Wet basisregistratie personen" in text
        assert not re.search(r"art(ikel|\.) ?\d+[^\n]*Wet basisregistratie", text)


def all_kinds() -> tuple[Finding, ...]:
    return (make_finding(), make_finding(subject=Subject.HOUSEHOLD, vestigingsnummer="000000000002",
                                         person="Petra Jansen"),
            make_finding(legal_form="Besloten Vennootschap", vestigingsnummer="000000000003"),
            *(web_finding(kind) for kind in WEB_VALUES))


@pytest.mark.parametrize("lang", list(Lang))
def test_no_personal_data_without_reveal(lang: Lang) -> None:
    letters = letters_for(report_with(*all_kinds()), lang, reveal=False)
    assert len(letters) == 3 + 1 + 1  # three KVK (one not yet possible), one site, one BRP
    for letter in letters:
        text = everything(letter)
        for personal in PERSONAL:
            assert personal not in text, (letter.stem, personal)
        if letter.recipient is not Recipient.FIX_FIRST:
            assert ("[NAAM]" if lang is Lang.NL else "[NAME]") in text


def test_reveal_needs_an_unredacted_report_or_a_roster() -> None:
    redacted = report_with(*all_kinds(), redacted=True)
    for letter in letters_for(redacted, Lang.NL, reveal=True):
        text = everything(letter)
        assert not any(personal in text for personal in PERSONAL), letter.stem
        for masked in (initials(NAME), MASK, "…"):  # not even the masked forms
            assert masked not in text, (letter.stem, masked)
    roster = Roster(officials=(Official(
        id=OfficialId("demo-001"), name=NAME, role="wethouder",
        home=Address(street="Kerkstraat", number=12, letter="A", postcode="1234AB", city="Dorp"),
        household=(HouseholdMember(name="Petra Jansen", relation="partner"),),
        phones=("06 1234 5601",), birth_date=date(1975, 3, 12)),))
    from_roster = {x.stem: x for x in letters_for(redacted, Lang.NL, reveal=True, roster=roster)}
    brp = from_roster["demo-001-brp"]
    assert NAME in brp.body_text and HOME in brp.body_text and "12-03-1975" in brp.body_text
    assert brp.recipient_name == ("Het college van burgemeester en wethouders van de gemeente "
                                  "Voorbeeld, t.a.v. Burgerzaken")  # not the town, Dorp
    household = next(x for x in from_roster.values() if "ondernemer" in x.body_text)
    assert "Petra Jansen" in household.body_text and "partner" in household.body_text
    erasure = next(x for x in from_roster.values() if x.recipient is Recipient.PAGE_OWNER)
    assert "06 1234 5601" in erasure.body_text
    assert "[E-MAILADRES]" in erasure.body_text  # the roster has no e-mail: no guessing
    hidden = letters_for(redacted, Lang.NL, reveal=False, roster=roster)
    assert not any(NAME in everything(x) for x in hidden)


def test_reveal_with_an_unredacted_report_fills_in_what_the_source_shows() -> None:
    letters = letters_for(report_with(make_finding()), Lang.EN, reveal=True)
    kvk = next(x for x in letters if x.recipient is Recipient.KVK)
    assert NAME in kvk.body_text and HOME in kvk.body_text
    assert "Klusbedrijf J.W. van den Berg" in kvk.body_text


def test_only_open_findings_get_letters() -> None:
    known = accepted(make_finding(), "r", "a")
    shielded = make_finding(status=Status.SHIELDED, vestigingsnummer="000000000009")
    assert letters_for(report_with(known, shielded), Lang.NL, reveal=False) == []


def test_official_filter_and_languages() -> None:
    report = make_report()
    assert {x.official_id for x in letters_for(report, Lang.NL, reveal=False)} == {
        "demo-001", "demo-002"}
    only = letters_for(report, Lang.EN, reveal=False, official_id="demo-002")
    assert [x.official_id for x in only] == ["demo-002"]
    assert "Dear Sir or Madam" in only[0].body_text and "Geachte" not in only[0].body_text
    dutch = letters_for(report, Lang.NL, reveal=False, official_id="demo-002")
    assert "Geachte heer, mevrouw" in dutch[0].body_text


def test_markdown_escapes_data_and_stems_are_safe() -> None:
    finding = make_finding("../raad 1", trade_name="Klus*bedrijf*_BV_")
    report = one_official("../raad 1", NAME, finding)
    letters = letters_for(report, Lang.EN, reveal=True)
    kvk = next(x for x in letters if x.recipient is Recipient.KVK)
    assert r"Klus\*bedrijf\*\_BV\_" in kvk.body_markdown
    assert "Klus*bedrijf*_BV_" in kvk.body_text
    assert "**Subject:**" in kvk.body_markdown
    for letter in letters:
        assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*", letter.stem), letter.stem
        assert "/" not in letter.stem
    assert len({x.stem for x in letters}) == len(letters)


def test_every_open_finding_of_the_demo_audit_gets_its_request() -> None:
    report = original()
    letters = letters_for(report, Lang.NL, reveal=False)
    open_fps = {f.fingerprint for o in report.officials for f in o.findings
                if f.is_exposure and f.status is not Status.ENDED}
    kvk = [x for x in letters if x.recipient is Recipient.KVK]
    assert {fp for x in kvk for fp in x.fingerprints} == open_fps
    assert len({x.stem for x in letters}) == len(letters)
    subjects = {x.official_id: x.subject for x in kvk}
    assert "concrete dreiging" in subjects["demo-019"]  # a BV
    assert subjects["demo-008"].startswith("Wijziging correspondentieadres")
    assert subjects["demo-016"].startswith("Onbekende inschrijving")
    assert "politieke ambtsdrager" in subjects["demo-001"]


def test_lid_3_letter_is_not_made_while_the_report_shows_a_public_phone() -> None:
    bv = make_finding(legal_form="Besloten Vennootschap")
    letters = letters_for(report_with(bv, web_finding(FindingKind.PHONE)), Lang.NL, reveal=False)
    (blocked,) = [x for x in letters if x.recipient is Recipient.FIX_FIRST]
    assert "geen telefoonnummer van mij openbaar" not in blocked.body_text
    assert "telefoonnummer" in blocked.body_text and blocked.recipient_name.startswith("Niet")
    alone = letters_for(report_with(bv), Lang.NL, reveal=False)
    assert any(x.recipient is Recipient.KVK and "geen telefoonnummer van mij openbaar"
               in " ".join(x.body_text.split()) for x in alone)


def test_griffier_gets_no_convenant_letter_and_no_claim_of_political_office() -> None:
    report = report_with(make_finding())
    griffier = report.model_copy(update={"officials": tuple(
        o.model_copy(update={"role": "griffier"}) for o in report.officials)})
    for letter in letters_for(griffier, Lang.NL, reveal=False):
        text = " ".join(letter.body_text.split())
        assert "bijlage B" not in text and "politiek ambtsdrager (" not in text
        assert "ik ben griffier van de gemeente voorbeeld (decentraal" not in text.casefold()


def test_brp_letter_goes_to_the_roster_municipality_not_the_village() -> None:
    report = report_with(make_finding())
    raadslid = report.model_copy(update={"officials": tuple(
        o.model_copy(update={"role": "raadslid", "organisation": "Gemeente Dalfsen"})
        for o in report.officials)})
    (brp,) = [x for x in letters_for(raadslid, Lang.NL, reveal=False)
              if x.recipient is Recipient.MUNICIPALITY]
    assert "gemeente Dalfsen" in brp.recipient_name and "Lemelerveld" not in brp.recipient_name
    roster = Roster(officials=(Official(
        id=OfficialId("demo-001"), name=NAME, role="griffier",
        home=Address(street="Kerkstraat", number=1, postcode="8151AA", city="Lemelerveld",
                     municipality="Dalfsen")),))
    griffier = raadslid.model_copy(update={"officials": tuple(
        o.model_copy(update={"role": "griffier"}) for o in raadslid.officials)})
    (brp,) = [x for x in letters_for(griffier, Lang.NL, reveal=True, roster=roster)
              if x.recipient is Recipient.MUNICIPALITY]
    assert "gemeente Dalfsen" in brp.recipient_name
    (unknown,) = [x for x in letters_for(griffier, Lang.NL, reveal=False)
                  if x.recipient is Recipient.MUNICIPALITY]
    assert "[GEMEENTE]" in unknown.recipient_name and "Controleer eerst" in unknown.body_text


def test_a_news_article_gets_the_editor_route_not_an_avg_erasure_request() -> None:
    news = web_finding(FindingKind.HOME_ADDRESS)
    news = news.model_copy(update={"evidence": news.evidence.model_copy(
        update={"page_kind": "news"})})
    from exposurecheck.web.advice import web_steps_for
    assert web_steps_for(news)[0] == "web-news-editor"
    letters = letters_for(report_with(news), Lang.NL, reveal=False)
    assert not [x for x in letters if x.recipient is Recipient.PAGE_OWNER]


def test_a_bv_signs_through_its_director() -> None:
    letter = kvk_letter(make_finding(legal_form="Besloten Vennootschap met gewone structuur"))
    assert "als bestuurder" in letter.body_text and "bijlage B" not in letter.body_text


@pytest.mark.parametrize(("organisation", "written"), [
    ("Waterschap Vallei en Veluwe", "het waterschap Vallei en Veluwe"),
    ("Hoogheemraadschap van Rijnland", "het hoogheemraadschap van Rijnland"),
    ("Provincie Gelderland", "de provincie Gelderland"),
    ("Gemeente Voorbeeld", "de gemeente Voorbeeld")])
def test_a_government_body_reads_with_its_article(organisation: str, written: str) -> None:
    report = one_official("demo-001", NAME, web_finding(FindingKind.PHONE), role="wethouder",
                          organisation=organisation, sources=(SourceId.WEB,))
    (letter,) = letters_for(report, Lang.NL, reveal=False)
    assert written in letter.body_text
