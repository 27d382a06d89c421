"""Avtalsassistenten under measurement: index builds, re-indexing, latency, quality."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from assistant.chunking import chunk_document, embedding_text, split_sentences
from assistant.embeddings import E5Embeddings
from assistant.indexing.store import Index
from assistant.ingest import LoadedDocument, corpus_files, load_document
from bench.measure import floor, latency
from bench.questions import DevQuestion, recall

__all__ = [
    "build",
    "quality",
    "reindex",
    "sample_texts",
    "settings_for",
    "speed",
]


def settings_for(corpus: Path, index_dir: Path) -> Settings:
    # Explicit values: a developer's ASSISTANT_* variables must not change what is measured.
    return Settings(
        corpus_dir=corpus, index_dir=index_dir, embedding_model="e5-small-q4", chroma_url=None
    )


def build(settings: Settings, embeddings: Any) -> dict[str, Any]:
    """A full index build; ``prepare_s`` is reading, cleaning and chunking (until the first
    file's embedding starts), the rest is embedding and storing."""
    marks: list[float] = []
    started = time.perf_counter()
    report = Index(settings, embeddings).build(
        rebuild=True, progress=False, on_file=lambda _: marks.append(time.perf_counter())
    )
    seconds = time.perf_counter() - started
    texts = report.passages + report.sentences
    return {
        "docs": len(report.added) + len(report.updated),
        "passages": report.passages,
        "sentences": report.sentences,
        "seconds": round(seconds, 2),
        "prepare_s": round((marks[0] if marks else started) - started, 2),
        "texts_per_s": round(texts / seconds, 1) if seconds else 0.0,
        "passages_per_s": round(report.passages / seconds, 1) if seconds else 0.0,
    }


def reindex(settings: Settings, embeddings: Any, changed_file: Path) -> dict[str, Any]:
    """Incremental re-index: nothing changed, then one file changed (a paragraph appended).
    A failure is a result too: it is reported, and the other measurements go on."""
    index = Index(settings, embeddings)
    try:
        started = time.perf_counter()
        index.build(progress=False)
        unchanged = time.perf_counter() - started
        with changed_file.open("a", encoding="utf-8") as handle:
            handle.write("\n\nEtt tillägg om gemensam uppföljning av överenskommelsen varje år.\n")
        started = time.perf_counter()
        report = index.build(progress=False)
        one_changed = time.perf_counter() - started
    except Exception as exc:  # a failure of the product is a finding, not a crash of the bench
        return {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    if not report.updated:
        return {"error": "the changed file was not re-indexed"}
    return {"unchanged_s": round(unchanged, 3), "one_changed_s": round(one_changed, 3)}


def sample_texts(corpus: Path, passages: int, sentences: int) -> tuple[list[str], list[str]]:
    """Passage and sentence texts exactly as indexing embeds them, from the corpus's first
    files: the raw embedder's throughput is measured on these."""
    out_p: list[str] = []
    out_s: list[str] = []
    for path in corpus_files(corpus):
        doc = load_document(path, corpus)
        if not isinstance(doc, LoadedDocument):
            continue
        for chunk in chunk_document(doc):
            out_p.append(embedding_text(chunk))
            out_s += [chunk.page_content[a:b] for a, b in split_sentences(chunk.page_content)]
        if len(out_p) >= passages and len(out_s) >= sentences:
            break
    return out_p[:passages], out_s[:sentences]


def speed(
    settings: Settings, asks: list[str], searches: list[str], raw_query: Any
) -> dict[str, Any]:
    """Latency of a fresh Assistant (its own query cache), against the floor."""
    assistant = Assistant(settings, embeddings=E5Embeddings())
    started = time.perf_counter()
    assistant.ask("Vilka områden omfattar överenskommelsen?")
    first = time.perf_counter() - started
    out: dict[str, Any] = {"first_ask_s": round(first, 3)}
    out["ask"] = latency(assistant.ask, asks).to_dict()
    out["search"] = latency(lambda q: assistant.search(q, k=5), searches).to_dict()
    out["ask_repeated"] = latency(assistant.ask, asks).to_dict()
    index = assistant.index
    out["floor"] = floor(raw_query, index.client.get_collection(index.name), asks, k=5).to_dict()
    out["passages_in_index"] = index.client.get_collection(index.name).count()
    return out


def quality(settings: Settings, dev: list[DevQuestion]) -> dict[str, Any]:
    """R@1 and R@3 of ``search`` on the dev set's answerable questions."""
    assistant = Assistant(settings, embeddings=E5Embeddings())
    return recall(lambda q: [p.text for p in assistant.search(q, k=3)], dev)
