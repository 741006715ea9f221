from __future__ import annotations

import asyncio
import logging

import httpx

from exposurecheck.httpclient import HttpClient


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/moved":
        return httpx.Response(302, headers={"Location": "https://elsewhere.example/"})
    return httpx.Response(200, json={"agent": request.headers["User-Agent"]})


def test_sends_its_headers_follows_no_redirect_and_closes_on_exit() -> None:
    async def main() -> tuple[HttpClient, httpx.Response, httpx.Response]:
        async with HttpClient(headers={"User-Agent": "probe/1"}, timeout=2.5,
                              transport=httpx.MockTransport(handler)) as client:
            moved = await client._http.get("https://example.nl/moved")
            plain = await client._http.get("https://example.nl/")
            assert client._http.timeout == httpx.Timeout(2.5)
        return client, moved, plain

    client, moved, plain = asyncio.run(main())
    assert moved.status_code == 302 and moved.next_request is not None  # left to the caller
    assert plain.json() == {"agent": "probe/1"}
    assert client._http.is_closed


def test_the_httpx_log_line_carries_no_query() -> None:
    async def main() -> None:
        async with HttpClient(headers={}, timeout=1):
            pass

    asyncio.run(main())
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "HTTP Request: GET %s",
                               (httpx.URL("https://example.nl/zoek?naam=Jansen"),), None)
    assert logging.getLogger("httpx").filter(record)
    assert record.getMessage() == "HTTP Request: GET https://example.nl/zoek"
