"""Names a question uses, and whether the corpus mentions them.

A question that names a thing — a municipality ("Huddinge kommun"), an organisation, a place, a
person, a document ("Sjöby-överenskommelsen", "the Northfield agreement") — that no text
mentions is asked about something else than the texts: the overlap features stay high (the
name is one word among its topic words, or no topic word at all) and the answer would come from
another party's or document's text. ``question_names`` reads the names from the question as
typed (after spelling and follow-up resolution); ``NameBook`` says whether the corpus knows
each: its words (titles, parties and cards are in the vocabulary) after folding, with a genitive
"-s"/"'s" dropped, another inflection through the stem, and one typo; an English word through
its Swedish renderings ("Sweden" is known where the texts say "Sverige").

What is a name: a capitalised word inside a sentence (not its first word, nor the first after
":" or an opening quote), an acronym ("ICORN"), the capitalised first part of a hyphenated
compound ("Sjöby-överenskommelsen", also first in a sentence), a word before "kommun", "län",
"landsting", "municipality" or "county" or after "Region" ("Botkyrka kommun …" opening a
question; in a question typed in lower case, a word no frequent Swedish word). Not a name:
function and question words, kind words ("Region", "Kommun"), and an English word written in
title case that the dictionary lists in lower case ("What Is The Tax Rate?": "Tax"), while
"Swedish" or "Norway" (capitalised in Folkets' glosses) are names, known through "svensk",
"Norge".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .folding import fold
from .lexical import terms
from .spelling import nearest
from .vocabulary import Vocabulary

__all__ = ["Name", "NameBook", "name_forms", "names_party", "question_names"]

_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_POSSESSIVE = re.compile(r"['’]s?$")
# An English contraction's tail: "I'm", "I've", "we'll", "don't" are their first word, a function
# word ("The texts do not mention I'm" was said to a question asked "because I'm ill").
_CONTRACTION = re.compile(r"(?:['’](?:m|re|ve|ll|d)|n['’]t)$", re.IGNORECASE)
# A sentence (or a quoted title) starts after these; its first word is capitalised anyway.
_OPENERS = set(".!?:;\"'”“«»(‘’[–—")
# Kind words: what a name is a name of. They join a name ("Huddinge kommun", "Region Sydmark")
# but are no name themselves.
_KIND_AFTER_WORDS = """
    kommun kommuns kommunen län läns landsting landstinget municipality county council region
    regionen
"""
_KIND_BEFORE_WORDS = "region regionen"
# Kind words of a public body like the parties of an agreement (municipality, region, county,
# city): a name joined with one names a party (``names_party``).
_PARTY_KIND_WORDS = _KIND_AFTER_WORDS + " kommunens regionens stad stads staden city"
# Words a question opens with or frames itself by, in either language: capitalised, no name.
_FUNCTION_WORDS = """
    i a an the of to in on for by with at from and or is are was were be do does did what which
    who whom whose when where why how that this these those it its me my we our you your he she
    they them their his her there here can could may might must shall should will would not no
    yes if than then so as about into any all each some only own same other also more most very
    och att det som är på vad vem vilka vilken vilket hur har för med ska skall om kan inte av
    till gör när var varför finns den de sig mellan enligt jag vi man min mitt mina vår våra
    behöver måste får gäller krävs eller ett en vid hos efter då också bara någon något några
    ingen alla sin sina kommer blir ha vara sker mig oss ni er dig du denna detta dessa
    varje hela samma egen egna annan andra deras dess hennes hans per ens båda övriga
    respektive aktuell aktuella ansvarig ansvariga berörd berörda din ditt dina sitt era
"""


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


_KIND_AFTER = _folded(_KIND_AFTER_WORDS)
_KIND_BEFORE = _folded(_KIND_BEFORE_WORDS)
_DEFINITE_KINDS = _folded("kommunen regionen landstinget")
_KINDS = _KIND_AFTER | _KIND_BEFORE
_FUNCTION = _folded(_FUNCTION_WORDS)
_PARTY_KINDS = _folded(_PARTY_KIND_WORDS)
_MIN_LENGTH = 2
_LOWER_MIN = 4  # a lower-case word before "kommun" is read as a name from this length
_TYPO_MIN = 6  # a name this long may differ from the corpus's by one edit (typo)


@dataclass(frozen=True)
class Name:
    """A name as the question writes it ("Huddinge kommun") and its distinctive words."""

    text: str
    words: tuple[str, ...]


def names_party(name: Name) -> bool:
    """Is ``name`` a public body of the kind an agreement's parties are ("Huddinge kommun",
    "Region Stockholm", "Nacka municipality", "Stockholms stad"): a name joined with a kind word."""
    return any(fold(_POSSESSIVE.sub("", t[0])) in _PARTY_KINDS for t in _TOKEN.finditer(name.text))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _opens(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (or a quote, a parenthesis, a list item)?"""
    before = text[:start].rstrip()
    return not before or before[-1] in _OPENERS


def question_names(text: str, lowered: bool | None = None) -> list[Name]:
    """The names ``text`` uses, in order (pure: nothing of the corpus is asked here).
    ``lowered``: the question was typed in lower case (by default: ``text`` is, but its first
    letter), so a capital says nothing and a word before "kommun" may be a name."""
    tokens = list(_TOKEN.finditer(text))
    if lowered is None:
        lowered = not any(c.isupper() for c in text[1:])
    marks: list[tuple[str, bool]] = []  # (word, is a distinctive name word) per token, or ("", …)
    for i, m in enumerate(tokens):
        word = m[0]
        folded = fold(word)
        nxt = fold(tokens[i + 1][0]) if i + 1 < len(tokens) else ""
        prev = fold(tokens[i - 1][0]) if i else ""
        head = word.split("-", 1)[0]
        bare = _CONTRACTION.sub("", word)
        if (
            folded in _FUNCTION
            or len(word) < _MIN_LENGTH
            or bare != word
            and (fold(bare) in _FUNCTION or len(bare) < _MIN_LENGTH)
        ):
            marks.append(("", False))
        elif "-" in word:
            # "Sjöby-överenskommelsen", "SIP-möte": a capitalised first part names something;
            # a letter ("F-skatt", "U-värde", "E-hälsomyndigheten") or a lower-case one does not.
            named = _capitalised(head) and len(head) >= _MIN_LENGTH
            marks.append(
                (_POSSESSIVE.sub("", head), fold(head) not in _KINDS) if named else ("", False)
            )
        elif fold(_POSSESSIVE.sub("", word)) in _KINDS:
            marks.append((word, False) if _capitalised(word) or prev or nxt else ("", False))
        elif _capitalised(word) and (not _opens(text, m.start()) or word.isupper()):
            marks.append((_POSSESSIVE.sub("", word), True))
        elif (_capitalised(word) or (lowered and len(word) >= _LOWER_MIN)) and (
            _kind_after(nxt, tokens[i + 2][0] if i + 2 < len(tokens) else "")
            or prev in _KIND_BEFORE
        ):
            # "Botkyrka kommun …" first in a sentence; "huddinge kommun" typed in lower case.
            if _capitalised(word) or fold(word) not in _frequent():
                marks.append((_POSSESSIVE.sub("", word), True))
            else:
                marks.append(("", False))
        else:
            marks.append(("", False))
    return _grouped(text, tokens, marks)


def _kind_after(nxt: str, after: str) -> bool:
    """Does the (folded) next word make the word before it a name ("huddinge kommun")? A kind
    word that may open a name ("region") does not when a word other than a function word follows
    it: "vad sysslar region kalmar län" names Region Kalmar län, not "sysslar region"."""
    if nxt not in _KIND_AFTER or nxt in _DEFINITE_KINDS:
        # a definite kind word follows no name: "Skickar kommunen …?" opens with a verb (a
        # read blind set's question, fifty-first session), "Huddinge kommunen" is not written
        return False
    return nxt not in _KIND_BEFORE or not after or fold(after) in _FUNCTION


def _grouped(text: str, tokens: list[re.Match[str]], marks: list[tuple[str, bool]]) -> list[Name]:
    """Neighbouring name words and kind words as one name; a kind word alone is none."""
    names: list[Name] = []
    run: list[int] = []

    def close() -> None:
        words = tuple(marks[j][0] for j in run if marks[j][1])
        if words:
            start, end = tokens[run[0]].start(), tokens[run[-1]].end()
            names.append(Name(_POSSESSIVE.sub("", text[start:end]), words))
        run.clear()

    for i, (word, _) in enumerate(marks):
        # A possessive ends a name: "Botkyrka's SIP guideline" names Botkyrka, then SIP.
        adjacent = (
            run
            and text[tokens[run[-1]].end() : tokens[i].start()].strip() == ""
            and not _POSSESSIVE.search(tokens[run[-1]][0])
        )
        if word and (not run or adjacent):
            run.append(i)
            continue
        close()
        if word:
            run.append(i)
    close()
    return names


@lru_cache(maxsize=1)
def _frequent() -> frozenset[str]:
    """The 10 000 most frequent Swedish words (``svlang``): no place or organisation names."""
    from importlib import resources

    text = (resources.files("svlang") / "data" / "sv_frequency_10k.txt").read_text("utf-8")
    return frozenset(fold(w) for w in text.split() if not w.startswith("#"))


@lru_cache(maxsize=1)
def _proper_glosses() -> frozenset[str]:
    """English one-word glosses Folkets lexikon writes capitalised and never in lower case
    ("Sweden", "Swedish", "Monday"; not "tax"), folded."""
    from importlib import resources

    table = resources.files("svlang") / "data" / "folkets_sv_en.tsv"
    proper: set[str] = set()
    common: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        for gloss in re.split(r"[,;]", line.split("\t", 1)[1]):
            word = gloss.strip()
            if word.isalpha():
                (proper if _capitalised(word) else common).add(word.casefold())
    return frozenset(proper - common)


def _english_renderings(word: str) -> tuple[str, ...] | None:
    """The Swedish renderings of an English word (None: the dictionaries do not list it)."""
    from .lexicon import english_forms, folkets, glossary

    found: list[str] = []
    listed = False
    for form in english_forms(word.casefold()):
        for table in (glossary(), folkets()):
            if form in table:
                listed = True
                found += table[form]
    return tuple(dict.fromkeys(found)) if listed else None


def name_forms(word: str) -> set[str]:
    """A name word folded, with a genitive either side: "Norges" asked of "Norge", "ICORN" of
    "Icorns-program"."""
    folded = fold(_POSSESSIVE.sub("", word))
    forms = {folded, folded + "s"}
    if folded.endswith("s") and len(folded) > 3:
        forms.add(folded[:-1])
    return forms


class NameBook:
    """Whether the corpus mentions a name's words (one per index state, beside the analyser)."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        knows: Callable[[str], bool],
        file_words: frozenset[str] = frozenset(),
    ) -> None:
        """``vocabulary``: the corpus's words (``QueryAnalyzer.vocabulary``); ``knows``: does a
        stemmed term occur in the corpus; ``file_words``: the folded words of the documents'
        file names ("forsakringskassan" of "forsakringskassan_riktlinje.md"). A file name often
        says whose document it is where its text only says "myndigheten" or "vi": a question
        naming that issuer names no stranger. (Not in ``vocabulary``: a folded file word would
        spell a question's "Försäkringskassan" without its diacritics.)"""
        self._vocabulary = vocabulary
        self._knows = knows
        self._file_words = file_words

    @cached_property
    def _long(self) -> list[str]:
        return [w for w in self._vocabulary.by_fold if len(w) >= _TYPO_MIN - 1]

    def knows_word(self, word: str) -> bool:
        """Does the corpus use ``word`` (folded, maybe genitive or inflected, or one typo off)?"""
        folded = fold(_POSSESSIVE.sub("", word))
        forms = name_forms(word)
        if forms & self._vocabulary.by_fold.keys() or forms & self._file_words:
            return True
        stems = terms(folded)
        if stems and all(self._knows(t) for t in stems):
            return True
        return len(folded) >= _TYPO_MIN and bool(nearest(folded, self._long))

    def written(self, name: Name) -> bool:
        """Does the corpus write each of ``name``'s words as such (folded, a genitive either
        side), not only through a stem, a typo or an English rendering?"""
        return all(name_forms(w) & self._vocabulary.by_fold.keys() for w in name.words)

    def absent(self, name: Name, language: str) -> bool:
        """Does the corpus never mention ``name`` (one of its words is nowhere in the texts)?"""
        return any(not self._knows_name_word(w, language) for w in name.words)

    def _knows_name_word(self, word: str, language: str) -> bool:
        if self.knows_word(word):
            return True
        if language != "en":
            return False
        renderings = _english_renderings(word)
        if renderings is None:
            return False
        if any(all(self.knows_word(p) for p in r.split()) for r in renderings):
            return True  # "Sweden" where the texts say "Sverige"
        # An English word the dictionaries list as a common word, typed in title case ("Tax"),
        # is no name; "Norway" (a gloss written capitalised) the texts never render is one.
        return word.casefold() not in _proper_glosses()
