"""Exact behaviour of the public rate limiter on a fake clock (no sleeping)."""

from __future__ import annotations

import threading

import pytest

from assistant.ratelimit import Limited, PublicGate, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill_at_the_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)  # one token a second
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.take("a") == pytest.approx(1.0)
    clock.now += 0.5
    assert limiter.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.take("a") == 0.0
    assert limiter.take("a") == pytest.approx(1.0)


def test_clients_are_limited_separately():
    limiter = RateLimiter(per_minute=60, burst=1, clock=Clock())
    assert limiter.take("a") == 0.0
    assert limiter.take("a") > 0
    assert limiter.take("b") == 0.0


def test_zero_rate_means_unlimited():
    limiter = RateLimiter(per_minute=0, burst=1, clock=Clock())
    assert all(limiter.take("a") == 0.0 for _ in range(100))


def test_gate_reports_retry_after_in_whole_seconds():
    gate = PublicGate(per_minute=6, burst=1, concurrency=2)  # a token every 10 s
    with gate.admit("x"):
        pass
    with pytest.raises(Limited) as info, gate.admit("x"):
        pass
    assert 9 <= info.value.retry_after <= 10


def test_gate_bounds_concurrent_public_requests():
    gate = PublicGate(per_minute=0, burst=1, concurrency=1, queue_wait=0.05)
    inside = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with gate.admit("a"):
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    assert inside.wait(5)
    with pytest.raises(Limited, match="busy"), gate.admit("b"):
        pass
    release.set()
    worker.join(5)
    with gate.admit("b"):
        pass
