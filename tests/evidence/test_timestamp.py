"""RFC 3161: requested from a local test authority, stored, verified; wrong answers refused."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposurecheck.cli import build_app
from exposurecheck.evidence.timestamp import TimestampError, request_timestamp

from .tsa import LocalAuthority, serve


@pytest.fixture
def authority() -> Iterator[tuple[LocalAuthority, str]]:
    tsa = LocalAuthority()
    server, stop = serve(tsa)
    try:
        yield tsa, f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        stop()


def test_a_good_timestamp_is_verified_and_returned(authority: tuple[LocalAuthority, str]) -> None:
    tsa, url = authority
    stamp = request_timestamp(url, b"manifest bytes", [tsa.root])
    assert stamp.serial_number == tsa.serial and tsa.requests == 1
    assert stamp.token.startswith(b"\x30")


@pytest.mark.parametrize(("mode", "reason"), [
    ("wrong_hash", "Mismatch between messages"),
    ("wrong_nonce", "Nonce mismatch"),
    ("bad_signature", "pkcs7 signature"),
])
def test_a_wrong_answer_is_refused(authority: tuple[LocalAuthority, str], mode: str,
                                   reason: str) -> None:
    tsa, url = authority
    tsa.mode = mode
    with pytest.raises(TimestampError, match=reason):
        request_timestamp(url, b"manifest bytes", [tsa.root])


def test_a_timestamp_from_an_untrusted_authority_is_refused(
        authority: tuple[LocalAuthority, str]) -> None:
    _, url = authority
    with pytest.raises(TimestampError, match="does not verify"):
        request_timestamp(url, b"manifest bytes", [LocalAuthority().root])


def _config(tmp_path: Path, url: str, tsa: LocalAuthority) -> Path:
    roots = tmp_path / "roots.pem"
    roots.write_bytes(tsa.roots_pem())
    config = tmp_path / "exposurecheck.toml"
    config.write_text(f'[tool.exposurecheck.evidence]\ntsa_url = "{url}"\n'
                      f'tsa_certificates = "{roots}"\n')
    return config


def test_evidence_is_timestamped_and_verify_checks_it(
        site: str, tmp_path: Path, authority: tuple[LocalAuthority, str]) -> None:
    tsa, url = authority
    out = tmp_path / "evidence"
    app = build_app()
    made = CliRunner().invoke(app, ["evidence", f"{site}/page", "--out", str(out),
                                    "--config", str(_config(tmp_path, url, tsa))])
    assert made.exit_code == 0, made.stderr
    assert "timestamp: verified" in made.stderr
    assert (out / "manifest.json.tsr").is_file() and (out / "tsa-certificates.pem").is_file()
    assert "manifest.json.tsr" in (out / "SHA256SUMS").read_text()
    assert "RFC 3161" in (out / "statement.txt").read_text()
    verified = CliRunner().invoke(app, ["evidence", "verify", str(out)])
    assert verified.exit_code == 0 and "timestamp: verified" in verified.stdout

    manifest = json.loads((out / "manifest.json").read_text())
    manifest["captures"][0]["status"] = 404
    (out / "manifest.json").write_text(json.dumps(manifest))
    tampered = CliRunner().invoke(app, ["evidence", "verify", str(out)])
    assert tampered.exit_code == 1
    assert "timestamp: timestamp does not verify" in tampered.stdout


def test_a_refused_timestamp_is_reported_and_not_stored(
        site: str, tmp_path: Path, authority: tuple[LocalAuthority, str]) -> None:
    tsa, url = authority
    tsa.mode = "wrong_nonce"
    out = tmp_path / "evidence"
    made = CliRunner().invoke(build_app(), ["evidence", f"{site}/page", "--out", str(out),
                                            "--config", str(_config(tmp_path, url, tsa))])
    assert made.exit_code == 3
    assert "no timestamp: timestamp does not verify: Nonce mismatch" in made.stderr
    assert not (out / "manifest.json.tsr").exists()


def test_an_authority_without_its_roots_is_bad_input(site: str, tmp_path: Path) -> None:
    config = tmp_path / "exposurecheck.toml"
    config.write_text('[tool.exposurecheck.evidence]\ntsa_url = "http://127.0.0.1:9/"\n')
    out = tmp_path / "evidence"
    result = CliRunner().invoke(build_app(), ["evidence", f"{site}/page", "--out", str(out),
                                              "--config", str(config)])
    assert result.exit_code == 2 and "tsa_certificates" in result.stderr
    assert not out.exists()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_the_statements_openssl_command_accepts_the_stored_timestamp(
        site: str, tmp_path: Path, authority: tuple[LocalAuthority, str]) -> None:
    tsa, url = authority
    out = tmp_path / "evidence"
    CliRunner().invoke(build_app(), ["evidence", f"{site}/page", "--out", str(out),
                                     "--config", str(_config(tmp_path, url, tsa))])
    statement = (out / "statement.txt").read_text()
    command = statement.split("check with: ", 1)[1].strip()
    assert command.startswith("openssl ts -verify")
    checked = subprocess.run(command.split(), cwd=out, capture_output=True, text=True)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
