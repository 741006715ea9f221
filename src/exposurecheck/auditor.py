"""The audit core: run every collector for every official, keep every outcome."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from exposurecheck import __version__
from exposurecheck.collectors.interface import Collector, CollectorResult, MetersKvkUsage
from exposurecheck.i18n import Lang
from exposurecheck.models import (
    Official,
    OfficialId,
    OfficialResult,
    Report,
    Roster,
    SourceError,
    SourceErrorKind,
    ToolInfo,
    Usage,
)
from exposurecheck.recommendations import recommend


@dataclass(frozen=True)
class AuditOptions:
    lang: Lang = Lang.EN
    concurrency: int = 8
    source_timeout: float = 300.0


ProgressCallback = Callable[[OfficialResult], None]


class Auditor:
    def __init__(self, collectors: Sequence[Collector], options: AuditOptions,
                 on_result: ProgressCallback | None = None) -> None:
        self._collectors = tuple(collectors)
        self._options = options
        self._on_result = on_result

    async def audit(self, roster: Roster,
                    done: Mapping[OfficialId, OfficialResult] | None = None) -> Report:
        """Audit every official not already in `done` (results from a checkpoint)."""
        limit = asyncio.Semaphore(self._options.concurrency)
        done = done or {}

        async def one(official: Official) -> OfficialResult:
            if official.id in done:
                return done[official.id]
            async with limit:
                result = await self._audit_official(official)
            if self._on_result is not None:
                self._on_result(result)
            return result

        results = await asyncio.gather(*(one(o) for o in roster.officials))
        return Report(generated_at=datetime.now(UTC), tool=ToolInfo(version=__version__),
                      lang=self._options.lang.value, redacted=False,
                      sources=tuple(c.source for c in self._collectors),
                      officials=tuple(results), usage=self.usage())

    def usage(self) -> Usage:
        """What this run spent; an estimate run asks the same of its collectors."""
        kvk = next((c.usage() for c in self._collectors if isinstance(c, MetersKvkUsage)), None)
        return Usage(kvk=kvk)

    async def _audit_official(self, official: Official) -> OfficialResult:
        outcomes = await asyncio.gather(*(self._run(c, official) for c in self._collectors))
        findings = tuple(
            f.model_copy(update={"recommendations": recommend(f, self._options.lang,
                                                              official.role)})
            for outcome in outcomes for f in outcome.findings)
        return OfficialResult(
            id=official.id, name=official.name, role=official.role,
            organisation=official.organisation,
            sources=tuple(c.source for c in self._collectors), findings=findings,
            errors=tuple(e for outcome in outcomes for e in outcome.errors),
            not_read=tuple(n for outcome in outcomes for n in outcome.not_read))

    async def _run(self, collector: Collector, official: Official) -> CollectorResult:
        """A collector that hangs or crashes is recorded for this official, never dropped."""
        try:
            return await asyncio.wait_for(collector.collect(official),
                                          self._options.source_timeout)
        except TimeoutError:
            error = SourceError(source=collector.source, kind=SourceErrorKind.TIMEOUT,
                                message=f"gave no answer within {self._options.source_timeout:g} s")
        except Exception as exc:
            error = SourceError(source=collector.source, kind=SourceErrorKind.FAILED,
                                message=f"internal error ({type(exc).__name__})")
        return CollectorResult(source=collector.source, errors=(error,))
