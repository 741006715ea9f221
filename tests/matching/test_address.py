"""Tests for Dutch address parsing, normalisation and matching (fictional addresses)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from exposurecheck.matching.address import (
    AddressMatch,
    AddressParseError,
    address_from_register,
    format_address,
    house_suffix,
    match_address,
    normalise_city,
    normalise_postcode,
    normalise_street,
    parse_address,
)
from exposurecheck.matching.names import normalise_name_text
from exposurecheck.models import Address

from tests.support import load_data

# KVK's example vestiging (shared/domain), as the register splits it and as it is meant
LOLLUM_REGISTER: dict[str, object] = {"straatnaam": "Hizzaarderlaan", "huisnummer": 3,
                                      "huisnummer_toevoeging": "A", "postcode": "8823SJ",
                                      "plaats": "Lollum"}
LOLLUM = Address(street="Hizzaarderlaan", number=3, letter="A", postcode="8823SJ", city="Lollum")


def register(**overrides: object) -> Address | None:
    fields: dict[str, object] = {
        "straatnaam": None,
        "huisnummer": None,
        "huisletter": None,
        "huisnummer_toevoeging": None,
        "postcode": None,
        "plaats": None,
        "volledig_adres": None,
    }
    fields.update(overrides)
    return address_from_register(**fields)  # type: ignore[arg-type]


def field_names(match: AddressMatch) -> set[str]:
    return {f.field for f in match.fields}


def same_dwelling_street_score(home: Address, other: Address) -> float:
    """How alike the streets scored, for two addresses that must be the same dwelling."""
    match = match_address(home, other)
    assert match.same_dwelling
    return next(f.score for f in match.fields if f.field == "street")


# --------------------------------------------------------------------------- postcode


@pytest.mark.parametrize(
    "raw", ["1234 ab", "1234AB", " 1234ab ", "1234 AB", "1234aB", "\t1234\u00a0AB\n"]
)
def test_postcode_variants_normalise_to_register_form(raw: str) -> None:
    assert normalise_postcode(raw) == "1234AB"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "0123 AB",  # first digit 0
        "123 AB",
        "12345 AB",
        "1234 A",
        "1234 ABC",
        "1234-AB",
        "AB 1234",
        "1234 A1",
        "\uff11\uff12\uff13\uff14AB",  # full-width digits are not ASCII digits
    ],
)
def test_invalid_postcodes_raise(raw: str) -> None:
    with pytest.raises(AddressParseError):
        normalise_postcode(raw)


@pytest.mark.parametrize("raw", ["1234 SA", "1234sd", "1234 ss"])
def test_never_issued_postcode_letters_are_invalid(raw: str) -> None:
    with pytest.raises(AddressParseError, match="never issued"):
        normalise_postcode(raw)


def test_postcode_error_does_not_echo_input_but_gives_example() -> None:
    with pytest.raises(AddressParseError) as info:
        normalise_postcode("9876 QX9")
    message = str(info.value)
    assert "9876" not in message and "QX" not in message
    assert "1234 AB" in message


def test_address_parse_error_is_a_value_error() -> None:
    assert issubclass(AddressParseError, ValueError)


# --------------------------------------------------------------------------- parse_address


_PARTS = ("street", "number", "letter", "addition", "postcode", "city")


@pytest.mark.parametrize(("line", "parts"), [
    # line                                        street, number, letter, addition, postcode, city
    ("Kerkstr. 12-a, 1234 ab Dorp", ("Kerkstr.", 12, "a", None, "1234AB", "Dorp")),
    ("Kerkstraat 12A 1234AB Dorp", ("Kerkstraat", 12, "A", None, "1234AB", "Dorp")),
    ("Kerkstraat 12 a, Dorp", ("Kerkstraat", 12, "a", None, None, "Dorp")),
    ("2e Kostverlorenkade 10-III, 1054 TS Amsterdam",
     ("2e Kostverlorenkade", 10, None, "III", "1054TS", "Amsterdam")),
    ("Plein 1944 3, 6511 AA Nijmegen", ("Plein 1944", 3, None, None, "6511AA", "Nijmegen")),
    ("Lange Voorhout 8 bis, 2514 ED 's-Gravenhage",
     ("Lange Voorhout", 8, None, "bis", "2514ED", "'s-Gravenhage")),
    ("Hizzaarderlaan 3 A  8823SJ Lollum", ("Hizzaarderlaan", 3, "A", None, "8823SJ", "Lollum")),
    ("Kerkstraat 12-A-2, 1234 AB Dorp", ("Kerkstraat", 12, "A", "2", "1234AB", "Dorp")),
    ("Dorpsstraat 4 hs", ("Dorpsstraat", 4, None, "hs", None, None)),
])
def test_parse_address_spec_examples(line: str, parts: tuple[object, ...]) -> None:
    assert parse_address(line) == Address(**dict(zip(_PARTS, parts, strict=True)))


def test_parse_address_collapses_whitespace_in_street_and_city() -> None:
    address = parse_address("  Lange    Voorhout   8 ,  2514ED   Den   Haag  ")
    assert address.street == "Lange Voorhout"
    assert address.city == "Den Haag"
    assert address.postcode == "2514ED"


def test_parse_address_all_caps() -> None:
    address = parse_address("KERKSTRAAT 12 A, 1234 AB DORP")
    assert (address.street, address.number, address.letter) == ("KERKSTRAAT", 12, "A")
    assert address.city == "DORP"


def test_parse_address_kvk_volledig_adres_with_long_padding() -> None:
    address = parse_address("Abebe Bikilalaan 17                                 1034WL Amsterdam")
    assert address == Address(
        street="Abebe Bikilalaan", number=17, postcode="1034WL", city="Amsterdam"
    )


def test_parse_address_letter_glued_to_number_with_addition() -> None:
    address = parse_address("Kerkstraat 12A-2, 1234 AB Dorp")
    assert (address.letter, address.addition) == ("A", "2")


def test_parse_address_letter_and_digits_glued() -> None:
    address = parse_address("Kerkstraat 12A2")
    assert (address.number, address.letter, address.addition) == (12, "A", "2")


def test_parse_address_numeric_addition() -> None:
    address = parse_address("Kerkstraat 12-2, 1234 AB Dorp")
    assert (address.letter, address.addition) == (None, "2")


def test_parse_address_slash_addition() -> None:
    address = parse_address("Kerkstraat 12/3, Dorp")
    assert (address.number, address.addition) == (12, "3")


def test_parse_address_without_postcode_or_city() -> None:
    address = parse_address("Kerkstraat 12")
    assert address == Address(street="Kerkstraat", number=12)


def test_parse_address_postcode_before_comma() -> None:
    address = parse_address("Kerkstraat 12 1234 AB, Dorp")
    assert (address.number, address.postcode, address.city) == (12, "1234AB", "Dorp")


def test_parse_address_city_before_postcode() -> None:
    address = parse_address("Kerkstraat 12, Dorp 1234 AB")
    assert (address.postcode, address.city) == ("1234AB", "Dorp")


def test_parse_address_postcode_without_city() -> None:
    address = parse_address("Kerkstraat 12, 1234 AB")
    assert (address.postcode, address.city) == ("1234AB", None)


def test_parse_address_drops_country() -> None:
    address = parse_address("Kerkstraat 12, 1234 AB Dorp, Nederland")
    assert address.city == "Dorp"


def test_parse_address_town_without_comma_or_postcode() -> None:
    address = parse_address("Kerkstraat 12 Ede")
    assert (address.number, address.letter, address.addition, address.city) == (
        12,
        None,
        None,
        "Ede",
    )


def test_parse_address_multiword_town_without_delimiter() -> None:
    address = parse_address("Kerkstraat 12 a Ter Apel")
    assert (address.letter, address.city) == ("a", "Ter Apel")


def test_parse_address_four_digit_number_with_two_letter_addition_is_not_a_postcode() -> None:
    address = parse_address("Dorpsstraat 1234 hs")
    assert (address.number, address.addition, address.postcode) == (1234, "hs", None)


def test_parse_address_street_with_year_and_town() -> None:
    address = parse_address("Plein 1944 3 6511 AA Nijmegen")
    assert (address.street, address.number, address.postcode) == ("Plein 1944", 3, "6511AA")


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "Kerkstraat",
        "12",
        "12 Kerkstraat",
        ", 1234 AB Dorp",
        "Kerkstraat 0, Dorp",
        "Kerkstraat 12 boven, Dorp",  # addition longer than 4 characters
        "Kerkstraat 12-A-23456, Dorp",
    ],
)
def test_parse_address_rejects_unparseable(line: str) -> None:
    with pytest.raises(AddressParseError):
        parse_address(line)


def test_parse_address_rejects_invalid_postcode_after_comma() -> None:
    with pytest.raises(AddressParseError, match="never issued"):
        parse_address("Kerkstraat 12, 1234 SA Dorp")
    with pytest.raises(AddressParseError, match="postcode"):
        parse_address("Kerkstraat 12, 12345 Dorp")


def test_parse_address_rejects_po_box() -> None:
    with pytest.raises(AddressParseError, match="PO box"):
        parse_address("Postbus 200, 1000 AE Rommeldam")


def test_parse_error_never_contains_the_input() -> None:
    secret = "Geheimelaan, 9999 ZZ Verstopt"
    with pytest.raises(AddressParseError) as info:
        parse_address(secret)
    message = str(info.value)
    for piece in ("Geheimelaan", "9999", "Verstopt"):
        assert piece not in message
    assert "e.g." in message


# --------------------------------------------------------------------------- streets, cities

Normalise = Callable[[str], str]

STREET_SPELLINGS = [  # an abbreviation or other spelling, and the street it is
    ("Kerkstr.", "Kerkstraat"),
    ("Kerkstr", "Kerkstraat"),
    ("Burg. de Withstraat", "Burgemeester de Withstraat"),
    ("Burg. de Withstr.", "Burgemeester de Withstraat"),
    ("St. Jansstraat", "Sint Jansstraat"),
    ("St.-Jansstraat", "Sint-Jansstraat"),
    ("1e Helmersstraat", "Eerste Helmersstraat"),
    ("2e Kostverlorenkade", "Tweede Kostverlorenkade"),
    ("3e Oosterparkstraat", "Derde Oosterparkstraat"),
    ("Pr. Hendrikkade", "Prins Hendrikkade"),
    ("Pr.Hendrikkade", "Prins Hendrikkade"),
    ("Kon. Julianaplein", "Koningin Julianaplein"),
    ("Dr. Schaepmanstraat", "Dokter Schaepmanstraat"),
    ("Prof. Kamerlingh Onneslaan", "Professor Kamerlingh Onneslaan"),
    ("Jhr. van Karnebeeklaan", "Jonkheer van Karnebeeklaan"),
    ("Mr. Treublaan", "Meester Treublaan"),
    ("Laan v. Meerdervoort", "Laan van Meerdervoort"),
    ("Dorpsln.", "Dorpslaan"),
    ("Stationspln.", "Stationsplein"),
    ("Zandwg.", "Zandweg"),
    ("Keizersgr.", "Keizersgracht"),
    ("Noordkd.", "Noordkade"),
    ("Lijnbaanssngl.", "Lijnbaanssingel"),
    ("KERKSTRAAT", "kerkstraat"),
    ("Rue de l'Église", "Rue de l'Eglise"),
    ("  Lange   Voorhout ", "Lange Voorhout"),
]
CITY_SPELLINGS = [  # two names or spellings of one town
    ("'s-Gravenhage", "Den Haag"),
    ("\u2019s-Gravenhage", "den haag"),
    ("s-Gravenhage", "DEN HAAG"),
    ("'s Gravenhage", "Den  Haag"),
    ("'s-Hertogenbosch", "Den Bosch"),
    ("\u2018s-Hertogenbosch", "den bosch"),
    ("Ijsselstein", "IJsselstein"),
    ("IJSSELSTEIN", "ijsselstein"),
    ("Bergen (NH)", "Bergen (N.H.)"),
    ("Bergen (NH)", "bergen ( nh )"),
    ("Hardinxveld-Giessendam", "Hardinxveld - Giessendam"),
    ("Hardinxveld-Giessendam", "Hardinxveld\u2013Giessendam"),
    ("Súdwest-Fryslân", "Sudwest-Fryslan"),
]


def _name(value: object) -> str | None:
    return getattr(value, "__name__", None)


@pytest.mark.parametrize(
    ("normalise", "a", "b"),
    [(normalise_street, a, b) for a, b in STREET_SPELLINGS]
    + [(normalise_city, a, b) for a, b in CITY_SPELLINGS],
    ids=_name,
)
def test_spellings_of_one_place_share_a_key(normalise: Normalise, a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("normalise", "a", "b"),
    [
        (normalise_street, "Kerkstraat", "Kerkweg"),
        (normalise_street, "Kerkplein", "Kerklaan"),
        (normalise_city, "Den Haag", "Den Bosch"),  # two aliases, two keys
        (normalise_city, "Bergen (NH)", "Bergen (L)"),  # the qualifier is kept
        (normalise_city, "Bergen (NH)", "Bergen"),
    ],
    ids=_name,
)
def test_different_places_keep_different_keys(normalise: Normalise, a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


@pytest.mark.parametrize(
    ("normalise", "raw", "key"),
    [
        (normalise_street, "Burg. de Withstr.", "burgemeester de withstraat"),
        (normalise_street, "'s-Gravendijkwal", "s gravendijkwal"),
        (normalise_street, "Café Straße", "cafe strasse"),
        # "gr" or "ln" without a dot are ordinary letters, not abbreviations
        (normalise_street, "Berg", "berg"),
        (normalise_street, "Stationsweg", "stationsweg"),
        (normalise_street, "", ""),
        (normalise_street, "  ", ""),
        (normalise_city, "Bergen (NH)", "bergen (nh)"),
        # a town beginning with s is no 's-town
        (normalise_city, "Sneek", "sneek"),
        (normalise_city, "Schagen", "schagen"),
    ],
    ids=_name,
)
def test_the_key_itself(normalise: Normalise, raw: str, key: str) -> None:
    assert normalise(raw) == key


# --------------------------------------------------------------------------- suffix


@pytest.mark.parametrize(
    ("letter", "addition"),
    [("A", None), ("a", None), (None, "A"), (None, "a"), (" A ", None), (None, "-A")],
)
def test_house_suffix_letter_variants(letter: str | None, addition: str | None) -> None:
    assert house_suffix(letter, addition) == "A"


@pytest.mark.parametrize(
    ("letter", "addition"),
    [("A", "2"), (None, "A2"), (None, "A-2"), (None, "a 2"), ("a", "/2"), (None, "A/2")],
)
def test_house_suffix_letter_plus_addition_variants(
    letter: str | None, addition: str | None
) -> None:
    assert house_suffix(letter, addition) == "A2"


def test_house_suffix_empty_when_none() -> None:
    assert house_suffix(None, None) == ""
    assert house_suffix("", "") == ""
    assert house_suffix(None, " - ") == ""


def test_house_suffix_distinguishes_different_suffixes() -> None:
    assert house_suffix("A", None) != house_suffix("B", None)
    assert house_suffix("A", None) != house_suffix(None, None)
    assert house_suffix("A", "2") != house_suffix(None, "2A")


def test_house_suffix_floor_and_ground_floor_spellings() -> None:
    assert house_suffix(None, "III") == house_suffix(None, "3")
    assert house_suffix(None, "hs") == house_suffix(None, "H")
    assert house_suffix(None, "huis") == house_suffix(None, "H")
    assert house_suffix(None, "bis") == "BIS"


# --------------------------------------------------------------------------- match_address

HOME = Address(street="Kerkstraat", number=12, letter="A", postcode="1234AB", city="Dorp")


def test_match_same_dwelling_written_differently() -> None:
    other = parse_address("Kerkstr. 12-a, 1234 ab DORP")
    match = match_address(HOME, other)
    assert match.same_dwelling and match.same_building
    assert match.score == pytest.approx(1.0)
    assert field_names(match) == {"postcode", "huisnummer", "suffix", "street", "city"}


def test_match_suffix_as_addition_equals_letter() -> None:
    other = Address(street="Kerkstraat", number=12, addition="A", postcode="1234AB", city="Dorp")
    assert match_address(HOME, other).same_dwelling


def test_match_number_without_letter_is_another_dwelling_same_building() -> None:
    other = Address(street="Kerkstraat", number=12, postcode="1234AB", city="Dorp")
    match = match_address(HOME, other)
    assert not match.same_dwelling
    assert match.same_building
    assert "suffix" not in field_names(match)
    assert 0.5 <= match.score < 0.8


def test_match_other_letter_is_same_building_only() -> None:
    other = HOME.model_copy(update={"letter": "B"})
    match = match_address(HOME, other)
    assert (match.same_dwelling, match.same_building) == (False, True)


def test_match_neighbour_is_neither() -> None:
    other = HOME.model_copy(update={"number": 14})
    match = match_address(HOME, other)
    assert (match.same_dwelling, match.same_building) == (False, False)
    assert "huisnummer" not in field_names(match)
    assert match.score < 0.5


def test_match_postcode_differs_not_same_even_when_street_matches() -> None:
    other = HOME.model_copy(update={"postcode": "1234AC"})
    match = match_address(HOME, other)
    assert not match.same_dwelling and not match.same_building
    assert "street" in field_names(match)
    assert "postcode" not in field_names(match)


def test_match_same_postcode_trusted_over_street_spelling() -> None:
    other = HOME.model_copy(update={"street": "Kerkpad", "city": None})
    assert match_address(HOME, other).same_dwelling


def test_match_without_postcode_needs_street_and_city() -> None:
    other = Address(street="Kerkstraat", number=12, letter="a", city="Dorp")
    assert match_address(HOME, other).same_dwelling
    wrong_city = other.model_copy(update={"city": "Anderdorp"})
    assert not match_address(HOME, wrong_city).same_dwelling
    no_city = other.model_copy(update={"city": None})
    assert not match_address(HOME, no_city).same_dwelling
    wrong_street = other.model_copy(update={"street": "Kerkweg"})
    assert not match_address(HOME, wrong_street).same_dwelling


def test_match_postcode_only_on_one_side_falls_back_to_street_and_city() -> None:
    home = HOME.model_copy(update={"postcode": None})
    other = Address(street="Kerkstr.", number=12, letter="A", postcode="1234AB", city="Dorp")
    match = match_address(home, other)
    assert match.same_dwelling
    assert "postcode" not in field_names(match)


def test_match_city_alias() -> None:
    home = Address(street="Lange Voorhout", number=8, addition="bis", city="'s-Gravenhage")
    other = Address(street="Lange Voorhout", number=8, addition="BIS", city="Den Haag")
    assert match_address(home, other).same_dwelling


def test_match_abbreviated_street() -> None:
    home = Address(street="Burgemeester de Withstraat", number=5, city="Dorp")
    other = Address(street="Burg. de Withstr.", number=5, city="DORP")
    assert same_dwelling_street_score(home, other) == pytest.approx(1.0)


def test_match_small_street_typo_tolerated() -> None:
    home = Address(street="Dorpsstraat", number=5, city="Dorp")
    other = Address(street="Dorpstraat", number=5, city="Dorp")
    assert 0.9 <= same_dwelling_street_score(home, other) < 1.0


def test_match_bag_short_name_truncated_to_24_chars() -> None:
    full = "Burgemeester van Nispen van Sevenaerstraat"
    home = Address(street=full, number=5, city="Dorp")
    other = Address(street=full[:24], number=5, city="Dorp")
    match = match_address(home, other)
    assert match.same_dwelling
    assert "street" in field_names(match)


def test_match_short_prefix_is_not_a_truncation() -> None:
    home = Address(street="Kerkstraatje", number=5, city="Dorp")
    other = Address(street="Kerk", number=5, city="Dorp")
    assert not match_address(home, other).same_dwelling


def test_match_unknown_street_and_postcode_cannot_be_same() -> None:
    home = Address(number=12, city="Dorp")
    other = Address(number=12, city="Dorp")
    match = match_address(home, other)
    assert not match.same_dwelling and not match.same_building


def test_match_is_symmetric() -> None:
    other = Address(street="Kerkstr.", number=12, addition="a", city="Dorp")
    forward, backward = match_address(HOME, other), match_address(other, HOME)
    assert forward.same_dwelling == backward.same_dwelling
    assert forward.score == pytest.approx(backward.score)


def test_match_score_tiers_are_ordered() -> None:
    dwelling = match_address(HOME, HOME)
    building = match_address(HOME, HOME.model_copy(update={"letter": None}))
    neighbour = match_address(HOME, HOME.model_copy(update={"number": 13}))
    assert dwelling.score > building.score > neighbour.score
    for match in (dwelling, building, neighbour):
        assert 0.0 <= match.score <= 1.0
        for field in match.fields:
            assert 0.0 <= field.score <= 1.0


def test_match_ignores_malformed_postcode_in_handmade_address() -> None:
    other = HOME.model_copy(update={"postcode": "not a postcode"})
    match = match_address(HOME, other)
    assert match.same_dwelling  # falls back to street + city
    assert "postcode" not in field_names(match)


# --------------------------------------------------------------------------- register


def test_register_letter_in_toevoeging_becomes_letter() -> None:
    address = register(**LOLLUM_REGISTER)
    assert address == LOLLUM


def test_register_letter_and_toevoeging_kept_apart() -> None:
    address = register(
        straatnaam="Kerkstraat", huisnummer=12, huisletter="A", huisnummer_toevoeging="2"
    )
    assert address is not None
    assert (address.letter, address.addition) == ("A", "2")


def test_register_multi_character_toevoeging_stays_addition() -> None:
    address = register(straatnaam="Kerkstraat", huisnummer=12, huisnummer_toevoeging="hs")
    assert address is not None
    assert (address.letter, address.addition) == (None, "hs")


def test_register_huisnummer_as_string() -> None:
    address = register(straatnaam="Kerkstraat", huisnummer="12", plaats="Dorp")
    assert address is not None and address.number == 12


def test_register_malformed_postcode_is_dropped_not_raised() -> None:
    address = register(straatnaam="Kerkstraat", huisnummer=12, postcode="12AB", plaats="Dorp")
    assert address is not None
    assert address.postcode is None
    assert address.city == "Dorp"


def test_register_postcode_with_space_is_normalised() -> None:
    address = register(straatnaam="Kerkstraat", huisnummer=12, postcode="1234 ab")
    assert address is not None and address.postcode == "1234AB"


def test_register_volledig_adres_when_structured_fields_missing() -> None:
    address = register(volledig_adres="Hizzaarderlaan 3 A                         8823SJ Lollum")
    assert address == LOLLUM


def test_register_volledig_adres_with_broken_postcode_keeps_street_and_town() -> None:
    address = register(volledig_adres="Kerkstraat 12 B                    99XX Dorp")
    assert address == Address(street="Kerkstraat", number=12, letter="B", city="Dorp")


def test_register_structured_fields_win_over_volledig_adres() -> None:
    address = register(
        straatnaam="Kerkstraat",
        plaats="Dorp",
        volledig_adres="Kerkstr. 12                    1234AB Dorpje",
    )
    assert address is not None
    assert (address.street, address.number, address.city) == ("Kerkstraat", 12, "Dorp")
    assert address.postcode == "1234AB"


@pytest.mark.parametrize(
    "overrides",
    [
        {"straatnaam": "Postbus", "postcode": "1000AE", "plaats": "Rommeldam"},
        {"volledig_adres": "Postbus 200                         1000AE Rommeldam"},
        {"straatnaam": "POSTBUS", "huisnummer": 200},
        {"straatnaam": "Antwoordnummer", "huisnummer": 1234},
    ],
)
def test_register_po_box_is_none(overrides: dict[str, object]) -> None:
    assert register(**overrides) is None


@pytest.mark.parametrize(
    "overrides",
    [
        {"straatnaam": "Hizzaarderlaan", "plaats": "Lollum"},
        {"straatnaam": "Kerkstraat", "huisnummer": 0},
        {"straatnaam": "Kerkstraat", "huisnummer": "twaalf"},
        {"straatnaam": "Kerkstraat", "huisnummer": True},
        {"volledig_adres": "   "},
        {"volledig_adres": "Kerkstraat zonder nummer"},
        {},
    ],
)
def test_register_without_house_number_is_none(overrides: dict[str, object]) -> None:
    assert register(**overrides) is None


def test_register_example_payloads_parse() -> None:
    profile = load_data("kvk-vestigingsprofiel-v1.json")
    addresses = [
        register(
            straatnaam=a.get("straatnaam"),
            huisnummer=a.get("huisnummer"),
            huisletter=a.get("huisletter"),
            huisnummer_toevoeging=a.get("huisnummerToevoeging"),
            postcode=a.get("postcode"),
            plaats=a.get("plaats"),
            volledig_adres=a.get("volledigAdres"),
        )
        for a in profile["adressen"]
    ]
    assert addresses[0] is None  # the Postbus correspondence address
    assert addresses[1] == LOLLUM


def test_register_address_matches_home_written_by_a_person() -> None:
    home = parse_address("Hizzaarderlaan 3a, 8823 sj Lollum")
    other = register(**LOLLUM_REGISTER)
    assert other is not None
    assert match_address(home, other).same_dwelling


# --------------------------------------------------------------------------- format


def test_format_address_full() -> None:
    address = Address(
        street="Kerkstraat", number=12, letter="a", addition="2", postcode="1234AB", city="Dorp"
    )
    assert format_address(address) == "Kerkstraat 12A-2, 1234 AB Dorp"


def test_format_address_partial() -> None:
    assert format_address(Address(street="Kerkstraat", number=12)) == "Kerkstraat 12"
    assert format_address(Address(street="Kerkstraat", number=12, city="Dorp")) == (
        "Kerkstraat 12, Dorp"
    )
    assert format_address(Address(number=12, postcode="1234AB")) == "12, 1234 AB"


def test_format_address_round_trips_through_parse() -> None:
    address = parse_address("2e Kostverlorenkade 10-III, 1054 TS Amsterdam")
    assert parse_address(format_address(address)) == address


@pytest.mark.parametrize("street", ["V`", "`V", "v.'", "'s-Gravendijkwal", "O'Brienstraat"])
def test_a_street_key_is_its_own_key(street: str) -> None:
    """Found by hypothesis: an apostrophe kept an abbreviation from being expanded once."""
    key = normalise_street(street)
    assert normalise_street(key) == key


def test_capitals_with_a_stroke_fold_like_their_small_letters() -> None:
    assert normalise_name_text("Ɍ") == normalise_name_text("ɍ") == "r"
    assert normalise_name_text("ŁØĐ") == "lod"
