"""Ingest: corpus files -> cleaned pages plus document metadata and a searchable document card.

A package: one reader per format (``readers``) yields the common ``RawDocument`` of pages and
blocks (``model``); ``pipeline.load_document`` runs reader -> layout -> card. This module
re-exports the public API so ``from assistant.ingest import ...`` keeps working.
"""

from __future__ import annotations

from ._legacy import reflow, split_pages, strip_repeated_blocks
from .card import KEY_VALUE, document_card, title_block
from .model import Block, BlockKind, LoadedDocument, RawDocument, Skipped
from .pipeline import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    corpus_files,
    file_hash,
    load_document,
    read_raw,
    visibility_of,
)

__all__ = [
    "KEY_VALUE",
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Block",
    "BlockKind",
    "LoadedDocument",
    "RawDocument",
    "Skipped",
    "corpus_files",
    "document_card",
    "file_hash",
    "load_document",
    "read_raw",
    "reflow",
    "split_pages",
    "strip_repeated_blocks",
    "title_block",
    "visibility_of",
]
