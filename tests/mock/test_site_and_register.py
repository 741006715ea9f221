"""`fixtures serve` serves the fixture web site next to the mock Handelsregister."""

from __future__ import annotations

import httpx

from exposurecheck.mock.api import DEMO_API_KEY
from exposurecheck.mock.server import running_server
from exposurecheck.mock.web import FixtureSite


def test_site_at_the_root_and_the_api_under_api() -> None:
    with running_server(site=FixtureSite()) as base_url:
        root = base_url.removesuffix("/api")
        page = httpx.get(f"{root}/", timeout=5)
        robots = httpx.get(f"{root}/robots.txt", timeout=5)
        api = httpx.get(f"{base_url}/v2/zoeken", params={"naam": "Berg"},
                        headers={"apikey": DEMO_API_KEY}, timeout=5)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Disallow" in robots.text
    assert api.status_code == 200 and api.json()["totaal"] >= 1
