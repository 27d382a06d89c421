"""The dense side of retrieval: a question vector's nearest passages, exact where it can be.

``HybridRetriever`` fuses these candidates with BM25's (``retrieve``). Exact cosines come from
the passage vectors saved beside the index (``sentence_table.PassageVectors``): Chroma's HNSW
search is approximate and differed between processes (README "Exact dense search"); a Chroma
server without a saved table is asked through ``Index.similar``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from langchain_core.documents import Document

from .indexing.store import Index

__all__ = ["Candidates", "Rows", "aligned_rows", "nearest_passages"]

# Passage id -> (its Document, cosine times the question vector's norm).
Candidates = dict[str, tuple[Document, float]]
# Each lexical passage's row in the saved passage vectors and its norm; () when the table lacks
# a passage (it is not this index state's table).
Rows = tuple[np.ndarray, np.ndarray] | tuple[()]


def aligned_rows(index: Index, docs: list[Document]) -> Rows:
    """The rows of ``docs`` (the lexical side's passages, in its order) in the saved table;
    () without a table or when it lacks one of them."""
    table = index.passage_table
    if table is None or not docs:
        return ()
    return table.aligned([str(d.id) for d in docs]) or ()


def nearest_passages(
    index: Index,
    lexical: Any,
    qvec: np.ndarray,
    n: int,
    rows: Rows,
    source: str | None = None,
    public_only: bool = False,
) -> tuple[Candidates, float]:
    """The ``n`` dense candidates by id, and the lowest cosine among them (1.0 if none).

    ``lexical``: the retriever's ``LexicalIndex``/``PublicLexical`` (its ``docs``, ``by_id``
    and ``sources``: only passages it holds are answers). ``rows``: ``aligned_rows`` of its
    docs; exact search over them, Chroma's nearest-neighbour query when they are () or the
    index holds no table.
    """
    docs, table = lexical.docs, index.passage_table
    if rows and table is not None:
        allowed = None if source is None else lexical.sources == source
        top = table.nearest(qvec, rows, n, allowed)
        found = {str(docs[i].id): (docs[i], cos) for i, cos in top}
        return found, min((cos for _, cos in top), default=1.0)
    similar = index.similar(qvec, n, source, public_only)
    floor = min((cos for _, cos in similar), default=1.0)
    # Only committed passages (those the lexical side was built from) are answers: a concurrent
    # index run's half-written file stays invisible. Their texts and metadata come from there
    # too (Chroma returns ids only: ``Index.nearest``).
    known = lexical.by_id
    return {pid: (known[pid], cos) for pid, cos in similar if pid in known}, floor
