"""Timing helpers and the embedding floor."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

__all__ = ["Latency", "floor", "latency", "raw_throughput"]


@dataclass
class Latency:
    """Milliseconds over ``n`` calls."""

    n: int
    p50: float
    p95: float
    mean: float

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        ms = np.asarray(seconds) * 1000
        return cls(
            len(ms), *(round(float(x), 2) for x in (*np.percentile(ms, [50, 95]), ms.mean()))
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def latency(call: Callable[[str], object], questions: Iterable[str]) -> Latency:
    times = []
    for q in questions:
        started = time.perf_counter()
        call(q)
        times.append(time.perf_counter() - started)
    return Latency.of(times)


def floor(embed: Callable[[str], Any], collection: Any, questions: list[str], k: int) -> Latency:
    """One query embedding by the raw model plus one raw Chroma query: less than this no
    system on the same model and store can do per question."""

    def one(q: str) -> None:
        vector = np.asarray(embed(q), dtype=np.float32)
        collection.query(query_embeddings=[vector.tolist()], n_results=k)

    one(questions[0])  # first call pays lazy initialisation in Chroma
    return latency(one, questions)


def raw_throughput(embed_batch: Callable[[list[str]], object], texts: list[str]) -> float:
    """Texts per second of the bare embedder in batches of 32 (what indexing could reach)."""
    if not texts:
        return 0.0
    embed_batch(texts[:4])  # warm-up
    started = time.perf_counter()
    for i in range(0, len(texts), 32):
        embed_batch(texts[i : i + 32])
    return len(texts) / (time.perf_counter() - started)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3) if values else float("nan")
