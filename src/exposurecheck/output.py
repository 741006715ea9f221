"""Write report files safely: owner-only, and never half-written.

Owner-only means mode 0600 for files and 0700 for directories on Linux and macOS.
Windows has no such mode bits (``chmod`` there only sets the read-only flag, and
``os.fchmod`` is missing before Python 3.13), so there the files are not chmod-ed:
they get the access list of the folder they are written to. The README's "Files on
Windows" section says what that means for officials.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

POSIX_MODES = sys.platform != "win32"
"""Whether file modes mean owner/group/other (everywhere but Windows)."""


def owner_only(fd: int) -> None:
    """Make the open file `fd` readable and writable by its owner only (0600) where modes exist."""
    if POSIX_MODES:
        os.fchmod(fd, 0o600)


def make_private_dir(path: Path) -> None:
    """Create `path` and its parents; `path` itself ends up owner-only (0700) where modes exist."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if POSIX_MODES:
        path.chmod(0o700)


def write_private(path: Path, text: str) -> None:
    """Atomically replace `path` with `text`, readable by the owner only (0600)."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Atomically replace `path` with `data`, readable by the owner only (0600)."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        owner_only(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
