"""Response models for the KVK Handelsregister APIs.

Covers Zoeken v2 (``/v2/zoeken``), Basisprofiel v1 (``/v1/basisprofielen/{kvk}``
and ``/vestigingen``) and Vestigingsprofiel v1 (``/v1/vestigingsprofielen/{vnr}``).

Attribute names are the real KVK field names (``kvkNummer``, ``volledigAdres``, ...)
so that code reads like the API documentation. The exceptions are the ``ind*``
indicator fields: KVK sends them as the strings ``"Ja"``/``"Nee"``; they are exposed
as booleans under a descriptive name (``indAfgeschermd`` -> ``afgeschermd``,
``indHoofdvestiging`` -> ``hoofdvestiging``, ...). Models accept both the KVK
names (aliases) and the attribute names on input.

Every model is frozen and ignores fields it does not know, so additions on the
KVK side do not break parsing. Lists become tuples.

Links come in two styles in real responses: HAL ``"_links": {"self": {"href": ...}}``
(Zoeken v2) and ``"links": [{"rel": "self", "href": ...}]`` (profiles). Both are
normalised to ``links: dict[str, str]`` (rel -> href).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from exposurecheck.untrusted import clean_text

__all__ = [
    "CompanyProfile",
    "DomesticSearchAddress",
    "Establishment",
    "EstablishmentList",
    "EstablishmentSummary",
    "ForeignSearchAddress",
    "RegisterAddress",
    "SearchAddress",
    "SearchPage",
    "SearchResult",
    "TradeName",
    "correspondence_address",
    "parse_ja_nee",
    "visiting_address",
]

_TRUE = {"ja", "j", "true", "1", "yes", "y"}
_FALSE = {"nee", "n", "false", "0", "no", ""}


def parse_ja_nee(value: Any) -> bool | None:
    """Turn a KVK indicator (``"Ja"``/``"Nee"``) into a bool.

    Also accepts real booleans (for fixtures and round trips). ``None`` stays
    ``None`` so callers can tell "absent" from "Nee".
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = value.strip().lower()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
    raise ValueError("expected 'Ja' or 'Nee'")


def _ja_nee_default_false(value: Any) -> bool:
    return bool(parse_ja_nee(value))


def _no_bool(value: Any) -> Any:
    """JSON ``true`` is not a number: pydantic would read it as 1."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    return value


def _trimmed(value: Any) -> Any:
    """``" bezoekadres "`` is a bezoekadres: KVK's enum words, trimmed and lower case."""
    return value.strip().lower() if isinstance(value, str) else value


Number = Annotated[int, BeforeValidator(_no_bool)]
Kind = Annotated[str, BeforeValidator(_trimmed)]

JaNee = Annotated[bool, BeforeValidator(_ja_nee_default_false)]
"""A ``"Ja"``/``"Nee"`` indicator; an explicit ``null`` counts as ``"Nee"``."""

OptionalJaNee = Annotated[bool | None, BeforeValidator(parse_ja_nee)]
"""A ``"Ja"``/``"Nee"`` indicator that may be absent (``None``)."""


def normalise_links(value: Any) -> dict[str, str]:
    """Normalise either link style to ``{rel: href}``.

    Accepts ``{"rel": {"href": ...}}`` (HAL), ``{"rel": "href"}`` (already
    normalised) and ``[{"rel": ..., "href": ...}]``. Entries without a usable
    rel or href are skipped; for a HAL rel holding a list, the first href wins.
    """
    out: dict[str, str] = {}
    if value is None:
        return out
    if isinstance(value, Mapping):
        for rel, target in value.items():
            if isinstance(target, list):
                target = next((t for t in target if isinstance(t, Mapping)), None)
            href = target.get("href") if isinstance(target, Mapping) else target
            if isinstance(rel, str) and isinstance(href, str):
                out.setdefault(rel, href)
        return out
    if isinstance(value, list | tuple):
        for item in value:
            if not isinstance(item, Mapping):
                continue
            rel, href = item.get("rel"), item.get("href")
            if isinstance(rel, str) and isinstance(href, str):
                out.setdefault(rel, href)
        return out
    raise ValueError("links must be an object or a list of {rel, href}")


class _KvkModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", validate_by_name=True,
                              validate_by_alias=True)

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        """Register text is outside text: no control character gets past the parser."""
        return clean_text(value) if isinstance(value, str) else value

    def __hash__(self) -> int:
        # The generated hash fails on dict fields (links); hash a frozen view instead.
        return hash((type(self), *(_hashable(v) for v in self.__dict__.values())))


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


class _Linked(_KvkModel):
    """A model carrying ``links``, fed from ``_links`` and/or ``links``."""

    links: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _merge_links(cls, data: Any) -> Any:
        if not isinstance(data, Mapping) or ("_links" not in data and "links" not in data):
            return data
        merged = {**normalise_links(data.get("links")), **normalise_links(data.get("_links"))}
        rest = {k: v for k, v in data.items() if k not in ("links", "_links")}
        rest["links"] = merged
        return rest


# --------------------------------------------------------------------------- profiles


class RegisterAddress(_KvkModel):
    """An address object of a profile (``adressen[]``).

    A shielded visiting address arrives as only
    ``{"type": "bezoekadres", "indAfgeschermd": "Ja"}``: all other fields are None.
    ``volledigAdres`` is kept verbatim, including KVK's runs of padding spaces.
    """

    type: Kind
    afgeschermd: JaNee = Field(default=False, alias="indAfgeschermd")
    volledigAdres: str | None = None
    straatnaam: str | None = None
    huisnummer: Number | None = None
    huisletter: str | None = None
    huisnummerToevoeging: str | None = None
    aanduidingBijHuisnummer: str | None = None
    toevoegingAdres: str | None = None
    postcode: str | None = None
    postbusnummer: Number | None = None
    plaats: str | None = None
    straatHuisnummer: str | None = None
    postcodeWoonplaats: str | None = None
    regio: str | None = None
    land: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _stub_is_shielded(cls, data: Any) -> Any:
        """An address object with a type and nothing else is a shielded stub, flag or not.

        Reading it as a public address with no content would make a shielded
        business disappear from the report.
        """
        if not isinstance(data, Mapping) or data.get("indAfgeschermd") is not None:
            return data
        content = [v for k, v in data.items() if k not in ("type", "indAfgeschermd")
                   and v is not None and not (isinstance(v, str) and not v.strip())]
        return data if content else {**data, "indAfgeschermd": "Ja"}

    @property
    def is_bezoekadres(self) -> bool:
        return self.type == "bezoekadres"

    @property
    def is_correspondentieadres(self) -> bool:
        return self.type in ("correspondentieadres", "postadres")


class TradeName(_KvkModel):
    naam: str
    volgorde: Number | None = None


def visiting_address(addresses: Iterable[RegisterAddress]) -> RegisterAddress | None:
    """The bezoekadres (possibly a shielded stub), if listed."""
    return next((a for a in addresses if a.is_bezoekadres), None)


def correspondence_address(addresses: Iterable[RegisterAddress]) -> RegisterAddress | None:
    return next((a for a in addresses if a.is_correspondentieadres), None)


class _HasAddresses(_KvkModel):
    adressen: tuple[RegisterAddress, ...] = ()

    @property
    def bezoekadres(self) -> RegisterAddress | None:
        return visiting_address(self.adressen)

    @property
    def correspondentieadres(self) -> RegisterAddress | None:
        return correspondence_address(self.adressen)


class Establishment(_Linked, _HasAddresses):
    """Vestigingsprofiel (also ``_embedded.hoofdvestiging`` of a Basisprofiel)."""

    vestigingsnummer: str
    kvkNummer: str | None = None
    rsin: str | None = None
    eersteHandelsnaam: str | None = None
    statutaireNaam: str | None = None
    handelsnamen: tuple[TradeName, ...] = ()
    hoofdvestiging: JaNee = Field(default=False, alias="indHoofdvestiging")
    commercieel: OptionalJaNee = Field(default=None, alias="indCommercieleVestiging")
    websites: tuple[str, ...] = ()


class EstablishmentSummary(_Linked):
    """One item of ``GET /v1/basisprofielen/{kvk}/vestigingen`` (KVK: VestigingBasis).

    The list only carries ``volledigAdres`` (no split fields); when the address
    is shielded ``adres_afgeschermd`` is True and ``volledigAdres`` is absent.
    """

    vestigingsnummer: str
    kvkNummer: str | None = None
    eersteHandelsnaam: str | None = None
    hoofdvestiging: JaNee = Field(default=False, alias="indHoofdvestiging")
    adres_afgeschermd: JaNee = Field(default=False, alias="indAdresAfgeschermd")
    commercieel: OptionalJaNee = Field(default=None, alias="indCommercieleVestiging")
    volledigAdres: str | None = None


class EstablishmentList(_Linked):
    """The whole ``/vestigingen`` response (KVK: VestigingList); not paginated.

    Its counts (``aantalCommercieleVestigingen`` ...) are not read, so a malformed count
    cannot fail the list."""

    kvkNummer: str | None = None
    vestigingen: tuple[EstablishmentSummary, ...] = ()


class CompanyProfile(_Linked):
    """Basisprofiel. ``rechtsvorm``/``uitgebreideRechtsvorm``/``eigenaar_adressen``
    come from ``_embedded.eigenaar``, ``hoofdvestiging`` from ``_embedded.hoofdvestiging``.
    """

    kvkNummer: str
    naam: str | None = None
    statutaireNaam: str | None = None
    handelsnamen: tuple[TradeName, ...] = ()
    rechtsvorm: str | None = None
    uitgebreideRechtsvorm: str | None = None
    eigenaar_adressen: tuple[RegisterAddress, ...] = ()
    hoofdvestiging: Establishment | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten_embedded(cls, data: Any) -> Any:
        if not isinstance(data, Mapping) or "_embedded" not in data:
            return data
        out = {k: v for k, v in data.items() if k != "_embedded"}
        embedded = data.get("_embedded")
        if not isinstance(embedded, Mapping):
            return out
        owner = embedded.get("eigenaar")
        if isinstance(owner, Mapping):
            for src, dst in (
                ("rechtsvorm", "rechtsvorm"),
                ("uitgebreideRechtsvorm", "uitgebreideRechtsvorm"),
                ("adressen", "eigenaar_adressen"),
            ):
                if src in owner and dst not in out:
                    out[dst] = owner[src]
        if "hoofdvestiging" in embedded and "hoofdvestiging" not in out:
            out["hoofdvestiging"] = embedded["hoofdvestiging"]
        return out

    @property
    def trade_names(self) -> tuple[str, ...]:
        """Trade names in KVK order (``volgorde``), then the registered name."""
        names = [t.naam for t in sorted(self.handelsnamen, key=_volgorde)]
        for extra in (self.naam, self.statutaireNaam):
            if extra and extra not in names:
                names.append(extra)
        return tuple(names)


def _volgorde(t: TradeName) -> int:
    return t.volgorde if t.volgorde is not None else 1 << 30


# --------------------------------------------------------------------------- zoeken


class DomesticSearchAddress(_KvkModel):
    """``adres.binnenlandsAdres``; ``type`` is ``bezoekadres`` or ``postadres``."""

    type: Kind | None = None
    straatnaam: str | None = None
    huisnummer: Number | None = None
    huisletter: str | None = None
    postbusnummer: Number | None = None
    postcode: str | None = None
    plaats: str | None = None


class ForeignSearchAddress(_KvkModel):
    """``adres.buitenlandsAdres``."""

    type: Kind | None = None
    straatHuisnummer: str | None = None
    postcodeWoonplaats: str | None = None
    land: str | None = None


class SearchAddress(_KvkModel):
    binnenlandsAdres: DomesticSearchAddress | None = None
    buitenlandsAdres: ForeignSearchAddress | None = None

    @property
    def type(self) -> str | None:
        inner = self.binnenlandsAdres or self.buitenlandsAdres
        return inner.type if inner else None


class SearchResult(_Linked):
    """One row of Zoeken v2 ``resultaten[]``.

    ``vestigingsnummer`` is None for a ``rechtspersoon`` row. ``actief`` is only
    reported when searching with ``inclusiefInactieveRegistraties``; None means
    "not reported" (the default search only returns active registrations).
    """

    kvkNummer: str
    rsin: str | None = None
    vestigingsnummer: str | None = None
    naam: str = ""
    type: Kind = ""
    actief: OptionalJaNee = None
    vervallenNaam: str | None = None
    adres: SearchAddress | None = None


class SearchPage(_Linked):
    """A whole Zoeken v2 response page. ``totaal`` may be absent or wrong: paging must
    not trust it alone (see the client)."""

    pagina: Number | None = None
    resultatenPerPagina: Number | None = None
    totaal: Number | None = None
    resultaten: tuple[SearchResult, ...] = ()
