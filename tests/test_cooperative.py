"""CPU-bound work in a thread ends when the source that runs it times out."""

from __future__ import annotations

import asyncio
import threading

import pytest

from exposurecheck.auditor import AuditOptions, Auditor
from exposurecheck.collectors.interface import CollectorResult
from exposurecheck.cooperative import checkpoint, in_thread
from exposurecheck.models import Official, OfficialId, Roster, SourceErrorKind, SourceId

from tests.support import spin_until_stopped


class _Endless:
    """A source whose matching never ends on its own (a hostile page, say)."""

    source = SourceId.WEB

    def __init__(self) -> None:
        self.ended = threading.Event()

    async def collect(self, official: Official) -> CollectorResult:
        await in_thread(spin_until_stopped, self.ended)
        return CollectorResult(source=self.source)

    async def aclose(self) -> None:
        return None


def test_a_timed_out_source_is_recorded_and_its_thread_ends() -> None:
    collector = _Endless()
    auditor = Auditor([collector], AuditOptions(source_timeout=0.05))
    roster = Roster(officials=(Official(id=OfficialId("t-1"), name="Jan Jansen"),))
    report = asyncio.run(auditor.audit(roster))
    (error,) = report.officials[0].errors
    assert (error.source, error.kind) == (SourceId.WEB, SourceErrorKind.TIMEOUT)
    assert collector.ended.wait(2.0)  # the thread stopped at its next checkpoint


def test_work_that_is_not_abandoned_returns_its_result() -> None:
    async def main() -> int:
        return await in_thread(lambda a, b: a + b, 2, 3)

    assert asyncio.run(main()) == 5


def test_a_checkpoint_outside_in_thread_never_stops_anything() -> None:
    checkpoint()  # no caller to give up: plain synchronous use is unaffected


def test_errors_of_the_work_reach_the_caller() -> None:
    def fail() -> None:
        raise ValueError("boom")

    async def main() -> None:
        await in_thread(fail)

    with pytest.raises(ValueError, match="boom"):
        asyncio.run(main())
