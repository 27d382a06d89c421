"""Vector reuse for the large corpora, where embedding every text would not fit the time budget.

Synthetic agreements are recombinations of one text with other names, dates and numbers, so
most of their passages and sentences differ from an already embedded one only in those. The pool
maps ``canonical(text)`` (names and digits masked) to a vector read back from an index that was
embedded for real. The baseline's 1000-character windows recombine too freely for that; a window
not in the pool takes the vector of a stored window that starts with the same paragraph
(``first_block``). Anything else is embedded for real. The index built this way has the real
layout and sizes; a reused vector is moved slightly per text (see ``_moved``) so that name
variants lie as close together as real e5 puts them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from assistant.chunking import embedding_text
from assistant.indexing.store import Index
from bench.corpus import canonical

__all__ = ["PooledEmbeddings", "baseline_pool", "first_block", "ours_pool"]


def first_block(text: str) -> str:
    """The canonical first paragraph of a text: a 1000/200 window starts at one."""
    return canonical(text.strip().split("\n\n", 1)[0])


def ours_pool(index: Index) -> dict[str, np.ndarray]:
    """canonical text -> vector for every passage and sentence stored in ``index``."""
    pool: dict[str, np.ndarray] = {}
    got = index.client.get_collection(index.name).get(
        include=["documents", "metadatas", "embeddings"]
    )
    for text, meta, vec in zip(got["documents"], got["metadatas"], got["embeddings"], strict=True):
        # A passage's vector is of its embedding text (title and section + content).
        key = canonical(embedding_text(Document(page_content=text, metadata=meta)))
        pool[key] = np.asarray(vec, dtype=np.float32)
    got = index.client.get_collection(index.name + "-sent").get(include=["documents", "embeddings"])
    for text, vec in zip(got["documents"], got["embeddings"], strict=True):
        pool[canonical(text)] = np.asarray(vec, dtype=np.float32)
    return pool


def baseline_pool(collection: Any) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(canonical window -> vector, canonical first paragraph -> vector) of a baseline store."""
    got = collection.get(include=["documents", "embeddings"])
    exact: dict[str, np.ndarray] = {}
    approx: dict[str, np.ndarray] = {}
    for text, vec in zip(got["documents"], got["embeddings"], strict=True):
        exact[canonical(text)] = np.asarray(vec, dtype=np.float32)
        approx.setdefault(first_block(text), exact[canonical(text)])
    return exact, approx


# Measured with e5 here: the same passage with another municipality name has cosine 0.95-0.96
# to the original. A pooled vector is moved by about as much (1 / sqrt(1 + 0.3**2) = 0.958), in
# a direction fixed by the text, so that name variants are near but not identical in the index
# (identical vectors would make the HNSW graph unrealistically degenerate).
_SPREAD = 0.3


def _moved(vector: np.ndarray, text: str, key: str) -> np.ndarray:
    if key == text:  # no name, no digit: the real embedder gives the same vector too
        return vector
    rng = np.random.default_rng(zlib.crc32(text.encode()))
    moved = vector + _SPREAD * rng.standard_normal(vector.shape[0]) / np.sqrt(vector.shape[0])
    return (moved / np.linalg.norm(moved)).astype(np.float32)


class PooledEmbeddings(Embeddings):
    """Document vectors from the pool, else embedded by ``real``; queries always go to ``real``."""

    def __init__(
        self,
        real: Any,
        exact: dict[str, np.ndarray],
        approx: dict[str, np.ndarray] | None = None,
        approx_key: Callable[[str], str] | None = None,
    ) -> None:
        self.real, self.exact, self.approx, self.approx_key = real, exact, approx or {}, approx_key
        self.name = getattr(real, "name", "pooled")
        self.counts = {"exact": 0, "approx": 0, "embedded": 0}

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        out: list[np.ndarray | None] = []
        missing: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            key = canonical(text)
            if key in self.exact:
                out.append(_moved(self.exact[key], text, key))
                self.counts["exact"] += 1
            elif self.approx_key and self.approx_key(text) in self.approx:
                out.append(_moved(self.approx[self.approx_key(text)], text, key))
                self.counts["approx"] += 1
            else:
                out.append(None)
                missing.setdefault(key, []).append(i)
        if missing:
            firsts = [texts[rows[0]] for rows in missing.values()]
            fresh = np.asarray(self.real.embed_documents(firsts), dtype=np.float32)
            for (key, rows), vec in zip(missing.items(), fresh, strict=True):
                self.exact[key] = vec
                for i in rows:
                    out[i] = vec
            self.counts["embedded"] += len(missing)
        return np.vstack(out) if out else np.zeros((0, 384), dtype=np.float32)

    def query_vector(self, text: str) -> np.ndarray:
        if hasattr(self.real, "query_vector"):
            return self.real.query_vector(text)
        return np.asarray(self.real.embed_query(text), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.passage_vectors(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()
