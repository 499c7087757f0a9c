"""Client-side pacing and retry policy: an adaptive request-rate limiter, exponential backoff
with jitter, a run-wide retry budget, and the pace a run achieved (kept for the next plan).

The limiter spaces request starts ``1/rate`` seconds apart and can be told to hold everyone back
(after a 429 the whole client waits, not just the request that got it). It adapts: it starts at
the pace asked for (by default a little under S2's documented allowance), halves the rate on
each 429 and wins it back slowly, a twentieth of the starting rate per answered request, never
above where it started.

    limiter = Limiter(rate=1.0)   # 1 request/s; rate=0 means no limit
    await limiter.wait()
    limiter.throttled()           # a 429: 0.5 request/s from now on
    limiter.succeeded()           # an answer: 0.55 request/s
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

#: S2's documented limits: with a key 1 request/s; without one, 100 requests per 5 minutes from
#: a pool all keyless callers share
S2_LIMIT_WITH_KEY = (1, 1.0)
S2_LIMIT_WITHOUT_KEY = (100, 300.0)
DEFAULT_PACE_WITH_KEY = 1.0
#: 90% of the keyless allowance (1/3 request/s): timing jitter stays under the limit
DEFAULT_PACE_WITHOUT_KEY = 0.3
#: a 429 multiplies the rate by this; each answer adds this share of the starting rate back
BACK_OFF = 0.5
RECOVERY = 0.05
#: the rate never falls under this share of where it started
FLOOR = 1 / 64


def effective_pace(pace: float | None, has_key: bool) -> float:
    """Requests per second to use: the configured pace, else 1/s with a key and 0.3/s without.

    >>> effective_pace(None, has_key=True), effective_pace(None, has_key=False), effective_pace(0, False)
    (1.0, 0.3, 0)
    """
    if pace is not None:
        return pace
    return DEFAULT_PACE_WITH_KEY if has_key else DEFAULT_PACE_WITHOUT_KEY


class Limiter:
    """Spaces request starts at least ``1/rate`` seconds apart (shared by concurrent tasks),
    adapting the rate to 429s (see the module doc).

    >>> limiter = Limiter(rate=2.0)
    >>> limiter.throttled(); limiter.throttled(); limiter.rate
    0.5
    >>> for _ in range(5): limiter.succeeded()
    >>> limiter.rate, limiter.throttles
    (1.0, 2)
    """

    def __init__(self, rate: float, clock=time.monotonic):
        self.ceiling = rate if rate and rate > 0 else 0.0
        self.rate = self.ceiling
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self.throttles = 0
        self.started = 0
        self._first: float | None = None
        self._clock = clock
        self._next = 0.0
        self._lock: asyncio.Lock | None = None
        self._stopped: asyncio.Event | None = None

    def _set_rate(self, rate: float) -> None:
        if self.ceiling:
            self.rate = round(min(self.ceiling, max(self.ceiling * FLOOR, rate)), 9)
            self.interval = 1.0 / self.rate

    def throttled(self) -> None:
        """S2 answered 429: slow down multiplicatively."""
        self.throttles += 1
        self._set_rate(self.rate * BACK_OFF)

    def succeeded(self) -> None:
        """S2 answered: win back a little of the starting rate."""
        if self.rate < self.ceiling:
            self._set_rate(self.rate + self.ceiling * RECOVERY)

    def achieved(self) -> float | None:
        """Requests started per second since the first one (None before two)."""
        if self._first is None or self.started < 2:
            return None
        elapsed = self._clock() - self._first
        return (self.started - 1) / elapsed if elapsed > 0 else None

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
            if self._stopped.is_set():
                return  # released, not started: the pace achieved counts requests S2 saw
            self._next = max(self._clock(), self._next) + self.interval
            self.started += 1
            if self._first is None:
                self._first = self._clock()

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


#: where a run leaves the pace it achieved, beside the response cache
PACE_FILE = "pace.json"
#: a remembered pace older than this is not trusted for a plan
PACE_MEMORY_SECONDS = 24 * 3600
#: a run this short says little about the pace S2 allows
PACE_SAMPLE = 10


def remembered_pace(cache_dir: Path, has_key: bool, now: float | None = None) -> float | None:
    """The requests/s the last paced run achieved (with or without a key), if recent.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> remember_pace(d, False, 0.21, now=1000.0); remembered_pace(d, False, now=2000.0)
    0.21
    >>> remembered_pace(d, True, now=2000.0) is None, remembered_pace(d, False, now=1e9) is None
    (True, True)
    """
    try:
        entry = json.loads((cache_dir / PACE_FILE).read_text())[
            "with_key" if has_key else "without_key"
        ]
        rate, at = float(entry["rate"]), float(entry["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    now = time.time() if now is None else now
    return rate if rate > 0 and now - at < PACE_MEMORY_SECONDS else None


def remember_pace(cache_dir: Path, has_key: bool, rate: float, now: float | None = None) -> None:
    """Keep ``rate`` as the pace achieved (see :func:`remembered_pace`); never fails a run."""
    path = cache_dir / PACE_FILE
    try:
        data = json.loads(path.read_text()) if path.exists() else {}
        data["with_key" if has_key else "without_key"] = {
            "rate": round(rate, 4),
            "at": time.time() if now is None else now,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data))
    except (OSError, ValueError):
        pass
