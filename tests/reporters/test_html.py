from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup, Tag

from exposurecheck.i18n import Lang
from exposurecheck.models import Locator, Report, Severity, SourceErrorKind, SourceId, Status
from exposurecheck.recommendations import STEPS
from exposurecheck.redact import redact_report
from exposurecheck.reporters import html as html_reporter
from exposurecheck.reporters.charts import Bar, bar_chart
from exposurecheck.reporters.interface import RenderOptions

from tests.conftest import (
    accepted,
    make_finding,
    make_report,
    one_official,
    source_failed,
)
from tests.reporters.test_reporters import check_snapshot

HOSTILE = '<script>alert("x")</script>'


def varied_report(lang: Lang = Lang.EN) -> Report:
    """One official with findings of every urgency, listed least urgent first."""
    shielded = make_finding("var-001", status=Status.SHIELDED, severity=Severity.INFO,
                            vestigingsnummer="000000000001", address=None, lang=lang)
    high = make_finding("var-001", severity=Severity.HIGH, vestigingsnummer="000000000002",
                        lang=lang)
    critical = make_finding("var-001", severity=Severity.CRITICAL, legal_form="B.V.",
                            trade_name="Van den Berg Holding B.V.",
                            vestigingsnummer="000000000003", lang=lang)
    known = accepted(make_finding("var-001", severity=Severity.CRITICAL,
                                  vestigingsnummer="000000000004", lang=lang),
                     "Bekend bij de griffie", "Griffier", date(2027, 6, 30))
    return one_official("var-001", "Jan-Willem van den Berg", shielded, known, high, critical,
                        role="wethouder", organisation="Gemeente Voorbeeld",
                        sources=(SourceId.KVK,), report=make_report(lang))


def hostile_report() -> Report:
    finding = make_finding("evil-1", trade_name=f'"><img src=x onerror=alert(1)> {HOSTILE}',
                           person="Eve & <b>Mallory</b>")
    finding = finding.model_copy(update={
        "locator": Locator(kvk_number="90000001", url="javascript:alert(1)"),
        "evidence": finding.evidence.model_copy(update={"value": "06 <i>12345678</i>"})})
    safe_link = make_finding("evil-1", vestigingsnummer="000000000009").model_copy(
        update={"locator": Locator(url="https://www.example.nl/raad?wie=a&b=c")})
    broken_link = make_finding("evil-1", vestigingsnummer="000000000010").model_copy(
        update={"locator": Locator(url="http://[::1/raad")})
    return one_official(
        f"evil-1{HOSTILE}", HOSTILE, finding, safe_link, broken_link,
        role="raadslid & <i>wethouder</i>", organisation="</title><script>x()</script>",
        errors=(source_failed(SourceErrorKind.TIMEOUT, f"timeout {HOSTILE}"),))


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def section(page: BeautifulSoup, official_id: str) -> Tag:
    for candidate in page.select("section.official"):
        id_tag = candidate.select_one("h2 .id")
        if id_tag is not None and id_tag.get_text() == official_id:
            return candidate
    raise AssertionError(f"no section for {official_id}")


def bar_counts(page: BeautifulSoup, chart: str) -> dict[str, int]:
    svg = page.select_one(f"svg#chart-{chart}")
    assert svg is not None, chart
    return {str(g.title.get_text()).rsplit(": ", 1)[0]: int(g.select_one("text.count").get_text())
            for g in svg.select("g.bar") if g.title and g.select_one("text.count")}


@pytest.mark.parametrize("lang", list(Lang))
def test_html_snapshot(lang: Lang) -> None:
    report = redact_report(make_report(lang))
    check_snapshot(f"report-{lang.value}.html",
                   html_reporter.render(report, RenderOptions(lang=lang)))


def test_overview_charts_count_open_exposures(report: Report) -> None:
    page = soup(html_reporter.render(report, RenderOptions()))
    assert len(page.select("section.overview svg.chart")) == 5
    assert bar_counts(page, "severity") == {"critical": 0, "high": 1, "medium": 1, "low": 0,
                                            "info": 0}
    assert bar_counts(page, "kind") == {"home address": 1, "unknown business at home": 1}
    assert bar_counts(page, "source") == {"KVK Business Register": 2}
    assert bar_counts(page, "status") == {"exposed": 2, "accepted": 0, "shielded": 1}
    assert bar_counts(page, "role") == {"raadslid (2)": 1, "wethouder (1)": 1, "no role (1)": 0}


def test_charts_are_accessible(report: Report) -> None:
    page = soup(html_reporter.render(report, RenderOptions()))
    for svg in page.select("svg.chart"):
        title_id, desc_id = str(svg["aria-labelledby"]).split()
        assert svg["role"] == "img"
        assert page.find(id=title_id).name == "title"
        assert page.find(id=desc_id).name == "desc"
    severity = page.find(id="chart-severity-desc")
    assert severity is not None and "high: 1; medium: 1" in severity.get_text()


def test_a_section_per_official_with_incomplete_marker(report: Report) -> None:
    page = soup(html_reporter.render(report, RenderOptions()))
    assert len(page.select("section.official")) == 4
    failed = section(page, "demo-003")
    assert failed.select_one(".badge.incomplete").get_text() == "INCOMPLETE"
    assert "HTTP 503 after 3 retries" in failed.get_text()
    assert "no findings" not in failed.get_text()
    assert section(page, "demo-004").select_one(".clean").get_text() == "no findings"
    assert section(page, "demo-001").select_one(".incomplete") is None


KVK_TITLES = {s.title for k, s in STEPS.items() if k.startswith("kvk-")}


def test_steps_follow_urgency_and_carry_basis_and_link() -> None:
    page = soup(html_reporter.render(varied_report(), RenderOptions()))
    official = section(page, "var-001")
    severities = [td.get_text() for td in official.select("table.findings tbody td:nth-of-type(2)")]
    assert severities == ["critical", "high", "critical", "info"]  # open first, accepted after
    titles = [h.get_text() for h in official.select("ol.steps h4")]
    assert "Ask for a tailored security advice (CCV)" in titles  # a wethouder, home exposed
    titles = [t for t in titles if t in KVK_TITLES]
    assert titles == ["Shielding on a concrete threat",
                      "First step for your sole proprietorship: show a postal address instead "
                      "of your home",
                      "Have the visiting address shielded under the covenant",
                      "Shielding is in place: keep it that way"]
    first = official.select("ol.steps li")[0]
    assert "art. 51 lid 3 Handelsregisterbesluit 2008" in first.select_one(".basis").get_text()
    link = first.select_one(".link a")
    assert link is not None and str(link["href"]).startswith("https://www.kvk.nl/")
    assert "concerns finding 1" in first.get_text()
    covenant = next(li for li in official.select("ol.steps li")
                    if "under the covenant" in li.get_text())
    assert "concerns finding 2, 3" in covenant.get_text()  # the high and the accepted finding


def test_accepted_findings_are_shown_as_accepted_not_exposed() -> None:
    text = html_reporter.render(varied_report(), RenderOptions())
    page = soup(text)
    row = page.select("table.findings tbody tr")[2]
    assert row.select_one(".badge.st-accepted").get_text() == "accepted"
    assert "accepted by Griffier: Bekend bij de griffie (until 2027-06-30)" in row.get_text()
    assert "settled" in row["class"]
    assert bar_counts(page, "status") == {"exposed": 2, "accepted": 1, "shielded": 1}
    assert bar_counts(page, "severity")["critical"] == 1


def test_everything_is_escaped() -> None:
    text = html_reporter.render(hostile_report(), RenderOptions())
    page = soup(text)
    assert page.find("script") is None and page.find("img") is None
    assert page.find("b") is None and page.find("i") is None
    assert page.title is not None and page.title.get_text().endswith("</title><script>x()</script>")
    assert HOSTILE in page.select_one("section.official h2").get_text()
    assert "&lt;script&gt;" in text
    assert "timeout " + HOSTILE in page.select_one(".errors").get_text()


def test_only_web_addresses_become_links() -> None:
    page = soup(html_reporter.render(hostile_report(), RenderOptions()))
    hrefs = [str(a["href"]) for a in page.find_all("a")]
    assert not any(h.startswith("javascript") for h in hrefs)
    assert "https://www.example.nl/raad?wie=a&b=c" in hrefs
    findings = page.select_one("table.findings").get_text()
    assert "javascript:alert(1)" in findings and "http://[::1/raad" in findings


def test_self_contained_and_offline(report: Report) -> None:
    text = html_reporter.render(report, RenderOptions())
    page = soup(text)
    assert not page.find_all(["script", "link", "img", "iframe", "object"])
    assert not page.select("[src]") and "url(" not in text and "@import" not in text
    assert all(str(a["href"]).startswith(("#", "https://"))
               for a in page.find_all("a"))
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and "default-src 'none'" in str(policy["content"])


def test_prints_one_official_per_page_without_dark_backgrounds(report: Report) -> None:
    style = soup(html_reporter.render(report, RenderOptions())).style
    assert style is not None
    css = style.get_text()
    print_css = css[css.index("@media print"):]
    assert "section.official { break-before: page;" in print_css
    assert "background: transparent !important" in print_css


def test_redacted_report_shows_no_home_address_and_reveal_does() -> None:
    redacted = html_reporter.render(redact_report(make_report()), RenderOptions())
    assert "Kerkstraat" not in redacted and "1234 AB" not in redacted
    assert "Jan-Willem" not in redacted
    assert "•••, 1234 Dorp" in redacted
    assert "Personal data is redacted" in redacted
    revealed = html_reporter.render(make_report(), RenderOptions())
    assert "Kerkstraat 12A, 1234 AB Dorp" in revealed
    assert "Personal data is redacted" not in revealed


def test_dutch(report: Report) -> None:
    page = soup(html_reporter.render(make_report(Lang.NL), RenderOptions(lang=Lang.NL)))
    assert page.html is not None and page.html["lang"] == "nl"
    assert page.h1 is not None and page.h1.get_text() == "Rapport vindbaarheid persoonsgegevens"
    assert section(page, "demo-003").select_one(".badge.incomplete").get_text() == "ONVOLLEDIG"
    assert [h.get_text() for h in section(page, "demo-001").select("h3")] == [
        "Bevindingen", "Wat te doen"]
    assert bar_counts(page, "severity")["hoog"] == 1


def test_long_chart_labels_wrap_and_keep_their_full_text() -> None:
    long = "burgemeester + gedeputeerde & <wethouder> + geen rol (3)"
    svg = soup(bar_chart("c", "t", [Bar("kort", 1), Bar(long, 7)], "none")).svg
    assert svg is not None
    short_row, long_row = svg.select("g.bar")
    assert len(short_row.select("tspan")) == 1
    assert [t.get_text() for t in long_row.select("tspan")] == [
        "burgemeester +", "gedeputeerde &", "<wethouder> + geen rol", "(3)"]
    assert long_row.title is not None and long_row.title.get_text() == f"{long}: 7"
    assert int(str(svg["height"])) > int(str(soup(bar_chart("c", "t", [Bar("kort", 1)] * 2,
                                                             "none")).svg["height"]))
