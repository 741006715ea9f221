"""`evidence` against pages served on 127.0.0.1: WARC, manifest, statements, verify."""

from __future__ import annotations

import gzip
import hashlib
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from exposurecheck.cli import build_app
from exposurecheck.evidence.browser import find_chromium

from .conftest import PAGE


def _capture(tmp_path: Path, *args: str) -> tuple[int, str, Path]:
    out = tmp_path / "evidence"
    result = CliRunner().invoke(build_app(), ["evidence", *args, "--out", str(out),
                                              "--config", str(tmp_path / "none.toml")])
    return result.exit_code, result.stderr, out


def _config(tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("[tool.exposurecheck.web]\ncache = false\n")


def test_warc_holds_the_exact_bytes_and_warcio_check_accepts_it(site: str,
                                                                  tmp_path: Path) -> None:
    _config(tmp_path)
    code, stderr, out = _capture(tmp_path, f"{site}/old")
    assert code == 0, stderr
    warc = out / "01" / "capture.warc.gz"
    _warcio_check(warc)
    with warc.open("rb") as handle:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                    r.http_headers.statusline if r.http_headers else None, r.raw_stream.read())
                   for r in ArchiveIterator(handle)]
    kinds = [r[0] for r in records]
    assert kinds == ["warcinfo", "response", "request", "response", "request"]
    final = records[3]
    assert final[1] == f"{site}/page" and final[2].startswith("200")
    assert final[3] == PAGE  # robots.txt says Disallow: evidence is captured anyway
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["captures"][0]["final_url"] == f"{site}/page"
    assert manifest["captures"][0]["status"] == 200
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert {e["path"] for e in manifest["files"]} >= {"01/capture.warc.gz", "verklaring.txt",
                                                      "statement.txt"}


def test_output_is_owner_only_and_statements_say_how_to_check(site: str,
                                                               tmp_path: Path) -> None:
    _config(tmp_path)
    code, _, out = _capture(tmp_path, f"{site}/page")
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    nl = (out / "verklaring.txt").read_text()
    en = (out / "statement.txt").read_text()
    assert "285d" in nl and "sha256sum -c SHA256SUMS" in nl and "Vastgelegd op (UTC)" in nl
    assert "285d" in en and "sha256sum -c SHA256SUMS" in en and "Captured at (UTC)" in en
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True,
                          text=True)
    assert sums.returncode == 0, sums.stdout


def test_chromium_absence_is_said_plainly(site: str, tmp_path: Path) -> None:
    _config(tmp_path)
    code, stderr, out = _capture(tmp_path, f"{site}/page")
    manifest = json.loads((out / "manifest.json").read_text())
    names = set(manifest["captures"][0]["files"])
    if find_chromium() is None:
        assert "Chromium is not installed" in stderr
        assert names == {"01/capture.warc.gz"}
    else:
        assert names == {"01/capture.warc.gz", "01/screenshot.png", "01/page.pdf"}
        assert (out / "01" / "screenshot.png").read_bytes().startswith(b"\x89PNG")
        assert (out / "01" / "page.pdf").read_bytes().startswith(b"%PDF")
    assert code == 0


def test_verify_reports_a_file_changed_by_one_byte(site: str, tmp_path: Path) -> None:
    _config(tmp_path)
    _, _, out = _capture(tmp_path, f"{site}/page")
    app = build_app()
    clean = CliRunner().invoke(app, ["evidence", "verify", str(out)])
    assert clean.exit_code == 0 and "all files match" in clean.stdout
    warc = out / "01" / "capture.warc.gz"
    data = bytearray(warc.read_bytes())
    data[len(data) // 2] ^= 0x01
    warc.write_bytes(bytes(data))
    changed = CliRunner().invoke(app, ["evidence", "verify", str(out)])
    assert changed.exit_code == 1
    assert "changed: 01/capture.warc.gz" in changed.stdout
    assert "verklaring.txt" not in changed.stdout


def test_unreachable_page_is_recorded_and_exits_incomplete(tmp_path: Path) -> None:
    _config(tmp_path)
    code, stderr, out = _capture(tmp_path, "http://127.0.0.1:9/nothing")
    assert code == 3
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["captures"][0]["problem"].startswith("failed")
    assert "127.0.0.1" not in manifest["captures"][0]["problem"]
    assert "warning: page 1: failed" in stderr


def test_bad_usage_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    _config(tmp_path)
    code, stderr, out = _capture(tmp_path, "--official", "x")
    assert code == 2 and "--official needs --report" in stderr
    assert not out.exists()


def _report(tmp_path: Path) -> Path:
    from exposurecheck.resources import fixtures_dir

    report = json.loads((fixtures_dir() / "expected" / "demo-web.report.json").read_text())
    report |= {"generated_at": "2026-01-05T08:00:00Z",
               "tool": {"name": "exposurecheck", "version": "0.1.0"}}
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    return path


def test_report_and_official_capture_every_page_of_their_findings(tmp_path: Path) -> None:
    from exposurecheck.mock.router import demo_transport

    _config(tmp_path)
    app = build_app(transport=demo_transport())
    args = ["evidence", "--report", str(_report(tmp_path)), "--official", "web-002",
            "--config", str(tmp_path / "none.toml")]
    masked = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "masked")])
    assert masked.exit_code == 0, masked.stderr
    manifest = json.loads((tmp_path / "masked" / "manifest.json").read_text())
    urls = [c["url"] for c in manifest["captures"]]
    report = json.loads(_report(tmp_path).read_text())
    official = next(o for o in report["officials"] if o["id"] == "web-002")
    assert urls == list(dict.fromkeys(f["locator"]["url"] for f in official["findings"]
                                      if f["locator"].get("url")))
    assert "http://gemeente-voorbeeld.test/ris/personen/101-a-m-kuipers.html" in urls
    assert all(c["status"] == 200 for c in manifest["captures"])
    assert manifest["official"] == "web-002"
    statement = (tmp_path / "masked" / "statement.txt").read_text()
    assert "Found: home address, high" in statement and "Veldkampsweg" not in statement
    assert "value masked" in statement

    revealed = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "revealed"), "--reveal"])
    assert revealed.exit_code == 0
    assert "Veldkampsweg 9" in (tmp_path / "revealed" / "verklaring.txt").read_text()


def test_an_unknown_official_is_bad_input_without_echoing_the_id(tmp_path: Path) -> None:
    _config(tmp_path)
    result = CliRunner().invoke(build_app(), [
        "evidence", "--report", str(_report(tmp_path)), "--official", "nobody",
        "--out", str(tmp_path / "e"), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2 and "no official with that id" in result.stderr
    assert not (tmp_path / "e").exists()


def test_verify_refuses_a_manifest_that_points_outside(site: str, tmp_path: Path) -> None:
    _config(tmp_path)
    _, _, out = _capture(tmp_path, f"{site}/page")
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["files"][0]["path"] = "../none.toml"
    (out / "manifest.json").write_text(json.dumps(manifest))
    result = CliRunner().invoke(build_app(), ["evidence", "verify", str(out)])
    assert result.exit_code == 1
    assert "outside the evidence directory: ../none.toml" in result.stdout


def _warcio_check(warc: Path) -> None:
    checked = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()",
                              "check", "-v", str(warc)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "digest pass" in checked.stdout


def _response(warc: Path) -> tuple[dict[str, str], bytes, dict[str, str]]:
    with warc.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                return (dict(record.http_headers.headers), record.raw_stream.read(),
                        dict(record.rec_headers.headers))
    raise AssertionError("no response record")


@pytest.mark.parametrize(("path", "body", "header"), [
    ("/gzip", gzip.compress(PAGE, mtime=0), ("Content-Encoding", "gzip")),  # as served
    ("/chunked", PAGE, ("Transfer-Encoding", None)),  # de-chunked, framing header dropped
])
def test_the_payload_is_the_body_as_served(site: str, tmp_path: Path, path: str, body: bytes,
                                           header: tuple[str, str | None]) -> None:
    _config(tmp_path)
    code, _, out = _capture(tmp_path, f"{site}{path}")
    assert code == 0
    warc = out / "01" / "capture.warc.gz"
    _warcio_check(warc)
    headers, payload, _ = _response(warc)
    assert payload == body
    assert headers.get(header[0]) == header[1]


def test_a_page_over_the_size_cap_is_cut_and_marked_truncated(site: str, tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("[tool.exposurecheck.web]\nmax_bytes = 10000\n")
    code, _, out = _capture(tmp_path, f"{site}/big")
    assert code == 0
    warc = out / "01" / "capture.warc.gz"
    _warcio_check(warc)
    _, body, warc_headers = _response(warc)
    assert len(body) == 10_000 and warc_headers["WARC-Truncated"] == "length"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["captures"][0]["truncated"] is True
    assert "only its beginning was captured" in (out / "statement.txt").read_text()
