"""An independent set of council and Woo documents with known planted data, in every format.

Every person, number and address is invented (street and town names are real). Each
document records what was planted where: (kind, page) pairs and the planted values, so
`scrub_accuracy.py` can score a scan and check a scrub without trusting the tool.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import docx
import pymupdf
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

ROSTER = """\
officials:
  - id: b-001
    name: Hendrika Smit
    role: burgemeester
    organisation: Gemeente Raalte
    home: {street: Zwolsestraat, number: 41, letter: b, postcode: "8102 AB", city: Raalte}
    household:
      - {name: Gerrit Smit, relation: partner}
    phones: ["06 4123 9876"]
    emails: ["hsmit.thuis@example.nl"]
    birth_date: 1968-07-14
  - id: b-002
    name: Yusuf Demir
    role: wethouder
    organisation: Gemeente Raalte
    home: "Lindenlaan 3, 8101 CD Raalte"
    household:
      - {name: Elif Demir, relation: partner}
    phones: ["0572-351234"]
    emails: ["y.demir@example.org"]
    birth_date: 1979-02-05
"""
PUBLIC = ["@raalte.nl", "Grote Markt 1, 8102 CV Raalte", "0572 347799"]
OFFICIALS = [  # (name, home sentence forms, private data sentences, household sentence)
    ("Hendrika Smit", ["Zwolsestraat 41b, 8102 AB Raalte", "Zwolsestr. 41-B in Raalte"],
     "06 4123 9876", "hsmit.thuis@example.nl", "14 juli 1968", "Gerrit Smit"),
    ("Yusuf Demir", ["Lindenlaan 3, 8101 CD Raalte", "Lindenlaan 3\n8101 CD Raalte"],
     "0572-351234", "y.demir@example.org", "5 februari 1979", "Elif Demir"),
]
CITIZEN_NAMES = ["P. de Vries", "K. Bakker", "M. Visser", "A. Meijer", "R. Bos", "L. Mulder"]
STREETS = ["Dorpsstraat", "Schoolstraat", "Molenweg", "Kerkweg", "Stationsstraat", "Beukenlaan"]
TOWNS = [("8011", "Zwolle"), ("7411", "Deventer"), ("8101", "Raalte"), ("7721", "Dalfsen")]
LETTERHEAD = ("Gemeente Raalte\nBezoekadres: Grote Markt 1, 8102 CV Raalte\n"
              "Postbus 140, 8100 AC Raalte\nTelefoon 14 0572 | info@raalte.nl | KvK 12345678")
FILLER = [
    "De raad heeft het voorstel in de vergadering van 12 maart 2024 besproken.",
    "Het college stelt voor het bestemmingsplan Centrum Noord vast te stellen.",
    "Zaaknummer Z/24/012345, dossiernummer 2024-00871, ons kenmerk 123456782.",
    "Wethouder Yusuf Demir en burgemeester Hendrika Smit waren bij het overleg aanwezig.",
    "Vragen over dit besluit kunt u stellen via woo@raalte.nl of griffie@raalte.nl.",
    "De commissie Ruimte vergadert op 4 april 2024 om 19.30 uur in de raadzaal.",
    "Het fractiesecretariaat is bereikbaar via Grote Markt 1, 8102 CV Raalte.",
    "De subsidie wordt betaald vanaf NL20INGB0001234567 t.n.v. gemeente Raalte.",
    "In de bijlage vindt u de inspraakreacties, geanonimiseerd waar nodig.",
    "Het advies van de commissie bezwaarschriften is in dit besluit overgenomen.",
]


@dataclass
class Planted:
    path: str
    truth: set[tuple[str, int | None]] = field(default_factory=set)
    values: list[str] = field(default_factory=list)
    pages: int | None = None

    def plant(self, kind: str, page: int | None, value: str) -> str:
        self.truth.add((kind, page))
        self.values.append(value)
        return value


class Citizens:
    """Invented citizens with valid-looking (checksum-correct) numbers."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def bsn(self) -> str:
        while True:
            number = f"{self.rng.randint(10_000_000, 99_999_999):08d}" + str(self.rng.randint(0, 9))
            if stdnum_bsn.is_valid(number) and not number.startswith("0"):
                if self.rng.random() < 0.3:
                    return f"{number[:4]}.{number[4:6]}.{number[6:]}"
                return number

    def iban(self) -> str:
        account = f"ABNA0{self.rng.randint(100_000_000, 999_999_999)}"
        value = f"NL{stdnum_iban.calc_check_digits('NL00' + account)}{account}"
        if self.rng.random() < 0.4:
            return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
        return value

    def phone(self) -> str:
        digits = f"{self.rng.randint(10_000_000, 59_999_999)}"
        return self.rng.choice([
            f"06-{digits}", f"06 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
            f"+31 6 {digits[:4]} {digits[4:]}", f"(06) {digits}",
            f"038-42{digits[:5]}", f"0572 {digits[:6]}"])

    def email(self) -> str:
        name = self.rng.choice(["jan", "els", "kees", "mira", "tom", "ans"])
        return f"{name}.{self.rng.randint(10, 99)}@{self.rng.choice(['gmail.com', 'hotmail.nl'])}"

    def address(self) -> str:
        digits, town = self.rng.choice(TOWNS)
        letters = self.rng.choice(["AB", "CD", "EF", "GH", "KL"])
        number = f"{self.rng.randint(2, 199)}{self.rng.choice(['', '', 'a', '-2', ' B', '-bis'])}"
        street = self.rng.choice(STREETS)
        return self.rng.choice([f"{street} {number}, {digits} {letters} {town}",
                                f"{street} {number}\n{digits}{letters} {town}",
                                f"{digits} {letters} {number.split('-')[0].split(' ')[0]}"])

    def name(self) -> str:
        return self.rng.choice(CITIZEN_NAMES)


def _filler(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(FILLER) for _ in range(count)]


def _private_lines(doc: Planted, people: Citizens, page: int | None, which: int) -> list[str]:
    """One or two sentences with planted data; `which` picks the mix."""
    rng = people.rng
    official = OFFICIALS[which % len(OFFICIALS)]
    name, homes, phone, mail, born, partner = official
    lines = []
    if which % 4 == 0:
        lines.append(f"Indiener {people.name()}, wonend "
                     f"{doc.plant('address', page, people.address())}, "
                     f"BSN {doc.plant('bsn', page, people.bsn())}.")
        lines.append(f"Bereikbaar via {doc.plant('phone', page, people.phone())} of "
                     f"{doc.plant('email', page, people.email())}; rekening "
                     f"{doc.plant('iban', page, people.iban())}.")
    elif which % 4 == 1:
        lines.append(f"{name} woont aan de {doc.plant('home_address', page, rng.choice(homes))}.")
        lines.append(f"{name} is privé bereikbaar op {doc.plant('phone', page, phone)}.")
    elif which % 4 == 2:
        lines.append(f"{name} (geboren {doc.plant('birth_date', page, born)}) en haar of zijn "
                     f"partner {doc.plant('household_name', page, partner)} zijn verhuisd.")
        lines.append(f"Het privéadres van {name} is {doc.plant('email', page, mail)}.")
    else:
        lines.append(f"De heer {people.name()}, {doc.plant('address', page, people.address())}, "
                     f"diende een verzoek in.")
    return lines


# --------------------------------------------------------------------------- formats


def make_pdf(path: Path, doc: Planted, people: Citizens, pages: int, private: bool,
             hidden: bool) -> None:
    rng = people.rng
    pdf = pymupdf.open()
    for number in range(1, pages + 1):
        page = pdf.new_page()
        y = 30.0
        if number == 1:
            for line in LETTERHEAD.split("\n"):
                page.insert_text((50, y), line, fontsize=8)
                y += 10
        y = 110.0
        lines = _filler(rng, 6)
        if private and number % 2 == 1:
            lines[2:2] = _private_lines(doc, people, number, rng.randint(0, 3))
        for line in lines:
            for part in line.split("\n"):
                page.insert_text((50, y), part, fontsize=10)
                y += 16
        if hidden and number == 2:
            page.insert_text((50, y + 10), f"notitie {doc.plant('phone', 2, people.phone())}",
                             fontsize=10, render_mode=3)
            page.insert_text((50, y + 30), f"intern {doc.plant('bsn', 2, people.bsn())}",
                             fontsize=10, color=(1, 1, 1))
            page.add_text_annot((400, 700), f"mail {doc.plant('email', 2, people.email())}")
            doc.truth.add(("failed_redaction", 2))
            secret = people.address()
            doc.plant("address", 2, secret)
            page.insert_text((50, y + 50), f"Adres indiener: {secret}", fontsize=10)
            width = pymupdf.get_text_length(f"Adres indiener: {secret}", fontsize=10)
            page.draw_rect(pymupdf.Rect(128, y + 40, 50 + width + 2, y + 54), color=None,
                           fill=(0, 0, 0))
    if hidden and pages >= 3:  # a black square annotation over live text
        page = pdf[2]
        line = f"Telefoon indiener: {doc.plant('phone', 3, people.phone())}"
        page.insert_text((50, 700), line, fontsize=10)
        width = pymupdf.get_text_length(line, fontsize=10)
        square = page.add_rect_annot(pymupdf.Rect(140, 690, 50 + width + 2, 704))
        square.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
        square.update()
        doc.truth.add(("failed_redaction", 3))
    if hidden:
        pdf.set_metadata({"author": doc.plant("metadata", None, "Johanna van Dijk"),
                          "title": "Besluit op Woo-verzoek"})
        attached = f"Bijlage: BSN {people.bsn()}\n"
        doc.values.append(attached.split()[-1])
        doc.truth.add(("bsn", None))
        pdf.embfile_add("bijlage.txt", attached.encode(), filename="bijlage.txt")
    pdf.save(path)
    if hidden and pages >= 3:  # an earlier revision holds an IBAN the last one removed
        first = pymupdf.open(path)
        value = people.iban()
        first[2].insert_text((50, 760), f"Rekening {value}", fontsize=10)
        first.saveIncr()
        first.close()
        second = pymupdf.open(path)
        hits = second[2].search_for(f"Rekening {value}")
        for rect in hits:
            second[2].add_redact_annot(rect)
        second[2].apply_redactions()
        second.saveIncr()
        second.close()
        doc.plant("iban", 3, value)
    doc.pages = pages


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tracked(paragraph: docx.text.paragraph.Paragraph, tag: str, text: str) -> None:
    change = etree.SubElement(paragraph._p, qn(f"w:{tag}"))
    change.set(qn("w:id"), str(random.randint(1, 10_000)))
    change.set(qn("w:author"), "Redactie")
    change.set(qn("w:date"), "2024-03-01T10:00:00Z")
    run = etree.SubElement(change, qn("w:r"))
    piece = etree.SubElement(run, qn("w:delText" if tag == "del" else "w:t"))
    piece.text = text
    piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def make_docx(path: Path, doc: Planted, people: Citizens, private: bool, hidden: bool) -> None:
    rng = people.rng
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = LETTERHEAD.replace("\n", " · ")
    for line in _filler(rng, 3):
        document.add_paragraph(line)
    if private:
        for line in _private_lines(doc, people, None, rng.randint(0, 3)):
            paragraph = document.add_paragraph()
            for piece in line.split(" "):  # one run per word: values split over runs
                paragraph.add_run(piece + " ")
    if hidden:
        paragraph = document.add_paragraph("Zie ook ")
        paragraph.add_run(f"tel {doc.plant('phone', None, people.phone())}").font.hidden = True
        white = paragraph.add_run(f" BSN {doc.plant('bsn', None, people.bsn())}")
        white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        changed = document.add_paragraph("Besluit aangepast. ")
        moved = doc.plant("address", None, people.address())
        _tracked(changed, "del", f"Indiener woont op {moved}.")
        _tracked(changed, "ins", "Adres verwijderd.")
        commented = document.add_paragraph("Zie de opmerking.")
        document.add_comment(commented.runs, text=f"Bel {doc.plant('phone', None, people.phone())}",
                             author="Redactie", initials="R")
        blacked = document.add_paragraph("Indiener: ")
        blacked.add_run(doc.plant("address", None, people.address().replace("\n", " ")))\
            .font.highlight_color = WD_COLOR_INDEX.BLACK
        doc.truth.add(("failed_redaction", None))
        document.core_properties.author = doc.plant("metadata", None, "Pieter Jansen")
        document.core_properties.last_modified_by = "Pieter Jansen"
    else:
        document.core_properties.author = "Gemeente Raalte"
        document.core_properties.last_modified_by = "Gemeente Raalte"
    for line in _filler(rng, 3):
        document.add_paragraph(line)
    document.save(path)


_ODT_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_odt(path: Path, doc: Planted, people: Citizens, private: bool, hidden: bool) -> None:
    rng = people.rng
    body = [f"<text:p>{_x(line)}</text:p>" for line in _filler(rng, 3)]
    if private:
        body += [f"<text:p>{_x(line).replace(chr(10), '<text:line-break/>')}</text:p>"
                 for line in _private_lines(doc, people, None, rng.randint(0, 3))]
    changes = ""
    creator = "Gemeente Raalte"
    if hidden:
        body.append(f'<text:p>Zie ook <text:span text:style-name="Verborgen">tel '
                    f'{doc.plant("phone", None, people.phone())}</text:span> hierboven.</text:p>')
        body.append(f'<text:p>Opmerking<office:annotation><dc:creator>Redactie</dc:creator>'
                    f'<text:p>BSN {doc.plant("bsn", None, people.bsn())}</text:p>'
                    f'</office:annotation> geplaatst.</text:p>')
        changes = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
                   '<office:change-info><dc:creator>Redactie</dc:creator></office:change-info>'
                   f'<text:p>Mail {doc.plant("email", None, people.email())}</text:p>'
                   '</text:deletion></text:changed-region></text:tracked-changes>')
        body.append('<text:p>Tekst <text:change text:change-id="ct1"/>aangepast.</text:p>')
        creator = doc.plant("metadata", None, "Maria de Boer")
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in _ODT_NS.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.3"><office:automatic-styles><style:style '
               'style:name="Verborgen" style:family="text"><style:text-properties '
               'text:display="none"/></style:style></office:automatic-styles><office:body>'
               f'<office:text>{changes}{"".join(body)}</office:text></office:body>'
               '</office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns} '
              'office:version="1.3"><office:master-styles><style:master-page '
              'style:name="Standard"><style:header>'
              + "".join(f"<text:p>{_x(line)}</text:p>" for line in LETTERHEAD.split("\n"))
              + "</style:header></style:master-page></office:master-styles>"
              "</office:document-styles>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} '
            f'office:version="1.3"><office:meta><dc:creator>{creator}</dc:creator>'
            f'<meta:initial-creator>{creator}</meta:initial-creator></office:meta>'
            '</office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.text"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        for name, text in (("content.xml", content), ("styles.xml", styles),
                           ("meta.xml", meta), ("META-INF/manifest.xml", manifest)):
            archive.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)


def make_html(path: Path, doc: Planted, people: Citizens, private: bool, hidden: bool) -> None:
    rng = people.rng
    parts = ["<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Raadsinformatie"
             "</title>"]
    parts.append("<meta name='author' content='"
                 + (doc.plant("metadata", None, "Kees Hendriks") if hidden else "Griffie Raalte")
                 + "'></head><body>")
    parts.append("<header>" + LETTERHEAD.replace("\n", "<br>") + "</header>")
    parts += [f"<p>{_x(line)}</p>" for line in _filler(rng, 3)]
    if private:
        parts += [f"<p>{_x(line).replace(chr(10), '<br>')}</p>"
                  for line in _private_lines(doc, people, None, rng.randint(0, 3))]
    if hidden:
        parts.append(f"<!-- concept: BSN {doc.plant('bsn', None, people.bsn())} -->")
        parts.append(f"<div style='display:none'>{doc.plant('phone', None, people.phone())}</div>")
        parts.append(f"<p><span title='{doc.plant('email', None, people.email())}'>contact</span>"
                     "</p>")
    parts += [f"<p>{_x(line)}</p>" for line in _filler(rng, 2)]
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def make_text(path: Path, doc: Planted, people: Citizens, private: bool) -> None:
    rng = people.rng
    lines = ["# Verslag commissie Ruimte", "", LETTERHEAD, "", *_filler(rng, 3)]
    if private:
        lines += _private_lines(doc, people, None, rng.randint(0, 3))
    lines += _filler(rng, 3)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_eml(path: Path, doc: Planted, people: Citizens, private: bool) -> None:
    rng = people.rng
    message = EmailMessage()
    message["From"] = "Griffie Raalte <griffie@raalte.nl>"
    message["To"] = "woo@raalte.nl"
    message["Subject"] = "Ingekomen stuk voor de raad"
    body = [*_filler(rng, 3)]
    if private:
        body += _private_lines(doc, people, None, rng.randint(0, 3))
    message.set_content("\n".join(body) + "\n")
    if private:
        inner = Planted("inner")
        pdf_path = path.with_suffix(".tmp.pdf")
        make_pdf(pdf_path, inner, people, 1, private=True, hidden=False)
        doc.truth |= {(kind, page) for kind, page in inner.truth}
        doc.values += inner.values
        message.add_attachment(pdf_path.read_bytes(), maintype="application", subtype="pdf",
                               filename="brief.pdf")
        pdf_path.unlink()
    path.write_bytes(bytes(message))


def build(out: Path, count: int, seed: int = 7, pdf_pages: int = 3) -> list[Planted]:
    """`count` documents per format: a third clean, a third with data, a third with hidden data."""
    people = Citizens(seed)
    planted: list[Planted] = []
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        variant = index % 3  # 0 clean, 1 private data, 2 private data and hidden places
        private, hidden = variant >= 1, variant == 2
        for suffix in (".pdf", ".docx", ".odt", ".html", ".txt", ".eml"):
            name = f"doc{index:03d}{suffix}"
            doc = Planted(name)
            target = out / name
            if suffix == ".pdf":
                make_pdf(target, doc, people, pdf_pages, private, hidden)
            elif suffix == ".docx":
                make_docx(target, doc, people, private, hidden)
            elif suffix == ".odt":
                make_odt(target, doc, people, private, hidden)
            elif suffix == ".html":
                make_html(target, doc, people, private, hidden)
            elif suffix == ".txt":
                make_text(target, doc, people, private)
            else:
                make_eml(target, doc, people, private)
            planted.append(doc)
    return planted

