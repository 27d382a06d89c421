"""A fixed lift for passages that pass a test, each passage tested once per question.

Retrieval adds small lifts to the fused score of passages of a kind the question asks for
(``rescoring.AnswerTypeLift``: the answer type; ``definitions.DefinitionLift``: a definition
of the asked term); both read a passage once per question however often it is scored.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["PassageLift"]


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
