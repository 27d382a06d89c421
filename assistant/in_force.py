"""Answers as of a date: documents in force first, and a plain word when only expired or
replaced documents answer (they are still cited: the reader judges what applied when)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from .results import Answer
from .validity import Validity, validity_of

__all__ = [
    "badge",
    "badges",
    "describe_name",
    "expired_note",
    "mark_entries",
    "note_each",
    "note_expired",
    "prefer_in_force",
    "status_phrase",
]

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


def describe_name(doc: Any, language: str) -> str:
    """How an answer names a document: "Överenskommelsen 2019-2022 mellan A och B"."""
    meta = doc.metadata
    kinds = _KIND.get(language, _KIND["en"])
    kind = kinds.get(doc.doc_type, kinds["document"])
    parties, period = meta.get("parties") or [], meta.get("period") or _years(meta)
    if doc.doc_type == "agreement" and period and len(parties) >= 2:
        between = "mellan" if language == "sv" else "between"
        joint = "och" if language == "sv" else "and"
        return f"{kind} {period} {between} {parties[0]} {joint} {parties[1]}"
    return f"{kind} ”{doc.title}”" if language == "sv" else f"{kind} “{doc.title}”"


def _years(meta: dict[str, Any]) -> str | None:
    """ "2019-2022" when the document's validity is whole calendar years (read from a heading
    line when the title is a banner such as "ÖVERENSKOMMELSE")."""
    v = validity_of(meta)
    if not (v.valid_from and v.valid_to):
        return None
    whole = (v.valid_from.month, v.valid_from.day, v.valid_to.month, v.valid_to.day)
    return f"{v.valid_from.year}-{v.valid_to.year}" if whole == (1, 1, 12, 31) else None


def expired_note(doc: Any, v: Validity, successor: Any | None, language: str) -> str:
    """One sentence: the document has expired (on its last day) or was replaced (by which)."""
    name = describe_name(doc, "sv" if language == "sv" else "en")
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


def note_expired(
    answer: Answer,
    found: dict[str, Validity],
    documents: dict[str, Any],
    as_of: date | None = None,
) -> Answer:
    """``answer`` with a closing sentence per cited document when none of them is in force
    (expired, replaced, repealed). When some are and others are replaced or not yet valid (two
    versions quoted side by side), with ``as_of`` given, a sentence for each of the others, so
    periods are never mixed silently. Unchanged when every cited document applies or none is
    dated. The sentences close the last paragraph, so the answer's paragraphs stay as they were."""
    cited = list(dict.fromkeys(c.passage.source for c in answer.citations))
    if not answer.answered or not cited:
        return answer
    states = [found.get(s) for s in cited]
    if any(v is None or v.status not in ("expired", "superseded") for v in states):
        if as_of is None:
            return answer
        notes = [
            f"{describe_name(documents[s], answer.language)} "
            f"{status_phrase(v, documents.get(v.superseded_by or ''), answer.language, as_of)}."
            for s, v in zip(cited, states, strict=True)
            if v is not None and v.status in ("superseded", "not_yet") and s in documents
        ]
    else:
        notes = [
            expired_note(documents[s], v, documents.get(v.superseded_by or ""), answer.language)
            for s, v in zip(cited, states, strict=True)
            if v is not None and s in documents
        ]
    if not notes:
        return answer
    text = answer.answer.rstrip()
    # After a list, a paragraph of its own: appended to the last item it would read as a quote's.
    gap = "\n\n" if text.rsplit("\n", 1)[-1].lstrip().startswith("- ") else " "
    return replace(answer, answer=f"{text}{gap}{' '.join(notes)}")


def status_phrase(v: Validity, successor: Any | None, language: str, as_of: date) -> str:
    """The document's status on ``as_of`` as the end of a sentence that names it: "har ersatts
    av ”…” (från 2023-01-01)", "is in force (as of 2024-05-01)"."""
    sv = language == "sv"
    day = as_of.isoformat()
    if v.status == "superseded" and successor is not None:
        title = successor.title
        start = getattr(_successor_validity(successor), "valid_from", None)
        if sv:
            return f"har ersatts av ”{title}”" + (f" (från {start})" if start else "")
        return f"has been replaced by “{title}”" + (f" (from {start})" if start else "")
    if v.status in ("expired", "superseded"):
        if v.repealed:
            return "är upphävd" if sv else "has been repealed"
        until = v.valid_to.isoformat() if v.valid_to else None
        if sv:
            return "har upphört" + (f" (gällde till och med {until})" if until else "")
        return "has expired" + (f" (it applied until {until})" if until else "")
    if v.status == "not_yet":
        start = v.valid_from.isoformat() if v.valid_from else ""
        if sv:
            return f"gäller ännu inte per {day} (börjar gälla {start})"
        return f"is not yet in force on {day} (it applies from {start})"
    if v.status == "in_force":
        return f"är gällande per {day}" if sv else f"is in force as of {day}"
    return "anger ingen giltighetstid" if sv else "states no period of validity"


def _successor_validity(doc: Any) -> Validity:
    return validity_of(doc.metadata)


def badge(v: Validity | None, successor_title: str | None, language: str) -> str | None:
    """The short status a cited source shows: "gällande", "upphört", "ersatt av …", "ännu inte
    gällande"; None when nothing dates the document."""
    if v is None:
        return None
    sv = language == "sv"
    if v.status == "superseded":
        if successor_title:
            return f"ersatt av {successor_title}" if sv else f"replaced by {successor_title}"
        return "ersatt" if sv else "replaced"
    labels = {
        "in_force": ("gällande", "in force"),
        "expired": ("upphört", "expired"),
        "not_yet": ("ännu inte gällande", "not yet in force"),
    }
    pair = labels.get(v.status)
    return None if pair is None else pair[0 if sv else 1]


def note_each(answer: Answer, found: dict[str, Validity], documents: dict[str, Any]) -> Answer:
    """``answer`` (one entry per document, or a party's commitments) with a closing sentence for
    each cited document that is no longer in force, whether or not the others are."""
    if not answer.answered:
        return answer
    cited = list(dict.fromkeys(c.passage.source for c in answer.citations))
    notes = [
        expired_note(documents[s], v, documents.get(v.superseded_by or ""), answer.language)
        for s in cited
        if (v := found.get(s)) is not None
        and v.status in ("expired", "superseded")
        and s in documents
    ]
    if not notes:
        return answer
    return replace(answer, answer=f"{answer.answer.rstrip()}\n\n{' '.join(notes)}")


def badges(
    found: dict[str, Validity], documents: dict[str, Any], sources: list[str], language: str
) -> dict[str, tuple[str, str]]:
    """``source -> (status, label)`` for the sources an answer shows (undated ones left out)."""
    out: dict[str, tuple[str, str]] = {}
    for s in dict.fromkeys(sources):
        v = found.get(s)
        nxt = documents.get(v.superseded_by or "") if v else None
        label = badge(v, nxt.title if nxt else None, language)
        if v is not None and label:
            out[s] = (v.status, label)
    return out


def _short_status(v: Validity, successor: Any | None, language: str) -> str:
    sv = language == "sv"
    if v.status == "superseded" and successor is not None:
        return f"ersatt av ”{successor.title}”" if sv else f"replaced by “{successor.title}”"
    until = v.valid_to.isoformat() if v.valid_to else ""
    if sv:
        return f"har löpt ut {until}".strip() if not v.repealed else "upphävd"
    return f"expired {until}".strip() if not v.repealed else "repealed"


def mark_entries(answer: Answer, found: dict[str, Validity], documents: dict[str, Any]) -> Answer:
    """A "which documents …" answer (one line per document, "- Title: …") with the status of
    each entry whose document has expired or been replaced, in brackets after its title; the
    lines stay where they were (the silent documents last)."""
    if not answer.answered:
        return answer
    lines = answer.answer.split("\n")
    for c in answer.citations:
        v = found.get(c.passage.source)
        if v is None or v.status not in ("expired", "superseded"):
            continue
        status = _short_status(v, documents.get(v.superseded_by or ""), answer.language)
        head = f"- {c.passage.title}:"
        lines = [
            f"- {c.passage.title} ({status}):{ln[len(head) :]}" if ln.startswith(head) else ln
            for ln in lines
        ]
    return replace(answer, answer="\n".join(lines))
