"""Which sources exist, which are configured, and how to build each one."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import httpx

from exposurecheck import __version__
from exposurecheck.collectors.interface import Collector, SourceNotConfiguredError
from exposurecheck.models import SourceId

KVK_DEFAULT_URL = "https://api.kvk.nl/api"


@dataclass(frozen=True)
class SourceSettings:
    """Everything a collector needs from outside; secrets come from the environment only."""

    kvk_url: str = KVK_DEFAULT_URL
    kvk_api_key: str | None = None
    timeout: float = 10.0
    retries: int = 3

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SourceSettings:
        env = os.environ if env is None else env
        return cls(kvk_url=env.get("EXPOSURECHECK_KVK_URL") or KVK_DEFAULT_URL,
                   kvk_api_key=env.get("KVK_API_KEY") or None)


def _kvk_configured(settings: SourceSettings) -> bool:
    return bool(settings.kvk_api_key)


def _build_kvk(settings: SourceSettings, transport: httpx.AsyncBaseTransport | None) -> Collector:
    from exposurecheck.collectors.kvk.client import KvkClient
    from exposurecheck.collectors.kvk.collector import KvkCollector

    if not settings.kvk_api_key:
        raise SourceNotConfiguredError(
            "source 'kvk' needs an API key: set KVK_API_KEY (request one at developers.kvk.nl), "
            "or run 'exposurecheck demo' to try the bundled mock register")
    client = KvkClient(settings.kvk_url, settings.kvk_api_key, transport=transport,
                       timeout=settings.timeout, retries=settings.retries,
                       user_agent=f"exposurecheck/{__version__}")
    return KvkCollector(client)


@dataclass(frozen=True)
class _SourceEntry:
    configured: Callable[[SourceSettings], bool]
    build: Callable[[SourceSettings, httpx.AsyncBaseTransport | None], Collector]


SOURCES: dict[SourceId, _SourceEntry] = {
    SourceId.KVK: _SourceEntry(_kvk_configured, _build_kvk),
}


def configured_sources(settings: SourceSettings) -> list[SourceId]:
    return [source for source, entry in SOURCES.items() if entry.configured(settings)]


def build_collectors(sources: Sequence[SourceId] | None, settings: SourceSettings,
                     transport: httpx.AsyncBaseTransport | None = None) -> list[Collector]:
    """Build the chosen sources, or every configured one when none were chosen."""
    chosen = list(sources) if sources else configured_sources(settings)
    if not chosen:
        raise SourceNotConfiguredError(
            "no source is configured: set KVK_API_KEY for the KVK Handelsregister, "
            "or run 'exposurecheck demo' to try the bundled mock register")
    return [SOURCES[source].build(settings, transport) for source in dict.fromkeys(chosen)]
