"""The dates a validity line states: "Giltig från: 2025-01-30", "gäller 2019–2022", "till och med
den 31 december 2024", "tills vidare" — and the other half of a period stated on two lines. Read
by ``validity.validity_of``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .ingest.facts import PERIOD

__all__ = ["other_half", "parse_line"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_WRITTEN = re.compile(
    r"\b(\d{1,2})(?:\s*(?:st|nd|rd|th|:?e|:?a))?\s+(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|"
    r"nov|dec)[a-zé]*\.?\s+((?:19|20)\d{2})\b",
    re.I,
)
_OPEN = re.compile(r"\btills\s*vidare\b|\buntil further notice\b|\bindefinitely\b", re.I)
# Words just before a lone date that make it the end, not the start; a validity term's label
# with one date gives when it runs out ("Giltighetstid: 31 december 2026", "Expires: …").
_UNTIL = re.compile(
    r"(?:\btill och med|\bt\.\s?o\.\s?m\.?|\btill\b|\buntil\b|\bthrough\b|\bgiltighetstid|"
    r"\butgångsdatum|\bsista giltighetsdag|\bexpir\w*|\bvalidity(?: period)?)\s*(?:den\b)?\s*:?\s*$",
    re.I,
)


def _dates(text: str) -> list[tuple[int, date]]:
    """Dates written in the line (ISO or "1 januari 2019"), with their offsets, in order."""
    found: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        try:
            found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            continue
    for m in _WRITTEN.finditer(text):
        try:
            found.append((m.start(), date(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))))
        except ValueError:
            continue
    return sorted(found, key=lambda pair: pair[0])


def parse_line(text: str) -> tuple[date | None, date | None, bool]:
    """``(valid_from, valid_to, open_ended)`` stated by one line: two dates are a range; one date
    is the end after "till och med"/"until", else the start; a period "2019–2022" is 1 January of
    the first year to 31 December of the last; "tills vidare" has no end."""
    open_ended = bool(_OPEN.search(text))
    dates = _dates(text)
    if len(dates) >= 2:
        return dates[0][1], (None if open_ended else dates[1][1]), open_ended
    if len(dates) == 1:
        pos, when = dates[0]
        if _UNTIL.search(text[:pos]):
            return None, when, False
        return when, None, open_ended
    if m := PERIOD.search(text):
        first, last = int(m[1]), int(m[2])
        if first <= last:
            return date(first, 1, 1), date(last, 12, 31), False
    return None, None, open_ended


def other_half(
    facts: list[dict[str, Any]],
    start: date | None,
    end: date | None,
    open_ended: bool,
    chosen: dict[str, Any] | None,
) -> tuple[date | None, date | None, dict[str, Any]] | None:
    """(start, end, the other line's fact) when the chosen validity line states one half and
    another validity line the other ("Giltig från: 2025-01-30" / "Giltig till: 2029-12-31",
    two lines of a region's document head), the end after the start; else None."""
    if chosen is None or open_ended or (start is None) == (end is None):
        return None
    for fact in (f for f in facts if f.get("key") == "validity" and f is not chosen):
        s2, e2, open2 = parse_line(str(fact.get("line") or fact.get("value") or ""))
        if open2:
            continue
        if start is not None and s2 is None and e2 is not None and e2 > start:
            return start, e2, fact
        if end is not None and e2 is None and s2 is not None and s2 < end:
            return s2, end, fact
    return None
