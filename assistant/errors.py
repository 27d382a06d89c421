"""The exceptions the assistant raises; each message says how to fix the problem."""

from __future__ import annotations

__all__ = [
    "AssistantError",
    "CorpusNotFoundError",
    "IndexNotFoundError",
    "IndexBusyError",
    "IndexModelMismatchError",
    "EmbeddingModelError",
    "ChromaUnavailableError",
    "DocumentNotFoundError",
]


class AssistantError(Exception):
    """Base class: anything the assistant reports to a user."""


class CorpusNotFoundError(AssistantError):
    """The corpus folder does not exist or holds no readable text."""


class IndexNotFoundError(AssistantError):
    """No index has been built for the current settings."""


class IndexModelMismatchError(AssistantError):
    """The index was built with another embedding model or chunker."""


class EmbeddingModelError(AssistantError):
    """The configured embedding model cannot be loaded."""


class ChromaUnavailableError(AssistantError):
    """The Chroma server at ASSISTANT_CHROMA_URL does not answer."""


class DocumentNotFoundError(AssistantError):
    """A document filter names no indexed document."""


class IndexBusyError(AssistantError):
    """Another index run holds the index folder."""
