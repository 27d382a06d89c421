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

from .config import Settings
from .index import Index, StoredDocument
from .results import Answer, Citation, Passage
from .retrieve import terms

__all__ = ["ExtractiveAnswerer", "Party", "detect_language", "parties_in"]

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
_GENERIC = {"kommun": ("kommunen", "municipality"), "region": ("regionen", "region")}
_VERBS = (
    "ska|skall|vill|verkar|bidrar|ger|har|är|kan|koordinerar|arrangerar|stödjer|arbetar|följer|"
    "delfinansierar|åtar|erbjuder|möjliggör|ansvarar|tillhandahåller|undersöker|driver|främjar"
)
_OVERLAP_WEIGHT = 0.08
_PASSAGE_WEIGHT = 0.5
_PARTY_BONUS = 0.06
_EXTRA_MARGIN = 0.015
_PARTY_MARGIN = 0.08
_MAX_SENTENCES = 3
_FRAME_WORDS = (
    "säger står avtalet avtal överenskommelsen texten texterna dokumentet dokument gäller nämns "
    "handlar skriver lagen bibliotekslagen beskrivs"
)


def detect_language(text: str) -> str:
    """'sv' or 'en', by function words (and å/ä/ö); Swedish wins ties, it is the corpus language."""
    words = re.findall(r"[a-zåäöé]+", text.casefold())
    sv = sum(w in _SV_WORDS for w in words) + 2 * bool(re.search(r"[åäö]", text.casefold()))
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > sv else "sv"


@dataclass(frozen=True)
class Party:
    """A party to an agreement and the words that name it in questions and as a subject."""

    name: str
    subject_names: tuple[str, ...]
    question_names: tuple[str, ...]

    @classmethod
    def from_name(cls, name: str) -> Party:
        words = name.split()
        proper = [w for w in words if w.casefold() not in _GENERIC]
        kinds = [_GENERIC[w.casefold()] for w in words if w.casefold() in _GENERIC]
        subject = [name, *proper, *(k[0] for k in kinds)]
        question = [*subject, *(k[1] for k in kinds)]
        return cls(name, tuple(subject), tuple(question))


def _mentions(text: str, names: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text, re.I) for n in names)


def parties_in(question: str, parties: list[Party]) -> list[Party]:
    return [p for p in parties if _mentions(question, p.question_names)]


def _subjects(sentence: str, parties: list[Party]) -> list[Party]:
    """Parties that act in the sentence: named next to a verb of commitment or action."""
    found = []
    for party in parties:
        names = "|".join(re.escape(n) for n in sorted(party.subject_names, key=len, reverse=True))
        pattern = (
            rf"(?:^|\b(?:{_VERBS})\s+)(?:[\w ]{{1,30}}?\s+och\s+)?(?:{names})(?![\w-])"
            rf"|(?<![\w-])(?:{names})(?:\s+och\s+[\w ]{{1,30}}?)?,?\s+(?:{_VERBS})\b"
        )
        if re.search(pattern, sentence.strip(), re.I):
            found.append(party)
    return found


@dataclass
class _Candidate:
    passage: Passage
    start: int
    end: int
    score: float
    similarity: float

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
    ) -> Answer:
        language = detect_language(question)
        reading = passages[: self.settings.answer_passages]
        candidates = self._score(question, reading, documents)
        if not self._supported(question, language, candidates):
            return _abstain(question, language, passages)
        chosen = self._choose(question, candidates, documents)
        citations = [
            Citation(n=i, passage=c.passage, quote=c.text, score=c.score)
            for i, c in enumerate(chosen, start=1)
        ]
        for citation in citations:
            _check_verbatim(citation, documents)
        return Answer(question, True, _frame(citations, language), language, citations)

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
        for chunk_id, start, end, vec in self.index.sentences(list(by_id)):
            passage = by_id[chunk_id]
            text = passage.text[start:end]
            overlap = len(qterms & set(terms(text))) / len(qterms) if qterms else 0.0
            score = float(vec @ qvec) + _OVERLAP_WEIGHT * overlap
            score += _PASSAGE_WEIGHT * (passage.score - top)
            score += _party_bonus(text, named, _parties([passage], documents))
            out.append(_Candidate(passage, start, end, score, float(vec @ qvec)))
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
                and named[0] in _subjects(cand.text, _parties([cand.passage], documents))
            )
            if (close or same_actor) and all(cand.text != c.text for c in chosen):
                chosen.append(cand)
        return chosen

    def _supported(self, question: str, language: str, candidates: list[_Candidate]) -> bool:
        """Is the evidence strong enough to answer? Weak similarity or unknown words say no."""
        if not candidates:
            return False
        if max(c.similarity for c in candidates) < self.settings.min_answer_score:
            return False
        if language != "sv":
            return True
        # Swedish questions share vocabulary with the texts: if most of a question's words
        # occur nowhere in the corpus, the texts do not talk about it.
        qterms = set(terms(question)) - _frame_terms()
        unknown = [t for t in qterms if not self.vocabulary(t)]
        if not qterms or len(unknown) / len(qterms) < self.settings.max_unknown_terms:
            return True
        # One unknown word among many is a synonym; in a one- or two-word topic it is the topic.
        return len(unknown) < 2 and len(qterms) > 2


@lru_cache(maxsize=1)
def _frame_terms() -> frozenset[str]:
    """Words that frame a question about the texts rather than name its topic."""
    return frozenset(terms(_FRAME_WORDS))


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
    subjects = _subjects(sentence, parties)
    if named[0] in subjects:
        return _PARTY_BONUS if len(subjects) == 1 else _PARTY_BONUS / 3
    return -_PARTY_BONUS if subjects else 0.0


def _check_verbatim(citation: Citation, documents: dict[str, StoredDocument]) -> None:
    """A quote must stand in its passage (Citation checks) and the passage in the cleaned source."""
    p = citation.passage
    doc = documents.get(p.source)
    if doc is None or doc.page_text(p.page, p.kind)[p.start : p.end] != p.text:
        raise RuntimeError(
            f"Passage {p.id} no longer matches {p.source} page {p.page}: run `assistant index`."
        )


def _frame(citations: list[Citation], language: str) -> str:
    if len(citations) == 1:
        c = citations[0]
        where = _where(c.passage, language)
        lead = "Enligt" if language == "sv" else "According to"
        return f"{lead} {where}: ”{c.quote}” [{c.n}]"
    lead = "Enligt avtalstexterna:" if language == "sv" else "According to the texts:"
    lines = [f"- ”{c.quote}” [{c.n}] ({_where(c.passage, language)})" for c in citations]
    return "\n".join([lead, *lines])


def _where(p: Passage, language: str) -> str:
    page = "s." if language == "sv" else "p."
    return f"{p.title}, {page} {p.page}"


def _abstain(question: str, language: str, related: list[Passage]) -> Answer:
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
