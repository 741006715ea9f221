"""Support an official is entitled to, shown once with every exposed home address.

In the order a lawyer would give it: protection of the home first, then who helps, how to
report, and how to reach the copies that the finding itself does not cover. Sources (checked
against the official pages; where an article number could not be checked, none is cited):
- Regeling beveiligingsmaatregelen decentrale bestuurders (Stcrt., in force 1 January 2024;
  rijksoverheid.nl, "weerbaar bestuur"): a tailored security advice by the CCV (home,
  behaviour, digital exposure) for bestuurders (burgemeester, wethouder, gedeputeerde,
  Commissaris van de Koning, dagelijks bestuur of a water board), carried out and paid by the
  municipality, province or water board, with BZK contributing EUR 2.5 million a year.
- Netwerk Weerbaar Bestuur and the associations' confidential contacts (NGB, Wethouders-
  vereniging, NVvR, Statenlid.nu) (weerbaarbestuur.nl).
- Aangifte with domicilie kiezen (politie.nl): the town hall as the address on the report.
- Google "Results about you" and the EU right-to-be-forgotten forms of Google and Bing
  (Court of Justice C-131/12; art. 17 AVG), removal of outdated content, the Internet Archive.
- Kadaster: temporary shielding on a concrete threat since 15 October 2023 (kadaster.nl).
- BRP geheimhouding: a parent can request it for a child under 16 (rijksoverheid.nl).
"""

from __future__ import annotations

from exposurecheck.models import Finding, FindingKind, SourceId, Status

_BESTUURDER = ("burgemeester", "wethouder", "gedeputeerde", "commissaris van de koning",
               "dijkgraaf", "dagelijks bestuur", "mayor", "alderman")


def support_steps(finding: Finding, role: str | None) -> list[str]:
    """The support steps for a finding: only for an exposed home address."""
    if finding.kind is not FindingKind.HOME_ADDRESS or finding.status is not Status.EXPOSED:
        return []
    steps = []
    if role and any(word in role.casefold() for word in _BESTUURDER):
        steps.append("support-security-advice")
    steps += ["support-help", "support-report-doxing"]
    if finding.source is not SourceId.KVK:
        steps.append("support-search-engines")
    else:
        steps.append("support-copied-registers")
    steps.append("support-other-registers")
    return steps
