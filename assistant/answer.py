"""Answering (extractive, offline): the best 1-3 sentences of the top passages, quoted verbatim.

Sentences are scored by their vectors (computed at index time) against the question's vector,
plus word overlap, the passage's retrieval score and, when the question names a party, whether
that party is the sentence's subject. Weak evidence gives an abstention with related passages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .config import Settings
from .index import Index, StoredDocument
from .lexical import terms
from .parties import (
    COMMITMENT_FRAME,
    Party,
    acting_parties,
    parties_in,
    without_party_names,
)
from .results import Answer, Citation, Passage

__all__ = ["ExtractiveAnswerer", "abstain", "cite", "detect_language", "frame_list", "which_topic"]

_SV_WORDS = frozenset(
    [
        "och",
        "att",
        "det",
        "som",
        "är",
        "på",
        "vad",
        "vem",
        "vilka",
        "vilken",
        "vilket",
        "hur",
        "har",
        "för",
        "med",
        "ska",
        "om",
        "kan",
        "inte",
        "av",
        "till",
        "gör",
        "när",
        "var",
        "varför",
        "finns",
        "den",
        "de",
        "i",
        "sig",
        "mellan",
        "enligt",
        "regionen",
        "kommunen",
    ]
)
_EN_WORDS = frozenset(
    [
        "the",
        "what",
        "who",
        "which",
        "how",
        "is",
        "are",
        "did",
        "does",
        "do",
        "of",
        "to",
        "and",
        "for",
        "about",
        "when",
        "where",
        "why",
        "can",
        "in",
        "a",
        "an",
        "regarding",
        "commit",
        "say",
        "said",
        "agree",
        "agreed",
        "their",
        "they",
        "it",
        "with",
    ]
)
_OVERLAP_WEIGHT = 0.08
_PASSAGE_WEIGHT = 0.5
_PARTY_BONUS = 0.06
_EXTRA_MARGIN = 0.015
_PARTY_MARGIN = 0.08
_MAX_SENTENCES = 3
_MIN_WORDS = 3
_DOCUMENT_MARGIN = 0.05
_NAMELESS_MARGIN = 0.005
_NAME_PULL = 0.08
_MAX_SILENT = 12
_WHICH_FRAME = re.compile(
    r"\b(vilka|vilken|which|what)\s+(dokument|avtal|överenskommelser|kommuner|texter|lagar|"
    r"documents?|agreements?|municipalit(?:y|ies)|texts?|laws?)\b|\b(nämner|tar upp|handlar om|"
    r"säger något om|skriver om|innehåller|mention|mentions|address|addresses|talk about|"
    r"say anything about|cover|covers|deal with|contain|contains)\b",
    re.I,
)
_FRAME_WORDS = (
    "säger står avtalet avtal överenskommelsen texten texterna dokumentet dokument gäller nämns "
    "handlar skriver lagen bibliotekslagen beskrivs många mycket antal"
)


def detect_language(text: str) -> str:
    """'sv' or 'en', by function words (and å/ä/ö); Swedish wins ties, it is the corpus language."""
    words = re.findall(r"[a-zåäöé]+", text.casefold())
    sv = sum(w in _SV_WORDS for w in words) + 2 * bool(re.search(r"[åäö]", text.casefold()))
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > sv else "sv"


@dataclass
class _Candidate:
    passage: Passage
    start: int
    end: int
    score: float
    similarity: float
    vector: np.ndarray

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


class ExtractiveAnswerer:
    """Picks and frames sentences; needs the index only for the stored sentence vectors."""

    def __init__(self, index: Index, settings: Settings, vocabulary: Callable[[str], bool]) -> None:
        self.index = index
        self.settings = settings
        self.vocabulary = vocabulary

    def answer(
        self,
        question: str,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        language: str | None = None,
        exclude: set[str] | None = None,
    ) -> Answer:
        """Answer from ``passages``; ``exclude`` holds quotes an earlier turn already gave."""
        language = language or detect_language(question)
        reading = passages[: self.settings.answer_passages]
        candidates = [
            c for c in self._score(question, reading, documents) if c.text not in (exclude or ())
        ]
        if not self._supported(question, language, candidates, documents):
            return abstain(question, language, passages)
        chosen = self._choose(question, candidates, documents)
        citations = cite([(c.passage, c.text, c.score) for c in chosen], documents)
        return Answer(question, True, _frame(citations, language), language, citations)

    def per_document(
        self,
        question: str,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        language: str,
    ) -> Answer:
        """One cited entry per document that addresses the question; name the silent ones.

        A document addresses the topic when its best sentence shares a topic word with the
        question or, for a topic in another language, is nearly as close to it as the best
        document's best sentence.
        """
        topic = which_topic(question)
        best: dict[str, _Candidate] = {}
        for source in dict.fromkeys(p.source for p in passages):
            own = [p for p in passages if p.source == source and p.kind != "card"][:2]
            candidates = self._score(topic, own, documents)
            if candidates and self._supported(topic, language, candidates, documents):
                best[source] = candidates[0]
        top = max((c.similarity for c in best.values()), default=0.0)
        wanted = set(terms(topic))
        # A topic in the corpus's own words is matched by its words; one in another language
        # (no word known) by closeness to the best match.
        lexical = any(self.vocabulary(t) for t in wanted)
        found = [
            (c.passage, c.text, c.score)
            for c in best.values()
            if (wanted & set(terms(c.text)) if lexical else c.similarity >= top - _DOCUMENT_MARGIN)
        ]
        if not found:
            return abstain(question, language, passages)
        citations = cite(found, documents)
        cited = {c.passage.source for c in citations}
        silent = [d.title for s, d in sorted(documents.items()) if s not in cited]
        text = _frame_per_document(citations, silent, language)
        return Answer(question, True, text, language, citations)

    def best_sentence(
        self, question: str, passage: Passage, documents: dict[str, StoredDocument]
    ) -> tuple[str, float] | None:
        """The passage's sentence that best matches the question, with its score."""
        candidates = self._score(question, [passage], documents)
        return (candidates[0].text, candidates[0].score) if candidates else None

    def _score(
        self, question: str, passages: list[Passage], documents: dict[str, StoredDocument]
    ) -> list[_Candidate]:
        if not passages:
            return []
        qvec = self.index.embeddings.query_vector(question)
        qterms = set(terms(question))
        by_id = {p.id: p for p in passages}
        top = passages[0].score
        named = parties_in(question, _parties(passages, documents))
        out = []
        counts = {p.id: p.sentences for p in passages}
        for chunk_id, start, end, vec in self.index.sentences(list(by_id), counts):
            passage = by_id[chunk_id]
            text = passage.text[start:end]
            if len(text.split()) < _MIN_WORDS:
                continue  # list fragments ("skolbibliotek,") quote badly and score too well
            overlap = len(qterms & set(terms(text))) / len(qterms) if qterms else 0.0
            score = float(vec @ qvec) + _OVERLAP_WEIGHT * overlap
            score += _PASSAGE_WEIGHT * (passage.score - top)
            score += _party_bonus(text, named, _parties([passage], documents))
            out.append(_Candidate(passage, start, end, score, float(vec @ qvec), vec))
        out.sort(key=lambda c: -c.score)
        return out

    def _choose(
        self, question: str, candidates: list[_Candidate], documents: dict[str, StoredDocument]
    ) -> list[_Candidate]:
        """The best sentence, close runners-up, and when the question names a party, what else
        that party does in the same passage."""
        best = candidates[0]
        named = parties_in(question, _parties([best.passage], documents))
        chosen = [best]
        for cand in candidates[1:]:
            if len(chosen) == _MAX_SENTENCES:
                break
            close = cand.score >= best.score - _EXTRA_MARGIN
            same_actor = (
                len(named) == 1
                and cand.passage.id == best.passage.id
                and cand.score >= best.score - _PARTY_MARGIN
                and named[0] in acting_parties(cand.text, _parties([cand.passage], documents))
            )
            if (close or same_actor) and all(cand.text != c.text for c in chosen):
                chosen.append(cand)
        return chosen

    def _supported(
        self,
        question: str,
        language: str,
        candidates: list[_Candidate],
        documents: dict[str, StoredDocument],
    ) -> bool:
        """Is the evidence strong enough to answer? Weak similarity or unknown words say no."""
        if not candidates:
            return False
        best = max(c.similarity for c in candidates)
        if best < self.settings.min_answer_score:
            return False
        # Party names are not the topic: they pull their own agreement close to any question
        # ("What is the tax rate in Ludvika?"), and they are known words whatever is asked.
        topic = without_party_names(question, _parties([c.passage for c in candidates], documents))
        topic_terms = set(terms(topic)) - _frame_terms()
        # Taking the names out cost answerable questions at most 0.074 here: a clearly close
        # match does not owe its closeness to a name, and skips the second embedding.
        doubtful = best < self.settings.min_answer_score + _NAME_PULL
        if doubtful and topic != question and topic_terms and not self._close(topic, candidates):
            return False
        if language != "sv":
            return True
        # Swedish questions share vocabulary with the texts: if most of a question's words
        # occur nowhere in the corpus, the texts do not talk about it.
        unknown = [t for t in topic_terms if not self.vocabulary(t)]
        if not topic_terms or len(unknown) / len(topic_terms) < self.settings.max_unknown_terms:
            return True
        # One unknown word among many is a synonym; in a one- or two-word topic it is the topic.
        return len(unknown) < 2 and len(topic_terms) > 2

    def _close(self, topic: str, candidates: list[_Candidate]) -> bool:
        """Does a candidate sentence match the question without its party names?"""
        vec = self.index.embeddings.query_vector(topic)
        best = max(float(c.vector @ vec) for c in candidates)
        # The shorter question matches a little less well than the whole one.
        return best >= self.settings.min_answer_score - _NAMELESS_MARGIN


@lru_cache(maxsize=1)
def _frame_terms() -> frozenset[str]:
    """Words that frame a question about the texts rather than name its topic."""
    return frozenset(terms(_FRAME_WORDS)) | frozenset(terms(COMMITMENT_FRAME))


def _parties(passages: list[Passage], documents: dict[str, StoredDocument]) -> list[Party]:
    names: dict[str, None] = {}
    for p in passages:
        doc = documents.get(p.source)
        for name in (doc.metadata.get("parties") or []) if doc else []:
            names[name] = None
    return [Party.from_name(n) for n in names]


def _party_bonus(sentence: str, named: list[Party], parties: list[Party]) -> float:
    if len(named) != 1:
        return 0.0
    subjects = acting_parties(sentence, parties)
    if named[0] in subjects:
        return _PARTY_BONUS if len(subjects) == 1 else _PARTY_BONUS / 3
    return -_PARTY_BONUS if subjects else 0.0


def which_topic(question: str) -> str:
    """The topic of a "which documents …" question, without its frame."""
    return " ".join(_WHICH_FRAME.sub(" ", question).split()).strip(" ?") or question


def cite(
    picked: list[tuple[Passage, str, float]], documents: dict[str, StoredDocument]
) -> list[Citation]:
    """Numbered citations; each quote is checked verbatim against the cleaned source."""
    citations = [
        Citation(n=i, passage=p, quote=q, score=s) for i, (p, q, s) in enumerate(picked, start=1)
    ]
    for c in citations:
        doc = documents.get(c.passage.source)
        p = c.passage
        if doc is None or doc.page_text(p.page, p.kind)[p.start : p.end] != p.text:
            raise RuntimeError(
                f"Passage {p.id} no longer matches {p.source} page {p.page}: run `assistant index`."
            )
    return citations


def _frame(citations: list[Citation], language: str) -> str:
    if len(citations) == 1:
        c = citations[0]
        where = _where(c.passage, language)
        lead = "Enligt" if language == "sv" else "According to"
        return f"{lead} {where}: ”{c.quote}” [{c.n}]"
    lead = "Enligt avtalstexterna:" if language == "sv" else "According to the texts:"
    return frame_list(lead, citations, language)


def _frame_per_document(citations: list[Citation], silent: list[str], language: str) -> str:
    sv = language == "sv"
    lead = "Dessa dokument tar upp det:" if sv else "These documents address it:"
    lines = [
        f"- {c.passage.title}: ”{c.quote}” [{c.n}] ({_page(c.passage, language)})"
        for c in citations
    ]
    if silent:
        named = "; ".join(silent[:_MAX_SILENT])
        if len(silent) > _MAX_SILENT:
            more = len(silent) - _MAX_SILENT
            named += f" och {more} dokument till" if sv else f" and {more} more documents"
        lines.append(("Inget om det i: " if sv else "Nothing on it in: ") + named + ".")
    return "\n".join([lead, *lines])


def frame_list(lead: str, citations: list[Citation], language: str) -> str:
    """A lead line and one cited quote per line."""
    lines = [f"- ”{c.quote}” [{c.n}] ({_where(c.passage, language)})" for c in citations]
    return "\n".join([lead, *lines])


def _page(p: Passage, language: str) -> str:
    return f"{'s.' if language == 'sv' else 'p.'} {p.page}"


def _where(p: Passage, language: str) -> str:
    return f"{p.title}, {_page(p, language)}"


def abstain(question: str, language: str, related: list[Passage]) -> Answer:
    topic = question.strip().rstrip("?").strip()
    if language == "sv":
        text = (
            f"Jag hittar inget om ”{topic}” i avtalstexterna. "
            "De närmaste ställena visas som relaterade, inte som svar."
        )
    else:
        text = (
            f"I cannot find anything about “{topic}” in the agreement texts. "
            "The closest passages are shown as related, not as an answer."
        )
    return Answer(question, False, text, language, [], related)
