"""The library's front door: ``Assistant().ask(question)`` and ``Assistant().search(question)``."""

from __future__ import annotations

import re
import time
import unicodedata
from threading import RLock
from typing import TYPE_CHECKING, Any

from .answer import (
    ExtractiveAnswerer,
    abstain,
    cite,
    detect_language,
    frame_list,
    which_topic,
)
from .config import Settings
from .conversation import resolve
from .embeddings import AssistantEmbeddings
from .errors import AssistantError, DocumentNotFoundError
from .index import Index, IndexReport, StoredDocument
from .lexical import terms
from .parties import (
    COMMITMENT_FRAME,
    Commitment,
    Party,
    extract_commitments,
    parties_in,
    party_names,
)
from .results import Answer, Passage
from .retrieve import HybridRetriever

if TYPE_CHECKING:
    from .llm import GenerativeAnswerer

__all__ = ["Assistant", "InvalidQuestionError", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 2000
_RECHECK_SECONDS = 2.0


class InvalidQuestionError(AssistantError, ValueError):
    """The question is empty, too long or not text."""


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
        self._by_term: dict[str, set[str]] = {}
        self._commitments = None

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
        self._by_term = {}
        for doc in self._ordered:
            for term in _document_terms(doc):
                self._by_term.setdefault(term, set()).add(doc.source)

    def documents(self) -> list[StoredDocument]:
        """The indexed documents, sorted by source path."""
        _ = self.retriever
        return list(self._ordered)

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

    def ask(
        self,
        question: str,
        document: str | None = None,
        history: list[dict[str, Any]] | None = None,
    ) -> Answer:
        """Answer ``question``; ``history`` (Gradio messages, oldest first) resolves follow-ups."""
        question = validate_question(question)
        parts = _COMPOUND.split(question)
        if len(parts) > 1 and not history:
            return self._ask_parts(question, [p for p in parts if p and p.strip()], document)
        source = self.resolve_document(document)
        parties = self.parties()
        titles = {d.title: d.source for d in self.documents()}
        turn = resolve(question, history, parties, list(titles))
        if source is None and len(turn.document_titles) == 1:
            source = titles[turn.document_titles[0]]
        language = detect_language(question)
        answerer = ExtractiveAnswerer(self.index, self.settings, self.retriever.lexical.knows)
        if source is None and len(titles) > 1 and _ASKS_WHICH_DOCUMENTS.search(turn.question):
            topic = which_topic(turn.question)
            if len(titles) <= _PER_DOCUMENT_SEARCHES:
                searches = [self.retriever.search(topic, k=2, source=s) for s in titles.values()]
                per_doc = [p for found in searches for p in found]
            else:  # many documents: one wide search, grouped by document afterwards
                per_doc = self.retriever.search(topic, k=_WIDE_K)
            answer = answerer.per_document(turn.question, per_doc, self._documents, language)
        elif (party := self._commitments_of(turn.question, parties)) is not None:
            answer = self._commitment_answer(turn.question, party, source, language)
        else:
            k = max(self.settings.top_k, self.settings.answer_passages)
            prefer = None if source else self.named_documents(turn.question)
            passages = self.retriever.search(turn.question, k=k, source=source, prefer=prefer)
            writer = self._generative(answerer) or answerer
            answer = writer.answer(turn.question, passages, self._documents, language, turn.exclude)
        answer.question = question
        return answer

    def _generative(self, answerer: ExtractiveAnswerer) -> GenerativeAnswerer | None:
        if self._chat_model is None and self.settings.llm:
            from .llm import make_chat_model

            self._chat_model = make_chat_model(self.settings)
        if self._chat_model is None:
            return None
        from .llm import GenerativeAnswerer

        return GenerativeAnswerer(self._chat_model, answerer)

    def _ask_parts(self, question: str, parts: list[str], document: str | None) -> Answer:
        """A question with two questions in it: answer each, number the citations through."""
        answers = [self.ask(p.strip(" ,"), document) for p in parts]
        language = detect_language(question)
        picked, texts, related = [], [], []
        for part in answers:
            if not part.answered:
                texts.append(part.answer)
                related += part.related[:2]
                continue
            first = len(picked) + 1
            picked += [(c.passage, c.quote, c.score) for c in part.citations]
            numbered = cite(picked, self._documents)[first - 1 :]
            texts.append(frame_list(f"{part.question.rstrip('?')}?", numbered, language))
        citations = cite(picked, self._documents)
        answered = bool(citations)
        return Answer(
            question, answered, "\n\n".join(texts), language, citations, [] if answered else related
        )

    # --- parties and commitments ----------------------------------------------------------------

    def parties(self) -> list[Party]:
        """Every party named in an indexed document's metadata."""
        _ = self.retriever
        return list(self._parties)

    def commitments(
        self, party: str | None = None, document: str | None = None
    ) -> list[Commitment]:
        """Sentences in which a party commits to something, optionally for one party or document."""
        source = self.resolve_document(document)
        with self._lock:
            self._load_commitments()
            loaded = self._commitments or []
        found = [c for c in loaded if source is None or c.source == source]
        if party:
            wanted = [p for p in self.parties() if p.matches(party)]
            if not wanted:
                names = ", ".join(p.name for p in self.parties()) or "none indexed"
                raise DocumentNotFoundError(f"No party '{party}' in the index; parties: {names}.")
            names = {p.name for p in wanted}
            found = [c for c in found if names & set(c.parties)]
            # A party's own commitments first, then those it shares.
            found.sort(key=lambda c: len(c.parties) > 1)
        return found

    def _load_commitments(self) -> None:
        if self._commitments is None:
            by_source = {
                d.source: [Party.from_name(n) for n in party_names(d.metadata)]
                for d in self.documents()
            }
            self._commitments = extract_commitments(self.retriever.lexical.docs, by_source)

    def _commitments_of(self, question: str, parties: list[Party]) -> Party | None:
        """The party whose commitments a general question asks for ("what did X commit to?")."""
        named = parties_in(question, parties)
        if len(named) != 1 or not _ASKS_COMMITMENTS.search(question):
            return None
        topic = set(terms(question)) - set(terms(COMMITMENT_FRAME))
        topic -= {t for n in named[0].question_names for t in terms(n)}
        return named[0] if not topic else None

    def _commitment_answer(
        self, question: str, party: Party, source: str | None, language: str
    ) -> Answer:
        found = self.commitments(party.name, source)
        if not found:
            return abstain(question, language, [])
        by_id = {str(d.id): d for d in self.retriever.lexical.docs}
        shown = found[:_MAX_COMMITMENTS]
        picked = [(Passage.from_document(by_id[c.passage_id], 1.0), c.quote, 1.0) for c in shown]
        citations = cite(picked, self._documents)
        if language == "sv":
            lead = (
                f"{party.name} åtar sig bland annat följande ({len(found)} åtaganden i texterna):"
            )
        else:
            lead = f"{party.name} commits to the following ({len(found)} commitments in the texts):"
        return Answer(question, True, frame_list(lead, citations, language), language, citations)

    def named_documents(self, question: str) -> set[str] | None:
        """Documents a question points at by title words or party names, if not all of them."""
        _ = self.retriever
        named = {s for t in set(terms(question)) for s in self._by_term.get(t, ())}
        return named if named and len(named) < len(self._ordered) else None


# "…, och vad har Ludvika lovat …?": a second question starts after "och"/"and" + a question word.
_COMPOUND = re.compile(
    r"[,;]?\s+(?:och|and)\s+(?=(?:vad|vem|vilka|vilken|vilket|hur|när|var|varför|what|who|which|"
    r"how|when|where|why)\b)",
    re.I,
)
_ASKS_WHICH_DOCUMENTS = re.compile(
    r"\b(vilka|vilken|which|what)\s+(dokument|avtal|överenskommelser|kommuner|texter|lagar|"
    r"documents?|agreements?|municipalit(?:y|ies)|texts?|laws?)\b",
    re.I,
)
_ASKS_COMMITMENTS = re.compile(
    r"\b(commit\w*|åtag\w*|åtar|lova\w*|promise\w*|pledge\w*|undertak\w*|ska\s+\w+\s+göra)\b",
    re.I,
)
_MAX_COMMITMENTS = 8
_PER_DOCUMENT_SEARCHES = 30
_WIDE_K = 60
_GENERIC_TITLE_WORDS = "överenskommelse mellan och kommun region avtal dokument"


def _document_terms(doc: StoredDocument) -> set[str]:
    words = " ".join([doc.title, *party_names(doc.metadata)])
    return (
        set(terms(words))
        - set(terms(_GENERIC_TITLE_WORDS))
        - {t for t in terms(words) if t.isdigit()}
    )


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
