"""Avtalsassistenten: answers questions about public agreement texts with cited passages.

>>> from assistant import Assistant
>>> Assistant().ask("Vad gör regionen inom Skapande skola?").answer  # doctest: +SKIP
"""

from .config import Settings
from .core import Assistant
from .errors import (
    AssistantError,
    ChromaUnavailableError,
    CorpusNotFoundError,
    DocumentNotFoundError,
    EmbeddingModelError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from .question_text import InvalidQuestionError
from .results import Answer, Citation, Passage

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "ChromaUnavailableError",
    "Citation",
    "CorpusNotFoundError",
    "DocumentNotFoundError",
    "EmbeddingModelError",
    "IndexBusyError",
    "IndexModelMismatchError",
    "IndexNotFoundError",
    "InvalidQuestionError",
    "Passage",
    "Settings",
]
