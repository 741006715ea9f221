"""The one way this tool opens an HTTP client, for the KVK API, web pages and evidence.

httpx never follows a redirect here: a header such as KVK's ``apikey`` would travel
along to whatever host the redirect names, so each caller follows redirects by hand
(web) or not at all (KVK). Each phase of a request has the same timeout, and
httpx's own log line never carries a query string, which may hold a name.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from types import TracebackType
from typing import Self

import httpx

from exposurecheck.logs import redact_http_logs


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
