"""A fixed lift for passages that pass a test, each passage tested once per question.

Retrieval adds small lifts to the fused score of passages of a kind the question asks for
(``rescoring.AnswerTypeLift``: the answer type; ``definitions.DefinitionLift``: a definition
of the asked term); both read a passage once per question however often it is scored. Two
fixed ones: a passage of a document the question points at (``preferred``) and one holding a
phrase the question quotes (``quoting``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .folding import fold

__all__ = ["PREFER_BONUS", "QUOTED_BONUS", "PassageLift", "preferred", "quoting"]

# A passage of a document the question points at (by name or party): enough to win a close
# call, not to bury a clearly better match.
PREFER_BONUS = 0.03
# A passage holding a phrase the question quotes ("… räknas som ”annan fastighet”?": the asker
# cites the text's words) gets the same lift as a document the question points at: a close call
# won, a clearly better match not buried. Words alone cannot: "fastighet" is in every passage of
# a taxa, and "annan" is a stop word.
QUOTED_BONUS = 0.03


def preferred(source: str, prefer: Collection[str] | None) -> float:
    """``PREFER_BONUS`` for a passage of a document in ``prefer``, else 0."""
    return PREFER_BONUS if prefer and source in prefer else 0.0


def quoting(text: str, quoted: Collection[str]) -> float:
    """``QUOTED_BONUS`` for a passage whose (folded) text holds a phrase the question quotes
    (``quoted``, folded), else 0."""
    if quoted and any(q in fold(" ".join(text.split())) for q in quoted):
        return QUOTED_BONUS
    return 0.0


class PassageLift:
    """``weight`` for a passage whose text passes ``test``, else 0; no test (None) lifts
    nothing. Called as ``lift(passage id, passage text)``; the result is kept per id."""

    def __init__(self, test: Callable[[str], bool] | None, weight: float) -> None:
        self.test = test
        self.weight = weight
        self._seen: dict[str, float] = {}

    def __call__(self, pid: str, text: str) -> float:
        if self.test is None:
            return 0.0
        if pid not in self._seen:
            self._seen[pid] = self.weight if self.test(text) else 0.0
        return self._seen[pid]
