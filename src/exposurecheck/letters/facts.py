"""What a letter may say about an official: real data only when the user asked for it.

Personal data is filled in only with `reveal` and a source for it: an
unredacted report, or the roster (the official's own data). Everything else
is a placeholder in square brackets that the sender fills in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from exposurecheck.i18n import N_, Lang, translator
from exposurecheck.legal import registration_municipality
from exposurecheck.matching.address import format_address
from exposurecheck.models import (
    Finding,
    FindingKind,
    HouseholdMember,
    Official,
    OfficialResult,
    SourceId,
)
from exposurecheck.redact import initials

_PLACEHOLDERS: dict[str, str] = {
    # key: English msgid; translated in locale/
    "name": N_("[NAME]"),
    "address": N_("[ADDRESS]"),
    "municipality": N_("[MUNICIPALITY]"),
    "place_date": N_("[PLACE], [DATE]"),
    "signature": N_("[SIGNATURE]"),
    "housemate": N_("[HOUSEMATE'S NAME]"),
    "relation": N_("[RELATIONSHIP, e.g. partner]"),
    "role": N_("[ROLE]"),
    "organisation": N_("[GOVERNMENT BODY]"),
    "birth_date": N_("[DATE OF BIRTH]"),
    "correspondence": N_("[CORRESPONDENCE ADDRESS, e.g. a PO box]"),
    "listing": N_("[LINK TO THE LISTING ON THE WEBSITE]"),
    "threat": N_("[DESCRIPTION OF THE THREAT, e.g. date and number of the police report]"),
    "measures": N_("[MEASURES TAKEN, e.g. secrecy in the BRP]"),
    "reply": N_("[EMAIL ADDRESS FOR THE REPLY]"),
    "phone": N_("[PHONE NUMBER]"),
    "email": N_("[EMAIL ADDRESS]"),
    "residence": N_("[PLACE OF RESIDENCE]"),
    "value": N_("[DATA]"),
}

_VALUE_PLACEHOLDER: dict[FindingKind, str] = {
    FindingKind.HOME_ADDRESS: "address",
    FindingKind.BUSINESS_AT_HOME: "address",
    FindingKind.PHONE: "phone",
    FindingKind.EMAIL: "email",
    FindingKind.BIRTH_DATE: "birth_date",
    FindingKind.HOUSEHOLD_NAME: "housemate",
    FindingKind.RESIDENCE: "residence",
}


def placeholder(key: str, lang: Lang) -> str:
    return translator(lang).gettext(_PLACEHOLDERS[key])


@dataclass(frozen=True)
class Sender:
    """The official a letter is written for, and what may be filled in about them.

    `from_report` means the report's evidence is unredacted and may be used;
    `official` is their roster entry, given only when revealing.
    """

    lang: Lang
    result: OfficialResult
    from_report: bool
    official: Official | None

    def ph(self, key: str) -> str:
        return placeholder(key, self.lang)

    @property
    def name(self) -> str:
        if self.official is not None:
            return self.official.name
        return self.result.name if self.from_report else self.ph("name")

    @property
    def role(self) -> str:
        """Public: the role is what the office holder is listed with."""
        return self.result.role or self.ph("role")

    @property
    def organisation(self) -> str:
        return self.result.organisation or self.ph("organisation")

    def home(self, finding: Finding | None = None) -> str:
        if self.official is not None and self.official.home is not None:
            return format_address(self.official.home)
        if self.from_report:
            for f in (finding, *self.result.findings):
                if f is None:
                    continue
                if f.source is SourceId.KVK and f.evidence.address:
                    return f.evidence.address
                if f.kind is FindingKind.HOME_ADDRESS and f.evidence.value:
                    return f.evidence.value
        return self.ph("address")

    @property
    def registered_in(self) -> str | None:
        """The municipality of the official's BRP registration, where it can be known.

        The roster's `home.municipality`, else for a raadslid or wethouder the municipality
        they serve; never the town of the address or a page's text.
        """
        home = self.official.home if self.official is not None else None
        return registration_municipality(home.municipality if home else None,
                                         self.result.role, self.result.organisation)

    @property
    def municipality(self) -> str:
        return self.registered_in or self.ph("municipality")

    @property
    def birth_date(self) -> str:
        born = self.official.birth_date if self.official is not None else None
        if born is None:
            return self.ph("birth_date")
        # TRANSLATORS: a date of birth in a letter; keep {born} and choose the order of its parts
        return translator(self.lang).gettext("{born:%Y-%m-%d}").format(born=born)

    def member(self, finding: Finding) -> HouseholdMember | None:
        """The roster housemate a household finding is about, when that is unambiguous."""
        if self.official is None:
            return None
        members = self.official.household
        person = finding.evidence.person
        if person:
            named = [m for m in members if person in (m.name, initials(m.name))]
            if len(named) == 1:
                return named[0]
        return members[0] if len(members) == 1 else None

    def housemate(self, finding: Finding) -> tuple[str, str]:
        """(name, relation) of the housemate a finding is about."""
        member = self.member(finding)
        if member is not None:
            return member.name, member.relation or self.ph("relation")
        if self.from_report and finding.evidence.person:
            return finding.evidence.person, self.ph("relation")
        return self.ph("housemate"), self.ph("relation")

    def trade_name(self, finding: Finding) -> str | None:
        return finding.evidence.trade_name if self.from_report else None

    def value(self, finding: Finding) -> str:
        """The exposed data item of a web finding, as the page writes it when we know it."""
        if self.from_report and finding.evidence.value:
            return finding.evidence.value
        official = self.official
        if official is not None:
            known: str | None = None
            if finding.kind is FindingKind.HOME_ADDRESS and official.home is not None:
                known = format_address(official.home)
            elif finding.kind is FindingKind.RESIDENCE and official.home is not None:
                known = official.home.city
            elif finding.kind is FindingKind.PHONE and len(official.phones) == 1:
                known = official.phones[0]
            elif finding.kind is FindingKind.EMAIL and len(official.emails) == 1:
                known = official.emails[0]
            elif finding.kind is FindingKind.BIRTH_DATE and official.birth_date is not None:
                known = self.birth_date
            elif finding.kind is FindingKind.HOUSEHOLD_NAME:
                member = self.member(finding)
                known = member.name if member is not None else None
            if known:
                return known
        return self.ph(_VALUE_PLACEHOLDER.get(finding.kind, "value"))
