"""Find what should not be published in a piece of document text.

Two sources of truth: the roster (the officials' own data, found with the web source's
matchers, so a document and a web page are judged alike) and the identifiers of anyone
(BSN, IBAN, personal phone numbers, private e-mail addresses, postcode-and-number
addresses), validated by python-stdnum and phonenumbers. Public data is not a finding:
the organisation's own addresses and numbers, role mailboxes, the general municipal
number 14 0xxx, case numbers and whatever the config declares public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from exposurecheck.matching.address import AddressParseError, match_address, parse_address
from exposurecheck.models import FindingKind, Official, Roster
from exposurecheck.scrub.model import Hit, ScanKind
from exposurecheck.web.extract import Block, Element, PageContent
from exposurecheck.web.match import find_exposures

_ROSTER_KINDS = {
    FindingKind.HOME_ADDRESS: ScanKind.HOME_ADDRESS,
    FindingKind.PHONE: ScanKind.PHONE,
    FindingKind.EMAIL: ScanKind.EMAIL,
    FindingKind.BIRTH_DATE: ScanKind.BIRTH_DATE,
    FindingKind.HOUSEHOLD_NAME: ScanKind.HOUSEHOLD_NAME,
}

_BSN = re.compile(r"(?<![\w.-])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?![\w-])")
_IBAN = re.compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_STREET = (r"(?:[A-Z][a-zà-ÿ'’.-]+|[A-Z]\.)(?:[ -](?:[A-Z][a-zà-ÿ'’.-]+|[A-Z]\.|van|der|de|den"
           r"|het|'t|ten|ter|op|aan)){0,5}")
_NUMBER = r"\d{1,5}(?:[ -]?[A-Za-z]{1,2}\b)?(?:[ -](?:hs|bis|I{1,3}|\d{1,3}))?"
_POSTCODE = r"[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-z])"
_ADDRESS = re.compile(
    rf"(?:(?P<street>{_STREET})[ \n](?P<number>{_NUMBER})[ ]*,?[ ]*\n?[ ]*(?P<pc>{_POSTCODE})"
    rf"|(?P<pc2>{_POSTCODE})[ ]*,?[ ]*(?:huisnummer[ ]*)?(?P<number2>\d{{1,5}}[A-Za-z]?)\b)"
    rf"(?:[ ]+(?P<town>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?))?")

_ROLE_MAILBOXES = frozenset({
    "info", "griffie", "woo", "wob", "secretariaat", "contact", "post", "postbus", "gemeente",
    "raad", "raadsgriffie", "noreply", "no-reply", "communicatie", "pers", "persvoorlichting",
    "privacy", "fg", "klantcontact", "kcc", "helpdesk", "servicedesk", "support", "klachten",
    "bezwaar", "bezwaarschriften", "college", "burgemeester", "fractie", "webmaster",
    "administratie", "facturen", "vergunningen", "omgevingsloket", "balie", "secretaris",
    "integriteit", "ombudsman", "rekenkamer", "subsidies", "belastingen", "wethouders",
})  # fmt: skip
_PERSON_PHONE_TYPES = frozenset({
    PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# Words that, just before a value on its line, make it the organisation's own.
_PUBLIC_CUE = re.compile(
    r"(bezoekadres|postadres|correspondentieadres|postbus|antwoordnummer|gemeentehuis|"
    r"stadhuis|raadhuis|provinciehuis|fractiesecretariaat|secretariaat|griffie|"
    r"hoofdkantoor|kantooradres|receptie|algemeen nummer|t\.n\.v\. (?:de )?gemeente|"
    r"rekening van de gemeente|kvk|btw)", re.IGNORECASE)
_ORG_BEFORE = re.compile(
    r"(?i:gemeente|provincie|waterschap|stichting)[ ]+[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?"
    r"[ ]*[,:]?[ ]*\n?[ ]*$")
_NUMBER_LABEL = re.compile(
    r"(zaak|zaaknummer|dossier|dossiernummer|kenmerk|referentie|registratienummer|kvk|"
    r"kvk-nummer|vestigingsnummer|documentnummer|besluitnummer|factuurnummer|rsin|"
    r"ordernummer|volgnummer|agendapunt|nr\.)[\s:.#-]*(?:nummer)?[\s:.#-]*[\w/-]*$",
    re.IGNORECASE)
_LINE_BEFORE = 70


def _normal(value: str) -> str:
    return re.sub(r"[^0-9a-z@.]", "", value.lower())


class Detector:
    """Every value in a text that a publisher must remove, per roster and public list."""

    def __init__(self, roster: Roster | None = None, public: Sequence[str] = ()) -> None:
        self._officials: tuple[Official, ...] = roster.officials if roster else ()
        self._public_values = {_normal(p) for p in public if not p.startswith("@")}
        self._public_domains = tuple(p.lower() for p in public if p.startswith("@"))
        self._org_names = tuple(sorted({o.organisation for o in self._officials
                                         if o.organisation}))

    def find(self, text: str, public_place: bool = False) -> list[Hit]:
        """Hits in `text`; in a letterhead or footer (`public_place`) only roster data and BSNs.

        Overlapping hits keep the roster's (it knows whose data it is), then the longer.
        """
        if not text.strip():
            return []
        original = text
        text, positions = unwrapped(text)
        hits = list(self._roster(text))
        hits += self._bsn(text)
        hits += self._iban(text, public_place)
        hits += self._phones(text, public_place)
        hits += self._emails(text, public_place)
        hits += self._addresses(text, public_place)
        hits = [self._whose(h) for h in hits if _normal(h.value) not in self._public_values]
        return [_back(h, positions, original) for h in _without_overlaps(hits)]

    def _whose(self, hit: Hit) -> Hit:
        """A postcode address that is a roster official's home is a home address."""
        if hit.kind is not ScanKind.ADDRESS or not self._officials:
            return hit
        try:
            address = parse_address(" ".join(hit.value.split()))
        except AddressParseError:
            return hit
        for official in self._officials:
            if official.home is not None and match_address(official.home, address).same_dwelling:
                return Hit(ScanKind.HOME_ADDRESS, hit.start, hit.end, hit.value,
                           str(official.id))
        return hit

    # ------------------------------------------------------------------ roster

    def _roster(self, text: str) -> Iterator[Hit]:
        content = PageContent(url="document", blocks=(Block(Element.TEXT, text),))
        for official in self._officials:
            for match in find_exposures(official, content):
                kind = _ROSTER_KINDS.get(match.kind)
                if kind is None or not match.value:
                    continue
                for found in re.finditer(re.escape(match.value), text):
                    yield Hit(kind, found.start(), found.end(), match.value, str(official.id))

    # ------------------------------------------------------------------ anyone's data

    def _bsn(self, text: str) -> Iterator[Hit]:
        for found in _BSN.finditer(text):
            digits = re.sub(r"\D", "", found.group(1))
            if not stdnum_bsn.is_valid(digits) or _labelled_number(text, found.start()):
                continue
            yield Hit(ScanKind.BSN, found.start(), found.end(), found.group(0))

    def _iban(self, text: str, public_place: bool) -> Iterator[Hit]:
        for found in _IBAN.finditer(text):
            value = found.group(0).strip()
            if not stdnum_iban.is_valid(value) or public_place:
                continue
            after = text[found.end():found.end() + 40].split("\n")[0]
            if self._public_before(text, found.start()) or _PUBLIC_CUE.search(after):
                continue
            yield Hit(ScanKind.IBAN, found.start(), found.start() + len(value), value)

    def _phones(self, text: str, public_place: bool) -> Iterator[Hit]:
        if public_place:
            return
        for match in PhoneNumberMatcher(text, "NL", leniency=Leniency.VALID):
            number = match.number
            national = phonenumbers.national_significant_number(number)
            if number.country_code != 31 or national.startswith("14"):
                continue
            if phonenumbers.number_type(number) not in _PERSON_PHONE_TYPES:
                continue
            if self._public_before(text, match.start):
                continue
            yield Hit(ScanKind.PHONE, match.start, match.end, match.raw_string)

    def _emails(self, text: str, public_place: bool) -> Iterator[Hit]:
        if public_place:
            return
        for found in _EMAIL.finditer(text):
            value = found.group(0).rstrip(".")
            local, _, domain = value.lower().partition("@")
            if local.split("+")[0] in _ROLE_MAILBOXES or local.startswith(("griffie", "woo")):
                continue
            if any(domain == d[1:] or domain.endswith("." + d[1:]) for d in
                   self._public_domains):
                continue
            yield Hit(ScanKind.EMAIL, found.start(), found.start() + len(value), value)

    def _addresses(self, text: str, public_place: bool) -> Iterator[Hit]:
        if public_place:
            return
        for found in _ADDRESS.finditer(text):
            street = found.group("street") or ""
            if street.split(" ")[0].lower() in ("postbus", "antwoordnummer"):
                continue
            if _PUBLIC_CUE.search(street) or self._public_before(text, found.start()):
                continue
            start = found.start() + _lead_words(street)
            value = text[start:found.end()].rstrip()
            yield Hit(ScanKind.ADDRESS, start, start + len(value), value)

    def _public_before(self, text: str, start: int) -> bool:
        """A cue word on the line (or the line above) or the organisation's name just before."""
        before = text[max(0, start - _LINE_BEFORE):start]
        lines = before.split("\n")
        near = "\n".join(lines[-2:]) if len(lines) > 1 and not lines[-1].strip() else lines[-1]
        if len(lines) > 1 and len(lines[-1].strip()) < 3:
            near = "\n".join(lines[-2:])
        if _PUBLIC_CUE.search(near) or _ORG_BEFORE.search(near):
            return True
        folded = near.lower()
        return any(name.lower() in folded for name in self._org_names)


_NOT_STREET = frozenset({
    "woont", "wonend", "woonachtig", "adres", "aan", "de", "het", "te", "op", "in", "bij",
    "naar", "via", "uit", "en", "van", "mevrouw", "meneer", "heer", "dhr.", "mw.", "zij", "hij",
    "verhuisd", "wonende", "thuisadres", "huisadres", "ons", "mijn", "zijn", "haar", "nieuwe",
    "oude", "een"})


_PARTICLES = frozenset({"van", "de", "den", "der", "het"})


def _lead_words(street: str) -> int:
    """How many characters of words before the street name proper ('Woont Dorpsstraat')."""
    words = street.split(" ")
    skipped = 0
    for word in words[:-1]:
        if word.lower() not in _NOT_STREET or (word.istitle() and word.lower() in _PARTICLES):
            break
        skipped += len(word) + 1
    return skipped


_WORD_BREAK = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011\u00ad]\n(?=[a-zà-ÿ])")


def unwrapped(text: str) -> tuple[str, list[int]]:
    """Words broken over two lines joined ("Veldkamps-" + "weg"), as the document readers
    do, with the position in `text` of every character kept, so hits map back."""
    if "\n" not in text:
        return text, []
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for found in _WORD_BREAK.finditer(text):
        pieces.append(text[last:found.start()])
        positions.extend(range(last, found.start()))
        last = found.end()
    if not positions and last == 0:
        return text, []
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    return "".join(pieces), positions


def _back(hit: Hit, positions: list[int], original: str) -> Hit:
    if not positions:
        return hit
    start = positions[hit.start]
    end = positions[hit.end - 1] + 1
    return Hit(hit.kind, start, end, original[start:end], hit.official)


def _labelled_number(text: str, start: int) -> bool:
    """'zaaknummer 123456782': a case or register number that happens to pass the elfproef."""
    line = text[max(0, start - 30):start].split("\n")[-1]
    return bool(_NUMBER_LABEL.search(line))


def _without_overlaps(hits: Iterable[Hit]) -> list[Hit]:
    ordered = sorted(hits, key=lambda h: (h.official is None, -(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in ordered:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
