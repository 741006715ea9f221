"""Reading a page into text blocks, links and structured data."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any

import mf2py
import pytest
from bs4.exceptions import ParserRejectedMarkup

from exposurecheck.web import extract as extract_module
from exposurecheck.web import structured as structured_module
from exposurecheck.web.extract import Block, Element, PageContent, PostalAddress, Relative, extract
from exposurecheck.web.fetch import FetchedPage


def page(html: str, content_type: str = "text/html") -> FetchedPage:
    return FetchedPage(url="http://gemeente-voorbeeld.test/p.html", requested_url="",
                       status=200, content_type=content_type, text=html, encoding="utf-8")


def read(body: str, head: str = "") -> PageContent:
    return extract(page(f"<html><head>{head}</head><body>{body}</body></html>"))


def texts(content: PageContent, element: Element) -> list[str]:
    return [b.text for b in content.blocks if b.element is element]


def test_visible_text_per_block_without_scripts_and_styles() -> None:
    content = read("""<h1>Jan   Jansen</h1>
      <p>Raadslid <b>Lokaal</b>
         Belang<br>Dalfsen</p><script>var tel = "06-12345601";</script>
      <style>.x{}</style><noscript>06-99999999</noscript><template><p>verborgen</p></template>
      <!-- 06-88888888 --><div>Inleiding <p>alinea</p> slot</div>""")
    assert texts(content, Element.HEADING) == ["Jan Jansen"]
    assert texts(content, Element.TEXT) == ["Raadslid Lokaal Belang\nDalfsen", "Inleiding",
                                           "alinea", "slot"]
    assert all("06-" not in b.text and "verborgen" not in b.text for b in content.blocks)


def test_title_and_meta_descriptions() -> None:
    content = read("<p>x</p>", head="""<title> Jan Jansen | Gemeente </title>
      <meta name="description" content="Raadslid Jan Jansen">
      <meta property="og:description" content="Raadslid Jan Jansen">
      <meta property="og:title" content="niet dit">""")
    assert content.title == "Jan Jansen | Gemeente"
    assert content.meta_description == "Raadslid Jan Jansen"
    assert texts(content, Element.TITLE) == ["Jan Jansen | Gemeente"]
    assert texts(content, Element.META_DESCRIPTION) == ["Raadslid Jan Jansen"]


def test_tel_and_mailto_link_targets() -> None:
    content = read("""<a href="tel:+31%206%2012345601">bel</a> <a href="TEL:0529-431234">b</a>
      <a href="mailto:Jan%40example.nl,petra@example.nl?subject=Hallo">mail</a>
      <a href="https://api.whatsapp.com/send?phone=31612345601">app</a>
      <a href="/contact">contact</a> <a href="mailto:">leeg</a>""")
    assert texts(content, Element.TEL_LINK) == ["+31 6 12345601", "0529-431234", "+31612345601"]
    assert texts(content, Element.MAILTO_LINK) == ["Jan@example.nl", "petra@example.nl"]


def test_json_ld_people_and_addresses_in_graphs_lists_and_nesting() -> None:
    head = """
      <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "x"},
        {"@type": ["schema:Person"], "givenName": "Jan", "familyName": "Jansen",
         "telephone": ["06-12345601", "tel:0529431234"], "email": "mailto:jan@example.nl",
         "birthDate": "1975-03-03",
         "address": "Kerkstraat 12, Dalfsen",
         "homeLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
            "streetAddress": "Kerkstraat 12", "postalCode": "7721BC",
            "addressLocality": "Dalfsen"}},
         "spouse": {"@type": "Person", "name": "Petra"},
         "children": [{"@type": "Person", "name": "Sanne"}, "Tim"],
         "worksFor": {"@type": "Organization", "address": {"@type": "PostalAddress",
            "streetAddress": "Raadhuisplein 1", "addressLocality": "Dalfsen"}}}]}</script>
      <script type="application/ld+json">[{"@type": "https://schema.org/Person",
        "name": "Piet"}]</script>
      <script type="application/ld+json">{"@type": "Person", "name": "Kees", // hand-written
        }</script>
      <script type="application/ld+json">{"@type": "Person", "name": "kapot"</script>
      <script type="application/ld+json; charset=utf-8">{"@type": "PostalAddress",
        "streetAddress": "Kerkweg 3"}</script>"""
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    content = read("<p>x</p>", head=head + deep)
    jan, petra, sanne, piet, kees = content.people  # a comment and a trailing comma are read
    assert jan.name == "Jan Jansen" and jan.element is Element.JSON_LD
    assert jan.telephones == ("06-12345601", "0529431234")
    assert jan.emails == ("jan@example.nl",) and jan.birth_date == "1975-03-03"
    assert jan.addresses == (
        PostalAddress(Element.JSON_LD, street="Kerkstraat 12, Dalfsen"),
        PostalAddress(Element.JSON_LD, "Kerkstraat 12", "7721BC", "Dalfsen"))
    assert jan.relatives == (Relative("partner", "Petra"), Relative("child", "Sanne"),
                             Relative("child", "Tim"))
    assert (petra.name, sanne.name, piet.name, kees.name) == ("Petra", "Sanne", "Piet", "Kees")
    assert content.unreadable == ()  # malformed JSON-LD is common, and skipped
    streets = [a.street for a in content.addresses]
    assert sorted(s or "" for s in streets) == ["Kerkstraat 12", "Kerkweg 3", "Raadhuisplein 1"]


def test_microdata_person_and_postal_address() -> None:
    content = read("""<div itemscope itemtype="https://schema.org/Person">
      <h1 itemprop="name">Jan Jansen</h1><a itemprop="telephone" href="tel:0612345601">bel</a>
      <meta itemprop="email" content="jan@example.nl">
      <time itemprop="birthDate" datetime="1975-03-03">3 maart 1975</time>
      <div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
        <span itemprop="streetAddress">Kerkstraat 12</span>
        <span itemprop="postalCode">7721 BC</span> <span itemprop="addressLocality">Dalfsen</span>
      </div>
      <div itemprop="spouse" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Petra</span></div></div>""")
    jan = content.people[0]
    assert (jan.name, jan.telephones, jan.emails, jan.birth_date) == (
        "Jan Jansen", ("0612345601",), ("jan@example.nl",), "1975-03-03")
    home = PostalAddress(Element.MICRODATA, "Kerkstraat 12", "7721 BC", "Dalfsen")
    assert jan.addresses == (home,) and content.addresses == (home,)
    assert jan.relatives == (Relative("partner", "Petra"),)


def test_hcard_and_h_card_without_leaking_a_nested_card() -> None:
    content = read("""<div class="vcard"><span class="fn">Jan Jansen</span>
      <span class="tel">06 1234 5601</span><a class="email" href="mailto:jan@example.nl">m</a>
      <abbr class="bday" title="1975-03-03">3 maart</abbr>
      <div class="adr"><span class="street-address">Kerkstraat 12</span>
        <span class="postal-code">7721 BC</span> <span class="locality">Dalfsen</span></div>
      <div class="h-card"><span class="p-name">Griffie</span>
        <a class="p-tel" href="tel:0529488300">griffie</a></div></div>""")
    jan, griffie = content.people
    assert (jan.name, jan.telephones, jan.emails, jan.birth_date) == (
        "Jan Jansen", ("06 1234 5601",), ("jan@example.nl",), "1975-03-03")
    assert jan.addresses == (PostalAddress(Element.HCARD, "Kerkstraat 12", "7721 BC", "Dalfsen"),)
    assert (griffie.name, griffie.telephones) == ("Griffie", ("0529488300",))


def test_tables_as_label_value_pairs_rows_or_layout() -> None:
    content = read("""
      <table><tr><th>Adres:</th><td><p>Kerkstraat 12</p></td></tr>
             <tr><th>Woonplaats</th><td>Dalfsen</td></tr></table>
      <table><tbody><tr><td>1</td><td>Jansen, J.</td><td>Dalfsen</td></tr></tbody>
             <thead><tr><th>Nr</th><th>Naam</th><th>Woonplaats</th></tr></thead></table>
      <table><tr><th>Naam</th><th>Woonplaats</th></tr><tr><td>Piet</td><td>Ommen</td></tr></table>
      <table><tr><td><ul><li>menu</li></ul></td><td>inhoud</td></tr></table>""")
    assert texts(content, Element.TABLE) == [
        "Adres: Kerkstraat 12\nWoonplaats: Dalfsen", "1 | Jansen, J. | Dalfsen",
        "Nr | Naam | Woonplaats", "Naam: Piet\nWoonplaats: Ommen"]
    assert texts(content, Element.TEXT) == ["menu", "inhoud"]


def test_definition_lists_with_and_without_wrappers() -> None:
    content = read("""<dl><dt>E-mail</dt><dd>jan [at] example [dot] nl</dd>
      <div><dt>Geboren:</dt><dd>3 maart 1975</dd></div><dd>(in Zwolle)</dd></dl>
      <dl><dt>Lijst</dt><dd><table><tr><td>x</td></tr></table></dd></dl>""")
    assert texts(content, Element.DEFINITION_LIST) == [
        "E-mail: jan [at] example [dot] nl\nGeboren: 3 maart 1975\nGeboren: (in Zwolle)"]
    assert "Lijst" in texts(content, Element.TEXT)


def test_plain_text_pages_are_paragraphs() -> None:
    content = extract(page("Jan Jansen\nKerkstraat 12\n\n\nTelefoon 06-12345601\n",
                           content_type="text/plain"))
    assert content.blocks == (Block(Element.TEXT, "Jan Jansen\nKerkstraat 12"),
                              Block(Element.TEXT, "Telefoon 06-12345601"))


def test_deeply_nested_markup_is_read_without_recursion() -> None:
    html = "<div>" * 100_000 + "<p>Kerkstraat 12</p>" + "</div>" * 100_000
    started = time.perf_counter()
    content = extract(page(html))
    assert time.perf_counter() - started < 30
    assert Block(Element.TEXT, "Kerkstraat 12") in content.blocks
    nested = extract(page('<div class="vcard" itemscope itemtype="https://schema.org/Person">'
                          "<table><tr><td><dl><dt>a</dt><dd>" * 5_000))
    assert len(nested.people) <= 400  # a bounded number of cards and items


def test_large_and_hostile_pages_stay_fast() -> None:
    big = "<p>" + "Woonachtig aan de Kerkstraat 12 te Dalfsen. " * 40_000 + "</p>"
    for html in (big, "<a" * 200_000, "<!--" + "x" * 1_000_000, "&" * 1_000_000):
        started = time.perf_counter()
        extract(page(html))
        assert time.perf_counter() - started < 30


def test_rejected_markup_gives_empty_content_with_a_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    def reject(*args: object, **kwargs: object) -> None:
        raise ParserRejectedMarkup("rejected")

    monkeypatch.setattr(extract_module, "BeautifulSoup", reject)
    content = extract(page("<p>x</p>"))
    assert content.parse_failed and content.blocks == () and content.people == ()


@pytest.mark.parametrize("href", ["http://[oops", "https://[::1", "http://[oops/wa.me",
                                  "https://wa.me/31%zz?phone=%ff", "mailto:%", "tel:"])
def test_a_malformed_link_is_skipped_and_the_rest_read(href: str) -> None:
    content = read(f'<a href="{href}">x</a><a href="tel:0612345601">bel</a>'
                   '<p>Kerkstraat 12</p>')
    assert texts(content, Element.TEL_LINK)[-1] == "0612345601"
    assert texts(content, Element.TEXT) == ["x bel", "Kerkstraat 12"]


def test_one_bad_structured_item_is_skipped_and_the_others_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = structured_module._person

    def fragile(node: object, element: Element) -> object:
        person = real(node, element)  # type: ignore[arg-type]
        if person.name == "Kapot":
            raise TypeError("hostile item")
        return person

    monkeypatch.setattr(structured_module, "_person", fragile)
    people = ('{"@type": "Person", "name": "Kapot"}', '{"@type": "Person", "name": "Jan"}')
    scripts = "".join(f'<script type="application/ld+json">{p}</script>' for p in people)
    microdata = ('<div itemscope itemtype="https://schema.org/Person">'
                 '<span itemprop="name">{}</span></div>')
    content = read(scripts + microdata.format("Kapot") + microdata.format("Piet"))
    assert [(p.element, p.name) for p in content.people] == [(Element.JSON_LD, "Jan"),
                                                             (Element.MICRODATA, "Piet")]


def test_news_articles_are_recognised_and_other_pages_are_not() -> None:
    def parsed(html: str) -> PageContent:
        return extract(page(html))

    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}'
               '</script>')
    assert parsed(json_ld).news
    assert parsed('<div itemscope itemtype="https://schema.org/NewsArticle">x</div>').news
    assert parsed('<meta property="og:type" content="article">'
                '<meta property="article:publisher" content="https://krant.example">').news
    assert not parsed('<meta property="og:type" content="article"><p>blog</p>').news
    assert not parsed("<p>Raadsleden van Gemeente Voorbeeld</p>").news
MICROFORMATS = json.loads((Path(__file__).parent / "microformats" / "cases.json")
                          .read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"]) for c in MICROFORMATS])
def test_microformats_cases(case: dict[str, Any]) -> None:
    """tel, email and adr of the hCard/h-card cases in tests/web/microformats (see its README)."""
    person, = read(case["html"]).people
    assert list(person.telephones) == case["tel"]
    assert list(person.emails) == case["email"]
    assert [[a.street, a.postcode, a.locality] for a in person.addresses] == case["adr"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["name"]) for c in MICROFORMATS
                                  if "note" not in c])
def test_microformats_cases_give_at_least_what_mf2py_gives(case: dict[str, Any]) -> None:
    """Every tel, email and adr part mf2py reads from the whole page is in what we read."""
    (card,) = mf2py.parse(doc=case["html"], html_parser="lxml")["items"]
    properties = card["properties"]
    adr = [a["properties"] for a in properties.get("adr", [])]
    theirs = {*properties.get("tel", []), *(e.removeprefix("mailto:")
                                             for e in properties.get("email", [])),
              *(v for a in adr for key in ("street-address", "postal-code", "locality")
                for v in a.get(key, []))}
    (person,) = read(case["html"]).people
    ours = {*person.telephones, *person.emails,
            *(v for a in person.addresses for v in (a.street, a.postcode, a.locality) if v)}
    assert theirs <= ours


def test_rdfa_person_with_address_partner_and_links() -> None:
    content = read("""<div vocab="https://schema.org/" typeof="Person">
      <span property="name">Jan Jansen</span> <a property="telephone" href="tel:0612345601">bel</a>
      <a property="email" href="mailto:jan@example.nl">mail</a>
      <span property="birthDate" content="1975-03-03">3 maart 1975</span>
      <div property="address" typeof="PostalAddress"><span property="streetAddress">Kerkstraat
        12</span> <span property="postalCode">7721 BC</span>
        <span property="addressLocality">Dalfsen</span></div>
      <div property="spouse" typeof="Person"><span property="name">Petra</span></div></div>""")
    jan, petra = sorted((p for p in content.people if p.element is Element.RDFA),
                        key=lambda p: p.name != "Jan Jansen")
    assert (jan.name, jan.telephones, jan.emails, jan.birth_date) == (
        "Jan Jansen", ("0612345601",), ("jan@example.nl",), "1975-03-03")
    home = PostalAddress(Element.RDFA, "Kerkstraat 12", "7721 BC", "Dalfsen")
    assert jan.addresses == (home,) and content.addresses == (home,)
    assert jan.relatives == (Relative("partner", "Petra"),) and petra.name == "Petra"


def test_reading_rdfa_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("no connection may be made")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    content = read('<div vocab="http://schema.org/" prefix="foaf: http://xmlns.com/foaf/0.1/" '
                   'typeof="Person foaf:Person"><span property="name">Jan Jansen</span></div>')
    assert [p.name for p in content.people] == ["Jan Jansen"]


def test_structured_values_are_cleaned_where_they_enter() -> None:
    json_ld = ('<script type="application/ld+json">{"@type": "Person", '
               '"name": "\\u001b[31mJan\\u202e Jansen", "telephone": "06\\u0007 12345601"}'
               '</script>')
    card = '<div class="h-card"><span class="p-name">Jan\x1b]0;x\x07 Jansen</span></div>'
    content = read(json_ld + card)
    assert [(p.name, p.telephones) for p in content.people] == [
        ("[31mJan Jansen", ("06 12345601",)), ("Jan]0;x Jansen", ())]


def test_a_library_that_fails_costs_its_kind_only_and_is_named(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hostile page")

    monkeypatch.setattr(structured_module.RDFaExtractor, "extract_items", fail)
    monkeypatch.setattr(structured_module.MicrodataExtractor, "extract_items", fail)
    content = read('<div vocab="https://schema.org/" typeof="Person" itemscope '
                   'itemtype="https://schema.org/Person"><span property="name" itemprop="name">'
                   'Jan Jansen</span></div><script type="application/ld+json">'
                   '{"@type": "Person", "name": "Jan Jansen"}</script>')
    assert content.unreadable == ("microdata", "RDFa")
    assert [(p.element, p.name) for p in content.people] == [(Element.JSON_LD, "Jan Jansen")]
    assert texts(content, Element.TEXT) == ["Jan Jansen"] and not content.parse_failed


def test_nested_microdata_is_read_to_a_bound() -> None:
    html = "".join(f'<div itemscope itemtype="https://schema.org/Person" itemprop="knows">'
                   f'<span itemprop="name">P{i}</span>' for i in range(250)) + "x" * 100_000
    started = time.perf_counter()
    content = read(html)
    assert time.perf_counter() - started < 30
    # eight levels of items and properties (the eighth item's name is one level too deep),
    # and no item around more than 2,000 elements of nested items (P0 to P2 are around P7's
    # 242 levels of unread items)
    assert [p.name for p in content.people] == ["P3", "P4", "P5", "P6", None]


def test_a_card_deeper_than_any_real_one_is_read_to_a_bound_and_said() -> None:
    content = read('<div class="vcard"><span class="fn">Jan Jansen</span>' + "<div>" * 1_000
                   + '<span class="tel">06 1234 5601</span>' + "</div>" * 1_000 + "</div>")
    (jan,) = content.people
    assert (jan.name, jan.telephones) == ("Jan Jansen", ())
    assert content.unreadable == ("microformats",)
    assert "06 1234 5601" in texts(content, Element.TEXT)


def test_an_address_card_alone_is_an_address() -> None:
    content = read('<p class="h-adr"><span class="p-street-address">Kerkstraat 12</span>, '
                   '<span class="p-locality">Dalfsen</span></p>')
    assert content.people == ()
    assert content.addresses == (PostalAddress(Element.HCARD, "Kerkstraat 12", None, "Dalfsen"),)
