"""Everyday Swedish in the texts' own terms: a question's "sjuk eller borta" read as "förfall".

Citizens ask in everyday words; agreements, fee schedules and delegation lists answer in
administrative ones ("Vid förfall för kommundirektören …", "anstånd", "dröjsmålsränta"). e5-small
finds such passages, but the decision's word features (the question's topic words in the best
sentences, ``features``) counted "sjuk" and "borta" as words the texts never use, and the
question was refused with its answer ranked first.

``data/sv_plain_admin.tsv`` (written for this project, not copied from a list) pairs an everyday
word or phrase with the terms documents use for the same thing. A Swedish question's topic words
from such a phrase are read as the first of those terms the corpus uses, unless the corpus uses
the everyday words themselves (a text that writes "sjuk" is matched on "sjuk").
The question's text is left as typed (retrieval embeds it; its frame words set the intent).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources

from .folding import fold
from .lexical import stem_word, terms

__all__ = ["THESAURUS", "entries", "in_texts_terms", "pairs"]

THESAURUS = "sv_plain_admin.tsv"

_ASKING = frozenset(
    ["hur", "vem", "vems", "vad", "nar", "var", "vilken", "vilket", "vilka", "varfor"]
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _key(word: str) -> str:
    return fold(stem_word(word.casefold()))


def pairs(name: str) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line number, left side, its "|"-separated terms) of each line of the data file ``name``
    ("left<TAB>term|term"; "#" lines and blank ones skipped). Raises ``ValueError`` naming the
    line when one has no TAB or no term."""
    text = resources.files("assistant.data").joinpath(name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        left, sep, right = line.partition("\t")
        alternatives = tuple(t.strip() for t in right.split("|") if t.strip())
        if not sep or not left.strip() or not alternatives:
            raise ValueError(f"{name} line {number}: want 'left<TAB>term|term': {line!r}")
        yield number, left.strip(), alternatives


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Everyday phrase (its words' folded stems) -> the texts' terms for it, in the file's order.

    Raises ``ValueError`` naming the line when a line is not "phrase<TAB>term|term"."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for number, plain, alternatives in pairs(THESAURUS):
        words = tuple(_key(w) for w in _WORD.findall(plain))
        if not words:
            raise ValueError(f"{THESAURUS} line {number}: no word in {plain!r}")
        table.setdefault(words, alternatives)
    return table


def _keys(word: str) -> set[str]:
    """A question word's keys: its stem, for a short verb's present ("tar", "går", "får") the
    infinitive's (the stemmer leaves "tar" and "ta" apart), and for a noun's definite form in
    "-an" the form without "n" (it leaves "fakturan" and "faktura" apart)."""
    keys = {_key(word)}
    if len(word) <= 4 and word.casefold().endswith("r"):
        keys.add(_key(word[:-1]))
    if len(word) > 5 and word.casefold().endswith("an"):
        keys.add(_key(word[:-1]))
    return keys


def _tail(word: str) -> str:
    """The last part of a hyphen-joined word ("va-fakturan" -> "fakturan"), "" if none."""
    head, sep, tail = word.rpartition("-")
    return tail if sep and head and len(tail) > 2 else ""


@lru_cache(maxsize=1)
def _by_first() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """``entries`` by their first word's key, longest first."""
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for phrase, alternatives in sorted(entries().items(), key=lambda kv: -len(kv[0])):
        table.setdefault(phrase[0], []).append((phrase, alternatives))
    return table


def _matches(words: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, terms) of the longest entries over the question's words, left to right."""
    # A hyphen-joined word is matched whole, or as its last part ("va-fakturan" as "fakturan").
    keys = [_keys(w) | (_keys(_tail(w)) if _tail(w) else set()) for w in words]
    first = _by_first()
    found, i = [], 0
    while i < len(words):
        hit = next(
            (
                (phrase, alternatives)
                for key in keys[i]
                for phrase, alternatives in first.get(key, ())
                if i + len(phrase) <= len(words)
                and all(phrase[j] in keys[i + j] for j in range(1, len(phrase)))
            ),
            None,
        )
        if hit is None:
            i += 1
            continue
        found.append((i, i + len(hit[0]), hit[1]))
        i += len(hit[0])
    return found


def in_texts_terms(
    text: str, topic: Sequence[str], knows: Callable[[str], bool]
) -> tuple[list[str], dict[str, str]]:
    """``topic`` (a Swedish question's stemmed topic words) with each everyday phrase of ``text``
    the corpus does not use in full read as the texts' term for it, and what was read so.

    ``knows`` takes a stemmed term (``LexicalIndex.knows``). A single word counts only when it is
    a topic word (not the question's frame: "vad kostar" stays an amount question); a phrase of
    several words is specific enough to count though its words frame questions elsewhere ("säga
    upp", "säger"). Either counts only when the corpus does not use all of its topic words itself
    and uses all the words of one of its terms."""
    written = _WORD.findall(text)
    topic = list(topic)
    read: dict[str, str] = {}
    for start, end, alternatives in _matches(written):
        if fold(written[start].casefold()) in _ASKING:
            continue  # "hur länge", "vem bestämmer": the question's frame (``intent``)
        phrase = " ".join(written[start:end])
        stems = terms(phrase)
        # Read through its last part, a hyphen-joined word keeps its first: "va-fakturan" is
        # "va-räkning", whose parts BM25 matches (``lexical.index_terms``).
        tail = _tail(phrase) if end - start == 1 else ""
        whole = any((key,) in entries() for key in _keys(phrase))  # "p-tillstånd" is an entry
        head = phrase[: -len(tail)] if tail and not whole else ""
        if end - start == 1 and (not stems or stems[0] not in topic):
            continue  # the question's frame ("vad kostar"), not its topic
        stems = [s for s in stems if s in topic]
        if stems and all(map(knows, stems)) or head and all(map(knows, terms(tail))):
            continue  # words the corpus uses itself ("VA-räkningen" where it writes "räkning")
        # A term of function words only ("nån" -> "någon") is known: the phrase is no topic.
        term = next((t for t in alternatives if all(map(knows, terms(t)))), None)
        if term is None:
            continue
        at = topic.index(stems[0]) if stems else len(topic)
        at -= sum(1 for t in topic[:at] if t in stems)
        topic = [s for s in topic if s not in stems]
        topic[at:at] = [s for s in terms(term) if s not in topic]
        read[phrase] = head + term
    return topic, read
