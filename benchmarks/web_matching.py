"""Time the web matcher on hostile and huge pages: it must stay linear in page size.

    python benchmarks/web_matching.py [--limit SECONDS] [--only NAME]

Each page is parsed once (`extract`, not timed) and matched for one official
(`find_exposures`, timed: the time per official). The pages are the pathological
ones found by the adversarial probe of issue 9 (a housemate named 2,000 times, a
surname alone 4,000 times, a first name that resembles the surname) and 1 MB pages of
several shapes. Prints seconds per official per page; exit code 1 when one is over
`--limit` (default 1 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
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
    }


def _time(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=1.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'page':48} {'size':>9} {'s/official':>11}")
    for name, (official, html) in _pages().items():
        if args.only not in name:
            continue
        content = extract(FetchedPage(url="http://gemeente.test/p.html", requested_url="",
                                      status=200, content_type="text/html", text=html,
                                      encoding="utf-8"))
        seconds = _time(lambda o=official, c=content: find_exposures(o, c))  # type: ignore[misc]
        worst = max(worst, seconds)
        print(f"{name:48} {len(html):>9,} {seconds:>11.3f}", flush=True)
    print(f"worst: {worst:.3f} s per official (limit {args.limit:g} s)")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
