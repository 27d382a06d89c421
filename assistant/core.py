"""The library's front door: ``Assistant().ask(question)`` and ``Assistant().search(question)``."""

from __future__ import annotations

import time
from contextvars import ContextVar
from datetime import date
from threading import RLock
from typing import TYPE_CHECKING, Any

from .analyze import QueryAnalyzer
from .answering import answer_one, commitment_answer, stated_first
from .candidates import cards_last
from .commitments import party_commitments
from .config import Settings
from .document_names import DocumentName, resolve_source
from .embeddings import AssistantEmbeddings
from .heap import release_freed_memory
from .indexing.records import IndexReport, StoredDocument
from .indexing.store import Index
from .inventory import passage_listing
from .parties import Commitment, Party, party_names
from .query import Query
from .question_text import validate_question
from .results import Answer, Passage
from .retrieve import HybridRetriever
from .scope import ask_parts
from .validity import Validity, assess

if TYPE_CHECKING:
    from .answer import ExtractiveAnswerer
    from .llm import GenerativeAnswerer

__all__ = ["Assistant"]

_RECHECK_SECONDS = 2.0
# One question's date and whether only documents in force may answer (``ask``'s ``as_of`` and
# ``in_force_only``): per call, so a shared Assistant serves callers with different dates.
_WHEN: ContextVar[tuple[date | None, bool]] = ContextVar("assistant_when", default=(None, False))


class Assistant:
    """Answers questions about the indexed corpus with cited passages.

    Settings come from ``ASSISTANT_*`` env vars unless given. Models and the lexical index are
    loaded on first use and kept; ``reload()`` picks up an index rebuilt by another process.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        embeddings: AssistantEmbeddings | None = None,
        chat_model: Any = None,
        public_only: bool = False,
    ) -> None:
        """``embeddings`` and ``chat_model`` (a langchain chat model) replace what the settings
        name; the chat model is how generative answers are configured or faked in tests.
        ``public_only``: search, cite, list and show only documents whose visibility is public."""
        self.settings = settings or Settings()
        self.public_only = public_only
        self._public: Assistant | None = None
        self._chat_model = chat_model
        self.index = Index(self.settings, embeddings)
        self._retriever: HybridRetriever | None = None
        self._documents: dict[str, StoredDocument] = {}
        self._commitments: list[Commitment] | None = None
        self._reset()
        self._checked = time.monotonic()
        self._lock = RLock()

    # --- indexing -------------------------------------------------------------------------------

    def build_index(self, rebuild: bool = False, progress: bool = False) -> IndexReport:
        report = self.index.build(rebuild=rebuild, progress=progress)
        self.reload()
        return report

    def reload(self) -> None:
        """Forget loaded index state; the next question reloads it."""
        with self._lock:
            self._reset()

    def public_view(self) -> Assistant:
        """An assistant over the same index (and models) that sees public documents only."""
        if self.public_only:
            return self
        with self._lock:
            if self._public is None:
                self._public = Assistant(
                    self.settings, self.index.embeddings, self._chat_model, public_only=True
                )
            return self._public

    def _reset(self) -> None:
        self._retriever = None
        self._documents = {}
        self._ordered: list[StoredDocument] = []
        self._parties: list[Party] = []
        self._analyzer: QueryAnalyzer | None = None
        self._commitments = None
        self._validity: dict[date, dict[str, Validity]] = {}
        self._trimmed = False

    @property
    def retriever(self) -> HybridRetriever:
        with self._lock:
            self._notice_changes()
            if self._retriever is None:
                self.index.require()
                retriever = HybridRetriever(
                    index=self.index,
                    k=self.settings.top_k,
                    candidates=self.settings.candidates,
                    bm25_weight=self.settings.bm25_weight,
                    trigram_weight=self.settings.trigram_weight,
                    translation_weight=self.settings.translation_weight,
                    translation_bm25_weight=self.settings.translation_bm25_weight,
                    translation_trigram_weight=self.settings.translation_trigram_weight,
                    translation_senses=self.settings.translation_senses,
                    sentence_weight=self.settings.sentence_weight,
                    sentence_candidates=self.settings.sentence_candidates,
                    sentence_weight_sv=self.settings.sentence_weight_sv,
                    dense_keeps_names=self.settings.dense_keeps_names,
                    lexical_keeps_names=self.settings.lexical_keeps_names,
                    hyphen_part_weight=self.settings.hyphen_part_weight,
                    public_only=self.public_only,
                )
                retriever.refresh()
                docs = self.index.documents()
                if self.public_only:
                    docs = [d for d in docs if d.metadata.get("visibility") == "public"]
                self._load_documents(docs)
                self._retriever = retriever
            return self._retriever

    def _notice_changes(self) -> None:
        """Pick up an index that another process updated (at most one look every few seconds)."""
        now = time.monotonic()
        if self._retriever is None or now - self._checked < _RECHECK_SECONDS:
            return
        self._checked = now
        if self.index.fingerprint() != self._retriever.fingerprint:
            self._reset()

    def _load_documents(self, docs: list[StoredDocument]) -> None:
        """Everything per question needs from the documents, computed once per index state."""
        self._ordered = sorted(docs, key=lambda d: d.source)
        self._documents = {d.source: d for d in self._ordered}
        names = {n: None for d in self._ordered for n in party_names(d.metadata)}
        self._parties = [Party.from_name(n) for n in names]
        self._analyzer = None
        self._validity = {}

    def documents(self) -> list[StoredDocument]:
        """The indexed documents, sorted by source path."""
        _ = self.retriever
        return list(self._ordered)

    def as_of(self) -> date:
        """The date validity is judged on: the question's ``as_of``, else the setting (today)."""
        return _WHEN.get()[0] or self.settings.as_of_date

    def validity(self) -> dict[str, Validity]:
        """Each document's validity and status on ``as_of()`` (default today); computed once per
        index state and date (it folds every document's names: 290 ms per question at 1 000
        documents, measured by `make bench`)."""
        docs = self.documents()  # first: it reloads the index state (and empties this cache)
        as_of = self.as_of()
        found = self._validity.get(as_of)
        if found is None:
            found = self._validity[as_of] = assess(docs, as_of)
        return found

    def resolve_document(self, name: str | None) -> str | None:
        """Source path for a document named by path, file name, stem or a unique title part."""
        return resolve_source(self.documents(), name) if name else None

    def passages(self, document: str | None = None) -> list[dict[str, Any]]:
        """What the index holds per document, for "why isn't this found?": source, title, card,
        the lines removed as running headers, footers and page numbers, and every passage."""
        return passage_listing(self, document)

    # --- questions ------------------------------------------------------------------------------

    def search(
        self, question: str, k: int | None = None, document: str | None = None
    ) -> list[Passage]:
        query = self.analyze(question)
        source = self.resolve_document(document)
        if source is None and len(query.documents) == 1:
            source = query.documents[0]
        passages = cards_last(query, self.retriever.search(query, k=k, source=source))
        # The passages its answer would read first: a document fact's line, an entry sentence.
        return stated_first(self, query, passages, source)[: k or self.retriever.k]

    def analyze(self, question: str, history: list[dict[str, Any]] | None = None) -> Query:
        """The question (and its history) read once: what every later stage works from."""
        return self.analyzer.analyze(validate_question(question), history)

    @property
    def analyzer(self) -> QueryAnalyzer:
        """The question analysis over this corpus (built on first use; its vocabulary too)."""
        with self._lock:
            _ = self.retriever
            if self._analyzer is None:
                lexical = self.retriever.lexical
                self._analyzer = QueryAnalyzer(
                    [
                        DocumentName.of(d.source, d.title, party_names(d.metadata))
                        for d in self._ordered
                    ],
                    list(self._parties),
                    texts=lambda: (d.page_content for d in lexical.docs),
                    knows=lexical.knows,
                )
            return self._analyzer

    def ask(
        self,
        question: str,
        document: str | None = None,
        history: list[dict[str, Any]] | None = None,
        as_of: date | None = None,
        in_force_only: bool = False,
    ) -> Answer:
        """Answer ``question``; ``history`` (Gradio messages, oldest first) resolves follow-ups.

        ``as_of`` (default ``settings.as_of``, today) is the date validity is judged on;
        ``in_force_only`` keeps replaced and not-yet-valid versions out (the widget)."""
        token = _WHEN.set((as_of, in_force_only))
        try:
            query = self.analyze(question, history)
            source = self.resolve_document(document)
            answer = (
                ask_parts(self, query, source) if query.compound else self._answer(query, source)
            )
        finally:
            _WHEN.reset(token)
        answer.question = query.text
        if not self._trimmed:  # the first answer of an index state has loaded all it needs
            self._trimmed = True
            release_freed_memory()
        return answer

    def _answer(self, query: Query, source: str | None) -> Answer:
        """One (not compound) question, within ``source`` if given or named in the question."""
        return answer_one(self, query, source, _WHEN.get()[1])

    def _search(
        self,
        query: Query,
        k: int,
        source: str | None = None,
        prefer: set[str] | None = None,
        also: tuple[str, ...] = (),
    ) -> list[Passage]:
        found = self.retriever.search(query, k=k, source=source, prefer=prefer, also=also)
        return cards_last(query, found)

    def _generative(self, answerer: ExtractiveAnswerer) -> GenerativeAnswerer | None:
        if self._chat_model is None and self.settings.llm:
            from .llm import make_chat_model

            self._chat_model = make_chat_model(self.settings)
        if self._chat_model is None:
            return None
        from .llm import GenerativeAnswerer

        return GenerativeAnswerer(self._chat_model, answerer)

    # --- parties and commitments ----------------------------------------------------------------

    def parties(self) -> list[Party]:
        """Every party named in an indexed document's metadata."""
        _ = self.retriever
        return list(self._parties)

    def commitments(
        self, party: str | None = None, document: str | None = None
    ) -> list[Commitment]:
        """Sentences in which a party commits to something, optionally for one party or document."""
        return party_commitments(self, party, document)

    # A party's commitments as an answer (answering.py); timed.py asks for it through here.
    _commitment_answer = commitment_answer

    def named_documents(self, question: str) -> set[str] | None:
        """Documents a question points at by title words or party names, if not all of them."""
        query = self.analyze(question)
        return set(query.documents or query.prefer) or None
