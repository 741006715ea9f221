"""Score exposurecheck's `ori` source against the independent ORI stand-in.

    python benchmarks/ori_independent/score.py [--faults [SPEC]] [--keep DIR]

Generates the data set (make_data.py), serves it in-process (standin.py) on a free port of
127.0.0.1 and runs, as a subprocess,

    exposurecheck audit roster.yaml --sources ori --format json --reveal --no-cache -q

with `EXPOSURECHECK_ORI_URL=http://127.0.0.1:PORT/v1/elastic`. Prints precision and recall per
kind over unique (official_id, kind, url, page), the false positives (with the hard negative
they hit) and the misses, the exit code, requests per official, the busiest second and the
wall time. `--faults` first makes a clean run, then one with faults, and checks: exit code 3,
an `ori` error for every official a fault was not recovered for, no finding the clean run did
not have, and for officials without an error the clean run's findings.

Exit 0 when every target holds, 1 when one does not, 2 when the `ori` source or the CLI is
not available.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

import yaml
from es_analysis import ascii_fold
from harness_common import run_json_audit
from make_data import KINDS, build
from standin import StandIn, serve

PRECISION_TARGET = 0.97
RECALL_TARGET = 0.95
DEFAULT_FAULTS = "5xx=0.1,429=0.1,shards=0.1,truncate=0.1,hang=0.05,seed=11,hang_s=20"
POLITE_RPS = 10  # ORI publishes no limit; more than this per second is not polite

Key = tuple[str, str, str, int]


def find_cli() -> str | None:
    local = Path(sys.executable).parent / "exposurecheck"
    if local.exists():
        return str(local)
    return shutil.which("exposurecheck")


def ori_available(cli: str) -> tuple[bool, str]:
    """The report contract names its sources: is `ori` one of them in this build?"""
    try:
        out = subprocess.run([cli, "schema"], capture_output=True, text=True, timeout=120,
                             check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"cannot run {cli}: {exc}"
    try:
        schema = json.loads(out.stdout)
        enum = schema["$defs"]["SourceId"]["enum"]
    except (json.JSONDecodeError, KeyError):
        return False, "exposurecheck schema did not print a JSON schema with SourceId"
    if "ori" not in enum:
        return False, f"SourceId is {enum}"
    return True, ""


def run_audit(cli: str, work: Path, standin: StandIn, timeout: float
              ) -> tuple[int, dict[str, Any] | None, str, float]:
    env = dict(os.environ)
    env["EXPOSURECHECK_ORI_URL"] = standin.url
    env["XDG_CACHE_HOME"] = str(work / "cache")
    env.pop("KVK_API_KEY", None)
    cmd = [cli, "audit", str(work / "roster.yaml"), "--sources", "ori", "--format", "json",
           "--reveal", "--no-cache", "-q"]
    t0 = time.perf_counter()
    try:
        return run_json_audit(cmd, work, env, timeout)
    except subprocess.TimeoutExpired as exc:
        return -1, None, f"timed out after {timeout:.0f} s: {exc}", time.perf_counter() - t0


def findings(report: dict[str, Any]) -> tuple[set[Key], Counter[str], list[str]]:
    """Unique (official, kind, url, page) of `ori` findings; other kinds counted apart."""
    keys: set[Key] = set()
    other: Counter[str] = Counter()
    notes: list[str] = []
    for off in report.get("officials", []):
        for f in off.get("findings", []):
            if f.get("source") != "ori":
                continue
            loc = f.get("locator") or {}
            if f["kind"] not in KINDS:
                other[f["kind"]] += 1
                continue
            if loc.get("page") is None:
                notes.append(f"{off['id']} {f['kind']} {loc.get('url')}: no locator.page")
            keys.add((off["id"], f["kind"], str(loc.get("url")), int(loc.get("page") or 0)))
    return keys, other, notes


def errors_by_official(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {off["id"]: [e for e in off.get("errors", []) if e.get("source") == "ori"]
            for off in report.get("officials", [])}


def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def score(pred: set[Key], truth: set[Key], negatives: list[dict[str, Any]],
          ori_urls: dict[str, str]) -> bool:
    """Print per-kind figures, the false positives and the misses; True when on target."""
    ok = True
    print(f"{'kind':<16}{'truth':>6}{'found':>6}{'tp':>5}{'fp':>5}{'fn':>5}"
          f"{'precision':>11}{'recall':>8}   document level (url, no page) P / R")
    for kind in KINDS:
        t = {k for k in truth if k[1] == kind}
        p = {k for k in pred if k[1] == kind}
        tp, fp, fn = len(t & p), len(p - t), len(t - p)
        prec, rec = pr(tp, fp, fn)
        td = {k[:3] for k in t}
        pd = {k[:3] for k in p}
        dp, dr = pr(len(td & pd), len(pd - td), len(td - pd))
        flag = "" if prec >= PRECISION_TARGET and rec >= RECALL_TARGET else "  <- below target"
        ok = ok and not flag
        print(f"{kind:<16}{len(t):>6}{len(p):>6}{tp:>5}{fp:>5}{fn:>5}{prec:>11.3f}{rec:>8.3f}"
              f"   {dp:.3f} / {dr:.3f}{flag}")
    tp, fp, fn = len(truth & pred), len(pred - truth), len(truth - pred)
    prec, rec = pr(tp, fp, fn)
    print(f"{'all':<16}{len(truth):>6}{len(pred):>6}{tp:>5}{fp:>5}{fn:>5}{prec:>11.3f}"
          f"{rec:>8.3f}")
    neg_by_key = {(n["official_id"], n["kind"], n["original_url"], n["page"]): n["why"]
                  for n in negatives}
    neg_by_doc = {(n["official_id"], n["kind"], n["original_url"]): n["why"] for n in negatives}
    truth_docs = {k[:3]: sorted(x[3] for x in truth if x[:3] == k[:3]) for k in truth}
    if pred - truth:
        print("\nfalse positives (official, kind, url, page):")
        for k in sorted(pred - truth):
            why = neg_by_key.get(k) or neg_by_doc.get(k[:3])
            note = f"  [hard negative: {why}]" if why else ""
            if k[:3] in truth_docs:
                note += f"  [right document, truth pages {truth_docs[k[:3]]}]"
            if k[2] in ori_urls:
                note += f"  [ORI cache url, the original_url is {ori_urls[k[2]]}]"
            print(f"  {k[0]} {k[1]} {k[2]} p.{k[3]}{note}")
    if truth - pred:
        print("\nmisses (official, kind, url, page):")
        pred_docs = {k[:3]: sorted(x[3] for x in pred if x[:3] == k[:3]) for k in pred}
        for k in sorted(truth - pred):
            note = f"  [reported on pages {pred_docs[k[:3]]}]" if k[:3] in pred_docs else ""
            print(f"  {k[0]} {k[1]} {k[2]} p.{k[3]}{note}")
    hit = sum(1 for k in pred - truth if k in neg_by_key or k[:3] in neg_by_doc)
    print(f"\nhard negatives: {len(negatives)} planted, {hit} reported as findings")
    return ok


def traffic(standin: StandIn, n_officials: int) -> dict[str, Any]:
    reqs = list(standin.requests)
    times = sorted(r["t"] for r in reqs)
    busiest, j = 0, 0
    for i, t in enumerate(times):
        while times[j] < t - 1.0:
            j += 1
        busiest = max(busiest, i - j + 1)
    spans = sorted((r["t"], r["t"] + r["ms"] / 1000) for r in reqs)
    events = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    cur = peak = 0
    for _, d in events:
        cur += d
        peak = max(peak, cur)
    bugs = [r["standin_bug"] for r in reqs if "standin_bug" in r]
    if bugs:
        print(f"STAND-IN BUGS (not the client's fault): {len(bugs)}, e.g. {bugs[0]}")
    by_endpoint = Counter(r["path"].split("?")[0].rsplit("/", 1)[-1] for r in reqs)
    statuses = Counter(r["status"] for r in reqs)
    return {"requests": len(reqs), "per_official": len(reqs) / max(n_officials, 1),
            "busiest_second": busiest, "peak_in_flight": peak,
            "by_endpoint": dict(by_endpoint), "statuses": dict(statuses),
            "bytes_sent": sum(r["body_bytes"] for r in reqs)}


def print_traffic(t: dict[str, Any]) -> None:
    print(f"requests: {t['requests']} ({t['per_official']:.1f} per official), "
          f"by endpoint {t['by_endpoint']}, statuses {t['statuses']}")
    polite = "ok" if t["busiest_second"] <= POLITE_RPS else f"above {POLITE_RPS}/s"
    print(f"politeness: busiest second {t['busiest_second']} requests ({polite}), "
          f"at most {t['peak_in_flight']} in flight")


def official_markers(roster: dict[str, Any]) -> dict[str, list[re.Pattern[str]]]:
    """What shows that a request body asks about this official (folded, lowercase).

    Discriminating values only: the full name, e-mail addresses, phone digits and street with
    house number, each with word boundaries (`kerkstraat 12` is not in `kerkstraat 180`).
    """
    marks: dict[str, list[re.Pattern[str]]] = {}
    for off in roster["officials"]:
        values = [ascii_fold(off["name"]).lower()]
        values += [e.lower() for e in off.get("emails", [])]
        values += ["".join(ch for ch in p if ch.isdigit())[-8:] for p in off.get("phones", [])]
        home = off["home"]
        values.append(f"{ascii_fold(home['street']).lower()} {home['number']}")
        marks[off["id"]] = [re.compile(rf"(?<![\w]){re.escape(v)}(?![0-9])") for v in values
                            if v]
    return marks


def touched_by_faults(standin: StandIn, roster: dict[str, Any],
                      index_of: dict[str, str]) -> tuple[dict[str, set[str]], Counter[str],
                                                         int]:
    """Officials each unrecovered fault was about; faults per kind; how many were recovered."""
    reqs, bodies = list(standin.requests), list(standin.bodies)
    marks = official_markers(roster)
    overridden = {o["id"] for o in roster["officials"] if o.get("ori_index")}
    ok_later: dict[tuple[str, str, str], float] = {}
    for r in reqs:
        if r["fault"] is None and r["status"] == 200:
            key = (r["method"], r["path"], r["body_sha256"])
            ok_later[key] = max(ok_later.get(key, 0.0), r["t"])
    touched: dict[str, set[str]] = defaultdict(set)
    kinds: Counter[str] = Counter()
    recovered = 0
    for r, body in zip(reqs, bodies, strict=True):
        if r["fault"] is None:
            continue
        kinds[r["fault"]] += 1
        if ok_later.get((r["method"], r["path"], r["body_sha256"]), -1.0) > r["t"]:
            recovered += 1
            continue
        text = body.decode("utf-8", errors="replace")
        if "fault_item" in r:
            lines = [ln for ln in text.split("\n") if ln.strip()]
            text = lines[2 * r["fault_item"] + 1] if len(lines) > 2 * r["fault_item"] + 1 else text
        folded = ascii_fold(text).lower()
        who = {oid for oid, pats in marks.items() if any(p.search(folded) for p in pats)}
        if not who:  # a request about nobody in particular: everyone on that index
            target = r["path"].split("?")[0].split("/v1/elastic/")[-1].split("/")[0]
            who = {oid for oid, idx in index_of.items()
                   if target.startswith("_") or "*" in target or idx.startswith(target)
                   or target.startswith(idx)}
            if "organization" in folded:  # the name-to-index lookup: not for an ori_index
                who -= overridden
        touched[r["fault"]].update(who)
    return touched, kinds, recovered


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faults", nargs="?", const=DEFAULT_FAULTS, default=None,
                    help=f"also run with faults (default spec: {DEFAULT_FAULTS})")
    ap.add_argument("--seed", type=int, default=7, help="data set seed")
    ap.add_argument("--keep", type=Path, default=None, help="keep data, reports and logs here")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per audit run")
    args = ap.parse_args()

    cli = find_cli()
    if cli is None:
        print("exposurecheck CLI not found (install the project: pip install -e .)")
        return 2
    ok, why = ori_available(cli)
    if not ok:
        print(f"source ori not available in this exposurecheck build ({why})")
        return 2

    tmp = Path(tempfile.mkdtemp(prefix="ori-independent-"))
    work = args.keep or tmp
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(cli, work, args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(cli: str, work: Path, args: argparse.Namespace) -> int:
    counts = build(work / "data", args.seed)
    shutil.copy(work / "data" / "roster.yaml", work / "roster.yaml")
    roster = yaml.safe_load((work / "roster.yaml").read_text(encoding="utf-8"))
    truth_rows = json.loads((work / "data" / "truth.json").read_text(encoding="utf-8"))
    negatives = json.loads((work / "data" / "hard_negatives.json").read_text(encoding="utf-8"))
    truth = {(r["official_id"], r["kind"], r["original_url"], r["page"]) for r in truth_rows}
    ori_urls = {}
    for line in (work / "data").glob("*.jsonl"):
        for row in line.read_text(encoding="utf-8").splitlines():
            src = json.loads(row)["_source"]
            if "url" in src and "original_url" in src:
                ori_urls[src["url"]] = src["original_url"]
    n_off = counts["officials"]
    print(f"data: {counts['officials']} officials, {counts['documents']} documents, "
          f"{counts['pages']} pages, {counts['truth']} planted exposures, "
          f"{counts['hard_negatives']} hard negatives (seed {args.seed})")

    standin, code, report = audited_run(cli, work, args.timeout, "clean", "clean run")
    if report is None:
        return 2
    pred, other, notes = findings(report)
    on_target = score(pred, truth, negatives, ori_urls)
    if other:
        print(f"other kinds reported by ori (not scored): {dict(other)}")
    for note in notes[:10]:
        print(f"note: {note}")
    errs = {k: v for k, v in errors_by_official(report).items() if v}
    print(f"officials with an ori error: {len(errs)}")
    for oid, es in sorted(errs.items())[:10]:
        print(f"  {oid}: {es[0].get('kind')}: {es[0].get('message', '')[:160]}")
    expected = 1 if truth else 0
    code_ok = code == expected
    print(f"exit code {code} (expected {expected}: exposures found)"
          + ("" if code_ok else "  <- unexpected"))
    t = traffic(standin, n_off)
    print_traffic(t)
    clean_ok = on_target and code_ok and not errs
    print(f"\nRESULT clean run: precision >= {PRECISION_TARGET} and recall >= {RECALL_TARGET} "
          f"per kind, exit code 1, no errors: " + ("met" if clean_ok else "NOT met"))
    faults_ok = True
    if args.faults:
        faults_ok = fault_run(cli, work, args, roster, pred, errs)
        print("\nRESULT fault run: " + ("passed" if faults_ok else "FAILED"))
    return 0 if clean_ok and faults_ok else 1


def audited_run(cli: str, work: Path, timeout: float, label: str, title: str,
                faults: str | None = None) -> tuple[StandIn, int, dict[str, Any] | None]:
    """One audit against a fresh stand-in (with faults if given), its requests logged to
    requests-LABEL.jsonl and its report kept as report-LABEL.json; None when no report."""
    standin = serve(work / "data", faults=faults, log_path=work / f"requests-{label}.jsonl")
    try:
        code, report, stderr, wall = run_audit(cli, work, standin, timeout)
    finally:
        standin.close()
    print(f"\n== {title}: exit code {code}, wall time {wall:.1f} s")
    if report is None:
        print("no JSON report on stdout; stderr:\n" + stderr[-3000:])
    else:
        (work / f"report-{label}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return standin, code, report


def fault_run(cli: str, work: Path, args: argparse.Namespace, roster: dict[str, Any],
              clean: set[Key], clean_errors: dict[str, Any]) -> bool:
    standin, code, report = audited_run(cli, work, args.timeout, "faults",
                                        f"run with faults ({args.faults})", args.faults)
    if report is None:
        return False
    with (work / "faulted-requests.jsonl").open("w", encoding="utf-8") as fh:
        for r, body in zip(standin.requests, standin.bodies, strict=True):
            fh.write(json.dumps({**r, "body": body.decode("utf-8", "replace")}) + "\n")
    index_of = {o["id"]: o.get("ori_index") or _index_for(o) for o in roster["officials"]}
    touched, kinds, recovered = touched_by_faults(standin, roster, index_of)
    pred, _, _ = findings(report)
    errs = {k: v for k, v in errors_by_official(report).items() if v}
    must = set().union(*touched.values()) if touched else set()
    print(f"faults injected: {dict(kinds)}; recovered by a later identical request: "
          f"{recovered}; unrecovered, per kind, officials touched: "
          f"{ {k: len(v) for k, v in touched.items()} }")
    ok = True
    want = 3 if must else (1 if clean else 0)
    if code != want:
        print(f"exit code {code}, expected {want}  <- FAIL")
        ok = False
    else:
        print(f"exit code {code} as expected")
    missing = sorted(must - set(errs))
    print(f"officials touched by an unrecovered fault: {len(must)}, with an ori error: "
          f"{len(must & set(errs))}, without: {len(missing)}")
    for oid in missing:
        kinds_hit = sorted(k for k, v in touched.items() if oid in v)
        print(f"  {oid}: no ori error after {', '.join(kinds_hit)}  <- FAIL")
        ok = False
    new = sorted(pred - clean)
    print(f"findings the clean run did not have: {len(new)}")
    for k in new:
        print(f"  {k}  <- FAIL")
        ok = False
    lost = sorted(k for k in clean - pred if k[0] not in errs)
    print(f"findings lost for officials without an error (silently clean): {len(lost)}")
    for k in lost:
        print(f"  {k}  <- FAIL")
        ok = False
    print(f"officials with an ori error: {len(errs)} (clean run: {len(clean_errors)}); "
          f"error kinds {dict(Counter(e[0].get('kind') for e in errs.values()))}")
    print_traffic(traffic(standin, len(roster["officials"])))
    return ok


def _index_for(official: dict[str, Any]) -> str:
    org = str(official.get("organisation", "")).lower()
    for key in ("oude_ijsselstreek", "bergen_nh", "heerde", "gelderland"):
        if key.replace("_nh", "").replace("_", " ") in org:
            return ("osi_" if key == "gelderland" else "ori_") + key
    return "ori_"


if __name__ == "__main__":
    sys.exit(main())
