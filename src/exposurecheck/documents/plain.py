"""Plain text and HTML, for callers that get every kind of file (the document scan)."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from exposurecheck.documents.layout import page, unwrap
from exposurecheck.documents.reader import Budget, DocumentKind, DocumentText

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _decode(data: bytes) -> str:
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def read_text(data: bytes, budget: Budget) -> DocumentText:
    paragraphs = _PARAGRAPH_BREAK.split(_decode(data).replace("\r\n", "\n"))
    return DocumentText(DocumentKind.TEXT, (page(unwrap(p.split("\n")) for p in paragraphs),))


def read_html(data: bytes, budget: Budget) -> DocumentText:
    """The visible text, one line per line of the rendered text (lxml stays linear)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(data, "lxml")
    for hidden in soup(["script", "style", "noscript", "template"]):
        hidden.decompose()
    title = soup.title.get_text(" ").strip() if soup.title else ""
    if soup.title:
        soup.title.decompose()
    lines = (unwrap([line]) for line in soup.get_text("\n").split("\n"))
    return DocumentText(DocumentKind.HTML, (page(lines),), title)
