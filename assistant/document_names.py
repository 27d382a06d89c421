"""Which documents a question names: by file name, title, short name or title words.

``DocumentName`` holds the ways a question can name one document (its file names, its title with
and without numbers, the distinctive words of its title and parties); ``DocumentBook`` asks them
of a question for one index state: the documents it names (``named``), the question without the
names that chose them (``without_names``), the documents whose title holds a document fact's topic
(``titled_by``, ``titled_in_english``) and those it points at by title words (``preferred``).
``resolve_source`` is the document a caller names (``Assistant.resolve_document``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from .bilingual import Parts
from .errors import DocumentNotFoundError
from .folding import fold
from .intent import fact_terms, frame_terms
from .lexical import terms

__all__ = ["SHORT_NAME", "DocumentBook", "DocumentName", "resolve_source"]

# Title words every agreement has: they name no document in particular.
_GENERIC_TITLE_WORDS = "överenskommelse mellan och kommun region avtal dokument"
# A short name is a distinctive name joined to a kind of document: "Sjöby-överenskommelsen".
_KIND_WORDS = (
    r"overenskommelse\w*|avtal\w*|lag|lagen|policy\w*|riktlinje\w*|regler\w*|regel\w*|"
    r"dokument\w*|plan|planen|agreement|policy|act|guideline\w*|rules"
)
SHORT_NAME = re.compile(rf"(?<![\w-])([^\W\d_][\w]*)-(?:{_KIND_WORDS})(?![\w-])")
_FILE_TOKEN = re.compile(r"[\w][\w.-]*[\w]")
_MIN_TITLE = 8
# A name of one plain word ("bygglov.md", a document titled "Strandskydd") is as often the
# question's topic as its document: it names the document only with a cue that a document is
# meant: the name is itself a kind of document ("kostpolicy", "bibliotekslag"), it is written
# as a proper name (a capital inside the sentence: "Vad är Arbetsmiljösatsningen?"), it stands
# after words that point into a text ("enligt", "according to", "står det i"), between quotes,
# or before a word for a document or file ("X-dokumentet" is a short name, below). Without a cue the document is only preferred
# (``preferred`` reads its title words), and its word stays in what is searched for.
_KIND_END = re.compile(
    r"(?:overenskommelse|avtal|lag|lagen|policy|policyn|riktlinje|riktlinjen|regler|reglerna|"
    r"reglemente|rutin|rutinen|plan|planen|program|programmet|strategi|strategin|stadga|"
    r"bilaga|bilagan|agreement|act|guideline|guidelines|rules)$"
)
# Words before a name that point into a text: "enligt X", "according to X", "står det i X",
# "Vad säger X om …".
_POINTING = (
    r"(?:enligt|according\s+to|sager|anger|(?:star|stod|sags|anges|framgar|namns|skrivs|says|said|stated|"
    r"written|mentioned)(?:\s+\w+)?\s+(?:i|in))"
)
_QUOTES = "\"'«»“”„‘’"
# Words after a name that make it a document's: "X-dokumentet" is a short name, "X säger".
_AFTER = r"(?:dokument\w*|filen|file|document|texten|sager|says|anger|states)"


@dataclass(frozen=True)
class DocumentName:
    """The ways a question names one document."""

    source: str
    title: str
    files: tuple[str, ...]  # folded: path, file name, file name without extension
    name_terms: frozenset[str]  # stemmed, folded distinctive words of title, parties, file name
    titles: tuple[str, ...] = ()  # folded: the title, and without its numbers ("bibliotekslag")

    @classmethod
    def of(cls, source: str, title: str, parties: Iterable[str]) -> DocumentName:
        name = source.rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0] if "." in name else name
        # The file name's words too: a title read from the text ("Projektledare inom IT") may
        # leave out whose document it is, which a file name often says ("…-gotlandshem.txt").
        words = " ".join([title, *parties, re.sub(r"[-_.]+", " ", stem)])
        generic = set(terms(fold(_GENERIC_TITLE_WORDS)))
        named = {t for t in terms(fold(words)) if not t.isdigit()} - generic
        files = tuple(dict.fromkeys(map(fold, (source, name, stem))))
        folded = fold(title)
        bare = re.split(r"[(\d–—:]", folded, maxsplit=1)[0].strip(" -,.")
        titles = tuple(t for t in dict.fromkeys((folded, bare)) if len(t) >= _MIN_TITLE)
        return cls(source, title, files, frozenset(named), titles)


class DocumentBook:
    """The indexed documents' names, asked of one question at a time (beside the analyser)."""

    def __init__(self, documents: list[DocumentName]) -> None:
        self.documents = documents
        # Every document's file names, once: asked of each question's words.
        self._files = frozenset(f for d in documents for f in d.files)
        self._by_term: dict[str, set[str]] = {}
        for doc in documents:
            for t in doc.name_terms:
                self._by_term.setdefault(t, set()).add(doc.source)

    def named(self, folded: str, text: str = "") -> list[str]:
        """Documents named by file name (with or without extension), full title or short name;
        a name of one plain word only with a cue that it names a document (``_names``).
        ``text``: the question as written (its capitals), of which ``folded`` is the fold."""
        found: list[str] = []
        proper = _proper_words(text)
        tokens = set(_FILE_TOKEN.findall(folded))
        for doc in self.documents:
            # A substring test first: a regex per title and question cost 400 ms per question
            # at 1 000 documents (`make bench`); the boundary check only where a title stands.
            titled = [
                t
                for t in doc.titles
                if t in folded and re.search(rf"(?<![\w-]){re.escape(t)}", folded)
            ]
            if any(_names(n, folded, proper) for n in [*tokens.intersection(doc.files), *titled]):
                found.append(doc.source)
        for m in SHORT_NAME.finditer(folded):
            stems = set(terms(m[1]))
            owners = {s for t in stems for s in self._by_term.get(t, ())}
            if len(owners) == 1:
                found += owners
        return list(dict.fromkeys(found))

    def without_names(self, text: str) -> str:
        """The question without the file names that named its document, and with a short name
        reduced to its head noun ("Sjöby-överenskommelsen" -> "överenskommelsen"): they choose
        the document, they are not what is asked about it; the head noun keeps the question a
        sentence ("Vad säger överenskommelsen om …", not "Vad säger om …"), which its embedding
        and so the decision need (measured on a field case: top score 0.855 -> 0.905)."""
        kept: list[str] = []
        folded, proper = fold(text), _proper_words(text)
        for word in text.split():
            token = word.strip("?!.,;:\"'()”“")
            if token and fold(token) in self._files and _names(fold(token), folded, proper):
                continue
            if token and SHORT_NAME.fullmatch(fold(token)):
                word = word.replace(token, token.split("-", 1)[1])
            kept.append(word)
        return " ".join(kept) if kept else text

    def titled_by(self, topic: list[str]) -> list[str]:
        """Documents whose title holds every topic term (none when there are no terms)."""
        if not topic:
            return []
        owners = [self._title_terms.get(d.source, set()) for d in self.documents]
        return [
            d.source
            for d, own in zip(self.documents, owners, strict=True)
            if all(_in_title(t, own) for t in topic)
        ]

    def titled_in_english(self, parts: Parts) -> list[str]:
        """``titled_by`` in English: every content part ("youth centres") of the question's
        Swedish rendering (``parts``: ``bilingual.Renderer.parts``) has a Swedish word of its
        rendering, or its own, in the title ("Överenskommelse om fritidsgårdar …")."""
        skip = fact_terms() | frame_terms()
        wanted = [[set(terms(w)) for w in sv] for en, sv in parts if not set(terms(en)) <= skip]
        if not wanted:
            return []
        return [
            d.source
            for d in self.documents
            if all(
                any(t and t <= self._title_terms.get(d.source, set()) for t in senses)
                for senses in wanted
            )
        ]

    @cached_property
    def _title_terms(self) -> dict[str, set[str]]:
        # "Hemtjänst-Hemgångsteam" in a title is one term, in a question two words.
        return {
            d.source: set(terms(d.title)) | set(terms(d.title.replace("-", " ")))
            for d in self.documents
        }

    def preferred(self, folded: str) -> list[str]:
        """Documents a question points at by title words or party names, if not all of them."""
        named = {s for t in set(terms(folded)) for s in self._by_term.get(t, ())}
        return sorted(named) if named and len(named) < len(self.documents) else []


class _Named(Protocol):
    @property
    def source(self) -> str: ...

    @property
    def title(self) -> str: ...


def resolve_source(docs: Sequence[_Named], name: str) -> str:
    """The source path of the document ``name`` names: its path or file name, else the one
    document whose path or title holds it (``DocumentNotFoundError``: none, or several)."""
    wanted = fold(name)
    for doc in docs:
        if wanted in (fold(doc.source), fold(doc.source.rsplit("/", 1)[-1])):
            return doc.source
    hits = [d for d in docs if wanted in fold(d.source) or wanted in fold(d.title)]
    if len(hits) == 1:
        return hits[0].source
    names = ", ".join(d.source for d in docs)
    problem = "matches several documents" if hits else "matches no indexed document"
    raise DocumentNotFoundError(f"'{name}' {problem}; use one of: {names}.")


def _proper_words(text: str) -> set[str]:
    """The folded words ``text`` writes with a capital inside a sentence (not first in it)."""
    found: set[str] = set()
    for sentence in re.split(r"[.!?:]\s+", text):
        found |= {fold(w) for w in re.findall(r"\w+", sentence)[1:] if w[:1].isupper()}
    return found


def _names(name: str, folded: str, proper: set[str]) -> bool:
    """Does ``name`` (a file name or title found in the folded question) name its document? A
    name of one plain word only with a cue (see ``_KIND_END``): otherwise it is a topic word."""
    if not re.fullmatch(r"[^\W\d_]+", name) or _KIND_END.search(name):
        return True
    if any(w.startswith(name) and len(w) - len(name) <= 3 for w in proper):
        return True
    word, quote = re.escape(name), f"[{re.escape(_QUOTES)}]"
    cued = (
        rf"{_POINTING}\s+{quote}?{word}(?!\w)|{quote}{word}\w*{quote}"
        rf"|(?<![\w-]){word}\w*\s+{_AFTER}(?!\w)"
    )
    return re.search(cued, folded) is not None


def _in_title(term: str, title_terms: set[str]) -> bool:
    """A question's term is a title's: the same stem, or the stem with an inflection the stemmer
    keeps ("bilagan" beside the title's "Bilaga": Snowball's Swedish stemmer strips "-a" but
    not the definite "-an")."""
    return term in title_terms or any(
        len(u) >= 4 and term.startswith(u) and len(term) - len(u) <= 2 for u in title_terms
    )
