"""Read the text of a document (PDF, DOCX, ODT, plain text, HTML): one reader per format.

Every part of the tool that reads documents (the web source, the document scan) goes
through :func:`read_document`, so a format is read one way everywhere and every reader
has the same guards against hostile files: a size cap before anything is parsed, a page
cap, a time budget, zip members checked for their uncompressed size and ratio before
they are inflated, and XML read without DTDs, entities or network access.

A document that cannot be read (broken, encrypted, a scan without a text layer, over a
limit) raises :class:`DocumentError`, whose ``reason`` names no content of the file.
"""

from exposurecheck.documents.reader import (
    DocumentError,
    DocumentKind,
    DocumentLimits,
    DocumentProblem,
    DocumentText,
    document_kind,
    read_document,
)

__all__ = [
    "DocumentError",
    "DocumentKind",
    "DocumentLimits",
    "DocumentProblem",
    "DocumentText",
    "document_kind",
    "read_document",
]
