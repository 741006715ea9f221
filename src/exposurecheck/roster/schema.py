"""The roster as the user writes it, before it becomes trusted `Official` models.

Validation runs here so every problem can be reported with file, row and
field, and none of the user's values end up in a message. Text is cleaned of
control characters here (`untrusted.clean_text`), where it enters the tool;
text that is not valid Unicode (a lone surrogate) is refused.
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
from pydantic_core import PydanticCustomError

from exposurecheck.matching.address import AddressParseError, split_house_number
from exposurecheck.untrusted import clean_text, has_surrogate

_KVK_NUMBER = re.compile(r"^\d{8}$")
# One character class after the scheme, so a failed match cannot backtrack (linear time).
_HTTP_URL = re.compile(r"https?://[^\s/?#]\S*", re.IGNORECASE)
MAX_HOUSE_NUMBER = 99999


def _clean(value: object) -> object:
    """Text as it enters the tool: stripped and free of control characters."""
    if not isinstance(value, str):
        return value
    if has_surrogate(value):
        raise PydanticCustomError("lone_surrogate", "not valid Unicode text")
    return clean_text(value).strip()


def _strip_optional(value: object) -> object:
    return _clean(value) or None if isinstance(value, str) else value


OptionalText = Annotated[StrictStr | None, BeforeValidator(_strip_optional)]
Text = Annotated[StrictStr, BeforeValidator(_clean), Field(min_length=1)]


def _house_number(value: object) -> object:
    if isinstance(value, str) and value.strip().isdigit():
        digits = value.strip().lstrip("0") or "0"
        # thousands of digits cannot become an int; they are too large all the same
        return int(digits) if len(digits) <= len(str(MAX_HOUSE_NUMBER)) else MAX_HOUSE_NUMBER + 1
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
    number: Annotated[StrictInt, BeforeValidator(_house_number),
                      Field(ge=1, le=MAX_HOUSE_NUMBER)]
    letter: OptionalText = None
    addition: OptionalText = None
    postcode: OptionalText = None
    city: OptionalText = None
    municipality: OptionalText = None  # where the official is registered (BRP), if not the city


def _home_form(value: object) -> str:
    return "line" if isinstance(value, str) else "structured"


HomeField = Annotated[
    Annotated[RawHome, BeforeValidator(_written_number), Tag("structured")]
    | Annotated[Text, Tag("line")],
    Discriminator(_home_form)]


def household_from_text(value: object) -> object:
    """Accept the CSV/command-line form "Petra Jansen (partner)" as well as a mapping."""
    if not isinstance(value, str):
        return value
    name, paren, rest = value.strip().partition("(")
    relation = rest.removesuffix(")")
    if ")" in name or (paren and (relation == rest or "(" in relation or ")" in relation)):
        return value  # reported as "expected a mapping of fields"
    return {"name": name, "relation": relation if paren else None}


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
    ori_index: OptionalText = None


class RawSite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Text
    max_pages: Annotated[StrictInt, Field(ge=1, le=10000)] = 50
    max_depth: Annotated[StrictInt, Field(ge=0, le=20)] = 3


def is_http_url(value: str) -> bool:
    return bool(_HTTP_URL.fullmatch(value))


_ORI_INDEX = re.compile(r"[a-z0-9][a-z0-9_]{0,99}", re.ASCII)


def is_ori_index(value: str) -> bool:
    """One index or alias by name: a wildcard or list would search other bodies too."""
    return bool(_ORI_INDEX.fullmatch(value.strip()))


def is_kvk_number(value: str) -> bool:
    return bool(_KVK_NUMBER.match(value))
