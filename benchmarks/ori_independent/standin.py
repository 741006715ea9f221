"""Stand-in for Open Raadsinformatie's public endpoint: Elasticsearch 7.9 behind nginx.

    python standin.py --port 9200 --data DIR [--faults 5xx=0.1,429=0.05,seed=7] [--log FILE]

or in-process: `standin = serve(data_dir, faults="...")`, then `standin.port`,
`standin.requests`, `standin.close()`.

Served under `/v1/elastic/` like api.openraadsinformatie.nl: `_search` (GET/POST), `_msearch`
(GET/POST, NDJSON, no index in header lines), `_count` (GET only: nginx refuses POST to
anything not ending in `_search`/`_msearch`), `_cat/indices`, `_mapping`; everything else 403
with nginx's HTML page. Data directory: `indices.json` (`[{"index", "alias", "docs"}]`) and
one JSON-lines file of `{"_id", "_source"}` per index.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import hashlib
import json
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from es_analysis import Token
from es_query import (
    LONG_MAX,
    LONG_MIN,
    MAPPING,
    MAX_RESULT_WINDOW,
    SHARDS_PER_INDEX,
    TRACK_TOTAL_HITS_DEFAULT,
    Ctx,
    EsError,
    Index,
    Nested,
    Node,
    compile_query,
    es_error,
    field_type,
    find_script,
    illegal_argument,
    nested_nodes,
    parse_date,
    parsing_error,
    shard_failure,
)

BASE = "/v1/elastic"

_NGINX_TITLES = {403: "403 Forbidden", 404: "404 Not Found", 502: "502 Bad Gateway",
                 503: "503 Service Temporarily Unavailable", 504: "504 Gateway Time-out"}


def nginx_page(status: int) -> bytes:
    title = _NGINX_TITLES[status]
    return (f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}"
            f"</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"
            ).encode()


# --------------------------------------------------------------------------- the store

class Store:
    """All concrete indices, with their aliases."""

    def __init__(self, indices: list[Index]):
        self.indices = sorted(indices, key=lambda i: i.name)
        self.by_name = {i.name: i for i in self.indices}
        self.aliases: dict[str, list[Index]] = {}
        for idx in self.indices:
            if idx.alias:
                self.aliases.setdefault(idx.alias, []).append(idx)

    @classmethod
    def load(cls, data_dir: Path) -> Store:
        spec = json.loads((data_dir / "indices.json").read_text(encoding="utf-8"))
        indices = []
        for entry in spec:
            docs = []
            with (data_dir / entry["docs"]).open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        row = json.loads(line)
                        docs.append((str(row["_id"]), row["_source"]))
            indices.append(Index(entry["index"], entry.get("alias"), docs))
        return cls(indices)

    def resolve(self, target: str | None, *, ignore_unavailable: bool = False) -> list[Index]:
        """Index names, aliases, comma lists, wildcards and `-exclusions`, like ES 7."""
        if target in (None, "", "_all", "*"):
            return list(self.indices)
        chosen: dict[str, Index] = {}
        for raw in unquote(target).split(","):
            expr = raw.strip()
            if not expr:
                continue
            if expr.startswith("-") and chosen:
                pat = expr[1:]
                for name in list(chosen):
                    if fnmatch.fnmatchcase(name, pat) or any(
                            fnmatch.fnmatchcase(a, pat) for a, ix in self.aliases.items()
                            if chosen[name] in ix):
                        del chosen[name]
                continue
            if "*" in expr or "?" in expr:
                for idx in self.indices:
                    if fnmatch.fnmatchcase(idx.name, expr) or (
                            idx.alias and fnmatch.fnmatchcase(idx.alias, expr)):
                        chosen[idx.name] = idx
                continue
            if expr in self.by_name:
                chosen[expr] = self.by_name[expr]
            elif expr in self.aliases:
                for idx in self.aliases[expr]:
                    chosen[idx.name] = idx
            elif not ignore_unavailable:
                raise es_error(404, "index_not_found_exception", f"no such index [{expr}]",
                               **{"resource.type": "index_or_alias", "resource.id": expr,
                                  "index_uuid": "_na_", "index": expr})
        return sorted(chosen.values(), key=lambda i: i.name)


# --------------------------------------------------------------------------- _source filtering

def _as_patterns(spec: Any) -> list[str]:
    if spec is None:
        return []
    if isinstance(spec, str):
        return [s for s in spec.split(",") if s]
    return [str(s) for s in spec]


def _matches(path: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(path, p) or path.startswith(p + ".") for p in patterns)


def _may_contain(path: str, patterns: list[str]) -> bool:
    return any(p.startswith(path + ".") or ("*" in p and fnmatch.fnmatchcase(
        path + ".", p.split("*")[0] + "*")) for p in patterns)


def filter_source(obj: Any, includes: list[str], excludes: list[str], prefix: str = "") -> Any:
    """ES source filtering: dotted paths with `*` wildcards, through objects and arrays."""
    if isinstance(obj, list):
        items = [filter_source(x, includes, excludes, prefix) for x in obj]
        return [x for x in items if x not in (None, {})] if any(
            isinstance(x, dict) for x in obj) else items
    if not isinstance(obj, dict):
        return obj
    out: dict[str, Any] = {}
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if excludes and _matches(path, excludes):
            continue
        if not includes or _matches(path, includes):
            out[key] = filter_source(value, [], excludes, path + ".") if excludes else value
        elif isinstance(value, dict | list) and _may_contain(path, includes):
            sub = filter_source(value, includes, excludes, path + ".")
            if sub not in ({}, []):
                out[key] = sub
    return out


def source_spec(raw: Any) -> tuple[bool, list[str], list[str]]:
    """(return source at all, includes, excludes) from a `_source` value."""
    if raw is None or raw is True:
        return True, [], []
    if raw is False:
        return False, [], []
    if isinstance(raw, str | list):
        return True, _as_patterns(raw), []
    if isinstance(raw, dict):
        inc = raw.get("includes", raw.get("include"))
        exc = raw.get("excludes", raw.get("exclude"))
        return True, [p for p in _as_patterns(inc) if p != "*"] if inc is not None else [], \
            _as_patterns(exc)
    raise parsing_error("[_source] must be a boolean, string, array or object")


def apply_source(src: dict[str, Any], spec: tuple[bool, list[str], list[str]]) -> Any:
    keep, inc, exc = spec
    if not keep:
        return None
    if not inc and not exc:
        return src
    return filter_source(src, inc, exc)


# --------------------------------------------------------------------------- highlighting

def highlight_value(text: str, tokens: list[Token], positions: set[int], opts: dict[str, Any]
                    ) -> list[str]:
    """Fragments of `text` with the matched tokens wrapped in pre/post tags."""
    pre = (opts.get("pre_tags") or ["<em>"])[0]
    post = (opts.get("post_tags") or ["</em>"])[0]
    frag_size = int(opts.get("fragment_size", 100))
    count = int(opts.get("number_of_fragments", 5))
    spans = sorted({(t.start, t.end) for t in tokens if t.position in positions})
    if not spans:
        return []
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])

    def mark(a: int, b: int) -> str:
        out, cur = [], a
        for s, e in merged:
            if e <= a or s >= b:
                continue
            out.append(text[cur:max(s, a)])
            out.append(pre + text[max(s, a):min(e, b)] + post)
            cur = min(e, b)
        out.append(text[cur:b])
        return "".join(out)

    if count == 0:
        return [mark(0, len(text))]
    frags: list[tuple[int, int]] = []
    for s, e in merged:
        if frags and s < frags[-1][1]:
            continue
        a = max(0, s - frag_size // 2)
        b = min(len(text), max(e, a + frag_size))
        frags.append((a, b))
    return [mark(a, b) for a, b in frags[:count]]


def highlight_hit(node: Node, ctx: Ctx, spec: dict[str, Any] | None) -> dict[str, list[str]]:
    if not spec or not isinstance(spec.get("fields"), dict | list):
        return {}
    fields = spec["fields"]
    names = list(fields) if isinstance(fields, dict) else [
        k for item in fields for k in item]
    out: dict[str, list[str]] = {}
    for pattern in names:
        opts = {**spec, **((fields.get(pattern) if isinstance(fields, dict) else None) or {})}
        candidates = [pattern] if "*" not in pattern else [
            p for p in ("text", "md_text", "name", "description", "title", "text_pages.text")
            if fnmatch.fnmatchcase(p, pattern)]
        for path in candidates:
            if field_type(path) != "text":
                continue
            hits = node.highlight_terms(path, ctx)
            if not hits:
                continue
            frags: list[str] = []
            values = ctx.values(path)
            for vi, toks in enumerate(ctx.tokens(path)):
                positions = {p for v, p in hits if v == vi}
                if positions:
                    frags.extend(highlight_value(str(values[vi]), toks, positions, opts))
            if frags:
                n = int(opts.get("number_of_fragments", 5))
                out[path] = frags if n == 0 else frags[:n]
    return out


# --------------------------------------------------------------------------- sorting

@dataclass
class SortKey:
    field: str
    desc: bool
    missing_last: bool = True


def parse_sort(raw: Any) -> list[SortKey]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    keys: list[SortKey] = []
    for item in items:
        if isinstance(item, str):
            name, _, order = item.partition(":")
            keys.append(SortKey(name, (order or ("desc" if name == "_score" else "asc")) == "desc"))
            continue
        if not isinstance(item, dict) or len(item) != 1:
            raise parsing_error("malformed sort format, within the sort array, an object, or an "
                                "actual string are allowed")
        name, opts = next(iter(item.items()))
        if isinstance(opts, str):
            order = opts
            missing = "_last"
        elif isinstance(opts, dict):
            order = str(opts.get("order", "desc" if name == "_score" else "asc"))
            missing = str(opts.get("missing", "_last"))
        else:
            raise parsing_error(f"[sort] unknown sort option for [{name}]")
        if order not in ("asc", "desc"):
            raise illegal_argument(f"Unknown SortOrder [{order}]")
        keys.append(SortKey(name, order == "desc", missing != "_first"))
    for key in keys:
        if key.field in ("_score", "_doc", "_id"):
            continue
        ftype = field_type(key.field)
        if ftype is None:
            raise es_error(400, "query_shard_exception",
                           f"No mapping found for [{key.field}] in order to sort on",
                           index_uuid="stand-in")
        if ftype == "text":
            raise illegal_argument(
                f"Text fields are not optimised for operations that require per-document field "
                f"data like aggregations and sorting, so these operations are disabled by "
                f"default. Please use a keyword field instead. Alternatively, set "
                f"fielddata=true on [{key.field}] in order to load field data by uninverting "
                f"the inverted index. Note that this can use significant memory.")
        if ftype == "nested":
            raise illegal_argument(f"cannot sort on a nested object field [{key.field}]")
    return keys


def sort_value(key: SortKey, ctx: Ctx, score: float) -> Any:
    """The value ES puts in `hit.sort` for one key (dates as epoch millis)."""
    if key.field == "_score":
        return score
    if key.field == "_doc":
        return ctx.doc.seq
    if key.field == "_id":
        return ctx.doc.id
    ftype = field_type(key.field)
    vals = ctx.values(key.field)
    if ftype == "date":
        nums = [d for d in (parse_date(v) for v in vals) if d is not None]
        if not nums:
            return LONG_MIN if key.desc == key.missing_last else LONG_MAX
        return max(nums) if key.desc else min(nums)
    if ftype in ("integer", "long"):
        ints = [int(v) for v in vals if isinstance(v, int | float)]
        if not ints:
            return LONG_MIN if key.desc == key.missing_last else LONG_MAX
        return max(ints) if key.desc else min(ints)
    strs = [str(v) for v in vals]
    if not strs:
        return None
    return max(strs) if key.desc else min(strs)


class _Rev:
    """Reverses the order of a value inside a tuple sort key."""

    def __init__(self, v: Any):
        self.v = v

    def __lt__(self, other: _Rev) -> bool:
        return bool(self.v > other.v)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Rev) and self.v == other.v


def _cmp_key(keys: list[SortKey], values: list[Any]) -> tuple[Any, ...]:
    out: list[Any] = []
    for key, v in zip(keys, values, strict=True):
        if v is None:  # keyword missing: last (or first) whatever the order
            out.append((1 if key.missing_last else -1, _Rev(0) if key.desc else 0))
            continue
        out.append((0, _Rev(v) if key.desc else v))
    return tuple(out)


# --------------------------------------------------------------------------- search

_TOP_KEYS = {"query", "size", "from", "_source", "sort", "search_after", "track_total_hits",
             "highlight", "timeout", "terminate_after", "track_scores", "min_score", "version",
             "seq_no_primary_term", "explain", "stored_fields", "docvalue_fields", "post_filter",
             "profile", "stats", "indices_boost"}


@dataclass
class ShardFault:
    """Drop the hits of one shard and report it failed, as a busy cluster does."""

    index: str
    shard: int


def run_search(store: Store, target: str | None, body: dict[str, Any], params: dict[str, str],
               fault: ShardFault | None = None) -> dict[str, Any]:
    """Answer one `_search` like ES 7.9, or raise EsError."""
    started = time.perf_counter()
    if not isinstance(body, dict):
        raise parsing_error("Unknown key for a VALUE_STRING in [body].")
    if find_script(body):
        raise illegal_argument("cannot execute [inline] scripts")
    for key in body:
        if key in ("aggs", "aggregations", "suggest", "collapse", "rescore"):
            raise parsing_error(f"[{key}] is not implemented by the ORI stand-in")
        if key not in _TOP_KEYS:
            raise parsing_error(f"Unknown key for a START_OBJECT in [{key}].")
    if "scroll" in params:
        raise illegal_argument("scroll is not implemented by the ORI stand-in")
    if "q" in params:
        raise illegal_argument("the q parameter is not implemented by the ORI stand-in")
    indices = store.resolve(target, ignore_unavailable=params.get("ignore_unavailable") == "true")
    size = int(params.get("size", body.get("size", 10)))
    start = int(params.get("from", body.get("from", 0)))
    if size < 0:
        raise illegal_argument(f"[size] parameter cannot be negative, found [{size}]")
    if start < 0:
        raise illegal_argument(f"[from] parameter cannot be negative but was [{start}]")
    first_index = indices[0].name if indices else "_na_"
    if start + size > MAX_RESULT_WINDOW:
        raise shard_failure(first_index, "illegal_argument_exception",
                            f"Result window is too large, from + size must be less than or equal "
                            f"to: [{MAX_RESULT_WINDOW}] but was [{start + size}]. See the scroll "
                            f"api for a more efficient way to request large data sets. This limit "
                            f"can be set by changing the [index.max_result_window] index level "
                            f"setting.")
    node = compile_query(body.get("query", {"match_all": {}}))
    sort_raw = params.get("sort", body.get("sort"))
    keys = parse_sort(sort_raw)
    search_after = body.get("search_after")
    if search_after is not None:
        if not keys:
            raise illegal_argument("Sort must contain at least one field.")
        if not isinstance(search_after, list) or len(search_after) != len(keys):
            n = len(search_after) if isinstance(search_after, list) else 1
            raise illegal_argument(f"search_after has {n} value(s) but sort has {len(keys)}.")
        if start > 0:
            raise illegal_argument("`from` parameter must be set to 0 when `search_after` is "
                                   "used.")
    src_spec = source_spec(body.get("_source"))
    if "_source" in params:
        src_spec = source_spec({"true": True, "false": False}.get(params["_source"],
                                                                   params["_source"]))
    if "_source_includes" in params or "_source_excludes" in params:
        src_spec = (True, _as_patterns(params.get("_source_includes")),
                    _as_patterns(params.get("_source_excludes")))
    min_score = body.get("min_score")

    matched: list[tuple[Ctx, float]] = []
    for idx in indices:
        for doc in idx.docs:
            if fault is not None and fault.index == idx.name and doc.shard == fault.shard:
                continue
            ctx = Ctx(idx, doc)
            s = node.score(ctx)
            if s is None or (min_score is not None and s < float(min_score)):
                continue
            matched.append((ctx, s))
    total = len(matched)
    index_rank = {idx.name: n for n, idx in enumerate(indices)}
    if keys:
        rows = [(ctx, s, [sort_value(k, ctx, s) for k in keys]) for ctx, s in matched]
        rows.sort(key=lambda r: (_cmp_key(keys, r[2]), index_rank[r[0].index.name], r[0].doc.seq))
        if search_after is not None:
            after = [_coerce_after(k, v) for k, v in zip(keys, search_after, strict=True)]
            pivot = _cmp_key(keys, after)
            rows = [r for r in rows if _cmp_key(keys, r[2]) > pivot]
    else:
        rows = [(ctx, s, []) for ctx, s in matched]
        rows.sort(key=lambda r: (-r[1], index_rank[r[0].index.name], r[0].doc.seq))
    page = rows[start:start + size]
    score_sorted = not keys or any(k.field == "_score" for k in keys) or body.get("track_scores")
    hits = [build_hit(node, ctx, s, vals, keys, src_spec, body.get("highlight"), score_sorted)
            for ctx, s, vals in page]
    max_score = max((s for _, s in matched), default=None) if score_sorted else None

    hits_obj: dict[str, Any] = {}
    tth = body.get("track_total_hits", params.get("track_total_hits", TRACK_TOTAL_HITS_DEFAULT))
    if tth in ("true", True):
        hits_obj["total"] = {"value": total, "relation": "eq"}
    elif tth not in ("false", False):
        cap = int(tth)
        hits_obj["total"] = ({"value": total, "relation": "eq"} if total <= cap
                             else {"value": cap, "relation": "gte"})
    if "total" in hits_obj and params.get("rest_total_hits_as_int") == "true":
        hits_obj["total"] = hits_obj["total"]["value"]
    hits_obj["max_score"] = max_score
    hits_obj["hits"] = hits
    n_shards = SHARDS_PER_INDEX * len(indices)
    shards: dict[str, Any] = {"total": n_shards, "successful": n_shards, "skipped": 0,
                              "failed": 0}
    if fault is not None and n_shards:
        shards.update(successful=n_shards - 1, failed=1, failures=[{
            "shard": fault.shard, "index": fault.index, "node": "standin-node-2",
            "reason": {"type": "node_not_connected_exception",
                       "reason": "[standin-node-2][10.0.0.12:9300] Node not connected"}}])
    return {"took": int((time.perf_counter() - started) * 1000), "timed_out": False,
            "_shards": shards, "hits": hits_obj}


def _coerce_after(key: SortKey, value: Any) -> Any:
    if key.field in ("_score",):
        return float(value)
    if key.field == "_doc":
        return int(value)
    if key.field == "_id":
        return str(value)
    ftype = field_type(key.field)
    if ftype == "date":
        d = parse_date(value)
        if d is None:
            raise illegal_argument(f"failed to parse date field [{value}]")
        return d
    if ftype in ("integer", "long"):
        return int(value)
    return None if value is None else str(value)


def build_hit(node: Node, ctx: Ctx, score: float, sort_vals: list[Any], keys: list[SortKey],
              src_spec: tuple[bool, list[str], list[str]], highlight: Any, scored: bool
              ) -> dict[str, Any]:
    hit: dict[str, Any] = {"_index": ctx.index.name, "_type": "_doc", "_id": ctx.doc.id,
                           "_score": score if scored else None}
    src = apply_source(ctx.doc.source, src_spec)
    if src is not None:
        hit["_source"] = src
    if keys:
        hit["sort"] = sort_vals
    hl = highlight_hit(node, ctx, highlight if isinstance(highlight, dict) else None)
    if hl:
        hit["highlight"] = hl
    inner: dict[str, Any] = {}
    for nested in nested_nodes(node):
        if nested.inner_hits is not None:
            inner[nested.inner_hits.name] = build_inner_hits(nested, ctx)
    if inner:
        hit["inner_hits"] = inner
    return hit


def build_inner_hits(nested: Nested, ctx: Ctx) -> dict[str, Any]:
    spec = nested.inner_hits
    assert spec is not None
    found = nested.matches(ctx)
    found.sort(key=lambda r: (-r[1], r[0].offset))
    page = found[spec.start:spec.start + spec.size]
    keep, inc, exc = source_spec(spec.source)
    rel = nested.path + "."
    inc = [p[len(rel):] if p.startswith(rel) else p for p in inc]
    exc = [p[len(rel):] if p.startswith(rel) else p for p in exc]
    hits = []
    for sub, s in page:
        hit: dict[str, Any] = {"_index": ctx.index.name, "_type": "_doc", "_id": ctx.doc.id,
                               "_nested": {"field": nested.path, "offset": sub.offset},
                               "_score": s}
        if keep and sub.obj is not None:
            hit["_source"] = filter_source(sub.obj, inc, exc) if (inc or exc) else sub.obj
        hl = highlight_hit(nested.inner, sub, spec.highlight)
        if hl:
            hit["highlight"] = hl
        hits.append(hit)
    return {"hits": {"total": {"value": len(found), "relation": "eq"},
                     "max_score": max((s for _, s in found), default=None), "hits": hits}}


def run_count(store: Store, target: str | None, body: dict[str, Any]) -> dict[str, Any]:
    if find_script(body):
        raise illegal_argument("cannot execute [inline] scripts")
    for key in body:
        if key != "query":
            raise parsing_error(f"request does not support [{key}]")
    indices = store.resolve(target)
    node = compile_query(body.get("query", {"match_all": {}}))
    count = sum(1 for idx in indices for doc in idx.docs if node.score(Ctx(idx, doc)) is not None)
    n = SHARDS_PER_INDEX * len(indices)
    return {"count": count, "_shards": {"total": n, "successful": n, "skipped": 0, "failed": 0}}


def error_item(exc: EsError) -> dict[str, Any]:
    return {"error": exc.body["error"], "status": exc.status}


def filter_path(obj: Any, spec: str) -> Any:
    """The `filter_path` response filter: comma list of dotted paths with `*` and `**`."""
    paths = [p.split(".") for p in spec.split(",") if p]

    def keep(o: Any, pats: list[list[str]]) -> Any:
        if any(not p for p in pats) or any(p == ["**"] for p in pats):
            return o
        if isinstance(o, list):
            items = [keep(x, pats) for x in o]
            return [x for x in items if x is not _DROP]
        if not isinstance(o, dict):
            return _DROP
        out = {}
        for k, v in o.items():
            sub = [p[1:] for p in pats if fnmatch.fnmatchcase(k, p[0])]
            sub += [p for p in pats if p[0] == "**"]
            if not sub:
                continue
            got = keep(v, sub)
            if got is not _DROP and got != {}:
                out[k] = got
        return out if out else _DROP

    result = keep(obj, paths)
    return {} if result is _DROP else result


_DROP = object()


# --------------------------------------------------------------------------- faults

@dataclass
class Faults:
    """Seeded failure injection, one draw per request in arrival order."""

    rates: dict[str, float] = field(default_factory=dict)
    seed: int = 1
    hang_s: float = 20.0
    retry_after: int = 1
    _counter: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    KINDS = ("5xx", "429", "shards", "truncate", "hang")

    @classmethod
    def parse(cls, spec: str | None) -> Faults:
        faults = cls()
        if not spec:
            return faults
        for item in spec.split(","):
            if not item.strip():
                continue
            key, _, value = item.partition("=")
            key = key.strip()
            if key == "seed":
                faults.seed = int(value)
            elif key == "hang_s":
                faults.hang_s = float(value)
            elif key == "retry_after":
                faults.retry_after = int(value)
            elif key in cls.KINDS:
                faults.rates[key] = float(value)
            else:
                raise ValueError(f"unknown fault {key!r}; known: {', '.join(cls.KINDS)}, seed, "
                                 f"hang_s, retry_after")
        return faults

    def draw(self) -> tuple[str | None, random.Random]:
        with self._lock:
            n = self._counter
            self._counter += 1
        rng = random.Random(f"{self.seed}:{n}")
        r = rng.random()
        acc = 0.0
        for kind in self.KINDS:
            acc += self.rates.get(kind, 0.0)
            if r < acc:
                return kind, rng
        return None, rng


# --------------------------------------------------------------------------- HTTP

_CONTENT_TYPES = ("application/json", "application/x-ndjson", "application/smile",
                  "application/cbor", "application/yaml")


class Handler(BaseHTTPRequestHandler):
    server_version = "nginx/1.25.3"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    standin: StandIn

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                line = self.rfile.readline().strip()
                n = int(line.split(b";")[0] or b"0", 16)
                if n == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(n))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        t0 = time.time()
        body = self._read_body()
        entry: dict[str, Any] = {"t": round(t0, 4), "method": self.command, "path": self.path,
                                 "body_bytes": len(body),
                                 "body_sha256": hashlib.sha256(body).hexdigest()[:16],
                                 "fault": None}
        status = 0
        self.fault_item: int | None = None
        try:
            status = self._dispatch(body, entry)
        except (BrokenPipeError, ConnectionResetError):
            status = -1
        finally:
            if self.fault_item is not None:
                entry["fault_item"] = self.fault_item  # which msearch search was hit
            entry["status"] = status
            entry["ms"] = round((time.time() - t0) * 1000, 1)
            self.standin.record(entry, body)

    # every method reaches _handle, which answers like nginx (403 for what it does not pass on)
    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = _handle

    def _send(self, status: int, payload: bytes, ctype: str,
              headers: dict[str, str] | None = None) -> int:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        return status

    def _nginx(self, status: int) -> int:
        return self._send(status, nginx_page(status), "text/html")

    def _json(self, status: int, obj: Any, params: dict[str, str],
              headers: dict[str, str] | None = None) -> int:
        if "filter_path" in params and isinstance(obj, dict):
            obj = filter_path(obj, params["filter_path"])
        indent = 2 if "pretty" in params else None
        data = json.dumps(obj, ensure_ascii=False, indent=indent).encode()
        return self._send(status, data, "application/json; charset=UTF-8", headers)

    def _dispatch(self, body: bytes, entry: dict[str, Any]) -> int:
        split = urlsplit(self.path)
        path = split.path
        params = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        if not (path == BASE or path.startswith(BASE + "/")):
            return self._nginx(404)
        rel = path[len(BASE):] or "/"
        method = self.command
        # nginx rules of api.openraadsinformatie.nl (deployment/nginx/default.conf)
        if method in ("PUT", "DELETE", "PATCH") or "_shutdown" in rel or "_cluster" in rel:
            return self._nginx(403)
        if method == "POST" and not (rel.endswith("_search") or rel.endswith("_msearch")):
            return self._nginx(403)
        if method == "OPTIONS":
            return self._send(204, b"", "text/plain; charset=utf-8")
        parts = [p for p in rel.split("/") if p]
        route = _route(parts)
        if route is None or method not in ("GET", "POST"):
            return self._nginx(403)
        endpoint, target = route

        fault, rng = self.standin.faults.draw()
        entry["fault"] = fault
        if fault == "5xx":
            return self._nginx(rng.choice((502, 503, 504)))
        if fault == "hang":
            self.standin.stopping.wait(self.standin.faults.hang_s)
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return -2
        if fault == "429" and (endpoint != "msearch" or rng.random() < 0.5):
            return self._reject(rng, params)

        if body:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if not ctype:
                return self._json(406, {"error": "Content-Type header is missing",
                                        "status": 406}, params)
            if ctype not in _CONTENT_TYPES:
                given = self.headers.get("Content-Type")
                return self._json(406, {"error": f"Content-Type header [{given}] is not "
                                                 f"supported", "status": 406}, params)
        try:
            result = self._answer(endpoint, target, body, params, fault, rng)
        except EsError as exc:
            return self._json(exc.status, exc.body, params)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            # a body the stand-in cannot handle: say so, as a bug of the fake, not the client
            entry["standin_bug"] = f"{type(exc).__name__}: {exc}"[:300]
            return self._json(500, {"error": {"root_cause": [{"type": "exception",
                                                              "reason": "stand-in bug"}],
                                              "type": "exception", "reason": "stand-in bug"},
                                    "status": 500}, params)
        except _Text as table:
            return self._send(200, table.render().encode(), "text/plain; charset=UTF-8")
        if fault == "truncate":
            data = json.dumps(result, ensure_ascii=False).encode()
            cut = max(1, int(len(data) * rng.uniform(0.2, 0.8)))
            if rng.random() < 0.5:
                return self._send(200, data[:cut], "application/json; charset=UTF-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[:cut])
            self.wfile.flush()
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return 200
        return self._json(200, result, params)

    def _reject(self, rng: random.Random, params: dict[str, str]) -> int:
        headers = {"Retry-After": str(self.standin.faults.retry_after)} if rng.random() < 0.5 \
            else None
        return self._json(429, rejected_body(), params, headers)

    def _answer(self, endpoint: str, target: str | None, body: bytes, params: dict[str, str],
                fault: str | None, rng: random.Random) -> Any:
        store = self.standin.store
        if endpoint == "cat":
            indices = store.resolve(target)
            rows = [{"health": "green", "status": "open", "index": i.name,
                     "uuid": hashlib.sha1(i.name.encode()).hexdigest()[:22],
                     "pri": str(SHARDS_PER_INDEX), "rep": "0", "docs.count": str(len(i.docs)),
                     "docs.deleted": "0", "store.size": f"{len(i.docs) * 3}kb",
                     "pri.store.size": f"{len(i.docs) * 3}kb"} for i in indices]
            if params.get("format") == "json":
                return rows
            raise _Text(rows, "v" in params)
        if endpoint == "mapping":
            return {i.name: {"mappings": MAPPING} for i in store.resolve(target)}
        if endpoint == "msearch":
            return self._msearch(target, body, params, fault, rng)
        parsed = _parse_json(body)
        if endpoint == "count":
            return run_count(store, target, parsed)
        shard = _shard_fault(store, target, rng) if fault == "shards" else None
        return run_search(store, target, parsed, params, shard)

    def _msearch(self, target: str | None, body: bytes, params: dict[str, str],
                 fault: str | None, rng: random.Random) -> Any:
        text = body.decode("utf-8", errors="replace")
        if not text.strip():
            raise es_error(400, "action_request_validation_exception",
                           "Validation Failed: 1: no requests added;")
        if not text.endswith("\n"):
            raise illegal_argument("The msearch request must be terminated by a newline [\n]")
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) % 2:
            raise illegal_argument("The msearch request must be terminated by a newline [\n]")
        pairs = []
        for i in range(0, len(lines), 2):
            header = _parse_json(lines[i].encode())
            if "index" in header or "indices" in header:
                raise illegal_argument("explicit index in multi search is not allowed")
            for key in header:
                if key not in ("preference", "routing", "search_type", "request_cache",
                               "allow_partial_search_results", "ignore_unavailable",
                               "allow_no_indices", "expand_wildcards", "ccs_minimize_roundtrips"):
                    raise illegal_argument(f"key [{key}] is not supported in the metadata section")
            pairs.append((header, lines[i + 1]))
        # a busy cluster rejects or half-answers single searches inside a 200 msearch
        victim = rng.randrange(len(pairs)) if fault in ("429", "shards") else -1
        if victim >= 0:
            self.fault_item = victim
        responses = []
        for n, (header, raw) in enumerate(pairs):
            if n == victim and fault == "429":
                responses.append({**rejected_body(), "status": 429})
                continue
            try:
                sub = _parse_json(raw.encode())
                sub_params = dict(params)
                if header.get("ignore_unavailable"):
                    sub_params["ignore_unavailable"] = "true"
                shard = _shard_fault(self.standin.store, target, rng) if n == victim else None
                responses.append({**run_search(self.standin.store, target, sub, sub_params,
                                               shard), "status": 200})
            except EsError as exc:
                responses.append(error_item(exc))
        return {"took": 1, "responses": responses}


class _Text(Exception):
    """A `_cat` answer in its text form."""

    def __init__(self, rows: list[dict[str, str]], verbose: bool):
        super().__init__("text")
        self.rows, self.verbose = rows, verbose

    def render(self) -> str:
        cols = ["health", "status", "index", "uuid", "pri", "rep", "docs.count",
                "docs.deleted", "store.size", "pri.store.size"]
        lines = [" ".join(cols)] if self.verbose else []
        lines += [" ".join(r[c] for c in cols) for r in self.rows]
        return "\n".join(lines) + "\n"


def rejected_body() -> dict[str, Any]:
    reason = ("rejected execution of org.elasticsearch.common.util.concurrent.TimedRunnable@5a1c "
              "on QueueResizingEsThreadPoolExecutor[name = standin-node-1/search, queue capacity "
              "= 1000, min queue capacity = 1000, max queue capacity = 1000, frame size = 2000, "
              "targeted response rate = 1s, task execution EWMA = 12.1ms, adjustment amount = "
              "50, org.elasticsearch.common.util.concurrent.QueueResizingEsThreadPoolExecutor@1f"
              "[Running, pool size = 13, active threads = 13, queued tasks = 1000, completed "
              "tasks = 7411022]]")
    cause = {"type": "es_rejected_execution_exception", "reason": reason}
    return {"error": {"root_cause": [cause], "type": "search_phase_execution_exception",
                      "reason": "all shards failed", "phase": "query", "grouped": True,
                      "failed_shards": [], "caused_by": cause}, "status": 429}


def _shard_fault(store: Store, target: str | None, rng: random.Random) -> ShardFault | None:
    try:
        indices = store.resolve(target, ignore_unavailable=True)
    except EsError:
        return None
    if not indices:
        return None
    return ShardFault(rng.choice(indices).name, rng.randrange(SHARDS_PER_INDEX))


def _parse_json(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise es_error(400, "json_parse_exception",
                       f"Unexpected character: was expecting a JSON value ({exc})") from exc
    if not isinstance(obj, dict):
        raise parsing_error("request body must be a JSON object")
    return obj


def _route(parts: list[str]) -> tuple[str, str | None] | None:
    """(endpoint, index target) for the paths ORI exposes, else None (nginx 403)."""
    if not parts:
        return None
    if parts[0] == "_cat":
        if len(parts) >= 2 and parts[1] == "indices" and len(parts) <= 3:
            return "cat", parts[2] if len(parts) == 3 else None
        return None
    names = {"_search": "search", "_msearch": "msearch", "_count": "count", "_mapping": "mapping"}
    if len(parts) == 1 and parts[0] in names:
        return names[parts[0]], None
    if len(parts) == 2 and parts[1] in names and not parts[0].startswith("_"):
        return names[parts[1]], parts[0]
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class StandIn:
    """The running stand-in: its server, port, request log and faults."""

    def __init__(self, store: Store, port: int = 0, faults: Faults | None = None,
                 log_path: Path | None = None, host: str = "127.0.0.1"):
        self.store = store
        self.faults = faults or Faults()
        self.stopping = threading.Event()
        self.requests: list[dict[str, Any]] = []
        self.bodies: list[bytes] = []
        self._lock = threading.Lock()
        self._log = log_path.open("a", encoding="utf-8") if log_path else None
        handler = type("BoundHandler", (Handler,), {"standin": self})
        self.server = _Server((host, port), handler)
        self.port = int(self.server.server_address[1])
        self.url = f"http://{host}:{self.port}{BASE}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def record(self, entry: dict[str, Any], body: bytes) -> None:
        with self._lock:
            self.requests.append(entry)
            self.bodies.append(body)
            if self._log is not None:
                self._log.write(json.dumps(entry) + "\n")
                self._log.flush()

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        if self._log is not None:
            self._log.close()


def serve(data: Path | Store, port: int = 0, faults: str | Faults | None = None,
          log_path: Path | None = None) -> StandIn:
    """Start the stand-in in a background thread; `.port`, `.url`, `.close()`."""
    store = data if isinstance(data, Store) else Store.load(Path(data))
    f = faults if isinstance(faults, Faults) else Faults.parse(faults)
    return StandIn(store, port, f, log_path).start()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=9200)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--data", type=Path, required=True, help="directory with indices.json")
    ap.add_argument("--faults", default=None,
                    help="e.g. 5xx=0.1,429=0.05,shards=0.05,truncate=0.05,hang=0.02,seed=7")
    ap.add_argument("--log", type=Path, default=None, help="JSON-lines request log")
    args = ap.parse_args()
    standin = StandIn(Store.load(args.data), args.port, Faults.parse(args.faults), args.log,
                      args.host)
    print(f"ORI stand-in on {standin.url}/", flush=True)
    try:
        standin.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        standin.close()


if __name__ == "__main__":
    main()
