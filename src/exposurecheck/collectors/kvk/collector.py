"""Find where the Handelsregister ties an official or their household to their home.

Three lookups per official, because each one is blind to something:
- an address search finds every business at the home number, but never a
  shielded one;
- a name search finds businesses under the official's or a housemate's name,
  including shielded ones, but not one trading under another name;
- the declared KVK numbers find businesses whatever their name or address.
Each candidate establishment is then read in full (its profile) and judged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.kvk.api import (
    CompanyProfile,
    Establishment,
    RegisterAddress,
    SearchResult,
)
from exposurecheck.collectors.kvk.client import KvkAuthError, KvkClient, KvkError, KvkUnavailable
from exposurecheck.findings import severity_for
from exposurecheck.matching.address import (
    AddressMatch,
    address_from_register,
    format_address,
    match_address,
    normalise_street,
)
from exposurecheck.matching.names import (
    NameMatch,
    PersonName,
    match_person,
    normalise_name_text,
    parse_person_name,
    search_terms,
)
from exposurecheck.models import (
    Address,
    Evidence,
    FieldMatch,
    Finding,
    FindingKind,
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


class _LookupSkippedError(Exception):
    """A lookup that could not be done for this official; reported, never silent."""


@dataclass(frozen=True)
class _Person:
    subject: Subject
    name: str
    parsed: PersonName


@dataclass
class _Candidate:
    vestigingsnummer: str
    declared: bool = False
    named: set[int] = field(default_factory=set)  # indexes of people whose name search hit


@dataclass(frozen=True)
class _Attribution:
    subject: Subject
    person: str | None
    match: NameMatch | None
    declared: bool


class KvkCollector:
    """The `kvk` source. Profiles and searches are shared between officials in a run."""

    source = SourceId.KVK

    def __init__(self, client: KvkClient) -> None:
        self._client = client
        self._once: Once[Hashable, Any] = Once()
        self._auth_failed: KvkAuthError | None = None

    async def aclose(self) -> None:
        await self._client.aclose()

    async def collect(self, official: Official) -> CollectorResult:
        if self._auth_failed is not None:
            return self._result([_error(self._auth_failed, "all lookups")])
        people = [_Person(Subject.OFFICIAL, official.name,
                          parse_person_name(official.name, official.initials))]
        people += [_Person(Subject.HOUSEHOLD, member.name, parse_person_name(member.name))
                   for member in official.household]
        errors: list[SourceError] = []
        candidates: dict[str, _Candidate] = {}

        async def guarded(what: str, lookup: Awaitable[None]) -> None:
            try:
                await lookup
            except KvkAuthError as exc:
                self._auth_failed = exc
                errors.append(_error(exc, what))
            except KvkError as exc:
                errors.append(_error(exc, what))
            except _LookupSkippedError as exc:
                errors.append(SourceError(source=SourceId.KVK, kind=SourceErrorKind.SKIPPED,
                                          message=f"{what}: {exc}"))

        def candidate(vnr: str) -> _Candidate:
            return candidates.setdefault(vnr, _Candidate(vnr))

        async def by_address(home: Address) -> None:
            for row in await self._search_address(home):
                if row.vestigingsnummer:
                    candidate(row.vestigingsnummer)

        async def by_name(index: int, person: _Person) -> None:
            for term in search_terms(person.parsed):
                for row in await self._search_name(term):
                    full = match_person(person.parsed, row.naam or "").strength == "full"
                    if row.vestigingsnummer and full:
                        candidate(row.vestigingsnummer).named.add(index)

        async def declared(kvk_number: str) -> None:
            for summary in await self._shared(("vestigingen", kvk_number),
                                              lambda: self._client.establishments(kvk_number)):
                candidate(summary.vestigingsnummer).declared = True

        lookups = []
        if official.home is not None:
            lookups.append(guarded("address search", by_address(official.home)))
        lookups += [guarded("name search", by_name(i, p)) for i, p in enumerate(people)]
        lookups += [guarded(f"declared KVK number {n}", declared(n)) for n in official.kvk_numbers]
        await asyncio.gather(*lookups)

        findings: list[Finding] = []

        async def judge(cand: _Candidate) -> None:
            vnr = cand.vestigingsnummer
            establishment = await self._shared(("vestiging", vnr),
                                               lambda: self._client.establishment(vnr))
            finding = await self._judge(official, people, cand, establishment)
            if finding is not None:
                findings.append(finding)

        await asyncio.gather(*(guarded(f"establishment {vnr}", judge(c))
                               for vnr, c in sorted(candidates.items())))
        findings.sort(key=lambda f: (f.locator.kvk_number or "", f.locator.vestigingsnummer or ""))
        return self._result(errors, findings)

    def _result(self, errors: list[SourceError],
                findings: list[Finding] | None = None) -> CollectorResult:
        unique = {(e.kind, e.message): e for e in errors}
        return CollectorResult(source=self.source, findings=tuple(findings or ()),
                               errors=tuple(unique.values()))

    async def _search_name(self, term: str) -> list[SearchResult]:
        return await self._shared(("naam", term), lambda: self._client.search(naam=term))

    async def _search_address(self, home: Address) -> list[SearchResult]:
        """Every establishment at the home number, letters and additions included.

        The API searches a house number only together with a postcode. Without
        one, the whole street is searched and each establishment read, up to a
        bound; beyond it the lookup is reported as skipped, never as clean.
        """
        if home.postcode:
            params: dict[str, str | int] = {"postcode": home.postcode, "huisnummer": home.number}
            return await self._shared(("adres", home.postcode, home.number),
                                      lambda: self._client.search(**params))
        if not (home.street and home.city):
            raise _LookupSkippedError("the home address has no postcode and no town")
        street, town = normalise_street(home.street), home.city
        rows = await self._shared(("straat", street, town.casefold()),
                                  lambda: self._client.search(straatnaam=street, plaats=town))
        if sum(1 for row in rows if row.vestigingsnummer) > MAX_STREET_CANDIDATES:
            raise _LookupSkippedError(
                "too many businesses in the street to check without a postcode; "
                "add the postcode to the roster")
        return rows

    async def _shared(self, key: Hashable, call: Callable[[], Awaitable[T]]) -> T:
        """Make a request once per run, however many officials need it."""
        result: T = await self._once.get(key, call)
        return result

    async def _judge(self, official: Official, people: list[_Person], cand: _Candidate,
                     establishment: Establishment) -> Finding | None:
        home = official.home
        visit = establishment.bezoekadres
        post = establishment.correspondentieadres
        visit_match = _at_home(home, visit)
        post_match = _at_home(home, post)
        attribution = _attribute(people, cand, establishment)
        if attribution is None and (visit_match or post_match):
            attribution = _first_name_attribution(people, establishment)
        if visit_match is not None:
            exposed_via, address_match = "bezoekadres", visit_match
        elif post_match is not None:
            exposed_via, address_match = "correspondentieadres", post_match
        elif (visit is not None and visit.afgeschermd and attribution is not None
              and (cand.declared or cand.named)):
            return await self._finding(official, establishment, attribution, Status.SHIELDED,
                                       "bezoekadres", None)
        else:
            return None
        if attribution is None:
            attribution = _Attribution(Subject.UNKNOWN, None, None, False)
        return await self._finding(official, establishment, attribution, Status.EXPOSED,
                                   exposed_via, address_match)

    async def _finding(self, official: Official, establishment: Establishment,
                       who: _Attribution, status: Status, address_type: str,
                       address_match: AddressMatch | None) -> Finding:
        kvk_number = establishment.kvkNummer or ""
        company = await self._company(kvk_number)
        unknown = who.subject is Subject.UNKNOWN
        kind = FindingKind.BUSINESS_AT_HOME if unknown else FindingKind.HOME_ADDRESS
        locator = Locator(kvk_number=kvk_number or None,
                          vestigingsnummer=establishment.vestigingsnummer,
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
        trade_name = None if unknown else _first_trade_name(establishment)
        home_text = (format_address(official.home)
                     if official.home is not None and address_match is not None else None)
        return Finding(
            kind=kind, subject=who.subject, status=status,
            severity=severity_for(kind, status), source=SourceId.KVK, locator=locator,
            match=Match(score=round(min(score, 1.0), 3), fields=tuple(fields)),
            evidence=Evidence(trade_name=trade_name, address=home_text, person=who.person,
                              legal_form=company.rechtsvorm if company else None,
                              establishment="hoofdvestiging" if establishment.hoofdvestiging
                              else "nevenvestiging"),
            fingerprint=fingerprint(official.id, kind, who.subject, SourceId.KVK, locator),
        )

    async def _company(self, kvk_number: str) -> CompanyProfile | None:
        """The legal form decides the advice; a failure here must not hide the finding."""
        if not kvk_number:
            return None
        try:
            return await self._shared(("basisprofiel", kvk_number),
                                      lambda: self._client.company(kvk_number))
        except KvkError:
            return None


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


def _trade_names(establishment: Establishment) -> list[str]:
    names = [establishment.eersteHandelsnaam, establishment.statutaireNaam,
             *(t.naam for t in establishment.handelsnamen)]
    return [n for n in dict.fromkeys(names) if n]


def _first_trade_name(establishment: Establishment) -> str | None:
    names = _trade_names(establishment)
    return names[0] if names else None


def _attribute(people: list[_Person], cand: _Candidate,
               establishment: Establishment) -> _Attribution | None:
    """Whose business is this? Declared numbers are the official's; else the best name match."""
    if cand.declared:
        return _Attribution(Subject.OFFICIAL, people[0].name, None, True)
    best: tuple[float, int, NameMatch] | None = None
    for index, person in enumerate(people):
        for name in _trade_names(establishment):
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


def _first_name_attribution(people: list[_Person],
                            establishment: Establishment) -> _Attribution | None:
    """At the home address a first name alone ("Kapsalon Lotte") is enough to say whose.

    Elsewhere it never is; here the address already ties the business to the
    household, and the name only tells which member it belongs to.
    """
    words = {word for name in _trade_names(establishment)
             for word in normalise_name_text(name).split()}
    for person in people:
        for first_name in person.parsed.first_names:
            if len(first_name) >= 3 and first_name in words:
                match = NameMatch(strength="surname", score=0.6,
                                  fields=(FieldMatch(field="first_name", score=1.0),))
                return _Attribution(person.subject, person.name, match, False)
    return None


def _error(exc: KvkError, what: str) -> SourceError:
    timeout = isinstance(exc, KvkUnavailable) and exc.timeout
    return SourceError(source=SourceId.KVK,
                       kind=SourceErrorKind.TIMEOUT if timeout else SourceErrorKind.FAILED,
                       message=f"{what}: {exc}")
