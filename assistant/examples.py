"""Questions that ask for examples, and the sentences that give them.

"Ge exempel på fartyg i svenska registret som i dag står utanför sjöfartsstödet." was answered
with "Samtidigt finns … ett antal s.k. specialfartyg som inte omfattas … och som därför inte får
sjöfartsstöd i dag.", which names the kind; the examples follow it ("Det handlar om t.ex.
kabelläggningsfartyg och mätfartyg."). A sentence that gives examples marks them ("t.ex.", "till
exempel", "exempelvis", "bland annat", "såsom", "e.g.", "for example", "such as"); when the
quotes hold none and the sentence after one of them does, it is quoted beside it, as a
reason is for a why-question (``reasons``; read set heldout115, fifty-ninth session).
"""

from __future__ import annotations

import re
from typing import Any

from .choice import MAX_SENTENCES
from .sentence_context import with_next

__all__ = ["examples_asked", "gives_examples", "with_examples_after"]

# Folded (``folding``): "nagra", not "några".
_ASKED = re.compile(
    r"\b(?:ge|nämn|namn|name|give|list)\s+(?:garna\s+|mig\s+|me\s+)?(?:nagra\s+|ett\s+|"
    r"nagot\s+|some\s+|an\s+|a few\s+)?(?:exempel|examples?)\b|"
    r"\b(?:vilka|vad finns det for|what are some|what are)\s+(?:\w+\s+)?(?:exempel|examples)\b"
)
_GIVES = re.compile(
    r"\b(?:t\.\s?ex\.?|till exempel|exempelvis|bland annat|bl\.\s?a\.|såsom|som exempel|"
    r"exempel på|e\.\s?g\.|for example|for instance|such as|including)(?!\w)",
    re.I,
)


def examples_asked(folded: str) -> bool:
    """Does the (folded, lower-case) question ask for examples ("Ge exempel på …", "Kan du ge
    några exempel …?", "Give some examples of …", "What are some examples …?")?"""
    return bool(_ASKED.search(folded))


def gives_examples(text: str) -> bool:
    """Does ``text`` (a sentence as written) mark examples (``_GIVES``)?"""
    return bool(_GIVES.search(text))


def with_examples_after(folded: str, chosen: list[Any], candidates: list[Any]) -> list[Any]:
    """``chosen`` (scored sentences, best first) with the sentence after a quote when the
    (folded) question asks for examples, no quote gives any and that sentence does. Unchanged
    otherwise."""
    if not examples_asked(folded):
        return chosen
    return with_next(chosen, candidates, gives_examples, MAX_SENTENCES)
