"""What the index holds per document, for "why isn't this found?" (``assistant passages``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import Assistant

__all__ = ["passage_listing"]


def passage_listing(assistant: Assistant, document: str | None = None) -> list[dict[str, Any]]:
    """What the index holds per document, for "why isn't this found?": source, title, card,
    the lines removed as running headers, footers and page numbers, and every passage."""
    wanted = assistant.resolve_document(document)
    by_source: dict[str, list[Any]] = {}
    for chunk in assistant.index.passages():
        if chunk.metadata.get("kind") != "card":
            by_source.setdefault(chunk.metadata["source"], []).append(chunk)
    out = []
    for doc in assistant.documents():
        if wanted is not None and doc.source != wanted:
            continue
        chunks = sorted(
            by_source.get(doc.source, []),
            key=lambda c: (c.metadata.get("page", 0), c.metadata.get("start", 0)),
        )
        rows = [
            {
                "id": c.id,
                "page": c.metadata.get("page"),
                "section": c.metadata.get("section", ""),
                "text": c.page_content,
            }
            | ({"page_known": False} if c.metadata.get("page_known") is False else {})
            for c in chunks
        ]
        out.append(
            {
                "source": doc.source,
                "title": doc.title,
                "card": doc.card,
                "removed": list(doc.removed),
                "passages": rows,
            }
        )
    return out
