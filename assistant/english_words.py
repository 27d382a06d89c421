"""The English words an English question's words are checked and corrected against (the
``Vocabulary``'s English side), read on first use: a Swedish question never needs them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from .spelling import english_forms_of, nearest

__all__ = ["EnglishWords"]


class EnglishWords:
    """English words from ``words`` (a callable, called once on first use; None: no words)."""

    def __init__(self, words: Callable[[], Iterable[str]] | None) -> None:
        self._words = words

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in (self._words or tuple)())

    @cached_property
    def _forms(self) -> list[str]:
        return sorted(english_forms_of(self.words))

    def knows(self, word: str) -> bool:
        """Is ``word`` (or its uninflected form) one of the words?"""
        if not self.words:
            return False
        from .lexicon import english_forms

        return any(f in self.words for f in english_forms(word.casefold()))

    def swapped(self, folded: str) -> str | None:
        """The word (or a regular form of one) that ``folded`` is with two letters swapped back,
        the first in order when several are."""
        found = nearest(folded, self._forms, swaps_only=True)
        return min(found) if found else None
