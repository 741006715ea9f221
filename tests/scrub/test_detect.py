"""Each kind is found, and each kind of public data is left alone."""

from __future__ import annotations

import pytest

from exposurecheck.scrub.detect import Detector
from exposurecheck.scrub.model import ScanKind, WooGround

from tests.scrub.conftest import ADDRESS, BSN, EMAIL, IBAN, PHONE


def kinds(detector: Detector, text: str) -> list[tuple[ScanKind, str]]:
    return [(h.kind, h.value) for h in detector.find(text)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    (f"BSN {BSN} van de indiener.", ScanKind.BSN, BSN),
    ("BSN 1112.22.333 van de indiener.", ScanKind.BSN, "1112.22.333"),
    (f"Rekening {IBAN} op naam van de indiener.", ScanKind.IBAN, IBAN),
    ("Rekening NL91 ABNA 0417 1643 00 op naam van de indiener.", ScanKind.IBAN,
     "NL91 ABNA 0417 1643 00"),
    (f"Bel de indiener op {PHONE}.", ScanKind.PHONE, PHONE),
    ("Bel de indiener op (038) 425 42 42.", ScanKind.PHONE, "(038) 425 42 42"),
    (f"Mail de indiener: {EMAIL}.", ScanKind.EMAIL, EMAIL),
    (f"De indiener woont op {ADDRESS}.", ScanKind.ADDRESS, ADDRESS),
    ("De indiener woont op Dorpsstraat 4\n8011 AB Zwolle.", ScanKind.ADDRESS,
     "Dorpsstraat 4\n8011 AB Zwolle"),
    ("Burgemeester Hendrika Smit woont aan de Zwolsestraat 41b in Raalte.",
     ScanKind.HOME_ADDRESS, "Zwolsestraat 41b in Raalte"),
    ("Zwolsestraat 41-B\n8102 AB Raalte is het huis van Hendrika Smit.", ScanKind.HOME_ADDRESS,
     "Zwolsestraat 41-B\n8102 AB Raalte"),
    ("Hendrika Smit is privé bereikbaar op 06-41239876.", ScanKind.PHONE, "06-41239876"),
    ("Hendrika Smit: hsmit.thuis@example.nl", ScanKind.EMAIL, "hsmit.thuis@example.nl"),
    ("Burgemeester Hendrika Smit (geboren 14 juli 1968) opende de vergadering.",
     ScanKind.BIRTH_DATE, "14 juli 1968"),
    ("Burgemeester Hendrika Smit en haar partner Gerrit Smit zijn verhuisd.",
     ScanKind.HOUSEHOLD_NAME, "Gerrit Smit"),
])
def test_each_kind_is_found(detector: Detector, text: str, kind: ScanKind, value: str) -> None:
    assert (kind, value) in kinds(detector, text)


@pytest.mark.parametrize("text", [
    "Burgemeester Hendrika Smit en wethouder Y. Demir openden de vergadering.",
    "Bezoekadres: Grote Markt 1, 8102 CV Raalte",
    "Postbus 140, 8100 AC Raalte",
    "Gemeente Raalte\nGrote Markt 1, 8102 CV Raalte",
    "Het fractiesecretariaat: Stationsstraat 2, 8101 AB Raalte",
    "Bel de gemeente op 14 0572 of gratis 0800 1234 of 0900 1234567.",
    "Mail info@raalte.nl, griffie@raalte.nl, woo@raalte.nl of secretariaat@example.nl.",
    "Mail de behandelaar via j.janssen@raalte.nl (publiek domein uit de config).",
    "Het algemene nummer 0572 347799 staat in de config.",
    "KvK 12345678, vestigingsnummer 000012345678.",
    f"Zaaknummer {BSN}, ons kenmerk 123456782, dossier 2024-00871.",
    "De raad vergadert op 12 maart 2024 om 19.30 uur.",
    "De subsidie gaat naar NL91ABNA0417164300 t.n.v. gemeente Raalte.",
    "Het telefoonnummer van het algemeen nummer: 0572 351234",
])
def test_public_data_is_not_a_finding(detector: Detector, text: str) -> None:
    assert kinds(detector, text) == []


def test_letterhead_holds_no_finding_but_a_bsn_still_is(detector: Detector) -> None:
    text = f"Gemeente Raalte, Markt 1, 8102 CV Raalte, T 0572 123456, {EMAIL}, BSN {BSN}"
    assert kinds(detector, text.replace(f", BSN {BSN}", "")) != []
    assert [h.kind for h in detector.find(text, public_place=True)] == [ScanKind.BSN]


def test_a_number_that_fails_the_checksum_is_no_bsn_or_iban(detector: Detector) -> None:
    assert kinds(detector, "BSN 111222334, rekening NL91ABNA0417164301") == []


def test_grounds_name_the_woo_article() -> None:
    assert WooGround.IDENTIFICATION_NUMBER.value == "5.1.1e"
    assert "art. 46 Uitvoeringswet AVG" in WooGround.IDENTIFICATION_NUMBER.article
    assert "persoonlijke levenssfeer" in WooGround.PRIVACY.article


def test_detection_is_linear_on_hostile_text(detector: Detector) -> None:
    import time

    text = ("Aaaa " * 4000) + ("1234 AB " * 2000)
    started = time.perf_counter()
    detector.find(text)
    assert time.perf_counter() - started < 10
