"""Settings from `exposurecheck.toml` or `[tool.exposurecheck]` in pyproject.toml.

Precedence: command-line flags, then the environment (the KVK and ORI base URLs and
secrets), then the file, then built-in defaults. Secrets never come from the
file: an API key belongs in the environment, not in a repository.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exposurecheck.i18n import Lang
from exposurecheck.models import Severity, SourceId
from exposurecheck.reporters.interface import OutputFormat

KVK_DEFAULT_URL = "https://api.kvk.nl/api"
ORI_DEFAULT_URL = "https://api.openraadsinformatie.nl/v1/elastic"
CONFIG_FILE = "exposurecheck.toml"


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KvkConfig(_Section):
    url: str = KVK_DEFAULT_URL
    timeout: float = Field(default=10.0, gt=0)
    retries: int = Field(default=3, ge=0, le=10)
    rate_limit: float | None = Field(
        default=None, gt=0, description="requests per second at most (default: KVK's own "
                                        "published limit, 100)")
    concurrency: int = Field(default=16, ge=1, le=64)
    price_per_request: float = Field(default=0.019, ge=0,
                                     description="EUR per paid (profile) request")


class WebConfig(_Section):
    timeout: float = Field(default=10.0, gt=0)
    rate_limit: float = Field(default=2.0, gt=0, description="requests per second per host")
    concurrency_per_host: int = Field(default=2, ge=1, le=16)
    max_bytes: int = Field(default=2_000_000, ge=10_000)
    max_document_bytes: int = Field(default=20_000_000, ge=10_000,
                                    description="size cap of a PDF, DOCX or ODT file")
    cache: bool = True


class OriConfig(_Section):
    url: str = ORI_DEFAULT_URL
    timeout: float = Field(default=20.0, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    rate_limit: float = Field(default=5.0, gt=0, description="requests per second at most "
                                                              "(ORI publishes no limit)")
    concurrency: int = Field(default=2, ge=1, le=16)
    max_hits: int = Field(default=500, ge=1, le=10_000,
                          description="documents read per official; more is incomplete")


class ScrubConfig(_Section):
    public: tuple[str, ...] = Field(
        default=(), description="the organisation's own addresses, numbers and e-mail "
                                "addresses (or '@domain'): never a finding in scan or scrub")
class EvidenceConfig(_Section):
    tsa_url: str | None = Field(default=None, description="RFC 3161 timestamp authority")
    tsa_certificates: str | None = Field(
        default=None, description="PEM file with the authority's root (and intermediate) "
                                  "certificates, to verify its timestamps")


class Config(_Section):
    sources: tuple[SourceId, ...] = ()
    lang: Lang | None = None
    fail_on: Severity = Severity.LOW
    format: OutputFormat = OutputFormat.TABLE
    concurrency: int = Field(default=8, ge=1, le=256)
    redact: bool = True
    kvk: KvkConfig = KvkConfig()
    web: WebConfig = WebConfig()
    ori: OriConfig = OriConfig()
    scrub: ScrubConfig = ScrubConfig()
    evidence: EvidenceConfig = EvidenceConfig()


class Secrets(_Section):
    kvk_api_key: str | None = None


class ConfigError(Exception):
    """The configuration file is unreadable or invalid: bad input, exit 2."""


def find_config(cwd: Path) -> Path | None:
    for candidate in (cwd / CONFIG_FILE, cwd / "pyproject.toml"):
        if candidate.is_file() and (candidate.name == CONFIG_FILE or _has_tool_table(candidate)):
            return candidate
    return None


def load_config(path: Path | None, env: Mapping[str, str] | None = None) -> Config:
    """The file's settings (or defaults), with the KVK and ORI base URLs from the environment
    on top."""
    env = os.environ if env is None else env
    data: dict[str, Any] = _read(path) if path is not None else {}
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = [f"{path}: '{'.'.join(str(p) for p in e['loc'])}': {e['msg']}"
                    for e in exc.errors(include_input=False, include_url=False)]
        raise ConfigError("\n".join(problems)) from None
    if env.get("EXPOSURECHECK_KVK_URL"):
        config = config.model_copy(update={
            "kvk": config.kvk.model_copy(update={"url": env["EXPOSURECHECK_KVK_URL"]})})
    if env.get("EXPOSURECHECK_ORI_URL"):
        config = config.model_copy(update={
            "ori": config.ori.model_copy(update={"url": env["EXPOSURECHECK_ORI_URL"]})})
    return config


def load_secrets(env: Mapping[str, str] | None = None) -> Secrets:
    env = os.environ if env is None else env
    return Secrets(kvk_api_key=env.get("KVK_API_KEY") or None)


def render_config(config: Config, secrets: Secrets, path: Path | None) -> str:
    """`config show`: the effective settings as TOML, secrets masked."""
    lines = [f"# effective configuration (file: {path or 'none'})", "[tool.exposurecheck]"]
    lines += _toml_items({k: v for k, v in config.model_dump(mode="json").items()
                          if not isinstance(v, dict)})
    for section in ("kvk", "web", "ori", "scrub", "evidence"):
        lines += ["", f"[tool.exposurecheck.{section}]"]
        lines += _toml_items(config.model_dump(mode="json")[section])
    lines += ["", "# secrets, from the environment"]
    lines.append(f"# KVK_API_KEY = {mask_secret(secrets.kvk_api_key)}")
    return "\n".join(lines) + "\n"


def mask_secret(secret: str | None) -> str:
    """Enough to tell which key is in use, never enough to use it."""
    if not secret:
        return "(not set)"
    return "********" + (secret[-4:] if len(secret) >= 16 else "")


def _toml_items(values: Mapping[str, Any]) -> list[str]:
    out = []
    for key, value in values.items():
        if value is None:
            out.append(f"# {key} = (default)")
        elif isinstance(value, bool):
            out.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            out.append(f"{key} = {value}")
        elif isinstance(value, list):
            out.append(f"{key} = [{', '.join(f'{chr(34)}{v}{chr(34)}' for v in value)}]")
        else:
            out.append(f'{key} = "{value}"')
    return out


def _has_tool_table(path: Path) -> bool:
    try:
        return "exposurecheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("exposurecheck", {})
        return section if isinstance(section, dict) else {}
    tool = data.get("tool", {}).get("exposurecheck")
    return tool if isinstance(tool, dict) else data
