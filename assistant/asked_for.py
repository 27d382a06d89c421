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
from .compounds import compound_match
from .folding import fold
from .intent import wanted_answer
from .lexical import terms, uses_word

__all__ = ["focus_rendering", "wanted_type"]


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
        stems = [fold(t) for t in terms(word)]
        return bool(stems) and all(any(compound_match(s, t) for t in read_terms) for s in stems)

    return lambda text: swedish_rendering(text, used)


# --- the answer type, read again -----------------------------------------------------------------

# "när/when" opening a clause, not asking: "… när jag vaccinerar mig?", "… när det gäller X?",
# "Does reverse VAT apply when a builder …?". A question's "när" opens it (or a clause after
# "och", "men" or a comma) and is followed by its verb, a clause's by its subject.
_WHEN = re.compile(
    r"(?:^|\b(?:och|men|and|but)\s+|[,;:]\s*)(?:(?:sedan|fran|till|since|until|from)\s+)?"
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
