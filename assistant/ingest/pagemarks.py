"""Pages of a text export that has no form feeds, from its printed page numbers.

A PDF copied or converted to text (PyMuPDF's ``get_text``, pdftotext without ``-layout``, a
browser's copy) keeps each page's printed number — "3 (51)", "Sida 3 (25)", "3/10", "3 [8]",
"Sida 3 av 25", "Page 3 of 25" — as a line of its own, or glued to the end of the page's last
line ("… sjuksköterskeenheten 1/10"), but no page break. Without this step such a document is
one page long and every citation says page 1. A PDF-to-Markdown export (pymupdf4llm) keeps a
bare "7" beside the page's running footer ("Justerandes sign", "Utdragsbestyrkande"): see
``_bare_marks`` for when such numbers count.

The rule: page-number forms that name the same total T, whose numbers rise through the text,
at least two of them; each starts (numbers in the page header) or ends (numbers in the footer)
its page. Which of the two is decided by where the text lies: a header number has little text
before the first mark, a footer number little after the last. Pages whose number is missing
from the text (a converter drops some) stay empty, so later pages keep their printed numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .edges import PAGE_OF_TOTAL, line_key, word_key

__all__ = [
    "PageMark",
    "find_page_marks",
    "split_at_page_comments",
    "split_at_page_marks",
    "split_at_running_lines",
    "without_comments",
]

# A page-number line naming its total. "5 [5]"-style brackets are PDF converters' rendering of
# "5 (5)"; "2[4]" without a space occurs too.
# The same glued to the end of a text line: only "N (T)", "N/T", "N [T]" forms, after a space.
_GLUED = re.compile(r"^(.*\S)\s+(\d{1,4})\s*(?:\((\d{1,4})\)|\[(\d{1,4})\]|/\s*(\d{1,4}))\s*$")


@dataclass(frozen=True)
class PageMark:
    """A printed page number found at ``line`` (0-based); ``glued``: it ended a text line."""

    line: int
    number: int
    total: int
    glued: bool = False


def _total(groups: tuple[str | None, ...]) -> int:
    return int(next(g for g in groups if g))


def find_page_marks(lines: list[str]) -> list[PageMark]:
    """The printed page numbers of a text, in order, numbers rising, one total.

    Standalone page-number lines decide the total (the most common one, seen twice at least);
    glued numbers count only with that total. Marks that would make the numbers fall (a table
    cell "3/10", a date-like "1/2") are dropped by keeping the longest rising run.
    """
    standalone: list[PageMark] = []
    glued: list[PageMark] = []
    for i, line in enumerate(lines):
        if m := PAGE_OF_TOTAL.match(line.strip()):
            n, total = int(m.group(1)), _total(m.groups()[1:])
            if 0 < n <= total:
                standalone.append(PageMark(i, n, total))
        elif m := _GLUED.match(line):
            n, total = int(m.group(2)), _total(m.groups()[2:])
            if 0 < n <= total:
                glued.append(PageMark(i, n, total, glued=True))
    totals = Counter(mark.total for mark in standalone)
    if not totals or totals.most_common(1)[0][1] < 2:
        totals = Counter(mark.total for mark in glued)  # every number glued: they must agree more
        if not totals or totals.most_common(1)[0][1] < 3:
            return [] if standalone or glued else _bare_marks(lines)
    total = totals.most_common(1)[0][0]
    marks = sorted((m for m in standalone + glued if m.total == total), key=lambda m: m.line)
    return _longest_rising(marks)


# A bare page number: a line that is only a number, page 1 to 999 (a year is no page).
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
# Bare numbers count as pages only in a run this long whose steps are mostly one page (a converter
# may drop a page's number: up to _MAX_STEP), each beside a running line (_NEIGHBOURS lines either
# side) that stands beside _RUNNING_SHARE of them: a numbered list's or table's bare numbers
# ("1", "2", "3" in a column) have no line that recurs beside each of them.
# A page holds text: the median page between two numbers at least _PAGE_WORDS words (a table's
# "1 / Ja / 2 / Ja" has a recurring neighbour too).
_MIN_BARE, _MAX_STEP, _ONE_STEPS, _NEIGHBOURS, _RUNNING_SHARE, _PAGE_WORDS = 3, 3, 0.75, 2, 0.6, 40


def _bare_marks(lines: list[str]) -> list[PageMark]:
    """Bare page numbers ("7" alone on a line), in order, or [] when they do not read as pages.

    The longest run of such numbers rising by one to ``_MAX_STEP`` from page 1–3, three at least,
    three in four steps of one page, pages of ``_PAGE_WORDS`` words or more (the median), where
    one and the same other line (a running footer or header: "Justerandes sign", the
    document's date) stands within ``_NEIGHBOURS`` text lines of at least ``_RUNNING_SHARE``
    of the numbers.
    """
    found = [
        PageMark(i, int(m.group(1)), 0)
        for i, line in enumerate(lines)
        if (m := _BARE_NUMBER.match(line)) and int(m.group(1)) > 0
    ]
    run = _longest_rising(found, _MAX_STEP)
    if len(run) < _MIN_BARE or run[0].number > 3:
        return []
    steps = [b.number - a.number for a, b in zip(run, run[1:], strict=False)]
    if sum(step == 1 for step in steps) < _ONE_STEPS * len(steps):
        return []
    sizes = sorted(_words(lines[a.line : b.line]) for a, b in zip(run, run[1:], strict=False))
    if sizes[len(sizes) // 2] < _PAGE_WORDS:
        return []
    beside: Counter[str] = Counter()
    for mark in run:
        beside.update(_neighbour_keys(lines, mark.line))
    if not beside or beside.most_common(1)[0][1] < _RUNNING_SHARE * len(run):
        return []
    return run


def _neighbour_keys(lines: list[str], at: int) -> set[str]:
    """The keys of the ``_NEIGHBOURS`` nearest text lines before and after line ``at`` (other
    bare numbers skipped: "4" and a stray "9" may stand together)."""
    keys: set[str] = set()
    for direction in (-1, 1):
        i, seen = at + direction, 0
        while 0 <= i < len(lines) and seen < _NEIGHBOURS:
            text = lines[i].strip()
            if text and not _BARE_NUMBER.match(text):
                if key := line_key(text):
                    keys.add(key)
                seen += 1
            i += direction
    return keys


def _longest_rising(marks: list[PageMark], max_step: int = 0) -> list[PageMark]:
    """The longest subsequence with strictly rising numbers (quadratic: a few hundred marks);
    ``max_step``: no step over that many pages (0: any)."""
    if not marks:
        return []
    best = [1] * len(marks)
    back = [-1] * len(marks)
    for i, mark in enumerate(marks):
        for j in range(i):
            step = mark.number - marks[j].number
            if step > 0 and (not max_step or step <= max_step) and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    i = max(range(len(marks)), key=lambda k: best[k])
    run: list[PageMark] = []
    while i >= 0:
        run.append(marks[i])
        i = back[i]
    run.reverse()
    return run if len(run) >= 2 else []


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _in_header(lines: list[str], marks: list[PageMark]) -> bool:
    """Header numbers (each starts its page) or footer numbers (each ends it)?

    Footer numbers leave about a page of text before the first mark and little after the last;
    header numbers the reverse. When both ends are short (a title block before a header "1/10",
    a closing line after a footer "10/10"), text after the document's last page number cannot
    be a page of its own, so the numbers head their pages.
    """
    before = _words(lines[: marks[0].line])
    after = _words(lines[marks[-1].line + 1 :])
    sizes = sorted(_words(lines[a.line : b.line]) for a, b in zip(marks, marks[1:], strict=False))
    short = 0.25 * sizes[len(sizes) // 2] if sizes else 0
    if before <= short and after <= short:
        return after > 0 and marks[-1].number == marks[-1].total
    return before < after


def split_at_page_marks(text: str) -> list[str] | None:
    """Pages (page N at index N-1) cut at the printed page numbers, or None when the text has
    no usable numbers. The number lines stay on their pages (layout removes them as page
    numbers); a glued number is put on a line of its own."""
    lines = text.split("\n")
    marks = find_page_marks(lines)
    if not marks:
        return None
    for mark in marks:
        if mark.glued and (m := _GLUED.match(lines[mark.line])):
            lines[mark.line] = m.group(1) + "\n" + lines[mark.line][len(m.group(1)) :].strip()
    in_header = _in_header(lines, marks)
    pages: dict[int, list[str]] = {}
    cuts = [m.line if in_header else m.line + 1 for m in marks]
    numbers = [m.number for m in marks]
    if in_header:
        # Text before the first header number belongs to the page before it (page 1 at least).
        spans = [(max(1, numbers[0] - 1), 0, cuts[0])]
        spans += [(n, a, b) for n, a, b in zip(numbers, cuts, [*cuts[1:], len(lines)], strict=True)]
    else:
        spans = [(n, a, b) for n, a, b in zip(numbers, [0, *cuts[:-1]], cuts, strict=True)]
        spans.append((numbers[-1] + 1, cuts[-1], len(lines)))
    for number, start, end in spans:
        pages.setdefault(number, []).extend(lines[start:end])
    last = max(n for n, lines_ in pages.items() if any(s.strip() for s in lines_))
    return ["\n".join(pages.get(n, [])) for n in range(1, last + 1)]


# A Markdown export's page comment ("<!-- sida 49 -->", "<!-- page 3 -->", "<!-- s. 3 -->"):
# invisible in any renderer, so not text; where it names a page, a page break.
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_PAGE_COMMENT = re.compile(r"^\s*(?:sida|sid|s\.|page|p\.)\s*(\d{1,4})\s*$", re.I)


def without_comments(text: str) -> str:
    """``text`` without its HTML comments (Markdown's invisible notes)."""
    return _COMMENT.sub("", text) if "<!--" in text else text


def split_at_page_comments(text: str) -> list[str] | None:
    """Pages (page N at index N-1), without the comments, cut where an HTML comment names a
    page ("<!-- sida 49 -->"), at least two of them, the numbers rising; else None."""
    if "<!--" not in text:
        return None
    numbered = [
        (m, int(p.group(1))) for m in _COMMENT.finditer(text) if (p := _PAGE_COMMENT.match(m[1]))
    ]
    numbers = [n for _, n in numbered]
    if len(numbers) < 2 or numbers != sorted(set(numbers)):
        return None
    # Text before the first mark belongs to the page before it (page 1 at least).
    pages: dict[int, str] = {max(1, numbers[0] - 1): text[: numbered[0][0].start()]}
    for (m, number), nxt in zip(numbered, [*numbered[1:], None], strict=True):
        end = nxt[0].start() if nxt else len(text)
        pages[number] = pages.get(number, "") + text[m.end() : end]
    return [without_comments(pages.get(n, "")) for n in range(1, max(pages) + 1)]


# A running header that a converter kept and whose page breaks and numbers it dropped: a short
# line with a figure (a designation, a year: "**Kommunsektorn SOU 2025:96**", on even pages
# "**SOU 2025:96 Kommunsektorn**") standing alone at least ``_RUNNING_MIN`` times, each at least
# ``_RUNNING_GAP`` lines after the last. A label without a figure ("Beslut", "Läs mer") that
# recurs through minutes or an FAQ marks no page, nor does a typed heading ("#### Resultat
# 2025" over each section of a report).
_RUNNING_MIN = 3
_RUNNING_GAP = 8
_MARKUP = re.compile(r"[*_#>]")


def split_at_running_lines(text: str) -> list[str] | None:
    """Pages cut before each recurrence of a running header (the same words in either order,
    ``edges.word_key``), or None when no line recurs so. The header lines stay on their pages
    (layout removes them at the page tops), and the text before the first is page 1."""
    lines = text.split("\n")
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        plain = _MARKUP.sub("", line).strip()
        words = plain.split()
        if 2 <= len(words) <= 10 and len(plain) <= 80 and any(ch.isdigit() for ch in plain):
            blank_around = (i == 0 or not lines[i - 1].strip()) and (
                i + 1 == len(lines) or not lines[i + 1].strip()
            )
            if blank_around:
                seen.setdefault(word_key(plain), []).append(i)
    runs = [
        at
        for at in seen.values()
        if len(at) >= _RUNNING_MIN
        and all(b - a >= _RUNNING_GAP for a, b in zip(at, at[1:], strict=False))
    ]
    if not runs:
        return None
    starts = max(runs, key=len)
    bounds = sorted({0, *starts, len(lines)})
    return ["\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
