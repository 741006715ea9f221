"""Pace requests to one host: a steady rate, a bound on concurrency, and a pause on 429."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager


class RateLimiter:
    """A token bucket with a burst of one, shared by every request to a host.

    Each request reserves the next free time slot (1/rate apart), so concurrent
    callers never exceed the rate together; `pause` pushes every later slot back
    when the server says so (429 with Retry-After), without dropping a request.
    """

    def __init__(self, rate: float, concurrency: int = 4, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        if rate <= 0 or concurrency < 1:
            raise ValueError("rate must be > 0 and concurrency >= 1")
        self.interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(concurrency)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            async with self._lock:
                now = self._clock()
                start = max(now, self._next)
                self._next = start + self.interval
            if start > now:
                await self._sleep(start - now)
            yield

    def pause(self, seconds: float) -> None:
        self._next = max(self._next, self._clock() + seconds)
