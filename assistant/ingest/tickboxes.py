"""A form's tick boxes, exported a line each, put back on the row they answer.

A Word form with a table of criteria and tick-box columns ("Kriterier | Ja | Nej") exports to
text one cell a line::

    Kriterier
    Ja
    Nej
    Dataöverföring sker till länder utanför EU/EES (tredjeland).
    ☐
    ☒

Read as it stands, the criterion is a sentence of its own, quoted as if the text stated it
("Will any data be transferred outside the EU?" was answered "Dataöverföring sker till länder
utanför EU/EES", whose "Ja" box is empty: a read blind set's impact assessment), the boxes are
lines of nothing, and a criterion without a full stop reads as a heading. Each row is joined to
its boxes, labelled by the columns' option words when the header names as many as there are
boxes, the boxes first so that any quote of the row carries them::

    [Ja ☐ Nej ☒] Dataöverföring sker till länder utanför EU/EES (tredjeland).

The option words' own lines go: they stand in every row now.
"""

from __future__ import annotations

from .detached import rejoined
from .units import Item

__all__ = ["join_tick_boxes"]

# A tick box, empty or ticked, as Word's and PDF exports print it ("■" is a bullet, not here).
_BOXES = frozenset("☐☒☑□✓✔✗✘")
# The options a form's tick-box columns name (folded to lower case).
_OPTIONS = frozenset(
    ("ja", "nej", "vet ej", "delvis", "ej aktuellt", "ej tillämpligt", "yes", "no", "n/a",
     "partly", "uppfyllt", "ej uppfyllt", "inte uppfyllt")
)  # fmt: skip
_MAX_BOXES = 4


def _text(item: Item) -> str:
    return item.lines[0].strip() if item.kind == "line" and item.lines else ""


def _box(item: Item) -> bool:
    return _text(item) in _BOXES


def _option(item: Item) -> bool:
    return _text(item).casefold() in _OPTIONS


def _boxes_after(page: list[Item], start: int) -> list[int]:
    """Indexes of the tick-box lines right after ``start`` (blank lines between them)."""
    found: list[int] = []
    i = start + 1
    while i < len(page) and len(found) <= _MAX_BOXES:
        if page[i].kind == "blank":
            i += 1
            continue
        if not _box(page[i]):
            break
        found.append(i)
        i += 1
    return found if 0 < len(found) <= _MAX_BOXES else []


def _labels_before(page: list[Item], start: int) -> list[int]:
    """Indexes of the run of option lines ("Ja", "Nej") that ends right before ``start``."""
    run: list[int] = []
    i = start - 1
    while i >= 0 and (page[i].kind == "blank" or _option(page[i])):
        if page[i].kind != "blank":
            run.insert(0, i)
        i -= 1
    return run


def _row_start(page: list[Item], last: int) -> int:
    """The first line of the row whose last line is ``last``: a criterion a PDF wrapped goes
    back over lines that end no sentence ("Personuppgiftsbehandlingen sker i stor skala" /
    "avseende antalet berörda personer."), so the boxes open the row, not its last line."""
    first = last
    while first > 0:
        before = _text(page[first - 1])
        if not before or _box(page[first - 1]) or _option(page[first - 1]):
            break
        if before[-1] in ".:!?":
            break
        first -= 1
    return first


def join_tick_boxes(page: list[Item]) -> list[Item]:
    """The page's lines with each row of a tick-box table joined to its boxes (see the module
    docstring); other lines as they were."""
    joined: dict[int, str] = {}
    dropped: set[int] = set()
    labels: list[str] = []
    for i, item in enumerate(page):
        text = _text(item)
        if not text or _box(item) or _option(item) or i in dropped:
            continue
        boxes = _boxes_after(page, i)
        if not boxes:
            continue
        header = _labels_before(page, i)
        if header:
            labels = [_text(page[k]) for k in header]
            dropped.update(header)
        marks = [_text(page[k]) for k in boxes]
        if len(labels) == len(marks):
            shown = " ".join(f"{label} {mark}" for label, mark in zip(labels, marks, strict=True))
        else:
            shown = " ".join(marks)
        first = _row_start(page, i)
        joined[first] = f"[{shown}] {_text(page[first])}"
        dropped.update(boxes)
    return rejoined(page, joined, dropped)
