"""Council documents of fictional officials in ORI's index layout, a roster and the truth.

    python make_data.py --out DIR [--seed 7]

Writes `indices.json` and one `<index>.jsonl` per index (what `standin.py --data DIR` serves),
`roster.yaml`, `truth.json` (every planted exposure: official_id, kind, original_url, page)
and `hard_negatives.json` (what must not be reported, with why). Deterministic for a seed.

Every person is invented. Street and place names are real Dutch ones (Heerde, Bergen NH,
Bergen L, Oude IJsselstreek, Gelderland); town-hall addresses, postcodes and phone numbers are
made up for the fixture.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

KINDS = ("home_address", "phone", "email", "birth_date", "household_name")


# --------------------------------------------------------------------------- bodies

@dataclass
class Body:
    key: str
    index: str
    org_name: str
    classification: str
    system: str  # ibabs | notubiz | raadsinformatie
    host: str
    town_hall: str


BODIES = {
    "heerde": Body("heerde", "ori_heerde_20250302031502", "Gemeente Heerde", "Municipality",
                   "ibabs", "heerde.bestuurlijkeinformatie.nl", "Markt 1, 8181 CS Heerde"),
    "bergen_nh": Body("bergen_nh", "ori_bergen_nh_20250301224012", " Gemeente Bergen (NH)",
                      "Municipality", "notubiz", "bergen-nh.notubiz.nl",
                      "Jan Ligthartstraat 1, 1861 GL Bergen"),
    "bergen": Body("bergen", "ori_bergen_20250302011733", "Gemeente Bergen (L)", "Municipality",
                   "notubiz", "bergen.notubiz.nl", "Raadhuisplein 1, 5854 AX Nieuw-Bergen"),
    "oude_ijsselstreek": Body("oude_ijsselstreek", "ori_oude_ijsselstreek_20250301190455",
                              "Gemeente Oude IJsselstreek", "Municipality", "raadsinformatie",
                              "oude-ijsselstreek.raadsinformatie.nl",
                              "Staringstraat 5, 7071 BZ Ulft"),
    "gelderland": Body("gelderland", "osi_gelderland_20250228230118", "Provincie Gelderland",
                       "Province", "raadsinformatie", "gelderland.stateninformatie.nl",
                       "Markt 11, 6811 CG Arnhem"),
}


def alias_of(body: Body) -> str:
    return body.index.rsplit("_", 1)[0]


# --------------------------------------------------------------------------- officials

@dataclass
class Official:
    id: str
    body: str
    role: str
    given: str
    tussen: str
    surname: str
    initials: str
    street: str
    number: int
    letter: str
    postcode: str
    city: str
    phones: list[str]
    emails: list[str]
    birth: str
    household: list[tuple[str, str]]
    organisation: str | None = None
    ori_index: str | None = None
    male: bool = True

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given, self.tussen, self.surname) if p)

    @property
    def last(self) -> str:
        """Surname as written after a title: tussenvoegsel capitalised ("Van 't Veld")."""
        if not self.tussen:
            return self.surname
        return f"{self.tussen[0].upper()}{self.tussen[1:]} {self.surname}"

    @property
    def formal(self) -> str:
        """`J. Bakker`, `W. van 't Veld`."""
        return " ".join(p for p in (self.initials, self.tussen, self.surname) if p)

    @property
    def title(self) -> str:
        return {"burgemeester": "burgemeester", "wethouder": "wethouder",
                "raadslid": "raadslid", "gedeputeerde": "gedeputeerde",
                "statenlid": "statenlid", "griffier": "griffier"}[self.role]

    def roster_entry(self) -> dict[str, Any]:
        home: dict[str, Any] = {"street": self.street, "number": self.number,
                                "postcode": self.postcode, "city": self.city}
        if self.letter:
            home["letter"] = self.letter
        entry: dict[str, Any] = {
            "id": self.id, "name": self.name, "initials": self.initials, "role": self.role,
            "organisation": self.organisation or BODIES[self.body].org_name.strip(),
            "home": home,
            "household": [{"name": n, "relation": r} for n, r in self.household],
            "phones": self.phones, "emails": self.emails, "birth_date": self.birth,
        }
        if self.ori_index:
            entry["ori_index"] = self.ori_index
        return entry


def _o(*args: Any, **kw: Any) -> Official:
    return Official(*args, **kw)


# The officials with the hard cases, written out; the rest are generated below.
HAND = [
    _o("hee-01", "heerde", "burgemeester", "Marieke", "", "Hoekstra-Veldman", "M.",
       "Stationsweg", 41, "", "8181 BK", "Heerde", ["06-21436587"],
       ["m.hoekstra.veldman@kpnmail.nl"], "1968-09-14", [("Ruud Hoekstra", "partner")],
       male=False),
    _o("hee-02", "heerde", "wethouder", "Jan", "", "Bakker", "J.", "Kerkstraat", 12, "A",
       "8181 AB", "Heerde", ["06-38291047"], ["jan.bakker.heerde@ziggo.nl"], "1975-03-03",
       [("Petra Bakker-Jansen", "partner"), ("Sanne", "child")]),
    _o("hee-03", "heerde", "raadslid", "Willemijn", "van 't", "Veld", "W.", "Molenweg", 7, "",
       "8191 KX", "Wapenveld", ["0578-691234"], ["wvantveld@hotmail.com"], "1982-12-03",
       [("Koen Smeenk", "partner")], male=False),
    _o("hee-04", "heerde", "wethouder", "Hendrik-Jan", "ter", "Horst", "H.J.",
       "Burgemeester Sandbergweg", 5, "", "8181 PJ", "Heerde", ["06-55129087"],
       ["hj.terhorst@gmail.com"], "1979-06-30", [("Lotte ter Horst-Wieringa", "partner")]),
    _o("hee-05", "heerde", "raadslid", "Zoë", "", "Kramer", "Z.", "Vorchterweg", 18, "",
       "8194 LA", "Veessen", ["06-70813355"], ["zoe.kramer@proton.me"], "1990-07-21", [],
       male=False),
    _o("hee-06", "heerde", "raadslid", "Anton", "", "Mulder", "A.", "Beekstraat", 3, "",
       "8181 EV", "Heerde", ["06-14950326"], ["anton.mulder@planet.nl"], "1961-01-17",
       [("Gerda Mulder-Pol", "partner")]),
    _o("brg-01", "bergen_nh", "wethouder", "Pieter", "de", "Groot", "P.", "Dorpsstraat", 5, "",
       "1871 AD", "Schoorl", ["06-29384756"], ["pieterdegroot@xs4all.nl"], "1971-05-14",
       [("Marloes Kok", "partner")], organisation="Gemeente Bergen", ori_index="ori_bergen_nh"),
    _o("brg-02", "bergen_nh", "burgemeester", "Ingrid", "", "Zwart", "I.", "Boulevard Noord",
       22, "", "1931 EW", "Egmond aan Zee", ["06-44712290"], ["ingrid.zwart@live.nl"],
       "1966-11-02", [("Bas Zwart", "partner")], male=False),
    _o("brg-03", "bergen_nh", "raadslid", "Noor", "", "Haddou", "N.", "Herenweg", 131, "",
       "1935 AH", "Egmond-Binnen", ["06-81726354"], ["noor.haddou@outlook.com"], "1993-04-08",
       [], male=False),
    _o("brg-04", "bergen_nh", "raadslid", "Dirk-Jan", "", "Stam", "D.J.", "Julianalaan", 3, "",
       "1861 LN", "Bergen", ["06-36254178"], ["dj.stam@quicknet.nl"], "1984-10-19",
       [("Eva Stam-Visser", "partner")]),
    _o("oij-01", "oude_ijsselstreek", "wethouder", "Bram", "", "IJzerman", "B.", "Ettenseweg",
       14, "", "7071 AR", "Ulft", ["06-52419930"], ["bram.ijzerman@kpnplanet.nl"],
       "1977-08-25", [("Femke IJzerman-Roelofs", "partner")]),
    _o("oij-02", "oude_ijsselstreek", "raadslid", "Annelies", "te", "Winkel", "A.",
       "Sint Jorisstraat", 7, "", "7081 CK", "Gendringen", ["06-17283940"],
       ["annelies.tewinkel@ziggo.nl"], "1988-02-29", [], male=False,
       organisation="Gemeenteraad Oude IJsselstreek", ori_index="ori_oude_ijsselstreek"),
    _o("oij-03", "oude_ijsselstreek", "raadslid", "Gijs", "", "Hulshof", "G.", "Terborgseweg",
       60, "B", "7064 AA", "Silvolde", ["06-63036030"], ["gijs@hulshof-silvolde.nl"],
       "1972-09-09", [("Ilse Hulshof", "partner"), ("Daan Hulshof", "child")]),
    _o("gld-01", "gelderland", "gedeputeerde", "Karin", "", "Wolters", "K.",
       "Sonsbeeksingel", 112, "", "6814 AN", "Arnhem", ["06-90817263"],
       ["karin.wolters@kpnmail.nl"], "1970-03-12", [("Erik Wolters", "partner")], male=False),
    _o("gld-02", "gelderland", "statenlid", "Thijs", "van", "Boxtel", "T.", "Loolaan", 40, "",
       "7314 AJ", "Apeldoorn", ["06-24681357"], ["thijs.vanboxtel@gmail.com"], "1979-02-14",
       []),
]

GIVEN_M = ["Rik", "Gerben", "Wouter", "Sander", "Maarten", "Joost", "Henk", "Erwin", "Niels"]
GIVEN_F = ["Ellen", "Marjolein", "Sietske", "Hanneke", "Ilona", "Miriam", "Janneke", "Astrid"]
SURNAMES = [("", "Brink"), ("van der", "Meulen"), ("", "Lubbers"), ("", "Kampman"),
            ("de", "Ruiter"), ("", "Vos"), ("van", "Dalen"), ("", "Eilander"), ("", "Rouwenhorst"),
            ("", "Wessels"), ("", "Beumer"), ("ten", "Have"), ("", "Geurts"), ("", "Tiemessen"),
            ("", "Scholten")]
STREETS = {
    "heerde": [("Kanaalweg", "8181 HP", "Heerde"), ("Eperweg", "8181 EN", "Heerde"),
               ("Wijnbergerweg", "8181 LZ", "Heerde"), ("Apeldoornsestraat", "8191 DL",
                                                        "Wapenveld")],
    "bergen_nh": [("Breelaan", "1861 GD", "Bergen"), ("Voorweg", "1871 VM", "Schoorl"),
                  ("Zeeweg", "1931 VA", "Egmond aan Zee")],
    "oude_ijsselstreek": [("Hoofdstraat", "7061 CK", "Terborg"), ("Kerkstraat", "7081 BT",
                                                                 "Gendringen"),
                          ("Deurvorststraat", "7071 AB", "Ulft")],
    "gelderland": [("Amsterdamseweg", "6814 GH", "Arnhem"), ("Berg en Dalseweg", "6522 BV",
                                                          "Nijmegen")],
}
GENERATED_PLAN = {"heerde": 5, "bergen_nh": 4, "oude_ijsselstreek": 4, "gelderland": 2}


def generated_officials(rng: random.Random) -> list[Official]:
    out: list[Official] = []
    used_names: set[str] = set()
    prefix = {"heerde": "hee", "bergen_nh": "brg", "oude_ijsselstreek": "oij", "gelderland": "gld"}
    numbers = rng.sample(range(50, 400, 5), 40)  # far apart: number+2 is nobody's house
    for body, count in GENERATED_PLAN.items():
        for i in range(count):
            male = rng.random() < 0.5
            given = rng.choice(GIVEN_M if male else GIVEN_F)
            tussen, surname = rng.choice(SURNAMES)
            while f"{given} {surname}" in used_names:
                tussen, surname = rng.choice(SURNAMES)
            used_names.add(f"{given} {surname}")
            street, pc, city = STREETS[body][i % len(STREETS[body])]
            digits = f"{rng.randrange(10**7, 10**8):08d}"
            role = "statenlid" if body == "gelderland" else "raadslid"
            birth = date(1958, 1, 1) + timedelta(days=rng.randrange(365 * 38))
            local = f"{given}.{surname}".lower().replace(" ", "")
            house = [(f"{rng.choice(GIVEN_F if male else GIVEN_M)} {surname}", "partner")] \
                if rng.random() < 0.6 else []
            out.append(Official(
                f"{prefix[body]}-{10 + i}", body, role, given, tussen, surname, f"{given[0]}.",
                street, numbers.pop(), "", pc, city, [f"06-{digits}"],
                [f"{local}@{rng.choice(['ziggo.nl', 'kpnmail.nl', 'gmail.com'])}"],
                birth.isoformat(), house, male=male))
    return out


# --------------------------------------------------------------------------- documents

@dataclass
class Page:
    paragraphs: list[str] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    no_names: bool = False  # filler must not name any official here (a negative needs it)
    blank: bool = False


@dataclass
class Doc:
    body: Body
    title: str
    pages: list[Page]
    doc_id: str
    original_url: str
    url: str
    discussed: str
    header: str | None = None
    filler: bool = True


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

FILLER = [
    "De raad besluit het voorstel ongewijzigd vast te stellen.",
    "Het college stelt voor een krediet van EUR {amount} beschikbaar te stellen voor de "
    "uitvoering van het project.",
    "De commissie Ruimte heeft het voorstel besproken in haar vergadering van {mdate}.",
    "Artikel {art} van de Algemene wet bestuursrecht is van toepassing op dit besluit.",
    "Er zijn {few} zienswijzen ingediend tegen het ontwerpbestemmingsplan.",
    "De financiële gevolgen zijn verwerkt in de begrotingswijziging {year}-{few}.",
    "De vergadering wordt om {hour}.{minute} uur geopend door de voorzitter.",
    "Het verslag van de vorige vergadering wordt zonder wijzigingen vastgesteld.",
    "Insprekers krijgen per persoon vijf minuten spreektijd.",
    "De heer {person} spreekt in namens de bewoners van de {fstreet}.",
    "Mevrouw {person} vraagt aandacht voor de verkeersveiligheid bij de {fstreet}.",
    "Het college zegt toe de raad voor {mdate} te informeren over de voortgang.",
    "De motie wordt aangenomen met {votes} stemmen voor en {few} stemmen tegen.",
    "De griffier noteert de toezeggingen in de lijst van toezeggingen.",
    "Het voorstel past binnen de kaders van de omgevingsvisie {year}.",
    "Bewoners van de {fstreet} {fnum} en {fnum2} hebben een bezwaarschrift ingediend.",
    "De aanbesteding is gegund aan de economisch meest voordelige inschrijver.",
    "De kosten bedragen EUR {amount} exclusief btw.",
    "Dit onderwerp komt terug in de raadsvergadering van {mdate}.",
    "Het amendement wordt verworpen.",
    "De regionale samenwerking wordt geëvalueerd in {year}.",
    "Met de inzet van middelen uit de reserve wordt het tekort gedekt.",
]
FILLER_NAMED = [
    "{title_cap} {last} beantwoordt de vragen van de fracties.",
    "Aanwezig: {formal} ({title}).",
    "{title_cap} {last} zegt toe de notitie voor de zomer te sturen.",
    "De fractie vraagt {title} {last} om een toelichting op de planning.",
    "{formal} merkt op dat het draagvlak in de kernen groot is.",
    "Namens het college voert {title} {last} het woord.",
]
FILLER_PEOPLE = ["R. Smit", "K. de Boer", "T. Hendriks", "L. van Dijk", "M. Peters", "S. Bos",
                 "E. Dekker", "H. Post", "W. Jacobs", "F. Kuiper"]
FILLER_STREETS = ["Vijverlaan", "Beukenlaan", "Esdoornstraat", "Hazelaarweg", "Rozenstraat",
                  "Prins Bernhardlaan", "Schoolstraat", "Nieuweweg", "Wilhelminastraat"]


class Builder:
    """Collects documents, the plants (truth) and the hard negatives."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.docs: list[Doc] = []
        self.truth: list[dict[str, Any]] = []
        self.negatives: list[dict[str, Any]] = []
        self.officials: list[Official] = []
        self._n = 0

    def doc(self, body_key: str, title: str, n_pages: int, *, header: str | None = None,
            blank: tuple[int, ...] = (), discussed: str | None = None,
            filler: bool = True) -> Doc:
        body = BODIES[body_key]
        self._n += 1
        digest = hashlib.sha1(f"{body.key}:{self._n}:{title}".encode()).hexdigest()
        number = int(digest[:7], 16) % 9_000_000 + 1_000_000
        if body.system == "ibabs":
            url = (f"https://{body.host}/Agenda/Document/{_guid(digest)}?documentId="
                   f"{_guid(digest[8:] + digest[:8])}&agendaItemId="
                   f"{_guid(digest[4:] + digest[:4])}")
        elif body.system == "notubiz":
            url = f"https://api.notubiz.nl/document/{number}/1"
        else:
            slug = title.lower().replace(" ", "-").replace(":", "")[:40]
            url = f"https://{body.host}/document/{number}/1/{slug}"
        if discussed is None:
            d = date(2023, 1, 9) + timedelta(days=self.rng.randrange(900))
            discussed = d.isoformat()
        doc = Doc(body, title, [Page() for _ in range(n_pages)], str(int(digest[:8], 16)),
                  url, f"https://api.openraadsinformatie.nl/v1/resolve/{body.index}/{digest[:20]}",
                  discussed, header, filler)
        for p in blank:
            doc.pages[p - 1].blank = True
        self.docs.append(doc)
        return doc

    def plant(self, doc: Doc, page: int, text: str, truths: list[tuple[Official, str]] = (),
              where: str = "mid") -> None:
        pg = doc.pages[page - 1]
        assert not pg.blank
        if text:
            {"mid": pg.paragraphs, "head": pg.head, "tail": pg.tail}[where].append(text)
        for off, kind in truths:
            assert kind in KINDS
            row = {"official_id": off.id, "kind": kind, "original_url": doc.original_url,
                   "page": page}
            if row not in self.truth:
                self.truth.append(row)

    def negative(self, doc: Doc, page: int, text: str, off: Official, kind: str, why: str,
                 where: str = "mid", no_names: bool = False) -> None:
        pg = doc.pages[page - 1]
        if text:
            {"mid": pg.paragraphs, "head": pg.head, "tail": pg.tail}[where].append(text)
        if no_names:
            pg.no_names = True
        self.negatives.append({"official_id": off.id, "kind": kind,
                               "original_url": doc.original_url, "page": page, "why": why})


def _guid(h: str) -> str:
    h = (h * 2)[:32]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def fill(b: Builder, officials: list[Official]) -> None:
    """Filler paragraphs on every page; officials of the same body named on some pages."""
    rng = b.rng
    by_body: dict[str, list[Official]] = {}
    for off in officials:
        by_body.setdefault(off.body, []).append(off)
    for doc in b.docs:
        for n, page in enumerate(doc.pages, start=1):
            if page.blank:
                continue
            if doc.filler:
                count = rng.randrange(3, 7)
                paras = [_filler(rng) for _ in range(count)]
                named = by_body.get(doc.body.key, [])
                if named and not page.no_names and rng.random() < 0.35:
                    paras.insert(rng.randrange(len(paras) + 1), _named(rng, rng.choice(named)))
                for text in page.paragraphs:
                    paras.insert(rng.randrange(len(paras) + 1), text)
            else:
                paras = list(page.paragraphs)
            header = []
            if doc.header:
                header.append(doc.header.format(page=n, pages=len(doc.pages)))
            page.paragraphs = [*header, *page.head, *paras, *page.tail]


def _filler(rng: random.Random) -> str:
    m = rng.randrange(12)
    return rng.choice(FILLER).format(
        amount=f"{rng.randrange(10, 990)}.{rng.randrange(0, 999):03d}",
        mdate=f"{rng.randrange(1, 28)} {MONTHS[m]} {rng.randrange(2023, 2026)}",
        art=f"{rng.randrange(1, 10)}:{rng.randrange(1, 30)}", few=rng.randrange(2, 9),
        year=rng.randrange(2023, 2027), hour=rng.choice([19, 20]),
        minute=rng.choice(["00", "30"]), person=rng.choice(FILLER_PEOPLE),
        fstreet=rng.choice(FILLER_STREETS), fnum=rng.randrange(1, 90),
        fnum2=rng.randrange(90, 150), votes=rng.randrange(9, 19))


def _named(rng: random.Random, off: Official) -> str:
    return rng.choice(FILLER_NAMED).format(title=off.title, title_cap=off.title.capitalize(),
                                           last=off.last, formal=off.formal)


def _pdate(iso: str, form: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return {"long": f"{d} {MONTHS[m - 1]} {y}", "dd-mm": f"{d:02d}-{m:02d}-{y}",
            "d-m": f"{d}-{m}-{y}", "dots": f"{d:02d}.{m:02d}.{y}"}[form]


# --------------------------------------------------------------------------- the plants

# The hand-planted documents (hand_plants.json), in order: "body", "title", "pages", optional
# "header" (its {page} and {pages} are the page's), "blank" pages and "header_truths" (a
# header that exposes the official on every page), and "blocks": ["plant", page, text, truths,
# where?] and ["negative", page, text, official_id, kind, why, {where, no_names}?]. In texts,
# {town_hall} is the body's and {ID.FIELD} an official's (see _fields).
HAND_PLANTS = json.loads((Path(__file__).resolve().parent / "hand_plants.json")
                         .read_text(encoding="utf-8"))


def _fields(off: Official) -> dict[str, str]:
    """What a hand-planted text may say of an official, and in which written form."""
    email = off.emails[0]
    return {"formal": off.formal, "last": off.last, "street": off.street,
            "number": f"{off.number}", "email": email, "EMAIL": email.upper(),
            **{f"birth_{form.replace('-', '_')}": _pdate(off.birth, form)
               for form in ("long", "dd-mm", "d-m", "dots")}}


def _filled(text: str, o: dict[str, Official], body: str) -> str:
    def field_of(m: re.Match[str]) -> str:
        if m[0] == "{town_hall}":
            return BODIES[body].town_hall
        return _fields(o[m[1]])[m[2]]
    return re.sub(r"\{town_hall\}|\{([a-z]+-\d+)\.(\w+)\}", field_of, text)


def plant_hand(b: Builder, o: dict[str, Official]) -> None:
    # -- Heerde: the mayor is in 150 documents; her address is on page 9 of 14 of one of them
    for i in range(150):
        d = b.doc("heerde", f"Besluitenlijst college {i + 1:03d}", b.rng.randrange(1, 4))
        b.plant(d, 1, f"Voorzitter: burgemeester {o['hee-01'].formal}. Secretaris: "
                      f"{FILLER_PEOPLE[i % len(FILLER_PEOPLE)]}.")
    for spec in HAND_PLANTS:
        d = b.doc(spec["body"], spec["title"], spec["pages"], header=spec.get("header"),
                  blank=tuple(spec.get("blank", ())))
        for page in range(1, spec["pages"] + 1):
            for official_id, kind in spec.get("header_truths", []):
                b.truth.append({"official_id": official_id, "kind": kind,
                                "original_url": d.original_url, "page": page})
        for op, page, text, *rest in spec["blocks"]:
            text = _filled(text, o, spec["body"])
            if op == "plant":
                truths, *where = rest
                b.plant(d, page, text, [(o[official_id], kind) for official_id, kind in truths],
                        *where)
            else:
                official_id, kind, why, *options = rest
                b.negative(d, page, text, o[official_id], kind, _filled(why, o, spec["body"]),
                           **(options[0] if options else {}))


def plant_generated(b: Builder, gen: list[Official]) -> None:
    """One or two plain exposures for most generated officials, none for some."""
    rng = b.rng
    for n, off in enumerate(gen):
        if n % 5 == 4:
            continue  # clean official: named in documents, nothing exposed
        d = b.doc(off.body, f"Verslag {rng.choice(['commissie', 'werkbezoek', 'raad'])} "
                            f"{off.city} {n}", rng.randrange(2, 7))
        page = rng.randrange(1, len(d.pages) + 1)
        form = n % 4
        if form == 3:
            b.plant(d, page, f"Reacties naar {off.formal} ({off.emails[0]}).", [(off, "email")])
        elif form == 0:
            text = (f"{off.title.capitalize()} {off.last} woont aan de {off.street} "
                    f"{off.number} in {off.city}.")
            b.plant(d, page, text, [(off, "home_address")])
        elif form == 1:
            b.plant(d, page, f"Bereikbaar: {off.formal}, {off.phones[0]}.", [(off, "phone")])
        else:
            b.plant(d, page, f"{off.title.capitalize()} {off.formal}, geboren "
                             f"{_pdate(off.birth, 'long')}.", [(off, "birth_date")])
        if off.household and n % 2 == 0:
            page2 = rng.randrange(1, len(d.pages) + 1)
            b.plant(d, page2, f"{off.title.capitalize()} {off.last} en partner "
                              f"{off.household[0][0]} waren aanwezig.",
                    [(off, "household_name")])
        # the same street, another number, next to the name
        d2 = b.doc(off.body, f"Besluitenlijst {off.city} {n}", 1)
        b.negative(d2, 1, f"{off.title.capitalize()} {off.last} opende de speeltuin aan de "
                          f"{off.street} {off.number + 2}.", off, "home_address",
                   "same street, another number")


def build(out: Path, seed: int = 7) -> dict[str, int]:
    """Write the data set into `out`; returns counts."""
    b = Builder(seed)
    gen = generated_officials(random.Random(seed + 1))
    officials = HAND + gen
    b.officials = officials
    by_id = {off.id: off for off in officials}
    plant_hand(b, by_id)
    plant_generated(b, gen)
    # the documents nobody is exposed in: agendas, plans, minutes with names only
    for key in BODIES:
        for i in range(25 if key != "bergen" else 10):
            b.doc(key, f"Agenda en stukken {i + 1}", b.rng.randrange(1, 9))
    fill(b, officials)
    out.mkdir(parents=True, exist_ok=True)
    spec = []
    for body in BODIES.values():
        rows = [_org(body)] + _parties(body) + [_media(d) for d in b.docs if d.body is body]
        fname = f"{alias_of(body)}.jsonl"
        with (out / fname).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        spec.append({"index": body.index, "alias": alias_of(body), "docs": fname})
    (out / "indices.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    roster = {"officials": [off.roster_entry() for off in officials]}
    (out / "roster.yaml").write_text(
        "# Fictional officials for the independent ORI benchmark (make_data.py)\n"
        + yaml.safe_dump(roster, allow_unicode=True, sort_keys=False), encoding="utf-8")
    truth = sorted(b.truth, key=lambda r: (r["official_id"], r["kind"], r["original_url"],
                                           r["page"]))
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    negs = [n for n in b.negatives if n["why"]]
    (out / "hard_negatives.json").write_text(json.dumps(negs, indent=1, ensure_ascii=False)
                                             + "\n", encoding="utf-8")
    return {"officials": len(officials), "documents": len(b.docs), "truth": len(truth),
            "hard_negatives": len(negs),
            "pages": sum(len(d.pages) for d in b.docs)}


def _org(body: Body) -> dict[str, Any]:
    oid = str(int(hashlib.sha1(body.key.encode()).hexdigest()[:6], 16))
    return {"_id": oid, "_source": {
        "@type": "Organization", "classification": body.classification, "name": body.org_name,
        "collection": body.key, "@context": {"name": "http://schema.org/name"},
        "had_primary_source": f"https://{body.host}/"}}


def _parties(body: Body) -> list[dict[str, Any]]:
    rows = []
    for n, party in enumerate(("VVD", "CDA", "GroenLinks-PvdA")):
        rows.append({"_id": f"{body.key}-party-{n}", "_source": {
            "@type": "Organization", "classification": "Party",
            "name": f"{party} {body.org_name.strip().split(' ', 1)[1]}",
            "collection": body.key}})
    rows.append({"_id": f"{body.key}-meeting-1", "_source": {
        "@type": "Meeting", "name": "Raadsvergadering", "start_date": "2024-12-12T19:30:00+01:00",
        "collection": body.key}})
    return rows


def _media(d: Doc) -> dict[str, Any]:
    pages = ["\n\n".join(p.paragraphs) if not p.blank else "" for p in d.pages]
    text_pages = [{"text": t, "page_number": n} for n, t in enumerate(pages, start=1) if t]
    modified = f"{d.discussed}T{10 + len(d.pages) % 9:02d}:{len(d.title) % 60:02d}:00+00:00"
    return {"_id": d.doc_id, "_source": {
        "@type": "MediaObject", "name": f"{d.title}.pdf", "original_url": d.original_url,
        "url": d.url, "content_type": "application/pdf", "last_discussed_at": d.discussed,
        "date_modified": modified, "has_organization_name": _org(d.body)["_id"],
        "is_referenced_by": f"{d.doc_id[:6]}1", "collection": d.body.key,
        "size_in_bytes": 20_000 * len(d.pages),
        "text": pages[:100], "md_text": "\n\n".join(p for p in pages if p),
        "text_pages": text_pages}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    counts = build(args.out, args.seed)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
