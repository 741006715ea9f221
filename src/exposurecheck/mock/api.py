"""A faithful fake of the KVK Handelsregister API subset that exposurecheck uses.

Endpoints (under any base path ending in ``/api``, e.g. ``/api`` or ``/test/api``):

- ``GET {base}/v2/zoeken``                                 Zoeken v2
- ``GET {base}/v1/basisprofielen/{kvkNummer}``              Basisprofiel v1
- ``GET {base}/v1/basisprofielen/{kvkNummer}/vestigingen``  (+ ``/hoofdvestiging``, ``/eigenaar``)
- ``GET {base}/v1/vestigingsprofielen/{vestigingsnummer}``  Vestigingsprofiel v1

What it reproduces from the real API (see ``docs`` of developers.kvk.nl and the
recorded responses in ``tests/data``): the ``apikey`` header, ``fout`` error
bodies with IPD codes, HTTP 404 + IPD5200 for "no results", paging with
``_links``, at most 1000 reachable results, postcode/huisnummer shown in a
search result only when searched on, and above all shielding (afscherming):
a shielded visiting address is never found by an address search and a profile
shows it only as ``{"type": "bezoekadres", "indAfgeschermd": "Ja"}``.

``handle`` is synchronous and side-effect free apart from counters, so it can
back an ``httpx.MockTransport`` in-process or the threaded HTTP server in
:mod:`exposurecheck.mock.server`.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, get_args
from urllib.parse import urlencode

import httpx

from exposurecheck.mock.register import (
    KVK_NUMBER_RE,
    RSIN_RE,
    VESTIGINGSNUMMER_RE,
    Company,
    Register,
    RegisterAddress,
    Vestiging,
    normalise_postcode,
)

DEMO_API_KEY = "exposurecheck-demo"

MAX_RESULTS = 1000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
MAX_PAGE = 1000

ZOEKEN_VERSION = "2.0.0"
PROFIEL_VERSION = "1.4.1"

HAL_JSON = "application/hal+json"
PLAIN_JSON = "application/json"

FaultKind = Literal["500", "503", "429", "truncated", "hang"]
FAULT_KINDS: tuple[FaultKind, ...] = get_args(FaultKind)

# IPD codes and texts as documented by KVK (developers.kvk.nl, "status codes").
OMSCHRIJVING = {
    "IPD0001": "Het gevraagde product bestaat niet.",
    "IPD0004": "Het KVK-nummer{0} is niet valide.",
    "IPD0005": "Op basis van het KVK-nummer{0} kan het product niet worden geleverd.",
    "IPD0006": "Het vestigingsnummer{0} is niet valide.",
    "IPD0007": "Op basis van het vestigingsnummer{0} kan het product niet worden geleverd.",
    "IPD0010": "Het RSIN-nummer{0} is niet valide.",
    "IPD1002": (
        "De gegevens zijn tijdelijk niet leverbaar omdat deze in behandeling zijn. "
        "Probeer het later nog eens."
    ),
    "IPD1998": "Algemene invoer parameter fout.",
    "IPD1999": "De volgende opgegeven parameter(s) is(zijn) ongeldig:{0}",
    "IPD5200": "Er zijn geen gegevens gevonden die voldoen aan de opgegeven zoekparameters.",
    "IPD5203": "Het opgegeven type is niet valide.",
    "IPD9999": "Algemene technische fout.",
}
# The gateway's own answers for a bad key and throttling: the status and text are
# documented, the code is not; these codes are the mock's own (unconfirmed).
UNAUTHORIZED_CODE = "401"
UNAUTHORIZED_TEXT = "Geen of onjuiste apikey aangeleverd"
TOO_MANY_CODE = "429"
TOO_MANY_TEXT = "Te veel verzoeken, probeer het later opnieuw"

_ADDRESS_PARAMS = ("straatnaam", "plaats", "postcode", "huisnummer", "huisletter", "postbusnummer")
_CRITERIA = ("kvkNummer", "rsin", "vestigingsnummer", "naam", *_ADDRESS_PARAMS)
ZOEKEN_PARAMS = (*_CRITERIA, "type", "inclusiefInactieveRegistraties", "pagina",
                 "resultatenPerPagina")
_CANONICAL = {name.lower(): name for name in ZOEKEN_PARAMS}
_TYPES = ("hoofdvestiging", "nevenvestiging", "rechtspersoon")

_BASE = r"(?P<base>(?:/[^?#]*)?/api)"
_ZOEKEN_RE = re.compile(_BASE + r"/v2/zoeken/?$")
_BASISPROFIEL_RE = re.compile(
    _BASE
    + r"/v1/basisprofielen/(?P<kvk>[^/]*)"
    + r"(?:/(?P<sub>vestigingen|hoofdvestiging|eigenaar))?/?$"
)
_VESTIGINGSPROFIEL_RE = re.compile(_BASE + r"/v1/vestigingsprofielen/(?P<vnr>[^/]*)/?$")


@dataclass(frozen=True)
class FaultPlan:
    """Injected failures, deterministic from ``seed``.

    Each request gets a fault with probability ``failure_rate``; the draw depends
    only on the seed, the request (method, path, query) and how many times that
    same request was seen before, so a run is reproducible even when requests
    arrive concurrently, and a retry can succeed.

    ``latency`` (seconds per request) and ``rate_limit`` (requests per second,
    429 with ``Retry-After`` beyond it) model a slow or throttling service.
    """

    failure_rate: float = 0.0
    seed: int = 0
    kinds: tuple[FaultKind, ...] = ("500", "503", "429", "truncated")
    retry_after: int = 1
    hang_seconds: float = 30.0
    latency: float = 0.0
    rate_limit: float | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.failure_rate <= 1.0:
            raise ValueError("failure_rate must be between 0 and 1")
        if self.failure_rate > 0 and not self.kinds:
            raise ValueError("failure kinds are empty")
        unknown = [kind for kind in self.kinds if kind not in FAULT_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds: {unknown}")
        if self.latency < 0 or self.hang_seconds < 0 or self.retry_after < 0:
            raise ValueError("latency, hang_seconds and retry_after must be >= 0")
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise ValueError("rate_limit must be > 0")


class Dispatch(NamedTuple):
    """A response and, for a simulated hang, how long to stall before sending it."""

    response: httpx.Response
    hang_seconds: float = 0.0


class _RateLimiter:
    """A token bucket: ``rate`` tokens per second, burst of ``max(1, rate)``."""

    def __init__(self, rate: float, clock: Callable[[], float]) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.tokens = self.capacity
        self.clock = clock
        self.updated = clock()

    def acquire(self) -> float:
        """0 when a token was taken, else the seconds until one is available."""
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class _BadRequest(Exception):
    def __init__(self, code: str, argument: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.argument = argument


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form: ``"Çelik"`` -> ``"celik"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def name_matches(query: str, names: Iterable[str]) -> bool:
    """Every word of the query occurs (as a substring) in one of the names."""
    words = fold(query).split()
    if not words:
        return False
    return any(all(word in fold(name) for word in words) for name in names)


def volledig_adres(address: RegisterAddress) -> str:
    """The register's one-line address, with its runs of padding spaces."""
    if address.is_postbus:
        first = f"Postbus {address.postbusnummer}"
    else:
        first = f"{address.straatnaam} {address.huisnummer}"
        if address.huisletter:
            first += f" {address.huisletter}"
        if address.huisnummer_toevoeging:
            first += f" {address.huisnummer_toevoeging}"
    padding = " " * max(25, 52 - len(first))
    return f"{first}{padding}{address.postcode} {address.plaats}"


def _ja_nee(value: bool) -> str:
    return "Ja" if value else "Nee"


@dataclass
class _Query:
    criteria: dict[str, str] = field(default_factory=dict)
    types: tuple[str, ...] = ()
    inclusief_inactief: bool = False
    pagina: int = 1
    per_pagina: int = DEFAULT_PER_PAGE
    link_params: list[tuple[str, str]] = field(default_factory=list)


class MockHandelsregister:
    """The mock API over a :class:`Register`.

    ``handle`` answers one request; ``transport()`` wraps it for ``httpx``
    clients in-process (sync and async). ``requests_served`` counts every
    request answered, errors and injected faults included.
    """

    def __init__(
        self,
        register: Register,
        *,
        api_key: str = DEMO_API_KEY,
        faults: FaultPlan | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.register = register
        self.api_key = api_key
        self.faults = faults or FaultPlan()
        self.requests_served = 0
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}
        self._limiter = (
            _RateLimiter(self.faults.rate_limit, clock) if self.faults.rate_limit else None
        )

    # -- entry points ------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer a request in-process; a simulated hang raises ``httpx.ReadTimeout``."""
        result = self.dispatch(request)
        if result.hang_seconds > 0:
            raise httpx.ReadTimeout("mock Handelsregister: simulated hang", request=request)
        return result.response

    def dispatch(self, request: httpx.Request) -> Dispatch:
        """Answer a request; the caller decides how to simulate a hang."""
        with self._lock:
            self.requests_served += 1
        if request.headers.get("apikey") != self.api_key:
            return Dispatch(_error(request, 401, UNAUTHORIZED_CODE, UNAUTHORIZED_TEXT))
        if self._limiter is not None:
            with self._lock:
                wait = self._limiter.acquire()
            if wait > 0:
                return Dispatch(_too_many(request, max(1, math.ceil(wait))))
        fault = self._draw_fault(request)
        if fault == "500":
            return Dispatch(_fout(request, 500, "IPD9999"))
        if fault == "503":
            return Dispatch(_fout(request, 503, "IPD1002"))
        if fault == "429":
            return Dispatch(_too_many(request, self.faults.retry_after))
        response = self._route(request)
        if fault == "truncated":
            body = response.content
            cut = body[: max(1, len(body) // 2)]
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            response = httpx.Response(
                response.status_code, headers=headers, content=cut, request=request
            )
        if fault == "hang":
            return Dispatch(response, hang_seconds=self.faults.hang_seconds)
        return Dispatch(response)

    def transport(self) -> httpx.MockTransport:
        """An ``httpx`` transport serving this mock in-process (sync and async)."""
        return _InProcessTransport(self)

    # -- faults ------------------------------------------------------------------

    def _draw_fault(self, request: httpx.Request) -> FaultKind | None:
        plan = self.faults
        if plan.failure_rate <= 0:
            return None
        key = f"{request.method} {request.url.path}?{request.url.query.decode('ascii', 'replace')}"
        with self._lock:
            seen = self._seen.get(key, 0)
            self._seen[key] = seen + 1
        rng = random.Random(f"{plan.seed}\x1f{key}\x1f{seen}")
        if rng.random() >= plan.failure_rate:
            return None
        return rng.choice(plan.kinds)

    # -- routing -----------------------------------------------------------------

    def _route(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        matched = (
            _ZOEKEN_RE.match(path)
            or _BASISPROFIEL_RE.match(path)
            or _VESTIGINGSPROFIEL_RE.match(path)
        )
        if matched is None:
            return _fout(request, 404, "IPD0001")
        if request.method not in ("GET", "HEAD"):
            return _error(request, 405, "IPD1998", OMSCHRIJVING["IPD1998"])
        base = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}{matched['base']}"
        try:
            if matched.re is _ZOEKEN_RE:
                return self._zoeken(request, base)
            if matched.re is _BASISPROFIEL_RE:
                return self._basisprofiel(request, base, matched["kvk"], matched["sub"])
            return self._vestigingsprofiel(request, base, matched["vnr"])
        except _BadRequest as bad:
            return _fout(request, 400, bad.code, bad.argument)

    # -- Zoeken v2 ---------------------------------------------------------------

    def _zoeken(self, request: httpx.Request, base: str) -> httpx.Response:
        query = _parse_zoeken(request.url.params)
        rows = list(self._search(query, base))
        reachable = rows[:MAX_RESULTS]
        start = (query.pagina - 1) * query.per_pagina
        page = reachable[start : start + query.per_pagina]
        if not page:
            return _fout(request, 404, "IPD5200")

        def href(pagina: int) -> dict[str, str]:
            params = [
                *query.link_params,
                ("pagina", str(pagina)),
                ("resultatenperpagina", str(query.per_pagina)),
            ]
            return {"href": f"{base}/v2/zoeken?{urlencode(params)}"}

        links: dict[str, dict[str, str]] = {"self": href(query.pagina)}
        if query.pagina > 1:
            links["previous"] = href(query.pagina - 1)
        if start + query.per_pagina < len(reachable):
            links["next"] = href(query.pagina + 1)
        body = {
            "pagina": query.pagina,
            "resultatenPerPagina": query.per_pagina,
            "totaal": len(rows),
            "resultaten": page,
            "_links": links,
        }
        return _json(request, 200, body, version=ZOEKEN_VERSION)

    def _search(self, query: _Query, base: str) -> Iterable[dict[str, Any]]:
        criteria = query.criteria
        by_address = any(name in criteria for name in _ADDRESS_PARAMS)
        legal_person_query = not by_address and "vestigingsnummer" not in criteria
        for company in self.register.companies:
            if not company.actief and not query.inclusief_inactief:
                continue
            if "kvkNummer" in criteria and company.kvk_nummer != criteria["kvkNummer"]:
                continue
            if "rsin" in criteria and company.rsin != criteria["rsin"]:
                continue
            if not company.has_branches:
                row = self._branchless_row(company, base, query)
                if row is not None:
                    yield row
                continue
            if (
                legal_person_query
                and not company.is_eenmanszaak
                and (not query.types or "rechtspersoon" in query.types)
                and ("naam" not in criteria
                     or name_matches(criteria["naam"], (company.naam, *company.all_handelsnamen)))
            ):
                yield self._legal_person_row(company, base, query)
            for vestiging in company.vestigingen:
                kind = "hoofdvestiging" if vestiging.hoofdvestiging else "nevenvestiging"
                if query.types and kind not in query.types:
                    continue
                if (
                    "vestigingsnummer" in criteria
                    and vestiging.vestigingsnummer != criteria["vestigingsnummer"]
                ):
                    continue
                if "naam" in criteria and not name_matches(
                    criteria["naam"], (*vestiging.handelsnamen, company.naam)
                ):
                    continue
                if by_address:
                    found = _address_match(vestiging, criteria)
                    if found is None:
                        continue
                else:
                    found = _default_address(vestiging)
                yield self._vestiging_row(company, vestiging, kind, found, base, query)

    def _branchless_row(self, company: Company, base: str,
                        query: _Query) -> dict[str, Any] | None:
        """A legal entity without a branch is found as its own rechtspersoon row only."""
        criteria = query.criteria
        if (query.types and "rechtspersoon" not in query.types) or "vestigingsnummer" in criteria:
            return None
        if "naam" in criteria and not name_matches(criteria["naam"], company.all_handelsnamen):
            return None
        if any(name in criteria for name in _ADDRESS_PARAMS):
            found = _address_match(company, criteria)
            if found is None:
                return None
        else:
            found = _default_address(company)
        row = self._legal_person_row(company, base, query)
        if found is not None:
            row = {**row, "adres": {"binnenlandsAdres": _search_address(*found, criteria)}}
        return row

    def _legal_person_row(self, company: Company, base: str, query: _Query) -> dict[str, Any]:
        row: dict[str, Any] = {"kvkNummer": company.kvk_nummer, "naam": company.naam,
                               "type": "rechtspersoon"}
        if query.inclusief_inactief:
            row["actief"] = _ja_nee(company.actief)
        row["_links"] = {"basisprofiel": {"href": f"{base}/v1/basisprofielen/{company.kvk_nummer}"}}
        return row

    def _vestiging_row(
        self,
        company: Company,
        vestiging: Vestiging,
        kind: str,
        found: tuple[str, RegisterAddress] | None,
        base: str,
        query: _Query,
    ) -> dict[str, Any]:
        row: dict[str, Any] = {
            "kvkNummer": company.kvk_nummer,
            "vestigingsnummer": vestiging.vestigingsnummer,
            "naam": vestiging.eerste_handelsnaam,
        }
        if found is not None:
            row["adres"] = {"binnenlandsAdres": _search_address(*found, query.criteria)}
        row["type"] = kind
        if query.inclusief_inactief:
            row["actief"] = _ja_nee(company.actief)
        row["_links"] = {
            "basisprofiel": {"href": f"{base}/v1/basisprofielen/{company.kvk_nummer}"},
            "vestigingsprofiel": {
                "href": f"{base}/v1/vestigingsprofielen/{vestiging.vestigingsnummer}"
            },
        }
        return row

    # -- Basisprofiel v1 -----------------------------------------------------------

    def _basisprofiel(
        self, request: httpx.Request, base: str, kvk: str, sub: str | None
    ) -> httpx.Response:
        if not KVK_NUMBER_RE.match(kvk):
            raise _BadRequest("IPD0004")
        company = self.register.company(kvk)
        if company is None:
            return _fout(request, 404, "IPD0005", " " + kvk)
        profile_url = f"{base}/v1/basisprofielen/{kvk}"
        if not company.has_branches and sub in ("vestigingen", "hoofdvestiging"):
            return _fout(request, 404, "IPD5200")  # an entity without branches
        if sub == "vestigingen":
            return _json(request, 200, self._vestigingen(company, base), version=PROFIEL_VERSION)
        if sub == "hoofdvestiging":
            head = self._embedded_vestiging(company, base)
            return _json(request, 200, head, version=PROFIEL_VERSION)
        if sub == "eigenaar":
            return _json(request, 200, self._eigenaar(company, base), version=PROFIEL_VERSION)

        werkzaam = sum(v.werkzame_personen for v in company.vestigingen)
        body: dict[str, Any] = {
            "kvkNummer": company.kvk_nummer,
            "indNonMailing": "Ja",
            "naam": company.naam,
            "formeleRegistratiedatum": company.formele_registratiedatum,
            "materieleRegistratie": _materiele_registratie(company),
        }
        if not company.is_eenmanszaak:
            body["statutaireNaam"] = company.naam
        body["totaalWerkzamePersonen"] = werkzaam
        body["handelsnamen"] = _handelsnamen(company.all_handelsnamen)
        body["sbiActiviteiten"] = _sbi(company)
        body["links"] = [{"rel": "self", "href": profile_url}]
        if not company.has_branches:
            body["_embedded"] = {"eigenaar": self._eigenaar(company, base)}
            return _json(request, 200, body, version=PROFIEL_VERSION)
        body["links"].append({"rel": "vestigingen", "href": f"{profile_url}/vestigingen"})
        body["_embedded"] = {
            "hoofdvestiging": self._embedded_vestiging(company, base),
            "eigenaar": self._eigenaar(company, base),
        }
        return _json(request, 200, body, version=PROFIEL_VERSION)

    def _embedded_vestiging(self, company: Company, base: str) -> dict[str, Any]:
        head = company.hoofdvestiging
        profile_url = f"{base}/v1/basisprofielen/{company.kvk_nummer}"
        return {
            "vestigingsnummer": head.vestigingsnummer,
            "kvkNummer": company.kvk_nummer,
            "eersteHandelsnaam": head.eerste_handelsnaam,
            "indHoofdvestiging": "Ja",
            "indCommercieleVestiging": _ja_nee(head.commercieel),
            "totaalWerkzamePersonen": head.werkzame_personen,
            "adressen": _profile_addresses(head),
            "links": [
                {"rel": "self", "href": f"{profile_url}/hoofdvestiging"},
                {
                    "rel": "vestigingsprofiel",
                    "href": f"{base}/v1/vestigingsprofielen/{head.vestigingsnummer}",
                },
            ],
        }

    def _eigenaar(self, company: Company, base: str) -> dict[str, Any]:
        profile_url = f"{base}/v1/basisprofielen/{company.kvk_nummer}"
        body: dict[str, Any] = {}
        if company.rsin is not None:
            body["rsin"] = company.rsin
        body["rechtsvorm"] = company.rechtsvorm
        body["uitgebreideRechtsvorm"] = company.uitgebreide_rechtsvorm or company.rechtsvorm
        if not company.has_branches:
            body["adressen"] = _profile_addresses(company)
        body["links"] = [{"rel": "self", "href": f"{profile_url}/eigenaar"}]
        return body

    def _vestigingen(self, company: Company, base: str) -> dict[str, Any]:
        profile_url = f"{base}/v1/basisprofielen/{company.kvk_nummer}"
        ordered = [company.hoofdvestiging,
                   *(v for v in company.vestigingen if not v.hoofdvestiging)]
        items: list[dict[str, Any]] = []
        for vestiging in ordered:
            item: dict[str, Any] = {
                "vestigingsnummer": vestiging.vestigingsnummer,
                "kvkNummer": company.kvk_nummer,
                "eersteHandelsnaam": vestiging.eerste_handelsnaam,
                "indHoofdvestiging": _ja_nee(vestiging.hoofdvestiging),
                "indAdresAfgeschermd": _ja_nee(vestiging.shielded),
                "indCommercieleVestiging": _ja_nee(vestiging.commercieel),
            }
            if vestiging.bezoekadres is not None:
                if not vestiging.bezoekadres.afgeschermd:
                    item["volledigAdres"] = volledig_adres(vestiging.bezoekadres)
            elif vestiging.postadres is not None:
                item["volledigAdres"] = volledig_adres(vestiging.postadres)
            item["links"] = [
                {
                    "rel": "vestigingsprofiel",
                    "href": f"{base}/v1/vestigingsprofielen/{vestiging.vestigingsnummer}",
                }
            ]
            items.append(item)
        commercial = sum(1 for v in company.vestigingen if v.commercieel)
        return {
            "kvkNummer": company.kvk_nummer,
            "aantalCommercieleVestigingen": commercial,
            "aantalNietCommercieleVestigingen": len(company.vestigingen) - commercial,
            "totaalAantalVestigingen": len(company.vestigingen),
            "vestigingen": items,
            "links": [
                {"rel": "self", "href": f"{profile_url}/vestigingen"},
                {"rel": "basisprofiel", "href": profile_url},
            ],
        }

    # -- Vestigingsprofiel v1 --------------------------------------------------------

    def _vestigingsprofiel(self, request: httpx.Request, base: str, vnr: str) -> httpx.Response:
        if not VESTIGINGSNUMMER_RE.match(vnr):
            raise _BadRequest("IPD0006")
        found = self.register.vestiging(vnr)
        if found is None:
            return _fout(request, 404, "IPD0007", " " + vnr)
        company, vestiging = found
        body: dict[str, Any] = {
            "vestigingsnummer": vestiging.vestigingsnummer,
            "kvkNummer": company.kvk_nummer,
        }
        if company.rsin is not None:
            body["rsin"] = company.rsin
        body["indNonMailing"] = "Ja"
        body["formeleRegistratiedatum"] = company.formele_registratiedatum
        body["materieleRegistratie"] = _materiele_registratie(company)
        if not company.is_eenmanszaak:
            body["statutaireNaam"] = company.naam
        body["eersteHandelsnaam"] = vestiging.eerste_handelsnaam
        body["indHoofdvestiging"] = _ja_nee(vestiging.hoofdvestiging)
        body["indCommercieleVestiging"] = _ja_nee(vestiging.commercieel)
        body["voltijdWerkzamePersonen"] = vestiging.werkzame_personen
        body["totaalWerkzamePersonen"] = vestiging.werkzame_personen
        body["deeltijdWerkzamePersonen"] = 0
        body["handelsnamen"] = _handelsnamen(vestiging.handelsnamen)
        body["adressen"] = _profile_addresses(vestiging)
        body["sbiActiviteiten"] = _sbi(company)
        body["links"] = [
            {"rel": "self", "href": f"{base}/v1/vestigingsprofielen/{vnr}"},
            {"rel": "basisprofiel", "href": f"{base}/v1/basisprofielen/{company.kvk_nummer}"},
        ]
        return _json(request, 200, body, version=PROFIEL_VERSION)


# -- in-process transport --------------------------------------------------------------


class _InProcessTransport(httpx.MockTransport):
    """``httpx.MockTransport`` with the plan's latency (``asyncio.sleep`` when async)."""

    def __init__(self, mock: MockHandelsregister) -> None:
        super().__init__(self._handle_sync)
        self.mock = mock

    def _handle_sync(self, request: httpx.Request) -> httpx.Response:
        if self.mock.faults.latency > 0:
            time.sleep(self.mock.faults.latency)
        return self.mock.handle(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self.mock.faults.latency > 0:
            await asyncio.sleep(self.mock.faults.latency)
        return self.mock.handle(request)


# -- helpers ------------------------------------------------------------------------


def _json(
    request: httpx.Request,
    status: int,
    body: Any,
    *,
    content_type: str = HAL_JSON,
    version: str | None = None,
    extra_headers: dict[str, str] | None = None,
) -> httpx.Response:
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": content_type, "Cache-Control": "no-store"}
    if version is not None:
        headers["API-Version"] = version
    if extra_headers:
        headers.update(extra_headers)
    return httpx.Response(status, headers=headers, content=content, request=request)


def _error(
    request: httpx.Request,
    status: int,
    code: str,
    omschrijving: str,
    extra_headers: dict[str, str] | None = None,
) -> httpx.Response:
    body = {"fout": [{"code": code, "omschrijving": omschrijving}]}
    return _json(request, status, body, content_type=PLAIN_JSON, extra_headers=extra_headers)


def _fout(request: httpx.Request, status: int, code: str, argument: str = "") -> httpx.Response:
    return _error(request, status, code, OMSCHRIJVING[code].format(argument))


def _too_many(request: httpx.Request, retry_after: int) -> httpx.Response:
    return _error(request, 429, TOO_MANY_CODE, TOO_MANY_TEXT,
                  extra_headers={"Retry-After": str(retry_after)})


def _parse_int(name: str, raw: str, low: int, high: int) -> int:
    if not re.fullmatch(r"[0-9]{1,6}", raw):
        raise _BadRequest("IPD1999", " " + name)
    value = int(raw)
    if not low <= value <= high:
        raise _BadRequest("IPD1999", " " + name)
    return value


def _parse_zoeken(params: httpx.QueryParams) -> _Query:
    """Validate Zoeken v2 parameters like the real API (names case-insensitive).

    Unknown parameters are ignored. Combination rules from the API spec: postcode
    only with huisnummer or postbusnummer, huisnummer and postbusnummer only with
    postcode, huisletter only with huisnummer.
    """
    query = _Query()
    values: dict[str, str] = {}
    types: list[str] = []
    for raw_name, raw_value in params.multi_items():
        name = _CANONICAL.get(raw_name.lower())
        value = raw_value.strip()
        if name is None or value == "":
            continue
        if name == "type":
            types.extend(part.strip() for part in value.split(",") if part.strip())
            query.link_params.append(("type", value))
            continue
        values[name] = value
        if name not in ("pagina", "resultatenPerPagina"):
            query.link_params.append((name.lower(), value))

    if "kvkNummer" in values and not KVK_NUMBER_RE.match(values["kvkNummer"]):
        raise _BadRequest("IPD0004")
    if "rsin" in values and not RSIN_RE.match(values["rsin"]):
        raise _BadRequest("IPD0010")
    if "vestigingsnummer" in values and not VESTIGINGSNUMMER_RE.match(values["vestigingsnummer"]):
        raise _BadRequest("IPD0006")
    if "postcode" in values:
        values["postcode"] = normalise_postcode(values["postcode"])
        if not re.fullmatch(r"[0-9]{4}[A-Z]{2}", values["postcode"]):
            raise _BadRequest("IPD1999", " postcode")
    for number in ("huisnummer", "postbusnummer"):
        if number in values and not re.fullmatch(r"[0-9]{1,5}", values[number]):
            raise _BadRequest("IPD1999", " " + number)
    if "huisletter" in values and not re.fullmatch(r"[A-Za-z]", values["huisletter"]):
        raise _BadRequest("IPD1999", " huisletter")
    for kind in types:
        if kind not in _TYPES:
            raise _BadRequest("IPD5203")
    if "inclusiefInactieveRegistraties" in values:
        flag = values["inclusiefInactieveRegistraties"].lower()
        if flag not in ("true", "false"):
            raise _BadRequest("IPD1999", " inclusiefInactieveRegistraties")
        query.inclusief_inactief = flag == "true"
    if "pagina" in values:
        query.pagina = _parse_int("pagina", values["pagina"], 1, MAX_PAGE)
    if "resultatenPerPagina" in values:
        query.per_pagina = _parse_int(
            "resultatenPerPagina", values["resultatenPerPagina"], 1, MAX_PER_PAGE
        )

    if "postcode" in values and not ({"huisnummer", "postbusnummer"} & values.keys()):
        raise _BadRequest("IPD1999", " postcode")
    for dependent in ("huisnummer", "postbusnummer"):
        if dependent in values and "postcode" not in values:
            raise _BadRequest("IPD1999", " " + dependent)
    if "huisletter" in values and "huisnummer" not in values:
        raise _BadRequest("IPD1999", " huisletter")

    query.criteria = {name: values[name] for name in _CRITERIA if name in values}
    if not query.criteria:
        raise _BadRequest("IPD1998")
    query.types = tuple(types)
    return query


def _address_matches(address: RegisterAddress, criteria: dict[str, str]) -> bool:
    if "straatnaam" in criteria and (
        address.straatnaam is None or fold(address.straatnaam) != fold(criteria["straatnaam"])
    ):
        return False
    if "plaats" in criteria and fold(address.plaats) != fold(criteria["plaats"]):
        return False
    if "postcode" in criteria and address.postcode != criteria["postcode"]:
        return False
    if "huisnummer" in criteria and address.huisnummer != int(criteria["huisnummer"]):
        return False
    if "huisletter" in criteria and (
        address.huisletter is None
        or address.huisletter.casefold() != criteria["huisletter"].casefold()
    ):
        return False
    return not (
        "postbusnummer" in criteria and address.postbusnummer != int(criteria["postbusnummer"])
    )


def _address_match(
    vestiging: Vestiging | Company, criteria: dict[str, str]
) -> tuple[str, RegisterAddress] | None:
    """The address an address search finds: a shielded bezoekadres is never found."""
    visit = vestiging.bezoekadres
    if visit is not None and not visit.afgeschermd and _address_matches(visit, criteria):
        return ("bezoekadres", visit)
    if vestiging.postadres is not None and _address_matches(vestiging.postadres, criteria):
        return ("postadres", vestiging.postadres)
    return None


def _default_address(vestiging: Vestiging | Company) -> tuple[str, RegisterAddress] | None:
    """The address a search result shows: the public bezoekadres, else the postadres."""
    visit = vestiging.bezoekadres
    if visit is not None and not visit.afgeschermd:
        return ("bezoekadres", visit)
    if vestiging.postadres is not None:
        return ("postadres", vestiging.postadres)
    return None


def _search_address(
    kind: str, address: RegisterAddress, criteria: dict[str, str]
) -> dict[str, Any]:
    """``binnenlandsAdres`` of a search result: postcode etc. only when searched on."""
    out: dict[str, Any] = {"type": kind}
    if address.straatnaam is not None:
        out["straatnaam"] = address.straatnaam
    if "huisnummer" in criteria and address.huisnummer is not None:
        out["huisnummer"] = address.huisnummer
    if "huisletter" in criteria and address.huisletter is not None:
        out["huisletter"] = address.huisletter
    if "postbusnummer" in criteria and address.postbusnummer is not None:
        out["postbusnummer"] = address.postbusnummer
    if "postcode" in criteria:
        out["postcode"] = address.postcode
    out["plaats"] = address.plaats
    return out


def _profile_address(kind: str, address: RegisterAddress) -> dict[str, Any]:
    if kind == "bezoekadres" and address.afgeschermd:
        return {"type": "bezoekadres", "indAfgeschermd": "Ja"}
    out: dict[str, Any] = {
        "type": kind,
        "indAfgeschermd": "Nee",
        "volledigAdres": volledig_adres(address),
    }
    if address.is_postbus:
        out["straatnaam"] = "Postbus"
        out["postcode"] = address.postcode
        out["postbusnummer"] = address.postbusnummer
    else:
        out["straatnaam"] = address.straatnaam
        out["huisnummer"] = address.huisnummer
        if address.huisletter:
            out["huisletter"] = address.huisletter
        if address.huisnummer_toevoeging:
            out["huisnummerToevoeging"] = address.huisnummer_toevoeging
        out["postcode"] = address.postcode
    out["plaats"] = address.plaats
    out["land"] = address.land
    return out


def _profile_addresses(vestiging: Vestiging | Company) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if vestiging.postadres is not None:
        out.append(_profile_address("correspondentieadres", vestiging.postadres))
    if vestiging.bezoekadres is not None:
        out.append(_profile_address("bezoekadres", vestiging.bezoekadres))
    return out


def _handelsnamen(names: Iterable[str]) -> list[dict[str, Any]]:
    return [{"naam": name, "volgorde": index} for index, name in enumerate(names)]


def _sbi(company: Company) -> list[dict[str, str]]:
    return [
        {
            "sbiCode": activity.sbi_code,
            "sbiOmschrijving": activity.sbi_omschrijving,
            "indHoofdactiviteit": _ja_nee(index == 0),
        }
        for index, activity in enumerate(company.sbi_activiteiten)
    ]


def _materiele_registratie(company: Company) -> dict[str, str]:
    out = {"datumAanvang": company.datum_aanvang or company.formele_registratiedatum}
    if company.datum_einde is not None:
        out["datumEinde"] = company.datum_einde
    return out
