"""``python -m bench.retrieval``: retrieval alone (R@1, R@3, MRR@10, ms per search) over the suite.

Asks each answerable question of a suite set through ``Assistant.search`` (question analysis +
``HybridRetriever.search``, as ``assistant eval`` does) over the set's cached index, and prints one
row per set and language. Retriever parameters can be overridden (``-p sentence_weight=0``) to
compare variants in one process; the time is the median wall time of ``HybridRetriever.search`` per question
(the question's vectors are embedded on the first of ``--repeat`` runs and cached after, so use
``--repeat 1`` for the cost a new question pays).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.retrieval --cache /work/cache/english \
        --sets dev2,byggfaq -p translation_weight=0.5
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.evaluate import EvalQuestion, _relevant, load_questions
from assistant.suite import corpus_index, load_suite

__all__ = ["Asked", "load_sets", "ranks", "summarise"]

SUITE = Path(__file__).resolve().parent.parent / "eval" / "suite.toml"
Asked = tuple[str, Any, EvalQuestion]  # (set name, Assistant, question)


def load_sets(names: Iterable[str] | None, cache: Path | None, settings: Settings) -> list[Asked]:
    """Every answerable question of the chosen sets, with the Assistant over its corpus."""
    from assistant.embeddings import make_embeddings

    wanted = set(names) if names else None
    embeddings = make_embeddings(settings)
    out: list[Asked] = []
    for s in load_suite(SUITE):
        if (wanted and s.name not in wanted) or s.missing:
            continue
        for questions, folders in s.parts:
            assistant = corpus_index(folders, settings, cache, embeddings)
            out += [(s.name, assistant, q) for q in load_questions(questions) if q.answerable]
    return out


def ranks(asked: list[Asked], params: dict[str, Any], k: int = 10) -> list[dict[str, Any]]:
    """The evidence's rank (None if not in the first ``k``) and the search time of each question."""
    rows = []
    for name, assistant, q in asked:
        retriever = assistant.retriever
        for key, value in params.items():
            setattr(retriever, key, value)
        # As ``Assistant.search``; only the retriever's part is timed (analysis is not ours).
        query = assistant.analyze(q.question)
        source = query.documents[0] if len(query.documents) == 1 else None
        started = time.perf_counter()
        passages = retriever.search(query, k=k, source=source)
        ms = (time.perf_counter() - started) * 1000
        rank = next((i for i, p in enumerate(passages) if _relevant(p.text, q.evidence)), None)
        rows.append({"set": name, "lang": q.lang, "id": q.id, "rank": rank, "ms": ms})
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, float]]:
    """R@1, R@3, MRR@10 and median ms per (set, language) and (set, "all")."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        for lang in (r["lang"], "all"):
            groups.setdefault((r["set"], lang), []).append(r)
    out = {}
    for key, rs in sorted(groups.items()):
        found = [r["rank"] for r in rs]
        out[key] = {
            "n": len(rs),
            "R@1": sum(x is not None and x < 1 for x in found) / len(rs),
            "R@3": sum(x is not None and x < 3 for x in found) / len(rs),
            "MRR@10": sum(1 / (x + 1) for x in found if x is not None) / len(rs),
            "ms": statistics.median(r["ms"] for r in rs),
        }
    return out


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--sets", help="comma-separated set names (default: all)")
    p.add_argument("-p", "--param", action="append", default=[], help="retriever attr=value")
    p.add_argument("--lang", help="only questions in this language (sv, en)")
    p.add_argument("--repeat", type=int, default=1, help="runs; the last is reported")
    p.add_argument("--json", type=Path, help="also write per-question rows here")
    args = p.parse_args(argv)
    params = {k: _value(v) for k, v in (a.split("=", 1) for a in args.param)}
    asked = load_sets(args.sets.split(",") if args.sets else None, args.cache, Settings())
    asked = [a for a in asked if args.lang in (None, a[2].lang)]
    for _ in range(args.repeat):
        rows = ranks(asked, params)
    print("| set | lang | n | R@1 | R@3 | MRR@10 | ms p50 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for (name, lang), m in summarise(rows).items():
        print(
            f"| {name} | {lang} | {m['n']} | {m['R@1']:.3f} | {m['R@3']:.3f} | "
            f"{m['MRR@10']:.3f} | {m['ms']:.1f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
