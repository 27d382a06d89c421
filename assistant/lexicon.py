"""The English -> Swedish dictionary behind ``bilingual``: two sources, read once per process.

- **Folkets lexikon** (KTH, CC BY-SA 2.5), as shipped in the ``svlang`` package: 36 000
  Swedish head words with English glosses, indexed here the other way round. It is general
  vocabulary and misses much of the administrative kind ("riktlinje", "landsting" and
  "läkemedel" are absent; "äldre" is only "older").
- **Our public-sector glossary** (``data/en_sv_public_sector.tsv``, written for this project):
  English words and phrases of Swedish administration, agreements, guidelines and care, each
  with its usual administrative Swedish sense first ("notice period" -> "uppsägningstid",
  "elderly" -> "äldre"). Its senses come before Folkets' for the same English key.

English words are looked up as typed and then in a few other forms: without regular
inflection endings ("routines", "notified"), in American spelling ("organisation",
"programme", "centre") and without a possessive ("Botkyrka's").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["GLOSSARY", "english_forms", "folkets", "glossary", "swedish_heads"]

GLOSSARY = "en_sv_public_sector.tsv"

_GLOSS_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_GLOSS_SPLIT = re.compile(r"[,;]")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEADING_ARTICLE = re.compile(r"^(?:to|a|an|the)\s+")
# Regular English inflection: the word as typed first, then without these endings.
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
# A consonant doubled before "-ing"/"-ed" after one short vowel ("tanning", "stopped"); "ll",
# "ss", "ff", "zz" end base forms too ("spelling", "passed"), and stay.
_DOUBLED = re.compile(r"(?<![aeiou])[aeiou]([bdgkmnprt])\1$")
# Irregular English forms -> the form a dictionary lists.
_IRREGULAR_FORMS = """
    paid:pay made:make took:take taken:take chose:choose chosen:choose gave:give given:give
    sent:send held:hold wrote:write written:write met:meet brought:bring bought:buy sold:sell
    told:tell said:say kept:keep left:leave lost:lose found:find began:begin begun:begin
    known:know shown:show done:do went:go gone:go saw:see seen:see ran:run spent:spend
    built:build dealt:deal meant:mean taught:teach thought:think sought:seek set:set put:put
    children:child people:person women:woman men:man analyses:analysis criteria:criterion
    bodies:body lives:life
"""
_IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR_FORMS.split())
# British -> American spelling (Folkets glosses are mostly American): suffix rewrites.
_SPELLING = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("our", "or"),
    ("ours", "ors"),
    ("ourable", "orable"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("elled", "eled"),
    ("elling", "eling"),
)


def _plain(text: str) -> str:
    """Lower case without accents ("rôle" -> "role")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_forms(word: str) -> list[str]:
    """One word as typed, respelled (British -> American), each without inflection endings."""
    spellings = [word] + ([_IRREGULAR[word]] if word in _IRREGULAR else [])
    for old, new in _SPELLING:
        if word.endswith(old) and len(word) > len(old) + 2:
            spellings.append(word[: -len(old)] + new)
    forms: list[str] = []
    for spelled in spellings:
        forms.append(spelled)
        for ending, replacement in _ENDINGS:
            if spelled.endswith(ending) and len(spelled) - len(ending) >= 3:
                stem = spelled[: -len(ending)]
                forms.append(stem + replacement)
                if ending in ("ing", "ed") and not replacement and _DOUBLED.search(stem):
                    forms.append(stem[:-1])  # "tanning" -> "tan", "planned" -> "plan"
    return forms


def english_forms(phrase: str) -> list[str]:
    """``phrase`` (lower case) and the forms it may be listed under, most literal first.

    A possessive "'s" is dropped; the last word and, in a phrase, the first are inflected or
    respelled ("notice periods" -> "notice period", "followed up" -> "follow up").
    """
    words = re.sub(r"['’]s\b", "", phrase).split()
    if not words:
        return []
    if len(words) == 1:
        return list(dict.fromkeys(_word_forms(words[0])))
    middle = " ".join(words[1:-1])
    middle = f" {middle} " if middle else " "
    forms = [
        first + middle + last for first in _word_forms(words[0]) for last in _word_forms(words[-1])
    ]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def folkets() -> dict[str, tuple[str, ...]]:
    """English gloss (one to three words, lower case) -> Swedish head words, in file order."""
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
        for gloss in _GLOSS_SPLIT.split(_plain(glosses)):
            if "(" in gloss:
                gloss = _PARENTHESES.sub(" ", gloss)
            gloss = _LEADING_ARTICLE.sub("", gloss.strip())
            key = " ".join(_GLOSS_WORD.findall(gloss))
            if key and len(key.split()) <= 3:
                heads = out.setdefault(key, [])
                if swedish not in heads:
                    heads.append(swedish)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def swedish_heads() -> frozenset[str]:
    """Folkets lexikon's one-word Swedish head words, folded (``folding.fold``): the common
    words of the language, without inflected forms and (nearly) without names."""
    from .folding import fold

    return frozenset(fold(h) for heads in folkets().values() for h in heads)


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """Our public-sector glossary: English word or phrase -> Swedish renderings, usual first."""
    text = (resources.files("assistant") / "data" / GLOSSARY).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        english, swedish = line.split("\t", 1)
        senses = out.setdefault(" ".join(_plain(english).split()), [])
        senses += [s.strip() for s in swedish.split("|") if s.strip() and s.strip() not in senses]
    return {k: tuple(v) for k, v in out.items()}
