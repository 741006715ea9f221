"""Self-check of the benchmark itself: generator, rosters, ground truth and the fake KVK API.

    python benchmarks/kvk_accuracy/selfcheck.py [--quick]

Generates the world twice (determinism), compares the YAML and CSV rosters, checks the ground
truth against the register, then queries ``fake_kvk.py`` with httpx: authentication, 404
IPD5200, paging and the 1000-result window, both link styles, letters in huisletter and in
huisnummerToevoeging, inactive registrations, and that a shielded visiting address never
leaks. Finally it measures the fault injection of ``--fail-rate``. Exit code 0 when all pass.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import yaml
from generate import build, write
from run import API_KEY, FakeServer

HERE = Path(__file__).resolve().parent
RESULTS_DIR = HERE / "results"
Json = dict[str, Any]


class Checks:
    def __init__(self) -> None:
        self.results: list[tuple[str, bool, str]] = []

    def __call__(self, name: str, ok: bool, detail: Any = "") -> bool:
        self.results.append((name, bool(ok), str(detail)))
        mark = "PASS" if ok else "FAIL"
        print(f"  [{mark}] {name}" + (f"  -- {detail}" if detail != "" else ""))
        return bool(ok)

    @property
    def failed(self) -> int:
        return sum(not ok for _, ok, _ in self.results)


def link(obj: Json, rel: str) -> str | None:
    """href of rel in either `_links: {rel: {href}}` or `links: [{rel, href}]`."""
    if isinstance(obj.get("_links"), dict) and rel in obj["_links"]:
        return str(obj["_links"][rel]["href"])
    for item in obj.get("links") or []:
        if item.get("rel") == rel:
            return str(item["href"])
    return None


# ---------------------------------------------------------------------------------------------
# Offline checks
# ---------------------------------------------------------------------------------------------


def check_generator(check: Checks, tmp: Path) -> Path:
    print("generator")
    a, b, c = tmp / "a", tmp / "b", tmp / "c"
    write(a, build(20240131, 150, 3000))
    write(b, build(20240131, 150, 3000))
    write(c, build(99, 150, 3000))
    names = sorted(p.name for p in a.iterdir())
    same = all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)
    check("same seed gives byte-identical files", same, ", ".join(names))
    check(
        "another seed gives another world",
        not filecmp.cmp(a / "register.json", c / "register.json", shallow=False),
    )
    manifest = json.loads((a / "manifest.json").read_text())
    check(
        "about 3000 businesses and 150 officials",
        manifest["companies"] == 3000 and manifest["officials"] == 150,
        f"{manifest['companies']} companies, {manifest['vestigingen']} vestigingen",
    )
    return a


def roster_from_csv(path: Path) -> list[Json]:
    records = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        for row in reader:
            home: Json | str
            if row["street"]:
                fields = ("street", "number", "letter", "addition", "postcode", "city")
                home = {k: row[k] for k in fields}
            else:
                home = row["address"]
            household = []
            for part in filter(None, row["household"].split(";")):
                m = re.fullmatch(r"(.+) \((\w+)\)", part)
                assert m, part
                household.append({"name": m.group(1), "relation": m.group(2)})
            records.append(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "initials": row["initials"],
                    "role": row["role"],
                    "organisation": row["organisation"],
                    "home": home,
                    "household": household,
                    "phones": [p for p in row["phones"].split(";") if p],
                    "emails": [e for e in row["emails"].split(";") if e],
                    "kvk_numbers": [k for k in row["kvk_numbers"].split(";") if k],
                }
            )
    assert header is not None
    records.append({"_header": header})
    return records


def check_rosters(check: Checks, data: Path) -> None:
    print("rosters")
    from_yaml = yaml.safe_load((data / "roster.yaml").read_text(encoding="utf-8"))["officials"]
    for r in from_yaml:
        if isinstance(r["home"], dict):
            r["home"]["number"] = str(r["home"]["number"])
    from_csv = roster_from_csv(data / "roster.csv")
    header = from_csv.pop()["_header"]
    expected = [
        "id",
        "name",
        "initials",
        "role",
        "organisation",
        "street",
        "number",
        "letter",
        "addition",
        "postcode",
        "city",
        "address",
        "household",
        "phones",
        "emails",
        "kvk_numbers",
    ]
    check("CSV columns exactly as specified", header == expected)
    check(
        "YAML and CSV rosters hold identical content",
        from_yaml == from_csv,
        f"{len(from_yaml)} officials",
    )
    kvks = [k for r in from_yaml for k in r["kvk_numbers"]]
    check(
        "declared kvk_numbers are 8-digit strings (leading zeros kept)",
        all(isinstance(k, str) and re.fullmatch(r"\d{8}", k) for k in kvks),
        f"{len(kvks)} declared, {sum(k.startswith('0') for k in kvks)} with a leading 0",
    )
    one_line = [r["home"] for r in from_yaml if isinstance(r["home"], str)]
    check("some homes are one-line strings", len(one_line) > 10, one_line[:2])
    written = " | ".join(str(r["home"]) for r in from_yaml)
    forms = {
        "abbreviated street (Burg./str./1e)": re.search(r"Burg\.|str\.|\b1e |\b2e ", written),
        "postcode with space": re.search(r"\b\d{4} [A-Za-z]{2}\b", written),
        "postcode lower case": re.search(r"\b\d{4} ?[a-z]{2}\b", written),
        "letter as 12-a / 12 A": re.search(r"\d+(-[a-zA-Z]|\s[A-Za-z])\b", written),
        "Den Haag in the roster": "Den Haag" in written,
    }
    for name, found in forms.items():
        check(f"written form present: {name}", bool(found))
    names = " | ".join(r["name"] for r in from_yaml)
    check(
        "names with diacritics, tussenvoegsels and hyphenated married names",
        bool(
            re.search(r"[çşëéöüÇ]", names)
            and " van " in names
            and re.search(r"\w-(van |de |\w)", names)
        ),
    )


def home_of(vest: Json) -> tuple[str, str, int, str, str]:
    adr = vest["bezoekadres"]
    return (
        adr["plaats"],
        adr["straatnaam"],
        adr["huisnummer"],
        adr["huisletter"],
        adr["toevoeging"],
    )


def check_truth(check: Checks, data: Path, register: Json) -> None:
    print("ground truth")
    truth = json.loads((data / "truth.json").read_text())
    planted = json.loads((data / "planted.json").read_text())
    vests = {v["vestigingsnummer"]: (v, c) for c in register["companies"] for v in c["vestigingen"]}
    keys = ("official_id", "kind", "subject", "status", "vestigingsnummer")
    check(
        "truth entries have the five required keys and valid values",
        all(
            all(k in t for k in keys)
            and t["kind"] in {"home_address", "business_at_home"}
            and t["subject"] in {"official", "household", "unknown"}
            and t["status"] in {"exposed", "shielded"}
            for t in truth
        ),
        f"{len(truth)} entries",
    )
    homes: dict[str, set[tuple[str, str, int, str, str]]] = {}
    for t in truth:
        homes.setdefault(t["official_id"], set()).add(home_of(vests[t["vestigingsnummer"]][0]))
    check(
        "all truth entries of one official share one address",
        all(len(h) == 1 for h in homes.values()),
        f"{len(homes)} officials with findings",
    )
    check(
        "truth vestigingen are active; shielded ones flagged in the register",
        all(
            vests[t["vestigingsnummer"]][0]["actief"]
            and vests[t["vestigingsnummer"]][0]["afgeschermd"] == (t["status"] == "shielded")
            for t in truth
        ),
    )
    check(
        "business_at_home <=> subject unknown",
        all((t["kind"] == "business_at_home") == (t["subject"] == "unknown") for t in truth),
    )
    wrong = []
    for p in planted:
        if p["polarity"] != "negative" or p["official_id"] not in homes:
            continue
        vest = vests[p["vestigingsnummer"]][0]
        (home,) = homes[p["official_id"]]
        at_home = home_of(vest) == home
        if at_home and vest["actief"]:
            wrong.append(p)
    check(
        "no active planted negative sits at the official's (truth) home address",
        not wrong,
        wrong[:3],
    )
    roster = {
        r["id"]: r
        for r in yaml.safe_load((data / "roster.yaml").read_text(encoding="utf-8"))["officials"]
    }
    mismatches = []
    for oid, (home,) in ((o, tuple(h)) for o, h in homes.items()):
        written = roster[oid]["home"]
        text = (
            written
            if isinstance(written, str)
            else " ".join(
                str(written[k])
                for k in ("street", "number", "letter", "addition", "postcode", "city")
            )
        )
        vest_pc = next(
            vests[t["vestigingsnummer"]][0]["bezoekadres"]["postcode"]
            for t in truth
            if t["official_id"] == oid
        )
        has_postcode = re.search(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b", text)
        postcode_ok = not has_postcode or vest_pc in text.upper().replace(" ", "")
        if not postcode_ok or str(home[2]) not in text:
            mismatches.append((oid, text, home))
    check(
        "roster home (postcode, number) matches the register address of its truth entries",
        not mismatches,
        mismatches[:3],
    )


# ---------------------------------------------------------------------------------------------
# Server checks
# ---------------------------------------------------------------------------------------------


class Api:
    def __init__(self, base: str) -> None:
        self.base = base
        self.client = httpx.Client(headers={"apikey": API_KEY}, timeout=10)
        self.link_styles: Counter[str] = Counter()
        self.bodies: list[str] = []

    def get(self, path_or_url: str, **params: Any) -> tuple[int, Json]:
        url = path_or_url if path_or_url.startswith("http") else self.base + path_or_url
        response = self.client.get(url, params=params or None)
        body = response.json()
        self.bodies.append(response.text)
        if "_links" in body:
            self.link_styles["_links"] += 1
        if "links" in body:
            self.link_styles["links"] += 1
        return response.status_code, body

    def search_all(self, **params: Any) -> Iterator[Json]:
        status, body = self.get("/v2/zoeken", resultatenPerPagina=100, **params)
        while status == 200:
            yield from body["resultaten"]
            nxt = link(body, "next")
            if not nxt:
                return
            status, body = self.get(nxt)
        assert status == 404 and body["fout"][0]["code"] == "IPD5200", (status, body)


def check_server(check: Checks, api: Api, data: Path, register: Json) -> None:
    print("fake KVK API")
    truth = json.loads((data / "truth.json").read_text())
    planted = json.loads((data / "planted.json").read_text())
    vests = {v["vestigingsnummer"]: (v, c) for c in register["companies"] for v in c["vestigingen"]}

    # authentication and errors
    r = httpx.get(api.base + "/v2/zoeken", params={"naam": "bakkerij"})
    check("no apikey -> 401 with fout", r.status_code == 401 and "fout" in r.json())
    r = httpx.get(api.base + "/v2/zoeken", params={"naam": "x"}, headers={"apikey": "wrong"})
    check("wrong apikey -> 401", r.status_code == 401)
    status, body = api.get("/v2/zoeken", naam="qqqzzz-bestaat-niet")
    check("no results -> 404 IPD5200", status == 404 and body["fout"][0]["code"] == "IPD5200")
    status, body = api.get("/v2/zoeken", postcode="9999ZZ", huisnummer=1)
    check(
        "address without results -> 404 IPD5200",
        status == 404 and body["fout"][0]["code"] == "IPD5200",
    )
    status, _ = api.get("/v2/zoeken", naam="a", resultatenPerPagina=101)
    check("resultatenPerPagina 101 -> 400", status == 400)
    status, body = api.get("/v2/zoeken", kvkNummer="1234")
    check(
        "invalid kvkNummer -> 400 IPD0004", status == 400 and body["fout"][0]["code"] == "IPD0004"
    )
    status, _ = api.get("/v1/basisprofielen/00000001")
    check("unknown basisprofiel -> 404", status == 404)

    # paging
    status, first = api.get("/v2/zoeken", naam="e", resultatenPerPagina=100)
    rows = list(api.search_all(naam="e"))
    ids = [(r["kvkNummer"], r.get("vestigingsnummer")) for r in rows]
    check(
        "a query with more than 1000 hits: totaal > 1000, pages stop at 1000 results",
        first["totaal"] > 1000 and len(rows) == 1000 and len(set(ids)) == 1000,
        f"totaal {first['totaal']}, collected {len(rows)}",
    )
    status, body = api.get("/v2/zoeken", naam="e", resultatenPerPagina=100, pagina=11)
    check(
        "page past the 1000-result window -> 404 IPD5200",
        status == 404 and body["fout"][0]["code"] == "IPD5200",
    )
    status, first = api.get("/v2/zoeken", plaats="Utrecht", resultatenPerPagina=7)
    small, url, pages = [], None, 0
    while status == 200:
        pages += 1
        small += [(r["kvkNummer"], r.get("vestigingsnummer")) for r in first["resultaten"]]
        url = link(first, "next")
        if not url:
            break
        status, first = api.get(url)
    rows_seen = list(api.search_all(plaats="Utrecht"))
    big = [(r["kvkNummer"], r.get("vestigingsnummer")) for r in rows_seen]
    check(
        "following next links (7 per page) yields totaal unique rows, same as 100 per page",
        len(small) == len(set(small)) == len(big) and set(small) == set(big),
        f"{len(small)} rows over {pages} pages",
    )
    status, body = api.get("/v2/zoeken", naam="BAKKERIJ")
    names = [r["naam"] for r in body.get("resultaten", [])]
    check(
        "naam search is a case-insensitive substring match",
        status == 200 and bool(names) and all("bakkerij" in n.lower() for n in names),
        names[:3],
    )
    check(
        "zoeken rows give adres.binnenlandsAdres with only type, straatnaam, plaats",
        all(
            set(r["adres"]["binnenlandsAdres"]) == {"type", "straatnaam", "plaats"}
            for r in rows_seen
            if "adres" in r
        ),
    )

    # shielding never leaks
    shielded = [(v, c) for v, c in vests.values() if v["afgeschermd"]]
    leaks: list[str] = []
    for vest, company in shielded:
        vnr, adr = vest["vestigingsnummer"], vest["bezoekadres"]
        street_nr = f"{adr['straatnaam']} {adr['huisnummer']}"
        searches = [
            {"postcode": adr["postcode"], "huisnummer": adr["huisnummer"]},
            {
                "straatnaam": adr["straatnaam"],
                "plaats": adr["plaats"],
                "huisnummer": adr["huisnummer"],
            },
            {"postcode": adr["postcode"], "inclusiefInactieveRegistraties": "true"},
        ]
        if adr["huisletter"]:
            searches.append(
                {
                    "postcode": adr["postcode"],
                    "huisnummer": adr["huisnummer"],
                    "huisletter": adr["huisletter"],
                }
            )
        for params in searches:
            if any(r.get("vestigingsnummer") == vnr for r in api.search_all(**params)):
                leaks.append(f"{vnr} found by {params}")
        _, prof = api.get(f"/v1/vestigingsprofielen/{vnr}")
        visit = [a for a in prof["adressen"] if a["type"] == "bezoekadres"]
        if visit != [{"type": "bezoekadres", "indAfgeschermd": "Ja"}]:
            leaks.append(f"{vnr} vestigingsprofiel shows {visit}")
        texts = [api.bodies[-1]]
        if vest["hoofd"]:
            _, base = api.get(f"/v1/basisprofielen/{company['kvkNummer']}")
            hv = base["_embedded"]["hoofdvestiging"]["adressen"]
            if [a for a in hv if a["type"] == "bezoekadres"] != visit:
                leaks.append(f"{vnr} basisprofiel hoofdvestiging shows {hv}")
            texts.append(api.bodies[-1])
            api.get(f"/v1/basisprofielen/{company['kvkNummer']}/hoofdvestiging")
            texts.append(api.bodies[-1])
        _, lst = api.get(f"/v1/basisprofielen/{company['kvkNummer']}/vestigingen")
        texts.append(api.bodies[-1])
        own = [x for x in lst["vestigingen"] if x["vestigingsnummer"] == vnr]
        if own and (own[0]["indAdresAfgeschermd"] != "Ja" or "volledigAdres" in own[0]):
            leaks.append(f"{vnr} vestigingen list shows {own}")
        status, found = api.get(
            "/v2/zoeken", vestigingsnummer=vnr, inclusiefInactieveRegistraties="true"
        )
        texts.append(api.bodies[-1])
        row = found["resultaten"][0] if status == 200 else {}
        if row.get("adres", {}).get("binnenlandsAdres", {}).get("type") == "bezoekadres":
            leaks.append(f"{vnr} zoeken row shows a bezoekadres")
        if any(street_nr in t for t in texts):
            leaks.append(f"{vnr}: '{street_nr}' appears in a response")
    check(
        "shielded visiting addresses never leak (searches, profiles, lists, rows)",
        not leaks,
        f"{len(shielded)} shielded vestigingen; " + "; ".join(leaks[:3]),
    )

    # letters, padding, link styles, inactive
    lettered = [
        v for v, _ in vests.values() if v["bezoekadres"]["huisletter"] and not v["afgeschermd"]
    ][:60]
    forms: Counter[str] = Counter()
    padded = 0
    for vest in lettered:
        _, prof = api.get(f"/v1/vestigingsprofielen/{vest['vestigingsnummer']}")
        shown = next(a for a in prof["adressen"] if a["type"] == "bezoekadres")
        forms["huisletter" if "huisletter" in shown else "huisnummerToevoeging"] += 1
        padded += bool(re.search(r"\S {3,}\d{4}[A-Z]{2} ", shown["volledigAdres"]))
    check(
        "a letter comes sometimes as huisletter, sometimes as huisnummerToevoeging",
        forms["huisletter"] > 0 and forms["huisnummerToevoeging"] > 0,
        dict(forms),
    )
    check("volledigAdres padded with runs of spaces", padded == len(lettered), padded)
    inactive = [p for p in planted if p["case"] == "inactive_at_home"]
    hidden = shown = 0
    for p in inactive:
        adr = vests[p["vestigingsnummer"]][0]["bezoekadres"]
        q = {"postcode": adr["postcode"], "huisnummer": adr["huisnummer"]}
        hidden += all(
            r.get("vestigingsnummer") != p["vestigingsnummer"] for r in api.search_all(**q)
        )
        shown += any(
            r.get("vestigingsnummer") == p["vestigingsnummer"] and r["actief"] == "Nee"
            for r in api.search_all(**q, inclusiefInactieveRegistraties="true")
        )
    check(
        "inactive registrations only with inclusiefInactieveRegistraties (actief Nee)",
        hidden == shown == len(inactive),
        f"{hidden}/{shown}/{len(inactive)}",
    )

    # the truth is findable, the letter filter works
    findable = 0
    exposed = [t for t in truth if t["status"] == "exposed"]
    for t in exposed:
        adr = vests[t["vestigingsnummer"]][0]["bezoekadres"]
        findable += any(
            r.get("vestigingsnummer") == t["vestigingsnummer"]
            for r in api.search_all(postcode=adr["postcode"], huisnummer=adr["huisnummer"])
        )
    check(
        "every exposed truth entry is found by a postcode + huisnummer search",
        findable == len(exposed),
        f"{findable}/{len(exposed)}",
    )
    letter_cases = [p for p in planted if p["case"].startswith("letter_home_")]
    letter_ok = 0
    for p in letter_cases:
        adr = vests[p["vestigingsnummer"]][0]["bezoekadres"]
        q = {"postcode": adr["postcode"], "huisnummer": adr["huisnummer"]}
        plain = any(r.get("vestigingsnummer") == p["vestigingsnummer"] for r in api.search_all(**q))
        other = "Z" if adr["huisletter"] else "A"
        filtered = any(
            r.get("vestigingsnummer") == p["vestigingsnummer"]
            for r in api.search_all(**q, huisletter=other)
        )
        letter_ok += plain and not filtered
    check(
        "huisnummer search returns every letter; huisletter filters",
        letter_ok == len(letter_cases),
        f"{letter_ok}/{len(letter_cases)}",
    )
    neven = [t for t in truth if t["case"] == "nevenvestiging_home"]
    neven_ok = 0
    for t in neven:
        _, base = api.get(f"/v1/basisprofielen/{t['kvk_number']}")
        _, lst = api.get(f"/v1/basisprofielen/{t['kvk_number']}/vestigingen")
        listed = {v["vestigingsnummer"] for v in lst["vestigingen"]}
        neven_ok += (
            base["_embedded"]["hoofdvestiging"]["vestigingsnummer"] != t["vestigingsnummer"]
            and t["vestigingsnummer"] in listed
            and len(listed) >= 2
        )
    check(
        "nevenvestiging at home: hoofdvestiging elsewhere, both in /vestigingen",
        neven_ok == len(neven),
        f"{neven_ok}/{len(neven)}",
    )
    check(
        "both link styles occur (_links and links)",
        api.link_styles["_links"] > 0 and api.link_styles["links"] > 0,
        dict(api.link_styles),
    )
    _, prof = api.get(f"/v1/basisprofielen/{truth[0]['kvk_number']}")
    eigenaar = prof["_embedded"]["eigenaar"]
    check(
        "basisprofiel has _embedded.hoofdvestiging and _embedded.eigenaar.rechtsvorm",
        "rechtsvorm" in eigenaar and "adressen" in prof["_embedded"]["hoofdvestiging"],
    )


def check_faults(check: Checks, data: Path, requests: int) -> None:
    print(f"fault injection (--fail-rate 0.15, {requests} requests, client timeout 1 s)")
    RESULTS_DIR.mkdir(exist_ok=True)
    log = RESULTS_DIR / "calls-selfcheck-faults.jsonl"
    server = FakeServer(data, 0.15, 3, log)
    server.cmd += ["--hang-seconds", "3"]
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    with server, httpx.Client(headers={"apikey": API_KEY}, timeout=1.0) as client:
        for i in range(requests):
            try:
                r = client.get(f"{server.url}/v2/zoeken", params={"naam": f"{'aeiou'[i % 5]}"})
            except httpx.TimeoutException:
                outcomes["hang (timeout)"] += 1
                continue
            if r.status_code in {500, 503}:
                outcomes[f"http{r.status_code}"] += 1
                continue
            try:
                r.json()
                outcomes["ok"] += 1
            except json.JSONDecodeError:
                outcomes[f"truncated (status {r.status_code})"] += 1
    calls = server.calls()
    faults = requests - outcomes["ok"]
    share = faults / requests
    print(
        f"    outcomes {dict(outcomes)} in {time.monotonic() - started:.0f} s; "
        f"server log {calls['faults']}"
    )
    check("fault share close to 0.15", 0.10 <= share <= 0.20, f"{share:.3f}")
    modes = ["http500", "http503", "truncated (status 200)", "hang (timeout)"]
    check(
        "all four fault modes occur, in roughly equal shares",
        all(outcomes[m] >= faults / 4 * 0.5 for m in modes),
        {m: outcomes[m] for m in modes},
    )
    check(
        "observed outcomes match the server's fault log",
        calls["faults"]
        == {
            "http500": outcomes["http500"],
            "http503": outcomes["http503"],
            "truncated": outcomes["truncated (status 200)"],
            "hang": outcomes["hang (timeout)"],
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--fault-requests", type=int, default=600, help="0 skips the fault-injection check"
    )
    args = parser.parse_args(argv)
    check = Checks()
    RESULTS_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = check_generator(check, Path(tmp))
        check_rosters(check, data)
        register = json.loads((data / "register.json").read_text(encoding="utf-8"))
        check_truth(check, data, register)
        with FakeServer(data, 0.0, 1, RESULTS_DIR / "calls-selfcheck.jsonl") as server:
            api = Api(server.url)
            check_server(check, api, data, register)
            print(f"    ({server.calls()['total']} API calls)")
        if args.fault_requests > 0:
            check_faults(check, data, args.fault_requests)
    total = len(check.results)
    print(f"\n{total - check.failed}/{total} checks passed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
