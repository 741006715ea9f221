"""Async client for Open Raadsinformatie's Elasticsearch endpoint (behind nginx).

The endpoint takes POST only to paths ending in `_search`, bodies as JSON, and no
search-time scripts. Errors come in two shapes: Elasticsearch JSON (`error.type`,
`status`) and nginx HTML pages (403, 5xx). A 200 can still be partial: failed shards
or a timed-out search leave documents out, so they count as failures, not results.

Error messages carry the index, the status and the error type, never Elasticsearch's
`reason` (it may quote the query, which holds the official's address).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

import httpx

from exposurecheck import __version__
from exposurecheck.httpclient import RetryingClient, Unanswered
from exposurecheck.ratelimit import RateLimiter, retry_after_seconds
from exposurecheck.untrusted import clean_text

__all__ = ["Hit", "OriClient", "OriError", "SearchPage"]

_RETRY_STATUSES: Final = frozenset({500, 502, 503, 504})
MAX_THROTTLED: Final = 8  # 429s waited out per request before it counts as a failure
_TITLE = re.compile(rb"<title[^>]*>(.{0,200}?)</title>", re.IGNORECASE | re.DOTALL)


class OriError(Exception):
    """A search that could not be done or came back partial; the message is safe to show."""

    def __init__(self, message: str, *, timeout: bool = False) -> None:
        super().__init__(message)
        self.timeout = timeout


@dataclass(frozen=True)
class Hit:
    """One document of a result page, with the pages its inner hits name (None: no inner
    hits in the answer, so the pages are not known)."""

    index: str
    id: str
    source: Mapping[str, Any]
    sort: tuple[Any, ...] | None
    pages: tuple[tuple[int, str], ...] | None
    pages_total: int = 0


@dataclass(frozen=True)
class SearchPage:
    total: int | None
    hits: tuple[Hit, ...]


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _total(hits: Mapping[str, Any]) -> int | None:
    total = hits.get("total")
    if isinstance(total, Mapping):  # Elasticsearch 7: {"value": n, "relation": "eq"|"gte"}
        return _int(total.get("value"))
    return _int(total)  # 6.x wrote the number itself


def _pages(inner: object, name: str) -> tuple[tuple[tuple[int, str], ...] | None, int]:
    """(page number, text) of each inner hit; the number from `page_number`, else the
    nested offset (0-based) + 1."""
    if not isinstance(inner, Mapping) or not isinstance(inner.get(name), Mapping):
        return None, 0
    hits = inner[name].get("hits")
    if not isinstance(hits, Mapping) or not isinstance(hits.get("hits"), list):
        return None, 0
    pages: list[tuple[int, str]] = []
    for hit in hits["hits"]:
        if not isinstance(hit, Mapping):
            continue
        source = _mapping(hit.get("_source"))
        nested = _mapping(hit.get("_nested"))
        number = _int(source.get("page_number"))
        offset = _int(nested.get("offset"))
        if number is None and offset is not None:
            number = offset + 1
        text = source.get("text")
        if number is not None and number >= 1 and isinstance(text, str):
            pages.append((number, text))
    return tuple(pages), _total(hits) or len(pages)


def parse_page(data: object, inner_name: str) -> SearchPage:
    """A search answer as documents; raises OriError for a shape that is not one."""
    if not isinstance(data, Mapping) or not isinstance(data.get("hits"), Mapping):
        raise OriError("ORI answered without search hits")
    hits = data["hits"]
    found = hits.get("hits")
    if not isinstance(found, list):
        raise OriError("ORI answered without search hits")
    parsed: list[Hit] = []
    for hit in found:
        if not isinstance(hit, Mapping) or not isinstance(hit.get("_id"), str):
            continue
        source = hit.get("_source")
        sort = hit.get("sort")
        pages, pages_total = _pages(hit.get("inner_hits"), inner_name)
        parsed.append(Hit(index=str(hit.get("_index") or ""), id=hit["_id"],
                          source=source if isinstance(source, Mapping) else {},
                          sort=tuple(sort) if isinstance(sort, list) and sort else None,
                          pages=pages, pages_total=pages_total))
    return SearchPage(total=_total(hits), hits=tuple(parsed))


def _describe(response: httpx.Response) -> str:
    """"HTTP 400 parsing_exception" or "HTTP 503 (nginx: 503 Service Unavailable)"."""
    status = f"HTTP {response.status_code}"
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        body = None
    if isinstance(body, Mapping):
        error = body.get("error")
        kind = error.get("type") if isinstance(error, Mapping) else error
        if isinstance(kind, str) and kind:
            return f"{status} {clean_text(kind)[:80]}"
    title = _TITLE.search(response.content[:4096])
    if title:
        text = clean_text(title.group(1).decode("utf-8", "replace")).strip()
        if text:
            return f"{status} ({text[:80]})"
    return status


def _shard_failure(data: Mapping[str, Any]) -> str | None:
    """Why a 200 answer is partial, if it is."""
    if data.get("timed_out") is True:
        return "the search timed out on the server (partial results)"
    shards = data.get("_shards")
    if isinstance(shards, Mapping):
        failed = _int(shards.get("failed")) or 0
        if failed > 0:
            total = _int(shards.get("total"))
            of = f" of {total}" if total is not None else ""
            return f"{failed}{of} shards failed (partial results)"
    return None


class OriClient(RetryingClient):
    """POSTs searches to one ORI endpoint. One instance serves many concurrent tasks;
    `retries` is the number of retries after the first attempt."""

    def __init__(self, base_url: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 timeout: float = 20.0, retries: int = 2, backoff: float = 0.5,
                 max_retry_after: float = 30.0, limiter: RateLimiter | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 user_agent: str = f"exposurecheck/{__version__}") -> None:
        self.base_url = base_url.rstrip("/")
        super().__init__(headers={"Accept": "application/json", "User-Agent": user_agent},
                         timeout=timeout, retries=retries, backoff=backoff,
                         max_retry_after=max_retry_after, limiter=limiter, sleep=sleep,
                         transport=transport)

    async def search(self, indices: Sequence[str], body: Mapping[str, Any],
                     inner_name: str = "") -> SearchPage:
        """POST `body` to `/<indices>/_search`; a whole answer, or OriError."""
        path = f"/{','.join(indices)}/_search"
        data = await self._post(path, body)
        failure = _shard_failure(data)
        if failure is not None:
            raise OriError(f"ORI {path}: {failure}")
        return parse_page(data, inner_name)

    async def _post(self, path: str, body: Mapping[str, Any]) -> Mapping[str, Any]:
        content = json.dumps(body, ensure_ascii=False).encode()
        send = partial(self._http.post, self.base_url + path, content=content,
                       headers={"Content-Type": "application/json"})
        last, timed_out, throttled = "no attempt made", False, 0
        attempt, retry_after = 0, None
        while attempt <= self._retries:
            if attempt:
                await self._sleep(self._delay(attempt - 1, retry_after))
            retry_after = None
            response = await self._attempt(send)
            if isinstance(response, Unanswered):
                last, timed_out = response.reason, response.timeout
                attempt += 1
                continue
            status = response.status_code
            timed_out = False
            if status == 429:
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                throttled += 1
                if throttled <= MAX_THROTTLED and self._limiter is not None:
                    self._limiter.throttled(self._delay(0, wait))  # paced, not failed
                    continue
                last, retry_after = _describe(response), wait
                attempt += 1
                continue
            if self._limiter is not None:
                self._limiter.accepted()
            if status == 200:
                try:
                    data = json.loads(response.content)
                except (ValueError, UnicodeDecodeError, RecursionError):
                    last = "the answer is not whole JSON (cut off?)"
                    attempt += 1
                    continue
                if not isinstance(data, Mapping):
                    raise OriError(f"ORI {path}: the answer is not a search result")
                failure = _shard_failure(data)
                if failure is not None and attempt < self._retries:
                    last = failure
                    attempt += 1
                    continue  # a shard that failed once may answer the next time
                return data
            if status in _RETRY_STATUSES:
                last = _describe(response)
                attempt += 1
                continue
            raise OriError(f"ORI {path}: {_describe(response)}")
        raise OriError(f"ORI {path}: unavailable after {self._retries + 1} attempts "
                       f"(last: {last})", timeout=timed_out)
