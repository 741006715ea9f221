"""The shared HTTP layer: limits, robots.txt, redirects, decoding, the disk cache.

Every test runs offline: in-process transports, or a server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import math
import stat
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from exposurecheck.mock.web import FixtureSite
from exposurecheck.web.fetch import (
    OFF_SITE,
    ROBOTS_DISALLOWED,
    FetchedPage,
    Fetcher,
    FetchPolicy,
    FetchProblem,
    FetchResult,
    default_cache_dir,
    normalise_url,
    origin,
)

from tests.support import QuietHandler, serve_locally

SITE = Path(__file__).with_name("site")
FAST = FetchPolicy(rate_limit=math.inf, timeout=5.0)

Handler = Callable[[httpx.Request], httpx.Response]


def page(body: str | bytes, content_type: str = "text/html; charset=utf-8",
         status: int = 200, **headers: str) -> Handler:
    return lambda request: httpx.Response(
        status, headers={"Content-Type": content_type, **headers}, content=body)


def redirect(location: str, status: int = 302) -> Handler:
    return lambda request: httpx.Response(status, headers={"Location": location})


def robots(text: str, content_type: str = "text/plain") -> Handler:
    return page(text, content_type)


@dataclass
class Web:
    """A fake web: routes by full URL or by path; unknown URLs are 404; records requests."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        url = str(request.url.copy_with(query=None))
        route = self.routes.get(url) or self.routes.get(request.url.path)
        if route is None:
            return httpx.Response(404, headers={"Content-Type": "text/html"}, content=b"gone")
        return route(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    @property
    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]

    @property
    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def fetch_all(urls: list[str], transport: httpx.AsyncBaseTransport,
              policy: FetchPolicy = FAST, **kwargs: Any) -> tuple[list[FetchResult], int]:
    """Fetch ``urls`` concurrently with one fetcher; the results and requests_made."""
    async def main() -> tuple[list[FetchResult], int]:
        async with Fetcher(policy, transport=transport, **kwargs) as fetcher:
            results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
            return list(results), fetcher.requests_made

    return asyncio.run(main())


def fetch_one(url: str, transport: httpx.AsyncBaseTransport,
              policy: FetchPolicy = FAST) -> FetchResult:
    return fetch_all([url], transport, policy)[0][0]


def fetched(result: FetchResult) -> FetchedPage:
    assert isinstance(result, FetchedPage), result
    return result


def problem(result: FetchResult) -> FetchProblem:
    assert isinstance(result, FetchProblem), result
    return result


# --------------------------------------------------------------------------- a real server


@contextmanager
def http_server(app: Handler) -> Iterator[tuple[str, list[tuple[float, str]]]]:
    """Serve ``app`` on 127.0.0.1; yields the base URL and (monotonic time, path) per request."""
    log: list[tuple[float, str]] = []
    lock = threading.Lock()

    class _Handler(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with lock:
                log.append((time.monotonic(), self.path))
            response = app(httpx.Request("GET", f"http://127.0.0.1{self.path}"))
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

    server, stop = serve_locally(_Handler)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        stop()


# --------------------------------------------------------------------------- pages


def test_fetches_and_decodes_a_page() -> None:
    result = fetched(fetch_one("http://site.example/over.html", FixtureSite(SITE).transport()))
    assert result.url == result.requested_url == "http://site.example/over.html"
    assert (result.status, result.content_type, result.encoding) == (200, "text/html", "utf-8")
    assert "Het college van Gemeente Voorbeeld." in result.text


def test_windows_1252_page_from_the_fixture_site() -> None:
    result = fetched(fetch_one("http://site.example/cafe.cp1252.html",
                               FixtureSite(SITE).transport()))
    assert result.encoding == "cp1252"
    assert "Café De Brug € 5,00 “koffie”" in result.text


CP1252 = "Café € “x”".encode("cp1252")


@pytest.mark.parametrize(("body", "content_type", "text", "encoding"), [
    (CP1252, "text/html; charset=windows-1252", "Café € “x”", "cp1252"),
    # The WHATWG label mapping: latin-1 and ascii are read as windows-1252.
    (CP1252, "text/html; charset=ISO-8859-1", "Café € “x”", "cp1252"),
    (CP1252, "text/html; charset=us-ascii", "Café € “x”", "cp1252"),
    (b'<meta charset="windows-1252">' + CP1252, "text/html", "Café € “x”", "cp1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">\xa4',
     "text/html", "€", "iso8859-15"),
    ("Café € “x”".encode(), "text/html", "Café € “x”", "utf-8"),
    (CP1252, "text/html", "Café € “x”", "cp1252"),  # not UTF-8: windows-1252
    # A byte-order mark beats the header; the header beats <meta>.
    (b"\xef\xbb\xbf" + "Café".encode(), "text/html; charset=windows-1252", "Café", "utf-8"),
    ('<meta charset="windows-1252">Café'.encode(), "text/html; charset=utf-8", "Café", "utf-8"),
    ("Café".encode("utf-16"), "text/html", "Café", "utf-16-le"),
    # Unknown or non-text charsets are ignored.
    ("Café".encode(), "text/html; charset=bogus", "Café", "utf-8"),
    ("Café".encode(), "text/html; charset=base64", "Café", "utf-8"),
    # <meta> counts in the first 4 KB only, and never in plain text.
    (b" " * 5000 + b'<meta charset="iso-8859-15">\xa4', "text/html", "¤", "cp1252"),
    (b'<meta charset="iso-8859-15">\xa4', "text/plain", "¤", "cp1252"),
])
def test_character_sets(body: bytes, content_type: str, text: str, encoding: str) -> None:
    web = Web({"/p": page(body, content_type)})
    result = fetched(fetch_one("http://site.example/p", web.transport()))
    assert text in result.text
    assert result.encoding == encoding


@pytest.mark.parametrize(("content_type", "kind"), [
    ("text/html; charset=utf-8", "text/html"),
    ("TEXT/HTML", "text/html"),
    ("application/xhtml+xml", "text/html"),
    ("text/plain; charset=utf-8", "text/plain"),
])
def test_readable_content_types(content_type: str, kind: str) -> None:
    web = Web({"/p": page("hallo", content_type)})
    assert fetched(fetch_one("http://site.example/p", web.transport())).content_type == kind


@pytest.mark.parametrize(("content_type", "media_type"), [
    ("image/png", "image/png"),
    ("application/json; charset=utf-8", "application/json"),
    ("application/zip", "application/zip"),
    ("", "(none)"),
    ("application/octet-stream", "application/octet-stream"),
])
def test_other_content_types_are_not_read(content_type: str, media_type: str) -> None:
    web = Web({"/p": page(b"\x89PNG\r\n\x1a\n...", content_type)})
    result = problem(fetch_one("http://site.example/p?x=1", web.transport()))
    assert (result.url, result.kind, result.reason, result.media_type) == (
        "http://site.example/p?x=1", "not_read", f"content type {media_type} is not read",
        media_type)


@pytest.mark.parametrize("status", [400, 403, 404, 410, 500, 503])
def test_http_errors_fail(status: int) -> None:
    web = Web({"/p": page("fout", status=status)})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert (result.kind, result.reason) == ("failed", f"HTTP {status}")


def test_transport_errors_fail_without_the_url_in_the_reason() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused to site.example", request=request)

    result = problem(fetch_one("http://site.example/p?naam=x",
                               httpx.MockTransport(refuse), FetchPolicy(obey_robots=False)))
    assert (result.kind, result.reason) == ("failed", "request failed (ConnectError)")
    assert result.url == "http://site.example/p?naam=x"


@pytest.mark.parametrize("url", ["mailto:info@example.nl", "ftp://site.example/x",
                                 "file:///etc/passwd", "geen url", "http://", ""])
def test_non_http_urls_fail_without_a_request(url: str) -> None:
    web = Web()
    results, made = fetch_all([url], web.transport())
    assert problem(results[0]) == FetchProblem(url, "failed", "not an http(s) URL")
    assert made == 0
    assert web.requests == []


def test_sends_the_user_agent_everywhere() -> None:
    web = Web({"/robots.txt": robots(""), "/p": page("x")})
    fetch_one("http://site.example/p", web.transport(), FetchPolicy(user_agent="test-agent/1"))
    assert [r.headers["User-Agent"] for r in web.requests] == ["test-agent/1"] * 2
    assert FetchPolicy().user_agent.startswith("exposurecheck/")


# --------------------------------------------------------------------------- redirects


def test_follows_redirects() -> None:
    web = Web({"/oud": redirect("nieuw", 301), "/nieuw": redirect("/eind#x", 308),
               "/eind": page("eind")})
    result = fetched(fetch_one("http://site.example/oud", web.transport()))
    assert result.url == "http://site.example/eind"
    assert result.requested_url == "http://site.example/oud"
    assert web.paths == ["/robots.txt", "/oud", "/nieuw", "/eind"]


def test_redirect_limit() -> None:
    web = Web({f"/{i}": redirect(f"/{i + 1}") for i in range(10)})
    web.routes["/5"] = page("na vijf")
    assert fetched(fetch_one("http://site.example/0", web.transport())).text == "na vijf"
    web.routes["/5"] = redirect("/6")
    result = problem(fetch_one("http://site.example/0", web.transport()))
    assert (result.kind, result.reason) == ("failed", "more than 5 redirects")
    assert result.url == "http://site.example/0"


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://site.example/x",
                                      "javascript:alert(1)", "data:text/html,hoi",
                                      "mailto:info@example.nl"])
def test_redirect_to_another_scheme_fails(location: str) -> None:
    web = Web({"/p": redirect(location)})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert (result.kind, result.reason) == ("failed", "redirect to a non-http(s) URL")


def test_redirect_to_a_malformed_url_fails() -> None:
    web = Web({"/p": redirect("http://[::1")})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert (result.kind, result.reason) == ("failed", "request failed (RemoteProtocolError)")


def test_redirect_without_location_fails() -> None:
    web = Web({"/p": lambda request: httpx.Response(302)})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert result.reason == "HTTP 302"


def test_redirect_to_another_origin_can_be_refused() -> None:
    web = Web({"http://site.example/p": redirect("http://elders.example/q"),
               "http://site.example/r": redirect("/s"), "/s": page("s")})

    async def main() -> list[FetchResult]:
        async with Fetcher(FAST, transport=web.transport()) as fetcher:
            scope = {origin("http://site.example/")}
            return [await fetcher.fetch("http://site.example/p", origins=scope),
                    await fetcher.fetch("http://site.example/r", origins=scope)]

    off, on = asyncio.run(main())
    assert (problem(off).kind, problem(off).reason) == ("skipped", OFF_SITE)
    assert fetched(on).url == "http://site.example/s"
    assert not any("elders.example" in url for url in web.urls)


def test_each_redirect_hop_obeys_robots_of_its_own_host() -> None:
    web = Web({"http://site.example/p": redirect("http://elders.example/geheim"),
               "http://elders.example/robots.txt": robots("User-agent: *\nDisallow: /geheim")})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert (result.kind, result.reason) == ("skipped", ROBOTS_DISALLOWED)
    assert "http://elders.example/geheim" not in web.urls


# --------------------------------------------------------------------------- robots.txt


def test_robots_disallow_skips_without_a_request() -> None:
    web = Web({"/robots.txt": robots("User-agent: *\nDisallow: /private/\n"),
               "/private/x.html": page("geheim"), "/open.html": page("open")})
    results, made = fetch_all(["http://site.example/private/x.html",
                               "http://site.example/open.html"], web.transport())
    assert problem(results[0]) == FetchProblem("http://site.example/private/x.html", "skipped",
                                               ROBOTS_DISALLOWED)
    assert fetched(results[1]).text == "open"
    assert sorted(web.paths) == ["/open.html", "/robots.txt"]
    assert made == 2


@pytest.mark.parametrize(("rules", "path", "allowed"), [
    # Our own group replaces the * group.
    ("User-agent: *\nDisallow: /\n\nUser-agent: exposurecheck\nDisallow: /x", "/y", True),
    ("User-agent: *\nDisallow: /\n\nUser-agent: exposurecheck\nDisallow: /x", "/x/1", False),
    ("User-agent: otherbot\nDisallow: /", "/y", True),
    # RFC 9309: the longest match wins, and * and $ are patterns.
    ("User-agent: *\nDisallow: /team/\nAllow: /team/publiek", "/team/publiek.html", True),
    ("User-agent: *\nDisallow: /team/\nAllow: /team/publiek", "/team/geheim.html", False),
    ("User-agent: *\nDisallow: /*.pdf$", "/stukken/a.pdf", False),
    ("User-agent: *\nDisallow: /*.pdf$", "/stukken/a.pdf.html", True),
    ("User-agent: *\nDisallow: /*?print=", "/p?print=1", False),
    ("User-agent: *\nDisallow:", "/p", True),
])
def test_robots_rules(rules: str, path: str, allowed: bool) -> None:
    web = Web({"/robots.txt": robots(rules), path.split("?")[0]: page("ok")})
    result = fetch_one(f"http://site.example{path}", web.transport())
    assert isinstance(result, FetchedPage) is allowed


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_robots_4xx_allows_everything(status: int) -> None:
    web = Web({"/robots.txt": page("nee", status=status), "/p": page("ok")})
    assert fetched(fetch_one("http://site.example/p", web.transport())).text == "ok"


@pytest.mark.parametrize("status", [429, 500, 503])
def test_robots_unreachable_disallows_everything(status: int) -> None:
    web = Web({"/robots.txt": page("stuk", status=status), "/p": page("ok")})
    result = problem(fetch_one("http://site.example/p", web.transport()))
    assert (result.kind, result.reason) == ("failed", f"robots.txt: HTTP {status}")
    assert result.url == "http://site.example/p"
    assert web.paths == ["/robots.txt"]


def test_robots_transport_error_disallows_everything() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ReadError("reset", request=request)
        return httpx.Response(200, text="ok")

    result = problem(fetch_one("http://site.example/p", httpx.MockTransport(handler)))
    assert (result.kind, result.reason) == ("failed", "robots.txt: request failed (ReadError)")


def test_robots_read_once_per_origin() -> None:
    web = Web({"/robots.txt": robots("User-agent: *\nDisallow: /x"),
               **{f"/{i}": page(str(i)) for i in range(5)}})
    urls = [f"http://site.example/{i}" for i in range(5)]
    urls += ["https://site.example/1", "http://site.example:8080/1", "http://elders.example/1"]
    results, made = fetch_all(urls, web.transport())
    assert all(isinstance(r, FetchedPage) for r in results)
    assert sorted(u for u in web.urls if u.endswith("/robots.txt")) == [
        "http://elders.example/robots.txt", "http://site.example/robots.txt",
        "http://site.example:8080/robots.txt", "https://site.example/robots.txt"]
    assert made == len(urls) + 4


def test_robots_redirect_followed_and_any_content_type_read() -> None:
    web = Web({"/robots.txt": redirect("/echt-robots"),
               "/echt-robots": robots("User-agent: *\nDisallow: /x", "text/html"),
               "/x": page("x")})
    result = problem(fetch_one("http://site.example/x", web.transport()))
    assert result.reason == ROBOTS_DISALLOWED


def test_robots_not_read_when_not_obeyed() -> None:
    web = Web({"/robots.txt": robots("User-agent: *\nDisallow: /"), "/p": page("ok")})
    result = fetch_one("http://site.example/p", web.transport(), FetchPolicy(obey_robots=False))
    assert fetched(result).text == "ok"
    assert web.paths == ["/p"]


# --------------------------------------------------------------------------- once per URL


def test_one_request_per_url_shared_by_concurrent_callers() -> None:
    web = Web({"/p": page("p"), "/a": redirect("/p"), "/b": redirect("/p")})
    urls = ["http://site.example/p"] * 5 + ["HTTP://Site.Example:80/p#top", "http://site.example/a",
                                            "http://site.example/b"]
    results, made = fetch_all(urls, web.transport())
    assert [fetched(r).url for r in results] == ["http://site.example/p"] * 8
    assert [fetched(r).requested_url for r in results] == urls
    assert sorted(web.paths) == ["/a", "/b", "/p", "/robots.txt"]
    assert made == 4


def test_failures_are_shared_too() -> None:
    web = Web({"/p": page("stuk", status=500)})
    results, _ = fetch_all(["http://site.example/p"] * 3, web.transport())
    assert {problem(r).reason for r in results} == {"HTTP 500"}
    assert web.paths.count("/p") == 1


def test_close_cancels_requests_in_flight() -> None:
    async def hang(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def main() -> tuple[bool, float]:
        fetcher = Fetcher(FetchPolicy(obey_robots=False), transport=httpx.MockTransport(hang))
        task = asyncio.ensure_future(fetcher.fetch("http://site.example/p"))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        await fetcher.aclose()
        with pytest.raises(asyncio.CancelledError):
            await task
        return task.cancelled(), time.monotonic() - started

    cancelled, took = asyncio.run(main())
    assert cancelled
    assert took < 1.0


# --------------------------------------------------------------------------- limits


@dataclass
class FakeTime:
    now: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rate_limit_spaces_requests_to_one_host_exactly() -> None:
    fake = FakeTime()
    starts: list[tuple[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        starts.append((f"{request.url.host}{request.url.path}", fake.now))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text="ok")

    async def main() -> None:
        async with Fetcher(FetchPolicy(rate_limit=2.0), transport=httpx.MockTransport(handler),
                           clock=fake.clock, sleep=fake.sleep) as fetcher:
            for path in ("/a", "/b", "/c"):
                await fetcher.fetch(f"http://a.example{path}")
            await fetcher.fetch("http://b.example/a")  # another host: its own budget
            fake.now += 10.0  # idle time builds no burst
            await fetcher.fetch("http://a.example/d")
            await fetcher.fetch("http://a.example/e")

    asyncio.run(main())
    assert starts == [
        ("a.example/robots.txt", 0.0), ("a.example/a", 0.5), ("a.example/b", 1.0),
        ("a.example/c", 1.5), ("b.example/robots.txt", 1.5), ("b.example/a", 2.0),
        ("a.example/d", 12.0), ("a.example/e", 12.5)]


def test_rate_limit_measured_on_a_real_server() -> None:
    with http_server(page("ok")) as (base, log):
        urls = [f"{base}/p{i}" for i in range(7)]
        results, made = fetch_all(urls, httpx.AsyncHTTPTransport(),
                                  FetchPolicy(rate_limit=5.0, concurrency_per_host=2))
    assert all(isinstance(r, FetchedPage) for r in results)
    assert made == len(log) == 8  # robots.txt counts
    times = sorted(t for t, _ in log)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.2 - 0.05
    assert times[-1] - times[0] >= 7 * 0.2 - 0.05


def test_concurrency_per_host() -> None:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    total = {"now": 0, "peak": 0}

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        total["now"] += 1
        total["peak"] = max(total["peak"], total["now"])
        await asyncio.sleep(0.02)
        in_flight[host] -= 1
        total["now"] -= 1
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text="ok")

    urls = [f"http://{h}.example/{i}" for h in "ab" for i in range(6)]
    results, _ = fetch_all(urls, httpx.MockTransport(handler),
                           FetchPolicy(rate_limit=math.inf, concurrency_per_host=2,
                                       obey_robots=False))
    assert all(isinstance(r, FetchedPage) for r in results)
    assert peak == {"a.example": 2, "b.example": 2}
    assert total["peak"] == 4


@pytest.mark.parametrize("bad", [
    {"timeout": 0}, {"max_bytes": 0}, {"max_redirects": -1}, {"rate_limit": 0},
    {"concurrency_per_host": 0},
])
def test_policy_rejects_nonsense(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        FetchPolicy(**bad)


# --------------------------------------------------------------------------- privacy


def test_logs_carry_no_query_strings(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    web = Web({"/zoek": page("ok"), "/stuk": page("x", status=500),
               "/weg": redirect("/zoek?naam=Petra+Jansen")})
    fetch_all(["http://site.example/zoek?naam=Petra+Jansen", "http://site.example/stuk?naam=Jansen",
               "http://site.example/weg?naam=Jansen"], web.transport())
    assert any(r.name == "exposurecheck.web.fetch" for r in caplog.records)
    assert any(r.name == "httpx" for r in caplog.records)
    assert "Jansen" not in caplog.text
    assert "/zoek" in caplog.text


# --------------------------------------------------------------------------- disk cache


def cached_fetch(cache: Path, web: Web, url: str = "http://site.example/p",
                 **policy: Any) -> tuple[FetchResult, int]:
    results, made = fetch_all([url], web.transport(), FetchPolicy(
        rate_limit=math.inf, cache_dir=cache, **policy))
    return results[0], made


def test_cache_serves_a_second_run_without_requests(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "exposurecheck" / "web"
    first, made = cached_fetch(cache, Web({"/p": redirect("/q"), "/q": page("Café")}))
    assert made == 3
    files = list(cache.iterdir())
    assert len(files) == 1
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["url"] == "http://site.example/q"
    assert record["text"] == "Café"

    offline = Web()
    second, made = cached_fetch(cache, offline)
    assert made == 0 and offline.requests == []
    assert second == first


def test_cache_entries_expire(tmp_path: Path) -> None:
    cached_fetch(tmp_path, Web({"/p": page("oud")}))
    entry = next(tmp_path.iterdir())
    record = json.loads(entry.read_text(encoding="utf-8"))
    record["fetched_at"] -= 7200
    entry.write_text(json.dumps(record), encoding="utf-8")
    result, made = cached_fetch(tmp_path, Web({"/p": page("nieuw")}), cache_max_age=3600)
    assert fetched(result).text == "nieuw"
    assert made == 2


def test_corrupt_cache_entries_are_refetched(tmp_path: Path) -> None:
    cached_fetch(tmp_path, Web({"/p": page("oud")}))
    next(tmp_path.iterdir()).write_text("{niet json", encoding="utf-8")
    result, made = cached_fetch(tmp_path, Web({"/p": page("nieuw")}))
    assert fetched(result).text == "nieuw"
    assert made == 2
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]


def test_problems_are_not_cached(tmp_path: Path) -> None:
    cached_fetch(tmp_path, Web({"/p": page("stuk", status=503)}))
    assert list(tmp_path.iterdir()) == []


def test_cached_page_off_site_is_not_used_for_a_scoped_fetch(tmp_path: Path) -> None:
    cached_fetch(tmp_path, Web({"http://site.example/p": redirect("http://elders.example/q"),
                                "http://elders.example/q": page("elders")}))
    web = Web({"http://site.example/p": redirect("http://elders.example/q")})

    async def main() -> FetchResult:
        async with Fetcher(FetchPolicy(rate_limit=math.inf, cache_dir=tmp_path),
                           transport=web.transport()) as fetcher:
            return await fetcher.fetch("http://site.example/p",
                                       origins={"http://site.example"})

    assert problem(asyncio.run(main())).reason == OFF_SITE


def test_unwritable_cache_costs_nothing_but_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    result, _ = cached_fetch(blocker / "web", Web({"/p": page("ok")}),
                             url="http://site.example/p?naam=Jansen")
    assert fetched(result).text == "ok"
    assert "web cache not written" in caplog.text
    assert "Jansen" not in caplog.text


def test_no_cache_dir_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    fetch_one("http://site.example/p", Web({"/p": page("ok")}).transport())
    assert list(tmp_path.iterdir()) == []


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "exposurecheck" / "web"
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief/pad")  # the XDG spec says: ignore
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "exposurecheck" / "web"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "exposurecheck" / "web"


# --------------------------------------------------------------------------- URLs


@pytest.mark.parametrize(("url", "base", "expected"), [
    ("HTTP://Site.Example:80/a/../b#x", None, "http://site.example/b"),
    ("https://site.example:443", None, "https://site.example/"),
    ("https://site.example:8443/a?q=1", None, "https://site.example:8443/a?q=1"),
    ("../c d", "http://site.example/a/b/", "http://site.example/a/c%20d"),
    ("//elders.example/x", "https://site.example/", "https://elders.example/x"),
    ("  /x  ", "http://site.example/a", "http://site.example/x"),
    ("mailto:a@example.nl", "http://site.example/", None),
    ("tel:+31201234567", "http://site.example/", None),
    ("javascript:void(0)", "http://site.example/", None),
    ("http://[::1", None, None),
])
def test_normalise_url(url: str, base: str | None, expected: str | None) -> None:
    assert normalise_url(url, base=base) == expected


def test_origin() -> None:
    assert origin("http://site.example/a?b") == "http://site.example"
    assert origin("https://site.example:443/") == "https://site.example"
    assert origin("http://site.example:8080/") == "http://site.example:8080"


async def _never(_: float) -> None:  # keeps the type checker honest about `sleep`
    raise AssertionError("no sleep expected")


def test_no_sleep_without_a_rate_limit() -> None:
    sleep: Callable[[float], Awaitable[None]] = _never
    urls = [f"http://site.example/{i}" for i in range(4)]
    results, made = fetch_all(urls, Web({f"/{i}": page("x") for i in range(4)}).transport(),
                              FAST, sleep=sleep)
    assert made == 5
    assert all(isinstance(r, FetchedPage) for r in results)
