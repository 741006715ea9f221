"""Roster loading benchmark: a 20,000-official roster as YAML, JSON and CSV, and the two
inputs that used to take quadratic time (a household cell with 20,000 spaces, a
60,000-character URL). Prints seconds per file; each should grow linearly with size.

    python benchmarks/roster_load.py [--officials 20000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from exposurecheck.roster import RosterError, load_roster
from exposurecheck.roster.loader import CSV_COLUMNS


def as_csv(roster: dict[str, object]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS)
    writer.writeheader()
    officials = roster["officials"]
    assert isinstance(officials, list)
    for official in officials:
        home = official.get("home") or {}
        writer.writerow({
            "id": official["id"], "name": official["name"], "role": official.get("role", ""),
            **{k: home.get(k, "") for k in ("street", "number", "letter", "addition",
                                            "postcode", "city")},
            "household": ";".join(f"{m['name']} ({m.get('relation') or ''})"
                                  for m in official.get("household", [])),
            "kvk_numbers": ";".join(official.get("kvk_numbers", [])),
        })
    return out.getvalue()


def timed(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        outcome = f"{len(load_roster(path).officials)} officials"
    except RosterError as exc:
        outcome = f"rejected ({len(exc.problems)} problem(s))"
    return time.perf_counter() - started, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=20_000)
    args = parser.parse_args()
    roster, _ = synthetic.generate(args.officials)
    hostile = "id,name,household,urls\n"
    cases = {
        "roster.yaml": yaml.safe_dump(roster, allow_unicode=True, sort_keys=False),
        "roster.json": json.dumps(roster, ensure_ascii=False),
        "roster.csv": as_csv(roster),
        "household-spaces.csv": hostile + "a,Anna de Vries,Piet" + " " * 20_000 + "x(,\n",
        "long-url.csv": hostile + "a,Anna de Vries,,http://" + "a" * 60_000 + " /\n",
    }
    print(f"yaml C loader: {yaml.__with_libyaml__}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases.items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            seconds, outcome = timed(path)
            print(f"{name:22} {path.stat().st_size / 1e6:7.2f} MB {seconds:7.2f} s  {outcome}")


if __name__ == "__main__":
    main()
