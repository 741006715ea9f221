"""A fictional web site served in-process, so web tests and demos never go online."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Final

import httpx

from exposurecheck.resources import fixtures_dir

__all__ = ["FixtureSite"]

_NOT_FOUND: Final = (
    b"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
    b"</head><body><h1>Not found</h1></body></html>\n"
)


class FixtureSite:
    """Serve the files under ``root`` by URL path, whatever the host.

    ``/`` and directories serve their ``index.html``. HTML is UTF-8 except files
    named ``*.cp1252.html``, labelled windows-1252 to test decoding. Nothing
    outside ``root`` is ever served, symbolic links included.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else fixtures_dir() / "web" / "site").resolve()

    def handle(self, request: httpx.Request) -> httpx.Response:
        target = self._file(request.url.path)
        if target is None:
            return httpx.Response(
                404, headers={"Content-Type": "text/html; charset=utf-8"}, content=_NOT_FOUND
            )
        return httpx.Response(
            200, headers={"Content-Type": _content_type(target)}, content=target.read_bytes()
        )

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def _file(self, path: str) -> Path | None:
        try:
            target = (self.root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = (target / "index.html").resolve()
            if target.is_relative_to(self.root) and target.is_file():
                return target
        except (OSError, ValueError):  # e.g. a NUL byte in the path
            pass
        return None


def _content_type(path: Path) -> str:
    if path.name.endswith(".cp1252.html"):
        return "text/html; charset=windows-1252"
    if path.suffix == ".html":
        return "text/html; charset=utf-8"
    if path.name == "robots.txt":
        return "text/plain"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
