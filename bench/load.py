"""Load: many concurrent clients asking the public surface for a while: ``/api/ask`` and the
widget's Gradio queue (what the widget's page sends).

``python -m bench.load [--url URL] [--clients 50] [--seconds 60]``: without ``--url`` it starts
``assistant serve`` over the existing index (``ASSISTANT_INDEX_DIR``) on two free loopback ports,
public and staff (the staff app is not loaded here; a fixed staff port could clash with a
running server), with the per-client limits off, since every client here shares one address,
and stops it afterwards. ``--url`` is the public app's base URL. Prints requests, errors,
p50/p95.

The widget's events are private (``gradio_client``'s ``view_api`` on ``/widget/`` lists no
endpoint, by design: the public app exposes no named API), so the Gradio share joins the queue
the way the page does: the question box's submit event, found in ``/widget/config``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.procs import free_port, stop, wait_http

__all__ = ["LoadResult", "run_load", "serve", "widget_clients"]

QUESTIONS = [
    "what did Ludvika commit to regarding elevkulturombud",
    "Vad gör regionen inom Skapande skola?",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
    "Is it free to borrow books at the public library?",
    "What is the capital of Norway?",
]
WIDGET_QUESTION = "av-widget-question"  # elem_id of the widget's question box


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
    """`assistant serve` on free loopback ports (public and staff); yields the public base URL."""
    port, staff_port = free_port(), free_port()
    env = dict(
        os.environ,
        ASSISTANT_RATE_LIMIT_PER_MINUTE="0",
        ASSISTANT_PUBLIC_REQUESTS_PER_MINUTE="0",
        ASSISTANT_STAFF_HOST="127.0.0.1",
        **(env or {}),
    )
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--staff-port", str(staff_port)],
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


def _widget_fn(config: dict[str, Any]) -> int:
    """The dependency the widget's question box runs on submit (the page's ``fn_index``)."""
    ids = {
        c["id"]
        for c in config["components"]
        if c.get("props", {}).get("elem_id") == WIDGET_QUESTION
    }
    for i, dep in enumerate(config["dependencies"]):
        if any(t[0] in ids and t[1] == "submit" for t in dep.get("targets", [])):
            return int(dep.get("id", i))
    raise LookupError(f"the widget has no submit event on #{WIDGET_QUESTION}")


def _widget_ask(client: httpx.Client, fn: int, question: str) -> int:
    """One question through the widget's queue, to the end of its streamed answer; the status
    of the join (429/503 when limited), or 200 when the answer completed, 0 when it failed."""
    session = uuid.uuid4().hex[:11]
    # The page's inputs: question, chat history, turns, fixed document, language.
    data = [question, [], [], None, "sv"]
    joined = client.post(
        "/widget/gradio_api/queue/join",
        json={"data": data, "fn_index": fn, "session_hash": session, "event_data": None},
    )
    if joined.status_code != 200:
        return joined.status_code
    params = {"session_hash": session}
    with client.stream("GET", "/widget/gradio_api/queue/data", params=params) as stream:
        for line in stream.iter_lines():
            if not line.startswith("data:"):
                continue
            msg = json.loads(line[5:])
            if msg.get("msg") == "process_completed":
                return 200 if msg.get("success") else 0
            if msg.get("msg") in ("close_stream", "unexpected_error"):
                return 0
    return 0


def _gradio_client(url: str, stop: float, result: LoadResult, lock: threading.Lock, n: int) -> None:
    with httpx.Client(base_url=url, timeout=120) as client:
        try:
            fn = _widget_fn(client.get("/widget/config").json())
        except (httpx.HTTPError, ValueError, LookupError, KeyError):
            _record(result, lock, 0, 0.0)
            return
        i = n
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status = _widget_ask(client, fn, QUESTIONS[i % len(QUESTIONS)])
            except (httpx.HTTPError, ValueError):
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


def widget_clients(clients: int, gradio_share: float) -> int:
    """How many of ``clients`` go through the widget's queue (4 clients at 0.2: one)."""
    return min(clients, round(clients * gradio_share))


def run_load(url: str, clients: int, seconds: float, gradio_share: float = 0.2) -> LoadResult:
    """``clients`` threads for ``seconds``: most on /api/ask, a share through the widget's
    Gradio queue."""
    result, lock = LoadResult(), threading.Lock()
    stop = time.monotonic() + seconds
    n_gradio = widget_clients(clients, gradio_share)
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
    widget = widget_clients(args.clients, 0.2)
    print(
        f"{args.clients} clients ({widget} through the widget's queue) for "
        f"{args.seconds:.0f} s: {result.summary()}"
    )
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
