"""The contract every source implements, so new sources slot in beside KVK."""

from __future__ import annotations

from typing import Protocol

from exposurecheck.models import Finding, Frozen, NotRead, Official, SourceError, SourceId


class CollectorResult(Frozen):
    """What one source found for one official, including what it could not check."""

    source: SourceId
    findings: tuple[Finding, ...] = ()
    errors: tuple[SourceError, ...] = ()
    not_read: tuple[NotRead, ...] = ()


class Collector(Protocol):
    source: SourceId

    async def collect(self, official: Official) -> CollectorResult:
        """Check one official; never raise for a source failure, return it as an error."""
        ...

    async def aclose(self) -> None: ...


class SourceNotConfiguredError(Exception):
    """A source was asked for but cannot run (e.g. no API key): bad usage, exit 2."""
