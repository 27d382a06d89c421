"""English questions over Swedish texts: the question's words rendered in Swedish, word by word.

multilingual-e5-small puts an English question near its Swedish answer, but less near than the
same question in Swedish (byggfaq: R@3 0.58 in English, 0.74 in Swedish). A rough Swedish
rendering of the question (content words and phrases looked up in our public-sector glossary
and Folkets lexikon, ``lexicon``, keeping only Swedish words the corpus uses) is embedded too
and mixed with the question's own vector in ``retrieve``, and gets BM25 signals of its own.

Swedish writes a noun phrase as one word where English writes two ("payment card" is
"betalkort", "notice period" "uppsägningstid"): two neighbouring renderings are also joined
the ways Swedish compounds join ("betalning" + "kort" -> "betalkort", "läkemedel" +
"genomgång" -> "läkemedelsgenomgång": ``word_forms``) and kept when the corpus uses the join.

An English question's rendering is read by the analyser (a document named by title words) and
the decision's features (the topic's Swedish words, the share of parts that meet the texts):
``Renderer`` computes it once per question and index state, and the ``Query`` carries it
(``Query.swedish``); whether the corpus uses a word is asked once per word and index state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .intent import frame_terms
from .lexical import terms, uses_word
from .lexicon import english_forms, folkets, glossary
from .word_forms import compounds, swedish_forms

__all__ = [
    "Parts",
    "Renderer",
    "compounds",  # ``word_forms``'s, importable from here as before
    "english_to_swedish",
    "rendered_share",
    "rendering_parts",
    "swedish_forms",  # ditto
    "swedish_rendering",
]

english_to_swedish = folkets  # the Folkets part alone (kept for callers of the first version)

# A rendering part by part: (English word or phrase, its Swedish words), as ``rendering_parts``.
Parts = tuple[tuple[str, tuple[str, ...]], ...]
_AnyParts = Sequence[tuple[str, Sequence[str]]]  # ``Parts`` or ``rendering_parts``'s lists

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# English function and question words: never looked up alone (their Swedish glosses are
# noise), but a glossary phrase may start with one ("at the latest", "on behalf of").
_EN_STOP_WORDS = """
    a an the of to in on for by with at from and or is are was were be been being do does
    did what which who whom whose when where why how that this these those it its i me my we
    our you your he she they them their his her there here can could may might must shall
    should will would not no yes if than then so as about into over under after before up
    down out any all each some such only own same other also just more most very too much
    many have has had get gets one ones whether between per
"""
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
_LONGEST = 4  # words in the longest phrase looked up


@lru_cache(maxsize=8192)
def _forms(phrase: str) -> tuple[str, ...]:
    """``english_forms``, once per phrase (pure: the dictionaries are read once per process)."""
    return tuple(english_forms(phrase))


def _remembered(known: Callable[[str], float]) -> Callable[[str], float]:
    """``known`` asked once per word (within one rendering: a word's senses and forms recur)."""
    seen: dict[str, float] = {}

    def ask(word: str) -> float:
        if word not in seen:
            seen[word] = known(word)
        return seen[word]

    return ask


def _inflected(words: tuple[str, ...], known: Callable[[str], float]) -> list[str]:
    """For each listed sense the corpus does not use as listed, the inflected form it uses
    most (a sense per word, in the list's order)."""
    found: list[str] = []
    for word in words:
        uses = [(known(f), f) for f in swedish_forms(word)]
        best = max(uses, default=(0, ""), key=lambda u: u[0])
        if best[0] and best[1] not in found:
            found.append(best[1])
    return found


def _senses(
    phrase: str, known: Callable[[str], float], by_use: bool, own: bool, general: bool = True
) -> tuple[list[str], list[str]]:
    """(every sense listed, the senses the corpus uses) of an English phrase in any of its forms.

    Where our glossary lists a form with senses the corpus uses, those are its senses (in the
    glossary's order: the administrative sense, not Folkets' alphabetical first ones);
    otherwise Folkets' in dictionary order or, with ``by_use``, the most used first. ``own`` =
    False leaves the glossary out, ``general`` = False Folkets. Every listed sense, used or
    not, may still be the first part of a compound the corpus uses ("bemanning" + "policy").
    """
    listed: list[str] = []
    for form in _forms(phrase):
        ours = glossary().get(form, ()) if own else ()
        theirs = folkets().get(form, ()) if general else ()
        listed += [w for w in (*ours, *theirs) if w not in listed]
        uses = {w: known(w) for w in (*ours, *theirs)}
        found = [w for w in ours if uses[w]]
        if not found:
            found = [w for w in theirs if uses[w]]
            if by_use:
                found.sort(key=lambda w: -uses[w])  # stable: ties keep their order
        if found:
            return listed, found
    # No sense is used as listed: a sense the corpus uses inflected ("week" -> "vecka", which
    # the texts have as "veckan" and "veckor"); our glossary's senses, then Folkets' first few.
    for form in _forms(phrase):
        ours = glossary().get(form, ()) if own else ()
        theirs = folkets().get(form, ())[:_INFLECTED_FOLKETS] if general else ()
        found = _inflected(ours, known) or _inflected(theirs, known)
        if found:
            return listed, found
    return listed, []


_INFLECTED_FOLKETS = 4  # Folkets' senses tried inflected (alphabetical: more are noise)


def swedish_rendering(
    question: str,
    known: Callable[[str], float],
    per_word: int = 2,
    by_use: bool = False,
    own: bool = True,
    join: bool = True,
) -> str:
    """The question with its English content words replaced by Swedish words the corpus knows.

    Phrases of up to four words are looked up first ("notice period" -> "uppsägningstid");
    each keeps at most ``per_word`` translations for which ``known`` is true (non-zero). With
    ``by_use``, ``known`` says how much the corpus uses a word (e.g. in how many passages) and
    Folkets' most used translations are kept: the sense the texts are about. English function
    words are dropped; a word with no such translation (a name, a Swedish term, an English
    word the corpus has no Swedish for) is kept as typed. Neighbouring renderings also give
    the compounds the corpus uses (``join``); ``own`` = False leaves our glossary out.
    """
    return _joined(rendering_parts(question, known, per_word, by_use, own, join))


def _joined(parts: _AnyParts) -> str:
    """A rendering's words in order, each once ("" for none)."""
    out = [w for _, words in parts for w in words]
    return " ".join(dict.fromkeys(out)) if out else ""


def rendering_parts(
    question: str,
    known: Callable[[str], float],
    per_word: int = 2,
    by_use: bool = False,
    own: bool = True,
    join: bool = True,
) -> list[tuple[str, list[str]]]:
    """``swedish_rendering`` part by part: (the English word or phrase, its Swedish words: the
    senses the corpus uses and the compounds they make with the part before; the word as
    typed when it has none). Function words make no part."""
    known = _remembered(known)
    words = _WORD.findall(_POSSESSIVE.sub("", question))
    lower = [w.casefold() for w in words]
    # Per word or phrase: its senses, used ones first, to join with the next (None: no senses).
    slots: list[list[str] | None] = []
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        span, found, parts = 1, [], []
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            if lower[i] in _EN_STOP and (n == 1 or lower[i + n - 1] in _EN_STOP):
                continue  # a phrase may start, not end, with a function word
            # Only our glossary lists phrases that start with one ("at the latest").
            phrase = " ".join(lower[i : i + n])
            listed, senses = _senses(phrase, known, by_use, own, lower[i] not in _EN_STOP)
            # A phrase counts only if it yields words; a single word if it is listed.
            if senses or (n == 1 and listed):
                span, found, parts = n, senses, listed
                break
        joined = []
        if join and slots and slots[-1] and parts:
            # Any listed senses may join, the corpus decides: at most 4 x 4 pairs.
            pairs = [(a, b) for a in slots[-1][:4] for b in [*found[:per_word], *parts][:4]]
            joined = [c for a, b in dict.fromkeys(pairs) for c in compounds(a, b, known)]
        english = " ".join(words[i : i + span])
        pieces = _hyphen_parts(words[i], known, per_word, by_use, own, join) if not parts else []
        if pieces:
            # "hidden-defect", "reverse-charge": an English compound no dictionary lists is
            # rendered by its parts (the typed word kept: it may be a Swedish one).
            out.append((english, [words[i], *pieces]))
            slots.append(None)
            i += span
            continue
        if found:
            out.append((english, found[:per_word] + joined))
        elif lower[i] not in _EN_STOP:
            out.append((english, [words[i], *joined]))
        slots.append(list(dict.fromkeys([*found[:per_word], *parts])) if parts else None)
        i += span
    return out


def _hyphen_parts(
    word: str,
    known: Callable[[str], float],
    per_word: int,
    by_use: bool,
    own: bool,
    join: bool,
) -> list[str]:
    """The Swedish words of a hyphenated word's parts, rendered as a phrase ([] for none)."""
    if "-" not in word:
        return []
    spaced = word.replace("-", " ")
    rendered = rendering_parts(spaced, known, per_word, by_use, own, join)
    typed = set(spaced.split())
    return [w for _, ws in rendered for w in ws if w not in typed]


def rendered_share(question: str, used: Callable[[str], bool]) -> float:
    """Share of an English question's content parts (words and glossary phrases) that meet the
    corpus: rendered into Swedish words it uses, or a name it uses as typed. The English
    counterpart of the share of a Swedish question's words the corpus knows (1.0: no parts).
    Words that frame a question ("say", "mention") and numbers are not counted."""
    return _share_met(rendering_parts(question, used), used)


def _share_met(parts: _AnyParts, used: Callable[[str], bool]) -> float:
    """``rendered_share`` of a rendering's ``parts`` (made with the same ``used``)."""
    frame = frame_terms()
    counted = [
        (english, words)
        for english, words in parts
        if not english.isdigit() and not set(terms(english)) <= frame
    ]
    if not counted:
        return 1.0
    return sum(any(used(w) for w in words) for _, words in counted) / len(counted)


_WORDS_KEPT = 1 << 15  # words a Renderer remembers the corpus's use of (a few MB at most)
_TEXTS_KEPT = 64  # questions a Renderer remembers the rendering of (one ask asks 1-3 times)


class Renderer:
    """English questions rendered in Swedish for one index state: each question's rendering
    computed once (``parts``, ``text``), each word's use by the corpus asked once (``uses``).

    ``uses`` says whether the corpus uses a whole word or, with ``by_use``, in how many
    passages (``swedish_rendering``'s ``known``); the renderings have its default per-word
    count, glossary and joins. ``of_terms`` makes the usual one from ``LexicalIndex.knows``."""

    def __init__(self, uses: Callable[[str], float], by_use: bool = False) -> None:
        self.uses: Callable[[str], float] = lru_cache(maxsize=_WORDS_KEPT)(uses)
        self.by_use = by_use
        # ``rendering_parts(text, uses, by_use=by_use)`` as tuples, once per text.
        self.parts: Callable[[str], Parts] = lru_cache(maxsize=_TEXTS_KEPT)(self._render)

    @classmethod
    def of_terms(cls, knows: Callable[[str], bool]) -> Renderer:
        """Keeping the Swedish words all of whose stemmed terms ``knows`` has (``uses_word``)."""
        return cls(lambda word: uses_word(knows, word))

    def _render(self, text: str) -> Parts:
        parts = rendering_parts(text, self.uses, by_use=self.by_use)
        return tuple((english, tuple(words)) for english, words in parts)

    def text(self, text: str) -> str:
        """``swedish_rendering(text, uses, by_use=by_use)``: its words in order, each once."""
        return _joined(self.parts(text))

    def share(self, text: str) -> float:
        """``rendered_share(text, uses)``: the share of its parts that meet the corpus."""
        return _share_met(self.parts(text), self.uses)
