"""`--split DIR`: one report per official, so each can be handed only their own findings.

File names come from official ids, which are free text from a roster, so they
are encoded rather than trusted: only [a-z0-9-] pass, every other byte becomes
`_xx`. That keeps names unique for distinct ids even on case-insensitive file
systems, and leaves no separator, "..", control character or reserved name.
"""

from __future__ import annotations

import hashlib
import re

from exposurecheck.models import Report

EXTENSIONS = {"table": "txt", "json": "json", "markdown": "md", "html": "html", "sarif": "sarif",
              "junit": "xml"}
MAX_STEM = 180  # leaves room for the hash and extension under the common 255-byte limit
_PLAIN = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789-")
_EXTENSION = re.compile(r"[a-z0-9]{1,16}")
_WINDOWS_RESERVED = re.compile(r"con|prn|aux|nul|com[0-9]|lpt[0-9]")


def split_report(report: Report) -> dict[str, Report]:
    """A report per official id, each with the whole report's header (time, tool, sources)."""
    parts: dict[str, Report] = {}
    for official in report.officials:
        if official.id in parts:
            raise ValueError(f"official id {official.id!r} appears twice in the report")
        parts[official.id] = report.model_copy(update={"officials": (official,)})
    return parts


def split_file_name(official_id: str, extension: str) -> str:
    """A file name for one official's report, e.g. 'voorbeeld-001.html'."""
    if not _EXTENSION.fullmatch(extension):
        raise ValueError(f"not a file extension: {extension!r}")
    if not official_id:
        raise ValueError("an official id cannot be empty")
    stem = "".join(chr(b) if b in _PLAIN else f"_{b:02x}" for b in official_id.encode())
    if _WINDOWS_RESERVED.fullmatch(stem):
        stem = f"_{ord(stem[0]):02x}{stem[1:]}"
    if len(stem) > MAX_STEM:
        # "~" never occurs in an encoded stem, so a shortened name cannot equal a full one
        stem = f"{stem[:MAX_STEM]}~{hashlib.sha256(official_id.encode()).hexdigest()[:16]}"
    return f"{stem}.{extension}"


def extension_for(output_format: str) -> str:
    """The file extension of an `OutputFormat` (a StrEnum, so its members work as keys)."""
    return EXTENSIONS[output_format]
