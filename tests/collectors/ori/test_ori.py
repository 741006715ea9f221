"""The ORI source against the stand-in: index mapping, queries, paging, confirmation, errors."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import httpx
import pytest

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.ori.client import OriClient
from exposurecheck.collectors.ori.collector import OriCollector
from exposurecheck.collectors.ori.query import candidate_query, date_forms, phone_forms
from exposurecheck.mock.ori import MockOri, OriFaults, analyze
from exposurecheck.models import (
    Address,
    FindingKind,
    HouseholdMember,
    Official,
    OfficialId,
    SourceErrorKind,
    SourceId,
)

from tests.support import collect_once

BASE = "http://ori.test/v1/elastic"


def body(name: str, alias: str, documents: list[dict[str, Any]],
         classification: str = "Municipality") -> dict[str, Any]:
    return {"name": name, "alias": alias, "index": f"{alias}_20260101000000",
            "classification": classification, "documents": documents}


def doc(doc_id: str, *pages: str, **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "name": f"Stuk {doc_id}", "pages": list(pages),
            "original_url": f"https://heerde.notubiz.nl/document/{doc_id}",
            "url": f"https://api.openraadsinformatie.nl/v1/resolve/heerde/{doc_id}",
            "last_discussed_at": "2026-05-01T19:30:00+02:00", **extra}


OFFICIAL = Official(
    id=OfficialId("h-1"), name="Willem Maas", role="raadslid", organisation="Gemeente Heerde",
    home=Address(street="Kerkstraat", number=12, letter="a", postcode="8181AB", city="Heerde"),
    household=(HouseholdMember(name="Willem Brouwer", relation="partner"),
               HouseholdMember(name="Tim", relation="child")),
    phones=("06 1234 5678",), emails=("w.maas@example.nl",), birth_date=date(1975, 3, 3))

PAGES = [
    "Agenda van de raad\nGemeentehuis, Marktplein 1, 8181 CS Heerde",
    "Ingekomen brief van W. Maas, Kerkstr. 12a, 8181 AB Heerde, tel. 06-12345678",
    "Willem Maas (geboren 03-03-1975) en zijn zoon Tim wonen in Heerde.",
    "De heer Jansen, Kerkstraat 14, Heerde. Willem Maas stemt in.",
]


def data(*bodies: dict[str, Any]) -> dict[str, Any]:
    return {"bodies": list(bodies)}


HEERDE = body("Gemeente Heerde", "ori_heerde", [doc("1", *PAGES), doc("2", "Alleen Willem Maas.")])
OTHER = body("Gemeente Bergen (NH)", "ori_bergen_nh", [
    doc("9", "Willem Maas, Kerkstraat 12a, 8181 AB Heerde, w.maas@example.nl")])


def collect(mock: MockOri, official: Official = OFFICIAL, **options: Any) -> CollectorResult:
    return collect_once(lambda: OriCollector(
        OriClient(BASE, transport=mock.transport(), retries=1, backoff=0.0), **options), official)


def found(result: Any) -> set[tuple[str, int | None]]:
    return {(f.kind.value, f.locator.page) for f in result.findings}


def test_each_kind_is_found_on_its_page_and_nothing_on_the_namesakes_index() -> None:
    result = collect(MockOri(data(HEERDE, OTHER)))
    assert not result.errors
    assert found(result) == {("home_address", 2), ("phone", 2), ("birth_date", 3),
                             ("household_name", 3)}
    first = result.findings[0]
    assert first.source is SourceId.ORI
    assert first.locator.url == "https://heerde.notubiz.nl/document/1"
    assert first.locator.cached_url == "https://api.openraadsinformatie.nl/v1/resolve/heerde/1"
    assert first.evidence.page_title == "Stuk 1" and first.evidence.document_date == "2026-05-01"
    assert all("bergen" not in (f.locator.url or "") for f in result.findings)


def test_a_partner_with_the_officials_first_name_is_not_found_in_the_officials_name() -> None:
    result = collect(MockOri(data(HEERDE)))
    households = [f for f in result.findings if f.kind is FindingKind.HOUSEHOLD_NAME]
    assert [f.evidence.value for f in households] == ["Tim"]


def test_documents_without_text_pages_are_read_from_text_with_their_page() -> None:
    flat = body("Gemeente Heerde", "ori_heerde", [doc("1", *PAGES, without_pages=True)])
    result = collect(MockOri(data(flat)))
    assert ("home_address", 2) in found(result) and ("birth_date", 3) in found(result)


def test_a_letterhead_on_every_page_is_a_finding_on_every_page() -> None:
    letterhead = "W. Maas · Kerkstr. 12a · 8181 AB Heerde · pagina {}/3\n\nDe raad besluit."
    letter = body("Gemeente Heerde", "ori_heerde", [
        doc("7", *(letterhead.format(n) for n in (1, 2, 3)))])
    result = collect(MockOri(data(letter)))
    assert found(result) == {("home_address", 1), ("home_address", 2), ("home_address", 3)}
    assert len({f.fingerprint for f in result.findings}) == 3


def test_lines_of_a_paragraph_are_read_together_and_blank_lines_part_them() -> None:
    sender = body("Gemeente Heerde", "ori_heerde", [doc(
        "8", "Afzender: W. Maas\nKerk-\nstraat\n12a\n8181 AB Heerde\n\nDe raad besluit.",
        "Afzender: W. Maas\nKerkstraat\n\n12a 8181 AB Heerde")])
    assert found(collect(MockOri(data(sender)))) == {("home_address", 1)}


def test_the_organisation_maps_through_organization_documents_with_a_leading_space() -> None:
    spaced = {**HEERDE, "name": " Gemeente Heerde"}
    assert found(collect(MockOri(data(spaced, OTHER))))
    bare = OFFICIAL.model_copy(update={"organisation": "Heerde"})
    assert found(collect(MockOri(data(HEERDE, OTHER)), bare))


def test_an_unknown_or_ambiguous_organisation_is_a_recorded_skip_and_ori_index_decides() -> None:
    unknown = collect(MockOri(data(OTHER)))
    assert [e.kind for e in unknown.errors] == [SourceErrorKind.SKIPPED]
    assert "ori_index" in unknown.errors[0].message
    twins = data(body("Gemeente Bergen (NH)", "ori_bergen_nh", []),
                 body("Gemeente Bergen (L)", "ori_bergen", []))
    bergen = OFFICIAL.model_copy(update={"organisation": "Bergen"})
    assert "2 indices" in collect(MockOri(twins), bergen).errors[0].message
    chosen = OFFICIAL.model_copy(update={"organisation": None, "ori_index": "ori_heerde"})
    assert found(collect(MockOri(data(HEERDE)), chosen))


def test_paging_with_search_after_reads_every_candidate_and_max_hits_is_incomplete() -> None:
    many = body("Gemeente Heerde", "ori_heerde", [doc(f"d{i:03d}", PAGES[1]) for i in range(120)])
    mock = MockOri(data(many))
    result = collect(mock)
    assert len({f.locator.url for f in result.findings}) == 120 and not result.errors
    assert mock.requests == 1 + 3  # the directory, then three pages of 50
    capped = collect(MockOri(data(many)), max_hits=30)
    assert len({f.locator.url for f in capped.findings}) == 30
    assert "120 documents are candidates, 30 were read" in capped.errors[0].message


@pytest.mark.parametrize("fault", ["502", "503", "504", "429", "shards", "truncated"])
def test_every_ori_fault_is_a_recorded_failure_that_names_no_data(fault: str) -> None:
    mock = MockOri(data(HEERDE), OriFaults(by_index={"ori_heerde": fault}))
    result = collect(mock)
    assert result.findings == () and len(result.errors) == 1
    error = result.errors[0]
    assert error.source is SourceId.ORI and error.kind is SourceErrorKind.FAILED
    assert "ori_heerde" in error.message
    assert "kerkstr" not in error.message.lower() and "maas" not in error.message.lower()


def test_an_elasticsearch_error_is_reported_by_type_not_by_reason() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": {"type": "parsing_exception",
                                                   "reason": "[kerkstraat 12a] bad"},
                                         "status": 400})
    result = collect_with(httpx.MockTransport(refuse), OFFICIAL.model_copy(
        update={"ori_index": "ori_heerde"}))
    assert result.errors[0].message == "ORI /ori_heerde/_search: HTTP 400 parsing_exception"


def test_an_nginx_page_is_reported_by_its_title() -> None:
    mock = MockOri(data(HEERDE))
    result = collect_with(mock.transport(), OFFICIAL, base="http://ori.test/elsewhere")
    assert result.errors[0].message.endswith("HTTP 403 (403 Forbidden)")


def collect_with(transport: httpx.AsyncBaseTransport, official: Official,
                 base: str = BASE) -> CollectorResult:
    return collect_once(lambda: OriCollector(OriClient(base, transport=transport, retries=0)),
                        official)


def test_the_query_is_nested_on_text_pages_filters_source_and_sorts_for_search_after() -> None:
    query = candidate_query(OFFICIAL, 50, ["d050"])
    nested = query["query"]["bool"]["should"][0]["nested"]
    assert nested["path"] == "text_pages" and nested["inner_hits"]["size"] == 100
    assert "text" not in query["_source"] and query["search_after"] == ["d050"]
    assert query["sort"] == [{"_id": "asc"}] and query["track_total_hits"] is True
    text = json.dumps(query)
    assert '"kerkstr 12a"' in text and '"kerkstraat 12 a"' in text and '"8181ab 12a"' in text
    assert '"willem"' not in text  # the partner's first name is the official's own


def test_written_forms_cover_the_tokenisations_people_use() -> None:
    phones = phone_forms("06 1234 5678")
    for written in ("06-12345678", "+31 6 1234 5678", "0031612345678", "+31 (0)6 12 34 56 78"):
        tokens = [token for _, token in analyze(written)]
        assert any([t for _, t in analyze(form)] == tokens for form in phones), written
    assert {"3 maart 1975", "03-03-1975", "3-3-1975", "03.03.1975"} <= set(date_forms(3, 3, 1975))


def test_the_stand_in_analyses_like_ori_and_refuses_what_ori_refuses() -> None:
    assert [t for _, t in analyze("12a 12-a 1234AB 1234 AB")] == ["12a", "12", "a", "1234ab",
                                                                   "1234", "ab"]
    assert "12031975" in {t for _, t in analyze("12.03.1975")}
    mock = MockOri(data(HEERDE))
    client = httpx.Client(transport=httpx.MockTransport(
        lambda r: mock.dispatch(r).response))
    assert client.delete(f"{BASE}/ori_heerde").status_code == 403
    assert client.post(f"{BASE}/ori_heerde/_search", data={"q": "x"}).status_code == 406
    window = client.post(f"{BASE}/ori_heerde/_search", json={"from": 9990, "size": 20})
    assert window.json()["error"]["type"] == "illegal_argument_exception"
    missing = client.post(f"{BASE}/ori_nergens/_search", json={})
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "index_not_found_exception"
    script = client.post(f"{BASE}/ori_heerde/_search", json={"query": {"script": {}}})
    assert script.status_code == 400
