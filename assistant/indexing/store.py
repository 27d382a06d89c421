"""``Index``: the three collections of one corpus and one embedder, and reading them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.documents import Document

from ..chunking import CHUNKER_VERSION
from ..config import Settings
from ..embeddings import AssistantEmbeddings, make_embeddings, model_slug
from ..errors import IndexModelMismatchError, IndexNotFoundError
from .build import IndexBuilder
from .chroma import connect, get_all, store_call
from .records import StoredDocument, doc_id, stored

if TYPE_CHECKING:
    from ..sentence_table import PassageVectors, SentenceTable

__all__ = ["Index", "collection_name"]


def collection_name(settings: Settings) -> str:
    """Chroma collection name: prefix, embedder and chunker version."""
    return f"{settings.collection_prefix}-{model_slug(settings)}-c{CHUNKER_VERSION}"


class Index(IndexBuilder):
    """The persisted store for one corpus and one embedder (building it: ``IndexBuilder``)."""

    def __init__(self, settings: Settings, embeddings: AssistantEmbeddings | None = None) -> None:
        self.settings = settings
        self.name = collection_name(settings)
        self._embeddings = embeddings
        self._client: Any = None
        self._handles: dict[str, Any] = {}
        # The saved sentence vectors of the index state being served (``sentence_table``): the
        # retriever sets it with the lexical index of the same fingerprint; None reads Chroma.
        self.sentence_table: SentenceTable | None = None
        self.passage_table: PassageVectors | None = None

    # --- handles ------------------------------------------------------------------------------

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = connect(self.settings)
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

    @store_call
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

    @store_call
    def passages(self) -> list[Document]:
        """Every passage (text and metadata, no vectors), for the lexical index."""
        committed = self.committed()
        got = get_all(self._collection(), ["documents", "metadatas"])
        return [
            Document(page_content=text, id=pid, metadata=meta)
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if committed.get(meta["source"]) == meta.get("file_hash")
        ]

    @store_call
    def committed(self) -> dict[str, str]:
        """Content hash of every completely indexed document, by source."""
        got = get_all(self._collection("-docs"), ["metadatas"])
        return {m["source"]: m["file_hash"] for m in got["metadatas"]}

    @store_call
    def nearest(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """(passage id, cosine distance) of the ``k`` passages nearest ``vector``, nearest first.

        Ids only: the caller holds every committed passage already (the lexical index), and
        having Chroma read 50 passages' texts and metadata from SQLite per question cost 3 ms of
        a 4 ms query at 17k passages (min of 45, `bench` N=1000)."""
        got = self._collection().query(
            query_embeddings=[vector.tolist()], n_results=k, where=where, include=["distances"]
        )
        return list(zip(got["ids"][0], map(float, got["distances"][0]), strict=True))

    def similar(
        self, vector: np.ndarray, k: int, source: str | None = None, public_only: bool = False
    ) -> list[tuple[str, float]]:
        """(passage id, cosine times ``vector``'s norm) of Chroma's ``k`` nearest, nearest
        first, within one document and/or the public passages.

        Chroma's cosine space returns a distance of the normalised vectors; retrieval fuses the
        similarity to ``vector`` as given (a mixed question vector's norm is below 1)."""
        where: list[dict[str, Any]] = [{"source": source}] if source else []
        if public_only:
            where.append({"visibility": "public"})
        hits = self.nearest(
            vector, k, (where[0] if len(where) == 1 else {"$and": where}) if where else None
        )
        scale = float(np.linalg.norm(vector))
        return [(pid, (1.0 - dist) * scale) for pid, dist in hits]

    @store_call
    def passage_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        if self.passage_table is not None:
            found = self.passage_table.get(ids)
            if found is not None:
                return found
        got = self._collection().get(ids=ids, include=["embeddings"])
        return {
            pid: np.asarray(vec, dtype=np.float32)
            for pid, vec in zip(got["ids"], got["embeddings"], strict=True)
        }

    @store_call
    def sentences(
        self, chunk_ids: list[str], counts: dict[str, int] | None = None
    ) -> list[tuple[str, int, int, np.ndarray]]:
        """(chunk id, start, end, vector) of every sentence of the given passages.

        With each passage's sentence count, the rows are fetched by id (``<chunk id>:<i>``),
        several times faster than filtering all sentences by chunk id.
        """
        if not chunk_ids:
            return []
        if self.sentence_table is not None:
            rows = self.sentence_table.rows(chunk_ids, counts)
            if rows is not None:
                return rows
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

    @store_call
    def documents(self) -> list[StoredDocument]:
        got = get_all(self._collection("-docs"), ["documents"])
        return sorted((stored(text) for text in got["documents"]), key=lambda d: d.source)

    @store_call
    def document(self, source: str) -> StoredDocument | None:
        got = self._collection("-docs").get(ids=[doc_id(source)], include=["documents"])
        return stored(got["documents"][0]) if got["ids"] else None

    @store_call
    def fingerprint(self) -> str:
        """Changes whenever any document is added, changed or removed."""
        return "|".join(sorted(f"{s}:{h}" for s, h in self.committed().items()))
