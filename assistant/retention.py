"""How long something is kept: a retention period asked ("Hur länge måste mätrapporterna
sparas?", "How long must the records be kept?") is answered by a period it is kept for
("bevaras i minst 5 år", "gallras efter tio år", "tills vidare"), not by a time limit for
something else done with it ("Senast tre månader efter … ska en kopia av mätrapporten skickas",
read set heldout113, fifty-ninth session). ``dimension`` reads it as the "kept" dimension.
"""

from __future__ import annotations

import re

from .signals import WRITTEN_NUMBERS

__all__ = ["kept_asked", "kept_found"]

# Folded (``folding``): "lange", not "länge".
_KEPT_ASKED = re.compile(
    r"\b(?:hur lange|hur lang tid|under hur lang tid|how long)\b(?:\s+\S+){0,8}?\s+"
    r"(?:sparas|spara|sparar|bevaras|bevara|forvaras|forvara|arkiveras|arkivera|lagras|lagra|"
    r"behallas|behalla|finnas kvar|kept|keep|retained|retain|stored|store|archived|preserved)\b"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|{'|'.join(WRITTEN_NUMBERS)}|en|ett|one)"
_PERIOD = re.compile(
    rf"\b{_NUMBER}\s*(?:år|året|åren|månad\w*|veckor|vecka|dagar|dag|dygn|timmar|years?|"
    r"months?|weeks?|days?|hours?)\b",
    re.I,
)
# A time limit, not a period: "senast tre månader efter", "inom två veckor", "within 30 days".
_LIMIT_BEFORE = re.compile(
    r"\b(?:senast|inom|tidigast|within|at the latest|no later than|at the earliest)\s*$", re.I
)
# Kept until an event or for good: "till dess att …", "tills vidare", "för alltid", "gallras".
_KEPT_FOR = re.compile(
    r"\b(?:till dess|tills|tillsvidare|tills vidare|för alltid|permanent\w*|gallr\w*|until|"
    r"indefinitely|permanently|for good)\b",
    re.I,
)


def kept_asked(folded: str) -> bool:
    """Does the (folded) question ask how long something is kept (``_KEPT_ASKED``)?"""
    return bool(_KEPT_ASKED.search(folded))


def kept_found(text: str) -> bool:
    """Does ``text`` (as written) give a period something is kept for, not only a time limit?"""
    if _KEPT_FOR.search(text):
        return True
    return any(not _LIMIT_BEFORE.search(text[: m.start()]) for m in _PERIOD.finditer(text))
