"""Run exposurecheck against the fake KVK register and score it against the ground truth.

Normal mode::

    python benchmarks/kvk_accuracy/run.py

starts ``fake_kvk.py`` on a free port, runs
``exposurecheck audit ROSTER --format json --sources kvk --reveal`` on the YAML and on the CSV
roster and prints precision/recall of exposed home-address findings, the fate of the truly
shielded businesses, whether both rosters give the same findings, exit codes and wall time.

Fault mode::

    python benchmarks/kvk_accuracy/run.py --fail-rate 0.15

runs a clean audit and one against a fake that fails on 15% of calls (500, 503, truncated JSON,
hanging response) and checks that the run ends by itself, that incomplete officials list the
failed source in ``errors``, that nothing is lost silently and that the exit code is 3.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = HERE / "data"
RESULTS_DIR = HERE / "results"
API_KEY = "benchmark-key-0000"
HOME_KINDS = ("home_address", "business_at_home")
SOURCE = "kvk"
INFO_CHECKS = {"officials_with_errors", "incomplete_but_identical", "incomplete_with_new_findings"}

Key = tuple[str, str]  # (official_id, vestigingsnummer)


# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------


class FakeServer:
    """fake_kvk.py in a subprocess on a free port."""

    def __init__(self, data: Path, fail_rate: float, seed: int, log: Path) -> None:
        self.cmd = [
            sys.executable,
            str(HERE / "fake_kvk.py"),
            "--data",
            str(data / "register.json"),
            "--port",
            "0",
            "--api-key",
            API_KEY,
            "--fail-rate",
            str(fail_rate),
            "--seed",
            str(seed),
            "--log",
            str(log),
        ]
        self.log = log
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> FakeServer:
        self.log.unlink(missing_ok=True)
        self.proc = subprocess.Popen(
            self.cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        lines: queue.Queue[str] = queue.Queue()
        stdout = self.proc.stdout
        assert stdout is not None
        threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=30)
        except queue.Empty:
            line = ""
        if "listening on" not in line:
            self.stop()
            raise RuntimeError(f"fake_kvk did not start: {line!r}")
        self.url = line.split("listening on", 1)[1].strip()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def calls(self) -> dict[str, Any]:
        if not self.log.exists():
            return {}
        entries = [json.loads(line) for line in self.log.read_text().splitlines() if line]
        return {
            "total": len(entries),
            "by_endpoint": dict(Counter(e.get("endpoint", "other") for e in entries)),
            "faults": dict(Counter(e["fault"] for e in entries if e.get("fault"))),
            "status": dict(Counter(str(e.get("status")) for e in entries)),
        }


@dataclass
class AuditRun:
    roster: str
    command: list[str]
    exit_code: int | None = None
    wall_seconds: float = 0.0
    timed_out: bool = False
    stdout: str = ""
    stderr: str = ""
    report: dict[str, Any] | None = None
    problem: str = ""
    calls: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "roster": self.roster,
            "command": self.command,
            "exit_code": self.exit_code,
            "wall_seconds": round(self.wall_seconds, 2),
            "timed_out": self.timed_out,
            "problem": self.problem,
            "stderr_tail": self.stderr[-2000:],
            "calls": self.calls,
        }


def find_tool(explicit: str | None) -> list[str] | None:
    if explicit:
        return shlex.split(explicit)
    venv_exe = REPO / ".venv" / "bin" / "exposurecheck"
    if venv_exe.exists():
        return [str(venv_exe)]
    code = "import importlib.util, sys; sys.exit(importlib.util.find_spec('exposurecheck') is None)"
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    if probe.returncode == 0:
        return [sys.executable, "-m", "exposurecheck"]
    return None


def run_audit(tool: list[str], roster: Path, url: str, timeout: float) -> AuditRun:
    cmd = [*tool, "audit", str(roster), "--format", "json", "--sources", SOURCE, "--reveal"]
    run = AuditRun(roster=roster.name, command=cmd)
    env = {**os.environ, "EXPOSURECHECK_KVK_URL": url, "KVK_API_KEY": API_KEY}
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
        start_new_session=True,
    )
    try:
        run.stdout, run.stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        run.timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)  # the audit's own process group
        run.stdout, run.stderr = proc.communicate()
    run.wall_seconds = time.monotonic() - started
    run.exit_code = proc.returncode
    if run.timed_out:
        run.problem = f"audit did not finish within {timeout:.0f} s and was killed"
        return run
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as err:
        run.problem = (
            f"audit produced no JSON report on stdout (exit code {run.exit_code}; {err}). "
            "Is `exposurecheck audit ... --format json --sources kvk --reveal` implemented?"
        )
        return run
    if not isinstance(report, dict) or not isinstance(report.get("officials"), list):
        run.problem = "JSON report has no top-level `officials` list"
        return run
    run.report = report
    return run


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    official_id: str
    kind: str
    subject: str
    status: str
    vestigingsnummer: str
    address_type: str

    @property
    def key(self) -> Key:
        return (self.official_id, self.vestigingsnummer)


def norm_vnr(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    return text.zfill(12) if text.isdigit() else text


def findings_of(report: dict[str, Any]) -> list[Finding]:
    result = []
    for official in report["officials"]:
        for f in official.get("findings") or []:
            locator = f.get("locator") or {}
            result.append(
                Finding(
                    official_id=str(official.get("id")),
                    kind=str(f.get("kind")),
                    subject=str(f.get("subject")),
                    status=str(f.get("status")),
                    vestigingsnummer=norm_vnr(locator.get("vestigingsnummer")),
                    address_type=str(locator.get("address_type")),
                )
            )
    return result


def describe_vestiging(vest: dict[str, Any], company: dict[str, Any]) -> str:
    a = vest["bezoekadres"]
    house = f"{a['huisnummer']}{a['huisletter']}" + (
        f"-{a['toevoeging']}" if a["toevoeging"] else ""
    )
    flags = ("" if vest["actief"] else " [inactive]") + (
        " [shielded]" if vest["afgeschermd"] else ""
    )
    return (
        f"{vest['handelsnamen'][0]} ({company['rechtsvorm']}), {a['straatnaam']} {house}, "
        f"{a['postcode']} {a['plaats']}{flags}"
    )


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def pr(reported: set[Key], expected: set[Key]) -> dict[str, Any]:
    tp = len(reported & expected)
    return {
        "reported": len(reported),
        "expected": len(expected),
        "true_positives": tp,
        "precision": ratio(tp, len(reported)),
        "recall": ratio(tp, len(expected)),
    }


def score(report: dict[str, Any], data: Path) -> dict[str, Any]:
    truth = json.loads((data / "truth.json").read_text())
    planted = json.loads((data / "planted.json").read_text())
    planted_by_key: dict[Key, dict[str, Any]] = {
        (p["official_id"], p["vestigingsnummer"]): p for p in planted
    }
    register = json.loads((data / "register.json").read_text(encoding="utf-8"))
    where = {
        v["vestigingsnummer"]: describe_vestiging(v, c)
        for c in register["companies"]
        for v in c["vestigingen"]
    }
    findings = [f for f in findings_of(report) if f.kind in HOME_KINDS]
    exposed = [f for f in findings if f.status == "exposed"]
    truth_exposed = {
        (t["official_id"], t["vestigingsnummer"]): t for t in truth if t["status"] == "exposed"
    }
    truth_shielded = {
        (t["official_id"], t["vestigingsnummer"]): t for t in truth if t["status"] == "shielded"
    }

    metrics: dict[str, Any] = {}
    for kind in HOME_KINDS:
        reported = {f.key for f in exposed if f.kind == kind}
        expected = {k for k, t in truth_exposed.items() if t["kind"] == kind}
        metrics[kind] = pr(reported, expected)
    reported_all = {f.key for f in exposed}
    metrics["combined"] = pr(reported_all, set(truth_exposed))

    # kind and subject agreement on the matched keys
    matched = [f for f in exposed if f.key in truth_exposed]
    metrics["kind_agreement"] = ratio(
        sum(f.kind == truth_exposed[f.key]["kind"] for f in matched), len(matched)
    )
    metrics["subject_agreement"] = ratio(
        sum(f.subject == truth_exposed[f.key]["subject"] for f in matched), len(matched)
    )
    metrics["subject_confusion"] = dict(
        Counter(
            f"{truth_exposed[f.key]['subject']}->{f.subject}"
            for f in matched
            if f.subject != truth_exposed[f.key]["subject"]
        )
    )

    # shielded businesses
    statuses: dict[Key, set[str]] = defaultdict(set)
    for f in findings:
        statuses[f.key].add(f.status)
    shielded: dict[str, Any] = {
        "total": len(truth_shielded),
        "reported_shielded": 0,
        "reported_exposed": 0,
        "not_reported": 0,
        "by_case": {},
    }
    by_case: dict[str, Counter[str]] = defaultdict(Counter)
    for key, t in truth_shielded.items():
        seen = statuses.get(key, set())
        outcome = (
            "reported_exposed"
            if "exposed" in seen
            else "reported_shielded"
            if "shielded" in seen
            else "not_reported"
        )
        shielded[outcome] += 1
        by_case[t["case"]][outcome] += 1
    shielded["by_case"] = {case: dict(c) for case, c in sorted(by_case.items())}
    extra = sorted({f.key for f in findings if f.status == "shielded"} - set(truth_shielded))
    shielded["extra_shielded_findings"] = len(extra)

    # where the errors are: false positives by planted negative case, misses by positive case
    false_pos = sorted(reported_all - set(truth_exposed))
    fp_cases = Counter(
        planted_by_key[k]["case"]
        if k in planted_by_key
        else ("shielded_reported_exposed" if k in truth_shielded else "not_planted")
        for k in false_pos
    )
    missed = sorted(set(truth_exposed) - reported_all)
    miss_cases = Counter(truth_exposed[k]["case"] for k in missed)
    per_case: dict[str, dict[str, Any]] = {}
    for p in planted:
        entry = per_case.setdefault(
            p["case"],
            {
                "polarity": p["polarity"],
                "planted": 0,
                "reported_exposed": 0,
                "reported_shielded": 0,
            },
        )
        entry["planted"] += 1
        key = (p["official_id"], p["vestigingsnummer"])
        entry["reported_exposed"] += key in reported_all
        entry["reported_shielded"] += "shielded" in statuses.get(key, set())

    forms = home_forms(data)
    homes = {oid: str(r["home"]) for oid, r in roster_index(data).items()}
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key in truth_exposed:
        by_form[forms.get(key[0], "?")][1] += 1
        by_form[forms.get(key[0], "?")][0] += key in reported_all
    metrics["recall_by_home_form"] = {f: f"{tp}/{n}" for f, (tp, n) in sorted(by_form.items())}

    def example(key: Key, case: str, registered: str | None) -> dict[str, Any]:
        """A finding to look at by hand: whose, which establishment, which case, where."""
        return {
            "official_id": key[0],
            "vestigingsnummer": key[1],
            "case": case,
            "registered": registered,
            "roster_home": homes.get(key[0]),
        }

    def unexpected(key: Key) -> dict[str, Any]:
        """A finding the truth does not hold: the planted case it fell for, if any."""
        case = planted_by_key[key]["case"] if key in planted_by_key else "not_planted"
        return example(key, case, where.get(key[1], "unknown vestigingsnummer"))

    return {
        "exposed": metrics,
        "shielded": shielded,
        "false_positives_by_case": dict(fp_cases.most_common()),
        "misses_by_case": dict(miss_cases.most_common()),
        "per_planted_case": dict(sorted(per_case.items())),
        "examples": {
            "false_positives": [unexpected(k) for k in false_pos[:20]],
            "extra_shielded": [unexpected(k) for k in extra[:20]],
            "misses": [example(k, truth_exposed[k]["case"], where.get(k[1])) for k in missed[:20]],
        },
    }


def roster_index(data: Path) -> dict[str, dict[str, Any]]:
    roster = yaml.safe_load((data / "roster.yaml").read_text(encoding="utf-8"))["officials"]
    return {str(r["id"]): r for r in roster}


def home_forms(data: Path) -> dict[str, str]:
    """How each roster home is written: structured, one-line, or without a postcode."""
    forms = {}
    for r in roster_index(data).values():
        home = r["home"]
        text = home if isinstance(home, str) else " ".join(str(v) for v in home.values())
        if not re.search(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b", text):
            forms[r["id"]] = "no postcode"
        else:
            forms[r["id"]] = "one-line" if isinstance(home, str) else "structured"
    return forms


def finding_set(report: dict[str, Any]) -> set[Finding]:
    return set(findings_of(report))


def official_index(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(o.get("id")): o for o in report["officials"]}


def roster_ids(data: Path) -> list[str]:
    ids = []
    for line in (data / "roster.csv").read_text(encoding="utf-8").splitlines()[1:]:
        if line:
            ids.append(line.split(",", 1)[0])
    return ids


# ---------------------------------------------------------------------------------------------
# Modes
# ---------------------------------------------------------------------------------------------


def audit_with_fake(
    tool: list[str], data: Path, roster: Path, fail_rate: float, seed: int, timeout: float, tag: str
) -> AuditRun:
    RESULTS_DIR.mkdir(exist_ok=True)
    with FakeServer(data, fail_rate, seed, RESULTS_DIR / f"calls-{tag}.jsonl") as server:
        run = run_audit(tool, roster, server.url, timeout)
    run.calls = server.calls()
    (RESULTS_DIR / f"report-{tag}.json").write_text(run.stdout, encoding="utf-8")
    return run


def describe_run(run: AuditRun, label: str = "") -> None:
    calls = run.calls
    print(
        f"  {label or run.roster}: exit code {run.exit_code}, wall {run.wall_seconds:.1f} s, "
        f"{calls.get('total', 0)} API calls {calls.get('by_endpoint', {})}"
    )
    if calls.get("faults"):
        print(f"    injected faults: {calls['faults']}")
    if run.problem:
        print(f"    PROBLEM: {run.problem}")
        tail = run.stderr.strip().splitlines()[-8:]
        for line in tail:
            print(f"      stderr| {line}")


def fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def print_score(result: dict[str, Any]) -> None:
    m = result["exposed"]
    print("\nExposed home-address findings (key: official_id + vestigingsnummer)")
    print(f"  {'kind':<18}{'expected':>9}{'reported':>9}{'TP':>5}{'precision':>11}{'recall':>8}")
    for kind in (*HOME_KINDS, "combined"):
        r = m[kind]
        print(
            f"  {kind:<18}{r['expected']:>9}{r['reported']:>9}{r['true_positives']:>5}"
            f"{fmt(r['precision']):>11}{fmt(r['recall']):>8}"
        )
    print(
        f"  kind agreement on matches: {fmt(m['kind_agreement'])}, "
        f"subject agreement: {fmt(m['subject_agreement'])} {m['subject_confusion'] or ''}"
    )
    print(f"  recall by how the home is written: {m['recall_by_home_form']}")
    s = result["shielded"]
    print(
        f"\nTruly shielded businesses: {s['total']} -> reported shielded "
        f"{s['reported_shielded']}, reported EXPOSED {s['reported_exposed']}, "
        f"not reported {s['not_reported']}"
    )
    for case, counts in s["by_case"].items():
        print(f"    {case}: {counts}")
    print(f"  shielded findings not in the truth: {s['extra_shielded_findings']}")
    print("\nPer planted case: home findings reported as exposed / as shielded / planted")
    for case, entry in result["per_planted_case"].items():
        flag = ""
        if entry["polarity"] == "negative":
            flag = "ok" if entry["reported_exposed"] == 0 else "<-- false positives"
        print(
            f"  {entry['polarity']:<9}{case:<38}{entry['reported_exposed']:>4}"
            f"{entry['reported_shielded']:>4} / {entry['planted']:<4} {flag}"
        )
    if result["false_positives_by_case"]:
        print(f"  false positives by case: {result['false_positives_by_case']}")
    if result["misses_by_case"]:
        print(f"  misses by case: {result['misses_by_case']}")
    examples = result["examples"]
    for label, items in (
        ("shielded, not in truth", examples["extra_shielded"]),
        ("false positive", examples["false_positives"]),
        ("miss", examples["misses"]),
    ):
        for item in items[:5]:
            print(
                f"    e.g. {label} {item['official_id']} [{item['case']}]: "
                f"{item['registered']}  <- roster home {item['roster_home']}"
            )


def normal_mode(args: argparse.Namespace, tool: list[str]) -> dict[str, Any]:
    runs = {}
    for name in ("roster.yaml", "roster.csv"):
        runs[name] = audit_with_fake(
            tool, args.data, args.data / name, 0.0, args.seed, args.timeout, name.replace(".", "-")
        )
    print("Audit runs (fault-free fake)")
    for run in runs.values():
        describe_run(run)
    out: dict[str, Any] = {"mode": "normal", "runs": {k: r.summary() for k, r in runs.items()}}
    yaml_run, csv_run = runs["roster.yaml"], runs["roster.csv"]
    if yaml_run.report is None:
        out["ok"] = False
        print("\nNo report from the YAML roster run: nothing to score.")
        return out
    ids = roster_ids(args.data)
    got = official_index(yaml_run.report)
    missing = [i for i in ids if i not in got]
    with_errors = [i for i, o in got.items() if o.get("errors")]
    print(
        f"\nOfficials in report: {len(got)} of {len(ids)} (missing {len(missing)}); "
        f"with errors on a fault-free register: {len(with_errors)}"
    )
    result = score(yaml_run.report, args.data)
    print_score(result)
    out.update(
        {"score_yaml": result, "missing_officials": missing, "officials_with_errors": with_errors}
    )
    if csv_run.report is not None:
        a, b = finding_set(yaml_run.report), finding_set(csv_run.report)
        identical = a == b
        print(
            f"\nYAML vs CSV roster: finding sets {'IDENTICAL' if identical else 'DIFFER'} "
            f"({len(a)} vs {len(b)} findings; only YAML {len(a - b)}, only CSV {len(b - a)})"
        )
        for f in sorted(a ^ b, key=lambda f: f.key)[:10]:
            side = "yaml" if f in a else "csv "
            print(f"    only {side}: {f}")
        out["yaml_csv_identical"] = identical
        out["score_csv"] = score(csv_run.report, args.data)["exposed"]["combined"]
    else:
        out["yaml_csv_identical"] = None
        print("\nYAML vs CSV roster: CSV run produced no report")
    out["ok"] = True
    return out


def fault_mode(args: argparse.Namespace, tool: list[str]) -> dict[str, Any]:
    roster = args.data / "roster.yaml"
    clean = audit_with_fake(tool, args.data, roster, 0.0, args.seed, args.timeout, "clean")
    faulty = audit_with_fake(
        tool, args.data, roster, args.fail_rate, args.seed, args.timeout, "faulty"
    )
    print(f"Audit runs: fault-free, then --fail-rate {args.fail_rate}")
    describe_run(clean, f"{clean.roster}, fault-free")
    describe_run(faulty, f"{faulty.roster}, faults injected")
    out: dict[str, Any] = {
        "mode": "faults",
        "fail_rate": args.fail_rate,
        "runs": {"clean": clean.summary(), "faulty": faulty.summary()},
    }
    checks: dict[str, Any] = {"ended_by_itself": not faulty.timed_out}
    if faulty.report is None:
        checks["report_parsed"] = False
        out.update({"checks": checks, "ok": False})
        print_checks(checks)
        return out
    checks["report_parsed"] = True
    ids = roster_ids(args.data)
    got = official_index(faulty.report)
    checks["all_officials_present"] = [i for i in ids if i not in got] or True
    bad_sources: list[str] = []
    incomplete: list[str] = []
    for oid, official in got.items():
        errors = official.get("errors") or []
        if errors:
            incomplete.append(oid)
            if not any(isinstance(e, dict) and e.get("source") == SOURCE for e in errors):
                bad_sources.append(oid)
    checks["officials_with_errors"] = len(incomplete)
    checks["errors_name_failed_source"] = bad_sources or True
    expected_code = 3 if incomplete else clean.exit_code
    checks["exit_code"] = {
        "got": faulty.exit_code,
        "expected": expected_code,
        "ok": faulty.exit_code == expected_code,
    }
    if clean.report is not None:
        base = defaultdict(set)
        for f in finding_set(clean.report):
            base[f.official_id].add(f)
        now = defaultdict(set)
        for f in finding_set(faulty.report):
            now[f.official_id].add(f)
        silent = [oid for oid in got if oid not in incomplete and now[oid] != base[oid]]
        checks["silent_differences"] = silent or True
        # informational: what the incomplete officials look like
        checks["incomplete_but_identical"] = sum(now[o] == base[o] for o in incomplete)
        checks["incomplete_with_new_findings"] = sum(bool(now[o] - base[o]) for o in incomplete)
    else:
        checks["silent_differences"] = "clean run produced no report: not checked"
    print_checks(checks)
    out["checks"] = checks
    print("\nExposed home-address findings, combined kinds (precision / recall)")
    for label, run in (("fault-free", clean), ("faults injected", faulty)):
        if run.report is not None:
            combined = score(run.report, args.data)["exposed"]["combined"]
            out[f"combined_{label.replace(' ', '_').replace('-', '_')}"] = combined
            print(f"  {label:<16} {fmt(combined['precision'])} / {fmt(combined['recall'])}")
    out["ok"] = all(
        v is True or (isinstance(v, dict) and v.get("ok"))
        for k, v in checks.items()
        if k not in INFO_CHECKS
    )
    return out


def print_checks(checks: dict[str, Any]) -> None:
    print("\nFault-mode checks")
    for name, value in checks.items():
        if name in INFO_CHECKS:
            verdict = f"{value} (information)"
        elif value is True:
            verdict = "PASS"
        elif isinstance(value, dict):
            verdict = ("PASS " if value.get("ok") else "FAIL ") + json.dumps(value)
        elif isinstance(value, list):
            verdict = f"FAIL ({len(value)}): {value[:10]}"
        elif value is False:
            verdict = "FAIL"
        else:
            verdict = str(value)
        print(f"  {name:<28} {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="exposurecheck KVK accuracy benchmark")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--regenerate", action="store_true", help="rebuild the world first")
    parser.add_argument("--fail-rate", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=7, help="seed for fault injection")
    parser.add_argument("--timeout", type=float, default=900.0, help="per audit run, seconds")
    parser.add_argument("--exe", default=None, help="tool command (default: venv exposurecheck)")
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args(argv)

    if args.regenerate or not (args.data / "truth.json").exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--out", str(args.data)], check=True
        )
    tool = find_tool(args.exe)
    if tool is None:
        print(
            "exposurecheck is not installed: neither .venv/bin/exposurecheck nor "
            "`python -m exposurecheck` is available. Nothing to evaluate yet."
        )
        return 2
    print(f"tool: {' '.join(tool)}\ndata: {args.data}\n")
    started = time.monotonic()
    out = fault_mode(args, tool) if args.fail_rate > 0 else normal_mode(args, tool)
    out["total_wall_seconds"] = round(time.monotonic() - started, 1)
    target = args.json_out or RESULTS_DIR / f"result-{out['mode']}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"\nfull results: {target}")
    return 0 if out.get("ok") else 1


if __name__ == "__main__":
    raise SystemExit(main())
