from __future__ import annotations

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import FindingKind, Severity, Status, Subject
from exposurecheck.recommendations import STEPS, recommend

from tests.conftest import make_finding


def ids(**kwargs: object) -> list[str]:
    return [r.id for r in recommend(make_finding(**kwargs), Lang.EN)]  # type: ignore[arg-type]


def test_eenmanszaak_at_home_gets_convenant_and_postal_address() -> None:
    assert ids() == ["kvk-shield-convenant", "kvk-postal-address"]


def test_bv_is_excluded_from_the_convenant() -> None:
    assert ids(legal_form="Besloten Vennootschap") == ["kvk-shield-threat"]


def test_unknown_business_gets_the_check_and_report_step() -> None:
    assert ids(kind=FindingKind.BUSINESS_AT_HOME, subject=Subject.UNKNOWN) == [
        "kvk-unknown-registration"]


def test_shielded_is_protection_in_place() -> None:
    assert ids(status=Status.SHIELDED, severity=Severity.INFO) == ["kvk-shielded-keep"]


@pytest.mark.parametrize("step_id", sorted(STEPS))
def test_every_step_has_dutch_and_english_text_with_basis_and_link(step_id: str) -> None:
    step = STEPS[step_id]
    nl, en = step.render(step_id, Lang.NL), step.render(step_id, Lang.EN)
    assert nl.text != en.text and nl.title != en.title
    assert step.url.startswith(("https://www.kvk.nl/", "https://www.autoriteitpersoonsgegevens.nl/"))
    assert step.legal_basis


def test_dutch_convenant_text_names_the_form() -> None:
    text = recommend(make_finding(), Lang.NL)[0].text
    assert "bijlage B" in text and "bv of nv" in text
