"""A name the question uses that another document mentions and the answering one never does.

"Does Sundsvall's food policy ban nuts?" of a corpus holding Sundsvall's open-source guideline and
Botkyrka's food policy: the best sentences (Botkyrka's, on nuts) are close, every topic word is
known, and "Sundsvall" is no absent name (``Query.absent_names``): the corpus mentions it. But
the document that would answer never does. When a name of the question stands in some other
document of the corpus and in none of the documents the answer would cite, the answer is about
someone or something else than asked: refused, decided after the model like the absent party
(``answer.py``). A name no document writes as such (an English rendering, "Sweden") is left to
the model: it cannot be placed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .folding import fold
from .names import name_forms

__all__ = ["another_body", "document_words", "named_elsewhere"]

_WORD = re.compile(r"[^\W_]+", re.U)
# One document's folded words, by (source, text size): re-read when the document changes.
_CACHE: dict[tuple[str, int], frozenset[str]] = {}


def document_words(doc: Any) -> frozenset[str]:
    """The folded, lower-case words of a stored document: title, file name, card, pages and the
    lines layout removed (a letterhead says whose document it is)."""
    parts = [doc.title, doc.source, doc.card, *doc.pages, *getattr(doc, "removed", [])]
    key = (doc.source, sum(map(len, parts)))
    if key not in _CACHE:
        if len(_CACHE) > 512:
            _CACHE.clear()
        text = " ".join(parts)
        # Folded ("AB 04" is one identifier, "ab04") and as written ("ab", "04"): a name asked
        # as "AB" is found either way.
        _CACHE[key] = frozenset(_WORD.findall(fold(text).casefold())) | frozenset(
            _WORD.findall(fold(text.casefold()).replace("-", " "))
        )
    return _CACHE[key]


def _has(words: frozenset[str], word: str) -> bool:
    """Does a document write ``word`` (folded), or its genitive, or it without one?"""
    return not name_forms(word).isdisjoint(words)


def named_elsewhere(
    name_words: Iterable[tuple[str, ...]],
    cited: Iterable[str],
    documents: Mapping[str, Any],
) -> tuple[str, ...]:
    """The names (their words joined) none of the ``cited`` sources writes; () when every name
    stands in a cited document.

    ``name_words``: the words of the names the corpus writes as such (``Query.name_words``:
    ``NameBook.written``), so a name no cited document writes stands in another one. Only the
    cited documents are read word by word: a corpus of thousands is never scanned per question."""
    names = [words for words in name_words if words]
    cited_words = [document_words(documents[s]) for s in dict.fromkeys(cited) if s in documents]
    if not names or not cited_words:
        return ()
    out = [
        " ".join(words)
        for words in names
        if not any(all(_has(dw, w) for w in words) for dw in cited_words)
    ]
    return tuple(out)


# A public body named with its kind, as the texts write parties: "Malung-Sälens kommun",
# "Vansbro kommun", "Region Dalarna", "Stockholms stad".
_BODY = re.compile(
    r"\b[A-ZÅÄÖ][\w-]*\s+(kommun|region|län|landsting|stad)s?\b|"
    r"\b(Region|Landstinget)\s+[A-ZÅÄÖ][\w-]*"
)


def _kind(match: re.Match[str]) -> str:
    return (match.group(1) or match.group(2)).casefold()


def another_body(names: Iterable[str], quotes: Iterable[str]) -> tuple[str, ...]:
    """The public bodies the question names (``Query.names``: "Malung-Sälens kommun") that no
    quote names, while a quote names another body of the same kind ("Vansbro kommun är
    delägare i Dalatrafik med 1,3%"): the fact quoted is that body's, not the one asked about
    (an on-topic question a read blind set's helper wrote: the same fact of another party).
    () when each named body is quoted, or no other body of its kind is."""
    text = " ".join(quotes)
    quoted = fold(text).casefold()
    kinds = {_kind(m) for m in _BODY.finditer(text)}
    out = []
    for name in names:
        asked = _BODY.search(name)
        if asked is None or _kind(asked) not in kinds:
            continue
        own = [w for w in _WORD.findall(fold(name).casefold()) if w not in _KIND_WORDS]
        # each of the name's own words by its first five letters, a genitive's "s" off
        # ("malung", "salens" -> "malun", "salen"): "Malung-Sälen" in a quote is the body
        if own and not any(re.search(rf"\b{re.escape(w.rstrip('s')[:5])}", quoted) for w in own):
            out.append(name)
    return tuple(out)


_KIND_WORDS = frozenset(
    (
        "kommun",
        "kommuns",
        "region",
        "regions",
        "lan",
        "lans",
        "landsting",
        "landstinget",
        "landstingets",
        "stad",
        "stads",
    )
)
