"""The HTML reports in a real headless Chromium: what a person sees on screen and on paper."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from exposurecheck.i18n import Lang
from exposurecheck.models import OfficialId, Report
from exposurecheck.redact import redact_report
from exposurecheck.reporters import html as html_reporter
from exposurecheck.reporters.aggregate import aggregate, render_aggregate
from exposurecheck.reporters.interface import RenderOptions

from tests.conftest import make_report
from tests.reporters.test_html import bar_counts, section, varied_report

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 120

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Chromium offline-minded: no sync, updates or background traffic, a throwaway profile."""
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def write(tmp_path: Path, text: str, name: str = "report.html") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.as_uri()


def full_report(lang: Lang = Lang.EN) -> Report:
    base = make_report(lang)
    return base.model_copy(update={"officials": base.officials + varied_report(lang).officials})


def test_rendered_report_shows_charts_and_officials_without_the_home_address(
        tmp_path: Path) -> None:
    url = write(tmp_path, html_reporter.render(redact_report(full_report()), RenderOptions()))
    dom = BeautifulSoup(chromium(tmp_path, "--dump-dom", url).stdout, "html.parser")
    assert len(dom.select("section.overview svg.chart")) == 5
    assert bar_counts(dom, "severity") == {"critical": 1, "high": 2, "medium": 1, "low": 0,
                                           "info": 0}
    assert bar_counts(dom, "status") == {"exposed": 4, "accepted": 1, "shielded": 2}
    assert [s.select_one("h2 .id").get_text() for s in dom.select("section.official")] == [
        "demo-001", "demo-002", "demo-003", "demo-004", "var-001"]
    assert section(dom, "demo-003").select_one(".badge.incomplete").get_text() == "INCOMPLETE"
    text = dom.get_text()
    assert "Kerkstraat" not in text and "1234 AB" not in text and "Jan-Willem" not in text
    assert "•••, 1234 Dorp" in text


def test_revealed_report_shows_the_home_address(tmp_path: Path) -> None:
    url = write(tmp_path, html_reporter.render(make_report(), RenderOptions()))
    dom = BeautifulSoup(chromium(tmp_path, "--dump-dom", url).stdout, "html.parser")
    assert "Kerkstraat 12A, 1234 AB Dorp" in section(dom, "demo-001").get_text()


def test_report_prints_to_pdf_with_a_page_per_official(tmp_path: Path) -> None:
    base = redact_report(make_report(Lang.NL))
    clean = base.officials[3]  # a short section: without page breaks all would share a page
    report = base.model_copy(update={"officials": tuple(
        clean.model_copy(update={"id": OfficialId(f"demo-{n:03}")}) for n in range(10, 18))})
    url = write(tmp_path, html_reporter.render(report, RenderOptions(lang=Lang.NL)))
    pdf = tmp_path / "r.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 1 + len(report.officials)  # the overview, then each official on a new page


def test_summary_renders_with_its_counts(tmp_path: Path) -> None:
    text = render_aggregate(aggregate(full_report()), "html", RenderOptions())
    url = write(tmp_path, text, "summary.html")
    dom = BeautifulSoup(chromium(tmp_path, "--dump-dom", url).stdout, "html.parser")
    assert bar_counts(dom, "kind") == {"home address": 3, "unknown business at home": 1}
    assert not dom.select("section.official")
    assert "demo-001" not in dom.get_text() and "var-001" not in dom.get_text()
