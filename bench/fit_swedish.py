"""``python -m bench.fit_swedish``: fit the Swedish best-sentence weight and the named-document text.

Two retriever settings, chosen by grid on **halves** of the FAQ sets and measured on the rest:

- ``sentence_weight_sv``: a Swedish question's first candidates re-scored with their best
  sentence's cosine (as English questions are, ``sentence_weight``);
- ``dense_keeps_names``: a question naming a document embedded with the name's words
  (``Query.question``) instead of without them (``Query.search_text``).

Every grid point runs the real ``HybridRetriever.search`` over the suite's cached indexes
(``bench.retrieval.ranks``) once on every answerable question; the choice is then made on one half
of byggfaq and SweFAQ (questions split by a hash of their id without the language suffix, so a
byggfaq question and its English twin fall in the same half) and reported on the other half, both
ways round, then on both halves together (what ships). dev, dev2, field, extra and the written sets
are never used for choosing: their figures are reported for every choice. The objective is that of
``bench.fit_retrieval``: R@3 + 0.5 * R@1 per set and language, averaged; a tie keeps the grid's
first value (off / the old text), so a flat surface changes nothing.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.fit_swedish --cache /work/cache/retrieval
"""

from __future__ import annotations

import argparse
import itertools
import zlib
from pathlib import Path
from typing import Any

from assistant import embeddings as _embeddings
from assistant.config import Settings
from bench.retrieval import load_sets, ranks, summarise

__all__ = ["GRID", "choose", "fit_halves", "grid_ranks", "half"]

FIT_SETS = ("byggfaq", "swefaq")
GRID: dict[str, list[Any]] = {
    "dense_keeps_names": [False, True],
    "sentence_weight_sv": [0.0, 0.1, 0.2, 0.3],
}


def half(question_id: str) -> int:
    """0 or 1, the same for a question in both languages (``…-sv`` / ``…-en``)."""
    stem = question_id.removesuffix("-sv").removesuffix("-en")
    return zlib.crc32(stem.encode("utf-8")) % 2


def _objective(rows: list[dict[str, Any]]) -> float:
    per = [m for (_, lang), m in summarise(rows).items() if lang != "all"]
    return sum(m["R@3"] + 0.5 * m["R@1"] for m in per) / max(len(per), 1)


def choose(by_point: dict[tuple[Any, ...], list[dict[str, Any]]], keep: Any) -> tuple[Any, ...]:
    """The grid point whose rows kept by ``keep`` score best (the first of equals)."""
    best, chosen = float("-inf"), next(iter(by_point))
    for point, rows in by_point.items():
        score = _objective([r for r in rows if keep(r)])
        if score > best + 1e-9:
            best, chosen = score, point
    return chosen


def _table(rows: list[dict[str, Any]], title: str) -> str:
    lines = [
        f"\n{title}",
        "| set | lang | n | R@1 | R@3 | MRR@10 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for (name, lang), m in summarise(rows).items():
        lines.append(
            f"| {name} | {lang} | {m['n']} | {m['R@1']:.3f} | {m['R@3']:.3f} | {m['MRR@10']:.3f} |"
        )
    return "\n".join(lines)


def grid_ranks(
    cache: Path | None, settings: Any, grid: dict[str, list[Any]]
) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """Every grid point's rows (``bench.retrieval.ranks``) over the suite's cached indexes: the
    real retriever run with the point's settings on every answerable question."""
    _embeddings._QUERY_CACHE_SIZE = 100_000  # each question is embedded once for all points
    asked = load_sets(None, cache, settings)
    keys = list(grid)
    return {
        point: ranks(asked, dict(zip(keys, point, strict=True)))
        for point in itertools.product(*grid.values())
    }


def fit_halves(
    by_point: dict[tuple[Any, ...], list[dict[str, Any]]], keys: list[str], settings: Any
) -> tuple[Any, ...]:
    """Choose on each half of ``FIT_SETS`` and print the other half at the start and fitted,
    then choose on both halves (what ships) and say whether ``settings`` already hold it."""
    first = next(iter(by_point))
    for fit_half in (0, 1):
        point = choose(by_point, lambda r, h=fit_half: r["set"] in FIT_SETS and half(r["id"]) == h)
        print(f"\nFitted on half {fit_half}: {dict(zip(keys, point, strict=True))}")
        other = [r for r in by_point[point] if r["set"] in FIT_SETS and half(r["id"]) != fit_half]
        start = [r for r in by_point[first] if r["set"] in FIT_SETS and half(r["id"]) != fit_half]
        print(_table(start, f"Half {1 - fit_half} (not fitted on), start:"))
        print(_table(other, f"Half {1 - fit_half} (not fitted on), fitted:"))
    point = choose(by_point, lambda r: r["set"] in FIT_SETS)
    chosen = dict(zip(keys, point, strict=True))
    print(f"\nFitted on both halves (ships): {chosen}")
    shipped = {k: getattr(settings, k) for k in keys}
    print("Shipped defaults:", "the same" if shipped == chosen else shipped)
    return point


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fit_swedish", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    args = p.parse_args(argv)
    settings = Settings()
    keys = list(GRID)
    by_point = grid_ranks(args.cache, settings, GRID)
    first = next(iter(by_point))
    held = [r for r in by_point[first] if r["set"] not in FIT_SETS]
    print(_table(held, f"Held-out sets at the start {dict(zip(keys, first, strict=True))}:"))
    point = fit_halves(by_point, keys, settings)
    print(_table(by_point[first], "Every set, start:"))
    print(_table(by_point[point], "Every set, chosen (held-out sets not used for choosing):"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
