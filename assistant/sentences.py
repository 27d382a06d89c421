"""Sentence spans of a text: what quotes, sentence vectors and commitments are made of.

``split_sentences`` cuts a passage's text (``page[start:end]``, see ``chunking``) into sentence
spans: a sentence ends at . ! ? … before a capital, digit or quote (not after an abbreviation
such as "t.ex."), and at a line break; a list item's bullet is not part of its sentence. A line
that holds only a value (``_VALUE_LINE``: an amount, a figure with a unit, a date) ends the label
line above it, not a sentence of its own: a PDF table read to text puts each cell on its own line
("Avstängning av vattentillförsel\n\n1 444 kr"), and the label quoted without its figure, or
the figure without its label, answers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ingest.units import NON_FINAL_ABBREVIATIONS
from .ingest.units import VALUE_LINE as _VALUE_LINE

__all__ = ["split_sentences", "starts_lower"]

_BULLET = re.compile(r"^\s*(?:[-*•–\uf0b7\ue000-\uf8ff▪◦]\s+|\d{1,2}[.)]\s+)")
# Sentence ends: . ! ? followed by space and an upper-case letter, digit or quote; or a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”']?\s+(?=[A-ZÅÄÖÉ0-9\"“(])|\n+")
# Besides those that never end a sentence, a few that rarely do before a capital or a number
# ("kap. 3", "nr. 5", "m.m. Den" is more often a list's tail than a sentence's end).
_ABBREVIATION = re.compile(
    rf"\b(?:{NON_FINAL_ABBREVIATIONS}|m\.m|dvs|kap|st|nr|p|ang|kl|tel|ev|dnr|avd|ff)\.$", re.I
)
# Words that are abbreviations only before a number ("art. 6.1 c", "bet. 2000/01:TU5"), words of
# their own at a sentence's end ("av samma art.", "hunden bet.").
_NUMBERED = re.compile(r"\b(?:art|bet)\.$", re.I)
# The label a value line belongs to ends without a sentence's closing mark.
_CLOSED = re.compile(r"[.!?…]\W*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; list items and lines count as sentences."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        if match.group().strip("\n") and (
            _ABBREVIATION.search(candidate)
            or (_NUMBERED.search(candidate) and text[match.end() : match.end() + 1].isdigit())
        ):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        a, b = a + lead, a + len(piece.rstrip())
        bullet = _BULLET.match(text[a:b])
        if bullet:
            a += bullet.end()
        if b - a >= 3:
            out.append((a, b))
    return _joined(text, _joined(text, out, _unit_after_sum), _value_after_label)


# A currency or unit alone after a number's stray full stop ("c:a 22 373 235. Kr."): the sum's
# own unit, not a sentence of its own.
_UNIT_ONLY = re.compile(r"(?:kr|kronor|sek|tkr|mkr|st|%)\.?", re.I)
_NUMBER_STOP = re.compile(r"\d\.$")


def _unit_after_sum(gap: str, before: str, span: str) -> bool:
    return "\n" not in gap and bool(_UNIT_ONLY.fullmatch(span) and _NUMBER_STOP.search(before))


def _value_after_label(gap: str, before: str, span: str) -> bool:
    """A value line after the label line it belongs to (and any value lines between)."""
    return "\n" in gap and bool(_VALUE_LINE.fullmatch(span)) and not _CLOSED.search(before)


def _joined(
    text: str, spans: list[tuple[int, int]], joins: Callable[[str, str, str], bool]
) -> list[tuple[int, int]]:
    """``spans`` with each span that ``joins`` (the gap before it, the span before, itself)
    joined to the one before it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and joins(text[out[-1][1] : a], text[out[-1][0] : out[-1][1]], text[a:b]):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


def starts_lower(text: str) -> bool:
    """Does the text's first letter (after any bullet, number or quote mark) stand in lower
    case: a list item or fragment that reads on from a lead ("• se till att läkare …"), not a
    sentence with a subject of its own?"""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()
