"""Deterministic generator of a fictional KVK world, an officials roster and its ground truth.

Everything here is invented: people, trade names, KVK numbers, phone numbers and e-mail
addresses. Street and town names are real Dutch names, combined freely.

Output (default ``benchmarks/kvk_accuracy/data/``):

- ``register.json``  the world served by ``fake_kvk.py`` (companies and vestigingen)
- ``roster.yaml`` / ``roster.csv``  the same 150 officials in the two roster formats
- ``truth.json``  expected home-address findings: official_id, kind, subject, status,
  vestigingsnummer (plus kvk_number and case, for diagnostics)
- ``planted.json``  every planted case, positive and negative (hard negatives included)
- ``manifest.json``  seed and counts per planted case
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data"

NO_POSTCODE_SHARE = 0.08  # roster homes written without a postcode: street search needed

CSV_COLUMNS = [
    "id", "name", "initials", "role", "organisation", "street", "number", "letter", "addition",
    "postcode", "city", "address", "household", "phones", "emails", "kvk_numbers",
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

# (register name, roster spellings, first and last 4-digit postcode, province, weight)
TOWNS: list[tuple[str, list[str], int, int, str, int]] = [
    ("Amsterdam", [], 1011, 1109, "Noord-Holland", 10),
    ("Rotterdam", [], 3011, 3089, "Zuid-Holland", 8),
    ("'s-Gravenhage", ["Den Haag", "den Haag", "'s-Gravenhage"], 2491, 2599, "Zuid-Holland", 8),
    ("Utrecht", [], 3511, 3585, "Utrecht", 7),
    ("Eindhoven", [], 5611, 5658, "Noord-Brabant", 5),
    ("Groningen", [], 9711, 9747, "Groningen", 5),
    (
        "'s-Hertogenbosch",
        ["Den Bosch", "'s-Hertogenbosch", "s-Hertogenbosch"],
        5211,
        5249,
        "Noord-Brabant",
        4,
    ),
    ("IJsselstein", ["Ijsselstein", "IJsselstein", "IJSSELSTEIN"], 3401, 3404, "Utrecht", 3),
    ("Zwolle", [], 8011, 8048, "Overijssel", 4),
    ("Leeuwarden", [], 8911, 8939, "Fryslân", 4),
    ("Haarlem", [], 2011, 2037, "Noord-Holland", 4),
    ("Delft", [], 2611, 2629, "Zuid-Holland", 3),
    ("Leiden", [], 2311, 2334, "Zuid-Holland", 4),
    ("Amersfoort", [], 3811, 3829, "Utrecht", 4),
    ("Apeldoorn", [], 7311, 7339, "Gelderland", 4),
    ("Deventer", [], 7411, 7429, "Overijssel", 3),
    ("Enschede", [], 7511, 7548, "Overijssel", 4),
    ("Maastricht", [], 6211, 6229, "Limburg", 4),
    ("Nijmegen", [], 6511, 6546, "Gelderland", 4),
    ("Arnhem", [], 6811, 6846, "Gelderland", 4),
    ("Tilburg", [], 5011, 5049, "Noord-Brabant", 4),
    ("Breda", [], 4811, 4839, "Noord-Brabant", 4),
    ("Alkmaar", [], 1811, 1829, "Noord-Holland", 3),
    ("Gouda", [], 2801, 2809, "Zuid-Holland", 2),
    ("Zeist", [], 3701, 3709, "Utrecht", 2),
    ("Middelburg", [], 4331, 4339, "Zeeland", 2),
    ("Assen", [], 9401, 9409, "Drenthe", 2),
    ("Hoorn", [], 1621, 1628, "Noord-Holland", 2),
    ("Dordrecht", [], 3311, 3329, "Zuid-Holland", 3),
    ("Lelystad", [], 8211, 8245, "Flevoland", 2),
    ("Bunnik", [], 3981, 3984, "Utrecht", 1),
    ("Diepenveen", [], 7431, 7431, "Overijssel", 1),
]

RESIDENTIAL_STREETS = [
    "Kerkstraat", "Dorpsstraat", "Molenstraat", "Schoolstraat", "Stationsweg", "Julianastraat",
    "Wilhelminalaan", "Beatrixstraat", "Prins Bernhardlaan", "Prins Hendrikstraat",
    "Koningin Julianalaan", "Koningin Wilhelminaweg", "Burgemeester de Withstraat",
    "Burgemeester Roëllstraat", "Burgemeester Le Fèvre de Montignylaan", "Burgemeester Visserlaan",
    "Eerste Jan Steenstraat", "Tweede Jan Steenstraat", "Eerste Helmersstraat",
    "Sint Annastraat", "Sint Jansstraat", "Dokter Schaepmanstraat", "Dokter Lelylaan",
    "Professor Kamerlingh Onneslaan", "Professor Lorentzlaan", "Jonkheer van Karnebeeklaan",
    "Van Oldenbarneveltstraat", "Lindelaan", "Kastanjelaan", "Eikenlaan", "Beukenlaan",
    "Berkenlaan", "Esdoornstraat", "Tulpstraat", "Rozenstraat", "Irisstraat", "Merelstraat",
    "Lijsterlaan", "Vinkenstraat", "Zwanenlaan", "Havenstraat", "Spoorstraat", "Nieuwstraat",
    "Hoogstraat", "Langestraat", "Brink", "Markt", "Oudegracht", "Nieuwe Gracht", "Zuidwal",
    "Noordsingel", "Parkweg", "Bosweg", "Veldweg", "Emmalaan", "Oranjestraat", "Mauritsstraat",
    "Hofstraat", "Van Goghstraat", "Rembrandtlaan", "Vondelstraat", "Bilderdijkstraat",
    "Da Costastraat", "Prinses Irenestraat",
]  # fmt: skip
BUSINESS_STREETS = [
    "Industrieweg", "Nijverheidsweg", "Ambachtsweg", "Handelsweg", "Energieweg", "Edisonstraat",
]  # fmt: skip

# word-level abbreviations that people write in practice (domain README section 5)
WORD_ABBREVIATIONS = {
    "Burgemeester": "Burg.", "Sint": "St.", "Eerste": "1e", "Tweede": "2e", "Prins": "Pr.",
    "Koningin": "Kon.", "Dokter": "Dr.", "Professor": "Prof.", "Jonkheer": "Jhr.",
}  # fmt: skip
SUFFIX_ABBREVIATIONS = {"straat": "str.", "laan": "ln."}

FIRST_F = [
    "Anna", "Petra", "Lotte", "Sanne", "Anouk", "Femke", "Ingrid", "Marieke", "Els", "Monique",
    "Zoë", "Hélène", "Noor", "Eva", "Julia", "Fatima", "Ayşe", "Gülşen", "Sophie", "Linda",
    "Anne-Marie", "Renée", "Inge", "Karin", "Wilma", "Esther", "Maaike", "Iris", "Lisa", "Yvonne",
    "Chantal", "Naima", "Priya", "Mirjam", "Jolanda", "Marloes", "Ilse", "Lieke",
]  # fmt: skip
FIRST_M = [
    "Jan", "Pieter", "Kees", "Henk", "Daan", "Sem", "Bram", "Thijs", "Ruud", "Jan-Willem",
    "Mehmet", "Mohamed", "Björn", "Noël", "Gerrit", "Willem", "Johan", "Erik", "Marco", "Hans",
    "Frank", "Ahmed", "Joost", "Bas", "Tom", "Niels", "Koen", "Rik", "Jeroen", "Wouter", "Sander",
    "Dirk-Jan", "Stefan", "Emre", "Arjen", "Maarten",
]  # fmt: skip
FIRST_CHILD = [
    "Tim", "Emma", "Lucas", "Mila", "Finn", "Sara", "Levi", "Tess", "Noah", "Yara", "Jesse",
    "Fleur", "Luuk", "Roos", "Milan", "Isa", "Sven", "Jade",
]  # fmt: skip
SURNAMES: list[tuple[str, str]] = [
    ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"),
    ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"),
    ("de", "Graaf"), ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"),
    ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"), ("van der", "Veen"),
    ("van den", "Broek"), ("de", "Bruijn"), ("de", "Jong"), ("van der", "Meijden"),
    ("ter", "Horst"), ("in 't", "Veld"), ("van 't", "Hof"), ("", "Çelik"), ("", "Yılmaz"),
    ("", "Öztürk"), ("", "El Amrani"), ("", "Müller"), ("", "Koç"), ("", "Boukhari"),
    ("", "Hoekstra"), ("", "Postma"), ("", "Kramer"), ("van", "Beek"), ("", "Willems"),
    ("", "Koster"), ("", "Prins"), ("", "Huisman"), ("", "Kuipers"), ("van", "Wijk"),
    ("", "Schouten"), ("van der", "Heijden"), ("", "Sánchez"), ("", "Nguyen"), ("", "Doğan"),
]  # fmt: skip

# (word, SBI code, SBI description): activities follow a name, shop words precede one
_SBI = json.loads((HERE / "sbi.json").read_text(encoding="utf-8"))
ACTIVITIES: list[tuple[str, str, str]] = [tuple(row) for row in _SBI["activities"]]
SHOPS: list[tuple[str, str, str]] = [tuple(row) for row in _SBI["shops"]]
NEUTRAL_ADJ = [
    "Groene",
    "Blauwe",
    "Gouden",
    "Stille",
    "Vrolijke",
    "Slimme",
    "Nieuwe",
    "Oude",
    "Rode",
    "Zilveren",
    "Heldere",
    "Witte",
]
NEUTRAL_NOUN = [
    "Vingers",
    "Brug",
    "Linde",
    "Molen",
    "Haven",
    "Sleutel",
    "Lamp",
    "Pen",
    "Draad",
    "Bron",
    "Kwast",
    "Hamer",
    "Lens",
    "Tuin",
    "Zaag",
    "Ster",
]
NEUTRAL_FIXED = [
    "Atelier De Linde",
    "Studio Noord",
    "Het Houten Huis",
    "Bureau Zuidwal",
    "De Klusbus",
    "Buitengewoon Groen",
    "Helder Advies",
    "Kompas Coaching",
    "De Schrijfkamer",
    "Lichtpunt Fotografie",
    "Het Rekenhuis",
    "Van Alles Wat",
    "Tuin & Terras",
    "Bosrand Consultancy",
    "Stip Communicatie",
    "Noorderlicht Webdesign",
    "Vakwerk Timmerwerken",
    "Kleur & Kwast",
    "De Fietsdokter",
    "Rond de Tafel",
    "Oase Massage",
    "Fris Schoonmaak",
]

WATERSCHAPPEN = [
    "Waterschap Rivierenland",
    "Hoogheemraadschap van Delfland",
    "Waterschap Aa en Maas",
    "Wetterskip Fryslân",
    "Waterschap Vechtstromen",
    "Hoogheemraadschap De Stichtse Rijnlanden",
    "Waterschap Zuiderzeeland",
]

# Planted cases: name -> (count, polarity, description)
CASES: dict[str, tuple[int, str, str]] = {
    "own_emz_home_exposed": (20, "positive", "official's own eenmanszaak at home, not shielded"),
    "own_emz_home_shielded_declared": (
        10,
        "positive",
        "official's own eenmanszaak at home, shielded, declared",
    ),
    "own_emz_home_shielded_named": (
        5,
        "positive",
        "official's own eenmanszaak at home, shielded, name in trade name, not declared",
    ),
    "partner_business_home_exposed": (12, "positive", "partner's business at home"),
    "partner_business_home_shielded": (
        6,
        "positive",
        "partner's eenmanszaak at home, shielded (4 declared)",
    ),
    "child_business_home_exposed": (4, "positive", "adult child's eenmanszaak at home"),
    "nevenvestiging_home": (
        8,
        "positive",
        "official's nevenvestiging at home, hoofdvestiging elsewhere",
    ),
    "declared_noname_home": (
        10,
        "positive",
        "declared business at home, trade name without the person's name",
    ),
    "vof_with_partner_home": (5, "positive", "VOF of official and partner at home"),
    "unknown_business_home": (12, "positive", "unrelated person's business at the home address"),
    "neighbour_pm2": (20, "negative", "business at house number +/- 2 on the same street"),
    "letter_home_plain_business_letter": (10, "negative", "home 12, business 12A"),
    "letter_home_letter_business_plain": (8, "negative", "home 12A, business 12"),
    "letter_home_letter_business_other": (4, "negative", "home 12A, business 12B"),
    "namesake_other_town": (15, "negative", "same-named person with a business in another town"),
    "namesake_same_town": (5, "negative", "same-named person, same town, other street"),
    "same_street_other_town": (12, "negative", "same street name and number in another town"),
    "inactive_at_home": (10, "negative", "inactive (ended) registration at the home address"),
    "own_business_elsewhere": (10, "negative", "official's own business not at home"),
}

# negatives recorded alongside a positive case
EXTRA_CASES: dict[str, tuple[int, str, str]] = {
    "nevenvestiging_home_head_office": (
        8,
        "negative",
        "hoofdvestiging elsewhere of a company with a home branch",
    ),
    "shielded_company_public_branch": (
        3,
        "negative",
        "public nevenvestiging elsewhere of a shielded eenmanszaak",
    ),
}
ALL_CASES = {**CASES, **EXTRA_CASES}

SPECIAL_FOLD = {"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "ł": "l", "đ": "d"}


def fold(text: str) -> str:
    """Drop diacritics (Çelik -> Celik, Öztürk -> Ozturk); dotless i becomes i."""
    text = "".join(SPECIAL_FOLD.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------


@dataclass
class Person:
    pid: str
    first: str
    prefix: str
    last: str
    married_to: tuple[str, str] | None = None  # partner surname written in front: Jansen-de Vries

    def surname(self, cap: bool = False) -> str:
        """Own (birth) surname with its tussenvoegsel; capitalised prefix at the start."""
        if not self.prefix:
            return self.last
        prefix = self.prefix[0].upper() + self.prefix[1:] if cap else self.prefix
        return f"{prefix} {self.last}"

    def display_surname(self, cap: bool = False) -> str:
        if self.married_to is None:
            return self.surname(cap)
        p_prefix, p_last = self.married_to
        front = f"{p_prefix} {p_last}".strip()
        if cap and p_prefix:
            front = front[0].upper() + front[1:]
        return f"{front}-{self.surname()}"

    @property
    def name(self) -> str:
        return f"{self.first} {self.display_surname()}"

    @property
    def initials(self) -> str:
        parts = [p for p in self.first.replace("-", " ").split() if p]
        return "".join(f"{p[0]}." for p in parts)

    def surnames_folded(self) -> set[str]:
        names = {fold(self.last).lower()}
        if self.married_to:
            names.add(fold(self.married_to[1]).lower())
        return names


@dataclass(frozen=True)
class Address:
    street: str
    number: int
    letter: str
    addition: str
    postcode: str
    town: str

    def key(self) -> tuple[str, str, int, str, str]:
        return (self.town, self.street, self.number, self.letter, self.addition)


@dataclass
class Official:
    oid: str
    person: Person
    role: str
    organisation: str
    home: Address
    household: list[tuple[Person, str]] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)

    def partner(self) -> Person | None:
        return next((p for p, rel in self.household if rel == "partner"), None)

    def members(self) -> list[Person]:
        """The official and everyone in the household."""
        return [self.person, *(p for p, _ in self.household)]

    def children(self) -> list[Person]:
        return [p for p, rel in self.household if rel == "child"]


@dataclass
class Vestiging:
    vnr: str
    kvk: str
    hoofd: bool
    handelsnamen: list[str]
    address: Address
    shielded: bool
    letter_style: str  # "huisletter" | "toevoeging"
    post: dict[str, Any] | None
    active: bool
    start: str
    end: str | None
    employees: int
    commercial: bool = True


@dataclass
class Company:
    kvk: str
    rechtsvorm: str  # Eenmanszaak | VOF | BV
    owners: list[str]
    handelsnamen: list[str]
    statutaire_naam: str | None
    rsin: str | None
    sbi: list[tuple[str, str]]
    start: str
    end: str | None
    vestigingen: list[Vestiging] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.end is None


# ---------------------------------------------------------------------------------------------
# World builder
# ---------------------------------------------------------------------------------------------


class World:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.persons: dict[str, Person] = {}
        self.companies: list[Company] = []
        self.officials: list[Official] = []
        self.home_keys: dict[tuple[str, str, int, str, str], str] = {}
        self.kvk_numbers: set[str] = set()
        self.vnrs: set[str] = set()
        self.postcodes: dict[tuple[str, str, int, int], str] = {}
        self.used_postcodes: set[str] = set()
        self.planted: list[dict[str, Any]] = []
        self.clean: set[str] = set()  # officials that get no planted case at all
        self.town_info = {t[0]: t for t in TOWNS}
        self.streets: dict[str, list[str]] = {}
        for town in self.town_info:
            k = self.rng.randint(20, 28)
            self.streets[town] = sorted(self.rng.sample(RESIDENTIAL_STREETS, k))
        self.business_streets = {
            t: sorted(self.rng.sample(BUSINESS_STREETS, 3)) for t in self.town_info
        }

    # -- identifiers ---------------------------------------------------------------------------

    def new_kvk(self) -> str:
        while True:
            first = "0" if self.rng.random() < 0.1 else str(self.rng.randint(1, 9))
            kvk = first + f"{self.rng.randint(0, 9_999_999):07d}"
            if kvk not in self.kvk_numbers:
                self.kvk_numbers.add(kvk)
                return kvk

    def new_vnr(self) -> str:
        while True:
            vnr = f"0000{self.rng.randint(10_000_000, 59_999_999):08d}"
            if vnr not in self.vnrs:
                self.vnrs.add(vnr)
                return vnr

    def new_rsin(self) -> str:
        while True:
            digits = [self.rng.randint(0, 9) for _ in range(8)]
            total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
            check = total % 11
            if check < 10 and digits[0] != 0:
                return "".join(map(str, digits)) + str(check)

    def postcode(self, town: str, street: str, number: int) -> str:
        key = (town, street, (number - 1) // 30, number % 2)
        if key not in self.postcodes:
            _, _, low, high, _, _ = self.town_info[town]
            while True:
                digits = self.rng.randint(low, high)
                letters = "".join(self.rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
                if letters in {"SA", "SD", "SS"}:
                    continue
                code = f"{digits}{letters}"
                if code not in self.used_postcodes:
                    self.used_postcodes.add(code)
                    self.postcodes[key] = code
                    break
        return self.postcodes[key]

    def address(
        self, town: str, street: str, number: int, letter: str = "", addition: str = ""
    ) -> Address:
        return Address(street, number, letter, addition, self.postcode(town, street, number), town)

    def random_town(self, exclude: str | None = None) -> str:
        towns = [t for t in TOWNS if t[0] != exclude]
        return self.rng.choices([t[0] for t in towns], weights=[t[5] for t in towns])[0]

    def random_address(
        self, business_park: bool = False, town: str | None = None, avoid_street: str | None = None
    ) -> Address:
        while True:
            town_ = town or self.random_town()
            streets = self.business_streets[town_] if business_park else self.streets[town_]
            street = self.rng.choice([s for s in streets if s != avoid_street])
            number = self.rng.randint(1, 40 if business_park else 180)
            letter, addition = self.house_suffix(0.12, 0.16, ["1", "2", "hs", "bis"])
            adr = self.address(town_, street, number, letter, addition)
            if adr.key() not in self.home_keys:
                return adr

    def house_suffix(
        self, letter_below: float, addition_below: float, additions: list[str]
    ) -> tuple[str, str]:
        """(letter, addition): one roll below `letter_below` gives a letter, below
        `addition_below` an addition, else neither."""
        roll = self.rng.random()
        if roll < letter_below:
            return self.rng.choice("ABC"), ""
        if roll < addition_below:
            return "", self.rng.choice(additions)
        return "", ""

    # -- people --------------------------------------------------------------------------------

    def new_person(
        self,
        female: bool | None = None,
        surname: tuple[str, str] | None = None,
        first: str | None = None,
    ) -> Person:
        if female is None:
            female = self.rng.random() < 0.5
        if first is None:
            first = self.rng.choice(FIRST_F if female else FIRST_M)
        prefix, last = surname or self.rng.choice(SURNAMES)
        pid = f"P{len(self.persons) + 1:05d}"
        person = Person(pid, first, prefix, last)
        self.persons[pid] = person
        return person

    def person_unlike(self, official: Official) -> Person:
        """A person whose surname shares nothing with the official or the household."""
        taken = official.person.surnames_folded()
        for member, _ in official.household:
            taken |= member.surnames_folded()
        while True:
            surname = self.rng.choice(SURNAMES)
            if fold(surname[1]).lower() not in taken:
                return self.new_person(surname=surname)

    # -- trade names ---------------------------------------------------------------------------

    def neutral_name(self) -> str:
        if self.rng.random() < 0.4:
            return self.rng.choice(NEUTRAL_FIXED)
        return f"De {self.rng.choice(NEUTRAL_ADJ)} {self.rng.choice(NEUTRAL_NOUN)}"

    def trade_name(
        self,
        person: Person,
        style: str | None = None,
        housemates: list[Person] | None = None,
    ) -> tuple[str, tuple[str, str]]:
        """A trade name built from the person's name, and the SBI activity it implies.

        With housemates given, a housemate sharing the surname forces a style that tells the
        two apart (first name, or initials when they differ), so that the subject in the
        ground truth is decidable from public data.
        """
        act, code, desc = self.rng.choice(ACTIVITIES)
        shop, s_code, s_desc = self.rng.choice(SHOPS)
        styles = ["full", "initials", "shop_surname", "surname_act", "shop_first", "maiden"]
        weights = [4, 3, 2, 2, 1, 2 if person.married_to else 0]
        style = style or self.rng.choices(styles, weights=weights)[0]
        sharing = [
            h
            for h in housemates or []
            if h is not person and h.surnames_folded() & person.surnames_folded()
        ]
        if sharing and style not in {"full", "initials", "shop_first"}:
            style = "full"
        if style == "initials" and any(h.initials == person.initials for h in sharing):
            style = "full"
        if style == "shop_first" and any(h.first == person.first for h in sharing):
            style = "full"
        if style == "full":
            name, sbi = f"{person.first} {person.display_surname()} {act}", (code, desc)
        elif style == "initials":
            name, sbi = f"{person.initials} {person.display_surname()} {act}", (code, desc)
        elif style == "shop_surname":
            name, sbi = f"{shop} {person.surname(cap=True)}", (s_code, s_desc)
        elif style == "surname_act":
            name, sbi = f"{person.display_surname(cap=True)} {act}", (code, desc)
        elif style == "shop_first":
            name, sbi = f"{shop} {person.first}", (s_code, s_desc)
        else:  # maiden: married person trading under the birth name
            name, sbi = f"{person.first} {person.surname()} {act}", (code, desc)
        if fold(name) != name and self.rng.random() < 0.35:
            name = fold(name)  # registered without diacritics
        return name, sbi

    # -- companies -----------------------------------------------------------------------------

    def date(self, low: int = 1996, high: int = 2024) -> str:
        year, month, day = (
            self.rng.randint(low, high),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
        )
        return f"{year}{month:02d}{day:02d}"

    def correspondence(self, near: Address) -> dict[str, Any]:
        if self.rng.random() < 0.55:
            number = self.rng.randint(1, 9999)
            _, _, low, _, _, _ = self.town_info[near.town]
            return {
                "postbus": number,
                "postcode": f"{low}{self.rng.choice(['AA', 'AB', 'AC'])}",
                "plaats": near.town,
            }
        other = self.random_address(business_park=True, town=near.town)
        return {
            "straatnaam": other.street,
            "huisnummer": other.number,
            "huisletter": "",
            "toevoeging": "",
            "postcode": other.postcode,
            "plaats": other.town,
        }

    def add_company(
        self,
        owners: list[Person],
        rechtsvorm: str,
        names: list[str],
        sbi: tuple[str, str],
        locations: list[Address],
        shielded: bool = False,
        active: bool = True,
        post: bool | None = None,
        branch_names: list[str] | None = None,
    ) -> Company:
        """Register a company. locations[0] is the hoofdvestiging, the rest nevenvestigingen."""
        kvk = self.new_kvk()
        start = self.date()
        end = None if active else self.date(int(start[:4]) + 1, 2025)
        statutaire = rsin = None
        if rechtsvorm == "BV":
            statutaire = f"{names[0]} B.V."
            rsin = self.new_rsin()
        company = Company(
            kvk, rechtsvorm, [p.pid for p in owners], names, statutaire, rsin, [sbi], start, end
        )
        for i, adr in enumerate(locations):
            is_shielded = shielded and i == 0
            want_post = is_shielded or (post if post is not None else self.rng.random() < 0.35)
            if i == 0:
                vnames = list(names)
            elif branch_names:
                vnames = [branch_names[min(i - 1, len(branch_names) - 1)]]
            else:
                vnames = [names[0]]
            style = "toevoeging" if adr.letter and self.rng.random() < 0.35 else "huisletter"
            employees = self.rng.randint(1, 3) if rechtsvorm != "BV" else self.rng.randint(1, 40)
            company.vestigingen.append(
                Vestiging(
                    vnr=self.new_vnr(),
                    kvk=kvk,
                    hoofd=i == 0,
                    handelsnamen=vnames,
                    address=adr,
                    shielded=is_shielded,
                    letter_style=style,
                    post=self.correspondence(adr) if want_post else None,
                    active=active,
                    start=start,
                    end=end,
                    employees=employees,
                )
            )
        self.companies.append(company)
        return company

    # -- officials -----------------------------------------------------------------------------

    def make_officials(self, count: int, clean: int) -> None:
        roles = [
            "raadslid",
            "wethouder",
            "burgemeester",
            "Statenlid",
            "gedeputeerde",
            "lid algemeen bestuur",
        ]
        weights = [55, 15, 5, 10, 4, 11]
        for i in range(count):
            female = self.rng.random() < 0.45
            person = self.new_person(female=female)
            household: list[tuple[Person, str]] = []
            if self.rng.random() < 0.7:
                partner = self.new_person(female=not female if self.rng.random() < 0.9 else female)
                roll = self.rng.random()
                if roll < 0.25:  # shared surname
                    partner.prefix, partner.last = person.prefix, person.last
                elif roll < 0.4 and female:  # hyphenated married name for the official
                    person.married_to = (partner.prefix, partner.last)
                elif roll < 0.5:  # hyphenated married name for the partner
                    partner.married_to = (person.prefix, person.last)
                household.append((partner, "partner"))
                if self.rng.random() < 0.45:
                    firsts = self.rng.sample(FIRST_CHILD, self.rng.randint(1, 2))
                    for first in firsts:
                        parent = person if self.rng.random() < 0.6 else partner
                        child = self.new_person(surname=(parent.prefix, parent.last), first=first)
                        household.append((child, "child"))
            role = self.rng.choices(roles, weights=weights)[0]
            town = self.random_town()
            while True:
                street = self.rng.choice(self.streets[town])
                number = self.rng.randint(3, 160)
                letter, addition = self.house_suffix(0.2, 0.27, ["1", "2", "3", "hs"])
                home = self.address(town, street, number, letter, addition)
                if home.key() not in self.home_keys:
                    break
            oid = f"off-{i + 1:03d}"
            self.home_keys[home.key()] = oid
            org_town = town  # council members and mayors live in their municipality
            common = (self.town_info[org_town][1] or [org_town])[0]
            if role in {"Statenlid", "gedeputeerde"}:
                organisation = f"Provincie {self.town_info[org_town][4]}"
            elif role == "lid algemeen bestuur":
                organisation = self.rng.choice(WATERSCHAPPEN)
            else:
                organisation = f"Gemeente {common}"
            slug = fold(organisation.split(" ", 1)[1]).lower().replace(" ", "").replace("'", "")
            local = fold(f"{person.initials.replace('.', '')}.{person.surname()}").lower()
            local = local.replace(" ", "").replace("'", "")
            emails = [f"{local}@{slug}.example"]
            if self.rng.random() < 0.4:
                emails.append(f"{fold(person.first).lower()}{self.rng.randint(1, 99)}@mail.example")
            phones = [f"06-00{self.rng.randint(0, 999_999):06d}"]
            if self.rng.random() < 0.2:
                phones.append(f"010-000{self.rng.randint(0, 9999):04d}")
            self.officials.append(
                Official(
                    oid, person, role, organisation, home, household, phones=phones, emails=emails
                )
            )
        self.clean = {o.oid for o in self.rng.sample(self.officials, clean)}

    # -- planting ------------------------------------------------------------------------------

    def pick(self, predicate: Callable[[Official], bool]) -> Official:
        eligible = [o for o in self.officials if o.oid not in self.clean and predicate(o)]
        if self.rng.random() < 0.2:  # now and then stack a case on an already busy official
            return self.rng.choice(eligible)
        least = min(len(o.cases) for o in eligible)
        return self.rng.choice([o for o in eligible if len(o.cases) == least])

    def record(
        self, official: Official, case: str, company: Company, vest: Vestiging, note: str = ""
    ) -> None:
        """A planted case of ``official``: counted among its cases and written to planted.json."""
        official.cases.append(case)
        self.planted_row(official, case, company, vest, ALL_CASES[case][1], note)

    def planted_row(
        self, official: Official, case: str, company: Company, vest: Vestiging, polarity: str,
        note: str,
    ) -> None:
        """A row of planted.json; for a case's second establishment the case is not counted."""
        self.planted.append(
            {
                "official_id": official.oid,
                "case": case,
                "polarity": polarity,
                "kvk_number": company.kvk,
                "vestigingsnummer": vest.vnr,
                "trade_name": vest.handelsnamen[0],
                "declared": company.kvk in official.declared,
                "note": note,
            }
        )

    def free(self, adr: Address) -> bool:
        return adr.key() not in self.home_keys

    def plant(self) -> None:
        """Plant every case of CASES, spreading them over the officials that are not clean."""
        rng = self.rng
        for case, (count, _, _) in CASES.items():
            for n in range(count):
                if case == "own_emz_home_exposed":
                    o = self.pick(lambda o: True)
                    name, sbi = self.trade_name(o.person, housemates=o.members())
                    c = self.add_company([o.person], "Eenmanszaak", [name], sbi, [o.home])
                    if n % 5 == 0:
                        o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[0])
                elif case in {"own_emz_home_shielded_declared", "own_emz_home_shielded_named"}:
                    o = self.pick(lambda o: True)
                    declared = case.endswith("declared")
                    if declared and n % 2 == 0:
                        name, sbi = self.neutral_name(), rng.choice(ACTIVITIES)[1:]
                    else:
                        name, sbi = self.trade_name(
                            o.person,
                            style=rng.choice(["full", "initials", "surname_act"]),
                            housemates=o.members(),
                        )
                    locations = [o.home]
                    if declared and n < 3:  # a public shop elsewhere next to the shielded home
                        locations.append(
                            self.random_address(town=o.home.town, avoid_street=o.home.street)
                        )
                    c = self.add_company(
                        [o.person], "Eenmanszaak", [name], sbi, locations, shielded=True
                    )
                    if declared:
                        o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[0])
                    if len(c.vestigingen) > 1:
                        self.planted_row(o, "shielded_company_public_branch", c,
                                         c.vestigingen[1], "negative",
                                         "public nevenvestiging of a shielded eenmanszaak")
                elif case == "partner_business_home_exposed":
                    o = self.pick(lambda o: o.partner() is not None)
                    partner = o.partner()
                    assert partner is not None
                    name, sbi = self.trade_name(partner, housemates=o.members())
                    form = "BV" if n < 3 else "Eenmanszaak"
                    c = self.add_company([partner], form, [name], sbi, [o.home])
                    self.record(o, case, c, c.vestigingen[0], note=form)
                elif case == "partner_business_home_shielded":
                    o = self.pick(lambda o: o.partner() is not None)
                    partner = o.partner()
                    assert partner is not None
                    name, sbi = self.trade_name(
                        partner, style=rng.choice(["full", "initials"]), housemates=o.members()
                    )
                    c = self.add_company(
                        [partner], "Eenmanszaak", [name], sbi, [o.home], shielded=True
                    )
                    if n < 4:
                        o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[0])
                elif case == "child_business_home_exposed":
                    o = self.pick(lambda o: bool(o.children()))
                    child = rng.choice(o.children())
                    name, sbi = self.trade_name(
                        child, style=rng.choice(["full", "initials"]), housemates=o.members()
                    )
                    c = self.add_company([child], "Eenmanszaak", [name], sbi, [o.home])
                    self.record(o, case, c, c.vestigingen[0])
                elif case == "nevenvestiging_home":
                    o = self.pick(lambda o: True)
                    form = "BV" if n < 3 else "Eenmanszaak"
                    name, sbi = self.trade_name(
                        o.person,
                        style=rng.choice(["full", "initials", "surname_act", "shop_surname"]),
                        housemates=o.members(),
                    )
                    office_town = o.home.town if n % 2 else self.random_town(exclude=o.home.town)
                    office = self.random_address(business_park=True, town=office_town)
                    branch = f"{name} {rng.choice(['Thuiskantoor', 'Werkplaats', 'Studio'])}"
                    c = self.add_company(
                        [o.person],
                        form,
                        [name],
                        sbi,
                        [office, o.home],
                        branch_names=[branch if n % 3 == 0 else name],
                    )
                    if n >= 5:
                        o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[1], note=form)
                    self.planted_row(o, "nevenvestiging_home_head_office", c, c.vestigingen[0],
                                     "negative",
                                     "hoofdvestiging (not at home) of a company with a home branch")
                elif case == "declared_noname_home":
                    o = self.pick(lambda o: True)
                    form = rng.choice(["Eenmanszaak", "Eenmanszaak", "BV"])
                    c = self.add_company(
                        [o.person],
                        form,
                        [self.neutral_name()],
                        rng.choice(ACTIVITIES)[1:],
                        [o.home],
                    )
                    o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[0], note=form)
                elif case == "vof_with_partner_home":
                    o = self.pick(lambda o: o.partner() is not None)
                    partner = o.partner()
                    assert partner is not None
                    if partner.last == o.person.last:
                        name = f"{o.person.surname(cap=True)} {rng.choice(ACTIVITIES)[0]} V.O.F."
                    else:
                        name = f"{o.person.surname(cap=True)} & {partner.surname(cap=True)}"
                    c = self.add_company(
                        [o.person, partner], "VOF", [name], rng.choice(ACTIVITIES)[1:], [o.home]
                    )
                    self.record(o, case, c, c.vestigingen[0])
                elif case == "unknown_business_home":
                    o = self.pick(lambda o: True)
                    owner = self.person_unlike(o)
                    form = "BV" if n < 4 else "Eenmanszaak"
                    if rng.random() < 0.6:
                        name, sbi = self.trade_name(
                            owner,
                            style=rng.choice(["full", "initials", "shop_surname", "surname_act"]),
                        )
                    else:
                        name, sbi = self.neutral_name(), rng.choice(ACTIVITIES)[1:]
                    c = self.add_company([owner], form, [name], sbi, [o.home])
                    self.record(o, case, c, c.vestigingen[0], note=form)
                elif case == "neighbour_pm2":
                    o = self.pick(lambda o: True)
                    for delta in rng.sample([2, -2], 2):
                        adr = self.address(
                            o.home.town,
                            o.home.street,
                            o.home.number + delta,
                            o.home.letter,
                            o.home.addition,
                        )
                        if self.free(adr):
                            break
                    owner = self.new_person()
                    name, sbi = self.trade_name(owner)
                    c = self.add_company([owner], "Eenmanszaak", [name], sbi, [adr])
                    self.record(o, case, c, c.vestigingen[0], note=f"number {adr.number}")
                elif case.startswith("letter_home_"):
                    if case == "letter_home_plain_business_letter":
                        o = self.pick(
                            lambda o: (
                                not o.home.letter
                                and not o.home.addition
                                and self.free(
                                    self.address(o.home.town, o.home.street, o.home.number, "A")
                                )
                            )
                        )
                        letter = "A"
                    elif case == "letter_home_letter_business_plain":
                        o = self.pick(
                            lambda o: (
                                bool(o.home.letter)
                                and self.free(
                                    self.address(o.home.town, o.home.street, o.home.number)
                                )
                            )
                        )
                        letter = ""
                    else:
                        o = self.pick(
                            lambda o: (
                                o.home.letter in {"A", "B"}
                                and self.free(
                                    self.address(o.home.town, o.home.street, o.home.number, "C")
                                )
                            )
                        )
                        letter = "C"
                    adr = self.address(o.home.town, o.home.street, o.home.number, letter)
                    owner = self.person_unlike(o)
                    name, sbi = self.trade_name(owner)
                    c = self.add_company([owner], "Eenmanszaak", [name], sbi, [adr])
                    self.record(
                        o,
                        case,
                        c,
                        c.vestigingen[0],
                        note=f"home {o.home.number}{o.home.letter}, business "
                        f"{adr.number}{adr.letter}",
                    )
                elif case in {"namesake_other_town", "namesake_same_town"}:
                    o = self.pick(lambda o: True)
                    p = o.person
                    first = p.first if rng.random() < 0.6 else None
                    twin = self.new_person(surname=(p.prefix, p.last), first=first)
                    if first is None:  # same initial, other first name
                        pool = [f for f in FIRST_F + FIRST_M if f[0] == p.first[0]] or [p.first]
                        twin.first = rng.choice(pool)
                    twin.married_to = p.married_to
                    name, sbi = self.trade_name(
                        twin, style=rng.choice(["full", "initials", "surname_act", "shop_surname"])
                    )
                    if case == "namesake_other_town":
                        adr = self.random_address(town=self.random_town(exclude=o.home.town))
                    else:
                        adr = self.random_address(town=o.home.town, avoid_street=o.home.street)
                    c = self.add_company([twin], "Eenmanszaak", [name], sbi, [adr])
                    self.record(o, case, c, c.vestigingen[0], note=f"{twin.name}, {adr.town}")
                elif case == "same_street_other_town":
                    o = self.pick(lambda o: True)
                    while True:
                        town = self.random_town(exclude=o.home.town)
                        adr = self.address(
                            town, o.home.street, o.home.number, o.home.letter, o.home.addition
                        )
                        if self.free(adr):
                            break
                    if o.home.street not in self.streets[town]:
                        self.streets[town].append(o.home.street)
                    owner = self.new_person()
                    name, sbi = self.trade_name(owner)
                    c = self.add_company([owner], "Eenmanszaak", [name], sbi, [adr])
                    self.record(o, case, c, c.vestigingen[0], note=town)
                elif case == "inactive_at_home":
                    o = self.pick(lambda o: True)
                    owner = o.person if n < 6 else self.person_unlike(o)
                    name, sbi = self.trade_name(owner)
                    c = self.add_company(
                        [owner], "Eenmanszaak", [name], sbi, [o.home], active=False
                    )
                    self.record(
                        o,
                        case,
                        c,
                        c.vestigingen[0],
                        note="owner official" if n < 6 else "owner unknown",
                    )
                elif case == "own_business_elsewhere":
                    o = self.pick(lambda o: True)
                    form = "BV" if n % 3 == 0 else "Eenmanszaak"
                    name, sbi = self.trade_name(o.person)
                    town = o.home.town if n % 2 else self.random_town(exclude=o.home.town)
                    adr = self.random_address(
                        business_park=rng.random() < 0.5, town=town, avoid_street=o.home.street
                    )
                    c = self.add_company([o.person], form, [name], sbi, [adr])
                    if n % 2 == 0:
                        o.declared.append(c.kvk)
                    self.record(o, case, c, c.vestigingen[0], note=form)

    def background(self, target: int) -> None:
        rng = self.rng
        while len(self.companies) < target:
            form = rng.choices(["Eenmanszaak", "VOF", "BV"], weights=[70, 12, 18])[0]
            owners = [self.new_person()]
            if form == "VOF":
                owners.append(self.new_person())
            if form == "BV" or rng.random() < 0.3:
                name, sbi = self.neutral_name(), rng.choice(ACTIVITIES)[1:]
                if form == "BV" and rng.random() < 0.5:
                    name = f"{owners[0].surname(cap=True)} {rng.choice(ACTIVITIES)[0]}"
            elif form == "VOF":
                name = f"{owners[0].surname(cap=True)} & {owners[1].surname(cap=True)}"
                sbi = rng.choice(ACTIVITIES)[1:]
            else:
                name, sbi = self.trade_name(owners[0])
            names = [name]
            if rng.random() < 0.15:
                names.append(self.neutral_name())
            park = form == "BV" and rng.random() < 0.7
            locations = [self.random_address(business_park=park)]
            if form == "BV" and rng.random() < 0.3:
                for _ in range(rng.randint(1, 3)):
                    locations.append(self.random_address(business_park=rng.random() < 0.5))
            shielded = form != "BV" and rng.random() < 0.03
            active = rng.random() > 0.06
            self.add_company(owners, form, names, sbi, locations, shielded=shielded, active=active)

    # -- ground truth --------------------------------------------------------------------------

    def truth(self) -> list[dict[str, Any]]:
        case_of = {(p["official_id"], p["vestigingsnummer"]): p["case"] for p in self.planted}
        by_home = {o.home.key(): o for o in self.officials}
        entries: list[dict[str, Any]] = []
        for company in self.companies:
            for vest in company.vestigingen:
                o = by_home.get(vest.address.key())
                if o is None or not vest.active:
                    continue
                household = {p.pid for p, _ in o.household}
                if o.person.pid in company.owners:
                    subject = "official"
                elif household & set(company.owners):
                    subject = "household"
                elif company.kvk in o.declared:
                    subject = "official"
                else:
                    subject = "unknown"
                if subject == "unknown" and vest.shielded:
                    continue  # invisible to anyone outside government: not a finding
                entries.append(
                    {
                        "official_id": o.oid,
                        "kind": "business_at_home" if subject == "unknown" else "home_address",
                        "subject": subject,
                        "status": "shielded" if vest.shielded else "exposed",
                        "vestigingsnummer": vest.vnr,
                        "kvk_number": company.kvk,
                        "case": case_of.get((o.oid, vest.vnr), "incidental"),
                    }
                )
        entries.sort(key=lambda e: (e["official_id"], e["vestigingsnummer"]))
        return entries

    # -- serialisation -------------------------------------------------------------------------

    def register_json(self) -> dict[str, Any]:
        companies = []
        for c in self.companies:
            companies.append(
                {
                    "kvkNummer": c.kvk,
                    "rechtsvorm": c.rechtsvorm,
                    "handelsnamen": c.handelsnamen,
                    "statutaireNaam": c.statutaire_naam,
                    "rsin": c.rsin,
                    "sbi": [{"code": s[0], "omschrijving": s[1]} for s in c.sbi],
                    "datumAanvang": c.start,
                    "datumEinde": c.end,
                    "_owners": c.owners,
                    "vestigingen": [
                        {
                            "vestigingsnummer": v.vnr,
                            "hoofd": v.hoofd,
                            "handelsnamen": v.handelsnamen,
                            "bezoekadres": {
                                "straatnaam": v.address.street,
                                "huisnummer": v.address.number,
                                "huisletter": v.address.letter,
                                "toevoeging": v.address.addition,
                                "postcode": v.address.postcode,
                                "plaats": v.address.town,
                            },
                            "afgeschermd": v.shielded,
                            "letterStijl": v.letter_style,
                            "correspondentieadres": v.post,
                            "actief": v.active,
                            "datumAanvang": v.start,
                            "datumEinde": v.end,
                            "werkzamePersonen": v.employees,
                            "commercieel": v.commercial,
                        }
                        for v in c.vestigingen
                    ],
                }
            )
        return {"seed": self.seed, "companies": companies}


# ---------------------------------------------------------------------------------------------
# Roster (written forms vary on purpose)
# ---------------------------------------------------------------------------------------------


def abbreviate(street: str) -> str:
    words = [WORD_ABBREVIATIONS.get(w, w) for w in street.split()]
    last = words[-1]
    for suffix, short in SUFFIX_ABBREVIATIONS.items():
        if last.endswith(suffix) and last != suffix:
            words[-1] = last[: -len(suffix)] + short
            break
    return " ".join(words)


def vary_street(rng: random.Random, street: str) -> str:
    abbreviable = abbreviate(street) != street
    roll = rng.random()
    if abbreviable and roll < 0.55:
        out = abbreviate(street)
    elif roll < 0.75:
        out = street
    elif roll < 0.87:
        out = street.lower()
    else:
        out = fold(street)
    if fold(out) != out and rng.random() < 0.4:
        out = fold(out)
    return out


def vary_postcode(rng: random.Random, postcode: str) -> str:
    digits, letters = postcode[:4], postcode[4:]
    return rng.choice(
        [
            f"{digits}{letters}",
            f"{digits} {letters}",
            f"{digits}{letters.lower()}",
            f"{digits} {letters.lower()}",
        ]
    )


def vary_city(rng: random.Random, town: str, aliases: list[str]) -> str:
    if aliases:
        return rng.choice(aliases)
    roll = rng.random()
    if roll < 0.08:
        return town.upper()
    if roll < 0.12:
        return town.lower()
    return town


def number_text(rng: random.Random, adr: Address) -> str:
    suffix = adr.letter or adr.addition
    if not suffix:
        return str(adr.number)
    if adr.letter:
        letter = rng.choice([adr.letter, adr.letter.lower()])
        return rng.choice(
            [f"{adr.number}{letter}", f"{adr.number}-{letter}", f"{adr.number} {letter}"]
        )
    return rng.choice([f"{adr.number}-{adr.addition}", f"{adr.number} {adr.addition}"])


def roster_records(world: World, seed: int, numbers_only: bool = False) -> list[dict[str, Any]]:
    """The roster; numbers_only keeps structured house numbers purely numeric."""
    rng = random.Random(seed * 7919 + 1)
    records = []
    for o in world.officials:
        adr = o.home
        street = vary_street(rng, adr.street)
        postcode = vary_postcode(rng, adr.postcode)
        city = vary_city(rng, adr.town, world.town_info[adr.town][1])
        if rng.random() < NO_POSTCODE_SHARE:
            postcode = ""
        home: dict[str, Any] | str
        if rng.random() < 0.22:
            home = f"{street} {number_text(rng, adr)}, {postcode} {city}".replace(",  ", ", ")
        else:
            number: int | str = adr.number
            letter = addition = ""
            if adr.letter or adr.addition:
                if rng.random() < 0.3:
                    text = number_text(rng, adr)  # "12-a" in the number field
                    if numbers_only:  # same draws, so the rest of the roster is unchanged
                        letter = "".join(ch for ch in text if ch.isalpha()) if adr.letter else ""
                        addition = adr.addition
                    else:
                        number = text
                else:
                    letter = rng.choice([adr.letter, adr.letter.lower()]) if adr.letter else ""
                    addition = adr.addition
            elif rng.random() < 0.5:
                number = str(adr.number)
            home = {
                "street": street,
                "number": number,
                "letter": letter,
                "addition": addition,
                "postcode": postcode,
                "city": city,
            }
        records.append(
            {
                "id": o.oid,
                "name": o.person.name,
                "initials": o.person.initials,
                "role": o.role,
                "organisation": o.organisation,
                "home": home,
                "household": [{"name": p.name, "relation": rel} for p, rel in o.household],
                "phones": o.phones,
                "emails": o.emails,
                "kvk_numbers": list(o.declared),
            }
        )
    return records


def roster_yaml(records: list[dict[str, Any]]) -> str:
    return yaml.safe_dump({"officials": records}, sort_keys=False, allow_unicode=True, width=120)


def roster_csv(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        home = r["home"]
        row = {k: "" for k in CSV_COLUMNS}
        row.update({k: r[k] for k in ("id", "name", "initials", "role", "organisation")})
        if isinstance(home, str):
            row["address"] = home
        else:
            row.update(
                {
                    "street": home["street"],
                    "number": str(home["number"]),
                    "letter": home["letter"],
                    "addition": home["addition"],
                    "postcode": home["postcode"],
                    "city": home["city"],
                }
            )
        row["household"] = ";".join(f"{h['name']} ({h['relation']})" for h in r["household"])
        row["phones"] = ";".join(r["phones"])
        row["emails"] = ";".join(r["emails"])
        row["kvk_numbers"] = ";".join(r["kvk_numbers"])
        writer.writerow(row)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def build(
    seed: int, officials: int, businesses: int, clean: int = 25, numbers_only: bool = False
) -> dict[str, Any]:
    world = World(seed)
    world.make_officials(officials, clean)
    world.plant()
    world.background(businesses)
    truth = world.truth()
    records = roster_records(world, seed, numbers_only)
    case_counts = Counter(p["case"] for p in world.planted)
    manifest = {
        "seed": seed,
        "officials": len(world.officials),
        "companies": len(world.companies),
        "vestigingen": sum(len(c.vestigingen) for c in world.companies),
        "shielded_vestigingen": sum(v.shielded for c in world.companies for v in c.vestigingen),
        "inactive_companies": sum(not c.active for c in world.companies),
        "officials_with_planted_cases": sum(bool(o.cases) for o in world.officials),
        "officials_without_any_case": sum(not o.cases for o in world.officials),
        "officials_with_one_line_home": sum(isinstance(r["home"], str) for r in records),
        "officials_home_without_postcode": sum(
            not re.search(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b", json.dumps(r["home"])) for r in records
        ),
        "declared_kvk_numbers": sum(len(o.declared) for o in world.officials),
        "cases": {
            case: {
                "count": case_counts[case],
                "polarity": ALL_CASES[case][1],
                "description": ALL_CASES[case][2],
            }
            for case in sorted(case_counts)
        },
        "truth": {
            "total": len(truth),
            "by_kind_subject_status": dict(
                sorted(Counter(f"{t['kind']}/{t['subject']}/{t['status']}" for t in truth).items())
            ),
        },
    }
    return {
        "register": world.register_json(),
        "records": records,
        "truth": truth,
        "planted": world.planted,
        "manifest": manifest,
    }


def write(out: Path, built: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)

    def dump(name: str, obj: Any, indent: int | None = 2) -> None:
        (out / name).write_text(
            json.dumps(obj, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8"
        )

    dump("register.json", built["register"], indent=None)
    dump("truth.json", built["truth"])
    dump("planted.json", built["planted"])
    dump("manifest.json", built["manifest"])
    (out / "roster.yaml").write_text(roster_yaml(built["records"]), encoding="utf-8")
    (out / "roster.csv").write_text(roster_csv(built["records"]), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=20240131)
    parser.add_argument("--officials", type=int, default=150)
    parser.add_argument("--businesses", type=int, default=3000)
    parser.add_argument(
        "--numbers-only",
        action="store_true",
        help="structured homes never carry a letter in the number field ('12-a')",
    )
    args = parser.parse_args(argv)
    built = build(args.seed, args.officials, args.businesses, numbers_only=args.numbers_only)
    write(args.out, built)
    m = built["manifest"]
    print(
        f"wrote {args.out}: {m['companies']} companies, {m['vestigingen']} vestigingen, "
        f"{m['officials']} officials, {m['truth']['total']} truth entries"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
