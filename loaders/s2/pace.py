"""Client-side pacing and retry policy: a request-rate limiter, exponential backoff with jitter,
and a run-wide retry budget.

The limiter spaces request starts ``1/rate`` seconds apart and can be told to hold everyone back
(after a 429 the whole client waits, not just the request that got it).

    limiter = Limiter(rate=1.0)   # 1 request/s; rate=0 means no limit
    await limiter.wait()
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass

DEFAULT_PACE_WITH_KEY = 1.0
#: S2's shared unauthenticated pool is small; stay well under it
DEFAULT_PACE_WITHOUT_KEY = 0.3


def effective_pace(pace: float | None, has_key: bool) -> float:
    """Requests per second to use: the configured pace, else 1/s with a key and 0.3/s without.

    >>> effective_pace(None, has_key=True), effective_pace(None, has_key=False), effective_pace(0, False)
    (1.0, 0.3, 0)
    """
    if pace is not None:
        return pace
    return DEFAULT_PACE_WITH_KEY if has_key else DEFAULT_PACE_WITHOUT_KEY


class Limiter:
    """Spaces request starts at least ``1/rate`` seconds apart (shared by concurrent tasks)."""

    def __init__(self, rate: float, clock=time.monotonic):
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self._clock = clock
        self._next = 0.0
        self._lock: asyncio.Lock | None = None
        self._stopped: asyncio.Event | None = None

    async def wait(self) -> None:
        """Wait for this caller's turn; returns at once for everyone after :meth:`stop`."""
        if self._lock is None:
            self._lock, self._stopped = asyncio.Lock(), asyncio.Event()
        async with self._lock:
            delay = self._next - self._clock()
            if delay > 0 and not self._stopped.is_set():
                try:
                    await asyncio.wait_for(self._stopped.wait(), delay)
                except TimeoutError:
                    pass
            self._next = max(self._clock(), self._next) + self.interval

    def stop(self) -> None:
        """Release every waiting caller: the run has stopped asking S2 (unreachable, say), so
        nobody should sit out a pacing delay before noticing."""
        if self._stopped is not None:
            self._stopped.set()

    def hold(self, seconds: float) -> None:
        """Make every caller wait at least ``seconds`` from now (after a 429)."""
        self._next = max(self._next, self._clock() + seconds)


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": half the step fixed, half random, so retries
    from many clients spread out but never hammer back immediately.

    >>> 0.5 <= backoff_delay(0, 1.0, 60.0, random.Random(1)) <= 1.0
    True
    """
    step = min(cap, base * (2**attempt))
    return step / 2 + rng.uniform(0, step / 2)


@dataclass
class RetryBudget:
    """Retries allowed for the whole run; when spent, failures are final at the first attempt."""

    total: int
    used: int = 0

    def take(self) -> bool:
        if self.used >= self.total:
            return False
        self.used += 1
        return True

    @property
    def left(self) -> int:
        return max(0, self.total - self.used)
