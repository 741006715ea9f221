"""Whatever the register returns, the parser either reads it or says it cannot: never more."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.collectors.kvk.api import (
    CompanyProfile,
    Establishment,
    EstablishmentList,
    SearchPage,
)
from exposurecheck.collectors.kvk.client import KvkClient, KvkResponseError

FIELDS = ["kvkNummer", "vestigingsnummer", "naam", "type", "adres", "adressen", "totaal",
          "pagina", "resultaten", "huisnummer", "indAfgeschermd", "_embedded", "eigenaar",
          "hoofdvestiging", "links", "_links", "volledigAdres", "handelsnamen", "vestigingen",
          "binnenlandsAdres", "straatnaam", "actief", "rechtsvorm", "\x1b]8;;x\x07"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(max_size=20) | st.sampled_from(["Ja", "Nee", " bezoekadres ", "[/]"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6), max_leaves=40)


@pytest.mark.parametrize("model", [SearchPage, CompanyProfile, Establishment, EstablishmentList])
@settings(max_examples=300, deadline=None)
@given(data=JSON)
def test_any_json_is_read_or_refused_as_a_response_error(model: type, data: Any) -> None:
    try:
        parsed = KvkClient._parse("/v2/zoeken", model, data)
    except KvkResponseError as exc:
        assert "\x1b" not in str(exc)
        return
    for value in _strings(parsed.model_dump()):
        assert "\x1b" not in value and "\x07" not in value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_boolean_house_number_is_refused_not_read_as_one() -> None:
    with pytest.raises(KvkResponseError):
        KvkClient._parse("/v1/vestigingsprofielen/x", Establishment, {
            "vestigingsnummer": "000000000001",
            "adressen": [{"type": "bezoekadres", "huisnummer": True}]})


def test_shielded_stub_without_the_flag_and_a_stray_space_in_the_type() -> None:
    profile = Establishment.model_validate({"vestigingsnummer": "000000000001",
                                            "adressen": [{"type": " Bezoekadres "}]})
    assert profile.bezoekadres is not None and profile.bezoekadres.afgeschermd
