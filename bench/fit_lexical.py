"""``python -m bench.fit_lexical``: fit the hyphen parts' weight and the named-document words in BM25.

Two retriever settings, chosen by grid on **halves** of the FAQ sets and measured on the rest,
exactly as ``bench.fit_swedish`` chooses its own (its ``half``, objective and tie rule):

- ``hyphen_part_weight``: the parts of a question's hyphen-joined word ("BBR-krav": "BBR",
  "krav") searched by word BM25 beside the whole word at this weight (passages are indexed
  with both since ``LEXICAL_VERSION`` 2);
- ``lexical_keeps_names``: a question naming a document searched by BM25 with the name's words
  too (the dense side keeps them already: ``dense_keeps_names``).

Every grid point runs the real ``HybridRetriever.search`` over the suite's cached indexes
(``bench.retrieval.ranks``) on every answerable question; byggfaq and SweFAQ choose (one half,
the other half reported, then both), dev, dev2, field, extra and the written sets are only
reported. A tie keeps the grid's first value (parts at full weight, names out of BM25: the
plain reading of "index both, in questions alike" and the search text as before).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.fit_lexical --cache /work/cache/recall
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.config import Settings
from bench.fit_swedish import _table, fit_halves, grid_ranks

__all__ = ["GRID", "main"]

GRID: dict[str, list[Any]] = {
    "hyphen_part_weight": [1.0, 0.5, 0.0],
    "lexical_keeps_names": [False, True],
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fit_lexical", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--json", type=Path, help="also write every grid point's rows here")
    args = p.parse_args(argv)
    settings = Settings()
    keys = list(GRID)
    by_point = grid_ranks(args.cache, settings, GRID)
    if args.json:
        rows = {json.dumps(dict(zip(keys, k, strict=True))): v for k, v in by_point.items()}
        args.json.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    first = next(iter(by_point))
    point = fit_halves(by_point, keys, settings)
    start = dict(zip(keys, first, strict=True))
    print(_table(by_point[first], f"Every set, first grid point {start}:"))
    print(_table(by_point[point], "Every set, chosen (held-out sets not used for choosing):"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
