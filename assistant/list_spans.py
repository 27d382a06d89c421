"""Lists inside a passage, read from its sentence spans (``chunking.split_sentences``): which
span introduces a list (a lead ending in a colon, a clause stopping mid-sentence over marked
items, "… i följande prioritetsordning."), which spans are its items, and which item has no
lead. ``quotes`` quotes a lead with its items and an item with its lead; ``commitments`` reads
a party's commitments with their items; ``sentence_scores`` never quotes a lead-less label.
"""

from __future__ import annotations

import re

from .chunking import split_sentences
from .grouping import STATUTE_PARAGRAPH, leads_in

__all__ = [
    "items_of",
    "lead_of",
    "list_leads",
    "list_items",
    "marked",
    "opens_list",
    "orphan_item",
    "spans_of",
]

_MAX_ITEMS = 12
_MAX_ITEM_CHARS = 300
_MAX_LIST_CHARS = 1200
_LIST_END = (",", ";", " och", " eller", " and", " or")
# A list item's marker, between the spans ``split_sentences`` yields: a bullet or a number
# ("•", "-", "1.", "2)"); a letter's "a)" stays inside the item's span.
_MARKER = re.compile(r"\s*(?:[•·▪◦*\-–—]|\d{1,2}[.)])\s*$")
_ITEM_START = re.compile(r"[a-zåäö][.)]\s")
_SENTENCE_END = (".", "!", "?", ";", ",", ")")


def spans_of(text: str) -> list[tuple[int, int]]:
    """The sentence spans lists are read from (``chunking.split_sentences``)."""
    return split_sentences(text)


def _own_line(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    return k > 0 and "\n" in text[spans[k - 1][1] : spans[k][0]]


def marked(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Is span ``k`` a marked list item: on its own line after a bullet or number ("• ha en
    organisation", "2. porto"), or opening with a letter's "a) "?"""
    if not _own_line(text, spans, k):
        return False
    before = text[spans[k - 1][1] : spans[k][0]]
    return bool(_MARKER.search(before) or _ITEM_START.match(text[spans[k][0] : spans[k][1]]))


def opens_list(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Does span ``k`` introduce a list: it ends with a colon ("… vid följande fall:"), or it
    is no list item itself, stops mid-sentence and marked items follow it ("Kommunerna åtar sig
    att se till att" over bullets, as PDF exports of agreements write a party's commitments),
    or announces them and stops ("… i följande prioritetsordning." over numbered items)?"""
    sentence = text[spans[k][0] : spans[k][1]]
    if sentence.endswith(":"):
        return True
    return (
        k + 1 < len(spans)
        # A sentence's start (a capital, or a statute's "16 §"): not an item's second line.
        and (sentence[:1].isupper() or STATUTE_PARAGRAPH.match(sentence) is not None)
        # A full stop ends the sentence unless it announces the list ("… i följande
        # prioritetsordning.", as ``grouping.leads_in`` gathers such a list under it).
        and (not sentence.endswith(_SENTENCE_END) or leads_in(sentence))
        and not (k > 0 and marked(text, spans, k))
        and marked(text, spans, k + 1)
    )


def list_leads(text: str) -> set[tuple[int, int]]:
    """The spans of ``text`` that introduce a list with items after them (``opens_list``)."""
    spans = spans_of(text)
    return {
        spans[k]
        for k in range(len(spans))
        if opens_list(text, spans, k) and items_of(text, spans, k)
    }


def items_of(text: str, spans: list[tuple[int, int]], lead: int) -> list[int]:
    """The spans that form the list introduced by span ``lead`` (``opens_list``): the lines
    after it; once the first is marked, only marked ones (a paragraph after the bullets is no
    item)."""
    found: list[int] = []
    chars = 0
    bulleted = lead + 1 < len(spans) and marked(text, spans, lead + 1)
    for k in range(lead + 1, min(len(spans), lead + 1 + _MAX_ITEMS)):
        a, b = spans[k]
        item = text[a:b]
        if not _own_line(text, spans, k) or b - a > _MAX_ITEM_CHARS or chars > _MAX_LIST_CHARS:
            break
        if bulleted and not marked(text, spans, k):
            break
        found.append(k)
        chars += b - a
        if opens_list(text, spans, k):
            break
        # "1. folkbibliotek, 2. …, 6. övrig verksamhet." ends the list at the full stop.
        earlier = [text[spans[j][0] : spans[j][1]] for j in found[:-1]]
        if item.endswith(".") and earlier and all(e.endswith(_LIST_END) for e in earlier):
            break
    return found


def list_items(text: str, spans: list[tuple[int, int]], k: int) -> list[int]:
    """The indexes in ``spans`` (``split_sentences(text)``) of the items of the list that span
    ``k`` introduces ("… åtar sig att:" over bullets); none when it introduces no list."""
    return items_of(text, spans, k) if opens_list(text, spans, k) else []


def lead_of(text: str, spans: list[tuple[int, int]], k: int) -> int | None:
    """The span that introduces the list span ``k`` stands in, if it is a list item."""
    j = k - 1
    while j >= 0 and k - j <= _MAX_ITEMS:
        if opens_list(text, spans, j):
            return j if k in items_of(text, spans, j) else None
        if not _own_line(text, spans, j + 1):
            return None
        j -= 1
    return None


def orphan_item(text: str, start: int) -> bool:
    """Is the sentence at ``start`` of ``text`` a short marked list item (five words at most, no
    figure, no full stop) whose list has no lead-in (``lead_of``)? Quoted, it is a label ("• Risk för allvarlig
    vårdskada" under "… utifrån nedanstående kriterier. Bedömningen … kan ändras."), not an
    answer: an item is quoted with the sentence that introduces it, or not at all."""
    spans = spans_of(text)
    k = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    if k is None or not marked(text, spans, k):
        return False
    item = text[spans[k][0] : spans[k][1]]
    # A sentence is no label, however short ("1. För folkbibliotek ansvarar kommunerna.").
    label = not item.rstrip().endswith((".", "!", "?", ":"))
    short = len(item.split()) <= 5 and not any(ch.isdigit() for ch in item)
    return label and short and lead_of(text, spans, k) is None
