"""Plain words that stand for two Swedish words, told apart by the word before them.

Typed without diacritics, "ar" is "år" (a year) or "är" (is). ``vocabulary`` first asks the
corpus which spelling it writes beside the question's neighbouring words ("per ar" -> "per
år"); when the corpus never writes either beside them ("vilket ar byggdes husen …"), the
grammar decides where it can: after a determiner, a numeral or a quantifier the word is the
noun "år" (a verb never follows them); elsewhere the corpus's commonest spelling stands, as
before (read set heldout141, fifty-ninth session: "Vilket är byggdes …" searched for no year).
"""

from __future__ import annotations

__all__ = ["plain_reading"]

# Words a noun follows and a finite verb does not (folded): determiners, numerals, quantifiers,
# prepositions of time.
_BEFORE_NOUN = frozenset(
    [
        "vilket",
        "vilka",
        "varje",
        "vart",
        "per",
        "samma",
        "forra",
        "nasta",
        "detta",
        "ett",
        "tva",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "atta",
        "nio",
        "tio",
        "manga",
        "nagra",
        "flera",
        "alla",
        "hela",
        "senaste",
        "sista",
        "forsta",
        "andra",
        "tredje",
        "inom",
        "under",
    ]
)
# After "vilket", these make it "Vilket är bäst?", not a year asked.
_AFTER_IS = frozenset(["det", "den", "de", "bast", "storst", "minst", "vanligast", "viktigast"])


def plain_reading(key: str, before: str, after: str) -> str | None:
    """The word a plain (folded) ``key`` stands for between the (folded) words ``before`` and
    ``after`` ("" at either end), or None when grammar does not tell; only "ar" is read."""
    if key != "ar" or not before:
        return None
    if before in _BEFORE_NOUN and not (before == "vilket" and after in _AFTER_IS):
        return "år"
    return None
