"""An abbreviation asked to be spelled out is answered by the sentence that defines it.

"Vad står MTA för?", "Vad menas med RTO?", "What does RTO stand for?" ask what the letters
stand for, and guidelines define an abbreviation where they first use it: "… maximal tolerabel
avbrottstid (MTA).", "RTO (Recovery Time Objective) är …", "MTA står för …". Every other
sentence with the letters ("Planen ska hänvisa till verksamheternas MTA …") uses the word
without saying what it is, and ranks as high: e5 sees a two-word question and a sentence with
its one topic word. The decision's features, all measured over that topic word, say little
either way (the question and its answer share only the letters). So the defining sentence is
found by its form and quoted alone; a question whose letters no read sentence defines is left
to the ordinary decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .folding import fold

__all__ = ["asked_abbreviation", "defining"]

# The question asks what letters mean (folded): "vad står X för", "vad betyder X", "vad menas
# med X", "vad är X", "what does X stand for / mean", "what is X".
_ASKED = re.compile(
    r"^(?:vad (?:star|stod|betyder|menas med|innebar|ar)|what (?:does|do|is|are)(?: the)?|"
    r"what's)\s+(?:(?:en|ett|an|a)\s+)?(?P<word>[\w-]{2,8})(?:\s+(?:for|stand for|mean))?"
    # where it is used: "Vad menas med RTO i kontinuitetsplanen?"
    r"(?:\s+(?:i|in|inom|enligt|according to)(?:\s+[\w-]+){1,4})?\s*\??\s*$"
)


def asked_abbreviation(question: str) -> str | None:
    """The letters (as capitals, "MTA") the question asks to be spelled out, if it asks that."""
    m = _ASKED.match(fold(question).strip())
    if m is None:
        return None
    word = next((t for t in re.findall(r"[\w-]+", question) if fold(t) == m.group("word")), "")
    return word.upper() if word.isalpha() else None


def _defines(letters: str, text: str) -> bool:
    """Does ``text`` spell out ``letters``, written there as capitals?"""
    acr = re.escape(letters)
    return bool(
        # "maximal tolerabel avbrottstid (MTA)": words, then the letters in brackets
        re.search(rf"\w[\w ,/-]{{3,}}\(\s*{acr}\s*\)", text)
        # "RTO (Recovery Time Objective)": the letters, then words in brackets
        or re.search(rf"\b{acr}\s*\(\s*[^\W\d][^)]{{3,}}\)", text)
        # "MTA står för …", "RTO betyder …", "RTO: …", "RTO = …"
        or re.search(rf"\b{acr}\s*(?:står för|betyder|stands for|means|=|:)\s*\w", text)
    )


def defining(question: str, candidates: Sequence[Any]) -> Any | None:
    """The best-scored of the read ``candidates`` (each with ``text`` and ``score``) that
    spells out the letters the question asks about; None when it asks no such thing or none
    spells them out. Only letters written as capitals in the texts count: "Vad är avgiften?"
    asks no abbreviation, and no sentence writes "(AVGIFTEN)"."""
    letters = asked_abbreviation(question)
    if letters is None:
        return None
    found = [c for c in candidates if _defines(letters, c.text)]
    return max(found, key=lambda c: c.score, default=None)
