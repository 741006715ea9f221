"""A small Elasticsearch 7.9 search engine: the query DSL subset ORI clients use, faithfully.

Everything here is written from the Elasticsearch 7.x reference and ORI's public docs, not from
exposurecheck's code. Errors are raised as `EsError` carrying the JSON body Elasticsearch
itself answers with (`{"error": {"root_cause": [...], "type", "reason"}, "status"}`).
"""

from __future__ import annotations

import fnmatch
import math
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from es_analysis import Token, analyze

MAX_RESULT_WINDOW = 10_000
MAX_INNER_RESULT_WINDOW = 100
TRACK_TOTAL_HITS_DEFAULT = 10_000
SHARDS_PER_INDEX = 2
LONG_MAX = 9223372036854775807
LONG_MIN = -9223372036854775808

_TEXT = {"type": "text", "analyzer": "text_nl"}
_TEXT_KW = {"type": "text", "analyzer": "text_nl",
            "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}
_KW = {"type": "keyword"}
_DATE = {"type": "date"}

MAPPING: dict[str, Any] = {
    "properties": {
        "@type": _KW, "@context": {"type": "object", "enabled": False},
        "classification": _KW, "collection": _KW, "has_organization_name": _KW,
        "original_url": _KW, "url": _KW, "content_type": _KW, "is_referenced_by": _KW,
        "name": _TEXT_KW, "description": _TEXT_KW, "title": _TEXT_KW,
        "text": _TEXT, "md_text": _TEXT, "all_text": _TEXT,
        "last_discussed_at": _DATE, "date_modified": _DATE, "start_date": _DATE,
        "size_in_bytes": {"type": "long"},
        "text_pages": {"type": "nested", "properties": {
            "text": _TEXT, "page_number": {"type": "integer"}}},
    }
}


class EsError(Exception):
    """An error Elasticsearch answers with: HTTP status and JSON body."""

    def __init__(self, status: int, body: dict[str, Any]):
        super().__init__(body.get("error", {}).get("reason", "") if isinstance(
            body.get("error"), dict) else str(body.get("error")))
        self.status = status
        self.body = body


def es_error(status: int, etype: str, reason: str, *, root: dict[str, Any] | None = None,
             **extra: Any) -> EsError:
    """Build the error body Elasticsearch 7 returns: root_cause plus the error itself."""
    cause = root if root is not None else {"type": etype, "reason": reason, **extra}
    return EsError(status, {"error": {"root_cause": [cause], "type": etype, "reason": reason,
                                      **extra}, "status": status})


def parsing_error(reason: str, **extra: Any) -> EsError:
    return es_error(400, "parsing_exception", reason, line=1, col=1, **extra)


def illegal_argument(reason: str) -> EsError:
    return es_error(400, "illegal_argument_exception", reason)


def shard_failure(index: str, etype: str, reason: str, status: int = 400) -> EsError:
    """An error raised on every shard: search_phase_execution_exception 'all shards failed'."""
    inner = {"type": etype, "reason": reason}
    body = {"error": {"root_cause": [{**inner, "index_uuid": "stand-in", "index": index}],
                      "type": "search_phase_execution_exception", "reason": "all shards failed",
                      "phase": "query", "grouped": True,
                      "failed_shards": [{"shard": 0, "index": index, "node": "standin-node-1",
                                         "reason": {**inner, "index_uuid": "stand-in",
                                                    "index": index}}],
                      "caused_by": inner}, "status": status}
    return EsError(status, body)


# --------------------------------------------------------------------------- mapping helpers

def field_mapping(path: str) -> tuple[dict[str, Any] | None, str | None]:
    """The mapping of a dotted field path and the nested path it lives under (or None)."""
    props = MAPPING["properties"]
    parts = path.split(".")
    nested: str | None = None
    current: dict[str, Any] | None = None
    walked: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if current is not None and "fields" in current and part in current["fields"]:
            return current["fields"][part], nested
        if part not in props:
            return None, nested
        current = props[part]
        walked.append(part)
        if current.get("type") == "nested":
            nested = ".".join(walked)
        props = current.get("properties", {})
        i += 1
    return current, nested


def field_type(path: str) -> str | None:
    if path in ("_id", "_index"):
        return "keyword"
    mapping, _ = field_mapping(path)
    return None if mapping is None else str(mapping.get("type", "object"))


def _base_field(path: str) -> str:
    """`name.keyword` is stored in `name`: the source path behind a multi-field."""
    mapping, _ = field_mapping(path)
    if path.endswith(".keyword") and mapping is not None and mapping.get("type") == "keyword":
        parent, _ = field_mapping(path[: -len(".keyword")])
        if parent is not None and "fields" in parent:
            return path[: -len(".keyword")]
    return path


def parse_date(value: Any) -> int | None:
    """Epoch milliseconds of an ES date (ISO 8601 string or number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit():
        return int(text)
    try:
        if len(text) == 10:
            dt = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
        else:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=UTC)
    except ValueError:
        return None
    return int(dt.timestamp() * 1000)


# --------------------------------------------------------------------------- documents

@dataclass
class Doc:
    """One stored document of a concrete index."""

    id: str
    source: dict[str, Any]
    seq: int
    shard: int
    _tokens: dict[str, list[list[Token]]] = field(default_factory=dict, repr=False)
    _posmaps: dict[str, list[dict[str, list[int]]]] = field(default_factory=dict, repr=False)


def _walk(obj: Any, parts: list[str]) -> list[Any]:
    """Leaf values at a dotted path, arrays flattened."""
    if not parts:
        if isinstance(obj, list):
            out: list[Any] = []
            for item in obj:
                out.extend(_walk(item, []))
            return out
        return [] if obj is None else [obj]
    if isinstance(obj, list):
        out = []
        for item in obj:
            out.extend(_walk(item, parts))
        return out
    if isinstance(obj, dict):
        # a key may itself contain dots (`@context` values do); try the longest match first
        for k in range(len(parts), 0, -1):
            key = ".".join(parts[:k])
            if key in obj:
                return _walk(obj[key], parts[k:])
    return []


class Ctx:
    """What a query sees: the root document, or one nested object of it."""

    def __init__(self, index: Index, doc: Doc, nested_path: str | None = None,
                 obj: dict[str, Any] | None = None, offset: int = -1):
        self.index = index
        self.doc = doc
        self.nested_path = nested_path
        self.obj = obj
        self.offset = offset

    def values(self, path: str) -> list[Any]:
        if path == "_id":
            return [self.doc.id]
        if path == "_index":
            return [self.index.name]
        src_path = _base_field(path)
        _, nested = field_mapping(path)
        if self.nested_path is None:
            if nested is not None:
                return []  # nested fields are separate documents: invisible from the root
            return _walk(self.doc.source, src_path.split("."))
        if nested != self.nested_path or self.obj is None:
            return []
        rel = src_path[len(self.nested_path) + 1:]
        return _walk(self.obj, rel.split("."))

    def _key(self, path: str) -> str:
        return path if self.nested_path is None else f"{path}#{self.offset}"

    def tokens(self, path: str) -> list[list[Token]]:
        key = self._key(path)
        cached = self.doc._tokens.get(key)
        if cached is None:
            cached = [analyze(str(v)) for v in self.values(path)]
            self.doc._tokens[key] = cached
        return cached

    def posmaps(self, path: str) -> list[dict[str, list[int]]]:
        key = self._key(path)
        cached = self.doc._posmaps.get(key)
        if cached is None:
            cached = []
            for toks in self.tokens(path):
                pm: dict[str, list[int]] = {}
                for t in toks:
                    pm.setdefault(t.term, []).append(t.position)
                cached.append(pm)
            self.doc._posmaps[key] = cached
        return cached

    def field_length(self, path: str) -> int:
        return sum(len({(t.position) for t in toks}) for toks in self.tokens(path))


class Index:
    """A concrete index with its alias and per-field statistics for BM25."""

    def __init__(self, name: str, alias: str | None, sources: Iterable[tuple[str, dict[str, Any]]]):
        self.name = name
        self.alias = alias
        self.docs = [Doc(doc_id, src, seq, _shard_of(doc_id))
                     for seq, (doc_id, src) in enumerate(sources)]
        self._stats: dict[str, tuple[int, float, dict[str, int]]] = {}
        self._lock = threading.Lock()

    def contexts(self, doc: Doc, nested_path: str) -> list[Ctx]:
        objs = doc.source.get(nested_path.split(".")[0])
        if not isinstance(objs, list):
            objs = [objs] if isinstance(objs, dict) else []
        return [Ctx(self, doc, nested_path, o, i)
                for i, o in enumerate(objs) if isinstance(o, dict)]

    def stats(self, path: str) -> tuple[int, float, dict[str, int]]:
        """(documents with the field, average length, document frequency per term)."""
        with self._lock:
            cached = self._stats.get(path)
        if cached is not None:
            return cached
        _, nested = field_mapping(path)
        ctxs: list[Ctx] = []
        for doc in self.docs:
            if nested is None:
                ctxs.append(Ctx(self, doc))
            else:
                ctxs.extend(self.contexts(doc, nested))
        count, total = 0, 0
        df: dict[str, int] = {}
        for ctx in ctxs:
            toks = ctx.tokens(path)
            if not toks:
                continue
            count += 1
            total += ctx.field_length(path)
            for term in {t.term for value in toks for t in value}:
                df[term] = df.get(term, 0) + 1
        result = (count, (total / count) if count else 0.0, df)
        with self._lock:
            self._stats[path] = result
        return result


def _shard_of(doc_id: str) -> int:
    return sum(doc_id.encode()) % SHARDS_PER_INDEX


# --------------------------------------------------------------------------- query nodes

def _bm25(ctx: Ctx, path: str, term: str, tf: float, boost: float) -> float:
    count, avg, df = ctx.index.stats(path)
    n = df.get(term, 0) or 1
    idf = math.log(1 + (count - n + 0.5) / (n + 0.5)) if count else 0.0
    dl = ctx.field_length(path)
    k1, b = 1.2, 0.75
    norm = k1 * (1 - b + b * (dl / avg)) if avg else k1
    return boost * idf * (tf * (k1 + 1)) / (tf + norm)


class Node:
    """A compiled query: `score` answers None when the context does not match."""

    def score(self, ctx: Ctx) -> float | None:
        raise NotImplementedError

    def children(self) -> list[Node]:
        return []

    def highlight_terms(self, path: str, ctx: Ctx) -> set[tuple[int, int]]:
        """(value index, position) pairs this query matched in `path`, for highlighting."""
        found: set[tuple[int, int]] = set()
        for child in self.children():
            found |= child.highlight_terms(path, ctx)
        return found


class MatchAll(Node):
    def __init__(self, boost: float = 1.0):
        self.boost = boost

    def score(self, ctx: Ctx) -> float | None:
        return self.boost


class MatchNone(Node):
    def score(self, ctx: Ctx) -> float | None:
        return None


class Bool(Node):
    def __init__(self, must: list[Node], should: list[Node], filt: list[Node],
                 must_not: list[Node], msm: int, boost: float):
        self.must, self.should, self.filter, self.must_not = must, should, filt, must_not
        self.msm, self.boost = msm, boost

    def children(self) -> list[Node]:
        return [*self.must, *self.should, *self.filter]

    def score(self, ctx: Ctx) -> float | None:
        total = 0.0
        for q in self.must:
            s = q.score(ctx)
            if s is None:
                return None
            total += s
        for q in self.filter:
            if q.score(ctx) is None:
                return None
        for q in self.must_not:
            if q.score(ctx) is not None:
                return None
        matched = 0
        for q in self.should:
            s = q.score(ctx)
            if s is not None:
                matched += 1
                total += s
        if matched < self.msm:
            return None
        return total * self.boost


class DisMax(Node):
    def __init__(self, queries: list[Node], tie: float, boost: float):
        self.queries, self.tie, self.boost = queries, tie, boost

    def children(self) -> list[Node]:
        return list(self.queries)

    def score(self, ctx: Ctx) -> float | None:
        scores = [s for s in (q.score(ctx) for q in self.queries) if s is not None]
        if not scores:
            return None
        best = max(scores)
        return (best + self.tie * (sum(scores) - best)) * self.boost


class ConstantScore(Node):
    def __init__(self, inner: Node, boost: float):
        self.inner, self.boost = inner, boost

    def children(self) -> list[Node]:
        return [self.inner]

    def score(self, ctx: Ctx) -> float | None:
        return None if self.inner.score(ctx) is None else self.boost


class Phrase(Node):
    """match_phrase: positions of analyzed query groups, within one value, with slop."""

    def __init__(self, path: str, groups: list[tuple[int, set[str]]], slop: int, boost: float,
                 keyword: str | None):
        self.path, self.groups, self.slop, self.boost, self.keyword = (
            path, groups, slop, boost, keyword)

    def _starts(self, pm: dict[str, list[int]]) -> list[list[int]]:
        """Every match in one value, as the list of matched positions."""
        if not self.groups:
            return []
        cands = [sorted({p for t in terms for p in pm.get(t, [])}) for _, terms in self.groups]
        if any(not c for c in cands):
            return []
        rel = [r for r, _ in self.groups]
        matches: list[list[int]] = []
        if self.slop == 0:
            others = [set(c) for c in cands]
            for p0 in cands[0]:
                base = p0 - rel[0]
                if all(base + rel[i] in others[i] for i in range(1, len(rel))):
                    matches.append([base + r for r in rel])
            return matches
        for p0 in cands[0]:
            d0 = p0 - rel[0]
            got = self._extend(cands, rel, 1, [p0], d0, d0)
            if got is not None:
                matches.append(got)
        return matches

    def _extend(self, cands: list[list[int]], rel: list[int], i: int, chosen: list[int],
                lo: int, hi: int) -> list[int] | None:
        """Sloppy phrase (Lucene): every term placed, spread of (position - offset) <= slop."""
        if i == len(rel):
            return chosen
        for p in cands[i]:
            if p in chosen:
                continue
            d = p - rel[i]
            nlo, nhi = min(lo, d), max(hi, d)
            if nhi - nlo > self.slop:
                continue
            got = self._extend(cands, rel, i + 1, [*chosen, p], nlo, nhi)
            if got is not None:
                return got
        return None

    def score(self, ctx: Ctx) -> float | None:
        if self.keyword is not None:
            vals = ctx.values(self.path)
            return self.boost if self.keyword in [str(v) for v in vals] else None
        freq = sum(len(self._starts(pm)) for pm in ctx.posmaps(self.path))
        if freq == 0:
            return None
        return sum(_bm25(ctx, self.path, sorted(t)[0], freq, self.boost) for _, t in self.groups)

    def highlight_terms(self, path: str, ctx: Ctx) -> set[tuple[int, int]]:
        if path != self.path or self.keyword is not None:
            return set()
        found: set[tuple[int, int]] = set()
        for vi, pm in enumerate(ctx.posmaps(path)):
            for match in self._starts(pm):
                found.update((vi, p) for p in match)
        return found


class MatchTerms(Node):
    """match: any (or all) analyzed query positions, each a set of alternative terms."""

    def __init__(self, path: str, groups: list[set[str]], required: int, boost: float,
                 keyword: str | None):
        self.path, self.groups, self.required, self.boost, self.keyword = (
            path, groups, required, boost, keyword)

    def score(self, ctx: Ctx) -> float | None:
        if self.keyword is not None:
            vals = [str(v) for v in ctx.values(self.path)]
            return self.boost if self.keyword in vals else None
        if not self.groups:
            return None
        pms = ctx.posmaps(self.path)
        matched, total = 0, 0.0
        for terms in self.groups:
            best = 0.0
            hit = False
            for term in terms:
                tf = sum(len(pm.get(term, [])) for pm in pms)
                if tf:
                    hit = True
                    best = max(best, _bm25(ctx, self.path, term, tf, self.boost))
            if hit:
                matched += 1
                total += best
        if matched < self.required or matched == 0:
            return None
        return total

    def highlight_terms(self, path: str, ctx: Ctx) -> set[tuple[int, int]]:
        if path != self.path or self.keyword is not None:
            return set()
        wanted = set().union(*self.groups) if self.groups else set()
        return {(vi, p) for vi, pm in enumerate(ctx.posmaps(path))
                for term in wanted for p in pm.get(term, [])}


class TermSet(Node):
    """term / terms: exact values, no analysis (on a text field: exact tokens)."""

    def __init__(self, path: str, values: list[Any], boost: float):
        self.path, self.boost = path, boost
        self.ftype = field_type(path)
        if self.ftype == "date":
            self.values: set[Any] = {parse_date(v) for v in values}
        elif self.ftype in ("integer", "long"):
            self.values = {_as_number(v) for v in values}
        else:
            self.values = {v if isinstance(v, str) else _json_scalar(v) for v in values}

    def score(self, ctx: Ctx) -> float | None:
        if self.ftype == "text":
            terms = {t.term for value in ctx.tokens(self.path) for t in value}
            return self.boost if terms & self.values else None
        for v in ctx.values(self.path):
            if self.ftype == "date":
                v = parse_date(v)
            elif self.ftype in ("integer", "long"):
                v = _as_number(v)
            elif not isinstance(v, str):
                v = _json_scalar(v)
            if v in self.values:
                return self.boost
        return None

    def highlight_terms(self, path: str, ctx: Ctx) -> set[tuple[int, int]]:
        if path != self.path or self.ftype != "text":
            return set()
        return {(vi, t.position) for vi, value in enumerate(ctx.tokens(path))
                for t in value if t.term in self.values}


class Pattern(Node):
    """prefix / wildcard on keyword values or on the tokens of a text field."""

    def __init__(self, path: str, test: Callable[[str], bool], boost: float):
        self.path, self.test, self.boost = path, test, boost
        self.ftype = field_type(path)

    def score(self, ctx: Ctx) -> float | None:
        if self.ftype == "text":
            vals = [t.term for value in ctx.tokens(self.path) for t in value]
        else:
            vals = [str(v) for v in ctx.values(self.path)]
        return self.boost if any(self.test(v) for v in vals) else None


class Exists(Node):
    def __init__(self, path: str):
        self.path = path

    def score(self, ctx: Ctx) -> float | None:
        mapping, _ = field_mapping(self.path)
        if mapping is not None and mapping.get("type") == "nested":
            return None  # a nested object is a separate document: not visible from here
        vals = ctx.values(self.path)
        return 1.0 if any(v not in (None, [], {}) for v in vals) else None


class Range(Node):
    def __init__(self, path: str, bounds: dict[str, Any], boost: float):
        self.path, self.boost = path, boost
        self.ftype = field_type(path)
        conv = parse_date if self.ftype == "date" else _as_number
        self.bounds = {k: conv(v) for k, v in bounds.items() if k in ("gt", "gte", "lt", "lte")}

    def score(self, ctx: Ctx) -> float | None:
        for raw in ctx.values(self.path):
            v = parse_date(raw) if self.ftype == "date" else _as_number(raw)
            if v is None:
                continue
            b = self.bounds
            if "gt" in b and b["gt"] is not None and not v > b["gt"]:
                continue
            if "gte" in b and b["gte"] is not None and not v >= b["gte"]:
                continue
            if "lt" in b and b["lt"] is not None and not v < b["lt"]:
                continue
            if "lte" in b and b["lte"] is not None and not v <= b["lte"]:
                continue
            return self.boost
        return None


@dataclass
class InnerHitsSpec:
    name: str
    size: int
    start: int
    source: Any
    highlight: dict[str, Any] | None


class Nested(Node):
    def __init__(self, path: str, inner: Node, score_mode: str, inner_hits: InnerHitsSpec | None):
        self.path, self.inner, self.score_mode, self.inner_hits = (
            path, inner, score_mode, inner_hits)

    def matches(self, ctx: Ctx) -> list[tuple[Ctx, float]]:
        if ctx.nested_path is not None:
            return []
        found = []
        for sub in ctx.index.contexts(ctx.doc, self.path):
            s = self.inner.score(sub)
            if s is not None:
                found.append((sub, s))
        return found

    def score(self, ctx: Ctx) -> float | None:
        found = self.matches(ctx)
        if not found:
            return None
        scores = [s for _, s in found]
        mode = self.score_mode
        if mode == "none":
            return 0.0
        if mode == "max":
            return max(scores)
        if mode == "min":
            return min(scores)
        if mode == "sum":
            return sum(scores)
        return sum(scores) / len(scores)


def _as_number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    try:
        return float(str(v))
    except ValueError:
        return None


def _json_scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


# --------------------------------------------------------------------------- query parsing

def _single(q: Any, where: str) -> tuple[str, Any]:
    if not isinstance(q, dict) or not q:
        raise parsing_error(f"[{where}] query malformed, no start_object after query name")
    if len(q) > 1:
        first = next(iter(q))
        raise parsing_error(
            f"[{first}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]")
    return next(iter(q.items()))


def _field_body(qtype: str, body: Any, allowed: set[str]) -> tuple[str, dict[str, Any]]:
    """`{"field": "text"}` or `{"field": {"query": ..., ...}}` as (field, options)."""
    if not isinstance(body, dict) or not body:
        raise parsing_error(f"[{qtype}] query malformed, no field to query")
    fields = [k for k in body if k not in ("boost", "_name")]
    if len(fields) != 1:
        raise parsing_error(
            f"[{qtype}] query doesn't support multiple fields, found [{fields[0]}] and "
            f"[{fields[-1]}]" if fields else f"[{qtype}] query malformed, no field to query")
    path = fields[0]
    opts = body[path]
    if not isinstance(opts, dict):
        opts = {"query": opts}
    for key in opts:
        if key not in allowed:
            raise parsing_error(f"[{qtype}] query does not support [{key}]")
    if "query" not in opts and "value" not in opts:
        raise parsing_error(f"[{qtype}] requires query value")
    return path, opts


def _groups(text: str) -> list[tuple[int, set[str]]]:
    by_pos: dict[int, set[str]] = {}
    for t in analyze(text):
        by_pos.setdefault(t.position, set()).add(t.term)
    return sorted(by_pos.items())


def _msm(spec: Any, optional: int) -> int:
    if spec is None:
        return 0
    text = str(spec).strip()
    try:
        if text.endswith("%"):
            pct = float(text[:-1])
            n = int(optional * abs(pct) / 100)
            return n if pct >= 0 else optional - n
        n = int(text)
    except ValueError as exc:
        raise illegal_argument(f"failed to parse minimum_should_match [{text}]") from exc
    return n if n >= 0 else max(optional + n, 0)


_SCRIPT_KEYS = {"script", "script_score", "script_fields", "scripted_metric"}


def find_script(obj: Any) -> bool:
    """A search-time script anywhere in the body: ORI's cluster refuses them."""
    if isinstance(obj, dict):
        return any(k in _SCRIPT_KEYS or find_script(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(find_script(v) for v in obj)
    return False


def compile_query(q: Any, nested: str | None = None) -> Node:
    """Parse one query clause as Elasticsearch 7.9 does, or raise its parsing error."""
    qtype, body = _single(q, "query")
    boost = float(body.get("boost", 1.0)) if isinstance(body, dict) else 1.0
    if qtype == "match_all":
        return MatchAll(boost)
    if qtype == "match_none":
        return MatchNone()
    if qtype == "bool":
        if not isinstance(body, dict):
            raise parsing_error("[bool] query malformed, no start_object after query name")
        clauses: dict[str, list[Node]] = {}
        for key in ("must", "should", "filter", "must_not"):
            raw = body.get(key, [])
            items = _flatten(raw)
            clauses[key] = [compile_query(item, nested) for item in items]
        for key in body:
            if key not in ("must", "should", "filter", "must_not", "minimum_should_match",
                           "boost", "_name", "adjust_pure_negative"):
                raise parsing_error(f"[bool] query does not support [{key}]")
        default = 0 if (clauses["must"] or clauses["filter"]) else (1 if clauses["should"] else 0)
        msm = default
        if "minimum_should_match" in body:
            msm = _msm(body["minimum_should_match"], len(clauses["should"]))
        if not any(clauses.values()):
            return MatchAll(boost)
        return Bool(clauses["must"], clauses["should"], clauses["filter"], clauses["must_not"],
                    msm, boost)
    if qtype == "constant_score":
        if not isinstance(body, dict) or "filter" not in body:
            raise parsing_error("[constant_score] requires a 'filter' element")
        return ConstantScore(compile_query(body["filter"], nested), boost)
    if qtype == "dis_max":
        if not isinstance(body, dict) or "queries" not in body:
            raise parsing_error("[dis_max] requires 'queries' field with at least one clause")
        return DisMax([compile_query(x, nested) for x in _flatten(body["queries"])],
                      float(body.get("tie_breaker", 0.0)), boost)
    if qtype in ("match_phrase", "match"):
        allowed = {"query", "boost", "_name", "analyzer", "slop", "zero_terms_query"}
        if qtype == "match":
            allowed |= {"operator", "minimum_should_match", "fuzziness", "prefix_length",
                        "max_expansions", "fuzzy_transpositions", "lenient",
                        "auto_generate_synonyms_phrase_query", "cutoff_frequency"}
            allowed.discard("slop")
        path, opts = _field_body(qtype, body, allowed)
        text = str(opts.get("query", ""))
        qboost = float(opts.get("boost", 1.0))
        ftype = field_type(path)
        keyword = text if ftype == "keyword" else None
        if ftype is None:
            return MatchNone()
        groups = _groups(text)
        if qtype == "match_phrase":
            base = groups[0][0] if groups else 0
            return Phrase(path, [(p - base, t) for p, t in groups], int(opts.get("slop", 0)),
                          qboost, keyword)
        operator = str(opts.get("operator", "or")).lower()
        if operator not in ("or", "and"):
            raise illegal_argument(f"No enum constant for operator [{operator}]")
        sets = [t for _, t in groups]
        required = len(sets) if operator == "and" else max(
            1, _msm(opts.get("minimum_should_match"), len(sets)))
        return MatchTerms(path, sets, required, qboost, keyword)
    if qtype == "multi_match":
        if not isinstance(body, dict) or "query" not in body:
            raise parsing_error("[multi_match] requires query value")
        fields = body.get("fields", ["*"])
        mtype = body.get("type", "best_fields")
        subs = []
        for f in fields:
            name, _, fboost = str(f).partition("^")
            opts: dict[str, Any] = {"query": body["query"]}
            if fboost:
                opts["boost"] = float(fboost)
            if mtype in ("phrase", "phrase_prefix"):
                if "slop" in body:
                    opts["slop"] = body["slop"]
                subs.append(compile_query({"match_phrase": {name: opts}}, nested))
            else:
                for key in ("operator", "minimum_should_match"):
                    if key in body:
                        opts[key] = body[key]
                subs.append(compile_query({"match": {name: opts}}, nested))
        return DisMax(subs, float(body.get("tie_breaker", 0.0)), boost)
    if qtype in ("term", "terms"):
        if not isinstance(body, dict) or not body:
            raise parsing_error(f"[{qtype}] query malformed, no start_object after query name")
        fields = [k for k in body if k not in ("boost", "_name")]
        if len(fields) != 1:
            raise parsing_error(f"[{qtype}] query does not support multiple fields")
        path = fields[0]
        raw = body[path]
        if qtype == "term":
            if isinstance(raw, dict):
                for key in raw:
                    if key not in ("value", "boost", "_name"):
                        raise parsing_error(f"[term] query does not support [{key}]")
                boost = float(raw.get("boost", boost))
                raw = raw.get("value")
            values = [raw]
        else:
            if isinstance(raw, dict):
                raise parsing_error("[terms] query does not support terms lookup in this "
                                    "stand-in")
            if not isinstance(raw, list):
                raise parsing_error(f"[terms] query does not support [{path}]")
            values = raw
        if field_type(path) is None:
            return MatchNone()
        return TermSet(path, values, boost)
    if qtype in ("prefix", "wildcard"):
        path, opts = _field_body(qtype, body, {"value", "boost", "rewrite", "_name",
                                                "case_insensitive"})
        value = str(opts.get("value", opts.get("query", "")))
        if qtype == "prefix":
            return Pattern(path, lambda v, p=value: v.startswith(p), boost)
        rx = re.compile(fnmatch.translate(value), re.S)
        return Pattern(path, lambda v, r=rx: r.match(v) is not None, boost)
    if qtype == "exists":
        if not isinstance(body, dict) or "field" not in body:
            raise parsing_error("[exists] must be provided with a [field]")
        return Exists(str(body["field"]))
    if qtype == "ids":
        if not isinstance(body, dict) or not isinstance(body.get("values"), list):
            raise parsing_error("[ids] query malformed, no values")
        return TermSet("_id", [str(v) for v in body["values"]], boost)
    if qtype == "range":
        if not isinstance(body, dict) or len(body) != 1:
            raise parsing_error("[range] query doesn't support multiple fields")
        path, bounds = next(iter(body.items()))
        if not isinstance(bounds, dict):
            raise parsing_error("[range] query malformed, no start_object after field")
        return Range(path, bounds, float(bounds.get("boost", 1.0)))
    if qtype == "nested":
        if not isinstance(body, dict) or "path" not in body or "query" not in body:
            raise parsing_error("[nested] requires 'path' and 'query' field")
        for key in body:
            if key not in ("path", "query", "score_mode", "inner_hits", "ignore_unmapped",
                           "boost", "_name"):
                raise parsing_error(f"[nested] query does not support [{key}]")
        path = str(body["path"])
        mapping, _ = field_mapping(path)
        if mapping is None or mapping.get("type") != "nested":
            if body.get("ignore_unmapped") and mapping is None:
                return MatchNone()
            raise es_error(400, "query_shard_exception",
                           f"[nested] failed to create query: [nested] nested object under "
                           f"path [{path}] is not of nested type", index_uuid="stand-in")
        score_mode = str(body.get("score_mode", "avg"))
        if score_mode not in ("avg", "max", "min", "sum", "none"):
            raise illegal_argument(f"No enum constant ScoreMode.{score_mode}")
        spec = None
        if "inner_hits" in body:
            ih = body["inner_hits"] or {}
            if not isinstance(ih, dict):
                raise parsing_error("[inner_hits] must be an object")
            for key in ih:
                if key not in ("name", "size", "from", "_source", "highlight", "sort",
                               "explain", "version", "seq_no_primary_term", "track_scores",
                               "ignore_unmapped", "docvalue_fields", "stored_fields"):
                    raise parsing_error(f"[inner_hits] unknown field [{key}]")
            size, start = int(ih.get("size", 3)), int(ih.get("from", 0))
            name = str(ih.get("name", path))
            if start + size > MAX_INNER_RESULT_WINDOW:
                raise illegal_argument(
                    f"Inner result window is too large, the inner hit definition's [{name}]'s "
                    f"from + size must be less than or equal to: [{MAX_INNER_RESULT_WINDOW}] "
                    f"but was [{start + size}]. This limit can be set by changing the "
                    f"[index.max_inner_result_window] index level setting.")
            spec = InnerHitsSpec(name, size, start, ih.get("_source", True), ih.get("highlight"))
        return Nested(path, compile_query(body["query"], path), score_mode, spec)
    if qtype in ("query_string", "simple_query_string"):
        raise parsing_error(f"[{qtype}] is not implemented by the ORI stand-in (the real "
                            f"endpoint supports it)")
    raise es_error(400, "parsing_exception", f"unknown query [{qtype}]", line=1, col=1,
                   caused_by={"type": "named_object_not_found_exception",
                              "reason": f"[1:1] unknown field [{qtype}]"})


def _flatten(raw: Any) -> list[Any]:
    if isinstance(raw, dict):
        return [raw]
    out: list[Any] = []
    if isinstance(raw, list):
        for item in raw:
            out.extend(_flatten(item))
    return out


def nested_nodes(node: Node) -> list[Nested]:
    found: list[Nested] = []

    def visit(n: Node) -> None:
        if isinstance(n, Nested):
            found.append(n)
            return
        for c in n.children():
            visit(c)
        if isinstance(n, Bool):
            for c in n.must_not:
                visit(c)

    visit(node)
    return found
