"""``python -m bench.recall_faults``: why retrieval misses, and what general remedies would change.

For every answerable question of the chosen suite sets (Swedish by default) whose evidence is not
among the first three passages of the real ``HybridRetriever.search``, it names the kind of
fault from what the index stores (``--show`` lists each miss):

- ``no passage``: no passage holds the evidence's opening (a chunk boundary cuts it);
- ``other document``: the question names a document (``Query.documents``, a hard filter) and the
  evidence stands in another one;
- ``lexical``: the dense cosine alone ranks the evidence in the first three, the fusion does not;
- ``diluted``: the passage ranks low, its best sentence would rank in the first three;
- ``another answer``: the evidence ranks low on both and a passage that is the evidence of
  another question of the set ranks above it (FAQ sets hold several answers on one topic);
- ``dense``: none of these: e5 puts other passages closer.

Flags beside the kind: ``rewritten`` (the searched text is not the question: a spelling
correction, a document name taken out) and ``merged`` (the evidence's passage holds several
paragraphs: short neighbours were joined).

Then it measures remedies that re-use the stored vectors, each against the shipped fusion
(R@1 / R@3 per set): the best sentence's cosine beside the passage's for Swedish questions too
(a weighted mix, or only where a sentence beats its passage), pseudo-relevance feedback (the
question's vector moved towards its first passages), double or no lexical weight, and the
question's own words in the dense vector when the analysis rewrote them (``typed``: the
question as asked, embedded beside the searched text), and a lift for passages holding the
answer type the question wants (a date, an amount, a person: ``Query.wants``). Passages are re-scored exactly as
``HybridRetriever.search`` fuses them (its own lexical signals, candidates and source filter).

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.recall_faults --cache /work/cache/recall \
        --sets swefaq,byggfaq,dev,dev2 [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant import embeddings as _embeddings
from assistant.config import Settings
from assistant.evaluate import _relevant
from assistant.rescoring import searched_text
from assistant.signals import answer_type_found
from bench.retrieval import Asked, load_sets

__all__ = ["Case", "classify", "main", "measure"]

TOP = 3


@dataclass
class Case:
    """One question over its index: the stored vectors and signals it is re-scored from."""

    name: str
    question: Any  # EvalQuestion
    query: Any  # Query
    source: str | None
    ids: list[str]
    passages: np.ndarray  # passage vectors, one row per id
    best_sentence: Callable[[np.ndarray], np.ndarray]  # question vector -> best cosine per id
    qvec: np.ndarray
    signals: list[tuple[float, dict[str, float]]]
    relevant: set[int]
    multi: bool  # the evidence's passage holds several paragraphs
    owners: dict[int, set[str]] = field(default_factory=dict)  # passage -> questions it answers
    typed: np.ndarray | None = None  # the question as asked, if the search text differs
    fits: np.ndarray | None = None  # 1 where a passage holds the answer type the question wants


def _index_arrays(assistant: Any) -> tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]:
    """Passages, their vectors, and every sentence's vector and passage position."""
    retriever = assistant.retriever
    docs = retriever.lexical.docs
    ids = [str(d.id) for d in docs]
    vectors = assistant.index.passage_vectors(ids)
    matrix = np.vstack([vectors[i] for i in ids])
    at = {pid: n for n, pid in enumerate(ids)}
    counts = {str(d.id): int(d.metadata.get("sentences", 0)) for d in docs}
    rows = assistant.index.sentences(ids, counts)
    owner = np.array([at[c] for c, _, _, _ in rows], dtype=np.int64)
    sentences = np.vstack([v for _, _, _, v in rows]) if rows else np.zeros((0, matrix.shape[1]))
    return docs, matrix, sentences, owner


def cases(asked: list[Asked], lang: str | None) -> list[Case]:
    """Every asked question with what re-scoring needs (one read of each index)."""
    out: list[Case] = []
    arrays: dict[int, tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]] = {}
    embed = None
    for name, assistant, q in asked:
        if lang and q.lang != lang:
            continue
        if id(assistant) not in arrays:
            arrays[id(assistant)] = _index_arrays(assistant)
        docs, matrix, sentences, owner = arrays[id(assistant)]
        retriever = assistant.retriever
        embed = retriever.index.embeddings.query_vector
        query = assistant.analyze(q.question)
        source = query.documents[0] if len(query.documents) == 1 else None
        text = query.search_text
        rendering = retriever._rendering(text) if query.language != "sv" else ""
        # As ``HybridRetriever.search``: a named document's words in BM25 and the vector as
        # the settings say.
        signals = retriever._lexical_signals(
            searched_text(query, retriever.lexical_keeps_names),
            source,
            retriever.bm25_weight,
            retriever.trigram_weight,
        )
        if rendering:
            signals += retriever._lexical_signals(
                rendering,
                source,
                retriever.translation_bm25_weight,
                retriever.translation_trigram_weight,
            )

        def best(
            qv: np.ndarray, s: np.ndarray = sentences, o: np.ndarray = owner, n: int = len(docs)
        ) -> np.ndarray:
            found = np.full(n, -1.0)
            np.maximum.at(found, o, s @ qv)
            return found

        relevant = {n for n, d in enumerate(docs) if _relevant(d.page_content, q.evidence)}
        out.append(
            Case(
                name,
                q,
                query,
                source,
                [str(d.id) for d in docs],
                matrix if source is None else _only(matrix, docs, source),
                best,
                retriever._query_vector(
                    searched_text(query, retriever.dense_keeps_names), rendering
                ),
                signals,
                relevant,
                any("\n\n" in docs[n].page_content for n in relevant),
                typed=embed(query.normalized)
                if query.language == "sv" and query.normalized != text and not query.follow_up
                else None,
                fits=np.array([answer_type_found(query.wants, [d.page_content]) for d in docs])
                if query.wants
                else None,
            )
        )
    _owners(out)
    return out


def _only(matrix: np.ndarray, docs: list[Any], source: str) -> np.ndarray:
    """Vectors of one document's passages; the others' rows can never be found (-inf)."""
    keep = np.array([d.metadata["source"] == source for d in docs])
    return np.where(keep[:, None], matrix, np.nan)


def _owners(found: list[Case]) -> None:
    by_set: dict[str, dict[int, set[str]]] = {}
    for c in found:
        for n in c.relevant:
            by_set.setdefault(c.name, {}).setdefault(n, set()).add(c.question.id)
    for c in found:
        c.owners = by_set.get(c.name, {})


def rank(c: Case, qvec: np.ndarray | None = None, sentence: float = 0.0, gap: bool = False,
         lexical: float = 1.0, candidates: int = 30, fits: float = 0.0) -> list[int]:  # fmt: skip
    """Passage positions in the order the fusion puts them (as ``HybridRetriever.search``)."""
    qv = c.qvec if qvec is None else qvec
    cos = np.nan_to_num(c.passages @ qv, nan=-np.inf)
    if fits and c.fits is not None:
        cos = cos + fits * c.fits
    dense = set(np.argsort(-cos)[:candidates].tolist())
    at = {pid: n for n, pid in enumerate(c.ids)}
    lifted = {at[p] for _, hits in c.signals for p in hits}
    fused = {
        n: cos[n] + lexical * sum(w * hits.get(c.ids[n], 0.0) for w, hits in c.signals)
        for n in dense | lifted
        if np.isfinite(cos[n])
    }
    if sentence:
        order = sorted(fused, key=lambda n: -fused[n])[:10]
        best = c.best_sentence(qv)
        for n in order:
            if best[n] > -1:
                lift = best[n] - cos[n]
                fused[n] += max(lift - sentence, 0.0) if gap else sentence * lift
    return sorted(fused, key=lambda n: -fused[n])


def _first(order: list[int], relevant: set[int]) -> int | None:
    return next((i for i, n in enumerate(order) if n in relevant), None)


def classify(c: Case) -> str | None:
    """The kind of fault behind a miss (None when the evidence is among the first three)."""
    if not c.relevant:
        return "no passage"
    fused = _first(rank(c), c.relevant)
    if fused is not None and fused < TOP:
        return None
    cos = np.nan_to_num(c.passages @ c.qvec, nan=-np.inf)
    if not any(np.isfinite(cos[n]) for n in c.relevant):
        return "other document"
    dense = min(int((cos > cos[n]).sum()) for n in c.relevant)
    if dense < TOP:
        return "lexical"
    best = c.best_sentence(c.qvec)
    best = np.where(np.isfinite(cos), best, -np.inf)
    # A passage without stored sentences (-1) cannot be diluted.
    if any(best[n] > -1 and int((best > best[n]).sum()) < TOP for n in c.relevant):
        return "diluted"
    above = np.argsort(-cos)[:dense]
    if any(c.owners.get(int(n), set()) - {c.question.id} for n in above[:TOP]):
        return "another answer"
    return "dense"


def _prf(c: Case, alpha: float = 0.2, k: int = 3) -> np.ndarray:
    head = rank(c)[:k]
    moved = c.qvec + alpha * c.passages[head].mean(axis=0)
    return moved * (np.linalg.norm(c.qvec) / np.linalg.norm(moved))


def _typed(c: Case, weight: float) -> np.ndarray:
    return c.qvec if c.typed is None else (1 - weight) * c.qvec + weight * c.typed


VARIANTS: dict[str, Callable[[Case], list[int]]] = {
    "shipped fusion": lambda c: rank(c),
    "dense only": lambda c: rank(c, lexical=0.0),
    "lexical x2": lambda c: rank(c, lexical=2.0),
    "best sentence 0.2": lambda c: rank(c, sentence=0.2),
    "best sentence where it beats its passage": lambda c: rank(c, sentence=0.03, gap=True),
    "pseudo-relevance feedback (0.2, top 3)": lambda c: rank(c, qvec=_prf(c)),
    "typed question 0.5 beside the searched text": lambda c: rank(c, qvec=_typed(c, 0.5)),
    "typed question alone": lambda c: rank(c, qvec=_typed(c, 1.0)),
    "answer type the question wants (+0.02)": lambda c: rank(c, fits=0.02),
}


def measure(found: list[Case]) -> dict[str, dict[str, tuple[int, float, float]]]:
    """(n, R@1, R@3) per variant and set."""
    out: dict[str, dict[str, tuple[int, float, float]]] = {}
    for label, variant in VARIANTS.items():
        per: dict[str, list[int | None]] = {}
        for c in found:
            per.setdefault(c.name, []).append(_first(variant(c)[:10], c.relevant))
        out[label] = {
            name: (
                len(rs),
                sum(r is not None and r < 1 for r in rs) / len(rs),
                sum(r is not None and r < TOP for r in rs) / len(rs),
            )
            for name, rs in sorted(per.items())
        }
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.recall_faults", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--sets", default="swefaq,byggfaq,dev,dev2", help="comma-separated sets")
    p.add_argument("--lang", default="sv", help="questions in this language ('' for all)")
    p.add_argument("--show", action="store_true", help="list every miss")
    args = p.parse_args(argv)
    _embeddings._QUERY_CACHE_SIZE = 100_000
    found = cases(load_sets(args.sets.split(","), args.cache, Settings()), args.lang or None)
    kinds: dict[str, Counter[str]] = {}
    for c in found:
        kind = classify(c)
        if kind is None:
            continue
        flags = [f for f, on in (("rewritten", c.typed is not None), ("merged", c.multi)) if on]
        kinds.setdefault(c.name, Counter())[kind] += 1
        for f in flags:
            kinds[c.name][f"({f})"] += 1
        if args.show:
            where = _first(rank(c)[:10], c.relevant)
            print(f"{c.name} {c.question.id} [{kind}{' ' if flags else ''}{' '.join(flags)}] "
                  f"rank {where + 1 if where is not None else '>10'}: {c.question.question}")  # fmt: skip
    print("\n| set | misses (R@3) by kind |\n| --- | --- |")
    for name, counter in sorted(kinds.items()):
        print(f"| {name} | {', '.join(f'{k} {v}' for k, v in counter.most_common())} |")
    print("\n| variant | " + " | ".join(sorted({c.name for c in found})) + " |")
    print("| --- |" + " --- |" * len({c.name for c in found}))
    for label, per in measure(found).items():
        cells = [f"{r1:.3f} / {r3:.3f}" for _, (_, r1, r3) in sorted(per.items())]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
