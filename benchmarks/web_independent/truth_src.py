#!/usr/bin/env python3
"""Writes truth.json and hard_negatives.json from truth_src.json, the hand-kept source.

truth.json: expected findings, one per (official_id, kind, subject, url).
  "optional": true  -> not counted either way (residence on a page that already shows the full home
                       address; a reported optional finding is neither a TP nor an FP).
hard_negatives.json: (official_id, kind, url) keys that must NOT be reported, with the trap described.
URLs are site paths; run.py normalises reported URLs the same way.

truth_src.json lists the findings per official (`who`: name and home address, for the reader)
as [kind, url, note] or [kind, url, note, "optional"], and the hard negatives as groups: every
trap of a group ({kind: trap}) on every one of its urls (a footer on many pages is one group).
"""
import json
from collections import Counter
from pathlib import Path

here = Path(__file__).resolve().parent
source = json.loads((here / "truth_src.json").read_text(encoding="utf-8"))

T = [  # truth
    {"official_id": official["official_id"], "kind": kind,
     "subject": "household" if kind == "household_name" else "official",
     "url": url, "note": note, **({"optional": True} if flags == ["optional"] else {})}
    for official in source["findings"]
    for kind, url, note, *flags in official["findings"]
]
N = [  # hard negatives
    {"official_id": group["official_id"], "kind": kind, "url": url, "trap": trap}
    for group in source["negatives"]
    for url in group["urls"]
    for kind, trap in group["traps"].items()
]
N += [{"official_id": f"bw-{i:02d}", "kind": "*", "url": "/intern/*",
       "trap": "robots.txt Disallow: /intern/ (adreslijst with everything)"} for i in range(1, 15)]

(here / "truth.json").write_text(json.dumps(T, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
(here / "hard_negatives.json").write_text(json.dumps(N, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print("truth:", len(T), "required:", sum(not x.get("optional") for x in T),
      dict(Counter(x["kind"] for x in T if not x.get("optional"))))
print("hard negatives:", len(N))
