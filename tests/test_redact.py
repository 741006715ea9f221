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


def test_web_evidence_and_acceptances_are_masked() -> None:
    from exposurecheck.models import Acceptance, Evidence

    from tests.conftest import make_finding

    finding = make_finding().model_copy(update={
        "evidence": Evidence(value="06-98765432", context="Bel Jan op 06-98765432",
                             page_title="Jan de Vries | Gemeenteraad"),
        "accepted": Acceptance(reason="known", accepted_by="Griet Griffier")})
    report = make_report_with(finding)
    text = redact_report(report).model_dump_json()
    for secret in ("98765432", "Jan de Vries", "Griet"):
        assert secret not in text


def make_report_with(finding: object) -> Report:
    from tests.conftest import make_report

    report = make_report()
    first = report.officials[0].model_copy(update={"findings": (finding,)})
    return report.model_copy(update={"officials": (first,)})
