"""The common model every reader yields: pages of typed blocks, plus the loaded document.

Readers know their format (PDF character positions, Word styles, Markdown syntax); everything
after them (normalisation, layout, card, chunking) reads only these blocks, whatever the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Block", "BlockKind", "LoadedDocument", "RawDocument", "Skipped"]


class BlockKind(StrEnum):
    """What a block is. LINE is a physical line of wrapped text that layout still has to reflow;
    the other kinds are already whole units (a reader that knows paragraphs emits them directly)."""

    LINE = "line"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    HEADING = "heading"
    TABLE_ROW = "table_row"
    FOOTNOTE = "footnote"
    HEADER = "header"  # a page-header line (running header, letterhead, Word page header)
    FOOTER = "footer"  # a page-footer line (page number, footer text)


@dataclass
class Block:
    """One unit of a page, in reading order.

    ``page`` is 1-based. ``level`` is the heading level (1 = top). ``table`` numbers the table a
    TABLE_ROW belongs to (per document); ``cells`` holds that row's cell texts (a merged cell once)
    and ``header_row`` marks the table's column-name row. ``marker`` is a footnote's marker ("1");
    a footnote's ``text`` excludes it. ``props`` carries reader hints layout may use
    (``size``: font size in pt, ``bold``, ``top``/``bottom``: y position in pt from the page top,
    ``page_height``, ``glyph``: a list bullet's original symbol-font glyph, ``blank_before``: a LINE that
    follows a blank line, i.e. starts a new paragraph, ``title``: a DOCX paragraph in the Title style,
    ``style``: its Word style name, ``page_end``: the page a paragraph that runs over a break ends on).
    """

    kind: BlockKind
    text: str
    page: int = 1
    level: int = 0
    table: int | None = None
    cells: list[str] | None = None
    header_row: bool = False
    marker: str | None = None
    props: dict[str, Any] = field(default_factory=dict)

    def as_text(self) -> str:
        """The block as one line of the plain page text the layout steps read today."""
        if self.kind == BlockKind.HEADING:
            return "#" * max(1, self.level) + " " + self.text
        if self.kind == BlockKind.LIST_ITEM:
            return "- " + self.text
        if self.kind == BlockKind.TABLE_ROW and self.cells is not None:
            return " | ".join(self.cells)
        if self.kind == BlockKind.FOOTNOTE and self.marker:
            return f"{self.marker} {self.text}"
        return self.text


@dataclass
class RawDocument:
    """What a reader returns: blocks in reading order over ``page_count`` pages.

    ``front`` holds document properties the file itself declares (Markdown front matter, PDF/Word
    title). ``empty_pages`` lists 1-based pages that have no text layer (scanned images).
    """

    blocks: list[Block]
    page_count: int
    front: dict[str, Any] = field(default_factory=dict)
    empty_pages: list[int] = field(default_factory=list)
    # False when the file does not tell where its pages break (a Word file without recorded
    # breaks): block pages are then positions in the text, never cited as printed pages.
    page_known: bool = True

    def page_texts(self) -> list[str]:
        """One plain text per page: wrapped lines one per line, whole units separated by a blank line."""
        pages: list[list[str]] = [[] for _ in range(max(1, self.page_count))]
        previous: Block | None = None
        for block in self.blocks:
            lines = pages[min(max(block.page, 1), len(pages)) - 1]
            if lines and previous is not None and _separate(previous, block):
                lines.append("")
            lines.append(block.as_text())
            previous = block
        return ["\n".join(lines) for lines in pages]


def _separate(previous: Block, block: Block) -> bool:
    # Wrapped lines stay adjacent (layout reflows them); rows of one table stay adjacent.
    if previous.kind == block.kind == BlockKind.LINE:
        return bool(block.props.get("blank_before"))
    if previous.kind == block.kind == BlockKind.TABLE_ROW and previous.table == block.table:
        return False
    return not (previous.kind in _EDGE and block.kind in _EDGE)


_EDGE = {BlockKind.HEADER, BlockKind.FOOTER}


@dataclass
class Skipped:
    """A corpus file that was not indexed, and why."""

    source: str
    reason: str


@dataclass
class LoadedDocument:
    """One corpus file after cleaning: its pages (1-based by position), metadata and card.

    ``empty_pages`` are pages without a text layer (reported by the index summary);
    ``blocks`` are the reader's blocks, for layout steps and chunking that read blocks;
    ``removed`` the lines layout dropped (running headers, footers, letterheads, page numbers).
    ``pages`` are positions in the text; ``page_known`` says whether they are printed pages.
    """

    source: str
    title: str
    doc_type: str
    pages: list[str]
    metadata: dict[str, Any] = field(default_factory=dict)
    card: str = ""
    file_hash: str = ""
    empty_pages: list[int] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    units: list[Any] = field(default_factory=list)  # layout.Unit: laid-out units chunking reads
    page_known: bool = True  # RawDocument.page_known: False = cite the section, not a page
