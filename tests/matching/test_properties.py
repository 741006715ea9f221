"""Property tests for the normalisers: never raise, idempotent, stable folding."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.matching.address import (
    AddressParseError,
    match_address,
    normalise_city,
    normalise_postcode,
    normalise_street,
    parse_address,
)
from exposurecheck.matching.fold import fold_char, strip_diacritics
from exposurecheck.matching.names import (
    match_person,
    normalise_name_text,
    parse_person_name,
    search_terms,
)
from exposurecheck.models import Address

BUDGET = settings(max_examples=300, deadline=None)
_TEXT = st.text(max_size=80)
_FIRST = st.sampled_from(["Jan", "Petra", "Anne-Marie", "Ayşe", "Søren", "Zoë", "Łukasz",
                          "Jan-Willem", "Thijs", "Ilse"])
_PREFIX = st.sampled_from(["", "van", "de", "van der", "van den", "ter", "in 't", "'t"])
_CORE = st.sampled_from(["Berg", "Jansen", "Vries", "Yılmaz", "Sørensen", "Wałęsa", "Meijden",
                         "Groß", "Dijk", "Bakker", "El Amrani"])


@st.composite
def _dutch_name(draw: st.DrawFn) -> str:
    parts = [f"{draw(_PREFIX)} {draw(_CORE)}".strip() for _ in range(draw(st.integers(1, 2)))]
    separator = draw(st.sampled_from(["-", " - "]))
    return f"{draw(_FIRST)} {separator.join(parts)}"


@BUDGET
@given(_TEXT)
def test_name_text_normalising_never_raises_and_is_idempotent(text: str) -> None:
    once = normalise_name_text(text)
    assert normalise_name_text(once) == once


@BUDGET
@given(_TEXT, _TEXT)
def test_parsing_and_matching_any_text_never_raise(name: str, text: str) -> None:
    person = parse_person_name(name)
    assert match_person(person, text).strength in ("none", "surname", "full")
    assert all(term for term in search_terms(person))


@BUDGET
@given(_dutch_name())
def test_every_dutch_name_matches_itself_fully(name: str) -> None:
    person = parse_person_name(name)
    assert match_person(person, name).strength == "full"
    assert match_person(person, strip_diacritics(name)).strength == "full"


@BUDGET
@given(_TEXT)
def test_folding_is_stable(text: str) -> None:
    folded = strip_diacritics(text)
    assert strip_diacritics(folded) == folded
    assert all(len(fold_char(c)) == 1 for c in text)
    assert all(fold_char(fold_char(c)) == fold_char(c) for c in text)


@BUDGET
@given(_TEXT)
def test_street_and_city_keys_never_raise_and_are_idempotent(text: str) -> None:
    assert normalise_street(normalise_street(text)) == normalise_street(text)
    assert normalise_city(normalise_city(text)) == normalise_city(text)


@BUDGET
@given(_TEXT)
def test_address_parsing_fails_only_with_its_own_error(text: str) -> None:
    for parse in (parse_address, normalise_postcode):
        with contextlib.suppress(AddressParseError):
            parse(text)


@BUDGET
@given(st.builds(Address, street=st.none() | _TEXT, number=st.integers(1, 99_999),
                 letter=st.none() | st.sampled_from(["a", "B", "ß"]),
                 addition=st.none() | st.text(max_size=4), postcode=st.none() | _TEXT,
                 city=st.none() | _TEXT))
def test_an_address_is_always_its_own_dwelling(address: Address) -> None:
    result = match_address(address, address)
    assert {f.field: f.score for f in result.fields}["huisnummer"] == 1.0


@pytest.mark.parametrize(("written", "plain"), [
    ("Yılmaz", "Yilmaz"), ("Sørensen", "Sorensen"), ("Wałęsa", "Walesa"), ("Đorđe", "Dorde"),
    ("Groß", "Gross"), ("Ærø", "AEro"), ("Œuvre", "OEuvre"), ("Þór", "THor")])
def test_letters_nfkd_keeps_whole(written: str, plain: str) -> None:
    assert strip_diacritics(written) == plain
