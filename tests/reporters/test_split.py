from __future__ import annotations

import re
from pathlib import Path

import pytest

from exposurecheck.models import OfficialId, Report
from exposurecheck.reporters.split import extension_for, split_file_name, split_report

TRICKY_IDS = ["voorbeeld-001", "Voorbeeld-001", "VOORBEELD-001", "../etc/passwd", "..", ".",
              "a/b", "a\\b", "a_2fb", "a_5f2fb", "a b", "a\nb", "a\x00b", "a\x7fb", "Çelik",
              "c\u0327elik", "con", "CON", "_63on", "nul", "com1", "lpt9", "-", "~", "a.b",
              "a%2Fb", "x" * 300, "x" * 299 + "y", "é" * 200, "C:\\Windows", "a:b", "id?*<>|\""]


def test_one_report_per_official_with_the_same_header(report: Report) -> None:
    parts = split_report(report)
    assert list(parts) == ["demo-001", "demo-002", "demo-003", "demo-004"]
    for official_id, part in parts.items():
        assert [o.id for o in part.officials] == [official_id]
        assert part.model_dump(exclude={"officials"}) == report.model_dump(exclude={"officials"})
    assert parts["demo-003"].officials[0] == report.officials[2]


def test_a_duplicate_id_is_an_error_not_an_overwrite(report: Report) -> None:
    doubled = report.model_copy(update={"officials": (*report.officials, report.officials[0])})
    with pytest.raises(ValueError, match="demo-001"):
        split_report(doubled)


def test_plain_ids_keep_their_name() -> None:
    assert split_file_name("voorbeeld-001", "html") == "voorbeeld-001.html"
    assert split_file_name("demo-004", "md") == "demo-004.md"


@pytest.mark.parametrize("official_id", TRICKY_IDS)
def test_file_names_are_safe(official_id: str) -> None:
    name = split_file_name(official_id, "html")
    stem, extension = name.rsplit(".", 1)
    assert extension == "html"
    assert re.fullmatch(r"[a-z0-9_~-]+", stem), name
    assert ".." not in name and "/" not in name and "\\" not in name
    assert len(name.encode()) <= 255
    assert stem.split("~")[0] not in {"con", "prn", "aux", "nul", "com1", "lpt9"}


def test_file_names_are_unique_even_ignoring_case() -> None:
    names = [split_file_name(i, "json") for i in TRICKY_IDS]
    assert len({n.casefold() for n in names}) == len(TRICKY_IDS)


def test_every_file_lands_in_the_directory(tmp_path: Path) -> None:
    for official_id in TRICKY_IDS:
        path = tmp_path / split_file_name(official_id, "txt")
        path.write_text(official_id, encoding="utf-8")
        assert path.resolve().parent == tmp_path.resolve()
    assert len(list(tmp_path.iterdir())) == len(TRICKY_IDS)


@pytest.mark.parametrize("extension", ["", ".html", "ht/ml", "a" * 17, "HTML"])
def test_bad_extension_is_refused(extension: str) -> None:
    with pytest.raises(ValueError):
        split_file_name("demo-001", extension)


def test_empty_id_is_refused() -> None:
    with pytest.raises(ValueError):
        split_file_name(OfficialId(""), "html")


def test_extension_per_format() -> None:
    assert [extension_for(f) for f in ("table", "json", "markdown", "html")] == [
        "txt", "json", "md", "html"]
