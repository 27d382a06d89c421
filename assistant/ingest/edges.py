"""Running headers, footers and page numbers: lines that recur at the top or bottom of most
pages (nearly verbatim: a typo in a letterhead still counts) and page-number lines, found and
taken off the pages (``strip_edges``, before reflow)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

from .units import Item

__all__ = [
    "PAGE_OF_TOTAL",
    "is_page_number",
    "line_key",
    "recurring_keys",
    "similar_key",
    "strip_edges",
    "word_key",
]

_SIMILAR = 0.88
# "2 (51)", "2 [51]", "1/2", "Sida 2 av 5", "Sid 2 av 5", "Page 2 of 5", "- 2 -", "s. 2": with a total, a page number
# anywhere on a page; a bare number only at a page edge.
PAGE_OF_TOTAL = re.compile(
    r"^(?:sida|sid\.?|page|s\.|p\.)?\s*(\d{1,4})\s*(?:\((\d{1,4})\)|\[(\d{1,4})\]|/\s*(\d{1,4})|(?:av|of)\s+(\d{1,4}))$",
    re.I,
)
_LABELLED = re.compile(r"^(?:sida|sid\.?|page)\s+\d{1,4}$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
_BARE = re.compile(r"^\d{1,4}$")


def is_page_number(line: str, page_count: int, strict: bool = False) -> bool:
    """A page-number line. ``strict``: only forms that name the total or the word "page",
    with a plausible total (a lone "12" mid-page may be a table cell)."""
    line = line.strip()
    if m := PAGE_OF_TOTAL.match(line):
        number = int(m.group(1))
        total = int(next(g for g in m.groups()[1:] if g))
        return 0 < number <= total and (not page_count or total <= max(page_count, 2) * 3)
    if _LABELLED.match(line):
        return True
    return not strict and bool(_BARE.match(line))


def line_key(line: str) -> str:
    folded = unicodedata.normalize("NFKD", line.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def word_key(line: str) -> str:
    """``line``'s folded words in sorted order: a running header set on the other side on even
    pages ("Kommunsektorn SOU 2025:96" / "SOU 2025:96 Kommunsektorn") has one key."""
    return " ".join(sorted(k for word in line.split() if (k := line_key(word))))


def _similar(a: str, b: str) -> bool:
    """Nearly the same key; the length bound and quick_ratio() are upper bounds of ratio(),
    so they reject most pairs without the quadratic matcher."""
    if a == b:
        return True
    shorter, total = min(len(a), len(b)), len(a) + len(b)
    if shorter < 5 or 2.0 * shorter / total < _SIMILAR:
        return False
    # A typo seldom touches both ends: lines sharing neither are different lines.
    if a[:3] != b[:3] and a[-3:] != b[-3:]:
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR


def recurring_keys(pages: list[list[str]], fuzzy_lines: int = 8) -> set[str]:
    """Keys of lines that recur on at least half the pages (two at least): exactly anywhere in
    the given lines, or nearly (a typo in a letterhead) among each page's first and last
    ``fuzzy_lines`` lines, which keeps the quadratic matcher to the page edges."""
    page_keys = [{k for ln in page if (k := line_key(ln))} for page in pages]
    needed = max(2, (len(pages) + 1) // 2)
    exact = Counter(key for keys in page_keys for key in keys)
    recurring = {key for key, n in exact.items() if n >= needed and len(key) >= 3}
    # A header set on the left of odd pages and the right of even ones recurs in two orders
    # of its words, each on half the pages: together they run.
    ordered: dict[str, set[str]] = {}
    for page in pages:
        for ln in page:
            if (k := line_key(ln)) and len(ln.split()) >= 2:
                ordered.setdefault(word_key(ln), set()).add(k)
    by_words = Counter(w for page in pages for w in {word_key(ln) for ln in page if ln.strip()})
    for words, keys in ordered.items():
        if len(keys) > 1 and by_words[words] >= needed and len(words) >= 3:
            recurring.add(_ORDERLESS + words.replace(" ", ""))
    edge_keys = [
        {k for ln in page[:fuzzy_lines] + page[-fuzzy_lines:] if (k := line_key(ln))}
        for page in pages
    ]
    for keys in edge_keys:
        for key in keys:
            if key in recurring or len(key) < 5:
                continue
            hits = sum(any(_similar(key, other) for other in others) for others in edge_keys)
            if hits >= needed:
                recurring.add(key)
    return recurring


# A recurring key for a header whose words recur in either order (``recurring_keys``): its
# sorted words, marked so that no line's own key can equal it.
_ORDERLESS = "~"


def similar_key(line: str, recurring: set[str]) -> bool:
    key = line_key(line)
    if not key:
        return False
    return any(_similar(key, r) for r in recurring) or _orderless(line) in recurring


def _orderless(line: str) -> str:
    return _ORDERLESS + word_key(line).replace(" ", "")


# A rule of underscores ends a section: Swedish statutes and authorities' regulations print one
# ("___________") between the last paragraph and the transitional provisions ("1. Dessa
# föreskrifter träder i kraft …", "2. Genom föreskrifterna upphävs …"), which belong to no
# section above it (they stood under "Särskilda bestämmelser för byggverksamhet"). Dashes and
# equals signs also underline headings or separate front matter: they stay mere rules.
_SECTION_END = re.compile(r"^_{5,}$")


def strip_edges(
    by_page: list[list[Item]], removed: list[list[str]], edge: list[tuple[int, str]]
) -> None:
    """Drop page numbers anywhere and recurring lines at page tops and bottoms."""
    n = len(by_page)
    # A running line recurs at the same edge: atop pages, or at their feet. A sentence the text
    # repeats (the same duty in two sections, at the foot of one page and atop the next) is no
    # header; it was lost as one when any line in a page's first or last 25 counted.
    page_lines = [_text_lines(p) for p in by_page]
    tops = [[it.text for it in p[:_EDGE_DEPTH]] for p in page_lines]
    feet = [[it.text for it in p[-_EDGE_DEPTH:]] for p in page_lines]
    recurring = recurring_keys(tops) | recurring_keys(feet) if n >= 2 else set()
    recurring = _at_edges(page_lines, recurring)

    def running(text: str) -> bool:
        return similar_key(text, recurring)

    ended = False  # a section-ending rule stood since the last kept text (even a page before)
    for no, page in enumerate(by_page, start=1):
        keep: list[Item] = []
        lines = _text_lines(page)
        top_ids = _edge_run(lines, running)
        bottom_ids = _edge_run(list(reversed(lines)), running)
        if no == 1 and top_ids:
            # A title that is also the running header stays on page 1: a header line there
            # followed by a line that is not a variant of it (the real title) is the title.
            for i in sorted(top_ids):
                words = set(lines[i].text.casefold().split())
                nxt = set(lines[i + 1].text.casefold().split()) if i + 1 < len(lines) else set()
                if len(words) >= 3 and len(words & nxt) < len(words) / 2:
                    top_ids = {j for j in top_ids if j < i}
                    break
        drop = {id(lines[i]) for i in top_ids} | {id(lines[len(lines) - 1 - i]) for i in bottom_ids}
        for it in page:
            text = it.text.strip()
            if it.kind == "rule":
                if any(ch.isalnum() for ch in text):
                    removed[no - 1].append(text)
                if _SECTION_END.match(text):
                    # Read as a blank line (no line joins across it), its end of section
                    # carried by the next unit.
                    it.kind, it.lines, ended = "blank", [""], True
                    keep.append(it)
                continue
            edge_line = id(it) in drop or it.kind == "line" and is_page_number(text, n, strict=True)
            if edge_line:
                removed[no - 1].append(text)
                edge.append((no, text))
                continue
            if ended and it.kind != "blank":
                it.after_break, ended = True, False
            keep.append(it)
        page[:] = keep


_EDGE_KINDS = ("line", "heading")
_EDGE_DEPTH = 12  # text lines from a page's top or foot where letterheads and footers stand


def _text_lines(page: list[Item]) -> list[Item]:
    return [it for it in page if it.kind not in ("blank", "rule")]


def _at_edges(pages: list[list[Item]], candidates: set[str]) -> set[str]:
    """The ``candidates`` (keys recurring near the page edges) that stand in a page's edge run —
    the unbroken lines of candidates and page numbers from its top or from its foot — on at
    least half the pages (two at least), as ``recurring_keys`` counts. A plan's building entries
    repeat their stock rules ("Tak skall vara klätt med tvåkupigt lertegel.") among most pages'
    first and last twelve lines; they were dropped wherever one ended or began a page."""
    if not candidates:
        return candidates
    needed = max(2, (len(pages) + 1) // 2)

    def running(text: str) -> bool:
        return similar_key(text, candidates)

    counts: Counter[str] = Counter()
    for lines in pages:
        top = [lines[i].text for i in _edge_run(lines, running)]
        foot = [lines[len(lines) - 1 - i].text for i in _edge_run(list(reversed(lines)), running)]
        keys = {k for text in top + foot if (k := line_key(text))}
        keys |= {_orderless(text) for text in top + foot}
        counts.update(c for c in candidates if any(k == c or _similar(k, c) for k in keys))
    return {c for c in candidates if counts[c] >= needed}


def _edge_run(lines: list[Item], running: Any) -> set[int]:
    ids: set[int] = set()
    for i, it in enumerate(lines):
        # A letterhead typed as a Markdown heading ("## KOMMUNEN" atop every page) runs too.
        if it.kind not in _EDGE_KINDS or not (
            is_page_number(it.text.strip(), 0) or running(it.text)
        ):
            break
        ids.add(i)
    return ids
