from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import (
    Acceptance,
    Evidence,
    FieldMatch,
    Finding,
    FindingKind,
    Locator,
    Match,
    OfficialId,
    OfficialResult,
    Report,
    Severity,
    SourceError,
    SourceErrorKind,
    SourceId,
    Status,
    Subject,
    ToolInfo,
    fingerprint,
)
from exposurecheck.recommendations import recommend


def make_finding(official_id: str = "demo-001", *, kind: FindingKind = FindingKind.HOME_ADDRESS,
                 subject: Subject = Subject.OFFICIAL, status: Status = Status.EXPOSED,
                 severity: Severity = Severity.HIGH, vestigingsnummer: str = "000012345678",
                 trade_name: str | None = "Klusbedrijf J.W. van den Berg",
                 address: str | None = "Kerkstraat 12A, 1234 AB Dorp",
                 person: str | None = "Jan-Willem van den Berg",
                 legal_form: str | None = "Eenmanszaak",
                 lang: Lang = Lang.EN, role: str | None = "wethouder") -> Finding:
    locator = Locator(kvk_number="90000001", vestigingsnummer=vestigingsnummer,
                      address_type="bezoekadres")
    finding = Finding(
        kind=kind, subject=subject, status=status, severity=severity, source=SourceId.KVK,
        locator=locator,
        match=Match(score=0.97, fields=(FieldMatch(field="postcode", score=1.0),
                                        FieldMatch(field="surname", score=0.95))),
        evidence=Evidence(trade_name=trade_name, address=address, person=person,
                          legal_form=legal_form, establishment="hoofdvestiging"),
        fingerprint=fingerprint(official_id, kind, subject, SourceId.KVK, locator))
    return finding.model_copy(update={"recommendations": recommend(finding, lang, role)})


def make_report(lang: Lang = Lang.EN) -> Report:
    exposed = make_finding(lang=lang)
    shielded = make_finding(status=Status.SHIELDED, severity=Severity.INFO,
                            vestigingsnummer="000012345679", address=None, lang=lang)
    unknown = make_finding("demo-002", kind=FindingKind.BUSINESS_AT_HOME, subject=Subject.UNKNOWN,
                           severity=Severity.MEDIUM, trade_name=None, person=None,
                           address="Dorpsstraat 3, 8011 AB Zwolle", lang=lang)
    return Report(
        generated_at=datetime(2026, 11, 28, 12, 0, tzinfo=UTC),
        tool=ToolInfo(version="0.1.0"), lang=lang.value, redacted=False,
        sources=(SourceId.KVK,),
        officials=(
            OfficialResult(id=OfficialId("demo-001"), name="Jan-Willem van den Berg",
                           role="wethouder", organisation="Gemeente Voorbeeld",
                           sources=(SourceId.KVK,), findings=(exposed, shielded)),
            OfficialResult(id=OfficialId("demo-002"), name="Anna de Vries", role="raadslid",
                           sources=(SourceId.KVK,), findings=(unknown,)),
            OfficialResult(id=OfficialId("demo-003"), name="Ahmet Çelik", role="raadslid",
                           sources=(SourceId.KVK,),
                           errors=(SourceError(
                               source=SourceId.KVK, kind=SourceErrorKind.FAILED,
                               message="address search: HTTP 503 after 3 retries"),)),
            OfficialResult(id=OfficialId("demo-004"), name="Sanne Bakker",
                           sources=(SourceId.KVK,)),
        ),
    )


def make_official(official_id: str = "demo-001", name: str = "X", *findings: Finding,
                  errors: tuple[SourceError, ...] = (), role: str | None = None,
                  organisation: str | None = None,
                  sources: tuple[SourceId, ...] = ()) -> OfficialResult:
    """One official's result, with only what the test names."""
    return OfficialResult(id=OfficialId(official_id), name=name, role=role,
                          organisation=organisation, sources=sources, findings=findings,
                          errors=errors)


def one_official(official_id: str = "demo-001", name: str = "X", *findings: Finding,
                 errors: tuple[SourceError, ...] = (), role: str | None = None,
                 organisation: str | None = None, sources: tuple[SourceId, ...] = (),
                 report: Report | None = None) -> Report:
    """The demo report (or `report`) with one official only, with only what the test names."""
    official = make_official(official_id, name, *findings, errors=errors, role=role,
                             organisation=organisation, sources=sources)
    return (report or make_report()).model_copy(update={"officials": (official,)})


def source_failed(kind: SourceErrorKind, message: str,
                  source: SourceId = SourceId.KVK) -> SourceError:
    return SourceError(source=source, kind=kind, message=message)


def accepted(finding: Finding, reason: str = "known", accepted_by: str = "Griffie",
             expires: date | None = None) -> Finding:
    """The finding, accepted by the organisation as a known risk."""
    return finding.model_copy(update={"accepted": Acceptance(
        reason=reason, accepted_by=accepted_by, expires=expires)})


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture(autouse=True)
def _no_public_ori(monkeypatch: pytest.MonkeyPatch) -> None:
    """A roster with organisations turns the ORI source on; a test (or a subprocess it
    starts) that forgot to point it at a stand-in fails fast on a closed local port
    instead of reaching the public endpoint."""
    monkeypatch.setenv("EXPOSURECHECK_ORI_URL", "http://127.0.0.1:9/v1/elastic")
