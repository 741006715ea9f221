"""manifest.json: what was captured, when, and the SHA-256 of every file; and its check."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from exposurecheck.models import Frozen

MANIFEST = "manifest.json"
TIMESTAMP = "manifest.json.tsr"
TSA_CERTIFICATES = "tsa-certificates.pem"
CHECKSUMS = "SHA256SUMS"


class FileEntry(Frozen):
    path: str  # relative to the evidence directory, with "/"
    sha256: str
    size: int


class CaptureEntry(Frozen):
    url: str
    final_url: str | None
    status: int | None
    captured_at: datetime  # UTC
    truncated: bool = False
    problem: str | None = None
    rendering: str  # "chromium" or why there is no screenshot/PDF
    files: tuple[str, ...] = ()


class Manifest(Frozen):
    tool: str
    version: str
    created_at: datetime  # UTC
    official: str | None = None
    captures: tuple[CaptureEntry, ...]
    files: tuple[FileEntry, ...]


class ManifestError(Exception):
    """The manifest is missing or unreadable: the directory cannot be checked."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def file_entry(root: Path, path: Path) -> FileEntry:
    return FileEntry(path=path.relative_to(root).as_posix(), sha256=sha256_file(path),
                     size=path.stat().st_size)


def read_manifest(root: Path) -> tuple[Manifest, bytes]:
    try:
        raw = (root / MANIFEST).read_bytes()
        return Manifest.model_validate(json.loads(raw)), raw
    except FileNotFoundError:
        raise ManifestError(f"{root}: no {MANIFEST}") from None
    except (ValueError, ValidationError):
        raise ManifestError(f"{root / MANIFEST}: not a valid manifest") from None


def changed_files(root: Path, manifest: Manifest) -> list[tuple[str, str]]:
    """(path, "changed" | "missing" | "not in the manifest") for every file that differs."""
    problems = []
    listed = {entry.path for entry in manifest.files}
    inside = root.resolve()
    for entry in manifest.files:
        path = root / entry.path
        if not path.resolve().is_relative_to(inside):
            problems.append((entry.path, "outside the evidence directory"))
        elif not path.is_file():
            problems.append((entry.path, "missing"))
        elif sha256_file(path) != entry.sha256:
            problems.append((entry.path, "changed"))
    sealed = {MANIFEST, TIMESTAMP, TSA_CERTIFICATES, CHECKSUMS}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if name not in listed and name not in sealed:
            problems.append((name, "not in the manifest"))
    return problems
