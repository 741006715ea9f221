"""Minutes and letters: officials named by office or form of address and surname alone,
addresses set over lines or labelled, dates ending a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from exposurecheck.matching.names import parse_person_name
from exposurecheck.models import (
    Address,
    HouseholdMember,
    Official,
    OfficialId,
)
from exposurecheck.web.extract import Block, Element, PageContent
from exposurecheck.web.match import find_exposures

BRAM = Official(
    id=OfficialId("m-1"), name="Bram Zwart", role="burgemeester",
    home=Address(street="Molenweg", number=7, postcode="8191KX", city="Wapenveld"),
    household=(HouseholdMember(name="Bas Zwart", relation="partner"),
               HouseholdMember(name="Eva Zwart-Visser", relation="child")),
    birth_date=date(1966, 11, 2))


def found(official: Official, *paragraphs: str) -> set[tuple[str, str]]:
    content = PageContent(url="https://ris.example/stuk.pdf", title="Notulen", blocks=tuple(
        Block(Element.TEXT, text) for text in paragraphs))
    return {(m.kind.value, m.value) for m in find_exposures(official, content)}


@pytest.mark.parametrize("mention", [
    "Burgemeester Zwart", "burgemeester Zwart", "Mevrouw Zwart", "De heer Zwart", "Dhr. Zwart",
    "Mw. Zwart"])
def test_an_office_or_form_of_address_with_the_surname_names_the_official(mention: str) -> None:
    assert found(BRAM, f"{mention} (geboren 2-11-1966) opent de vergadering.") == {
        ("birth_date", "2-11-1966")}
    assert ("household_name", "Bas Zwart") in found(
        BRAM, f"{mention} en Bas Zwart ontvingen de reddingsbrigade.")


def test_a_surname_alone_or_in_someone_elses_double_name_names_nobody() -> None:
    assert found(BRAM, "Zwart (geboren 2-11-1966) opent de vergadering.") == set()
    assert found(BRAM, "Mevrouw Zwart-Visser (geboren 2-11-1966) spreekt in.") == set()
    assert found(BRAM, "De heer Kees Zwart en Bas Zwart ontvingen de brigade.") == set()


def test_a_date_that_ends_the_sentence_is_read() -> None:
    assert found(BRAM, "Burgemeester Zwart is geboren op 2-11-1966.") == {
        ("birth_date", "2-11-1966")}
    assert found(BRAM, "Burgemeester Zwart: 2-11-1966.5 procent") == set()


def test_a_full_family_name_before_the_official_in_the_next_sentence() -> None:
    text = "Zijn partner Bas Zwart tekent mee als koper. De heer Zwart verklaart geen belang."
    assert ("household_name", "Bas Zwart") in found(BRAM, text)
    other = "De buurman Kees Jansen en zijn partner Bas Zwart tekenen. De heer Zwart stemt."
    assert ("household_name", "Bas Zwart") not in found(BRAM, other)


def test_a_letter_signed_by_the_partner_of_the_official_it_names() -> None:
    letter = ("Voor de goede orde: mijn man, burgemeester Bram Zwart, heeft zich niet met deze "
              "zienswijze bemoeid.", "Hoogachtend, Bas Zwart")
    assert ("household_name", "Bas Zwart") in found(BRAM, *letter)
    unsigned = ("Burgemeester Bram Zwart heeft zich niet met deze zienswijze bemoeid.",
                "Hoogachtend, Bas Zwart")
    assert ("household_name", "Bas Zwart") not in found(BRAM, *unsigned)


@pytest.mark.parametrize("written", [
    "Adres: postcode 8191 KX, huisnummer 7.", "8191KX nr. 7", "8191 KX 7"])
def test_postcode_and_house_number_name_the_home(written: str) -> None:
    assert {kind for kind, _ in found(BRAM, f"Burgemeester B. Zwart. {written}")} == {
        "home_address"}


def test_postcode_with_another_number_is_not_the_home() -> None:
    assert found(BRAM, "Burgemeester B. Zwart. Adres: postcode 8191 KX, huisnummer 17.") == set()


def test_el_and_al_begin_a_surname_and_tell_the_partner_from_the_official() -> None:
    assert parse_person_name("Ahmed El Idrissi").surnames == ("el idrissi",)
    assert parse_person_name("Jan van El Amrani").surnames == ("el amrani",)
    ahmed = Official(id=OfficialId("m-2"), name="Ahmed El Idrissi", initials="A.",
                     household=(HouseholdMember(name="Samira El Idrissi", relation="partner"),))
    text = ("Het werkbezoek eindigde bij raadslid El Idrissi thuis, waar de fractie werd "
            "ontvangen door zijn vrouw Samira El Idrissi.")
    assert found(ahmed, text) == {("household_name", "Samira El Idrissi")}
