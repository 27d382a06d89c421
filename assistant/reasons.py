"""Why-questions and the sentences that give a reason.

"Varför är salmonella hos människor oftare resistent än hos djur?" was answered with "Salmonella
från invasiva infektioner hos människor är mer ofta resistenta än isolat från djur i Sverige.",
the question's own premise; the reason stands beside it ("Detta beror troligen på att en stor
andel av fallen hos människor är smittade utomlands …"). A sentence that says why — its cause
("beror på", "på grund av", "eftersom", "because", "due to") or its purpose ("för att", "in
order to") — is the form a why-question asks for, as a list's lead is for "Vilka …?"
(``sentence_scores``, read blind set heldout122, fifty-second session). A reason that points back
at the quote ("Detta beror …") is quoted after it (``with_reason_after``).
"""

from __future__ import annotations

import re
from typing import Any

from .choice import MAX_SENTENCES
from .sentence_context import with_next

__all__ = ["gives_reason", "reason_asked", "with_reason_after"]

# Folded (``folding``): "varfor", not "varför".
_ASKED = re.compile(
    r"(?:^|[,;:]\s*|\boch\s+)(?:varfor|av vilken (?:anledning|orsak)|vad beror det pa|"
    r"vad ar (?:anledningen|orsaken|skalet|syftet)|why|for what reason|what is the reason)\b"
)
_REASON = re.compile(
    r"\b(?:beror (?:\w+ )?på|på grund av|pga\.?|eftersom|därför att|därför|anledning\w*|"
    r"orsak\w*|skäl\w*|syfte\w*|för att|till följd av|(?:som )?en följd av|med tanke på|"
    r"förklara[rs]|förklaring\w*|because|due to|owing to|as a result|explained by|"
    r"in order to|so that|the reason|reasons?)\b",
    re.I,
)

# A sentence that continues the one before it by pointing back: "Detta beror på …", "Det är
# därför …", "Anledningen är …", "This is because …".
_POINTS_BACK = re.compile(
    r"(?:detta|det|denna|dessa|anledningen|orsaken|skälet|syftet|this|that|the reason)\b", re.I
)


def reason_asked(folded: str) -> bool:
    """Does the (folded, lower-case) question ask why ("Varför …?", "Vad är syftet …?",
    "Why …?")?"""
    return bool(_ASKED.search(folded.strip()))


def gives_reason(text: str) -> bool:
    """Does ``text`` (a sentence as written) state a cause or a purpose (``_REASON``)?"""
    return bool(_REASON.search(text))


def with_reason_after(folded: str, chosen: list[Any], candidates: list[Any]) -> list[Any]:
    """``chosen`` (scored sentences, best first) with the sentence after a quote when the
    (folded) question asks why, no quote gives a reason and that sentence does, pointing back
    at the quote (``_POINTS_BACK``): "Salmonella … hos människor är mer ofta resistenta än
    isolat från djur i Sverige." then "Detta beror troligen på att …". Unchanged otherwise."""
    if not reason_asked(folded) or any(gives_reason(c.text) for c in chosen):
        return chosen
    return with_next(chosen, candidates, _reason_back, MAX_SENTENCES)


def _reason_back(text: str) -> bool:
    """A reason that points back at the sentence before it ("Detta beror på …")."""
    return gives_reason(text) and bool(_POINTS_BACK.match(text))
