"""One HTTP layer for every web source, fetching like a good citizen.

Every request goes through the same limits: a clear User-Agent, robots.txt
(RFC 9309, read once per origin), a per-host rate limit and concurrency bound,
a total deadline per response, a size cap, redirects followed by hand (http and
https only) and a content-type filter. A page that could not be read comes back
as a :class:`FetchProblem`, never as an exception and never dropped: a page we
could not check is not a clean page.

Documents (PDF, DOCX, ODT) are read like pages, with their own size cap, and
come back as a :class:`FetchedPage` with one text per document page. Files that
are not meant to be read (images, video, archives...) come back as a problem of
kind ``"not_read"`` with their media type: listed, but no failure.

Privacy: pages hold personal data. Nothing here logs a query string, problem
reasons carry no URL, and the optional disk cache is readable by its owner only.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Literal, TypeVar

import httpx
import platformdirs
from bs4.dammit import EncodingDetector
from protego import Protego

from exposurecheck import __version__
from exposurecheck.documents import DocumentError, DocumentLimits, document_kind, read_document
from exposurecheck.httpclient import HttpClient
from exposurecheck.logs import without_query
from exposurecheck.once import Once
from exposurecheck.output import make_private_dir
from exposurecheck.ratelimit import RateLimiter
from exposurecheck.untrusted import clean_text

__all__ = ["OFF_SITE", "ROBOTS_DISALLOWED", "ROBOTS_TOKEN", "FetchPolicy", "FetchProblem",
           "FetchResult", "FetchedPage", "Fetcher", "default_cache_dir", "normalise_url", "origin"]

log = logging.getLogger(__name__)

ROBOTS_TOKEN: Final = "exposurecheck"
"""The product token robots.txt groups are matched against."""
ROBOTS_DISALLOWED: Final = "disallowed by robots.txt"
"""The reason of a skip by robots.txt: the site's wish, no request was sent."""
OFF_SITE: Final = "redirected off the site"
"""The reason of a skip when a redirect leaves the origins a caller allowed."""

_READABLE: Final = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
_DOCUMENT_TYPES: Final = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}
_ACCEPT: Final = ("text/html, application/xhtml+xml, application/pdf, "
                  f"{_DOCUMENT_TYPES['docx']}, {_DOCUMENT_TYPES['odt']}, text/plain;q=0.9")
_UNREAD_DOCUMENTS: Final = ("application/msword", "application/vnd.ms-", "application/rtf",
                             "text/rtf", "application/vnd.openxmlformats-officedocument.",
                             "application/vnd.oasis.opendocument.")
"""Documents in formats that are not read (legacy Word, spreadsheets, slides): they hold text
an official's data may be in, so not reading one is a gap in the audit, unlike an image."""
_SNIFFED: Final = frozenset({"", "application/octet-stream", "binary/octet-stream"})
"""Media types that say nothing: the body is read and its signature decides."""
_MAX_MEDIA_TYPE: Final = 100
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
# The WHATWG Encoding Standard decodes these labels as windows-1252, as browsers do.
_AS_WINDOWS_1252: Final = frozenset({"ascii", "latin_1", "iso8859-1", "cp1252"})
_META_PRESCAN: Final = 4096
_ROBOTS_MAX_BYTES: Final = 512 * 1024  # RFC 9309: parse at least 500 KiB, may ignore the rest
_NOT_TEXT = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")

_T = TypeVar("_T")


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how defensively to fetch; one policy for every web source."""

    user_agent: str = f"exposurecheck/{__version__} (+https://github.com/exposurecheck/exposurecheck)"
    timeout: float = 10.0
    """Connect and read timeout, and the total deadline for one response."""
    max_bytes: int = 2_000_000
    max_document_bytes: int = DocumentLimits.max_bytes
    """The size cap of a PDF, DOCX or ODT file (by default the readers' own); pages keep
    ``max_bytes``."""
    max_redirects: int = 5
    rate_limit: float = 2.0
    """Requests per second to one host (token bucket, burst 1); robots.txt counts."""
    concurrency_per_host: int = 2
    obey_robots: bool = True
    cache_dir: Path | None = None
    """Where to keep pages between runs; None keeps nothing on disk."""
    cache_max_age: float = 24 * 3600.0
    """Seconds a cached page is used: a page changes, and a fix must show up."""

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("timeout must be > 0")
        if self.max_bytes <= 0 or self.max_document_bytes <= 0:
            raise ValueError("max_bytes and max_document_bytes must be > 0")
        if self.max_redirects < 0:
            raise ValueError("max_redirects must be >= 0")
        if self.rate_limit <= 0:
            raise ValueError("rate_limit must be > 0 (math.inf for no limit)")
        if self.concurrency_per_host < 1:
            raise ValueError("concurrency_per_host must be >= 1")


@dataclass(frozen=True)
class FetchedPage:
    """A page read and decoded. ``encoding`` is Python's codec name ("utf-8", "cp1252")."""

    url: str
    """The final URL, after redirects."""
    requested_url: str
    status: int
    content_type: str
    """"text/html" (also for XHTML), "text/plain", or a document's media type."""
    text: str
    encoding: str
    pages: tuple[str, ...] = ()
    """A document's text, one entry per page (see `exposurecheck.documents`); () for a page."""
    title: str = ""
    """A document's title from its metadata."""
    image_only_pages: tuple[int, ...] = ()
    """A document's pages that are a scan, so were not read (1-based)."""

    @property
    def is_document(self) -> bool:
        return bool(self.pages)


ProblemKind = Literal["failed", "timeout", "skipped", "not_read"]


@dataclass(frozen=True)
class FetchProblem:
    """A page that was not read, and why; a result to report, never a clean page."""

    url: str
    """The requested URL."""
    kind: ProblemKind
    reason: str
    """For people; carries no URL and no personal data."""
    media_type: str = ""
    """For "not_read": what the file is ("image/png"), from its header or its name."""


FetchResult = FetchedPage | FetchProblem


def default_cache_dir() -> Path:
    """The user's cache directory for this tool, from platformdirs: ``$XDG_CACHE_HOME`` or
    ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows.
    """
    return platformdirs.user_cache_path("exposurecheck", appauthor=False) / "web"


def normalise_url(url: str, base: str | None = None) -> str | None:
    """``url`` (resolved against ``base``) as an absolute http(s) URL without
    fragment or default port, so one page has one spelling; None for anything else.
    """
    try:
        parsed = httpx.URL(base).join(url.strip()) if base else httpx.URL(url.strip())
        if parsed.scheme not in _DEFAULT_PORTS or not parsed.host:
            return None
        parsed = parsed.copy_with(fragment=None)
        if parsed.port == _DEFAULT_PORTS[parsed.scheme]:
            parsed = parsed.copy_with(port=None)
        return str(parsed.copy_with(path=parsed.path or "/"))
    except (httpx.InvalidURL, TypeError):
        return None


def origin(url: str) -> str:
    """Scheme, host and port: the unit robots.txt and a crawl's scope apply to."""
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port not in (None, _DEFAULT_PORTS.get(parsed.scheme)) else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


@dataclass(frozen=True)
class _Redirect:
    location: str


@dataclass(frozen=True)
class _Answer:
    status: int
    media_type: str = ""
    charset: str | None = None
    body: bytes = b""


class Fetcher(HttpClient):
    """Fetch pages for any number of concurrent tasks within one :class:`FetchPolicy`.

    Each URL is requested at most once per fetcher (concurrent callers share the
    answer), and so is each origin's robots.txt. ``clock`` and ``sleep`` drive the
    rate limit, so tests can replace them.
    """

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.policy = policy
        self.requests_made = 0
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, RateLimiter] = {}
        self._hops: Once[str, FetchedPage | _Redirect | FetchProblem] = Once()
        self._robots: Once[str, Protego | FetchProblem] = Once()
        self._cache = (
            _DiskCache(policy.cache_dir, policy.cache_max_age) if policy.cache_dir else None
        )
        super().__init__(
            transport=transport,
            timeout=policy.timeout,
            headers={
                "User-Agent": policy.user_agent,
                "Accept": _ACCEPT,
            },
        )

    async def aclose(self) -> None:
        await self._hops.cancel()
        await self._robots.cancel()
        await super().aclose()

    async def fetch(self, url: str, *, origins: Collection[str] | None = None) -> FetchResult:
        """Fetch ``url``, following redirects; never raises for network or HTTP problems.

        With ``origins`` (see :func:`origin`), a redirect anywhere else is not
        followed and the page is skipped with reason :data:`OFF_SITE`.
        """
        target = normalise_url(url)
        if target is None:
            return FetchProblem(url, "failed", "not an http(s) URL")
        if self._cache is not None:
            cached = self._cache.get(target)
            if cached is not None and (origins is None or origin(cached.url) in origins):
                return replace(cached, requested_url=url)
        result = await self._follow(httpx.URL(target), self._page, origins)
        if isinstance(result, FetchProblem):
            return replace(result, url=url)
        page = replace(result, requested_url=url)
        if self._cache is not None:
            self._cache.put(target, page)
        return page

    # -- redirects

    async def _follow(
        self,
        url: httpx.URL,
        hop: Callable[[httpx.URL], Awaitable[_T | _Redirect | FetchProblem]],
        origins: Collection[str] | None,
    ) -> _T | FetchProblem:
        """Follow redirects by hand, so each hop obeys robots.txt and the limits."""
        chain = [str(url)]
        while True:
            answer = await hop(httpx.URL(chain[-1]))
            if not isinstance(answer, _Redirect):
                return answer
            target = normalise_url(answer.location, base=chain[-1])
            if target is None:
                return FetchProblem(str(url), "failed", "redirect to a non-http(s) URL")
            if target in chain:
                return FetchProblem(str(url), "failed", "redirect loop")
            if len(chain) > self.policy.max_redirects:
                return FetchProblem(
                    str(url), "failed", f"more than {self.policy.max_redirects} redirects"
                )
            if origins is not None and origin(target) not in origins:
                return FetchProblem(str(url), "skipped", OFF_SITE)
            chain.append(target)

    # -- pages

    async def _page(self, url: httpx.URL) -> FetchedPage | _Redirect | FetchProblem:
        return await self._hops.get(str(url), lambda: self._read_page(url))

    async def _read_page(self, url: httpx.URL) -> FetchedPage | _Redirect | FetchProblem:
        if self.policy.obey_robots:
            rules = await self._rules(url)
            if isinstance(rules, FetchProblem):
                return rules
            if not rules.can_fetch(str(url), ROBOTS_TOKEN):
                return FetchProblem(str(url), "skipped", ROBOTS_DISALLOWED)
        answer = await self._send(url, robots=False)
        if not isinstance(answer, _Answer):
            return answer
        if not 200 <= answer.status < 300:
            return FetchProblem(str(url), "failed", f"HTTP {answer.status}")
        if answer.media_type not in _READABLE:
            return await self._read_document(url, answer)
        html = answer.media_type != "text/plain"
        text, encoding = _decode(answer.body, answer.charset, html=html)
        if _looks_binary(text):
            return FetchProblem(str(url), "skipped", f"binary content labelled {answer.media_type}")
        return FetchedPage(
            url=str(url),
            requested_url=str(url),
            status=answer.status,
            content_type=_READABLE[answer.media_type],
            text=text,
            encoding=encoding,
        )

    async def _read_document(self, url: httpx.URL, answer: _Answer) -> FetchedPage | FetchProblem:
        """A document's text, read off the event loop; a file that is not one is "not read"."""
        kind = document_kind(str(url), answer.media_type, answer.body[:8])
        if kind is None or kind.value not in _DOCUMENT_TYPES:
            return _not_read(url, answer.media_type)
        limits = DocumentLimits(max_bytes=self.policy.max_document_bytes,
                                max_seconds=self.policy.timeout * 3)
        try:
            document = await asyncio.to_thread(read_document, answer.body, name=str(url),
                                               content_type=answer.media_type, limits=limits)
        except DocumentError as exc:
            return FetchProblem(str(url), "failed", f"{kind.value.upper()}: {exc.reason}")
        return FetchedPage(url=str(url), requested_url=str(url), status=answer.status,
                           content_type=_DOCUMENT_TYPES[kind.value], text="", encoding="",
                           pages=document.pages, title=document.title,
                           image_only_pages=document.image_only_pages)

    # -- robots.txt

    async def _rules(self, url: httpx.URL) -> Protego | FetchProblem:
        return await self._robots.get(origin(str(url)), lambda: self._read_robots(url))

    async def _read_robots(self, url: httpx.URL) -> Protego | FetchProblem:
        """RFC 9309: 4xx allows everything; 5xx or unreachable disallows everything.

        A failure is returned as the page's problem ("robots.txt: HTTP 503"), so a
        site that is down reads as failed rather than as a polite skip.
        """
        robots_url = url.copy_with(path="/robots.txt", query=None, fragment=None)
        result = await self._follow(robots_url, self._robots_hop, None)
        if isinstance(result, FetchProblem):
            return replace(result, url=str(url), reason=f"robots.txt: {result.reason}")
        if 200 <= result.status < 300:
            return Protego.parse(result.body.decode("utf-8", "replace"))
        if 400 <= result.status < 500 and result.status != 429:
            return Protego.parse("")
        return FetchProblem(str(url), "failed", f"robots.txt: HTTP {result.status}")

    async def _robots_hop(self, url: httpx.URL) -> _Answer | _Redirect | FetchProblem:
        return await self._send(url, robots=True)

    # -- the wire

    def _host(self, url: httpx.URL) -> RateLimiter:
        """The rate and concurrency budget of one host, shared by all its requests."""
        if url.host not in self._hosts:
            self._hosts[url.host] = RateLimiter(self.policy.rate_limit,
                                                self.policy.concurrency_per_host,
                                                clock=self._clock, sleep=self._sleep)
        return self._hosts[url.host]

    async def _send(self, url: httpx.URL, *, robots: bool) -> _Answer | _Redirect | FetchProblem:
        """One GET within the host's budget and the total deadline.

        For robots.txt any content type is read and a long body is cut at 512 KiB
        (RFC 9309 allows that); for pages both are skipped.
        """
        async with self._host(url).slot():
            self.requests_made += 1
            answer: _Answer | _Redirect | FetchProblem
            try:
                async with asyncio.timeout(self.policy.timeout):
                    async with self._http.stream("GET", url) as response:
                        answer = await self._read(url, response, robots=robots)
            except (TimeoutError, httpx.TimeoutException):
                answer = FetchProblem(
                    str(url), "timeout", f"no complete answer within {self.policy.timeout:g} s"
                )
            except httpx.InvalidURL:  # httpx parses Location itself, e.g. "javascript:x"
                answer = FetchProblem(str(url), "failed", "redirect to a non-http(s) URL")
            except httpx.RequestError as exc:
                answer = FetchProblem(str(url), "failed", f"request failed ({type(exc).__name__})")
        outcome = answer.reason if isinstance(answer, FetchProblem) else type(answer).__name__
        log.debug("GET %s: %s", without_query(url), outcome)
        return answer

    async def _read(
        self, url: httpx.URL, response: httpx.Response, *, robots: bool
    ) -> _Answer | _Redirect | FetchProblem:
        status = response.status_code
        location = response.headers.get("Location")
        if status in _REDIRECTS and location:
            return _Redirect(location)
        if not 200 <= status < 300:
            return _Answer(status)
        content_type = response.headers.get("Content-Type", "")
        media_type = content_type.partition(";")[0].strip().lower()
        document = not robots and media_type not in _READABLE
        if document and document_kind(str(url), media_type) is None \
                and media_type not in _SNIFFED:
            if media_type.startswith(_UNREAD_DOCUMENTS):  # text we cannot check: not clean
                return FetchProblem(str(url), "skipped",
                                    f"content type {media_type} is a document format not read")
            return _not_read(url, media_type)
        cap = (min(self.policy.max_bytes, _ROBOTS_MAX_BYTES) if robots
               else self.policy.max_document_bytes if document else self.policy.max_bytes)
        declared = response.headers.get("Content-Length", "")
        if not robots and declared.isdigit() and int(declared) > cap:
            return FetchProblem(str(url), "skipped", f"larger than {cap} bytes")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > cap:
                if not robots:
                    return FetchProblem(str(url), "skipped", f"larger than {cap} bytes")
                del body[cap:]
                break
        return _Answer(status, media_type, response.charset_encoding, bytes(body))


def _not_read(url: httpx.URL, media_type: str) -> FetchProblem:
    media_type = clean_text(media_type)[:_MAX_MEDIA_TYPE] or "(none)"
    return FetchProblem(str(url), "not_read", f"content type {media_type} is not read",
                        media_type=media_type)


# --------------------------------------------------------------------------- decoding


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _decode(body: bytes, declared: str | None, *, html: bool) -> tuple[str, str]:
    """Decode as a browser would: byte-order mark, then the HTTP charset, then a
    ``<meta>`` charset in the first 4 KB, then UTF-8 if it fits, else windows-1252."""
    body, bom = EncodingDetector.strip_byte_order_mark(body)
    meta = EncodingDetector.find_declared_encoding(body[:_META_PRESCAN], is_html=True)
    for label in (bom, declared, meta if html else None):
        codec = _codec(label)
        if codec is not None:
            try:
                return body.decode(codec, "replace"), codec
            except LookupError:  # a codec that is not a text encoding, e.g. "base64"
                continue
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return body.decode("cp1252", "replace"), "cp1252"


def _looks_binary(text: str) -> bool:
    """NUL bytes, or more than 5 % control or undecodable characters, are not a page."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    return len(_NOT_TEXT.findall(sample)) > len(sample) // 20


# --------------------------------------------------------------------------- disk cache


class _DiskCache:
    """Pages kept between runs: one owner-only JSON file per URL, written atomically."""

    def __init__(self, directory: Path, max_age: float) -> None:
        self._dir = directory
        self._max_age = max_age
        self._ready = False

    def _path(self, url: str) -> Path:
        return self._dir / f"{hashlib.sha256(url.encode()).hexdigest()}.json"

    def get(self, url: str) -> FetchedPage | None:
        try:
            data = json.loads(self._path(url).read_text(encoding="utf-8"))
            if time.time() - float(data["fetched_at"]) > self._max_age:
                return None
            return FetchedPage(
                url=str(data["url"]),
                requested_url=url,
                status=int(data["status"]),
                content_type=str(data["content_type"]),
                text=str(data["text"]),
                encoding=str(data["encoding"]),
                pages=tuple(str(p) for p in data.get("pages", ())),
                title=str(data.get("title", "")),
                image_only_pages=tuple(int(n) for n in data.get("image_only_pages", ())),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, url: str, page: FetchedPage) -> None:
        record = {
            "url": page.url,
            "status": page.status,
            "content_type": page.content_type,
            "encoding": page.encoding,
            "text": page.text,
            "pages": list(page.pages),
            "title": page.title,
            "image_only_pages": list(page.image_only_pages),
            "fetched_at": time.time(),
        }
        try:
            if not self._ready:
                make_private_dir(self._dir)
                self._ready = True
            fd, tmp = tempfile.mkstemp(dir=self._dir, suffix=".tmp")  # 0600 where modes exist
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(record, out, ensure_ascii=False)
                os.replace(tmp, self._path(url))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:  # a cache that cannot be written only costs a refetch
            log.warning("web cache not written: %s", type(exc).__name__)
