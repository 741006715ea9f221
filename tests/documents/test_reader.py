"""Each format read to text, and every hostile or unreadable file refused with a reason."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.documents import (
    DocumentError,
    DocumentKind,
    DocumentLimits,
    DocumentProblem,
    document_kind,
    read_document,
)
from exposurecheck.documents.layout import unwrap
from exposurecheck.mock.documents import docx_bytes, odt_bytes, pdf_bytes, scanned_pdf_bytes

LONG = ("Het college heeft besloten dat wethouder Bakker, wonende Kerkstraat 12 te Dorp, "
        "de portefeuille Burgemeestersvoorzieningen en Gemeentebelastingen overneemt.")


def _problem(data: bytes, name: str, limits: DocumentLimits | None = None) -> DocumentProblem:
    with pytest.raises(DocumentError) as raised:
        read_document(data, name=name, limits=limits or DocumentLimits())
    return raised.value.problem


def test_pdf_pages_keep_their_order_and_wrapped_lines_are_joined() -> None:
    data = pdf_bytes([["Eerste pagina."], [LONG], ["Derde pagina."]], header="Gemeente Voorbeeld",
                     title="Raadsbesluit", width=40)
    text = read_document(data, name="besluit.pdf", content_type="application/pdf")
    assert text.kind is DocumentKind.PDF
    assert len(text.pages) == 3
    assert text.pages[0].startswith("Gemeente Voorbeeld - pagina 1\n")
    assert LONG in text.pages[1].split("\n")
    assert "Derde pagina." in text.pages[2]
    assert text.title == "Raadsbesluit"


@pytest.mark.parametrize(("lines", "joined"), [
    (["de Kerk-", "straat 12"], "de Kerkstraat 12"),
    (["Jan-", "Willem"], "Jan-Willem"),
    (["06-", "12345678"], "06-12345678"),
    (["woont in", "  Dorp  "], "woont in Dorp"),
    (["Burge\u00ad", "meester"], "Burgemeester"),
])
def test_unwrap_joins_hyphenated_words_but_keeps_real_hyphens(lines: list[str],
                                                               joined: str) -> None:
    assert unwrap(lines) == joined


def test_docx_reads_headers_paragraphs_tables_and_footers() -> None:
    data = docx_bytes(["Aan de raad.", "Tweede alinea."],
                      tables=[[["Adres", "Kerkstraat 12"], ["Naam", "K. Smit", "extra"]]],
                      header="Gemeente Voorbeeld", footer="Postbus 1", title="Brief")
    text = read_document(data, name="brief.docx")
    assert text.kind is DocumentKind.DOCX
    assert text.pages == ("Gemeente Voorbeeld\nAan de raad.\nTweede alinea.\nAdres: Kerkstraat 12\n"
                          "Naam | K. Smit | extra\nPostbus 1",)
    assert text.title == "Brief"


def test_odt_reads_paragraphs_tables_and_page_headers() -> None:
    data = odt_bytes(["Aan de raad."], tables=[[["Telefoon", "06 12345678"]]],
                     header="Gemeente Voorbeeld", title="Brief")
    text = read_document(data, name="brief.odt")
    assert text.kind is DocumentKind.ODT
    assert text.pages == ("Aan de raad.\nTelefoon: 06 12345678\nGemeente Voorbeeld",)
    assert text.title == "Brief"


def test_odt_spaces_and_nested_notes() -> None:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<office:document-content {ns}><office:body><office:text><text:p>Kerk<text:span>'
               'straat</text:span><text:s text:c="3"/>12<text:note><text:note-body><text:p>noot'
               '</text:p></text:note-body></text:note> Dorp</text:p></office:text></office:body>'
               '</office:document-content>')
    text = read_document(odt_bytes([], content_xml=content), name="x.odt")
    assert text.pages[0].split("\n")[:2] == ["Kerkstraat 12 Dorp", "noot"]


def test_plain_text_and_html_pass_through() -> None:
    text = read_document(b"Kerk-\nstraat 12\n\nDorp", name="a.txt")
    assert text.pages == ("Kerkstraat 12\nDorp",)
    html = b"<html><title>T</title><script>x()</script><p>Hallo</p><p>wereld</p></html>"
    text = read_document(html, name="a.html", content_type="text/html")
    assert text.pages == ("Hallo\nwereld",)
    assert text.title == "T"


def test_a_scan_without_text_layer_is_not_readable() -> None:
    assert _problem(scanned_pdf_bytes(), "scan.pdf") is DocumentProblem.NO_TEXT


def test_an_encrypted_pdf_is_refused() -> None:
    import pymupdf

    document = pymupdf.open(stream=pdf_bytes([["geheim"]]), filetype="pdf")
    data = document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    assert _problem(data, "geheim.pdf") is DocumentProblem.ENCRYPTED


@pytest.mark.parametrize("name", ["kapot.pdf", "kapot.docx", "kapot.odt"])
def test_broken_files_are_refused(name: str) -> None:
    head = b"%PDF-1.7\n" if name.endswith(".pdf") else b"PK\x03\x04"
    assert _problem(head + b"\x00garbage" * 50, name) is DocumentProblem.BROKEN


def test_a_truncated_docx_is_broken() -> None:
    data = docx_bytes(["Aan de raad."])
    assert _problem(data[: len(data) // 2], "half.docx") is DocumentProblem.BROKEN


def test_size_and_page_caps() -> None:
    data = pdf_bytes([["een"], ["twee"], ["drie"]])
    assert _problem(data, "a.pdf", DocumentLimits(max_pages=2)) is DocumentProblem.TOO_LARGE
    assert _problem(data, "a.pdf", DocumentLimits(max_bytes=100)) is DocumentProblem.TOO_LARGE
    assert _problem(data, "a.pdf", DocumentLimits(max_chars=5)) is DocumentProblem.TOO_LARGE


@pytest.mark.parametrize(("data", "name"), [(pdf_bytes([["een"]]), "a.pdf"),
                                            (docx_bytes(["een"]), "a.docx"),
                                            (odt_bytes(["een"]), "a.odt")])
def test_a_read_past_its_time_limit_is_a_timeout(data: bytes, name: str) -> None:
    spent = DocumentLimits(max_seconds=-1)
    assert _problem(data, name, spent) is DocumentProblem.TIMEOUT


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<a>" + b" " * 50_000_000 + b"</a>")
    assert _problem(out.getvalue(), "bom.odt") is DocumentProblem.TOO_LARGE


def test_xml_entities_are_never_expanded() -> None:
    content = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
               'office:1.0">&b;</office:document-content>')
    assert _problem(odt_bytes([], content_xml=content), "lol.odt") is DocumentProblem.BROKEN


def test_an_error_reason_carries_no_content() -> None:
    with pytest.raises(DocumentError) as raised:
        read_document(b"%PDF-1.7 Kerkstraat 12", name="Kerkstraat-12.pdf")
    assert "Kerkstraat" not in raised.value.reason


@pytest.mark.parametrize(("name", "content_type", "head", "kind"), [
    ("a.pdf", "application/pdf", b"", DocumentKind.PDF),
    ("download", "application/octet-stream", b"%PDF-1.4", DocumentKind.PDF),
    ("http://x.test/stuk.docx?id=1", "application/octet-stream", b"PK\x03\x04", DocumentKind.DOCX),
    ("http://x.test/stuk.odt", None, b"", DocumentKind.ODT),
    ("foto.jpg", "image/jpeg", b"\xff\xd8", None),
    ("stuk.docx", "application/octet-stream", b"\xff\xd8\xff", None),
    ("pakket.zip", "application/zip", b"PK\x03\x04", None),
])
def test_document_kind(name: str, content_type: str | None, head: bytes,
                       kind: DocumentKind | None) -> None:
    assert document_kind(name, content_type, head) is kind


def test_unsupported_formats_are_refused() -> None:
    assert _problem(b"\xff\xd8\xff\xe0", "foto.jpg") is DocumentProblem.UNSUPPORTED


@pytest.mark.parametrize("write", [docx_bytes, odt_bytes])
def test_a_header_row_labels_the_cells_below(write: Callable[..., bytes]) -> None:
    rows = [["Naam", "Woonplaats", "Geboortedatum"], ["K. Smit", "Dalfsen", "15 januari 1970"]]
    text = read_document(write([], tables=[rows]), name=f"x.{write.__name__.partition('_')[0]}")
    assert "Naam: K. Smit; Woonplaats: Dalfsen; Geboortedatum: 15 januari 1970" in text.pages[0]


def test_scanned_pages_in_a_document_with_text_are_named() -> None:
    import pymupdf

    document = pymupdf.open(stream=pdf_bytes([["Raadsvoorstel."]]), filetype="pdf")
    document.insert_pdf(pymupdf.open(stream=scanned_pdf_bytes(2), filetype="pdf"))
    text = read_document(document.tobytes(), name="voorstel-met-bijlage.pdf")
    assert text.pages[0] == "Raadsvoorstel."
    assert text.image_only_pages == (2, 3)


def test_a_password_protected_docx_is_encrypted() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    assert _problem(data, "beveiligd.docx") is DocumentProblem.ENCRYPTED
    kind = document_kind("beveiligd.docx", "application/octet-stream", data[:8])
    assert kind is DocumentKind.DOCX


def test_a_dtd_inside_a_docx_is_refused() -> None:
    data = docx_bytes(["Aan de raad."])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            body = source.read(member.filename)
            if member.filename == "word/document.xml":
                body = body.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            target.writestr(member, body)
    assert _problem(out.getvalue(), "xxe.docx") is DocumentProblem.BROKEN


@settings(max_examples=60, deadline=None)
@given(head=st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b""]),
       body=st.binary(max_size=2000),
       name=st.sampled_from(["a.pdf", "a.docx", "a.odt", "a.txt", "a.html"]))
def test_any_bytes_give_text_or_a_document_error(head: bytes, body: bytes, name: str) -> None:
    try:
        text = read_document(head + body, name=name)
    except DocumentError as exc:
        assert exc.reason and "\x1b" not in exc.reason
    else:
        assert all("\x1b" not in page for page in text.pages)
