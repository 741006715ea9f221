from __future__ import annotations

import asyncio
import itertools
import time

from exposurecheck.ratelimit import RateLimiter


def test_concurrent_callers_never_exceed_the_rate_and_pause_pushes_back() -> None:
    starts: list[float] = []

    async def main() -> None:
        limiter = RateLimiter(rate=50, concurrency=3)

        async def request() -> None:
            async with limiter.slot():
                starts.append(time.monotonic())

        await asyncio.gather(*(request() for _ in range(6)))
        limiter.pause(0.2)
        await request()

    asyncio.run(main())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 7
    assert all(gap >= 0.02 - 0.003 for gap in gaps[:5]), gaps
    assert gaps[5] >= 0.2 - 0.003
