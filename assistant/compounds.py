"""Swedish compounds read against the corpus's own vocabulary.

Swedish writes compounds as one word: a question's "resor" stands in the text only inside
"resekostnader", its "scenkonstgrupperna" only as "scenkonst" and "grupper". Whole-word
matching calls such words unknown, and the decision then refuses an answerable question.
No well-kept Swedish decompounder runs offline (the PyPI splitters are for German and Dutch,
and a general word list would split words the texts never split), so the corpus is the
dictionary: a word is read as a compound only of stems the corpus itself uses.

Everything here works on stems as ``lexical.terms`` makes them ("resekostnader" ->
"resekostnad", "resor" -> "res"): the BM25 vocabulary already holds them, so no second word
list is kept. A compound's modifier is a stem, maybe with a linking letter ("arbet" + s +
"miljö", "res" + e + "kostnad").

- ``compound_match`` compares two stems without a vocabulary (the decision's coverage
  signals);
- ``CompoundVocabulary`` splits a word into corpus stems (fewest parts) and finds the corpus
  compounds a word is a part of; ``knows`` is the corpus "knowing" a word counting compounds.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

__all__ = ["LINKS", "MIN_PART", "CompoundVocabulary", "compound_match", "expanded_scores"]

MIN_PART = 4  # a compound part shorter than this matches too much ("tid", "år")
# A modifier that is shorter still but stands before a linking letter and a known head
# ("res" + e + "kostnad"): the head vouches for the split.
MIN_MODIFIER = 3
LINKS = ("s", "e", "a")
_CACHED = 100_000  # words remembered per vocabulary
# A question word the corpus has only in compounds or parts searches as them, at the weight of
# one word (measured on dev, field, SweFAQ: 0 and 1 tried; 1 found two more SweFAQ answers).
EXPANSION_WEIGHT = 1.0  # Swedish linking letters: arbet-s-miljö, res-e-kostnad, skol-a-...


@lru_cache(maxsize=4096)
def compound_match(wanted: str, found: str) -> bool:
    """Do two folded stems name the same thing, counting compounds: equal, one a part of the
    other, or the wanted word's head (its end) the found word ("timlon" -> "lon" does not, it is
    too short; "platsantal" -> "antal" does)."""
    if wanted == found:
        return True
    if len(found) >= MIN_PART and (wanted.endswith(found) or wanted.startswith(found)):
        return True
    return len(wanted) >= MIN_PART and wanted in found


class CompoundVocabulary:
    """The corpus's stems, read as compound parts.

    ``restem`` turns a word's tail into the stem the corpus would hold ("grupperna" ->
    "grupp"): a compound's head is inflected as a whole word is.
    """

    def __init__(
        self, stems: Iterable[str], restem: Callable[[str], str] | None = None, limit: int = 8
    ) -> None:
        self.stems = frozenset(s for s in stems if s.isalpha())
        self._restem = restem or (lambda w: w)
        self._limit = limit
        self._sorted = sorted(self.stems)
        self._reversed = sorted(s[::-1] for s in self.stems)
        self._splits: dict[str, tuple[str, ...] | None] = {}
        self._wholes: dict[str, tuple[str, ...]] = {}

    def _stem_known(self, part: str) -> bool:
        # The stemmer cuts a word by its ending, so a part can stand in the corpus cut further
        # ("kostnad" is held as "kostn", "resekostnader" as "resekostnad").
        return part in self.stems or self._restem(part) in self.stems

    def _modifier(self, part: str) -> str | None:
        """The stem a non-final part stands for: itself, or itself less a linking letter."""
        if len(part) >= MIN_PART and self._stem_known(part):
            return part
        if part[-1:] in LINKS and len(part) > MIN_MODIFIER and self._stem_known(part[:-1]):
            return part[:-1]
        return None

    def split(self, word: str) -> tuple[str, ...] | None:
        """The word as two or more corpus stems, fewest parts first (then the longest head);
        ``None`` when it is no compound of them. "scenkonstgrupp" -> ("scenkonst", "grupp")."""
        if word in self._splits:
            return self._splits[word]
        if len(self._splits) > _CACHED:  # questions bring new words forever: stay bounded
            self._splits.clear()
        n = len(word)
        # best[i]: the fewest-part reading of word[:i] as modifiers (None: none found).
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for i in range(1, n + 1):
            for j in range(i):
                prior = best[j]
                if prior is None:
                    continue
                stem, current = self._modifier(word[j:i]), best[i]
                if stem is not None and (current is None or len(prior) + 1 < len(current)):
                    best[i] = (*prior, stem)
        found: tuple[str, ...] | None = None
        for i in range(n - MIN_PART, 0, -1):  # the longest head first
            prior, head = best[i], word[i:]
            if prior and self._stem_known(head):
                reading = (*prior, head if head in self.stems else self._restem(head))
                if found is None or len(reading) < len(found):
                    found = reading
        self._splits[word] = found
        return found

    def wholes(self, stem: str) -> tuple[str, ...]:
        """Corpus stems of which ``stem`` is the modifier (stem + linking letter + a known
        head) or the head (a known modifier + stem); at most ``limit`` (the first found of
        each kind, alphabetically: the scan stops there), shortest first."""
        if stem in self._wholes:
            return self._wholes[stem]
        if len(self._wholes) > _CACHED:
            self._wholes.clear()
        found: list[str] = []
        if len(stem) >= MIN_MODIFIER:
            at = bisect.bisect_left(self._sorted, stem)
            while (
                at < len(self._sorted)
                and self._sorted[at].startswith(stem)
                and len(found) < self._limit
            ):
                whole = self._sorted[at]
                rest = whole[len(stem) :]
                if rest[:1] in LINKS and self._head(rest[1:]) or self._head(rest):
                    found.append(whole)
                at += 1
        if len(stem) >= MIN_PART:
            backwards = stem[::-1]
            at = bisect.bisect_left(self._reversed, backwards)
            while (
                at < len(self._reversed)
                and self._reversed[at].startswith(backwards)
                and len(found) < 2 * self._limit
            ):
                whole = self._reversed[at][::-1]
                front = whole[: -len(stem)]
                if front and self._front(front):
                    found.append(whole)
                at += 1
        result = tuple(sorted(set(found), key=lambda w: (len(w), w))[: self._limit])
        self._wholes[stem] = result
        return result

    def _head(self, rest: str) -> bool:
        return len(rest) >= MIN_PART and (self._stem_known(rest) or self.split(rest) is not None)

    def _front(self, front: str) -> bool:
        return self._modifier(front) is not None or self.split(front) is not None

    def knows(self, stem: str) -> bool:
        """A corpus stem, a compound of corpus stems, or a part of corpus compounds."""
        return stem in self.stems or self.split(stem) is not None or bool(self.wholes(stem))


def expanded_scores(
    words: list[str],
    knows: Callable[[str], bool],
    compounds: CompoundVocabulary,
    scores: Callable[[list[str]], np.ndarray],
) -> np.ndarray:
    """BM25 ``scores`` of the stemmed words. In a text mostly of corpus words (not another
    language), a word ``knows`` lacks scores as its parts ("scenkonstgrupp": "scenkonst" and
    "grupp", summed) or as the best of the corpus compounds it is part of ("res":
    "resekostnad"); each such group at ``EXPANSION_WEIGHT`` of a word."""
    total = scores(words)
    missing = [w for w in words if not knows(w)]
    if not EXPANSION_WEIGHT or not missing or len(missing) * 2 > len(words):
        return total
    for word in missing:
        parts = compounds.split(word)
        if parts:
            group = scores(list(parts))
        elif wholes := compounds.wholes(word):
            group = np.max([scores([w]) for w in wholes], axis=0)
        else:
            continue
        total = total + EXPANSION_WEIGHT * group
    return total
