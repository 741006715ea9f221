"""Fingerprints: stable for a place, and a page of a document is a place of its own."""

from __future__ import annotations

import hashlib

from exposurecheck.models import FindingKind, Locator, SourceId, Subject, fingerprint


def test_a_page_is_part_of_the_place_and_a_locator_without_one_keeps_its_fingerprint() -> None:
    def of(page: int | None) -> str:
        return fingerprint("o-1", FindingKind.HOME_ADDRESS, Subject.OFFICIAL, SourceId.ORI,
                           Locator(url="https://ris.example/1.pdf", page=page), detail="home")

    assert len({of(1), of(2), of(None)}) == 3
    before = "\x1f".join(["o-1", "home_address", "official", "ori", "", "", "",
                          "https://ris.example/1.pdf", "home"])
    assert of(None) == hashlib.sha256(before.encode()).hexdigest()[:20]
