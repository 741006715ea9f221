"""A deliberately simple auditor that speaks the same CLI contract as exposurecheck.

It exists to test ``run.py`` end to end before the real tool exists, and to give a baseline
score. It is not the tool and shares no code with it::

    python benchmarks/kvk_accuracy/run.py --exe "python benchmarks/kvk_accuracy/baseline_auditor.py"

Method: search the postcode + huisnummer of each home, compare the letter/addition in the
vestigingsprofiel, attribute by declared KVK number or by a surname in the trade name; look up
declared KVK numbers for shielded vestigingen. No name search, no retries beyond one.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import yaml

Json = dict[str, Any]
HOME_RE = re.compile(
    r"^(?P<street>.+?)\s+(?P<number>\d+)\s*[- ]?\s*(?P<suffix>[A-Za-z0-9]{0,4})\s*,?\s*"
    r"(?P<postcode>[1-9]\d{3}\s?[A-Za-z]{2})\s+(?P<city>.+)$"
)


def fold(text: str) -> str:
    text = text.replace("ı", "i").casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def load_roster(path: Path) -> list[Json]:
    if path.suffix.lower() in {".yaml", ".yml"}:
        return list(yaml.safe_load(path.read_text(encoding="utf-8"))["officials"])
    officials = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            home: Json | str = row["address"] or {
                k: row[k] for k in ("street", "number", "letter", "addition", "postcode", "city")
            }
            household = []
            for part in filter(None, row["household"].split(";")):
                name, _, rel = part.rpartition(" (")
                household.append({"name": name, "relation": rel.rstrip(")")})
            officials.append(
                {
                    **{k: row[k] for k in ("id", "name", "initials", "role", "organisation")},
                    "home": home,
                    "household": household,
                    "kvk_numbers": [k for k in row["kvk_numbers"].split(";") if k],
                }
            )
    return officials


def parse_home(home: Json | str) -> Json:
    """Search parameters for the home, plus `suffix`: the upper-case letter or addition."""
    if isinstance(home, str):
        m = HOME_RE.match(home.strip())
        if not m:
            raise ValueError(f"cannot parse home address {home!r}")
        return {
            "postcode": m["postcode"].replace(" ", "").upper(),
            "huisnummer": int(m["number"]),
            "suffix": m["suffix"].upper(),
        }
    number_text = str(home["number"])
    m = re.match(r"(\d+)\s*[- ]?\s*([A-Za-z0-9]*)", number_text)
    if not m:
        raise ValueError(f"cannot parse house number {number_text!r}")
    suffix = (home.get("letter") or home.get("addition") or m.group(2) or "").upper()
    params: Json = {"huisnummer": int(m.group(1)), "suffix": suffix}
    if home.get("postcode"):
        params["postcode"] = str(home["postcode"]).replace(" ", "").upper()
    else:  # naive: the street and town exactly as written
        params.update({"straatnaam": home["street"], "plaats": home["city"]})
    return params


def surnames(full_name: str) -> set[str]:
    words = re.split(r"[\s-]+", fold(full_name))
    prefixes = {"van", "de", "der", "den", "ter", "in", "'t", "het", "te"}
    return {w for w in words[1:] if w not in prefixes and len(w) > 2}


class Auditor:
    def __init__(self, base: str, key: str) -> None:
        self.base = base.rstrip("/")
        self.client = httpx.Client(headers={"apikey": key}, timeout=5.0)

    def get(self, url: str, params: Json | None = None) -> tuple[int, Json]:
        last: Exception | None = None
        for _ in range(2):
            try:
                r = self.client.get(url, params=params)
                if r.status_code >= 500:
                    raise RuntimeError(f"HTTP {r.status_code}")
                return r.status_code, r.json()
            except (httpx.HTTPError, RuntimeError, json.JSONDecodeError) as err:
                last = err
        raise RuntimeError(f"{url}: {last}")

    def search(self, **params: Any) -> list[Json]:
        rows: list[Json] = []
        status, body = self.get(f"{self.base}/v2/zoeken", {**params, "resultatenPerPagina": 100})
        page = 1
        while status == 200:
            rows += body["resultaten"]
            if len(rows) >= body["totaal"] or page * 100 >= 1000:
                break
            page += 1
            status, body = self.get(
                f"{self.base}/v2/zoeken", {**params, "resultatenPerPagina": 100, "pagina": page}
            )
        return rows

    def audit(self, official: Json) -> Json:
        findings: list[Json] = []
        errors: list[Json] = []
        own = surnames(official["name"])
        family = set().union(*(surnames(h["name"]) for h in official.get("household") or []))
        declared = set(official.get("kvk_numbers") or [])

        def subject(kvk: str, name: str) -> str:
            words = set(re.split(r"[\s-]+", fold(name)))
            if kvk in declared or words & own:
                return "official"
            return "household" if words & family else "unknown"

        try:
            params = parse_home(official["home"])
            suffix = params.pop("suffix")
            for row in self.search(**params):
                if "vestigingsnummer" not in row:
                    continue
                _, prof = self.get(f"{self.base}/v1/vestigingsprofielen/{row['vestigingsnummer']}")
                visit = next(a for a in prof["adressen"] if a["type"] == "bezoekadres")
                got = (visit.get("huisletter", "") + visit.get("huisnummerToevoeging", "")).upper()
                if got.replace(" ", "") != suffix:
                    continue
                who = subject(row["kvkNummer"], row["naam"])
                findings.append(
                    self.finding(row["kvkNummer"], row["vestigingsnummer"], who, "exposed")
                )
            for kvk in sorted(declared):
                _, lst = self.get(f"{self.base}/v1/basisprofielen/{kvk}/vestigingen")
                for v in lst["vestigingen"]:
                    if v["indAdresAfgeschermd"] == "Ja":
                        who = subject(kvk, v["eersteHandelsnaam"])
                        findings.append(self.finding(kvk, v["vestigingsnummer"], who, "shielded"))
        except (RuntimeError, ValueError, KeyError) as err:
            errors.append({"source": "kvk", "kind": "unavailable", "message": str(err)})
        return {"id": official["id"], "findings": findings, "errors": errors}

    @staticmethod
    def finding(kvk: str, vnr: str, who: str, status: str) -> Json:
        return {
            "kind": "business_at_home" if who == "unknown" else "home_address",
            "subject": who,
            "status": status,
            "locator": {"kvk_number": kvk, "vestigingsnummer": vnr, "address_type": "bezoekadres"},
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="baseline auditor (benchmark helper)")
    sub = parser.add_subparsers(dest="command", required=True)
    audit = sub.add_parser("audit")
    audit.add_argument("roster", type=Path)
    audit.add_argument("--format", default="json")
    audit.add_argument("--sources", default="kvk")
    audit.add_argument("--reveal", action="store_true")
    args = parser.parse_args(argv)
    auditor = Auditor(os.environ["EXPOSURECHECK_KVK_URL"], os.environ["KVK_API_KEY"])
    officials = load_roster(args.roster)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(auditor.audit, officials))
    if os.environ.get("BASELINE_SWALLOW_ERRORS"):  # to prove run.py catches silent loss
        for r in results:
            r["errors"] = []
    json.dump({"officials": results}, sys.stdout, ensure_ascii=False, indent=1)
    return 3 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
