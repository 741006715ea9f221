"""Recorded real responses, branchless entities, the paid-request budget and the estimate.

A handler stands in for KVK: it serves given bodies by path and answers everything else
404 IPD5200, as the real API does for "no results", and counts what it was asked.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from exposurecheck.collectors.kvk.client import KvkClient
from exposurecheck.collectors.kvk.collector import KvkCollector
from exposurecheck.models import (
    Address,
    FindingKind,
    Official,
    OfficialId,
    SourceErrorKind,
    Status,
    Subject,
)

RECORDED = Path(__file__).parents[2] / "data" / "kvk-recorded"
NO_RESULTS = {"fout": [{"code": "IPD5200", "omschrijving": "Geen gegevens gevonden"}]}


def recorded(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RECORDED / name).read_text(encoding="utf-8"))
    return data


class FakeKvk:
    def __init__(self, bodies: dict[str, Any]) -> None:
        self.bodies = bodies
        self.calls: Counter[str] = Counter()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api")
        self.calls[path] += 1
        body = self.bodies.get(path)
        if body is None:
            return httpx.Response(404, json=NO_RESULTS)
        if isinstance(body, httpx.Response):
            return body
        return httpx.Response(200, json=body)

    @property
    def paid(self) -> int:
        return sum(n for path, n in self.calls.items() if not path.startswith("/v2/zoeken"))


def run(fake: FakeKvk, *officials: Official, **client_options: Any) -> tuple[Any, ...]:
    async def main() -> tuple[Any, ...]:
        client = KvkClient("http://kvk.test/api", "key", transport=httpx.MockTransport(fake),
                           sleep=lambda _: asyncio.sleep(0), jitter=0, **client_options)
        collector = KvkCollector(client)
        try:
            results = [await collector.collect(o) for o in officials]
            return (*results, collector.usage())
        finally:
            await collector.aclose()

    return asyncio.run(main())


DAGOBERT = Official(id=OfficialId("r-1"), name="Dagobert Duck", initials="D.",
                    home=Address(street="Abebe Bikilalaan", number=17, postcode="1034WL",
                                 city="Amsterdam"),
                    kvk_numbers=("69599084",))
VVE_HOME = Official(id=OfficialId("r-2"), name="Guus Geluk", initials="G.",
                    home=Address(street="Blaauwweg", number=163, postcode="3328XD",
                                 city="Dordrecht"),
                    kvk_numbers=("90000749",))


def test_recorded_eenmanszaak_gives_its_home_address_finding_and_no_incomplete() -> None:
    fake = FakeKvk({"/v1/basisprofielen/69599084": recorded("kvk-basisprofiel-v1.json")})
    result, usage = run(fake, DAGOBERT)
    assert result.errors == ()
    (finding,) = result.findings
    assert (finding.kind, finding.subject, finding.status) == (
        FindingKind.HOME_ADDRESS, Subject.OFFICIAL, Status.EXPOSED)
    assert finding.locator.vestigingsnummer == "000038509504"
    assert finding.evidence.legal_form == "Eenmanszaak"
    assert usage.paid_requests == fake.paid


def test_recorded_vve_gives_its_home_address_finding_and_no_incomplete() -> None:
    fake = FakeKvk({"/v1/basisprofielen/90000749": recorded("kvk-basisprofiel-vve-v1.json")})
    result, _ = run(fake, VVE_HOME)
    assert result.errors == ()
    (finding,) = result.findings
    assert finding.status is Status.EXPOSED
    assert finding.locator.kvk_number == "90000749" and finding.locator.vestigingsnummer is None
    assert finding.evidence.legal_form == "Vereniging van Eigenaars"


@pytest.mark.parametrize("no_branches", [
    httpx.Response(404, json=NO_RESULTS),
    httpx.Response(200, json={"kvkNummer": "90000749", "totaalAantalVestigingen": 0,
                              "vestigingen": []}),
])
def test_both_answers_for_an_entity_without_branches_mean_no_branches(
        no_branches: httpx.Response) -> None:
    fake = FakeKvk({"/v1/basisprofielen/90000749": recorded("kvk-basisprofiel-vve-v1.json"),
                    "/v1/basisprofielen/90000749/vestigingen": no_branches})
    result, _ = run(fake, VVE_HOME)
    assert result.errors == () and len(result.findings) == 1


def test_declared_number_listed_by_zoeken_needs_only_the_basisprofiel() -> None:
    zoeken = {"pagina": 1, "resultatenPerPagina": 100, "totaal": 1, "resultaten": [
        {"kvkNummer": "69599084", "vestigingsnummer": "000038509504", "naam": "Test EMZ Dagobert",
         "type": "hoofdvestiging", "adres": {"binnenlandsAdres": {
             "type": "bezoekadres", "straatnaam": "Abebe Bikilalaan", "plaats": "Amsterdam"}}}]}
    fake = FakeKvk({"/v1/basisprofielen/69599084": recorded("kvk-basisprofiel-v1.json")})

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("kvkNummer") == "69599084":
            fake.calls["/v2/zoeken"] += 1
            return httpx.Response(200, json=zoeken)
        return fake(request)

    async def main() -> Any:
        client = KvkClient("http://kvk.test/api", "key", transport=httpx.MockTransport(handler),
                           sleep=lambda _: asyncio.sleep(0), jitter=0)
        collector = KvkCollector(client)
        try:
            return await collector.collect(DAGOBERT), collector.usage()
        finally:
            await collector.aclose()

    result, usage = asyncio.run(main())
    assert len(result.findings) == 1 and result.errors == ()
    assert fake.paid == 1 == usage.paid_requests  # no Vestigingsprofiel, no /vestigingen
    assert usage.estimated_cost_eur == pytest.approx(0.019)


def test_budget_stops_paid_requests_and_makes_the_official_incomplete() -> None:
    fake = FakeKvk({"/v1/basisprofielen/69599084": recorded("kvk-basisprofiel-v1.json")})
    result, usage = run(fake, DAGOBERT, max_paid_requests=0)
    assert fake.paid == 0 and usage.paid_requests == 0
    assert result.findings == ()
    assert [e.kind for e in result.errors] == [SourceErrorKind.SKIPPED] * len(result.errors)
    assert result.errors and "max-paid-requests" in result.errors[0].message


def test_estimate_sends_no_paid_request_and_counts_what_it_would() -> None:
    fake = FakeKvk({"/v1/basisprofielen/69599084": recorded("kvk-basisprofiel-v1.json")})
    result, usage = run(fake, DAGOBERT, estimate_only=True)
    assert fake.paid == 0
    assert usage.paid_requests >= 1  # the branch list, then the Basisprofiel would be read
    assert result.errors == ()


def test_a_deeply_nested_answer_is_a_recorded_failure_that_keeps_other_findings() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    fake = FakeKvk({"/v1/basisprofielen/69599084": recorded("kvk-basisprofiel-v1.json"),
                    "/v2/zoeken": httpx.Response(200, content=deep.encode())})
    result, _ = run(fake, DAGOBERT)
    assert result.errors  # the searches failed, and say so
    assert all(e.kind is SourceErrorKind.FAILED for e in result.errors)


def test_one_word_name_is_a_recorded_skip_not_a_silent_clean() -> None:
    fake = FakeKvk({})
    (result, _) = run(fake, Official(id=OfficialId("r-3"), name="Madonna"))
    assert any(e.kind is SourceErrorKind.SKIPPED and "name search" in e.message
               for e in result.errors)
