"""Footnotes in text exports: the block of numbered lines at a page's foot whose numbers mark
words in the body, and markers glued to their word ("äldre1.") set apart ("äldre[1].")."""

from __future__ import annotations

import re

from .units import Item

__all__ = ["FOOTNOTE_START", "footnote_start", "set_markers_apart"]

# A statute's chapter or section opening a line ("1 kap. Tillämpningsområde", "2 § Inom …")
# is body text, whatever marker "1" a word above carries ("föreskriver1").
FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+(?!kap\b|kap\.|kapitlet\b|§)\S")
# At most this many lines after a blank line end a footnote begun above it.
_GOES_ON = 3
_GLUED_MARKER = re.compile(r"[A-Za-zÅÄÖåäöé)]{2,}(\d{1,3})(?=[\s.,;:/)”]|$)")


def set_markers_apart(units: list[Item]) -> None:
    """A footnote marker glued to its word in a text export ("äldre1.") becomes "äldre[1].",
    the form the PDF reader gives a raised marker, when that footnote stands on the page."""
    markers = {u.marker for u in units if u.kind == "footnote" and u.marker}
    if not markers:
        return
    glued = re.compile(
        r"(?<=[A-Za-zÅÄÖåäöé)]{2})(" + "|".join(sorted(markers, key=len, reverse=True)) + r")"
        r"(?=[\s.,;:/)”]|$)"
    )
    for unit in units:
        if unit.kind != "footnote":
            unit.lines = [glued.sub(r"[\1]", line) for line in unit.lines]


def footnote_start(page: list[Item]) -> int:
    """Index where a trailing footnote block starts (after the page's last blank line, the
    block's lines start with consecutive numbers that mark words in the body), else len(page)."""
    blanks = [i for i, it in enumerate(page) if it.kind == "blank"]
    went_on = False
    for b in reversed(blanks):
        tail = [it for it in page[b + 1 :] if it.kind == "line"]
        if not tail:
            continue
        m = FOOTNOTE_START.match(tail[0].lines[0])
        if not m and not went_on and len(tail) <= _GOES_ON:
            # A footnote's text can go on after a blank line ("3 Medelålder den 31 december
            # 2022 …", blank, "Detta kan jämföras med rikets medelålder …"): the block starts
            # at the numbered line before, if that line's number marks a word in the body.
            went_on = True
            continue
        if not m or len(tail) > 30:
            return len(page)
        body = " ".join(it.lines[0] for it in page[:b] if it.kind == "line")
        markers = {g for g in _GLUED_MARKER.findall(body)}
        return b + 1 if m.group(1) in markers else len(page)
    return len(page)
