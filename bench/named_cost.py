"""``python -m bench.named_cost``: what ``dense_keeps_names`` costs an ``ask``, measured per question.

Every question of the chosen suite sets is asked twice through ``Assistant.ask`` over the set's
cached index, once with the setting on and once off, in alternating order, each time with the
embedder's query cache emptied (so each ask pays its own e5 calls, as a new question does).
Prints the median ``ask`` time both ways over all questions and over the questions that name a
document (the only ones the setting changes), and how many those are.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.named_cost --cache /work/cache/retrieval
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from assistant.config import Settings
from bench.retrieval import load_sets

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.named_cost", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--sets", default="dev,dev2,written-agreement,byggfaq")
    p.add_argument("--limit", type=int, default=120, help="questions at most (spread evenly)")
    args = p.parse_args(argv)
    asked = load_sets(args.sets.split(","), args.cache, Settings())
    step = max(1, len(asked) // args.limit)
    times: dict[bool, list[float]] = {True: [], False: []}
    named: dict[bool, list[float]] = {True: [], False: []}
    for i, (_, assistant, q) in enumerate(asked[::step]):
        assistant.ask(q.question)  # warm: analysis tables, sentence table pages
        names = bool(assistant.analyze(q.question).documents)
        for on in (True, False) if i % 2 else (False, True):
            assistant.retriever.dense_keeps_names = on
            assistant.index.embeddings.query_vector._cache.clear()
            started = time.perf_counter()
            assistant.ask(q.question)
            ms = (time.perf_counter() - started) * 1000
            times[on].append(ms)
            if names:
                named[on].append(ms)
    for label, data in (("all", times), ("naming a document", named)):
        if data[True]:
            on, off = statistics.median(data[True]), statistics.median(data[False])
            print(f"{label}: n={len(data[True])} ask p50 off {off:.1f} ms, on {on:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
