"""Documents fetched like pages: read per page, capped, cached; other files "not read"."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposurecheck.mock.documents import docx_bytes, odt_bytes, pdf_bytes, scanned_pdf_bytes
from exposurecheck.web.fetch import FetchPolicy

from tests.web.test_fetch import FAST, Web, cached_fetch, fetch_one, fetched, page, problem

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def test_a_pdf_is_read_page_by_page() -> None:
    web = Web({"/stuk.pdf": page(pdf_bytes([["Eerste."], ["Tweede."]], title="Besluit"), PDF)})
    result = fetched(fetch_one("http://site.example/stuk.pdf", web.transport()))
    assert result.is_document
    assert (result.content_type, result.title) == (PDF, "Besluit")
    assert result.pages == ("Eerste.", "Tweede.")
    assert "application/pdf" in web.requests[-1].headers["Accept"]


@pytest.mark.parametrize(("path", "body", "content_type", "kind"), [
    ("/download?id=7", pdf_bytes([["Tekst."]]), "application/octet-stream", PDF),
    ("/brief.docx", docx_bytes(["Tekst."]), "application/octet-stream", DOCX),
    ("/brief.docx", docx_bytes(["Tekst."]), DOCX, DOCX),
    ("/brief.odt", odt_bytes(["Tekst."]), ODT, ODT),
    ("/zonder-type", pdf_bytes([["Tekst."]]), "", PDF),
])
def test_documents_are_recognised_by_type_signature_or_name(path: str, body: bytes,
                                                            content_type: str, kind: str) -> None:
    web = Web({path.partition("?")[0]: page(body, content_type)})
    result = fetched(fetch_one(f"http://site.example{path}", web.transport()))
    assert (result.content_type, result.pages[0]) == (kind, "Tekst.")


def test_a_scan_fails_by_name_of_its_problem() -> None:
    web = Web({"/scan.pdf": page(scanned_pdf_bytes(), PDF)})
    result = problem(fetch_one("http://site.example/scan.pdf", web.transport()))
    assert result.kind == "failed"
    assert result.reason.startswith("PDF: no text layer")


def test_a_broken_pdf_fails() -> None:
    web = Web({"/kapot.pdf": page(b"%PDF-1.7\nkapot", PDF)})
    result = problem(fetch_one("http://site.example/kapot.pdf", web.transport()))
    assert (result.kind, result.reason) == ("failed", "PDF: the file is damaged or not what it "
                                                      "claims to be (not a readable PDF)")


def test_documents_have_their_own_size_cap() -> None:
    body = pdf_bytes([["Tekst."]])
    web = Web({"/stuk.pdf": page(body, PDF)})
    small = FetchPolicy(rate_limit=FAST.rate_limit, max_bytes=10, max_document_bytes=100)
    result = problem(fetch_one("http://site.example/stuk.pdf", web.transport(), small))
    assert (result.kind, result.reason) == ("skipped", "larger than 100 bytes")
    roomy = FetchPolicy(rate_limit=FAST.rate_limit, max_bytes=10)
    assert fetched(fetch_one("http://site.example/stuk.pdf", web.transport(), roomy)).pages


def test_a_cached_document_keeps_its_pages(tmp_path: Path) -> None:
    web = Web({"/p": page(pdf_bytes([["Een."], ["Twee."]], title="T"), PDF)})
    first, made = cached_fetch(tmp_path, web)
    second, again = cached_fetch(tmp_path, Web())
    assert (made, again) == (2, 0)
    assert fetched(second).pages == fetched(first).pages == ("Een.", "Twee.")
    assert fetched(second).title == "T"


@pytest.mark.parametrize("content_type", [
    "application/msword",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/rtf",
])
def test_documents_in_formats_not_read_are_a_gap_not_a_file_not_meant_to_be_read(
        content_type: str) -> None:
    web = Web({"/stuk": page(b"PK\x03\x04...", content_type)})
    result = problem(fetch_one("http://site.example/stuk", web.transport()))
    assert (result.kind, result.reason) == (
        "skipped", f"content type {content_type} is a document format not read")
