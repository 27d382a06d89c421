"""Parts of ``HybridRetriever``'s scoring: the text a question's vector is embedded from, the
lexical signals' scaling, the lift for a passage holding the answer type the question wants, the
best-sentence re-scoring (its last step for a cross-lingual question: a passage's score moves
by ``weight`` times how much closer its closest sentence is to the question than the passage),
and one place for each text a document repeats (``distinct``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from langchain_core.documents import Document

from .definitions import DefinitionLift
from .lifts import PassageLift
from .query import Query
from .signals import answer_type_found

__all__ = [
    "ANSWER_TYPE_WEIGHT",
    "ANSWER_TYPE_WEIGHT_EN",
    "AnswerTypeLift",
    "by_best_sentence",
    "distinct",
    "lexical_signals",
    "searched_text",
    "scaled_top",
    "unlifted",
]

# For Swedish questions and others; 0 turns it off. Recall alone chose 0.02-0.03 on halves of
# byggfaq and SweFAQ (``python -m bench.fit_answer_type``, README eighth session); with the
# decision re-fitted each time, 0.01 (Swedish only) is the weight that keeps every set's answered
# and refused rows of the suite while SweFAQ meets its recall targets: at 0.02 four rows lost a
# question, and the English lift cost English refusals for no recall (README "Answer or refuse",
# ninth session). Here, not in ``retrieve``: the decision's ``features`` read scores without it.
ANSWER_TYPE_WEIGHT = 0.01
ANSWER_TYPE_WEIGHT_EN = 0.0


def searched_text(query: Query, keeps_names: bool) -> str:
    """The text the question's vector is embedded from and the lexical signals match.

    ``search_text`` drops the words that name a document (the document is then the search's
    filter or preference); but a document's name is often the question's topic too ("Vad är
    bygglov?" names *Bygglov* and became "Vad är"), so with ``keeps_names`` it is the question
    with them (``Query.question``: the same spelling corrections); a "which documents" question
    keeps its narrowed topic. Each everyday phrase the question uses is written in the texts'
    own term (``Query.readings``: "sjuk eller borta" -> "förfall"), which BM25 can meet and
    whose known words keep the lexical signals' weight (``retrieve``). The embedded question
    read so too since the thirty-ninth session: a word the corpus never uses pulls e5 off the
    topic ("… betalar va-fakturan för sent?" ranked the passage on late payment below 20; over
    the suite only gains, README).
    """
    use_question = keeps_names and query.documents and query.intent != "which_documents"
    text = query.question if use_question else query.search_text
    for phrase, term in query.readings:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", term, text, flags=re.I)
    return text


class AnswerTypeLift(PassageLift):
    """The lift for a passage that holds the kind of answer the question wants (a date, an
    amount, a duration, a person: ``Query.wants``): ``weight`` for a Swedish question,
    ``weight_en`` for another language's, else 0; each passage read once.

    FAQ pages hold several answers on one topic, and e5-small often ranks a sibling answer above
    the one asked for ("Hur lång tid tar det att få bygglov?" beside the answer on what a permit
    costs); the answer type tells them apart where the words do not. Small, so it settles close
    calls only (fitted on halves of byggfaq and SweFAQ: README, eighth session).
    """

    def __init__(
        self,
        question: str | Query,
        weight: float = ANSWER_TYPE_WEIGHT,
        weight_en: float = ANSWER_TYPE_WEIGHT_EN,
    ) -> None:
        wants = question.wants if isinstance(question, Query) else None
        if isinstance(question, Query) and question.language != "sv":
            weight = weight_en
        self.wants = wants if weight > 0 else None
        wanted = self.wants
        test = None if wanted is None else (lambda text: answer_type_found(wanted, [text]))
        super().__init__(test, weight)


def unlifted(query: Any, passages: Any) -> list[float]:
    """Each passage's retrieval score without the answer-type and definition lifts
    (``AnswerTypeLift``, ``definitions.DefinitionLift``, at the shipped weights).

    The lift orders passages (rank only); the answer-or-refuse decision reads the scores
    without it. With the lift in the score it reads, a question wanting an amount or a date
    looked better supported wherever some passage held any amount or date, and on-topic
    unanswerable questions were answered (README "Answer or refuse", ninth session).
    """
    fits = AnswerTypeLift(query)
    defined = DefinitionLift(getattr(query, "search_text", ""))
    # keyed by text: the same lifts
    return [float(p.score) - fits(p.text, p.text) - defined(p.text, p.text) for p in passages]


def scaled_top(scores: np.ndarray, candidates: int, docs: Any) -> dict[str, float]:
    """The best ``candidates`` passages of one lexical signal by id, scaled so its best is 1."""
    n = min(candidates, len(scores))
    best = float(scores.max()) if n else 0.0
    if best <= 0:
        return {}
    top = np.argpartition(-scores, n - 1)[:n]
    return {str(docs[i].id): float(scores[i]) / best for i in top if scores[i] > 0}


def lexical_signals(
    lexical: Any,
    text: str,
    source: str | None,
    weights: tuple[float, float],
    parts: float,
    candidates: int,
    allowed: Callable[[np.ndarray], np.ndarray],
) -> list[tuple[float, dict[str, float]]]:
    """(weight, best passages scaled to 1) of word and trigram BM25 over ``text``: ``weights``
    are (words, trigrams), ``parts`` a hyphen-joined word's parts' weight, ``allowed`` zeroes
    the scores of passages the caller may not return. Each weight counts in proportion to the
    share of the text's words the corpus knows (an English question shares letters with Swedish
    passages mostly by chance)."""
    share = lexical.known_share(text)
    scorers = (partial(lexical.scores, parts=parts), lexical.trigram_scores)
    return [
        (weight * share, scaled_top(allowed(scorer(text, source)), candidates, lexical.docs))
        for weight, scorer in zip(weights, scorers, strict=True)
        if weight * share > 0
    ]


def by_best_sentence(
    index: Any,
    scored: list[tuple[float, Document]],
    qvec: np.ndarray,
    cosines: dict[str, float],
    n: int,
    weight: float,
) -> list[tuple[float, Document]]:
    """Re-score the first ``n`` with their best sentence's cosine beside the passage's.

    ``index``: the ``indexing.store.Index`` whose sentence vectors are read; ``scored``:
    (fused score, passage) best first; ``cosines``: each passage's own cosine to ``qvec``.
    Returns the list re-sorted, best first (the rest after ``n`` keep their scores).

    A cross-lingual question meets the one sentence that answers it more clearly than the
    passage around it (byggfaq's tuning half, English: R@3 0.71 -> 0.74 over the rendering
    alone). For Swedish questions the fit keeps it off (``sentence_weight_sv`` 0: SweFAQ and
    dev2 lower at every weight; sentences are embedded without the title and section their
    passage is embedded with, and FAQ answers leave their topic to the question).
    """
    head = scored[:n]
    ids = [str(d.id) for _, d in head]
    counts = {str(d.id): int(d.metadata.get("sentences", 0)) for _, d in head}
    best: dict[str, float] = {}
    for chunk_id, _, _, vec in index.sentences(ids, counts):
        best[chunk_id] = max(best.get(chunk_id, -1.0), float(vec @ qvec))
    rescored = []
    for score, doc in head:
        pid = str(doc.id)
        if pid in best and pid in cosines:
            score += weight * (best[pid] - cosines[pid])
        rescored.append((score, doc))
    return sorted(rescored + scored[n:], key=lambda pair: -pair[0])


def distinct(scored: list[tuple[float, Document]]) -> list[tuple[float, Document]]:
    """``scored`` (best first) with each passage text a document repeats kept once, at its best
    place: a council paper quotes the proposal it forwards, a tariff stands twice (the board's
    and the office's version), and two copies of one paragraph took two of the three places a
    question's answer is read from (measured: "Avgift 3 § …" twice above "2 § Avgift … ska
    betalas av …"). Whitespace does not tell copies apart."""
    seen: set[tuple[str, str]] = set()
    out = []
    for score, doc in scored:
        key = (doc.metadata.get("source", ""), " ".join(doc.page_content.split()))
        if key not in seen:
            seen.add(key)
            out.append((score, doc))
    return out
