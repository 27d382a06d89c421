"""Normalising text so a question and the corpus meet however the question was typed.

``clean`` makes text canonical without changing what it says (NFKC, zero-width characters
removed, whitespace collapsed): decomposed "ä" and a zero-width space are typing accidents.
``fold`` is for matching only: case and diacritics folded ("överenskommelse" and
"overenskommelse" meet) and identifiers unified ("NK 4417", "nk4417" and "NK-4417" meet).
``Vocabulary`` knows the corpus's own words and identifiers, and rewrites a question's unknown
words into them: diacritics restored, typos within a small edit distance corrected
(rapidfuzz: a well-kept C++ matcher, so thousands of words are compared in microseconds).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

__all__ = ["INVISIBLE", "Vocabulary", "clean", "fold", "identifier_key", "words"]

# Zero-width space/joiners, word joiner, BOM and the soft hyphen: invisible, never meant.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_WORD = re.compile(r"[^\W\d_]+", re.U)
# An identifier: a few letters and a number, maybe a space or hyphen between ("NK-4417",
# "LD17/03997", "SFS 2013:801"). Lower-case letters with a space ("år 2019") are ordinary words,
# so they count only when the corpus knows the joined form (``Vocabulary.identifiers``).
_ID_JOINED = re.compile(r"(?<![\w-])([^\W\d_]{1,6})-?(\d[\d/:.]*\d|\d)(?![\w-])")
_ID_UPPER_SPACED = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{2,6}) (\d[\d/:.]*\d|\d)(?![\w-])")
_ID_ANY_SPACED = re.compile(r"(?<![\w-])([^\W\d_]{1,6}) (\d[\d/:.]*\d|\d)(?![\w-])")
# Typo tolerance: words this long may be corrected, by at most this many edits.
MIN_TYPO_LENGTH = 6
_LONG_WORD = 10


_INVISIBLE_RE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")


def _canonical(text: str) -> str:
    """NFKC without invisible characters (checked first: most text already is)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text


def clean(text: str) -> str:
    """NFKC, invisible characters removed, whitespace collapsed; case and accents kept."""
    return " ".join(_canonical(text).split())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def identifier_key(letters: str, number: str) -> str:
    """One spelling for an identifier: folded letters joined to the number ("nk4417")."""
    return _strip_accents(letters) + number


def fold(text: str) -> str:
    """Text for matching: cleaned, case and diacritics folded, identifiers joined."""
    text = clean(text)
    text = _ID_UPPER_SPACED.sub(lambda m: f"{m[1]}{m[2]}", text)
    text = _ID_JOINED.sub(lambda m: f"{m[1]}{m[2]}", text)
    return _strip_accents(text)


def words(text: str) -> list[str]:
    """The letter-only words of a text, as written."""
    return _WORD.findall(text)


class Vocabulary:
    """The corpus's words (folded -> most frequent spelling) and identifiers (key -> spelling)."""

    def __init__(self, texts: Iterable[str]) -> None:
        # Whitespace tokens are counted in C, and only the distinct ones are looked into: at
        # 10k passages a regex over the whole text costs seconds on the first question.
        tokens = _INVISIBLE_RE.sub("", "\n".join(texts)).split()
        counts: Counter[str] = Counter()
        ids: dict[str, Counter[str]] = {}
        for token, n in Counter(tokens).items():
            for word in _WORD.findall(token.casefold()):
                counts[word] += n
            m = _ID_JOINED.search(token)
            # "NK-4417", "KrU2"; not a footnote mark stuck to a word ("äldre1").
            if m and (m[1] != m[1].lower() or "-" in m[0]):
                ids.setdefault(identifier_key(m[1], m[2]), Counter())[m[0]] += n
        for a, b in zip(tokens, tokens[1:], strict=False):  # "SFS 2013:801"
            if a[:1].isupper() and b[:1].isdigit():
                m = _ID_UPPER_SPACED.search(f"{a} {b}")
                if m:
                    ids.setdefault(identifier_key(m[1], m[2]), Counter())[m[0]] += 1
        self.counts = counts
        by_fold: dict[str, str] = {}
        for word, _ in counts.most_common():
            by_fold.setdefault(_fold_word(word), word)
        self.by_fold = by_fold
        self.identifiers = {k: c.most_common(1)[0][0] for k, c in ids.items()}
        # Only long words are corrected, so only long words are candidates.
        self._long = [f for f in by_fold if len(f) >= MIN_TYPO_LENGTH - 1]

    def knows(self, word: str) -> bool:
        return word.casefold() in self.counts

    def spelling(self, word: str, typos: bool = True) -> str | None:
        """The corpus's spelling of an unknown word: same letters without diacritics, else (with
        ``typos``) the most frequent word within 1 edit (2 from 10 letters), else None."""
        folded = _fold_word(word)
        if folded in self.by_fold:
            return self.by_fold[folded]
        if not typos or len(folded) < MIN_TYPO_LENGTH or not self._long:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 2 if len(folded) >= _LONG_WORD else 1
        found = process.extract(
            folded, self._long, scorer=Levenshtein.distance, score_cutoff=limit, limit=8
        )
        if not found:
            return None
        best = min(d for _, d, _ in found)
        spellings = [self.by_fold[w] for w, d, _ in found if d == best]
        return max(spellings, key=lambda w: self.counts[w])

    def rewrite(
        self,
        text: str,
        typos: bool = True,
        min_length: int = 1,
        inflected: Callable[[str], bool] | None = None,
    ) -> tuple[str, dict[str, str]]:
        """``text`` with identifiers and unknown words in the corpus's spelling, and what changed.

        ``min_length``: shorter words are left alone (an English "for" is not a Swedish "för").
        ``inflected(word)``: is the word another form of a corpus word ("besöka" beside "besök")?
        Such a word is no typo, and only its diacritics are restored."""
        changes: dict[str, str] = {}

        def identifier(m: re.Match[str]) -> str:
            found = self.identifiers.get(identifier_key(m[1], m[2]))
            if found and found != m[0]:
                changes[m[0]] = found
            return found or m[0]

        text = _ID_ANY_SPACED.sub(identifier, text)
        text = _ID_JOINED.sub(identifier, text)

        def word(m: re.Match[str]) -> str:
            w = m[0]
            # Part of an identifier or a hyphenated name ("NK-4417", "Sjöby-avtalet"): keep.
            if len(w) < min_length or self.knows(w) or _in_identifier(text, m):
                return w
            found = self.spelling(w, typos and not (inflected and inflected(w)))
            if found is None:
                return w
            found = found.capitalize() if w[:1].isupper() and found.islower() else found
            changes[w] = found
            return found

        return _WORD.sub(word, text), changes


def _in_identifier(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 2]
    return bool(after) and (after[0].isdigit() or (after[0] == "-" and after[1:].isdigit()))
