from __future__ import annotations

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import FindingKind, Severity, Status, Subject
from exposurecheck.recommendations import STEPS, recommend

from tests.conftest import make_finding


def ids(role: str | None = "wethouder", **kwargs: object) -> list[str]:
    finding = make_finding(**kwargs)  # type: ignore[arg-type]
    return [r.id for r in recommend(finding, Lang.EN, role) if not r.id.startswith("support-")]


def test_eenmanszaak_at_home_gets_the_postal_address_first_then_the_convenant() -> None:
    assert ids() == ["kvk-postal-address", "kvk-shield-convenant"]


@pytest.mark.parametrize("role", ["griffier", "raadsgriffier", "ambtenaar", None])
def test_who_is_no_political_office_holder_never_gets_the_convenant(role: str | None) -> None:
    assert "kvk-shield-convenant" not in ids(role=role)
    assert "kvk-shield-convenant" not in ids(role=role, legal_form="Stichting")


@pytest.mark.parametrize("form", [
    "Besloten Vennootschap", "Besloten Vennootschap met gewone structuur", "BeslotenVennootschap",
    "Naamloze Vennootschap", "Europese naamloze vennootschap (SE)", "Buitenlandse rechtsvorm",
    "B.V.", "NV"])
def test_capital_and_foreign_forms_never_get_the_convenant(form: str) -> None:
    assert ids(legal_form=form) == ["kvk-shield-threat"]


@pytest.mark.parametrize("form", ["Vennootschap onder firma", "Commanditaire vennootschap",
                                  "Maatschap", "Stichting", "Vereniging met volledige "
                                  "rechtsbevoegdheid", "Vereniging van Eigenaars"])
def test_partnerships_and_associations_of_office_holders_get_the_convenant(form: str) -> None:
    assert ids(legal_form=form) == ["kvk-shield-convenant"]
    assert ids(role="burgemeester", legal_form=form) == ["kvk-shield-convenant"]


def test_citations_are_the_articles_that_apply() -> None:
    assert "lid 4" in STEPS["kvk-shield-convenant"].legal_basis
    assert "lid 3" in STEPS["kvk-shield-threat"].legal_basis
    assert "lid" not in STEPS["kvk-postal-address"].legal_basis
    assert "lid 3 onder e" not in STEPS["kvk-correspondence-address"].legal_basis
    assert "285d" not in STEPS["kvk-unknown-registration"].legal_basis


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
    assert step.url.startswith("https://")
    assert step.legal_basis


def test_dutch_convenant_text_names_the_form() -> None:
    text = recommend(make_finding(), Lang.NL, "wethouder")[1].text
    assert "bijlage B" in text and "bv of nv" in text


def support_ids(role: str | None, **kwargs: object) -> list[str]:
    finding = make_finding(**kwargs)  # type: ignore[arg-type]
    return [r.id for r in recommend(finding, Lang.NL, role) if r.id.startswith("support-")]


def test_support_comes_with_every_exposed_home_address_in_order() -> None:
    assert support_ids("wethouder") == [
        "support-security-advice", "support-help", "support-report-doxing",
        "support-copied-registers", "support-other-registers"]


def test_security_advice_only_for_bestuurders_and_nothing_for_shielded() -> None:
    assert "support-security-advice" not in support_ids("raadslid")
    assert "support-help" in support_ids("raadslid")
    assert support_ids("wethouder", status=Status.SHIELDED, severity=Severity.INFO) == []


@pytest.mark.parametrize("lang", list(Lang))
def test_support_texts_name_what_officials_are_entitled_to(lang: Lang) -> None:
    text = " ".join(r.text for r in recommend(make_finding(), lang, "wethouder"))
    for word in ("CCV", "NGB", "Wethoudersvereniging", "NVvR", "Statenlid.nu",
                 "Netwerk Weerbaar Bestuur", "domicilie", "Kadaster", "15 ", "16", "briefadres"):
        assert word in text, word
