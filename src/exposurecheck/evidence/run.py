"""Make and check an evidence directory: captures, manifest, statements, timestamp."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography import x509

from exposurecheck import __version__
from exposurecheck.evidence.browser import render
from exposurecheck.evidence.capture import capture_all, write_warc
from exposurecheck.evidence.manifest import (
    CHECKSUMS,
    MANIFEST,
    TIMESTAMP,
    TSA_CERTIFICATES,
    CaptureEntry,
    Manifest,
    changed_files,
    file_entry,
    read_manifest,
)
from exposurecheck.evidence.statement import render_statement
from exposurecheck.evidence.timestamp import (
    TimestampError,
    load_roots,
    request_timestamp,
    verify_timestamp,
)
from exposurecheck.i18n import Lang, translator
from exposurecheck.models import Finding, OfficialResult
from exposurecheck.output import write_private
from exposurecheck.web.fetch import FetchPolicy


def statement_files() -> dict[Lang, str]:
    """One statement per language, each under its own name."""
    # TRANSLATORS: the file name of the statement to attach to a police report
    return {lang: translator(lang).pgettext("file name", "statement.txt") for lang in Lang}


@dataclass(frozen=True)
class TsaSettings:
    url: str
    roots: Path


@dataclass
class Outcome:
    manifest: Manifest
    warnings: list[str] = field(default_factory=list)
    timestamped: bool = False


def urls_of(official: OfficialResult) -> dict[str, list[Finding]]:
    """The pages of one official's web findings, with what was found on each."""
    pages: dict[str, list[Finding]] = {}
    for finding in official.findings:
        if finding.locator.url:
            pages.setdefault(finding.locator.url, []).append(finding)
    return pages


def make_evidence(out: Path, urls: Sequence[str], *, findings: Mapping[str, Sequence[Finding]],
                  official: str | None, policy: FetchPolicy, reveal: bool,
                  tsa: TsaSettings | None = None, chromium: str | None = None,
                  transport: httpx.AsyncBaseTransport | None = None) -> Outcome:
    """Capture every URL into ``out`` (created owner-only, must be new or empty)."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out}: not empty; evidence goes into a new directory")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    out.chmod(0o700)
    old_umask = os.umask(0o077)
    try:
        return _make(out, urls, findings, official, policy, reveal, tsa, chromium, transport)
    finally:
        os.umask(old_umask)


def _make(out: Path, urls: Sequence[str], findings: Mapping[str, Sequence[Finding]],
          official: str | None, policy: FetchPolicy, reveal: bool, tsa: TsaSettings | None,
          chromium: str | None, transport: httpx.AsyncBaseTransport | None) -> Outcome:
    warnings: list[str] = []
    entries = []
    captures = asyncio.run(capture_all(list(urls), policy, transport))
    for number, (url, result) in enumerate(zip(urls, captures, strict=True), 1):
        item = out / f"{number:02d}"
        item.mkdir(mode=0o700)
        files = []
        if result.exchanges:
            write_warc(item / "capture.warc.gz", result.exchanges)
            files.append(item / "capture.warc.gz")
        rendering = render(chromium, result.final_url or url, item) if result.exchanges else None
        if rendering is not None:
            files += [p for p in (rendering.screenshot, rendering.pdf) if p is not None]
            if rendering.problem:
                warnings.append(f"page {number}: {rendering.problem}")
        if result.problem:
            warnings.append(f"page {number}: {result.problem}")
        entries.append(CaptureEntry(
            url=url, final_url=result.final_url, status=result.status,
            captured_at=result.exchanges[0].at if result.exchanges else datetime.now(UTC),
            truncated=any(e.truncated for e in result.exchanges), problem=result.problem,
            rendering="chromium" if rendering and not rendering.problem
            else (rendering.problem if rendering and rendering.problem else "not rendered"),
            files=tuple(p.relative_to(out).as_posix() for p in files)))
    captured = [file_entry(out, out / f) for e in entries for f in e.files]
    manifest = Manifest(tool="exposurecheck", version=__version__, created_at=datetime.now(UTC),
                        official=official, captures=tuple(entries), files=tuple(captured))
    statements = statement_files()
    for lang, name in statements.items():
        write_private(out / name, render_statement(manifest, findings, lang, reveal=reveal,
                                                   authority=tsa.url if tsa else None))
    manifest = manifest.model_copy(update={"files": (
        *captured, *(file_entry(out, out / name) for name in statements.values()))})
    text = manifest.model_dump_json(indent=2) + "\n"
    write_private(out / MANIFEST, text)
    outcome = Outcome(manifest, warnings)
    if tsa is not None:
        try:
            roots = load_roots(tsa.roots)
            stamp = request_timestamp(tsa.url, text.encode(), roots)
        except (TimestampError, OSError) as exc:
            warnings.append(f"no timestamp: {exc}")
        else:
            (out / TIMESTAMP).write_bytes(stamp.token)
            shutil.copyfile(tsa.roots, out / TSA_CERTIFICATES)
            outcome.timestamped = True
    sums = [f"{f.sha256}  {f.path}" for f in manifest.files]
    sums += [f"{file_entry(out, out / n).sha256}  {n}" for n in (MANIFEST, TIMESTAMP)
             if (out / n).exists()]
    write_private(out / CHECKSUMS, "\n".join(sums) + "\n")
    return outcome


@dataclass(frozen=True)
class Verification:
    problems: list[tuple[str, str]]
    timestamp: str | None  # "verified at ..." or None when there is none
    timestamp_problem: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.timestamp_problem is None


def verify_evidence(root: Path, roots: list[x509.Certificate] | None = None) -> Verification:
    """Recompute every hash, and check the timestamp against the stored (or given) roots."""
    manifest, raw = read_manifest(root)
    problems = changed_files(root, manifest)
    token = root / TIMESTAMP
    if not token.exists():
        return Verification(problems, None)
    try:
        trusted = roots if roots is not None else load_roots(root / TSA_CERTIFICATES)
        when = verify_timestamp(token.read_bytes(), raw, trusted)
    except (TimestampError, OSError) as exc:
        return Verification(problems, None, str(exc))
    return Verification(problems, f"{when:%Y-%m-%d %H:%M:%S} UTC")
