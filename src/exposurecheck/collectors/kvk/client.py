"""Async client for the KVK Handelsregister APIs (Zoeken v2, Basisprofiel v1,
Vestigingsprofiel v1).

Privacy rules kept here:

* Exception messages and log lines carry the endpoint path only, never the
  query string (which holds names and addresses of the people being audited),
  and never KVK's ``omschrijving`` text (kept on the exception as an attribute).
* httpx's own INFO request log line would print the full URL; a filter on the
  ``httpx`` logger strips the query string from it.
* Redirects are not followed: the ``apikey`` header would travel along.
* Search paging increments ``pagina`` itself instead of following ``_links.next``
  hrefs, which could point at another host.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from exposurecheck import __version__
from exposurecheck.collectors.kvk.api import (
    CompanyProfile,
    Establishment,
    EstablishmentList,
    EstablishmentSummary,
    SearchPage,
    SearchResult,
)
from exposurecheck.httpclient import RetryingClient, Unanswered
from exposurecheck.ratelimit import RateLimiter, retry_after_seconds

__all__ = ["DEFAULT_BASE_URL", "KVK_PUBLISHED_RATE", "MAX_SEARCH_RESULTS", "RESULTS_PER_PAGE",
           "TEST_BASE_URL", "KvkAuthError", "KvkBadRequest", "KvkBudgetExhausted", "KvkClient",
           "KvkError", "KvkEstimateOnly", "KvkIncompleteSearch", "KvkNotFound", "KvkResponseError",
           "KvkUnavailable"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://api.kvk.nl/api"
TEST_BASE_URL: Final = "https://api.kvk.nl/test/api"
KVK_PUBLISHED_RATE: Final = 100.0  # requests per second (developers.kvk.nl, FAQ)
RESULTS_PER_PAGE: Final = 100  # API maximum for resultatenPerPagina
MAX_SEARCH_RESULTS: Final = 1000  # Zoeken never serves more than this
NO_RESULTS_CODE: Final = "IPD5200"

_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# "temporarily unavailable" codes: retried whatever the HTTP status.
_RETRY_CODES: Final = frozenset({"IPD1002", "IPD1003"})

_KVK_NUMMER = re.compile(r"[0-9]{8}")
_VESTIGINGSNUMMER = re.compile(r"[0-9]{12}")
_RSIN = re.compile(r"[0-9]{9}")
_SEARCH_ID_FORMATS: Final = {
    "kvkNummer": (_KVK_NUMMER, "8 digits"),
    "vestigingsnummer": (_VESTIGINGSNUMMER, "12 digits"),
    "rsin": (_RSIN, "9 digits"),
}
_PAGING_PARAMS: Final = frozenset({"pagina", "resultatenPerPagina"})

_M = TypeVar("_M", bound=BaseModel)


# --------------------------------------------------------------------------- errors


class KvkError(Exception):
    """Base error. ``str()`` never contains query values or KVK's free text."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        omschrijving: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.omschrijving = omschrijving
        """KVK's description; may echo request values, so it is kept out of str()."""
        self.path = path


class KvkAuthError(KvkError):
    """401/403: bad or missing API key, or no access to this API. Not retried."""


class KvkBadRequest(KvkError):
    """400, or a parameter rejected locally before any request was sent."""


class KvkNotFound(KvkError):
    """404 on a profile (e.g. IPD0005 "product cannot be delivered")."""


class KvkResponseError(KvkError):
    """A well-formed JSON 200 that does not match the documented shape, or an
    unexpected HTTP status (e.g. a redirect). Not retried."""


class KvkIncompleteSearch(KvkError):
    """A search whose answer cannot be read whole: more results than Zoeken serves, or
    paging that the server did not honour. ``results`` holds what could be read."""

    def __init__(self, message: str, *, results: list[SearchResult], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.results = results


class KvkBudgetExhausted(KvkError):
    """The paid-request budget (``--max-paid-requests``) is spent; nothing was sent."""


class KvkEstimateOnly(KvkError):
    """An estimate run: the paid request was counted, not sent."""


class KvkUnavailable(KvkError):
    """Still failing after all retries (429, 5xx, timeouts, transport errors,
    invalid JSON). ``timeout`` tells whether the last failure was a timeout."""

    def __init__(self, message: str, *, timeout: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.timeout = timeout



# --------------------------------------------------------------------------- helpers


def _check_id(value: str, pattern: re.Pattern[str], label: str, what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise KvkBadRequest(f"invalid {label}: expected {what}")
    return value


MAX_THROTTLED: Final = 20


def _parse_fout(response: httpx.Response) -> tuple[str | None, str | None]:
    """Code and omschrijving of the first ``fout`` entry; (None, None) if absent."""
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, None
    if not isinstance(body, Mapping):
        return None, None
    fout = body.get("fout")
    if isinstance(fout, list) and fout and isinstance(fout[0], Mapping):
        code, text = fout[0].get("code"), fout[0].get("omschrijving")
        return (
            code if isinstance(code, str) else None,
            text if isinstance(text, str) else None,
        )
    return None, None


def _shape_error(path: str, exc: ValidationError) -> KvkResponseError:
    # Locations and error types only: pydantic's own message would quote input values.
    where = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['type']}"
        for e in exc.errors(include_url=False, include_input=False)[:3]
    )
    return KvkResponseError(
        f"KVK {path}: unexpected response shape ({where})", status=200, path=path
    )


def _format_param(value: str | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --------------------------------------------------------------------------- client


class KvkClient(RetryingClient):
    """Async KVK client. One instance can serve many concurrent tasks.

    ``retries`` is the number of retries after the first attempt, so a request is
    sent at most ``retries + 1`` times. Waits are ``backoff * 2**attempt`` plus up
    to ``jitter`` x that, or the server's ``Retry-After``; all capped at
    ``max_retry_after``. Each attempt is bounded by ``httpx.Timeout(timeout)`` per
    phase and by an overall deadline of ``3 * timeout`` (so a server trickling
    bytes cannot hold a request open forever).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 30.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        user_agent: str = f"exposurecheck/{__version__}",
        jitter: float = 0.1,
        verify: ssl.SSLContext | str | bool = True,
        limiter: RateLimiter | None = None,
        max_paid_requests: int | None = None,
        estimate_only: bool = False,
    ) -> None:
        if retries < 0:
            raise ValueError("retries must be >= 0")
        if timeout <= 0:
            raise ValueError("timeout must be > 0")
        self.base_url = base_url.rstrip("/")
        self.paid_requests = 0  # of requests_made (what KVK counts), to the billed endpoints
        self.throttled = 0  # 429 answers received, for benchmarks and progress
        self.planned_paid: set[str] = set()  # estimate runs: the paid requests not sent
        self._max_paid = max_paid_requests
        self._estimate_only = estimate_only
        if isinstance(verify, str):
            verify = ssl.create_default_context(cafile=verify)
        super().__init__(
            headers={"apikey": api_key, "Accept": "application/json", "User-Agent": user_agent},
            timeout=timeout, retries=retries, backoff=backoff, max_retry_after=max_retry_after,
            limiter=limiter, sleep=sleep, jitter=jitter, transport=transport, verify=verify)

    def __repr__(self) -> str:  # keep the API key out of reprs
        return f"KvkClient(base_url={self.base_url!r})"

    # -- endpoints

    async def search(self, **params: str | int) -> list[SearchResult]:
        """``GET /v2/zoeken`` over all pages (at most 1000 results).

        ``pagina``/``resultatenPerPagina`` are managed here and ignored if given.
        No results (404 IPD5200) gives ``[]``.
        """
        query: dict[str, str] = {}
        for key, value in params.items():
            if key in _PAGING_PARAMS:
                continue
            text = _format_param(value)
            if key in _SEARCH_ID_FORMATS:
                pattern, what = _SEARCH_ID_FORMATS[key]
                _check_id(text, pattern, key, what)
            query[key] = text
        if not query:
            raise KvkBadRequest("search needs at least one search parameter")

        path = "/v2/zoeken"
        results: list[SearchResult] = []
        seen: set[tuple[str, str | None, str]] = set()
        pagina = 1
        while True:
            page_query = {
                **query,
                "pagina": str(pagina),
                "resultatenPerPagina": str(RESULTS_PER_PAGE),
            }
            data = await self._get_json(path, params=page_query, no_results_ok=True)
            if data is None:  # IPD5200: no (more) results
                break
            page = self._parse(path, SearchPage, data)
            rows = {(r.kvkNummer, r.vestigingsnummer, r.type) for r in page.resultaten}
            if (page.pagina is not None and page.pagina != pagina) or (
                    pagina > 1 and rows and rows <= seen):
                raise KvkIncompleteSearch(
                    f"KVK {path}: page {pagina} was not served (paging not honoured)",
                    results=results, status=200, path=path)
            seen |= rows
            results.extend(page.resultaten)
            if len(results) >= MAX_SEARCH_RESULTS:
                more = (page.totaal or 0) > MAX_SEARCH_RESULTS or (
                    len(page.resultaten) >= RESULTS_PER_PAGE)
                if more:
                    raise KvkIncompleteSearch(
                        f"KVK {path}: more than {MAX_SEARCH_RESULTS} results, only the first "
                        f"{MAX_SEARCH_RESULTS} can be read; narrow the search",
                        results=results[:MAX_SEARCH_RESULTS], status=200, path=path)
                break
            # `totaal` can be absent or wrong, and a server may serve smaller pages than
            # asked: go on while the count says so or the page came back full.
            full = len(page.resultaten) >= (page.resultatenPerPagina or RESULTS_PER_PAGE)
            if not page.resultaten or (len(results) >= (page.totaal or 0) and not full):
                break
            pagina += 1
        return results

    async def company(self, kvk_nummer: str) -> CompanyProfile:
        """``GET /v1/basisprofielen/{kvkNummer}`` (a paid call)."""
        _check_id(kvk_nummer, _KVK_NUMMER, "kvkNummer", "8 digits")
        path = f"/v1/basisprofielen/{kvk_nummer}"
        return self._parse(path, CompanyProfile, await self._get_json(path))

    async def establishments(self, kvk_nummer: str) -> list[EstablishmentSummary]:
        """``GET /v1/basisprofielen/{kvkNummer}/vestigingen`` (a paid call)."""
        return list((await self.establishment_list(kvk_nummer)).vestigingen)

    async def establishment_list(self, kvk_nummer: str) -> EstablishmentList:
        """Like :meth:`establishments` but with the counts of the response."""
        _check_id(kvk_nummer, _KVK_NUMMER, "kvkNummer", "8 digits")
        path = f"/v1/basisprofielen/{kvk_nummer}/vestigingen"
        return self._parse(path, EstablishmentList, await self._get_json(path))

    async def establishment(self, vestigingsnummer: str) -> Establishment:
        """``GET /v1/vestigingsprofielen/{vestigingsnummer}`` (a paid call)."""
        _check_id(vestigingsnummer, _VESTIGINGSNUMMER, "vestigingsnummer", "12 digits")
        path = f"/v1/vestigingsprofielen/{vestigingsnummer}"
        return self._parse(path, Establishment, await self._get_json(path))

    # -- transport

    def _check_budget(self, path: str, paid: bool) -> None:
        if not paid:
            return
        if self._estimate_only:
            self.planned_paid.add(path)
            raise KvkEstimateOnly(f"KVK {path}: counted, not requested (estimate)", path=path)
        if self._max_paid is not None and self.paid_requests >= self._max_paid:
            raise KvkBudgetExhausted(
                f"KVK {path}: not requested, the budget of {self._max_paid} paid requests "
                "is spent (--max-paid-requests)", path=path)

    @staticmethod
    def _parse(path: str, model: type[_M], data: Any) -> _M:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise _shape_error(path, exc) from None
        except RecursionError:
            raise KvkResponseError(f"KVK {path}: response nested too deeply", status=200,
                                   path=path) from None

    async def _get_json(
        self,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        no_results_ok: bool = False,
    ) -> Any:
        """GET ``base + path``; the decoded JSON body, or None for IPD5200 when
        ``no_results_ok``. Raises a KvkError subclass otherwise."""
        url = self.base_url + path
        paid = not path.startswith("/v2/zoeken")  # Zoeken is free, every profile is billed
        last = _Failure("no attempt made")
        retry_after: float | None = None
        attempt = throttled = 0
        paced = False  # the limiter already holds back the next request

        async def send() -> httpx.Response:
            self.paid_requests += paid
            return await self._http.get(url, params=params)

        while attempt <= self._retries:
            if (attempt or throttled) and not paced:
                delay = self._delay(max(attempt - 1, 0), retry_after)
                log.debug("KVK %s: retry %d in %.2fs (%s)", path, attempt, delay, last.reason)
                await self._sleep(delay)
            retry_after = None
            paced = False
            self._check_budget(path, paid)
            response = await self._attempt(send)
            if isinstance(response, Unanswered):
                last = _Failure(response.reason, timeout=response.timeout)
                attempt += 1
                continue

            status = response.status_code
            log.debug("KVK %s: HTTP %d", path, status)
            if self._limiter is not None and status != 429:
                self._limiter.accepted()
            if status == 200:
                try:
                    return json.loads(response.content)
                except (ValueError, UnicodeDecodeError, RecursionError):
                    last = _Failure("invalid JSON body", status=200)
                    attempt += 1
                    continue

            code, text = _parse_fout(response)
            suffix = f" ({code})" if code else ""
            last = _Failure(f"HTTP {status}{suffix}", status=status, code=code, omschrijving=text)
            info = last.fields(path)

            if status in _RETRY_STATUSES or code in _RETRY_CODES:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                if status == 429:
                    self.throttled += 1
                if status == 429 and throttled < MAX_THROTTLED:
                    # Being paced is not failing: slow every request down, lose none.
                    throttled += 1
                    if self._limiter is not None:
                        self._limiter.throttled(self._delay(0, retry_after))
                        paced = True
                else:
                    attempt += 1
                continue
            if status in (401, 403):
                raise KvkAuthError(f"KVK {path}: HTTP {status}{suffix}: API key rejected", **info)
            if status == 400:
                raise KvkBadRequest(f"KVK {path}: HTTP 400{suffix}: bad request", **info)
            if status == 404:
                if no_results_ok and code == NO_RESULTS_CODE:
                    return None
                raise KvkNotFound(f"KVK {path}: HTTP 404{suffix}: not found", **info)
            raise KvkResponseError(f"KVK {path}: unexpected HTTP {status}{suffix}", **info)

        raise KvkUnavailable(
            f"KVK {path}: unavailable after {self._retries + 1} attempts (last: {last.reason})",
            timeout=last.timeout,
            **last.fields(path),
        )


@dataclass(frozen=True)
class _Failure:
    reason: str
    timeout: bool = False
    status: int | None = None
    code: str | None = None
    omschrijving: str | None = None

    def fields(self, path: str) -> dict[str, Any]:
        return {
            "status": self.status,
            "code": self.code,
            "omschrijving": self.omschrijving,
            "path": path,
        }
