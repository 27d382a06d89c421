"""What the index keeps per document (``StoredDocument``, serialised in ``-docs``) and what one
index run reports (``IndexReport``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..ingest import LoadedDocument, Skipped

__all__ = ["IndexReport", "StoredDocument", "doc_id", "serialise", "stored"]


@dataclass
class StoredDocument:
    """A document as the index keeps it: cleaned pages, card and metadata."""

    source: str
    title: str
    doc_type: str
    pages: list[str]
    card: str
    metadata: dict[str, Any]
    removed: list[str] = field(default_factory=list)  # lines layout dropped (headers, page numbers)

    def page_text(self, page: int, kind: str = "passage") -> str:
        return self.card if kind == "card" else self.pages[page - 1]


@dataclass
class IndexReport:
    """What one `assistant index` run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Copies not indexed: (copy, original, why) -- byte-identical or nearly all passages the same.
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    # Pages read in this run that have no text layer (scanned images), per indexed file.
    empty_pages: dict[str, list[int]] = field(default_factory=dict)
    passages: int = 0
    sentences: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"Indexed in {self.seconds:.1f} s: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.removed)} removed, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.duplicates)} duplicates; {self.passages} "
            f"passages and {self.sentences} sentences embedded."
        ]
        lines += [f"  skipped {s.source}: {s.reason}" for s in self.skipped]
        lines += [
            f"  page {page} of {source} has no text layer: scanned? OCR it"
            for source, pages in self.empty_pages.items()
            for page in pages
        ]
        lines += [
            f"  duplicate {copy}: {why} {original}; indexed once, as {original}"
            for copy, original, why in self.duplicates
        ]
        return "\n".join(lines)


def doc_id(source: str) -> str:
    return "doc:" + source


def serialise(doc: LoadedDocument) -> str:
    return json.dumps(
        {
            "source": doc.source,
            "title": doc.title,
            "doc_type": doc.doc_type,
            "pages": doc.pages,
            "card": doc.card,
            "metadata": doc.metadata,
            "removed": _flat(doc.removed),
        },
        ensure_ascii=False,
        default=str,
    )


def _flat(lines: list[Any]) -> list[str]:
    # Layout may give the removed lines per page; the record keeps them in one list.
    return [str(x) for item in lines for x in (item if isinstance(item, list) else [item])]


def stored(text: str) -> StoredDocument:
    data = json.loads(text)
    return StoredDocument(**data)
