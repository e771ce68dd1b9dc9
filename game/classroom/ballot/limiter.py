"""A limit on how many requests one device may make: a token bucket per device token.

Why: a page left polling, a stuck key or a pupil's script must not crowd out the class. Each
device may burst `capacity` requests and then `rate` a second. Only the random token the browser
carries is a key here, in memory, for as long as the room is open: never an address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass
class _Bucket:
    tokens: float
    at: float


class Limiter:
    """Allows a device `capacity` requests at once, refilled at `rate` a second."""

    MAX_DEVICES = 2000
    """Buckets kept at most; beyond it the fullest (idle) ones are forgotten first."""

    def __init__(self, capacity: int = 30, rate: float = 4.0,
                 clock: Callable[[], float] | None = None):
        import time
        self.capacity = capacity
        self.rate = rate
        self.clock = clock or time.monotonic
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, device: str) -> bool:
        """Whether `device` may make a request now (and count it if so)."""
        now = self.clock()
        bucket = self._buckets.get(device)
        if bucket is None:
            if len(self._buckets) >= self.MAX_DEVICES:
                self._forget_idle(now)
            bucket = self._buckets[device] = _Bucket(float(self.capacity), now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_idle(self, now: float) -> None:
        """Drop the buckets that have filled up again: their devices lose nothing."""
        full = [d for d, b in self._buckets.items()
                if b.tokens + (now - b.at) * self.rate >= self.capacity]
        for device in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[device]
