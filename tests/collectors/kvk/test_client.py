"""KvkClient against a respx router (no network).

Each test runs its coroutine with asyncio.run; ``sleep`` is injected so that
retries are instant and the waits can be asserted.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any, TypeVar

import httpx
import pytest
import respx

from exposurecheck import __version__
from exposurecheck.collectors.kvk.api import Establishment, EstablishmentSummary
from exposurecheck.collectors.kvk.client import (
    KvkAuthError,
    KvkBadRequest,
    KvkClient,
    KvkError,
    KvkIncompleteSearch,
    KvkNotFound,
    KvkResponseError,
    KvkUnavailable,
)

from tests.support import load_data

BASE = "https://api.kvk.example/test/api"
KEY = "l7xx-test-key"
ZOEKEN = "/v2/zoeken"

T = TypeVar("T")



def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


class FakeSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def router() -> Iterator[respx.Router]:
    r = respx.Router(base_url=BASE, assert_all_called=False)
    yield r


@pytest.fixture
def sleeper() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def make(router: respx.Router, sleeper: FakeSleep) -> Callable[..., KvkClient]:
    def factory(**kwargs: Any) -> KvkClient:
        options: dict[str, Any] = {
            "transport": httpx.MockTransport(router.async_handler),
            "sleep": sleeper,
            "jitter": 0.0,
        }
        options.update(kwargs)
        base = options.pop("base_url", BASE)
        return KvkClient(base, KEY, **options)

    return factory


def fout(code: str, text: str = "Omschrijving") -> dict[str, Any]:
    return {"fout": [{"code": code, "omschrijving": text}]}


def page(pagina: int, n: int, totaal: int, start: int = 0) -> dict[str, Any]:
    return {
        "pagina": pagina,
        "resultatenPerPagina": 100,
        "totaal": totaal,
        "resultaten": [
            {
                "kvkNummer": "12345678",
                "vestigingsnummer": f"{start + i:012d}",
                "naam": f"Bedrijf {start + i}",
                "type": "nevenvestiging",
            }
            for i in range(n)
        ],
        "_links": {
            "self": {"href": f"{BASE}/v2/zoeken?pagina={pagina}"},
            "next": {"href": f"https://elsewhere.example/v2/zoeken?pagina={pagina + 1}"},
        },
    }


def paged(pages: Sequence[dict[str, Any] | httpx.Response]
          ) -> Callable[[httpx.Request], httpx.Response]:
    """Serve ``pages`` by the ``pagina`` query parameter: a body with 200, or the response."""

    def handler(request: httpx.Request) -> httpx.Response:
        answer = pages[int(request.url.params["pagina"]) - 1]
        return answer if isinstance(answer, httpx.Response) else httpx.Response(200, json=answer)

    return handler


def without(body: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != key}


async def call(client: KvkClient, fn: Callable[[KvkClient], Awaitable[T]]) -> T:
    async with client:
        return await fn(client)


# --------------------------------------------------------------------------- headers, URLs


@pytest.mark.parametrize("base", [BASE, BASE + "/"])
def test_headers_and_url(router: respx.Router, make: Callable[..., KvkClient], base: str) -> None:
    route = router.get(ZOEKEN).respond(200, json=load_data("kvk-zoeken-v2.json"))
    results = run(call(make(base_url=base), lambda c: c.search(kvkNummer="68750110")))
    assert len(results) == 3
    request = route.calls.last.request
    assert request.headers["apikey"] == KEY
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == f"exposurecheck/{__version__}"
    assert request.url.path == "/test/api/v2/zoeken"
    assert dict(request.url.params) == {
        "kvkNummer": "68750110",
        "pagina": "1",
        "resultatenPerPagina": "100",
    }


def test_search_parses_real_example(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    router.get(ZOEKEN).respond(200, json=load_data("kvk-zoeken-v2.json"))
    results = run(call(make(), lambda c: c.search(kvkNummer="68750110")))
    assert [r.type for r in results] == ["rechtspersoon", "hoofdvestiging", "nevenvestiging"]
    assert results[0].vestigingsnummer is None
    assert results[1].links["vestigingsprofiel"].endswith("/000037178598")


def test_search_param_formatting_and_paging_params_managed(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    route = router.get(ZOEKEN).respond(200, json=page(1, 1, 1))
    run(
        call(
            make(),
            lambda c: c.search(
                naam="Voorbeeld",
                huisnummer=12,
                inclusiefInactieveRegistraties=True,
                pagina=7,
                resultatenPerPagina=5,
            ),
        )
    )
    params = route.calls.last.request.url.params
    assert params["huisnummer"] == "12"
    assert params["inclusiefInactieveRegistraties"] == "true"
    assert params["pagina"] == "1"
    assert params["resultatenPerPagina"] == "100"


# --------------------------------------------------------------------------- paging


def test_paging_three_pages(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    pages = [page(1, 100, 250, 0), page(2, 100, 250, 100), page(3, 50, 250, 200)]
    route = router.get(ZOEKEN).mock(side_effect=paged(pages))
    client = make()
    results = run(call(client, lambda c: c.search(naam="Bedrijf")))
    assert len(results) == 250
    assert [r.vestigingsnummer for r in results] == [f"{i:012d}" for i in range(250)]
    assert [c.request.url.params["pagina"] for c in route.calls] == ["1", "2", "3"]
    # _links.next pointed at another host: never followed
    assert {c.request.url.host for c in route.calls} == {"api.kvk.example"}
    assert client.requests_made == 3


def test_more_than_1000_results_is_an_incomplete_search(
        router: respx.Router, make: Callable[..., KvkClient]) -> None:
    pages = [page(n, 100, 5000, (n - 1) * 100) for n in range(1, 51)]
    route = router.get(ZOEKEN).mock(side_effect=paged(pages))
    with pytest.raises(KvkIncompleteSearch, match="more than 1000") as raised:
        run(call(make(), lambda c: c.search(plaats="Amsterdam")))
    assert len(raised.value.results) == 1000  # what was read is kept
    assert route.call_count == 10
    assert route.calls.last.request.url.params["pagina"] == "10"


# How a search ends: (the pages as the server answers them, how many results are kept).
PAGINGS: dict[str, tuple[list[dict[str, Any] | httpx.Response], int]] = {
    "server uses smaller pages": (
        [page(1, 10, 25, 0), page(2, 10, 25, 10), page(3, 5, 25, 20)], 25),
    "stops on an empty page": ([page(1, 100, 500, 0), page(2, 0, 500)], 100),
    "goes on without totaal or with a wrong one": (
        [without(page(1, 100, 0, 0), "totaal"), page(2, 40, 0, 100)], 140),
    "no results on a later page keeps the earlier": (
        [page(1, 100, 300), httpx.Response(404, json=fout("IPD5200"))], 100),
}


@pytest.mark.parametrize("case", PAGINGS)
def test_paging_reads_every_page_once(
        router: respx.Router, make: Callable[..., KvkClient], case: str) -> None:
    pages, kept = PAGINGS[case]
    route = router.get(ZOEKEN).mock(side_effect=paged(pages))
    assert len(run(call(make(), lambda c: c.search(naam="x")))) == kept
    assert route.call_count == len(pages)


def test_paging_stops_when_server_ignores_pagina(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    route = router.get(ZOEKEN).respond(200, json=page(1, 100, 900))
    with pytest.raises(KvkIncompleteSearch, match="paging not honoured") as raised:
        run(call(make(), lambda c: c.search(naam="x")))
    assert len(raised.value.results) == 100  # page 2 answered as page 1: not appended again
    assert route.call_count == 2


def test_repeated_page_without_pagina_is_detected(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    body = page(1, 100, 900)
    del body["pagina"]
    router.get(ZOEKEN).respond(200, json=body)
    with pytest.raises(KvkIncompleteSearch, match="paging not honoured"):
        run(call(make(), lambda c: c.search(naam="x")))


def test_no_results_is_empty_list(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get(ZOEKEN).respond(404, json=fout("IPD5200", "Geen gegevens gevonden"))
    assert run(call(make(), lambda c: c.search(naam="Niemand"))) == []
    assert route.call_count == 1


def test_search_404_other_code_is_not_found(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    router.get(ZOEKEN).respond(404, json=fout("IPD0005"))
    with pytest.raises(KvkNotFound) as info:
        run(call(make(), lambda c: c.search(naam="x")))
    assert info.value.code == "IPD0005"


# --------------------------------------------------------------------------- profiles


def test_company(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get("/v1/basisprofielen/69599084").respond(
        200, json=load_data("kvk-basisprofiel-v1.json")
    )
    profile = run(call(make(), lambda c: c.company("69599084")))
    assert route.call_count == 1
    assert profile.rechtsvorm == "Eenmanszaak"
    assert profile.hoofdvestiging is not None
    assert profile.hoofdvestiging.vestigingsnummer == "000038509504"


def test_establishment(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    router.get("/v1/vestigingsprofielen/000037178598").respond(
        200, json=load_data("kvk-vestigingsprofiel-v1.json")
    )
    est = run(call(make(), lambda c: c.establishment("000037178598")))
    assert isinstance(est, Establishment)
    assert est.bezoekadres is not None and est.bezoekadres.huisnummerToevoeging == "A"


def test_establishments(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    body = {
        "kvkNummer": "68750110",
        "aantalCommercieleVestigingen": 1,
        "aantalNietCommercieleVestigingen": 0,
        "totaalAantalVestigingen": 2,
        "vestigingen": [
            {
                "vestigingsnummer": "000037178598",
                "eersteHandelsnaam": "Test BV Donald",
                "indHoofdvestiging": "Ja",
                "indAdresAfgeschermd": "Nee",
                "volledigAdres": "Hizzaarderlaan 3 A   8823SJ Lollum",
            },
            {
                "vestigingsnummer": "990000541921",
                "indHoofdvestiging": "Nee",
                "indAdresAfgeschermd": "Ja",
            },
        ],
    }
    route = router.get("/v1/basisprofielen/68750110/vestigingen").respond(200, json=body)
    items = run(call(make(), lambda c: c.establishments("68750110")))
    assert route.call_count == 1
    assert all(isinstance(i, EstablishmentSummary) for i in items)
    assert [(i.hoofdvestiging, i.adres_afgeschermd) for i in items] == [
        (True, False),
        (False, True),
    ]
    full = run(call(make(), lambda c: c.establishment_list("68750110")))
    assert full.kvkNummer == "68750110" and len(full.vestigingen) == 2


def test_profile_404_is_not_found(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get("/v1/basisprofielen/12345678").respond(
        404, json=fout("IPD0005", "Op basis van het KVK-nummer 12345678 kan het product niet")
    )
    with pytest.raises(KvkNotFound) as info:
        run(call(make(), lambda c: c.company("12345678")))
    assert (info.value.status, info.value.code) == (404, "IPD0005")
    assert info.value.omschrijving is not None and "product" in info.value.omschrijving
    assert "product" not in str(info.value)
    assert route.call_count == 1


def test_unexpected_shape_is_not_retried_and_hides_values(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    route = router.get("/v1/vestigingsprofielen/000037178598").respond(
        200, json={"eersteHandelsnaam": "Geheime Naam", "adressen": "Verborgen Straat 1"}
    )
    with pytest.raises(KvkResponseError) as info:
        run(call(make(), lambda c: c.establishment("000037178598")))
    assert route.call_count == 1
    assert "vestigingsnummer" in str(info.value)
    assert "Geheime" not in str(info.value) and "Verborgen" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


# --------------------------------------------------------------------------- local validation


@pytest.mark.parametrize(
    "invoke",
    [
        lambda c: c.company("1234567"),
        lambda c: c.company("123456789"),
        lambda c: c.company("1234567a"),
        lambda c: c.company("../../x1"),
        lambda c: c.establishments("abcdefgh"),
        lambda c: c.establishment("12345678"),
        lambda c: c.establishment("00003717859X"),
        lambda c: c.search(kvkNummer="1234"),
        lambda c: c.search(vestigingsnummer="123"),
        lambda c: c.search(rsin="12345678"),
        lambda c: c.search(),
        lambda c: c.search(pagina=2),
    ],
)
def test_local_validation_sends_nothing(
    router: respx.Router,
    make: Callable[..., KvkClient],
    invoke: Callable[[KvkClient], Awaitable[Any]],
) -> None:
    route = router.route().respond(200, json={})
    client = make()
    with pytest.raises(KvkBadRequest) as info:
        run(call(client, invoke))
    assert route.call_count == 0
    assert client.requests_made == 0
    assert info.value.status is None


# --------------------------------------------------------------------------- errors


def test_400_bad_request_with_code(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    route = router.get("/v1/basisprofielen/12345678").respond(
        400, json=fout("IPD0004", "Het KVK-nummer 12345678 is niet valide")
    )
    with pytest.raises(KvkBadRequest) as info:
        run(call(make(), lambda c: c.company("12345678")))
    assert info.value.code == "IPD0004"
    assert info.value.status == 400
    assert "IPD0004" in str(info.value)
    assert route.call_count == 1
    assert sleeper.calls == []


def test_error_body_not_json(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    router.get(ZOEKEN).respond(400, text="<html>Bad Request</html>")
    with pytest.raises(KvkBadRequest) as info:
        run(call(make(), lambda c: c.search(naam="x")))
    assert info.value.code is None and info.value.omschrijving is None


@pytest.mark.parametrize("status", [401, 403])
def test_auth_error_not_retried(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep, status: int
) -> None:
    route = router.get(ZOEKEN).respond(status, json=fout("IPD0001"))
    client = make()
    with pytest.raises(KvkAuthError) as info:
        run(call(client, lambda c: c.search(naam="x")))
    assert route.call_count == 1
    assert client.requests_made == 1
    assert sleeper.calls == []
    assert info.value.status == status
    assert KEY not in str(info.value)


def test_redirect_not_followed(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get(ZOEKEN).respond(302, headers={"Location": "https://elsewhere.example/x"})
    with pytest.raises(KvkResponseError) as info:
        run(call(make(), lambda c: c.search(naam="x")))
    assert route.call_count == 1
    assert info.value.status == 302


# --------------------------------------------------------------------------- retries


def test_429_retry_after_seconds(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    route = router.get(ZOEKEN).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "2"}),
            httpx.Response(200, json=load_data("kvk-zoeken-v2.json")),
        ]
    )
    client = make()
    results = run(call(client, lambda c: c.search(kvkNummer="68750110")))
    assert len(results) == 3
    assert sleeper.calls == [2.0]
    assert route.call_count == 2
    assert client.requests_made == 2


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 30.0),  # capped at max_retry_after
        (format_datetime(datetime.now(UTC) + timedelta(days=1), usegmt=True), 30.0),
        (format_datetime(datetime.now(UTC) - timedelta(days=1), usegmt=True), 0.0),
        ("not a date", 0.5),  # unusable: ordinary backoff
    ],
)
def test_retry_after_variants(
    router: respx.Router,
    make: Callable[..., KvkClient],
    sleeper: FakeSleep,
    header: str,
    expected: float,
) -> None:
    router.get(ZOEKEN).mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": header}),
            httpx.Response(200, json=page(1, 1, 1)),
        ]
    )
    assert len(run(call(make(), lambda c: c.search(naam="x")))) == 1
    assert sleeper.calls == [expected]


def test_retry_after_http_date_in_near_future(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=10), usegmt=True)
    router.get(ZOEKEN).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": when}),
            httpx.Response(200, json=page(1, 1, 1)),
        ]
    )
    run(call(make(), lambda c: c.search(naam="x")))
    (delay,) = sleeper.calls
    assert 7.0 <= delay <= 10.0


def test_503_exhausts_retries(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    route = router.get("/v1/basisprofielen/69599084").respond(503, json=fout("IPD1999"))
    client = make()
    with pytest.raises(KvkUnavailable) as info:
        run(call(client, lambda c: c.company("69599084")))
    assert route.call_count == 4  # first attempt + 3 retries
    assert client.requests_made == 4
    assert sleeper.calls == [0.5, 1.0, 2.0]
    assert info.value.status == 503
    assert info.value.code == "IPD1999"
    assert info.value.timeout is False


@pytest.mark.parametrize("status", [500, 502, 504])
def test_other_5xx_retried(
    router: respx.Router, make: Callable[..., KvkClient], status: int
) -> None:
    route = router.get(ZOEKEN).mock(
        side_effect=[httpx.Response(status), httpx.Response(200, json=page(1, 1, 1))]
    )
    assert len(run(call(make(), lambda c: c.search(naam="x")))) == 1
    assert route.call_count == 2


def test_temporarily_unavailable_code_retried(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    route = router.get(ZOEKEN).mock(
        side_effect=[
            httpx.Response(400, json=fout("IPD1002")),
            httpx.Response(200, json=page(1, 1, 1)),
        ]
    )
    assert len(run(call(make(), lambda c: c.search(naam="x")))) == 1
    assert route.call_count == 2


def test_retries_zero_means_single_attempt(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    route = router.get(ZOEKEN).respond(503)
    with pytest.raises(KvkUnavailable):
        run(call(make(retries=0), lambda c: c.search(naam="x")))
    assert route.call_count == 1
    assert sleeper.calls == []


def test_backoff_jitter_bounded(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    router.get(ZOEKEN).respond(500)
    with pytest.raises(KvkUnavailable):
        run(call(make(backoff=1.0, jitter=0.1, retries=2), lambda c: c.search(naam="x")))
    first, second = sleeper.calls
    assert 1.0 <= first <= 1.1
    assert 2.0 <= second <= 2.2


def test_truncated_json_then_success(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    good = json.dumps(load_data("kvk-vestigingsprofiel-v1.json"))
    route = router.get("/v1/vestigingsprofielen/000037178598").mock(
        side_effect=[
            httpx.Response(200, text=good[: len(good) // 2]),
            httpx.Response(200, text=good),
        ]
    )
    est = run(call(make(), lambda c: c.establishment("000037178598")))
    assert est.vestigingsnummer == "000037178598"
    assert route.call_count == 2
    assert sleeper.calls == [0.5]


def test_invalid_json_forever(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get(ZOEKEN).respond(200, text='{"pagina": 1, "resul')
    with pytest.raises(KvkUnavailable) as info:
        run(call(make(retries=2), lambda c: c.search(naam="x")))
    assert route.call_count == 3
    assert info.value.status == 200
    assert "invalid JSON" in str(info.value)


def test_timeout_retried_then_unavailable(
    router: respx.Router, make: Callable[..., KvkClient], sleeper: FakeSleep
) -> None:
    route = router.get(ZOEKEN).mock(side_effect=httpx.ReadTimeout("timed out"))
    client = make()
    with pytest.raises(KvkUnavailable) as info:
        run(call(client, lambda c: c.search(naam="x")))
    assert info.value.timeout is True
    assert info.value.status is None
    assert route.call_count == 4
    assert client.requests_made == 4
    assert sleeper.calls == [0.5, 1.0, 2.0]


def test_timeout_flag_reflects_last_failure(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    router.get(ZOEKEN).mock(side_effect=[httpx.ReadTimeout("t"), httpx.ConnectError("refused")])
    with pytest.raises(KvkUnavailable) as info:
        run(call(make(retries=1), lambda c: c.search(naam="x")))
    assert info.value.timeout is False
    assert "ConnectError" in str(info.value)


def test_connect_error_then_success(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    route = router.get(ZOEKEN).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=page(1, 2, 2))]
    )
    assert len(run(call(make(), lambda c: c.search(naam="x")))) == 2
    assert route.call_count == 2


class HangingTransport(httpx.AsyncBaseTransport):
    """Accepts the request and never answers (no httpx timeout applies here)."""

    def __init__(self) -> None:
        self.calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


def test_hanging_transport_ends_by_overall_deadline(sleeper: FakeSleep) -> None:
    transport = HangingTransport()
    client = KvkClient(BASE, KEY, transport=transport, timeout=0.05, retries=1, sleep=sleeper)

    async def go() -> None:
        async with client:
            await asyncio.wait_for(client.search(naam="x"), timeout=5)

    with pytest.raises(KvkUnavailable) as info:
        asyncio.run(go())
    assert info.value.timeout is True
    assert transport.calls == 2


def test_silent_server_ends_by_read_timeout(sleeper: FakeSleep) -> None:
    """A real loopback socket that accepts and never replies (default transport)."""

    async def go() -> tuple[KvkUnavailable, int]:
        release = asyncio.Event()
        handlers: list[asyncio.Task[None]] = []

        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            handlers.append(task)
            try:
                await reader.read(65536)
                await release.wait()
            finally:
                writer.close()

        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            async with KvkClient(
                f"http://127.0.0.1:{port}/api", KEY, timeout=0.2, retries=1, sleep=sleeper
            ) as client:
                try:
                    await asyncio.wait_for(client.company("69599084"), timeout=5)
                except KvkUnavailable as exc:
                    return exc, client.requests_made
                raise AssertionError("expected KvkUnavailable")
        finally:
            release.set()
            server.close()
            await server.wait_closed()
            await asyncio.gather(*handlers, return_exceptions=True)

    exc, made = asyncio.run(go())
    assert exc.timeout is True
    assert made == 2


# --------------------------------------------------------------------------- privacy


def test_query_values_never_in_errors_or_logs(
    router: respx.Router, make: Callable[..., KvkClient], caplog: pytest.LogCaptureFixture
) -> None:
    router.get(ZOEKEN).respond(
        500, json=fout("IPD9999", "Fout bij zoeken naar Jantje Zorgvuldig te Geheimstad")
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(KvkUnavailable) as info:
        run(
            call(
                make(retries=1),
                lambda c: c.search(naam="Jantje Zorgvuldig", plaats="Geheimstad"),
            )
        )
    text = str(info.value) + repr(info.value)
    for secret in ("Jantje", "Zorgvuldig", "Geheimstad", KEY):
        assert secret not in text
        assert secret not in caplog.text
    assert ZOEKEN in str(info.value)
    # httpx's own request line is still logged, without the query string
    assert any("HTTP Request" in r.getMessage() for r in caplog.records)
    assert info.value.omschrijving is not None and "Jantje" in info.value.omschrijving


def test_repr_hides_key(make: Callable[..., KvkClient]) -> None:
    client = make()
    assert KEY not in repr(client)
    run(client.aclose())


# --------------------------------------------------------------------------- lifecycle


def test_context_manager_closes(router: respx.Router, make: Callable[..., KvkClient]) -> None:
    router.get(ZOEKEN).respond(200, json=page(1, 1, 1))
    client = make()
    run(call(client, lambda c: c.search(naam="x")))
    with pytest.raises(RuntimeError):
        run(client.search(naam="x"))  # httpx refuses a closed client


def test_requests_made_counts_across_calls(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    router.get(ZOEKEN).mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(200, json=page(1, 1, 1)),
            httpx.Response(200, json=page(1, 1, 1)),
        ]
    )
    client = make()

    async def twice(c: KvkClient) -> None:
        await c.search(naam="a")
        await c.search(naam="b")

    run(call(client, twice))
    assert client.requests_made == 3


def test_concurrent_calls_share_client(
    router: respx.Router, make: Callable[..., KvkClient]
) -> None:
    router.get(path__regex=r"/v1/basisprofielen/\d{8}$").mock(
        side_effect=lambda req: httpx.Response(
            200, json={"kvkNummer": req.url.path.rsplit("/", 1)[1], "naam": "x"}
        )
    )
    numbers = [f"{n:08d}" for n in range(10)]

    async def many(c: KvkClient) -> list[str]:
        profiles = await asyncio.gather(*(c.company(n) for n in numbers))
        return [p.kvkNummer for p in profiles]

    client = make()
    assert run(call(client, many)) == numbers
    assert client.requests_made == 10


def test_errors_share_base_class() -> None:
    for cls in (KvkAuthError, KvkBadRequest, KvkNotFound, KvkUnavailable, KvkResponseError):
        assert issubclass(cls, KvkError)


def test_throttling_pauses_the_limiter_and_loses_no_request() -> None:
    from exposurecheck.ratelimit import RateLimiter

    now = [0.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    async def main() -> Any:
        limiter = RateLimiter(rate=10, concurrency=1, clock=lambda: now[0], sleep=fake_sleep)
        client = KvkClient("http://kvk.test/api", "key", retries=1, limiter=limiter,
                           sleep=fake_sleep, jitter=0)
        try:
            return await client.establishment("000012345678")
        finally:
            await client.aclose()

    with respx.mock(base_url="http://kvk.test/api") as mock:
        route = mock.get("/v1/vestigingsprofielen/000012345678")
        route.side_effect = [httpx.Response(429, headers={"Retry-After": "3"})] * 5 + [
            httpx.Response(200, json={"vestigingsnummer": "000012345678"})]
        establishment = asyncio.run(main())
    assert establishment.vestigingsnummer == "000012345678"
    assert route.call_count == 6  # five throttled answers did not use up the single retry
    assert sum(slept) >= 5 * 3  # every Retry-After was honoured through the limiter
