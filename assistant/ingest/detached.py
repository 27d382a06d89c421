"""List markers a PDF export printed apart from their items, put back before them.

A text export of a PDF list whose markers stand in a column of their own prints the markers
first and the items after them::

    … med 4 rubriker.
    1.
    2.
    3.
    4.

    Minskad energianvändning.
    Förnybar energi
    Transporter
    Engagera flera

Read as it stands, the numbers are empty lines, the list's last item reads as a heading and the
items fall into other passages than their lead-in ("… med 4 rubriker."). When a run of bare
markers (numbered one by one, or the same bullet glyph) is followed by exactly as many short
lines, up to a blank line or the page's end, the n-th marker is the n-th line's.
"""

from __future__ import annotations

import re

from .units import Item

__all__ = ["rejoin_markers", "rejoined"]

_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]$")
_GLYPHS = frozenset("•▪■◦○‣⁃➢\uf0b7\uf0a7")
# An item printed apart from its marker is short: a line of running text that wraps (longer)
# could be one item's first half, and the pairing would shift.
_SHORT = 80
_MIN_RUN = 2


def _marker(item: Item) -> str | None:
    if item.kind != "line":
        return None
    text = item.lines[0].strip()
    return text if _NUMBER.match(text) or text in _GLYPHS else None


def _follows(a: str, b: str) -> bool:
    """Does marker ``b`` come next after ``a`` (2. after 1., the same glyph again)?"""
    ma, mb = _NUMBER.match(a), _NUMBER.match(b)
    if ma and mb:
        return int(mb.group(1)) == int(ma.group(1)) + 1
    return a == b and not ma


def _run(page: list[Item], start: int) -> list[int]:
    """Indexes of the markers of a run opening at ``start`` (blank lines between them)."""
    first = _marker(page[start])
    if first is None:
        return []
    run, last, i = [start], first, start + 1
    while i < len(page):
        if page[i].kind == "blank":
            i += 1
            continue
        current = _marker(page[i])
        if current is None or not _follows(last, current):
            break
        run.append(i)
        last, i = current, i + 1
    return run


def _items(page: list[Item], after: int, count: int) -> list[int] | None:
    """The ``count`` short lines after index ``after`` (blank lines between them), the last one
    closing a block (a blank line or the page's end next); None when they are not there."""
    found: list[int] = []
    i = after + 1
    while i < len(page) and len(found) < count:
        item = page[i]
        if item.kind == "blank":
            i += 1
            continue
        if item.kind != "line" or _marker(item) is not None or len(item.lines[0]) > _SHORT:
            return None
        found.append(i)
        i += 1
    if len(found) < count or (i < len(page) and page[i].kind != "blank"):
        return None
    return found


def rejoin_markers(page: list[Item]) -> list[Item]:
    """The page's lines with each run of detached markers joined to its items (see the module
    docstring); other lines as they were."""
    joined: dict[int, str] = {}
    dropped: set[int] = set()
    i = 0
    while i < len(page):
        run = _run(page, i)
        if len(run) < _MIN_RUN:
            i += 1
            continue
        items = _items(page, run[-1], len(run))
        if items is not None:
            for m, it in zip(run, items, strict=True):
                joined[m] = f"{page[m].lines[0].strip()} {page[it].lines[0].strip()}"
            dropped.update(items)
        i = run[-1] + 1
    return rejoined(page, joined, dropped)


def rejoined(page: list[Item], joined: dict[int, str], dropped: set[int]) -> list[Item]:
    """``page`` with the items at ``joined``'s indexes given its one line each, and those at
    ``dropped`` left out (their text now stands in a joined line); ``page`` itself when nothing
    was joined."""
    if not joined:
        return page
    out: list[Item] = []
    for k, item in enumerate(page):
        if k in dropped:
            continue
        if k in joined:
            item.lines = [joined[k]]
        out.append(item)
    return out
