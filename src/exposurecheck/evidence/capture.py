"""Capture one URL's HTTP exchanges exactly as served, and write them as a WARC file.

The audit's Fetcher does not fit: it decodes text, drops other content types
and keeps no headers, where evidence needs the raw bytes and every header of
every hop. Its policy (FetchPolicy) and URL normalisation are reused.

Unlike the audit's Fetcher this does not obey robots.txt: it fetches only the
URLs the official names, once, as a browser would when they open the page, and
a hostile site must not be able to refuse its own capture. Everything else of
the fetch policy holds: User-Agent, timeout, redirect limit and the size cap (a
body cut at the cap is marked ``WARC-Truncated: length``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from exposurecheck import __version__
from exposurecheck.httpclient import open_client
from exposurecheck.web.fetch import FetchPolicy, normalise_url

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# The body is stored de-chunked, so a chunked framing header would misdescribe it.
_FRAMING = frozenset({"transfer-encoding"})


@dataclass(frozen=True)
class Exchange:
    """One request and its response, bytes as they went over the wire (minus chunking)."""

    url: str
    at: datetime
    request_headers: list[tuple[str, str]]
    http_version: str
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes
    truncated: bool


@dataclass(frozen=True)
class Capture:
    url: str
    exchanges: list[Exchange] = field(default_factory=list)
    problem: str | None = None  # for people; never holds the URL

    @property
    def final_url(self) -> str | None:
        return self.exchanges[-1].url if self.exchanges else None

    @property
    def status(self) -> int | None:
        return self.exchanges[-1].status if self.exchanges else None


async def capture_all(urls: list[str], policy: FetchPolicy,
                      transport: httpx.AsyncBaseTransport | None = None) -> list[Capture]:
    """Capture each URL in turn, through one client; never raises for network problems."""
    headers = {"User-Agent": policy.user_agent, "Accept": "*/*",
               "Accept-Encoding": "identity"}
    async with open_client(headers=headers, timeout=policy.timeout,
                           transport=transport) as client:
        return [await _capture(client, url, policy) for url in urls]


async def _capture(client: httpx.AsyncClient, url: str, policy: FetchPolicy) -> Capture:
    """``url`` and every redirect hop."""
    target = normalise_url(url)
    if target is None:
        return Capture(url, problem="not an http(s) URL")
    exchanges: list[Exchange] = []
    while True:
        try:
            exchange = await _exchange(client, target, policy.max_bytes)
        except httpx.TimeoutException:
            return Capture(url, exchanges, "timed out")
        except httpx.HTTPError as exc:
            return Capture(url, exchanges, f"failed ({type(exc).__name__})")
        exchanges.append(exchange)
        location = dict((k.lower(), v) for k, v in exchange.response_headers).get("location")
        if exchange.status not in _REDIRECTS or not location:
            return Capture(url, exchanges)
        hop = normalise_url(location, base=target)
        if hop is None:
            return Capture(url, exchanges, "redirect to a non-http(s) URL")
        if len(exchanges) > policy.max_redirects:
            return Capture(url, exchanges, f"more than {policy.max_redirects} redirects")
        target = hop


async def _exchange(client: httpx.AsyncClient, url: str, max_bytes: int) -> Exchange:
    request = client.build_request("GET", url)
    at = datetime.now(UTC)
    response = await client.send(request, stream=True)
    try:
        body = bytearray()
        try:
            async for chunk in response.aiter_raw():  # as served: no content decoding
                body += chunk
                if len(body) > max_bytes:
                    break
        except httpx.StreamConsumed:  # an in-process transport that read the body already
            body = bytearray(response.content)
        truncated = len(body) > max_bytes
        del body[max_bytes:]
    finally:
        await response.aclose()
    return Exchange(
        url=url, at=at,
        request_headers=[(k.decode("latin-1"), v.decode("latin-1"))
                         for k, v in request.headers.raw],
        http_version=response.http_version, status=response.status_code,
        reason=response.reason_phrase,
        response_headers=[(k.decode("latin-1"), v.decode("latin-1"))
                          for k, v in response.headers.raw],
        body=bytes(body), truncated=truncated)


def write_warc(path: Path, exchanges: list[Exchange]) -> None:
    """A gzipped WARC/1.1 file: a warcinfo record, then request and response per hop."""
    with path.open("xb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(
            path.name, {"software": f"exposurecheck/{__version__}", "format": "WARC/1.1"}))
        for exchange in exchanges:
            when = exchange.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            parsed = httpx.URL(exchange.url)
            target = parsed.raw_path.decode("ascii")
            request = writer.create_warc_record(
                exchange.url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1",
                                              exchange.request_headers, is_http_request=True),
                warc_headers_dict={"WARC-Date": when})
            response_headers = [(k, v) for k, v in exchange.response_headers
                                if k.lower() not in _FRAMING]
            extra = {"WARC-Date": when, "WARC-Concurrent-To":
                     request.rec_headers.get_header("WARC-Record-ID")}
            if exchange.truncated:
                extra["WARC-Truncated"] = "length"
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.body),
                length=None,
                http_headers=StatusAndHeaders(
                    f"{exchange.status} {exchange.reason}", response_headers,
                    protocol=exchange.http_version),
                warc_headers_dict=extra)
            writer.write_record(response)
            writer.write_record(request)
