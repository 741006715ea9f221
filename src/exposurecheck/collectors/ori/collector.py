"""The `ori` source: the official's own data in their council's documents on Open
Raadsinformatie.

Each official is searched in one index: the roster's `ori_index`, or the index whose
Organization document carries the official's organisation ("Gemeente Heerde"). A
phrase hit is a candidate; the page it names is read with the web source's matchers,
and only what they confirm is a finding, on that page of the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.ori.client import Hit, OriClient, OriError
from exposurecheck.collectors.ori.query import (
    INNER_HITS,
    candidate_query,
    full_text_query,
    has_clauses,
    organizations_query,
)
from exposurecheck.cooperative import in_thread
from exposurecheck.documents.layout import unwrap
from exposurecheck.findings import page_finding
from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.models import (
    Finding,
    FindingKind,
    Locator,
    Official,
    SourceError,
    SourceErrorKind,
    SourceId,
)
from exposurecheck.once import Once
from exposurecheck.untrusted import clean_text
from exposurecheck.web.extract import Block, Element, PageContent
from exposurecheck.web.match import WebMatch, best_matches, find_exposures

__all__ = ["ORI_KINDS", "OriCollector", "organisation_key"]

# A town alone is in every council document: the issue is the official's own data.
ORI_KINDS = frozenset({FindingKind.HOME_ADDRESS, FindingKind.PHONE, FindingKind.EMAIL,
                       FindingKind.BIRTH_DATE, FindingKind.HOUSEHOLD_NAME})
INDEX_PATTERNS = ("ori_*", "osi_*", "owi_*")  # municipalities, provinces, water boards
_BODY_WORDS = ("gemeente", "provincie", "waterschap", "hoogheemraadschap", "wetterskip")
_PAGE_SIZE = 50
_ORGANIZATIONS_PAGE = 1000
_FULL_TEXT_BATCH = 10
_MAX_PAGE_CHARS = 500_000  # one PDF page; more is not a page but an attack


def organisation_key(name: str) -> str:
    """"Gemeente  Súdwest-Fryslân " and "gemeente sudwest-fryslan" agree."""
    return " ".join(strip_diacritics(name).casefold().replace("\u2019", "'").split())


def _bare(key: str) -> str:
    """The name without "gemeente", "provincie"...: the roster may leave it out."""
    first, _, rest = key.partition(" ")
    return rest if first in _BODY_WORDS and rest else key


def _unqualified(key: str) -> str:
    """"bergen (nh)" -> "bergen": a roster that leaves the qualifier out matches both
    Bergens, and is then asked to choose."""
    return re.sub(r"\s*\([^()]*\)", "", key).strip()


@dataclass(frozen=True)
class _Body:
    index: str
    name: str


class _Directory:
    """Organisation name -> index, from one Organization document per index."""

    def __init__(self, bodies: Iterable[_Body]) -> None:
        self._by_name: dict[str, list[_Body]] = {}
        self._by_bare: dict[str, list[_Body]] = {}
        self._by_town: dict[str, list[_Body]] = {}
        for body in bodies:
            key = organisation_key(body.name)
            self._by_name.setdefault(key, []).append(body)
            self._by_bare.setdefault(_bare(key), []).append(body)
            self._by_town.setdefault(_unqualified(_bare(key)), []).append(body)

    def index_for(self, organisation: str) -> str:
        key = organisation_key(organisation)
        found = (self._by_name.get(key) or self._by_bare.get(_bare(key))
                 or self._by_town.get(_unqualified(_bare(key))) or [])
        indices = sorted({body.index for body in found})
        if not indices:
            raise LookupError("is not an organisation on Open Raadsinformatie; set ori_index "
                              "in the roster")
        if len(indices) > 1:
            raise LookupError(f"matches {len(indices)} indices ({', '.join(indices)}); set "
                              "ori_index in the roster")
        return indices[0]


class OriCollector:
    """The `ori` source. The organisation directory is read once per run."""

    source = SourceId.ORI

    def __init__(self, client: OriClient, *, max_hits: int = 500) -> None:
        self._client = client
        self._max_hits = max_hits
        self._directory: Once[str, _Directory] = Once()
        self.pages_read = 0  # candidate pages read with the matchers, for benchmarks

    async def aclose(self) -> None:
        await self._client.aclose()

    async def collect(self, official: Official) -> CollectorResult:
        if not has_clauses(official):
            return CollectorResult(source=self.source)  # nothing private to look for
        try:
            index = await self._index(official)
            hits, errors = await self._candidates(official, index)
            findings, read_errors = await self._confirm(official, index, hits)
        except OriError as exc:
            return self._failed(str(exc), timeout=exc.timeout)
        except LookupError as exc:
            return CollectorResult(source=self.source, errors=(SourceError(
                source=self.source, kind=SourceErrorKind.SKIPPED, message=str(exc)),))
        unique = {f.fingerprint: f for f in findings}
        return CollectorResult(source=self.source, findings=tuple(unique.values()),
                               errors=tuple(errors + read_errors))

    def _failed(self, message: str, timeout: bool = False) -> CollectorResult:
        kind = SourceErrorKind.TIMEOUT if timeout else SourceErrorKind.FAILED
        return CollectorResult(source=self.source, errors=(SourceError(
            source=self.source, kind=kind, message=message),))

    async def _index(self, official: Official) -> str:
        if official.ori_index:
            return official.ori_index.strip()
        if not official.organisation:
            raise LookupError("ORI: no organisation or ori_index in the roster to choose an "
                              "index by")
        directory = await self._directory.get("", self._read_directory)
        try:
            return directory.index_for(official.organisation)
        except LookupError as exc:
            raise LookupError(f"ORI: the organisation {exc}") from None

    async def _read_directory(self) -> _Directory:
        bodies: list[_Body] = []
        hits, _ = await _search_all(self._client, INDEX_PATTERNS, organizations_query,
                                    _ORGANIZATIONS_PAGE, limit=10_000)
        for hit in hits:
            name, kind = hit.source.get("name"), hit.source.get("@type")
            if isinstance(name, str) and name.strip() and kind in (None, "Organization"):
                bodies.append(_Body(index=hit.index, name=name))
        return _Directory(_newest(bodies))

    async def _candidates(self, official: Official, index: str,
                          ) -> tuple[list[Hit], list[SourceError]]:
        hits, total = await _search_all(
            self._client, (index,), lambda size, after: candidate_query(official, size, after),
            min(_PAGE_SIZE, self._max_hits), self._max_hits, inner_name=INNER_HITS)
        errors = []
        if total is not None and total > len(hits):
            errors.append(SourceError(
                source=self.source, kind=SourceErrorKind.SKIPPED,
                message=f"ORI {index}: {total} documents are candidates, {len(hits)} were "
                        "read (max_hits)"))
        return hits, errors

    async def _confirm(self, official: Official, index: str, hits: list[Hit],
                       ) -> tuple[list[Finding], list[SourceError]]:
        findings: list[Finding] = []
        errors: list[SourceError] = []
        unread = [hit for hit in hits if not hit.pages]
        texts = await self._full_texts(index, [hit.id for hit in unread])
        for hit in hits:
            pages = hit.pages if hit.pages else texts.get(hit.id, ())
            if hit.pages and hit.pages_total > len(hit.pages):
                errors.append(SourceError(
                    source=self.source, kind=SourceErrorKind.SKIPPED,
                    message=f"ORI {index}: document {clean_text(hit.id)[:64]} has "
                            f"{hit.pages_total} candidate pages, {len(hit.pages)} were read"))
            for number, text in pages:
                self.pages_read += 1
                for match in await in_thread(_page_matches, official, hit, text):
                    if match.kind in ORI_KINDS:
                        findings.append(_finding(official, hit, number, match))
        return findings, errors

    async def _full_texts(self, index: str, ids: list[str],
                          ) -> dict[str, tuple[tuple[int, str], ...]]:
        """Documents found on `text` without page hits: every page of their `text`."""
        texts: dict[str, tuple[tuple[int, str], ...]] = {}
        for start in range(0, len(ids), _FULL_TEXT_BATCH):
            batch = ids[start:start + _FULL_TEXT_BATCH]
            page = await self._client.search((index,), full_text_query(batch))
            for hit in page.hits:
                text = hit.source.get("text")
                values = text if isinstance(text, list) else [text]
                texts[hit.id] = tuple((number, value) for number, value in
                                      enumerate(values, start=1) if isinstance(value, str))
        return texts


async def _search_all(client: OriClient, indices: tuple[str, ...],
                      build: Callable[[int, list[Any] | None], dict[str, Any]], size: int,
                      limit: int, inner_name: str = "") -> tuple[list[Hit], int | None]:
    """Every hit up to `limit`, paged with `search_after` on the sort values (or `from`
    for answers whose hits carry none), and the total the first page announced."""
    hits: dict[tuple[str, str], Hit] = {}
    total: int | None = None
    after: list[Any] | None = None
    offset = 0
    while len(hits) < limit:
        body = build(min(size, limit - len(hits)), after)
        if after is None and offset:
            if offset + body["size"] > 10_000:  # Elasticsearch's result window
                break
            body["from"] = offset
        page = await client.search(indices, body, inner_name)
        total = page.total if total is None else total
        new = [hit for hit in page.hits if (hit.index, hit.id) not in hits]
        hits.update(((hit.index, hit.id), hit) for hit in new)
        if len(page.hits) < body["size"] or not new:
            break
        last = page.hits[-1].sort
        after, offset = (list(last), 0) if last is not None else (None, offset + len(page.hits))
    return list(hits.values())[:limit], total


def _newest(bodies: list[_Body]) -> list[_Body]:
    """One index per name: during a rebuild an old and a new index both answer
    ("ori_heerde_20240101..." and "ori_heerde_20250301..."); the newest counts."""
    newest: dict[tuple[str, str], _Body] = {}
    for body in bodies:
        stem = body.index.rstrip("0123456789").rstrip("_")
        key = (organisation_key(body.name), stem)
        if key not in newest or body.index > newest[key].index:
            newest[key] = body
    return list(newest.values())


def _lines(raw: list[str]) -> list[str]:
    """A page's lines as set, with words hyphenated at a line end whole again ("Kerk-" +
    "straat 19"): ORI keeps the PDF's line breaks."""
    lines: list[str] = []
    for line in raw:
        if not line.strip():
            continue
        previous = lines[-1] if lines else ""
        if previous.endswith("-") and previous[-2:-1].isalpha() and line.lstrip()[:1].islower():
            lines[-1] = unwrap([previous, line])
        else:
            lines.append(line)
    return lines


def _paragraphs(raw: list[str]) -> list[str]:
    """A page's paragraphs (runs of lines between blank lines), each unwrapped as the
    PDF reader does."""
    runs: list[list[str]] = [[]]
    for line in raw:
        if line.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [paragraph for paragraph in (unwrap(run) for run in runs) if paragraph]


def _page_matches(official: Official, hit: Hit, text: str) -> list[WebMatch]:
    """The page read line by line, then paragraph by paragraph.

    Lines keep a table row or a list item to itself, so what is found there is tied to
    the right name and quoted without the next row. Paragraphs read what a PDF set over
    several lines: an address block ("Vorchterweg" / "18" / "8194 LA Veessen"), or a
    sentence that names the official on one line and the partner on the next. Of one
    value the surer match counts, the line's when they are as sure.
    """
    raw = text[:_MAX_PAGE_CHARS].split("\n")
    lines, paragraphs = _lines(raw), _paragraphs(raw)
    found = find_exposures(official, _content(hit, lines))
    if paragraphs != lines:
        found += find_exposures(official, _content(hit, paragraphs))
    return best_matches(found)


def _content(hit: Hit, blocks: list[str]) -> PageContent:
    """One page of a document as the web matchers read it: a block per line or paragraph."""
    title = hit.source.get("name")
    return PageContent(url=_url(hit) or "", title=title if isinstance(title, str) else "",
                       blocks=tuple(Block(Element.TEXT, block) for block in blocks))


def _url(hit: Hit) -> str | None:
    for field in ("original_url", "url"):
        value = hit.source.get(field)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def _date(hit: Hit) -> str | None:
    for field in ("last_discussed_at", "date_modified", "start_date"):
        value = hit.source.get(field)
        if isinstance(value, str) and value[:4].isdigit():
            return value[:10]
    return None


def _finding(official: Official, hit: Hit, page: int, match: WebMatch) -> Finding:
    url = _url(hit)
    cached = hit.source.get("url")
    locator = Locator(url=url, page=page,
                      cached_url=cached if isinstance(cached, str) and cached != url
                      and cached.startswith(("http://", "https://")) else None,
                      element=None if url else f"ori:{hit.index}/{hit.id}"[:200])
    title = hit.source.get("name")
    return page_finding(official, match, SourceId.ORI, locator=locator,
                        page=Locator(url=url or locator.element, page=page),
                        page_title=title if isinstance(title, str) and title else None,
                        document_date=_date(hit))
