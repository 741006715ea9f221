"""Time the web matcher on hostile and huge pages: it must stay linear in page size.

    python benchmarks/web_matching.py [--limit SECONDS] [--only NAME]

Each page is parsed once (`extract`, timed once per page: the parse is shared by every
official) and matched for one official (`find_exposures`, timed: the time per official).
The pages are the pathological ones found by the adversarial probe of issue 9 (a
housemate named 2,000 times, a surname alone 4,000 times, a first name that resembles the
surname), 1 MB pages of several shapes and pages of structured data (JSON-LD, microdata,
RDFa, hCard), plain and nested. Prints seconds per page and per official; exit code 1
when a match is over `--limit` (default 1 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from exposurecheck.models import Address, HouseholdMember, Official, OfficialId
from exposurecheck.web.extract import extract
from exposurecheck.web.fetch import FetchedPage
from exposurecheck.web.match import find_exposures

WILLEM = Official(
    id=OfficialId("bench-1"), name="Willem Maas", initials="W.", role="wethouder",
    home=Address(street="Kerkstraat", number=12, postcode="7721BC", city="Dalfsen"),
    household=(HouseholdMember(name="Willem Willems", relation="partner"),
               HouseholdMember(name="Sanne Maas", relation="child")),
    phones=("06 1234 5601",), emails=("w.maas@example.nl",), birth_date=date(1975, 3, 3))
WILLEMS = WILLEM.model_copy(update={"name": "Willem Willems", "household": (
    HouseholdMember(name="Willem Maas", relation="partner"),)})
MEGABYTE = 1_000_000

ARTICLE = ("Wethouder Willem Maas (Lokaal Belang) sprak dinsdag in de raad over de Kerkstraat. "
           "Kees Jansen van de buurtvereniging woont aan de Kerkstraat 14 in Dalfsen en belt "
           "0529 48 83 00. Maas zei dat zijn dochter Sanne op 3 maart 1975 naar school ging. "
           "Mevrouw De Vries, de partner van Piet Bakker, was er ook. ")


def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit) + 1)


def _html(body: str) -> str:
    return f"<html><head><title>Gemeente Dalfsen</title></head><body>{body}</body></html>"


PERSON_JSON_LD = ('<script type="application/ld+json">{"@type": "Person", "name": "Willem Maas", '
                  '"telephone": "06 1234 5601", "address": {"@type": "PostalAddress", '
                  '"streetAddress": "Kerkstraat 12", "addressLocality": "Dalfsen"}}</script>')
PERSON_MICRODATA = ('<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">'
                    'Willem Maas</span> <span itemprop="telephone">06 1234 5601</span> <div '
                    'itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
                    '<span itemprop="streetAddress">Kerkstraat 12</span></div></div>')
PERSON_RDFA = ('<div vocab="https://schema.org/" typeof="Person"><span property="name">Willem '
               'Maas</span> <span property="telephone">06 1234 5601</span></div>')
PERSON_HCARD = ('<div class="vcard"><span class="fn">Willem Maas</span> <span class="tel">06 1234 '
                '5601</span> <div class="adr"><span class="street-address">Kerkstraat 12'
                '</span></div></div>')


def _pages() -> dict[str, tuple[Official, str]]:
    """name -> (official, html)."""
    return {
        "housemate named 2,000 times (30 kB)": (
            WILLEM, _html("<p>Wethouder Willem Maas woont met zijn partner "
                          + "Willem Willems " * 2_000 + "</p>")),
        "housemate 2,000 times, own paragraphs": (
            WILLEM, _html("<h1>Willem Maas</h1>" + "<p>Willem Willems, partner.</p>" * 2_000)),
        "surname alone 4,000 times (172 kB)": (
            WILLEM, _html("<p>" + "Wethouder Maas zei dinsdag in de commissie dat Maas het "
                          "voorstel van het college steunt. " * 2_000 + "</p>")),
        "surname alone 4,000 times, own paragraphs": (
            WILLEM, _html("<h1>Willem Maas</h1>" + "<p>Maas zei het. Maas wist het.</p>" * 2_000)),
        "first name resembles surname (Willem Willems)": (
            WILLEMS, _html("<p>" + "Willem " * 20_000 + "Willems</p>")),
        "1 MB article, one block": (WILLEM, _html("<p>" + _repeat(ARTICLE, MEGABYTE) + "</p>")),
        "1 MB article, paragraphs": (
            WILLEM, _html(_repeat(f"<p>{ARTICLE}</p>", MEGABYTE))),
        "1 MB article, line breaks": (
            WILLEM, _html("<p>" + _repeat(ARTICLE.replace(". ", ".<br>"), MEGABYTE) + "</p>")),
        "1 MB of capitalised names": (
            WILLEM, _html("<p>" + _repeat("Kees Jansen Piet Bakker Willem De Vries ",
                                          MEGABYTE) + "</p>")),
        "1 MB of the official's name": (
            WILLEM, _html("<p>" + _repeat("Willem Maas, ", MEGABYTE) + "</p>")),
        "1 MB of numbers and dates": (
            WILLEM, _html("<p>" + _repeat("12 3-3-1975 06 1234 5601 Kerkstraat 12 7721BC ",
                                          MEGABYTE) + "</p>")),
        "1 MB table": (WILLEM, _html("<table>" + _repeat(
            "<tr><td>Naam</td><td>Willem Maas</td></tr><tr><td>Adres</td>"
            "<td>Kerkstraat 12</td></tr>", MEGABYTE) + "</table>")),
        "1 MB of sentences without an end": (
            WILLEM, _html("<p>" + _repeat("Maas en Willem en Sanne in Dalfsen woont ",
                                          MEGABYTE) + "</p>")),
        "1 MB of JSON-LD people": (WILLEM, _html(_repeat(PERSON_JSON_LD, MEGABYTE))),
        "1 MB of microdata people": (WILLEM, _html(_repeat(PERSON_MICRODATA, MEGABYTE))),
        "1 MB of RDFa people": (WILLEM, _html(_repeat(PERSON_RDFA, MEGABYTE))),
        "1 MB of hCards": (WILLEM, _html(_repeat(PERSON_HCARD, MEGABYTE))),
        "5,000 nested hCards and microdata items": (WILLEM, _html(
            '<div class="vcard" itemscope itemtype="https://schema.org/Person">'
            '<span class="fn" itemprop="name">Willem Maas</span><div>' * 5_000)),
        "8 nested microdata items around 1 MB": (WILLEM, _html(
            '<div itemscope itemtype="https://schema.org/Person">' * 8 + _repeat(
                '<span itemprop="name">Willem Maas</span> <b>x</b> ', MEGABYTE) + "</div>" * 8)),
        "100,000 nested elements in an hCard": (WILLEM, _html(
            '<div class="vcard"><span class="fn">Willem Maas</span>' + "<div>" * 100_000
            + '<span class="tel">06 1234 5601</span>' + "</div>" * 100_000 + "</div>")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=1.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'page':48} {'size':>9} {'s/extract':>10} {'s/official':>11} {'found':>6}")
    for name, (official, html) in _pages().items():
        if args.only not in name:
            continue
        page = FetchedPage(url="http://gemeente.test/p.html", requested_url="", status=200,
                           content_type="text/html", text=html, encoding="utf-8")
        started = time.perf_counter()
        content = extract(page)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        found = find_exposures(official, content)
        seconds = time.perf_counter() - started
        worst = max(worst, seconds)
        print(f"{name:48} {len(html):>9,} {parsed:>10.3f} {seconds:>11.3f} {len(found):>6}",
              flush=True)
    print(f"worst: {worst:.3f} s per official (limit {args.limit:g} s)")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
