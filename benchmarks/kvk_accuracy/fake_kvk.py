"""Independent fake of the KVK Handelsregister API subset that exposurecheck uses.

Serves a world written by ``generate.py`` (``register.json``) on 127.0.0.1:

- ``GET {base}/v2/zoeken``
- ``GET {base}/v1/basisprofielen/{kvkNummer}`` (+ ``/hoofdvestiging``, ``/eigenaar``,
  ``/vestigingen``)
- ``GET {base}/v1/vestigingsprofielen/{vestigingsnummer}``
- ``GET /__health`` (no key, never fails; for start-up polling)

``{base}`` is ``http://127.0.0.1:PORT/api`` by default (``--prefix``). Every API call needs the
``apikey`` header. ``--fail-rate`` injects faults on that fraction of API calls, drawn with a
seeded RNG, in four equal shares: HTTP 500, HTTP 503, a truncated JSON body with status 200,
and a response that never comes (the handler sleeps ``--hang-seconds`` and closes the socket).

Behaviour that is a choice of this fake, not a documented fact of the real API, is marked
"(fake)" in the comments.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
import time
import unicodedata
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "register.json"
DEFAULT_KEY = "benchmark-key-0000"
MAX_WINDOW = 1000
FAULT_MODES = ("http500", "http503", "truncated", "hang")

ADDRESS_PARAMS = ("straatnaam", "plaats", "postcode", "huisnummer", "huisletter")
SEARCH_PARAMS = ("kvknummer", "rsin", "vestigingsnummer", "naam", *ADDRESS_PARAMS, "postbusnummer")
RECHTSVORMEN = {
    "Eenmanszaak": ("Eenmanszaak", "Eenmanszaak"),
    "VOF": ("VennootschapOnderFirma", "Vennootschap onder firma"),
    "BV": ("BeslotenVennootschap", "Besloten Vennootschap"),
}
SPECIAL_FOLD = {"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "ł": "l", "đ": "d"}

Json = dict[str, Any]


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"fout": [{"code": code, "omschrijving": message}]}


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form used for name and street matching (fake)."""
    text = "".join(SPECIAL_FOLD.get(ch, ch) for ch in text.casefold())
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def ja_nee(value: bool) -> str:
    return "Ja" if value else "Nee"


def padding(seed: str) -> str:
    """A run of spaces, as in real volledigAdres values; length varies per address."""
    return " " * (9 + zlib.crc32(seed.encode()) % 33)


def with_links(body: Json, list_style: bool, links: dict[str, str]) -> Json:
    """``body`` with its links (rel to href): real responses carry either
    ``_links: {rel: {href}}`` or ``links: [{rel, href}]``."""
    if list_style:
        body["links"] = [{"rel": rel, "href": href} for rel, href in links.items()]
    else:
        body["_links"] = {rel: {"href": href} for rel, href in links.items()}
    return body


# ---------------------------------------------------------------------------------------------
# Register and response rendering
# ---------------------------------------------------------------------------------------------


class Register:
    def __init__(self, data: Json) -> None:
        self.companies: dict[str, Json] = {}
        self.vestigingen: dict[str, tuple[Json, Json]] = {}
        self.rows: list[tuple[Json, Json | None]] = []  # (company, vestiging or None)
        for company in data["companies"]:
            self.companies[company["kvkNummer"]] = company
            if company["rechtsvorm"] == "BV":
                self.rows.append((company, None))
            ordered = sorted(company["vestigingen"], key=lambda v: not v["hoofd"])
            for vest in ordered:
                self.vestigingen[vest["vestigingsnummer"]] = (vest, company)
                self.rows.append((company, vest))

    @classmethod
    def load(cls, path: Path) -> Register:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # -- address objects -----------------------------------------------------------------------

    @staticmethod
    def house(adr: Json, letter_style: str) -> tuple[Json, str]:
        number, letter, addition = adr["huisnummer"], adr["huisletter"], adr["toevoeging"]
        fields: Json = {"huisnummer": number}
        text = str(number)
        if letter and letter_style == "huisletter":
            fields["huisletter"] = letter
            text += letter
        elif letter:  # "Hizzaarderlaan 3 A": the letter given as huisnummerToevoeging
            fields["huisnummerToevoeging"] = letter
            text += f" {letter}"
        if addition:
            fields["huisnummerToevoeging"] = (
                f"{fields['huisnummerToevoeging']} {addition}"
                if "huisnummerToevoeging" in fields
                else addition
            )
            text += f" {addition}"
        return fields, text

    def visiting_address(self, vest: Json) -> Json:
        if vest["afgeschermd"]:
            return {"type": "bezoekadres", "indAfgeschermd": "Ja"}
        adr = vest["bezoekadres"]
        fields, text = self.house(adr, vest["letterStijl"])
        pad = padding(vest["vestigingsnummer"] + "b")
        return {
            "type": "bezoekadres",
            "indAfgeschermd": "Nee",
            "volledigAdres": f"{adr['straatnaam']} {text}{pad}{adr['postcode']} {adr['plaats']}",
            "straatnaam": adr["straatnaam"],
            **fields,
            "postcode": adr["postcode"],
            "plaats": adr["plaats"],
            "land": "Nederland",
        }

    def correspondence_address(self, vest: Json) -> Json | None:
        post = vest["correspondentieadres"]
        if not post:
            return None
        pad = padding(vest["vestigingsnummer"] + "c")
        base = {"type": "correspondentieadres", "indAfgeschermd": "Nee"}
        if "postbus" in post:
            return {
                **base,
                "volledigAdres": f"Postbus {post['postbus']}{pad}{post['postcode']} "
                f"{post['plaats']}",
                "straatnaam": "Postbus",
                "postcode": post["postcode"],
                "postbusnummer": post["postbus"],
                "plaats": post["plaats"],
                "land": "Nederland",
            }
        fields, text = self.house(post, "huisletter")
        return {
            **base,
            "volledigAdres": f"{post['straatnaam']} {text}{pad}{post['postcode']} {post['plaats']}",
            "straatnaam": post["straatnaam"],
            **fields,
            "postcode": post["postcode"],
            "plaats": post["plaats"],
            "land": "Nederland",
        }

    def addresses(self, vest: Json) -> list[Json]:
        result = [self.visiting_address(vest)]
        post = self.correspondence_address(vest)
        if post is not None:
            first = zlib.crc32(vest["vestigingsnummer"].encode()) % 2 == 0
            result = [post, *result] if first else [*result, post]
        return result

    # -- profiles ------------------------------------------------------------------------------

    @staticmethod
    def dates(obj: Json) -> Json:
        registration = {"datumAanvang": obj["datumAanvang"]}
        if obj.get("datumEinde"):
            registration["datumEinde"] = obj["datumEinde"]
        return registration

    @staticmethod
    def trade_names(names: list[str]) -> list[Json]:
        return [{"naam": name, "volgorde": i} for i, name in enumerate(names)]

    @staticmethod
    def sbi(company: Json) -> list[Json]:
        return [
            {"sbiCode": s["code"], "sbiOmschrijving": s["omschrijving"], "indHoofdactiviteit": "Ja"}
            for s in company["sbi"]
        ]

    def company(self, kvk: str) -> Json:
        if not re.fullmatch(r"\d{8}", kvk):
            raise ApiError(400, "IPD0004", "Het KvK-nummer is niet valide")
        company = self.companies.get(kvk)
        if company is None:
            raise ApiError(404, "IPD0005", "Het KvK-nummer is niet gevonden")  # code (fake)
        return company

    def head_office(self, company: Json) -> Json:
        return next(v for v in company["vestigingen"] if v["hoofd"])

    def vestigingsprofiel(self, vnr: str, base: str, list_style: bool) -> Json:
        if not re.fullmatch(r"\d{12}", vnr):
            raise ApiError(400, "IPD0004", "Het vestigingsnummer is niet valide")  # code (fake)
        if vnr not in self.vestigingen:
            raise ApiError(404, "IPD0005", "Het vestigingsnummer is niet gevonden")  # (fake)
        vest, company = self.vestigingen[vnr]
        names = company["handelsnamen"] if vest["hoofd"] else vest["handelsnamen"]
        body: Json = {"vestigingsnummer": vnr, "kvkNummer": company["kvkNummer"]}
        if company["rsin"]:
            body["rsin"] = company["rsin"]
        body.update(
            {
                "indNonMailing": ja_nee(zlib.crc32(vnr.encode()) % 3 == 0),
                "formeleRegistratiedatum": vest["datumAanvang"],
                "materieleRegistratie": self.dates(vest),
            }
        )
        if company["statutaireNaam"]:
            body["statutaireNaam"] = company["statutaireNaam"]
        employees = vest["werkzamePersonen"]
        body.update(
            {
                "eersteHandelsnaam": names[0],
                "indHoofdvestiging": ja_nee(vest["hoofd"]),
                "indCommercieleVestiging": ja_nee(vest["commercieel"]),
                "voltijdWerkzamePersonen": employees,
                "totaalWerkzamePersonen": employees,
                "deeltijdWerkzamePersonen": 0,
                "handelsnamen": self.trade_names(names),
                "adressen": self.addresses(vest),
                "sbiActiviteiten": self.sbi(company),
            }
        )
        return with_links(body, list_style, {
            "self": f"{base}/v1/vestigingsprofielen/{vnr}",
            "basisprofiel": f"{base}/v1/basisprofielen/{company['kvkNummer']}"})

    def hoofdvestiging(self, company: Json, base: str, list_style: bool) -> Json:
        vest = self.head_office(company)
        kvk, vnr = company["kvkNummer"], vest["vestigingsnummer"]
        body: Json = {
            "vestigingsnummer": vnr,
            "kvkNummer": kvk,
            "eersteHandelsnaam": company["handelsnamen"][0],
            "indHoofdvestiging": "Ja",
            "indCommercieleVestiging": ja_nee(vest["commercieel"]),
            "totaalWerkzamePersonen": vest["werkzamePersonen"],
            "adressen": self.addresses(vest),
        }
        return with_links(body, list_style, {
            "self": f"{base}/v1/basisprofielen/{kvk}/hoofdvestiging",
            "vestigingsprofiel": f"{base}/v1/vestigingsprofielen/{vnr}"})

    def eigenaar(self, company: Json, base: str, list_style: bool) -> Json:
        short, long = RECHTSVORMEN[company["rechtsvorm"]]
        body: Json = {}
        if company["rsin"]:
            body["rsin"] = company["rsin"]
        body.update({"rechtsvorm": short, "uitgebreideRechtsvorm": long})
        return with_links(body, list_style, {
            "self": f"{base}/v1/basisprofielen/{company['kvkNummer']}/eigenaar"})

    def basisprofiel(self, kvk: str, base: str, list_style: bool) -> Json:
        company = self.company(kvk)
        body: Json = {
            "kvkNummer": kvk,
            "indNonMailing": ja_nee(zlib.crc32(kvk.encode()) % 3 == 0),
            "naam": company["statutaireNaam"] or company["handelsnamen"][0],
            "formeleRegistratiedatum": company["datumAanvang"],
            "materieleRegistratie": self.dates(company),
            "totaalWerkzamePersonen": sum(v["werkzamePersonen"] for v in company["vestigingen"]),
        }
        if company["statutaireNaam"]:
            body["statutaireNaam"] = company["statutaireNaam"]
        body["handelsnamen"] = self.trade_names(company["handelsnamen"])
        body["sbiActiviteiten"] = self.sbi(company)
        with_links(body, list_style, {
            "self": f"{base}/v1/basisprofielen/{kvk}",
            "vestigingen": f"{base}/v1/basisprofielen/{kvk}/vestigingen"})
        body["_embedded"] = {
            "hoofdvestiging": self.hoofdvestiging(company, base, list_style),
            "eigenaar": self.eigenaar(company, base, list_style),
        }
        return body

    def vestigingenlijst(self, kvk: str, base: str, list_style: bool) -> Json:
        company = self.company(kvk)
        active_company = not company.get("datumEinde")
        listed = [v for v in company["vestigingen"] if v["actief"] or not active_company]
        listed.sort(key=lambda v: not v["hoofd"])
        rows = []
        for vest in listed:
            vnr = vest["vestigingsnummer"]
            names = company["handelsnamen"] if vest["hoofd"] else vest["handelsnamen"]
            row: Json = {
                "vestigingsnummer": vnr,
                "kvkNummer": kvk,
                "eersteHandelsnaam": names[0],
                "indHoofdvestiging": ja_nee(vest["hoofd"]),
                "indAdresAfgeschermd": ja_nee(vest["afgeschermd"]),
                "indCommercieleVestiging": ja_nee(vest["commercieel"]),
            }
            if not vest["afgeschermd"]:
                row["volledigAdres"] = self.visiting_address(vest)["volledigAdres"]
            with_links(row, list_style,
                       {"vestigingsprofiel": f"{base}/v1/vestigingsprofielen/{vnr}"})
            rows.append(row)
        commercial = sum(v["commercieel"] for v in listed)
        body: Json = {
            "kvkNummer": kvk,
            "aantalCommercieleVestigingen": commercial,
            "aantalNietCommercieleVestigingen": len(listed) - commercial,
            "totaalAantalVestigingen": len(listed),
            "vestigingen": rows,
        }
        return with_links(body, list_style,
                          {"self": f"{base}/v1/basisprofielen/{kvk}/vestigingen"})

    # -- zoeken --------------------------------------------------------------------------------

    def zoeken(self, query: dict[str, str], base: str, list_style: bool) -> Json:
        q = {k.lower(): v.strip() for k, v in query.items()}
        if not any(q.get(p) for p in SEARCH_PARAMS):
            raise ApiError(400, "IPD1998", "Geen zoekparameter opgegeven")  # code (fake)
        page = self.int_param(q, "pagina", 1, 1, 10_000)
        per_page = self.int_param(q, "resultatenperpagina", 10, 1, 100)
        kvk = q.get("kvknummer")
        if kvk and not re.fullmatch(r"\d{8}", kvk):
            raise ApiError(400, "IPD0004", "Het KvK-nummer is niet valide")
        vnr = q.get("vestigingsnummer")
        if vnr and not re.fullmatch(r"\d{12}", vnr):
            raise ApiError(400, "IPD1998", "Het vestigingsnummer is niet valide")  # code (fake)
        number = self.int_param(q, "huisnummer", None, 1, 99_999)
        postbus = self.int_param(q, "postbusnummer", None, 1, 99_999)
        types = {t.strip().lower() for t in q["type"].split(",")} if q.get("type") else None
        inactive = q.get("inclusiefinactieveregistraties", "").lower() in {"true", "1", "ja"}
        by_address = any(q.get(p) for p in ADDRESS_PARAMS)
        name = fold(q["naam"]) if q.get("naam") else None
        street = fold(q["straatnaam"]) if q.get("straatnaam") else None
        town = fold(q["plaats"]) if q.get("plaats") else None
        postcode = q["postcode"].replace(" ", "").upper() if q.get("postcode") else None
        letter = q["huisletter"].upper() if q.get("huisletter") else None

        matches: list[tuple[Json, Json | None]] = []
        for company, vest in self.rows:
            row_type = (
                "rechtspersoon"
                if vest is None
                else ("hoofdvestiging" if vest["hoofd"] else "nevenvestiging")
            )
            active = vest["actief"] if vest is not None else not company.get("datumEinde")
            if (types and row_type not in types) or (not active and not inactive):
                continue
            if kvk and company["kvkNummer"] != kvk:
                continue
            if q.get("rsin") and company["rsin"] != q["rsin"]:
                continue
            if vnr and (vest is None or vest["vestigingsnummer"] != vnr):
                continue
            if name is not None:
                if vest is None:
                    names = [company["statutaireNaam"] or "", *company["handelsnamen"]]
                else:
                    names = company["handelsnamen"] if vest["hoofd"] else vest["handelsnamen"]
                if not any(name in fold(n) for n in names):
                    continue
            if postbus is not None:
                post = vest["correspondentieadres"] if vest is not None else None
                if not post or post.get("postbus") != postbus:
                    continue
            if by_address:
                # a shielded visiting address is never found by an address search
                if vest is None or vest["afgeschermd"]:
                    continue
                adr = vest["bezoekadres"]
                if (
                    (street is not None and fold(adr["straatnaam"]) != street)
                    or (town is not None and fold(adr["plaats"]) != town)
                    or (postcode is not None and adr["postcode"] != postcode)
                    or (number is not None and adr["huisnummer"] != number)
                    or (letter is not None and adr["huisletter"].upper() != letter)
                ):
                    continue
            matches.append((company, vest))

        if not matches:
            raise ApiError(404, "IPD5200", "Geen resultaten gevonden voor deze zoekvraag")
        window = matches[:MAX_WINDOW]
        start = (page - 1) * per_page
        if start >= len(window):
            raise ApiError(404, "IPD5200", "Geen resultaten op deze pagina")  # (fake)
        rows = [
            self.search_row(c, v, base, list_style, inactive)
            for c, v in window[start : start + per_page]
        ]

        def page_href(n: int) -> str:
            params = {k: v for k, v in q.items() if k not in {"pagina", "resultatenperpagina"}}
            params.update({"pagina": str(n), "resultatenperpagina": str(per_page)})
            return f"{base}/v2/zoeken?{urlencode(params)}"

        links = {"self": page_href(page)}
        if page > 1:
            links["previous"] = page_href(page - 1)
        if start + per_page < len(window):
            links["next"] = page_href(page + 1)
        body: Json = {
            "pagina": page,
            "resultatenPerPagina": per_page,
            "totaal": len(matches),
            "resultaten": rows,
        }
        return with_links(body, list_style, links)

    def search_row(
        self, company: Json, vest: Json | None, base: str, list_style: bool, with_active: bool
    ) -> Json:
        kvk = company["kvkNummer"]
        profile = {"basisprofiel": f"{base}/v1/basisprofielen/{kvk}"}
        if vest is None:
            row: Json = {"kvkNummer": kvk}
            if company["rsin"]:
                row["rsin"] = company["rsin"]
            row.update({"naam": company["statutaireNaam"], "type": "rechtspersoon"})
            if with_active:
                row["actief"] = ja_nee(not company.get("datumEinde"))
            return with_links(row, list_style, profile)
        vnr = vest["vestigingsnummer"]
        names = company["handelsnamen"] if vest["hoofd"] else vest["handelsnamen"]
        row = {"kvkNummer": kvk, "vestigingsnummer": vnr, "naam": names[0]}
        if not vest["afgeschermd"]:
            adr = vest["bezoekadres"]
            row["adres"] = {
                "binnenlandsAdres": {
                    "type": "bezoekadres",
                    "straatnaam": adr["straatnaam"],
                    "plaats": adr["plaats"],
                }
            }
        elif vest["correspondentieadres"]:
            post = vest["correspondentieadres"]
            row["adres"] = {
                "binnenlandsAdres": {
                    "type": "postadres",
                    "straatnaam": post.get("straatnaam", "Postbus"),
                    "plaats": post["plaats"],
                }
            }
        row["type"] = "hoofdvestiging" if vest["hoofd"] else "nevenvestiging"
        if with_active:
            row["actief"] = ja_nee(vest["actief"])
        return with_links(row, list_style, {
            **profile, "vestigingsprofiel": f"{base}/v1/vestigingsprofielen/{vnr}"})

    @staticmethod
    def int_param(q: dict[str, str], name: str, default: int | None, low: int, high: int) -> Any:
        raw = q.get(name)
        if not raw:
            return default
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise ApiError(400, "IPD1998", f"Ongeldige waarde voor {name}: {raw}")  # (fake)
        return int(raw)

    # -- routing -------------------------------------------------------------------------------

    def route(self, path: str, query: dict[str, str], base: str) -> Json:
        list_style = zlib.crc32((path + "?" + urlencode(sorted(query.items()))).encode()) % 2 == 1
        parts = [p for p in path.split("/") if p]
        if parts == ["v2", "zoeken"]:
            return self.zoeken(query, base, list_style)
        if len(parts) >= 3 and parts[:2] == ["v1", "basisprofielen"]:
            kvk = parts[2]
            if len(parts) == 3:
                return self.basisprofiel(kvk, base, list_style)
            if len(parts) == 4 and parts[3] == "vestigingen":
                return self.vestigingenlijst(kvk, base, list_style)
            if len(parts) == 4 and parts[3] == "hoofdvestiging":
                return self.hoofdvestiging(self.company(kvk), base, list_style)
            if len(parts) == 4 and parts[3] == "eigenaar":
                return self.eigenaar(self.company(kvk), base, list_style)
        if len(parts) == 3 and parts[:2] == ["v1", "vestigingsprofielen"]:
            return self.vestigingsprofiel(parts[2], base, list_style)
        raise ApiError(404, "IPD0005", f"Onbekend pad: {path}")  # (fake)


# ---------------------------------------------------------------------------------------------
# HTTP layer
# ---------------------------------------------------------------------------------------------


class Faults:
    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self.rng = random.Random(seed)
        self.lock = threading.Lock()

    def draw(self) -> str | None:
        with self.lock:
            if self.rate > 0 and self.rng.random() < self.rate:
                return FAULT_MODES[self.rng.randrange(len(FAULT_MODES))]
        return None


class FakeKvkServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        register: Register,
        api_key: str,
        prefix: str,
        faults: Faults,
        hang_seconds: float,
        log_path: Path | None,
    ) -> None:
        super().__init__(address, Handler)
        self.register = register
        self.api_key = api_key
        self.prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
        self.faults = faults
        self.hang_seconds = hang_seconds
        self.log_lock = threading.Lock()
        self.log_file = log_path.open("a", encoding="utf-8") if log_path else None

    def log(self, entry: Json) -> None:
        if self.log_file is None:
            return
        with self.log_lock:
            self.log_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.log_file.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FakeKvkServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_json(self, status: int, body: Json, truncate: bool = False) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if truncate:
            data = data[: max(1, len(data) // 2)]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        started = time.time()
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        path = url.path
        entry: Json = {"t": round(started, 3), "path": path, "query": query}
        logged = False
        try:
            if path == "/__health":
                self.send_json(200, {"status": "ok"})
                return
            prefix = self.server.prefix
            if not path.startswith(prefix + "/"):
                self.send_json(404, {"fout": [{"code": "IPD0005", "omschrijving": "Onbekend"}]})
                entry["status"] = 404
                return
            api_path = path[len(prefix) :]
            entry["endpoint"] = endpoint_name(api_path)
            fault = self.server.faults.draw()
            entry["fault"] = fault
            if fault == "hang":
                entry["status"] = None
                self.server.log(entry)  # now: the server may be stopped while this sleeps
                logged = True
                time.sleep(self.server.hang_seconds)
                self.close_connection = True
                return
            if fault in {"http500", "http503"}:
                status = 500 if fault == "http500" else 503
                code, text = (
                    ("IPD9999", "Interne fout")
                    if status == 500
                    else ("IPD1002", "De dienst is tijdelijk niet beschikbaar")
                )
                self.send_json(status, {"fout": [{"code": code, "omschrijving": text}]})
                entry["status"] = status
                return
            if self.headers.get("apikey") != self.server.api_key:
                body = {"fout": [{"code": "IPD0001", "omschrijving": "Ongeldige of geen API-key"}]}
                self.send_json(401, body)
                entry["status"] = 401
                return
            base = f"http://{self.headers.get('Host', 'localhost')}{prefix}"
            try:
                body = self.server.register.route(api_path, query, base)
                status = 200
            except ApiError as err:
                body, status = err.body, err.status
            self.send_json(status, body, truncate=fault == "truncated")
            entry["status"] = status
        except (BrokenPipeError, ConnectionResetError):
            entry["status"] = "client-gone"
        finally:
            if not logged:
                entry["ms"] = round((time.time() - started) * 1000, 1)
                self.server.log(entry)

    def do_POST(self) -> None:
        self.send_json(
            405, {"fout": [{"code": "IPD1998", "omschrijving": "Methode niet toegestaan"}]}
        )


def endpoint_name(api_path: str) -> str:
    parts = [p for p in api_path.split("/") if p]
    if parts[:2] == ["v2", "zoeken"]:
        return "zoeken"
    if parts[:2] == ["v1", "basisprofielen"]:
        return "basisprofiel" + (f"/{parts[3]}" if len(parts) > 3 else "")
    if parts[:2] == ["v1", "vestigingsprofielen"]:
        return "vestigingsprofiel"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fake KVK API for the exposurecheck benchmark")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="register.json")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--prefix", default="/api", help="path before /v2/zoeken")
    parser.add_argument("--api-key", default=DEFAULT_KEY)
    parser.add_argument("--fail-rate", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang-seconds", type=float, default=120.0)
    parser.add_argument("--log", type=Path, default=None, help="append one JSON line per call")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"register not found: {args.data} (run generate.py first)", file=sys.stderr)
        return 2
    register = Register.load(args.data)
    server = FakeKvkServer(
        (args.host, args.port),
        register,
        args.api_key,
        args.prefix,
        Faults(args.fail_rate, args.seed),
        args.hang_seconds,
        args.log,
    )
    print(
        f"fake_kvk listening on http://{args.host}:{server.server_port}{server.prefix}", flush=True
    )
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
