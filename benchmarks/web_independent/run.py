#!/usr/bin/env python3
"""Independent accuracy + politeness benchmark for the exposurecheck `web` source.

    python3 make_site.py && python3 truth_src.py     # (re)generate site/, truth.json, hard_negatives.json
    /work/main/.venv/bin/python run.py [--keep-report out.json] [--exe PATH] [--timeout S]

Serves ./site on 127.0.0.1:<free port>, writes roster.yaml (from roster.template.yaml), runs
`exposurecheck audit roster.yaml --sources web --format json --reveal --no-cache --quiet`,
scores the findings against truth.json and checks politeness from the server's request log.
stdlib + pyyaml only. Exit code: 0 when the harness itself worked (whatever the scores).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import threading
import time
import unicodedata
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
DEFAULT_EXE = "/work/main/.venv/bin/exposurecheck"
KINDS = ["home_address", "phone", "email", "birth_date", "household_name", "residence"]

# ------------------------------------------------------------------ server
LOG: list[dict] = []
STRIP: list[str] = []  # snippets removed from served pages (variants)
LOG_LOCK = threading.Lock()
INFLIGHT = {"now": 0, "max": 0}
T0 = time.monotonic()


def content_type(rel: str) -> tuple[str, str]:
    """(header, encoding used for __PORT__ substitution)"""
    if rel.endswith(".cp1252.html"):
        return "text/html; charset=windows-1252", "cp1252"
    if rel.startswith("dorpsbelang/") and rel.endswith(".html"):
        return "text/html", "utf-8"  # old site: charset only in <meta http-equiv>
    if rel.endswith(".html"):
        return "text/html; charset=utf-8", "utf-8"
    if rel.endswith(".txt"):
        return "text/plain; charset=utf-8", "utf-8"
    if rel.endswith(".pdf"):
        return "application/pdf", ""
    return "application/octet-stream", ""


class Handler(BaseHTTPRequestHandler):
    server_version = "BuitenwijkTest/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # silence stderr
        pass

    def _record(self, status: int) -> None:
        with LOG_LOCK:
            LOG.append({"t": time.monotonic() - T0, "method": self.command, "path": self.path,
                        "host": self.headers.get("Host", ""), "ua": self.headers.get("User-Agent", ""),
                        "status": status})

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/plain; charset=utf-8",
              extra: dict | None = None) -> None:
        self._record(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        with LOG_LOCK:
            INFLIGHT["now"] += 1
            INFLIGHT["max"] = max(INFLIGHT["max"], INFLIGHT["now"])
        try:
            self._get()
        finally:
            with LOG_LOCK:
                INFLIGHT["now"] -= 1

    def _get(self):
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/ris/persoon":  # old RIS URL scheme, permanently moved
            pid = parse_qs(parts.query).get("id", [""])[0]
            if pid.isdigit():
                return self._send(301, b"", extra={"Location": f"/ris/personen/{pid}.html"})
            return self._send(404, b"not found")
        rel = path.lstrip("/")
        if ".." in rel.split("/"):
            return self._send(404, b"not found")
        target = SITE / rel
        if target.is_dir():
            if not path.endswith("/"):
                return self._send(301, b"", extra={"Location": path + "/"})
            rel = rel + "index.html"
            target = SITE / rel
        if not target.is_file():
            return self._send(404, b"<html><body><h1>404 Pagina niet gevonden</h1></body></html>",
                              "text/html; charset=utf-8")
        ctype, enc = content_type(rel) if rel != "robots.txt" else ("text/plain; charset=utf-8", "utf-8")
        data = target.read_bytes()
        if enc:
            text = data.decode(enc).replace("__PORT__", str(self.server.server_address[1]))
            for snippet in STRIP:
                text = text.replace(snippet, "")
            data = text.encode(enc)
        self._send(200, data, ctype)


def start_server() -> ThreadingHTTPServer:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


# ------------------------------------------------------------------ normalisation
def norm_url(url: str) -> str:
    p = urlsplit(url)
    path = p.path or "/"
    if path == "/ris/persoon":
        pid = parse_qs(p.query).get("id", [""])[0]
        return f"/ris/personen/{pid}.html"
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    path = path.rstrip("/") or "/"
    return path + (f"?{p.query}" if p.query else "")


def key(oid, kind, subject, url):
    return (oid, kind, subject, norm_url(url))


def fold(s: str) -> str:
    return unicodedata.normalize("NFC", s or "").casefold()


def canon_phone(s: str) -> str:
    d = re.sub(r"\D", "", s or "")
    if d.startswith("0031"):
        d = d[4:]
    elif d.startswith("31") and len(d) >= 11:
        d = d[2:]
    if d and not d.startswith("0"):
        d = "0" + d
    return d


def canon_email(s: str) -> str:
    s = fold(s).replace("mailto:", "")
    s = re.sub(r"\s*[\[\(\{]\s*(at|apenstaartje|a)\s*[\]\)\}]\s*", "@", s)
    s = re.sub(r"\s*[\[\(\{]\s*(punt|dot)\s*[\]\)\}]\s*", ".", s)
    s = re.sub(r"\s+(at|apenstaartje)\s+", "@", s)
    s = re.sub(r"\s+(punt|dot)\s+", ".", s)
    return re.sub(r"\s+", "", s)


MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
          "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
          "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}


def dates_in(s: str) -> set[tuple[int, int, int]]:
    out = set()
    s = fold(s)
    for y, m, d in re.findall(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", s):
        out.add((int(y), int(m), int(d)))
    for d, m, y in re.findall(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]('?\d{2}|\d{4})\b", s):
        y = y.lstrip("'")
        yy = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 25 else 2000 + int(y))
        out.add((yy, int(m), int(d)))
    for d, mon, y in re.findall(r"\b(\d{1,2})\s+([a-z]+)\.?\s+('?\d{2}|\d{4})\b", s):
        if mon in MONTHS:
            y = y.lstrip("'")
            yy = int(y) if len(y) == 4 else 1900 + int(y)
            out.add((yy, MONTHS[mon], int(d)))
    return out


def roster_home(o: dict) -> dict:
    h = o.get("home") or {}
    if isinstance(h, dict):
        return {k: str(v) for k, v in h.items()}
    m = re.match(r"\s*(.+?)\s+(\d+)\s*-?\s*([A-Za-z0-9]*)\s*,\s*(\d{4}\s*[A-Za-z]{2})\s+(.+)$", h)
    if not m:
        return {"street": h}
    return {"street": m[1], "number": m[2], "letter": m[3], "postcode": m[4], "city": m[5]}


def check_value(kind: str, value: str, o: dict) -> str | None:
    """None when `value` is this official's own roster data for `kind`, else a reason."""
    if value is None:
        return "no evidence value"
    v = fold(value)
    if kind == "phone":
        own = {canon_phone(p) for p in o.get("phones", [])}
        return None if canon_phone(value) in own else f"phone {canon_phone(value)} not in roster {sorted(own)}"
    if kind == "email":
        own = {fold(e) for e in o.get("emails", [])}
        return None if canon_email(value) in own else f"email {canon_email(value)!r} not in roster"
    if kind == "birth_date":
        bd = str(o.get("birth_date"))
        want = tuple(int(x) for x in bd.split("-"))
        got = dates_in(value)
        if want in got:
            return None
        return f"date(s) {sorted(got)} != roster {bd}" if got else "unparsable date"
    if kind == "residence":
        city = fold(roster_home(o).get("city", ""))
        return None if city and city in v else f"town {value!r} != roster {city!r}"
    if kind == "household_name":
        firsts = {fold(h["name"].split()[0]) for h in o.get("household", []) or []}
        toks = set(re.findall(r"[\w'-]+", v))
        return None if firsts & toks else f"no household first name {sorted(firsts)} in value"
    if kind == "home_address":
        h = roster_home(o)
        num = h.get("number", "")
        letter = fold(h.get("letter", "") or h.get("addition", ""))
        pat = rf"(?<!\d){re.escape(num)}(?!\d)" + (rf"\s*-?\s*{re.escape(letter)}\b" if letter else r"(?!\s*-?\s*[a-z]\b)")
        has_num = re.search(pat, v) is not None
        street = fold(h.get("street", ""))
        street_ok = bool(street) and (street[:5] in v.replace(" ", "") or
                                      (street.startswith("burgemeester") and "smit" in v))
        pc = fold(h.get("postcode", "")).replace(" ", "")
        pc_ok = bool(pc) and pc in v.replace(" ", "")
        if has_num and (street_ok or pc_ok):
            return None
        return f"address {value!r} does not match roster {h.get('street')} {num}{letter} {h.get('postcode')}"
    return None


# ------------------------------------------------------------------ politeness
def politeness(log: list[dict], port: int, max_pages: int, rate: float = 2.0) -> dict:
    gets = [r for r in log if r["method"] in ("GET", "HEAD")]
    times = sorted(r["t"] for r in gets)

    def max_in_window(w: float) -> int:  # most requests whose times fit in a half-open window of w s
        best, j = 0, 0
        for i, t in enumerate(times):
            while times[j] <= t - w:
                j += 1
            best = max(best, i - j + 1)
        return best

    gaps = sorted(b - a for a, b in itertools.pairwise(times))
    windows = {}
    for w in (1.0, 5.0, 10.0):
        allowed = int(w * rate) + 1  # a request exactly on each boundary of a w-second window
        got = max_in_window(w)
        windows[f"{w:g}s"] = f"{got} (allowed {allowed}{', EXCEEDED' if got > allowed else ''})"
    paths = [urlsplit(r["path"]).path for r in gets]
    pages = [p for p in paths if p != "/robots.txt"]
    long_run = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    return {
        "requests": len(gets),
        "robots_txt_requests": paths.count("/robots.txt"),
        "robots_txt_first": bool(paths) and paths[0] == "/robots.txt",
        "unique_pages_excl_robots": len(set(pages)),
        "max_pages_setting": max_pages,
        "duplicate_paths": {p: c for p, c in Counter(paths).items() if c > 1},
        "disallowed_requested": sorted({r["path"] for r in gets if urlsplit(r["path"]).path.startswith("/intern/")}),
        "max_requests_in_window": windows,
        "gap_s_min_median_max": [round(gaps[0], 3), round(gaps[len(gaps) // 2], 3), round(gaps[-1], 3)] if gaps else None,
        "long_run_rate_per_s": round(long_run, 3),
        "span_s": round(times[-1] - times[0], 2) if times else 0,
        "max_concurrent_inflight": INFLIGHT["max"],
        "hosts": dict(Counter(r["host"] for r in gets)),
        "user_agents": sorted({r["ua"] for r in gets}),
        "statuses": dict(Counter(r["status"] for r in gets)),
        "non_roster_host_requests": sorted({r["host"] + r["path"] for r in gets
                                            if r["host"] not in (f"127.0.0.1:{port}", "127.0.0.1")}),
        "_rate_ok": long_run <= rate * 1.05 and not any("EXCEEDED" in v for v in windows.values()),
    }


# ------------------------------------------------------------------ main
def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=DEFAULT_EXE)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--keep-report", help="write the tool's JSON report here")
    ap.add_argument("--log", help="write the server request log (JSON) here")
    ap.add_argument("--drop-404", action="store_true",
                    help="leave out bw-14's deliberately broken url (to see which errors remain)")
    ap.add_argument("--max-pages", type=int, help="override the site's max_pages (to check it is enforced)")
    ap.add_argument("--no-pdf-link", action="store_true",
                    help="serve the agenda without its link to the PDF (to see whether a skipped PDF alone sets exit 3)")
    args = ap.parse_args()

    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    negs = json.loads((HERE / "hard_negatives.json").read_text(encoding="utf-8"))

    if args.no_pdf_link:
        STRIP.append('<a href="/ris/documenten/raadsvoorstel-2024-12.pdf">Raadsvoorstel (pdf)</a>')
    srv = start_server()
    port = srv.server_address[1]
    roster_text = (HERE / "roster.template.yaml").read_text(encoding="utf-8").replace("__PORT__", str(port))
    roster_path = HERE / "roster.yaml"
    roster_path.write_text(roster_text, encoding="utf-8")
    roster = yaml.safe_load(roster_text)
    if args.drop_404 or args.max_pages:
        for o in roster["officials"]:
            if args.drop_404:
                o["urls"] = [u for u in o.get("urls", []) if "dirk-jan-visser-2018" not in u]
            if o.get("birth_date") is not None:  # keep dates as YYYY-MM-DD strings
                o["birth_date"] = str(o["birth_date"])
        if args.max_pages:
            roster["sites"][0]["max_pages"] = args.max_pages
        roster_text = yaml.safe_dump(roster, allow_unicode=True, sort_keys=False)
        roster_path.write_text(roster_text, encoding="utf-8")
    officials = {o["id"]: o for o in roster["officials"]}
    max_pages = roster["sites"][0]["max_pages"]
    official_paths = set()  # per-official urls and where they redirect to (fetched on top of max_pages)
    for o in roster["officials"]:
        for u in o.get("urls", []):
            p = urlsplit(u)
            official_paths.add(p.path + (f"?{p.query}" if p.query else ""))
            official_paths.add(norm_url(u) if norm_url(u).endswith(".html") else p.path)

    cmd = [args.exe, "audit", str(roster_path), "--sources", "web", "--format", "json",
           "--reveal", "--no-cache", "--quiet"]
    print(f"serving {SITE} on http://127.0.0.1:{port}/")
    print("running:", " ".join(cmd))
    env = dict(os.environ)
    t_start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        print(f"TIMEOUT after {args.timeout}s; stderr: {(e.stderr or '')[-2000:]}")
        srv.shutdown()
        return 1
    wall = time.monotonic() - t_start
    time.sleep(0.2)
    srv.shutdown()
    with LOG_LOCK:
        log = list(LOG)
    if args.log:
        Path(args.log).write_text(json.dumps(log, indent=1), encoding="utf-8")

    print(f"exit code: {proc.returncode}   wall time: {wall:.1f} s")
    if proc.stderr.strip():
        print("stderr (last 1500 chars):\n" + proc.stderr.strip()[-1500:])
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        print(f"could not parse JSON report: {e}; stdout starts: {proc.stdout[:500]!r}")
        return 1
    if args.keep_report:
        Path(args.keep_report).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")

    # ---------------- collect
    reported: dict[tuple, list[dict]] = defaultdict(list)
    errors: dict[str, list] = {}
    other_sources = Counter()
    for off in report.get("officials", []):
        oid = off.get("id")
        if off.get("errors"):
            errors[oid] = off["errors"]
        for f in off.get("findings", []):
            if f.get("source") != "web":
                other_sources[f.get("source")] += 1
                continue
            loc, ev = f.get("locator") or {}, f.get("evidence") or {}
            reported[key(oid, f["kind"], f.get("subject"), loc.get("url") or "")].append(
                {"value": ev.get("value"), "context": ev.get("context"), "element": loc.get("element"),
                 "raw_url": loc.get("url"), "status": f.get("status"), "severity": f.get("severity")})
    req = {key(t["official_id"], t["kind"], t["subject"], t["url"]): t for t in truth if not t.get("optional")}
    opt = {key(t["official_id"], t["kind"], t["subject"], t["url"]): t for t in truth if t.get("optional")}
    negidx = defaultdict(list)
    for n in negs:
        negidx[(n["official_id"], n["kind"], norm_url(n["url"]))].append(n["trap"])

    tp = set(reported) & set(req)
    fn = set(req) - set(reported)
    fp = set(reported) - set(req) - set(opt)
    opt_hit = set(reported) & set(opt)

    # ---------------- scores
    print("\n=== precision / recall per kind (key: official, kind, subject, url) ===")
    print(f"{'kind':15} {'truth':>5} {'reported':>8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}")
    tot = Counter()
    for k in KINDS + sorted({x[1] for x in reported} - set(KINDS)):
        nt = sum(1 for x in req if x[1] == k)
        a = sum(1 for x in tp if x[1] == k)
        b = sum(1 for x in fp if x[1] == k)
        c = sum(1 for x in fn if x[1] == k)
        tot.update(truth=nt, tp=a, fp=b, fn=c)
        p = f"{a / (a + b):.2f}" if a + b else "-"
        r = f"{a / nt:.2f}" if nt else "-"
        print(f"{k:15} {nt:5} {a + b:8} {a:4} {b:4} {c:4} {p:>9} {r:>7}")
    P = tot["tp"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else 0
    R = tot["tp"] / tot["truth"] if tot["truth"] else 0
    print(f"{'ALL':15} {tot['truth']:5} {tot['tp'] + tot['fp']:8} {tot['tp']:4} {tot['fp']:4} {tot['fn']:4} {P:9.2f} {R:7.2f}")
    print(f"optional keys (residence on full-address pages): {len(opt_hit)}/{len(opt)} reported, not scored")
    if other_sources:
        print("findings from other sources (ignored):", dict(other_sources))

    def show(k):
        return f"{k[0]} {k[1]:14} {k[2]:9} {k[3]}"

    print(f"\n=== false negatives ({len(fn)}) ===")
    for k in sorted(fn, key=lambda x: (x[1], x[0], x[3])):
        near = [r for r in reported if r[0] == k[0] and r[1] == k[1] and r[3] == k[3]]
        extra = f"   [reported with subject {near[0][2]!r}]" if near else ""
        print(f"- {show(k)}\n    page: {req[k]['note']}{extra}")

    print(f"\n=== false positives ({len(fp)}) ===")
    for k in sorted(fp, key=lambda x: (x[1], x[0], x[3])):
        traps = negidx.get((k[0], k[1], k[3])) or negidx.get((k[0], "*", "/intern/*") if k[3].startswith("/intern/") else ("", "", ""))
        print(f"- {show(k)}" + (f"   [hard negative: {traps[0]}]" if traps else ""))
        for e in reported[k][:3]:
            print(f"    value={e['value']!r} element={e['element']} context={(e['context'] or '')[:160]!r}")

    # ---------------- evidence check (leaks)
    print("\n=== evidence values that are not the official's own roster data ===")
    bad = 0
    for k, evs in sorted(reported.items()):
        o = officials.get(k[0], {})
        for e in evs:
            why = check_value(k[1], e["value"], o)
            if why:
                owners = [oid for oid, oo in officials.items() if oid != k[0] and check_value(k[1], e["value"], oo) is None]
                tag = f"LEAK (belongs to {', '.join(owners)})" if owners else "NOT IN ROSTER"
                bad += 1
                print(f"- {show(k)}: {tag}: {why}; value={e['value']!r}")
    if not bad:
        print("none: every evidence value matches the official's own roster data")

    # ---------------- hard negatives violated
    viol = [(k, negidx[(k[0], k[1], k[3])]) for k in reported if (k[0], k[1], k[3]) in negidx and k not in req and k not in opt]
    intern = [k for k in reported if k[3].startswith("/intern/")]
    n_traps = len(negs)
    print(f"\n=== hard negatives: {n_traps} planted keys ({len({n['trap'] for n in negs})} distinct traps); "
          f"violated: {len(viol) + len(intern)} ===")

    # ---------------- errors
    print("\n=== source errors per official ===")
    if not errors:
        print("none")
    for oid, errs in errors.items():
        for e in errs:
            print(f"- {oid}: [{e.get('source')}/{e.get('kind')}] {e.get('message')}")

    # ---------------- politeness
    pol = politeness(log, port, max_pages)
    print("\n=== politeness (server side) ===")
    for k, v in pol.items():
        if not k.startswith("_"):
            print(f"{k}: {v}")
    print("robots-disallowed /intern/ requested:", "YES " + str(pol["disallowed_requested"]) if pol["disallowed_requested"] else "no")
    print("within the 2 req/s rate limit (long-run rate and every 1/5/10 s window):", "yes" if pol["_rate_ok"] else "NO")
    crawl_pages = {r["path"] for r in log if r["path"] != "/robots.txt" and r["path"] not in official_paths}
    print(f"crawl pages requested (excl. robots.txt and the per-official urls + their redirect targets): "
          f"{len(crawl_pages)} vs max_pages {max_pages}:", "within" if len(crawl_pages) <= max_pages else "EXCEEDED")

    summary = {"exit_code": proc.returncode, "wall_s": round(wall, 1), "precision": round(P, 3),
               "recall": round(R, 3), "tp": tot["tp"], "fp": tot["fp"], "fn": tot["fn"],
               "evidence_mismatches": bad, "errors": {k: len(v) for k, v in errors.items()},
               "politeness": {k: v for k, v in pol.items() if not k.startswith("_")}}
    (HERE / "last_summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
