"""`scan` and `scrub` on the command line: reports, masking, files, exit codes."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import jsonschema
import pymupdf
import pytest

from exposurecheck.cli_scrub import register
from exposurecheck.exitcodes import ExitCode
from exposurecheck.scrub.model import GROUNDS, DocFinding, DocumentResult, Location, ScanKind
from exposurecheck.scrub.run import render_sarif

from tests.scrub.conftest import BSN, EMAIL, PHONE, mail_with_broken_pdf
from tests.support import SARIF_SCHEMA, command_runner

run = command_runner(register)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "raad" / "2024").mkdir(parents=True)
    (root / "brief.txt").write_text(f"Bel {PHONE}, BSN {BSN}.\n", encoding="utf-8")
    pdf = pymupdf.open()
    pdf.new_page()
    pdf.new_page().insert_text((50, 100), f"Mail {EMAIL}")
    pdf.save(root / "raad" / "2024" / "besluit.pdf")
    (root / "schoon.md").write_text("De raad vergadert op 12 maart 2024.\n", encoding="utf-8")
    (root / "foto.png").write_bytes(b"\x89PNG")
    return root


def digests(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
            if p.is_file()}


def test_scan_json_masks_values_and_leaves_documents_alone(docs: Path) -> None:
    before = digests(docs)
    code, out, err = run(["scan", str(docs), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    assert digests(docs) == before
    report = json.loads(out)
    by_path = {Path(d["path"]).name: d for d in report["documents"]}
    assert [(f["kind"], f["page"]) for f in by_path["besluit.pdf"]["findings"]] == [("email", 2)]
    assert {f["kind"] for f in by_path["brief.txt"]["findings"]} == {"phone", "bsn"}
    assert {f["woo_ground"] for f in by_path["brief.txt"]["findings"]} == {"5.1.1e", "5.1.2e"}
    assert by_path["schoon.md"]["findings"] == [] and by_path["schoon.md"]["errors"] == []
    for value in (PHONE, BSN, EMAIL, "12345678"):
        assert value not in out and value not in err
    assert "foto.png" in err  # skipped, and said so


def test_scan_reveal_shows_values(docs: Path) -> None:
    code, out, _ = run(["scan", str(docs / "brief.txt"), "--format", "json", "--reveal"])
    assert code == ExitCode.EXPOSURES_FOUND
    assert PHONE in out and BSN in out


def test_scan_table_and_clean_exit(docs: Path) -> None:
    code, out, _ = run(["scan", str(docs / "schoon.md")])
    assert code == ExitCode.OK
    assert out == "no findings\n"
    code, out, _ = run(["scan", str(docs / "brief.txt")])
    assert code == ExitCode.EXPOSURES_FOUND
    assert "bsn" in out and BSN not in out


def test_scan_sarif_is_valid_and_puts_findings_on_document_and_page(docs: Path,
                                                                   tmp_path: Path) -> None:
    target = tmp_path / "scan.sarif"
    code, out, _ = run(["scan", str(docs), "--format", "sarif", "--output", str(target)])
    assert code == ExitCode.EXPOSURES_FOUND and out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    log = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(log, SARIF_SCHEMA)
    pdf = [r for r in log["runs"][0]["results"]
           if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("pdf")]
    assert pdf[0]["properties"]["page"] == 2
    assert pdf[0]["locations"][0]["logicalLocations"][0]["name"] == "page 2"
    assert EMAIL not in target.read_text(encoding="utf-8")


def test_unreadable_document_is_named_and_exit_3(docs: Path) -> None:
    (docs / "kapot.pdf").write_bytes(b"%PDF-1.7 broken")
    code, out, err = run(["scan", str(docs), "--format", "json"])
    assert code == ExitCode.INCOMPLETE
    assert "kapot.pdf" in err
    broken = [d for d in json.loads(out)["documents"] if d["path"].endswith("kapot.pdf")]
    assert broken[0]["errors"]


@pytest.mark.parametrize("args", [
    ["scan", "missing-dir"],
    ["scan", "foto.png"],
    ["scan", "brief.txt", "--roster", "missing.yaml"],
    ["scrub", "brief.txt"],
])
def test_bad_input_is_exit_2_without_traceback(docs: Path, args: list[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(docs)
    code, _, err = run(args)
    assert code == ExitCode.BAD_INPUT
    assert "Traceback" not in err


def test_scrub_writes_private_copies_under_the_same_path_and_a_log(docs: Path,
                                                                  tmp_path: Path) -> None:
    before = digests(docs)
    out = tmp_path / "out"
    code, _, err = run(["scrub", str(docs), "--out", str(out)])
    assert code == ExitCode.EXPOSURES_FOUND, err
    assert digests(docs) == before
    copy = out / "raad" / "2024" / "besluit.pdf"
    assert pymupdf.open(copy).page_count == 2
    assert EMAIL not in pymupdf.open(copy)[1].get_text()
    assert (out / "brief.txt").read_text(encoding="utf-8") == "Bel [5.1.2e], BSN [5.1.1e].\n"
    for path in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    log = json.loads((out / "scrub-log.json").read_text(encoding="utf-8"))
    entries = {(e["document"], e["page"], e["kind"], e["woo_ground"]) for e in log["redactions"]}
    assert entries == {("brief.txt", None, "phone", "5.1.2e"), ("brief.txt", None, "bsn", "5.1.1e"),
                       ("raad/2024/besluit.pdf", 2, "email", "5.1.2e")}
    assert all("Wet open overheid, art. 5.1" in e["article"] for e in log["redactions"])
    text = (out / "scrub-log.json").read_text(encoding="utf-8")
    assert PHONE not in text and BSN not in text and EMAIL not in text


def test_scrub_refuses_to_overwrite_its_input(docs: Path) -> None:
    code, _, err = run(["scrub", str(docs / "brief.txt"), "--out", str(docs)])
    assert code == ExitCode.BAD_INPUT
    assert "overwrite" in err


def test_config_public_list_is_not_a_finding(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (docs / "exposurecheck.toml").write_text(
        f'[tool.exposurecheck.scrub]\npublic = ["{PHONE}"]\n', encoding="utf-8")
    monkeypatch.chdir(docs)
    code, out, _ = run(["scan", "brief.txt", "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    kinds = {f["kind"] for d in json.loads(out)["documents"] for f in d["findings"]}
    assert kinds == {"bsn"}


def test_roster_data_is_found_per_official_and_masked(docs: Path, roster_path: Path) -> None:
    letter = docs / "ingekomen.txt"
    letter.write_text("Burgemeester Hendrika Smit woont aan de Zwolsestraat 41b, 8102 AB Raalte.\n",
                      encoding="utf-8")
    code, out, _ = run(["scan", str(letter), "--roster", str(roster_path), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    [finding] = json.loads(out)["documents"][0]["findings"]
    assert (finding["kind"], finding["official"]) == ("home_address", "t-001")
    assert "Zwolsestraat" not in out and "41" not in out


@pytest.mark.parametrize("name", ["a.pdf", "a.docx", "a.odt", "a.html", "a.txt", "a.eml"])
@pytest.mark.parametrize("payload", [b"", b"\x00\xff" * 500, b"PK\x03\x04garbage",
                                     b"<" * 10_000, b"%PDF-1.7\n%%EOF\n%%EOF"])
def test_hostile_bytes_never_crash(tmp_path: Path, name: str, payload: bytes) -> None:
    (tmp_path / name).write_bytes(payload)
    code, _, err = run(["scan", str(tmp_path / name), "--format", "json"])
    assert code in (ExitCode.OK, ExitCode.INCOMPLETE)
    assert "Traceback" not in err


def test_hostile_attachment_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "m.eml").write_bytes(
        mail_with_broken_pdf("x", b"%PDF broken", "\x1b]8;;evil\x07a.pdf"))
    code, out, err = run(["scan", str(tmp_path / "m.eml")])
    assert code == ExitCode.INCOMPLETE
    assert "\x1b" not in err and "\x1b" not in out


@pytest.mark.parametrize("kind", list(ScanKind))
def test_every_kind_has_a_rule_a_ground_and_an_article(kind: ScanKind) -> None:
    log = json.loads(render_sarif([DocumentResult("a.txt", findings=[
        DocFinding(kind, None, Location.TEXT, "x")])]))
    jsonschema.validate(log, SARIF_SCHEMA)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == str(kind)
    assert GROUNDS[kind].article.startswith("Wet open overheid, art. 5.1")


def test_config_show_lists_the_public_data(tmp_path: Path) -> None:
    from exposurecheck.config import load_config, load_secrets, render_config

    path = tmp_path / "exposurecheck.toml"
    path.write_text('[tool.exposurecheck.scrub]\npublic = ["@raalte.nl"]\n', encoding="utf-8")
    shown = render_config(load_config(path, env={}), load_secrets({}), path)
    assert '[tool.exposurecheck.scrub]\npublic = ["@raalte.nl"]' in shown


def test_the_fixture_councils_documents(tmp_path: Path) -> None:
    """Another developer's council documents: hyphenated streets, numbers on the next line,
    birth dates in a table; the town hall and 14 0529 are public, K. Jansen is a citizen."""
    from exposurecheck.resources import fixtures_dir

    stukken = fixtures_dir() / "web" / "site" / "ris" / "stukken"
    roster = fixtures_dir() / "rosters" / "demo-web.yaml"
    code, out, _ = run(["scan", str(stukken), "--roster", str(roster), "--format", "json"])
    assert code == ExitCode.EXPOSURES_FOUND
    found = {(Path(d["path"]).name, f["page"], f["kind"], f["official"])
             for d in json.loads(out)["documents"] for f in d["findings"]}
    assert found == {
        ("besluitenlijst-2024-03-25.pdf", 2, "home_address", "web-004"),
        ("besluitenlijst-2024-03-25.pdf", 2, "address", None),
        ("besluitenlijst-2024-03-25.pdf", 3, "phone", "web-005"),
        ("geloofsbrieven-2022.docx", None, "birth_date", "web-008"),
        ("geloofsbrieven-2022.docx", None, "birth_date", "web-009"),
        ("ingekomen-brief-2024-017.pdf", 1, "home_address", "web-002"),
        ("ingekomen-brief-2024-017.pdf", 2, "email", "web-002"),
    }
    code, _, _ = run(["scrub", str(stukken), "--roster", str(roster), "--out",
                      str(tmp_path / "out")])
    assert code == ExitCode.EXPOSURES_FOUND
    letter = pymupdf.open(tmp_path / "out" / "ingekomen-brief-2024-017.pdf")
    assert "Veldkamps" not in letter[0].get_text() and "Lemelerveld, 4 maart" in \
        letter[0].get_text()
