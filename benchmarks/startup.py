"""Start-up benchmark: how long `python -m exposurecheck --help` takes, and which imports
cost the most. Each run is a fresh subprocess; the median hides a busy machine's outliers.
`python -c pass` is measured the same way, so the figure can be read against the
interpreter's own start.

    python benchmarks/startup.py [--runs 15] [--top 12]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

HELP = [sys.executable, "-m", "exposurecheck", "--help"]
TARGET = 0.15  # seconds, issue 14


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def top_imports(count: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest imports under `-X importtime`."""
    done = subprocess.run([sys.executable, "-X", "importtime", *HELP[1:]], check=True,
                          capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    bare = median_seconds([sys.executable, "-c", "pass"], args.runs)
    help_time = median_seconds(HELP, args.runs)
    print(f"python -c pass:               {bare:.3f} s (median of {args.runs})")
    print(f"python -m exposurecheck --help: {help_time:.3f} s (median of {args.runs}); "
          f"{help_time - bare:.3f} s above the bare interpreter")
    print(f"target {TARGET:.3f} s: {'met' if help_time <= TARGET else 'NOT met'}")
    print("slowest imports (cumulative, one -X importtime run):")
    for micros, name in top_imports(args.top):
        print(f"  {micros / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
