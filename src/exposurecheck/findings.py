"""One place that decides how serious each kind of finding is."""

from __future__ import annotations

from exposurecheck.models import FindingKind, Severity, Status

_EXPOSED_SEVERITY: dict[FindingKind, Severity] = {
    FindingKind.HOME_ADDRESS: Severity.HIGH,
    FindingKind.BUSINESS_AT_HOME: Severity.MEDIUM,
    FindingKind.PHONE: Severity.MEDIUM,
    FindingKind.EMAIL: Severity.LOW,
    FindingKind.BIRTH_DATE: Severity.MEDIUM,
    FindingKind.HOUSEHOLD_NAME: Severity.MEDIUM,
    FindingKind.RESIDENCE: Severity.LOW,
}


def severity_for(kind: FindingKind, status: Status) -> Severity:
    """Shielded data is protection in place (info); exposed data by what it enables;
    an ended registration is low whatever it showed.

    A home address is what makes a visit at home possible, so it ranks highest.
    """
    if status is Status.SHIELDED:
        return Severity.INFO
    if status is Status.ENDED:
        return Severity.LOW  # no longer in the live register, still in copies of it
    return _EXPOSED_SEVERITY[kind]
