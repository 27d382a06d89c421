"""The lexical side of the index: BM25 over stemmed words and over character trigrams.

Trigrams match the parts of Swedish compounds ("vårdnadsöverflyttning" against "överflyttning
av vårdnaden") that whole stemmed words miss. Building both models needs every passage: at 15k
passages the read from Chroma takes over a second and leaves hundreds of MB in its SQLite cache,
and tokenising takes seconds more. So ``assistant index`` saves the built models and the passage
table under ``<index_dir>/lexical/``, keyed by the collection and the index fingerprint, and a
serving process memory-maps them instead (``lexical_store.load_or_build``). With a Chroma server
(``ASSISTANT_CHROMA_URL``) nothing is written locally: each process builds its own in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.documents import Document

from .bm25_model import BM25Model
from .chunking import embedding_text
from .compounds import CompoundVocabulary, expanded_scores
from .folding import unit_word, without_possessive
from .word_forms import other_forms

__all__ = [
    "LexicalIndex",
    "PublicLexical",
    "index_terms",
    "stem_word",
    "terms",
    "trigrams",
    "uses_word",
]

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
    """Lower-cased, stop-word-free, Swedish-stemmed word tokens, a unit's word and symbol one
    term (``folding.unit_word``); an English genitive "'s" is dropped (``without_possessive``:
    "GotlandsHem's" is the name "GotlandsHem")."""
    text = without_possessive(text).casefold()
    words = [unit_word(w) for w in _WORD.findall(text) if w not in _stopwords()]
    return _stemmer().stemWords(words)


def index_terms(text: str) -> list[str]:
    """``terms`` plus the parts of each hyphen-joined word, as BM25 indexes and searches them.

    A hyphen joins words Swedish writes apart as often as together: "Icorns-program" must meet
    a question's "ICORN", "BBR-krav" a passage's "krav enligt BBR", "covid-19" "covid". The
    whole word stays a term too, so the same joined word in question and passage still counts
    more than its parts apart. Parts of one character ("e" in "e-tjänst") and stop words are
    not terms.
    """
    words: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word not in _stopwords():
            words += [unit_word(word), *_parts(word)]
    return _stemmer().stemWords(words)


def _parts(word: str) -> list[str]:
    """A hyphen-joined word's parts that are terms (none for a plain word)."""
    if "-" not in word:
        return []
    return [p for p in word.split("-") if len(p) > 1 and p not in _stopwords()]


def _query_terms(question: str, knows: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """The question's BM25 terms: (words, parts). ``words`` are its ``terms``; ``parts`` the parts
    of its hyphen-joined words the corpus knows whole, searched beside them (at a weight of their
    own, ``LexicalIndex.scores``). A hyphen-joined word the corpus lacks whole is searched as its
    parts, among the words (kept whole it would only count as a word the corpus does not know).
    """
    words: list[str] = []
    parts: list[str] = []
    for word in _WORD.findall(question.casefold()):
        if word in _stopwords():
            continue
        whole, pieces = stem_word(word), [stem_word(p) for p in _parts(word)]
        if not pieces:
            words.append(whole)
        elif knows(whole):
            words.append(whole)
            parts += pieces
        else:
            words += pieces
    return words, parts


def _known_share(question: str, recognizes: Callable[[str], bool]) -> float:
    """The share of the question's words ``recognizes`` knows; a hyphen-joined word is known
    whole or by all of its parts ("Icorns-program" where the corpus has "ICORN" and
    "program")."""
    words = [w for w in _WORD.findall(question.casefold()) if w not in _stopwords()]

    def known(word: str) -> bool:
        parts = _parts(word)
        return recognizes(stem_word(word)) or (
            bool(parts) and all(recognizes(stem_word(p)) for p in parts)
        )

    return sum(map(known, words)) / len(words) if words else 0.0


def stem_word(word: str) -> str:
    """One lower-case word's Swedish stem (stop words too)."""
    return str(_stemmer().stemWord(unit_word(word)))


def trigrams(text: str) -> list[str]:
    """Character trigrams of the stop-word-free words, each word padded with ``#`` at both ends."""
    grams: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word in _stopwords():
            continue
        padded = f"#{word}#"
        grams.extend(padded[i : i + 3] for i in range(max(len(padded) - 2, 1)))
    return grams


def uses_word(knows: Callable[[str], bool], word: str) -> bool:
    """Does the corpus use this whole word: are all of its stemmed ``terms`` ``knows``?

    ``knows`` takes stemmed terms (``LexicalIndex.knows``); a rendering offers whole words
    ("riktlinje", stemmed "riktlinj"), so it asks through this."""
    stems = terms(word)
    return bool(stems) and all(map(knows, stems))


class LexicalIndex:
    """BM25 over all passages (words and trigrams), one per index fingerprint."""

    def __init__(
        self, passages: list[Document], models: tuple[BM25Model, BM25Model] | None = None
    ) -> None:
        self.docs = passages
        self.by_id = {str(d.id): d for d in passages}
        self.sources = np.array([d.metadata["source"] for d in passages])
        if models is None:
            texts = [embedding_text(d) for d in passages]
            models = (
                BM25Model.build([index_terms(t) for t in texts]),
                BM25Model.build([trigrams(t) for t in texts]),
            )
        self._words, self._trigrams = models

    def knows(self, term: str) -> bool:
        """Does this (stemmed) term, or another form of its word (``word_forms``: "konto" of
        "konton"), occur anywhere in the corpus?"""
        return any(map(self._words.knows, (term, *other_forms(term))))

    def frequency(self, term: str) -> int:
        """How many passages hold this (stemmed) term."""
        return self._words.frequency(term)

    @cached_property
    def compounds(self) -> CompoundVocabulary:
        """The corpus's stems read as compound parts (built on first use, from the BM25
        vocabulary already in memory)."""
        return CompoundVocabulary(self._words.vocabulary(), stem_word)

    def recognizes(self, term: str) -> bool:
        """Does the corpus know this (stemmed) term, counting compounds: a corpus term, a
        compound of corpus terms ("scenkonstgrupp"), or a part of corpus compounds ("res" in
        "resekostnad")?"""
        return self.knows(term) or self.compounds.knows(term)

    def known_share(self, question: str) -> float:
        """The share of the question's words the corpus knows, counting compounds (0 for an
        empty question).

        Low for a question in another language than the texts: then shared letters and words
        are mostly chance, and the fusion leans on the (multilingual) dense side alone.
        """
        return _known_share(question, self.recognizes)

    def scores(self, question: str, source: str | None = None, parts: float = 1.0) -> np.ndarray:
        """BM25 over stemmed words, one score per passage (0 outside ``source``); a word the
        corpus has only in compounds or parts counts through them (``word_scores``); the parts
        of a hyphen-joined word count beside it at ``parts`` (``_query_terms``)."""
        words, pieces = _query_terms(question, self.knows)
        found = self.word_scores(words, self.knows, self.compounds)
        if pieces and parts > 0:
            found = found + parts * self._words.scores(pieces)
        return self._within(found, source)

    def word_scores(
        self, words: list[str], knows: Callable[[str], bool], compounds: CompoundVocabulary
    ) -> np.ndarray:
        """BM25 over the stemmed words; a word ``knows`` lacks scores through its compounds
        (``compounds.expanded_scores``)."""
        return expanded_scores(words, knows, compounds, self._words.scores)

    def trigram_scores(self, question: str, source: str | None = None) -> np.ndarray:
        """BM25 over character trigrams, one score per passage (0 outside ``source``)."""
        return self._within(self._trigrams.scores(trigrams(question)), source)

    def _within(self, scores: np.ndarray, source: str | None) -> np.ndarray:
        return scores * (self.sources == source) if source is not None else scores

    def public(self) -> PublicLexical:
        """The same index as the public surface may see it: public passages only."""
        return PublicLexical(self)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        rows = [{"id": d.id, "text": d.page_content, "metadata": d.metadata} for d in self.docs]
        (folder / "passages.json").write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        self._words.save(folder / "words")
        self._trigrams.save(folder / "trigrams")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        rows = json.loads((folder / "passages.json").read_text("utf-8"))
        docs = [Document(id=r["id"], page_content=r["text"], metadata=r["metadata"]) for r in rows]
        n = len(docs)
        return cls(
            docs, (BM25Model.load(folder / "words", n), BM25Model.load(folder / "trigrams", n))
        )


class PublicLexical:
    """A ``LexicalIndex`` restricted to public passages, sharing the full index's models.

    Everything the public surface derives from the lexical side — which words the corpus
    "knows" (refusals, the question analysis, the English rendering), the passages and their
    sources (commitments, "another document has these words") — must come from public text
    only, or a public answer could hint that a word occurs in an internal document. Positions
    are those of the public passages; scores are the full index's, cut to them. (BM25's
    document frequencies still count every passage: a public passage's lexical score can differ
    by a fraction from one computed without the internal texts, which shows no word.)
    """

    def __init__(self, full: LexicalIndex) -> None:
        self.full = full
        shown = [d.metadata.get("visibility") == "public" for d in full.docs]
        # Passages indexed before visibility existed have none: hidden until re-indexed.
        self._mask = np.array(shown, dtype=bool)
        self._at = np.flatnonzero(self._mask)
        self.docs = [full.docs[i] for i in self._at]
        self.by_id = {str(d.id): d for d in self.docs}
        self.sources = full.sources[self._at]

    def knows(self, term: str) -> bool:
        """Does this (stemmed) term, or another form of its word, occur in a public passage?"""
        words = self.full._words
        return any(
            bool(self._mask[words.passages_with(t)].any()) for t in (term, *other_forms(term))
        )

    @cached_property
    def compounds(self) -> CompoundVocabulary:
        """Compound parts from public passages only."""
        return CompoundVocabulary(self.full._words.vocabulary(self._mask), stem_word)

    def recognizes(self, term: str) -> bool:
        return self.knows(term) or self.compounds.knows(term)

    def known_share(self, question: str) -> float:
        return _known_share(question, self.recognizes)

    def frequency(self, term: str) -> int:
        """How many public passages hold the (stemmed) term (the English rendering's sense
        choice must not be steered by internal text either)."""
        return int(self._mask[self.full._words.passages_with(term)].sum())

    def scores(self, question: str, source: str | None = None, parts: float = 1.0) -> np.ndarray:
        # Expanded through the public vocabulary: no internal compound may steer a score.
        words, pieces = _query_terms(question, self.knows)
        full = self.full.word_scores(words, self.knows, self.compounds)
        if pieces and parts > 0:
            full = full + parts * self.full._words.scores(pieces)
        return self._within(full[self._at], source)

    def trigram_scores(self, question: str, source: str | None = None) -> np.ndarray:
        return self._within(self.full.trigram_scores(question)[self._at], source)

    def _within(self, scores: np.ndarray, source: str | None) -> np.ndarray:
        return scores * (self.sources == source) if source is not None else scores
