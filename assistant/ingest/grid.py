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
from .units import NUMBERED_HEADING, Item

__all__ = ["CELL", "GridPair", "column_cells", "label_pairs", "side_by_side", "table_row"]

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
    row: str = ""  # a side-by-side cell's whole row, spaces collapsed (no fact line of its own)

    @property
    def text(self) -> str:
        """The pair as a metadata line reads it: "Upprättad den: 2019-02-28" (a cell with no
        label of its own: its value)."""
        return f"{self.label.rstrip(':')}: {self.value}" if self.label else self.value


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in CELL.finditer(line)]


# A leading item or section number, or a bullet, set apart from its text ("2.1       E-arkiv",
# "•    Inte ställa krav …"): a heading's or an item's layout, no column of its own.
_MARKER_CELL = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[a-zA-Z][.)]|§\s*\d+|[^\w\s]")


def column_cells(line: str) -> int:
    """How many cells ``line`` (as exported by columns) holds: text parted by gaps of three
    spaces or more (two may be a justified line's), a leading marker cell not counted."""
    cells = [c for c in _GAP.split(line.strip()) if c]
    if len(cells) > 1 and _MARKER_CELL.fullmatch(cells[0]):
        cells = cells[1:]
    return len(cells)


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


# Two columns side by side on a cover, parted by a wide gap, one of them "Label: value":
#
#     Handläggare Lena Boox och       Antagen av Byggnads- och miljönämnden: 2007-01-24
#     Lars Lundmark                                                 Laga kraft: 2007-02-20
#
# Read line by line the decision's value ran into the officer's name ("Handläggare Lena Boox
# och Antagen av …"), and "Lars Lundmark Laga kraft: 2007-02-20" was quoted as the date of
# effect. Three spaces at least part them: two may stand between words of a justified line.
_GAP = re.compile(r" {3,}")
# A cover's field: a short label, a short value ("Laga kraft: 2007-02-20"), not a list item's
# lead-in ("Intern kommunikation: Förbättra arbetet med …" after its bullet and a wide gap).
_LABELLED_CELL = re.compile(r"(?P<label>[A-ZÅÄÖ][^:]{0,60}?):\s+(?P<value>\S.{0,39})")
_WORDED = re.compile(r"[^\W_]{2,}")
_CONTINUED = re.compile(r"(?:\boch|\bsamt|,)$")  # a cell that goes on in the cell below it


def _gap_cells(line: str) -> list[tuple[int, str]]:
    cells, at = [], 0
    for part in _GAP.split(line):
        start = line.index(part, at) if part else at
        if part.strip():
            cells.append((start + len(part) - len(part.lstrip()), part.strip()))
        at = start + len(part)
    return cells


def side_by_side(page: int, lines: list[str]) -> list[GridPair]:
    """The cells of rows that set a "Label: value" cell beside another (one page's raw lines):
    each cell its own pair, cited by its own words (verbatim in the laid-out page); a cell
    ending in "och" or "," goes on in the cell below it in the same column."""
    pairs: list[GridPair] = []
    for i, line in enumerate(lines):
        cells = _gap_cells(line)
        if not 2 <= len(cells) <= 3 or not any(_LABELLED_CELL.fullmatch(c) for _, c in cells[1:]):
            continue
        if not all(_WORDED.match(c) for _, c in cells):
            continue  # a bullet or a marker before its item: one cell of text
        row = " ".join(normalise(line).split())
        for at, cell in cells:
            cited = normalise(cell)
            if m := _LABELLED_CELL.fullmatch(cited):
                pairs.append(GridPair(page, m["label"], m["value"], cited, i, i, row))
                continue
            below = _gap_cells(lines[i + 1]) if i + 1 < len(lines) else []
            more = [c for a, c in below if abs(a - at) <= _SLACK]
            value = f"{cited} {normalise(more[0])}" if _CONTINUED.search(cited) and more else cited
            pairs.append(GridPair(page, "", value, cited, i, i, row))
    return pairs


# A figure cell: "1", "0,5", "120", "12%", "≥1976"; not a year alone, which ends titles
# ("Handlingsplan    , inkl. Nulägesanalys 2009").
_FIGURE = re.compile(r"(?!(?:19|20)\d\d$)[<>≤≥]?\d+(?:[,.]\d+)?%?")
_DECIMAL = re.compile(r"\d+,\d+")


def table_row(body: list[Item], i: int) -> bool:
    """Is unit ``i`` a row of a table exported by columns (``pdftotext -layout``): two cells or
    more in its line (``Item.cells``), the last a figure ("Markvärmepump (berg, mark, sjö)    0,4")
    or a row of two cells or more next to it ("Värmekälla    Justeringsfaktor (Xvärmekälla)" over
    "Fjärrvärme    1")? Taken for headings, a heat-source table's rows each headed the next and
    its caption headed none."""
    last = body[i].text.split()[-1]
    if _DECIMAL.fullmatch(last):
        return True  # "Härnösand, Kramfors och Timrå 1,2": a decimal figure ends no heading
    rows = [0 <= k < len(body) and body[k].cells >= 2 for k in (i - 1, i + 1)]
    if body[i].cells >= 2:
        return bool(_FIGURE.fullmatch(last)) or any(rows)
    # "13    Halland" between "Laholm    0,9" and "Övriga    1,0": a county's number and name
    # among the rows, not section 13 ("2.1    E-arkiv" after "2    Del 1 …" heads its text).
    return bool(NUMBERED_HEADING.match(body[i].text)) and all(
        rows[n] and _FIGURE.fullmatch(body[k].text.split()[-1])
        for n, k in enumerate((i - 1, i + 1))
    )
