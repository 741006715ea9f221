from __future__ import annotations

import json
from pathlib import Path

import pytest

from exposurecheck.models import Address
from exposurecheck.roster import RosterError, load_roster, roster_from_args
from exposurecheck.roster.loader import CSV_COLUMNS

YAML_ROSTER = """\
officials:
  - id: voorbeeld-001
    name: Jan-Willem van den Berg
    initials: J.W.
    role: wethouder
    organisation: Gemeente Voorbeeld
    home:
      street: Kerkstraat
      number: 12
      letter: a
      addition: "2"
      postcode: 1234 ab
      city: Dorp
    household:
      - {name: Petra Jansen, relation: partner}
    phones: ["06 12345678"]
    emails: ["jw@example.nl"]
    kvk_numbers: ["12345678"]
  - id: voorbeeld-002
    name: Ayşe Yılmaz
    home: "Burg. de Withstraat 4-b, 2514 ED 's-Gravenhage"
"""

CSV_HEADER = ",".join(CSV_COLUMNS)
CSV_ROSTER = (
    CSV_HEADER + "\n"
    "voorbeeld-001,Jan-Willem van den Berg,J.W.,wethouder,Gemeente Voorbeeld,Kerkstraat,12,a,2,"
    "1234 ab,Dorp,,Petra Jansen (partner);Tim van den Berg (child),06 12345678,jw@example.nl,"
    "12345678\n"
    "voorbeeld-002,Ayşe Yılmaz,,,,,,,,,,\"Burg. de Withstraat 4-b, 2514 ED 's-Gravenhage\",,,,\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    return [str(p) for p in caught.value.problems]


def test_yaml_roster_is_loaded_and_normalised(tmp_path: Path) -> None:
    roster = load_roster(write(tmp_path, "r.yaml", YAML_ROSTER))
    first, second = roster.officials
    assert first.home == Address(street="Kerkstraat", number=12, letter="A", addition="2",
                                 postcode="1234AB", city="Dorp")
    assert first.household[0].name == "Petra Jansen"
    assert first.household[0].relation == "partner"
    assert first.kvk_numbers == ("12345678",)
    assert second.home is not None
    assert second.home.number == 4
    assert second.home.postcode == "2514ED"


def test_csv_gives_the_same_officials_as_yaml(tmp_path: Path) -> None:
    from_yaml = load_roster(write(tmp_path, "r.yaml", YAML_ROSTER))
    from_csv = load_roster(write(tmp_path, "r.csv", CSV_ROSTER))
    assert from_csv.officials[0].home == from_yaml.officials[0].home
    assert from_csv.officials[1] == from_yaml.officials[1]
    assert [m.relation for m in from_csv.officials[0].household] == ["partner", "child"]


def test_csv_with_bom_and_json_are_read(tmp_path: Path) -> None:
    bom = write(tmp_path, "r.csv", "\ufeff".encode() + CSV_ROSTER.encode())
    assert load_roster(bom).officials[0].id == "voorbeeld-001"
    data = {"officials": [{"id": "a", "name": "Anna de Vries", "home": "Dorpsstraat 1, Dorp"}]}
    assert load_roster(write(tmp_path, "r.json", json.dumps(data))).officials[0].home is not None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("officials:\n  - name: Anna\n", "line 2 (officials[0]), field 'id': is required"),
        ("officials:\n  - {id: a, name: A}\n  - {id: a, name: B}\n",
         "line 3 (officials[1]), field 'id': duplicate id (first used at line 2"),
        ("officials:\n  - {id: a, name: A, home: 'nowhere at all'}\n", "field 'home'"),
        ("officials:\n  - {id: a, name: A, home: {street: X, number: 1, postcode: '12345'}}\n",
         "field 'home.postcode'"),
        ("officials:\n  - {id: a, name: A, home: {street: X, number: twelve}}\n",
         "field 'home.number': expected a whole number"),
        ("officials:\n  - {id: 7, name: A}\n", "field 'id': expected text"),
        ("officials:\n  - {id: a, name: A, shoe_size: 42}\n",
         "line 2 (officials[0]): has an unknown field (allowed:"),
        ("officials:\n  - {id: a, name: A, kvk_numbers: ['1234']}\n",
         "field 'kvk_numbers[0]': a KVK number has exactly 8 digits"),
        ("officials: [\n", "is not valid YAML"),
        ("people: []\n", "must be a mapping with an 'officials' list"),
    ],
)
def test_bad_yaml_input_names_row_and_field(tmp_path: Path, content: str, expected: str) -> None:
    messages = problems(write(tmp_path, "roster.yaml", content))
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(str(tmp_path / "roster.yaml")) for m in messages)


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    content = "officials:\n  - {name: A}\n  - {id: b, name: B, home: {street: X, number: 0}}\n"
    messages = problems(write(tmp_path, "roster.yaml", content))
    assert len(messages) == 2


def test_messages_never_echo_personal_values(tmp_path: Path) -> None:
    content = ("officials:\n  - {id: a, name: Geheime Naam, "
               "home: {street: Geheimestraat, number: 1, postcode: '9999 XX9'}}\n")
    messages = problems(write(tmp_path, "roster.yaml", content))
    assert not any("Geheim" in m or "9999" in m for m in messages)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("id,name\nä,ö\n".encode("latin-1"), "is not UTF-8"),
        ((CSV_HEADER + ",favourite_colour\n").encode(), "row 1: unknown column: column 21"),
        (b"name\nAnna\n", "field 'id': required column is missing"),
        ((CSV_HEADER + "\n").encode(), "has no officials"),
        ((CSV_HEADER + "\na,A,,,,Kerkstraat,12,,,1234 SA,Dorp,,,,,\n").encode(),
         "row 2, field 'home.postcode'"),
    ],
)
def test_bad_csv_input(tmp_path: Path, content: bytes, expected: str) -> None:
    messages = problems(write(tmp_path, "roster.csv", content))
    assert any(expected in m for m in messages), messages


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    assert "file not found" in problems(tmp_path / "nope.yaml")[0]
    assert "unknown roster format" in problems(write(tmp_path, "r.txt", "x"))[0]


def test_roster_from_args_validates_like_a_file() -> None:
    roster = roster_from_args(name="Anna de Vries", address="Kerkstr. 12-a, 1234 ab Dorp",
                              household=["Piet de Vries (partner)"], kvk_numbers=["12345678"])
    official = roster.officials[0]
    assert official.home is not None and official.home.letter == "A"
    assert official.household[0].relation == "partner"
    with pytest.raises(RosterError) as caught:
        roster_from_args(name="Anna", address="no number here")
    assert "command line" in str(caught.value)


def test_web_fields_and_sites(tmp_path: Path) -> None:
    content = (
        "officials:\n"
        "  - id: a\n    name: Anna de Vries\n    birth_date: 1975-03-03\n"
        "    urls: ['https://www.example.nl/raad/anna']\n"
        "sites:\n  - {url: 'https://www.example.nl/', max_pages: 20, max_depth: 2}\n")
    roster = load_roster(write(tmp_path, "r.yaml", content))
    official = roster.officials[0]
    assert official.birth_date is not None and official.birth_date.isoformat() == "1975-03-03"
    assert official.urls == ("https://www.example.nl/raad/anna",)
    assert roster.sites[0].max_pages == 20
    csv_text = "id,name,birth_date,urls\na,Anna,1975-03-03,https://a.example/x;https://a.example/y\n"
    from_csv = load_roster(write(tmp_path, "r.csv", csv_text)).officials[0]
    assert from_csv.birth_date == official.birth_date
    assert len(from_csv.urls) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("officials:\n  - {id: a, name: A, birth_date: 'third of March'}\n",
         "field 'birth_date': expected a date written as YYYY-MM-DD"),
        ("officials:\n  - {id: a, name: A, urls: ['file:///etc/passwd']}\n",
         "field 'urls[0]': must be an http:// or https:// URL"),
        ("officials:\n  - {id: a, name: A}\n"
         "sites:\n  - {url: 'https://x.example/', max_pages: 0}\n",
         "field 'sites[0].max_pages'"),
        ("officials:\n  - {id: a, name: A}\nsites:\n  - {url: 'ftp://x.example/'}\n",
         "field 'sites[0].url': must be an http:// or https:// URL"),
    ],
)
def test_bad_web_fields(tmp_path: Path, content: str, expected: str) -> None:
    messages = problems(write(tmp_path, "roster.yaml", content))
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize(("written", "letter", "addition"),
                         [("12-a", "A", None), ("95 b", "B", None), ("14-3", None, "3"),
                          ("7-A-2", "A", "2")])
def test_letter_written_into_the_number_field(tmp_path: Path, written: str, letter: str | None,
                                              addition: str | None) -> None:
    content = (f"officials:\n  - id: a\n    name: A\n    home: {{street: Kerkstraat, "
               f"number: '{written}', postcode: 1234 AB, city: Dorp}}\n")
    home = load_roster(write(tmp_path, "r.yaml", content)).officials[0].home
    assert home is not None
    assert (home.letter, home.addition) == (letter, addition)
    csv_text = f"id,name,street,number,postcode,city\na,A,Kerkstraat,{written},1234 AB,Dorp\n"
    assert load_roster(write(tmp_path, "r.csv", csv_text)).officials[0].home == home
