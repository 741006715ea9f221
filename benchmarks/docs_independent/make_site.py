"""Write the fictional raadsinformatiesysteem of "Gemeente Oldebroek" with its documents.

Seeded and deterministic: the same seed writes the same site/, roster.template.yaml,
truth.json and negatives.json. Every person, phone number, e-mail address and birth date is
invented; the town, village and most street names are real (Oldebroek, Wezep, Hattemerbroek,
't Loo, Oosterwolde), the house numbers and postcodes are made up.

    python make_site.py [--out site] [--seed 20261203]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pymupdf
from layout import Docx, Pdf, Plant, Truth, archive, calendar, picture, scan_pdf, video

HERE = Path(__file__).resolve().parent
ORG = "Gemeente Oldebroek"
TOWN_HALL = "Raadhuisplein 1, 8096 CP Oldebroek"
COUNCIL_PHONE = "(0525) 63 82 00"
HEADER = f"{ORG} — Raadsinformatie"
FOOTER = (f"{ORG} · Raadhuisplein 1 · 8096 CP Oldebroek · T {COUNCIL_PHONE} · "
          "griffie@oldebroek-raad.example")


@dataclass(frozen=True)
class Official:
    id: str
    name: str
    initials: str
    role: str
    street: str
    number: int
    letter: str | None
    postcode: str
    city: str
    phone: str
    email: str
    birth: str
    household: tuple[tuple[str, str], ...] = field(default=())


# The 25 officials (roster data), one a line, in a data file next to this script.
OFFICIALS = [
    Official(**{**row, "household": tuple(tuple(pair) for pair in row.get("household", ()))})
    for row in json.loads((HERE / "officials.json").read_text(encoding="utf-8"))
]
BY_ID = {o.id: o for o in OFFICIALS}

TOPICS = [
    "de herinrichting van het centrum", "de begroting voor het komende jaar",
    "het beleid voor de openbare ruimte", "de verduurzaming van maatschappelijk vastgoed",
    "de regionale energiestrategie", "het onderhoud van de bermen", "het sportaccommodatieplan",
    "de huisvesting van statushouders", "de jeugdzorg in de regio", "het afvalbeleid",
    "het parkeerbeleid bij het station", "de subsidieregeling voor verenigingen",
    "het bestemmingsplan buitengebied", "de dorpshuizen", "de veiligheid rond de scholen",
]
VERBS = [
    "vraagt het college naar de stand van zaken rond", "maakt zich zorgen over",
    "is tevreden over de aanpak van", "stelt voor om een werkbezoek te brengen in verband met",
    "wil graag een nadere toelichting op", "dient een motie in over", "steunt het voorstel over",
    "vindt dat de inwoners beter moeten worden betrokken bij",
]
SPEAKERS = ["De fractie van het CDA", "De ChristenUnie", "De fractie van de SGP",
            "De VVD-fractie", "GemeenteBelangen", "De PvdA-fractie", "De voorzitter",
            "De portefeuillehouder"]
CLOSERS = [
    "Het college zegt toe hier in het volgende kwartaal op terug te komen.",
    "De raad neemt hiervan kennis.", "Dit punt wordt doorgeschoven naar de commissie.",
    "Er worden geen verdere vragen gesteld.", "Het voorstel wordt als hamerstuk afgedaan.",
    "De griffie zal de toezeggingen op de lijst zetten.",
]


def filler(rng: random.Random) -> str:
    """A paragraph of minutes without any name, number or date in it."""
    sentences = [f"{rng.choice(SPEAKERS)} {rng.choice(VERBS)} {rng.choice(TOPICS)}."
                 for _ in range(rng.randint(1, 3))]
    sentences.append(rng.choice(CLOSERS))
    return " ".join(sentences)


def fill(pdf: Pdf, rng: random.Random, keep: int = 0) -> None:
    """Fill the page with minutes, leaving about `keep` lines free."""
    while True:
        text = filler(rng)
        if not pdf.fits(text + " word" * (keep * 8)):
            return
        pdf.para(text)


def minutes_page(pdf: Pdf, rng: random.Random, columns: int, planted: list[tuple[str, list[Plant]]],
                 before: int | None = None) -> None:
    """A page of minutes with the planted paragraphs somewhere in the running text."""
    pdf.new_page(columns=columns)
    for _ in range(rng.randint(1, 3) if before is None else before):
        pdf.para(filler(rng))
    for text, plants in planted:
        pdf.para(text, plants)
        if rng.random() < 0.5:
            pdf.para(filler(rng))
    fill(pdf, rng)


def pdf(path: str, title: str, truth: Truth) -> Pdf:
    return Pdf(path, title, HEADER, FOOTER, truth)


Builder = Callable[[Path, random.Random, Truth], str]  # writes one document, returns its path


def pdf_document(path: str, title: str) -> Callable[[Callable[[Pdf, random.Random, Truth], None]],
                                                    Builder]:
    """The builder of one PDF whose pages the decorated function writes."""
    def decorate(write: Callable[[Pdf, random.Random, Truth], None]) -> Builder:
        def build(root: Path, rng: random.Random, t: Truth) -> str:
            d = pdf(path, title, t)
            write(d, rng, t)
            d.save(root)
            return path
        return build
    return decorate


# The planted passages and hard negatives of the minutes-like documents (running text with a
# passage here and there), by document path, in a data file next to this script.
MINUTES = json.loads((HERE / "minutes.json").read_text(encoding="utf-8"))


def negatives_on(t: Truth, path: str, page: int) -> None:
    """Record the hard negatives minutes.json places on this page of the document."""
    for row in MINUTES[path]["negatives"]:
        if row["page"] == page:
            t.negative(path, page, row["official_id"], row["kind"], row["what"])


def minutes_document(path: str) -> Builder:
    """A document of running minutes with a passage here and there (minutes.json): an optional
    first page with a heading and fixed paragraphs, then the minutes pages."""
    spec = MINUTES[path]

    def write(d: Pdf, rng: random.Random, t: Truth) -> None:
        if "intro" in spec:
            d.new_page()
            d.heading(spec["intro"]["heading"])
            for text in spec["intro"]["paras"]:
                d.para(text)
            negatives_on(t, path, 1)
            fill(d, rng)
        first, last = spec["pages"]
        for page in range(first, last + 1):
            negatives_on(t, path, page)
            planted = [(row["text"].format(council_phone=COUNCIL_PHONE, town_hall=TOWN_HALL),
                        [(official_id, kind) for official_id, kind in row["plants"]])
                       for row in spec["passages"] if row["page"] == page]
            minutes_page(d, rng, 1 if page in spec["single_column"] else 2, planted)
    return pdf_document(path, spec["title"])(write)


# Documents that are only fixed blocks (plain_documents.json), by path: "format" pdf (with a
# "title") or docx (with "header", "footer" and optional "header_plants"), and "blocks", each
# [method, *arguments, {keyword arguments}?] called on the Pdf/Docx in order, or ["fill"] (the
# page filled with running text) or ["negative", page, official_id, kind, what]. In strings,
# {filler} and {topic} draw a sentence and a topic, {org}, {council_phone} and {footer} are the
# constants above.
PLAIN_DOCUMENTS = json.loads((HERE / "plain_documents.json").read_text(encoding="utf-8"))
CONSTANTS = {"org": ORG, "council_phone": COUNCIL_PHONE, "footer": FOOTER}


def expand(value: Any, rng: random.Random) -> Any:
    """The value with its placeholders filled in, left to right (as the draws were made)."""
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: filler(rng) if m[1] == "filler" else
                      rng.choice(TOPICS) if m[1] == "topic" else CONSTANTS[m[1]], value)
    if isinstance(value, list):
        return [expand(item, rng) for item in value]
    return value


def plain_document(path: str) -> Builder:
    """A document of fixed blocks (plain_documents.json), as a builder for DOCUMENTS."""
    spec = PLAIN_DOCUMENTS[path]

    def build(root: Path, rng: random.Random, t: Truth) -> str:
        d: Pdf | Docx = (
            pdf(path, spec["title"], t) if spec["format"] == "pdf"
            else Docx(path, expand(spec["header"], rng), expand(spec["footer"], rng), t,
                      spec.get("header_plants")))
        for op, *args in spec["blocks"]:
            if op == "fill":
                fill(d, rng)
            elif op == "negative":
                t.negative(path, *args)
            else:
                kwargs = args.pop() if args and isinstance(args[-1], dict) else {}
                getattr(d, op)(*expand(args, rng), **kwargs)
        d.save(root)
        return path
    return build


# --------------------------------------------------------------------------- documents


def letterhead_pdf(root: Path, rng: random.Random, t: Truth, path: str, title: str,
                   sender: list[str], sender_plants: list[Plant], body: list[str],
                   closing: list[str], closing_plants: list[Plant], pages: int) -> str:
    """An ingekomen stuk: the sender's letterhead, the griffie's stamp, a body, a signature."""
    d = pdf(path, f"Ingekomen stuk: {title}", t)
    d.new_page()
    d.lines(sender, sender_plants)
    d.lines(["Aan de gemeenteraad van Oldebroek", "t.a.v. de griffie", "Postbus 2",
             "8096 ZG Oldebroek"])
    d.para(f"Betreft: {title}", bold=True)
    for number in range(1, pages + 1):
        if number > 1:
            d.new_page()
        for text in body[(number - 1)::pages]:
            d.para(text)
        if number < pages:
            for _ in range(rng.randint(1, 2)):
                d.para("Wij verzoeken u " + rng.choice(TOPICS) + " opnieuw te bezien. "
                       + rng.choice(CLOSERS))
    d.lines(closing, closing_plants)
    d.save(root)
    return path


def letters(root: Path, rng: random.Random, t: Truth) -> list[str]:
    out = []
    path = "/ingekomen-stukken/2026/brief-bewoners-kerkstraat.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "verkeersveiligheid Kerkstraat",
        ["A. Brouwer-Kok", "Kerkstraat 14", "8096 BK Oldebroek", "Oldebroek, 12 januari 2026"],
        [],
        ["Namens de bewoners van de Kerkstraat vragen wij aandacht voor het sluipverkeer. "
         "Wethouder Van der Horst heeft toegezegd de situatie te bekijken.",
         "Sinds de afsluiting van de Zuiderzeestraatweg rijden er dagelijks honderden auto's "
         "door onze straat, ook langs de school.",
         "Wij stellen voor een proef te doen met een knip ter hoogte van de kerk."],
        ["Met vriendelijke groet,", "A. Brouwer-Kok, mede namens 23 bewoners"], [], 2))
    t.negative(path, 1, "ob-02", "home_address",
               "Kerkstraat 14, 8096 BK (same street and postcode as Van der Horst, another person)")
    t.negative(path, 1, "ob-10", "home_address", "Kerkstraat 14 (Hofman lives at Kerkstraat 30)")

    path = "/ingekomen-stukken/2026/zienswijze-eperweg.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "zienswijze ontwerpbestemmingsplan Eperweg",
        ["W. Schutte", "Eperweg 61", "8094 PH Hattemerbroek"], [("ob-06", "home_address")],
        ["Hierbij dien ik een zienswijze in tegen het ontwerpbestemmingsplan voor de "
         "percelen naast mijn woning.",
         "Voor de goede orde: mijn vrouw, raadslid Ineke Schutte, heeft zich niet met deze "
         "zienswijze bemoeid en zal zich bij de behandeling onthouden.",
         "De geplande loods ontneemt ons het uitzicht en brengt verkeer van zware voertuigen "
         "over een smalle weg."],
        ["Hoogachtend,", "Wim Schutte"], [("ob-06", "household_name")], 2))

    path = "/ingekomen-stukken/2026/verzoek-hoogeveen-bovenweg.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "verzoek om een uitrit aan de Bovenweg",
        ["Bart Hoogeveen", "Bovenweg 7", "8095 RJ 't Loo", "tel. 0031 6 44778812",
         "Bart.Hoogeveen@outlook-post.example"],
        [("ob-07", "home_address"), ("ob-07", "phone"), ("ob-07", "email")],
        ["Als inwoner van 't Loo verzoek ik u de aanvraag voor een tweede uitrit aan de "
         "Bovenweg te heroverwegen.", "Ik schrijf dit nadrukkelijk op persoonlijke titel."],
        ["Met vriendelijke groet,", "B. Hoogeveen"], [], 1))

    path = "/ingekomen-stukken/2026/brief-ondernemersvereniging-wezep.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "winkelopenstelling op zondag",
        ["Ondernemersvereniging Wezep", "Zwolseweg 1", "8091 XA Wezep", "tel. 038 - 376 12 00"],
        [],
        ["Wij danken raadslid Rianne Post voor het gesprek van vorige week.",
         "De vereniging vraagt de raad om een proef met zondagsopenstelling in het centrum."],
        ["Namens het bestuur,", "H. Klein Koerkamp, voorzitter"], [], 1))
    t.negative(path, 1, "ob-14", "home_address",
               "Zwolseweg 1, Wezep: association's address, Post lives at Zwolseweg 210")

    path = "/ingekomen-stukken/2026/verzoek-bakker-dwarsweg.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "onderhoud van de berm",
        ["K. Bakker", "1e Dwarsweg 5", "8091 GK Wezep"], [("ob-13", "home_address")],
        ["De berm voor mijn woning is na de werkzaamheden niet hersteld.",
         "Ik heb dit al twee keer gemeld, zonder reactie.", "Graag een oplossing."],
        ["Met vriendelijke groet,", "Kees Bakker"], [], 1))

    path = "/ingekomen-stukken/2026/inspraakreactie-vlierweg.pdf"
    out.append(letterhead_pdf(
        root, rng, t, path, "inspraakreactie bouwplan Vlierweg",
        ["H. Klaassen", "Vlierweg 5", "8094 PB Hattemerbroek"], [],
        ["Ik maak bezwaar tegen de uitbreiding van de schuur op het perceel naast mij.",
         "Volgens de tekening komt de nieuwe schuur tot op een meter van de erfgrens van "
         "raadslid Vos (Vlierweg 3), die daar geen bezwaar tegen lijkt te hebben."],
        ["Met vriendelijke groet,", "H. Klaassen"], [("ob-16", "home_address")], 2))
    t.negative(path, 1, "ob-16", "home_address", "Vlierweg 5, the neighbour's letterhead")
    # the plant above is recorded on the page the body ends on
    return out


@pdf_document("/ingekomen-stukken/2026/petitie-hoofdweg.pdf",
              "Petitie: 30 km per uur op de Hoofdweg in Oosterwolde")
def petition(d: Pdf, rng: random.Random, t: Truth) -> None:
    t.negative(d.path, 1, "ob-12", "home_address",
               "Hoofdweg 12, 102 and 118, 8097 RM (Dekker lives at 120); G. Dekker-Jansen")
    d.new_page()
    d.heading("Petitie: maak de Hoofdweg veilig")
    d.para("De ondertekenaars vragen de raad om een maximumsnelheid van 30 km per uur "
           "binnen de bebouwde kom van Oosterwolde. " + filler(rng))
    widths = [150.0, 160.0, 90.0, 83.0]
    signers = [("J. Mulder", "Hoofdweg 12", "8097 RM"), ("T. van Ommen", "Hoofdweg 102", "8097 RM"),
               ("B. Hendriks", "Hoofdweg 118", "8097 RM"), ("G. Dekker-Jansen", "Kerkweg 4",
                                                           "8097 RA")]
    rng.shuffle(signers)
    names = ["Naam", "Adres", "Postcode", "Handtekening"]
    for page in range(1, 4):
        if page > 1:
            d.new_page()
            d.heading("Petitie: maak de Hoofdweg veilig (vervolg)")
        rows = [names] + [[n, a, p, "getekend"] for n, a, p in signers]
        plants: list[Plant] = []
        if page == 3:
            rows.append(["Yvonne Dekker", "Hoofdweg 120", "8097 RM", "getekend"])
            plants.append(("ob-12", "home_address"))
        d.table(widths, rows, plants, header=True)


@pdf_document("/document/4471",
              "Register nevenfuncties raadsleden 2026 (art. 12 Gemeentewet)")
def nevenfuncties_raad(d: Pdf, rng: random.Random, t: Truth) -> None:
    t.negative(d.path, 2, "ob-16", "home_address",
               "Vlierweg 3a is a business at another house letter (Vos lives at Vlierweg 3)")
    t.negative(d.path, 1, "ob-11", "home_address",
               "Dorpsstraat 1 (foundation), Kamphuis lives at Dorpsstraat 88")
    widths = [110.0, 233.0, 70.0, 70.0]
    functions = {
        "ob-06": "voorzitter Oudervereniging basisschool De Wegwijzer",
        "ob-07": "medewerker logistiek bij een transportbedrijf in Zwolle",
        "ob-08": "docent aardrijkskunde, Noorderbreedte Zwolle",
        "ob-09": "geen",
        "ob-10": "lid bestuur Tennisvereniging Wezep",
        "ob-11": "penningmeester Stichting Dorpshuis, Dorpsstraat 1, Oldebroek",
        "ob-12": "verpleegkundige Isala",
        "ob-13": "agrariër (maatschap)",
        "ob-14": "eigenaar Post Grafisch Ontwerp, gevestigd aan huis, Zwolseweg 210, Wezep",
        "ob-15": "jurist bij een woningcorporatie",
        "ob-16": "eigenaar Vos Hoveniers, Vlierweg 3a, Hattemerbroek",
        "ob-17": "geen",
        "ob-18": "zzp-adviseur ruimtelijke ordening, telefonisch bereikbaar via 06-11223344",
        "ob-19": "lid Raad van Toezicht Stichting Welzijn",
        "ob-20": "brandweervrijwilliger post Wezep",
        "ob-21": "studente bestuurskunde",
        "ob-22": "ouderling Hervormde Gemeente",
        "ob-23": "geen",
        "ob-24": "ondernemer, De Graaf Installatietechniek BV, Industrieweg 8, Wezep",
        "ob-25": "secretaris Vrouwen van Nu",
    }
    plants = {"ob-14": [("ob-14", "home_address")], "ob-18": [("ob-18", "phone")]}
    ids = list(functions)
    per_page = [ids[:7], ids[7:14], ids[14:]]
    for page, chunk in enumerate(per_page, start=1):
        d.new_page()
        d.heading(f"Register nevenfuncties raadsleden — blad {page}")
        rows = [["Naam", "Nevenfunctie(s)", "Bezoldigd", "Laatst gewijzigd"]]
        page_plants: list[Plant] = []
        for official_id in chunk:
            o = BY_ID[official_id]
            rows.append([f"{o.initials} {o.name.split(' ', 1)[1]}" if " " in o.name else o.name,
                         functions[official_id], rng.choice(["ja", "nee"]), "januari 2026"])
            page_plants += plants.get(official_id, [])
        d.table(widths, rows, page_plants, header=True)


@pdf_document("/vergaderingen/2026-11-08/programmabegroting-2027.pdf",
              "Programmabegroting 2027")
def begroting(d: Pdf, rng: random.Random, t: Truth) -> None:
    widths = [200.0, 95.0, 95.0, 93.0]
    for page in range(1, 26):
        d.new_page()
        d.heading(f"Programma {page}: {rng.choice(TOPICS)}")
        d.para(filler(rng))
        rows = [["Omschrijving", "Begroting 2026", "Begroting 2027", "Verschil"]]
        for _ in range(6):
            a = rng.randint(10_000, 9_999_999)
            b = a + rng.randint(-50_000, 50_000)
            rows.append([rng.choice(TOPICS).capitalize(), f"{a:,}".replace(",", "."),
                         f"{b:,}".replace(",", "."), f"{b - a:,}".replace(",", ".")])
        if page == 7:
            rows.append(["Onderhoud wegen", "3.031.975", "3.071.975", "40.000"])
        if page == 12:
            rows.append(["Portefeuillehouder", "G. Bosman", "vastgesteld 08-11-2026", "-"])
            t.negative(d.path, 12, "ob-03", "birth_date",
                       "08-11-2026 next to Bosman (born 08-11-1961)")
        d.table(widths, rows, header=True)
        fill(d, rng)
    t.negative(d.path, 7, "ob-02", "birth_date", "amounts 3.031.975 and 3.071.975")


@pdf_document("/documenten/contactgegevens-raadsleden.pdf",
              "Contactgegevens raadsleden")
def contactgegevens(d: Pdf, rng: random.Random, t: Truth) -> None:
    d.new_page(columns=2)
    d.heading("Contactgegevens raadsleden")
    d.para("Raadsleden zijn bereikbaar via de griffie, tenzij hieronder anders vermeld.")
    plants: dict[str, list[Plant]] = {"ob-22": [("ob-22", "phone")],
                                      "ob-23": [("ob-23", "email")]}
    for official_id in [f"ob-{n:02d}" for n in range(6, 26)]:
        o = BY_ID[official_id]
        if official_id == "ob-22":
            contact = "tel. 06-20406080"
        elif official_id == "ob-23":
            contact = "hilde.veenstra@ziggo-post.example"
        elif official_id == "ob-16":
            contact = "tel. 06-24681358"
            t.negative(d.path, 1, "ob-16", "phone", "06-24681358, one digit off")
        else:
            contact = f"via de griffie, {COUNCIL_PHONE}"
        d.para(f"{o.name} ({o.city}) — {contact}", plants.get(official_id, []))


@pdf_document("/ingekomen-stukken/2026/lijst-ingekomen-stukken-april-2026.pdf",
              "Lijst van ingekomen stukken, april 2026")
def lijst_ingekomen(d: Pdf, rng: random.Random, t: Truth) -> None:
    widths = [40.0, 270.0, 173.0]
    rows_by_page: list[list[tuple[list[str], list[Plant]]]] = [
        [(["1", "Brief van A. Brouwer-Kok, Kerkstraat 14, over verkeersveiligheid",
           "in handen college"], []),
         (["2", "Zienswijze ontwerpbestemmingsplan Eperweg", "agenderen commissie"], []),
         (["3", "Verzoek om een uitrit, 't Loo", "in handen college"], [])],
        [(["4", "Verzoek van J.W. van der Horst, Kerkstraat 12, Oldebroek, om ontheffing "
           "voor een kapvergunning", "in handen college"], [("ob-02", "home_address")]),
         (["5", "Petitie Hoofdweg Oosterwolde", "agenderen commissie"], [])],
        [(["6", "Verzoek van F. Yilmaz-de Boer, Stationsweg 22 A, Wezep, om een "
           "parkeervergunning", "in handen college"], [("ob-04", "home_address")]),
         (["7", "Brief Ondernemersvereniging Wezep", "ter kennisname"], [])],
    ]
    for page, rows in enumerate(rows_by_page, start=1):
        d.new_page()
        d.heading("Lijst van ingekomen stukken" + (" (vervolg)" if page > 1 else ""))
        d.table(widths, [["Nr.", "Omschrijving", "Voorstel"]], header=True)
        for row, plants in rows:
            d.table(widths, [row], plants)
        fill(d, rng)
    t.negative(d.path, 3, "ob-17", "home_address",
               "Stationsweg 22 A is Yilmaz-de Boer's; Timmer lives at Stationsweg 22")


DOCUMENTS = [  # in this order: each draws its filler from one shared random generator
    minutes_document("/vergaderingen/2026-01-29/notulen-raad-2026-01-29.pdf"),
    minutes_document("/vergaderingen/2026-03-03/notulen-raad-2026-03-03.pdf"),
    minutes_document("/vergaderingen/2026-04-14/notulen-raad-2026-04-14.pdf"),
    plain_document("/vergaderingen/2026-01-29/besluitenlijst-2026-01-29.docx"),
    plain_document("/vergaderingen/2026-03-03/besluitenlijst-2026-03-03.docx"),
    letters,
    petition,
    plain_document("/ingekomen-stukken/2026/brief-van-dijk-mulderssingel.docx"),
    plain_document("/ingekomen-stukken/2026/doorgestuurde-mail-el-idrissi.docx"),
    plain_document("/document/4472"),
    nevenfuncties_raad,
    plain_document("/documenten/nevenfuncties-college-2026.docx"),
    plain_document("/vergaderingen/2026-03-03/rapport-geloofsbrieven-2026-03-03.pdf"),
    plain_document("/vergaderingen/2026-04-14/rapport-geloofsbrieven-2026-04-14.pdf"),
    minutes_document("/vergaderingen/2026-04-14/raadsvoorstel-herinrichting-kerkstraat.pdf"),
    begroting,
    plain_document("/vergaderingen/2026-01-29/motie-verkeersveiligheid-kerkstraat.docx"),
    plain_document("/vergaderingen/2026-01-29/amendement-sporthal.pdf"),
    minutes_document("/documenten/raadsinformatiebrief-woningbouw-wezep.pdf"),
    minutes_document("/vergaderingen/commissie/verslag-commissie-2026-02-19.pdf"),
    minutes_document("/vergaderingen/commissie/verslag-commissie-2026-05-21.pdf"),
    minutes_document("/documenten/jaarverslag-griffie-2025.pdf"),
    plain_document("/vergaderingen/2026-04-14/agenda-raad-2026-04-14.docx"),
    contactgegevens,
    plain_document("/documenten/persbericht-opening-brink.pdf"),
    plain_document("/documenten/uitnodiging-nieuwjaarsreceptie.docx"),
    plain_document("/vergaderingen/2026-04-14/motie-vreemd-kinderopvang.pdf"),
    lijst_ingekomen,
    plain_document("/documenten/benoemingsbesluit-wethouder-van-der-horst.docx"),
    plain_document("/ingekomen-stukken/2026/bezwaarschrift-parkeerregeling.pdf"),
]

SCAN = "/ingekomen-stukken/2026/ingekomen-brief-scan-2026-0412.pdf"
MEDIA = {
    "/media/raadzaal-2026.jpg": "image/jpeg",
    "/media/kaart-herinrichting-kerkstraat.png": "image/png",
    "/downloads/vergaderstukken-2026-03-03.zip": "application/zip",
    "/vergaderingen/2026-01-29/vergadering-2026-01-29.ics": "text/calendar",
    "/vergaderingen/2026-03-03/vergadering-2026-03-03.ics": "text/calendar",
    "/video/raadsvergadering-2026-03-03.mp4": "video/mp4",
}
HEADERS = {
    "/document/4471": {"Content-Type": "application/pdf",
                       "Content-Disposition": 'inline; filename="nevenfuncties-raad-2026.pdf"'},
    "/document/4472": {"Content-Type": "application/vnd.openxmlformats-officedocument."
                                       "wordprocessingml.document",
                       "Content-Disposition": 'attachment; filename="brief-scholten.docx"'},
}


# --------------------------------------------------------------------------- html


def html_page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>'
            f'{escape(title)} - {ORG}</title></head><body>\n<header><a href="/">Raadsinformatie '
            f'{ORG}</a></header>\n<main><h1>{escape(title)}</h1>\n{body}\n</main>\n<footer>'
            f'{ORG}, {TOWN_HALL}, telefoon {COUNCIL_PHONE}</footer>\n</body></html>\n')


def link_list(links: list[tuple[str, str]]) -> str:
    items = "\n".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>'
                      for href, text in links)
    return f"<ul>\n{items}\n</ul>"


def write_html(root: Path, docs: list[str]) -> None:
    def title_of(path: str) -> str:
        stem = path.rsplit("/", 1)[-1]
        return stem.rsplit(".", 1)[0].replace("-", " ").capitalize()

    def by_prefix(prefix: str) -> list[tuple[str, str]]:
        return [(p, title_of(p)) for p in docs if p.startswith(prefix)]

    pages = {
        "/index.html": ("Raadsinformatiesysteem", link_list([
            ("/vergaderingen/index.html", "Vergaderingen"),
            ("/ingekomen-stukken/index.html", "Ingekomen stukken"),
            ("/documenten/index.html", "Documenten en registers"),
            ("/raad/index.html", "De gemeenteraad"),
            ("/media/index.html", "Foto's en video"),
        ])),
        "/vergaderingen/index.html": ("Vergaderingen", link_list([
            (f"/vergaderingen/{d}/index.html", f"Raadsvergadering {d}")
            for d in ["2026-01-29", "2026-03-03", "2026-04-14", "2026-11-08"]
        ] + [("/vergaderingen/commissie/index.html", "Commissievergaderingen")])),
        "/ingekomen-stukken/index.html": ("Ingekomen stukken 2026", link_list(
            [*by_prefix("/ingekomen-stukken/"), (SCAN, "Ingekomen brief (scan) 12 april 2026"),
             ("/document/4472", "Brief T. Scholten")])),
        "/documenten/index.html": ("Documenten en registers", link_list(
            [*by_prefix("/documenten/"), ("/document/4471", "Register nevenfuncties raad 2026"),
             ("/downloads/vergaderstukken-2026-03-03.zip", "Alle stukken 3 maart 2026 (zip)")])),
        "/raad/index.html": ("De gemeenteraad", "<p>Burgemeester, wethouders en raadsleden:</p>"
                             + link_list([("/raad/index.html#" + o.id, o.name)
                                          for o in OFFICIALS])),
        "/media/index.html": ("Foto's en video", link_list([
            ("/media/raadzaal-2026.jpg", "Foto van de raad 2026"),
            ("/media/kaart-herinrichting-kerkstraat.png", "Kaart herinrichting Kerkstraat"),
            ("/video/raadsvergadering-2026-03-03.mp4", "Video raadsvergadering 3 maart 2026"),
        ])),
    }
    for day in ["2026-01-29", "2026-03-03", "2026-04-14", "2026-11-08"]:
        links = by_prefix(f"/vergaderingen/{day}/")
        links += [(p, "In agenda zetten (ics)") for p in MEDIA
                  if p.startswith(f"/vergaderingen/{day}/")]
        if day == "2026-03-03":
            links += [("/video/raadsvergadering-2026-03-03.mp4", "Terugkijken"),
                      ("/downloads/vergaderstukken-2026-03-03.zip", "Alle stukken (zip)")]
        pages[f"/vergaderingen/{day}/index.html"] = (f"Raadsvergadering {day}", link_list(links))
    pages["/vergaderingen/commissie/index.html"] = ("Commissievergaderingen", link_list(
        by_prefix("/vergaderingen/commissie/")))
    for path, (title, body) in pages.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html_page(title, body), encoding="utf-8")
    # not linked from the site: the start page of score.py's control crawl, media and one PDF
    control = link_list([(p, p.rsplit("/", 1)[-1]) for p in MEDIA]
                        + [("/documenten/persbericht-opening-brink.pdf", "Persbericht")])
    (root / "controle").mkdir(exist_ok=True)
    (root / "controle" / "index.html").write_text(
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Bestanden'
        f"</title></head><body>{control}</body></html>\n", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")


# --------------------------------------------------------------------------- roster


def roster_yaml() -> str:
    lines = [
        "# Fictional council of Gemeente Oldebroek: every person, phone, e-mail and birth date",
        "# is invented. score.py replaces __BASE__ with the local server.",
        "sites:",
        '  - {url: "__BASE__/index.html", max_pages: 200, max_depth: 5}',
        "officials:",
    ]
    for o in OFFICIALS:
        home = (f"{{street: {json.dumps(o.street)}, number: {o.number}, "
                + (f"letter: {o.letter}, " if o.letter else "")
                + f"postcode: {o.postcode}, city: {json.dumps(o.city)}}}")
        lines += [f"  - id: {o.id}", f"    name: {json.dumps(o.name)}",
                  f"    initials: {o.initials}", f"    role: {o.role}",
                  f"    organisation: {ORG}", f"    home: {home}"]
        if o.household:
            lines.append("    household:")
            lines += [f"      - {{name: {json.dumps(n)}, relation: {r}}}" for n, r in o.household]
        lines += [f"    phones: [{json.dumps(o.phone)}]", f"    emails: [{json.dumps(o.email)}]",
                  f"    birth_date: {o.birth}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "site")
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    root: Path = args.out
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    rng = random.Random(args.seed)
    truth = Truth()
    docs: list[str] = []
    for build in DOCUMENTS:
        result = build(root, rng, truth)
        docs += result if isinstance(result, list) else [result]
    scan_pdf(root, SCAN, ["Aan de gemeenteraad van Oldebroek", "", "Dirk Kamphuis",
                          "Dorpsstraat 88", "8096 AL Oldebroek", "",
                          "Betreft: melding integriteit", "", "Geachte raad,",
                          "Hierbij meld ik ..."])
    picture(root, "/media/raadzaal-2026.jpg", "De raad van Oldebroek 2026")
    picture(root, "/media/kaart-herinrichting-kerkstraat.png", "Kaart Kerkstraat")
    archive(root, "/downloads/vergaderstukken-2026-03-03.zip",
            {"notulen.pdf": (root / "vergaderingen/2026-03-03/notulen-raad-2026-03-03.pdf")
             .read_bytes()})
    calendar(root, "/vergaderingen/2026-01-29/vergadering-2026-01-29.ics", "20260129",
             "Raadsvergadering")
    calendar(root, "/vergaderingen/2026-03-03/vergadering-2026-03-03.ics", "20260303",
             "Raadsvergadering")
    video(root, "/video/raadsvergadering-2026-03-03.mp4")
    write_html(root, docs)
    (root / "_headers.json").write_text(json.dumps(HEADERS, indent=1), encoding="utf-8")
    (HERE / "roster.template.yaml").write_text(roster_yaml(), encoding="utf-8")
    (HERE / "truth.json").write_text(json.dumps(truth.findings, indent=1) + "\n",
                                     encoding="utf-8")
    (HERE / "negatives.json").write_text(json.dumps(truth.negatives, indent=1) + "\n",
                                         encoding="utf-8")
    pdf_pages = sum(pymupdf.open(root / d.lstrip("/")).page_count for d in docs
                    if (root / d.lstrip("/")).read_bytes().startswith(b"%PDF"))
    (HERE / "documents.json").write_text(json.dumps(
        {"documents": docs, "pdf_pages": pdf_pages, "scan": SCAN, "media": MEDIA}, indent=1)
        + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for row in truth.findings:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    print(f"{len(docs)} documents, 1 scan, {len(MEDIA)} media files; planted {kinds}; "
          f"{len(truth.negatives)} hard negatives")


if __name__ == "__main__":
    main()
