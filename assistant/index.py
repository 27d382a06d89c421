"""Index: chunks, their sentences and the cleaned documents in Chroma (embedded or a server).

Three collections share one name derived from the embedder and the chunker version, so a changed
model never silently reuses stale vectors:

- ``<name>``: passages with their vectors (queried through langchain-chroma);
- ``<name>-sent``: every passage's sentences with vectors, computed here so that answering a
  question costs one query embedding;
- ``<name>-docs``: each document's cleaned pages, card, metadata and content hash.

Crash safety: every passage and sentence carries its file's content hash, and a document's
record in ``-docs`` is its commit marker. A file's new passages are written first, then its
record, and only then are its old passages deleted; readers use only passages whose hash
matches a record. An index run killed at any point leaves the last complete state readable
(plus orphans, which the next run removes). A lock file keeps two runs from interleaving.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import httpx
import numpy as np
from langchain_core.documents import Document

from .chunking import CHUNKER_VERSION, chunk_document, embedding_text, split_sentences
from .config import Settings
from .embeddings import AssistantEmbeddings, make_embeddings, model_slug
from .errors import (
    ChromaUnavailableError,
    CorpusNotFoundError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from .ingest import LoadedDocument, Skipped, corpus_files, file_hash, load_document
from .ingest.duplicates import byte_copies, near_copies

__all__ = [
    "Index",
    "IndexReport",
    "StoredDocument",
    "collection_name",
    "is_store_error",
    "store_unavailable",
]

_BATCH = 500
_PAGE = 5000


@dataclass
class StoredDocument:
    """A document as the index keeps it: cleaned pages, card and metadata."""

    source: str
    title: str
    doc_type: str
    pages: list[str]
    card: str
    metadata: dict[str, Any]
    removed: list[str] = field(default_factory=list)  # lines layout dropped (headers, page numbers)

    def page_text(self, page: int, kind: str = "passage") -> str:
        return self.card if kind == "card" else self.pages[page - 1]


@dataclass
class IndexReport:
    """What one `assistant index` run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Copies not indexed: (copy, original, why) -- byte-identical or nearly all passages the same.
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    # Pages read in this run that have no text layer (scanned images), per indexed file.
    empty_pages: dict[str, list[int]] = field(default_factory=dict)
    passages: int = 0
    sentences: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"Indexed in {self.seconds:.1f} s: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.removed)} removed, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.duplicates)} duplicates; {self.passages} "
            f"passages and {self.sentences} sentences embedded."
        ]
        lines += [f"  skipped {s.source}: {s.reason}" for s in self.skipped]
        lines += [
            f"  page {page} of {source} has no text layer: scanned? OCR it"
            for source, pages in self.empty_pages.items()
            for page in pages
        ]
        lines += [
            f"  duplicate {copy}: {why} {original}; indexed once, as {original}"
            for copy, original, why in self.duplicates
        ]
        return "\n".join(lines)


def collection_name(settings: Settings) -> str:
    """Chroma collection name: prefix, embedder and chunker version."""
    return f"{settings.collection_prefix}-{model_slug(settings)}-c{CHUNKER_VERSION}"


def _client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_url:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    try:
        client = chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
        client.heartbeat()
        # chromadb's HTTP session waits forever by default; a stopped server must not hang us.
        client._server._session.timeout = httpx.Timeout(settings.chroma_timeout)
    except Exception as exc:
        raise ChromaUnavailableError(
            f"No Chroma server answers at {settings.chroma_url} ({type(exc).__name__}). Start or "
            "restart it (`chroma run --path index --port 8000`), or unset ASSISTANT_CHROMA_URL to "
            "use the embedded store."
        ) from exc
    return client


def is_store_error(exc: BaseException) -> bool:
    """Did Chroma (or the network to its server) fail, rather than our own code?"""
    module = type(exc).__module__
    return module.startswith(("chromadb", "httpx", "httpcore")) or isinstance(
        exc, ConnectionError | TimeoutError
    )


def store_unavailable(settings: Settings, exc: BaseException) -> ChromaUnavailableError:
    detail = f"{type(exc).__name__}: {str(exc)[:160]}"
    if settings.chroma_url:
        return ChromaUnavailableError(
            f"The Chroma server at {settings.chroma_url} did not answer ({detail}). Start or "
            "restart it (`chroma run --path index --port 8000`) and try again."
        )
    return ChromaUnavailableError(
        f"The index at {settings.index_dir} could not be read ({detail}). Run "
        "`assistant index --rebuild`, or restore the folder from a backup."
    )


_F = TypeVar("_F", bound=Callable[..., Any])


def _store_call(method: _F) -> _F:
    """Turn a store failure inside an ``Index`` method into a ChromaUnavailableError."""

    @functools.wraps(method)
    def wrapper(self: Index, *args: Any, **kwargs: Any) -> Any:
        for attempt in (1, 2):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                if isinstance(exc, ChromaUnavailableError) or not is_store_error(exc):
                    raise
                # Reconnect and refetch handles: the server may be back, or another process
                # may have rebuilt the collections. Reads are retried once; a build is not.
                self._client, self._handles = None, {}
                if attempt == 2 or method.__name__ == "build":
                    raise store_unavailable(self.settings, exc) from exc
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


class Index:
    """The persisted store for one corpus and one embedder."""

    def __init__(self, settings: Settings, embeddings: AssistantEmbeddings | None = None) -> None:
        self.settings = settings
        self.name = collection_name(settings)
        self._embeddings = embeddings
        self._client: Any = None
        self._handles: dict[str, Any] = {}

    # --- handles ------------------------------------------------------------------------------

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = _client(self.settings)
        return self._client

    def _reopen(self) -> None:
        """Read the embedded store afresh after writing to it.

        chromadb 1.5's embedded store can answer queries in the process that wrote them from a
        state that misses true neighbours (measured: in about one build in three, 6-16 of 37
        passages did not find their own nearest ten among the first 30), while any new process
        reading the same files is exact. Readers in this process (an admin re-index, tests) get
        a new store instance; handles taken before keep the old one until they are dropped.
        """
        if self.settings.chroma_url or self._client is None:
            return
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(self._client._identifier, None)
        self._client = None
        self._handles = {}

    @property
    def embeddings(self) -> AssistantEmbeddings:
        if self._embeddings is None:
            self._embeddings = make_embeddings(self.settings)
        return self._embeddings

    def _collection(self, suffix: str = "", create: bool = False) -> Any:
        name = self.name + suffix
        meta = {
            "hnsw:space": "cosine",
            "embedding_model": self.settings.embedding_model,
            "chunker": CHUNKER_VERSION,
        }
        if create:
            handle = self.client.get_or_create_collection(
                name, metadata=meta, embedding_function=None
            )
        elif name in self._handles:
            return self._handles[name]
        else:
            handle = self.client.get_collection(name, embedding_function=None)
        # A handle costs a round trip; per question we would fetch three.
        self._handles[name] = handle
        return handle

    @_store_call
    def _existing_names(self) -> list[str]:
        return [c if isinstance(c, str) else c.name for c in self.client.list_collections()]

    def exists(self) -> bool:
        return self.name + "-docs" in self._existing_names()

    def require(self) -> None:
        """Raise a one-line error naming the fix when no usable index exists."""
        names = self._existing_names()
        if self.name + "-docs" in names:
            return
        prefix = self.settings.collection_prefix + "-"
        others = sorted({n.removesuffix("-docs") for n in names if n.startswith(prefix)})
        where = self.settings.chroma_url or self.settings.index_dir
        if others:
            raise IndexModelMismatchError(
                f"The index at {where} was built with another embedding model or chunker "
                f"({', '.join(others)}; now configured: {self.name}). Run "
                "`assistant index --rebuild`, or set ASSISTANT_EMBEDDING_MODEL back."
            )
        raise IndexNotFoundError(f"No index at {where} yet: run `assistant index` first.")

    def vectorstore(self) -> Any:
        """The passage collection as a langchain-chroma vector store."""
        from langchain_chroma import Chroma

        return Chroma(
            client=self.client,
            collection_name=self.name,
            embedding_function=self.embeddings,
            create_collection_if_not_exists=False,
        )

    # --- reading --------------------------------------------------------------------------------

    @_store_call
    def passages(self) -> list[Document]:
        """Every passage (text and metadata, no vectors), for the lexical index."""
        committed = self.committed()
        got = _get_all(self._collection(), ["documents", "metadatas"])
        return [
            Document(page_content=text, id=pid, metadata=meta)
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if committed.get(meta["source"]) == meta.get("file_hash")
        ]

    @_store_call
    def committed(self) -> dict[str, str]:
        """Content hash of every completely indexed document, by source."""
        got = _get_all(self._collection("-docs"), ["metadatas"])
        return {m["source"]: m["file_hash"] for m in got["metadatas"]}

    @_store_call
    def passage_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self._collection().get(ids=ids, include=["embeddings"])
        return {
            pid: np.asarray(vec, dtype=np.float32)
            for pid, vec in zip(got["ids"], got["embeddings"], strict=True)
        }

    @_store_call
    def sentences(
        self, chunk_ids: list[str], counts: dict[str, int] | None = None
    ) -> list[tuple[str, int, int, np.ndarray]]:
        """(chunk id, start, end, vector) of every sentence of the given passages.

        With each passage's sentence count, the rows are fetched by id (``<chunk id>:<i>``),
        several times faster than filtering all sentences by chunk id.
        """
        if not chunk_ids:
            return []
        include = ["metadatas", "embeddings"]
        if counts and all(counts.get(c) for c in chunk_ids):
            ids = [f"{c}:{i}" for c in chunk_ids for i in range(counts[c])]
            got = self._collection("-sent").get(ids=ids, include=include)
        else:
            got = self._collection("-sent").get(
                where={"chunk_id": {"$in": chunk_ids}}, include=include
            )
        return [
            (m["chunk_id"], int(m["start"]), int(m["end"]), np.asarray(v, dtype=np.float32))
            for m, v in zip(got["metadatas"], got["embeddings"], strict=True)
        ]

    @_store_call
    def documents(self) -> list[StoredDocument]:
        got = _get_all(self._collection("-docs"), ["documents"])
        return sorted((_stored(text) for text in got["documents"]), key=lambda d: d.source)

    @_store_call
    def document(self, source: str) -> StoredDocument | None:
        got = self._collection("-docs").get(ids=[_doc_id(source)], include=["documents"])
        return _stored(got["documents"][0]) if got["ids"] else None

    @_store_call
    def fingerprint(self) -> str:
        """Changes whenever any document is added, changed or removed."""
        return "|".join(sorted(f"{s}:{h}" for s, h in self.committed().items()))

    # --- building -------------------------------------------------------------------------------

    @_store_call
    def build(
        self,
        rebuild: bool = False,
        progress: bool = True,
        on_file: Callable[[str], None] | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the corpus folder; only changed files are embedded."""
        started = time.perf_counter()
        corpus = self.settings.corpus_dir
        if not corpus.is_dir():
            raise CorpusNotFoundError(
                f"Corpus folder {corpus} does not exist: create it and put the agreement texts "
                "(.txt, .md, .pdf, .docx) there, or set ASSISTANT_CORPUS_DIR."
            )
        with _build_lock(_lock_path(self.settings)):
            report = self._build(corpus, rebuild, progress, on_file)
            if report.added or report.updated or report.removed:
                self._reopen()
            # The lexical side is saved beside the vectors, so a serving process starts fast.
            from .lexical import save_for

            save_for(self)
            report.seconds = time.perf_counter() - started
            return report

    def _build(
        self,
        corpus: Path,
        rebuild: bool,
        progress: bool,
        on_file: Callable[[str], None] | None,
    ) -> IndexReport:
        if rebuild:
            # Our own collections are re-embedded file by file, each file committed as in any
            # run, so readers see a whole index throughout and a killed rebuild loses nothing;
            # only an unreadable index is dropped first.
            self._drop_all(keep_own=self._readable())
        docs_col = self._collection("-docs", create=True)
        chunks_col = self._collection(create=True)
        sent_col = self._collection("-sent", create=True)
        known = self.committed()
        unfinished = _unfinished_marker(self.settings)
        # Passages written by a run killed before their commit are invisible but take space.
        # Only such a run leaves them (it leaves the marker too), so a clean index skips the
        # full scan; a Chroma server's index may have been written from another host.
        if rebuild or self.settings.chroma_url or unfinished.exists():
            self._remove_orphans(known, chunks_col, sent_col)

        report = IndexReport()
        todo: list[LoadedDocument] = []
        present: set[str] = set()
        default = self.settings.default_visibility
        hashes = {
            path.relative_to(corpus).as_posix(): file_hash(path, default)
            for path in corpus_files(corpus)
        }
        copies = byte_copies(hashes, known)
        for path in corpus_files(corpus):
            source = path.relative_to(corpus).as_posix()
            present.add(source)
            if source in copies:
                report.duplicates.append((source, copies[source], "the same bytes as"))
                if source in known:
                    self._retract(source, docs_col, chunks_col, sent_col)
                continue
            if not rebuild and known.get(source) == hashes[source]:
                report.unchanged.append(source)
                continue
            loaded = load_document(path, corpus, default)
            if isinstance(loaded, Skipped):
                report.skipped.append(loaded)
                # A file that became unreadable keeps nothing stale in the index.
                if source in known:
                    self._retract(source, docs_col, chunks_col, sent_col)
                    report.removed.append(source)
                continue
            if loaded.empty_pages:
                report.empty_pages[source] = list(loaded.empty_pages)
            todo.append(loaded)
        todo = self._drop_near_copies(todo, known, report, docs_col, chunks_col, sent_col)
        for doc in todo:
            (report.updated if doc.source in known else report.added).append(doc.source)
        for source in sorted(set(known) - present):
            self._retract(source, docs_col, chunks_col, sent_col)
            report.removed.append(source)

        if todo:
            unfinished.touch()
        self._embed_and_store(todo, report, progress, on_file, chunks_col, sent_col, docs_col)
        unfinished.unlink(missing_ok=True)
        return report

    def _drop_near_copies(
        self,
        todo: list[LoadedDocument],
        known: dict[str, str],
        report: IndexReport,
        docs_col: Any,
        *collections: Any,
    ) -> list[LoadedDocument]:
        """Leave out a new document whose paragraphs are nearly all those of another (a copy
        re-saved in another format or with a changed line); the one kept is the one indexed
        before, else the shorter name (copies gain suffixes such as " (kopia)")."""
        if not todo:
            return todo
        new = {doc.source for doc in todo}
        others = [(d.source, d.pages) for d in self.documents() if d.source not in new]
        candidates = [(doc.source, doc.pages) for doc in todo] + others
        copies = near_copies(candidates, keep=set(known) - new)
        for copy, original in copies.items():
            report.duplicates.append((copy, original, "nearly all passages the same as"))
            if copy in known:
                self._retract(copy, docs_col, *collections)
        return [doc for doc in todo if doc.source not in copies]

    def _readable(self) -> bool:
        """Do this index's own collections exist and answer?"""
        try:
            self.committed()
            return all(self._collection(suffix).count() >= 0 for suffix in ("", "-sent"))
        except Exception:  # missing or damaged: the rebuild starts from nothing
            self._handles = {}
            return False

    def _drop_all(self, keep_own: bool = False) -> None:
        """Delete the collections under our prefix (other models' and chunkers'; ours unless kept)."""
        prefix = self.settings.collection_prefix + "-"
        own = {self.name + suffix for suffix in ("", "-sent", "-docs")} if keep_own else set()
        self._handles = {k: v for k, v in self._handles.items() if k in own}
        for name in self._existing_names():
            if name.startswith(prefix) and name not in own:
                self.client.delete_collection(name)

    def _retract(self, source: str, docs_col: Any, *collections: Any) -> None:
        """Remove a document: its record first, so readers stop using it, then its passages."""
        docs_col.delete(ids=[_doc_id(source)])
        for col in collections:
            col.delete(where={"source": source})

    def _remove_orphans(self, committed: dict[str, str], *collections: Any) -> None:
        """Passages of an interrupted run: their file hash matches no committed record."""
        for col in collections:
            got = _get_all(col, ["metadatas"])
            stale = [
                pid
                for pid, m in zip(got["ids"], got["metadatas"], strict=True)
                if committed.get(m["source"]) != m.get("file_hash")
            ]
            for i in range(0, len(stale), _BATCH):
                col.delete(ids=stale[i : i + _BATCH])

    def _embed_and_store(
        self,
        docs: list[LoadedDocument],
        report: IndexReport,
        progress: bool,
        on_file: Callable[[str], None] | None,
        chunks_col: Any,
        sent_col: Any,
        docs_col: Any,
    ) -> None:
        planned = [(doc, chunk_document(doc)) for doc in docs]
        total = sum(
            len(ch) + sum(len(split_sentences(c.page_content)) for c in ch) for _, ch in planned
        )
        bar = _progress(total, progress)
        try:
            for doc, chunks in planned:
                if on_file:
                    on_file(doc.source)
                n_sent = self._store_file(doc, chunks, chunks_col, sent_col, bar)
                # The record is the commit point: before it the old version is what readers see.
                docs_col.upsert(
                    ids=[_doc_id(doc.source)],
                    embeddings=[[1.0]],
                    documents=[_serialise(doc)],
                    metadatas=[
                        {"source": doc.source, "title": doc.title, "file_hash": doc.file_hash}
                    ],
                )
                stale = {"$and": [{"source": doc.source}, {"file_hash": {"$ne": doc.file_hash}}]}
                for col in (chunks_col, sent_col):
                    col.delete(where=stale)
                report.passages += len(chunks)
                report.sentences += n_sent
        finally:
            bar.close()

    def _store_file(
        self, doc: LoadedDocument, chunks: list[Document], chunks_col: Any, sent_col: Any, bar: Any
    ) -> int:
        spans = {c.id: split_sentences(c.page_content) for c in chunks}
        for chunk in chunks:
            chunk.metadata["sentences"] = len(spans[chunk.id])
            # Retrieval filters on it: the public surface searches public passages only.
            chunk.metadata["visibility"] = doc.metadata.get("visibility", "internal")
        vectors = self.embeddings.passage_vectors([embedding_text(c) for c in chunks])
        bar.update(len(chunks))
        _upsert(
            chunks_col,
            [c.id for c in chunks],
            vectors,
            [c.page_content for c in chunks],
            [c.metadata for c in chunks],
        )
        ids, texts, metas = [], [], []
        for chunk in chunks:
            for i, (a, b) in enumerate(spans[chunk.id]):
                ids.append(f"{chunk.id}:{i}")
                texts.append(chunk.page_content[a:b])
                metas.append(
                    {
                        "chunk_id": chunk.id,
                        "source": doc.source,
                        "file_hash": doc.file_hash,
                        "start": a,
                        "end": b,
                    }
                )
        sent_vectors = self.embeddings.passage_vectors(texts)
        bar.update(len(texts))
        _upsert(sent_col, ids, sent_vectors, texts, metas)
        return len(ids)


def _get_all(col: Any, include: list[str]) -> dict[str, list[Any]]:
    """A whole collection, page by page: one big get exceeds SQLite's variable limit."""
    out: dict[str, list[Any]] = {"ids": [], **{k: [] for k in include}}
    offset = 0
    while True:
        page = col.get(include=include, limit=_PAGE, offset=offset)
        for key in out:
            out[key].extend(page[key])
        if len(page["ids"]) < _PAGE:
            return out
        offset += _PAGE


def _upsert(
    col: Any, ids: list[str], vectors: np.ndarray, texts: list[str], metas: list[dict]
) -> None:
    for i in range(0, len(ids), _BATCH):
        col.upsert(
            ids=ids[i : i + _BATCH],
            embeddings=vectors[i : i + _BATCH],
            documents=texts[i : i + _BATCH],
            metadatas=metas[i : i + _BATCH],
        )


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="Embedding", unit="text", disable=not enabled or total == 0)


def _lock_path(settings: Settings) -> Path:
    """The index folder's lock file; for a Chroma server, one per server and collection prefix."""
    if not settings.chroma_url:
        return settings.index_dir / ".index.lock"
    key = hashlib.sha1(f"{settings.chroma_url}|{settings.collection_prefix}".encode()).hexdigest()
    return Path(tempfile.gettempdir()) / f"assistant-index-{key[:12]}.lock"


def _unfinished_marker(settings: Settings) -> Path:
    """Present while an index run writes passages; left behind by a run that was killed."""
    return _lock_path(settings).with_suffix(".unfinished")


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One index run at a time per store; a second one is refused, not queued."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise IndexBusyError(
                f"Another `assistant index` (pid {holder}) is updating this index; wait for it "
                "to finish and run again. The current index keeps serving meanwhile."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _doc_id(source: str) -> str:
    return "doc:" + source


def _serialise(doc: LoadedDocument) -> str:
    return json.dumps(
        {
            "source": doc.source,
            "title": doc.title,
            "doc_type": doc.doc_type,
            "pages": doc.pages,
            "card": doc.card,
            "metadata": doc.metadata,
            "removed": _flat(doc.removed),
        },
        ensure_ascii=False,
        default=str,
    )


def _flat(lines: list[Any]) -> list[str]:
    # Layout may give the removed lines per page; the record keeps them in one list.
    return [str(x) for item in lines for x in (item if isinstance(item, list) else [item])]


def _stored(text: str) -> StoredDocument:
    data = json.loads(text)
    return StoredDocument(**data)
