"""Plain words that stand for two Swedish words, told apart by the word before them.

Typed without diacritics, "ar" is "år" (a year) or "är" (is). ``vocabulary`` first asks the
corpus which spelling it writes beside the question's neighbouring words ("per ar" -> "per
år"); when the corpus never writes either beside them ("vilket ar byggdes husen …"), the
grammar decides where it can: after a determiner, a numeral or a quantifier the word is the
noun "år" (a verb never follows them); elsewhere the corpus's commonest spelling stands, as
before (read set heldout141, fifty-ninth session: "Vilket är byggdes …" searched for no year).
"har" is "här" after "den", "det" or "de" and before a noun in its definite form: "om den har
VA-taxan" names the document (the folded suite, sixty-first session).
"""

from __future__ import annotations

import re

from .folding import fold_word

__all__ = ["plain_reading", "reading_beside"]

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
        "fjarde",
        "femte",
        "sjatte",
        "sjunde",
        "attonde",
        "nionde",
        "tionde",
        "kommande",
        "nastkommande",
        "innevarande",
        "foregaende",
        "vartannat",
        "varannat",
        "halvt",
        "inom",
        "under",
    ]
)
# Finite verbs and past-tense endings that can follow "vilket år" and never "vilket är".
_FINITE = frozenset(
    ["ska", "skall", "kan", "far", "maste", "bor", "blir", "blev", "var", "hade", "kommer"]
)
_PAST = ("ade", "des", "tes", "dde", "tte")
# After "vilket", these make it "Vilket är bäst?", not a year asked.
_AFTER_IS = frozenset(["det", "den", "de", "bast", "storst", "minst", "vanligast", "viktigast"])


# "den här", "det här", "de här" (this, these) stand before a noun in its definite form
# ("den har VA-taxan", "de har reglerna"); "har" (has) before a supine ("det har ändrats").
_DEMONSTRATIVE = frozenset(["den", "det", "de", "dom"])
_DEFINITE = ("en", "et", "na", "an")
# Words after "den har" with a definite-looking ending that are no nouns ("den har ingen …").
_NOT_NOUNS = frozenset(["ingen", "inget", "egen", "eget", "sedan", "redan", "igen", "sina", "dina"])
_NOUN_LENGTH = 4


def plain_reading(key: str, before: str, after: str, weak: bool = False) -> str | None:
    """The word a plain (folded) ``key`` stands for between the (folded) words ``before`` and
    ``after`` ("" at either end; ``_YEAR`` for a year), or None when grammar does not tell; "ar"
    and "har" are read. ``weak``: also where grammar only leans (after "vilket")."""
    definite = len(after) >= _NOUN_LENGTH and after.endswith(_DEFINITE)
    noun = definite and after not in _NOT_NOUNS
    if key == "har":
        return "här" if before in _DEMONSTRATIVE and noun else None
    if key != "ar":
        return None
    if after == _YEAR or before == "i":
        return "år"  # "till ar 2030", "i ar"
    if before in ("vilket", "vilka") and noun:
        return "är"  # "vilket ar skillnaden …": a year asked is followed by its verb
    if before in ("vilket", "vilka"):
        # "Vilket år byggdes …?", "… vilket år?" tell; else (``weak``) the year unless "Vilket
        # är det …?", where the corpus's own "vilket är" is asked first (``Vocabulary``)
        verb = after in _FINITE or after.endswith(_PAST) or not after
        return "år" if (verb or weak) and after not in _AFTER_IS else None
    return "år" if before in _BEFORE_NOUN else None


_WORD = re.compile(r"[^\W\d_]+", re.U)
# A year right after the word ("ar 2030"): ``plain_reading`` sees it as ``_YEAR``.
_YEAR_NEXT = re.compile(r"\s+(?:19|20)\d\d\b")
_YEAR = "#year"


def reading_beside(text: str, start: int, end: int, weak: bool = False) -> str | None:
    """``plain_reading`` of the word at ``text[start:end]`` between its neighbouring words."""
    before = [fold_word(w) for w in _WORD.findall(text[:start])[-1:]]
    after = [fold_word(w) for w in _WORD.findall(text[end:])[:1]]
    if _YEAR_NEXT.match(text, end):
        after = [_YEAR]
    key = fold_word(text[start:end].casefold())
    return plain_reading(key, before[0] if before else "", after[0] if after else "", weak)
