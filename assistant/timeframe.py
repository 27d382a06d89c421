"""The time a question asks about: "vad gällde 2020?", "enligt den förra överenskommelsen",
"what will apply from 2027?", "enligt överenskommelsen 2019–2022", "vad har ändrats om X?".

``time_scope`` reads it once, at question analysis, into the ``TimeScope`` the ``Query`` carries
(``Query.time``); ``applied.documents_for`` turns it into the documents that applied then.
Patterns are written for text as typed and as typed without å/ä/ö ("forra"), in Swedish and
English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

__all__ = ["TimeScope", "resolve_in_time", "time_scope"]

Kind = Literal["at", "during", "previous", "compare"]

_YEAR = r"(?:19|20)\d{2}"
_ISO_DATE = re.compile(rf"(?<![\w/:-])({_YEAR})-(\d{{2}})-(\d{{2}})(?![\w/:-])")
# A lone year, not part of a case number ("KS/2009:517", "SFS 2013:801") or a period.
_LONE_YEAR = re.compile(rf"(?<![\w/:.–-])({_YEAR})(?![\w/:–-]|\.\d)")
_PERIOD_WORDS = re.compile(
    rf"(?:(?:under|i|for|för|during|in|for the)\s+)?(?:(?:plan|avtals)?perioden?\s+|the period\s+)?"
    rf"({_YEAR})\s*[-–]\s*({_YEAR})\b",
    re.I,
)
_FROM = re.compile(
    r"(?:\bfr[åa]n och med\b|\bfr\.?\s?o\.?\s?m\.?|\bfr[åa]n\b|\bfrom\b|\bstarting\b|\bas of\b|"
    r"\bfrom the start of\b)\s*(?:den\s+|år\s+|ar\s+|the year\s+)?$",
    re.I,
)
_AFTER = re.compile(r"(?:\befter\b|\bafter\b)\s*(?:år\s+|ar\s+|the year\s+)?$", re.I)
_BEFORE = re.compile(r"(?:\bf[öo]re\b|\bbefore\b)\s*(?:år\s+|ar\s+|the year\s+)?$", re.I)
_AROUND_YEAR = re.compile(
    r"\s*(?:\b(?:under|i|in|during|for|för|fr[åa]n och med|fr[åa]n|from|as of|starting|efter|"
    r"after|f[öo]re|before|år|ar|the year)\s+)*$",
    re.I,
)
_PREVIOUS = re.compile(
    r"\b(?:(?:den|det|de)\s+)?(?:f[öo]rra|f[öo]reg[åa]ende|tidigare|gamla|[äa]ldre)\s+"
    r"(?P<noun>[öo]verenskommelse\w*|avtal\w*|riktlinje\w*|dokument\w*|versionen|policy\w*|"
    r"plan\w*|perioden?|planperioden?|avtalsperioden?)"
    r"|\b(?:the\s+)?(?:previous|former|earlier|prior|old|older|last)\s+"
    r"(?P<noun_en>agreements?|versions?|guidelines?|documents?|period|policy|plan)\b",
    re.I,
)
# "vilket tidigare dokument …", "which earlier version …": the earlier document is what is asked
# for, so the question is no question "according to the previous one".
_ASKED_FOR = re.compile(r"\b(?:vilket|vilken|vilka|which|what)\s+$", re.I)
_REPLACES = re.compile(r"\bers[äa]tt\w*|\breplac\w*|\bsupersed\w*", re.I)
_CURRENT = re.compile(
    r"\b(?:(?:den|det)\s+)?(?:nuvarande|nu\s+g[äa]llande|g[äa]llande|aktuella)\s+"
    r"(?P<noun>[öo]verenskommelse\w*|avtal\w*|riktlinje\w*|dokument\w*|versionen|policy\w*|"
    r"plan\w*)"
    # "nu"/"now" only beside what applies ("vad gäller nu", "in force today"): "Vi är nu
    # missnöjda …" asks about no time.
    r"|\bg[äa]ller\s+(?P<t1>(?:just\s+)?(?:nu|i\s?dag))\b|\b(?P<t2>nu|i\s?dag)\s+g[äa]ller\b"
    r"|\b(?:appl(?:y|ies)|in force|valid)\s+(?P<t3>(?:right\s+)?(?:now|today))\b"
    r"|\b(?:the\s+)?current\s+"
    r"(?P<noun_en>agreements?|versions?|guidelines?|documents?|policy|plan|rules)\b"
    r"|\b(?P<t4>currently)\s+(?:appl(?:y|ies)|in force|valid)\b",
    re.I,
)
_COMPARE = re.compile(
    r"\bvad\s+skiljer\b|\bskillnad\w*\b|\bvad\s+(?:har|hade)\s+(?:[äa]ndrats|f[öo]r[äa]ndrats)\b|"
    r"\bvad\s+(?:[äa]ndrades|f[öo]r[äa]ndrades)\b|\bvilka\s+(?:[äa]ndringar|f[öo]r[äa]ndringar)\b|"
    r"\bj[äa]mf[öo]r\w*\b|\bwhat\s+(?:has\s+|have\s+)?changed\b|\bwhat\s+changes\b|"
    r"\bdifferen(?:ce|ces|t)\b|\bcompared?\b|\bcomparing\b|\bhow\s+(?:has|have|did)\b(?=.*\bchanged?\b)",
    re.I,
)
# The rest of a comparison's frame, removed with it: "överenskommelserna … åt", "between the".
_COMPARE_REST = re.compile(
    r"\b(?:[åa]t|mellan|between|the|de\s+tv[åa]|b[åa]da|both|och|and|from|to|fr[åa]n|till|"
    r"med|with|i|in|om|about|regarding|kring|changed?|what|vad|is|are|was|were|är|var)\b",
    re.I,
)
_KIND_WORDS = re.compile(
    r"\b(?:[öo]verenskommelse\w*|avtal\w*|riktlinje\w*|versioner\w*|perioder\w*|agreements?|"
    r"versions?|guidelines?|periods?)\b",
    re.I,
)


@dataclass(frozen=True)
class TimeScope:
    """When a question asks about, read from its words.

    ``at``: one day (``start``; "what will apply from 2027" is 2027-01-01); ``during``: a span
    (``start``..``end``: a year, a period "2019–2022", "before 2020"); ``previous``: the
    document(s) the one in force replaced; ``compare``: what changed between versions, over the
    named ``periods`` (none named: the version in force and those it replaced). ``current``:
    the question says "now"/"nuvarande". ``said`` is the words that stated the time, ``rest``
    the question without them (what is asked about, for retrieval)."""

    kind: Kind
    start: date | None = None
    end: date | None = None
    periods: tuple[tuple[date, date], ...] = ()
    current: bool = False
    said: str = ""
    rest: str = ""

    def label(self, language: str) -> str:
        """How the answer names the time: "2020", "2019–2022", "från 2027-01-01"."""
        sv = language == "sv"
        if self.kind == "previous":
            return "den förra versionen" if sv else "the previous version"
        if self.current:
            return "nu" if sv else "now"
        if self.kind == "compare":
            spans = [_span(a, b) for a, b in self.periods]
            return (" och " if sv else " and ").join(spans)
        if self.kind == "at" and self.start:
            return self.start.isoformat()
        if self.start and self.end:
            return _span(self.start, self.end)
        return ""


def _span(start: date, end: date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{start.isoformat()} – {end.isoformat()}"


# Words that only lead into a time phrase ("enligt den förra …", "according to the previous …").
_LEAD_IN = re.compile(r"(?:\benligt\b|\baccording to\b|\bi\b|\bin\b|\bunder\b)\s*$", re.I)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the ``spans`` (and a word that only led into one)."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if lead := _LEAD_IN.search(text[pos:a]):
            a = pos + lead.start()
        if a >= pos:
            out.append(text[pos:a])
            pos = b
    out.append(text[pos:])
    joined = re.sub(r"\s+([,;?.!])", r"\1", " ".join("".join(out).split()))
    return re.sub(r"^[,;]\s*", "", joined).strip(" ,;") or text


def _keep_noun(text: str, m: re.Match[str]) -> str:
    """``text`` with the phrase ``m`` replaced by its noun: "enligt den förra överenskommelsen"
    asks about "överenskommelsen", and that word still names what is asked of."""
    groups = m.groupdict()
    for name in ("t1", "t2", "t3", "t4"):  # "vad gäller nu": only the time word goes
        if groups.get(name):
            return _cut(text, [m.span(name)])
    noun = groups.get("noun") or groups.get("noun_en")
    if not noun:
        return _cut(text, [m.span()])
    lead = "the " if m.groupdict().get("noun_en") else ""
    return " ".join(f"{text[: m.start()]}{lead}{noun}{text[m.end() :]}".split())


def time_scope(text: str) -> TimeScope | None:
    """The time ``text`` (one question, as typed or cleaned) asks about, or None."""
    spans: list[tuple[int, int]] = []
    periods = []
    for m in _PERIOD_WORDS.finditer(text):
        first, last = int(m[1]), int(m[2])
        if first <= last:
            periods.append((date(first, 1, 1), date(last, 12, 31)))
            spans.append(m.span())
    compare = _COMPARE.search(text)
    if compare:
        spans.append(compare.span())
        rest = _cut(text, spans)
        # "Vad skiljer överenskommelserna … åt om bibliotek?": the topic is what follows the
        # frame; the frame's own words (kinds of documents, "åt", "mellan") are no topic.
        rest = _KIND_WORDS.sub(" ", rest)
        words = [w for w in rest.split() if not _COMPARE_REST.fullmatch(w.strip("?,.!"))]
        rest = " ".join(words).strip(" ?,.;") or text
        return TimeScope("compare", periods=tuple(periods), said=compare[0], rest=rest)
    m = _PREVIOUS.search(text)
    if m and (_ASKED_FOR.search(text[: m.start()]) or _REPLACES.search(text)):
        m = None  # "Vilket tidigare dokument ersätts av …?" asks which, not according to which
    if m:
        return TimeScope("previous", said=m[0], rest=_keep_noun(text, m))
    if periods:
        start, end = periods[0][0], periods[-1][1]
        said = " ".join(text[a:b] for a, b in spans)
        return TimeScope("during", start, end, periods=tuple(periods), said=said,
                         rest=_cut(text, spans))  # fmt: skip
    if m := _ISO_DATE.search(text):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            day = None
        if day is not None:
            lead = _AROUND_YEAR.search(text[: m.start()])
            a = lead.start() if lead else m.start()
            return TimeScope("at", day, day, said=m[0], rest=_cut(text, [(a, m.end())]))
    for m in _LONE_YEAR.finditer(text):
        year, before = int(m[1]), text[: m.start()]
        lead = _AROUND_YEAR.search(before)
        a = lead.start() if lead else m.start()
        rest = _cut(text, [(a, m.end())])
        if _FROM.search(before) or _AFTER.search(before):
            start = date(year + (1 if _AFTER.search(before) else 0), 1, 1)
            return TimeScope("at", start, start, said=text[a : m.end()].strip(), rest=rest)
        if _BEFORE.search(before):
            end = date(year, 1, 1) - timedelta(days=1)
            return TimeScope("at", end, end, said=text[a : m.end()].strip(), rest=rest)
        return TimeScope("during", date(year, 1, 1), date(year, 12, 31), said=m[0], rest=rest)
    if m := _CURRENT.search(text):
        return TimeScope("at", current=True, said=m[0], rest=_keep_noun(text, m))
    return None


def resolve_in_time(
    text: str,
    history: list[dict[str, Any]] | None,
    resolve: Callable[[str, list[dict[str, Any]]], Any],
) -> Any:
    """``resolve(text, history)`` (``conversation.resolve``), except that a follow-up naming
    only a time ("och 2020 då?", "what about from 2027?") is the earlier question asked of that
    time: the year is no topic of its own. Earlier such turns are read the same way first."""
    earlier: list[dict[str, Any]] = []
    for message in history or []:
        said = str(message.get("content") or "") if isinstance(message, dict) else ""
        if isinstance(message, dict) and message.get("role") == "user" and time_scope(said):
            message = {**message, "content": _in_time(said, earlier, resolve).question}
        earlier.append(message)
    return _in_time(text, earlier, resolve)


def _in_time(
    text: str,
    history: list[dict[str, Any]],
    resolve: Callable[[str, list[dict[str, Any]]], Any],
) -> Any:
    turn = resolve(text, history)
    scope = time_scope(text)
    if scope is None or not turn.follow_up or scope.kind == "compare" or not scope.said:
        return turn
    bare = resolve(scope.rest, history)  # the follow-up without its time, resolved
    if not bare.follow_up:
        return turn
    earlier = time_scope(bare.question)  # "… 2020?" asked again "what about 2028?"
    base = earlier.rest if earlier is not None and earlier.kind != "compare" else bare.question
    question = f"{base.rstrip(' ?')} {scope.said}?"
    return replace(bare, question=question, original=text)
