"""Laid-out units (``Item``) and what a unit's text says about its neighbours: a list start,
a numbered heading, a "Label: value" line, a sentence left open at its end, a party pair
("mellan A och B") still open. Reflow (reflow.py) and headings (headings.py) read these."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DEFINED_TERM",
    "FUNCTION_WORDS",
    "INSERTED_CLAUSE",
    "KEY_VALUE",
    "LIST_START",
    "NUMBERED_HEADING",
    "NON_FINAL_ABBREVIATIONS",
    "OPEN_ABBREVIATION",
    "PAIR_CLOSE",
    "SECTION_SIGN_HEADING",
    "SECTION_SIGN_ONLY",
    "TAB_ROW",
    "TERMINAL",
    "TOC_ENTRY",
    "UNIT",
    "VALUE_LINE",
    "Item",
    "form_field",
    "is_list_start",
    "item_number",
    "next_item",
    "mid_sentence",
    "open_pair",
    "text_width",
    "sentence_at",
    "sentences",
]

TERMINAL = ".!?:;…"
# A verb of duty followed by a comma opens a clause set into its sentence, still open at the
# line's end ("Utredaren ska, utifrån de förslag som redovisas i betänkandet" / "SOU 2007:34,
# genomföra …"): the sentence goes on, the line is no heading and no paragraph's end.
INSERTED_CLAUSE = re.compile(
    r"\b(?:ska|skall|bör|måste|kan|får|shall|must|will|should),\s[^,.!?;:]*$", re.I
)
# Any private-use character at a line start is a symbol-font bullet (Word's Symbol and
# Wingdings bullets reach a PDF text layer as U+F0xx: F0B7, F0A7, F0A0, F0D8, F0FC …).
LIST_START = re.compile(
    r"^(?:[•\uf0b7\uf0a7\ue000-\uf8ff▪■◦○‣⁃·➢*–-]\s+|\(?\d{1,2}[.)]\s+|[a-zA-Z][.)]\s+)"
)
NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S|^\d{1,2}\.?\s+[A-ZÅÄÖ]")
# A section-sign heading of a taxa or föreskrift ("§ 13 Brukningsavgift för bebyggd fastighet",
# "§ 5.1 Anläggningsavgift"): numbered like "13 Brukningsavgift …", the sign first.
SECTION_SIGN_HEADING = re.compile(r"^§\s?\d{1,3}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ]")
# A "§ N" heading without its title: minutes set "§ 98" and the matter's title as two headings.
SECTION_SIGN_ONLY = re.compile(r"^§\s?\d{1,3}[a-z]?\.?$")
# A table-of-contents entry: a dot leader (or a tab) and a page number. It names a heading
# but is none: taken for one, the whole contents list would become nested empty sections.
TOC_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$|\t\s*\d{1,4}\s*$")
# A table row of a text export, its cells split by tabs (a Word or spreadsheet table copied as
# text: "Aktivitetsloggar\t12 månader\tFelsökning"): a record of its own, neither a heading nor
# a line a paragraph wraps onto. Not a numbered heading's tab ("3.1\tAvtalstid").
TAB_ROW = re.compile(
    r"^(?!\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zA-Z][.)]|§\s*\d+)\t)\s*[^\t\s][^\t]*\t+\S"
)
# A label may write its plural ending in parentheses ("Personuppgiftsansvarig(a): …").
KEY_VALUE = re.compile(r"^[A-ZÅÄÖ][\wÅÄÖåäö ./-]{0,40}(?:\(\w{1,3}\))?:(?:\s|$)")
# A value alone on its line: a figure with a unit or per-cent sign, a grouped or decimal number
# ("1 444", "12,5") or an ISO date, with a share after it ("821 kr (44%)") or a dash before it
# ("- 1 850 kr", a total column). A bare small integer is not one: a page or item number. A PDF
# table read to text puts each cell on its own line: such a line is a cell, never a heading,
# and ends the label line above it.
UNIT = r"(?:kr|kronor|sek|tkr|mkr|msek|euro|eur|%|procent|st|timmar|tim|dagar|veckor|månader|år)"
_FIGURE = r"\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?|\d+,\d+|\d+"
VALUE_LINE = re.compile(
    rf"(?:[-–]\s*)?(?:(?:{_FIGURE})\s*{UNIT}\.?(?:/\w+)?|\d{{1,3}}(?:[ \u00a0.]\d{{3}})+(?:,\d+)?"
    r"|\d+,\d+|\d{4}-\d{2}-\d{2})(?:\s*\(\d{1,3}(?:,\d+)?\s?%\))?",
    re.I,
)
# Words after which a line never ends a sentence or a heading (Swedish and English).
FUNCTION_WORDS = set(
    [
        "och",
        "eller",
        "samt",
        "i",
        "om",
        "för",
        "mellan",
        "av",
        "till",
        "med",
        "på",
        "den",
        "det",
        "de",
        "en",
        "ett",
        "som",
        "att",
        "är",
        "ska",
        "kan",
        "vid",
        "från",
        "enligt",
        "inom",
        "under",
        "efter",
        "över",
        "utan",
        "där",
        "när",
        "så",
        "även",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "for",
        "with",
        "by",
        "a",
        "an",
    ]
)
_PAIR_OPEN = re.compile(r"\b(?:mellan|between)\b", re.I)
PAIR_CLOSE = re.compile(r"\s(?:och|samt|and|&)\s", re.I)


@dataclass
class Item:
    kind: str  # line | paragraph | list_item | heading | table_row | footnote
    page: int
    lines: list[str]
    level: int = 0
    table: int | None = None
    header_row: bool = False
    marker: str | None = None
    blank_before: bool = False
    page_end: int = 0
    wrapped: bool = False  # made of physical lines (may be reflowed)
    last_len: int = 0  # length of the last physical line (before hyphen joins)
    # The first unit after a rule that ends a section (a statute's "__________" before its
    # transitional provisions): it stands under no heading of the text before the rule.
    after_break: bool = False
    # A title the document's contents list names (``contents.contents_titles``): a heading,
    # whatever it looks like, and a unit no following line runs on into.
    titled: bool = False
    # Cells of its line as exported by columns (``pdftotext -layout``): text parted by gaps of
    # three spaces or more, a leading number or bullet not counted; 0 where no export is known.
    cells: int = 0

    @property
    def text(self) -> str:
        return _join(self.lines)


# Abbreviations that cannot end a sentence ("m.m." and "osv." can, and are not here): their dot
# is no full stop, before a capital ("p.g.a. ÄTA", "alt. Solcellsanläggning") or a number
# ("prop. 2012/13:144", "§ 5 mom. 1") as before a line's end. Shared by the sentence splitter
# (``sentences``, which reads "art." and "bet.", words too, as abbreviations before a number
# only) and the line reflow.
NON_FINAL_ABBREVIATIONS = (
    r"t\.\s?ex|bl\.\s?a|s\.k|d\.v\.s|resp|jfr|jmf|inkl|exkl|fr\.o\.m|t\.o\.m|ca|enl|"
    r"p\.g\.a|e\.g|i\.e|alt|ex|f\.d|prop|rskr|dir|mom|incl|approx"
)
OPEN_ABBREVIATION = re.compile(rf"(?:^|\s)(?:{NON_FINAL_ABBREVIATIONS})\.$", re.I)
# A lower-case term of up to five words and its colon opening a line: a definition list's entry.
DEFINED_TERM = re.compile(r"^[a-zåäöé][\wåäöé-]*(?:\s+[\wåäöé-]+){0,4}:\s+\S")


def _join(lines: list[str]) -> str:
    return " ".join(lines)


def is_list_start(text: str) -> bool:
    return (
        bool(LIST_START.match(text))
        and not NUMBERED_HEADING.match(text)
        or (bool(re.match(r"^\d{1,2}\.\s", text)) and len(text) > 80)
    )


def open_pair(text: str) -> bool:
    """Text that opens "mellan A och B" / "between A and B" and stops before the second part:
    a party line (or title) wrapped inside its pair, which the next line completes."""
    m = _PAIR_OPEN.search(text)
    return bool(m) and not PAIR_CLOSE.search(text[m.end() :])


_PROSE_WORD = re.compile(r"[^\W\d_][\w-]*")
_LIST_NUMBER = re.compile(r"\(?(\d{1,2})([.)])\s+\S")


def item_number(text: str) -> tuple[int, str, bool] | None:
    """A numbered line's (number, marker, ends a sentence): "2. Sunet" is (2, ".", False),
    "1) planen följs upp." (1, ")", True); None for a line that is not numbered so."""
    text = text.strip()
    m = _LIST_NUMBER.match(text)
    return (int(m.group(1)), m.group(2), text[-1] in TERMINAL) if m else None


def next_item(before: str, after: str, following: str = "") -> bool:
    """Is ``after`` the item right after ``before`` in one numbered list: the next number, the
    same marker ("1)" / "2." are two lists), both sentences or neither ("2. Hyra och el ingår
    inte." / "3. Handläggning": an item, then a heading), and ``after`` not heading its own
    subsection in the ``following`` line ("3. Avgifter" / "3.1 Årsavgift")? Items of one list
    stand with no text between them; numbered headings have text between."""
    a, b = item_number(before), item_number(after)
    if a is None or b is None or b != (a[0] + 1, *a[1:]):
        return False
    return not re.match(rf"{b[0]}\.\d", following.strip())


def mid_sentence(unit: Item) -> bool:
    text = unit.text
    if not text or text[-1] in TERMINAL or unit.kind not in ("paragraph", "list_item"):
        return False
    words = text.split()
    return (
        text[-1] in ",-"
        or len(unit.lines) > 1
        or words[-1].casefold() in FUNCTION_WORDS
        # A lower-case last word of a long line ("… som ska"), but not a web or e-mail address,
        # a number or an abbreviation with dots that ends a letterhead's row ("106 47 Stockholm
        # 08-690 91 91 www.fritzes.se"): no sentence runs on from those to the next page.
        or (len(words) >= 5 and bool(_PROSE_WORD.fullmatch(words[-1])) and words[-1][0].islower())
    )


def form_field(prev: Item, text: str, blank: bool) -> bool:
    """A form's field over two lines ("Utarbetad av:" / "Helena Sundvall", "Giltig från:" /
    "2021-09-22"), as PDF exports of a document's metadata table write it: one unit "label:
    value", so the value is read with its label (a card fact) and the label is no heading."""
    label = prev.lines[0]
    return (
        not blank
        and len(prev.lines) == 1
        and label.endswith(":")
        and len(label) <= 30
        and len(label.split()) <= 4
        and bool(KEY_VALUE.match(label))
        and len(text) <= 60
        and text[-1] not in TERMINAL
    )


# A sentence's end in a fact's line: a stop, then a capital or a digit (no abbreviation list:
# a card fact cites one line, and a label's value rarely holds "t.ex.").
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a unit, each an exact substring of it (a fact cites one line)."""
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` (as ``sentences`` cuts it) that holds position ``pos``."""
    start = 0
    for m in _SENTENCE.finditer(text):
        if m.start() >= pos:
            return text[start : m.start()]
        start = m.end()
    return text[start:]


def text_width(lines: list[Item]) -> int:
    """The text width (in characters) of the document's wrapped lines: the 90th percentile of
    the lines' lengths, over the lines of the text's own column — at most a fifth longer than
    the 75th percentile. A PDF export runs a table's cells or two columns into lines twice as
    long; at one line in ten they set the width (117 for a tariff whose text wraps at 64), and
    no line of the text reached it, so a sentence wrapped before a capital or a number ("…
    uttrycka Recovery Time" / "Objective (RTO), som …") was cut in two. Too few lines to tell:
    no line counts as wrapped by its length alone."""
    lengths = sorted(
        len(it.lines[0]) for it in lines if it.kind == "line" and len(it.lines[0]) > 20
    )
    if len(lengths) < 8:
        return 10_000
    column = [n for n in lengths if n <= 1.2 * lengths[int(len(lengths) * 0.75)]]
    return column[int(len(column) * 0.9)]
