"""English questions over Swedish texts: the question's words rendered in Swedish, word by word.

multilingual-e5-small puts an English question near its Swedish answer, but less near than the
same question in Swedish (byggfaq: R@3 0.58 in English, 0.74 in Swedish). A rough Swedish
rendering of the question (content words looked up in Folkets lexikon, keeping only Swedish
words the corpus uses) is embedded too and mixed with the question's own vector in
``retrieve``. The dictionary is Folkets lexikon (KTH, CC BY-SA 2.5), as shipped in the
``svlang`` package: read from the installed package, nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

__all__ = ["english_to_swedish", "swedish_rendering"]

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_GLOSS_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_GLOSS_SPLIT = re.compile(r"[,;]")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEADING_ARTICLE = re.compile(r"^(?:to|a|an|the)\s+")
# English function and question words: never looked up (their Swedish glosses are noise).
_EN_STOP_WORDS = """
    a an the of to in on for by with at from and or is are was were be been being do does
    did what which who whom whose when where why how that this these those it its i me my we
    our you your he she they them their his her there here can could may might must shall
    should will would not no yes if than then so as about into over under after before up
    down out any all each some such only own same other also just more most very too much
    many have has had get gets one ones whether between per
"""
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
# Naive English inflection: try the word as typed first, then without these endings.
_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
)


@lru_cache(maxsize=1)
def english_to_swedish() -> dict[str, tuple[str, ...]]:
    """English gloss (one to three words, lower case) -> Swedish head words, in dictionary order."""
    table = resources.files("svlang") / "data" / "folkets_sv_en.tsv"
    out: dict[str, list[str]] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        swedish, glosses = line.split("\t", 1)
        # "bygg|lov" marks a compound's parts; multi-word Swedish entries are not rendered.
        swedish = swedish.replace("|", "").strip().casefold()
        if " " in swedish or not swedish.isalpha():
            continue
        for gloss in _GLOSS_SPLIT.split(glosses):
            if "(" in gloss:
                gloss = _PARENTHESES.sub(" ", gloss)
            gloss = _LEADING_ARTICLE.sub("", gloss.strip().casefold())
            key = " ".join(_GLOSS_WORD.findall(gloss))
            if key and len(key.split()) <= 3:
                heads = out.setdefault(key, [])
                if swedish not in heads:
                    heads.append(swedish)
    return {k: tuple(v) for k, v in out.items()}


def _forms(phrase: str) -> list[str]:
    forms = [phrase]
    for ending, replacement in _ENDINGS:
        if phrase.endswith(ending) and len(phrase) - len(ending) >= 3:
            forms.append(phrase[: -len(ending)] + replacement)
    return forms


def swedish_rendering(
    question: str, known: Callable[[str], float], per_word: int = 2, by_use: bool = False
) -> str:
    """The question with its English content words replaced by Swedish words the corpus knows.

    Phrases of up to three words are looked up first ("building permit" -> "bygglov"); each
    keeps at most ``per_word`` translations for which ``known`` is true (non-zero). With
    ``by_use``, ``known`` says how much the corpus uses a word (e.g. in how many passages) and
    the most used translations are kept: the sense the texts are about ("notice" in an
    agreement is "uppsägning" more often than "kallelse"), dictionary order breaking ties.
    English function words are dropped; a word with no such translation (a name, a Swedish
    term, an English word the corpus has no Swedish for) is kept as typed.
    """
    dictionary = english_to_swedish()
    words = _WORD.findall(question)
    lower = [w.casefold() for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        hit: tuple[int, list[str]] | None = None
        if lower[i] not in _EN_STOP:
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                for form in _forms(" ".join(lower[i : i + n])):
                    if form in dictionary:
                        uses = {w: known(w) for w in dictionary[form]}
                        found = [w for w in dictionary[form] if uses[w]]
                        if by_use:
                            found.sort(key=lambda w: -uses[w])  # stable: ties keep their order
                        # A phrase counts only if it yields words; a single word always does.
                        if found or n == 1:
                            hit = (n, found)
                            break
                if hit:
                    break
        if hit and hit[1]:
            out += hit[1][:per_word]
            i += hit[0]
            continue
        if lower[i] not in _EN_STOP:
            out.append(words[i])
        i += hit[0] if hit else 1
    return " ".join(out)
