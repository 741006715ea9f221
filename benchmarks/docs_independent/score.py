"""Serve the generated council site, audit it through the CLI and score the document findings.

    python score.py [--no-regen] [--no-control] [--keep-report report.json] [--rate-limit N]

Regenerates site/ with make_site.py (unless --no-regen), serves it on a free port of
127.0.0.1, runs `exposurecheck audit ROSTER --sources web --format json --reveal --no-cache -q`
in an empty directory (so no settings file applies), and prints precision and recall per kind
over unique (official_id, kind, url, page) tuples, the false positives and misses, the source
errors, what was not read, the exit code, and documents read per second. A second, small
"control" crawl reaches only the media files and one readable PDF: it must end complete.
Output is also written to last_run.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness_common import run_json_audit

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
KINDS = ["home_address", "phone", "email", "birth_date", "household_name"]
PRECISION_TARGET, RECALL_TARGET = 0.97, 0.95
Key = tuple[str, str, str, int | None]

OUT: list[str] = []


def say(line: str = "") -> None:
    OUT.append(line)
    print(line, flush=True)


class Handler(SimpleHTTPRequestHandler):
    """Static files, with the Content-Type and Content-Disposition a RIS sends for
    extensionless download links, and a log of every request."""

    headers_for: ClassVar[dict[str, dict[str, str]]] = {}
    log: ClassVar[list[tuple[float, str, int]]] = []
    lock = threading.Lock()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = unquote(urlsplit(self.path).path)
        extra = self.headers_for.get(path)
        if extra is None:
            return super().send_head()
        file = Path(self.directory) / path.lstrip("/")
        data = file.open("rb")
        self.send_response(200)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(file.stat().st_size))
        self.end_headers()
        return data

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.lock:
            self.log.append((time.monotonic(), unquote(urlsplit(self.path).path), code))
        super().send_response(code, message)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    Handler.headers_for = json.loads((root / "_headers.json").read_text(encoding="utf-8"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def cli() -> list[str]:
    found = shutil.which("exposurecheck") or str(Path(sys.executable).parent / "exposurecheck")
    return [found]


def audit(roster_text: str, base: str, rate_limit: float | None = None
          ) -> tuple[int, dict[str, Any] | None, str, float]:
    """Run the CLI on the roster (with __BASE__ filled in) in an empty directory; with a
    rate limit, through the documented setting in an exposurecheck.toml there."""
    with tempfile.TemporaryDirectory(prefix="docs-independent-") as work:
        if rate_limit is not None:
            (Path(work) / "exposurecheck.toml").write_text(
                f"[tool.exposurecheck.web]\nrate_limit = {rate_limit}\n"
                "concurrency_per_host = 4\n", encoding="utf-8")
        roster = Path(work) / "roster.yaml"
        roster.write_text(roster_text.replace("__BASE__", base), encoding="utf-8")
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(work) / "cache"), NO_COLOR="1")
        return run_json_audit(
            [*cli(), "audit", str(roster), "--sources", "web", "--format", "json", "--reveal",
             "--no-cache", "-q"], work, env, 1800)


def relative(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def score(report: dict[str, Any], truth: list[dict[str, Any]], docx_urls: set[str],
          negatives: list[dict[str, Any]]) -> dict[str, Any]:
    expected: set[Key] = {(r["official_id"], r["kind"], r["url"], r["page"]) for r in truth}
    found: dict[Key, dict[str, Any]] = {}
    residence: list[tuple[str, str, int | None]] = []
    other: Counter[str] = Counter()
    for official in report["officials"]:
        for finding in official["findings"]:
            if finding["source"] != "web":
                continue
            locator = finding.get("locator") or {}
            url = relative(locator.get("url"))
            page = None if url in docx_urls else locator.get("page")
            if finding["kind"] == "residence":
                residence.append((official["id"], url, page))
            elif finding["kind"] in KINDS:
                found.setdefault((official["id"], finding["kind"], url, page), finding)
            else:
                other[finding["kind"]] += 1
    say("Per kind (unique official, kind, url, page; DOCX scored on url only):")
    say(f"  {'kind':15} {'truth':>5} {'found':>5} {'tp':>4} {'fp':>4} {'fn':>4} "
        f"{'precision':>9} {'recall':>7}   url-only p/r")
    ok = True
    for kind in KINDS:
        exp = {k for k in expected if k[1] == kind}
        got = {k for k in found if k[1] == kind}
        tp = len(exp & got)
        precision = tp / len(got) if got else 1.0
        recall = tp / len(exp) if exp else 1.0
        exp_url = {k[:3] for k in exp}
        got_url = {k[:3] for k in got}
        tpu = len(exp_url & got_url)
        pu = tpu / len(got_url) if got_url else 1.0
        ru = tpu / len(exp_url) if exp_url else 1.0
        met = precision >= PRECISION_TARGET and recall >= RECALL_TARGET
        ok &= met
        say(f"  {kind:15} {len(exp):5} {len(got):5} {tp:4} {len(got) - tp:4} "
            f"{len(exp) - tp:4} {precision:9.3f} {recall:7.3f}   {pu:.3f}/{ru:.3f}"
            f"{'' if met else '   below target'}")
    all_tp = len(expected & set(found))
    say(f"  {'all':15} {len(expected):5} {len(found):5} {all_tp:4} {len(found) - all_tp:4} "
        f"{len(expected) - all_tp:4} {all_tp / max(len(found), 1):9.3f} "
        f"{all_tp / max(len(expected), 1):7.3f}")
    by_doc = defaultdict(list)
    for n in negatives:
        by_doc[(n["official_id"], n["kind"], n["url"])].append(n["what"])
    say()
    say("False positives:")
    for key in sorted(set(found) - expected, key=str):
        finding = found[key]
        evidence = finding.get("evidence") or {}
        planted = by_doc.get(key[:3])
        right_url = [t for t in expected if t[:3] == key[:3]]
        why = ("planted hard negative: " + "; ".join(planted) if planted
               else f"right document, truth page {right_url[0][3]}" if right_url
               else "not planted")
        say(f"  {key[0]} {key[1]} {key[2]} p.{key[3]}: value {evidence.get('value')!r} "
            f"[{(finding.get('locator') or {}).get('element')}] ({why})")
        context = evidence.get("context")
        if context:
            say(f"      context: {' '.join(str(context).split())[:160]!r}")
    say("Misses:")
    for key in sorted(expected - set(found), key=str):
        near = [k for k in found if k[:3] == key[:3]]
        say(f"  {key[0]} {key[1]} {key[2]} p.{key[3]}"
            + (f" (reported on page {near[0][3]})" if near else ""))
    if residence:
        say(f"Residence findings (not scored): {len(set(residence))} unique, e.g. "
            f"{sorted(set(residence), key=str)[:3]}")
    if other:
        say(f"Other kinds (not scored): {dict(other)}")
    return {"ok": ok, "expected": len(expected), "found": len(found), "tp": all_tp}


def errors_and_not_read(report: dict[str, Any], scan: str, media: dict[str, str]) -> bool:
    errors: Counter[tuple[str, str]] = Counter()
    not_read: dict[str, int] = {}
    for official in report["officials"]:
        for error in official["errors"]:
            errors[(error["kind"], error["message"])] += 1
        for item in official.get("not_read", []):
            not_read[item["media_type"]] = max(not_read.get(item["media_type"], 0),
                                               item["count"])
    scan_name = scan.rsplit("/", 1)[-1]
    named = [e for e in errors if scan_name in e[1]]
    others = [e for e in errors if scan_name not in e[1]]
    say(f"Source errors: {len(errors)} distinct (shown with how many officials carry each)")
    for (kind, message), count in errors.items():
        say(f"  [{kind}] x{count}: {message[:200]}")
    say(f"  scan PDF reported by name: {'yes' if named else 'NO'}")
    say(f"  errors not about the scan: {len(others)}")
    want = Counter(media.values())
    say("Not read (media type: count in report / files linked): "
        + ", ".join(f"{t}: {not_read.get(t, 0)}/{n}" for t, n in sorted(want.items())))
    extra = {t: n for t, n in not_read.items() if t not in want}
    if extra:
        say(f"  also listed as not read: {extra}")
    missing = [t for t in want if t not in not_read]
    say(f"  every media type listed: {'yes' if not missing else 'NO, missing ' + str(missing)}")
    return bool(named) and not others and not missing


def server_side(log: list[tuple[float, str, int]], docs: list[str], pdf_pages: int, scan: str,
                media: dict[str, str], elapsed: float) -> None:
    paths = [p for _, p, _ in log]
    fetched_docs = {p for p in paths if p in set(docs)}
    fetched_media = sorted({p for p in paths if p in media})
    say(f"Server: {len(log)} requests; robots.txt fetched: {'/robots.txt' in paths}; "
        f"documents fetched {len(fetched_docs)}/{len(docs)}; scan fetched: {scan in paths}; "
        f"media files fetched: {len(fetched_media)} {fetched_media or ''}")
    unfetched = sorted(set(docs) - fetched_docs)
    if unfetched:
        say(f"  documents never fetched: {unfetched}")
    if log:
        times = [t for t, _, _ in log]
        span = max(times) - min(times)
        say(f"  crawl span {span:.1f} s, {len(log) / max(span, 1e-9):.2f} requests/s overall")
    say(f"Throughput: {len(fetched_docs)} documents in {elapsed:.1f} s wall time "
        f"= {len(fetched_docs) / elapsed:.2f} documents/s, {pdf_pages / elapsed:.1f} PDF pages/s "
        f"({pdf_pages} PDF pages; includes start-up, the HTML pages and the crawler's rate "
        "limit)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-regen", action="store_true", help="use the existing site/")
    parser.add_argument("--no-control", action="store_true", help="skip the media-only crawl")
    parser.add_argument("--keep-report", type=Path)
    parser.add_argument("--rate-limit", type=float,
                        help="web rate_limit in requests/s (default: the tool's own, 2)")
    args = parser.parse_args()
    if not args.no_regen or not SITE.exists():
        subprocess.run([sys.executable, str(HERE / "make_site.py")], check=True)
    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    negatives = json.loads((HERE / "negatives.json").read_text(encoding="utf-8"))
    listing = json.loads((HERE / "documents.json").read_text(encoding="utf-8"))
    docs, scan, media = listing["documents"], listing["scan"], listing["media"]
    headers = json.loads((SITE / "_headers.json").read_text(encoding="utf-8"))
    docx_urls = {d for d in docs if d.endswith(".docx") or "wordprocessingml" in
                 headers.get(d, {}).get("Content-Type", "")}
    roster = (HERE / "roster.template.yaml").read_text(encoding="utf-8")
    server, base = serve(SITE)
    try:
        say(f"Site: {len(docs)} documents ({len(docx_urls)} DOCX), 1 scan, {len(media)} media "
            f"files; {len(truth)} planted exposures, {len(negatives)} hard negatives; {base}")
        code, report, stderr, elapsed = audit(roster, base, args.rate_limit)
        say(f"Exit code {code} after {elapsed:.1f} s")
        if report is None:
            say("No JSON report on stdout. stderr:\n" + stderr[-3000:])
            return 1
        if args.keep_report:
            args.keep_report.write_text(json.dumps(report, indent=1), encoding="utf-8")
        say()
        result = score(report, truth, docx_urls, negatives)
        say()
        clean = errors_and_not_read(report, scan, media)
        expected_code = 3
        say(f"Exit code {code}: "
            + ("3 = incomplete, as expected: the scan cannot be read without OCR"
               if code == expected_code and clean else
               "1 = exposures, but the scan should have made the audit incomplete (3)"
               if code == 1 else f"unexpected (stderr: {stderr.strip()[-300:]!r})"))
        server_side(list(Handler.log), docs, listing["pdf_pages"], scan, media, elapsed)
        if not args.no_control:
            say()
            Handler.log.clear()
            control = roster.replace('"__BASE__/index.html", max_pages: 200, max_depth: 5',
                                     '"__BASE__/controle/index.html", max_pages: 20, '
                                     'max_depth: 1')
            code2, report2, _, elapsed2 = audit(control, base)
            say(f"Control crawl (media files and one PDF only): exit code {code2} after "
                f"{elapsed2:.1f} s")
            if report2 is not None:
                errs = {e["message"] for o in report2["officials"] for e in o["errors"]}
                kinds = {t["media_type"] for o in report2["officials"]
                         for t in o.get("not_read", [])}
                say(f"  source errors: {len(errs)} {sorted(errs)[:3]}; not read: {sorted(kinds)}")
                say("  " + ("complete: media files alone do not make the audit incomplete"
                            if code2 in (0, 1) and not errs else "NOT complete"))
            fetched = sorted({p for _, p, _ in Handler.log if p in media})
            say(f"  media files fetched: {fetched or 'none'}")
        say()
        verdict = "targets met" if result["ok"] else "targets NOT met"
        say(f"Verdict: {verdict} (precision >= {PRECISION_TARGET}, recall >= {RECALL_TARGET} "
            f"per kind, page exact); errors/not-read checks {'pass' if clean else 'FAIL'}")
    finally:
        server.shutdown()
        (HERE / "last_run.txt").write_text("\n".join(OUT) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
