"""Swedish word forms for an English question's rendering: inflections and compounds.

A dictionary lists a Swedish word in its base form and two English words as two words, while
the agreements write the word inflected and the phrase as one compound. ``bilingual`` asks
the corpus about the forms made here and keeps those it uses. The endings are Swedish
grammar's regular noun and verb endings; the joins are the ways Swedish compounds join (as
is, without a final vowel, without a verbal noun's "-ning", with or without a linking "s").

``other_forms``: the forms of one Swedish word the Snowball stemmer leaves apart. It strips
"-en", "-et", "-er", "-ar", "-a", "-e" … but not the "-n" and "-t" a noun ending in a vowel
takes: "konto", "konton", "kontot" stay three stems, as do "video/videon" and "foto/fotot". A
question asking "Räcker det med ett konto?" of a handbook writing "skilda konton" and "kontot"
read "konto" as a word the corpus never uses, and the question as foreign to it: refused, with
the answer ranked first (a blind set's question). The forms are looked up in the corpus's own
vocabulary (``lexical.LexicalIndex.knows``), which decides: a word that only looks inflected
("region", "station") finds no "regio" there.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["compounds", "other_forms", "swedish_forms"]

# Swedish inflection endings: a dictionary lists a word's base form ("vecka", "plats",
# "finansiera"), a text uses it inflected ("veckan", "veckor", "platser", "finansierar"), and
# the stemmer does not always meet them ("veckan" stems to itself, "plats" to "plat").
_SV_ENDING_TEXT = (
    "n en et t ar er or r na arna erna orna rna s ns ens ets ade ades at ats de des te tes"
)
_SV_ENDINGS = tuple(_SV_ENDING_TEXT.split())
_SV_VOWEL_ENDINGS = ("or", "orna", "ar", "arna", "er", "erna")  # "skola" -> "skolor"


def compounds(first: str, second: str, known: Callable[[str], float]) -> list[str]:
    """Swedish compounds of ``first`` + ``second`` that the corpus uses.

    The first part joins as it is, without a final vowel ("skola" -> "skol-"), without a
    verbal noun's "-ning" ("betalning" -> "betal-"), each with or without the linking "s".
    """
    first, second = first.split()[-1].rstrip("-"), second.split()[0]
    if len(first) < 3 or len(second) < 3 or not (first.isalpha() and second.isalpha()):
        return []
    stems = [first]
    if first[-1] in "ae" and len(first) > 4:
        stems.append(first[:-1])
    if first.endswith("ning") and len(first) > 7:
        stems.append(first[:-4])
    found = []
    for stem in stems:
        for link in ("", "s"):
            if link and stem.endswith("s"):
                continue
            word = stem + link + second
            if word not in found and known(word):
                found.append(word)
    return found


def swedish_forms(word: str) -> list[str]:
    """Inflected forms of a Swedish base form, for asking the corpus which one it uses."""
    if " " in word or len(word) < 3:
        return []
    forms = [word + e for e in _SV_ENDINGS]
    if word[-1] in "ae":
        forms += [word[:-1] + e for e in _SV_VOWEL_ENDINGS]
    return forms


_VOWELS = frozenset("aeiouyåäöé")
_VOWEL_NOUN_ENDINGS = ("n", "t", "na", "ns", "ts")  # "konton", "kontot", "kontona", "kontots"
_SHORTEST = 3  # "ko"/"kon", "bo"/"bot": two letters say too little


def other_forms(stem: str) -> tuple[str, ...]:
    """The stems of the same word with or without a vowel-final noun's "-n"/"-t" ("konto" ->
    "konton", "kontot", …; "kontot" -> "konto"); () when it ends otherwise or is short."""
    if len(stem) < _SHORTEST:
        return ()
    if stem[-1] in _VOWELS:
        return tuple(stem + ending for ending in _VOWEL_NOUN_ENDINGS)
    if stem[-1] in "nt" and stem[-2] in _VOWELS and len(stem) > _SHORTEST + 1:
        return (stem[:-1],)
    return ()
