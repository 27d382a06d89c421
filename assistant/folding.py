"""Normalising text so a question and the corpus meet however the question was typed.

``clean`` makes text canonical without changing what it says (NFKC, zero-width characters
removed, whitespace collapsed): decomposed "ä" and a zero-width space are typing accidents.
``fold`` is for matching only: case and diacritics folded ("överenskommelse" and
"overenskommelse" meet) and identifiers unified ("NK 4417", "nk4417" and "NK-4417" meet).
The corpus's own words, and a question's unknown words rewritten into them, are
``vocabulary.Vocabulary``'s; the patterns and word folding it shares with ``fold`` are here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ID_ANY_SPACED",
    "ID_JOINED",
    "ID_UPPER_SPACED",
    "INVISIBLE",
    "INVISIBLE_RE",
    "WORD",
    "clean",
    "fold",
    "fold_word",
    "identifier_key",
    "strip_accents",
    "unit_word",
    "without_possessive",
    "words",
]

# Zero-width space/joiners, word joiner, BOM and the soft hyphen: invisible, never meant.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
WORD = re.compile(r"[^\W\d_]+", re.U)
# An identifier: a few letters and a number, maybe a space or hyphen between ("NK-4417",
# "LD17/03997", "SFS 2013:801"). Lower-case letters with a space ("år 2019") are ordinary words,
# so they count only when the corpus knows the joined form (``Vocabulary.identifiers``).
ID_JOINED = re.compile(r"(?<![\w-])([^\W\d_]{1,6})-?(\d[\d/:.]*\d|\d)(?![\w-])")
ID_UPPER_SPACED = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{2,6}) (\d[\d/:.]*\d|\d)(?![\w-])")
ID_ANY_SPACED = re.compile(r"(?<![\w-])([^\W\d_]{1,6}) (\d[\d/:.]*\d|\d)(?![\w-])")
INVISIBLE_RE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")


def _canonical(text: str) -> str:
    """NFKC without invisible characters (checked first: most text already is)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return INVISIBLE_RE.sub("", text) if INVISIBLE_RE.search(text) else text


def clean(text: str) -> str:
    """NFKC, invisible characters removed, whitespace collapsed; case and accents kept."""
    return " ".join(_canonical(text).split())


# A unit written as a word or as a symbol is one term: a tariff's "per m3" answers "per
# kubikmeter", "25 kvm" meets "25 m²" (the symbol's superscript is NFKC-folded to a digit
# wherever text is cleaned; here both spellings meet).
_UNITS = {
    **dict.fromkeys(("kubikmeter", "kubikmetern", "kubikmetrar", "m³", "cubic"), "m3"),
    **dict.fromkeys(("kvadratmeter", "kvadratmetern", "kvadratmetrar", "kvm", "m²"), "m2"),
}


def unit_word(word: str) -> str:
    """A (lower-case) unit's word or symbol as its one term ("kubikmeter" -> "m3"); any other
    word as it is."""
    return _UNITS.get(word, word)


# An English genitive "'s" after a word ("GotlandsHem's", "Ludvika’s"): the name is the word
# before it. Swedish writes the genitive without an apostrophe ("GotlandsHems"); with one, the
# tokenizer kept "gotlandshem's" as one unknown word (the name pointed at no document) and
# "’s" left a word "s".
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")


def without_possessive(text: str) -> str:
    """``text`` with each word's English genitive "'s" / "’s" dropped ("GotlandsHem's new
    system" -> "GotlandsHem new system"); ``lexical.terms`` reads words from it."""
    # Most text has no apostrophe: the check costs far less than the substitution (a third of
    # ``terms``' time when run on every sentence).
    if "'" not in text and "’" not in text:
        return text
    return _POSSESSIVE.sub("", text)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word case- and diacritic-folded (remembered: the corpus's words recur)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_accents(text: str) -> str:
    """Text case- and diacritic-folded (``fold`` without cleaning or identifiers)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def identifier_key(letters: str, number: str) -> str:
    """One spelling for an identifier: folded letters joined to the number ("nk4417")."""
    return strip_accents(letters) + number


def fold(text: str) -> str:
    """Text for matching: cleaned, case and diacritics folded, identifiers joined."""
    text = clean(text)
    text = ID_UPPER_SPACED.sub(lambda m: f"{m[1]}{m[2]}", text)
    text = ID_JOINED.sub(lambda m: f"{m[1]}{m[2]}", text)
    return strip_accents(text)


def words(text: str) -> list[str]:
    """The letter-only words of a text, as written."""
    return WORD.findall(text)
