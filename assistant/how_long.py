"""How long a document is valid: "Hur länge gäller överenskommelsen?" / "How long is the
agreement valid?" answered with the period, its status on ``as_of`` and the line that states the
period, cited (its page and exact line, from ``validity``); a statute without dates applies until
it is repealed."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from .applied import documents_for
from .fact_lines import card_of, original_lines
from .in_force import describe_name, status_phrase
from .query import Query
from .quotes import cite
from .results import Answer, Passage
from .validity import Validity

if TYPE_CHECKING:
    from .core import Assistant

__all__ = ["kind_wanted", "validity_answer"]

_KINDS = (
    ("agreement", re.compile(r"\b(?:overenskommelse\w*|avtal\w*|agreements?|contracts?)\b")),
    ("statute", re.compile(r"\b(?:lag|lagen|\w+lagen|act|statute|law)\b")),
)


def kind_wanted(folded: str) -> str | None:
    """The kind of document a (folded) question names: "agreement", "statute" or None."""
    return next((kind for kind, pattern in _KINDS if pattern.search(folded)), None)


def validity_answer(
    assistant: Assistant,
    query: Query,
    source: str | None,
    found: dict[str, Validity],
    as_of: date,
) -> Answer | None:
    """ "How long is the agreement valid?": the period and its status on ``as_of``, citing the
    line that states the period. None when no document in question states a period (the card
    answers as before)."""
    docs = assistant.documents()
    if source is not None:
        chosen = [source]
    elif query.documents:
        chosen = list(query.documents)
    elif query.time is not None and query.time.kind != "compare":
        chosen = documents_for(query.time, docs, found, as_of)
    else:
        chosen = list(query.prefer) or [d.source for d in docs]
    kind = kind_wanted(query.folded)
    by_source = {d.source: d for d in docs}
    typed = [s for s in chosen if kind is None or by_source[s].doc_type == kind]
    statutes = [s for s in (typed or chosen) if by_source[s].doc_type == "statute"]
    chosen = [s for s in (typed or chosen) if _dated(found[s])]
    if not chosen and len(statutes) == 1 and (kind == "statute" or len(typed or []) == 1):
        return _statute_answer(assistant, query, by_source[statutes[0]], found[statutes[0]], as_of)
    if len(chosen) > 1:
        # Several candidates and none named: the one in force now, else the latest.
        now = [s for s in chosen if found[s].status == "in_force"]
        latest = max(chosen, key=lambda s: found[s].valid_from or date.min)
        chosen = now[:1] if len(now) == 1 else [latest]
    if not chosen:
        return None
    s = chosen[0]
    doc, v = by_source[s], found[s]
    picked = _line_citation(assistant, s, v, v.line)
    # The end on a line of its own ("Giltig till: 2029-12-31") is quoted too.
    end = _line_citation(assistant, s, v, v.other_line) if picked else None
    language = query.language
    successor = by_source.get(v.superseded_by or "")
    status = status_phrase(v, successor, language, as_of)
    if v.status == "expired":  # the period is stated just before: not twice
        status = status.split(" (", 1)[0]
    name = describe_name(doc, language)
    sv = language == "sv"
    span = _period_words(v, language)
    if picked is None:
        where = "enligt dokumentets metadata" if sv else "according to the document's metadata"
        text = f"{name} {span} ({where}) {'och' if sv else 'and'} {status}."
        return Answer(query.question, True, text, language, [])
    # A line only the card holds (a title left out of the passages) is cited from its page.
    picks: list[tuple[Passage, str | list[str], float]] = [picked]
    if end and end[0].id == picked[0].id and picked[0].kind != "card":
        # one passage: one citation with both lines (card lines are cited from their own)
        picks = [(picked[0], [picked[1], end[1]], 1.0)]
    elif end:
        picks.append(end)
    documents = assistant._documents
    citations = original_lines(cite(picks, documents), documents, assistant.retriever.lexical.docs)
    joint = "och" if sv else "and"
    quoted = " ".join(" ".join(f"”{q}”" for q in c.quotes) + f" [{c.n}]" for c in citations)
    text = f"{name} {span} {joint} {status}: {quoted}"
    return Answer(query.question, True, text, language, citations)


def _statute_answer(
    assistant: Assistant, query: Query, doc: Any, v: Validity, as_of: date
) -> Answer:
    """A statute that states no dates applies until it is repealed: say so, with its status,
    citing the card's line that names it (its SFS number) when there is one."""
    language = query.language
    sv = language == "sv"
    name = describe_name(doc, language)
    status = status_phrase(v, None, language, as_of)
    if sv:
        text = f"{name} anger ingen sista dag: en lag gäller tills den upphävs, och den {status}"
    else:
        text = f"{name} states no end date: a statute applies until it is repealed, and it {status}"
    designation = str(doc.metadata.get("designation") or "")
    card = card_of(assistant.retriever.lexical.docs, doc.source)
    line = next(
        (ln for ln in (card.text.split("\n") if card else []) if designation and designation in ln),
        None,
    )
    if card is None or line is None:
        return Answer(query.question, True, f"{text}.", language, [])
    citations = cite([(card, line, 1.0)], assistant._documents)
    return Answer(query.question, True, f"{text} [1].", language, citations)


def _dated(v: Validity) -> bool:
    return bool(v.valid_from or v.valid_to or v.open_ended)


def _period_words(v: Validity, language: str) -> str:
    """ "gäller från A till och med B" (past tense once it no longer applies)."""
    sv = language == "sv"
    past = v.status in ("expired", "superseded")
    verb = ("gällde" if past else "gäller") if sv else ("applied" if past else "applies")
    valid = ("was valid" if past else "is valid") if not sv else verb
    start = v.valid_from.isoformat() if v.valid_from else None
    end = v.valid_to.isoformat() if v.valid_to else None
    if v.open_ended:
        if sv:
            return f"{verb} från {start} och tills vidare" if start else f"{verb} tills vidare"
        return (
            f"{verb} from {start} until further notice" if start else f"{verb} until further notice"
        )
    if start and end:
        return f"{verb} från {start} till och med {end}" if sv else f"{valid} from {start} to {end}"
    if end:
        return f"{verb} till och med {end}" if sv else f"{valid} until {end}"
    return f"{verb} från {start}" if sv else f"{verb} from {start}"


def _line_citation(
    assistant: Assistant, source: str, v: Validity, line: str | None
) -> tuple[Passage, str, float] | None:
    """The passage holding ``line`` (``v.line`` or ``v.other_line``: the period's, its page
    first; the document card when no passage of the text holds it), with the line as quote."""
    if not line or line == "sidecar":
        return None
    line = line.strip()
    own = [d for d in assistant.retriever.lexical.docs if d.metadata.get("source") == source]
    texts = sorted(
        (d for d in own if line in d.page_content),
        key=lambda d: (
            d.metadata.get("kind") == "card",
            d.metadata.get("page") != v.page,
        ),
    )
    if not texts:
        return None
    return Passage.from_document(texts[0], 1.0), line, 1.0
