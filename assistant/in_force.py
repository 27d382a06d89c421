"""Answers as of a date: documents in force first, and a plain word when only expired or
replaced documents answer (they are still cited: the reader judges what applied when)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .results import Answer
from .validity import Validity

__all__ = ["expired_note", "note_expired", "prefer_in_force"]

_KIND = {
    "sv": {"agreement": "Överenskommelsen", "statute": "Lagen", "document": "Dokumentet"},
    "en": {"agreement": "The agreement", "statute": "The statute", "document": "The document"},
}


def prefer_in_force(
    prefer: set[str] | None, found: dict[str, Validity], sources: list[str]
) -> set[str] | None:
    """The retriever's preferred documents without the replaced ones and those not yet in force:
    when a successor is indexed, its passages win the close calls against its predecessor's;
    before its start, the predecessor's win. A lift, not a filter: a topic only one text covers
    is still found (and then noted by ``note_expired``). An expired document with no successor
    keeps its place: it competes with unrelated texts, not with a newer version of itself."""
    replaced = {s for s, v in found.items() if v.status in ("superseded", "not_yet")}
    if not replaced:
        return prefer
    return (set(prefer or sources) - replaced) or None


def _name(doc: Any, language: str) -> str:
    meta = doc.metadata
    kinds = _KIND.get(language, _KIND["en"])
    kind = kinds.get(doc.doc_type, kinds["document"])
    parties, period = meta.get("parties") or [], meta.get("period")
    if doc.doc_type == "agreement" and period and len(parties) >= 2:
        between = "mellan" if language == "sv" else "between"
        joint = "och" if language == "sv" else "and"
        return f"{kind} {period} {between} {parties[0]} {joint} {parties[1]}"
    return f"{kind} ”{doc.title}”"


def expired_note(doc: Any, v: Validity, successor: Any | None, language: str) -> str:
    """One sentence: the document has expired (on its last day) or was replaced (by which)."""
    name = _name(doc, "sv" if language == "sv" else "en")
    if language == "sv":
        if v.status == "superseded" and successor is not None:
            return f"{name} har ersatts av ”{successor.title}”; svaret bygger på den äldre texten."
        until = f" (gällde till och med {v.valid_to.isoformat()})" if v.valid_to else ""
        return f"{name} har löpt ut{until}; svaret bygger på den."
    if v.status == "superseded" and successor is not None:
        return (
            f"{name} has been replaced by “{successor.title}”; this answer rests on the older text."
        )
    until = f" (it applied until {v.valid_to.isoformat()})" if v.valid_to else ""
    return f"{name} has expired{until}; this answer rests on it."


def note_expired(answer: Answer, found: dict[str, Validity], documents: dict[str, Any]) -> Answer:
    """``answer`` with a closing sentence per cited document when none of them is in force
    (expired, replaced, repealed); unchanged when any cited document applies or none is dated.
    The sentence closes the last paragraph, so the answer's paragraphs stay as they were."""
    cited = list(dict.fromkeys(c.passage.source for c in answer.citations))
    if not answer.answered or not cited:
        return answer
    states = [found.get(s) for s in cited]
    if any(v is None or v.status not in ("expired", "superseded") for v in states):
        return answer
    notes = [
        expired_note(documents[s], v, documents.get(v.superseded_by or ""), answer.language)
        for s, v in zip(cited, states, strict=True)
        if v is not None and s in documents
    ]
    if not notes:
        return answer
    return replace(answer, answer=f"{answer.answer.rstrip()} {' '.join(notes)}")
