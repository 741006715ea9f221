"""Screenshot and PDF print of a page through headless Chromium, when it is installed.

Chromium loads the page itself (a second request, after the WARC capture), in a
fresh empty profile with background networking off, so nothing but the page is
fetched and nothing of an earlier session leaks into the picture.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars")
# Tall enough for most pages in one picture: the full page, not the first screen.
WINDOW = "1280,8000"


@dataclass(frozen=True)
class Rendering:
    screenshot: Path | None
    pdf: Path | None
    problem: str | None = None


def find_chromium(path: str = CHROMIUM) -> str | None:
    return path if Path(path).is_file() else shutil.which("chromium")


def chromium_command(binary: str, profile: Path, url: str, *, screenshot: Path | None = None,
                     pdf: Path | None = None) -> list[str]:
    args = [binary, *_FLAGS, f"--user-data-dir={profile}", f"--window-size={WINDOW}"]
    if screenshot is not None:
        args.append(f"--screenshot={screenshot}")
    if pdf is not None:
        args += [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"]
    return [*args, url]


def render(binary: str | None, url: str, directory: Path, timeout: float = 60.0) -> Rendering:
    """``screenshot.png`` and ``page.pdf`` in ``directory``; a problem instead of raising."""
    if binary is None:
        return Rendering(None, None, "Chromium is not installed: no screenshot and no PDF")
    made: dict[str, Path | None] = {}
    problems = []
    for name, kind in (("screenshot.png", "screenshot"), ("page.pdf", "pdf")):
        out = directory / name
        with tempfile.TemporaryDirectory(prefix="exposurecheck-chromium-") as profile:
            command = chromium_command(binary, Path(profile), url, **{kind: out})
            try:
                subprocess.run(command, capture_output=True, timeout=timeout, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                problems.append(f"{kind}: {type(exc).__name__}")
        if out.is_file() and out.stat().st_size:
            out.chmod(0o600)
            made[kind] = out
        else:
            made[kind] = None
            problems.append(f"{kind}: Chromium wrote no file")
    return Rendering(made["screenshot"], made["pdf"], "; ".join(problems) or None)
