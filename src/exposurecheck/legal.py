"""The legal facts advice and letters rest on, in one place, each with where it comes from.

A change of the law is an edit here. Sources, checked against the official texts:
- Handelsregisterbesluit 2008, art. 51 (wetten.overheid.nl/BWBR0023466), as amended by
  Stb. 2022, 475: lid 3 shields the visiting address when the safety of the person is at
  stake (concrete threat) under conditions a-e; lid 4 shields the visiting address of a
  decentral political office holder (and of a housemate) when it is the home address and a
  threat is probable - the route of the convenant of 31 January 2023 (kvk.nl/over-het-
  handelsregister/decentrale-politieke-ambtsdragers/), which excludes BV and NV.
- The postal-address route for an eenmanszaak run from home is offered by KVK in
  anticipation of new legislation (kvk.nl, "afschermen van je bezoekadres"): no article.
- Gemeentewet art. 10 (wetten.overheid.nl/BWBR0005416): a council member lives in the
  municipality; wethouders likewise (art. 36a, with a dispensation of at most a year).
- Wetboek van Strafrecht art. 285d (wetten.overheid.nl/BWBR0001854, in force 1 January 2024):
  obtaining, spreading or otherwise making available personal data of another to intimidate.
"""

from __future__ import annotations

import re
from enum import StrEnum

HRB_51_LID_3 = "art. 51 lid 3 Handelsregisterbesluit 2008"
HRB_51_LID_4 = "art. 51 lid 4 Handelsregisterbesluit 2008"
CONVENANT = ("Convenant afscherming bezoekadres decentrale politieke ambtsdragers "
             "(31 januari 2023)")
GEMEENTEWET_10 = "art. 10 Gemeentewet"


class LegalForm(StrEnum):
    """What the shielding routes care about in a registration's legal form."""

    EENMANSZAAK = "eenmanszaak"
    PARTNERSHIP = "partnership"  # vof, cv, maatschap
    ASSOCIATION = "association"  # stichting, vereniging (coöperatie, OWM and VvE are verenigingen)
    CAPITAL = "capital"  # bv, nv, SE and other companies with shares: never the convenant
    FOREIGN = "foreign"  # a foreign legal form: treated as a capital company
    OTHER = "other"  # kerkgenootschap, publiekrechtelijke rechtspersoon, ...
    UNKNOWN = "unknown"


# Every variant KVK writes in rechtsvorm / uitgebreideRechtsvorm, folded; first match wins.
_FORMS: tuple[tuple[re.Pattern[str], LegalForm], ...] = tuple(
    (re.compile(pattern), form) for pattern, form in (
        (r"buitenlands|foreign|naar buitenlands recht", LegalForm.FOREIGN),
        (r"\beenmanszaak\b|\beenmanszaak met meer", LegalForm.EENMANSZAAK),
        (r"besloten ?vennootschap|naamloze ?vennootschap|\bb\.?\s?v\.?$|^b\.?v\.?\b|"
         r"^n\.?v\.?$|\bse\b|europese (naamloze )?vennootschap|societas europaea",
         LegalForm.CAPITAL),
        (r"vennootschap onder firma|\bv\.?o\.?f\.?\b|commanditaire vennootschap|"
         r"\bc\.?v\.?\b|maatschap|vennootschapondefirma|vennootschaponderfirma",
         LegalForm.PARTNERSHIP),
        (r"stichting|vereniging|co[oö]peratie|onderlinge waarborgmaatschappij|"
         r"vereniging van eigenaars|\bvve\b", LegalForm.ASSOCIATION),
        (r"kerkgenootschap|kerk|publiekrechtelijk|rederij", LegalForm.OTHER),
    ))


def classify_legal_form(rechtsvorm: str | None) -> LegalForm:
    if not rechtsvorm or not rechtsvorm.strip():
        return LegalForm.UNKNOWN
    folded = " ".join(rechtsvorm.casefold().split())
    for pattern, form in _FORMS:
        if pattern.search(folded):
            return form
    return LegalForm.OTHER


def convenant_applies(form: LegalForm) -> bool:
    """The convenant (art. 51 lid 4) excludes BV and NV; KVK's page lists the other forms."""
    return form in (LegalForm.EENMANSZAAK, LegalForm.PARTNERSHIP, LegalForm.ASSOCIATION,
                    LegalForm.UNKNOWN)


# Decentral political office holders in the sense of the convenant: burgemeester,
# wethouder, raadslid, gedeputeerde, Statenlid, Commissaris van de Koning, and members of a
# water board's general or daily board (dijkgraaf, heemraad). A griffier, secretaris or
# ambtenaar is none of these.
_POLITICAL = re.compile(
    r"burgemeester|wethouder|raadslid|raadsleden|gemeenteraad|raadsvoorzitter|"
    r"gedeputeerde|statenlid|provinciale staten|commissaris van de koning|\bcdk\b|"
    r"dijkgraaf|hoogheemraad|heemraad|waterschap|algemeen bestuur|dagelijks bestuur|"
    r"mayor|alderman|council member|councillor")
_NOT_POLITICAL = re.compile(r"griffier|secretaris|ambtenaar|medewerker|adviseur|burgerlid|"
                            r"commissielid|steunfractie|fractiemedewerker|clerk|civil servant")


def is_political_office_holder(role: str | None) -> bool:
    if not role:
        return False
    folded = role.casefold()
    return bool(_POLITICAL.search(folded)) and not _NOT_POLITICAL.search(folded)


_MUNICIPAL_ROLES = re.compile(r"raadslid|raadsleden|gemeenteraad|wethouder")
_MUNICIPALITY_PREFIX = re.compile(r"^\s*gemeente\s+", re.I)


def registration_municipality(home_municipality: str | None, role: str | None,
                              organisation: str | None) -> str | None:
    """Where an official is registered in the BRP: the roster's word, or for a raadslid or
    wethouder the municipality they serve (Gemeentewet art. 10); None when it must be checked.

    Never the town of the address (Lemelerveld lies in Dalfsen) and never a page's text.
    """
    if home_municipality and home_municipality.strip():
        return home_municipality.strip()
    if (role and _MUNICIPAL_ROLES.search(role.casefold()) and organisation
            and _MUNICIPALITY_PREFIX.match(organisation)):
        return _MUNICIPALITY_PREFIX.sub("", organisation).strip() or None
    return None
