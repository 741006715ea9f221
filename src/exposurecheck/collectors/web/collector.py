"""The `web` source: pages that expose an official's own data.

Two kinds of pages are read: every page of the roster's sites (crawled once per
run and shared by all officials) and the pages listed for one official. Each
page is read once and searched for each official's roster data. A page that
could not be fetched is reported for the officials it was meant for, never
passed over in silence; a page robots.txt asks us not to read is not read.
Documents (PDF, DOCX, ODT) are searched page by page, and a finding names its
page. Files a crawl finds that are not meant to be read (images, archives...)
are counted per media type in ``not_read``; one the official listed is an error.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.cooperative import in_thread
from exposurecheck.findings import page_finding
from exposurecheck.logs import without_query
from exposurecheck.models import (
    Finding,
    Locator,
    NotRead,
    Official,
    Site,
    SourceError,
    SourceErrorKind,
    SourceId,
)
from exposurecheck.once import Once
from exposurecheck.web.crawl import CrawlResult, crawl
from exposurecheck.web.extract import Block, Element, PageContent, extract
from exposurecheck.web.fetch import (
    OFF_SITE,
    ROBOTS_DISALLOWED,
    FetchedPage,
    Fetcher,
    FetchProblem,
)
from exposurecheck.web.match import WebMatch, find_exposures

# Crawl skips that miss nothing of the site: pages its robots.txt asks us not to read,
# and links that redirect to another site (a crawl stays on its own host by design).
_BY_DESIGN = frozenset({ROBOTS_DISALLOWED, OFF_SITE})
_ERROR_KINDS = {"skipped": SourceErrorKind.SKIPPED, "timeout": SourceErrorKind.TIMEOUT,
                "not_read": SourceErrorKind.SKIPPED}
_Pages = tuple[tuple[int | None, PageContent], ...]
"""A page's content as (page number, content): one entry for HTML, one per document page."""


class WebCollector:
    """The `web` source. Crawls and page reads are shared between officials in a run."""

    source = SourceId.WEB

    def __init__(self, fetcher: Fetcher, sites: Sequence[Site]) -> None:
        self._fetcher = fetcher
        self._sites = tuple(dict.fromkeys(sites))
        self._crawls: Once[Site, CrawlResult] = Once()
        self._contents: Once[str, _Pages] = Once()

    async def aclose(self) -> None:
        await self._fetcher.aclose()

    async def collect(self, official: Official) -> CollectorResult:
        errors: list[SourceError] = []
        pages: dict[str, FetchedPage] = {}
        not_read: Counter[str] = Counter()
        for result in await asyncio.gather(*(self._crawl(site) for site in self._sites)):
            pages.update((page.url, page) for page in result.pages)
            not_read.update(p.media_type for p in result.problems if p.kind == "not_read")
            errors += [_error(p) for p in result.problems if p.kind != "not_read"
                       and not (p.kind == "skipped" and p.reason in _BY_DESIGN)]
        own = await asyncio.gather(*(self._fetcher.fetch(url) for url in official.urls))
        for fetched in own:
            if isinstance(fetched, FetchProblem):
                errors.append(_error(fetched))  # the official asked for it: say why it was not
            else:
                pages[fetched.url] = fetched
        findings: list[Finding] = []
        for url, page in sorted(pages.items()):
            if page.image_only_pages:
                numbers = ", ".join(str(n) for n in page.image_only_pages)
                errors.append(self._page_error(url, f"page {numbers} has no text layer (a "
                                                    "scan?) and was not read"))
            try:
                contents = await self._content(page)
            except Exception as exc:  # one hostile page must not cost the other pages
                errors.append(self._page_error(url, f"the page could not be read "
                                                    f"({type(exc).__name__})"))
                continue
            for number, content in contents:
                if content.parse_failed:
                    errors.append(self._page_error(url, "the page could not be parsed"))
                    continue
                if content.unreadable:  # the text is still read: what is found, is found
                    kinds = ", ".join(content.unreadable)
                    errors.append(self._page_error(
                        url, f"the page's structured data could not be read ({kinds})"))
                try:
                    # one match per (kind, subject, detail) on a page, and one page per URL
                    matches = await in_thread(find_exposures, official, content)
                except Exception as exc:
                    errors.append(self._page_error(url, f"the page could not be read "
                                                        f"({type(exc).__name__})"))
                    continue
                findings += [_finding(official, content, match, number) for match in matches]
        unique = {(e.kind, e.message): e for e in errors}
        return CollectorResult(source=self.source, findings=tuple(findings),
                               errors=tuple(unique.values()),
                               not_read=tuple(NotRead(source=self.source, media_type=media,
                                                      count=count)
                                              for media, count in sorted(not_read.items())))

    def _page_error(self, url: str, reason: str) -> SourceError:
        return SourceError(source=self.source, kind=SourceErrorKind.FAILED,
                           message=f"{without_query(url)}: {reason}")

    async def _crawl(self, site: Site) -> CrawlResult:
        return await self._crawls.get(site, lambda: crawl(self._fetcher, site))

    async def _content(self, page: FetchedPage) -> _Pages:
        """Parse each page once per run, off the event loop: a large page takes a while."""
        return await self._contents.get(page.url, lambda: asyncio.to_thread(_contents, page))


def _contents(page: FetchedPage) -> _Pages:
    """An HTML page as one content; a document as one per page, a paragraph per block."""
    if not page.is_document:
        return ((None, extract(page)),)
    return tuple(
        (number, PageContent(url=page.url, title=page.title, blocks=tuple(
            Block(Element.TEXT, line) for line in text.split("\n") if line.strip())))
        for number, text in enumerate(page.pages, start=1) if text.strip())


def _finding(official: Official, content: PageContent, match: WebMatch,
             page: int | None = None) -> Finding:
    page_locator = Locator(url=content.url, page=page)
    return page_finding(official, match, SourceId.WEB,
                        locator=page_locator.model_copy(update={"element": match.element.value}),
                        page=page_locator, page_title=content.title or None,
                        page_kind="news" if content.news else None)


def _error(problem: FetchProblem) -> SourceError:
    return SourceError(source=SourceId.WEB,
                       kind=_ERROR_KINDS.get(problem.kind, SourceErrorKind.FAILED),
                       message=f"{without_query(problem.url)}: {problem.reason}")
