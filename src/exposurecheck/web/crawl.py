"""Crawl one site breadth-first, within its bounds and on its own host only.

Scope: the scheme, host and port of ``site.url``, plus wherever the seed itself
redirects to (http -> https, example.nl -> www.example.nl are common). Links to
anything else are never requested, and a redirect that would leave the scope is
not followed (the page is listed as skipped, reason :data:`OFF_SITE`).

Bounds: at most ``site.max_pages`` page fetch attempts and links at most
``site.max_depth`` clicks from the seed. A URL that robots.txt disallows sends no
request, so it does not count as an attempt; it is listed in ``problems`` as
skipped with reason :data:`ROBOTS_DISALLOWED`, so a caller can tell the site's
wish from a failure. Every other problem is listed too: never silently clean.

Documents (PDF, DOCX, ODT) are read like pages; their links are not followed.
A link whose name says it is not meant to be read (an image, video, audio, font,
archive or calendar) sends no request and is listed in ``problems`` with kind
``"not_read"`` and the media type its name implies; the fetcher lists what it
did request and found not readable the same way.

Links come from ``<a href>`` (against ``<base href>``) in HTML pages, read with
lxml, which stays linear on hostile markup where the standard library's parser
can take minutes.
"""

from __future__ import annotations

import asyncio
import mimetypes
import warnings
from dataclasses import dataclass
from typing import Final

import httpx
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.filter import SoupStrainer

from exposurecheck.models import Site
from exposurecheck.web.fetch import (
    ROBOTS_DISALLOWED,
    FetchedPage,
    Fetcher,
    FetchProblem,
    normalise_url,
    origin,
)

__all__ = ["CrawlResult", "crawl", "links", "not_meant_to_be_read"]

_LINK_TAGS = SoupStrainer(["a", "base"])
_NOT_READ_KINDS: Final = ("image/", "video/", "audio/", "font/")
_NOT_READ_TYPES: Final = frozenset({
    "application/zip", "application/x-zip-compressed", "application/gzip", "application/x-tar",
    "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar",
    "application/x-bzip2", "application/x-xz", "text/calendar", "application/vnd.ms-fontobject",
    "application/x-font-ttf", "application/ogg", "application/x-shockwave-flash",
})  # fmt: skip


_MIME_TYPES: Final = mimetypes.MimeTypes()  # the built-in table only: the same on every machine
for _type, _suffix in (("text/calendar", ".ics"), ("font/woff", ".woff"), ("font/woff2", ".woff2"),
                       ("font/ttf", ".ttf"), ("font/otf", ".otf"), ("application/gzip", ".gz"),
                       ("application/x-7z-compressed", ".7z"), ("application/vnd.rar", ".rar")):
    _MIME_TYPES.add_type(_type, _suffix)
_COMPRESSED: Final = {"gzip": "application/gzip", "bzip2": "application/x-bzip2",
                      "xz": "application/x-xz"}


def not_meant_to_be_read(url: str) -> str | None:
    """The media type a link's name implies when it is not worth a request, else None."""
    guessed, encoding = _MIME_TYPES.guess_type(httpx.URL(url).path, strict=False)
    guessed = guessed or _COMPRESSED.get(encoding or "")
    if guessed and (guessed.startswith(_NOT_READ_KINDS) or guessed in _NOT_READ_TYPES):
        return guessed
    return None


@dataclass(frozen=True)
class CrawlResult:
    site: Site
    pages: tuple[FetchedPage, ...]
    """In crawl order, one per final URL."""
    problems: tuple[FetchProblem, ...]


def links(page: FetchedPage) -> list[str]:
    """The http(s) links of an HTML page, normalised, in order, without duplicates."""
    if page.content_type != "text/html":
        return []
    with warnings.catch_warnings():  # a page whose whole text looks like a URL is fine
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(page.text, "lxml", parse_only=_LINK_TAGS)
    base = page.url
    tag = soup.find("base", href=True)
    if tag is not None:
        base = normalise_url(str(tag["href"]), base=page.url) or page.url
    found: dict[str, None] = {}
    for anchor in soup.find_all("a", href=True):
        url = normalise_url(str(anchor["href"]), base=base)
        if url is not None:
            found[url] = None
    return list(found)


async def crawl(fetcher: Fetcher, site: Site) -> CrawlResult:
    """Fetch ``site`` breadth-first; one level at a time, concurrently within the
    fetcher's per-host limits, so the result does not depend on timing."""
    seed = normalise_url(site.url)
    if seed is None:
        return CrawlResult(site, (), (FetchProblem(site.url, "failed", "not an http(s) URL"),))
    scope = {origin(seed)}
    seen = {seed}
    pages: dict[str, FetchedPage] = {}
    problems: list[FetchProblem] = []
    attempts = depth = 0
    level: list[str] = [seed]
    next_level: list[str] = []
    while level and attempts < site.max_pages:
        batch, level = level[: site.max_pages - attempts], level[site.max_pages - attempts :]
        allowed = frozenset(scope) if depth else None  # the seed may redirect: see above
        results = await asyncio.gather(*(fetcher.fetch(url, origins=allowed) for url in batch))
        for result in results:
            if isinstance(result, FetchProblem):
                if result.reason != ROBOTS_DISALLOWED:  # no request was sent
                    attempts += 1
                problems.append(result)
                continue
            attempts += 1
            if not depth:
                scope.add(origin(result.url))
            if result.url in pages:  # two links redirecting to one page
                continue
            pages[result.url] = result
            seen.add(result.url)
            if depth < site.max_depth:
                for url in links(result):
                    if url not in seen and origin(url) in scope:
                        seen.add(url)
                        media_type = not_meant_to_be_read(url)
                        if media_type is None:
                            next_level.append(url)
                        else:
                            problems.append(FetchProblem(url, "not_read", f"content type "
                                                         f"{media_type} is not read", media_type))
        if not level:
            level, next_level, depth = next_level, [], depth + 1
    return CrawlResult(site, tuple(pages.values()), tuple(problems))
