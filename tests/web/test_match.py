"""Finding an official's own data on a page, and nothing else."""

from __future__ import annotations

from datetime import date

import pytest

from exposurecheck.models import (
    Address,
    FindingKind,
    HouseholdMember,
    Official,
    OfficialId,
    Subject,
)
from exposurecheck.web.extract import Element, extract
from exposurecheck.web.fetch import FetchedPage
from exposurecheck.web.match import WebMatch, find_exposures

OFFICIAL = Official(
    id=OfficialId("t-1"), name="Jan-Willem van den Berg", initials="J.W.", role="wethouder",
    home=Address(street="Kerkstraat", number=12, postcode="7721BC", city="Dalfsen"),
    household=(HouseholdMember(name="Petra Jansen", relation="partner"),
               HouseholdMember(name="Sanne", relation="child"),
               HouseholdMember(name="Tim van den Berg", relation="child")),
    phones=("06 1234 5601", "0529-431234"), emails=("jw.vandenberg@example.nl",),
    birth_date=date(1975, 3, 3))
ABOUT = "<h1>Wethouder Jan-Willem van den Berg</h1>"


def page(body: str, title: str = "Gemeente Voorbeeld") -> FetchedPage:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return FetchedPage(url="http://gemeente-voorbeeld.test/p.html", requested_url="", status=200,
                       content_type="text/html", text=html, encoding="utf-8")


def find(body: str, official: Official = OFFICIAL, title: str = "Gemeente Voorbeeld",
         kind: FindingKind | None = None) -> list[WebMatch]:
    found = find_exposures(official, extract(page(body, title)))
    return [m for m in found if kind is None or m.kind is kind]


def kinds(body: str, official: Official = OFFICIAL) -> set[FindingKind]:
    return {m.kind for m in find(body, official)}


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize("written", [
    "06-12345601", "06 1234 5601", "+31 6 1234 5601", "06 - 123 456 01", "(06) 12 34 56 01",
    "+31 (0)6 12345601", "0031612345601", "06.12.34.56.01", "+316-12345601"])
def test_private_mobile_in_any_formatting(written: str) -> None:
    (match,) = find(f"<p>Bel gerust: {written}.</p>", kind=FindingKind.PHONE)
    assert match.value == written
    assert match.detail == "+31612345601"
    assert (match.subject, match.element) == (Subject.OFFICIAL, Element.TEXT)


def test_phone_in_a_tel_link_and_a_landline() -> None:
    found = find('<p><a href="tel:+31529431234">Thuis bellen</a></p>', kind=FindingKind.PHONE)
    assert [(m.detail, m.element) for m in found] == [("+31529431234", Element.TEL_LINK)]


def test_whatsapp_link_is_a_phone() -> None:
    (match,) = find('<a href="https://wa.me/31612345601">App mij</a>', kind=FindingKind.PHONE)
    assert match.element is Element.TEL_LINK


def test_work_numbers_and_digit_runs_are_not_the_private_phone() -> None:
    body = ("<p>Griffie 0529 48 83 00, gemeente 14 0529, IBAN NL91ABNA0612345601, "
            "KVK 61234560, dossier 106123456011.</p>")
    assert find(body, kind=FindingKind.PHONE) == []


def test_a_neighbouring_number_is_not_found() -> None:
    assert find("<p>06 1234 5602</p>", kind=FindingKind.PHONE) == []


# --------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize("written", [
    "jw.vandenberg@example.nl", "JW.VandenBerg@Example.NL", "jw.vandenberg [at] example [dot] nl",
    "jw.vandenberg(at)example(dot)nl", "jw.vandenberg at example dot nl",
    "jw.vandenberg {at} example {punt} nl", "jw(dot)vandenberg [apenstaartje] example.nl",
    "jw.vandenberg @ example.nl"])
def test_private_email_plain_and_obfuscated(written: str) -> None:
    (match,) = find(f"<p>Mail: {written}</p>", kind=FindingKind.EMAIL)
    assert match.value == written
    assert match.detail == "jw.vandenberg@example.nl"


def test_email_in_mailto_and_entity_encoded() -> None:
    found = find('<a href="mailto:jw.vandenberg%40example.nl?subject=Hoi">mail</a>'
                 "<p>jw.vandenberg&#64;example.nl</p>", kind=FindingKind.EMAIL)
    assert [m.element for m in found] == [Element.MAILTO_LINK]


@pytest.mark.parametrize("other", [
    "j.vandenberg@gemeente-voorbeeld.test", "xjw.vandenberg@example.nl",
    "jw.vandenberg@example.nl.evil.test", "jw.vandenberg@example.nlx"])
def test_other_addresses_are_not_the_private_one(other: str) -> None:
    assert find(f"<p>{other}</p>", kind=FindingKind.EMAIL) == []


# --------------------------------------------------------------------------- home address


@pytest.mark.parametrize("written", [
    "Kerkstraat 12, 7721 BC Dalfsen", "Kerkstraat 12<br>7721BC DALFSEN",
    "woonachtig aan de Kerkstraat 12 te Dalfsen", "Kerkstr. 12, Dalfsen",
    "Kerkstraat nr. 12 in Dalfsen", "7721 BC Dalfsen, Kerkstraat 12",
    "Kerkstraat 12 | 7721 BC | Dalfsen", "Kerkstraat 12 (Dalfsen)"])
def test_home_address_in_any_written_form(written: str) -> None:
    (match,) = find(f"<p>{written}</p>", kind=FindingKind.HOME_ADDRESS)
    assert match.subject is Subject.OFFICIAL
    assert "12" in match.value and match.detail == "home"
    assert match.score >= 0.8
    assert {"huisnummer", "suffix"} <= {f.field for f in match.fields}


@pytest.mark.parametrize(("body", "value"), [
    ("<dl><dt>Straat</dt><dd>Kerkstraat</dd><dt>Huisnummer</dt><dd>12</dd>"
     "<dt>Plaats</dt><dd>Dalfsen</dd></dl>", "Kerkstraat, Huisnummer: 12, Plaats: Dalfsen"),
    ("<table><tr><td>Adres</td><td>Kerkstraat 12</td><td>7721 BC Dalfsen</td></tr></table>",
     "Kerkstraat 12 | 7721 BC Dalfsen"),
    ("<address>Kerkstraat 12<br>7721 BC Dalfsen</address>", "Kerkstraat 12, 7721 BC Dalfsen"),
])
def test_home_address_spread_over_fields_and_lines(body: str, value: str) -> None:
    (match,) = find(body, kind=FindingKind.HOME_ADDRESS)
    assert match.value == value and match.score >= 0.8


def test_street_and_number_alone_count_on_a_page_about_the_official() -> None:
    (match,) = find(f"{ABOUT}<p>Adres: Kerkstraat 12</p>", kind=FindingKind.HOME_ADDRESS)
    assert match.score < 0.8  # no town or postcode to confirm it
    assert find("<p>Adres: Kerkstraat 12</p>", kind=FindingKind.HOME_ADDRESS) == []


def test_letter_and_addition_must_agree() -> None:
    home = Address(street="Burgemeester Backxlaan", number=45, letter="b", addition="2",
                   postcode="7721KM", city="Dalfsen")
    official = OFFICIAL.model_copy(update={"home": home})
    for written in ("Burg. Backxln. 45-B-2, Dalfsen", "Burgemeester Backxlaan 45b 2, Dalfsen",
                    "Burgemeester Backxlaan 45B/2, 7721 KM Dalfsen"):
        assert len(find(f"<p>{written}</p>", official, kind=FindingKind.HOME_ADDRESS)) == 1, written
    for other in ("Burgemeester Backxlaan 45, Dalfsen", "Burgemeester Backxlaan 45a-2, Dalfsen",
                  "Burgemeester Backxlaan 45b-1, Dalfsen"):
        assert find(f"{ABOUT}<p>{other}</p>", official, kind=FindingKind.HOME_ADDRESS) == [], other


@pytest.mark.parametrize("negative", [
    "Kerkstraat 14, 7721 BC Dalfsen",            # the neighbour
    "Kerkstraat 12a, Dalfsen",                   # another dwelling in the building
    "Kerkstraat 12, Ommen",                      # the same street in another town
    "Kerkstraat 12, 8011 AB Zwolle",             # another postcode
    "Kerkstraat 10-14 wordt heringericht",       # a range of numbers
    "Kerkstraat 12-14 wordt heringericht",
    "Raadhuisplein 1, 7721 AA Dalfsen",          # the town hall
    "Partijbureau: Kerkweg 12, 7721 BC Dalfsen",  # another street
])
def test_hard_negatives_are_not_the_home(negative: str) -> None:
    assert find(f"{ABOUT}<p>{negative}</p>", kind=FindingKind.HOME_ADDRESS) == []


def test_structured_address_json_ld() -> None:
    body = """<script type="application/ld+json">{"@type": "Person", "name": "J.W. van den Berg",
      "address": {"@type": "PostalAddress", "streetAddress": "Kerkstraat 12",
                  "postalCode": "7721BC", "addressLocality": "Dalfsen"},
      "workLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                  "streetAddress": "Raadhuisplein 1", "addressLocality": "Dalfsen"}}}</script>"""
    (match,) = find(body, kind=FindingKind.HOME_ADDRESS)
    assert match.element is Element.JSON_LD
    assert match.value == "Kerkstraat 12, 7721BC, Dalfsen"


def test_home_on_a_page_naming_only_the_partner_is_household() -> None:
    (match,) = find("<p>Praktijk Petra Jansen, Kerkstraat 12, 7721 BC Dalfsen</p>",
                    kind=FindingKind.HOME_ADDRESS)
    assert match.subject is Subject.HOUSEHOLD


# --------------------------------------------------------------------------- birth date


@pytest.mark.parametrize("written", [
    "3 maart 1975", "03-03-1975", "3/3/'75", "3 mrt. 1975", "03.03.1975", "1975-03-03",
    "3 March 1975", "March 3rd, 1975", "3e maart 1975", "3 maart '75"])
def test_birth_date_in_dutch_and_numeric_forms(written: str) -> None:
    (match,) = find(f"{ABOUT}<p>Geboren op {written} in Zwolle.</p>", kind=FindingKind.BIRTH_DATE)
    assert (match.value, match.detail) == (written, "1975-03-03")


@pytest.mark.parametrize("other", ["4 maart 1975", "3 maart 1976", "03-04-1975", "3 maart",
                                   "1975", "3/3/'76"])
def test_only_the_exact_birth_date(other: str) -> None:
    assert find(f"{ABOUT}<p>Geboren {other}.</p>", kind=FindingKind.BIRTH_DATE) == []


def test_birth_date_only_on_a_page_about_the_official() -> None:
    assert find("<p>Opgericht op 3 maart 1975.</p>", kind=FindingKind.BIRTH_DATE) == []
    body = """<div itemscope itemtype="https://schema.org/Person"><h1 itemprop="name">
      Jan-Willem van den Berg</h1><meta itemprop="birthDate" content="1975-03-03"></div>"""
    (match,) = find(body, kind=FindingKind.BIRTH_DATE)
    assert match.element is Element.MICRODATA


# --------------------------------------------------------------------------- household


@pytest.mark.parametrize(("sentence", "names"), [
    ("Hij is getrouwd met Petra en vader van Sanne en Tim.", {"Petra", "Sanne", "Tim"}),
    ("Zijn partner Petra Jansen werkt in het onderwijs.", {"Petra Jansen"}),
    ("Jan-Willem van den Berg woont met Petra in Dalfsen.", {"Petra"}),
    ("Kinderen: Sanne (12) en Tim (9).", {"Sanne", "Tim"}),
    ("He is married to Petra.", {"Petra"}),
    ("Zoon Tim van den Berg speelt bij de jeugd.", {"Tim van den Berg"}),
    ("Sanne, de dochter van de wethouder, knipte het lint door.", {"Sanne"}),
])
def test_household_names_in_a_family_context(sentence: str, names: set[str]) -> None:
    found = find(f"{ABOUT}<p>{sentence}</p>", kind=FindingKind.HOUSEHOLD_NAME)
    assert {m.value for m in found} == names
    assert {m.subject for m in found} == {Subject.HOUSEHOLD}


@pytest.mark.parametrize("sentence", [
    "De negenjarige Sanne mocht als eerste het water in.",   # unrelated text
    "Sanne en haar vriendinnen zwommen een baantje.",
    "Raadslid Sanne Mulder was ook aanwezig.",                 # another Sanne
    "Zwemleraar Tim Bakker is vader van twee kinderen.",       # family word, other surname
    "Piet de Boer is getrouwd met Petra.",                     # another person's family
    "Van den Berg feliciteerde Sanne en haar moeder.",         # Sanne's family, not his
    "Sanne, de dochter van buurman Kees, knipte het lint door.",
])
def test_common_first_names_elsewhere_are_not_the_household(sentence: str) -> None:
    assert find(f"{ABOUT}<p>{sentence}</p>", kind=FindingKind.HOUSEHOLD_NAME) == []


def test_household_only_on_a_page_about_the_official() -> None:
    assert find("<p>Getrouwd met Petra, vader van Sanne.</p>",
                kind=FindingKind.HOUSEHOLD_NAME) == []


def test_household_from_json_ld_relations() -> None:
    body = """<script type="application/ld+json">{"@type": "Person",
      "name": "Jan-Willem van den Berg", "spouse": {"@type": "Person", "name": "Petra Jansen"},
      "children": [{"@type": "Person", "name": "Sanne"}, {"name": "Noor"}]}</script>"""
    found = find(body, kind=FindingKind.HOUSEHOLD_NAME)
    assert {(m.value, m.element) for m in found} == {("Petra Jansen", Element.JSON_LD),
                                                     ("Sanne", Element.JSON_LD)}


# --------------------------------------------------------------------------- residence


@pytest.mark.parametrize("body", [
    f"{ABOUT}<p>Hij woont met zijn gezin in Dalfsen.</p>",
    f"{ABOUT}<p>Jan-Willem woont al twintig jaar in het centrum van Dalfsen.</p>",
    f"{ABOUT}<dl><dt>Woonplaats</dt><dd>Dalfsen</dd></dl>",
    "<p>Wethouder Jan-Willem van den Berg (49) uit Dalfsen opende de markt.</p>",
    "<ol><li>Berg, J.W. van den (m) \u2013 Dalfsen</li><li>Vries, T. de (m) \u2013 Ommen</li></ol>",
    "<p>1. Berg, J.W. van den (Dalfsen)<br>2. Mulder, S. (Nieuwleusen)</p>",
    "<table><tr><th>Naam</th><th>Woonplaats</th></tr>"
    "<tr><td>J.W. van den Berg</td><td>Dalfsen</td></tr></table>",
    f"{ABOUT}<p>Van den Berg is inwoner van Dalfsen.</p>",
    f"{ABOUT}<p>Sinds 2004 in Dalfsen woonachtig.</p>",
    f"{ABOUT}<p>Van den Berg en zijn gezin wonen in Dalfsen.</p>",
    "<p>Henk Bosch (45) en Jan-Willem van den Berg, die in Dalfsen woont, openden de brug.</p>",
    '<p>Jan-Willem van den Berg</p><div><span class="label">Woonplaats</span>'
    '<span class="value">Dalfsen</span></div>',
])
def test_residence_where_the_text_says_they_live(body: str) -> None:
    (match,) = find(body, kind=FindingKind.RESIDENCE)
    assert (match.value, match.detail, match.subject) == ("Dalfsen", "dalfsen", Subject.OFFICIAL)


@pytest.mark.parametrize("body", [
    f"{ABOUT}<footer>Gemeente Dalfsen · Raadhuisplein 1 · 7721 AA Dalfsen</footer>",
    f"{ABOUT}<p>Nieuws uit Dalfsen: de kermis begint vrijdag.</p>",
    f"{ABOUT}<p>Hij werd geboren in Dalfsen en is wethouder van Dalfsen.</p>",
    f"{ABOUT}<p>Samen met Henk Bosch, die in Dalfsen woont, opende hij de school.</p>",
    f"{ABOUT}<p>Hij woont in Ommen, vlak bij Dalfsen.</p>",
    f"{ABOUT}<p>Een inwoner die in Dalfsen woont, vroeg Van den Berg om een gesprek.</p>",
    f"{ABOUT}<p>Inwoners die in Dalfsen wonen kunnen bij Van den Berg terecht.</p>",
    "<ol><li>Berg, T. van den (m) \u2013 Dalfsen</li></ol>",          # a namesake
    "<p>Piet woont in Dalfsen.</p>",                              # not about the official
    "<h2>Jan-Willem van den Berg</h2><p>Wethouder.</p>"
    "<h2>Henk Bosch</h2><p>Woont in Dalfsen.</p>",                # another official's section
    "<nav><a>Jan-Willem van den Berg</a></nav><div class='name'>Henk Bosch</div>"
    "<dl><dt>Woonplaats</dt><dd>Dalfsen</dd></dl>",               # a card of someone else
    f"{ABOUT}<aside><ul><li>Henk Bosch (Dalfsen)</li></ul></aside>",
])
def test_no_residence_for_the_organisation_or_someone_else(body: str) -> None:
    assert find(body, kind=FindingKind.RESIDENCE) == []


def test_no_residence_in_a_title_naming_the_site() -> None:
    assert find("<p>Jan-Willem van den Berg</p>", title="Jan-Willem van den Berg - Dalfsen",
                kind=FindingKind.RESIDENCE) == []


def test_residence_is_left_out_when_the_whole_address_is_there() -> None:
    found = kinds(f"{ABOUT}<p>Hij woont aan de Kerkstraat 12 in Dalfsen.</p>")
    assert found == {FindingKind.HOME_ADDRESS}


# --------------------------------------------------------------------------- the whole


def test_one_match_per_value_preferring_the_telling_element() -> None:
    body = ('<p>Bel 06-12345601</p><p><a href="tel:0612345601">06 12345601</a></p>'
            '<p>of 0529-431234</p>')
    found = find(body, kind=FindingKind.PHONE)
    assert sorted((m.detail, m.element) for m in found) == [
        ("+31529431234", Element.TEXT), ("+31612345601", Element.TEL_LINK)]


def test_context_shows_where_but_hides_other_numbers_and_addresses() -> None:
    (match,) = find("<p>Werk: 0529 48 83 11, j.berg@gemeente.test; privé: 06-12345601.</p>",
                    kind=FindingKind.PHONE)
    assert "06-12345601" in match.context
    assert "48 83" not in match.context and "gemeente.test" not in match.context


def test_an_official_without_data_gets_nothing() -> None:
    bare = Official(id=OfficialId("t-2"), name="Anna de Vries")
    assert find(f"{ABOUT}<p>Anna de Vries woont in Dalfsen, 06-12345601.</p>", bare) == []


@pytest.mark.parametrize("written", ["0031 6 12 34 56 01", "0031-6-12345601", "+31(0)6 1234 5601"])
def test_international_trunk_prefixes(written: str) -> None:
    (match,) = find(f"<p>Bel: {written}</p>", kind=FindingKind.PHONE)
    assert match.value == written and match.detail == "+31612345601"


def test_json_ld_telephone_with_trunk_zero() -> None:
    body = ('<script type="application/ld+json">{"@type": "Person", '
            '"name": "Jan-Willem van den Berg", "telephone": "+31 (0)6 12345601"}</script>')
    assert [m.detail for m in find(body, kind=FindingKind.PHONE)] == ["+31612345601"]


def test_another_town_in_the_same_clause_is_not_the_home() -> None:
    body = (f"{ABOUT}<p>In Dalfsen werd ingebroken aan de Kerkstraat 14, in Ommen aan de "
            "Kerkstraat 12 en aan de Stationsstraat 31.</p>")
    assert find(body, kind=FindingKind.HOME_ADDRESS) == []
    same = f"{ABOUT}<p>Hij woont in Dalfsen aan de Kerkstraat 12.</p>"
    (match,) = find(same, kind=FindingKind.HOME_ADDRESS)
    assert match.score >= 0.8  # the clause's town confirms it


def test_postcode_and_house_number_alone() -> None:
    (match,) = find("<p>Brief van bewoner, 7721 BC 12, over de Kerkweg</p>",
                    kind=FindingKind.HOME_ADDRESS)
    assert match.value == "7721 BC 12"
    assert find("<p>Brief van bewoner, 7721 BC 14</p>", kind=FindingKind.HOME_ADDRESS) == []


# --------------------------------------------------------------------------- shared first name

WILLEM = Official(
    id=OfficialId("t-2"), name="Willem Maas", role="wethouder",
    household=(HouseholdMember(name="Willem Brouwer", relation="partner"),
               HouseholdMember(name="Willem", relation="child")))


@pytest.mark.parametrize("body", [
    "<h1>Wethouder Willem Maas</h1><p>Willem Maas opende de brug.</p>",
    "<p>Wethouder Willem Maas zei: Willem gaat door.</p>",
    "<h1>Willem Maas</h1><p>Willem sprak in de raad. Willem Maas stemde voor.</p>",
])
def test_the_officials_own_name_is_never_a_household_members(body: str) -> None:
    assert find(body, WILLEM, kind=FindingKind.HOUSEHOLD_NAME) == []


def test_a_partner_with_the_same_first_name_is_still_found() -> None:
    found = find("<h1>Willem Maas</h1><p>Willem Maas woont met zijn partner Willem Brouwer.</p>",
                 WILLEM, kind=FindingKind.HOUSEHOLD_NAME)
    assert [m.value for m in found] == ["Willem Brouwer"]
    child = find("<h1>Willem Maas</h1><p>Zijn zoon Willem zit op school.</p>", WILLEM,
                 kind=FindingKind.HOUSEHOLD_NAME)
    assert {m.value for m in child} == {"Willem"}


def test_household_first_names_fold_letters_nfkd_keeps_whole() -> None:
    official = WILLEM.model_copy(update={"household": (
        HouseholdMember(name="Þóra Maas", relation="child"),
        HouseholdMember(name="Søren Maas", relation="child"))})
    found = find("<h1>Willem Maas</h1><p>Zijn kinderen Thora en Soren gaan naar school.</p>",
                 official, kind=FindingKind.HOUSEHOLD_NAME)
    assert sorted(m.value for m in found) == ["Soren", "Thora"]


def test_a_country_code_after_the_street_is_no_house_number() -> None:
    official = OFFICIAL.model_copy(update={"home": Address(
        street="Prins Bernhardlaan", number=31, postcode="7721AB", city="Dalfsen")})
    text = f"{ABOUT}<p>De speeltuin aan de Prins Bernhardlaan: +31 (0)6 70 11 22 33</p>"
    assert find(text, official, kind=FindingKind.HOME_ADDRESS) == []
    assert find(f"{ABOUT}<p>Prins Bernhardlaan 31, Dalfsen</p>", official,
                kind=FindingKind.HOME_ADDRESS)
