"""One entry point per command: which reader a file needs, and what scanning it means.

Every format module offers `scan(data, context)` and `scrub(data, context)`; both walk the
same units of text, so what a scan reports is exactly what a scrub removes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from exposurecheck.documents import DocumentError, DocumentLimits, DocumentProblem
from exposurecheck.scrub.detect import Detector
from exposurecheck.scrub.model import DocFinding, Hit, Location, ScanKind

SUFFIXES = (".pdf", ".docx", ".odt", ".html", ".htm", ".txt", ".md", ".markdown", ".eml")
_MAX_DEPTH = 5
LIMITS = DocumentLimits()  # the document readers' bounds: size, pages, zip members
__all__ = ["LIMITS", "SUFFIXES", "Context", "DocumentError", "DocumentProblem", "Scanned",
           "attachment_findings", "handler", "looks_like_person", "scan_bytes", "scrub_bytes"]


@dataclass
class Scanned:
    findings: list[DocFinding] = field(default_factory=list)
    pages: int | None = None


@dataclass
class Context:
    detector: Detector
    depth: int = 0
    within: str | None = None
    problems: list[str] = field(default_factory=list)  # attachments that could not be read

    def findings(self, hits: Iterable[Hit], page: int | None,
                 location: Location) -> list[DocFinding]:
        return [DocFinding(h.kind, page, location, h.value, h.official, self.within)
                for h in hits]

    def metadata(self, value: str | None, page: int | None = None,
                 location: Location = Location.METADATA) -> list[DocFinding]:
        """Author fields: a person's name is a finding, and so is any data in them."""
        if not value or not value.strip():
            return []
        found = self.findings(self.detector.find(value), page, location)
        if not found and looks_like_person(value):
            found.append(DocFinding(ScanKind.METADATA, page, location, value, None, self.within))
        return found

    def nested(self, name: str) -> Context | None:
        inner = f"{self.within}/{name}" if self.within else name
        if self.depth >= _MAX_DEPTH:
            self.problems.append(f"attachment {inner}: nested too deeply, not read")
            return None
        return Context(self.detector, self.depth + 1, inner, self.problems)


_NOT_A_PERSON = re.compile(
    r"gemeente|griffie|provincie|afdeling|team|microsoft|word|writer|libreoffice|openoffice|"
    r"adobe|acrobat|pdf|office|user|admin|beheer|stichting|raad|college|unknown|onbekend",
    re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.(?:[A-Z]\.)*|"
                        r"van|de|der|den|ter|ten|het|'t|in|op|te|la|le|du)$")


def looks_like_person(value: str) -> bool:
    """'P. de Vries' or 'Anne-Marie Kuipers', not 'Gemeente Voorbeeld' or 'Microsoft Word'."""
    words = value.split()
    if not 2 <= len(words) <= 6 or _NOT_A_PERSON.search(value):
        return False
    return all(_NAME_WORD.match(w) for w in words) and words[-1][0].isupper()


def handler(name: str) -> tuple[Callable[[bytes, Context], Scanned],
                                Callable[[bytes, Context], tuple[bytes, list[DocFinding]]]]:
    suffix = PurePath(name).suffix.lower()
    # imported here: the format modules import this one (attachments come back through it)
    from exposurecheck.scrub import eml, html, odt, office, pdf, text

    table = {".pdf": (pdf.scan, pdf.scrub), ".docx": (office.scan, office.scrub),
             ".odt": (odt.scan, odt.scrub), ".html": (html.scan, html.scrub),
             ".htm": (html.scan, html.scrub), ".eml": (eml.scan, eml.scrub)}
    if suffix in table:
        return table[suffix]
    if suffix in (".txt", ".md", ".markdown"):
        return text.scan, text.scrub
    raise DocumentError(DocumentProblem.UNSUPPORTED, suffix or "no extension")


def _within_limits(data: bytes) -> None:
    if len(data) > LIMITS.max_bytes:
        raise DocumentError(DocumentProblem.TOO_LARGE, f"more than {LIMITS.max_bytes} bytes")


def scan_bytes(name: str, data: bytes, context: Context) -> Scanned:
    scan, _ = handler(name)
    _within_limits(data)
    return scan(data, context)


def scrub_bytes(name: str, data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    _, scrub = handler(name)
    _within_limits(data)
    return scrub(data, context)


def attachment_findings(name: str, data: bytes, context: Context) -> list[DocFinding]:
    """Findings in an attached document, each marked with where it was attached."""
    inner = context.nested(name)
    if inner is None:
        return []
    try:
        scanned = scan_bytes(name, data, inner)
    except DocumentError as exc:
        context.problems.append(f"attachment {inner.within}: {exc}")
        return []
    return [DocFinding(f.kind, f.page, Location.ATTACHMENT, f.value, f.official, f.within)
            for f in scanned.findings]
