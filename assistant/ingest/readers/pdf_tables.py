"""Tables in a PDF: ruled ones (pdfplumber's finder: cells, a merged cell once) and tables
without ruling lines, whose columns are aligned by whitespace only.

The ruled finder needs lines or rectangles. pdfplumber's "text" strategy finds columns from word
alignment but, unguarded, turns ordinary prose into tables (justified text has words that line
up). So we read the lines the PDF reader already built (one per row, in content-stream order)
and accept a table only when:

- at least three consecutive body lines each split into two or more cells at gaps of at least
  ``GAP`` times the font size (a word space is about 0.25 em);
- a justified line is never split: it may stretch its spaces to 2 em, but stretches them alike;
- across those lines the cells leave one or more *gutters*: x-ranges no word of any row covers,
  so every row's cells stand in the same columns (prose leaves no gutter down three lines, a
  left-aligned list of short lines neither);
- the cells are not a list (a first column of bullets or item numbers), "Label:  value" lines
  (a cover's metadata, read as lines for the card), or two columns of running text.

A line between rows whose words all stand inside the columns and that fills only columns after
the first continues the row above (a wrapped cell). The first row is the header row; a table
that ends a page and opens the next page's body with as many columns goes on there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Block, BlockKind

__all__ = ["GAP", "Tables", "TextTable", "find_text_tables", "inside", "ruled_tables"]

GAP = 0.8  # a gap between cells: at least this many times the font size
_MIN_ROWS = 3
_LIST_MARK = re.compile(r"^(?:[^\w\s]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(cid:\d+\))$")
_MAX_COLUMNS = 8


@dataclass
class TextTable:
    """Lines ``first``..``last`` (indexes into the page's lines) read as ``rows`` of cells."""

    first: int
    last: int
    rows: list[list[str]]


def find_text_tables(lines: list[dict[str, Any]], body: list[bool]) -> list[TextTable]:
    """Tables among a page's lines (each a dict with ``words`` and ``size``, in reading order);
    ``body[n]`` is False for lines that are headers, footers or footnotes."""
    split = [body[n] and len(_cells(line)) >= 2 for n, line in enumerate(lines)]
    found: list[TextTable] = []
    n = 0
    while n < len(lines):
        if not split[n]:
            n += 1
            continue
        end = n
        while end + 1 < len(lines) and body[end + 1] and _near(lines[end], lines[end + 1]):
            if split[end + 1] or (end + 2 < len(lines) and split[end + 2] and body[end + 2]):
                end += 1  # a split line, or one line between split lines (a wrapped cell)
            else:
                break
        while end > n and not split[end]:
            end -= 1
        table = _table(lines, n, end, split)
        if table is not None:
            found.append(table)
            n = table.last + 1
        else:
            n += 1
    return found


def _cells(line: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The line's words grouped at wide gaps; a justified line (every gap stretched alike, however
    wide) is one cell."""
    words = sorted(line["words"], key=lambda w: w["x0"])
    gap = GAP * line["size"]
    gaps = [b["x0"] - a["x1"] for a, b in zip(words, words[1:], strict=False)]
    if len(gaps) >= 2 and max(gaps) - min(gaps) <= 0.1 * line["size"]:
        return [words]
    cells: list[list[dict[str, Any]]] = []
    for w in words:
        if cells and w["x0"] - cells[-1][-1]["x1"] < gap:
            cells[-1].append(w)
        else:
            cells.append([w])
    return cells


def _near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b`` follows ``a`` closely enough to be the next row (at most about two line heights)."""
    return 0 <= b["top"] - a["bottom"] <= 2.0 * a["size"]


def _gutters(lines: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """x-ranges that no word of these lines covers, between the leftmost and rightmost word."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line["words"])
    gutters: list[tuple[float, float]] = []
    right = spans[0][1]
    size = min(line["size"] for line in lines)
    for x0, x1 in spans[1:]:
        if x0 - right >= GAP * size * 0.75:
            gutters.append((right, x0))
        right = max(right, x1)
    return gutters


def _table(
    lines: list[dict[str, Any]], first: int, last: int, split: list[bool]
) -> TextTable | None:
    """The run ``first``..``last`` as a table, shrunk from the end until it has gutters."""
    while last - first + 1 >= _MIN_ROWS:
        run = lines[first : last + 1]
        rows = [line for line, s in zip(run, split[first : last + 1], strict=True) if s]
        gutters = _gutters(rows)
        if len(rows) >= _MIN_ROWS and 1 <= len(gutters) < _MAX_COLUMNS:
            cells = _rows(run, gutters)
            if cells is not None and not _running_text(cells):
                return TextTable(first, last, cells)
        last -= 1
        while last > first and not split[last]:
            last -= 1
    return None


def _rows(run: list[dict[str, Any]], gutters: list[tuple[float, float]]) -> list[list[str]] | None:
    """Cells of each row by column; a line filling only later columns continues the row above."""
    edges = [(a + b) / 2 for a, b in gutters]
    rows: list[list[str]] = []
    for line in run:
        cols: list[list[str]] = [[] for _ in range(len(edges) + 1)]
        for w in sorted(line["words"], key=lambda w: w["x0"]):
            if any(w["x0"] < e < w["x1"] for e in edges):
                return None  # a word across a gutter: not this table's line
            cols[sum(w["x0"] > e for e in edges)].append(w["text"])
        texts = [" ".join(c) for c in cols]
        if rows and not texts[0] and sum(bool(t) for t in texts) == 1:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], texts, strict=True)]
        else:
            rows.append(texts)
    return rows if sum(sum(bool(c) for c in r) >= 2 for r in rows) >= _MIN_ROWS else None


def _running_text(rows: list[list[str]]) -> bool:
    """Two columns of prose side by side (cells that continue sentences), or "Label:  value"
    lines aligned at a tab stop (a cover's metadata, read as lines for the card): not a table."""
    labels = [r[0] for r in rows if r[0]]
    if len(rows[0]) == 2 and labels and all(c.endswith(":") for c in labels):
        return True
    if labels and all(_LIST_MARK.match(c) for c in labels):
        return True  # bullets or item numbers hanging left of their text: a list
    later = [c for r in rows for c in r[1:] if c]
    lower = sum(c[0].islower() for c in later)
    long = sorted(len(c) for c in later)[len(later) // 2] if later else 0
    return lower * 2 > len(later) and long > 30


def ruled_tables(page: Any) -> list[tuple[tuple[float, ...], list[list[str]]]]:
    """Ruled tables with at least two rows and columns: bbox and rows of cell texts; a merged
    cell is one cell (pdfplumber gives None for the cells it covers), read once."""
    found: list[tuple[tuple[float, ...], list[list[str]]]] = []
    if not (page.rects or page.lines):  # no ruling on the page: no ruled table to find
        return found
    for table in page.find_tables():
        rows = [
            [" ".join((cell or "").split()) for cell in row if cell is not None]
            for row in table.extract()
        ]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            found.append((tuple(table.bbox), rows))
    return found


def inside(word: dict[str, Any], box: tuple[float, ...]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


class Tables:
    """Numbers a document's tables and carries a table that ends a page onto the next."""

    def __init__(self) -> None:
        self.count = 0
        self.open: tuple[int, int] | None = None  # (table, columns) that ended the last page

    def rows(self, rows: list[list[str]], page: int, before: list[Block]) -> list[Block]:
        """A table's rows; the first row is its header, unless the table goes on from the
        previous page (it opens this page's body with as many columns as the table that ended
        that page's body)."""
        opening = not any(b.kind in (BlockKind.LINE, BlockKind.TABLE_ROW) for b in before)
        if opening and self.open is not None and max(map(len, rows)) == self.open[1]:
            table, first = self.open[0], -1
        else:
            table, first = self.count, 0
            self.count += 1
        return [
            Block(
                BlockKind.TABLE_ROW,
                " | ".join(cells),
                page,
                table=table,
                cells=cells,
                header_row=i == first,
            )
            for i, cells in enumerate(rows)
        ]

    def end_page(self, blocks: list[Block]) -> None:
        """Remember a table that ends the page's body: it may go on at the next page's top."""
        body = [b for b in blocks if b.kind in (BlockKind.LINE, BlockKind.TABLE_ROW)]
        self.open = None
        if body and body[-1].table is not None and body[-1].cells is not None:
            self.open = (body[-1].table, len(body[-1].cells))
