"""PDF: the text layer of each page, read with PyMuPDF."""

from __future__ import annotations

from typing import Any

import pymupdf

from exposurecheck.documents.layout import page, unwrap
from exposurecheck.documents.reader import (
    Budget,
    DocumentError,
    DocumentKind,
    DocumentProblem,
    DocumentText,
)

_TEXT_BLOCK = 0
_open: Any = pymupdf.open
_tools: Any = pymupdf.TOOLS
# MuPDF prints what it finds wrong in a file on stderr, which could carry the file's bytes to
# a terminal; a broken file is reported as a DocumentError instead.
_tools.mupdf_display_errors(False)
_tools.mupdf_display_warnings(False)


def read(data: bytes, budget: Budget) -> DocumentText:
    try:
        document: Any = _open(stream=data, filetype="pdf")
    except Exception:
        raise DocumentError(DocumentProblem.BROKEN, "not a readable PDF") from None
    with document:
        if document.needs_pass:
            raise DocumentError(DocumentProblem.ENCRYPTED)
        max_pages = budget.limits.max_pages
        if document.page_count > max_pages:
            raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {max_pages} pages")
        pages: list[str] = []
        image_only: list[int] = []
        for number, pdf_page in enumerate(document, start=1):
            budget.check()
            blocks = pdf_page.get_text("blocks", sort=True)
            pages.append(page(unwrap(str(block[4]).split("\n")) for block in blocks
                              if block[6] == _TEXT_BLOCK))
            if not pages[-1].strip() and pdf_page.get_images(full=False):
                image_only.append(number)
        if not any(text.strip() for text in pages):
            if not pages:
                raise DocumentError(DocumentProblem.BROKEN, "no pages")
            raise DocumentError(DocumentProblem.NO_TEXT)
        title = str((document.metadata or {}).get("title") or "")
    return DocumentText(DocumentKind.PDF, tuple(pages), title, tuple(image_only))
