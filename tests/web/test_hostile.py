"""Hostile pages end as a recorded problem (or a normal page) within the timeout.

Never a hang, never a crash: huge bodies, decompression bombs, deep and
pathological markup, redirect loops and redirects out of http(s), servers that
never answer or trickle, and binary content labelled as HTML.
"""

from __future__ import annotations

import asyncio
import gzip
import math
import random
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest

from exposurecheck.models import Site
from exposurecheck.web.crawl import crawl, links
from exposurecheck.web.fetch import (
    ROBOTS_DISALLOWED,
    FetchedPage,
    Fetcher,
    FetchPolicy,
    FetchResult,
)

from tests.web.test_fetch import (
    FAST,
    Web,
    fetch_all,
    fetch_one,
    fetched,
    http_server,
    page,
    problem,
    redirect,
)

TEN_MB = 10_000_000


# --------------------------------------------------------------------------- raw sockets


@contextmanager
def raw_server(serve: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that runs ``serve`` per connection until the test ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()
    workers: list[threading.Thread] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            worker = threading.Thread(target=serve, args=(conn, stop), daemon=True)
            worker.start()
            workers.append(worker)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        acceptor.join(2)
        for worker in workers:
            worker.join(2)
        listener.close()


def silent(conn: socket.socket, stop: threading.Event) -> None:
    """Accept, read nothing back, never answer."""
    with conn:
        stop.wait()


def trickle(conn: socket.socket, stop: threading.Event) -> None:
    """Answer the headers at once, then one byte of body every 50 ms, forever."""
    with conn:
        conn.recv(65536)
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                         b"Content-Length: 1000000\r\n\r\n")
            while not stop.wait(0.05):
                conn.sendall(b"x")
        except OSError:  # the client gave up: that is the point
            pass


def hang_up(conn: socket.socket, stop: threading.Event) -> None:
    """Read the request and close the connection without a word."""
    with conn:
        conn.recv(65536)


def timed(url: str, policy: FetchPolicy) -> tuple[FetchResult, float]:
    """Fetch ``url`` over the network; a hang fails the test after 5 s instead of hanging it."""
    async def main() -> FetchResult:
        async with Fetcher(policy) as fetcher:
            return await asyncio.wait_for(fetcher.fetch(url), 5)

    started = time.monotonic()
    result = asyncio.run(main())
    return result, time.monotonic() - started


@pytest.mark.parametrize("obey_robots", [True, False])
def test_server_that_never_answers_times_out(obey_robots: bool) -> None:
    with raw_server(silent) as base:
        result, took = timed(f"{base}/p", FetchPolicy(timeout=0.5, obey_robots=obey_robots))
    found = problem(result)
    assert found.kind == "timeout"
    expected = "no complete answer within 0.5 s"
    assert found.reason == (f"robots.txt: {expected}" if obey_robots else expected)
    assert took < 2.0


def test_server_that_trickles_hits_the_total_deadline() -> None:
    with raw_server(trickle) as base:
        result, took = timed(f"{base}/p", FetchPolicy(timeout=0.5, obey_robots=False))
    assert problem(result).kind == "timeout"
    assert took < 2.0


def test_server_that_hangs_up_fails() -> None:
    with raw_server(hang_up) as base:
        result, took = timed(f"{base}/p", FetchPolicy(timeout=0.5, obey_robots=False))
    assert problem(result).reason == "request failed (RemoteProtocolError)"
    assert took < 2.0


def test_closed_port_fails() -> None:
    with socket.create_server(("127.0.0.1", 0)) as held:
        port = held.getsockname()[1]
    result, took = timed(f"http://127.0.0.1:{port}/", FetchPolicy(timeout=0.5))
    assert problem(result).reason == "robots.txt: request failed (ConnectError)"
    assert took < 2.0


# --------------------------------------------------------------------------- big bodies


@dataclass
class Body(httpx.AsyncByteStream):
    """A large body served in chunks, counting how much of it was asked for."""

    total: int
    chunk: int = 65536
    sent: int = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.total:
            self.sent += self.chunk
            yield b"a" * self.chunk


def test_ten_megabytes_announced_are_not_read() -> None:
    body = Body(TEN_MB)
    web = Web({"/groot": lambda request: httpx.Response(
        200, headers={"Content-Type": "text/html", "Content-Length": str(TEN_MB)}, stream=body)})
    result = problem(fetch_one("http://site.example/groot", web.transport()))
    assert (result.kind, result.reason) == ("skipped", "larger than 2000000 bytes")
    assert body.sent == 0


def test_ten_megabytes_unannounced_stop_at_the_cap() -> None:
    body = Body(TEN_MB)
    web = Web({"/groot": lambda request: httpx.Response(
        200, headers={"Content-Type": "text/html"}, stream=body)})
    result = problem(fetch_one("http://site.example/groot", web.transport()))
    assert (result.kind, result.reason) == ("skipped", "larger than 2000000 bytes")
    assert body.sent <= 2_000_000 + body.chunk


def test_ten_megabytes_over_a_real_socket() -> None:
    with http_server(page(b"a" * TEN_MB)) as (base, _):
        started = time.monotonic()
        result = fetch_one(f"{base}/groot", httpx.AsyncHTTPTransport(), FAST)
    assert problem(result).reason == "larger than 2000000 bytes"
    assert time.monotonic() - started < 2.0


@dataclass
class RobotsBody(Body):
    """Rules first, then comments for ever after."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.sent = self.chunk
        yield b"User-agent: *\nDisallow: /geheim\n".ljust(self.chunk, b"#")
        while self.sent < self.total:
            self.sent += self.chunk
            yield b"#" * (self.chunk - 1) + b"\n"


def test_huge_robots_txt_is_cut_and_its_start_obeyed() -> None:
    body = RobotsBody(TEN_MB)
    web = Web({"/robots.txt": lambda request: httpx.Response(
        200, headers={"Content-Type": "text/plain"}, stream=body), "/open": page("open")})
    results, made = fetch_all(["http://site.example/geheim", "http://site.example/open"],
                              web.transport())
    assert problem(results[0]).reason == ROBOTS_DISALLOWED
    assert fetched(results[1]).text == "open"
    assert made == 2
    assert body.sent <= 512 * 1024 + body.chunk


def test_decompression_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"a" * TEN_MB)
    assert len(bomb) < 50_000
    web = Web({"/bom": page(bomb, "text/html", **{"Content-Encoding": "gzip"})})
    result = problem(fetch_one("http://site.example/bom", web.transport()))
    assert result.reason == "larger than 2000000 bytes"


def test_a_page_just_under_the_cap_is_read() -> None:
    policy = FetchPolicy(max_bytes=1000, rate_limit=math.inf)
    web = Web({"/p": page(b"a" * 1000), "/q": page(b"a" * 1001)})
    result = fetch_one("http://site.example/p", web.transport(), policy)
    assert len(fetched(result).text) == 1000
    result = fetch_one("http://site.example/q", web.transport(), policy)
    assert problem(result).reason == "larger than 1000 bytes"


# --------------------------------------------------------------------------- markup


DEEP = "<div>" * 100_000 + '<a href="/diep.html">diep</a>' + "</div>" * 100_000


@pytest.mark.parametrize(("markup", "expected"), [
    (DEEP, ["http://site.example/diep.html"]),
    ("<div>" * 300_000 + '<a href="/open.html">x</a>', ["http://site.example/open.html"]),
    ("<table>" * 100_000 + '<a href="/t.html">x</a>', ["http://site.example/t.html"]),
    # Quadratic for the standard library's html.parser (minutes at this size).
    ("<a " * 300_000, []),
    ("<" * 1_000_000, []),
    ("<!--" + "x" * 1_000_000, []),
    ("<a href='" + "x" * 1_000_000, []),
])
def test_link_extraction_survives_hostile_markup(markup: str, expected: list[str]) -> None:
    hostile = FetchedPage(url="http://site.example/", requested_url="http://site.example/",
                          status=200, content_type="text/html", text=markup, encoding="utf-8")
    started = time.monotonic()
    assert links(hostile) == expected
    assert time.monotonic() - started < 5.0


def test_deeply_nested_page_is_fetched_and_crawled() -> None:
    web = Web({"/": page(DEEP), "/diep.html": page("bodem")})

    async def main() -> list[str]:
        async with Fetcher(FAST, transport=web.transport()) as fetcher:
            result = await crawl(fetcher, Site(url="http://site.example/"))
            assert result.problems == ()
            return [p.url for p in result.pages]

    assert asyncio.run(main()) == ["http://site.example/", "http://site.example/diep.html"]


# --------------------------------------------------------------------------- binary


NOISE = random.Random(7).randbytes(50_000)


@pytest.mark.parametrize(("body", "content_type"), [
    (NOISE, "text/html"),
    (b"\x89PNG\r\n\x1a\n" + NOISE, "text/html; charset=utf-8"),
    (b"%PDF-1.7\n" + NOISE, "text/plain"),
    (bytes(range(0x80, 0x100)) * 200, "text/html; charset=utf-8"),  # no NUL, all undecodable
    (b"<html>" + b"\x00" * 3 + b"</html>", "text/html"),
    (b"\x01\x02\x03\x04\x05\x06" * 1000, "text/html; charset=windows-1252"),
])
def test_binary_labelled_as_text_is_skipped(body: bytes, content_type: str) -> None:
    web = Web({"/p": page(body, content_type)})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    media_type = content_type.partition(";")[0]
    assert (result.kind, result.reason) == ("skipped", f"binary content labelled {media_type}")


def test_a_stray_control_character_is_still_text() -> None:
    web = Web({"/p": page("<p>Gemeente\x0c Voorbeeld\x1b, agenda \x7f</p>" + "tekst " * 100)})
    assert "Gemeente" in fetched(fetch_one("http://site.example/p", web.transport())).text


# --------------------------------------------------------------------------- redirects


@pytest.mark.parametrize(("routes", "reason"), [
    ({"/a": redirect("/a")}, "redirect loop"),
    ({"/a": redirect("/b"), "/b": redirect("http://site.example:80/a#x")}, "redirect loop"),
    ({f"/{i}": redirect(f"/{i + 1}") for i in range(1000)} | {"/a": redirect("/0")},
     "more than 5 redirects"),
    ({"/a": redirect("file:///etc/passwd")}, "redirect to a non-http(s) URL"),
    ({"/a": redirect("/b"), "/b": redirect("ftp://site.example/")},
     "redirect to a non-http(s) URL"),
])
def test_bad_redirects_fail_fast(routes: dict[str, Callable[[httpx.Request], httpx.Response]],
                                 reason: str) -> None:
    web = Web(routes)
    started = time.monotonic()
    result = problem(fetch_one("http://site.example/a", web.transport()))
    assert (result.kind, result.reason) == ("failed", reason)
    assert len(web.requests) <= 1 + 6  # robots.txt and at most max_redirects + 1 hops
    assert time.monotonic() - started < 2.0


def test_redirect_to_file_over_a_real_socket() -> None:
    with http_server(Web({"/p": redirect("file:///etc/passwd")}).handle) as (base, log):
        result = fetch_one(f"{base}/p", httpx.AsyncHTTPTransport(), FAST)
    assert problem(result).reason == "redirect to a non-http(s) URL"
    assert [path for _, path in log] == ["/robots.txt", "/p"]


# --------------------------------------------------------------------------- all at once


def test_a_hostile_site_is_crawled_to_the_end_within_bounds() -> None:
    web = Web({
        "/": page('<a href="/groot">1</a><a href="/lus">2</a><a href="/bestand">3</a>'
                  '<a href="/ruis">4</a><a href="/diep">5</a>'),
        "/groot": page(b"a" * TEN_MB),
        "/lus": redirect("/lus"),
        "/bestand": redirect("file:///etc/passwd"),
        "/ruis": page(NOISE),
        "/diep": page(DEEP),
        "/diep.html": page("bodem"),
    })
    policy = FetchPolicy(rate_limit=math.inf, timeout=2.0)

    async def main() -> tuple[list[str], list[tuple[str, str, str]]]:
        async with Fetcher(policy, transport=web.transport()) as fetcher:
            result = await asyncio.wait_for(crawl(fetcher, Site(url="http://site.example/")), 10)
        return ([p.url for p in result.pages],
                [(p.url.rsplit("/", 1)[1], p.kind, p.reason) for p in result.problems])

    pages, problems = asyncio.run(main())
    assert pages == ["http://site.example/", "http://site.example/diep",
                     "http://site.example/diep.html"]
    assert problems == [
        ("groot", "skipped", "larger than 2000000 bytes"),
        ("lus", "failed", "redirect loop"),
        ("bestand", "failed", "redirect to a non-http(s) URL"),
        ("ruis", "skipped", "binary content labelled text/html"),
    ]
