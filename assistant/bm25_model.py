"""One bm25s model over token lists (``lexical.LexicalIndex`` holds two: stemmed words and
character trigrams), built from tokens or memory-mapped from a saved folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["BM25Model"]


class BM25Model:
    """One bm25s model over token lists; scores only tokens it knows (0 for the rest)."""

    def __init__(self, model: Any, size: int) -> None:
        self.model = model
        self.size = size

    @classmethod
    def build(cls, tokens: list[list[str]]) -> BM25Model:
        import bm25s

        model = bm25s.BM25()
        if tokens:
            model.index([t or ["\x00"] for t in tokens], show_progress=False)
        return cls(model, len(tokens))

    @classmethod
    def load(cls, folder: Path, size: int) -> BM25Model:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=True, show_progress=False), size)

    def save(self, folder: Path) -> None:
        self.model.save(str(folder), show_progress=False)

    def knows(self, token: str) -> bool:
        return bool(self.size) and token in self.model.vocab_dict

    def vocabulary(self, mask: np.ndarray | None = None) -> list[str]:
        """The tokens the model knows; with ``mask`` (one bool per passage) only those in some
        passage it marks."""
        if not self.size:
            return []
        tokens = [t for t in self.model.vocab_dict if t]
        if mask is None:
            return tokens
        matrix = self.model.scores
        indptr = np.asarray(matrix["indptr"])
        # Marked passages per token: a running count over the token-major index.
        running = np.concatenate([[0], np.cumsum(mask[np.asarray(matrix["indices"])])])
        marked = running[indptr[1:]] - running[indptr[:-1]]
        ids = self.model.vocab_dict
        # bm25s also lists "" (past the matrix's columns): it is in no passage.
        return [t for t in tokens if ids[t] < len(marked) and marked[ids[t]] > 0]

    def passages_with(self, token: str) -> np.ndarray:
        """Positions of the passages that contain ``token`` (its column of the score matrix)."""
        at = self.model.vocab_dict.get(token) if self.size else None
        if at is None:
            return np.zeros(0, dtype=np.int64)
        matrix = self.model.scores
        return np.asarray(matrix["indices"][matrix["indptr"][at] : matrix["indptr"][at + 1]])

    def frequency(self, token: str) -> int:
        """How many passages hold the token."""
        return len(self.passages_with(token))

    def scores(self, tokens: list[str]) -> np.ndarray:
        known = [t for t in tokens if self.knows(t)]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.model.get_scores(known), dtype=np.float32)
