"""A tiny site on 127.0.0.1 whose exact bytes the evidence tests compare against."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest

from tests.support import QuietHandler, serve_locally

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Wie woont waar</title></head>"
        "<body><p>Wethouder Anna de Vries woont op Kerkstraat 12, 1234 AB Dorp.</p>"
        "<p>Bel 06-12345678 \u2014 \u00e9\u00e8 \x1b[31m</p></body></html>").encode()


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/gzip":
            body = gzip.compress(PAGE, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/chunked":
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            for part in (PAGE[:50], PAGE[50:]):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        if self.path == "/big":
            body = b"<p>" + b"x" * 30_000 + b"</p>"
        elif self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow: /\n"
        elif self.path == "/page":
            body = PAGE
        else:
            self.send_error(404)
            return
        self.reply("text/html; charset=utf-8", body)


@pytest.fixture
def site() -> Iterator[str]:
    server, stop = serve_locally(_Handler)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop()
