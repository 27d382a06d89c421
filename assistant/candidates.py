"""The sentences an answer may quote, and what the answerer reads about their documents.

``Candidate`` is one scored sentence (``sentence_scores.score_sentences`` makes them, ``choice``
orders them, ``features`` measures them). Around it: the passages a question may quote
(``readable``), the parties of the passages' documents (``parties_of``) and a named party as a
sentence's subject (``party_bonus``), an older version of the same agreement (``older``), and
the footnotes a quoted sentence marks (``notes_of``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .absent_kind import QUOTED
from .actors import actor_leads, actor_named
from .asked_for import wanted_type
from .choice import MAX_SENTENCES
from .consequence import consequence_asked, consequence_found
from .dimension import dimension_asked, dimension_found
from .frequency import frequency_found, often_asked
from .indexing.records import StoredDocument
from .intent import fact_kind
from .parties import Party, acting_parties
from .query import Query
from .quotes import Pick
from .results import Passage
from .sentence_context import neighbours
from .sentence_share import age_answered, wants_number, yes_no
from .signals import answer_type_found, in_context, without_references
from .validity import validity_of

__all__ = [
    "DATELINE_WORDS",
    "Candidate",
    "best_quoted",
    "cards_last",
    "notes_of",
    "older",
    "parties_of",
    "party_bonus",
    "readable",
    "with_typed",
]

_PARTY_BONUS = 0.06


@dataclass
class Candidate:
    """A sentence of a passage read for an answer, scored against the question."""

    passage: Passage
    start: int
    end: int
    score: float
    similarity: float
    vector: np.ndarray
    lift: float = 0.0  # overlap, party and card-fact bonuses (``choice``)
    standing: float = 0.0  # the passage's retrieval score minus the first passage's

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def where(self) -> str:
        return self.passage.id


def notes_of(chosen: list[Candidate], passages: list[Passage]) -> list[Pick]:
    """The footnotes that quoted sentences mark ("unga[1]"), when retrieved: a marked term's
    definition or condition stands in the note, and a quote without it says less than the
    text does (field case: "barn och unga[1]" is defined in the note as under 19 years)."""
    notes: list[Pick] = []
    for cand in chosen:
        if "[" not in cand.text:
            continue
        for p in passages:
            marked = p.footnote_of and (p.footnote_of in cand.text or cand.text in p.footnote_of)
            if (
                marked
                and p.source == cand.passage.source
                and all(n.passage.id != p.id for n in notes)
            ):
                notes.append(Pick(p, 0, len(p.text), cand.score))
    return notes


def readable(query: Query, passages: list[Passage]) -> list[Passage]:
    """The passages an answer may quote: the document card (facts gathered at indexing, not the
    text's own sentences) only for a question about the document itself."""
    if query.intent == "document_fact":
        return passages
    return [p for p in passages if p.kind != "card"]


def cards_last(query: Query, passages: list[Passage]) -> list[Passage]:
    """Document cards after the text's passages for a question that names no document fact and
    wants no date, amount, duration, person or place: a card holds only such facts, so for any
    other question a card in the first places only pushes a passage that could answer further
    down (a card's purpose line is topical: measured on dev2, one evidence passage 3rd -> 4th).
    A question wanting a type keeps the order: "When was it last revised?" reads the card."""
    if query.intent != "fact" or query.wants is not None or fact_kind(query.folded):
        return passages
    return sorted(passages, key=lambda p: p.kind == "card")


def older(a: Candidate, b: Candidate, documents: dict[str, StoredDocument]) -> bool:
    """Is ``a``'s document an older version of ``b``'s: the same parties, an earlier start (both
    stating one: ``validity_of``)? Another party's agreement is no version of it."""
    da, db = documents.get(a.passage.source), documents.get(b.passage.source)
    if da is None or db is None or da is db:
        return False
    if set(da.metadata.get("parties") or []) != set(db.metadata.get("parties") or []):
        return False
    start_a, start_b = validity_of(da.metadata).valid_from, validity_of(db.metadata).valid_from
    return start_a is not None and start_b is not None and start_a < start_b


def parties_of(passages: list[Passage], documents: dict[str, StoredDocument]) -> list[Party]:
    names: dict[str, None] = {}
    for p in passages:
        doc = documents.get(p.source)
        for name in (doc.metadata.get("parties") or []) if doc else []:
            names[name] = None
    return [Party.from_name(n) for n in names]


def party_bonus(sentence: str, named: list[Party], parties: list[Party]) -> float:
    if len(named) != 1:
        return 0.0
    subjects = acting_parties(sentence, parties)
    if named[0] in subjects:
        return _PARTY_BONUS if len(subjects) == 1 else _PARTY_BONUS / 3
    return -_PARTY_BONUS if subjects else 0.0


# The words of a dateline: a place and a date on a line of their own ("Stockholm den 18 april
# 2013"), read as the date of the sentence before it (``with_typed``, ``rescue``).
DATELINE_WORDS = 6


def with_typed(
    query: Query, chosen: list[Candidate], candidates: list[Candidate]
) -> list[Candidate]:
    """``chosen`` with the sentence of the first quote's (or the first-ranked) passage that holds
    the kind of answer asked for (a sum, a period, a date, a phone number, how often; for "Vad
    händer om …?" a condition or consequence from any read passage) when none
    quoted holds it: "Heta Arbeten-certifikat krävs …" is quoted with "… är giltigt i fem år".
    Read after the refusal rules have read the choice: the answerer lets the added sentence
    answer a "when" or a number only when it is about what is asked
    (``one_sentence.about_topic``), a price never (README "Answer or refuse", eleventh and
    sixteenth sessions)."""
    wants = wanted_type(query)
    if consequence_asked(query.folded):
        # "Vad händer om …?": a sentence of a read passage stating a condition or a
        # consequence, the best by score, beside the quotes (``consequence``).
        found = [
            c
            for c in candidates
            if consequence_found(without_references(in_context(c)), query.folded)
        ]
        if not found or any(c is f for c in chosen for f in found):
            return chosen
        return [*chosen[: MAX_SENTENCES - 1], max(found, key=lambda c: c.score)]
    if wants is None and wants_number(None, query.folded):
        wants = "amount"  # a measure asked ("Hur stort är bidraget?"): a number answers
    # A dimension asked ("Hur snabbt måste … publiceras?") is answered by a number in it, which
    # may stand in the next stycke ("… publiceras … inom två månader."), as the rule reads it.
    # Only where no number is wanted otherwise ("hur lång" wants one, from the whole passage).
    dimension = None
    if wants is None and not yes_no(query.folded):
        dimension = dimension_asked(query.folded)
    if wants is None and dimension is None:
        return chosen
    often = often_asked(query.folded)

    def holds(c: Candidate) -> bool:
        # "Hur ofta …?" is answered by how often ("minst en gång per år"), not by any number;
        # "Vem …?" by a sentence that names who acts ("Alla planer ska dokumenteras …" names
        # nobody; the next one, "Respektive ägare … ansvarar för att detta sker", does).
        text = in_context(c)
        if dimension is not None:
            return dimension_found(dimension, without_references(text))
        if often:
            return frequency_found(text)
        if age_answered(query.folded, text):
            return True  # "Hur gammal är resepolicyn?": "… policy … från 2015"
        return actor_named(text) if wants == "person" else answer_type_found(wants, [text])

    if any(holds(c) for c in chosen):
        return chosen
    if wants == "date":
        # A dateline right after the first quote ("Regeringen överlämnar denna proposition till
        # riksdagen." / "Stockholm den 18 april 2013") dates it, whatever else scores higher.
        first = chosen[0]
        end = getattr(first, "end", None)  # a sentence known only by its text has no place
        after = [
            c
            for c in candidates
            if end is not None and c.passage is first.passage and getattr(c, "start", -1) >= end
        ]
        line = min(after, key=lambda c: c.start) if after else None
        if line is not None and len(line.text.split()) <= DATELINE_WORDS and holds(line):
            return [*chosen[: MAX_SENTENCES - 1], line]
    # The first quote's passage, or the passage retrieval ranked first ("2 år är den giltig."
    # under "Nybyggnadskarta" while the best sentence stood in another passage); how often may
    # stand beside any quote ("… ska ske regelbundet …. Det är den enskildes behov som styr hur
    # ofta …, men bör ske minst en gång per år.").
    first = {c.passage.id for c in candidates if c.standing >= 0}
    where = {d.passage.id for d in chosen} if often else {chosen[0].passage.id, *first}
    if wants == "date":
        # A date may stand in any read passage ("Tryck: 2013" in the colophon, the question's
        # topic in the text): over the suite it answered three "när" questions more and no
        # unanswerable one; a sum or a period from any passage answered three unanswerable
        # ones (README "Answer or refuse", thirty-ninth session). As a rescue of a refused
        # "when" it must be about what is asked (``typed_rescue``); beside quotes that pass the
        # time rule it is added as the first passage's date was.
        where = {c.passage.id for c in candidates}
    pool = candidates
    if dimension is not None:
        # The sentences next to a quote only, as ``dimension.dimension_absent`` reads them.
        pool = [n for c in chosen for n in neighbours(c, candidates)]
    typed = [
        c
        for c in pool
        if c.passage.id in where and all(c.text != d.text for d in chosen) and holds(c)
    ]
    if not typed:
        return chosen
    if wants == "person":
        # who acts stands first, as the subject: "Tillväxtverket och Vinnova ansvarar för att
        # ta fram denna del …" over a better-scored "… samarbeten med andra regioner …"
        typed = [c for c in typed if actor_leads(in_context(c))] or typed
    return [*chosen[: MAX_SENTENCES - 1], max(typed, key=lambda c: c.score)]


def best_quoted(candidates: list[Candidate]) -> list[Candidate]:
    """The ``QUOTED`` best candidates by score: what a quote would take."""
    return sorted(candidates, key=lambda c: -c.score)[:QUOTED]
