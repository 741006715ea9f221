from __future__ import annotations

import asyncio

import pytest

from exposurecheck.once import Once


def test_concurrent_callers_share_one_run_and_its_error() -> None:
    runs: list[str] = []

    async def work(key: str) -> str:
        runs.append(key)
        await asyncio.sleep(0.01)
        if key == "bad":
            raise ValueError("boom")
        return key.upper()

    async def main() -> None:
        once: Once[str, str] = Once()
        results = await asyncio.gather(*(once.get("a", lambda: work("a")) for _ in range(5)))
        assert results == ["A"] * 5
        for _ in range(2):
            with pytest.raises(ValueError):
                await once.get("bad", lambda: work("bad"))

    asyncio.run(main())
    assert runs == ["a", "bad"]


def test_cancel_stops_work_still_running() -> None:
    async def main() -> bool:
        once: Once[str, None] = Once()
        started = asyncio.ensure_future(once.get("slow", lambda: asyncio.sleep(60)))
        await asyncio.sleep(0)
        await once.cancel()
        with pytest.raises(asyncio.CancelledError):
            await started
        return True

    assert asyncio.run(main())
