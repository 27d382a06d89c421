"""``python -m bench.citation_fit``: fit how the answerer chooses the sentences it cites.

The answerer orders its candidate sentences by ``similarity + lift + passage_weight * standing``
(``lift``: word overlap, party and card-fact bonuses; ``standing``: the passage's retrieval score
minus the first passage's) and cites the first and those within ``margin`` of it
(``assistant.answer``). This fits ``passage_weight`` and ``margin`` on the choices recorded by
``bench.citation_faults --dump`` (the candidates each answered answerable question offered, and
whether each candidate's passage holds the evidence), so the same questions need not be asked again.

Objective: the share of answers whose citations hold the evidence (the suite's citation
precision), averaged over the sets fitted on (each set weighs the same, however many questions it
has), among the (weight, margin) under which no set's share of *citations* that hold the evidence
falls below the rule this fit replaced (``BEFORE``: 0.5, 0.015): more answers citing their
evidence, and no more citations that do not bear on the question. Ties go to the higher share of
citations holding the evidence, then to the smaller margin and weight. Every set is also reported
held out: fitted on the others, measured on it. ``--write`` stores the fit over all sets in
``assistant/data/citation_choice.json``, which the answerer reads.

    PYTHONPATH=$PWD .venv/bin/python -m bench.citation_faults --cache /work/cache/cite \
        --sets dev,extra,dev2,field,swefaq,byggfaq --sample 200 --dump /tmp/choices.jsonl
    PYTHONPATH=$PWD .venv/bin/python -m bench.citation_fit /tmp/choices.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.choice import CHOICE_FILE, MAX_SENTENCES, SENTENCE_MARGIN, order_key, twins

__all__ = ["BEFORE", "WEIGHTS", "MARGINS", "choose", "fit", "main", "score"]

WEIGHTS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0)
MARGINS = (0.0, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1)
# The recorded ``score`` was made with this passage weight (``sentence_scores._PASSAGE_WEIGHT``): rows
# dumped before ``lift`` was recorded are read back through it.
_RECORDED_WEIGHT = 0.5
BEFORE = (0.5, 0.015)  # the rule the first fit replaced: its citations' share is the floor


def _candidates(row: dict[str, Any]) -> list[dict[str, Any]]:
    cands = row["candidates"]
    if cands and "lift" not in cands[0]:
        top = max(c["pscore"] for c in cands)
        for c in cands:
            c["standing"] = c["pscore"] - top
            c["lift"] = c["score"] - c["sim"] - _RECORDED_WEIGHT * c["standing"]
    return cands


def choose(cands: list[dict[str, Any]], weight: float, margin: float) -> list[dict[str, Any]]:
    """The cited candidates under (weight, margin), as ``ExtractiveAnswerer._choose`` picks them
    (without its party rule, which needs the question's parties)."""

    def key(c: dict[str, Any]) -> float:
        return order_key(c["sim"], c["lift"], c["standing"], weight)

    ranked = sorted(cands, key=key, reverse=True)
    best = ranked[0]
    chosen = [best]
    for c in ranked[1:]:
        if len(chosen) == MAX_SENTENCES:
            break
        limit = SENTENCE_MARGIN if c["passage"] == best["passage"] else margin
        own = c["sim"] + c["lift"] >= best["sim"] + best["lift"] - SENTENCE_MARGIN
        twin = c["passage"] != best["passage"] and own and twins(c["text"], best["text"])
        close = key(c) >= key(best) - limit
        if (close or twin) and all(c["text"] != o["text"] for o in chosen):
            chosen.append(c)
    return chosen


def score(rows: Iterable[dict[str, Any]], weight: float, margin: float) -> tuple[float, float, int]:
    """(answers whose citations hold the evidence, citations that hold it, answers)."""
    answers = held = cited = on = 0
    for row in rows:
        chosen = choose(_candidates(row), weight, margin)
        passages = {c["passage"]: c["holds"] for c in chosen}
        answers += 1
        held += any(passages.values())
        cited += len(passages)
        on += sum(passages.values())
    return (held / answers if answers else 0.0, on / cited if cited else 0.0, answers)


def fit(by_set: dict[str, list[dict[str, Any]]]) -> tuple[float, float]:
    """The (weight, margin) of the grid with the best objective (see the module's doc)."""
    floor = {name: score(rows, *BEFORE)[1] for name, rows in by_set.items()}
    best: tuple[tuple[float, ...], tuple[float, float]] | None = None
    for wm in [(w, m) for w in WEIGHTS for m in MARGINS]:
        per = {name: score(rows, *wm) for name, rows in by_set.items()}
        if any(per[name][1] < floor[name] - 1e-9 for name in per):
            continue
        held = sum(a for a, _, _ in per.values()) / len(per)
        on = sum(b for _, b, _ in per.values()) / len(per)
        key = (round(held, 9), round(on, 9), -wm[1], -wm[0])
        if best is None or key > best[0]:
            best = (key, wm)
    return best[1] if best else BEFORE


def _load(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    by_set: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("chose") and row.get("candidates"):
                by_set.setdefault(row["set"], []).append(row)
    return by_set


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.citation_fit", description=__doc__)
    p.add_argument("dumps", nargs="+", type=Path, help="bench.citation_faults --dump files")
    p.add_argument("--write", action="store_true", help=f"store the fit in {CHOICE_FILE.name}")
    args = p.parse_args(argv)
    by_set = _load(args.dumps)
    shipped = json.loads(CHOICE_FILE.read_text(encoding="utf-8")) if CHOICE_FILE.exists() else {}
    print("| set | n | before (0.5, 0.015) | held out (fit on the others) | fit on all |")
    print("| --- | --- | --- | --- | --- |")
    weight, margin = fit(by_set)
    for name, rows in sorted(by_set.items()):
        w, m = fit({k: v for k, v in by_set.items() if k != name})
        cells = []
        for wm in (BEFORE, (w, m), (weight, margin)):
            held, on, n = score(rows, *wm)
            cells.append(f"{held:.3f} / {on:.3f} (w {wm[0]}, m {wm[1]})")
        print(f"| {name} | {len(rows)} | " + " | ".join(cells) + " |")
    print(f"\nfit on all sets: passage_weight {weight}, margin {margin}; shipped: {shipped}")
    if args.write:
        fitted = {
            "passage_weight": weight,
            "margin": margin,
            "sets": {k: len(v) for k, v in sorted(by_set.items())},
            "refit": "python -m bench.citation_faults --dump F ...; python -m bench.citation_fit F --write",
        }
        CHOICE_FILE.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
