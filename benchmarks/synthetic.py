"""A seeded fictional council and register of any size, for benchmarks.

Every person is invented (random combinations of common Dutch first names and
surnames); streets and towns are real names. Roughly: a quarter of the
officials have their own business at home, some shielded, some a partner's
business, and the register holds unrelated businesses and neighbours too.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

FIRST = ["Anna", "Bram", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Joost", "Kim", "Lars",
         "Lotte", "Maud", "Niels", "Olga", "Pim", "Roos", "Sem", "Tessa", "Vera", "Wout", "Yara"]
LAST = ["Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg"]
STREETS = ["Kerkstraat", "Schoolstraat", "Molenweg", "Dorpsstraat", "Stationsweg", "Julianalaan",
           "Wilhelminastraat", "Beatrixlaan", "Eikenlaan", "Nieuwstraat", "Zandweg", "Brink"]
TOWNS = ["Zwolle", "Kampen", "Dalfsen", "Deventer", "Ommen", "Raalte", "Hattem", "Staphorst"]
TRADES = ["Advies", "Klussen", "Fotografie", "Coaching", "Bouw", "Design", "Tuinen", "Zorg"]


def _postcode(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRTVWXZ"
    return f"{rng.randint(1000, 9999)}{rng.choice(letters)}{rng.choice(letters)}"


def generate(officials: int, seed: int = 2026) -> tuple[dict[str, Any], dict[str, Any]]:
    """(roster, register) as plain data: YAML/JSON-ready roster, mock register dataset."""
    rng = random.Random(seed)
    companies: list[dict[str, Any]] = []
    kvk_numbers = iter(rng.sample(range(10_000_000, 99_999_999), officials * 4 + 10))

    def company(name: str, address: dict[str, Any], *, shielded: bool = False,
                legal_form: str = "Eenmanszaak") -> None:
        kvk = f"{next(kvk_numbers):08d}"
        companies.append({
            "kvkNummer": kvk, "naam": name, "rechtsvorm": legal_form, "handelsnamen": [name],
            "vestigingen": [{"vestigingsnummer": f"0000{kvk}", "hoofdvestiging": True,
                             "handelsnamen": [name],
                             "bezoekadres": {**address, "afgeschermd": shielded}}]})

    people = []
    for index in range(officials):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        street, town = rng.choice(STREETS), rng.choice(TOWNS)
        number, postcode = rng.randint(1, 250), _postcode(rng)
        address = {"straatnaam": street, "huisnummer": number, "postcode": postcode,
                   "plaats": town}
        partner = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        roll = rng.random()
        if roll < 0.20:
            company(f"{first[0]}. {last} {rng.choice(TRADES)}", address)
        elif roll < 0.25:
            company(f"{first} {last} {rng.choice(TRADES)}", address, shielded=True)
        elif roll < 0.33:
            company(f"{partner} {rng.choice(TRADES)}", address)
        if rng.random() < 0.10:
            company(f"{rng.choice(TRADES)} {rng.choice(LAST)}",
                    {**address, "huisnummer": number + 2})
        people.append({
            "id": f"bench-{index:04d}", "name": f"{first} {last}", "role": "raadslid",
            "organisation": "Gemeente Voorbeeld",
            "home": {"street": street, "number": number,
                     "postcode": f"{postcode[:4]} {postcode[4:]}", "city": town},
            "household": [{"name": partner, "relation": "partner"}]})
    for _ in range(officials):
        company(f"{rng.choice(TRADES)} {rng.choice(LAST)}",
                {"straatnaam": rng.choice(STREETS), "huisnummer": rng.randint(300, 900),
                 "postcode": _postcode(rng), "plaats": rng.choice(TOWNS)},
                legal_form=rng.choice(["Eenmanszaak", "Besloten Vennootschap"]))
    return {"officials": people}, {"companies": companies}


def write(directory: Path, officials: int, seed: int = 2026) -> tuple[Path, Path]:
    roster, register = generate(officials, seed)
    directory.mkdir(parents=True, exist_ok=True)
    roster_path, register_path = directory / "roster.json", directory / "register.json"
    roster_path.write_text(json.dumps(roster, ensure_ascii=False), encoding="utf-8")
    register_path.write_text(json.dumps(register, ensure_ascii=False), encoding="utf-8")
    return roster_path, register_path
