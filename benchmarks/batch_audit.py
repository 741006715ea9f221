"""Batch audit benchmark: 1,000 fictional officials against the mock register over HTTP.

The server (a subprocess, `exposurecheck fixtures serve`) adds 50 ms to every
response and answers 429 above 50 requests/s. The audit runs with the real
KVK client over HTTP, paced by its rate limiter. Prints requests made,
requests per official, 429s received, wall time, and the ratio of wall time
to the lower bound (requests made / rate limit). It also counts the requests
a sequential audit (one official at a time) makes for the same roster.

It also prints the paid (profile) requests per official and their cost. With
`--unpaced-client` the client is not told the server's rate: it starts at KVK's
published 100 requests/s and adapts to the 429s, as an audit without `rate_limit` does.

    python benchmarks/batch_audit.py [--officials 1000] [--latency 0.05] [--rate 50]
                                     [--unpaced-client]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.kvk.client import KVK_PUBLISHED_RATE, KvkClient
from exposurecheck.collectors.kvk.collector import KvkCollector
from exposurecheck.mock.api import DEMO_API_KEY, MockHandelsregister
from exposurecheck.mock.register import load_register
from exposurecheck.models import Report, Roster
from exposurecheck.ratelimit import RateLimiter
from exposurecheck.roster import load_roster


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the fixture server did not start")


async def audit(roster: Roster, client: KvkClient, concurrency: int) -> Report:
    collector = KvkCollector(client)
    try:
        return await Auditor([collector], AuditOptions(concurrency=concurrency)).audit(roster)
    finally:
        await collector.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--concurrency", type=int, default=64, help="officials at once")
    parser.add_argument("--unpaced-client", action="store_true",
                        help="do not give the client the server's rate (KVK's default pacing)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        roster_path, register_path = synthetic.write(Path(tmp), args.officials)
        roster = load_roster(roster_path)

        sequential = KvkClient("http://kvk.mock.invalid/api", DEMO_API_KEY,
                               transport=MockHandelsregister(load_register(register_path))
                               .transport())
        asyncio.run(audit(roster, sequential, concurrency=1))

        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "exposurecheck", "fixtures", "serve", "--port", str(port),
             "--register", str(register_path), "--latency", str(args.latency),
             "--rate-limit", str(args.rate)], stderr=subprocess.DEVNULL)
        try:
            wait_for(port)
            # Pace exactly at the server's rate; enough connections to hide the latency.
            in_flight = max(4, int(args.rate * args.latency * 3))
            limiter = (RateLimiter(KVK_PUBLISHED_RATE, 16) if args.unpaced_client
                       else RateLimiter(args.rate, in_flight))
            client = KvkClient(f"http://127.0.0.1:{port}/api", DEMO_API_KEY, limiter=limiter)
            started = time.monotonic()
            report = asyncio.run(audit(roster, client, args.concurrency))
            wall = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=10)

    missing = args.officials - len(report.officials)
    failed = sum(1 for o in report.officials if o.errors)
    lower_bound = client.requests_made / args.rate
    print(f"officials                     {args.officials}")
    print(f"officials without a result    {missing}")
    print(f"officials with a source error {failed}")
    print(f"findings                      {sum(len(o.findings) for o in report.officials)}")
    print(f"requests made                 {client.requests_made}")
    print(f"requests per official         {client.requests_made / args.officials:.2f}")
    print(f"  sequential path             {sequential.requests_made / args.officials:.2f}")
    print(f"paid requests made            {client.paid_requests}")
    print(f"paid requests per official    {client.paid_requests / args.officials:.2f}")
    print(f"  sequential path             {sequential.paid_requests / args.officials:.2f}")
    print(f"estimated cost per official   EUR {client.paid_requests * 0.019 / args.officials:.4f}")
    print(f"429 responses received        {client.throttled}")
    print(f"wall time                     {wall:.1f} s")
    print(f"lower bound (requests / rate) {lower_bound:.1f} s")
    print(f"wall time / lower bound       {wall / lower_bound:.3f}")


if __name__ == "__main__":
    main()
