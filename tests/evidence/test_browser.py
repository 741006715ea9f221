"""Headless Chromium: the flags it is started with, and what happens without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposurecheck.evidence.browser import chromium_command, find_chromium, render

REQUIRED = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_chromium_starts_isolated_with_a_fresh_profile(tmp_path: Path) -> None:
    command = chromium_command("/usr/bin/chromium", tmp_path / "profile", "http://x.test/",
                               screenshot=tmp_path / "s.png")
    assert all(flag in command for flag in REQUIRED)
    assert f"--user-data-dir={tmp_path / 'profile'}" in command
    assert f"--screenshot={tmp_path / 's.png'}" in command
    assert not any(a.startswith("--print-to-pdf") for a in command)
    assert command[-1] == "http://x.test/"


def test_without_chromium_the_problem_is_said_and_no_file_is_made(tmp_path: Path) -> None:
    rendering = render(None, "http://x.test/", tmp_path)
    assert rendering.screenshot is None and rendering.pdf is None
    assert rendering.problem is not None and "not installed" in rendering.problem
    assert list(tmp_path.iterdir()) == []


@pytest.mark.browser
@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
def test_chromium_makes_a_png_and_a_pdf(site: str, tmp_path: Path) -> None:
    rendering = render(find_chromium(), f"{site}/page", tmp_path)
    assert rendering.problem is None
    assert rendering.screenshot is not None and rendering.pdf is not None
    assert rendering.screenshot.read_bytes().startswith(b"\x89PNG")
    assert rendering.pdf.read_bytes().startswith(b"%PDF")
