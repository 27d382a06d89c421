"""Word (.docx) -> RawDocument (python-docx)."""

from __future__ import annotations

from pathlib import Path

from ..model import Block, BlockKind, RawDocument

__all__ = ["read_docx"]


def read_docx(path: Path) -> RawDocument:
    import docx

    document = docx.Document(str(path))
    blocks: list[Block] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "").lower()
        if style.startswith("heading") and style[-1:].isdigit():
            blocks.append(Block(BlockKind.HEADING, text, level=int(style[-1])))
        elif style == "title":
            blocks.append(Block(BlockKind.HEADING, text, level=1))
        elif "list" in style:
            blocks.append(Block(BlockKind.LIST_ITEM, text))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text))
    for t, table in enumerate(document.tables):
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            blocks.append(Block(BlockKind.TABLE_ROW, " | ".join(cells), table=t, cells=cells))
    title = document.core_properties.title
    return RawDocument(blocks, 1, front={"title": title} if title else {})
