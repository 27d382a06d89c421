"""The corpus's own words and identifiers, and a question's unknown words rewritten into them.

``Vocabulary`` counts the corpus's words (folded -> most frequent spelling) and identifiers, and
rewrites a question's unknown words into them: diacritics restored, typos within a small edit
distance corrected (rapidfuzz: a well-kept C++ matcher, so thousands of words are compared in
microseconds), an English question's words checked against English words. Text is compared as
``folding`` folds it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property

from .english_words import EnglishWords
from .folding import (
    ID_ANY_SPACED,
    ID_JOINED,
    ID_UPPER_SPACED,
    INVISIBLE_RE,
    WORD,
    fold_word,
    identifier_key,
    strip_accents,
)
from .homographs import reading_beside
from .lexical import stem_word
from .lexicon import swedish_heads
from .spelling import (
    MIN_TYPO_LENGTH,
    SwedishWords,
    capitalised,
    front_reading,
    nearest,
    neighbour_pairs,
    stems_by_fold,
)

__all__ = ["Vocabulary"]

# A stem this long may be corrected (for two swapped letters).
_TYPO_STEM = 4
# In a text typed with diacritics, a plain word this short is meant as typed ("snart").
_MIXED = 6
# A word typed without diacritics is respelt when its diacritic spelling is this much commoner.
_DOMINANT = 5


class Vocabulary:
    """The corpus's words (folded -> most frequent spelling) and identifiers (key -> spelling).

    ``stem`` (a Swedish stemmer) lets a word the corpus has only in other forms be respelt
    through its stem: diacritics ("foljs" -> "följs" beside "följa") and typos ("mediicner" ->
    "mediciner" beside "medicin"). ``english`` yields English words: an English question's
    words are checked and corrected against them (read on first use)."""

    def __init__(
        self,
        texts: Iterable[str],
        stem: Callable[[str], str] | None = None,
        english: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        # Whitespace tokens are counted in C, and only the distinct ones are looked into: at
        # 10k passages a regex over the whole text costs seconds on the first question.
        joined = INVISIBLE_RE.sub("", "\n".join(texts))
        tokens = joined.split()
        counts: Counter[str] = Counter()
        ids: dict[str, Counter[str]] = {}
        for token, n in Counter(tokens).items():
            for word in WORD.findall(token.casefold()):
                counts[word] += n
            m = ID_JOINED.search(token)
            # "NK-4417", "KrU2"; not a footnote mark stuck to a word ("äldre1").
            if m and (m[1] != m[1].lower() or "-" in m[0]):
                ids.setdefault(identifier_key(m[1], m[2]), Counter())[m[0]] += n
        for a, b in zip(tokens, tokens[1:], strict=False):  # "SFS 2013:801"
            if a[:1].isupper() and b[:1].isdigit():
                m = ID_UPPER_SPACED.search(f"{a} {b}")
                if m:
                    ids.setdefault(identifier_key(m[1], m[2]), Counter())[m[0]] += 1
        self.counts = counts
        by_fold: dict[str, str] = {}
        for word, _ in counts.most_common():
            by_fold.setdefault(fold_word(word), word)
        self.by_fold = by_fold
        folds = Counter(fold_word(w) for w in counts)  # "ar": "är" and "år"
        self._pairs = neighbour_pairs(tokens, {f for f, n in folds.items() if n > 1}, fold_word)
        self.identifiers = {k: c.most_common(1)[0][0] for k, c in ids.items()}
        self.names = capitalised(joined.splitlines())
        # Only long words are corrected, so only long words are candidates.
        self._long = [f for f in by_fold if len(f) >= MIN_TYPO_LENGTH - 1]
        self._stem = stem
        self._stems = stems_by_fold(counts, stem, fold_word) if stem else {}
        self._long_stems = [f for f in self._stems if len(f) >= MIN_TYPO_LENGTH - 1]
        self._english = EnglishWords(english)

    @cached_property
    def _swedish(self) -> SwedishWords | None:
        """The Swedish word list (read on the first unknown word; needs ``stem``)."""
        return SwedishWords(self._stem, fold_word) if self._stem else None

    def knows(self, word: str) -> bool:
        return word.casefold() in self.counts

    def spelling(
        self, word: str, typos: bool = True, name: bool = False, plain_text: bool = True
    ) -> str | None:
        """The corpus's spelling of an unknown word. A word typed without diacritics: the corpus
        word or stem with the same letters, else the one Swedish word it can stand for. With
        ``typos``, a word that is no Swedish word: the commonest corpus word within 1 edit (2
        from 10 letters; two neighbouring letters swapped count as one), else the word on a
        corpus stem with two letters swapped, else such a Swedish word. ``name``: a capitalised
        word inside a sentence, corrected for swapped letters only ("Ludivka", not "Pradaxa" ->
        "Prada"). ``plain_text``: the whole text is typed without diacritics; else a plain word
        that is a Swedish word is meant as typed ("snart", not "snärt"). Else None."""
        folded = fold_word(word)
        plain = folded == word.casefold()  # a word typed with diacritics keeps them
        swedish = self._swedish
        if plain and not plain_text and (len(folded) < _MIXED or (swedish and swedish.real(word))):
            plain = False  # a short or Swedish plain word among diacritics: meant as typed
        if folded in self.by_fold and plain:
            return self.by_fold[folded]
        found = self._on_stem(word, typos=False) if plain else None
        if found is None and plain and swedish is not None:
            found = (
                swedish.reading(folded)
                or front_reading(word.casefold(), swedish, self._sorted)
                or swedish.compound(folded)
            )
        if found is not None or not typos or len(folded) < MIN_TYPO_LENGTH:
            return found
        if swedish is not None and swedish.real(word):
            return None  # a Swedish word the corpus does not use ("långa"): no typo
        # A word typed with diacritics (or meant as typed) is no typo of the same letters
        # with other diacritics: "hörde" is not an English "horde".
        near = nearest(folded, self._long, swaps_only=name, same=plain)
        if near:
            return max((self.by_fold[w] for w in near), key=lambda w: self.counts[w])
        found = self._on_stem(word, typos=True, same=plain)
        return found if found is not None or swedish is None else swedish.correct(word, plain)

    def _on_stem(self, word: str, typos: bool, same: bool = True) -> str | None:
        """``word`` on the corpus's spelling of its stem: the same stem without diacritics (a
        word typed without any), or with ``typos`` the commonest stem within 1 edit."""
        if self._stem is None:
            return None
        lower = word.casefold()
        typed = self._stem(lower)
        if not lower.startswith(typed) or typed in self._stems.get(fold_word(typed), ()):
            return None  # the typed stem is the corpus's own (or the stemmer rewrote the word)
        if typos:  # swapped letters only: a stem is short, other edits make other stems
            keys = (
                nearest(fold_word(typed), self._long_stems, swaps_only=True, same=same)
                if len(typed) >= _TYPO_STEM
                else []
            )
        else:
            keys = [fold_word(typed)] if fold_word(lower) == lower else []
        found = Counter[str]()
        for key in keys:
            found.update(self._stems.get(key, Counter()))
        if not found:
            return None
        respelt = found.most_common(1)[0][0] + lower[len(typed) :]
        # A plain word with several Swedish readings ("langa": "långa", "länga") is left alone:
        # the corpus using one of the stems does not say which was meant.
        readings = self._swedish.readings.get(lower, set()) if self._swedish else set()
        if readings - {respelt}:
            return None
        # nor when running Swedish writes another spelling far more often ("langt": "långt",
        # though the corpus's stem is "läng" of "längd")
        other = self._swedish.reading(lower) if self._swedish else None
        return None if other and other != respelt else respelt

    @cached_property
    def _sorted(self) -> list[str]:
        return sorted(self.counts)

    def _dominant(self, word: str) -> str | None:
        """A far more frequent spelling of a word typed without diacritics ("for" -> "för" in a
        Swedish corpus that quotes an English "for" once)."""
        lower = word.casefold()
        best = self.by_fold.get(fold_word(lower))
        if best is None or best == lower or fold_word(lower) != lower:
            return None
        return best if self.counts[best] >= _DOMINANT * self.counts[lower] else None

    def is_english(self, word: str) -> bool:
        """Is ``word`` (or its uninflected form) an English word (``english_words``)?"""
        return self._english.knows(word)

    def _english_spelling(self, word: str, name: bool) -> str | None:
        """An English question's unknown word corrected for two swapped letters: to a corpus
        word, else an English word; a capitalised word (a name) to corpus words only."""
        folded = fold_word(word)
        if len(folded) < MIN_TYPO_LENGTH:
            return None
        if self._swedish is not None and self._swedish.real(word):
            return None
        # Swapped letters only: the English list is not every English word ("remediation" is
        # no typo of "mediation", nor "deklaration" of "declaration").
        corpus = nearest(folded, self._long, swaps_only=True)
        if corpus:
            return max((self.by_fold[w] for w in corpus), key=lambda w: self.counts[w])
        return None if name else self._english.swapped(folded)

    def rewrite(
        self,
        text: str,
        typos: bool = True,
        min_length: int = 1,
        inflected: Callable[[str], bool] | None = None,
        english: bool = False,
    ) -> tuple[str, dict[str, str]]:
        """``text`` with identifiers and unknown words in the corpus's spelling, and what changed.

        ``min_length``: shorter words are left alone (an English "for" is not a Swedish "för").
        ``inflected(word)``: is the word another form of a corpus word ("besöka" beside "besök")?
        Such a word is no typo, and only its diacritics are restored. ``english``: the text is
        English: its English words are kept, others corrected against corpus and English words.
        A text typed without any diacritic (or leaving them out of a long word:
        ``_drops_diacritics``) gets a word's far commoner diacritic twin ("for" ->
        "för"); one typed all in lower case the corpus's names ("ludvika" -> "Ludvika")."""
        changes: dict[str, str] = {}
        lowered = not any(c.isupper() for c in text)
        plain = strip_accents(text) == text.casefold() or self._drops_diacritics(text)

        def identifier(m: re.Match[str]) -> str:
            found = self.identifiers.get(identifier_key(m[1], m[2]))
            if found and found != m[0]:
                changes[m[0]] = found
            return found or m[0]

        text = ID_ANY_SPACED.sub(identifier, text)
        text = ID_JOINED.sub(identifier, text)

        def word(m: re.Match[str]) -> str:
            w = m[0]
            found = self._respelt(m, text, typos, min_length, inflected, english, plain)
            if found is not None and not english:
                found = self._in_context(found, text, m) or found
            if found is None and plain and not english and self.knows(w):
                read = reading_beside(text, m.start(), m.end())
                found = read if read and self.knows(read) else self._dominant(w)
            if found is None and lowered and not (english and self.is_english(w)):
                found = self.names.get(w)
            if found is None or found == w:
                return w
            if w.isupper() and len(w) > 1:
                found = found.upper()
            elif w[:1].isupper() and found.islower():
                found = found.capitalize()
            changes[w] = found
            return found

        return WORD.sub(word, text), changes

    def _drops_diacritics(self, text: str) -> bool:
        """Does a long word of ``text`` typed without diacritics, no word as typed, stand for the
        corpus's word with them ("forvaltningsstodet")? Then its asker leaves them out, and the
        text's other plain words are read so too ("hur manga timmar i manaden …"), though one
        word has them ("ungefär")."""
        for w in WORD.findall(text):
            if len(w) < _MIXED or fold_word(w) != w.casefold() or self.knows(w):
                continue
            found = self.spelling(w, False, plain_text=False)
            if found and fold_word(found) == fold_word(w) and found.casefold() != w.casefold():
                return True
        return False

    def _in_context(self, found: str, text: str, m: re.Match[str]) -> str | None:
        """Of the corpus's spellings of one plain word ("ar": "är", "år"), the one the corpus
        writes beside the question's next or previous word ("per ar" -> "per år", "det ar" ->
        "det är"); None when the neighbours do not tell them apart."""
        key = fold_word(found)
        # grammar first where it tells ("vilket ar byggdes", "i ar"): a corpus that writes
        # "vilket är" often says nothing of this question
        read = reading_beside(text, m.start(), m.end())
        if read and fold_word(read) == key and self.knows(read):
            return read
        before = [fold_word(w) for w in WORD.findall(text[: m.start()])[-1:]]
        after = [fold_word(w) for w in WORD.findall(text[m.end() :])[:1]]
        scores = Counter[str]()
        for (left, spelling, right), n in self._pairs.get(key, {}).items():
            if left in before or right in after:
                scores[spelling] += n
        ranked = scores.most_common(2)
        if not ranked:
            read = reading_beside(text, m.start(), m.end(), weak=True)
            return read if read and fold_word(read) == key and self.knows(read) else None
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]

    def _respelt(
        self,
        m: re.Match[str],
        text: str,
        typos: bool,
        min_length: int,
        inflected: Callable[[str], bool] | None,
        english: bool,
        plain: bool,
    ) -> str | None:
        """One unknown word in the corpus's spelling, or None to keep it; ``plain``: the text
        is typed without diacritics."""
        w = m[0]
        # Part of an identifier or a hyphenated name ("NK-4417", "Sjöby-avtalet"): keep.
        if len(w) < min_length or _in_identifier(text, m) or self.knows(w):
            return None
        if english and self.is_english(w):
            return None
        name = m.start() > 0 and w[:1].isupper()
        found = self.spelling(w, False, plain_text=plain)
        if found is not None or not typos or (inflected and inflected(w)):
            return found
        if english:
            return self._english_spelling(w, name=name)
        if plain and _swedish_word(w):
            # A word of the language typed without its diacritics is no typo of a corpus word:
            # "hur många ganger …" had become "… anger …" in a text without "gånger".
            return None
        return self.spelling(w, name=name, plain_text=plain)


def _swedish_word(word: str) -> bool:
    """Is the word's stem (folded, four letters or more) a head word of the Swedish lexicon
    (``lexicon.swedish_heads``: "ganger" -> "gang", gång)?"""
    stem = fold_word(stem_word(word.casefold()))
    return len(stem) >= 4 and stem in swedish_heads()


def _in_identifier(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 2]
    return bool(after) and (after[0].isdigit() or (after[0] == "-" and after[1:].isdigit()))
