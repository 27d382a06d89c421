"""``python -m bench.english_twins``: is an English question answered as well as its Swedish twin?

``eval/english-twins/<set>.jsonl`` holds our English translations (written for this project,
by hand, as a user would ask in English) of every Swedish question of the suite's ``dev``,
``extra``, ``dev2`` and ``field`` sets; each row names the Swedish row it translates
(``twin_of``) and carries its evidence and answerability unchanged. They are measurement data:
no fit reads them (not ``eval/fit-decision.toml``, not ``eval/english-fit.toml``).

Each Swedish original and its twin are asked of the original's cached index (``assistant eval
--suite``'s ``corpus_index``; a field case over its own folder). Per set, Swedish against English
over the same questions: R@3, answered (answerable), refused (unanswerable), citation precision;
then the twins that fail where their original passes (refused, evidence not in the top 3, or
cited without it), with the decision's probability of each and, for a refusal, the features
that pulled the English question down most (coefficient × standardised difference).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.english_twins \
        --cache /work/cache/english [--sets dev,extra,dev2,field] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.decide import load_model, recording
from assistant.evaluate import EvalQuestion, Tally, load_questions, score_questions
from assistant.features import FEATURES
from assistant.suite import corpus_index, load_suite

__all__ = ["SETS", "TWINS", "load_twins", "main", "run"]

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "eval" / "suite.toml"
TWINS = ROOT / "eval" / "english-twins"
SETS = ("dev", "extra", "dev2", "field")
_METRICS = ("R@3", "answered", "refused", "citation_precision")


def load_twins(name: str) -> dict[str, EvalQuestion]:
    """The English twins of a set, by the id of the Swedish question each translates."""
    path = TWINS / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    by_id = {q.id: q for q in load_questions(path)}
    return {row["twin_of"]: by_id[row["id"]] for row in rows}


def _ask(assistant: Any, q: EvalQuestion, tallies: dict[str, Tally]) -> dict[str, Any]:
    """One question scored into ``tallies``; its problem ("" passes) and last decision."""
    with recording() as records:
        failures = score_questions(assistant, [q], tallies)
    features = records[-1]["features"] if records else None
    probability = None
    if features is not None:
        from assistant.features import Features

        probability = round(load_model().probability(Features(**features)), 3)
    return {
        "id": q.id,
        "question": q.question,
        "problem": failures[0]["problem"] if failures else "",
        "probability": probability,
        "features": features,
    }


def _pull(sv: dict[str, Any], en: dict[str, Any], top: int = 4) -> list[str]:
    """The features that lowered the English twin's score most against its original's."""
    if not (sv["features"] and en["features"]):
        return []
    model = load_model()
    parts = []
    for i, name in enumerate(FEATURES):
        delta = (en["features"][name] - sv["features"][name]) / model.scale[i] * model.coef[i]
        parts.append((float(delta), name))
    return [f"{name} {delta:+.2f}" for delta, name in sorted(parts)[:top] if delta < -0.05]


def run(sets: tuple[str, ...], cache: Path | None) -> dict[str, Any]:
    from assistant.embeddings import make_embeddings

    settings = Settings()
    embeddings = make_embeddings(settings)
    out: dict[str, Any] = {}
    for s in load_suite(SUITE):
        if s.name not in sets:
            continue
        if s.missing:
            out[s.name] = {"skipped": f"missing {s.missing[0]}"}
            continue
        twins = load_twins(s.name)
        tallies: dict[str, dict[str, Tally]] = {"sv": {}, "en": {}}
        pairs = []
        for questions, folders in s.parts:
            originals = [q for q in load_questions(questions) if q.id in twins]
            if not originals:
                continue
            assistant = corpus_index(folders, settings, cache, embeddings)
            for q in originals:
                sv = _ask(assistant, q, tallies["sv"])
                en = _ask(assistant, twins[q.id], tallies["en"])
                pairs.append({"sv": sv, "en": en, "answerable": q.answerable})
        metrics = {lang: tallies[lang]["all"].rates() for lang in ("sv", "en")}
        worse = [p | {"pull": _pull(p["sv"], p["en"])} for p in pairs if _worse(p)]
        out[s.name] = {"metrics": metrics, "pairs": pairs, "worse": worse}
    return out


def _worse(pair: dict[str, Any]) -> bool:
    """The English twin fails (in some way) where its Swedish original does not."""
    sv, en = pair["sv"]["problem"], pair["en"]["problem"]
    return bool(en) and (not sv or any(p.strip() not in sv for p in en.split(";")))


def table(result: dict[str, Any]) -> str:
    head = "| set | n | " + " | ".join(f"{m} (sv / en)" for m in _METRICS) + " |"
    lines = [head, "|" + " --- |" * (2 + len(_METRICS))]

    def cell(v: Any) -> str:
        return "–" if v is None else f"{v:.3f}"

    for name, r in result.items():
        if "skipped" in r:
            lines.append(f"| {name} | skipped: {r['skipped']} |")
            continue
        sv, en = r["metrics"]["sv"], r["metrics"]["en"]
        cells = [f"{cell(sv[m])} / {cell(en[m])}" for m in _METRICS]
        lines.append(f"| {name} | {sv['questions']} | " + " | ".join(cells) + " |")
    for name, r in result.items():
        for p in r.get("worse", []):
            sv, en = p["sv"], p["en"]
            lines.append(
                f"- {name} {en['id']}: {en['problem']} (p {en['probability']}, Swedish "
                f"{sv['probability']}{'; ' + sv['problem'] if sv['problem'] else ''}): "
                f"{en['question']}" + (f"  [{', '.join(p['pull'])}]" if p["pull"] else "")
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.english_twins", description=__doc__)
    parser.add_argument("--cache", type=Path, help="suite index cache (as `eval --suite`)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--json", type=Path, help="write every pair's figures here")
    args = parser.parse_args(argv)
    result = run(tuple(args.sets.split(",")), args.cache)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
