"""Crawling one site: scope, bounds, robots.txt, each page once."""

from __future__ import annotations

import asyncio
import itertools
import math
from collections import Counter
from pathlib import Path

import httpx
import pytest

from exposurecheck.mock.documents import pdf_bytes
from exposurecheck.mock.web import FixtureSite
from exposurecheck.models import Site
from exposurecheck.web.crawl import CrawlResult, crawl, links
from exposurecheck.web.fetch import (
    OFF_SITE,
    ROBOTS_DISALLOWED,
    FetchedPage,
    Fetcher,
    FetchPolicy,
)

from tests.web.test_fetch import FAST, Web, http_server, page, redirect, robots

SITE = Path(__file__).with_name("site")
BASE = "http://site.example"


class Recording(httpx.MockTransport):
    """A fixture site transport that remembers every URL asked for."""

    def __init__(self, site: FixtureSite) -> None:
        self.urls: list[str] = []

        def handle(request: httpx.Request) -> httpx.Response:
            self.urls.append(str(request.url))
            return site.handle(request)

        super().__init__(handle)

    @property
    def pages(self) -> list[str]:
        return [u for u in self.urls if not u.endswith("/robots.txt")]


def run(site: Site, transport: httpx.AsyncBaseTransport,
        policy: FetchPolicy = FAST) -> CrawlResult:
    async def main() -> CrawlResult:
        async with Fetcher(policy, transport=transport) as fetcher:
            return await crawl(fetcher, site)

    return asyncio.run(main())


def urls(result: CrawlResult) -> list[str]:
    return [p.url.removeprefix(BASE) for p in result.pages]


def problems(result: CrawlResult) -> list[tuple[str, str, str]]:
    return [(p.url.removeprefix(BASE), p.kind, p.reason) for p in result.problems]


def test_crawls_the_site_breadth_first() -> None:
    site = Site(url=f"{BASE}/")
    result = run(site, FixtureSite(SITE).transport())
    assert result.site == site
    assert urls(result) == ["/", "/over.html", "/nieuws/", "/team/", "/cafe.cp1252.html",
                            "/nieuws/bericht.txt", "/team/leden/lid.html"]
    assert problems(result) == [("/private/notulen.html", "skipped", ROBOTS_DISALLOWED),
                                ("/ontbreekt.html", "failed", "HTTP 404")]
    cafe = next(p for p in result.pages if p.url.endswith("cafe.cp1252.html"))
    assert "Café De Brug" in cafe.text


def test_never_leaves_the_seed_host_or_scheme_and_asks_once() -> None:
    transport = Recording(FixtureSite(SITE))
    run(Site(url=f"{BASE}/", max_depth=10), transport)
    assert transport.urls
    assert all(u.startswith(f"{BASE}/") for u in transport.urls)
    assert Counter(transport.urls).most_common(1)[0][1] == 1
    assert f"{BASE}/private/notulen.html" not in transport.urls  # robots.txt
    assert f"{BASE}/niet-gevolgd.html" not in transport.urls  # a "link" in plain text


@pytest.mark.parametrize(("depth", "expected"), [
    (0, ["/"]),
    (1, ["/", "/over.html", "/nieuws/"]),
    (4, ["/", "/over.html", "/nieuws/", "/team/", "/cafe.cp1252.html", "/nieuws/bericht.txt",
         "/team/leden/lid.html", "/team/leden/dieper.html"]),
])
def test_max_depth(depth: int, expected: list[str]) -> None:
    transport = Recording(FixtureSite(SITE))
    result = run(Site(url=f"{BASE}/", max_depth=depth), transport)
    assert urls(result) == expected
    failed = [p for p in result.problems if p.reason != ROBOTS_DISALLOWED]
    assert len(transport.pages) == len(expected) + len(failed)


def write_site(root: Path, count: int) -> None:
    """Pages 0..count-1, each linking to every page: a dense, cyclic site."""
    anchors = "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(count))
    (root / "index.html").write_text(anchors, encoding="utf-8")
    for i in range(count):
        (root / f"p{i}.html").write_text(anchors, encoding="utf-8")


@pytest.mark.parametrize("cap", [1, 5, 12])
def test_never_exceeds_max_pages(tmp_path: Path, cap: int) -> None:
    write_site(tmp_path, 30)
    transport = Recording(FixtureSite(tmp_path))
    result = run(Site(url=f"{BASE}/", max_pages=cap), transport)
    assert len(result.pages) == cap
    assert len(transport.pages) == cap
    assert result.problems == ()


def test_failures_count_towards_the_cap_robots_skips_do_not() -> None:
    web = Web({
        "/robots.txt": robots("User-agent: *\nDisallow: /geheim"),
        "/": page('<a href="/geheim1">g</a><a href="/geheim2">g</a><a href="/weg">w</a>'
                  '<a href="/a">a</a><a href="/b">b</a>'),
        "/a": page("a"), "/b": page("b"),
    })
    result = run(Site(url=f"{BASE}/", max_pages=3), web.transport())
    assert urls(result) == ["/", "/a"]
    assert problems(result) == [("/geheim1", "skipped", ROBOTS_DISALLOWED),
                                ("/geheim2", "skipped", ROBOTS_DISALLOWED),
                                ("/weg", "failed", "HTTP 404")]
    assert [u for u in web.paths if u != "/robots.txt"] == ["/", "/weg", "/a"]


def test_seed_redirect_moves_the_site() -> None:
    web = Web({
        "http://site.example/": redirect("https://www.site.example/"),
        "https://www.site.example/": page(
            '<a href="/a">a</a><a href="http://site.example/b">b</a>'
            '<a href="http://www.site.example/c">c</a><a href="https://site.example/d">d</a>'),
        "/a": page("a"), "/b": page("b"),
    })
    result = run(Site(url="http://site.example/"), web.transport())
    assert [p.url for p in result.pages] == [
        "https://www.site.example/", "https://www.site.example/a", "http://site.example/b"]
    assert result.pages[0].requested_url == "http://site.example/"
    assert not any("/c" in u or "/d" in u for u in web.urls)


def test_a_redirect_off_the_site_is_not_followed() -> None:
    web = Web({
        "http://site.example/": page('<a href="/login">inloggen</a><a href="/oud">oud</a>'),
        "http://site.example/login": redirect("https://sso.example/login"),
        "http://site.example/oud": redirect("/"),
    })
    result = run(Site(url=f"{BASE}/"), web.transport())
    assert urls(result) == ["/"]
    assert problems(result) == [("/login", "skipped", OFF_SITE)]
    assert not any("sso.example" in u for u in web.urls)


def test_links_to_one_page_under_many_names_fetch_it_once() -> None:
    web = Web({
        "/": page('<a href="/p">1</a><a href="/p#x">2</a><a href="./p">3</a>'
                  '<a href="HTTP://SITE.EXAMPLE:80/p">4</a><a href="/q">5</a>'),
        "/p": page("p"), "/q": redirect("/p"),
    })
    result = run(Site(url=f"{BASE}/"), web.transport())
    assert urls(result) == ["/", "/p"]
    assert web.paths.count("/p") == 1


@pytest.mark.parametrize(("seed", "reason"), [
    ("ftp://site.example/", "not an http(s) URL"),
    ("http://site.example/weg", "HTTP 404"),
])
def test_a_seed_that_cannot_be_read_is_a_problem(seed: str, reason: str) -> None:
    result = run(Site(url=seed), Web().transport())
    assert result.pages == ()
    assert [(p.url, p.reason) for p in result.problems] == [(seed, reason)]


def test_links() -> None:
    html = ('<base href="/sub/"><a href="a.html">a</a><a href="a.html#x">dup</a>'
            '<a href=" /b.html ">b</a><a href="mailto:x@example.nl">m</a><a href="tel:112">t</a>'
            '<a href="javascript:void(0)">j</a><a href="#top">top</a><a>none</a>'
            '<A HREF="https://elders.example/">e</A>')
    found = links(FetchedPage(url=f"{BASE}/dir/page.html", requested_url=f"{BASE}/dir/page.html",
                              status=200, content_type="text/html", text=html, encoding="utf-8"))
    # "#top" is relative to <base>, as in a browser.
    assert found == [f"{BASE}/sub/a.html", f"{BASE}/b.html", f"{BASE}/sub/",
                     "https://elders.example/"]
    text = FetchedPage(url=f"{BASE}/t.txt", requested_url=f"{BASE}/t.txt", status=200,
                       content_type="text/plain", text=html, encoding="utf-8")
    assert links(text) == []


def test_crawl_requests_are_rate_limited_on_a_real_server() -> None:
    with http_server(FixtureSite(SITE).handle) as (base, log):
        result = run(Site(url=f"{base}/", max_depth=10), httpx.AsyncHTTPTransport(),
                     FetchPolicy(rate_limit=10.0, concurrency_per_host=2))
    assert len(result.pages) == 8
    times = sorted(t for t, _ in log)
    assert len(times) == 10  # robots.txt, 8 pages and one 404
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.1 - 0.03


def test_a_level_is_fetched_concurrently_within_the_host_bound() -> None:
    state = {"now": 0, "peak": 0}

    async def handler(request: httpx.Request) -> httpx.Response:
        state["now"] += 1
        state["peak"] = max(state["peak"], state["now"])
        await asyncio.sleep(0.01)
        state["now"] -= 1
        body = "".join(f'<a href="/{i}">{i}</a>' for i in range(8))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=body)

    policy = FetchPolicy(rate_limit=math.inf, concurrency_per_host=3, obey_robots=False)
    result = run(Site(url=f"{BASE}/"), httpx.MockTransport(handler), policy)
    assert len(result.pages) == 9
    assert state["peak"] == 3


def test_a_page_that_looks_like_a_url_is_no_warning(recwarn: pytest.WarningsRecorder) -> None:
    for text in ("http://site.example/", "index.html"):
        page_ = FetchedPage(url=f"{BASE}/", requested_url=f"{BASE}/", status=200,
                            content_type="text/html", text=text, encoding="utf-8")
        assert links(page_) == []
    assert [str(w.message) for w in recwarn] == []


def test_links_to_files_not_meant_to_be_read_send_no_request_and_are_listed() -> None:
    index = ('<a href="/foto.JPG">f</a><a href="/alles.zip">z</a><a href="/raad.ics">a</a>'
             '<a href="/font.woff2">w</a><a href="/stuk.pdf">p</a><a href="/p.html">h</a>')
    web = Web({"/robots.txt": robots(""), "/": page(index), "/p.html": page("<p>hallo</p>"),
               "/stuk.pdf": page(b"%PDF-1.7 kapot", "application/pdf")})
    result = run(Site(url=f"{BASE}/"), web.transport())
    assert sorted(web.paths) == ["/", "/p.html", "/robots.txt", "/stuk.pdf"]
    assert sorted((p.url.removeprefix(BASE), p.kind, p.media_type) for p in result.problems) == [
        ("/alles.zip", "not_read", "application/zip"),
        ("/font.woff2", "not_read", "font/woff2"),
        ("/foto.JPG", "not_read", "image/jpeg"),
        ("/raad.ics", "not_read", "text/calendar"),
        ("/stuk.pdf", "failed", ""),
    ]


def test_a_document_is_a_page_of_the_crawl_whose_links_are_not_followed() -> None:
    web = Web({"/robots.txt": robots(""), "/": page('<a href="/stuk.pdf">p</a>'),
               "/stuk.pdf": page(pdf_bytes([["zie http://site.example/verder.html"]]),
                                 "application/pdf")})
    result = run(Site(url=f"{BASE}/"), web.transport())
    assert urls(result) == ["/", "/stuk.pdf"]
    assert result.pages[1].pages == ("zie http://site.example/verder.html",)
