"""The bundled fictional council site, its roster and its expected findings agree."""

from __future__ import annotations

import asyncio
import json
import math
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.web.collector import WebCollector
from exposurecheck.matching.address import normalise_city
from exposurecheck.mock.web import FixtureSite
from exposurecheck.models import FindingKind, Official, Report
from exposurecheck.resources import fixtures_dir
from exposurecheck.roster import load_roster
from exposurecheck.web.crawl import crawl
from exposurecheck.web.fetch import FetchedPage, Fetcher, FetchPolicy

SITE_ROOT = fixtures_dir() / "web" / "site"
ROSTER = fixtures_dir() / "rosters" / "demo-web.yaml"
EXPECTED: dict[str, Any] = json.loads(
    (fixtures_dir() / "web" / "expected.json").read_text(encoding="utf-8"))
HOST = "http://gemeente-voorbeeld.test"
OFF_HOST = ("partij", "krant")  # pages of other sites, read through officials' urls only


def fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(rate_limit=math.inf), transport=FixtureSite().transport())


def html_files() -> list[Path]:
    return sorted(SITE_ROOT.rglob("*.html"))


def document_files() -> list[Path]:
    return sorted(p for p in SITE_ROOT.rglob("*") if p.suffix in (".pdf", ".docx", ".odt"))


def url_of(path: Path) -> str:
    relative = path.relative_to(SITE_ROOT).as_posix()
    return f"{HOST}/{relative.removesuffix('index.html')}"


@pytest.fixture(scope="module")
def report() -> Report:
    async def main() -> Report:
        roster = load_roster(ROSTER)
        collector = WebCollector(fetcher(), roster.sites)
        try:
            return await Auditor([collector], AuditOptions()).audit(roster)
        finally:
            await collector.aclose()

    return asyncio.run(main())


def test_the_site_has_enough_pages_and_a_robots_txt_hiding_a_planted_page() -> None:
    assert len(html_files()) >= 20
    robots = (SITE_ROOT / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /besloten/" in robots
    hidden = (SITE_ROOT / "besloten" / "adreslijst.html").read_text(encoding="utf-8")
    assert "Westerveldweg 17" in hidden and "06 5678 9007" in hidden


def test_the_archive_page_is_really_windows_1252() -> None:
    raw = (SITE_ROOT / "archief" / "raad-2010.cp1252.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "René" in raw.decode("cp1252") and "Noëlle" in raw.decode("cp1252")

    async def main() -> object:
        async with fetcher() as web:
            return await web.fetch(f"{HOST}/archief/raad-2010.cp1252.html")

    page = asyncio.run(main())
    assert isinstance(page, FetchedPage)
    assert page.encoding == "cp1252" and "René Smeenk" in page.text


def test_a_crawl_from_the_roster_site_reaches_every_municipal_page() -> None:
    (site,) = load_roster(ROSTER).sites

    async def main() -> set[str]:
        async with fetcher() as web:
            result = await crawl(web, site)
        return {p.url for p in result.pages}

    reached = asyncio.run(main())
    municipal = {url_of(p) for p in html_files() + document_files()
                 if p.relative_to(SITE_ROOT).parts[0] not in (*OFF_HOST, "besloten")}
    assert reached == municipal


def test_expected_findings_name_roster_officials_and_existing_pages() -> None:
    officials = {o.id for o in load_roster(ROSTER).officials}
    rows = [(f["official_id"], f["kind"], f["subject"], f["url"], f.get("page"))
            for f in EXPECTED["findings"]]
    assert len(rows) == len(set(rows))
    paths = {url_of(p).split("/", 3)[3] for p in html_files() + document_files()}
    for official_id, kind, subject, url, _ in rows:
        assert official_id in officials and FindingKind(kind)
        assert subject in ("official", "household")
        assert url.split("/", 3)[3] in paths, url
    assert {row[1] for row in rows} == {k.value for k in FindingKind} - {"business_at_home"}


def test_the_audit_finds_exactly_the_planted_exposures(report: Report) -> None:
    found = {(o.id, f.kind.value, f.subject.value, f.locator.url, f.locator.page)
             for o in report.officials for f in o.findings}
    expected = {(f["official_id"], f["kind"], f["subject"], f["url"], f.get("page"))
                for f in EXPECTED["findings"]}
    assert found - expected == set()  # no false alarm, no hard negative
    assert expected - found == set()
    assert all(not o.errors for o in report.officials)  # robots.txt skips are no error


def test_images_archives_video_and_calendars_are_listed_as_not_read(report: Report) -> None:
    for official in report.officials:
        assert {(n.media_type, n.count) for n in official.not_read} == {
            ("application/zip", 1), ("image/png", 1), ("video/mp4", 1), ("text/calendar", 1)}
        assert official.complete


def _is_roster_data(official: Official, kind: FindingKind, value: str) -> bool:
    if kind is FindingKind.PHONE:
        number = phonenumbers.format_number(phonenumbers.parse(value, "NL"),
                                            phonenumbers.PhoneNumberFormat.E164)
        return number in {phonenumbers.format_number(phonenumbers.parse(p, "NL"),
                                                     phonenumbers.PhoneNumberFormat.E164)
                          for p in official.phones}
    if kind is FindingKind.EMAIL:
        plain = value.casefold().replace(" ", "").replace("(at)", "@").replace("[at]", "@")
        return plain.replace("(dot)", ".").replace("[dot]", ".") in official.emails
    if kind is FindingKind.RESIDENCE:
        return official.home is not None and normalise_city(value) == normalise_city(
            official.home.city or "")
    if kind is FindingKind.HOUSEHOLD_NAME:
        return value.split()[0] in {m.name.split()[0] for m in official.household}
    if kind is FindingKind.BIRTH_DATE:
        return official.birth_date is not None and str(official.birth_date.year)[2:] in value
    return official.home is not None and str(official.home.number) in value


def test_no_finding_shows_data_that_is_not_in_the_roster(report: Report) -> None:
    officials = {o.id: o for o in load_roster(ROSTER).officials}
    for result in report.officials:
        for finding in result.findings:
            assert finding.evidence.value is not None
            assert _is_roster_data(officials[result.id], finding.kind, finding.evidence.value), (
                result.id, finding.kind, finding.locator.url)
