"""Retrieval: dense (Chroma) and BM25 (Swedish stemming) fused, as a langchain ``BaseRetriever``.

The fusion is dense-dominant: ``dense cosine + w * bm25 / max bm25``. BM25 can lift a passage
that shares rare words with the question (names, programme titles), but cannot outvote a clear
dense match; ``w`` (``ASSISTANT_BM25_WEIGHT``) was measured on the dev set and SweFAQ.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from .chunking import embedding_text
from .errors import DocumentNotFoundError
from .index import Index, is_store_error, store_unavailable
from .results import Passage

__all__ = ["HybridRetriever", "LexicalIndex", "terms"]

PREFER_BONUS = 0.03
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.U)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

    return frozenset(STOPWORDS_SWEDISH) | frozenset(STOPWORDS_EN)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("swedish")


def terms(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Swedish-stemmed word tokens."""
    words = [w for w in _WORD.findall(text.casefold()) if w not in _stopwords()]
    return _stemmer().stemWords(words)


class LexicalIndex:
    """BM25 over all passages, built once per index fingerprint and kept in memory."""

    def __init__(self, passages: list[Document]) -> None:
        import bm25s

        self.docs = passages
        self.by_id = {str(d.id): d for d in passages}
        self.sources = np.array([d.metadata["source"] for d in passages])
        self._bm25 = bm25s.BM25()
        tokens = [terms(embedding_text(d)) or ["\x00"] for d in passages]
        if passages:
            self._bm25.index(tokens, show_progress=False)

    def knows(self, term: str) -> bool:
        """Does this (stemmed) term occur anywhere in the corpus?"""
        return term in self._bm25.vocab_dict

    def scores(self, question: str, source: str | None = None) -> np.ndarray:
        tokens = [t for t in terms(question) if t in self._bm25.vocab_dict] if self.docs else []
        if not tokens:
            return np.zeros(len(self.docs), dtype=np.float32)
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        if source is not None:
            scores = scores * (self.sources == source)
        return scores


class HybridRetriever(BaseRetriever):
    """Dense + BM25 retrieval over one ``Index``; ``invoke(question)`` returns langchain Documents."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Index
    k: int = 5
    candidates: int = 30
    bm25_weight: float = 0.3
    source: str | None = None
    _lexical: LexicalIndex | None = PrivateAttr(default=None)
    _fingerprint: str | None = PrivateAttr(default=None)
    _store: Any = PrivateAttr(default=None)

    @property
    def vectorstore(self) -> Any:
        if self._store is None:
            self._store = self.index.vectorstore()
        return self._store

    @property
    def fingerprint(self) -> str | None:
        return self._fingerprint

    def refresh(self) -> None:
        """Reload the lexical side if the index changed since it was built."""
        fingerprint = self.index.fingerprint()
        if self._lexical is None or fingerprint != self._fingerprint:
            self._lexical = LexicalIndex(self.index.passages())
            self._fingerprint = fingerprint

    @property
    def lexical(self) -> LexicalIndex:
        if self._lexical is None:
            self.refresh()
        assert self._lexical is not None
        return self._lexical

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [p.to_document() for p in self.search(query)]

    def search(
        self,
        question: str,
        k: int | None = None,
        source: str | None = None,
        prefer: set[str] | None = None,
    ) -> list[Passage]:
        """The ``k`` best passages for ``question``, optionally within one document.

        ``prefer`` names documents the question points at (by name or party): their passages
        get a small lift, enough to win close calls, not to bury a clearly better match.
        """
        k = k or self.k
        source = source or self.source
        if source is not None and source not in set(self.lexical.sources.tolist()):
            raise DocumentNotFoundError(
                f"No indexed document '{source}'. Use one of the sources listed by "
                "`assistant search` results or GET /api/documents."
            )
        qvec = self.index.embeddings.query_vector(question)
        dense = self._dense(qvec, source)
        lexical = self._bm25(question, source)
        missing = [pid for pid in lexical if pid not in dense]
        for pid, vec in self.index.passage_vectors(missing).items():
            dense[pid] = (self.lexical.by_id[pid], float(vec @ qvec))
        top_bm25 = max((s for s in lexical.values()), default=0.0)
        fused = []
        for pid, (doc, cos) in dense.items():
            bm = lexical.get(pid, 0.0) / top_bm25 if top_bm25 > 0 else 0.0
            lift = PREFER_BONUS if prefer and doc.metadata["source"] in prefer else 0.0
            fused.append((cos + self.bm25_weight * bm + lift, doc))
        fused.sort(key=lambda pair: -pair[0])
        return [Passage.from_document(doc, score) for score, doc in fused[:k]]

    def _dense(self, qvec: np.ndarray, source: str | None) -> dict[str, tuple[Document, float]]:
        try:
            hits = self.vectorstore.similarity_search_by_vector_with_relevance_scores(
                qvec.tolist(), k=self.candidates, filter={"source": source} if source else None
            )
        except Exception as exc:
            if not is_store_error(exc):
                raise
            self._store = None
            raise store_unavailable(self.index.settings, exc) from exc
        # Chroma's cosine space returns a distance; the fusion wants the similarity.
        # Only committed passages (those the lexical side was built from) are answers: a
        # concurrent index run's half-written file stays invisible.
        known = self.lexical.by_id
        return {str(d.id): (d, 1.0 - float(dist)) for d, dist in hits if str(d.id) in known}

    def _bm25(self, question: str, source: str | None) -> dict[str, float]:
        if self.bm25_weight <= 0:
            return {}
        scores = self.lexical.scores(question, source)
        n = min(self.candidates, len(scores))
        if n == 0:
            return {}
        top = np.argpartition(-scores, n - 1)[:n]
        return {str(self.lexical.docs[i].id): float(scores[i]) for i in top if scores[i] > 0}
