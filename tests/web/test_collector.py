"""The web collector end to end over an in-process transport, offline."""

from __future__ import annotations

import asyncio
import dataclasses
import math
import threading
from collections import Counter
from collections.abc import Sequence

import httpx
import pytest

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.collectors.web import collector as collector_module
from exposurecheck.collectors.web.collector import WebCollector
from exposurecheck.i18n import Lang
from exposurecheck.models import (
    Address,
    FindingKind,
    Official,
    OfficialId,
    Report,
    Roster,
    Severity,
    Site,
    SourceErrorKind,
    SourceId,
    Status,
    Subject,
)
from exposurecheck.web.advice import WEB_STEPS, web_steps_for
from exposurecheck.web.extract import PageContent
from exposurecheck.web.fetch import FetchedPage, Fetcher, FetchPolicy
from exposurecheck.web.match import WebMatch

from tests.support import spin_until_stopped

JAN = Official(id=OfficialId("t-1"), name="Jan Jansen", initials="J.",
               home=Address(street="Kerkstraat", number=12, postcode="7721BC", city="Dalfsen"),
               phones=("06 1234 5601", "06 1234 5699"), emails=("jan@example.nl",))
ANNA = Official(id=OfficialId("t-2"), name="Anna de Vries", phones=("06 2222 3333",))
SITE = Site(url="http://gemeente.test/", max_pages=20, max_depth=3)
ROBOTS = "User-agent: *\nDisallow: /besloten/\n"


def html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


PAGES: dict[str, str] = {
    "/robots.txt": ROBOTS,
    "/": html("Gemeente", '<a href="/raad/jan.html">Jan</a> <a href="/raad/anna.html">Anna</a>'
                          ' <a href="/besloten/lijst.html">intern</a>'),
    "/raad/jan.html": html("Jan Jansen", "<h1>Jan Jansen</h1><p>Privé: 06-12345601</p>"),
    "/raad/anna.html": html("Anna de Vries", '<h1>Anna de Vries</h1>'
                                             '<p><a href="tel:0622223333">bel Anna</a></p>'),
    "/besloten/lijst.html": html("Intern", "<p>Jan Jansen 06-12345699, Anna 06 2222 3333</p>"),
}


class Web:
    """A tiny web: pages by (host, path), a request log, and a record of closing."""

    def __init__(self, pages: dict[str, dict[str, str]]) -> None:
        self.pages = pages
        self.requests: Counter[str] = Counter()
        self.closed = False

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests[f"{request.url.host}{request.url.path}"] += 1
        if request.url.path == "/slow.html":
            raise httpx.ReadTimeout("slow", request=request)
        body = self.pages.get(request.url.host, {}).get(request.url.path)
        if body is None:
            return httpx.Response(404 if request.url.path != "/kapot.html" else 500)
        kind = "text/plain" if request.url.path == "/robots.txt" else "text/html; charset=utf-8"
        return httpx.Response(200, headers={"Content-Type": kind}, text=body)

    def transport(self) -> httpx.AsyncBaseTransport:
        web = self

        class Transport(httpx.MockTransport):
            async def aclose(self) -> None:
                web.closed = True

        return Transport(self.handle)


def collect(web: Web, officials: Sequence[Official],
            sites: Sequence[Site] = (SITE,)) -> list[CollectorResult]:
    async def main() -> list[CollectorResult]:
        fetcher = Fetcher(FetchPolicy(rate_limit=math.inf), transport=web.transport())
        collector = WebCollector(fetcher, sites)
        try:
            return list(await asyncio.gather(*(collector.collect(o) for o in officials)))
        finally:
            await collector.aclose()

    return asyncio.run(main())


def site_web(**extra: str) -> Web:
    return Web({"gemeente.test": {**PAGES, **extra}})


def test_findings_carry_source_locator_evidence_and_severity() -> None:
    web = site_web()
    web.pages["krant.test"] = {"/robots.txt": "", "/jan.html": html(
        "Krant", "<p>Raadslid Jan Jansen, woonachtig aan de Kerkstraat 12 te Dalfsen.</p>")}
    official = JAN.model_copy(update={"urls": ("http://krant.test/jan.html",)})
    (result,) = collect(web, [official])
    assert result.source is SourceId.WEB and not result.errors
    by_kind = {f.kind: f for f in result.findings}
    assert set(by_kind) == {FindingKind.PHONE, FindingKind.HOME_ADDRESS}
    phone, home = by_kind[FindingKind.PHONE], by_kind[FindingKind.HOME_ADDRESS]
    assert (phone.locator.url, phone.locator.element) == ("http://gemeente.test/raad/jan.html",
                                                          "text")
    assert (phone.evidence.value, phone.evidence.page_title) == ("06-12345601", "Jan Jansen")
    assert phone.evidence.context == "Privé: 06-12345601"
    assert (phone.severity, home.severity) == (Severity.MEDIUM, Severity.HIGH)
    assert home.locator.url == "http://krant.test/jan.html"
    assert home.evidence.value == "Kerkstraat 12 te Dalfsen"
    assert {f.field for f in home.match.fields} == {"street", "city", "huisnummer", "suffix"}
    for finding in result.findings:
        assert (finding.status, finding.subject) == (Status.EXPOSED, Subject.OFFICIAL)
        assert finding.source is SourceId.WEB and finding.recommendations == ()


def test_each_official_gets_only_their_own_data() -> None:
    jan, anna = collect(site_web(), [JAN, ANNA])
    assert [(f.kind, f.evidence.value) for f in jan.findings] == [
        (FindingKind.PHONE, "06-12345601")]
    assert [(f.kind, f.locator.element) for f in anna.findings] == [
        (FindingKind.PHONE, "tel-link")]


def test_the_site_is_crawled_once_for_all_officials() -> None:
    web = site_web()
    collect(web, [JAN, ANNA, JAN.model_copy(update={"id": "t-3"})])
    assert web.requests["gemeente.test/raad/jan.html"] == 1
    assert web.requests["gemeente.test/robots.txt"] == 1


def test_robots_disallowed_pages_of_a_crawl_are_not_read_and_not_errors() -> None:
    web = site_web()
    jan, anna = collect(web, [JAN, ANNA])
    assert web.requests["gemeente.test/besloten/lijst.html"] == 0
    assert not jan.errors and not anna.errors
    assert "+31612345699" not in {f.evidence.value for f in jan.findings}


def test_a_link_redirecting_off_the_site_is_not_an_error() -> None:
    web = site_web(**{"/": PAGES["/"] + '<a href="/login">inloggen</a>'})
    original = web.handle

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/login":
            return httpx.Response(302, headers={"Location": "https://sso.elders.test/"})
        return original(request)

    web.handle = handle  # type: ignore[method-assign]
    (jan,) = collect(web, [JAN])
    assert not jan.errors and jan.findings
    assert web.requests["sso.elders.test/"] == 0


def test_crawl_problems_are_reported_for_every_official() -> None:
    web = site_web(**{"/": PAGES["/"] + '<a href="/kapot.html?naam=jan">x</a>'})
    jan, anna = collect(web, [JAN, ANNA])
    for result in (jan, anna):
        assert [(e.kind, e.message) for e in result.errors] == [
            (SourceErrorKind.FAILED, "http://gemeente.test/kapot.html: HTTP 500")]
    assert jan.findings  # what could be read is still reported


@pytest.mark.parametrize(("path", "kind", "reason"), [
    ("/weg.html", SourceErrorKind.FAILED, "HTTP 404"),
    ("/slow.html", SourceErrorKind.TIMEOUT, "no complete answer within 10 s"),
    ("/besloten/lijst.html", SourceErrorKind.SKIPPED, "disallowed by robots.txt"),
])
def test_an_officials_own_url_that_cannot_be_read_is_an_error_for_them(
        path: str, kind: SourceErrorKind, reason: str) -> None:
    official = JAN.model_copy(update={"urls": (f"http://gemeente.test{path}?q=Jan+Jansen",)})
    jan, anna = collect(site_web(), [official, ANNA])
    assert [(e.source, e.kind, e.message) for e in jan.errors] == [
        (SourceId.WEB, kind, f"http://gemeente.test{path}: {reason}")]
    assert not anna.errors


def test_a_page_both_crawled_and_listed_is_read_once_and_reported_once() -> None:
    official = JAN.model_copy(update={"urls": ("http://gemeente.test/raad/jan.html",)})
    web = site_web()
    (result,) = collect(web, [official])
    assert len(result.findings) == 1
    assert web.requests["gemeente.test/raad/jan.html"] == 1


def test_the_fingerprint_survives_a_move_within_the_page() -> None:
    in_text = site_web()
    as_link = site_web(**{"/raad/jan.html": html(
        "Jan Jansen", '<h1>Jan Jansen</h1><p><a href="tel:+31612345601">bel</a></p>')})
    (before,), (after,) = collect(in_text, [JAN]), collect(as_link, [JAN])
    assert before.findings[0].locator.element != after.findings[0].locator.element
    assert before.findings[0].fingerprint == after.findings[0].fingerprint


def test_two_values_on_one_page_have_two_fingerprints() -> None:
    web = site_web(**{"/raad/jan.html": html("Jan Jansen", "<p>06-12345601 of 06-12345699</p>")})
    (result,) = collect(web, [JAN])
    assert len({f.fingerprint for f in result.findings}) == 2


def test_a_page_that_cannot_be_parsed_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector_module, "extract",
                        lambda page: PageContent(url=page.url, parse_failed=True))
    (result,) = collect(site_web(), [JAN])
    assert not result.findings
    assert {e.kind for e in result.errors} == {SourceErrorKind.FAILED}
    assert "http://gemeente.test/raad/jan.html: the page could not be parsed" in {
        e.message for e in result.errors}


def test_structured_data_that_cannot_be_read_is_reported_and_the_text_still_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = collector_module.extract

    def without_microdata(page: FetchedPage) -> PageContent:
        return dataclasses.replace(real(page), unreadable=("microdata",))

    monkeypatch.setattr(collector_module, "extract", without_microdata)
    (result,) = collect(site_web(), [JAN])
    assert {f.evidence.value for f in result.findings} == {"06-12345601"}
    assert "http://gemeente.test/raad/jan.html: the page's structured data could not be read " \
           "(microdata)" in {e.message for e in result.errors}


def test_a_bad_link_costs_nothing_of_the_page_or_the_others() -> None:
    web = site_web(**{"/raad/anna.html": html(
        "Anna", '<a href="http://[oops">kapot</a><a href="https://[::1">ook</a>'
                '<p>Jan Jansen: 06-12345699</p>')})
    (result,) = collect(web, [JAN])
    assert not result.errors
    assert {f.evidence.value for f in result.findings} == {"06-12345601", "06-12345699"}


def test_a_page_that_fails_to_match_is_recorded_and_the_others_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = collector_module.find_exposures

    def failing(official: Official, content: PageContent) -> list[WebMatch]:
        if content.url.endswith("anna.html"):
            raise ValueError("Invalid IPv6 URL")
        return real(official, content)

    monkeypatch.setattr(collector_module, "find_exposures", failing)
    (result,) = collect(site_web(), [JAN])
    assert [f.evidence.value for f in result.findings] == ["06-12345601"]
    assert [(e.kind, e.message) for e in result.errors] == [
        (SourceErrorKind.FAILED, "http://gemeente.test/raad/anna.html: the page could not be "
                                 "read (ValueError)")]


def test_aclose_closes_the_fetcher() -> None:
    web = site_web()
    collect(web, [], sites=())
    assert web.closed


# --------------------------------------------------------------------------- advice


@pytest.mark.parametrize("step_id", sorted(WEB_STEPS))
def test_every_web_step_has_dutch_and_english_text_with_basis_and_link(step_id: str) -> None:
    step = WEB_STEPS[step_id]
    nl, en = step.render(step_id, Lang.NL), step.render(step_id, Lang.EN)
    assert nl.id == en.id == step_id
    assert nl.text != en.text and nl.title != en.title
    assert step.url.startswith(("https://www.autoriteitpersoonsgegevens.nl/",
                                "https://wetten.overheid.nl/", "https://openstate.eu/"))
    assert step.legal_basis


def test_web_steps_by_kind() -> None:
    (result,) = collect(site_web(), [JAN])
    (phone,) = result.findings
    assert web_steps_for(phone) == ["web-removal-request", "web-avg-erasure", "web-doxing-report"]
    residence = phone.model_copy(update={"kind": FindingKind.RESIDENCE})
    assert web_steps_for(residence) == ["web-removal-request"]
    assert "285d" in WEB_STEPS["web-doxing-report"].legal_basis
    assert "art. 17 lid 3" in WEB_STEPS["web-avg-erasure"].legal_basis


def test_matching_that_outlasts_the_source_timeout_ends_and_is_recorded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ended = threading.Event()

    def endless(official: Official, content: PageContent) -> list[WebMatch]:
        spin_until_stopped(ended)

    monkeypatch.setattr(collector_module, "find_exposures", endless)

    async def main() -> Report:
        fetcher = Fetcher(FetchPolicy(rate_limit=math.inf), transport=site_web().transport())
        collector = WebCollector(fetcher, (SITE,))
        try:
            auditor = Auditor([collector], AuditOptions(source_timeout=0.5))
            return await auditor.audit(Roster(officials=(JAN,)))
        finally:
            await collector.aclose()

    report = asyncio.run(main())
    assert [e.kind for e in report.officials[0].errors] == [SourceErrorKind.TIMEOUT]
    assert ended.wait(2.0)
