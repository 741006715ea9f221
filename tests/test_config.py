from __future__ import annotations

from pathlib import Path

import pytest

from exposurecheck.config import (
    ConfigError,
    find_config,
    load_config,
    load_secrets,
    mask_secret,
    render_config,
)
from exposurecheck.i18n import Lang
from exposurecheck.models import Severity, SourceId

TOML = """
[tool.exposurecheck]
sources = ["kvk"]
lang = "nl"
fail_on = "high"
concurrency = 3

[tool.exposurecheck.kvk]
rate_limit = 5
"""


def test_pyproject_table_is_found_and_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n" + TOML, encoding="utf-8")
    path = find_config(tmp_path)
    assert path == tmp_path / "pyproject.toml"
    config = load_config(path, env={})
    assert config.sources == (SourceId.KVK,)
    assert (config.lang, config.fail_on, config.concurrency) == (Lang.NL, Severity.HIGH, 3)
    assert config.kvk.rate_limit == 5 and config.kvk.retries == 3


def test_exposurecheck_toml_wins_and_pyproject_without_table_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    assert find_config(tmp_path) is None
    (tmp_path / "exposurecheck.toml").write_text("concurrency = 2\n", encoding="utf-8")
    assert load_config(find_config(tmp_path), env={}).concurrency == 2


def test_environment_sets_the_kvk_url_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "exposurecheck.toml"
    path.write_text('[kvk]\nurl = "https://file.example/api"\n', encoding="utf-8")
    config = load_config(path, env={"EXPOSURECHECK_KVK_URL": "http://127.0.0.1:9/api"})
    assert config.kvk.url == "http://127.0.0.1:9/api"


@pytest.mark.parametrize(("content", "expected"), [
    ("concurrency = 0\n", "'concurrency'"),
    ("colour = 'blue'\n", "'colour'"),
    ("[kvk]\napi_key = 'secret'\n", "'kvk.api_key'"),
    ("lang = \n", "not valid TOML"),
])
def test_bad_settings_name_file_and_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "exposurecheck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(path) in str(caught.value) and expected in str(caught.value)


def test_config_show_masks_the_key() -> None:
    secrets = load_secrets({"KVK_API_KEY": "l7xx1f2691f2520d487b902f4e0b57a0b197"})
    text = render_config(load_config(None, env={}), secrets, None)
    assert "l7xx1f2691f2520d487b902f4e0b57a0b197" not in text
    assert "********b197" in text and "[tool.exposurecheck.kvk]" in text
    assert mask_secret(None) == "(not set)" and mask_secret("short") == "********"


def test_the_document_size_cap_is_a_web_setting(tmp_path: Path) -> None:
    (tmp_path / "exposurecheck.toml").write_text(
        "[tool.exposurecheck.web]\nmax_document_bytes = 50000\n", encoding="utf-8")
    config = load_config(find_config(tmp_path), env={})
    assert (config.web.max_document_bytes, config.web.max_bytes) == (50_000, 2_000_000)
