from __future__ import annotations

from exposurecheck.models import Report
from exposurecheck.redact import initials, mask_address, mask_text, redact_report


def test_initials_keep_shape_not_name() -> None:
    assert initials("Jan-Willem van den Berg") == "J.W. v. d. B."
    assert initials("Ahmet Çelik") == "A. Ç."


def test_mask_address_keeps_only_region() -> None:
    assert mask_address("Kerkstraat 12A, 1234 AB Dorp") == "•••, 1234 Dorp"
    assert mask_address("not an address") == "•••"


def test_mask_text_keeps_first_letters() -> None:
    assert mask_text("Klusbedrijf J.W. van den Berg") == "K… J… v… d… B…"


def test_redacted_report_has_no_names_or_streets(report: Report) -> None:
    redacted = redact_report(report)
    text = redacted.model_dump_json()
    assert redacted.redacted
    for secret in ("Kerkstraat", "Dorpsstraat", "Jan-Willem", "van den Berg", "Vries", "Çelik"):
        assert secret not in text
    assert "90000001" in text  # public identifiers stay, so the user can act
