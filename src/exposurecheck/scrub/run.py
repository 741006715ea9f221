"""Walk the paths, scan or scrub each document, and render what was found.

Inputs are only ever read; a scrub writes each copy to a temporary file beside its
target (mode 0600) and renames it, so the output directory never holds half a document.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exposurecheck import __version__
from exposurecheck.output import make_private_dir, write_private, write_private_bytes
from exposurecheck.redact import mask_address, mask_text
from exposurecheck.scrub.detect import Detector
from exposurecheck.scrub.engine import SUFFIXES, Context, DocumentError, scan_bytes, scrub_bytes
from exposurecheck.scrub.model import (
    GROUNDS,
    DocFinding,
    DocumentResult,
    Redaction,
    ScanKind,
)
from exposurecheck.untrusted import clean_text

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")


@dataclass(frozen=True)
class Source:
    """A document to read: where it is, and its path relative to the root it was found under."""

    path: Path
    relative: Path


@dataclass
class Walk:
    sources: list[Source] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files in a directory of another format


class InputError(Exception):
    """A path that does not exist or a file of an unsupported format: bad input."""


def walk(paths: Sequence[Path]) -> Walk:
    found = Walk()
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUFFIXES:
                    found.sources.append(Source(file, file.relative_to(path)))
                else:
                    found.skipped.append(file)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise InputError(f"{path}: not a supported format "
                                 f"({', '.join(SUFFIXES)})")
            found.sources.append(Source(path, Path(path.name)))
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def scan_source(source: Source, detector: Detector) -> DocumentResult:
    result = DocumentResult(path=str(source.path))
    try:
        data = source.path.read_bytes()
        context = Context(detector)
        scanned = scan_bytes(source.path.name, data, context)
    except OSError as exc:
        result.errors.append(f"cannot be read ({exc.strerror or type(exc).__name__})")
        return result
    except DocumentError as exc:
        result.errors.append(str(exc))
        return result
    except Exception as exc:  # a hostile document must never end the run
        result.errors.append(f"could not be read ({type(exc).__name__})")
        return result
    result.findings = scanned.findings
    result.pages = scanned.pages
    result.errors += context.problems
    return result


def scrub_source(source: Source, detector: Detector, out: Path) -> tuple[DocumentResult,
                                                                         list[Redaction]]:
    result = DocumentResult(path=str(source.path))
    try:
        data = source.path.read_bytes()
        context = Context(detector)
        cleaned, done = scrub_bytes(source.path.name, data, context)
    except OSError as exc:
        result.errors.append(f"cannot be read ({exc.strerror or type(exc).__name__})")
        return result, []
    except DocumentError as exc:
        result.errors.append(str(exc))
        return result, []
    except Exception as exc:
        result.errors.append(f"could not be scrubbed ({type(exc).__name__})")
        return result, []
    if context.problems:  # an attachment that could not be read may hold personal data
        result.errors += [*context.problems, "no copy written"]
        return result, []
    target = out / source.relative
    make_private_dirs(target.parent, out)
    write_private_bytes(target, cleaned)
    result.findings = done
    log = [Redaction(str(source.relative), f.page, f.kind, f.location, f.within) for f in done]
    return result, log


def make_private_dirs(directory: Path, root: Path) -> None:
    """Create `directory` (under `root`) and every parent of it below root as 0700."""
    make_private_dir(root)
    for part in reversed([directory, *directory.parents]):
        if part == root or root not in part.parents:
            continue
        part.mkdir(mode=0o700, exist_ok=True)


def write_log(out: Path, entries: Sequence[Redaction]) -> Path:
    path = out / "scrub-log.json"
    write_private(path, json.dumps({"redactions": [e.as_json() for e in entries]},
                                   indent=2, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- rendering


def shown_value(finding: DocFinding, reveal: bool) -> str:
    if reveal:
        return clean_text(finding.value)
    if finding.kind in (ScanKind.ADDRESS, ScanKind.HOME_ADDRESS):
        return mask_address(finding.value.replace("\n", " "))
    return mask_text(finding.value)


def _finding_json(finding: DocFinding, reveal: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": str(finding.kind), "page": finding.page, "location": str(finding.location),
        "woo_ground": str(finding.woo_ground), "article": finding.woo_ground.article,
        "value": shown_value(finding, reveal), "official": finding.official}
    if finding.within:
        entry["within"] = clean_text(finding.within)
    return entry


def render_json(results: Sequence[DocumentResult], reveal: bool) -> str:
    documents = [{"path": clean_text(r.path), "pages": r.pages,
                  "findings": [_finding_json(f, reveal) for f in r.findings],
                  "errors": [clean_text(e) for e in r.errors]} for r in results]
    return json.dumps({"tool": {"name": "exposurecheck", "version": __version__},
                       "redacted": not reveal, "documents": documents},
                      indent=2, ensure_ascii=False) + "\n"


def render_table(results: Sequence[DocumentResult], reveal: bool) -> str:
    rows = [("document", "page", "kind", "location", "woo", "value")]
    for result in results:
        for f in result.findings:
            rows.append((clean_text(result.path) + (f" > {clean_text(f.within)}"
                                                    if f.within else ""),
                         str(f.page or "-"), str(f.kind), str(f.location), str(f.woo_ground),
                         shown_value(f, reveal)))
        for error in result.errors:
            rows.append((clean_text(result.path), "-", "error", "-", "-", clean_text(error)))
    if len(rows) == 1:
        return "no findings\n"
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1]
             for r in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


_RULE_TEXT = {
    ScanKind.HOME_ADDRESS: "A roster official's home address",
    ScanKind.PHONE: "A personal phone number",
    ScanKind.EMAIL: "A private e-mail address",
    ScanKind.BIRTH_DATE: "A roster official's birth date",
    ScanKind.HOUSEHOLD_NAME: "The name of a roster official's household member",
    ScanKind.BSN: "A citizen service number (BSN)",
    ScanKind.IBAN: "A bank account number (IBAN)",
    ScanKind.ADDRESS: "A postcode-and-number address",
    ScanKind.FAILED_REDACTION: "A filled box over text that is still in the text layer",
    ScanKind.METADATA: "A person's name in the document's metadata",
}


def render_sarif(results: Sequence[DocumentResult]) -> str:
    """Never values, whatever --reveal says: a SARIF log is uploaded to a code host."""
    rules = [{"id": str(kind), "name": str(kind).title().replace("_", ""),
              "shortDescription": {"text": _RULE_TEXT[kind]},
              "properties": {"woo_ground": str(GROUNDS[kind])}} for kind in ScanKind]
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        uri = Path(result.path).as_posix()
        for f in result.findings:
            where = f"page {f.page}" if f.page else "document"
            sarif_results.append({
                "ruleId": str(f.kind), "level": "error",
                "message": {"text": f"{_RULE_TEXT[f.kind]} ({f.location}, {where}); Woo "
                                    f"{f.woo_ground}"},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": uri}},
                    "logicalLocations": [{"name": where, "kind": "page" if f.page else
                                          "document"}]}],
                "properties": {"page": f.page, "location": str(f.location),
                               "woo_ground": str(f.woo_ground)}})
    notifications = [{"level": "error",
                      "message": {"text": clean_text(f"{result.path}: {error}")},
                      "locations": [{"physicalLocation": {
                          "artifactLocation": {"uri": Path(result.path).as_posix()}}}]}
                     for result in results for error in result.errors]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "exposurecheck", "version": __version__,
                            "informationUri": "https://github.com/exposurecheck/exposurecheck",
                            "rules": rules}},
        "results": sarif_results,
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}]}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]},
                      indent=2) + "\n"
