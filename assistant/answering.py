"""Which way one (not compound) question is answered: a list per document ("which documents
…?"), a party's commitments, the documents of the time it asks about (``timed``), or its best
passages (written by the generative answerer when one is configured), noted for validity."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .answer import ExtractiveAnswerer
from .document_facts import fact_line, own_fact_line, states_entry
from .fact_lines import card_of, line_passage, titled
from .framing import abstain, frame_list
from .in_force import mark_entries, note_each, note_expired, prefer_in_force
from .parties import Party, without_party_names
from .parts import held_answer
from .query import Query
from .quotes import Pick, cite_picks
from .results import Answer, Passage
from .scope import within_document
from .sentences import split_sentences
from .timed import answer_in_time, versions_for

if TYPE_CHECKING:
    from .core import Assistant

__all__ = [
    "answer_one",
    "commitment_answer",
    "stated_first",
    "with_cards",
    "with_entry",
    "with_facts",
]

_MAX_COMMITMENTS = 8
_PER_DOCUMENT_SEARCHES = 30
_WIDE_K = 60


def answer_one(
    assistant: Assistant, query: Query, source: str | None, in_force_only: bool
) -> Answer:
    """One (not compound) question, within ``source`` if given or named in the question."""
    if source is None and len(query.documents) == 1:
        source = query.documents[0]
    language = query.language
    lexical = assistant.retriever.lexical
    answerer = ExtractiveAnswerer(assistant.index, assistant.settings, lexical.knows, lexical.docs)
    # The titles only for a "which documents" question: at 1 000 documents the dictionary
    # cost 1 ms of every question (`make bench` profile).
    which = source is None and query.intent == "which_documents"
    titles = {d.title: d.source for d in assistant.documents()} if which else {}
    if which and len(titles) > 1:
        topic = replace(query, search_text=query.topic)
        if len(titles) <= _PER_DOCUMENT_SEARCHES:
            searches = [assistant._search(topic, 2, s) for s in titles.values()]
            per_doc = [p for found in searches for p in found]
        else:  # many documents: one wide search, grouped by document afterwards
            per_doc = assistant._search(topic, _WIDE_K)
        listed = answerer.per_document(query, per_doc, assistant._documents, language)
        return mark_entries(listed, assistant.validity(), assistant._documents)
    if query.intent == "commitments" and len(query.parties) == 1:
        party = next(p for p in assistant.parties() if p.name == query.parties[0])
        within = versions_for(assistant, query, source)
        committed = commitment_answer(assistant, query.question, party, source, language, within)
        return note_each(committed, assistant.validity(), assistant._documents)
    timed = answer_in_time(assistant, query, source, answerer, in_force_only)
    if timed is not None:
        return timed
    k = max(assistant.settings.top_k, assistant.settings.answer_passages)
    prefer = set(query.prefer) or None if source is None else None
    found = assistant.validity()
    if source is None and not query.documents:  # no document named: the ones in force first
        prefer = prefer_in_force(prefer, found, list(assistant._documents))
    passages = assistant._search(query, k, source, prefer, also=_nameless(assistant, query))
    passages = with_facts(assistant, query, passages, source)
    writer = assistant._generative(answerer) or answerer
    answer = writer.answer(query, passages, assistant._documents, language, set(query.exclude))
    answer = held_answer(answer, query)  # "Vad kostar det?" after a topic: its own ask quoted
    if source is not None and len(assistant._ordered) > 1:
        answer = within_document(assistant, query, source, answer, answerer)
    return note_expired(answer, found, assistant._documents, assistant.as_of())


def with_facts(
    assistant: Assistant, query: Query, passages: list[Passage], source: str | None
) -> list[Passage]:
    """The passages a question reads: the search's, and for a question asking a document fact
    the card and the passage stating it (``with_cards``), for one asking when something takes
    effect the document's entry sentence (``with_entry``)."""
    if query.intent == "document_fact":
        return with_cards(assistant, passages, source, query.fact)
    if query.fact == "in_force":
        return with_entry(assistant, passages, source)
    return passages


def stated_first(
    assistant: Assistant, query: Query, passages: list[Passage], source: str | None
) -> list[Passage]:
    """``with_facts``, then for a question (or a compound's leading parts) asking a document
    fact the passages holding the original lines of the card's lines for it first: what its
    answer quotes (``fact_lines``), so a search shows where the document says it (the card
    follows). The card is that of ``source``, else of the best passage's document (as
    ``with_cards``). A fact the card read off the title only is the title passage: it is not
    moved ahead of what the search found."""
    passages = with_facts(assistant, query, passages, source)
    asked = [query] if query.intent == "document_fact" else []
    # A compound's parts up to the first that asks no document fact: one after a content part
    # asks of what that part is about ("Vad rekommenderade kommunstyrelsen …, och när togs
    # beslutet?" asks when the board decided, not when the document was adopted).
    for part in query.parts:
        if part.intent != "document_fact":
            break
        asked.append(part)
    own = source or (passages[0].source if passages else None)
    doc = assistant._documents.get(own) if own and asked else None
    docs = assistant.retriever.lexical.docs
    card = card_of(docs, doc.source) if doc is not None else None
    if doc is None or card is None:
        return passages
    top = passages[0].score if passages else card.score
    found: dict[str, Passage] = {}
    for q in asked:
        # A fact the text states in a sentence of its own ("Parter i denna överenskommelse är
        # …") is shown there before a card line read off the title (the title naming the
        # parties), after one read off a page ("… träder ikraft den 1 januari 2022 …").
        states = own_fact_line(q.fact)
        stating = _stating_passage(docs, doc.source, states) if states else None
        title_only = titled(doc, q.fact)
        if stating is not None and title_only:
            found.setdefault(stating.id, replace(stating, score=top))
        for line in () if title_only else card.text.splitlines():
            if fact_line(q, line, card.text) and (p := line_passage(doc, line, docs, top)):
                found.setdefault(p.id, p)
        if stating is not None:
            found.setdefault(stating.id, replace(stating, score=top))
    return [*found.values(), *(p for p in passages if p.id not in found)]


def with_cards(
    assistant: Assistant, passages: list[Passage], source: str | None, fact: str | None = None
) -> list[Passage]:
    """A document-fact question reads the card of the document it asks about (``source``, else
    that of the best passage) second, whether or not the search found it: the card's labels
    ("Beslut (beslutad, antagen, …)") do not hold every form of the question's verb ("När
    antogs taxan?"), and a long card is far from a short question in the vector space. Asked
    when it takes effect (``fact`` "in_force") or who its parties are, it also reads the text's
    passage that says so (``_stating_passage``), next: the card holds only a dated line of that
    kind, or the parties its title names."""
    own = source or (passages[0].source if passages else None)
    docs = assistant.retriever.lexical.docs
    wanted = [card_of(docs, own) if own else None]
    if (states := own_fact_line(fact)) is not None and own:
        wanted.append(_stating_passage(docs, own, states))
    for n, extra in enumerate((w for w in wanted if w is not None), start=1):
        if any(p.id == extra.id for p in passages[: n + 1]):
            continue
        # Found further down (past the passages the answerer reads), it is moved up too.
        rest = [p for p in passages[n:] if p.id != extra.id]
        passages = passages[:n] + [extra] + rest
    return passages


def with_entry(assistant: Assistant, passages: list[Passage], source: str | None) -> list[Passage]:
    """A content question asking when something takes effect also reads the passage where the
    text (``source``, else the best passage's) says when it takes effect itself, after the best
    passage: the fees of a taxa apply from the taxa's own date. Its entry sentence is lifted as
    a card's fact line (``answer``); the decision weighs it as it weighs any answer."""
    own = source or (passages[0].source if passages else None)
    entry = _stating_passage(assistant.retriever.lexical.docs, own, states_entry) if own else None
    if entry is None or any(p.id == entry.id for p in passages[:2]):
        return passages
    return passages[:1] + [entry] + [p for p in passages[1:] if p.id != entry.id]


def _stating_passage(
    docs: Iterable[Any], source: str, states: Callable[[str], bool]
) -> Passage | None:
    """The first passage of ``source``'s text, in document order, with a sentence that ``states``
    a document fact (``document_facts.own_fact_line``; ``docs``: the index's langchain
    Documents): a document may say when it takes effect in its text only ("… träder i kraft när
    det har undertecknats av behöriga företrädare"), in words a question ("När börjar avtalet
    gälla?") does not share, and name its parties in a section of their own ("Avtalsparter är
    …") far from "Vilka parter har ingått avtalet?" among its other sentences."""
    own = [
        d
        for d in docs
        if d.metadata.get("source") == source and d.metadata.get("kind", "passage") != "card"
    ]
    own.sort(key=lambda d: (int(d.metadata.get("page", 0)), int(d.metadata.get("start", 0))))
    for d in own:
        text = d.page_content
        if any(states(text[a:b]) for a, b in split_sentences(text)):
            return Passage.from_document(d, 1.0)
    return None


def _nameless(assistant: Assistant, query: Query) -> tuple[str, ...]:
    """The question without the names of the parties it names, when it names any: the answerer
    embeds that text for its decision (``features.measure``, without the names of the read
    passages' parties: the same text when they are the named ones). Embedded in the question's
    batch it costs a fraction of a second call (`make bench`: every probe names a party)."""
    if not query.parties:
        return ()
    named = set(query.parties)
    text = without_party_names(
        query.search_text, [p for p in assistant.parties() if p.name in named]
    )
    return (text,) if text != query.search_text else ()


def commitment_answer(
    assistant: Assistant,
    question: str,
    party: Party,
    source: str | None,
    language: str,
    within: set[str] | None = None,
) -> Answer:
    found = assistant.commitments(party.name, source)
    if within is not None:  # one version of each agreement, not every period's promises
        found = [c for c in found if c.source in within] or found
    if not found:
        return abstain(question, language, [])
    by_id = {str(d.id): d for d in assistant.retriever.lexical.docs}
    picks = []
    for c in found[:_MAX_COMMITMENTS]:
        passage = Passage.from_document(by_id[c.passage_id], 1.0)
        start = passage.text.find(c.quote)
        if start >= 0:  # read from this passage's text when the index state was loaded
            picks.append(Pick(passage, start, start + len(c.quote), 1.0))
    if not picks:
        return abstain(question, language, [])
    # As every answer quotes: a lead with its items ("åtar sig att" over bullets), and the
    # commitments of one passage as one citation.
    citations = cite_picks(picks, assistant._documents)
    if language == "sv":
        lead = f"{party.name} åtar sig bland annat följande ({len(found)} åtaganden i texterna):"
    else:
        lead = f"{party.name} commits to the following ({len(found)} commitments in the texts):"
    return Answer(question, True, frame_list(lead, citations, language), language, citations)
