"""A document fact cited from the line it was read from, not from the card.

The card (``ingest/card.py``) gathers facts at indexing: contact, case number, validity,
adoption, parties, each with its provenance (``metadata["card_facts"]``: the page and the exact
line). The card's own wording ("Diarienummer (diarienumret, dnr, case number): …") is ours, not
the document's, so an answer that rests on a card line cites the document's original line
instead: its page and its exact words, verbatim in the cleaned page like any other quote. A fact
whose line is not in the cleaned page (a letterhead line that layout removed as a running
header) stays a card citation, shown without quotation marks (``framing.quoted``). Which card
line answers which fact, and whether any line states it, is ``document_facts``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .document_facts import card_value
from .indexing.records import StoredDocument
from .results import Citation, Passage

__all__ = ["card_of", "line_passage", "original_lines", "titled"]

_MAX_LINE = 300
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_DASHES).casefold().split())


def _line_at(page: str, start: int, end: int) -> tuple[int, int]:
    """The whole line (between line breaks) around ``start:end``."""
    a = page.rfind("\n", 0, start) + 1
    b = page.find("\n", end)
    return a, len(page) if b < 0 else b


def _locate(doc: StoredDocument, page: int, words: str) -> tuple[int, int, int] | None:
    """(page, start, end) of the line holding ``words`` verbatim: on ``page`` first, then any."""
    order = [page, *(n for n in range(1, len(doc.pages) + 1) if n != page)]
    for n in order:
        if not 1 <= n <= len(doc.pages):
            continue
        text = doc.pages[n - 1]
        at = text.find(words)
        if at >= 0:
            a, b = _line_at(text, at, at + len(words))
            if b - a <= _MAX_LINE and text[a:b].strip():
                while a < b and text[a].isspace():
                    a += 1
                return n, a, b
    return None


def _candidates(doc: StoredDocument, card_line: str) -> list[tuple[int, str]]:
    """(page, words) to look for: the card facts this card line shows, then its value."""
    value = _norm(card_value(card_line))
    found: list[tuple[int, str]] = []
    for fact in doc.metadata.get("card_facts") or []:
        if not isinstance(fact, dict):
            continue
        line, fact_value = str(fact.get("line") or ""), str(fact.get("value") or "")
        page = int(fact.get("page") or 1)
        if (line and _norm(line) in _norm(card_line)) or (
            fact_value and _norm(fact_value) in value
        ):
            found += [(page, line), (page, fact_value)]
    found.append((1, card_value(card_line)))
    # A value of several parts ("Erik Arrhén, Samverkansstrateg, 070-…"): its first part.
    first = re.split(r",\s+", card_value(card_line))[0]
    if first != card_value(card_line):
        found.append((1, first))
    return [(p, w.strip()) for p, w in found if len(w.strip()) >= 4]


def _holding(docs: Iterable[Any], source: str, page: int, start: int, end: int) -> Any | None:
    """The indexed passage (a langchain Document of ``docs``) of ``source`` whose slice of
    ``page`` holds ``start:end``; one page only (an offset past a page break is another page's)."""
    for d in docs:
        meta = d.metadata
        if (
            meta.get("source") == source
            and meta.get("kind", "passage") != "card"
            and int(meta.get("page", 0)) == page
            and int(meta.get("page_end") or page) == page
            and int(meta.get("start", 0)) <= start
            and end <= int(meta.get("end", 0))
        ):
            return d
    return None


def _line(doc: StoredDocument, card_line: str) -> tuple[int, int, int] | None:
    """(page, start, end) of the original line of ``doc``'s card line ``card_line``."""
    return next(
        (hit for page, words in _candidates(doc, card_line) if (hit := _locate(doc, page, words))),
        None,
    )


def _passage_of(
    doc: StoredDocument, line: tuple[int, int, int], docs: Iterable[Any], score: float
) -> Passage:
    """The indexed passage (of ``docs``, the index's langchain Documents) holding ``line``, else
    the line alone."""
    n, a, b = line
    holder = _holding(docs, doc.source, n, a, b)
    if holder is not None:  # the line in its passage, under its section, as any quote
        return Passage.from_document(holder, score)
    return Passage(
        id=f"{doc.source}#line-{n}-{a}",
        source=doc.source,
        title=doc.title,
        page=n,
        section="",
        text=doc.pages[n - 1][a:b],
        score=score,
        start=a,
        end=b,
        kind="passage",
        sentences=1,
        page_end=n,
    )


def line_passage(
    doc: StoredDocument, card_line: str, docs: Iterable[Any], score: float
) -> Passage | None:
    """The passage holding the original line of ``doc``'s card line ``card_line`` (``docs``: the
    index's langchain Documents; none holding it: the line alone); None where the cleaned pages
    do not hold the line."""
    line = _line(doc, card_line)
    return None if line is None else _passage_of(doc, line, docs, score)


def _from_line(
    citation: Citation, doc: StoredDocument, quote: str, docs: Iterable[Any]
) -> Citation | None:
    line = _line(doc, quote)
    if line is None:
        return None
    n, a, b = line
    text = doc.pages[n - 1][a:b]
    passage = _passage_of(doc, line, docs, citation.passage.score)
    return Citation(citation.n, passage, text, citation.score, quotes=[text])


def _with_quotes(citation: Citation, more: Citation) -> Citation:
    """``citation`` highlighting also ``more``'s quotes (one passage), in passage order."""
    text = citation.passage.text
    spans = sorted({(at := text.index(q), at + len(q)) for q in [*citation.quotes, *more.quotes]})
    quotes = [text[a:b] for a, b in spans]
    return Citation(citation.n, citation.passage, citation.quote, citation.score, quotes=quotes)


def original_lines(
    citations: list[Citation], documents: dict[str, StoredDocument], docs: Sequence[Any] = ()
) -> list[Citation]:
    """Each card citation replaced by the original line of its fact, where the cleaned page
    holds it: quoted in the indexed passage that holds it (``docs``: the index's langchain
    Documents; with none, or none holding it, the line alone is the passage). Numbered through
    again: lines of one passage are one citation with several highlights."""
    out: list[Citation] = []
    at: dict[tuple[str, int, int], int] = {}
    for citation in citations:
        doc = documents.get(citation.passage.source)
        replaced = None
        if citation.passage.kind == "card" and doc is not None:
            replaced = next(
                (
                    c
                    for q in citation.quotes
                    if (c := _from_line(citation, doc, q, docs)) is not None
                ),
                None,
            )
        chosen = replaced or citation
        key = (chosen.passage.source, chosen.passage.page, chosen.passage.start)
        if replaced is not None and key in at:
            out[at[key]] = _with_quotes(out[at[key]], chosen)
            continue
        at.setdefault(key, len(out))
        out.append(chosen)
    return [
        Citation(i, c.passage, c.quote, c.score, quotes=list(c.quotes))
        for i, c in enumerate(out, start=1)
    ]


def titled(doc: StoredDocument, fact: str | None) -> bool:
    """Did the card read the document's ``fact`` (a card fact key: "parties", "validity") off
    its title only? False when it read it off a page, or not at all."""
    facts = [f for f in doc.metadata.get("card_facts") or [] if isinstance(f, dict)]
    wheres = [f.get("where") for f in facts if f.get("key") == fact]
    return bool(wheres) and all(w == "title" for w in wheres)


def card_of(docs: Iterable[Any], source: str) -> Passage | None:
    """The document card of ``source`` among the index's ``docs`` (langchain Documents), if it
    has one."""
    card = next(
        (
            d
            for d in docs
            if d.metadata.get("source") == source and d.metadata.get("kind") == "card"
        ),
        None,
    )
    return None if card is None else Passage.from_document(card, 1.0)
