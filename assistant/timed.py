"""Answers that depend on when: a question with a time ("vad gällde 2020?", "enligt den förra
överenskommelsen", "what will apply from 2027?") answered from the documents that applied then,
"how long is the agreement valid?" (``how_long``), what changed between versions (``changes``),
and the widget's documents in force.

``answer_in_time`` is the one entry point ``Assistant._answer`` calls; it returns None when time
plays no part, and the ordinary answer follows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .applied import documents_for
from .changes import compare_answer
from .folding import fold
from .how_long import kind_wanted, validity_answer
from .in_force import describe_name, note_each, note_expired, status_phrase
from .intent import intent_of
from .lexical import terms
from .query import Query
from .results import Answer, Passage
from .timeframe import TimeScope
from .validity import Validity

if TYPE_CHECKING:
    from .answer import ExtractiveAnswerer
    from .core import Assistant

__all__ = ["answer_in_time", "search_within", "versions_for"]

_MAX_DOCUMENTS = 30
_TIME_VERBS = (
    "gällde gällt gälla gäller gällande skulle kommer att blir blev var varit applied apply "
    "applies applying will would was were did had been valid"
)


def search_within(assistant: Assistant, query: Query, sources: list[str], k: int) -> list[Passage]:
    """The ``k`` best passages among ``sources`` only (one search per document, merged by
    score: the retriever filters on one document at a time)."""
    found = [p for s in sources[:_MAX_DOCUMENTS] for p in assistant._search(query, k, s)]
    return sorted(found, key=lambda p: -p.score)[:k]


def _rest(query: Query, scope: TimeScope, keep_time: bool = False) -> Query:
    """The question without its time words: they choose the documents, they are no topic the
    answer must contain. With ``keep_time`` (a year the texts themselves write: "bidraget
    2026" may be a row of a table) the year stays in the searched text, not in the topic."""
    rest = _present(scope.rest or query.search_text)
    searched = _present(query.search_text) if keep_time else rest
    kept = set(terms(rest))
    topic = set(kept) - _time_verbs()
    return replace(
        query,
        search_text=searched,
        folded=fold(searched),
        terms=tuple(t for t in query.terms if t in kept),
        topic_terms=tuple(t for t in query.topic_terms if t in topic),
        unknown_terms=tuple(t for t in query.unknown_terms if t in topic),
        topic=rest,
    )


# The texts state what applies in the present tense ("ska", "gäller"): a question about another
# time is searched in it too ("Vad gällde för X?" reads as "Vad gäller för X?").
_TENSES = (
    (re.compile(r"\bg[äa]llde\b|\bhar g[äa]llt\b|\bkommer att g[äa]lla\b", re.I), "gäller"),
    (re.compile(r"\bskulle\b", re.I), "ska"),
    (re.compile(r"\bwill apply\b|\bapplied\b", re.I), "applies"),
    (re.compile(r"\bwill be\b|\bwas\b", re.I), "is"),
    (re.compile(r"\bwere\b", re.I), "are"),
)


def _present(text: str) -> str:
    for pattern, now in _TENSES:
        text = pattern.sub(now, text)
    return text


@lru_cache(maxsize=1)
def _time_verbs() -> frozenset[str]:
    """Verbs a question about another time is asked with ("vad gällde", "what applied"): they
    frame the question like "gäller" does, they are no topic the texts must contain."""
    return frozenset(terms(_TIME_VERBS))


def answer_in_time(
    assistant: Assistant,
    query: Query,
    source: str | None,
    answerer: ExtractiveAnswerer,
    in_force_only: bool = False,
) -> Answer | None:
    """The answer when time decides which documents answer, else None."""
    found = assistant.validity()
    as_of = assistant.as_of()
    scope = query.time
    if query.intent == "document_fact" and query.fact == "validity":
        answered = validity_answer(assistant, query, source, found, as_of)
        if answered is not None:
            return answered
    if scope is not None and scope.kind == "compare":
        return compare_answer(assistant, query, scope, source, answerer, found)
    docs = assistant.documents()
    if source is not None or len(query.documents) == 1:
        return None  # a document chosen or named: it answers, whatever the time
    if query.documents:  # several named (a title every version shares): the time chooses
        docs = [d for d in docs if d.source in set(query.documents)]
    if scope is None:
        if not in_force_only:
            return None
        # The widget: a replaced or not-yet-valid version never answers beside its successor.
        # An expired document nothing replaced still answers, with the note that it expired.
        chosen = [d.source for d in docs if found[d.source].status not in ("superseded", "not_yet")]
        if len(chosen) == len(docs) or not chosen:
            return None
        return _answer_from(assistant, query, chosen, answerer, found, None)
    chosen = documents_for(scope, docs, found, as_of)
    kind = kind_wanted(query.folded)
    if kind is not None:
        # "den nuvarande överenskommelsen": of that kind only; none then, the ordinary answer
        # (which says when the cited document expired) rather than another kind's text.
        typed = {d.source for d in docs if d.doc_type == kind}
        chosen = [s for s in chosen if s in typed] if typed else chosen
    if not chosen:
        return None  # no document states it applied then: the ordinary answer, lift included
    if not (scope.periods or scope.kind == "previous" or scope.current):
        # A year or a day chooses among versions of a text only: the other versions of the
        # documents valid then are left out, a text on another subject stays (the year may be
        # what it is about: "the RUT cap in 2026"). No other version: the ordinary answer.
        others = _versions(found, set(chosen)) - set(chosen)
        if not others:
            return None
        chosen = [d.source for d in docs if d.source not in others]
    known = assistant.retriever.lexical.knows
    years = re.findall(r"(?:19|20)\d{2}", scope.said)
    keep = bool(years) and not scope.periods and all(known(y) for y in years)
    asked = _rest(query, scope, keep_time=keep)
    if len(query.parties) == 1 and intent_of(asked.folded, set(asked.topic_terms), 1)[0] == (
        "commitments"
    ):
        # "What did Ludvika commit to in 2020?": the party's commitments of that time
        party = next(p for p in assistant.parties() if p.name == query.parties[0])
        listed = assistant._commitment_answer(
            query.question, party, None, query.language, set(chosen)
        )
        return note_each(listed, found, assistant._documents)
    return _answer_from(assistant, asked, chosen, answerer, found, scope)


def _versions(found: dict[str, Validity], sources: set[str]) -> set[str]:
    """Every version linked to ``sources`` by supersession (they included)."""
    links: dict[str, set[str]] = {}
    for s, v in found.items():
        if v.superseded_by in found:
            links.setdefault(s, set()).add(v.superseded_by)
            links.setdefault(v.superseded_by, set()).add(s)
    seen, todo = set(sources), list(sources)
    while todo:
        for nxt in links.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def versions_for(assistant: Assistant, query: Query, source: str | None) -> set[str] | None:
    """The documents a list over every document (a party's commitments) keeps to: those of the
    time asked about, else all but the replaced and not-yet-valid versions; None for all (a
    document chosen or named, or nothing to leave out)."""
    if source is not None or query.documents:
        return None
    found = assistant.validity()
    docs = assistant.documents()
    if query.time is not None and query.time.kind != "compare":
        chosen = set(documents_for(query.time, docs, found, assistant.as_of()))
        return chosen or None
    kept = {d.source for d in docs if found[d.source].status not in ("superseded", "not_yet")}
    return kept if kept and len(kept) < len(docs) else None


def _answer_from(
    assistant: Assistant,
    query: Query,
    sources: list[str],
    answerer: ExtractiveAnswerer,
    found: dict[str, Validity],
    scope: TimeScope | None,
) -> Answer:
    k = max(assistant.settings.top_k, assistant.settings.answer_passages)
    passages = search_within(assistant, query, sources, k)
    writer = assistant._generative(answerer) or answerer
    documents = assistant._documents
    answer = writer.answer(query, passages, documents, query.language, set(query.exclude))
    if scope is None:
        return note_expired(answer, found, documents, assistant.as_of())
    sv = query.language == "sv"
    if not answer.answered:
        names = "; ".join(documents[s].title for s in sources if s in documents)
        if scope.kind == "previous":
            lead = "Sökt i den förra versionen" if sv else "Searched the previous version"
        else:
            when = scope.label(query.language)
            lead = f"Sökt i dokumenten för {when}" if sv else f"Searched the documents for {when}"
        return replace(answer, answer=f"{answer.answer} {lead}: {names}.")
    cited = list(dict.fromkeys(c.passage.source for c in answer.citations))
    notes = []
    for s in cited:
        doc, v = documents[s], found[s]
        successor = documents.get(v.superseded_by or "")
        notes.append(
            f"{describe_name(doc, query.language)} {status_phrase(v, successor, query.language, assistant.as_of())}."
        )
    text = answer.answer.rstrip()
    gap = "\n\n" if text.rsplit("\n", 1)[-1].lstrip().startswith("- ") else " "
    return replace(answer, answer=f"{text}{gap}{' '.join(notes)}")
