"""Per-``ask`` latency and the call counts behind it, on a small synthetic corpus.

``python -m bench.ask_profile`` (``--help``): ``make bench``'s probes (``bench.questions``,
the dev set's questions with fictional municipalities) asked of N synthetic agreements
(``bench.corpus``), embedded for real into a kept folder so that runs of two versions of the
code, back to back, meet the same index. Each timing pass is a fresh ``Assistant`` (its own
query-embedding cache) after one warm-up question; the profile pass is one more, under
cProfile, and counts the calls of the functions asked for (default: the English rendering's
inflected-sense search ``bilingual._inflected``). With ``--cached-vectors`` every pass shares
one embedder whose query cache an untimed pass over the same probes filled: the time is then the
pipeline's own (analysis, retrieval, the decision), which the embedder's share would drown on a
busy machine. Not part of ``make bench``: a quick check of one change's cost, minutes instead of
``make bench``'s quarter hour.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import time
from pathlib import Path
from typing import Any

from assistant import Assistant
from assistant.embeddings import E5Embeddings
from bench import REPO_DIR
from bench.corpus import generate
from bench.measure import Latency
from bench.ours import build, settings_for
from bench.questions import load_dev, probes

__all__ = ["main", "profile_probes", "timed_probes"]

TEMPLATE = REPO_DIR / "corpus" / "overenskommelse-ludvika-region-dalarna-2019-2022.txt"
_WARM_UP = "Vilka områden omfattar överenskommelsen?"


def timed_probes(settings: Any, questions: list[str], embeddings: Any = None) -> Latency:
    """Milliseconds per ``ask`` over ``questions`` (a fresh Assistant, after one warm-up)."""
    assistant = Assistant(settings, embeddings=embeddings or E5Embeddings())
    assistant.ask(_WARM_UP)
    seconds = []
    for q in questions:
        started = time.perf_counter()
        assistant.ask(q)
        seconds.append(time.perf_counter() - started)
    return Latency.of(seconds)


def profile_probes(
    settings: Any, questions: list[str], counted: list[str], embeddings: Any = None
) -> dict[str, Any]:
    """Calls (and cumulative ms per ask) of the functions named ``module.py:name`` in
    ``counted``, over ``questions`` under cProfile (a fresh Assistant, after one warm-up)."""
    assistant = Assistant(settings, embeddings=embeddings or E5Embeddings())
    assistant.ask(_WARM_UP)
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        assistant.ask(q)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    out: dict[str, Any] = {}
    for wanted in counted:
        file, name = wanted.split(":")
        calls = cum = 0.0
        for (path, _line, func), (_cc, n, _tt, ct, _callers) in stats.items():
            if func == name and path.endswith(f"/assistant/{file}"):
                calls, cum = calls + n, cum + ct
        out[wanted] = {"calls": int(calls), "ms_per_ask": round(cum / len(questions) * 1000, 2)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ask_profile", description=__doc__)
    parser.add_argument("--agreements", type=int, default=3, help="synthetic agreements")
    parser.add_argument("--probes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3, help="timing passes (fresh Assistant)")
    parser.add_argument("--dir", type=Path, required=True, help="kept corpus and index folder")
    parser.add_argument("--dev", type=Path, default=REPO_DIR.parent / "shared/eval/dev.jsonl")
    parser.add_argument("--cached-vectors", action="store_true", help="time without e5 (above)")
    parser.add_argument(
        "--count", nargs="*", default=["bilingual.py:_inflected", "bilingual.py:rendering_parts"]
    )
    args = parser.parse_args(argv)
    corpus, index = args.dir / "corpus", args.dir / "index"
    settings = settings_for(corpus, index)
    if not corpus.is_dir():
        generate(args.agreements, corpus, TEMPLATE)
        build(settings, E5Embeddings())
    # The questions ``make bench`` profiles: after its ask, search and memory probes.
    n = args.probes
    questions = probes(load_dev(args.dev), n, 2 * n + 20)
    shared = E5Embeddings() if args.cached_vectors else None
    reader = Assistant(settings, embeddings=shared or E5Embeddings())
    english = sum(reader.analyze(q).language == "en" for q in questions)
    if shared is not None:
        for q in questions:  # every text ``ask`` embeds goes into the shared query cache
            reader.ask(q)
    passes = [timed_probes(settings, questions, shared) for _ in range(args.runs)]
    result = {
        "probes": n,
        "english": english,
        "cached_vectors": shared is not None,
        "load": [round(x, 2) for x in os.getloadavg()],
        "ask_ms": [p.to_dict() for p in passes],
        "profile": profile_probes(settings, questions, args.count, shared),
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
