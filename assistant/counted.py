"""Which numbers in a quote can answer a "how many" question: read by the number rule
(``sentence_share.typed_contexts``, then ``absent_kind``).

Two kinds of number in a quote answer no count, whatever the sentence's topic:

- the asker's own figures: "Hur många ordningsvakter måste ett serveringsställe ha om det har
  öppet efter klockan 01.00?" is not answered by "Vid beviljande av serveringstid efter klockan
  01.00 kan villkor ställas …": the 01.00 is the question's, the count of guards is nowhere;
- a count of another thing named in the same sentence as the thing asked: "Hur många frågor
  har kunskapsprovet?" is not answered by "Kunskapsfrågorna omfattar tre områden": "tre"
  counts the areas. Only when the sentence names the thing asked is the other noun read as a
  different thing; elsewhere it may be the text's word for it ("45 anställda" for "hur många
  medarbetare").
"""

from __future__ import annotations

import re

from .compounds import compound_match
from .folding import fold
from .lexical import terms
from .signals import WRITTEN_NUMBERS

__all__ = ["count_focus", "uncounted"]

# A number as a text writes it: digits (a time "01.00", a decimal "2,5", a range's ends) or a
# written one ("tre"). "en"/"ett" are left out: they are mostly articles.
_WRITTEN = sorted((w for w in WRITTEN_NUMBERS if w not in ("en", "ett")), key=len, reverse=True)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*|\b(?:" + "|".join(_WRITTEN) + r")\b", re.I)
_DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")
_COUNT = re.compile(r"\b(?:hur manga|how many)\s+(\w+)(?:\s+(\w+))?")
# An adjective before the noun counted ("hur många nya bostäder"): the noun is the next word.
_ADJECTIVES = frozenset(
    re.findall(r"\w+", "nya olika stora sma egna andra lediga aktiva fler fasta hela")
)
# A participle or an adjective by its ending ("inkomstbaserade", "tillfälliga", "kommunala",
# "svenska"); not "-ande", "-da", which are as often nouns ("sökande", "anställda").
_DESCRIBING = re.compile(r"\w{3,}(?:ade|iga|liga|ala|iska)$")
_WORD = re.compile(r"\w+")
_REPEATED = re.compile(r"^\(\s*\d+(?:[.,]\d+)?\s*\)\s*")
_JOINED = re.compile(r"-[^\W\d_]")
# Words after a number that say nothing of what it counts ("3 eller 4 frågor", "30 st", "12
# till antalet"), or that count occurrences, which any count of events is ("4 ggr under HT 24"
# for "hur många lärmöten").
_BETWEEN = frozenset(
    re.findall(
        r"\w+",
        "eller och till a om av per st stycken styck olika or to and of ggr gang ganger tillfallen",
    )
)


def count_focus(folded: str) -> set[str]:
    """Stems (folded) of the thing a Swedish "hur många …" question counts, its first word or
    the one after an adjective ("hur många nya bostäder" -> {"bostad"}); empty when it counts
    none or is English (its focus meets the Swedish text only through a rendering)."""
    m = _COUNT.search(folded)
    if m is None or m.group(0).startswith("how"):
        return set()
    if m.group(1) in _ADJECTIVES and m.group(2):
        word = m.group(2)
    elif _DESCRIBING.search(m.group(1)) and m.group(2) and terms(m.group(2)):
        # "hur många inkomstbaserade dagar": a participle or adjective describes the noun
        # after it, which is counted; both are its stems (the text may name either)
        word = f"{m.group(1)} {m.group(2)}"
    else:
        word = m.group(1)
    return {t for t in terms(word) if len(t) >= 3}


def _counts_other(after: list[str], focus: set[str]) -> bool:
    """Do the (folded) words after a number say it counts a thing other than ``focus``?"""
    content = [w for w in after if w not in _BETWEEN][:2]
    if not content or len(after) and after[0] in _BETWEEN:
        return False
    stems = {fold(t) for w in content for t in terms(w)}
    if not stems:
        return False
    # A compound on the counted noun counts it too, however short the noun ("180
    # föräldrapenningdagar" counts days): its head says what is counted.
    return not any(
        compound_match(f, s) or compound_match(s, f) or s.endswith(f) for f in focus for s in stems
    )


def uncounted(text: str, folded_question: str) -> str:
    """``text`` with the numbers that answer no count of the question's blanked: the question's
    own figures, and, when the sentence names the thing counted (``count_focus``), numbers
    whose next word names another thing. Everything else is kept as written."""
    own = set(_DIGITS.findall(folded_question))
    focus = count_focus(folded_question)
    named = bool(focus) and any(
        compound_match(f, t) for t in terms(fold(text)) for f in focus if len(f) >= 4
    )

    def blank(m: re.Match[str]) -> str:
        if m.group(0) in own:
            return " "
        rest = text[m.end() :]
        if focus and _JOINED.match(rest):
            # part of a word ("30-skyltning", "4-rumslägenhet", "typ 1-diabetes"): it counts no
            # thing, whatever the sentence names (a "3-årig" may still say how long)
            return " "
        if not named:
            return m.group(0)
        # "en (1) avropsförfrågan", "tio (10) dagar": the figure repeats the word before it, the
        # noun follows.
        rest = _REPEATED.sub("", rest.lstrip(" )\u00a0"))
        # A number not followed by a word ("5.6 %", "30:") names nothing it counts.
        if rest[:1].isalpha():
            after = [fold(w) for w in _WORD.findall(rest[:60])[:3]]
            if _counts_other(after, focus):
                return " "
        return m.group(0)

    return _NUMBER.sub(blank, text)
