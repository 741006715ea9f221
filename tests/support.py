"""Helpers more than one test module needs: one home each instead of a copy per module."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer.testing import CliRunner

from exposurecheck.collectors.interface import Collector, CollectorResult
from exposurecheck.cooperative import checkpoint
from exposurecheck.models import Official

DATA = Path(__file__).resolve().parent / "data"
FAST_CONFIG = DATA / "fast-mock.toml"  # settings for audits against the in-process mock


def load_data(name: str) -> Any:
    """A JSON file of tests/data: real API examples and published schemas."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


SARIF_SCHEMA: dict[str, Any] = load_data("sarif-schema-2.1.0.json")


CommandRun = Callable[[list[str]], tuple[int, str, str]]  # args -> (exit code, stdout, stderr)


def command_runner(register: Callable[[typer.Typer], None]) -> CommandRun:
    """Runs one command module on an app of its own, as cli.py registers it."""
    def run(args: list[str]) -> tuple[int, str, str]:
        app = typer.Typer(rich_markup_mode=None, no_args_is_help=True, add_completion=False)

        @app.callback()
        def _root() -> None:
            """exposurecheck"""

        register(app)
        result = CliRunner().invoke(app, args)
        return result.exit_code, result.stdout, result.stderr

    return run


def collect_once(make: Callable[[], Collector], official: Official) -> CollectorResult:
    """What a collector, made inside the event loop, finds for one official; closed after."""
    async def main() -> CollectorResult:
        collector = make()
        try:
            return await collector.collect(official)
        finally:
            await collector.aclose()

    return asyncio.run(main())


class QuietHandler(BaseHTTPRequestHandler):
    """A local test server's handler: answers with `reply`, logs nothing to the test output."""

    def reply(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_locally(
        handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, Callable[[], None]]:
    """A server on a free port of 127.0.0.1 in a thread of its own, and what stops it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return server, stop


def spin_until_stopped(ended: threading.Event) -> NoReturn:
    """Matching that never ends on its own: only the cooperative checkpoint stops it, and
    `ended` says it did."""
    try:
        while True:
            checkpoint()
            time.sleep(0.001)
    finally:
        ended.set()
