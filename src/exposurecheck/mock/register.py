"""The fictional Handelsregister behind the mock KVK API: data model and loader.

The dataset (``fixtures/kvk/demo-register.json``) is written close to how the
register itself models things, with the JSON field names of the KVK API::

    {"companies": [
      {"kvkNummer": "90412345", "naam": "J.W. van den Berg Advies",
       "rechtsvorm": "Eenmanszaak", "handelsnamen": ["J.W. van den Berg Advies"],
       "actief": true,
       "vestigingen": [
         {"vestigingsnummer": "000051234567", "hoofdvestiging": true,
          "handelsnamen": ["J.W. van den Berg Advies"],
          "bezoekadres": {"straatnaam": "Assendorperstraat", "huisnummer": 12,
                          "postcode": "8012DK", "plaats": "Zwolle", "afgeschermd": false},
          "postadres": {"postbusnummer": 100, "postcode": "8000AC", "plaats": "Zwolle"}}]}]}

Optional company fields: ``rsin`` (9 digits, for non-eenmanszaken),
``uitgebreideRechtsvorm``, ``formeleRegistratiedatum`` / ``datumAanvang`` /
``datumEinde`` (``YYYYMMDD``), ``sbiActiviteiten`` (the first one is the main
activity). Optional vestiging fields: ``commercieel`` (default true),
``werkzamePersonen`` (default 1), ``postadres``.

A legal entity that runs no enterprise (a stichting, vereniging, VvE) has no
vestigingen: ``"vestigingen": []`` with its own ``bezoekadres`` / ``postadres`` on the
company, which the API shows under ``_embedded.eigenaar.adressen``.

All people and businesses in the bundled dataset are invented.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator, model_validator
from pydantic.alias_generators import to_camel

from exposurecheck.resources import fixtures_dir

KVK_NUMBER_RE = re.compile(r"^[0-9]{8}$")
VESTIGINGSNUMMER_RE = re.compile(r"^[0-9]{12}$")
RSIN_RE = re.compile(r"^[0-9]{9}$")
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
DATE_RE = re.compile(r"^[0-9]{8}$")

EENMANSZAAK = "Eenmanszaak"


def normalise_postcode(value: str) -> str:
    """``"1234 ab"`` -> ``"1234AB"`` (the register's own spelling)."""
    return re.sub(r"\s+", "", value).upper()


def _valid(ok: Callable[[str], object], message: str) -> AfterValidator:
    """A field written as the register writes it: `ok` says whether a value is; `message`
    (with ``{!r}`` where the value may be shown) says what is wrong."""
    def check(value: str) -> str:
        if not ok(value):
            raise ValueError(message.format(value))
        return value
    return AfterValidator(check)


_KvkNummer = Annotated[str, _valid(KVK_NUMBER_RE.match, "kvkNummer must be 8 digits: {!r}")]
_Vestigingsnummer = Annotated[str, _valid(VESTIGINGSNUMMER_RE.match,
                                          "vestigingsnummer must be 12 digits: {!r}")]
_Rsin = Annotated[str, _valid(RSIN_RE.match, "rsin must be 9 digits: {!r}")]
_Date = Annotated[str, _valid(DATE_RE.match, "dates are YYYYMMDD: {!r}")]
_Huisletter = Annotated[str, _valid(re.compile("[A-Za-z]").fullmatch, "huisletter is one letter")]
_Toevoeging = Annotated[str, _valid(lambda value: 1 <= len(value) <= 4,
                                    "huisnummerToevoeging is 1 to 4 characters")]


class _RegisterModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=to_camel,
                              populate_by_name=True)


class RegisterAddress(_RegisterModel):
    """A domestic address: a street address or a PO box (``postbusnummer``).

    ``afgeschermd`` only makes sense on a visiting address (bezoekadres): the
    correspondence address (postadres) of a registration is always public.
    """

    straatnaam: str | None = None
    huisnummer: int | None = None
    huisletter: _Huisletter | None = None
    huisnummer_toevoeging: _Toevoeging | None = None
    postbusnummer: int | None = None
    postcode: str
    plaats: str
    land: str = "Nederland"
    afgeschermd: bool = False

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str) -> str:
        value = normalise_postcode(value)
        if not POSTCODE_RE.match(value):
            raise ValueError(f"not a Dutch postcode: {value!r}")
        return value

    @model_validator(mode="after")
    def _street_or_po_box(self) -> RegisterAddress:
        if self.postbusnummer is not None:
            if self.straatnaam or self.huisnummer is not None:
                raise ValueError("a postbus address has no street or house number")
        elif not self.straatnaam or self.huisnummer is None:
            raise ValueError("a street address needs straatnaam and huisnummer")
        return self

    @property
    def is_postbus(self) -> bool:
        return self.postbusnummer is not None


class SbiActiviteit(_RegisterModel):
    sbi_code: str
    sbi_omschrijving: str


class Vestiging(_RegisterModel):
    """An establishment (vestiging) of a company: where it is run from."""

    vestigingsnummer: _Vestigingsnummer
    hoofdvestiging: bool
    handelsnamen: tuple[str, ...]
    bezoekadres: RegisterAddress | None = None
    postadres: RegisterAddress | None = None
    commercieel: bool = True
    werkzame_personen: int = 1

    @model_validator(mode="after")
    def _checks(self) -> Vestiging:
        if not self.handelsnamen:
            raise ValueError(f"vestiging {self.vestigingsnummer} needs a handelsnaam")
        if self.bezoekadres is None and self.postadres is None:
            raise ValueError(f"vestiging {self.vestigingsnummer} has no address")
        if self.bezoekadres is not None and self.bezoekadres.is_postbus:
            raise ValueError("a bezoekadres cannot be a postbus")
        if self.postadres is not None and self.postadres.afgeschermd:
            raise ValueError("a postadres (correspondentieadres) cannot be shielded")
        return self

    @property
    def eerste_handelsnaam(self) -> str:
        return self.handelsnamen[0]

    @property
    def shielded(self) -> bool:
        return self.bezoekadres is not None and self.bezoekadres.afgeschermd


class Company(_RegisterModel):
    """One registration (inschrijving): an eenmanszaak, BV, VOF, stichting..."""

    kvk_nummer: _KvkNummer
    rsin: _Rsin | None = None
    naam: str
    rechtsvorm: str
    uitgebreide_rechtsvorm: str | None = None
    handelsnamen: tuple[str, ...] = ()
    actief: bool = True
    formele_registratiedatum: _Date = "20190101"
    datum_aanvang: _Date | None = None
    datum_einde: _Date | None = None
    sbi_activiteiten: tuple[SbiActiviteit, ...] = ()
    vestigingen: tuple[Vestiging, ...]
    bezoekadres: RegisterAddress | None = None  # a branchless legal entity's own addresses
    postadres: RegisterAddress | None = None

    @model_validator(mode="after")
    def _checks(self) -> Company:
        if not self.vestigingen:
            if self.is_eenmanszaak or (self.bezoekadres is None and self.postadres is None):
                raise ValueError(f"company {self.kvk_nummer} without vestigingen must be a "
                                 "legal entity with an address of its own")
            return self
        if self.bezoekadres is not None or self.postadres is not None:
            raise ValueError(f"company {self.kvk_nummer}: addresses belong to its vestigingen")
        heads = [v for v in self.vestigingen if v.hoofdvestiging]
        if len(heads) != 1:
            raise ValueError(f"company {self.kvk_nummer} needs exactly one hoofdvestiging")
        if self.is_eenmanszaak and self.rsin is not None:
            raise ValueError(f"eenmanszaak {self.kvk_nummer} has no rsin")
        return self

    @property
    def is_eenmanszaak(self) -> bool:
        return self.rechtsvorm == EENMANSZAAK

    @property
    def has_branches(self) -> bool:
        return bool(self.vestigingen)

    @property
    def shielded(self) -> bool:
        """A branchless entity's visiting address is shielded."""
        return self.bezoekadres is not None and self.bezoekadres.afgeschermd

    @property
    def hoofdvestiging(self) -> Vestiging:
        return next(v for v in self.vestigingen if v.hoofdvestiging)

    @property
    def all_handelsnamen(self) -> tuple[str, ...]:
        """The company's trade names: declared ones, else those of its vestigingen."""
        if self.handelsnamen:
            return self.handelsnamen
        names: list[str] = [] if self.vestigingen else [self.naam]
        for vestiging in self.vestigingen:
            for name in vestiging.handelsnamen:
                if name not in names:
                    names.append(name)
        return tuple(names)


class Register(_RegisterModel):
    companies: tuple[Company, ...]

    @model_validator(mode="after")
    def _unique(self) -> Register:
        kvk_seen: set[str] = set()
        vnr_seen: set[str] = set()
        for company in self.companies:
            if company.kvk_nummer in kvk_seen:
                raise ValueError(f"duplicate kvkNummer {company.kvk_nummer}")
            kvk_seen.add(company.kvk_nummer)
            for vestiging in company.vestigingen:
                if vestiging.vestigingsnummer in vnr_seen:
                    raise ValueError(f"duplicate vestigingsnummer {vestiging.vestigingsnummer}")
                vnr_seen.add(vestiging.vestigingsnummer)
        return self

    @cached_property
    def by_kvk(self) -> dict[str, Company]:
        return {c.kvk_nummer: c for c in self.companies}

    @cached_property
    def by_vestigingsnummer(self) -> dict[str, tuple[Company, Vestiging]]:
        return {v.vestigingsnummer: (c, v) for c in self.companies for v in c.vestigingen}

    def company(self, kvk_nummer: str) -> Company | None:
        return self.by_kvk.get(kvk_nummer)

    def vestiging(self, vestigingsnummer: str) -> tuple[Company, Vestiging] | None:
        return self.by_vestigingsnummer.get(vestigingsnummer)


def demo_register_path() -> Path:
    return fixtures_dir() / "kvk" / "demo-register.json"


def register_from_data(data: Any) -> Register:
    return Register.model_validate(data)


def load_register(path: Path | None = None) -> Register:
    """Load a register dataset; ``None`` loads the bundled demo register."""
    source = demo_register_path() if path is None else path
    with source.open(encoding="utf-8") as handle:
        return register_from_data(json.load(handle))
