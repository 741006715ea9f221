"""Find where the Handelsregister ties an official or their household to their home.

Three lookups per official, because each one is blind to something:
- an address search finds every registration at the home number, but never a
  shielded one (it also finds ended registrations, kept as low-severity findings);
- a name search finds businesses and legal entities under the official's or a
  housemate's name, including shielded ones, but not one trading under another name;
- the declared KVK numbers find registrations whatever their name or address.

The searches are free; every profile is billed. So a candidate is read in full only
when its search rows leave the result open: a row whose visiting address is in another
street or town, or at another house letter, is settled without a profile. A
hoofdvestiging and a legal entity without a branch (a stichting, vereniging, VvE) are
judged from the Basisprofiel alone, which embeds the hoofdvestiging or the entity's own
addresses and gives the legal form; only a nevenvestiging needs its Vestigingsprofiel.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rapidfuzz import fuzz

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.kvk.api import (
    CompanyProfile,
    Establishment,
    EstablishmentSummary,
    RegisterAddress,
    SearchResult,
    correspondence_address,
    visiting_address,
)
from exposurecheck.collectors.kvk.client import (
    KvkAuthError,
    KvkBudgetExhausted,
    KvkClient,
    KvkError,
    KvkEstimateOnly,
    KvkIncompleteSearch,
    KvkNotFound,
    KvkUnavailable,
)
from exposurecheck.findings import severity_for
from exposurecheck.matching.address import (
    AddressMatch,
    address_from_register,
    format_address,
    match_address,
    normalise_city,
    normalise_street,
)
from exposurecheck.matching.names import (
    NameMatch,
    PersonName,
    match_first_name,
    match_person,
    parse_person_name,
    search_terms,
)
from exposurecheck.models import (
    Address,
    Evidence,
    FieldMatch,
    Finding,
    FindingKind,
    KvkUsage,
    Locator,
    Match,
    Official,
    SourceError,
    SourceErrorKind,
    SourceId,
    Status,
    Subject,
    fingerprint,
)
from exposurecheck.once import Once

T = TypeVar("T")

_NAME_WEIGHT = {"full": 1.0, "surname": 0.85, "none": 0.0}
MAX_STREET_CANDIDATES = 60
PRICE_PER_PAID_REQUEST_EUR = 0.019  # kvk.nl/producten/api: each profile request
_SAME_STREET = 85  # rapidfuzz ratio of normalised streets that may still be one street
_RECHTSPERSOON = "rechtspersoon"
_NO_BRANCHES = "IPD5200"  # /vestigingen of an entity without branches may answer this


class _LookupSkippedError(Exception):
    """A lookup that could not be done for this official; reported, never silent."""


@dataclass(frozen=True)
class _Person:
    subject: Subject
    name: str
    parsed: PersonName


@dataclass
class _Candidate:
    """A registration some lookup turned up, with the rows that turned it up.

    `vestigingsnummer` is None for a legal entity's own row (type rechtspersoon).
    """

    kvk_number: str
    vestigingsnummer: str | None
    type: str
    declared: bool = False
    named: set[int] = field(default_factory=set)  # indexes of people whose name search hit
    home_rows: list[SearchResult] = field(default_factory=list)  # from the address search
    other_rows: list[SearchResult] = field(default_factory=list)  # from name/number searches


@dataclass(frozen=True)
class _Registration:
    """What the register says of one establishment or branchless legal entity."""

    kvk_number: str
    vestigingsnummer: str | None
    label: str  # hoofdvestiging | nevenvestiging | rechtspersoon
    names: tuple[str, ...]
    addresses: tuple[RegisterAddress, ...]
    legal_form: str | None = None

    @classmethod
    def of_establishment(cls, establishment: Establishment,
                         company: CompanyProfile | None = None) -> _Registration:
        names = [establishment.eersteHandelsnaam, establishment.statutaireNaam,
                 *(t.naam for t in establishment.handelsnamen),
                 *(company.trade_names if company else ())]
        return cls(kvk_number=establishment.kvkNummer or (company.kvkNummer if company else ""),
                   vestigingsnummer=establishment.vestigingsnummer,
                   label="hoofdvestiging" if establishment.hoofdvestiging else "nevenvestiging",
                   names=tuple(n for n in dict.fromkeys(names) if n),
                   addresses=establishment.adressen,
                   legal_form=company.rechtsvorm if company else None)

    @classmethod
    def of_entity(cls, company: CompanyProfile) -> _Registration:
        return cls(kvk_number=company.kvkNummer, vestigingsnummer=None, label=_RECHTSPERSOON,
                   names=company.trade_names, addresses=company.eigenaar_adressen,
                   legal_form=company.rechtsvorm)


@dataclass(frozen=True)
class _Attribution:
    subject: Subject
    person: str | None
    match: NameMatch | None
    declared: bool


class KvkCollector:
    """The `kvk` source. Profiles and searches are shared between officials in a run."""

    source = SourceId.KVK

    def __init__(self, client: KvkClient, *,
                 price_per_paid_request: float = PRICE_PER_PAID_REQUEST_EUR) -> None:
        self._client = client
        self._price = price_per_paid_request
        self._once: Once[Hashable, Any] = Once()
        self._auth_failed: KvkAuthError | None = None

    async def aclose(self) -> None:
        await self._client.aclose()

    def usage(self) -> KvkUsage:
        """What this run asked of KVK; an estimate run counts the paid requests it skipped."""
        paid = self._client.paid_requests + len(self._client.planned_paid)
        return KvkUsage(requests=self._client.requests_made + len(self._client.planned_paid),
                        paid_requests=paid, estimated_cost_eur=round(paid * self._price, 4))

    async def collect(self, official: Official) -> CollectorResult:
        if self._auth_failed is not None:
            return self._result([_error(self._auth_failed, "all lookups")])
        people = [_Person(Subject.OFFICIAL, official.name,
                          parse_person_name(official.name, official.initials))]
        people += [_Person(Subject.HOUSEHOLD, member.name, parse_person_name(member.name))
                   for member in official.household]
        errors: list[SourceError] = []
        candidates: dict[tuple[str, str | None], _Candidate] = {}
        ended: list[SearchResult] = []

        async def guarded(what: str, lookup: Awaitable[None]) -> None:
            try:
                await lookup
            except KvkEstimateOnly:
                pass  # counted by the client: an estimate reads no profile
            except KvkAuthError as exc:
                self._auth_failed = exc
                errors.append(_error(exc, what))
            except KvkBudgetExhausted as exc:
                errors.append(SourceError(source=SourceId.KVK, kind=SourceErrorKind.SKIPPED,
                                          message=f"{what}: {exc}"))
            except KvkError as exc:
                errors.append(_error(exc, what))
            except _LookupSkippedError as exc:
                errors.append(SourceError(source=SourceId.KVK, kind=SourceErrorKind.SKIPPED,
                                          message=f"{what}: {exc}"))
            except Exception as exc:  # a bug in one lookup must not lose the others' findings
                errors.append(SourceError(source=SourceId.KVK, kind=SourceErrorKind.FAILED,
                                          message=f"{what}: internal error "
                                                  f"({type(exc).__name__})"))

        def candidate(row: SearchResult) -> _Candidate:
            key = (row.kvkNummer, row.vestigingsnummer)
            return candidates.setdefault(key, _Candidate(row.kvkNummer, row.vestigingsnummer,
                                                         row.type))

        async def by_address(home: Address) -> None:
            for row in await self._search_address(home, errors):
                if row.actief is False:
                    ended.append(row)
                else:
                    candidate(row).home_rows.append(row)

        async def by_name(index: int, person: _Person) -> None:
            for term in search_terms(person.parsed):
                for row in await self._search(("naam", term), {"naam": term}, errors):
                    if match_person(person.parsed, row.naam or "").strength == "full":
                        found = candidate(row)
                        found.named.add(index)
                        found.other_rows.append(row)

        async def declared(kvk_number: str) -> None:
            rows = await self._search(("kvk", kvk_number), {"kvkNummer": kvk_number}, errors)
            if not rows:  # not listed by Zoeken: the branch list says what there is
                rows = [SearchResult(kvkNummer=kvk_number, vestigingsnummer=b.vestigingsnummer,
                                     type="hoofdvestiging" if b.hoofdvestiging
                                     else "nevenvestiging")
                        for b in await self._branches(kvk_number)]
                rows = rows or [SearchResult(kvkNummer=kvk_number, type=_RECHTSPERSOON)]
            for row in rows:
                found = candidate(row)
                found.declared = True
                found.other_rows.append(row)

        lookups = []
        if official.home is not None:
            lookups.append(guarded("address search", by_address(official.home)))
        if not search_terms(people[0].parsed):
            errors.append(SourceError(
                source=SourceId.KVK, kind=SourceErrorKind.SKIPPED,
                message="name search: the name gives no surname to search for; "
                        "add the surname or initials to the roster"))
        lookups += [guarded("name search", by_name(i, p)) for i, p in enumerate(people)]
        lookups += [guarded(f"declared KVK number {n}", declared(n)) for n in official.kvk_numbers]
        await asyncio.gather(*lookups)

        findings: list[Finding] = []

        async def judge(cand: _Candidate) -> None:
            if _ruled_out(official.home, cand):
                return
            registration = await self._registration(cand, candidates)
            if registration is None:
                return
            finding = await self._judge(official, people, cand, registration)
            if finding is not None:
                findings.append(finding)

        def what(cand: _Candidate) -> str:
            return (f"establishment {cand.vestigingsnummer}" if cand.vestigingsnummer
                    else f"registration {cand.kvk_number}")

        await asyncio.gather(*(guarded(what(c), judge(c))
                               for _, c in sorted(candidates.items(), key=_candidate_order)))
        findings += _ended_findings(official, people, ended, candidates)
        findings.sort(key=lambda f: (f.locator.kvk_number or "", f.locator.vestigingsnummer or "",
                                     f.status != Status.EXPOSED))
        return self._result(errors, findings)

    def _result(self, errors: list[SourceError],
                findings: list[Finding] | None = None) -> CollectorResult:
        unique = {(e.kind, e.message): e for e in errors}
        return CollectorResult(source=self.source, findings=tuple(findings or ()),
                               errors=tuple(unique.values()))

    async def _search(self, key: Hashable, params: dict[str, str | int],
                      errors: list[SourceError]) -> list[SearchResult]:
        """A shared search; one that could not be read whole keeps what it read, and says so."""
        try:
            results: list[SearchResult] = await self._shared(
                ("zoeken", key), lambda: self._client.search(**params))
            return results
        except KvkIncompleteSearch as exc:
            errors.append(_error(exc, "search"))
            return exc.results

    async def _search_address(self, home: Address,
                              errors: list[SourceError]) -> list[SearchResult]:
        """Every registration at the home number, letters, additions and ended ones included.

        The API searches a house number only together with a postcode. Without
        one, the whole street is searched and each establishment read, up to a
        bound; beyond it the lookup is reported as skipped, never as clean.
        """
        if home.postcode:
            return await self._search(
                ("adres", home.postcode, home.number),
                {"postcode": home.postcode, "huisnummer": home.number,
                 "inclusiefInactieveRegistraties": "true"}, errors)
        if not (home.street and home.city):
            raise _LookupSkippedError("the home address has no postcode and no town")
        street, town = normalise_street(home.street), home.city
        rows = await self._search(("straat", street, town.casefold()),
                                  {"straatnaam": street, "plaats": town}, errors)
        if sum(1 for row in rows if row.vestigingsnummer) > MAX_STREET_CANDIDATES:
            raise _LookupSkippedError(
                "too many businesses in the street to check without a postcode; "
                "add the postcode to the roster")
        return rows

    async def _branches(self, kvk_number: str) -> list[EstablishmentSummary]:
        """The branch list; an entity without branches answers [] or 404 IPD5200."""
        async def call() -> list[EstablishmentSummary]:
            try:
                return await self._client.establishments(kvk_number)
            except KvkNotFound as exc:
                if exc.code == _NO_BRANCHES:
                    return []
                raise
        result: list[EstablishmentSummary] = await self._shared(("vestigingen", kvk_number), call)
        return result

    async def _shared(self, key: Hashable, call: Callable[[], Awaitable[T]]) -> T:
        """Make a request once per run, however many officials need it."""
        result: T = await self._once.get(key, call)
        return result

    async def _registration(self, cand: _Candidate,
                            candidates: dict[tuple[str, str | None], _Candidate],
                            ) -> _Registration | None:
        """Read the fewest profiles that settle this candidate (each one is billed)."""
        if cand.vestigingsnummer is None:
            if any(k == cand.kvk_number and v for k, v in candidates):
                return None  # its establishments are judged themselves
            company = await self._company_profile(cand.kvk_number)
            if company.hoofdvestiging is not None:
                return _Registration.of_establishment(company.hoofdvestiging, company)
            return _Registration.of_entity(company)
        if cand.type == "hoofdvestiging":
            company = await self._company_profile(cand.kvk_number)
            head = company.hoofdvestiging
            if head is not None and head.vestigingsnummer == cand.vestigingsnummer:
                return _Registration.of_establishment(head, company)
        vnr = cand.vestigingsnummer
        establishment = await self._shared(("vestiging", vnr),
                                           lambda: self._client.establishment(vnr))
        return _Registration.of_establishment(establishment)

    async def _company_profile(self, kvk_number: str) -> CompanyProfile:
        result: CompanyProfile = await self._shared(
            ("basisprofiel", kvk_number), lambda: self._client.company(kvk_number))
        return result

    async def _judge(self, official: Official, people: list[_Person], cand: _Candidate,
                     registration: _Registration) -> Finding | None:
        home = official.home
        visit = visiting_address(registration.addresses)
        post = correspondence_address(registration.addresses)
        visit_match = _at_home(home, visit)
        post_match = _at_home(home, post)
        attribution = _attribute(people, cand, registration)
        if attribution is None and (visit_match or post_match):
            attribution = _first_name_attribution(people, registration.names)
        if visit_match is not None:
            exposed_via, address_match = "bezoekadres", visit_match
        elif post_match is not None:
            exposed_via, address_match = "correspondentieadres", post_match
        elif (visit is not None and visit.afgeschermd and attribution is not None
              and (cand.declared or cand.named)):
            return await self._finding(official, registration, attribution, Status.SHIELDED,
                                       "bezoekadres", None)
        else:
            return None
        if attribution is None:
            attribution = _Attribution(Subject.UNKNOWN, None, None, False)
        return await self._finding(official, registration, attribution, Status.EXPOSED,
                                   exposed_via, address_match)

    async def _finding(self, official: Official, registration: _Registration,
                       who: _Attribution, status: Status, address_type: str,
                       address_match: AddressMatch | None) -> Finding:
        legal_form = registration.legal_form or await self._legal_form(registration.kvk_number)
        unknown = who.subject is Subject.UNKNOWN
        kind = FindingKind.BUSINESS_AT_HOME if unknown else FindingKind.HOME_ADDRESS
        locator = Locator(kvk_number=registration.kvk_number or None,
                          vestigingsnummer=registration.vestigingsnummer,
                          address_type=address_type)
        fields: list[FieldMatch] = []
        score = 1.0
        if address_match is not None:
            fields += address_match.fields
            score = address_match.score
        if who.declared:
            fields.append(FieldMatch(field="kvk_number", score=1.0))
        elif who.match is not None:
            fields += who.match.fields
            score *= _NAME_WEIGHT[who.match.strength] if address_match else who.match.score
        trade_name = None if unknown or not registration.names else registration.names[0]
        home_text = (format_address(official.home)
                     if official.home is not None and address_match is not None else None)
        return Finding(
            kind=kind, subject=who.subject, status=status,
            severity=severity_for(kind, status), source=SourceId.KVK, locator=locator,
            match=Match(score=round(min(score, 1.0), 3), fields=tuple(fields)),
            evidence=Evidence(trade_name=trade_name, address=home_text, person=who.person,
                              legal_form=legal_form, establishment=registration.label),
            fingerprint=fingerprint(official.id, kind, who.subject, SourceId.KVK, locator),
        )

    async def _legal_form(self, kvk_number: str) -> str | None:
        """The legal form decides the advice; a failure here must not hide the finding."""
        if not kvk_number:
            return None
        try:
            return (await self._company_profile(kvk_number)).rechtsvorm
        except KvkError:
            return None


def _candidate_order(item: tuple[tuple[str, str | None], _Candidate]) -> tuple[str, str]:
    (kvk, vnr), _ = item
    return kvk, vnr or ""


def _home_letters(home: Address) -> set[str]:
    """The letter a register may write for this home: as huisletter or as toevoeging."""
    return {v.casefold() for v in (home.letter, home.addition)
            if v and len(v) == 1 and v.isalpha()}


def _ruled_out(home: Address | None, cand: _Candidate) -> bool:
    """Do the search rows alone prove this candidate is no finding? Then no profile is read.

    A row from the address search is at the home number; only another house letter
    rules it out. A row from a name or number search rules it out when its visiting
    address is public and in another street or town (a correspondence address at home
    is the address search's to find). A row without a visiting address may be shielded.
    """
    if cand.home_rows:
        if home is None:
            return False
        letters = _home_letters(home)
        return all(_row_letter(row) is not None and _row_letter(row) not in letters
                   for row in cand.home_rows)
    if cand.vestigingsnummer is None or not cand.other_rows:
        return False
    return all(_elsewhere(home, row) for row in cand.other_rows)


def _row_letter(row: SearchResult) -> str | None:
    domestic = row.adres.binnenlandsAdres if row.adres else None
    letter = domestic.huisletter if domestic else None
    return letter.strip().casefold() or None if letter else None


def _elsewhere(home: Address | None, row: SearchResult) -> bool:
    if row.adres is None:
        return False
    foreign = row.adres.buitenlandsAdres
    if foreign is not None:
        return foreign.type == "bezoekadres"
    domestic = row.adres.binnenlandsAdres
    if domestic is None or domestic.type != "bezoekadres":
        return False
    if home is None:
        return True  # a public visiting address, and no home to compare it with
    if domestic.plaats and home.city and (normalise_city(domestic.plaats)
                                          != normalise_city(home.city)):
        return True
    if domestic.straatnaam and home.street:
        return fuzz.ratio(normalise_street(domestic.straatnaam),
                          normalise_street(home.street)) < _SAME_STREET
    return False


def _ended_findings(official: Official, people: list[_Person], rows: list[SearchResult],
                    active: dict[tuple[str, str | None], _Candidate]) -> list[Finding]:
    """Ended registrations at the home number, judged from their rows (no paid call).

    They never replace an active finding of the same registration.
    """
    home = official.home
    if home is None:
        return []
    letters = _home_letters(home)
    findings: dict[tuple[str, str | None], Finding] = {}
    for row in rows:
        key = (row.kvkNummer, row.vestigingsnummer)
        letter = _row_letter(row)
        if key in active or key in findings or (letter is not None and letter not in letters):
            continue
        names = tuple(n for n in (row.naam, row.vervallenNaam) if n)
        who = (_best_name(people, names) or _first_name_attribution(people, names)
               or _Attribution(Subject.UNKNOWN, None, None, False))
        kind = (FindingKind.BUSINESS_AT_HOME if who.subject is Subject.UNKNOWN
                else FindingKind.HOME_ADDRESS)
        domestic = row.adres.binnenlandsAdres if row.adres else None
        address_type = ("correspondentieadres" if domestic is not None
                        and domestic.type == "postadres" else "bezoekadres")
        locator = Locator(kvk_number=row.kvkNummer, vestigingsnummer=row.vestigingsnummer,
                          address_type=address_type)
        fields = [FieldMatch(field="postcode", score=1.0),
                  FieldMatch(field="house_number", score=1.0)]
        if letter is not None:
            fields.append(FieldMatch(field="house_letter", score=1.0))
        if who.match is not None:
            fields += who.match.fields
        findings[key] = Finding(
            kind=kind, subject=who.subject, status=Status.ENDED,
            severity=severity_for(kind, Status.ENDED), source=SourceId.KVK, locator=locator,
            match=Match(score=0.9 if letter is not None or not letters else 0.7,
                        fields=tuple(fields)),
            evidence=Evidence(trade_name=names[0] if names and who.person else None,
                              address=format_address(home), person=who.person,
                              establishment=row.type or None),
            fingerprint=fingerprint(official.id, kind, who.subject, SourceId.KVK, locator))
    return list(findings.values())


def _at_home(home: Address | None, register: RegisterAddress | None) -> AddressMatch | None:
    if home is None or register is None or register.afgeschermd:
        return None
    other = address_from_register(
        straatnaam=register.straatnaam, huisnummer=register.huisnummer,
        huisletter=register.huisletter, huisnummer_toevoeging=register.huisnummerToevoeging,
        postcode=register.postcode, plaats=register.plaats, volledig_adres=register.volledigAdres)
    if other is None:
        return None
    match = match_address(home, other)
    return match if match.same_dwelling else None


def _best_name(people: list[_Person], names: tuple[str, ...]) -> _Attribution | None:
    """The person whose name the registration's names match best, if any."""
    best: tuple[float, int, NameMatch] | None = None
    for index, person in enumerate(people):
        for name in names:
            match = match_person(person.parsed, name)
            if match.strength == "none":
                continue
            rank = (_NAME_WEIGHT[match.strength] + match.score, -index)
            if best is None or rank > (best[0], -best[1]):
                best = (rank[0], index, match)
    if best is None:
        return None
    person = people[best[1]]
    return _Attribution(person.subject, person.name, best[2], False)


def _attribute(people: list[_Person], cand: _Candidate,
               registration: _Registration) -> _Attribution | None:
    """Whose registration is this? Declared numbers are the official's; else the best name."""
    if cand.declared:
        return _Attribution(Subject.OFFICIAL, people[0].name, None, True)
    return _best_name(people, registration.names)


def _first_name_attribution(people: list[_Person],
                            names: tuple[str, ...]) -> _Attribution | None:
    """At the home address a first name alone ("Kapsalon Lotte") is enough to say whose.

    Elsewhere it never is; here the address already ties the business to the
    household, and the name only tells which member it belongs to.
    """
    for person in people:
        match = match_first_name(person.parsed, names)
        if match is not None:
            return _Attribution(person.subject, person.name, match, False)
    return None


def _error(exc: KvkError, what: str) -> SourceError:
    timeout = isinstance(exc, KvkUnavailable) and exc.timeout
    return SourceError(source=SourceId.KVK,
                       kind=SourceErrorKind.TIMEOUT if timeout else SourceErrorKind.FAILED,
                       message=f"{what}: {exc}")
