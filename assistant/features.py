"""Evidence features of the answer-or-refuse decision: what the answerer read, measured.

``measure`` turns what the answerer holds (the candidate sentences of the read passages, the
analysed question, the corpus vocabulary) into ``Features``, one float per name in ``FEATURES``
(the order of ``assistant/data/decision.json``'s coefficients); ``decide`` applies the fitted
model to them. The signals themselves (focus, answer type, numbers, compounds) are in
``signals``; what the question asks for, read again for weighing evidence, in ``asked_for``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from .asked_for import focus_rendering, held, wanted_type
from .folding import fold
from .lexical import terms
from .one_sentence import one_sentence_signals
from .rescoring import unlifted
from .sentence_share import asked_stems, typed_share, wants_number
from .signals import (
    answer_type_found,
    covered,
    focus_terms,
    in_context,
    number_near,
    numbers_agree,
)

__all__ = ["FEATURES", "Features", "measure"]

FEATURES = (
    "best_sim",  # highest question-sentence cosine among the candidates
    "margin_median",  # best_sim over the median candidate: is one sentence special?
    "best_score",  # the answerer's own score of its best sentence (cosine + overlap + rank)
    "top_passage",  # fused retrieval score of the best read passage
    "name_pull",  # how much closer the question is with its party names than without them
    "word_overlap",  # share of topic words (folded stems) in the best sentences
    "trigram_overlap",  # share of topic-word trigrams in the best sentence's passage
    "passage_coverage",  # share of topic words (folded stems) anywhere in the read passages
    "weakest_term",  # the least-matched topic word's trigram share in the read passages
    "unknown_sv",  # Swedish question: how many topic words the corpus never uses (at most 3)
    "known_share",  # share of topic words the corpus knows
    "named_match",  # +1 a named party/document is the best passage's, -1 named elsewhere, 0 none
    "type_wanted",  # the question wants a date, amount, duration, person or place
    "type_found",  # ... and the best sentences hold one
    "english",  # English question (over mostly Swedish texts)
    "english_known",  # English: share of its words (phrases) rendered into words the corpus uses
    "english_overlap",  # english * word_overlap
    # signals e5 does not carry (``signals``): is what is asked in the cited sentences?
    "focus_wanted",  # the question asks for a "which/how many" thing (its focus)
    "focus_found",  # share of the focus's words in the best sentences with their context
    "focus_absent_sv",  # Swedish: share of the focus's words neither the corpus nor the read
    # passages use (compounds split): the texts never name the thing asked for
    "focus_absent_en",  # the same for an English question's rendered focus
    "focus_counted",  # +1 an amount/duration is asked and a number stands by the focus, -1 not
    "context_coverage",  # topic words in the best sentences with context, compounds split
    "numbers_agree",  # +1 the question's numbers are in the best sentences, -1 not, 0 none
    "type_fit",  # +1 the wanted answer type is in the best sentence's context, -1 not, 0 none
    # the question names a thing (a municipality, organisation, place, person or document:
    # ``names``) that no text mentions: it asks about something the texts are not about
    "named_absent",
)
_TOP_SENTENCES = 3
_SHARE_SENTENCES = 5


class _Candidate(Protocol):
    """What ``candidates.Candidate`` offers."""

    @property
    def text(self) -> str: ...

    similarity: float
    score: float
    vector: np.ndarray
    passage: Any
    start: int
    end: int


@dataclass(frozen=True)
class Features:
    best_sim: float
    margin_median: float
    best_score: float
    top_passage: float
    name_pull: float
    word_overlap: float
    trigram_overlap: float
    passage_coverage: float
    weakest_term: float
    unknown_sv: float
    known_share: float
    named_match: float
    type_wanted: float
    type_found: float
    english: float
    english_known: float
    english_overlap: float
    focus_wanted: float = 0.0
    focus_found: float = 0.0
    focus_absent_sv: float = 0.0
    focus_absent_en: float = 0.0
    focus_counted: float = 0.0
    context_coverage: float = 0.0
    numbers_agree: float = 0.0
    type_fit: float = 0.0
    named_absent: float = 0.0
    # Read by ``decide``'s rule beside the model, not weighed by it (``sentence_share``): the
    # question asks for a number, and the best ONE sentence (in context) holding a number holds
    # this weighted share of its words (1.0 when it asks for no number or has no topic words).
    number_wanted: float = 0.0
    typed_share: float = 1.0
    specific_share: float = 1.0  # read by ``decide``'s rules too (``one_sentence``)
    name_share: float = 1.0

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in FEATURES], dtype=float)


def _folded_terms(text: str) -> set[str]:
    return {fold(t) for t in terms(text)}


def _trigrams(words: set[str]) -> set[str]:
    grams = set()
    for word in words:
        padded = f"#{word}#"
        grams.update(padded[i : i + 3] for i in range(max(len(padded) - 2, 1)))
    return grams


def measure(
    query: Any,
    language: str,
    candidates: Sequence[_Candidate],
    documents: dict[str, Any],
    known: Callable[[str], bool],
    nameless: Callable[[], np.ndarray | None],
) -> Features:
    """The features of one answer attempt. ``query`` is the analysed ``Query``; ``nameless``
    embeds the question without its party names (``None`` when it names none)."""
    sims = np.array([c.similarity for c in candidates], dtype=float)
    # A party's name pulls its own agreement close to anything asked about it ("What is the tax
    # rate in Ludvika?"): the name is not the topic, so the closeness is measured without it and
    # the scores that include it are lowered by what the name added.
    vec = nameless()
    pull = 0.0
    if vec is not None:
        topical = np.array([float(c.vector @ vec) for c in candidates], dtype=float)
        pull = max(0.0, float(sims.max()) - float(topical.max()))
        sims = topical
    best_sim = float(sims.max())
    ranked = sorted(candidates, key=lambda c: -c.score)
    top = ranked[:_TOP_SENTENCES]
    topic = {fold(t) for t in query.topic_terms} or _folded_terms(query.search_text)
    said = set().union(*(_folded_terms(c.text) for c in top))
    passage_words = set(re.findall(r"\w+", fold(ranked[0].passage.text)))
    read = list({id(c.passage): c.passage for c in candidates}.values())
    read_terms = set().union(*(_folded_terms(p.text) for p in read))
    read_grams = _trigrams(set().union(*(re.findall(r"\w+", fold(p.text)) for p in read)))
    wanted_grams = _trigrams(topic)
    unknown = {fold(t) for t in query.unknown_terms}
    if not query.topic_terms:  # a query built from plain text: ask the vocabulary
        unknown = {fold(t) for t in query.terms if not known(t)}
    english = float(language == "en")
    context = [in_context(c) for c in top]
    context_terms = set().union(*(_folded_terms(t) for t in context))
    focus = focus_terms(
        query.search_text,
        language,
        focus_rendering(language, known, read_terms),
        query.topic_terms or None,
    )
    folded_focus = {fold(t) for t in focus}
    absent = (
        sum(not known(t) and not held(t, read_terms, known) for t in focus) / len(focus)
        if focus
        else 0.0
    )
    wants = wanted_type(query)
    counted = 0.0
    if focus and wants in ("amount", "duration"):
        counted = 1.0 if any(number_near(folded_focus, t) for t in context) else -1.0
    # An English question's topic words meet the Swedish text through its rendering.
    wanted = asked_stems(language, query, known, topic)
    best_context = context[0] if context else ""
    overlap = len(topic & said) / len(topic) if topic else 0.0
    number = wants_number(wants, query.folded)
    typed = (  # only the rule for number questions reads it: not measured for the others
        typed_share(wanted, wants, query.folded, candidates, ranked[:_SHARE_SENTENCES])
        if number and wanted
        else 1.0
    )
    known_share = 1.0 - len(unknown & topic) / len(topic) if topic else 1.0
    asked = (wanted, _folded_terms(query.search_text) | wanted, wants, query.folded, bool(english))
    specific, named = one_sentence_signals(*asked, candidates, ranked[:_SHARE_SENTENCES])
    return Features(
        best_sim=best_sim,
        margin_median=best_sim - float(np.median(sims)),
        best_score=float(ranked[0].score) - pull,
        # The retrieval score without the answer-type lift: it orders passages only.
        top_passage=max(unlifted(query, [c.passage for c in candidates])) - pull,
        name_pull=pull,
        word_overlap=overlap,
        trigram_overlap=(
            len(wanted_grams & _trigrams(passage_words)) / len(wanted_grams)
            if wanted_grams
            else 0.0
        ),
        passage_coverage=len(topic & read_terms) / len(topic) if topic else 0.0,
        weakest_term=min(
            (len(_trigrams({t}) & read_grams) / len(_trigrams({t})) for t in topic), default=1.0
        ),
        unknown_sv=(1.0 - english) * min(len(unknown & topic), 3),
        known_share=known_share,
        named_match=_named_match(query, ranked[0].passage, documents),
        type_wanted=float(wants is not None),
        type_found=float(answer_type_found(wants, [c.text for c in top])),
        english=english,
        # An English word is "unknown" because it is English: what counts is whether its
        # Swedish rendering meets the texts ("capital of Norway": neither does).
        english_known=query.swedish_share(known) if english else 0.0,
        english_overlap=english * overlap,
        focus_wanted=float(bool(focus)),
        focus_found=covered(folded_focus, context_terms) if focus else 0.0,
        focus_absent_sv=(1.0 - english) * absent,
        focus_absent_en=english * absent,
        focus_counted=counted,
        context_coverage=covered(wanted, context_terms),
        # The year of a time-scoped question ("… öppet 2020?") chose the documents, and the
        # asker's own figures ("… studentrum på 25 kvm, räknas det …?") tell their case: neither
        # is a number the answer must state.
        numbers_agree=numbers_agree(
            query.time.rest if query.time else query.asked or query.search_text, context
        ),
        type_fit=(
            0.0 if wants is None else (1.0 if answer_type_found(wants, [best_context]) else -1.0)
        ),
        named_absent=float(bool(getattr(query, "absent_names", ()))),
        number_wanted=float(number),
        typed_share=typed,
        specific_share=specific,
        name_share=named,
    )


def _named_match(query: Any, passage: Any, documents: dict[str, Any]) -> float:
    named_docs = set(query.documents)
    named_parties = set(query.parties)
    if not named_docs and not named_parties:
        return 0.0
    if named_docs:
        return 1.0 if passage.source in named_docs else -1.0
    doc = documents.get(passage.source)
    parties = set((doc.metadata.get("parties") or []) if doc else [])
    return 1.0 if named_parties & parties else -1.0
