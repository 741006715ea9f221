"""The statements: both languages, values only with --reveal, hostile text made harmless."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from exposurecheck.evidence.manifest import CaptureEntry, FileEntry, Manifest
from exposurecheck.evidence.statement import render_statement
from exposurecheck.i18n import Lang
from exposurecheck.models import Finding, Report
from exposurecheck.resources import fixtures_dir

URL = "http://gemeente-voorbeeld.test/ris/personen/101-a-m-kuipers.html"


def _finding(value: str) -> Finding:
    data = json.loads((fixtures_dir() / "expected" / "demo-web.report.json").read_text())
    report = Report.model_validate(data | {"generated_at": "2026-01-05T08:00:00Z",
                                           "tool": {"version": "0.1.0"}})
    finding = next(f for o in report.officials for f in o.findings if f.locator.url == URL)
    return finding.model_copy(update={"evidence": finding.evidence.model_copy(
        update={"value": value})})


def _manifest() -> Manifest:
    at = datetime(2026, 1, 5, 8, 0, 0, tzinfo=UTC)
    return Manifest(tool="exposurecheck", version="0.1.0", created_at=at, official="web-002",
                    captures=(CaptureEntry(url=URL, final_url=URL, status=200, captured_at=at,
                                           rendering="chromium",
                                           files=("01/capture.warc.gz",)),),
                    files=(FileEntry(path="01/capture.warc.gz", sha256="ab" * 32, size=10),))


def test_values_only_with_reveal_and_never_as_escape_codes() -> None:
    finding = _finding("Veldkampsweg 9\x1b[31m 7731 RE")
    for lang in Lang:
        masked = render_statement(_manifest(), {URL: [finding]}, lang, reveal=False,
                                  authority=None)
        revealed = render_statement(_manifest(), {URL: [finding]}, lang, reveal=True,
                                    authority=None)
        assert "Veldkampsweg" not in masked and "7731" not in masked
        assert "Veldkampsweg 9" in revealed
        assert "\x1b" not in revealed and "\x1b" not in masked
        assert "2026-01-05 08:00:00" in revealed and "ab" * 32 + "  01/capture.warc.gz" in masked
        assert "285d" in masked and "web-002" in masked


def test_each_language_speaks_its_own() -> None:
    nl = render_statement(_manifest(), {}, Lang.NL, reveal=False, authority="https://tsa.test/")
    en = render_statement(_manifest(), {}, Lang.EN, reveal=False, authority=None)
    assert nl.startswith("Verklaring vastlegging") and "openssl ts -verify" in nl
    assert en.startswith("Statement on the capture") and "No third-party timestamp" in en
