"""What a question asks for, read again for the decision's features (``features``).

The analyser reads a question once (``Query``); two of its readings are taken again here, where
the evidence is weighed. An English question's focus is rendered in Swedish keeping also the
translations the read passages hold only inside compounds, since the whole-word rendering
(``bilingual``) drops them and the thing asked for would count as absent. And a "när/when" that
opens a clause asks for no date, so the answer type is read again without it (``intent``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .bilingual import swedish_rendering
from .compounds import LINKS, MIN_PART, compound_match
from .folding import fold
from .intent import wanted_answer
from .lexical import stem_word, terms, uses_word

__all__ = ["focus_rendering", "held", "wanted_type"]


def _modifier_known(word: str, head: str, known: Callable[[str], bool]) -> bool:
    """Is the rest of ``word`` (a stem as written) before its ``head`` (folded) a word the
    corpus knows, with or without a linking letter? A rest too short to be a word is no
    evidence either way (True)."""
    rest = word[: len(word) - len(head)] if len(fold(word)) == len(word) else ""
    if len(rest) < MIN_PART:
        return True
    forms = {rest, rest[:-1]} if rest.endswith(LINKS) else {rest}
    # The stemmer cuts a word alone and inside a text differently ("plats" -> "plat", "platser"
    # -> "plats"): both forms are asked.
    return any(known(s) for f in forms if len(f) >= MIN_PART for s in {f, stem_word(f)})


def held(word: str, read_terms: set[str], known: Callable[[str], bool]) -> bool:
    """Does a folded read term name the (stemmed, as written) ``word``, counting compounds
    (``compound_match``), but not only by its head when the corpus never uses its first part:
    "påminnelseavgift" is not held by "avgift" in a text without "påminnelse" (a reminder
    fee is a fee the text does not name), "platsantal" is by "antal" where "plats" is used."""
    folded = fold(word)
    for term in read_terms:
        if not compound_match(folded, term):
            continue
        if folded != term and folded.endswith(term) and not _modifier_known(word, term, known):
            continue
        return True
    return False


# --- an English focus, rendered -------------------------------------------------------------------


def focus_rendering(
    language: str, known: Callable[[str], bool], read_terms: set[str]
) -> Callable[[str], str] | None:
    """For an English question's focus: its Swedish words, keeping also a translation that the
    passages read hold only inside compounds ("poetry" -> "poesi" in "poesifestival"), which the
    whole-word rendering drops, so the thing asked for counted as absent from the texts."""
    if language != "en":
        return None

    def used(word: str) -> bool:
        if uses_word(known, word):
            return True
        stems = terms(word)
        return bool(stems) and all(held(s, read_terms, known) for s in stems)

    return lambda text: swedish_rendering(text, used)


# --- the answer type, read again -----------------------------------------------------------------

# "när/when" opening a clause, not asking: "… när jag vaccinerar mig?", "… när det gäller X?",
# "Does reverse VAT apply when a builder …?". A question's "när" opens it (or a clause after
# "och", "men" or a comma) and is followed by its verb, a clause's by its subject.
# A time adverb may come first: "Senast när ska …?", "Tidigast när …?", "By when must …?".
_WHEN = re.compile(
    r"(?:^|\b(?:och|men|and|but)\s+|[,;:]\s*)"
    r"(?:(?:sedan|fran|till|senast|tidigast|ungefar|since|until|from|by)\s+)?"
    r"(?:nar|when)\s+(\w+)"
)
_SUBJECTS = frozenset(  # "var" (vår) is left out: "När var …?" asks
    re.findall(
        r"\w+",
        "jag du man vi ni han hon hen den det de en ett min din sin hans hennes deras er mitt "
        "ditt sitt i you we they he she it a an the my your our their",
    )
)
_DATE_ASKED = re.compile(r"vilket datum|what date|vilket ar\b|which year|what year")


def wanted_type(query: Any) -> str | None:
    """``Query.wants``, but a "när/when" that opens a clause asks for no date: the type is
    read again without it ("Hur mycket får man … när man anställer en lärling?" an amount)."""
    if query.wants != "date" or _DATE_ASKED.search(query.folded):
        return query.wants
    if any(m.group(1) not in _SUBJECTS for m in _WHEN.finditer(query.folded)):
        return "date"
    return wanted_answer(re.sub(r"\b(?:nar|when)\b", " ", query.folded))
