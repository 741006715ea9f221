"""Each format, each hidden place: scan finds the data there, scrub removes it from every part."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree

from exposurecheck.scrub.detect import Detector
from exposurecheck.scrub.engine import Context, DocumentError, scan_bytes, scrub_bytes
from exposurecheck.scrub.model import Location, ScanKind

from tests.scrub.conftest import BSN, EMAIL, IBAN, PHONE, mail_with_broken_pdf


def found(name: str, data: bytes, detector: Detector) -> set[tuple[ScanKind, int | None, Location]]:
    return {(f.kind, f.page, f.location)
            for f in scan_bytes(name, data, Context(detector)).findings}


def scrubbed(name: str, data: bytes, detector: Detector) -> bytes:
    out, done = scrub_bytes(name, data, Context(detector))
    assert done
    assert not scan_bytes(name, out, Context(detector)).findings
    return out


# --------------------------------------------------------------------------- PDF


def pdf_with_everything(tmp_path: Path) -> bytes:
    document = pymupdf.open()
    first = document.new_page()
    first.insert_text((50, 30), "Gemeente Raalte, Bezoekadres: Grote Markt 1, 8102 CV Raalte")
    first.insert_text((50, 120), f"De indiener heeft BSN {BSN} opgegeven.")
    first.insert_text((50, 140), "Dit blijft gewoon staan in het besluit.")
    second = document.new_page()
    second.insert_text((50, 120), f"notitie {PHONE}", render_mode=3)
    second.insert_text((50, 140), f"wit {EMAIL}", color=(1, 1, 1))
    second.insert_text((50, 160), "Adres indiener: Kerkweg 8")
    second.draw_rect(pymupdf.Rect(125, 150, 200, 165), color=None, fill=(0, 0, 0))
    second.add_text_annot((300, 300), f"rekening {IBAN}")
    document.new_page().insert_text((50, 120), "Derde pagina zonder persoonsgegevens.")
    document.set_metadata({"author": "Johanna van Dijk"})
    document.embfile_add("bijlage.txt", f"BSN {BSN}".encode(), filename="bijlage.txt")
    path = tmp_path / "besluit.pdf"
    document.save(path)
    revised = pymupdf.open(path)  # an earlier revision holds a phone the last one does not
    revised[2].insert_text((50, 200), "Bel 06-23456789")
    revised.saveIncr()
    revised.close()
    last = pymupdf.open(path)
    for rect in last[2].search_for("Bel 06-23456789"):
        last[2].add_redact_annot(rect)
    last[2].apply_redactions()
    last.saveIncr()
    last.close()
    return path.read_bytes()


def test_pdf_every_hidden_place_is_found(tmp_path: Path, detector: Detector) -> None:
    assert found("b.pdf", pdf_with_everything(tmp_path), detector) == {
        (ScanKind.BSN, 1, Location.TEXT),
        (ScanKind.PHONE, 2, Location.HIDDEN_TEXT),
        (ScanKind.EMAIL, 2, Location.HIDDEN_TEXT),
        (ScanKind.FAILED_REDACTION, 2, Location.UNDER_BOX),
        (ScanKind.IBAN, 2, Location.ANNOTATION),
        (ScanKind.METADATA, None, Location.METADATA),
        (ScanKind.BSN, None, Location.ATTACHMENT),
        (ScanKind.PHONE, 3, Location.EARLIER_REVISION),
    }


def test_pdf_scrub_removes_the_text_itself_and_keeps_the_rest(tmp_path: Path,
                                                              detector: Detector) -> None:
    data = pdf_with_everything(tmp_path)
    out = scrubbed("b.pdf", data, detector)
    assert out.count(b"%%EOF") == 1
    document = pymupdf.open(stream=out, filetype="pdf")
    assert document.page_count == 3
    text = "".join(page.get_text() for page in document)
    for value in (BSN, PHONE, EMAIL, "Kerkweg", "06-23456789"):
        assert value not in text
    assert "Dit blijft gewoon staan in het besluit." in text
    assert "5.1.1e" in text and "5.1.2e" in text  # the box says why
    assert not document.metadata["author"]
    assert document.embfile_count() == 0
    assert not list(document[1].annots())


def test_unreadable_pdf_is_an_error(detector: Detector) -> None:
    with pytest.raises(DocumentError):
        scan_bytes("kapot.pdf", b"%PDF-1.7 not really", Context(detector))


# --------------------------------------------------------------------------- DOCX


def _tracked(paragraph: docx.text.paragraph.Paragraph, tag: str, text: str) -> None:
    change = etree.SubElement(paragraph._p, qn(f"w:{tag}"))
    change.set(qn("w:id"), "7")
    change.set(qn("w:author"), "Redactie")
    run = etree.SubElement(change, qn("w:r"))
    piece = etree.SubElement(run, qn("w:delText" if tag == "del" else "w:t"))
    piece.text = text


def docx_with_everything() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Gemeente Raalte · T 0572 123456"
    split = document.add_paragraph()
    for word in ("Rekening", "NL91", "ABNA", "0417", "1643", "00", "van", "de", "indiener."):
        split.add_run(word + " ")
    hidden = document.add_paragraph("Zie ook ")
    hidden.add_run(f"tel {PHONE}").font.hidden = True
    white = document.add_paragraph("Notitie ")
    white.add_run(f"BSN {BSN}").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    changed = document.add_paragraph("Aangepast. ")
    _tracked(changed, "del", f"Mail {EMAIL}.")
    commented = document.add_paragraph("Zie de opmerking. Dit blijft staan.")
    document.add_comment(commented.runs, text="Bel 06-23456789", author="Redactie")
    document.core_properties.author = "Pieter Jansen"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_scrub_keeps_structure(detector: Detector) -> None:
    out = scrubbed("b.docx", docx_with_everything(), detector)
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        everything = " ".join(archive.read(n).decode("utf-8", "replace")
                              for n in archive.namelist())
    for value in ("NL91", "0417", PHONE, BSN, EMAIL, "06-23456789", "Pieter Jansen"):
        assert value not in everything
    document = docx.Document(io.BytesIO(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Rekening [5.1.2e]")
    assert "Zie de opmerking. Dit blijft staan." in texts
    assert document.sections[0].header.paragraphs[0].text == "Gemeente Raalte · T 0572 123456"


# --------------------------------------------------------------------------- ODT

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def odt_with_everything() -> bytes:
    content = (
        f'<office:document-content {_NS}><office:automatic-styles><style:style '
        'style:name="H" style:family="text"><style:text-properties text:display="none"/>'
        '</style:style></office:automatic-styles><office:body><office:text>'
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        f'<text:p>Mail {EMAIL}</text:p></text:deletion></text:changed-region>'
        '</text:tracked-changes>'
        f'<text:p>BSN <text:span>{BSN[:4]}</text:span>{BSN[4:]} van de indiener.</text:p>'
        f'<text:p>Zie <text:span text:style-name="H">tel {PHONE}</text:span> hier.</text:p>'
        '<text:p>Let op<office:annotation><dc:creator>R</dc:creator>'
        f'<text:p>rekening {IBAN}</text:p></office:annotation> dit blijft.</text:p>'
        '<text:p>Tekst <text:change text:change-id="c1"/>aangepast.</text:p>'
        '</office:text></office:body></office:document-content>')
    meta = (f'<office:document-meta {_NS}><office:meta><dc:creator>Maria de Boer</dc:creator>'
            '</office:meta></office:document-meta>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
    return out.getvalue()


def test_odt_scrub_keeps_the_mimetype_first_and_the_other_text(detector: Detector) -> None:
    out = scrubbed("b.odt", odt_with_everything(), detector)
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        content = archive.read("content.xml").decode()
        meta = archive.read("meta.xml").decode()
    for value in (EMAIL, BSN[:4], BSN[4:], PHONE, IBAN):
        assert value not in content
    assert "Maria de Boer" not in meta
    assert "text:change " not in content and 'change-id="c1"' not in content
    assert "dit blijft." in content and "van de indiener." in content


# --------------------------------------------------------------------------- HTML, text, mail

HTML = (f"<!DOCTYPE html><html><head><meta name='author' content='Kees Hendriks'></head><body>"
        f"<header>Gemeente Raalte, Grote Markt 1, 8102 CV Raalte</header>"
        f"<p>BSN <b>{BSN}</b> van de indiener.</p><!-- bel {PHONE} -->"
        f"<div style='display:none'>{EMAIL}</div><a href='mailto:k.jansen@hotmail.com'>x</a>"
        f"<p>Dit blijft staan.</p></body></html>").encode()


def test_html_scrub(detector: Detector) -> None:
    out = scrubbed("b.html", HTML, detector).decode()
    for value in (BSN, PHONE, EMAIL, "k.jansen", "Kees Hendriks"):
        assert value not in out
    assert "Dit blijft staan." in out and "Grote Markt 1" in out


def test_markdown_scrub(detector: Detector) -> None:
    data = f"# Verslag\n\nBel {PHONE} of mail info@raalte.nl.\n".encode()
    assert found("v.md", data, detector) == {(ScanKind.PHONE, None, Location.TEXT)}
    assert scrubbed("v.md", data, detector).decode() == \
        "# Verslag\n\nBel [5.1.2e] of mail info@raalte.nl.\n"


# What each office or web format hides where: every place a value of a kind stands in.
HIDDEN_PLACES = {
    "b.docx": (docx_with_everything, {
        (ScanKind.IBAN, Location.TEXT), (ScanKind.PHONE, Location.HIDDEN_TEXT),
        (ScanKind.BSN, Location.HIDDEN_TEXT), (ScanKind.EMAIL, Location.TRACKED_CHANGE),
        (ScanKind.PHONE, Location.COMMENT), (ScanKind.METADATA, Location.METADATA)}),
    "b.odt": (odt_with_everything, {
        (ScanKind.EMAIL, Location.TRACKED_CHANGE), (ScanKind.BSN, Location.TEXT),
        (ScanKind.PHONE, Location.HIDDEN_TEXT), (ScanKind.IBAN, Location.COMMENT),
        (ScanKind.METADATA, Location.METADATA)}),
    "b.html": (lambda: HTML, {
        (ScanKind.METADATA, Location.METADATA), (ScanKind.BSN, Location.TEXT),
        (ScanKind.PHONE, Location.HTML_COMMENT), (ScanKind.EMAIL, Location.HIDDEN_TEXT),
        (ScanKind.EMAIL, Location.HTML_ATTRIBUTE)}),
}


@pytest.mark.parametrize("name", HIDDEN_PLACES)
def test_every_hidden_place_is_found(detector: Detector, name: str) -> None:
    build, places = HIDDEN_PLACES[name]
    assert found(name, build(), detector) == {(kind, None, where) for kind, where in places}


def mail_with_attachments() -> bytes:
    message = EmailMessage()
    message["From"] = f"Piet de Vries <{EMAIL}>"
    message["To"] = "griffie@raalte.nl"
    message["Subject"] = "Inspraakreactie"
    message.set_content(f"Mijn rekening is {IBAN}.\n")
    inner = pymupdf.open()
    inner.new_page().insert_text((50, 100), f"BSN {BSN}")
    message.add_attachment(inner.tobytes(), maintype="application", subtype="pdf",
                           filename="brief.pdf")
    forwarded = EmailMessage()
    forwarded["Subject"] = "Fwd"
    forwarded.set_content(f"Bel {PHONE}\n")
    message.add_attachment(bytes(forwarded), maintype="application", subtype="octet-stream",
                           filename="eerder.eml")
    return bytes(message)


def test_mail_headers_body_and_attachments_recursively(detector: Detector) -> None:
    assert found("m.eml", mail_with_attachments(), detector) == {
        (ScanKind.EMAIL, None, Location.MAIL_HEADER),
        (ScanKind.IBAN, None, Location.TEXT),
        (ScanKind.BSN, 1, Location.ATTACHMENT),
        (ScanKind.PHONE, None, Location.ATTACHMENT),
    }
    scrubbed("m.eml", mail_with_attachments(), detector)


def test_unsupported_format_is_an_error(detector: Detector) -> None:
    with pytest.raises(DocumentError):
        scan_bytes("foto.png", b"\x89PNG", Context(detector))


def test_an_unreadable_attachment_is_a_problem_not_silence(detector: Detector) -> None:
    context = Context(detector)
    scan_bytes("m.eml", mail_with_broken_pdf("Stukken", b"%PDF-1.7 broken", "kapot.pdf"), context)
    assert context.problems == [
        "attachment kapot.pdf: the file is damaged or not what it claims to be (PDF)"]


def test_pdf_xmp_author_is_found_and_removed(detector: Detector) -> None:
    document = pymupdf.open()
    document.new_page().insert_text((50, 100), "Openbaar besluit.")
    document.set_xml_metadata(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        '22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:creator><rdf:Seq><rdf:li>Karin de Graaf</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>")
    data = document.tobytes()
    assert found("x.pdf", data, detector) == {(ScanKind.METADATA, None, Location.METADATA)}
    assert b"Karin" not in scrubbed("x.pdf", data, detector)


def test_docx_paragraphs_never_merge(detector: Detector) -> None:
    """Units are keyed by element, not id(): a recycled id once glued paragraphs together."""
    document = docx.Document()
    for index in range(300):
        document.add_paragraph(f"Rekening {IBAN} van de indiener." if index % 2 else
                               "De subsidie t.n.v. gemeente Raalte.")
    out = io.BytesIO()
    document.save(out)
    findings = scan_bytes("p.docx", out.getvalue(), Context(detector)).findings
    assert len(findings) == 150


def test_docx_black_highlight_is_a_failed_redaction(detector: Detector) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    document = docx.Document()
    paragraph = document.add_paragraph("De indiener, ")
    paragraph.add_run("Kerkweg 8 te Raalte").font.highlight_color = WD_COLOR_INDEX.BLACK
    paragraph.add_run(", heeft bezwaar gemaakt.")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    assert found("z.docx", data, detector) == {
        (ScanKind.FAILED_REDACTION, None, Location.UNDER_BOX)}
    cleaned = docx.Document(io.BytesIO(scrubbed("z.docx", data, detector)))
    assert cleaned.paragraphs[0].text == "De indiener, [5.1.2e], heeft bezwaar gemaakt."


@pytest.mark.parametrize("how", ["square", "unapplied-redaction"])
def test_pdf_box_annotation_over_live_text_is_a_failed_redaction(detector: Detector,
                                                                how: str) -> None:
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((50, 100), "Indiener: Kerkweg 8 te Raalte")
    rect = pymupdf.Rect(95, 88, 200, 104)
    if how == "square":
        box = page.add_rect_annot(rect)
        box.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
        box.update()
    else:
        page.add_redact_annot(rect, fill=(0, 0, 0))
    data = document.tobytes()
    assert (ScanKind.FAILED_REDACTION, 1, Location.UNDER_BOX) in found("r.pdf", data, detector)
    text = pymupdf.open(stream=scrubbed("r.pdf", data, detector), filetype="pdf")[0].get_text()
    assert "Kerkweg" not in text and "Indiener" in text


def test_pymupdf_constants_are_the_libraries() -> None:
    from exposurecheck.scrub import pdf

    assert (pdf._ANNOT_SQUARE, pdf._ANNOT_REDACT, pdf._KEEP_IMAGES) == (
        pymupdf.PDF_ANNOT_SQUARE, pymupdf.PDF_ANNOT_REDACT, pymupdf.PDF_REDACT_IMAGE_NONE)


def test_html_in_another_charset_is_written_as_utf8(detector: Detector) -> None:
    page = (f"<html><head><meta charset='windows-1252'></head><body><p>Café, bel {PHONE}</p>"
            "</body></html>").encode("cp1252")
    out = scrubbed("c.html", page, detector).decode("utf-8")
    assert "Café, bel [5.1.2e]" in out and 'charset="utf-8"' in out


@pytest.mark.parametrize("name", ["x.docx", "x.odt"])
def test_office_xml_with_a_dtd_is_refused(detector: Detector, name: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        part = "word/document.xml" if name.endswith("docx") else "content.xml"
        archive.writestr(part, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(DocumentError) as raised:
        scan_bytes(name, out.getvalue(), Context(detector))
    assert "DTD" in str(raised.value)
