"""Bringing the index up to date with the corpus folder, crash-safe (see the package docstring):
new and changed files embedded and committed one by one, removed files and copies retracted."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.documents import Document

from ..chunking import chunk_document, embedding_text, split_sentences
from ..config import Settings
from ..errors import CorpusNotFoundError
from ..ingest import LoadedDocument, Skipped, corpus_files, file_hash, load_document
from ..ingest.duplicates import byte_copies, near_copies
from .chroma import BATCH, get_all, store_call, upsert
from .lock import build_lock, lock_path, unfinished_marker
from .records import IndexReport, doc_id, serialise

__all__ = ["IndexBuilder"]


class IndexBuilder:
    """The building half of ``Index`` (store.py), which provides the collection handles and the
    reading methods used here (``client``, ``embeddings``, ``_collection``, ``_existing_names``,
    ``committed``, ``documents``, ``_reopen``)."""

    settings: Settings
    name: str
    _handles: dict[str, Any]
    sentence_table: Any  # store.py: the saved sentence vectors being served
    passage_table: Any  # ... and passage vectors

    @store_call
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
        with build_lock(lock_path(self.settings)):
            report = self._build(corpus, rebuild, progress, on_file)
            if report.added or report.updated or report.removed:
                self._reopen()
                # Of the state before: the retriever sets the new ones.
                self.sentence_table = self.passage_table = None
            # The lexical side is saved beside the vectors, so a serving process starts fast.
            from ..lexical_store import save_for

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
        unfinished = unfinished_marker(self.settings)
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
        docs_col.delete(ids=[doc_id(source)])
        for col in collections:
            col.delete(where={"source": source})

    def _remove_orphans(self, committed: dict[str, str], *collections: Any) -> None:
        """Passages of an interrupted run: their file hash matches no committed record."""
        for col in collections:
            got = get_all(col, ["metadatas"])
            stale = [
                pid
                for pid, m in zip(got["ids"], got["metadatas"], strict=True)
                if committed.get(m["source"]) != m.get("file_hash")
            ]
            for i in range(0, len(stale), BATCH):
                col.delete(ids=stale[i : i + BATCH])

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
                    ids=[doc_id(doc.source)],
                    embeddings=[[1.0]],
                    documents=[serialise(doc)],
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
        upsert(
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
        upsert(sent_col, ids, sent_vectors, texts, metas)
        return len(ids)


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="Embedding", unit="text", disable=not enabled or total == 0)
