"""The sentences' vectors beside the saved lexical index, memory-mapped by a serving process.

Answering reads the sentence vectors of the passages it quotes from (``Index.sentences``).
Read from Chroma, the first such read loads the whole ``-sent`` vector segment into the process
(+99 MB resident at 49 361 sentences, `bench` N=1000) and each read costs a Chroma call. So
``assistant index`` writes every sentence's vector and span into the lexical index's folder
(``lexical_store``: keyed by the index fingerprint, so never read against another index state)
and a serving process maps them: a question touches only its own rows.

Rows keep Chroma's own order (its internal insertion order, in which ``get`` returns rows
whatever order the ids are asked in), so a table read gives exactly what Chroma gives. A folder
without the files (saved before them, or a Chroma server: nothing local) reads Chroma as before.
"""

from __future__ import annotations

import json
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .indexing.chroma import get_all

if TYPE_CHECKING:
    from .indexing.store import Index

__all__ = ["PassageVectors", "SentenceTable"]

_VECTORS, _SPANS, _CHUNKS = "sentence_vectors.npy", "sentence_spans.npy", "sentence_chunks.json"
Row = tuple[str, int, int, np.ndarray]

# One mapped table per folder in a process (the staff assistant and its public view share it).
_loaded: weakref.WeakValueDictionary[str, SentenceTable] = weakref.WeakValueDictionary()
_loading = threading.Lock()


class SentenceTable:
    """(chunk id, start, end, vector) of every sentence, in Chroma's row order."""

    def __init__(self, chunks: list[str], spans: np.ndarray, vectors: np.ndarray) -> None:
        same: dict[str, str] = {}
        self.chunks = [same.setdefault(c, c) for c in chunks]  # one string per passage
        self.spans = spans
        self.vectors = vectors
        self._rows: dict[str, list[int]] = {}
        for row, chunk in enumerate(self.chunks):
            self._rows.setdefault(chunk, []).append(row)

    @classmethod
    def read(cls, index: Index) -> SentenceTable:
        """Every sentence row of the index, as Chroma holds it now."""
        got = get_all(index._collection("-sent"), ["metadatas", "embeddings"])
        metas = got["metadatas"]
        dim = len(got["embeddings"][0]) if metas else 0
        vectors = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(metas), dim)
        spans = np.array([(int(m["start"]), int(m["end"])) for m in metas], dtype=np.int64)
        return cls([str(m["chunk_id"]) for m in metas], spans.reshape(len(metas), 2), vectors)

    def save(self, folder: Path) -> None:
        """Write the table into ``folder`` (new or in use): each file under a private name, then
        renamed; the chunk list, which readers look for, last."""
        _save(folder, {_VECTORS: self.vectors, _SPANS: self.spans}, _CHUNKS, self.chunks)

    @staticmethod
    def saved(folder: Path) -> bool:
        return (folder / _CHUNKS).is_file()

    @classmethod
    def load(cls, folder: Path | None) -> SentenceTable | None:
        """The folder's table, memory-mapped (shared in the process); None if it has none."""
        if folder is None or not cls.saved(folder):
            return None
        key = str(folder)
        with _loading:
            table = _loaded.get(key)
            if table is None:
                try:
                    chunks = json.loads((folder / _CHUNKS).read_text("utf-8"))
                    spans = np.load(folder / _SPANS)
                    vectors = np.load(folder / _VECTORS, mmap_mode="r")
                except (OSError, ValueError):
                    return None  # unreadable: Chroma answers instead
                if not len(chunks) == len(spans) == len(vectors):
                    return None
                table = _loaded[key] = cls(chunks, spans, vectors)
        return table

    def rows(self, chunk_ids: list[str], counts: dict[str, int] | None = None) -> list[Row] | None:
        """Every sentence of the given passages, in Chroma's order; None when the table cannot
        vouch for a passage (not in it, or not with its ``counts``): Chroma is asked then."""
        found: list[int] = []
        for chunk in dict.fromkeys(chunk_ids):
            rows = self._rows.get(chunk, [])
            expected = counts.get(chunk) if counts else None
            if (expected is None and not rows) or (expected is not None and len(rows) != expected):
                return None
            found += rows
        found.sort()
        return [
            (
                self.chunks[r],
                int(self.spans[r, 0]),
                int(self.spans[r, 1]),
                np.array(self.vectors[r], dtype=np.float32),
            )
            for r in found
        ]


_PASSAGE_VECTORS, _PASSAGE_IDS = "passage_vectors.npy", "passage_ids.json"
_loaded_passages: weakref.WeakValueDictionary[str, PassageVectors] = weakref.WeakValueDictionary()


class PassageVectors:
    """Every passage's vector in Chroma's row order, for the lexical-only candidates whose cosine
    the fusion needs (``HybridRetriever.search``): a Chroma read per question otherwise (1 ms of
    a 21 ms ask at 17k passages, cProfile)."""

    def __init__(self, ids: list[str], vectors: np.ndarray) -> None:
        self.ids = ids
        self.vectors = vectors
        self._row = {pid: row for row, pid in enumerate(ids)}

    @classmethod
    def read(cls, index: Index) -> PassageVectors:
        got = get_all(index._collection(), ["embeddings"])
        ids = [str(i) for i in got["ids"]]
        dim = len(got["embeddings"][0]) if ids else 0
        return cls(ids, np.asarray(got["embeddings"], dtype=np.float32).reshape(len(ids), dim))

    def save(self, folder: Path) -> None:
        """Like ``SentenceTable.save``: the id list, which readers look for, last."""
        _save(folder, {_PASSAGE_VECTORS: self.vectors}, _PASSAGE_IDS, self.ids)

    @staticmethod
    def saved(folder: Path) -> bool:
        return (folder / _PASSAGE_IDS).is_file()

    @classmethod
    def load(cls, folder: Path | None) -> PassageVectors | None:
        if folder is None or not cls.saved(folder):
            return None
        with _loading:
            table = _loaded_passages.get(str(folder))
            if table is None:
                try:
                    ids = json.loads((folder / _PASSAGE_IDS).read_text("utf-8"))
                    vectors = np.load(folder / _PASSAGE_VECTORS, mmap_mode="r")
                except (OSError, ValueError):
                    return None
                if len(ids) != len(vectors):
                    return None
                table = _loaded_passages[str(folder)] = cls(ids, vectors)
        return table

    def get(self, ids: list[str]) -> dict[str, np.ndarray] | None:
        """id -> vector in Chroma's order (as ``Index.passage_vectors``); None if one is missing."""
        rows = [self._row.get(pid) for pid in dict.fromkeys(ids)]
        found = sorted(r for r in rows if r is not None)
        if len(found) != len(rows):
            return None
        return {self.ids[r]: np.array(self.vectors[r], dtype=np.float32) for r in found}

    def aligned(self, ids: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """(each id's row, its vector's norm) for ``nearest``; None if the table lacks one."""
        rows = np.array([self._row.get(pid, -1) for pid in ids], dtype=np.int64)
        if (rows < 0).any():
            return None
        norms = np.linalg.norm(np.asarray(self.vectors[rows], dtype=np.float32), axis=1)
        return rows, np.where(norms > 0, norms, 1.0)

    def nearest(
        self,
        qvec: np.ndarray,
        aligned: tuple[np.ndarray, np.ndarray],
        k: int,
        allowed: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` nearest of the ``aligned`` passages as (position in ``aligned``, cosine
        times ``qvec``'s norm), nearest first; ``allowed``: a mask over those positions.

        Exact, as Chroma's HNSW search is not: over 584 passages the 30 nearest it returned
        held 96-97 % of the exact 30, its nearest was another passage for 1-4 % of questions,
        and two processes opening the same index disagreed on 204 of 300 queries (README "Exact
        dense search"). A dot product over every passage costs about as much up to ~20k.
        The score is what ``HybridRetriever._dense`` reads from Chroma's cosine distance.
        """
        rows, norms = aligned
        # In the table's own type: a float64 question vector would copy the whole table as
        # float64 first (20 ms instead of 1.7 ms at 20k passages).
        qvec = np.asarray(qvec, dtype=self.vectors.dtype)
        sims = np.asarray(self.vectors @ qvec, dtype=np.float64)[rows] / norms
        if allowed is not None:
            sims = np.where(allowed, sims, -np.inf)
        n = min(k, int(np.isfinite(sims).sum()))
        if n <= 0:
            return []
        top = np.argpartition(-sims, n - 1)[:n]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(i), float(sims[i])) for i in top]


def _save(folder: Path, arrays: dict[str, np.ndarray], listing: str, ids: list[str]) -> None:
    """Each array, then the id list (which readers look for) last, each written under a private
    name and renamed: a reader sees a whole table or none."""
    for name, data in arrays.items():
        part = folder / f"{name}.part"
        with part.open("wb") as handle:
            np.save(handle, data)
        part.rename(folder / name)
    part = folder / f"{listing}.part"
    part.write_text(json.dumps(ids), "utf-8")
    part.rename(folder / listing)
