"""``python -m bench.citation_faults``: why answers miss the evidence in their citations, by kind.

Citation precision (``assistant.evaluate``) counts an answered answerable question when the text
of its cited passages, joined, holds one of its evidence strings. For every answered answerable
question of the chosen suite sets this asks the real ``Assistant.ask`` and records what the
extractive answerer saw (its scored sentence candidates, in order) and chose, then names the kind:

- ``ok``: a cited passage holds the evidence;
- ``not read``: no passage the answerer read holds it (``not retrieved``: neither do the first
  ten passages of the search; ``read later``: one of them does, past the passages read);
- ``read, not cited``: a passage the answerer read holds it, no citation does;
- ``partial``: no single cited passage holds it, their joined text does (the evidence spans
  passages) — never a failure of the metric, listed because a reader sees only parts;
- ``other path``: the answer did not come from the sentence choice (a list per document, a
  party's commitments, a card fact, a compound question's parts): not this module's choice.

With ``--dump FILE`` every recorded choice is written as JSON lines (the candidates with their
scores and whether their passage holds the evidence), so selection rules can be compared offline
(``bench.citation_fit``) without asking again. ``--sample N`` asks N questions of each set larger
than N, drawn with a fixed seed.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.citation_faults --cache /work/cache/cite \
        --sets dev,extra,dev2,field,swefaq,byggfaq --sample 200 [--show KIND] [--dump FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from assistant import answer as _answer
from assistant import embeddings as _embeddings
from assistant.config import Settings
from assistant.evaluate import _norm, _relevant
from bench.retrieval import Asked, load_sets

__all__ = ["classify", "main", "record"]

_KEPT = 40  # candidates kept per choice in the dump


def _recording() -> tuple[list[dict[str, Any]], Any]:
    """Patch the answerer's choice so each call is recorded; returns (records, undo)."""
    records: list[dict[str, Any]] = []
    original = _answer.ExtractiveAnswerer._choose

    def choose(self: Any, query: Any, candidates: list[Any], documents: Any) -> list[Any]:
        chosen = original(self, query, candidates, documents)
        records.append({"query": query, "candidates": candidates, "chosen": chosen})
        return chosen

    _answer.ExtractiveAnswerer._choose = choose  # type: ignore[method-assign]

    def undo() -> None:
        _answer.ExtractiveAnswerer._choose = original  # type: ignore[method-assign]

    return records, undo


def _overlaps(sentence: str, evidence: list[str]) -> bool:
    s = _norm(sentence)
    return any(_norm(e) in s or s in _norm(e) for e in evidence if e.strip())


def record(asked: Asked, records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Ask one question; what it was answered with and what the answerer saw (None if refused)."""
    name, assistant, q = asked
    records.clear()
    answer = assistant.ask(q.question)
    if not answer.answered:
        return None
    cited = [c.passage for c in answer.citations]
    searched = assistant.search(q.question, k=10)
    row: dict[str, Any] = {
        "set": name,
        "id": q.id,
        "lang": q.lang,
        "question": q.question,
        "evidence": q.evidence,
        "ok": _relevant(" ".join(p.text for p in cited), q.evidence),
        "single": any(_relevant(p.text, q.evidence) for p in cited),
        "cited": [c.quote for c in answer.citations],
        "search_rank": next(
            (i for i, p in enumerate(searched) if _relevant(p.text, q.evidence)), None
        ),
        "chose": False,
    }
    # The plain path calls the choice once; a compound or per-document answer is another path.
    # A footnote cited beside the sentence that marks it ("unga[1]") is part of the plain path.
    if len(records) == 1 and {
        c.passage.id for c in answer.citations if not c.passage.footnote_of
    } <= {c.passage.id for c in records[0]["candidates"]}:
        rec = records[0]
        rvec = _rendering_vector(assistant, rec["query"])
        order = list(dict.fromkeys(c.passage.id for c in rec["candidates"]))
        chosen = {(c.passage.id, c.start) for c in rec["chosen"]}
        row["chose"] = True
        row["candidates"] = [
            {
                "passage": c.passage.id,
                "prank": order.index(c.passage.id),
                "pscore": c.passage.score,
                "score": round(c.score, 5),
                "sim": round(c.similarity, 5),
                "lift": round(c.lift, 5),
                "standing": round(c.standing, 5),
                # An English question's Swedish rendering's cosine (None for Swedish ones).
                "rsim": None if rvec is None else round(float(c.vector @ rvec), 5),
                "text": c.text,
                "holds": _relevant(c.passage.text, q.evidence),
                "evidence": _overlaps(c.text, q.evidence),
                "chosen": (c.passage.id, c.start) in chosen,
            }
            for c in rec["candidates"][:_KEPT]
        ]
    return row


def _rendering_vector(assistant: Any, query: Any) -> Any:
    """The vector of the question's Swedish rendering, as the retriever mixes it in (or None)."""
    if query.language == "sv":
        return None
    text = assistant.retriever._rendering(query.search_text)
    return assistant.index.embeddings.query_vector(text) if text else None


def classify(row: dict[str, Any]) -> str:
    if row["ok"]:
        return "ok" if row["single"] else "partial"
    if not row["chose"]:
        return "other path"
    if any(c["holds"] for c in row["candidates"]):
        return "read, not cited"
    rank = row["search_rank"]
    return "not read (read later)" if rank is not None else "not read (not retrieved)"


def _sample(asked: list[Asked], n: int | None, seed: int = 11) -> list[Asked]:
    if not n:
        return asked
    by_set: dict[str, list[Asked]] = {}
    for a in asked:
        by_set.setdefault(a[0], []).append(a)
    out: list[Asked] = []
    for rows in by_set.values():
        out += rows if len(rows) <= n else random.Random(seed).sample(rows, n)
    return out


def _detail(row: dict[str, Any]) -> str:
    cands = row.get("candidates") or []
    best = cands[0] if cands else None
    ev = next((c for c in cands if c["holds"]), None)
    lines = [f"{row['set']} {row['id']} ({row['lang']}) {row['question']}"]
    lines.append(f"   evidence: {row['evidence'][0][:160]!r}")
    for quote in row["cited"]:
        lines.append(f"   cited:    {quote[:160]!r}")
    if best and ev:
        pos = cands.index(ev)
        lines.append(
            f"   evidence cand #{pos} prank {ev['prank']} gap {best['score'] - ev['score']:.3f}"
            f" sim gap {best['sim'] - ev['sim']:.3f} (sentence is evidence: {ev['evidence']})"
            f": {ev['text'][:140]!r}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.citation_faults", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--sets", default="dev,extra,dev2,field,swefaq,byggfaq")
    p.add_argument("--sample", type=int, default=0, help="questions per set at most (seeded)")
    p.add_argument("--lang", default="", help="only questions in this language")
    p.add_argument("--show", default="", help="print the cases of this kind")
    p.add_argument("--dump", type=Path, help="write every answered question as a JSON line")
    args = p.parse_args(argv)
    _embeddings._QUERY_CACHE_SIZE = 100_000
    asked = _sample(load_sets(args.sets.split(","), args.cache, Settings()), args.sample)
    asked = [a for a in asked if not args.lang or a[2].lang == args.lang]
    records, undo = _recording()
    kinds: dict[tuple[str, str], Counter[str]] = {}
    out = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        for a in asked:
            row = record(a, records)
            if row is None:
                continue
            kind = classify(row)
            for lang in (row["lang"], "all"):
                kinds.setdefault((row["set"], lang), Counter())[kind] += 1
            if out:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if args.show and kind == args.show:
                print(_detail(row))
    finally:
        undo()
        if out:
            out.close()
    order = ["ok", "partial", "read, not cited", "not read (read later)"]
    order += ["not read (not retrieved)", "other path"]
    print("\n| set | lang | answered | " + " | ".join(order) + " |")
    print("| --- | --- | --- |" + " --- |" * len(order))
    for (name, lang), counter in sorted(kinds.items()):
        cells = [str(counter.get(k, 0)) for k in order]
        print(f"| {name} | {lang} | {sum(counter.values())} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
