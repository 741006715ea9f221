"""The one way this tool opens an HTTP client, for the KVK API, web pages and evidence.

httpx never follows a redirect here: a header such as KVK's ``apikey`` would travel
along to whatever host the redirect names, so each caller follows redirects by hand
(web) or not at all (KVK). Each phase of a request has the same timeout, and
httpx's own log line never carries a query string, which may hold a name.
The API clients (KVK, ORI) retry; :class:`RetryingClient` holds what their retries share.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from exposurecheck.logs import redact_http_logs
from exposurecheck.ratelimit import RateLimiter, pace, retry_delay


def open_client(*, headers: Mapping[str, str], timeout: float,
                transport: httpx.AsyncBaseTransport | None = None,
                verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    redact_http_logs()
    return httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(timeout),
                             headers=dict(headers), follow_redirects=False, verify=verify)


class HttpClient:
    """Owns one client from :func:`open_client` and closes it on leaving ``async with``."""

    def __init__(self, *, headers: Mapping[str, str], timeout: float,
                 transport: httpx.AsyncBaseTransport | None = None,
                 verify: ssl.SSLContext | bool = True) -> None:
        self._http = open_client(headers=headers, timeout=timeout, transport=transport,
                                 verify=verify)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()


@dataclass(frozen=True)
class Unanswered:
    """A request that got no HTTP answer: why (safe to show: no URL), and whether it timed out."""

    reason: str
    timeout: bool = False


class RetryingClient(HttpClient):
    """An HttpClient whose caller retries: the retry settings, the wait before a retry, and
    one attempt. ``retries`` is the number of retries after the first attempt."""

    def __init__(self, *, headers: Mapping[str, str], timeout: float, retries: int,
                 backoff: float, max_retry_after: float, limiter: RateLimiter | None,
                 sleep: Callable[[float], Awaitable[None]], jitter: float = 0.1,
                 transport: httpx.AsyncBaseTransport | None = None,
                 verify: ssl.SSLContext | bool = True) -> None:
        self.requests_made = 0  # requests sent, retries included
        self._timeout = timeout
        self._retries = retries
        self._backoff = backoff
        self._max_retry_after = max_retry_after
        self._jitter = jitter
        self._limiter = limiter
        self._sleep = sleep
        super().__init__(headers=headers, timeout=timeout, transport=transport, verify=verify)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        return retry_delay(attempt, retry_after, backoff=self._backoff,
                           ceiling=self._max_retry_after, jitter=self._jitter)

    async def _attempt(self, send: Callable[[], Awaitable[httpx.Response]]
                       ) -> httpx.Response | Unanswered:
        """`send` once, paced by the limiter and bounded by a deadline of 3 x ``timeout`` on
        top of httpx's per-phase timeout, so a server trickling bytes cannot hold it open."""
        try:
            async with pace(self._limiter):
                self.requests_made += 1
                async with asyncio.timeout(self._timeout * 3):
                    return await send()
        except (httpx.TimeoutException, TimeoutError):
            return Unanswered("timeout", timeout=True)
        except httpx.TransportError as exc:
            return Unanswered(f"transport error ({type(exc).__name__})")
