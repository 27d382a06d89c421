"""Which documents applied at the time a question asks about (a ``TimeScope``, timeframe.py),
judged from each document's validity: a replaced one applied until its successor started."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .timeframe import TimeScope

__all__ = ["applies", "documents_for", "replaced_on"]


def applies(v: Any, start: date, end: date, statute: bool, replaced_on: date | None = None) -> bool:
    """Did a document with validity ``v`` apply at some time in ``start``..``end``? A replaced
    one applied until the day before its successor's start (``replaced_on``), whatever its own
    end ("tills vidare")."""
    if v.repealed:
        return False
    if not (v.valid_from or v.valid_to or v.open_ended or statute):
        return False
    begins = v.valid_from or date.min
    ends = v.valid_to or date.max
    if replaced_on is not None:
        ends = min(ends, replaced_on - timedelta(days=1))
    return begins <= end and ends >= start


def replaced_on(found: dict[str, Any], source: str) -> date | None:
    """The day the successor of ``source`` started, if it has one with a start."""
    successor = found.get(found[source].superseded_by or "")
    return successor.valid_from if successor is not None else None


def documents_for(
    scope: TimeScope, docs: list[Any], found: dict[str, Any], as_of: date
) -> list[str]:
    """The sources (in ``docs`` order) that apply to ``scope``: for a day or a span, those valid
    then (a named period prefers the documents with exactly that period); for "previous", the
    documents the ones in force on ``as_of`` replaced (none replaced: the latest that ended);
    for "now", those in force on ``as_of``. Undated documents never match a time."""
    if scope.kind == "previous":
        current = {s for s, v in found.items() if v.status == "in_force"}
        before = [d.source for d in docs if found[d.source].superseded_by in current]
        if before:
            return before
        ended = [d for d in docs if found[d.source].status in ("expired", "superseded")]
        last = max((found[d.source].valid_to or date.min for d in ended), default=None)
        return [d.source for d in ended if (found[d.source].valid_to or date.min) == last]
    if scope.current or scope.start is None:
        return [d.source for d in docs if found[d.source].status == "in_force"]
    start, end = scope.start, scope.end or scope.start
    if scope.periods:
        exact = [
            d.source
            for d in docs
            if (found[d.source].valid_from, found[d.source].valid_to) in set(scope.periods)
        ]
        if exact:
            return exact
    return [
        d.source
        for d in docs
        if applies(
            found[d.source], start, end, d.doc_type == "statute", replaced_on(found, d.source)
        )
    ]
