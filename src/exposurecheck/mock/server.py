"""Serve the mock Handelsregister over HTTP (for demos, the CLI and benchmarks).

The server converts each request into an ``httpx.Request`` and answers it with
:meth:`MockHandelsregister.dispatch`, so it behaves exactly like the in-process
transport; a simulated hang really stalls here. Nothing is logged per request:
query strings hold names and addresses.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypedDict, Unpack

import httpx

from exposurecheck.mock.api import DEMO_API_KEY, Dispatch, FaultPlan, MockHandelsregister
from exposurecheck.mock.ori import ORI_BASE_PATH, MockOri
from exposurecheck.mock.register import Register, load_register
from exposurecheck.mock.web import FixtureSite

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-encoding"}


class _Handler(BaseHTTPRequestHandler):
    server_version = "exposurecheck-mock-kvk/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    mock: MockHandelsregister  # set on the subclass made per server
    site: FixtureSite | None = None  # web pages at every path outside /api/
    ori: MockOri | None = None  # the ORI stand-in under /v1/elastic/

    def _answer(self) -> None:
        host = self.headers.get("Host") or "localhost"
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        try:
            request = httpx.Request(
                self.command,
                f"http://{host}{self.path}",
                headers=list(self.headers.items()),
                content=body,
            )
        except (httpx.InvalidURL, ValueError):
            self.send_error(400)
            return
        latency = self.mock.faults.latency
        if latency > 0:
            time.sleep(latency)
        try:
            if self.ori is not None and request.url.path.startswith(ORI_BASE_PATH + "/"):
                result = self.ori.dispatch(request)
            elif self.site is not None and not request.url.path.startswith("/api/"):
                result = Dispatch(self.site.handle(request))
            else:
                result = self.mock.dispatch(request)
        except Exception:  # a bug in the mock: answer like the API would, print nothing
            fout = {"fout": [{"code": "IPD9999", "omschrijving": "Algemene technische fout."}]}
            result = Dispatch(httpx.Response(500, json=fout, request=request))
        if result.hang_seconds > 0:
            time.sleep(result.hang_seconds)
        response = result.response
        content = response.content
        self.send_response(response.status_code)
        for name, value in response.headers.items():
            if name.lower() not in _HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    do_GET = _answer
    do_HEAD = _answer
    do_POST = _answer
    do_PUT = _answer
    do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry names and addresses in the query string."""


class ServerSettings(TypedDict, total=False):
    """What the mock serves, every setting optional.

    ``latency`` and ``rate_limit``, when given, override those of ``faults``. With
    ``site``, its pages are served at every path outside ``/api/``; with ``ori``, the ORI
    stand-in under ``/v1/elastic/``. With ``mock``, that :class:`MockHandelsregister` is
    served (read its ``requests_served`` afterwards) and ``register``, ``api_key``,
    ``faults``, ``latency`` and ``rate_limit`` are ignored.
    """

    register: Register | None
    api_key: str  # default: DEMO_API_KEY
    faults: FaultPlan | None
    latency: float
    rate_limit: float | None
    mock: MockHandelsregister | None
    site: FixtureSite | None
    ori: MockOri | None


def _make_server(host: str, port: int, settings: ServerSettings
                 ) -> tuple[ThreadingHTTPServer, MockHandelsregister]:
    mock = settings.get("mock")
    if mock is None:
        plan = settings.get("faults") or FaultPlan()
        latency = settings.get("latency", 0.0)
        if latency:
            plan = replace(plan, latency=latency)
        rate_limit = settings.get("rate_limit")
        if rate_limit is not None:
            plan = replace(plan, rate_limit=rate_limit)
        register = settings.get("register")
        mock = MockHandelsregister(
            register if register is not None else load_register(),
            api_key=settings.get("api_key", DEMO_API_KEY), faults=plan,
        )
    handler = type("MockKvkHandler", (_Handler,),
                   {"mock": mock, "site": settings.get("site"), "ori": settings.get("ori")})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server, mock


def serve(host: str = "127.0.0.1", port: int = 8080, **settings: Unpack[ServerSettings]) -> None:
    """Serve until interrupted; the API lives under ``http://HOST:PORT/api``."""
    server, _ = _make_server(host, port, settings)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@contextmanager
def running_server(**settings: Unpack[ServerSettings]) -> Iterator[str]:
    """Run the server on 127.0.0.1 (free port) in a daemon thread; yield its base URL."""
    server, _ = _make_server("127.0.0.1", 0, settings)
    thread = threading.Thread(
        target=server.serve_forever, name="mock-kvk-server", daemon=True,
        kwargs={"poll_interval": 0.05},
    )
    thread.start()
    try:
        port = server.server_address[1]
        yield f"http://127.0.0.1:{port}/api"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
