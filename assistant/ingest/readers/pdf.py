"""PDF -> RawDocument."""

from __future__ import annotations

from pathlib import Path

from ..model import Block, BlockKind, RawDocument

__all__ = ["read_pdf"]


def read_pdf(path: Path) -> RawDocument:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("password-protected PDF")
    info = reader.metadata or {}
    front = {"title": info.get("/Title")} if info.get("/Title") else {}
    blocks: list[Block] = []
    empty: list[int] = []
    for page_no, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if not text.strip():
            empty.append(page_no)
        for line in text.split("\n"):
            if line.strip():
                blocks.append(Block(BlockKind.LINE, line.rstrip(), page_no))
    return RawDocument(blocks, len(reader.pages), front=front, empty_pages=empty)
