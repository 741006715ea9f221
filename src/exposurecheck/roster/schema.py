"""The roster as the user writes it, before it becomes trusted `Official` models.

Validation runs here so every problem can be reported with file, row and
field, and none of the user's values end up in a message.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    StrictStr,
    Tag,
)

from exposurecheck.matching.address import AddressParseError, split_house_number

_KVK_NUMBER = re.compile(r"^\d{8}$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_HOUSEHOLD_CELL = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<relation>[^()]*)\))?$")


def _strip_optional(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


OptionalText = Annotated[StrictStr | None, BeforeValidator(_strip_optional)]
Text = Annotated[StrictStr, BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v),
                 Field(min_length=1)]


def _house_number(value: object) -> object:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _written_number(value: object) -> object:
    """People write the letter into the number ("12-a"): split it the BAG way."""
    if not isinstance(value, dict) or not isinstance(value.get("number"), str):
        return value
    text = value["number"].strip()
    if text.isdigit() or value.get("letter") or value.get("addition"):
        return value
    try:
        number, letter, addition = split_house_number(text)
    except AddressParseError:
        return value  # reported by field validation as "expected a whole number"
    return {**value, "number": number, "letter": letter, "addition": addition}


class RawHome(BaseModel):
    model_config = ConfigDict(extra="forbid")

    street: Text
    number: Annotated[StrictInt, BeforeValidator(_house_number), Field(ge=1, le=99999)]
    letter: OptionalText = None
    addition: OptionalText = None
    postcode: OptionalText = None
    city: OptionalText = None


def _home_form(value: object) -> str:
    return "line" if isinstance(value, str) else "structured"


HomeField = Annotated[
    Annotated[RawHome, BeforeValidator(_written_number), Tag("structured")]
    | Annotated[Text, Tag("line")],
    Discriminator(_home_form)]


def household_from_text(value: object) -> object:
    """Accept the CSV/command-line form "Petra Jansen (partner)" as well as a mapping."""
    if isinstance(value, str):
        match = _HOUSEHOLD_CELL.match(value.strip())
        if match is None:
            return value
        return {"name": match["name"], "relation": match["relation"]}
    return value


class RawHouseholdMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text
    relation: OptionalText = None


class RawOfficial(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Text
    name: Text
    initials: OptionalText = None
    role: OptionalText = None
    organisation: OptionalText = None
    home: HomeField | None = None
    household: list[Annotated[RawHouseholdMember, BeforeValidator(household_from_text)]] = []
    phones: list[Text] = []
    emails: list[Text] = []
    kvk_numbers: list[Text] = []
    birth_date: date | None = None
    urls: list[Text] = []


class RawSite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Text
    max_pages: Annotated[StrictInt, Field(ge=1, le=10000)] = 50
    max_depth: Annotated[StrictInt, Field(ge=0, le=20)] = 3


def is_http_url(value: str) -> bool:
    return bool(_HTTP_URL.match(value))


def is_kvk_number(value: str) -> bool:
    return bool(_KVK_NUMBER.match(value))
