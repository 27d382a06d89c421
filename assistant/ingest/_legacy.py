"""The page-string helpers of the ingest before the block model (``split_pages``,
``strip_repeated_blocks``, ``reflow``): kept for callers that have plain page strings (the
benchmark's synthetic corpora, tests); ``load_document`` uses layout.py and card.py instead.

Text extracted from PDFs repeats a running header and a letterhead on every page. Those lines are
found generically (lines that recur, nearly verbatim, at the top or bottom of most pages), removed
from the pages, and their facts are kept once as metadata.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

__all__ = ["normalise", "reflow", "split_pages", "strip_repeated_blocks"]

_SIMILAR = 0.88

KEY_VALUE = re.compile(r"^[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäö .-]{0,28}:\s+\S.{0,80}$")
_CASE_NUMBER = re.compile(
    r"\b(?:[Dd]nr|[Dd]iarienummer|[Dd]iarienr)?[:.\s]*([A-ZÅÄÖ]{1,5}\s?\d{2,4}/\d{2,6})\b"
)
_DATE = re.compile(r"\b(?:Datum|Date|Dated)\s*:?\s*(\d{4}-\d{2}-\d{2})")
_PAGE_NUMBER = re.compile(r"^(?:sida|page|s\.)?\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?$", re.I)
_CONTACT_LABEL = re.compile(
    r"^(handläggare|kontaktperson|kontakt ?person|contact person)\s*:?$", re.I
)
_PARTIES = re.compile(r"\b(?:mellan|between)\s+(.+?)\s+(?:och|and)\s+(.+?)(?:\s+\d{4}\b.*)?$", re.I)
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def normalise(text: str) -> str:
    """NFC, no-break spaces as spaces, no trailing spaces before a newline."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"[ \t]+\n", "\n", text)


# --- pages and repeated blocks --------------------------------------------------------------


def split_pages(text: str) -> list[str]:
    """Split at form feeds, else before each recurrence of the first line (a running header)."""
    text = normalise(text)
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if not first:
        return [text]
    starts = [i for i, ln in enumerate(lines) if ln.strip() == first]
    # A header recurs; a one-off heading line does not make pages.
    if len(starts) < 3:
        return [text]
    starts[0] = 0
    bounds = starts + [len(lines)]
    return ["\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _key(line: str) -> str:
    folded = unicodedata.normalize("NFKD", line.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def _similar(a: str, b: str) -> bool:
    """Nearly the same line (a typo in a letterhead); the length bound and quick_ratio() are
    upper bounds of ratio(), so they reject most pairs without the quadratic matcher."""
    if a == b:
        return True
    shorter, total = min(len(a), len(b)), len(a) + len(b)
    if shorter < 5 or 2.0 * shorter / total < _SIMILAR:
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR


def _recurring_keys(pages: list[str]) -> set[str]:
    page_keys = [{_key(ln) for ln in page.split("\n") if _key(ln)} for page in pages]
    needed = max(2, (len(pages) + 1) // 2)
    recurring: set[str] = set()
    for keys in page_keys:
        for key in keys:
            if key in recurring:
                continue
            hits = sum(any(_similar(key, other) for other in others) for others in page_keys)
            if hits >= needed:
                recurring.add(key)
    return recurring


def strip_repeated_blocks(pages: list[str]) -> tuple[list[str], list[list[str]]]:
    """Remove lines recurring at the top or bottom of most pages; return them per page too."""
    if len(pages) < 2:
        return [p.strip("\n") for p in pages], [[] for _ in pages]
    recurring = _recurring_keys(pages)

    def repeated(line: str) -> bool:
        key = _key(line)
        return (
            not key
            or _PAGE_NUMBER.match(line.strip()) is not None
            or any(_similar(key, r) for r in recurring)
        )

    cleaned, removed = [], []
    for page in pages:
        lines = page.split("\n")
        top = 0
        while top < len(lines) and repeated(lines[top]):
            top += 1
        bottom = len(lines)
        while bottom > top and repeated(lines[bottom - 1]):
            bottom -= 1
        removed.append([ln.strip() for ln in lines[:top] + lines[bottom:] if ln.strip()])
        cleaned.append("\n".join(lines[top:bottom]).strip("\n"))
    return cleaned, removed


_LIST_ITEM = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")


def reflow(page: str) -> str:
    """Undo PDF line wrapping: join wrapped lines, one paragraph, item or heading per block.

    A line continues the previous one when that one ended mid-sentence and either broke only
    because the next word did not fit the text width, or the line starts in lower case.
    """
    lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
    if not lines:
        return ""
    width = max(len(ln) for ln in lines)
    blocks: list[str] = []
    last_len = 0
    for line in lines:
        prev = blocks[-1] if blocks else ""
        open_end = bool(prev) and prev[-1] not in ".!?:"
        # Wrapped: the previous line broke only because this line's first word did not fit.
        wrapped = open_end and last_len + 1 + len(line.split()[0]) > width
        last_len = len(line)
        if prev and not _LIST_ITEM.match(line) and (wrapped or (open_end and line[0].islower())):
            blocks[-1] = f"{prev} {line}"
        else:
            blocks.append(line)
    return "\n\n".join(blocks)


# --- metadata ---------------------------------------------------------------------------------
