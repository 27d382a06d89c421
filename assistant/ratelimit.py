"""Limits for the public surface (widget and HTTP API): per-client rate and shared concurrency.

Each client (by address) has a token bucket: ``burst`` questions at once, refilled at
``per_minute``. Public requests also share a small pool of concurrent slots, so however busy the
widget is, the staff chat keeps the rest of the machine.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["RateLimiter", "PublicGate", "Limited"]

_MAX_CLIENTS = 10_000


class Limited(Exception):
    """A request over its limit; ``retry_after`` is whole seconds (for the Retry-After header)."""

    def __init__(self, retry_after: int, reason: str) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.reason = reason


class RateLimiter:
    """Token buckets per client key; memory stays bounded by forgetting the oldest clients."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Spend one token for ``key``; 0.0 if allowed, else the seconds until one is free."""
        if self.rate <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, stamp = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[key] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > _MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait


class PublicGate:
    """Rate limit plus a bounded number of public requests answered at once."""

    def __init__(self, per_minute: float, burst: int, concurrency: int, queue_wait: float = 5.0):
        self.limiter = RateLimiter(per_minute, burst)
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._queue_wait = queue_wait

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        wait = self.limiter.take(client)
        if wait > 0:
            raise Limited(math.ceil(wait), "Too many questions from this address; try again soon.")
        if not self._slots.acquire(timeout=self._queue_wait):
            raise Limited(2, "The assistant is busy; try again in a moment.")
        try:
            yield
        finally:
            self._slots.release()
