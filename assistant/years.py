"""The year a question asks about, and whether a sentence speaks of another year.

"Hur stort var prisbasbeloppet år 2023?" over "Myndighetens självrisk är som lägst 1
prisbasbelopp (47 600 kr år 2021)": the sum is right in kind and wrong in year; every fitted
feature is high (``numbers_agree`` is one weak feature among many). A sentence that names years,
none of them the one asked, answers about another year. One that names no year may state a
rule that holds every year, and is left to the fitted decision. A sentence under a heading
that dates it ("… › Resultat 2025": "Antal fall med blodförgiftning: 10 (föregående år 6).")
speaks of the heading's year (``dated``).

Years as texts write them: one year ("2023", "år 2023"); a span ("2019-2022", "2024–2025",
"läsåret 2023/24", "LÅ 2023-2024") holds each year in it; "från 2021", "sedan 2021", "fr.o.m.
2021", "efter 2021", "from 2021", "since 2021" hold every later year ("Från 2021 gäller ett
höjt tak …" answers "What is the maximum RUT amount for 2026?"); "till 2030", "senast 2030",
"före 2030", "by 2030", "until 2030" every earlier one; "1938 eller senare" every later one,
"1937 eller tidigare" every earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CENTURY", "HISTORICAL_YEAR", "dated", "other_year", "years_of"]

_YEAR = r"(?:19|20)\d\d"
# A year before 1900 where a text dates something by it ("Kyrka uppförd 1796, flyttad till
# platsen 1825", "byggd omkring 1850"): a building's or a history's time. Alone a number of four
# digits from 1500 to 1899 is as often a sum or a count ("1850 kr").
HISTORICAL_YEAR = (
    r"(?:uppför\w*|bygg\w*|anlag\w*|flyttad\w*|grundad\w*|invigd\w*|år|i|från|sedan|omkring|"
    r"ca|cirka|built|founded|erected|in|since|from|around|circa)\s+1[5-8]\d\d(?![\d,.:]\d|\s*kr)"
)
# A century ("under 1800-talet"): a time, though no year.
CENTURY = r"1[5-8]\d\d-tal\w*"
# A span: "2019-2022", "2024–2025", "2023/24", "2023/2024".
_SPAN = re.compile(rf"(?<![\d-])({_YEAR})\s*(?:[-–/]|till)\s*((?:19|20)?\d\d)(?!\d)(?![-–]\d)")
_FROM = re.compile(
    rf"\b(?:från|fran|sedan|fr\.\s?o\.\s?m\.?|efter|from|since|after|as of|starting)\s+"
    rf"(?:och med\s+)?(?:år\s+|the year\s+)?(?:\d{{1,2}}\s+\w+\s+)?({_YEAR})\b(?![-–/]\d)",
    re.I,
)
_UNTIL = re.compile(
    rf"\b(?:till|senast|före|fore|innan|t\.\s?o\.\s?m\.?|by|until|before)\s+"
    rf"(?:och med\s+)?(?:år\s+|the year\s+|the end of\s+)?(?:\d{{1,2}}\s+\w+\s+)?({_YEAR})\b"
    r"(?![-–/]\d)",
    re.I,
)
# A year alone; not inside a date's digits run or a reference number ("2023:12", "SFS 2010:900").
_SINGLE = re.compile(rf"(?<![\d:/-])({_YEAR})(?![\d:])")
# The same bounds after the year: "födda 1937 eller tidigare" holds 1935 ("Måste en person som
# är född 1935 betala …?"), "1938 eller senare", "2020 and later".
_OR_LATER = re.compile(
    rf"(?<![\d:/-])({_YEAR})\s+(?:eller|och|or|and)\s+(?:senare|efter|framåt|later|after)\b", re.I
)
_OR_EARLIER = re.compile(
    rf"(?<![\d:/-])({_YEAR})\s+(?:eller|och|or|and)\s+(?:tidigare|före|fore|earlier|before)\b",
    re.I,
)
_OPEN = 10_000  # "from 2021" holds every year up to this


def years_of(text: str) -> list[tuple[int, int]]:
    """The years ``text`` names, as (first, last) spans; an open span ends at 10 000 or starts
    at 0."""
    spans: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in _SPAN.finditer(text):
        first, last = int(m.group(1)), m.group(2)
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first <= end <= first + 50:
            spans.append((first, end))
            taken.append(m.span())
    bounds = ((_FROM, True), (_UNTIL, False), (_OR_LATER, True), (_OR_EARLIER, False))
    for pattern, open_after in bounds:
        for m in pattern.finditer(text):
            year = int(m.group(1))
            spans.append((year, _OPEN) if open_after else (0, year))
            taken.append(m.span(1))
    for m in _SINGLE.finditer(text):
        if not any(a <= m.start(1) < b for a, b in taken):
            spans.append((int(m.group(1)), int(m.group(1))))
    return spans


# A target year a question asks by ("What is the target … by 2030?", "… senast 2030?"): that year,
# not every year until it, which a text's "minska med 25 % till 2020" would hold.
_DEADLINE = re.compile(rf"\b(?:by|senast)\s+(?:år\s+|the year\s+)?({_YEAR})\b(?![-–/]\d)", re.I)


def other_year(question: str, texts: Iterable[str]) -> bool:
    """Does the question name a year (or a span of years) that none of ``texts`` holds, while
    the first of them names years? ``texts``: the sentences that would be quoted, best first."""
    asked = [(a, b) for a, b in years_of(_DEADLINE.sub(r"\1", question)) if b != _OPEN and a != 0]
    texts = list(texts)
    if not asked or not texts:
        return False
    first = years_of(texts[0])
    if not first:
        return False  # a rule that names no year may hold every year

    def holds(spans: list[tuple[int, int]]) -> bool:
        return any(a <= y2 and y1 <= b for a, b in spans for y1, y2 in asked)

    return not any(holds(years_of(t)) for t in texts)


# A year a sentence compares with: "256 recept …, en minskning med 5,7 procent jämfört med 2024",
# "487 fall, mot 410 år 2024", "higher than in 2024". Such a sentence speaks of another year.
_COMPARED = re.compile(
    rf"\b(?:jämfört (?:med|mot)|jamfort (?:med|mot)|i jämförelse med|mot|än|compared (?:with|to)|"
    rf"than|versus|vs\.?)\s+(?:[\d\s,.]*\d\s+)?(?:(?:år|året|in|in the year|the year)\s+)?{_YEAR}\b",
    re.I,
)


def dated(text: str, section: str, title: str = "") -> str:
    """``text`` as read for its years: when it names no year but those it compares with
    (``_COMPARED``), without those and with the innermost heading of ``section`` (a
    "›"-joined heading path, outermost first) that names a year: a report's "Resultat 2025"
    dates the figures listed under it; failing that, with the document's ``title`` when it
    names one year or one span ("Swedres-Svarm 2025", "Överenskommelse 2019–2022"): a report's
    present tense speaks of its year, an agreement's of its period."""
    own = _COMPARED.sub(" ", text)
    if years_of(own):
        return text
    for heading in reversed(section.split("›")):
        if years_of(heading):
            return f"{own} ({heading.strip()})"
    if len(years_of(title)) == 1:
        return f"{own} ({title.strip()})"
    return own
