"""A document fact cited from the line it was read from, not from the card.

The card (``ingest/card.py``) gathers facts at indexing: contact, case number, validity,
adoption, parties, each with its provenance (``metadata["card_facts"]``: the page and the exact
line). The card's own wording ("Diarienummer (diarienumret, dnr, case number): …") is ours, not
the document's, so an answer that rests on a card line cites the document's original line
instead: its page and its exact words, verbatim in the cleaned page like any other quote. A fact
whose line is not in the cleaned page (a letterhead line that layout removed as a running
header) stays a card citation, shown without quotation marks (``framing.quoted``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .indexing.records import StoredDocument
from .ingest.facts import CASE_NUMBER
from .ingest.revisions import REVISED
from .results import Citation, Passage

__all__ = [
    "card_fact",
    "card_of",
    "fact_line",
    "fact_stated",
    "fact_unstated",
    "original_lines",
    "states_entry",
]

_MAX_LINE = 300
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_DASHES).casefold().split())


def _value(card_line: str) -> str:
    """The value of a card line "Label (synonyms): value"."""
    return card_line.split(": ", 1)[1] if ": " in card_line else card_line


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
    value = _norm(_value(card_line))
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
    found.append((1, _value(card_line)))
    # A value of several parts ("Erik Arrhén, Samverkansstrateg, 070-…"): its first part.
    first = re.split(r",\s+", _value(card_line))[0]
    if first != _value(card_line):
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


def _from_line(
    citation: Citation, doc: StoredDocument, quote: str, docs: Iterable[Any]
) -> Citation | None:
    for page, words in _candidates(doc, quote):
        hit = _locate(doc, page, words)
        if hit is None:
            continue
        n, a, b = hit
        text = doc.pages[n - 1][a:b]
        holder = _holding(docs, doc.source, n, a, b)
        if holder is not None:  # the line in its passage, under its section, as any quote
            passage = Passage.from_document(holder, citation.passage.score)
        else:
            passage = Passage(
                id=f"{doc.source}#line-{n}-{a}",
                source=doc.source,
                title=doc.title,
                page=n,
                section="",
                text=text,
                score=citation.passage.score,
                start=a,
                end=b,
                kind="passage",
                sentences=1,
                page_end=n,
            )
        return Citation(citation.n, passage, text, citation.score, quotes=[text])
    return None


def _with_quotes(citation: Citation, more: Citation) -> Citation:
    """``citation`` highlighting also ``more``'s quotes (one passage), in passage order."""
    text = citation.passage.text
    spans = sorted({(at := text.index(q), at + len(q)) for q in [*citation.quotes, *more.quotes]})
    quotes = [text[a:b] for a, b in spans]
    return Citation(citation.n, citation.passage, citation.quote, citation.score, quotes=quotes)


def original_lines(
    citations: list[Citation], documents: dict[str, StoredDocument], docs: Iterable[Any] = ()
) -> list[Citation]:
    """Each card citation replaced by the original line of its fact, where the cleaned page
    holds it: quoted in the indexed passage that holds it (``docs``: the index's langchain
    Documents; with none, or none holding it, the line alone is the passage). Numbered through
    again: lines of one passage are one citation with several highlights."""
    docs = list(docs)
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


# --- which card line answers which fact ------------------------------------------------------

# The card's line labels for each fact the Query can name (assistant/ingest/card.py _LABELS and
# document_card): a fact found in the text has the first label, one from the title or front
# matter the later ones.
_CARD_LABELS: dict[str, tuple[str, ...]] = {
    "contact": ("kontakt", "handläggare"),
    "case_number": ("diarienummer",),
    "validity": ("giltighet", "period"),
    "date": ("datum", "beslut", "upphovsrätt"),
    "adoption": ("beslut", "datum"),
    # Where no line says when it takes effect, the line that says from when it applies.
    "in_force": ("ikraftträdande", "giltighet"),
    "revised": ("reviderad",),
    "owner": ("dokumentägare",),
    "replaces": ("ersätter",),
    "parties": ("parter",),
    "purpose": ("syfte",),
    "signed": ("undertecknad",),
}


# The facts a text states in words of their own kind, wherever it states them: a question about
# one is answered from a line that states it (on the card or in the text), or not at all ("När
# reviderades reglerna?" of rules that name no revision is not answered with what they replace;
# "Who is the contact person for the library act?" not with a sentence about persons).
_STATED: dict[str, re.Pattern[str]] = {
    "revised": REVISED,
    "case_number": CASE_NUMBER,
    # a decision or adoption, in the words a decision line uses
    "adoption": re.compile(
        r"\b(?:antag\w*|antog\w*|beslut\w*|fastst[äa]ll\w*|godk[äa]n\w*|underteckn\w*|"
        r"adopted|approved|decided|decision|signed|enacted)",
        re.I,
    ),
    # an entry into force, or the date from which it applies
    "in_force": re.compile(
        r"\b(?:ikraftträd\w*|träd\w* i kraft|into force|takes? effect|took effect|"
        r"gäller från|gäller fr\.?o\.?m|giltig\w* från|valid from|applies from)",
        re.I,
    ),
    # who signed: the card's signature line ("Undertecknad …: Diana Olsson Kommundirektör")
    "signed": re.compile(r"\b(?:undertecknad\w*|underskrift\w*|signed|signature)", re.I),
    # a contact is a person's role word, an e-mail address or a phone number
    "contact": re.compile(
        r"\b(?:kontakt\w*|handläggar\w*|contact\w*|case officer)\b|@|\b0\d{1,3}[- ]?\d{2,3}(?:[ -]?\d{2}){2}\b",
        re.I,
    ),
}
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# An agreement may take effect on an event, not a date: "Detta avtal träder i kraft när det har
# undertecknats av båda parter" answers "När träder avtalet i kraft?" as well as a date would.
_ON_EVENT = re.compile(
    r"\b(?:i kraft|into force|effect|gäller)\s+(?:\S+\s+){0,3}?(?:när|då|vid|efter|i och med|"
    r"dagen|den dag|upon|when|on the day|after|once)\b",
    re.I,
)


def _states(fact: str, text: str, dated: bool) -> bool:
    """Does ``text`` state the ``fact`` in its own words (``_STATED``), with a year when
    ``dated`` — or, for an entry into force, the event it takes effect on?"""
    pattern = _STATED.get(fact)
    if fact == "adoption" and not (_DECIDED_LINE.match(text) or _OWN_SUBJECT.search(text)):
        # the document's own decision: a decision line ("Antagen av: …", "Beslutad av …") or
        # a sentence about the document; "SBN har antagit riktlinjer för mobilmaster" states
        # another decision (measured: "Vilken nämnd har antagit samsynsguiden?" answered so)
        return False
    return bool(
        pattern is not None
        and pattern.search(text)
        and (not dated or _YEAR.search(text) or (fact == "in_force" and _ON_EVENT.search(text)))
    )


# A line that opens with its decision ("Antagen av kommunfullmäktige 2026-04-28", the card's
# "Beslut (…): …", "Approved by …").
_DECIDED_LINE = re.compile(
    r"\s*(?:beslut\w*|antag\w*|fastst[äa]ll\w*|godk[äa]n\w*|underteckn\w*|adopted|approved|"
    r"decided|decision|signed|enacted)\b",
    re.I,
)


def fact_unstated(query: Any, texts: list[str]) -> bool:
    """Is the question a document fact of a kind no read line states (``_STATED``)?"""
    fact = getattr(query, "fact", None) or ""
    # "När reviderades …?" wants the date: "För revidering ansvarar: …" names a revision, no date.
    dated = getattr(query, "wants", None) == "date"
    return (
        getattr(query, "intent", "") == "document_fact"
        and fact in _STATED
        and not any(_states(fact, t, dated) for t in texts)
    )


def fact_stated(query: Any, text: str) -> bool:
    """Does ``text`` (the best sentence read) state when the document was adopted or takes
    effect, as a document-fact question asks: the fact's own words with a year, or for an entry
    into force an event ("träder i kraft när det har undertecknats")? Such a line answers like
    the card's would; the fitted features, all frame words and a wanted date, see nothing."""
    fact = getattr(query, "fact", None)
    if getattr(query, "intent", "") != "document_fact" or fact not in ("adoption", "in_force"):
        return False
    return _states(fact, text, dated=True)


# The document itself as the subject of its entry into force ("Detta Anslutningsavtal träder i
# kraft …", "Taxan gäller från …"), not a law it cites or a change it describes ("Ändringar
# träder i kraft 30 dagar efter …").
_OWN_SUBJECT = re.compile(
    r"\b(?:detta|denna|dessa|this|these|(?:\w+)?(?:avtalet|överenskommelsen|riktlinjen|riktlinjerna|"
    r"taxan|policyn|reglementet|föreskrifterna|bestämmelserna|rutinen|planen|ordningen|"
    r"stadgarna|programmet|strategin)|the (?:agreement|policy|guidelines?|tariff|rules))\b",
    re.I,
)


def states_entry(text: str) -> bool:
    """Does the sentence ``text`` say when the document itself takes effect: its entry into
    force (``_STATED``) with a year or the event it takes effect on, the document its subject
    (``_OWN_SUBJECT``)?"""
    return _states("in_force", text, dated=True) and bool(_OWN_SUBJECT.search(text))


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


def card_fact(query: Any, best: Any) -> bool:
    """Is the best candidate the document card's line for the fact the question asks for?

    Such a question ("Vem är handläggare?") is a lookup of a fact gathered at indexing, not a
    topic to match: its words are all frame words, so the evidence features say nothing."""
    passage = best.passage
    return getattr(passage, "kind", "") == "card" and fact_line(query, best.text, passage.text)


# A card line naming a decision or a signing ("Beslut (…): Antagen av: Koncernchefsgruppen").
_DECISION_LINE = re.compile(r"^(?:beslut|undertecknad)", re.I | re.M)


def fact_line(query: Any, text: str, card: str) -> bool:
    """Is ``text`` (a line of the document card ``card``) the line of the document fact a
    document-fact question asks?"""
    fact = getattr(query, "fact", None) or ""
    labels = _CARD_LABELS.get(fact)
    # A document's date is its adoption's only beside a line naming the decision ("Antagen av:
    # Koncernchefsgruppen" / "Datum: 2023-03-31"): alone it may date a draft or a report
    # ("Datum: 2025-10-06" on a strategy the council had yet to adopt; measured on heldout55).
    if (
        fact == "adoption"
        and text.casefold().startswith("datum")
        and not _DECISION_LINE.search(card)
    ):
        return False
    # "När fastställdes …?" is answered by the decision line with its date, not by the one
    # naming who decided ("Dokumentet är beslutat av: …"), when the card has both.
    dated = getattr(query, "wants", None) != "date" or bool(_YEAR.search(_value(text)))
    # "Vem har fastställt …?" is not answered by a date line ("Datum: 2020-05-06").
    if getattr(query, "wants", None) == "person" and text.casefold().startswith("datum"):
        return False
    return (
        getattr(query, "intent", "") == "document_fact"
        and labels is not None
        and text.casefold().startswith(labels)
        and dated
    )
