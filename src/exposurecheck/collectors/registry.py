"""Which sources exist, which are configured, and how to build each one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from exposurecheck import __version__
from exposurecheck.collectors.interface import Collector, SourceNotConfiguredError
from exposurecheck.config import Config, Secrets
from exposurecheck.models import Roster, SourceId
from exposurecheck.ratelimit import RateLimiter


@dataclass(frozen=True)
class SourceContext:
    """Everything a collector is built from; tests inject the transport."""

    config: Config
    secrets: Secrets
    roster: Roster
    transport: httpx.AsyncBaseTransport | None = None
    use_cache: bool = True
    max_paid_requests: int | None = None  # KVK: stop making paid requests at this number
    estimate_only: bool = False  # KVK: make the free searches only, count the paid ones


def _build_kvk(context: SourceContext) -> Collector:
    from exposurecheck.collectors.kvk.client import KVK_PUBLISHED_RATE, KvkClient
    from exposurecheck.collectors.kvk.collector import KvkCollector

    if not context.secrets.kvk_api_key:
        raise SourceNotConfiguredError(
            "source 'kvk' needs an API key: set KVK_API_KEY (request one at developers.kvk.nl), "
            "or run 'exposurecheck demo' to try the bundled mock register")
    kvk = context.config.kvk
    client = KvkClient(kvk.url, context.secrets.kvk_api_key, transport=context.transport,
                       timeout=kvk.timeout, retries=kvk.retries,
                       user_agent=f"exposurecheck/{__version__}",
                       limiter=RateLimiter(kvk.rate_limit or KVK_PUBLISHED_RATE, kvk.concurrency),
                       max_paid_requests=context.max_paid_requests,
                       estimate_only=context.estimate_only)
    return KvkCollector(client, price_per_paid_request=kvk.price_per_request)


def _build_web(context: SourceContext) -> Collector:
    from exposurecheck.collectors.web import WebCollector
    from exposurecheck.web.fetch import Fetcher, FetchPolicy, default_cache_dir

    web = context.config.web
    policy = FetchPolicy(timeout=web.timeout, max_bytes=web.max_bytes,
                         max_document_bytes=web.max_document_bytes,
                         rate_limit=web.rate_limit, concurrency_per_host=web.concurrency_per_host,
                         cache_dir=default_cache_dir() if web.cache and context.use_cache
                         else None)
    return WebCollector(Fetcher(policy, transport=context.transport), context.roster.sites)


def _build_ori(context: SourceContext) -> Collector:
    from exposurecheck.collectors.ori.client import OriClient
    from exposurecheck.collectors.ori.collector import OriCollector

    ori = context.config.ori
    client = OriClient(ori.url, transport=context.transport, timeout=ori.timeout,
                       retries=ori.retries, user_agent=f"exposurecheck/{__version__}",
                       limiter=RateLimiter(ori.rate_limit, ori.concurrency))
    return OriCollector(client, max_hits=ori.max_hits)


def _ori_configured(context: SourceContext) -> bool:
    """Council documents are searched for a roster that names the officials' councils."""
    return any(o.organisation or o.ori_index for o in context.roster.officials)


def _web_configured(context: SourceContext) -> bool:
    """Web pages are read when the roster names some: per official or sites to crawl."""
    return bool(context.roster.sites) or any(o.urls for o in context.roster.officials)


@dataclass(frozen=True)
class _SourceEntry:
    configured: Callable[[SourceContext], bool]
    build: Callable[[SourceContext], Collector]


SOURCES: dict[SourceId, _SourceEntry] = {
    SourceId.KVK: _SourceEntry(lambda c: bool(c.secrets.kvk_api_key), _build_kvk),
    SourceId.WEB: _SourceEntry(_web_configured, _build_web),
    SourceId.ORI: _SourceEntry(_ori_configured, _build_ori),
}


def configured_sources(context: SourceContext) -> list[SourceId]:
    return [source for source, entry in SOURCES.items() if entry.configured(context)]


def build_collectors(sources: Sequence[SourceId] | None,
                     context: SourceContext) -> list[Collector]:
    """Build the chosen sources, or every configured one when none were chosen."""
    chosen = list(sources) if sources else configured_sources(context)
    if not chosen:
        raise SourceNotConfiguredError(
            "no source is configured: set KVK_API_KEY for the KVK Handelsregister, "
            "or run 'exposurecheck demo' to try the bundled mock register")
    return [SOURCES[source].build(context) for source in dict.fromkeys(chosen)]
