"""Retrieval: dense (Chroma) and BM25 (``lexical``) fused, as a langchain ``BaseRetriever``.

The fusion is dense-dominant: ``dense cosine + w * bm25 / max bm25`` for two BM25 signals, one over
stemmed words and one over character trigrams of words. BM25 can lift a passage that shares rare
words with the question (names, programme titles), but cannot outvote a clear dense match. They
count in proportion to the share of the question's words the corpus knows: an English question over
Swedish texts shares letters with them mostly by chance (measured: trigrams at full weight halved
R@1 of English questions).

A question in another language than the texts (English) leans on a word-by-word Swedish rendering
(``bilingual``) in two ways: its vector is mixed with the rendering's, and the rendering gets BM25
signals of its own (the English words meet nothing in Swedish passages); the first candidates are
then re-scored with their best sentence's cosine beside the passage's.

The English weights are ``Settings`` defaults fitted by ``python -m bench.fit_retrieval`` on
byggfaq, SweFAQ, dev and ``eval/english-fit.toml`` (English paraphrases, and Swedish questions with
English twins over statutes: ``eval/english-regulations``) and measured held out on dev2, field and
extra; the Swedish ones were measured on dev and SweFAQ, and the fit found them flat (README
"Retrieval"). Whether a question naming a document keeps the name's words in its vector, and a
Swedish best-sentence weight, are fitted on halves of byggfaq and SweFAQ by ``python -m
bench.fit_swedish``; the weight of a hyphen-joined word's parts and whether BM25 reads the named
document's words too, the same way by ``python -m bench.fit_lexical``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from .bilingual import Renderer
from .config import Settings
from .definitions import DEFINITION_BONUS, DefinitionLift
from .dense import Candidates, Rows, aligned_rows, nearest_passages
from .errors import DocumentNotFoundError
from .indexing.store import Index
from .lexical import LexicalIndex, PublicLexical, terms
from .lexical_store import folder_for, load_or_build
from .lifts import preferred, quoting
from .query import Query, detect_language
from .query_vector import query_vector
from .rescoring import (
    ANSWER_TYPE_WEIGHT,
    ANSWER_TYPE_WEIGHT_EN,
    AnswerTypeLift,
    by_best_sentence,
    distinct,
    lexical_signals,
    searched_text,
)
from .results import Passage
from .sentence_table import PassageVectors, SentenceTable

__all__ = ["ANSWER_TYPE_WEIGHT", "ANSWER_TYPE_WEIGHT_EN", "HybridRetriever"]

# One place for the fitted weights: a retriever built directly has the Settings defaults.
_DEFAULTS = Settings.model_fields


def _descending(pair: tuple[float, Any]) -> float:
    return -pair[0]


class HybridRetriever(BaseRetriever):
    """Dense + BM25 retrieval over one ``Index``; ``invoke(question)`` returns langchain Documents."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Index
    k: int = _DEFAULTS["top_k"].default
    candidates: int = _DEFAULTS["candidates"].default
    bm25_weight: float = _DEFAULTS["bm25_weight"].default
    trigram_weight: float = _DEFAULTS["trigram_weight"].default
    translation_weight: float = _DEFAULTS["translation_weight"].default
    translation_bm25_weight: float = _DEFAULTS["translation_bm25_weight"].default
    translation_trigram_weight: float = _DEFAULTS["translation_trigram_weight"].default
    translation_senses: Literal["dictionary", "by_use"] = _DEFAULTS["translation_senses"].default
    sentence_weight: float = _DEFAULTS["sentence_weight"].default
    sentence_candidates: int = _DEFAULTS["sentence_candidates"].default
    sentence_weight_sv: float = _DEFAULTS["sentence_weight_sv"].default
    dense_keeps_names: bool = _DEFAULTS["dense_keeps_names"].default
    lexical_keeps_names: bool = _DEFAULTS["lexical_keeps_names"].default
    hyphen_part_weight: float = _DEFAULTS["hyphen_part_weight"].default
    answer_type_weight: float = ANSWER_TYPE_WEIGHT
    answer_type_weight_en: float = ANSWER_TYPE_WEIGHT_EN
    definition_weight: float = DEFINITION_BONUS
    source: str | None = None
    public_only: bool = False  # the public surface: passages of public documents only
    _visible: np.ndarray | None = PrivateAttr(default=None)
    _lexical: LexicalIndex | PublicLexical | None = PrivateAttr(default=None)
    _fingerprint: str | None = PrivateAttr(default=None)
    _store: Any = PrivateAttr(default=None)
    # Renderings of English questions, each made once per question and index state.
    _renderer: Renderer | None = PrivateAttr(default=None)
    # Each lexical passage's row in the saved passage vectors (``dense.aligned_rows``).
    _rows: Rows | None = PrivateAttr(default=None)
    # Passages ``search`` passes over (``hiding``).
    _hidden: frozenset[str] = PrivateAttr(default=frozenset())

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
        if self._lexical is None or self.index.fingerprint() != self._fingerprint:
            self._lexical, self._fingerprint = load_or_build(self.index)
            self._renderer = None
            # The sentence vectors of the same index state, when saved beside it.
            folder = folder_for(self.index, self._fingerprint)
            self.index.sentence_table = SentenceTable.load(folder)
            self.index.passage_table = PassageVectors.load(folder)
            self._rows = None
            if self.public_only:  # public vocabulary, passages and sources only
                self._lexical = self._lexical.public()
            # Passages indexed before visibility existed have none: hidden until re-indexed.
            self._visible = np.array(
                [d.metadata.get("visibility") == "public" for d in self._lexical.docs], dtype=bool
            )

    @property
    def lexical(self) -> LexicalIndex | PublicLexical:
        if self._lexical is None:
            self.refresh()
        assert self._lexical is not None
        return self._lexical

    def _word_frequency(self, word: str) -> int:
        """In how many passages the corpus uses this word (its rarest stemmed term; 0: never)."""
        stems = terms(word)
        return min(map(self.lexical.frequency, stems)) if stems else 0

    @contextmanager
    def hiding(self, ids: set[str]) -> Iterator[None]:
        """Within the block ``search`` never returns the passages ``ids``: the corpus as if they
        were not in it. The fit asks an answerable question so with its evidence passages hidden,
        a negative on its own topic (``fit_data``)."""
        before, self._hidden = self._hidden, frozenset(ids)
        try:
            yield
        finally:
            self._hidden = before

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [p.to_document() for p in self.search(query)]

    def search(
        self,
        question: str | Query,
        k: int | None = None,
        source: str | None = None,
        prefer: set[str] | None = None,
        also: tuple[str, ...] = (),
    ) -> list[Passage]:
        """The ``k`` best passages for ``question``, optionally within one document.

        A ``Query`` is searched by its ``search_text`` in its ``language``; a plain string's
        language is detected. ``prefer`` names documents the question points at (by name or
        party): their passages get a small lift, enough to win close calls, not to bury a
        clearly better match. ``also``: texts the caller will embed next (the answerer's
        question without party names), embedded in the question's batch into the embedder's
        query cache; they change nothing here.
        """
        fits = AnswerTypeLift(question, self.answer_type_weight, self.answer_type_weight_en)
        typed = question.search_text if isinstance(question, Query) else question
        defined = DefinitionLift(typed, self.definition_weight)
        quoted = question.quoted if isinstance(question, Query) else ()
        if isinstance(question, Query):
            asked = searched_text(question, self.dense_keeps_names)
            words = searched_text(question, self.lexical_keeps_names)
            question, language = question.search_text, question.language
        else:
            asked, language = question, detect_language(question)
            words = question
        k = k or self.k
        source = source or self.source
        if source is not None and source not in set(self.lexical.sources.tolist()):
            raise DocumentNotFoundError(
                f"No indexed document '{source}'. Use one of the sources listed by "
                "`assistant search` results or GET /api/documents."
            )
        cross_lingual = language != "sv"
        rendering = self._rendering(question) if cross_lingual else ""
        # The answer scores sentences against the search text: embedded in the same batch.
        qvec = self._query_vector(
            asked, rendering, (question, *also) if asked != question else also
        )
        dense, floor = self._dense(qvec, source)
        dense = {pid: v for pid, v in dense.items() if pid not in self._hidden}
        lexical = self.lexical
        signals = self._lexical_signals(words, source, self.bm25_weight, self.trigram_weight)
        if rendering:
            # The Swedish rendering is the only text of an English question that shares words
            # with Swedish passages; its own lexical signals, weighted per language.
            signals += self._lexical_signals(
                rendering, source, self.translation_bm25_weight, self.translation_trigram_weight
            )

        def fused(pid: str, doc: Document, cos: float) -> float:
            text = doc.page_content
            lift = preferred(doc.metadata["source"], prefer) + quoting(text, quoted)
            lift += fits(pid, text) + defined(pid, text)
            return cos + lift + sum(weight * hits.get(pid, 0.0) for weight, hits in signals)

        scored = sorted(
            ((fused(pid, d, cos), d) for pid, (d, cos) in dense.items()), key=_descending
        )
        # A lexical hit outside the dense candidates is no closer than the last of them: fetch
        # its vector only if that bound could still put it among the first k.
        bar = scored[k - 1][0] if len(scored) >= k else float("-inf")
        missing = sorted(
            {
                pid
                for _, hits in signals
                for pid in hits
                if pid not in dense
                and pid not in self._hidden
                and fused(pid, lexical.by_id[pid], floor) > bar
            }
        )
        cosines = {pid: cos for pid, (_, cos) in dense.items()}
        for pid, vec in self.index.passage_vectors(missing).items():
            doc = lexical.by_id[pid]
            cosines[pid] = float(vec @ qvec)
            scored.append((fused(pid, doc, cosines[pid]), doc))
        scored.sort(key=_descending)
        weight = self.sentence_weight if cross_lingual else self.sentence_weight_sv
        if weight > 0:
            n = max(k, self.sentence_candidates)
            scored = by_best_sentence(self.index, scored, qvec, cosines, n, weight)
        return [Passage.from_document(doc, score) for score, doc in distinct(scored)[:k]]

    def _rendering(self, question: str) -> str:
        """The question's Swedish rendering ("" if it has none or it is the question itself)."""
        uses = (
            self.translation_weight,
            self.translation_bm25_weight,
            self.translation_trigram_weight,
        )
        if not any(w > 0 for w in uses):
            return ""
        if self._renderer is None and self.translation_senses == "by_use":
            self._renderer = Renderer(self._word_frequency, by_use=True)
        elif self._renderer is None:
            self._renderer = Renderer.of_terms(self.lexical.knows)
        rendering = self._renderer.text(question)
        return "" if rendering == question else rendering

    def _lexical_signals(
        self, text: str, source: str | None, bm25_weight: float, trigram_weight: float
    ) -> list[tuple[float, dict[str, float]]]:
        """(weight, best passages scaled to 1) of word and trigram BM25 (``lexical_signals``)."""
        weights = (bm25_weight, trigram_weight)
        return lexical_signals(
            self.lexical,
            text,
            source,
            weights,
            self.hyphen_part_weight,
            self.candidates,
            self._allowed,
        )

    def _query_vector(
        self, question: str, rendering: str, also: tuple[str, ...] = ()
    ) -> np.ndarray:
        """The question's vector, mixed with its rendering's (``query_vector``)."""
        embed = self.index.embeddings.query_vector
        return query_vector(embed, question, rendering, self.translation_weight, also)

    def _allowed(self, scores: np.ndarray) -> np.ndarray:
        """Lexical scores of passages this retriever may return (the rest 0)."""
        if not self.public_only:
            return scores
        if self._visible is None or len(scores) != len(self._visible):
            return np.zeros_like(scores)  # unsure which passages are public: none are
        return scores * self._visible

    def _dense(self, qvec: np.ndarray, source: str | None) -> tuple[Candidates, float]:
        """The dense candidates by id, and the lowest cosine among them (``dense``)."""
        if self._rows is None:
            self._rows = aligned_rows(self.index, self.lexical.docs)
        return nearest_passages(
            self.index, self.lexical, qvec, self.candidates, self._rows, source, self.public_only
        )
