"""Running headers, footers and page numbers: lines that recur at the top or bottom of most
pages (nearly verbatim: a typo in a letterhead still counts) and page-number lines."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

__all__ = ["PAGE_OF_TOTAL", "is_page_number", "line_key", "recurring_keys", "similar_key"]

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


def similar_key(line: str, recurring: set[str]) -> bool:
    key = line_key(line)
    return bool(key) and any(_similar(key, r) for r in recurring)
