"""Load and validate a roster; report every problem, audit nothing on failure.

A roster is the user's own data, so a message names where a problem is (file, line or
row, field) and never repeats a value, an unknown key or an id. Whatever the file holds
(impossible dates, numbers of thousands of digits, deep nesting, duplicate keys, huge
headers) ends as a `RosterError`, read in time linear in its size.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel, ValidationError

from exposurecheck.matching.address import AddressParseError, normalise_postcode, parse_address
from exposurecheck.models import Address, HouseholdMember, Official, OfficialId, Roster, Site
from exposurecheck.roster.schema import (
    RawHome,
    RawHouseholdMember,
    RawOfficial,
    RawSite,
    is_http_url,
    is_kvk_number,
    is_ori_index,
)
from exposurecheck.untrusted import clean_text

CSV_COLUMNS = ("id", "name", "initials", "role", "organisation", "street", "number", "letter",
               "addition", "postcode", "city", "address", "household", "phones", "emails",
               "kvk_numbers", "birth_date", "urls", "municipality", "ori_index")
_CSV_LIST_COLUMNS = ("household", "phones", "emails", "kvk_numbers", "urls")
_CSV_HOME_COLUMNS = ("street", "number", "letter", "addition", "postcode", "city",
                     "municipality")
_TOP_LEVEL_KEYS = ("officials", "sites")
# Names a message may repeat: they are ours, not the user's data.
_FIELD_NAMES = frozenset((*CSV_COLUMNS, *_TOP_LEVEL_KEYS, *RawOfficial.model_fields,
                          *RawHome.model_fields, *RawHouseholdMember.model_fields,
                          *RawSite.model_fields))
MAX_LISTED = 10  # problems of one kind listed before "and N more"
_MAX_JSON_DEPTH = 100


@dataclass(frozen=True)
class RosterProblem:
    """One thing wrong with the input, located precisely and free of personal data."""

    file: str
    row: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row:
            where.append(self.row)
        if self.field:
            where.append(f"field '{self.field}'")
        return clean_text(f"{', '.join(where)}: {self.message}")


class RosterError(Exception):
    def __init__(self, problems: Sequence[RosterProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Entry(NamedTuple):
    """One official as the file holds it, and where: the row a problem is reported at."""

    row: str
    data: object


class _Document(NamedTuple):
    """A parsed roster file before validation: its officials and its `sites` section."""

    entries: list[_Entry]
    sites: object = None


def load_roster(path: Path) -> Roster:
    with _gc_paused():
        return _load_roster(path)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of objects and no garbage: collecting meanwhile
    only costs time (it made a 20,000-official YAML roster three times slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_roster(path: Path) -> Roster:
    label = str(path)
    text = _read_text(path, label)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        document = _yaml_entries(text, label)
    elif suffix == ".json":
        document = _json_entries(text, label)
    elif suffix == ".csv":
        document = _Document(_csv_entries(text, label))
    else:
        raise RosterError([RosterProblem(label, None, None,
                                         "unknown roster format: use a .yaml, .json or .csv file")])
    return _build_roster(document.entries, label, document.sites)


def roster_from_args(*, name: str, address: str | None, household: Iterable[str] = (),
                     kvk_numbers: Iterable[str] = (), initials: str | None = None,
                     role: str | None = None, phones: Iterable[str] = (),
                     emails: Iterable[str] = (), birth_date: str | None = None,
                     urls: Iterable[str] = (), official_id: str = "self") -> Roster:
    """A one-person roster for a self-check, validated like a file."""
    data: dict[str, Any] = {"id": official_id, "name": name, "initials": initials, "role": role,
                            "home": address, "household": list(household),
                            "kvk_numbers": list(kvk_numbers), "phones": list(phones),
                            "emails": list(emails), "birth_date": birth_date, "urls": list(urls)}
    return _build_roster([_Entry("", data)], "command line")


def _read_text(path: Path, label: str) -> str:
    def fail(message: str) -> RosterError:
        return RosterError([RosterProblem(label, None, None, message)])

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("file not found") from None
    except IsADirectoryError:
        raise fail("is a directory, not a roster file") from None
    except OSError as exc:
        raise fail(f"cannot be read ({exc.strerror})") from None
    if b"\x00" in raw:
        raise fail("looks like a binary file, not a roster (YAML, JSON or CSV text)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise RosterError([RosterProblem(
            label, f"line {line}", None,
            f"is not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8")]) from None
    if not text.strip():
        raise fail("is empty")
    return text


class _TooLongNumber:
    """A number of thousands of digits: no field accepts it, so validation names the field."""


_TOO_LONG = _TooLongNumber()


def _int_or_too_long(text: str) -> int | _TooLongNumber:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (sys.int_max_str_digits)
        return _TOO_LONG


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: yaml.ScalarNode) -> None:
        super().__init__("duplicate key")
        self.line = key.start_mark.line + 1
        self.field = _known(key.value)


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML with libyaml's C parser where installed; dates stay text, so an impossible
    one (2001-02-30) is reported by validation with its field, like any other bad date;
    a key written twice in one mapping is an error, not silently the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys: set[tuple[str, str]] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if (key.tag, key.value) in keys:
                    raise _DuplicateKey(key)
                keys.add((key.tag, key.value))
        result: dict[Any, Any] = super().construct_mapping(node, deep)
        return result


def _yaml_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        return _TOO_LONG


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_YamlLoader.add_constructor("tag:yaml.org,2002:int", _yaml_int)


def _yaml_entries(text: str, label: str) -> _Document:
    """Parse once: the node tree gives the officials' line numbers, then the data."""
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _DuplicateKey as exc:
        raise RosterError([RosterProblem(label, f"line {exc.line}", exc.field,
                                         "duplicate key")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = f"line {mark.line + 1}" if mark is not None else None
        deep = "nesting depth" in str(getattr(exc, "problem", ""))
        raise RosterError([RosterProblem(label, row, None, "is nested too deeply" if deep
                                         else "is not valid YAML")]) from None
    except RecursionError:  # the pure-Python parser, where libyaml is not installed
        raise RosterError([RosterProblem(label, None, None, "is nested too deeply")]) from None
    finally:
        loader.dispose()
    lines = _yaml_item_lines(node)
    return _entries_from_document(data, label, lambda i: f"line {lines[i]} (officials[{i}])"
                                  if i < len(lines) else f"officials[{i}]")


def _yaml_item_lines(node: yaml.Node | None) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if getattr(key, "value", None) == "officials" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _known(key: object) -> str | None:
    """A key as a field in a message only when it is one of ours, never the user's text."""
    return key if isinstance(key, str) and key in _FIELD_NAMES else None


class _JsonObject(dict[str, object]):
    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, object]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    if len(obj) < len(pairs):
        obj.duplicates = tuple(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
    return obj


_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]++|\\.)*+"|[\[{]|[\]}]|\n')


def _json_deep_line(text: str) -> int | None:
    """The line where the nesting gets too deep, for the message (one linear scan)."""
    depth, line = 0, 1
    for token in _JSON_TOKEN.finditer(text):
        kind = token[0]
        if kind == "\n":
            line += 1
        elif kind in "[{":
            depth += 1
            if depth > _MAX_JSON_DEPTH:
                return line
        elif kind in "]}":
            depth -= 1
    return None


def _json_entries(text: str, label: str) -> _Document:
    try:
        data = json.loads(text, object_pairs_hook=_json_object, parse_int=_int_or_too_long)
    except json.JSONDecodeError as exc:
        raise RosterError([RosterProblem(label, f"line {exc.lineno}", None,
                                         "is not valid JSON")]) from None
    except RecursionError:
        line = _json_deep_line(text)
        raise RosterError([RosterProblem(label, f"line {line}" if line else None, None,
                                         "is nested too deeply")]) from None
    duplicates = list(_json_duplicate_keys(data, label))
    if duplicates:
        raise RosterError(duplicates)
    return _entries_from_document(data, label, lambda i: f"officials[{i}]")


def _json_duplicate_keys(data: object, label: str) -> Iterator[RosterProblem]:
    """Duplicate keys by official and field path; only our own field names are followed."""
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _JsonObject):
            row, inner = ((f"officials[{path[1]}]", path[2:]) if path[:1] == ("officials",)
                          and len(path) > 1 else (None, path))
            for key in value.duplicates:
                field = ".".join(filter(None, (_field_path(inner), _known(key))))
                yield RosterProblem(label, row, field or None, "duplicate key")
            stack += [((*path, k), v) for k, v in value.items() if k in _FIELD_NAMES]
        elif isinstance(value, list):
            stack += [((*path, i), v) for i, v in enumerate(value)]


def _entries_from_document(data: object, label: str, row_of: Any) -> _Document:
    if not isinstance(data, Mapping) or "officials" not in data:
        raise RosterError([RosterProblem(label, None, None,
                                         "must be a mapping with an 'officials' list")])
    problems = [RosterProblem(label, None, _known(key), "unknown top-level key (allowed: "
                              + ", ".join(_TOP_LEVEL_KEYS) + ")")
                for key in data if key not in _TOP_LEVEL_KEYS]
    officials = data["officials"]
    if not isinstance(officials, list):
        problems.append(RosterProblem(label, None, "officials", "must be a list"))
    elif not officials:
        problems.append(RosterProblem(label, None, "officials", "is empty: nobody to audit"))
    if problems:
        raise RosterError(problems)
    return _Document([_Entry(row_of(i), item) for i, item in enumerate(officials)],
                     data.get("sites"))


def _csv_entries(text: str, label: str) -> list[_Entry]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error:
        raise RosterError([RosterProblem(label, "row 1", None, "is not valid CSV")]) from None
    _check_csv_header(header, label)
    reader.fieldnames = header
    problems: list[RosterProblem] = []
    entries: list[_Entry] = []
    try:
        for record in reader:
            row = f"row {reader.line_num}"
            if None in record:
                problems.append(RosterProblem(label, row, None, "has more cells than the header"))
                continue
            cells = {k: (v or "").strip() for k, v in record.items()}
            if not any(cells.values()):
                continue
            entries.append(_Entry(row, _csv_record(cells)))
    except csv.Error:
        problems.append(RosterProblem(label, f"row {reader.line_num}", None, "is not valid CSV"))
    if problems:
        raise RosterError(problems)
    if not entries:
        raise RosterError([RosterProblem(label, None, None, "has no officials below its header")])
    return entries


def _check_csv_header(header: Sequence[str], label: str) -> None:
    """Columns are named by position: a file without a header would otherwise echo a row."""
    if not any(column in CSV_COLUMNS for column in header):
        raise RosterError([RosterProblem(label, "row 1", None, "is not a header: the first row "
                                         "names the columns (id, name, ...)")])
    unknown = [f"column {n}" for n, column in enumerate(header, start=1)
               if column not in CSV_COLUMNS]
    counts = Counter(header)
    problems = [RosterProblem(label, "row 1", column, "column appears more than once")
                for column, n in counts.items() if n > 1 and column in CSV_COLUMNS]
    if unknown:
        more = f" and {len(unknown) - MAX_LISTED} more" if len(unknown) > MAX_LISTED else ""
        problems.append(RosterProblem(label, "row 1", None, f"unknown column: "
                                      f"{', '.join(unknown[:MAX_LISTED])}{more}"))
    problems += [RosterProblem(label, "row 1", column, "required column is missing")
                 for column in ("id", "name") if column not in counts]
    if problems:
        raise RosterError(problems)


def _csv_record(cells: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: cells.get(k) or None
                            for k in ("id", "name", "initials", "role", "organisation",
                                      "ori_index")}
    data["birth_date"] = cells.get("birth_date") or None
    for column in _CSV_LIST_COLUMNS:
        data[column] = [part.strip() for part in cells.get(column, "").split(";") if part.strip()]
    if cells.get("street") or any(cells.get(k) for k in _CSV_HOME_COLUMNS if k != "street"):
        data["home"] = {k: cells.get(k) or None for k in _CSV_HOME_COLUMNS}
    else:
        data["home"] = cells.get("address") or None
    return data


def _build_roster(entries: Sequence[_Entry], label: str, raw_sites: object = None) -> Roster:
    problems: list[RosterProblem] = []
    sites = _sites(raw_sites, label, problems)
    officials: list[Official] = []
    first_row: dict[str, str] = {}
    for entry in entries:
        def problem(field: str | None, message: str, row: str = entry.row) -> None:
            problems.append(RosterProblem(label, row or None, field, message))

        if not isinstance(entry.data, Mapping):
            problem(None, "must be a mapping of fields (id, name, home, ...)")
            continue
        try:
            raw = RawOfficial.model_validate(entry.data)
        except ValidationError as exc:
            for error in exc.errors(include_input=False, include_url=False):
                problem(*_located(error))
            continue
        if raw.id in first_row:
            problem("id", f"duplicate id (first used at {first_row[raw.id]})")
            continue
        first_row[raw.id] = entry.row or "command line"
        official = _official(raw, problem)
        if official is not None:
            officials.append(official)
    if problems:
        raise RosterError(problems)
    return Roster(officials=tuple(officials), sites=sites)


def _sites(raw: object, label: str, problems: list[RosterProblem]) -> tuple[Site, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(RosterProblem(label, None, "sites", "must be a list"))
        return ()
    sites: list[Site] = []
    for i, item in enumerate(raw):
        try:
            site = RawSite.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors(include_input=False, include_url=False):
                field, message = _located(error)
                problems.append(RosterProblem(label, None, ".".join(
                    filter(None, (f"sites[{i}]", field))), message))
            continue
        if not is_http_url(site.url):
            problems.append(RosterProblem(label, None, f"sites[{i}].url",
                                          "must be an http:// or https:// URL"))
            continue
        sites.append(Site(url=site.url, max_pages=site.max_pages, max_depth=site.max_depth))
    return tuple(sites)


def _official(raw: RawOfficial, problem: Any) -> Official | None:
    ok = True
    home: Address | None = None
    try:
        home = _home(raw.home)
    except AddressParseError as exc:
        problem(exc.args[1] if len(exc.args) > 1 else "home", str(exc.args[0]))
        ok = False
    for i, number in enumerate(raw.kvk_numbers):
        if not is_kvk_number(number):
            problem(f"kvk_numbers[{i}]", "a KVK number has exactly 8 digits")
            ok = False
    for i, url in enumerate(raw.urls):
        if not is_http_url(url):
            problem(f"urls[{i}]", "must be an http:// or https:// URL")
            ok = False
    for i, email in enumerate(raw.emails):
        if "@" not in email.strip("@"):
            problem(f"emails[{i}]", "is not an e-mail address")
            ok = False
    if raw.ori_index is not None and not is_ori_index(raw.ori_index):
        problem("ori_index", "an Open Raadsinformatie index name: lower-case letters, digits "
                             "and '_', e.g. ori_heerde (no wildcard)")
        ok = False
    if not ok:
        return None
    return Official(
        id=OfficialId(raw.id), name=raw.name, initials=raw.initials, role=raw.role,
        organisation=raw.organisation, home=home,
        household=tuple(HouseholdMember(name=m.name, relation=m.relation) for m in raw.household),
        phones=tuple(raw.phones), emails=tuple(raw.emails), kvk_numbers=tuple(raw.kvk_numbers),
        birth_date=raw.birth_date, urls=tuple(raw.urls), ori_index=raw.ori_index)


def _home(home: RawHome | str | None) -> Address | None:
    if home is None:
        return None
    if isinstance(home, str):
        try:
            parsed = parse_address(home)
        except AddressParseError as exc:
            raise AddressParseError(str(exc), "home") from None
        letter = parsed.letter.upper() if parsed.letter else None
        return parsed.model_copy(update={"letter": letter})
    postcode = None
    if home.postcode:
        try:
            postcode = normalise_postcode(home.postcode)
        except AddressParseError as exc:
            raise AddressParseError(str(exc), "home.postcode") from None
    if home.letter and not (len(home.letter) == 1 and home.letter.isalpha()):
        raise AddressParseError("a huisletter is a single letter (put the rest in 'addition')",
                                "home.letter")
    if home.addition and len(home.addition) > 4:
        raise AddressParseError("a huisnummertoevoeging has at most 4 characters",
                                "home.addition")
    return Address(street=home.street, number=home.number,
                   letter=home.letter.upper() if home.letter else None,
                   addition=home.addition, postcode=postcode, city=home.city,
                   municipality=home.municipality)


def _field_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]"] if parts else [f"[{part}]"]
        elif part in ("structured", "line") or "[" in str(part):
            continue
        else:
            parts.append(str(part))
    return ".".join(parts)


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown field",
    "string_type": "expected text (put values like 001 or 12345678 in quotes)",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "string_too_short": "must not be empty",
    "greater_than_equal": "must be 1 or more",
    "less_than_equal": "is too large",
    "date_from_datetime_parsing": "expected a date written as YYYY-MM-DD",
    "date_parsing": "expected a date written as YYYY-MM-DD",
    "date_type": "expected a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "expected a date written as YYYY-MM-DD",
    "lone_surrogate": "is not valid Unicode text (it holds a lone surrogate)",
    "union_tag_invalid": "expected text or a mapping of fields",
    "union_tag_not_found": "expected text or a mapping of fields",
}
_ALLOWED: dict[str, type[BaseModel]] = {"home": RawHome, "household": RawHouseholdMember}


def _located(error: Mapping[str, Any]) -> tuple[str | None, str]:
    """(field, message) from a pydantic error by its type and location: never its input, and
    never an unknown key, which is the user's text ("household[0].Petra Jansen")."""
    loc, kind = tuple(error["loc"]), str(error["type"])
    if kind == "extra_forbidden":
        parent = [p for p in loc[:-1] if isinstance(p, str) and p in _ALLOWED]
        model = _ALLOWED[parent[-1]] if parent else None
        allowed = ", ".join(model.model_fields) if model else "see the README"
        return _field_path(loc[:-1]) or None, f"has an unknown field (allowed: {allowed})"
    return _field_path(loc) or None, _MESSAGES.get(kind, f"is not valid ({kind})")
