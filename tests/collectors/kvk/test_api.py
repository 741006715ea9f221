"""Parsing of KVK responses: the real test-environment examples in tests/data,
plus spec-shaped fictional payloads for what the examples do not show."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from exposurecheck.collectors.kvk.api import (
    CompanyProfile,
    Establishment,
    EstablishmentList,
    EstablishmentSummary,
    RegisterAddress,
    SearchAddress,
    SearchPage,
    SearchResult,
    TradeName,
    parse_ja_nee,
)

from tests.support import load_data

# --------------------------------------------------------------------------- zoeken v2


def test_zoeken_example_page() -> None:
    page = SearchPage.model_validate(load_data("kvk-zoeken-v2.json"))
    assert page.pagina == 1
    assert page.resultatenPerPagina == 10
    assert page.totaal == 3
    assert len(page.resultaten) == 3
    # HAL-style _links on the page itself
    assert page.links["self"].startswith("https://api.kvk.nl/test/api/v2/zoeken?")


def test_zoeken_rechtspersoon_row_has_no_vestigingsnummer_or_address() -> None:
    row = SearchPage.model_validate(load_data("kvk-zoeken-v2.json")).resultaten[0]
    assert row.type == "rechtspersoon"
    assert row.kvkNummer == "68750110"
    assert row.vestigingsnummer is None
    assert row.adres is None
    assert row.naam == "Test BV Donald"
    assert row.links == {"basisprofiel": "https://api.kvk.nl/test/api/v1/basisprofielen/68750110"}


def test_zoeken_vestiging_rows() -> None:
    rows = SearchPage.model_validate(load_data("kvk-zoeken-v2.json")).resultaten
    hoofd, neven = rows[1], rows[2]
    assert (hoofd.type, hoofd.vestigingsnummer) == ("hoofdvestiging", "000037178598")
    assert (neven.type, neven.vestigingsnummer) == ("nevenvestiging", "000037178601")
    assert neven.naam == "Test BV Donald Nevenvestiging"
    assert hoofd.adres is not None and hoofd.adres.binnenlandsAdres is not None
    addr = hoofd.adres.binnenlandsAdres
    assert (addr.type, addr.straatnaam, addr.plaats) == ("bezoekadres", "Hizzaarderlaan", "Lollum")
    # real responses often omit postcode/huisnummer
    assert addr.huisnummer is None and addr.postcode is None
    assert hoofd.adres.buitenlandsAdres is None
    assert hoofd.adres.type == "bezoekadres"
    assert hoofd.links["vestigingsprofiel"].endswith("/v1/vestigingsprofielen/000037178598")
    assert set(hoofd.links) == {"basisprofiel", "vestigingsprofiel"}
    # actief is only reported with inclusiefInactieveRegistraties
    assert hoofd.actief is None


def test_zoeken_foreign_address_and_actief() -> None:
    row = SearchResult.model_validate(
        {
            "kvkNummer": "12345678",
            "vestigingsnummer": "000012345678",
            "naam": "Voorbeeld Buitenland",
            "type": "nevenvestiging",
            "actief": "Nee",
            "vervallenNaam": "Oude Naam",
            "adres": {
                "buitenlandsAdres": {
                    "type": "postadres",
                    "straatHuisnummer": "Rue Exemple 1",
                    "postcodeWoonplaats": "1000 Bruxelles",
                    "land": "België",
                }
            },
        }
    )
    assert row.actief is False
    assert row.vervallenNaam == "Oude Naam"
    assert row.adres is not None and row.adres.binnenlandsAdres is None
    foreign = row.adres.buitenlandsAdres
    assert foreign is not None
    assert (foreign.straatHuisnummer, foreign.postcodeWoonplaats, foreign.land) == (
        "Rue Exemple 1",
        "1000 Bruxelles",
        "België",
    )
    assert row.adres.type == "postadres"
    assert SearchResult.model_validate({"kvkNummer": "12345678", "actief": "Ja"}).actief is True


def test_search_address_empty() -> None:
    assert SearchAddress.model_validate({}).type is None


# --------------------------------------------------------------------------- basisprofiel


def test_basisprofiel_example() -> None:
    profile = CompanyProfile.model_validate(load_data("kvk-basisprofiel-v1.json"))
    assert profile.kvkNummer == "69599084"
    assert profile.naam == "Test EMZ Dagobert"
    assert [t.naam for t in profile.handelsnamen] == [
        "Test EMZ Dagobert",
        "Tweede handelsnaam 1MZ",
        "Derde handelsnaam 1MZ",
        "Vierde handelsnaam 1MZ",
    ]
    assert [t.volgorde for t in profile.handelsnamen] == [0, 1, 2, 3]
    # from _embedded.eigenaar
    assert profile.rechtsvorm == "Eenmanszaak"
    assert profile.uitgebreideRechtsvorm == "Eenmanszaak"
    assert profile.eigenaar_adressen == ()
    # list-style links
    assert profile.links == {
        "self": "https://api.kvk.nl/test/api/v1/basisprofielen/69599084",
        "vestigingen": "https://api.kvk.nl/test/api/v1/basisprofielen/69599084/vestigingen",
    }


def test_basisprofiel_embedded_hoofdvestiging() -> None:
    hv = CompanyProfile.model_validate(load_data("kvk-basisprofiel-v1.json")).hoofdvestiging
    assert isinstance(hv, Establishment)
    assert hv.vestigingsnummer == "000038509504"
    assert hv.kvkNummer == "69599084"
    assert hv.eersteHandelsnaam == "Test EMZ Dagobert"
    assert hv.hoofdvestiging is True
    assert hv.commercieel is True
    assert hv.links["vestigingsprofiel"].endswith("/vestigingsprofielen/000038509504")
    (addr,) = hv.adressen
    assert addr.type == "bezoekadres"
    assert addr.afgeschermd is False  # "Nee"
    assert addr.huisnummer == 17
    assert addr.postcode == "1034WL"
    # padding kept verbatim: exact runs of spaces
    assert addr.volledigAdres == "Abebe Bikilalaan 17" + " " * 33 + "1034WL Amsterdam"
    assert hv.bezoekadres is addr
    assert hv.correspondentieadres is None


def test_basisprofiel_trade_names_sorted_by_volgorde() -> None:
    profile = CompanyProfile.model_validate(
        {
            "kvkNummer": "12345678",
            "naam": "Statutair BV",
            "handelsnamen": [{"naam": "Tweede", "volgorde": 1}, {"naam": "Eerste", "volgorde": 0}],
        }
    )
    assert profile.trade_names == ("Eerste", "Tweede", "Statutair BV")
    assert profile.hoofdvestiging is None and profile.rechtsvorm is None


def test_basisprofiel_eigenaar_addresses_and_explicit_fields_win() -> None:
    data = {
        "kvkNummer": "12345678",
        "naam": "Voorbeeld",
        "_embedded": {
            "eigenaar": {
                "rechtsvorm": "BesloteVennootschap",
                "adressen": [{"type": "bezoekadres", "indAfgeschermd": "Ja"}],
            }
        },
    }
    profile = CompanyProfile.model_validate(data)
    assert profile.rechtsvorm == "BesloteVennootschap"
    assert profile.eigenaar_adressen[0].afgeschermd is True
    overridden = CompanyProfile.model_validate({**data, "rechtsvorm": "Stichting"})
    assert overridden.rechtsvorm == "Stichting"


# --------------------------------------------------------------------------- vestigingsprofiel


def test_vestigingsprofiel_example() -> None:
    est = Establishment.model_validate(load_data("kvk-vestigingsprofiel-v1.json"))
    assert est.vestigingsnummer == "000037178598"
    assert est.kvkNummer == "68750110"
    assert est.rsin == "857587973"
    assert est.statutaireNaam == "Test BV Donald"
    assert est.eersteHandelsnaam == "Test BV Donald"
    assert est.handelsnamen == (TradeName(naam="Test BV Donald", volgorde=0),)
    assert est.hoofdvestiging is True
    assert est.links["basisprofiel"] == "https://api.kvk.nl/test/api/v1/basisprofielen/68750110"
    assert [a.type for a in est.adressen] == ["correspondentieadres", "bezoekadres"]


def test_vestigingsprofiel_addresses() -> None:
    est = Establishment.model_validate(load_data("kvk-vestigingsprofiel-v1.json"))
    visit = est.bezoekadres
    post = est.correspondentieadres
    assert visit is not None and post is not None
    # the letter arrives as huisnummerToevoeging, not huisletter
    assert visit.huisnummerToevoeging == "A"
    assert visit.huisletter is None
    assert visit.huisnummer == 3
    assert visit.afgeschermd is False
    assert visit.volledigAdres == "Hizzaarderlaan 3 A" + " " * 25 + "8823SJ Lollum"
    assert post.postbusnummer == 200
    assert post.straatnaam == "Postbus"
    assert post.huisnummer is None
    assert post.volledigAdres == "Postbus 200" + " " * 25 + "1000AE Rommeldam"


# --------------------------------------------------------------------------- addresses


def test_shielded_address_stub() -> None:
    addr = RegisterAddress.model_validate({"type": "bezoekadres", "indAfgeschermd": "Ja"})
    assert addr.afgeschermd is True
    assert addr.is_bezoekadres
    others = addr.model_dump(exclude={"type", "afgeschermd"})
    assert others and all(v is None for v in others.values())


def test_address_without_indicator_is_not_shielded() -> None:
    addr = RegisterAddress.model_validate({"type": "correspondentieadres", "plaats": "Lollum"})
    assert addr.afgeschermd is False
    assert addr.is_correspondentieadres and not addr.is_bezoekadres


def test_address_type_is_required() -> None:
    with pytest.raises(ValidationError):
        RegisterAddress.model_validate({"indAfgeschermd": "Ja"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Ja", True), ("Nee", False), ("ja", True), (" NEE ", False), (True, True), (None, None)],
)
def test_parse_ja_nee(raw: Any, expected: bool | None) -> None:
    assert parse_ja_nee(raw) is expected


def test_unknown_indicator_value_rejected() -> None:
    with pytest.raises(ValidationError):
        RegisterAddress.model_validate({"type": "bezoekadres", "indAfgeschermd": "Misschien"})


# --------------------------------------------------------------------------- /vestigingen


def vestigingen_payload() -> dict[str, Any]:
    """Fictional, shaped like the VestigingList schema of api_basisprofiel.yaml."""
    return {
        "kvkNummer": "68750110",
        "aantalCommercieleVestigingen": 2,
        "aantalNietCommercieleVestigingen": 0,
        "totaalAantalVestigingen": 3,
        "vestigingen": [
            {
                "vestigingsnummer": "000037178598",
                "kvkNummer": "68750110",
                "eersteHandelsnaam": "Test BV Donald",
                "indHoofdvestiging": "Ja",
                "indAdresAfgeschermd": "Nee",
                "indCommercieleVestiging": "Ja",
                "volledigAdres": "Hizzaarderlaan 3 A   8823SJ Lollum",
                "links": [
                    {
                        "rel": "vestigingsprofiel",
                        "href": "https://api.kvk.nl/test/api/v1/vestigingsprofielen/000037178598",
                    }
                ],
            },
            {
                "vestigingsnummer": "000037178601",
                "kvkNummer": "68750110",
                "eersteHandelsnaam": "Test BV Donald Nevenvestiging",
                "indHoofdvestiging": "Nee",
                "indAdresAfgeschermd": "Nee",
                "indCommercieleVestiging": "Ja",
                "volledigAdres": "Brinkerinckbaan 1   7431AA Diepenveen",
            },
            {
                "vestigingsnummer": "990000541921",
                "eersteHandelsnaam": "Afgeschermd",
                "indHoofdvestiging": "Nee",
                "indAdresAfgeschermd": "Ja",
            },
        ],
        "links": [
            {
                "rel": "self",
                "href": "https://api.kvk.nl/test/api/v1/basisprofielen/68750110/vestigingen",
            }
        ],
    }


def test_vestigingen_list() -> None:
    lst = EstablishmentList.model_validate(vestigingen_payload())
    assert lst.kvkNummer == "68750110"
    assert lst.links["self"].endswith("/68750110/vestigingen")
    first, second, shielded = lst.vestigingen
    assert isinstance(first, EstablishmentSummary)
    assert (first.hoofdvestiging, first.adres_afgeschermd, first.commercieel) == (True, False, True)
    assert first.volledigAdres == "Hizzaarderlaan 3 A   8823SJ Lollum"
    assert first.links["vestigingsprofiel"].endswith("/000037178598")
    assert second.hoofdvestiging is False and second.links == {}
    assert shielded.adres_afgeschermd is True
    assert shielded.volledigAdres is None
    assert shielded.kvkNummer is None and shielded.commercieel is None


def test_vestigingen_counts_are_not_read_so_a_malformed_one_does_not_fail_the_list() -> None:
    payload = {**vestigingen_payload(), "totaalAantalVestigingen": "veel",
               "aantalCommercieleVestigingen": [2]}
    assert len(EstablishmentList.model_validate(payload).vestigingen) == 3


# ------------------------------------------------------------------ links + model behaviour


def test_links_both_styles_merge_and_skip_malformed() -> None:
    row = SearchResult.model_validate(
        {
            "kvkNummer": "12345678",
            "_links": {
                "self": {"href": "https://a/self"},
                "multi": [{"href": "https://a/first"}, {"href": "https://a/second"}],
                "broken": {"nohref": True},
            },
            "links": [
                {"rel": "basisprofiel", "href": "https://a/bp"},
                {"rel": "self", "href": "https://a/other-self"},
                {"href": "https://a/no-rel"},
                "junk",
            ],
        }
    )
    assert row.links == {
        "self": "https://a/self",
        "multi": "https://a/first",
        "basisprofiel": "https://a/bp",
    }


def test_links_wrong_type_rejected() -> None:
    with pytest.raises(ValidationError):
        SearchResult.model_validate({"kvkNummer": "12345678", "links": 5})


def test_models_are_frozen_hashable_and_ignore_extras() -> None:
    est = Establishment.model_validate(
        {**load_data("kvk-vestigingsprofiel-v1.json"), "nieuwVeldVanKvk": {"x": 1}}
    )
    assert not hasattr(est, "nieuwVeldVanKvk")
    with pytest.raises(ValidationError):
        est.vestigingsnummer = "000000000000"  # type: ignore[misc]
    again = Establishment.model_validate(load_data("kvk-vestigingsprofiel-v1.json"))
    assert hash(est) == hash(again)
    assert {est, again} == {est}


def test_round_trip_through_dump() -> None:
    profile = CompanyProfile.model_validate(load_data("kvk-basisprofiel-v1.json"))
    assert CompanyProfile.model_validate(profile.model_dump()) == profile
    assert CompanyProfile.model_validate(profile.model_dump(by_alias=True)) == profile


def test_construct_by_field_name() -> None:
    addr = RegisterAddress(type="bezoekadres", afgeschermd=True)
    summary = EstablishmentSummary(
        vestigingsnummer="000012345678", hoofdvestiging=True, adres_afgeschermd=True
    )
    assert addr.afgeschermd is True
    assert summary.adres_afgeschermd is True and summary.hoofdvestiging is True
