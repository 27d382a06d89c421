"""``python -m bench.fit_retrieval``: fit the retrieval fusion weights per language, held out.

The weights are chosen on the *fit* sets (byggfaq, SweFAQ and dev: the suite's sets with
questions in both languages or many questions) and then measured, unchanged, on the *held-out*
sets (dev2, field, extra), whose figures are reported and never used for choosing. Each grid
point runs the real ``HybridRetriever.search`` (``bench.retrieval.ranks``) over the cached suite
indexes, so what is fitted is exactly what ships; the winner goes into the ``Settings``
defaults (assistant/config.py) by hand, and re-running this script reproduces it.

English questions choose ``translation_weight``, ``translation_bm25_weight``,
``translation_trigram_weight`` and ``sentence_weight``; Swedish questions ``bm25_weight`` and
``trigram_weight`` (which English questions also use, scaled down by how few of their words the
corpus knows), and how an English word's Swedish senses are chosen. The objective is
R@3 + 0.5 * R@1, averaged over the fit sets that have questions in the language; the search is
coordinate ascent from the ``Settings`` defaults, and a tie keeps the current value (so a flat
surface changes nothing).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.fit_retrieval --cache /work/cache/english
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assistant import embeddings as _embeddings
from assistant.config import Settings
from bench.retrieval import Asked, load_sets, ranks, summarise

__all__ = ["FIT_SETS", "HELD_OUT_SETS", "fit"]

FIT_SETS = ("byggfaq", "swefaq", "dev")
HELD_OUT_SETS = ("dev2", "field", "extra")
GRIDS: dict[str, dict[str, list[Any]]] = {
    # Swedish first: its lexical weights also count (scaled down) for English questions.
    "sv": {"bm25_weight": [0.03, 0.02], "trigram_weight": [0.05, 0.03, 0.08]},
    "en": {
        "translation_weight": [0.5, 0.4, 0.6],
        "sentence_weight": [0.3, 0.2],
        "translation_bm25_weight": [0.0, 0.01, 0.02],
        "translation_trigram_weight": [0.0, 0.01, 0.02],
        "translation_senses": ["dictionary", "by_use"],
    },
}


def _objective(rows: list[dict[str, Any]]) -> float:
    per_set = [m for (name, lang), m in summarise(rows).items() if lang != "all"]
    return sum(m["R@3"] + 0.5 * m["R@1"] for m in per_set) / max(len(per_set), 1)


def fit(asked: list[Asked], base: dict[str, Any], passes: int = 2) -> dict[str, Any]:
    """Coordinate ascent per language over its grid, on that language's questions of ``asked``.

    Each parameter in turn takes the grid value that scores best with the others fixed (a tie
    keeps the current value); passes repeat until nothing changes.
    """
    chosen = dict(base)
    for lang, grid in GRIDS.items():
        mine = [a for a in asked if a[2].lang == lang]
        if not mine:
            continue
        best = _objective(ranks(mine, chosen))
        print(f"  {lang} start {best:.4f}", flush=True)
        for _ in range(passes):
            changed = False
            for key, values in grid.items():
                for value in values:
                    if value == chosen[key]:
                        continue
                    score = _objective(ranks(mine, chosen | {key: value}))
                    print(f"  {lang} {key}={value}: {score:.4f}", flush=True)
                    if score > best + 1e-9:
                        best, chosen, changed = score, chosen | {key: value}, True
            if not changed:
                break
    return chosen


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| set | lang | n | R@1 | R@3 | MRR@10 | ms p50 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (name, lang), m in summarise(rows).items():
        lines.append(
            f"| {name} | {lang} | {m['n']} | {m['R@1']:.3f} | {m['R@3']:.3f} | "
            f"{m['MRR@10']:.3f} | {m['ms']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fit_retrieval", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    args = p.parse_args(argv)
    # Every question and rendering of the fit sets stays embedded across the grid.
    _embeddings._QUERY_CACHE_SIZE = 100_000
    settings = Settings()
    base = {k: getattr(settings, k) for grid in GRIDS.values() for k in grid}
    fit_asked = load_sets(FIT_SETS, args.cache, settings)
    held_asked = load_sets(HELD_OUT_SETS, args.cache, settings)
    before_fit, before_held = ranks(fit_asked, base), ranks(held_asked, base)
    chosen = fit(fit_asked, base)
    print("\nChosen:", chosen)
    print("\nFit sets, before (Settings defaults):\n" + _table(before_fit))
    print("\nFit sets, after:\n" + _table(ranks(fit_asked, chosen)))
    print("\nHeld-out sets, before:\n" + _table(before_held))
    print("\nHeld-out sets, after (not used for choosing):\n" + _table(ranks(held_asked, chosen)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
