"""KVK's own pace: an audit without `rate_limit` against servers that allow 50 and 200 req/s.

A server on 127.0.0.1 answers from a synthetic register (benchmarks/synthetic.py) with 50 ms
latency, and 429 (Retry-After: 1, a `fout` body) when more than N requests arrived in the last
rolling second. The audit runs through the CLI, as a user runs it, with no rate configured.
Printed per server: requests served and refused, wall time against requests / limit, the
busiest second, and the paid requests the server saw against the report's `usage.kvk`.

    python benchmarks/kvk_pacing.py [--officials 600]

Targets (issue 8): at N=50 the wall time is within 1.25x of served / 50; at N=200 no second
sees more than 110 requests and the wall time is within 1.25x of served / 100.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister
from exposurecheck.mock.register import load_register

LATENCY = 0.05
EXTRA: list[str] = os.environ.get("PACING_EXTRA_ARGS", "").split()
PRICE = 0.019


class Server:
    def __init__(self, mock: MockHandelsregister, allowed: int) -> None:
        self.mock, self.allowed = mock, allowed
        self.lock = threading.Lock()
        self.window: deque[float] = deque()
        self.served: list[float] = []
        self.refused = 0
        self.paid = 0

    def admit(self) -> bool:
        with self.lock:
            now = time.monotonic()
            while self.window and self.window[0] <= now - 1.0:
                self.window.popleft()
            if len(self.window) >= self.allowed:
                self.refused += 1
                return False
            self.window.append(now)
            self.served.append(now)
            return True


def handler_for(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(LATENCY)
            if not self.path.startswith("/api/v2/zoeken"):
                with server.lock:
                    server.paid += 1  # received: what the usage must count
            if not server.admit():
                body = json.dumps({"fout": [{"code": "IPD1002",
                                             "omschrijving": "Te veel verzoeken"}]}).encode()
                self.send_response(429)
                self.send_header("Retry-After", "1")
            else:
                request = httpx.Request("GET", f"http://kvk.local{self.path}",
                                        headers={"apikey": self.headers.get("apikey", "")})
                response = server.mock.handle(request)
                body = response.content
                self.send_response(response.status_code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def run(allowed: int, officials: int, tmp: Path) -> dict[str, float]:
    roster_path, register_path = synthetic.write(tmp / f"n{allowed}", officials)
    server = Server(MockHandelsregister(load_register(register_path)), allowed)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(server))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    config = tmp / f"n{allowed}.toml"
    config.write_text(f'[tool.exposurecheck.kvk]\nurl = "http://127.0.0.1:'
                      f'{httpd.server_address[1]}/api"\ntimeout = 10\n', encoding="utf-8")
    env = {**os.environ, "KVK_API_KEY": DEMO_API_KEY}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "exposurecheck", "audit", str(roster_path),
                           "--sources", "kvk", "--format", "json", "--quiet", "--reveal",
                           "--config", str(config), *EXTRA], env=env, capture_output=True,
                          timeout=900, check=False)
    wall = time.monotonic() - started
    httpd.shutdown()
    report = json.loads(done.stdout)
    served = server.served
    busiest = max((bisect.bisect_left(served, t + 1.0) - i for i, t in enumerate(served)),
                  default=0)
    usage = report["usage"]["kvk"]
    return {"exit": done.returncode, "served": len(served), "refused": server.refused,
            "wall": wall, "busiest": busiest, "paid_seen": server.paid,
            "paid_reported": usage["paid_requests"], "cost": usage["estimated_cost_eur"],
            "incomplete": sum(1 for o in report["officials"] if o["errors"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=600)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for allowed, ceiling in ((50, 50), (200, 100)):
            r = run(allowed, args.officials, Path(tmp))
            bound = r["served"] / ceiling
            ratio = r["wall"] / bound
            print(f"server allowing {allowed}/s ({args.officials} officials, no rate_limit set)")
            print(f"  requests served {r['served']:.0f}, refused with 429 {r['refused']:.0f}, "
                  f"officials incomplete {r['incomplete']:.0f}, exit {r['exit']:.0f}")
            print(f"  wall {r['wall']:.1f} s, served / {ceiling} = {bound:.1f} s, "
                  f"ratio {ratio:.2f} (target <= 1.25)")
            print(f"  busiest second {r['busiest']:.0f} requests"
                  + (" (target <= 110)" if allowed == 200 else ""))
            print(f"  paid requests seen {r['paid_seen']:.0f}, reported {r['paid_reported']:.0f}, "
                  f"{r['paid_seen'] / args.officials:.2f} per official, estimated EUR "
                  f"{r['cost']:.2f} (= {r['paid_reported'] * PRICE:.3f})")
            ok &= ratio <= 1.25 and r["paid_seen"] == r["paid_reported"] and not r["incomplete"]
            ok &= allowed != 200 or r["busiest"] <= 110
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
