"""The in-process fixture web site."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from exposurecheck.mock.web import FixtureSite
from exposurecheck.resources import fixtures_dir

SITE = Path(__file__).with_name("site")


def get(site: FixtureSite, url: str) -> httpx.Response:
    with httpx.Client(transport=site.transport()) as client:
        return client.get(url)


def test_serves_index_for_root_and_directories() -> None:
    site = FixtureSite(SITE)
    root = get(site, "http://site.example/")
    assert root.status_code == 200
    assert root.headers["content-type"] == "text/html; charset=utf-8"
    assert "<title>Gemeente Voorbeeld</title>" in root.text
    for url in ("http://site.example/nieuws", "http://site.example/nieuws/"):
        assert "<title>Nieuws</title>" in get(site, url).text


def test_any_host_serves_the_same_files() -> None:
    site = FixtureSite(SITE)
    assert get(site, "https://elders.example:8443/over.html").text == get(
        site, "http://site.example/over.html").text


def test_content_types() -> None:
    site = FixtureSite(SITE)
    cafe = get(site, "http://site.example/cafe.cp1252.html")
    assert cafe.headers["content-type"] == "text/html; charset=windows-1252"
    assert "Café De Brug € 5,00 “koffie”" in cafe.text  # httpx decodes by the header
    assert get(site, "http://site.example/robots.txt").headers["content-type"] == "text/plain"
    assert get(site, "http://site.example/nieuws/bericht.txt").headers[
        "content-type"].startswith("text/plain")


def test_missing_files_are_an_html_404() -> None:
    response = get(FixtureSite(SITE), "http://site.example/ontbreekt.html")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "Not found" in response.text


@pytest.mark.parametrize("path", [
    "/../test_mock_site.py",
    "/%2e%2e/test_mock_site.py",
    "/team/%2E%2E/%2E%2E/test_mock_site.py",
    "/..%2ftest_mock_site.py",
    "/%00index.html",
    "/outside",
    "/linked/",
])
def test_never_serves_outside_root(tmp_path: Path, path: str) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "index.html").write_text("<p>in</p>")
    (tmp_path / "test_mock_site.py").write_text("secret")
    (tmp_path / "outside").write_text("secret")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "index.html").write_text("secret")
    (root / "outside").symlink_to(tmp_path / "outside")
    (root / "linked").symlink_to(tmp_path / "dir")
    site = FixtureSite(root)
    response = site.handle(httpx.Request("GET", f"http://site.example{path}"))
    assert response.status_code == 404
    assert b"secret" not in response.content
    assert site.handle(httpx.Request("GET", "http://site.example/")).content == b"<p>in</p>"


def test_transport_works_for_async_clients() -> None:
    async def main() -> httpx.Response:
        async with httpx.AsyncClient(transport=FixtureSite(SITE).transport()) as client:
            return await client.get("http://site.example/over.html")

    response = asyncio.run(main())
    assert response.status_code == 200
    assert "Het college" in response.text


def test_default_root_is_the_bundled_site() -> None:
    assert FixtureSite().root == (fixtures_dir() / "web" / "site").resolve()
