"""Private by default: strip personal data from a report before anyone sees it.

Public identifiers (KVK and establishment numbers) stay, because they are what
a user needs to act on a finding; names, addresses and trade names that carry
names are masked.
"""

from __future__ import annotations

import re

from exposurecheck.matching.address import AddressParseError, parse_address
from exposurecheck.models import Evidence, Finding, OfficialResult, Report

MASK = "•••"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def redact_report(report: Report) -> Report:
    return report.model_copy(update={
        "redacted": True,
        "officials": tuple(_official(o) for o in report.officials),
    })


def initials(name: str) -> str:
    """'Jan-Willem van den Berg' -> 'J.W. v.d. B.': enough to tell rows apart, not to dox."""
    parts: list[str] = []
    for token in name.replace(",", " ").split():
        letters = [w[0] for w in _WORD.findall(token)]
        if letters:
            parts.append(".".join(letters) + ".")
    return " ".join(parts) or MASK


def mask_text(text: str) -> str:
    """Keep the first letter of each word, so a reader can recognise but not read it.

    Digits never survive: a phone number, house number or date is personal too.
    """
    masked = []
    for token in text.split():
        letters = _WORD.findall(token)
        masked.append(letters[0][0] + "…" if letters else re.sub(r"\d", "•", token))
    return " ".join(masked)


def mask_address(text: str) -> str:
    """Keep only the postcode digits and town: a region, not a house."""
    try:
        address = parse_address(text)
    except AddressParseError:
        return MASK
    region = " ".join(p for p in ((address.postcode or "")[:4], address.city or "") if p)
    return f"{MASK}, {region}" if region else MASK


def _official(result: OfficialResult) -> OfficialResult:
    return result.model_copy(update={
        "name": initials(result.name),
        "findings": tuple(_finding(f) for f in result.findings),
    })


def _finding(finding: Finding) -> Finding:
    evidence = finding.evidence
    update: dict[str, object] = {"evidence": Evidence(
        trade_name=mask_text(evidence.trade_name) if evidence.trade_name else None,
        address=mask_address(evidence.address) if evidence.address else None,
        person=initials(evidence.person) if evidence.person else None,
        legal_form=evidence.legal_form,
        establishment=evidence.establishment,
        value=MASK if evidence.value else None,
        context=mask_text(evidence.context) if evidence.context else None,
        page_title=mask_text(evidence.page_title) if evidence.page_title else None,
        page_kind=evidence.page_kind,
        document_date=MASK if evidence.document_date else None,
    )}
    if finding.accepted is not None:
        update["accepted"] = finding.accepted.model_copy(
            update={"accepted_by": initials(finding.accepted.accepted_by)})
    return finding.model_copy(update=update)
