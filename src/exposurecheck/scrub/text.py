"""Plain text and Markdown: one unit, no pages."""

from __future__ import annotations

from exposurecheck.scrub.engine import Context, DocumentError, DocumentProblem, Scanned
from exposurecheck.scrub.model import DocFinding, Location
from exposurecheck.scrub.slots import Slots


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(DocumentProblem.BROKEN, "text")  # pragma: no cover - cp1252 reads all


def scan(data: bytes, context: Context) -> Scanned:
    content = decode(data)
    return Scanned(context.findings(context.detector.find(content), None, Location.TEXT))


def scrub(data: bytes, context: Context) -> tuple[bytes, list[DocFinding]]:
    content = decode(data)
    hits = context.detector.find(content)
    slots = Slots()
    slots.add(0, content)
    new = slots.redacted(hits).get(0, content)
    return new.encode("utf-8"), context.findings(hits, None, Location.TEXT)
