"""Pace requests to one host: a steady rate, a bound on concurrency, and a pause on 429.

The rate adapts to what the server allows. A 429 pauses every request (Retry-After), and
sets the rate just below what the server accepted in the second before; from there the rate
probes back up, first slowly and then faster while no 429 comes, towards the ceiling (the
configured or published limit), which it never exceeds. So a server that allows 50 requests
a second is used at close to 50, one that allows more is never sent more than the ceiling,
and no request is lost to a 429.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

WINDOW = 1.0  # seconds over which the accepted rate is measured
BACK_OFF = 0.95  # after a 429: this share of the rate the server accepted
PROBE_EVERY = 5.0  # seconds between two steps up
PROBE_STEP = 0.01  # the first step up adds 1% to the rate; each further step doubles that
MAX_PROBE_STEP = 0.25
MIN_RATE = 0.5  # never slower than a request every two seconds


class RateLimiter:
    """A token bucket with a burst of one, shared by every request to a host.

    Each request reserves the next free time slot (1/rate apart), so concurrent
    callers never exceed the rate together; `pause` pushes every later slot back
    when the server says so, without dropping a request. Callers report answers
    with `accepted` and `throttled` so the rate can adapt.
    """

    def __init__(self, rate: float, concurrency: int = 4, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        if rate <= 0 or concurrency < 1:
            raise ValueError("rate must be > 0 and concurrency >= 1")
        self.ceiling = rate
        self.rate = rate
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(concurrency)
        self._accepted: deque[float] = deque()
        self._paused_until = float("-inf")
        self._next_probe = float("inf")
        self._step = PROBE_STEP
        self.throttled_count = 0

    @property
    def interval(self) -> float:
        return 1.0 / self.rate

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
        until = self._clock() + seconds
        self._next = max(self._next, until)
        self._paused_until = max(self._paused_until, until)

    def accepted(self) -> None:
        """The server answered without throttling: count it, and probe upwards in time."""
        now = self._clock()
        self._accepted.append(now)
        self._forget(now)
        if self.rate < self.ceiling and now >= self._next_probe:
            self.rate = min(self.ceiling, self.rate * (1 + self._step))
            self._step = min(MAX_PROBE_STEP, self._step * 2)
            self._next_probe = now + PROBE_EVERY

    def throttled(self, seconds: float) -> None:
        """A 429: pause everyone for `seconds`, and slow down to what was accepted.

        Several requests in flight are throttled together; only the first of them
        (before the pause ends) lowers the rate.
        """
        now = self._clock()
        self.throttled_count += 1
        if now < self._paused_until:
            self.pause(seconds)
            return
        self._forget(now)
        since = max(now - WINDOW, self._paused_until)
        measured = now - since
        if measured >= WINDOW / 4 and self._accepted:
            target = BACK_OFF * len(self._accepted) / measured
        else:
            target = self.rate / 2
        self.rate = max(MIN_RATE, min(self.rate * BACK_OFF, target))
        self.pause(seconds)
        self._step = PROBE_STEP
        self._next_probe = self._paused_until + PROBE_EVERY

    def _forget(self, now: float) -> None:
        horizon = max(now - WINDOW, self._paused_until)
        while self._accepted and self._accepted[0] <= horizon:
            self._accepted.popleft()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Parse ``Retry-After`` (delta-seconds or HTTP-date); None when unusable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None  # reject NaN
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def pace(limiter: RateLimiter | None) -> AbstractAsyncContextManager[None]:
    """The limiter's next slot, or no wait for a client that is not paced."""
    return limiter.slot() if limiter is not None else nullcontext()


def retry_delay(attempt: int, retry_after: float | None, *, backoff: float, ceiling: float,
                jitter: float = 0.1) -> float:
    """Seconds before a retry: the server's Retry-After, else `backoff * 2**attempt` plus up
    to `jitter` of that; never more than `ceiling`."""
    if retry_after is not None:
        return min(retry_after, ceiling)
    base = backoff * 2.0**attempt
    if jitter > 0:
        base += random.uniform(0.0, base * jitter)
    return min(base, ceiling)
