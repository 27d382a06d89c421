"""Label rows over value rows in a text export laid out by columns (``pdftotext -layout``).

A cover's metadata box reaches such an export as a row of labels over a row of values, each value
starting in its label's column::

    Ansvarig                            Upprättad den
    Helen Hansson Malmgren              2019-02-28
    Medicinskt ansvarig sjuksköterska

Read line by line (as the page text is) it says "Ansvarig Upprättad den Helen Hansson Malmgren
2019-02-28": no line pairs a label with its value, so no fact pattern ("Reviderad den: …",
"Ansvarig: …") can read it. ``label_pairs`` pairs them by column ("Ansvarig: Helen Hansson
Malmgren, Medicinskt ansvarig sjuksköterska", "Upprättad den: 2019-02-28") for the card's facts
(``facts.find_facts``), and layout keeps the box as one unit (``layout._boxes``): its words stay
in the export's order on the page, which is what a citation quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import normalise

__all__ = ["CELL", "GridPair", "label_pairs"]

# A cell: words one space apart; two or more spaces part the columns.
CELL = re.compile(r"\S+(?: \S+)*")
# A label: one to four words opening with a capital, no digit, no sentence end ("Ansvarig",
# "Upprättad den", "Dokumenttyp:", "Beslutad av").
_LABEL = re.compile(r"[A-ZÅÄÖ][^\W\d_]*(?: [^\W\d_]+\.?){0,3}:?")
# A label wrapped over two lines ("Datum och paragraf för beslutet:"): longer, and it ends in ":".
_WRAPPED = re.compile(r"[A-ZÅÄÖ][^\W\d_]*(?: [^\W\d_]+\.?){1,5}:")
_SLACK = 2  # columns a value may start off its label's (a PDF's glyph positions rounded)
_MAX_VALUE_ROWS = 3


@dataclass(frozen=True)
class GridPair:
    """One label and the value under it. ``value_line``: the first value row as the export has
    it, spaces collapsed (verbatim in the laid-out page, where a citation finds it)."""

    page: int
    label: str
    value: str
    value_line: str
    first: int = 0  # the box's label row and last value row: indexes in the page's lines
    last: int = 0

    @property
    def text(self) -> str:
        """The pair as a metadata line reads it: "Upprättad den: 2019-02-28"."""
        return f"{self.label.rstrip(':')}: {self.value}"


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in CELL.finditer(line)]


def _label_row(cells: list[tuple[int, str]]) -> bool:
    return 2 <= len(cells) <= 6 and all(_LABEL.fullmatch(c) for _, c in cells)


def _column(start: int, labels: list[tuple[int, str]]) -> int | None:
    return next(
        (i for i, (at, _) in enumerate(labels) if abs(start - at) <= _SLACK),
        None,
    )


def _wrapped_label(
    lines: list[str], i: int, labels: list[tuple[int, str]]
) -> tuple[int, str] | None:
    """A label the export wrapped around its row, one cell alone on the line above the row and
    one below it, in a column none of the row's labels start in: a table cell's two lines,
    centred on the row ("Datum och paragraf för" over "beslutet:", Göteborg's cover box)."""
    if i == 0 or i + 1 >= len(lines):
        return None
    above, below = _cells(lines[i - 1]), _cells(lines[i + 1])
    if len(above) != 1 or len(below) != 1:
        return None
    (a, top), (b, bottom) = above[0], below[0]
    label = f"{top} {bottom}"
    if abs(a - b) > _SLACK or _column(a, labels) is not None or not _WRAPPED.fullmatch(label):
        return None
    return a, label


def label_pairs(page: int, lines: list[str]) -> list[GridPair]:
    """The label/value pairs of ``lines`` (one page's raw lines, spaces as exported).

    A label row (two to six labels) is followed, with no blank line, by up to three rows whose
    every cell starts in a label's column, and at least one value row fills two columns: a
    heading over a paragraph, or a row of a running header, is no grid."""
    pairs: list[GridPair] = []
    i = 0
    while i < len(lines):
        labels = _cells(lines[i])
        if not _label_row(labels):
            i += 1
            continue
        first, start = i, i + 1
        if wrapped := _wrapped_label(lines, i, labels):
            labels = sorted([*labels, wrapped])
            first, start = i - 1, i + 2
        values: dict[int, list[tuple[int, str]]] = {}
        rows: list[str] = []
        for line in lines[start : start + _MAX_VALUE_ROWS]:
            cells = _cells(line)
            columns = [_column(at, labels) for at, _ in cells]
            if not cells or None in columns:
                break
            if rows and len(cells) >= 2 and _label_row(cells):
                break  # the next box's labels
            for column, (_, cell) in zip(columns, cells, strict=True):
                values.setdefault(column, []).append((len(rows), cell))  # type: ignore[arg-type]
            rows.append(line)
        if any(len(_cells(row)) >= 2 for row in rows):
            for column, cells in sorted(values.items()):
                label = normalise(labels[column][1])
                value = ", ".join(normalise(c) for _, c in cells)
                row = normalise(rows[cells[0][0]]).strip()
                pairs.append(GridPair(page, label, value, row, first, start - 1 + len(rows)))
            i = start + len(rows)
        else:
            i += 1
    return pairs
