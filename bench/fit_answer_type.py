"""``python -m bench.fit_answer_type``: fit the lift for a passage holding the wanted answer type.

``HybridRetriever.answer_type_weight``: a passage that holds the kind of answer the question wants
(``Query.wants``: a date, an amount, a duration, a person; ``signals.answer_type_found``) gets
this much added to its fused score. Chosen by grid on **halves** of the FAQ sets and measured on
the rest, exactly as ``bench.fit_swedish`` chooses its own (its ``half``, objective and tie rule):
every grid point runs the real ``HybridRetriever.search`` over the suite's cached indexes
(``bench.retrieval.ranks``) on every answerable question; byggfaq and SweFAQ choose (one half, the
other half reported, then both); dev, dev2, field, extra and the written sets are only reported.
A tie keeps the grid's first value (0: off).

    OMP_NUM_THREADS=1 PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.fit_answer_type \\
        --cache /work/cache/recall
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from assistant.config import Settings
from assistant.retrieve import ANSWER_TYPE_WEIGHT
from bench.fit_swedish import _table, fit_halves, grid_ranks

__all__ = ["GRID", "main"]

GRID: dict[str, list[Any]] = {"answer_type_weight": [0.0, 0.01, 0.02, 0.03, 0.04]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fit_answer_type", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--json", type=Path, help="also write every grid point's rows here")
    args = p.parse_args(argv)
    keys = list(GRID)
    by_point = grid_ranks(args.cache, Settings(), GRID)
    if args.json:
        rows = {json.dumps(dict(zip(keys, k, strict=True))): v for k, v in by_point.items()}
        args.json.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    first = next(iter(by_point))
    # The weight is the retriever's constant, not a Settings field: compare with that.
    point = fit_halves(by_point, keys, SimpleNamespace(answer_type_weight=ANSWER_TYPE_WEIGHT))
    print(_table(by_point[first], "Every set, off (the code before):"))
    print(_table(by_point[point], "Every set, chosen (held-out sets not used for choosing):"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
