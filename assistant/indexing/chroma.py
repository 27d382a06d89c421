"""Chroma, embedded or a server: connecting, telling its failures from ours, and reading or
writing whole collections in pages and batches."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlparse

import httpx
import numpy as np

from ..config import Settings
from ..errors import ChromaUnavailableError

__all__ = [
    "BATCH",
    "PAGE",
    "connect",
    "get_all",
    "is_store_error",
    "store_call",
    "store_unavailable",
    "upsert",
]

BATCH = 500
PAGE = 5000


def connect(settings: Settings) -> Any:
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


def store_call(method: _F) -> _F:
    """Turn a store failure inside an ``Index`` method into a ChromaUnavailableError."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
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


def get_all(col: Any, include: list[str]) -> dict[str, list[Any]]:
    """A whole collection, page by page: one big get exceeds SQLite's variable limit."""
    out: dict[str, list[Any]] = {"ids": [], **{k: [] for k in include}}
    offset = 0
    while True:
        page = col.get(include=include, limit=PAGE, offset=offset)
        for key in out:
            out[key].extend(page[key])
        if len(page["ids"]) < PAGE:
            return out
        offset += PAGE


def upsert(
    col: Any, ids: list[str], vectors: np.ndarray, texts: list[str], metas: list[dict]
) -> None:
    for i in range(0, len(ids), BATCH):
        col.upsert(
            ids=ids[i : i + BATCH],
            embeddings=vectors[i : i + BATCH],
            documents=texts[i : i + BATCH],
            metadatas=metas[i : i + BATCH],
        )
