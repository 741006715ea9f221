"""Self-tests of the ORI stand-in: `python -m pytest benchmarks/ori_independent/test_standin.py`.

Not part of the project's test suite: they check the benchmark's own fake, not exposurecheck.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from es_analysis import analyze
from es_query import Index
from standin import StandIn, Store, serve

INDEX = "ori_heerde_20250302031502"


def terms(text: str) -> list[tuple[str, int]]:
    return [(t.term, t.position) for t in analyze(text)]


def page_doc(doc_id: str, pages: list[str], **extra: Any) -> tuple[str, dict[str, Any]]:
    return doc_id, {"@type": "MediaObject", "name": f"{doc_id}.pdf",
                    "original_url": f"https://heerde.example/{doc_id}", "text": pages,
                    "md_text": "\n\n".join(pages),
                    "text_pages": [{"text": t, "page_number": n}
                                   for n, t in enumerate(pages, start=1) if t], **extra}


DOCS = [
    ("org", {"@type": "Organization", "classification": "Municipality",
             "name": " Gemeente Heerde", "collection": "heerde"}),
    page_doc("d1", ["Jan Bakker woont aan de Kerkstraat 12-a te Heerde.",
                    "Geboren 03.03.1975 in Zwolle."], date_modified="2025-01-02T10:00:00Z"),
    page_doc("d2", ["Vergadering over de Kerkstraat", "12 bezwaren zijn binnen."],
             date_modified="2025-02-02T10:00:00Z"),
    page_doc("d3", ["Inleiding", "", "Mevrouw Kramer, Kerkstraat 12a, 8181AB Heerde.",
                    "Postcode 8181 AB 12", "Besluit van 12-03-1982", "Zoë Kramer",
                    "Telefoon 06-12345678", "Bijlage"], date_modified="2024-12-01T09:00:00Z"),
    page_doc("d4", [f"pagina {n} Kerkstraat" for n in range(1, 8)],
             date_modified="2025-03-01T09:00:00Z"),
]


@pytest.fixture(scope="module")
def standin() -> Iterator[StandIn]:
    st = serve(Store([Index(INDEX, "ori_heerde", DOCS),
                      Index("ori_bergen_nh_20250301224012", "ori_bergen_nh", [DOCS[0]]),
                      Index("ori_bergen_20250302011733", "ori_bergen", [])]))
    yield st
    st.close()


@pytest.fixture
def client(standin: StandIn) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=standin.url, timeout=10) as c:
        yield c


def search(client: httpx.Client, body: dict[str, Any], target: str = "ori_heerde"
           ) -> dict[str, Any]:
    r = client.post(f"/{target}/_search", json=body)
    assert r.status_code == 200, r.text
    return dict(r.json())


def ids(result: dict[str, Any]) -> list[str]:
    return [h["_id"] for h in result["hits"]["hits"]]


# --------------------------------------------------------------------------- analyzer

def test_house_letter_forms_tokenize_like_text_nl() -> None:
    assert terms("Kerkstraat 12a") == [("kerkstraat", 0), ("12a", 1)]
    assert terms("Kerkstraat 12-a") == [("kerkstraat", 0), ("12", 1), ("a", 2)]
    assert terms("Kerkstr. 12A") == [("kerkstr", 0), ("12a", 1)]


def test_numbers_are_catenated_and_split() -> None:
    got = terms("12.03.1975")
    assert ("12.03.1975", 0) in got and ("12031975", 0) in got and ("12", 0) in got
    assert ("03", 1) in got and ("1975", 2) in got


def test_postcodes_with_and_without_space_differ() -> None:
    assert terms("1234AB") == [("1234ab", 0)]
    assert terms("1234 AB") == [("1234", 0), ("ab", 1)]


def test_folding_lowercase_and_phones() -> None:
    assert terms("Zoë IJzerman") == [("zoe", 0), ("ijzerman", 1)]
    assert [t for t, _ in terms("+31 6 1234 5678")] == ["31", "6", "1234", "5678"]
    assert [t for t, _ in terms("06-12345678")] == ["06", "12345678"]
    got = [t for t, _ in terms("Jan.Bakker@Ziggo.nl")]
    assert got == ["jan.bakker", "jan", "bakker", "ziggo.nl", "ziggo", "nl"]


# --------------------------------------------------------------------------- phrases

@pytest.mark.parametrize(("phrase", "expected"), [
    ("Kerkstraat 12 a", ["d1"]),
    ("kerkstraat 12a", ["d3"]),
    ("Kerkstraat 12", ["d1"]),  # 12-a is two tokens; 12a is one: only d1
    ("03031975", ["d1"]),
    ("03 03 1975", ["d1"]),
    ("8181ab", ["d3"]),
    ("8181 ab 12", ["d3"]),
    ("zoe kramer", ["d3"]),
    ("06 12345678", ["d3"]),
    ("0612345678", []),
])
def test_phrase_matching_across_token_forms(client: httpx.Client, phrase: str,
                                            expected: list[str]) -> None:
    got = search(client, {"query": {"match_phrase": {"text": phrase}}, "_source": False})
    assert sorted(ids(got)) == expected


def test_a_phrase_never_spans_two_pages(client: httpx.Client) -> None:
    body = {"query": {"match_phrase": {"text": "kerkstraat 12 bezwaren"}}}
    assert ids(search(client, body)) == []
    # md_text is one value: there the words meet across the page break
    body = {"query": {"match_phrase": {"md_text": "kerkstraat 12 bezwaren"}}}
    assert ids(search(client, body)) == ["d2"]


def test_slop_allows_reordering(client: httpx.Client) -> None:
    exact = {"query": {"match_phrase": {"text": "03 12 1982"}}}
    assert ids(search(client, exact)) == []
    sloppy = {"query": {"match_phrase": {"text": {"query": "03 12 1982", "slop": 2}}}}
    assert ids(search(client, sloppy)) == ["d3"]


def test_match_operator_and_bool(client: httpx.Client) -> None:
    any_word = {"query": {"match": {"text": "zwolle bijlage"}}, "_source": False}
    assert sorted(ids(search(client, any_word))) == ["d1", "d3"]
    both = {"query": {"match": {"text": {"query": "zwolle bijlage", "operator": "and"}}}}
    assert ids(search(client, both)) == []
    q = {"query": {"bool": {"filter": [{"term": {"@type": "MediaObject"}}],
                            "must_not": [{"match": {"text": "kramer"}}],
                            "should": [{"match_phrase": {"text": "kerkstraat"}},
                                       {"match": {"text": "zwolle"}}],
                            "minimum_should_match": 2}}}
    assert ids(search(client, q)) == ["d1"]


def test_organization_lookup_by_type_and_index(client: httpx.Client) -> None:
    body = {"query": {"term": {"@type": "Organization"}}, "_source": ["name", "collection"]}
    got = search(client, body, "ori_bergen*")
    assert [h["_index"] for h in got["hits"]["hits"]] == ["ori_bergen_nh_20250301224012"]
    got = search(client, {"query": {"bool": {"filter": [
        {"term": {"classification": "Municipality"}}, {"term": {"_index": INDEX}}]}}})
    assert got["hits"]["hits"][0]["_source"]["name"] == " Gemeente Heerde"


# --------------------------------------------------------------------------- nested

def nested_query(phrase: str, **inner: Any) -> dict[str, Any]:
    return {"query": {"nested": {"path": "text_pages", "query": {
        "match_phrase": {"text_pages.text": phrase}}, "inner_hits": inner}}, "_source": False}


def test_inner_hits_give_the_page_number_not_the_offset(client: httpx.Client) -> None:
    got = search(client, nested_query("kerkstraat 12a"))
    inner = got["hits"]["hits"][0]["inner_hits"]["text_pages"]["hits"]
    assert inner["total"]["value"] == 1
    hit = inner["hits"][0]
    # page 2 is blank and has no text_pages entry: offset 1 is page 3
    assert hit["_nested"] == {"field": "text_pages", "offset": 1}
    assert hit["_source"]["page_number"] == 3


def test_inner_hits_default_to_three_and_cap_at_100(client: httpx.Client,
                                                    standin: StandIn) -> None:
    got = search(client, nested_query("kerkstraat"))
    d4 = next(h for h in got["hits"]["hits"] if h["_id"] == "d4")
    inner = d4["inner_hits"]["text_pages"]["hits"]
    assert inner["total"]["value"] == 7 and len(inner["hits"]) == 3
    got = search(client, nested_query("kerkstraat", size=100,
                                      _source=["text_pages.page_number"]))
    d4 = next(h for h in got["hits"]["hits"] if h["_id"] == "d4")
    inner_hits = d4["inner_hits"]["text_pages"]["hits"]["hits"]
    pages = sorted(h["_source"]["page_number"] for h in inner_hits)
    assert pages == [1, 2, 3, 4, 5, 6, 7]
    assert d4["inner_hits"]["text_pages"]["hits"]["hits"][0]["_source"].keys() == {
        "page_number"}
    r = client.post("/ori_heerde/_search", json=nested_query("kerkstraat", size=101))
    assert r.status_code == 400
    assert "Inner result window is too large" in r.json()["error"]["reason"]


def test_nested_fields_are_invisible_from_the_root(client: httpx.Client) -> None:
    body = {"query": {"match_phrase": {"text_pages.text": "kerkstraat 12a"}}}
    assert ids(search(client, body)) == []


def test_inner_hit_highlight(client: httpx.Client) -> None:
    got = search(client, nested_query("06 12345678", highlight={"fields": {
        "text_pages.text": {}}}))
    hit = got["hits"]["hits"][0]["inner_hits"]["text_pages"]["hits"]["hits"][0]
    assert hit["highlight"]["text_pages.text"] == ["Telefoon <em>06</em>-<em>12345678</em>"]


# --------------------------------------------------------------------------- paging

def test_search_after_pages_through_everything_once(client: httpx.Client) -> None:
    seen: list[str] = []
    body: dict[str, Any] = {"query": {"match_all": {}}, "size": 2, "_source": False,
                            "sort": [{"date_modified": "desc"}, {"_id": "asc"}]}
    while True:
        got = search(client, body)
        hits = got["hits"]["hits"]
        if not hits:
            break
        seen.extend(h["_id"] for h in hits)
        body["search_after"] = hits[-1]["sort"]
    assert seen == ["d4", "d2", "d1", "d3", "org"]


def test_result_window_and_total_hits_cap() -> None:
    many = [(f"x{i}", {"@type": "MediaObject", "name": "x"}) for i in range(10_050)]
    st = serve(Store([Index("ori_big_20250101000000", "ori_big", many)]))
    try:
        with httpx.Client(base_url=st.url) as c:
            got = c.post("/ori_big/_search", json={"size": 0}).json()
            assert got["hits"]["total"] == {"value": 10_000, "relation": "gte"}
            got = c.post("/ori_big/_search", json={"size": 0, "track_total_hits": True}).json()
            assert got["hits"]["total"] == {"value": 10_050, "relation": "eq"}
            r = c.post("/ori_big/_search", json={"from": 9_990, "size": 20})
            assert r.status_code == 400
            err = r.json()["error"]
            assert err["root_cause"][0]["type"] == "illegal_argument_exception"
            assert "Result window is too large" in err["root_cause"][0]["reason"]
    finally:
        st.close()


# --------------------------------------------------------------------------- errors

def test_unknown_query_is_a_parsing_exception(client: httpx.Client) -> None:
    r = client.post("/ori_heerde/_search", json={"query": {"fuzzy_phrase": {"text": "x"}}})
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400
    assert body["error"]["type"] == "parsing_exception"
    assert body["error"]["root_cause"][0]["reason"] == "unknown query [fuzzy_phrase]"


def test_unknown_index_is_404_but_an_empty_wildcard_is_not(client: httpx.Client) -> None:
    r = client.post("/ori_heerde_oud/_search", json={})
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "index_not_found_exception"
    assert search(client, {}, "ori_nergens*")["hits"]["hits"] == []


def test_scripts_and_form_bodies_are_refused(client: httpx.Client) -> None:
    r = client.post("/ori_heerde/_search", json={"query": {"bool": {"filter": [
        {"script": {"script": {"source": "true"}}}]}}})
    assert r.status_code == 400 and r.json()["error"]["type"] == "illegal_argument_exception"
    r = client.post("/ori_heerde/_search", data={"query": "x"})
    assert r.status_code == 406


def test_nginx_rules(client: httpx.Client) -> None:
    for method, path in [("POST", "/ori_heerde/_count"), ("GET", "/ori_heerde/_doc/d1"),
                         ("PUT", "/ori_heerde"), ("DELETE", "/ori_heerde"),
                         ("GET", "/_cluster/health"), ("POST", "/_cat/indices")]:
        r = client.request(method, path)
        assert r.status_code == 403, (method, path)
        assert r.headers["content-type"].startswith("text/html")
        assert "<center>nginx" in r.text
    r = client.request("GET", "/ori_heerde/_count", json={"query": {"match": {"text": "zoe"}}})
    assert r.json()["count"] == 1
    r = client.get("/_cat/indices", params={"format": "json"})
    assert {row["index"] for row in r.json()} >= {INDEX}
    r = client.get("/ori_heerde/_mapping")
    assert r.json()[INDEX]["mappings"]["properties"]["text_pages"]["type"] == "nested"


def test_msearch_takes_the_index_from_the_url_only(client: httpx.Client) -> None:
    nd = "{}\n" + json.dumps({"query": {"match": {"text": "zwolle"}}}) + "\n"
    r = client.post("/ori_heerde/_msearch", content=nd,
                    headers={"content-type": "application/x-ndjson"})
    assert [h["_id"] for h in r.json()["responses"][0]["hits"]["hits"]] == ["d1"]
    nd = json.dumps({"index": "ori_heerde"}) + "\n{}\n"
    r = client.post("/_msearch", content=nd, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 400
    assert r.json()["error"]["reason"] == "explicit index in multi search is not allowed"
    r = client.post("/ori_heerde/_msearch", content="{}\n{}",
                    headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 400


# --------------------------------------------------------------------------- faults

def fault_server(spec: str, tmp_path: Path) -> StandIn:
    return serve(Store([Index(INDEX, "ori_heerde", DOCS)]), faults=spec,
                 log_path=tmp_path / "log.jsonl")


def test_fault_5xx_is_nginx_html(tmp_path: Path) -> None:
    st = fault_server("5xx=1,seed=3", tmp_path)
    try:
        codes = {httpx.post(f"{st.url}/ori_heerde/_search", json={}).status_code
                 for _ in range(12)}
        assert codes <= {502, 503, 504} and len(codes) > 1
    finally:
        st.close()
    lines = (tmp_path / "log.jsonl").read_text().splitlines()
    assert len(lines) == 12 and json.loads(lines[0])["fault"] == "5xx"


def test_fault_429_with_and_without_retry_after(tmp_path: Path) -> None:
    st = fault_server("429=1,seed=1", tmp_path)
    try:
        rs = [httpx.post(f"{st.url}/ori_heerde/_search", json={}) for _ in range(10)]
    finally:
        st.close()
    assert {r.status_code for r in rs} == {429}
    assert rs[0].json()["error"]["root_cause"][0]["type"] == "es_rejected_execution_exception"
    assert {("retry-after" in r.headers) for r in rs} == {True, False}


def test_fault_shards_gives_partial_hits(tmp_path: Path) -> None:
    st = fault_server("shards=1", tmp_path)
    try:
        got = httpx.post(f"{st.url}/ori_heerde/_search", json={"size": 50}).json()
    finally:
        st.close()
    assert got["_shards"]["failed"] == 1 and got["_shards"]["failures"]
    assert 0 < len(got["hits"]["hits"]) < len(DOCS)


def test_fault_truncate_and_hang(tmp_path: Path) -> None:
    st = fault_server("truncate=1,seed=2", tmp_path)
    try:
        broken = 0
        for _ in range(6):
            try:
                json.loads(httpx.post(f"{st.url}/ori_heerde/_search", json={}).content)
            except (json.JSONDecodeError, httpx.RemoteProtocolError):
                broken += 1
        assert broken == 6
    finally:
        st.close()
    st = fault_server("hang=1,hang_s=2", tmp_path)
    try:
        with pytest.raises(httpx.TimeoutException):
            httpx.post(f"{st.url}/ori_heerde/_search", json={}, timeout=0.3)
    finally:
        st.close()
