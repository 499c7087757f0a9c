"""A rate limit for the fake S2 server: answer 429 above ``requests`` per ``per`` seconds.

S2's documented limits are 100 requests per 5 minutes without a key (a shared pool) and 1
request per second with one (:data:`loaders.s2.pace.S2_LIMIT_WITHOUT_KEY` / ``_WITH_KEY``).
Tests scale the window (``per / scale``) to run a minutes-long build in seconds.

    s2.rate_limit = RateLimit(100, 300.0 / 60)   # keyless S2, the clock 60x faster
"""

from __future__ import annotations

import threading
import time
from collections import deque


class RateLimit:
    """A sliding window: a request is admitted when fewer than ``requests`` were admitted in
    the last ``per`` seconds; refused ones (429) do not count."""

    def __init__(self, requests: int, per: float, clock=time.monotonic):
        self.requests, self.per, self._clock = requests, per, clock
        self._admitted: deque[float] = deque()
        self._lock = threading.Lock()
        self.refused = 0

    def admit(self) -> bool:
        with self._lock:
            now = self._clock()
            while self._admitted and now - self._admitted[0] >= self.per:
                self._admitted.popleft()
            if len(self._admitted) >= self.requests:
                self.refused += 1
                return False
            self._admitted.append(now)
            return True
