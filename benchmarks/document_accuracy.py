#!/usr/bin/env python3
"""Accuracy of the `web` source on council documents (PDF and DOCX), and pages read per second.

    .venv/bin/python benchmarks/document_accuracy.py [--documents 40] [--seed 7] [--exe PATH]

Generates a fictional council site whose documents are PDFs (several pages, a running header,
text wrapped and hyphenated so data is split over lines) and DOCX files (letters, tables with
a header row), with exposures of fictional officials planted on known pages and hard negatives
on every page: officials' names alone, the town hall's address, another resident of an
official's street, the general phone number, a namesake elsewhere. It links images, archives,
video and calendars as well. The site is served on 127.0.0.1, the audit runs through the CLI
(`audit --sources web --format json --reveal --no-cache`), and the findings are scored per kind
on (official, kind, url, page). Prints precision and recall per kind (targets: >= 0.97 and
>= 0.95), whether the audit ended complete, and document pages read per second.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from exposurecheck.mock.documents import docx_bytes, pdf_bytes

KINDS = ("home_address", "phone", "email", "birth_date", "household_name", "residence")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
FIRST = ("Hanneke", "Willemijn", "Bart", "Joris", "Marloes", "Ruud", "Esther", "Kees", "Ilse",
         "Thijs", "Annelies", "Gijs", "Mirjam", "Sjoerd", "Femke", "Maarten")
SURNAMES = ("Oosterhof", "Brinkman", "van Dijkhuizen", "Lubbers", "ter Haar", "Veldhuis",
            "Rozendaal", "de Groot-Wessels", "Scholten", "Nijland", "Kamphuis", "Wolters",
            "Hofstede", "van Essen", "Kuiper", "Mensink")
PARTNERS = ("Jeroen", "Linda", "Erik", "Monique", "Frank", "Saskia", "Peter", "Karin")
STREETS = (("Hoofdstraat", "Epe"), ("Burgemeester Sandbergweg", "Epe"), ("Dorpsstraat", "Vaassen"),
           ("Kanaalweg", "Heerde"), ("Beekstraat", "Vaassen"), ("Stationsstraat", "Heerde"),
           ("Kerkweg", "Oene"), ("Wissellaan", "Epe"), ("Geldersedijk", "Wapenveld"),
           ("Molenweg", "Emst"), ("Eperweg", "Nunspeet"), ("Zwolseweg", "Heerde"))
TOWN_HALL = "Pastoriestraat 7, 8162 CS Epe"
FILLER = (
    "De raad neemt kennis van de voortgangsrapportage over de uitvoering van het "
    "klimaatadaptatieprogramma en verzoekt het college de raad halfjaarlijks te informeren.",
    "Het college stelt voor de begrotingswijziging vast te stellen en de extra kosten voor de "
    "onderhoudswerkzaamheden aan de gemeentelijke sportaccommodaties te dekken uit de reserve.",
    "Na de schorsing geven de fracties hun stemverklaring; het voorstel wordt met algemene "
    "stemmen aangenomen, waarmee de verordening per 1 januari in werking treedt.",
    "De commissie bespreekt de zienswijzen die zijn ingediend op het ontwerp-bestemmingsplan "
    "en adviseert de raad de nota van beantwoording ongewijzigd vast te stellen.",
)


@dataclass(frozen=True)
class Person:
    id: str
    first: str
    surname: str
    initials: str
    street: str
    number: int
    postcode: str
    city: str
    phone: str
    email: str
    birth: tuple[int, int, int]
    partner: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


def people(rng: random.Random, count: int) -> list[Person]:
    found = []
    for index in range(count):
        street, city = STREETS[index % len(STREETS)]
        first, surname = FIRST[index], SURNAMES[index]
        found.append(Person(
            id=f"doc-{index + 1:02d}", first=first, surname=surname, initials=f"{first[0]}.",
            street=street, number=rng.randint(2, 180),
            postcode=f"81{rng.randint(10, 99)} {rng.choice('ABCDEGHJKL')}{rng.choice('ABEGHKRT')}",
            city=city, phone=f"06 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            email=f"{first.lower()}.{surname.split()[-1].lower()}@mail.example",
            birth=(rng.randint(1955, 1995), rng.randint(1, 12), rng.randint(1, 28)),
            partner=f"{PARTNERS[index % len(PARTNERS)]} {surname.split()[-1]}"))
    return found


def plant(kind: str, p: Person, rng: random.Random) -> str:
    """A sentence exposing ``kind`` of ``p``; an address is also set as a letterhead."""
    year, month, day = p.birth
    if kind == "home_address" and rng.random() < 0.4:
        return f"{p.initials} {p.surname}\n{p.street} {p.number}\n{p.postcode} {p.city}"
    return {
        "home_address": f"Brief van raadslid {p.name}, {p.street} {p.number}, {p.postcode} "
                        f"{p.city}, over de herinrichting van het centrum en de parkeerplaatsen.",
        "phone": f"Raadslid {p.name} is voor vragen over dit voorstel ook buiten kantoortijd "
                 f"bereikbaar op het mobiele nummer {p.phone}.",
        "email": f"Reacties op de conceptnotitie kunnen rechtstreeks naar raadslid {p.name} "
                 f"via {p.email} worden gestuurd.",
        "birth_date": f"De commissie heeft vastgesteld dat {p.name}, geboren op {day} "
                      f"{MONTHS[month - 1]} {year}, voldoet aan de vereisten voor het "
                      f"lidmaatschap.",
        "household_name": f"Raadslid {p.name} en haar partner {p.partner} openden samen de "
                          f"nieuwe speeltuin in het park.",
        "residence": f"Raadslid {p.name}, die zelf in {p.city} woont, pleit voor een betere "
                     f"busverbinding in de kernen.",
    }[kind]


def negatives(rng: random.Random, everyone: list[Person]) -> list[str]:
    p, other = rng.sample(everyone, 2)
    return [
        f"Aanwezig waren onder anderen {p.initials} {p.surname} en {other.initials} "
        f"{other.surname}.",
        f"Het gemeentehuis, {TOWN_HALL}, is op vrijdag gesloten; bel het algemene nummer 14 0578.",
        f"Een brief van de heer T. Hendriks, {p.street} {p.number + 3}, {p.postcode} {p.city}, "
        f"over de verkeersveiligheid wordt voor kennisgeving aangenomen.",
        f"Mevrouw R. {p.surname.split()[-1]}-Smeets uit Zutphen sprak in over het zwembad.",
        f"Raadslid {other.name} is bereikbaar via de griffie in het gemeentehuis, {TOWN_HALL}.",
        f"De fractie van {p.initials} {p.surname} vergadert in {other.city}.",
    ]


@dataclass
class Site:
    files: dict[str, bytes]
    truth: set[tuple[str, str, str, int]]
    pages: int


def make_site(rng: random.Random, everyone: list[Person], documents: int) -> Site:
    files: dict[str, bytes] = {}
    truth: set[tuple[str, str, str, int]] = set()
    links: list[str] = []
    pages_total = 0
    for number in range(documents):
        is_pdf = number % 4 != 3
        name = f"stukken/{2024 + number % 2}-{number:03d}.{'pdf' if is_pdf else 'docx'}"
        page_count = rng.randint(2, 6) if is_pdf else 1
        body: list[list[str]] = []
        for page in range(1, page_count + 1):
            paragraphs = [rng.choice(FILLER), *rng.sample(negatives(rng, everyone), 2)]
            for _ in range(rng.choice((0, 1, 1, 2))):
                kind, person = rng.choice(KINDS), rng.choice(everyone)
                paragraphs.insert(rng.randint(0, len(paragraphs)), plant(kind, person, rng))
                truth.add((person.id, kind, f"/{name}", page))
            body.append(paragraphs)
        if not is_pdf and rng.random() < 0.5:  # a credentials report: a table with a header
            credentials = rng.sample(everyone, 3)
            rows = [["Naam", "Woonplaats", "Geboortedatum"], *(
                [p.name, p.city, f"{p.birth[2]} {MONTHS[p.birth[1] - 1]} {p.birth[0]}"]
                for p in credentials)]
            truth |= {(p.id, kind, f"/{name}", 1) for p in credentials
                      for kind in ("birth_date", "residence")}
            files[name] = docx_bytes(body[0], header="Gemeente Buitenwijk", tables=[rows],
                                     footer=f"Postadres: {TOWN_HALL}")
        elif is_pdf:
            files[name] = pdf_bytes(body, header=f"Gemeente Buitenwijk - raadsstuk {number:03d}",
                                    width=rng.randint(48, 75))
        else:
            files[name] = docx_bytes(body[0], header="Gemeente Buitenwijk",
                                     footer=f"Postadres: {TOWN_HALL}",
                                     tables=[[["Naam", "Functie", "Fractie"],
                                              [everyone[0].name, "raadslid", "Dorpsbelang"]]])
        pages_total += page_count
        links.append(name)
    links += ["media/raad.jpg", "media/logo.png", "stukken/alles.zip", "media/vergadering.mp4",
              "agenda/raad.ics"]
    index = "".join(f'<li><a href="/{link}">{link}</a></li>' for link in links)
    files["index.html"] = (f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>"
                           f"Raadsinformatie Buitenwijk</title></head><body><h1>Stukken</h1>"
                           f"<ul>{index}</ul></body></html>").encode()
    files["robots.txt"] = b"User-agent: *\nAllow: /\n"
    return Site(files, truth, pages_total)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(root: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def roster(everyone: list[Person], port: int, documents: int) -> dict[str, object]:
    return {
        "sites": [{"url": f"http://127.0.0.1:{port}/", "max_pages": documents + 20,
                   "max_depth": 2}],
        "officials": [{
            "id": p.id, "name": p.name, "initials": p.initials, "role": "raadslid",
            "organisation": "Gemeente Buitenwijk",
            "home": {"street": p.street, "number": p.number, "postcode": p.postcode,
                     "city": p.city},
            "household": [{"name": p.partner, "relation": "partner"}],
            "phones": [p.phone], "emails": [p.email],
            "birth_date": "{:04d}-{:02d}-{:02d}".format(*p.birth),
        } for p in everyone],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--officials", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exe", default=str(Path(sys.executable).with_name("exposurecheck")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    everyone = people(rng, args.officials)
    site = make_site(rng, everyone, args.documents)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        for name, data in site.files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        server = serve(root)
        port = server.server_address[1]
        (Path(tmp) / "roster.yaml").write_text(yaml.safe_dump(roster(everyone, port,
                                                                      args.documents)))
        (Path(tmp) / "exposurecheck.toml").write_text(
            "[tool.exposurecheck.web]\nrate_limit = 1000\nconcurrency_per_host = 4\n"
            "cache = false\n")
        start = time.perf_counter()
        run = subprocess.run(
            [args.exe, "audit", "roster.yaml", "--sources", "web", "--format", "json", "--reveal",
             "--quiet", "--config", "exposurecheck.toml"],
            cwd=tmp, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        server.shutdown()
    if run.returncode not in (0, 1, 3):
        print(run.stderr, file=sys.stderr)
        return 1
    report = json.loads(run.stdout)
    found = {(o["id"], f["kind"], f["locator"]["url"].split(str(port), 1)[1],
              f["locator"]["page"]) for o in report["officials"] for f in o["findings"]}
    errors = [e["message"] for o in report["officials"] for e in o["errors"]]
    not_read = Counter({n["media_type"]: n["count"] for n in report["officials"][0]["not_read"]})
    print(f"documents {args.documents}, document pages {site.pages}, planted {len(site.truth)}, "
          f"officials {args.officials}, seed {args.seed}")
    print(f"{'kind':<16}{'planted':>8}{'found':>7}{'tp':>5}{'precision':>11}{'recall':>8}")
    for kind in KINDS:
        truth = {t for t in site.truth if t[1] == kind}
        hits = {f for f in found if f[1] == kind}
        tp = len(truth & hits)
        precision = tp / len(hits) if hits else 1.0
        recall = tp / len(truth) if truth else 1.0
        print(f"{kind:<16}{len(truth):>8}{len(hits):>7}{tp:>5}{precision:>11.3f}{recall:>8.3f}")
    for miss in sorted(site.truth - found):
        print("  missed", *miss)
    for extra in sorted(found - site.truth):
        print("  false ", *extra)
    print(f"exit code {run.returncode}, complete: {not errors}, source errors {len(errors)}")
    print(f"not read: {dict(sorted(not_read.items()))}")
    print(f"audit {elapsed:.2f} s, {site.pages / elapsed:.1f} document pages read per second "
          f"(CLI start-up included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
