"""Owner-only files: 0600/0700 where modes exist, and no crash on Windows where they do not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from exposurecheck import output
from exposurecheck.checkpoint import Checkpoint
from exposurecheck.output import make_private_dir, write_private, write_private_bytes


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def like_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows before Python 3.13: no os.fchmod, and modes that mean nothing."""
    monkeypatch.setattr(output, "POSIX_MODES", False)
    monkeypatch.delattr(os, "fchmod", raising=False)


@pytest.mark.skipif(not output.POSIX_MODES, reason="file modes are POSIX only")
def test_files_and_directories_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    make_private_dir(folder)  # an existing directory is tightened too
    write_private(folder / "rapport.txt", "Kerkstraat 1\n")
    write_private_bytes(folder / "kopie.pdf", b"%PDF")
    assert mode(folder) == 0o700
    assert mode(folder / "rapport.txt") == 0o600
    assert mode(folder / "kopie.pdf") == 0o600


def test_without_file_modes_files_are_still_written_whole(
        tmp_path: Path, like_windows: None) -> None:
    folder = tmp_path / "uit"
    make_private_dir(folder)
    write_private(folder / "rapport.txt", "één\n")
    write_private(folder / "rapport.txt", "twee\n")  # replaced, not appended
    write_private_bytes(folder / "kopie.pdf", b"%PDF")
    assert (folder / "rapport.txt").read_text(encoding="utf-8") == "twee\n"
    assert (folder / "kopie.pdf").read_bytes() == b"%PDF"
    assert sorted(p.name for p in folder.iterdir()) == ["kopie.pdf", "rapport.txt"]


def test_checkpoint_opens_without_file_modes(tmp_path: Path, like_windows: None) -> None:
    checkpoint = Checkpoint(tmp_path / "audit.jsonl", "digest").open()
    checkpoint.close()
    assert '"audit": "digest"' in (tmp_path / "audit.jsonl").read_text(encoding="utf-8")


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    with pytest.raises(OSError):
        write_private(tmp_path / "map", "tekst")  # a directory cannot be replaced by a file
    assert [p.name for p in tmp_path.iterdir()] == ["map"]
