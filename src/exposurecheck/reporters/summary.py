"""Counts for the whole audit: printed on stderr, safe to share (no personal data)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from exposurecheck.i18n import Lang
from exposurecheck.models import Report, Severity, Status
from exposurecheck.reporters.labels import label


@dataclass(frozen=True)
class Totals:
    officials: int
    with_exposures: int
    exposures: int
    shielded: int
    incomplete: int
    by_severity: dict[Severity, int]


def totals(report: Report) -> Totals:
    exposures = [f for o in report.officials for f in o.findings if f.is_exposure]
    return Totals(
        officials=len(report.officials),
        with_exposures=sum(1 for o in report.officials
                           if any(f.is_exposure for f in o.findings)),
        exposures=len(exposures),
        shielded=sum(1 for o in report.officials for f in o.findings
                     if f.status is Status.SHIELDED),
        incomplete=sum(1 for o in report.officials if not o.complete),
        by_severity=dict(Counter(f.severity for f in exposures)),
    )


def usage_line(report: Report, lang: Lang) -> str | None:
    """What the audit asked of KVK and what it costs: paid calls are the user's money."""
    kvk = report.usage.kvk
    if kvk is None:
        return None
    return label("kvk_usage", lang).format(
        requests=kvk.requests, paid=kvk.paid_requests, cost=f"{kvk.estimated_cost_eur:.2f}")


def render_summary(report: Report, lang: Lang) -> str:
    t = totals(report)
    severities = ", ".join(f"{label(s.value, lang)} {t.by_severity[s]}"
                           for s in reversed(Severity) if t.by_severity.get(s))
    lines = [
        f"{label('summary', lang)}: {t.officials} {label('officials', lang)}",
        f"  {label('with_exposures', lang)}: {t.with_exposures}",
        f"  {label('exposures', lang)}: {t.exposures}" + (f" ({severities})" if severities else ""),
        f"  {label('shielded_count', lang)}: {t.shielded}",
        f"  {label('incomplete_count', lang)}: {t.incomplete}",
    ]
    usage = usage_line(report, lang)
    if usage is not None:
        lines.append(f"  {usage}")
    if report.redacted:
        lines.append(label("redacted", lang))
    return "\n".join(lines) + "\n"
