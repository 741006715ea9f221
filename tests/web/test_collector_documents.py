"""The web source reads linked and listed documents page by page; other files are "not read"."""

from __future__ import annotations

import math
from collections.abc import Sequence

import httpx

from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.web.collector import WebCollector
from exposurecheck.mock.documents import docx_bytes, pdf_bytes, scanned_pdf_bytes
from exposurecheck.models import FindingKind, NotRead, Official, Site, SourceErrorKind, SourceId
from exposurecheck.web.fetch import Fetcher, FetchPolicy

from tests.support import collect_once
from tests.web.test_collector import JAN

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SITE = Site(url="http://gemeente.test/", max_pages=20, max_depth=3)
INDEX = ('<html><body><a href="/stukken/besluit.pdf">besluit</a> <a href="/stukken/brief.docx">'
         'brief</a> <a href="/foto/raad.jpg">foto</a> <a href="/foto/college.png">foto</a> '
         '<a href="/stukken/alles.zip">zip</a> <a href="/agenda.ics">agenda</a> '
         '<a href="/logo">logo</a></body></html>')
FILES: dict[str, tuple[str, bytes]] = {
    "/robots.txt": ("text/plain", b""),
    "/": ("text/html; charset=utf-8", INDEX.encode()),
    "/stukken/besluit.pdf": (PDF, pdf_bytes([
        ["Besluitenlijst van de raad."],
        ["Raadslid Jan Jansen is bereikbaar op 06-12345601 en woont aan de Kerkstraat 12 te "
         "Dalfsen."],
        ["Het gemeentehuis staat aan de Kerkstraat 1 te Dalfsen."],
    ], header="Gemeente Voorbeeld")),
    "/stukken/brief.docx": (DOCX, docx_bytes(["Geachte raad,", "Met vriendelijke groet,"],
                                             tables=[[["Afzender", "J. Jansen"],
                                                      ["E-mail", "jan@example.nl"]]],
                                             header="Ingekomen stuk")),
    "/logo": ("image/svg+xml", b"<svg/>"),
    "/scan.pdf": (PDF, scanned_pdf_bytes()),
    "/foto.jpg": ("image/jpeg", b"\xff\xd8\xff"),
}


def handle(request: httpx.Request) -> httpx.Response:
    found = FILES.get(request.url.path)
    if found is None:
        return httpx.Response(404)
    return httpx.Response(200, headers={"Content-Type": found[0]}, content=found[1])


def collect(official: Official, sites: Sequence[Site] = (SITE,)) -> CollectorResult:
    return collect_once(lambda: WebCollector(Fetcher(
        FetchPolicy(rate_limit=math.inf), transport=httpx.MockTransport(handle)), sites), official)


def test_findings_in_documents_name_the_url_and_page() -> None:
    result = collect(JAN)
    assert not result.errors
    found = {(f.kind, f.locator.url, f.locator.page) for f in result.findings}
    assert found == {
        (FindingKind.PHONE, "http://gemeente.test/stukken/besluit.pdf", 2),
        (FindingKind.HOME_ADDRESS, "http://gemeente.test/stukken/besluit.pdf", 2),
        (FindingKind.EMAIL, "http://gemeente.test/stukken/brief.docx", 1),
    }
    assert len({f.fingerprint for f in result.findings}) == 3


def test_files_not_meant_to_be_read_are_counted_per_type_and_do_not_fail() -> None:
    result = collect(JAN)
    assert not result.errors
    assert result.not_read == (
        NotRead(source=SourceId.WEB, media_type="application/zip", count=1),
        NotRead(source=SourceId.WEB, media_type="image/jpeg", count=1),
        NotRead(source=SourceId.WEB, media_type="image/png", count=1),
        NotRead(source=SourceId.WEB, media_type="image/svg+xml", count=1),
        NotRead(source=SourceId.WEB, media_type="text/calendar", count=1),
    )


def test_a_listed_scan_or_image_is_an_error_by_name() -> None:
    official = JAN.model_copy(update={"urls": ("http://gemeente.test/scan.pdf",
                                               "http://gemeente.test/foto.jpg")})
    result = collect(official, sites=())
    assert sorted((e.kind, e.message) for e in result.errors) == [
        (SourceErrorKind.FAILED, "http://gemeente.test/scan.pdf: PDF: no text layer (a scan?): "
                                 "it cannot be read without OCR"),
        (SourceErrorKind.SKIPPED, "http://gemeente.test/foto.jpg: content type image/jpeg is "
                                  "not read"),
    ]
    assert result.not_read == ()


def test_a_document_with_scanned_pages_is_read_and_the_scanned_pages_are_an_error() -> None:
    import pymupdf

    document = pymupdf.open(stream=pdf_bytes([["Raadslid Jan Jansen: 06-12345601."]]),
                            filetype="pdf")
    document.insert_pdf(pymupdf.open(stream=scanned_pdf_bytes(1), filetype="pdf"))
    FILES["/bijlage.pdf"] = (PDF, document.tobytes())
    try:
        result = collect(JAN.model_copy(update={"urls": ("http://gemeente.test/bijlage.pdf",)}),
                         sites=())
    finally:
        del FILES["/bijlage.pdf"]
    assert [(f.kind, f.locator.page) for f in result.findings] == [(FindingKind.PHONE, 1)]
    assert [e.message for e in result.errors] == [
        "http://gemeente.test/bijlage.pdf: page 2 has no text layer (a scan?) and was not read"]
