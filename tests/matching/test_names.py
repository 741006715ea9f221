"""Tests for Dutch personal name parsing and trade-name matching (fictional people)."""

from __future__ import annotations

import pytest

from exposurecheck.matching.names import (
    NameMatch,
    PersonName,
    match_first_name,
    match_person,
    normalise_name_text,
    parse_person_name,
    search_terms,
)


def fields(match: NameMatch) -> dict[str, float]:
    return {f.field: f.score for f in match.fields}


JW = parse_person_name("Jan-Willem van den Berg")
PETRA = parse_person_name("Petra Jansen-de Vries")
AHMET = parse_person_name("Ahmet Çelik")


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("name", "first", "initials", "prefix", "surnames"),
    [
        ("Jan-Willem van den Berg", ("jan", "willem"), "jw", "van den", ("berg",)),
        ("Berg, J.W. van den", (), "jw", "van den", ("berg",)),
        ("J.W. van den Berg", (), "jw", "van den", ("berg",)),
        ("Van den Berg", (), "", "van den", ("berg",)),
        ("P. van der Meijden", (), "p", "van der", ("meijden",)),
        ("Petra Jansen-de Vries", ("petra",), "p", "", ("jansen", "vries")),
        ("Çelik, A.", (), "a", "", ("celik",)),
        ("Ahmet Çelik", ("ahmet",), "a", "", ("celik",)),
        ("Anne-Marie de Jong-van Dijk", ("anne", "marie"), "am", "de", ("jong", "dijk")),
        ("Sanne", ("sanne",), "s", "", ()),
    ],
)
def test_parse_spec_examples(
    name: str, first: tuple[str, ...], initials: str, prefix: str, surnames: tuple[str, ...]
) -> None:
    person = parse_person_name(name)
    assert person.first_names == first
    assert person.initials == initials
    assert person.prefix == prefix
    assert person.surnames == surnames


def test_parse_married_name_keeps_prefix_per_part() -> None:
    assert PETRA.surname_prefixes == ("", "de")
    person = parse_person_name("Anne-Marie de Jong-van Dijk")
    assert person.surname_prefixes == ("de", "van")


def test_parse_eml_married_name_with_spaced_hyphen() -> None:
    person = parse_person_name("Kolk - Kruithof", initials="A.B.")
    assert person.surnames == ("kolk", "kruithof")
    assert person.initials == "ab"
    assert person.first_names == ()


@pytest.mark.parametrize(
    "name",
    [
        "Jan-Willem van den Berg",
        "Jan-Willem Van Den Berg",
        "JAN-WILLEM VAN DEN BERG",
        "jan-willem van den berg",
        "  Jan-Willem   van  den Berg  ",
        "Jan\u2010Willem van den Berg",  # typographic hyphen
    ],
)
def test_parse_case_and_whitespace_do_not_matter(name: str) -> None:
    assert parse_person_name(name) == JW


@pytest.mark.parametrize(
    "name",
    [
        "Berg, J.W. van den",
        "Berg van den, J.W.",
        "BERG, J.W. VAN DEN",
        "Van den Berg, J.W.",
        "van den Berg, J.W.",
        "J.W. van den Berg",
        "J-W. van den Berg",
        "J. W. van den Berg",
        "JW van den Berg",
    ],
)
def test_parse_initials_forms_and_prefix_order(name: str) -> None:
    person = parse_person_name(name)
    assert (person.initials, person.prefix, person.surnames) == ("jw", "van den", ("berg",))
    assert person.first_names == ()


def test_parse_explicit_initials_win() -> None:
    person = parse_person_name("Jan-Willem van den Berg", initials="J.W.M.")
    assert person.initials == "jwm"
    assert person.first_names == ("jan", "willem")


@pytest.mark.parametrize("initials", ["J.W.", "J-W.", "JW", "jw", "J. W.", " J.W. "])
def test_parse_explicit_initials_forms(initials: str) -> None:
    assert parse_person_name("Van den Berg", initials=initials).initials == "jw"


def test_parse_lone_word_with_initials_is_a_surname() -> None:
    person = parse_person_name("Berg", initials="J.W.")
    assert person.surnames == ("berg",)
    assert person.first_names == ()


def test_parse_lone_hyphenated_first_name() -> None:
    person = parse_person_name("Jan-Willem")
    assert person.first_names == ("jan", "willem")
    assert person.surnames == ()
    assert person.initials == "jw"


@pytest.mark.parametrize("name", ["", "   "])
def test_parse_empty(name: str) -> None:
    assert parse_person_name(name) == PersonName((), "", "", (), ())


@pytest.mark.parametrize(
    ("name", "prefix", "surname"),
    [
        ("Jan in 't Veld", "in 't", "veld"),
        ("Jan in \u2019t Veld", "in 't", "veld"),
        ("Kees van 't Hof", "van 't", "hof"),
        ("Marieke ter Horst", "ter", "horst"),
        ("Jan de Vries", "de", "vries"),
        ("Jan Van Der Meer", "van der", "meer"),
    ],
)
def test_parse_tussenvoegsels(name: str, prefix: str, surname: str) -> None:
    person = parse_person_name(name)
    assert (person.prefix, person.surnames) == (prefix, (surname,))


def test_parse_strips_titles_and_degrees() -> None:
    person = parse_person_name("dr. J.W. van den Berg MSc")
    assert (person.initials, person.prefix, person.surnames) == ("jw", "van den", ("berg",))
    assert parse_person_name("De heer P. de Vries").surnames == ("vries",)
    assert parse_person_name("De heer P. de Vries").initials == "p"


def test_parse_kiesraad_style_with_first_name_and_gender_in_brackets() -> None:
    person = parse_person_name("Berg, J.W. van den (Jan-Willem) (m)")
    assert person.first_names == ("jan", "willem")
    assert person.initials == "jw"
    assert person.surnames == ("berg",)


def test_parse_multi_letter_initial() -> None:
    assert parse_person_name("Th. de Vries").initials == "t"


def test_parse_single_letter_initial_without_dot() -> None:
    person = parse_person_name("P Jansen")
    assert (person.initials, person.first_names, person.surnames) == ("p", (), ("jansen",))


def test_parse_prefix_word_alone_becomes_surname() -> None:
    person = parse_person_name("Jan de")
    assert person.surnames == ("de",)
    assert person.first_names == ("jan",)


def test_parse_diacritics_removed_everywhere() -> None:
    person = parse_person_name("Zoë Ørsted-Müller")
    assert person.first_names == ("zoe",)
    assert person.surnames == ("orsted", "muller")


def test_part_prefix_fallback_for_hand_built_person() -> None:
    person = PersonName(("jan",), "j", "van den", ("berg",))
    assert person.part_prefix(0) == "van den"
    assert person.part_prefix(1) == ""


# --------------------------------------------------------------------------- normalising


def test_normalise_name_text_basics() -> None:
    assert normalise_name_text("  ÇELIK   Import ") == "celik import"
    assert normalise_name_text("Van den Berg, J.W.") == "van den berg j.w."


def test_normalise_name_text_ij_y() -> None:
    assert normalise_name_text("Meijden") == normalise_name_text("Meyden") == "meyden"
    assert normalise_name_text("IJsbrand") == "ijsbrand"  # word-initial IJ kept


@pytest.mark.parametrize("text", ["J.W.", "J-W.", "j.w", "J.-W."])
def test_normalise_name_text_initials_stay_recognisable(text: str) -> None:
    assert normalise_name_text(text) == "j.w."


def test_normalise_name_text_punctuation_to_spaces() -> None:
    assert normalise_name_text("Berg & Co.") == "berg co"
    assert normalise_name_text("Jansen-de Vries") == "jansen de vries"
    assert normalise_name_text("in 't Veld") == "in t veld"
    assert normalise_name_text("v/d Berg") == "v.d. berg"


def test_normalise_name_text_empty() -> None:
    assert normalise_name_text("") == ""
    assert normalise_name_text(" .,- ") == ""


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "text",
    [
        "Klusbedrijf J.W. van den Berg",
        "Jan-Willem van den Berg Advies",
        "Van den Berg, J.W.",
        "JW van den Berg Consultancy",
        "Jan-Willem v.d. Berg",
        "J. van den Berg",
        "Berg, J.W. van den",
        "KLUSBEDRIJF J.W. VAN DEN BERG",
        "J-W. van den Berg",
        "J. W. van den Berg",
        "Jan Willem van den Berg",
    ],
)
def test_match_full(text: str) -> None:
    match = match_person(JW, text)
    assert match.strength == "full"
    assert match.score > 0.6
    assert "surname" in fields(match)


def test_match_full_with_both_initials_scores_higher_than_one() -> None:
    both = match_person(JW, "J.W. van den Berg")
    one = match_person(JW, "J. van den Berg")
    assert both.strength == one.strength == "full"
    assert both.score > one.score
    assert fields(both)["initials"] > fields(one)["initials"]


def test_match_full_fields() -> None:
    match = match_person(JW, "Klusbedrijf J.W. van den Berg")
    assert fields(match) == {"surname": 1.0, "prefix": 1.0, "initials": 1.0}
    match = match_person(JW, "Jan-Willem van den Berg Advies")
    assert fields(match)["first_name"] == pytest.approx(1.0)


def test_match_one_of_two_first_names_is_full_but_lower() -> None:
    match = match_person(JW, "Jan van den Berg")
    assert match.strength == "full"
    assert fields(match)["first_name"] < 1.0
    assert match.score < match_person(JW, "Jan-Willem van den Berg").score


def test_match_abbreviated_prefix_scores_lower() -> None:
    match = match_person(JW, "Jan-Willem v.d. Berg")
    assert 0.8 <= fields(match)["prefix"] < 1.0
    assert match.score < match_person(JW, "Jan-Willem van den Berg").score


@pytest.mark.parametrize(
    "text",
    ["Van den Berg Schilderwerken", "Schilderwerken van den Berg", "VandenBerg Bouw"],
)
def test_match_surname_only(text: str) -> None:
    match = match_person(JW, text)
    assert match.strength == "surname"
    assert 0.0 < match.score <= 0.5


def test_match_conflicting_initial_is_none() -> None:
    match = match_person(JW, "K. van den Berg")
    assert match == NameMatch("none", 0.0, ())


@pytest.mark.parametrize("text", ["Bergmans Bouw", "Jan de Vries", "Bouwbedrijf", "", "   "])
def test_match_other_name_is_none(text: str) -> None:
    match = match_person(JW, text)
    assert match.strength == "none"
    assert match.score == 0.0
    assert match.fields == ()


def test_match_fuzzy_surname() -> None:
    match = match_person(JW, "Van den Bergh")
    assert match.strength == "surname"
    assert 0.9 <= fields(match)["surname"] < 1.0


def test_match_missing_prefix_lowers_score() -> None:
    without = match_person(JW, "Berg & Co")
    with_prefix = match_person(JW, "Van den Berg & Co")
    assert without.strength == "surname"
    assert without.score < with_prefix.score
    assert "prefix" not in fields(without)


def test_match_different_prefix_is_none() -> None:
    assert match_person(JW, "De Berg Bouw").strength == "none"
    assert match_person(parse_person_name("Ahmet Berg"), "De Berg Bouw").strength == "none"


def test_match_close_prefix_is_weaker() -> None:
    match = match_person(JW, "Van der Berg")
    assert match.strength == "surname"
    assert match.score < match_person(JW, "Van den Berg").score


def test_match_unknown_given_word_is_no_conflict() -> None:
    # Only initials reveal a different person; "Kees" cannot be told from a word.
    assert match_person(JW, "Kees van den Berg").strength == "surname"


def test_match_legal_forms_are_not_initials() -> None:
    for text in ("Van den Berg B.V.", "Van den Berg BV", "Van den Berg & Zn.", "Berg V.O.F."):
        assert match_person(JW, text).strength == "surname", text


def test_match_first_name_alone_never_matches() -> None:
    assert match_person(JW, "Jan-Willem Advies").strength == "none"
    assert match_person(PETRA, "Fotografie Petra").strength == "none"
    sanne = parse_person_name("Sanne")  # not even for a person known by a first name only
    assert match_person(sanne, "Sanne Fotografie").strength == "none"


@pytest.mark.parametrize("text", ["P. de Vries Fotografie", "Petra Jansen", "Petra de Vries"])
def test_match_married_name_full(text: str) -> None:
    assert match_person(PETRA, text).strength == "full"


@pytest.mark.parametrize("text", ["De Vries Bouw", "Jansen Installatietechniek"])
def test_match_married_name_surname(text: str) -> None:
    assert match_person(PETRA, text).strength == "surname"


def test_match_married_name_both_parts_scores_higher() -> None:
    both = match_person(PETRA, "Jansen-de Vries Bouw")
    one = match_person(PETRA, "De Vries Bouw")
    assert both.strength == one.strength == "surname"
    assert both.score > one.score


def test_match_married_name_conflicting_initial() -> None:
    assert match_person(PETRA, "K. de Vries").strength == "none"


def test_match_diacritics_and_case_never_matter() -> None:
    assert match_person(AHMET, "Celik Import").strength == "surname"
    assert match_person(AHMET, "A. Celik").strength == "full"
    assert match_person(AHMET, "ÇELIK IMPORT").strength == "surname"
    assert match_person(AHMET, "a. çelik").strength == "full"
    assert match_person(parse_person_name("A. Celik"), "Ahmet Çelik Import").strength == "surname"


def test_match_conflicting_initial_after_surname() -> None:
    assert match_person(AHMET, "Çelik, B.").strength == "none"
    assert match_person(AHMET, "Çelik, A.").strength == "full"


def test_match_ij_and_y_spellings() -> None:
    person = parse_person_name("P. van der Meijden")
    assert match_person(person, "Van der Meyden Advies").strength == "surname"
    assert match_person(person, "P. van der Meyden").strength == "full"
    assert match_person(person, "P. v.d. Meijden").strength == "full"


def test_match_more_initials_in_text_is_consistent() -> None:
    match = match_person(JW, "J.W.M. van den Berg")
    assert match.strength == "full"
    assert fields(match)["initials"] < 1.0


def test_match_roster_with_initials_only_accepts_spelled_first_names() -> None:
    person = parse_person_name("J.W. van den Berg")
    match = match_person(person, "Jan-Willem van den Berg")
    assert match.strength == "full"
    assert match.score < match_person(person, "J.W. van den Berg").score
    assert match_person(person, "Kees van den Berg").strength == "surname"


def test_match_tussenvoegsel_with_apostrophe() -> None:
    person = parse_person_name("Jan in 't Veld")
    assert match_person(person, "J. in \u2019t Veld Hoveniers").strength == "full"
    assert match_person(person, "In t Veld Hoveniers").strength == "surname"


def test_match_takes_best_occurrence() -> None:
    match = match_person(JW, "K. van den Berg en J.W. van den Berg")
    assert match.strength == "full"


def test_match_score_range_and_field_names() -> None:
    allowed = {"surname", "first_name", "initials", "prefix"}
    for text in ("J.W. van den Berg", "Berg & Co", "Van den Bergh", "Jan van den Berg"):
        match = match_person(JW, text)
        assert 0.0 < match.score <= 1.0
        assert set(fields(match)) <= allowed


# --------------------------------------------------------------------------- search terms


def test_search_terms_simple() -> None:
    assert search_terms(JW) == ("van den berg",)
    assert search_terms(AHMET) == ("celik",)


def test_search_terms_married() -> None:
    assert search_terms(PETRA) == ("jansen", "de vries")
    assert search_terms(parse_person_name("Anne-Marie de Jong-van Dijk")) == (
        "de jong",
        "van dijk",
    )


def test_search_terms_no_duplicates() -> None:
    assert search_terms(parse_person_name("Kolk - Kolk", initials="A.")) == ("kolk",)


def test_search_terms_empty_without_surname() -> None:
    assert search_terms(parse_person_name("Sanne")) == ()


def test_search_terms_keep_apostrophe_prefix() -> None:
    assert search_terms(parse_person_name("Jan in 't Veld")) == ("in 't veld",)


def test_search_terms_abbreviated_prefix_left_out() -> None:
    assert search_terms(parse_person_name("J. v.d. Berg")) == ("berg",)


@pytest.mark.parametrize(("name", "surnames", "prefixes"), [
    ("Petra Jansen-van der Berg", ("jansen", "berg"), ("", "van der")),
    ("Petra Jansen - van der Berg", ("jansen", "berg"), ("", "van der")),
    ("Petra Van der Berg-Jansen", ("berg", "jansen"), ("van der", "")),
    ("Van der Berg-Jansen", ("berg", "jansen"), ("van der", "")),
    ("Petra Jansen-de Vries", ("jansen", "vries"), ("", "de")),
    ("Jan de Vries-van Dam", ("vries", "dam"), ("de", "van")),
    ("Jansen-van der Berg, P.", ("jansen", "berg"), ("", "van der")),
])
def test_married_names_with_a_tussenvoegsel_in_a_later_part(
        name: str, surnames: tuple[str, ...], prefixes: tuple[str, ...]) -> None:
    person = parse_person_name(name)
    assert (person.surnames, person.surname_prefixes) == (surnames, prefixes)
    assert match_person(person, name).strength == ("full" if person.initials else "surname")


@pytest.mark.parametrize("written", ["P. Jansen-van der Berg", "Petra van der Berg",
                                     "Petra Jansen", "Jansen-v.d. Berg, P."])
def test_a_married_name_matches_the_ways_she_writes_it(written: str) -> None:
    person = parse_person_name("Petra Jansen-van der Berg")
    assert person.first_names == ("petra",)
    assert match_person(person, written).strength == "full"


@pytest.mark.parametrize(("roster", "written"), [
    ("Ayşe Yılmaz", "Ayse Yilmaz"), ("Jens Sørensen", "Jens Sorensen"),
    ("Lech Wałęsa", "Lech Walesa"), ("Goran Đorđević", "Goran Dordevic"),
    ("Anna Groß", "Anna Gross"), ("Søren Ærø", "Soren Aero"), ("Zoë Œlig", "Zoe Oelig"),
    ("Þóra Þórsdóttir", "Thora Thorsdottir"), ("Ayse Yilmaz", "Ayşe YILMAZ"),
])
def test_letters_nfkd_keeps_whole_are_folded(roster: str, written: str) -> None:
    assert match_person(parse_person_name(roster), written).strength == "full"
    assert normalise_name_text(roster) == normalise_name_text(written)


@pytest.mark.parametrize(("written", "strength"), [
    ("mr. B. Zwart", "full"), ("dr. B. Zwart", "full"), ("Dhr. Zwart", "surname"),
    ("Mw. Zwart", "surname"), ("M.R. Zwart", "none"), ("Dhr. K. Zwart", "none")])
def test_a_title_before_the_name_is_no_initial(written: str, strength: str) -> None:
    assert match_person(parse_person_name("Bram Zwart"), written).strength == strength


def test_a_first_name_alone_is_a_weak_match_for_the_one_who_bears_it() -> None:
    lotte = parse_person_name("Lotte de Boer")
    match = match_first_name(lotte, ["Kapsalon Lotte", "Haarmode"])
    assert match is not None
    assert (match.strength, match.score) == ("surname", 0.6)
    assert [f.field for f in match.fields] == ["first_name"]
    assert match_first_name(lotte, ["Kapsalon Lot", "Lottes Haarmode"]) is None


def test_a_short_first_name_alone_says_nothing() -> None:
    assert match_first_name(parse_person_name("Bo de Boer"), ["Kapsalon Bo"]) is None
    assert match_first_name(parse_person_name("Eva de Boer"), ["Kapsalon Eva"]) is not None
