"""Answering (extractive, offline): the best 1-3 sentences of the top passages, quoted verbatim.

Sentences are scored by their vectors (computed at index time) against the question's vector,
plus word overlap, the passage's retrieval score and, when the question names a party, whether
that party is the sentence's subject. Weak evidence gives an abstention with related passages.
Which of the scored sentences are cited is decided by the fitted order of ``choice``.
The question arrives analysed (``query.Query``); ``quotes`` turns the chosen sentences into
citations and ``framing`` words the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from langchain_core.documents import Document

from .absent_kind import absent_kind
from .acronyms import defining
from .candidates import (
    Candidate,
    notes_of,
    older,
    parties_of,
    readable,
    with_typed,
)
from .choice import highlighted, load_choice, rank, twins
from .config import Settings
from .definitions import defined_first
from .elsewhere import another_body, named_elsewhere
from .enumeration import with_list_after, with_listed_members, with_members
from .examples import with_examples_after
from .fact_lines import original_lines
from .framing import abstain, frame, frame_list, frame_per_document, more_or_nothing
from .indexing.records import StoredDocument
from .indexing.store import Index
from .lexical import terms
from .parties import acting_parties
from .query import Query, detect_language, foreign_topic, topic_of
from .quotes import Pick, cite, cite_picks
from .reasons import with_reason_after
from .rescue import typed_rescue
from .results import Answer, Passage
from .sentence_scores import score_sentences
from .support import supported

__all__ = [
    "ExtractiveAnswerer",
    "abstain",
    "as_query",
    "cite",
    "detect_language",
    "frame_list",
    "which_topic",
]

_PARTY_MARGIN = 0.08
_DOCUMENT_MARGIN = 0.05

# Kept for importers of the old names: the question is read in ``query``.
which_topic = topic_of


def as_query(question: str | Query, language: str | None = None) -> Query:
    """A Query for callers that pass plain text (the LLM wrapper, ``best_sentence``)."""
    if isinstance(question, Query):
        return question
    from .folding import clean, fold

    text = clean(question)
    return Query(
        text=question,
        question=text,
        language=language or detect_language(text),
        normalized=text,
        search_text=text,
        folded=fold(text),
        terms=tuple(terms(text)),
        topic=text,
    )


class ExtractiveAnswerer:
    """Picks and frames sentences; needs the index only for the stored sentence vectors.

    ``docs``: the index's passages (langchain Documents), where a card fact's original line is
    cited in its passage (``fact_lines.original_lines``); without them, the line alone."""

    def __init__(
        self,
        index: Index,
        settings: Settings,
        vocabulary: Callable[[str], bool],
        docs: Sequence[Document] = (),
    ) -> None:
        self.index = index
        self.settings = settings
        self.vocabulary = vocabulary
        self.docs = docs

    def answer(
        self,
        question: str | Query,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        language: str | None = None,
        exclude: set[str] | None = None,
    ) -> Answer:
        """Answer from ``passages``; ``exclude`` holds quotes an earlier turn already gave."""
        query = as_query(question, language)
        language = language or query.language
        exclude = set(exclude or ()) | set(query.exclude)
        reading = readable(query, passages[: self.settings.answer_passages])
        candidates = [
            c
            for c in self._score(query, reading, documents)
            if not any(c.text in given for given in exclude)
        ]
        # "Vad står MTA för?": the sentence that spells the letters out, whatever the decision's
        # features, which only see the letters (``acronyms``).
        spelled = defining(query.text, candidates) or defined_first(query.text, candidates)
        if spelled is not None:
            return self._answered(query, language, [spelled], passages, documents)
        enough = self._supported(query, query.search_text, language, candidates, documents)
        # A question about a public body no text mentions ("Vad gäller i Huddinge kommun?") asks
        # what another party does: the texts cannot say, however close its topic is (the model
        # weighs ``named_absent`` little, its fitted negatives being easy ones: README). Decided
        # after the model so that its features are still recorded for a re-fit (``fit_data``).
        # So is a Swedish question whose every topic word the corpus lacks (``foreign_topic``).
        if not enough or query.absent_parties or foreign_topic(query):
            if query.exclude:  # "vad mer?": what the earlier answer did not quote yet
                return more_or_nothing(query, candidates, documents)
            return abstain(query.question, language, passages, query.absent_names)
        chosen = self._choose(query, candidates, documents)
        # The kind asked for (a time, a number, a sum) must stand in what is quoted, not only
        # among the three best by score: the fitted choice may pass over the one sentence with
        # a sum. A date or a number beside the quote in its passage counts, quoted with it
        # ("Bidraget uppgår till 650 000 kronor per år" beside the quoted "Regionen ska betala
        # ut verksamhetsbidraget …"); a sum asked by its price ("Vad kostar …?") does not: the
        # runner-up's sum was mostly another thing's (README "Answer or refuse", eleventh,
        # twelfth and sixteenth sessions).
        refuse_time = self.settings.refuse_absent_time
        absent = absent_kind(query, chosen, time=refuse_time)
        if absent is None:
            chosen = with_members(query, with_typed(query, chosen, candidates), passages)
            chosen = with_list_after(query, chosen)
            chosen = with_reason_after(query.folded, chosen, candidates)
            chosen = with_examples_after(query.folded, chosen, candidates)
            listed = with_listed_members(query, chosen)
            if listed is None:
                # "Vilka studieförbund …?" quoted "… bidrag till de verksamma studieförbunden":
                # the group named, none of its members (``enumeration.with_listed_members``).
                return abstain(query.question, language, passages, query.absent_names)
            chosen = listed
        else:
            # About the topic as ``sentence_context`` reads it: the quote under its heading
            # ("Den bör vara ca 25 meter lång." under "Livbojslina").
            rescued = typed_rescue(query, absent, chosen, candidates, self.vocabulary, refuse_time)
            if rescued is None:
                return abstain(query.question, language, passages, query.absent_names)
            chosen = rescued
        # A name another document writes and none of the cited ones does: about someone else.
        cited = [c.passage.source for c in chosen]
        elsewhere = named_elsewhere(query.name_words, cited, documents) or another_body(
            query.names, [c.text for c in chosen]
        )
        if elsewhere and self.settings.refuse_named_elsewhere:
            return abstain(query.question, language, passages, elsewhere=elsewhere)
        chosen = highlighted(chosen, candidates, load_choice())
        return self._answered(query, language, chosen, passages, documents)

    def _answered(
        self,
        query: Query,
        language: str,
        chosen: list[Candidate],
        passages: list[Passage],
        documents: dict[str, StoredDocument],
    ) -> Answer:
        """The answer quoting ``chosen`` (with the notes their passages point to)."""
        picks = [Pick(c.passage, c.start, c.end, c.score) for c in chosen]
        citations = cite_picks(picks + notes_of(chosen, passages), documents)
        # A document fact is cited from the line it was read from, not from the card's wording.
        citations = original_lines(citations, documents, self.docs)
        return Answer(query.question, True, frame(citations, language), language, citations)

    def per_document(
        self,
        question: str | Query,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        language: str,
    ) -> Answer:
        """One cited entry per document that addresses the question; name the silent ones.

        A document addresses the topic when its best sentence shares a topic word with the
        question or, for a topic in another language, is nearly as close to it as the best
        document's best sentence.
        """
        query = as_query(question, language)
        # The topic is weighed in its own language: "Which documents mention elevkulturombud?"
        # asks about a Swedish word, whatever language frames the question.
        topic = as_query(query.topic)
        best: dict[str, Candidate] = {}
        for source in dict.fromkeys(p.source for p in passages):
            own = [p for p in passages if p.source == source and p.kind != "card"][:2]
            candidates = self._score(topic, own, documents)
            if candidates and self._supported(
                topic, topic.question, topic.language, candidates, documents
            ):
                best[source] = candidates[0]
        top = max((c.similarity for c in best.values()), default=0.0)
        wanted = set(topic.terms)
        # A topic in the corpus's own words is matched by its words; one in another language
        # (no word known) by closeness to the best match.
        lexical = any(self.vocabulary(t) for t in wanted)
        found = [
            Pick(c.passage, c.start, c.end, c.score)
            for c in best.values()
            if (wanted & set(terms(c.text)) if lexical else c.similarity >= top - _DOCUMENT_MARGIN)
        ]
        if not found:
            return abstain(query.question, language, passages)
        citations = cite_picks(found, documents)
        cited = {c.passage.source for c in citations}
        silent = [d.title for s, d in sorted(documents.items()) if s not in cited]
        text = frame_per_document(citations, silent, language)
        return Answer(query.question, True, text, language, citations)

    def best_sentence(
        self, question: str | Query, passage: Passage, documents: dict[str, StoredDocument]
    ) -> tuple[str, float] | None:
        """The passage's sentence that best matches the question, with its score."""
        candidates = self._score(as_query(question), [passage], documents)
        return (candidates[0].text, candidates[0].score) if candidates else None

    def _score(
        self, query: Query, passages: list[Passage], documents: dict[str, StoredDocument]
    ) -> list[Candidate]:
        return score_sentences(self.index, query, passages, documents)

    def _choose(
        self, query: Query, candidates: list[Candidate], documents: dict[str, StoredDocument]
    ) -> list[Candidate]:
        """The first sentence in the fitted order (``choice``), close runners-up, and when the
        question names a party, what else that party does in the same passage."""
        choice = load_choice()
        ordered = sorted(candidates, key=lambda c: -choice.key(c))
        best = ordered[0]
        named = [p for p in parties_of([best.passage], documents) if p.name in query.parties]

        def same_actor(cand: Candidate, best: Candidate) -> bool:
            return (
                len(named) == 1
                and cand.passage.id == best.passage.id
                and cand.score >= best.score - _PARTY_MARGIN
                and named[0] in acting_parties(cand.text, parties_of([cand.passage], documents))
            )

        def allowed(cand: Candidate, chosen: list[Candidate]) -> bool:
            # The document card answers document facts; it is no runner-up to a text's sentence.
            card = cand.passage.kind == "card" and chosen[0].passage.kind != "card"
            # A question naming parties answered from their document is not also answered from a
            # document lacking one of them (the same provision, other figures, a sibling agreement).
            own = {p.name for p in parties_of([cand.passage], documents)}
            stranger = any(p.name not in own for p in named)
            # The same provision in an older version is not added beside the newer one that
            # answers (the retriever lifts the version in force); a newer one beside an older is.
            outdated = twins(cand.text, chosen[0].text) and older(cand, chosen[0], documents)
            return (
                not card
                and not stranger
                and not outdated
                and all(c.text != cand.text for c in chosen)
            )

        return rank(ordered, choice, same_actor, allowed)

    def _supported(
        self,
        query: Query,
        question: str,
        language: str,
        candidates: list[Candidate],
        documents: dict[str, StoredDocument],
    ) -> bool:
        """``support.supported`` with this answerer's index, settings and vocabulary."""
        return supported(
            query,
            question,
            language,
            candidates,
            documents,
            self.index,
            self.settings,
            self.vocabulary,
        )
