"""The question as typed: what it must be before anything reads it (text, not empty, not too
long), and the cleaning every question gets first."""

from __future__ import annotations

from .errors import AssistantError
from .folding import INVISIBLE

__all__ = ["MAX_QUESTION_CHARS", "InvalidQuestionError", "validate_question"]

MAX_QUESTION_CHARS = 2000


class InvalidQuestionError(AssistantError, ValueError):
    """The question is empty, too long or not text."""


def validate_question(question: object) -> str:
    """The question, stripped of control characters; raises ``InvalidQuestionError`` if unusable."""
    if not isinstance(question, str):
        raise InvalidQuestionError("The question must be text.")
    # Invisible characters (a zero-width space inside a word) go; other control characters
    # separate words.
    question = question.translate(INVISIBLE)
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in question).strip()
    if not cleaned:
        raise InvalidQuestionError("Ask a question: the text is empty.")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise InvalidQuestionError(
            f"The question is {len(cleaned)} characters long; keep it under {MAX_QUESTION_CHARS}."
        )
    return " ".join(cleaned.split())
