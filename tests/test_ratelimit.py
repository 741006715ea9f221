from __future__ import annotations

import asyncio

from exposurecheck.ratelimit import RateLimiter


def test_concurrent_callers_never_exceed_the_rate_and_pause_pushes_back() -> None:
    """With the clock standing still, each caller waits for its own slot, 1/rate apart."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 9))
        await asyncio.sleep(0)

    async def main() -> None:
        limiter = RateLimiter(rate=50, concurrency=3, clock=lambda: 0.0, sleep=sleep)

        async def request() -> None:
            async with limiter.slot():
                pass

        await asyncio.gather(*(request() for _ in range(6)))
        limiter.pause(0.2)
        await request()

    asyncio.run(main())
    assert waits == [0.02, 0.04, 0.06, 0.08, 0.1, 0.2]


class _Simulation:
    """A fake clock and a server that answers 429 above `allowed` requests a rolling second."""

    def __init__(self, allowed: int) -> None:
        self.now = 0.0
        self.allowed = allowed
        self.served: list[float] = []
        self.throttled = 0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds

    def answer(self, limiter: RateLimiter) -> bool:
        recent = [t for t in self.served[-self.allowed - 1:] if t > self.now - 1.0]
        if len(recent) >= self.allowed:
            self.throttled += 1
            limiter.throttled(1.0)  # Retry-After: 1
            return False
        self.served.append(self.now)
        limiter.accepted()
        return True


def _drive(allowed: int, requests: int) -> tuple[_Simulation, RateLimiter]:
    sim = _Simulation(allowed)
    limiter = RateLimiter(100, concurrency=1, clock=sim.clock, sleep=sim.sleep)

    async def main() -> None:
        for _ in range(requests):
            while True:  # a throttled request is sent again, never lost
                async with limiter.slot():
                    if sim.answer(limiter):
                        break

    asyncio.run(main())
    return sim, limiter


def test_a_server_that_allows_50_per_second_is_used_at_close_to_50() -> None:
    sim, limiter = _drive(allowed=50, requests=3000)
    assert len(sim.served) == 3000
    assert sim.now <= 1.25 * 3000 / 50, sim.now
    assert 40 <= limiter.rate <= 52
    assert sim.throttled < 40  # it learns the limit instead of hitting it all the time


def test_a_server_that_allows_more_never_sees_more_than_the_ceiling() -> None:
    sim, limiter = _drive(allowed=200, requests=2000)
    assert sim.throttled == 0 and limiter.rate == 100
    worst = max(sum(1 for t in sim.served if start <= t < start + 1.0)
                for start in sim.served)
    assert worst <= 101
    assert sim.now <= 1.25 * 2000 / 100


def test_the_rate_probes_back_up_after_a_throttle() -> None:
    sim = _Simulation(allowed=1000)
    limiter = RateLimiter(100, clock=sim.clock, sleep=sim.sleep)
    limiter.throttled(0.0)
    lowered = limiter.rate
    assert lowered < 100
    for _ in range(200):
        sim.now += 1.0
        limiter.accepted()
    assert limiter.rate == 100 > lowered
