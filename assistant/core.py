"""The library's front door: ``Assistant().ask(question)`` and ``Assistant().search(question)``."""

from __future__ import annotations

import unicodedata
from threading import Lock

from .answer import ExtractiveAnswerer
from .config import Settings
from .embeddings import AssistantEmbeddings
from .errors import AssistantError, DocumentNotFoundError
from .index import Index, IndexReport, StoredDocument
from .results import Answer, Passage
from .retrieve import HybridRetriever

__all__ = ["Assistant", "InvalidQuestionError", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 2000


class InvalidQuestionError(AssistantError, ValueError):
    """The question is empty, too long or not text."""


class Assistant:
    """Answers questions about the indexed corpus with cited passages.

    Settings come from ``ASSISTANT_*`` env vars unless given. Models and the lexical index are
    loaded on first use and kept; ``reload()`` picks up an index rebuilt by another process.
    """

    def __init__(
        self, settings: Settings | None = None, embeddings: AssistantEmbeddings | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.index = Index(self.settings, embeddings)
        self._retriever: HybridRetriever | None = None
        self._documents: dict[str, StoredDocument] = {}
        self._lock = Lock()

    # --- indexing -------------------------------------------------------------------------------

    def build_index(self, rebuild: bool = False, progress: bool = False) -> IndexReport:
        report = self.index.build(rebuild=rebuild, progress=progress)
        self.reload()
        return report

    def reload(self) -> None:
        """Forget loaded index state; the next question reloads it."""
        with self._lock:
            self._retriever = None
            self._documents = {}

    @property
    def retriever(self) -> HybridRetriever:
        with self._lock:
            if self._retriever is None:
                self.index.require()
                retriever = HybridRetriever(
                    index=self.index,
                    k=self.settings.top_k,
                    candidates=self.settings.candidates,
                    bm25_weight=self.settings.bm25_weight,
                )
                retriever.refresh()
                self._documents = {d.source: d for d in self.index.documents()}
                self._retriever = retriever
            return self._retriever

    def documents(self) -> list[StoredDocument]:
        """The indexed documents, sorted by source path."""
        _ = self.retriever
        return sorted(self._documents.values(), key=lambda d: d.source)

    def resolve_document(self, name: str | None) -> str | None:
        """Source path for a document named by path, file name, stem or a unique title part."""
        if not name:
            return None
        docs = self.documents()
        wanted = _fold(name)
        for doc in docs:
            if wanted in (_fold(doc.source), _fold(doc.source.rsplit("/", 1)[-1])):
                return doc.source
        hits = [d for d in docs if wanted in _fold(d.source) or wanted in _fold(d.title)]
        if len(hits) == 1:
            return hits[0].source
        names = ", ".join(d.source for d in docs)
        problem = "matches several documents" if hits else "matches no indexed document"
        raise DocumentNotFoundError(f"'{name}' {problem}; use one of: {names}.")

    # --- questions ------------------------------------------------------------------------------

    def search(
        self, question: str, k: int | None = None, document: str | None = None
    ) -> list[Passage]:
        question = validate_question(question)
        return self.retriever.search(question, k=k, source=self.resolve_document(document))

    def ask(self, question: str, document: str | None = None) -> Answer:
        question = validate_question(question)
        passages = self.search(
            question, k=max(self.settings.top_k, self.settings.answer_passages), document=document
        )
        answerer = ExtractiveAnswerer(self.index, self.settings, self.retriever.lexical.knows)
        return answerer.answer(question, passages, self._documents)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def validate_question(question: object) -> str:
    """The question, stripped of control characters; raises ``InvalidQuestionError`` if unusable."""
    if not isinstance(question, str):
        raise InvalidQuestionError("The question must be text.")
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in question).strip()
    if not cleaned:
        raise InvalidQuestionError("Ask a question: the text is empty.")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise InvalidQuestionError(
            f"The question is {len(cleaned)} characters long; keep it under {MAX_QUESTION_CHARS}."
        )
    return " ".join(cleaned.split())
