"""Load: many concurrent clients asking the HTTP API and the Gradio queue for a while.

``python -m bench.load [--url URL] [--clients 50] [--seconds 60]``: without ``--url`` it starts
``assistant serve`` on a free loopback port over the existing index (rate limit off, since every
client here shares one address) and stops it afterwards. Prints requests, errors, p50/p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from bench.procs import free_port, stop, wait_http

__all__ = ["LoadResult", "run_load", "serve"]

QUESTIONS = [
    "what did Ludvika commit to regarding elevkulturombud",
    "Vad gör regionen inom Skapande skola?",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
    "Is it free to borrow books at the public library?",
    "What is the capital of Norway?",
]


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    limited: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(q) - 1]

    def summary(self) -> str:
        return (
            f"{self.requests} requests, {self.errors} errors, {self.limited} rate-limited; "
            f"p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms; "
            f"statuses {dict(sorted(self.statuses.items()))}"
        )


@contextmanager
def serve(env: dict[str, str] | None = None, timeout: float = 90.0) -> Iterator[str]:
    """`assistant serve` on a free loopback port; yields its base URL."""
    port = free_port()
    env = dict(os.environ, ASSISTANT_RATE_LIMIT_PER_MINUTE="0", **(env or {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_http(url, proc, timeout, path="/api/health"):
            if proc.poll() is not None:
                raise RuntimeError(f"assistant serve exited with {proc.returncode}")
            raise RuntimeError(f"assistant serve did not answer within {timeout:.0f} s")
        yield url
    finally:
        stop(proc, timeout=20)


def _api_client(url: str, stop: float, result: LoadResult, lock: threading.Lock, n: int) -> None:
    with httpx.Client(base_url=url, timeout=60) as client:
        i = n
        while time.monotonic() < stop:
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            started = time.perf_counter()
            try:
                status = client.post("/api/ask", json={"question": question}).status_code
            except httpx.HTTPError:
                status = 0
            _record(result, lock, status, time.perf_counter() - started)


def _gradio_client(url: str, stop: float, result: LoadResult, lock: threading.Lock, n: int) -> None:
    from gradio_client import Client

    client = Client(f"{url}/", verbose=False)
    i = n
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            client.predict(QUESTIONS[i % len(QUESTIONS)], api_name="/ask")
            status = 200
        except Exception:
            status = 0
        i += 1
        _record(result, lock, status, time.perf_counter() - started)


def _record(result: LoadResult, lock: threading.Lock, status: int, seconds: float) -> None:
    with lock:
        result.requests += 1
        result.statuses[status] = result.statuses.get(status, 0) + 1
        if status == 429:
            result.limited += 1
        elif status != 200:
            result.errors += 1
        else:
            result.latencies.append(seconds)


def run_load(url: str, clients: int, seconds: float, gradio_share: float = 0.2) -> LoadResult:
    """``clients`` threads for ``seconds``: most on /api/ask, a share through the Gradio queue."""
    result, lock = LoadResult(), threading.Lock()
    stop = time.monotonic() + seconds
    n_gradio = int(clients * gradio_share)
    threads = [
        threading.Thread(
            target=_gradio_client if i < n_gradio else _api_client,
            args=(url, stop, result, lock, i),
            daemon=True,
        )
        for i in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--url", help="a running server; default: start one here")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    if args.url:
        result = run_load(args.url, args.clients, args.seconds)
    else:
        with serve() as url:
            result = run_load(url, args.clients, args.seconds)
    print(f"{args.clients} clients for {args.seconds:.0f} s: {result.summary()}")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
