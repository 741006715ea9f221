"""The entry point: recognise a document's format and hand it to that format's reader.

The package `exposurecheck.documents` lists which of these names are public (`__all__`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Final
from urllib.parse import unquote, urlsplit

from exposurecheck.untrusted import clean_block, clean_text


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    TEXT = "text"
    HTML = "html"


class DocumentProblem(StrEnum):
    """Why a document was not read; each is a reason to call an audit incomplete."""

    UNSUPPORTED = "unsupported"
    BROKEN = "broken"
    ENCRYPTED = "encrypted"
    NO_TEXT = "no_text"
    """No text layer: a scan or an image-only file, which would need OCR."""
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"


_MESSAGES: Final = {
    DocumentProblem.UNSUPPORTED: "not a format that is read",
    DocumentProblem.BROKEN: "the file is damaged or not what it claims to be",
    DocumentProblem.ENCRYPTED: "the file is encrypted or password protected",
    DocumentProblem.NO_TEXT: "no text layer (a scan?): it cannot be read without OCR",
    DocumentProblem.TOO_LARGE: "over the size limits for documents",
    DocumentProblem.TIMEOUT: "reading took longer than the time limit",
}


class DocumentError(Exception):
    """A document that could not be read. ``reason`` carries no content of the file."""

    def __init__(self, problem: DocumentProblem, detail: str = "") -> None:
        self.problem = problem
        self.reason = _MESSAGES[problem] + (f" ({detail})" if detail else "")
        super().__init__(self.reason)


@dataclass(frozen=True)
class DocumentLimits:
    """Bounds on what one document may cost; a document over a bound is not read."""

    max_bytes: int = 20_000_000
    max_pages: int = 1_000
    max_chars: int = 10_000_000
    """Text kept in total; a document with more is refused rather than cut."""
    max_seconds: float = 30.0
    max_unzipped_bytes: int = 200_000_000
    """Total uncompressed size of the members of a DOCX or ODT that are read."""
    max_ratio: int = 200
    """Uncompressed to compressed size of one zip member; zip bombs are far above."""
    max_members: int = 10_000


@dataclass(frozen=True)
class DocumentText:
    """The readable text of a document.

    ``pages`` has one entry per PDF page and a single entry for DOCX, ODT, text and
    HTML. Each page holds one paragraph per line: lines a paragraph was wrapped on
    are joined and words hyphenated at a line end are whole again, so a sentence or
    an address split over lines reads as one.
    """

    kind: DocumentKind
    pages: tuple[str, ...]
    title: str = ""
    image_only_pages: tuple[int, ...] = ()
    """1-based pages that hold an image and no text: a scanned page in a document with text,
    whose content is not read (an annex, a letter with its letterhead)."""


_MEDIA_TYPES: Final = {
    "application/pdf": DocumentKind.PDF,
    "application/x-pdf": DocumentKind.PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DocumentKind.DOCX,
    "application/vnd.oasis.opendocument.text": DocumentKind.ODT,
    "text/plain": DocumentKind.TEXT,
    "text/html": DocumentKind.HTML,
    "application/xhtml+xml": DocumentKind.HTML,
}
_SUFFIXES: Final = {
    ".pdf": DocumentKind.PDF,
    ".docx": DocumentKind.DOCX,
    ".odt": DocumentKind.ODT,
    ".txt": DocumentKind.TEXT,
    ".html": DocumentKind.HTML,
    ".htm": DocumentKind.HTML,
}
_GENERIC: Final = frozenset({"", "application/octet-stream", "binary/octet-stream",
                             "application/download", "application/force-download",
                             "application/x-download", "application/zip"})


def _suffix(name: str) -> str:
    path = urlsplit(name).path if "://" in name else name
    return PurePosixPath(unquote(path)).suffix.lower()


def document_kind(name: str, content_type: str | None, head: bytes = b"") -> DocumentKind | None:
    """The format of a document from its media type, else its first bytes, else its name.

    A generic media type (``application/octet-stream``, which many servers send for
    any download) falls back to the file's signature and then to the name's suffix.
    None: not a document this package reads.
    """
    media = (content_type or "").partition(";")[0].strip().lower()
    if media in _MEDIA_TYPES:
        return _MEDIA_TYPES[media]
    if media not in _GENERIC:
        return None
    if head.startswith(b"%PDF-"):
        return DocumentKind.PDF
    kind = _SUFFIXES.get(_suffix(name))
    if head and kind in (DocumentKind.DOCX, DocumentKind.ODT) \
            and not head.startswith((b"PK\x03\x04", COMPOUND_FILE)):
        return None
    if head.startswith(b"PK\x03\x04") and kind is None:
        return None
    return kind


COMPOUND_FILE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of an OLE compound file: how Office stores a password-protected document."""


class Budget:
    """What one read may still cost: its limits and the time left, checked between pages
    and parts."""

    def __init__(self, limits: DocumentLimits) -> None:
        self.limits = limits
        self._end = time.monotonic() + limits.max_seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise DocumentError(DocumentProblem.TIMEOUT)


def read_document(
    data: bytes,
    *,
    name: str,
    content_type: str | None = None,
    limits: DocumentLimits = DocumentLimits(),
) -> DocumentText:
    """The text of ``data``; ``name`` (a file name or URL) and ``content_type`` tell its format.

    Raises :class:`DocumentError` for anything that cannot be read; never another
    exception for a hostile or damaged file. Text is cleaned with
    :func:`exposurecheck.untrusted.clean_block`.
    """
    if len(data) > limits.max_bytes:
        raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {limits.max_bytes} bytes")
    kind = document_kind(name, content_type, data[:8])
    if kind is None:
        raise DocumentError(DocumentProblem.UNSUPPORTED)
    budget = Budget(limits)
    from exposurecheck.documents import odf, ooxml, pdf, plain

    readers = {DocumentKind.PDF: pdf.read, DocumentKind.DOCX: ooxml.read,
               DocumentKind.ODT: odf.read, DocumentKind.TEXT: plain.read_text,
               DocumentKind.HTML: plain.read_html}
    try:
        found = readers[kind](data, budget)
    except DocumentError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise DocumentError(DocumentProblem.TOO_LARGE, type(exc).__name__) from None
    except Exception as exc:
        raise DocumentError(DocumentProblem.BROKEN, type(exc).__name__) from None
    if sum(len(page) for page in found.pages) > limits.max_chars:
        raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {limits.max_chars} characters")
    return replace(found, pages=tuple(clean_block(page) for page in found.pages),
                   title=clean_text(found.title).strip())
