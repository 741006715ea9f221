"""An Open Raadsinformatie stand-in: the Elasticsearch 7 subset ORI serves behind nginx.

Written from ORI's public sources (API-docs.md, example_requests.http, the nginx
configuration and index template of openstate/open-raadsinformatie), so that code tested
against it works against https://api.openraadsinformatie.nl/v1/elastic/:

* GET or POST of `<indices>/_search` and `_count`, GET of `_cat/indices`; every other
  path or method is a 403 page from nginx; a form-encoded body is a 406.
* One alias per body (`ori_<key>`, `osi_<key>`) on a concrete `<alias>_<timestamp>`
  index, with one Organization document each; wildcards match aliases and indices.
* The `text_nl` analyzer: standard tokenizer, ASCII folding, lower case, and a word
  delimiter that keeps "12a" whole, splits "12.03.1975" into parts, keeps the original
  and catenates the numbers. Array values and pages are 100 positions apart, so a
  phrase never spans two pages.
* Queries: bool, match_phrase (with slop), match, term, terms, ids, exists, match_all,
  and nested on `text_pages` with inner hits; `_source` filtering, `sort`, `from`/`size`
  within the 10,000 window, `search_after`, `track_total_hits`. Anything else is the
  400 `parsing_exception` Elasticsearch gives; a script is refused.
* Faults: nginx 502/503/504 pages, 429 `es_rejected_execution_exception`, 200 answers
  with failed shards, bodies cut off mid-JSON, and hangs.
"""

from __future__ import annotations

import fnmatch
import json
import random
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Final

import httpx

from exposurecheck.matching.fold import strip_diacritics
from exposurecheck.mock.api import Dispatch
from exposurecheck.resources import fixtures_dir

__all__ = ["ORI_BASE_PATH", "MockOri", "OriFaults", "analyze", "load_ori_data"]

ORI_BASE_PATH: Final = "/v1/elastic"
MAX_WINDOW: Final = 10_000
_POSITION_GAP: Final = 100
_FAULT_KINDS: Final = ("502", "503", "504", "429", "shards", "truncated", "hang")


# --------------------------------------------------------------------------- analysis

# The standard tokenizer (UAX #29), as far as council text needs it: a word runs on over
# "." between letters or digits and "'" between letters; "@", "-", "/" and spaces split.
_TOKEN = re.compile(r"[^\W_]+(?:(?:[.,](?=[^\W_])|'(?=[^\W\d_]))[^\W_]+)*")
_PART = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)  # a query's phrases are analysed against every document
def analyze(text: str) -> tuple[tuple[int, str], ...]:
    """(position, token) pairs; several tokens may share a position."""
    tokens: list[tuple[int, str]] = []
    position = 0
    for match in _TOKEN.finditer(strip_diacritics(text).lower()):  # asciifolding, lowercase
        word = match.group()
        parts = _PART.findall(word)
        tokens += [(position + i, part) for i, part in enumerate(parts)]
        if len(parts) > 1:
            tokens.append((position, word))  # preserve_original
            if all(part.isdigit() for part in parts):
                tokens.append((position, "".join(parts)))  # catenate_numbers
        position += len(parts)
    return tuple(tokens)


@dataclass
class _Field:
    """An analysed field: token -> positions, over all its values."""

    positions: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, values: Iterable[str]) -> _Field:
        result = cls()
        offset = 0
        for value in values:
            last = -1
            for position, token in analyze(value):
                result.positions.setdefault(token, set()).add(offset + position)
                last = max(last, position)
            offset += last + 1 + _POSITION_GAP
        return result

    def phrase(self, query: str, slop: int = 0) -> bool:
        wanted: dict[int, set[str]] = {}
        for position, token in analyze(query):
            wanted.setdefault(position, set()).add(token)
        if not wanted:
            return False
        order = sorted(wanted)
        starts = set().union(*(self.positions.get(t, set()) for t in wanted[order[0]]))
        for start in starts:
            if all(any(any(abs(p - (start + rel - order[0])) <= slop
                           for p in self.positions.get(t, ()))
                       for t in wanted[rel]) for rel in order[1:]):
                return True
        return False

    def any_token(self, query: str, operator: str) -> bool:
        tokens = {token for _, token in analyze(query)}
        found = [token in self.positions for token in tokens]
        return bool(tokens) and (all(found) if operator == "and" else any(found))


# --------------------------------------------------------------------------- documents


@dataclass
class _Doc:
    index: str
    id: str
    source: dict[str, Any]
    order: int
    _fields: dict[str, _Field] = field(default_factory=dict)

    def analysed(self, name: str, values: Sequence[str]) -> _Field:
        if name not in self._fields:
            self._fields[name] = _Field.of(values)
        return self._fields[name]


class QueryError(Exception):
    def __init__(self, kind: str, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.status = kind, reason, status


def _values(source: Mapping[str, Any], path: str) -> list[Any]:
    """A field's values: a key as written ("@type"), else a dotted path into objects."""
    value: Any = source.get(path) if path in source else source
    if path not in source:
        for part in path.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


_TEXT_FIELDS = frozenset({"text", "md_text", "name", "description", "title", "@type",
                          "classification", "has_organization_name", "collection"})


@dataclass
class _Scope:
    """What a query runs against: a document, or one nested page of it."""

    doc: _Doc
    source: Mapping[str, Any]
    prefix: str = ""  # "text_pages." inside a nested query

    def field(self, name: str) -> _Field | None:
        if self.prefix and name.startswith(self.prefix):
            local = name[len(self.prefix):]  # a page: analysed once, like an indexed field
            return self.doc.analysed(f"{name}#{id(self.source)}",
                                     [str(v) for v in _values(self.source, local)])
        if name.startswith("text_pages."):
            return None  # a nested field answers only inside a nested query
        if name not in _TEXT_FIELDS:
            return None
        return self.doc.analysed(name, [str(v) for v in _values(self.source, name)])

    def raw(self, name: str) -> list[Any]:
        if name == "_index":
            return [self.doc.index]
        if name == "_id":
            return [self.doc.id]
        local = name[len(self.prefix):] if self.prefix and name.startswith(self.prefix) else name
        return _values(self.source, local)


def _single(clause: Mapping[str, Any], kind: str) -> tuple[str, Any]:
    if not isinstance(clause, Mapping) or len(clause) != 1:
        raise QueryError("parsing_exception", f"[{kind}] query malformed, no start_object "
                                              "after query name")
    ((name, value),) = clause.items()
    return name, value


def _text_arg(value: Any, key: str = "query") -> tuple[str, Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return str(value.get(key, "")), value
    return str(value), {}


def matches(query: Mapping[str, Any], scope: _Scope,
            inner: dict[str, list[tuple[int, Mapping[str, Any]]]] | None = None) -> bool:
    """Whether `query` matches; nested inner hits are collected into `inner`."""
    if not isinstance(query, Mapping) or len(query) != 1:
        raise QueryError("parsing_exception", "query malformed, must start with start_object")
    ((kind, arg),) = query.items()
    if kind == "match_all":
        return True
    if kind == "bool":
        return _bool(arg, scope, inner)
    if kind in ("match_phrase", "match"):
        name, value = _single(arg, kind)
        text, options = _text_arg(value)
        analysed = scope.field(name)
        if analysed is None:
            return False
        if kind == "match_phrase":
            return analysed.phrase(text, int(options.get("slop", 0)))
        return analysed.any_token(text, str(options.get("operator", "or")).lower())
    if kind in ("term", "terms"):
        name, value = _single(arg, kind)
        wanted = value if kind == "terms" else [value.get("value") if isinstance(value, Mapping)
                                                 else value]
        if not isinstance(wanted, list):
            raise QueryError("parsing_exception", "[terms] query does not support [value]")
        return any(v in wanted for v in scope.raw(name))
    if kind == "ids":
        return scope.doc.id in (arg.get("values") or []) if isinstance(arg, Mapping) else False
    if kind == "exists":
        wanted_field = arg.get("field") if isinstance(arg, Mapping) else None
        return bool(wanted_field) and bool(scope.raw(str(wanted_field)))
    if kind == "nested":
        return _nested(arg, scope, inner)
    if kind == "script":
        raise QueryError("illegal_argument_exception", "scripts are not allowed")
    raise QueryError("parsing_exception", f"unknown query [{kind}]")


def _clauses(arg: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = arg.get(key, [])
    return value if isinstance(value, list) else [value]


def _bool(arg: Any, scope: _Scope,
          inner: dict[str, list[tuple[int, Mapping[str, Any]]]] | None) -> bool:
    if not isinstance(arg, Mapping):
        raise QueryError("parsing_exception", "[bool] query malformed")
    unknown = set(arg) - {"must", "should", "filter", "must_not", "minimum_should_match",
                          "boost"}
    if unknown:
        raise QueryError("parsing_exception", f"[bool] query does not support [{unknown.pop()}]")
    must = [*_clauses(arg, "must"), *_clauses(arg, "filter")]
    should = _clauses(arg, "should")
    # every clause runs, so that each nested clause collects its inner hits
    results = [matches(q, scope, inner) for q in must]
    hits = sum(matches(q, scope, inner) for q in should)
    excluded = any(matches(q, scope, None) for q in _clauses(arg, "must_not"))
    minimum = int(arg.get("minimum_should_match", 0 if must else 1)) if should else 0
    return all(results) and hits >= minimum and not excluded


def _nested(arg: Any, scope: _Scope,
            inner: dict[str, list[tuple[int, Mapping[str, Any]]]] | None) -> bool:
    if not isinstance(arg, Mapping) or "path" not in arg or "query" not in arg:
        raise QueryError("parsing_exception", "[nested] requires 'path' and 'query' field")
    path = str(arg["path"])
    if path != "text_pages":
        raise QueryError("illegal_state_exception", f"[nested] failed to find nested object "
                                                    f"under path [{path}]")
    pages = [p for p in _values(scope.doc.source, path) if isinstance(p, Mapping)]
    found = [(offset, page) for offset, page in enumerate(pages)
             if matches(arg["query"], _Scope(scope.doc, page, path + "."), None)]
    options = arg.get("inner_hits")
    if inner is not None and isinstance(options, Mapping) and found:
        inner.setdefault(str(options.get("name", path)), []).extend(found)
    return bool(found)


# --------------------------------------------------------------------------- the service


@dataclass(frozen=True)
class OriFaults:
    """Which answers go wrong: a share of all requests (seeded), or every request to
    one index (`by_index`: index or alias -> fault kind)."""

    failure_rate: float = 0.0
    kinds: tuple[str, ...] = _FAULT_KINDS
    by_index: Mapping[str, str] = field(default_factory=dict)
    hang_seconds: float = 30.0
    seed: int = 7


def load_ori_data(path: Path | None = None) -> dict[str, Any]:
    """The stand-in's bodies and documents (default: the demo council's)."""
    target = path or fixtures_dir() / "ori" / "demo-ori.json"
    data = json.loads(target.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("bodies"), list):
        raise ValueError("an ORI data file holds {\"bodies\": [...]}")
    return data


def _nginx(status: int, title: str) -> httpx.Response:
    page = (f"<html>\r\n<head><title>{status} {title}</title></head>\r\n<body>\r\n"
            f"<center><h1>{status} {title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n")
    return httpx.Response(status, headers={"Content-Type": "text/html"}, content=page.encode())


def _es_error(status: int, kind: str, reason: str, **extra: Any) -> httpx.Response:
    cause = {"type": kind, "reason": reason, **extra}
    return httpx.Response(status, json={"error": {"root_cause": [cause], **cause},
                                        "status": status})


class MockOri:
    """The stand-in as a function of requests; `requests` counts what it was sent."""

    def __init__(self, data: Mapping[str, Any] | None = None,
                 faults: OriFaults | None = None) -> None:
        self.faults = faults or OriFaults()
        self.requests = 0
        self.paths: list[str] = []
        self._random = random.Random(self.faults.seed)
        self._lock = threading.Lock()
        self._aliases: dict[str, str] = {}
        self._docs: dict[str, list[_Doc]] = {}
        order = 0
        for body in (data if data is not None else load_ori_data())["bodies"]:
            index, alias = str(body["index"]), str(body["alias"])
            self._aliases[alias] = index
            docs: list[_Doc] = []
            organization = {"@type": "Organization", "classification":
                            body.get("classification", "Municipality"), "name": body["name"],
                            "collection": alias.split("_", 1)[1]}
            docs.append(_Doc(index, str(body.get("organization_id", f"{alias}-org")),
                             organization, order))
            for document in body.get("documents", []):
                order += 1
                docs.append(_Doc(index, str(document["id"]), _media_object(document), order))
            self._docs[index] = docs

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(lambda request: self.dispatch(request).response)

    def dispatch(self, request: httpx.Request) -> Dispatch:
        with self._lock:
            self.requests += 1
            self.paths.append(request.url.path)
            roll = self._random.random()
            kind = self._random.choice(self.faults.kinds) if self.faults.kinds else ""
        path = request.url.path
        if not path.startswith(ORI_BASE_PATH + "/"):
            return Dispatch(_nginx(403, "Forbidden"))
        rest = path[len(ORI_BASE_PATH) + 1:]
        endpoint = rest.rsplit("/", 1)[-1]
        allowed = ((request.method == "GET" and endpoint in ("_search", "_count"))
                   or (request.method == "POST" and endpoint in ("_search", "_msearch"))
                   or (request.method == "GET" and rest.startswith("_cat/indices")))
        if not allowed:
            return Dispatch(_nginx(403, "Forbidden"))
        if rest.startswith("_cat/indices"):
            return Dispatch(httpx.Response(200, json=[
                {"health": "green", "status": "open", "index": index,
                 "docs.count": str(len(docs))} for index, docs in sorted(self._docs.items())]))
        target = rest.rsplit("/", 1)[0] if "/" in rest else "_all"
        fault = self._fault(target, kind if roll < self.faults.failure_rate else "")
        if fault is not None and fault.hang_seconds == 0 and fault.response.status_code != 200:
            return fault
        content_type = request.headers.get("Content-Type", "")
        if request.content and "json" not in content_type:
            return Dispatch(httpx.Response(406, json={
                "error": f"Content-Type header [{content_type}] is not supported",
                "status": 406}))
        try:
            if endpoint == "_msearch":
                return Dispatch(httpx.Response(200, json=self._msearch(target, request.content)))
            body = json.loads(request.content) if request.content else {}
            if not isinstance(body, dict):
                raise QueryError("parsing_exception", "request body must be an object")
            answer = self._search(target, body, endpoint == "_count")
        except json.JSONDecodeError:
            return Dispatch(_es_error(400, "json_parse_exception", "Unexpected character"))
        except QueryError as exc:
            return Dispatch(_es_error(exc.status, exc.kind, exc.reason))
        if fault is not None:
            return self._spoil(fault, answer)
        return Dispatch(httpx.Response(200, json=answer))

    def _fault(self, target: str, kind: str) -> Dispatch | None:
        aliases = {index: alias for alias, index in self._aliases.items()}
        for name in target.split(","):
            kind = self.faults.by_index.get(name, self.faults.by_index.get(
                aliases.get(name, ""), kind))
        if kind in ("502", "503", "504"):
            titles = {"502": "Bad Gateway", "503": "Service Temporarily Unavailable",
                      "504": "Gateway Time-out"}
            return Dispatch(_nginx(int(kind), titles[kind]))
        if kind == "429":
            return Dispatch(_es_error(429, "es_rejected_execution_exception",
                                      "rejected execution of coordinating operation"))
        if kind in ("shards", "truncated"):
            return Dispatch(httpx.Response(200, text=kind))  # the answer is spoiled later
        if kind == "hang":
            return Dispatch(httpx.Response(200), hang_seconds=self.faults.hang_seconds)
        return None

    def _spoil(self, fault: Dispatch, answer: dict[str, Any]) -> Dispatch:
        if fault.hang_seconds:
            return Dispatch(httpx.Response(200, json=answer), hang_seconds=fault.hang_seconds)
        if fault.response.text == "shards":
            total = answer["_shards"]["total"]
            answer["_shards"].update(successful=max(0, total - 1), failed=1, failures=[{
                "shard": 0, "index": "?", "node": "node-1", "reason": {
                    "type": "node_not_connected_exception", "reason": "node not connected"}}])
            answer["hits"]["hits"] = answer["hits"]["hits"][: len(answer["hits"]["hits"]) // 2]
            return Dispatch(httpx.Response(200, json=answer))
        whole = json.dumps(answer).encode()
        return Dispatch(httpx.Response(200, headers={"Content-Type": "application/json"},
                                       content=whole[: max(1, len(whole) // 2)]))

    def _msearch(self, target: str, content: bytes) -> dict[str, Any]:
        """NDJSON header/body pairs; ORI's nginx refuses an index in a header line."""
        lines = [json.loads(line) for line in content.splitlines() if line.strip()]
        responses: list[dict[str, Any]] = []
        for header, body in zip(lines[::2], lines[1::2], strict=False):
            if isinstance(header, Mapping) and "index" in header:
                responses.append({"error": {"type": "security_exception", "reason":
                                            "an index in an _msearch header is not allowed"},
                                  "status": 403})
                continue
            try:
                responses.append({**self._search(target, body, False), "status": 200})
            except QueryError as exc:
                responses.append({"error": {"type": exc.kind, "reason": exc.reason},
                                  "status": exc.status})
        return {"took": 3, "responses": responses}

    def _indices(self, target: str) -> list[str]:
        if target in ("_all", "*", ""):
            return sorted(self._docs)
        chosen: list[str] = []
        for name in target.split(","):
            if any(c in name for c in "*?"):
                chosen += [index for index in self._docs if fnmatch.fnmatchcase(index, name)]
                chosen += [index for alias, index in self._aliases.items()
                           if fnmatch.fnmatchcase(alias, name)]
            elif name in self._docs or name in self._aliases:
                chosen.append(self._aliases.get(name, name))
            else:
                raise QueryError("index_not_found_exception", f"no such index [{name}]", 404)
        return sorted(set(chosen))

    def _search(self, target: str, body: Mapping[str, Any], count: bool) -> dict[str, Any]:
        if "script" in json.dumps(body):
            raise QueryError("illegal_argument_exception", "scripts are not allowed here")
        size, offset = body.get("size", 10), body.get("from", 0)
        if not isinstance(size, int) or not isinstance(offset, int) or size < 0 or offset < 0:
            raise QueryError("illegal_argument_exception", "[size] and [from] must be >= 0")
        if offset + size > MAX_WINDOW:
            raise QueryError("illegal_argument_exception", f"Result window is too large, from "
                             f"+ size must be less than or equal to: [{MAX_WINDOW}] but was "
                             f"[{offset + size}].")
        query = body.get("query", {"match_all": {}})
        indices = self._indices(target)
        found: list[tuple[_Doc, dict[str, list[tuple[int, Mapping[str, Any]]]]]] = []
        for index in indices:
            for doc in self._docs[index]:
                inner: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
                if matches(query, _Scope(doc, doc.source), inner):
                    found.append((doc, inner))
        shards = {"total": len(indices), "successful": len(indices), "skipped": 0, "failed": 0}
        if count:
            return {"count": len(found), "_shards": shards}
        keys = _sort_keys(body.get("sort"))
        found.sort(key=lambda item: item[0].order)
        for name, order in reversed(keys):  # stable: the first key sorts last
            found.sort(key=partial(_item_value, name=name), reverse=order == "desc")
        after = body.get("search_after")
        if after is not None:
            if not isinstance(after, list) or len(after) != len(keys) or not body.get("sort"):
                raise QueryError("illegal_argument_exception", "search_after has "
                                 f"{len(after) if isinstance(after, list) else 0} value(s) "
                                 f"but sort has {len(keys)}.")
            found = [item for item in found if _after(item[0], keys, after)]
            offset = 0
        track = body.get("track_total_hits", MAX_WINDOW)
        total = len(found)
        relation = "eq"
        if track is not True and isinstance(track, int) and total > track:
            total, relation = track, "gte"
        hits = [self._hit(doc, inner, keys if body.get("sort") else None, body)
                for doc, inner in found[offset:offset + size]]
        return {"took": 3, "timed_out": False, "_shards": shards,
                "hits": {"total": {"value": total, "relation": relation},
                         "max_score": 1.0 if hits else None, "hits": hits}}

    def _hit(self, doc: _Doc, inner: Mapping[str, list[tuple[int, Mapping[str, Any]]]],
             keys: list[tuple[str, str]] | None, body: Mapping[str, Any]) -> dict[str, Any]:
        hit: dict[str, Any] = {"_index": doc.index, "_type": "_doc", "_id": doc.id,
                               "_score": None if keys else 1.0,
                               "_source": _filtered(doc.source, body.get("_source", True))}
        if keys:
            hit["sort"] = [_sort_value(doc, name) for name, _ in keys]
        nested = _inner_options(body.get("query"))
        if inner or nested:
            hit["inner_hits"] = {}
        for name, size in nested.items():
            pages = inner.get(name, [])
            hit["inner_hits"][name] = {"hits": {
                "total": {"value": len(pages), "relation": "eq"},
                "max_score": 1.0 if pages else None,
                "hits": [{"_index": doc.index, "_type": "_doc", "_id": doc.id,
                          "_nested": {"field": "text_pages", "offset": offset},
                          "_score": 1.0, "_source": dict(page)}
                         for offset, page in pages[:size]]}}
        return hit


def _media_object(document: Mapping[str, Any]) -> dict[str, Any]:
    """A document as ORI indexes it: the text as an array of pages, as Markdown, and as
    nested pages with their numbers."""
    pages = [str(page) for page in document.get("pages", [])]
    source = {"@type": "MediaObject", **{k: v for k, v in document.items()
                                         if k not in ("id", "pages", "without_pages")}}
    source["text"] = pages[:100]
    source["md_text"] = ["\n\n".join(pages)]
    if not document.get("without_pages"):
        source["text_pages"] = [{"text": text, "page_number": number}
                                for number, text in enumerate(pages, start=1)]
    return source


def _inner_options(query: Any) -> dict[str, int]:
    """The inner hits each nested clause asks for: name -> size (default 3)."""
    found: dict[str, int] = {}
    if isinstance(query, Mapping):
        for key, value in query.items():
            if key == "nested" and isinstance(value, Mapping) and isinstance(
                    value.get("inner_hits"), Mapping):
                options = value["inner_hits"]
                found[str(options.get("name", value.get("path")))] = int(options.get("size", 3))
            found.update(_inner_options(value))
    elif isinstance(query, list):
        for item in query:
            found.update(_inner_options(item))
    return found


def _filtered(source: Mapping[str, Any], spec: Any) -> dict[str, Any]:
    if spec is True or spec is None:
        return dict(source)
    if spec is False:
        return {}
    includes: list[str] = []
    excludes: list[str] = []
    if isinstance(spec, str):
        includes = [spec]
    elif isinstance(spec, list):
        includes = [str(s) for s in spec]
    elif isinstance(spec, Mapping):
        includes = [str(s) for s in spec.get("includes", [])] or ["*"]
        excludes = [str(s) for s in spec.get("excludes", [])]

    def wanted(key: str) -> bool:
        return (any(fnmatch.fnmatchcase(key, p) or p.startswith(key + ".") for p in includes)
                and not any(fnmatch.fnmatchcase(key, p) for p in excludes))

    return {key: value for key, value in source.items() if wanted(key)}


def _sort_keys(spec: Any) -> list[tuple[str, str]]:
    if spec is None:
        return [("_score", "desc")]
    items = spec if isinstance(spec, list) else [spec]
    keys: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, str):
            keys.append((item, "desc" if item == "_score" else "asc"))
        elif isinstance(item, Mapping) and len(item) == 1:
            ((name, how),) = item.items()
            order = how.get("order", "asc") if isinstance(how, Mapping) else how
            keys.append((str(name), str(order)))
        else:
            raise QueryError("parsing_exception", "malformed sort")
    return keys


def _item_value(item: tuple[_Doc, object], name: str) -> Any:
    return _sort_value(item[0], name)


def _sort_value(doc: _Doc, name: str) -> Any:
    if name == "_id":
        return doc.id
    if name == "_doc":
        return doc.order
    if name == "_score":
        return 1.0
    values = _values(doc.source, name)
    return str(values[0]) if values else ""


def _after(doc: _Doc, keys: list[tuple[str, str]], after: list[Any]) -> bool:
    for (name, order), bound in zip(keys, after, strict=True):
        value = _sort_value(doc, name)
        if value == bound:
            continue
        try:
            return bool(value > bound) if order == "asc" else bool(value < bound)
        except TypeError:
            return str(value) > str(bound)
    return False
