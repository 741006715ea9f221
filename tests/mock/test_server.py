"""The mock Handelsregister over a real socket on 127.0.0.1."""

from __future__ import annotations

import json
import time
from http.server import ThreadingHTTPServer

import httpx
import pytest

from exposurecheck.mock.api import DEMO_API_KEY, Dispatch, FaultPlan, MockHandelsregister
from exposurecheck.mock.register import load_register
from exposurecheck.mock.server import running_server, serve

KEY = {"apikey": DEMO_API_KEY}


def test_serves_the_api_over_http() -> None:
    mock = MockHandelsregister(load_register())
    with running_server(mock=mock) as base, httpx.Client(headers=KEY, timeout=5) as client:
        assert base.startswith("http://127.0.0.1:") and base.endswith("/api")
        search = client.get(f"{base}/v2/zoeken", params={"naam": "Çelik"})
        assert search.status_code == 200
        assert search.headers["content-type"] == "application/hal+json"
        body = search.json()
        assert [r["naam"] for r in body["resultaten"]] == ["O. Celik Vertalingen"]
        assert body["_links"]["self"]["href"].startswith(f"{base}/v2/zoeken?naam=")
        profile_href = body["resultaten"][0]["_links"]["vestigingsprofiel"]["href"]
        assert profile_href.startswith(base)
        profile = client.get(profile_href)
        assert profile.status_code == 200
        assert profile.json()["eersteHandelsnaam"] == "O. Celik Vertalingen"
        missing = client.get(f"{base}/v2/zoeken", params={"naam": "niemand hier"})
        assert missing.status_code == 404
        assert missing.json()["fout"][0]["code"] == "IPD5200"
        assert missing.headers["content-type"] == "application/json"
    assert mock.requests_served == 3


def test_apikey_required_over_http() -> None:
    with running_server(api_key="s3cret") as base, httpx.Client(timeout=5) as client:
        assert client.get(f"{base}/v2/zoeken", params={"naam": "advies"}).status_code == 401
        ok = client.get(f"{base}/v2/zoeken", params={"naam": "advies"},
                        headers={"apikey": "s3cret"})
        assert ok.status_code == 200
        assert ok.json()["totaal"] > 10


def test_shielded_profile_over_http() -> None:
    with running_server() as base, httpx.Client(headers=KEY, timeout=5) as client:
        rows = client.get(f"{base}/v2/zoeken", params={"naam": "Emma Dijkstra"}).json()[
            "resultaten"]
        assert rows[0]["adres"]["binnenlandsAdres"]["type"] == "postadres"
        profile = client.get(rows[0]["_links"]["vestigingsprofiel"]["href"]).json()
        assert {"type": "bezoekadres", "indAfgeschermd": "Ja"} in profile["adressen"]
        assert "Oudestraat" not in json.dumps(profile)


def test_stops_on_exit() -> None:
    with running_server() as base:
        assert httpx.get(f"{base}/v2/zoeken", params={"naam": "celik"}, headers=KEY,
                         timeout=5).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base}/v2/zoeken", params={"naam": "celik"}, headers=KEY, timeout=2)


def test_hang_stalls_until_the_client_times_out() -> None:
    plan = FaultPlan(failure_rate=1.0, kinds=("hang",), hang_seconds=2.0)
    with running_server(faults=plan) as base, pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{base}/v2/zoeken", params={"naam": "celik"}, headers=KEY, timeout=0.3)


def test_truncated_body_over_http() -> None:
    plan = FaultPlan(failure_rate=1.0, kinds=("truncated",))
    with running_server(faults=plan) as base:
        response = httpx.get(f"{base}/v2/zoeken", params={"naam": "advies"}, headers=KEY,
                             timeout=5)
        assert response.status_code == 200
        with pytest.raises(json.JSONDecodeError):
            response.json()


def test_rate_limit_and_latency_over_http() -> None:
    with running_server(rate_limit=1.0) as base, httpx.Client(headers=KEY, timeout=5) as client:
        first = client.get(f"{base}/v2/zoeken", params={"naam": "celik"})
        second = client.get(f"{base}/v2/zoeken", params={"naam": "celik"})
        assert first.status_code == 200
        assert second.status_code == 429
        assert int(second.headers["Retry-After"]) >= 1
        assert second.json()["fout"][0]["code"] == "429"
    with running_server(latency=0.2) as base:
        start = time.monotonic()
        response = httpx.get(f"{base}/v2/zoeken", params={"naam": "celik"}, headers=KEY,
                             timeout=5)
        assert response.status_code == 200
        assert time.monotonic() - start >= 0.2


def test_never_logs_query_strings(capfd: pytest.CaptureFixture[str]) -> None:
    with running_server() as base, httpx.Client(headers=KEY, timeout=5) as client:
        client.get(f"{base}/v2/zoeken", params={"naam": "Sanne Mulder"})
        client.get(f"{base}/v2/zoeken", params={"postcode": "8011VM", "huisnummer": 7})
        client.get(f"{base}/v2/zoeken", params={"postcode": "8011VM"})  # a 400
        client.get(f"{base}/geen/pad?naam=Sanne")  # a 404
    out, err = capfd.readouterr()
    assert "Sanne" not in out + err
    assert "8011VM" not in out + err
    assert "zoeken" not in out + err


def test_serve_closes_the_socket_on_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []

    def interrupted(self: object, poll_interval: float = 0.5) -> None:
        raise KeyboardInterrupt

    original_close = ThreadingHTTPServer.server_close

    def close(self: ThreadingHTTPServer) -> None:
        closed.append(True)
        original_close(self)

    monkeypatch.setattr(ThreadingHTTPServer, "serve_forever", interrupted)
    monkeypatch.setattr(ThreadingHTTPServer, "server_close", close)
    serve(port=0, register=load_register())
    assert closed == [True]


class _Broken(MockHandelsregister):
    def dispatch(self, request: httpx.Request) -> Dispatch:
        raise RuntimeError(f"boom for {request.url}")


def test_a_failing_handler_answers_500_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    with running_server(mock=_Broken(load_register())) as base:
        response = httpx.get(f"{base}/v2/zoeken", params={"naam": "Sanne Mulder"}, headers=KEY,
                             timeout=5)
    assert response.status_code == 500
    assert response.json()["fout"][0]["code"] == "IPD9999"
    out, err = capfd.readouterr()
    assert "Sanne" not in out + err and "boom" not in out + err
