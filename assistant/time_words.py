"""Times as texts write them: what a "when" question is answered with (``when_asked``).

- ``TIME``: a time expression read broadly (a year, a date, a month, a weekday, a season, a
  period, "senast", "inom", "efter", "innan", "varje år", "löpande", "when", "within" …): any way
  a text can answer "when"; ``DATE``: only a time that says when by itself; ``DAY``: a whole
  date or a weekday; ``CLOCK``: a time of day; ``LIMIT``: a time limit;
- ``found_beyond``: a pattern's time in a text that is not one the question names itself, an
  English time word only in an English sentence (``time_found``, ``date_found``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .query import detect_language
from .years import CENTURY as _CENTURY
from .years import HISTORICAL_YEAR

__all__ = [
    "CLOCK",
    "DATE",
    "DAY",
    "HISTORICAL_YEAR",
    "LIMIT",
    "TIME",
    "date_found",
    "found_beyond",
    "time_found",
]

CLOCK = re.compile(
    r"\b(?:kl\.?|klockan)\s*\d|\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b|"
    r"\b(?:förmiddag|eftermiddag|morgon|kväll|lunch|midnatt|morning|afternoon|evening|noon|"
    r"midnight)\w*",
    re.I,
)
# A time limit as a text writes it: "senast …", "inom 30 dagar", "within two weeks", "vecka 12".
LIMIT = re.compile(
    r"\bsenast\b|\b(?:inom|within)\s+(?:\d+|\w+)\s+(?:dag|dagar|dygn|veckor|vecka|månad|månader|år|"
    r"days?|weeks?|months?|years?)\b|\bvecka\s+\d+\b",
    re.I,
)
_MONTHS = (
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"january|february|march|june|july|august|october|jan|feb|apr|jun|jul|aug|sep|okt|nov|dec"
)
# A date written without its first hyphen or any ("20251013"; "202510-13" where a PDF export
# joined "2025-" at a line's end to "10-13"): a month and a day must follow the year, and no
# "-NNNN" (a personal identity number "19850312-1234" is no date).
_COMPACT_DATE = r"(?:19|20)\d\d(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?!-?\d)"
# A calendar time: a whole date first ("2019-06-10", not read as the year a question may name
# itself), a year, "12/3", "15 mars", a month. Opens both ``TIME`` and ``DATE``.
_CALENDAR = (
    rf"(?:19|20)\d\d-\d\d-\d\d|{_COMPACT_DATE}|(?:19|20)\d\d|{HISTORICAL_YEAR}|{_CENTURY}|"
    rf"\d{{1,2}}/\d{{1,2}}|"
    rf"\d{{1,2}}\s*(?:{_MONTHS})|{_MONTHS}"
)
DAY = re.compile(
    rf"\b(?:(?:19|20)\d\d-\d\d-\d\d|{_COMPACT_DATE}|\d{{1,2}}/\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)?\d\d|"
    rf"\d{{1,2}}(?::[ae]|st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}\b|"
    r"måndag\w*|tisdag\w*|onsdag\w*|torsdag\w*|fredag\w*|lördag\w*|söndag\w*|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
# A time as a text writes it (not folded: "år" must not meet "är"). Broad on purpose: a false
# find leaves the decision to the model, a miss refuses.
TIME = re.compile(
    rf"\b(?:{_CALENDAR}|"
    r"måndag\w*|tisdag\w*|onsdag\w*|torsdag\w*|fredag\w*|lördag\w*|söndag\w*|helg\w*|vardag\w*|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend\w*|"
    r"vår(?:en|as)?|höst(?:en)?|sommar\w*|vinter\w*|spring|autumn|summer|winter|"
    # "vid" an occasion ("… beslutas vid bygganmälan", "vid nästa sammanträde"): the step a
    # "när ska …?" is answered by.
    # "varje/vart" only with a period ("varje år", "vart tredje år": the period is read), not
    # alone ("varje patient ska dostitreras …" says no time)
    r"senast|från och med|till och med|fr\.?o\.?m|t\.?o\.?m|årlig\w*|varje gång|kvartal\w*|"
    r"vecka|veckor\w*|veckan|dag|dagar\w*|dagen|dygn\w*|månad\w*|år|året|åren|årsskift\w*|halvår\w*|"
    r"tim(?:me|mar|man)\w*|kl|klockan|minut\w*|days?|weeks?|months?|years?|hours?|"
    r"efter|före|innan|inom|först|sedan|då|när|så snart|i samband med|vid|direkt|omedelbart|"
    r"genast|löpande|fortlöpande|nu|idag|i dag|tidigast|before|after|within|until|"
    r"once|as soon as|when|since|daily|weekly|monthly|annually|immediately|period\w*|"
    r"tidpunkt\w*|datum|date|början|slutet|mitten|beginning|end)\b",
    re.I,
)


# A time that says when by itself (a year, a date, a month, a weekday, a season), not a word
# that only often goes with one ("då", "idag", "efter"): read over several sentences, where such
# words are common.
DATE = re.compile(
    rf"\b(?:{_CALENDAR}|"
    r"måndag\w*|tisdag\w*|onsdag\w*|torsdag\w*|fredag\w*|lördag\w*|söndag\w*|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"vår(?:en|as)?|höst(?:en)?|sommar\w*|vinter\w*|spring|autumn|summer|winter)\b",
    re.I,
)


def time_found(text: str) -> bool:
    """Does ``text`` (as written, not folded) hold a time expression (an English time word
    only in an English sentence)?"""
    return found_beyond(TIME, text, ())


def date_found(text: str) -> bool:
    """Does ``text`` (as written) hold a time that says when by itself ("2019", "i mars")?"""
    return bool(DATE.search(text))


# English words of ``TIME``: in a Swedish sentence they are a gloss, not a time ("… påverkan
# på ADL (activities of daily living) …" says nothing of when).
_ENGLISH_TIME = frozenset(
    re.findall(
        r"\w+",
        "monday tuesday wednesday thursday friday saturday sunday weekend weekends spring "
        "autumn summer winter day days week weeks month months year years hour hours before "
        "after within until once when since daily weekly monthly annually immediately date "
        "beginning end",
    )
)


def found_beyond(pattern: re.Pattern[str], text: str, own: Sequence[str]) -> bool:
    """Does ``pattern`` find a time in ``text`` that is not (inside) one the question names?
    "Vilken dag under vecka 18 …?" is not answered by "Tider är avsatta … vecka 18 och 19":
    the sentence repeats the question's week and names no day. A longer time holding the
    question's stays ("15 mars" for "När i mars …?"). An English time word counts only in an
    English sentence (``_ENGLISH_TIME``)."""
    spans = [m.span() for o in own for m in re.finditer(re.escape(o), text, re.I)]
    swedish: bool | None = None
    for m in pattern.finditer(text):
        if any(start <= m.start() and m.end() <= end for start, end in spans):
            continue
        if m.group(0).casefold() in _ENGLISH_TIME:
            if swedish is None:
                swedish = detect_language(text) == "sv"
            if swedish:
                continue
        return True
    return False
