"""Nothing personal in a log line: httpx logs full URLs, whose queries hold names."""

from __future__ import annotations

import logging

import httpx


def without_query(url: str | httpx.URL) -> str:
    """A URL without its query string and fragment, which may carry names or addresses."""
    return str(httpx.URL(url).copy_with(query=None, fragment=None))


class _RedactQueryFilter(logging.Filter):
    """Strip query strings from URLs in httpx's "HTTP Request: GET <url>" lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and any(isinstance(a, httpx.URL) for a in args):
            record.args = tuple(
                without_query(a) if isinstance(a, httpx.URL) else a
                for a in args
            )
        return True


def redact_http_logs() -> None:
    """Install the filter once on the `httpx` logger."""
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQueryFilter) for f in httpx_logger.filters):
        httpx_logger.addFilter(_RedactQueryFilter())
