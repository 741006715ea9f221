"""Score the web source against a fictional site with planted exposures.

    python benchmarks/web_accuracy.py [--roster R] [--expected E] [--site-root DIR]

Audits the roster in-process (WebCollector + Auditor) against the site served by
``FixtureSite`` (default: the bundled ``fixtures/web/site``), compares the findings
with the expected ones as (official, kind, subject, url) and prints precision and
recall per finding kind, every miss and every false alarm, and whether any finding
shows a value that is not the official's own roster data. Exit code 1 when a kind
falls below the targets (precision 0.97, recall 0.95) or a value leaks.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import re
import sys
import time
from pathlib import Path

import phonenumbers

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.web.collector import WebCollector
from exposurecheck.matching.address import normalise_city
from exposurecheck.matching.names import normalise_name_text
from exposurecheck.mock.web import FixtureSite
from exposurecheck.models import Finding, FindingKind, Official, Report
from exposurecheck.resources import fixtures_dir
from exposurecheck.roster import load_roster
from exposurecheck.web.fetch import Fetcher, FetchPolicy

PRECISION_TARGET = 0.97
RECALL_TARGET = 0.95
Key = tuple[str, str, str, str]  # (official_id, kind, subject, url)
_AT = re.compile(r"\s*[\[({<]\s*(?:at|@|ape?n?staart(?:je)?)\s*[\])}>]\s*|\s+at\s+")
_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+")


async def audit(roster_path: Path, site_root: Path | None) -> tuple[Report, int]:
    roster = load_roster(roster_path)
    fetcher = Fetcher(FetchPolicy(rate_limit=math.inf),
                      transport=FixtureSite(site_root).transport())
    collector = WebCollector(fetcher, roster.sites)
    try:
        report = await Auditor([collector], AuditOptions()).audit(roster)
    finally:
        await collector.aclose()
    return report, fetcher.requests_made


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def leaks(official: Official, finding: Finding) -> bool:
    """Does the finding show something other than this official's roster data?"""
    value = finding.evidence.value or ""
    if finding.kind is FindingKind.PHONE:
        try:
            number = phonenumbers.parse(value, "NL")
        except phonenumbers.NumberParseException:
            return True
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        own = {phonenumbers.format_number(phonenumbers.parse(p, "NL"),
                                          phonenumbers.PhoneNumberFormat.E164)
               for p in official.phones}
        return e164 not in own
    if finding.kind is FindingKind.EMAIL:
        plain = _AT.sub("@", value.casefold())
        plain = "".join(_DOT.sub(".", plain).split())
        return plain not in {e.casefold() for e in official.emails}
    if finding.kind is FindingKind.RESIDENCE:
        return official.home is None or normalise_city(value) != normalise_city(
            official.home.city or "")
    if finding.kind is FindingKind.HOUSEHOLD_NAME:
        first = normalise_name_text(value).split()[:1]
        return not any(first == normalise_name_text(m.name).split()[:1]
                       for m in official.household)
    if finding.kind is FindingKind.HOME_ADDRESS:
        return official.home is None or str(official.home.number) not in _digits(value)
    if finding.kind is FindingKind.BIRTH_DATE:
        return official.birth_date is None or str(official.birth_date.day) not in value
    return True


def score(report: Report, roster_path: Path, expected: dict[str, list[dict[str, str]]]) -> bool:
    officials = {o.id: o for o in load_roster(roster_path).officials}
    want: set[Key] = {(f["official_id"], f["kind"], f["subject"], f["url"])
                      for f in expected["findings"]}
    got: dict[Key, Finding] = {}
    leaked: list[tuple[str, Finding]] = []
    for result in report.officials:
        for error in result.errors:
            print(f"error    {result.id}: {error.kind.value}: {error.message}")
        for finding in result.findings:
            got[(result.id, finding.kind.value, finding.subject.value,
                 finding.locator.url or "")] = finding
            if leaks(officials[result.id], finding):
                leaked.append((result.id, finding))
    for key in sorted(set(got) - want):
        finding = got[key]
        print(f"false    {key} {finding.locator.element}: {finding.evidence.context!r}")
    for key in sorted(want - set(got)):
        print(f"missed   {key}")
    ok = not leaked
    print(f"\n{'kind':16} {'expected':>8} {'found':>6} {'tp':>4} {'precision':>10} {'recall':>7}")
    for kind in FindingKind:
        expected_kind = {k for k in want if k[1] == kind.value}
        found_kind = {k for k in got if k[1] == kind.value}
        if not expected_kind and not found_kind:
            continue
        tp = len(expected_kind & found_kind)
        precision = tp / len(found_kind) if found_kind else 1.0
        recall = tp / len(expected_kind) if expected_kind else 1.0
        ok = ok and precision >= PRECISION_TARGET and recall >= RECALL_TARGET
        print(f"{kind.value:16} {len(expected_kind):8} {len(found_kind):6} {tp:4} "
              f"{precision:10.3f} {recall:7.3f}")
    for official_id, finding in leaked:
        print(f"LEAK     {official_id} {finding.kind.value} {finding.locator.url}")
    print(f"\nvalues not in the roster: {len(leaked)}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roster", type=Path,
                        default=fixtures_dir() / "rosters" / "demo-web.yaml")
    parser.add_argument("--expected", type=Path,
                        default=fixtures_dir() / "web" / "expected.json")
    parser.add_argument("--site-root", type=Path, default=None,
                        help="directory to serve (default: the bundled fixture site)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report, requests = asyncio.run(audit(args.roster, args.site_root))
    elapsed = time.perf_counter() - started
    ok = score(report, args.roster, json.loads(args.expected.read_text(encoding="utf-8")))
    print(f"requests: {requests}, wall time: {elapsed:.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
