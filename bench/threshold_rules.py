"""``python -m bench.threshold_rules``: how much each threshold rule's choice is noise.

On the saved feature table (``eval/decision-features.csv``) every fit set is predicted by the
model fitted on the others, as ``fit_decision.fit`` does; then each rule chooses a threshold on
those held-out scores, once on the table and again on 40 tables resampled within each (set,
label, kind) cell (the questions a set happens to have). A rule whose choice moves a lot across
draws is choosing on a few questions. The shipped rule is the sum of logs
(``fit_decision._threshold``); leximin is the rule before it (thirty-third session).

    HF_HUB_OFFLINE=1 .venv/bin/python -m bench.threshold_rules [--draws 40]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant import fit_decision as fd
from assistant.fit_data import DEFAULT_CONFIG, load_config, read_rows

__all__ = ["RULES", "main"]

Rule = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], float]


def _mins(p: np.ndarray, y: np.ndarray, groups: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """Per grid point, the sets' min(answered, refused), worst first."""
    table = []
    for t in fd._GRID:
        per = []
        for g in np.unique(groups):
            pos = p[(groups == g) & (y == 1)]
            refused = fd._refused(p, kinds, groups == g, t)
            if len(pos) and refused is not None:
                per.append(min(float((pos >= t).mean()), refused))
        table.append(sorted(per))
    return np.array(table)


def _tie(y: np.ndarray, groups: np.ndarray) -> float:
    return 1.0 / max(int(((groups == g) & (y == 1)).sum()) for g in np.unique(groups))


def leximin(p: np.ndarray, y: np.ndarray, groups: np.ndarray, kinds: np.ndarray) -> float:
    table, tie = _mins(p, y, groups, kinds), _tie(y, groups)
    left = list(range(len(fd._GRID)))
    for rank in range(table.shape[1]):
        best = max(table[i][rank] for i in left)
        left = [i for i in left if table[i][rank] >= best - tie]
    return fd._middle_of_best(
        fd._GRID, [1.0 if i in left else 0.0 for i in range(len(fd._GRID))], 0
    )


def _by(score: Callable[[np.ndarray], np.ndarray]) -> Rule:
    def rule(p: np.ndarray, y: np.ndarray, groups: np.ndarray, kinds: np.ndarray) -> float:
        values = score(_mins(p, y, groups, kinds))
        return fd._middle_of_best(fd._GRID, list(values), _tie(y, groups))

    return rule


RULES: dict[str, Rule] = {
    "log sum (shipped)": fd._threshold,
    "leximin": leximin,
    "mean": _by(lambda t: t.mean(axis=1)),
    "five worst": _by(lambda t: t[:, :5].mean(axis=1)),
}


def held_out_scores(csv: Path) -> tuple[np.ndarray, ...]:
    """Each fit set's rows scored by the model fitted on the other sets, as users see them."""
    config = load_config(DEFAULT_CONFIG)
    rows = [r for r in read_rows(csv) if r["group"] in config["fit"] and r["kind"] != "hidden"]
    x, y, groups, kinds = fd._matrix(rows)
    p = np.zeros(len(y))
    for g in np.unique(groups):
        held = groups == g
        model = fd._fit(x[~held], y[~held], groups[~held], kinds[~held], config["C"])
        p[held] = fd._predict(model, x[held])
    return fd._outcome(p, rows), y, groups, kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.threshold_rules", description=__doc__)
    parser.add_argument("--features", type=Path, default=load_config(DEFAULT_CONFIG)["features"])
    parser.add_argument("--draws", type=int, default=40)
    args = parser.parse_args(argv)
    p, y, groups, kinds = held_out_scores(args.features)
    rng = np.random.default_rng(1)
    cells = [
        np.flatnonzero((groups == g) & (y == label) & (kinds == k))
        for g in np.unique(groups)
        for label in (0, 1)
        for k in np.unique(kinds)
    ]
    draws = [
        np.concatenate([rng.choice(c, len(c)) for c in cells if len(c)]) for _ in range(args.draws)
    ]
    print("| rule | threshold | worst set | answered | unanswerable refused | resampled |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, rule in RULES.items():
        t = rule(p, y, groups, kinds)
        worst = _mins(p, y, groups, kinds)[list(fd._GRID).index(t)][0]
        answered = float((p[y == 1] >= t).mean())
        refused = float((p[kinds == "unanswerable"] < t).mean())
        again = [rule(p[i], y[i], groups[i], kinds[i]) for i in draws]
        print(
            f"| {name} | {t:.2f} | {worst:.3f} | {answered:.3f} | {refused:.3f} "
            f"| {np.mean(again):.2f} ± {np.std(again):.2f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
