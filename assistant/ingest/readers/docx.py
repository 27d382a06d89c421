"""Word (.docx) -> RawDocument, with python-docx and its XML.

The body is read in document order, paragraphs and tables interleaved (python-docx's
``document.paragraphs`` and ``document.tables`` are two separate lists, which moved every table
to the end). Headings come from the style (and its outline level, so localised "Rubrik 1" works),
list items from numbering (``w:numPr`` on the paragraph or its style). A merged cell is read once.
Page headers and footers become HEADER/FOOTER blocks, footnotes FOOTNOTE blocks with their marker
("[1]" in the body), and pages follow the page breaks Word and LibreOffice record in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Block, BlockKind, RawDocument
from .docx_numbering import Numbering, roman
from .docx_parts import edges as _edges
from .docx_parts import footnotes as _footnotes
from .docx_parts import walk as _walk

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", re.I)
_TITLE = re.compile(r"^(?:title|rubrik|titel)$", re.I)
_LIST_STYLE = re.compile(r"list|lista|liststycke|punkt", re.I)


def read_docx(path: Path) -> RawDocument:
    """Blocks in document order; HEADER/FOOTER blocks of all sections first on page 1."""
    import docx

    document = docx.Document(str(path))
    body = document.element.body
    rendered = bool(body.findall(f".//{_W}lastRenderedPageBreak"))
    notes = _footnotes(document)
    reader = _Reader(rendered, notes, Numbering(document))
    reader.endnotes = _footnotes(document, "endnote")
    blocks = _edges(document)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in _body_elements(body):
        if element.tag == f"{_W}tbl":
            blocks.extend(reader.table(Table(element, document._body)))
        else:
            blocks.extend(reader.paragraph(Paragraph(element, document._body)))
    blocks.extend(reader.flush_notes())
    blocks.extend(reader.ends)  # endnotes stand at the end of the document
    title = document.core_properties.title
    front: dict[str, Any] = {"title": title} if title and title.strip() else {}
    return RawDocument(blocks, reader.page, front=front, page_known=_pages_known(blocks, rendered))


# More text than fits on one A4 page (about 3 000 characters of 11 pt body text): a stretch
# this long without a recorded break ran over pages nobody recorded.
_PAGE_CHARS = 4000


def _pages_known(blocks: list[Block], rendered: bool) -> bool:
    """Page numbers can be cited when Word recorded where its pages broke, or when every stretch
    between recorded (or no) breaks is short enough to be one page; otherwise a passage's page is
    unknown (a file written by python-docx or re-saved without layout: never guess)."""
    if rendered:
        return True
    chars: dict[int, int] = {}
    for b in blocks:
        if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE):
            chars[b.page] = chars.get(b.page, 0) + len(b.text) + 1
    return max(chars.values(), default=0) <= _PAGE_CHARS


class _Reader:
    """Walks body paragraphs and tables, counting pages and collecting referenced footnotes."""

    def __init__(self, rendered: bool, notes: dict[str, str], numbering: Numbering) -> None:
        self.page = 1
        self.numbering = numbering
        self.rendered = rendered  # Word's own record of where its pages broke is present
        self.notes = notes
        self.numbers: dict[str, str] = {}  # footnote id -> its number in reading order
        self.pending: list[Block] = []
        self.notes_here: list[Block] = []  # footnotes referenced on the current page
        self.endnotes: dict[str, str] = {}
        self.ends: list[
            Block
        ] = []  # endnotes in order of reference, marked i, ii, iii as Word does
        self.tables = 0

    def text(self, element: Any) -> str:
        """Visible text of a paragraph; counts page breaks; footnote references become "[n]"."""
        parts: list[str] = []
        for node in _walk(element):
            tag = node.tag
            if tag == f"{_W}t":
                parts.append(node.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}cr",) or (tag == f"{_W}br" and node.get(f"{_W}type") is None):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}footnoteReference":
                parts.append(f"[{self._note(node.get(f'{_W}id') or '')}]")
            elif tag == f"{_W}endnoteReference":
                parts.append(f"[{self._endnote(node.get(f'{_W}id') or '')}]")
            elif self._breaks(node):
                self._new_page()
        return "".join(parts)

    def _breaks(self, node: Any) -> bool:
        if self.rendered:
            return node.tag == f"{_W}lastRenderedPageBreak"
        if node.tag == f"{_W}br" and node.get(f"{_W}type") == "page":
            return True
        return node.tag == f"{_W}pageBreakBefore" and node.get(f"{_W}val") not in ("0", "false")

    def _new_page(self) -> None:
        self.pending.extend(self.flush_notes())
        self.page += 1

    def _note(self, note_id: str) -> str:
        number = self.numbers.setdefault(note_id, str(len(self.numbers) + 1))
        if note_id in self.notes:
            text = self.notes[note_id]
            self.notes_here.append(Block(BlockKind.FOOTNOTE, text, self.page, marker=number))
        return number

    def _endnote(self, note_id: str) -> str:
        marker = roman(len(self.ends) + 1)
        text = self.endnotes.get(note_id, "")
        self.ends.append(
            Block(BlockKind.FOOTNOTE, text, self.page, marker=marker, props={"endnote": True})
        )
        return marker

    def flush_notes(self) -> list[Block]:
        notes, self.notes_here = self.notes_here, []
        return notes

    def paragraph(self, para: Any) -> list[Block]:
        start = self.page
        text = self.text(para._p).strip()
        out, self.pending = self.pending, []
        if not text:
            return out
        kind, level = _paragraph_kind(para)
        props: dict[str, Any] = {"style": para.style.name if para.style is not None else ""}
        if _TITLE.match(props["style"].strip()):
            props["title"] = True  # Word's Title style: the document's own title line
        if self.page != start:
            props["page_end"] = self.page
        num = _num_pr(para) if kind == BlockKind.LIST_ITEM else None
        if num and (label := self.numbering.label(*num)):
            props["label"] = label  # Word draws "3." itself: put it in the text to cite
            text = f"{label} {text}"
        if kind == BlockKind.HEADING and "\n" in text:
            text = " ".join(text.split())
        out.append(Block(kind, text, start, level=level, props=props))
        return out

    def table(self, table: Any) -> list[Block]:
        number = self.tables
        self.tables += 1
        earlier: dict[int, Any] = {}  # id -> cell element, kept alive so ids stay unique
        rows: list[list[str]] = []
        for row in table.rows:
            cells: list[str] = []
            here: dict[int, Any] = {}
            for cell in row.cells:
                tc = cell._tc
                if id(tc) in here:
                    continue  # the same cell again: merged across columns, read once
                here[id(tc)] = tc
                if id(tc) in earlier:
                    cells.append("")  # merged down from the row above: read once, column kept
                    continue
                paras = (self.text(p) for p in tc.iter(f"{_W}p"))
                cells.append(" ".join(" ".join(paras).split()))
            earlier.update(here)
            if any(cells):
                rows.append(cells)
        header = [
            bool(r._tr.trPr is not None and r._tr.trPr.find(f"{_W}tblHeader") is not None)
            for r in table.rows
        ]
        out, self.pending = self.pending, []
        for i, cells in enumerate(rows):
            out.append(
                Block(
                    BlockKind.TABLE_ROW,
                    " | ".join(cells),
                    self.page,
                    table=number,
                    cells=cells,
                    header_row=(i == 0 and len(rows) > 1) or (i < len(header) and header[i]),
                )
            )
        return out


def _body_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, including those inside content controls
    (w:sdt: title and case-number fields of municipal templates) and custom XML wrappers."""
    for child in parent:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)
        elif child.tag == f"{_W}customXml":
            yield from _body_elements(child)


def _paragraph_kind(para: Any) -> tuple[BlockKind, int]:
    style = para.style
    names = [
        s for s in (style.name if style is not None else "", getattr(style, "style_id", "")) if s
    ]
    for name in names:
        if m := _HEADING.match(name.replace("-", " ").strip()):
            return BlockKind.HEADING, int(m.group(1))
        if _TITLE.match(name.strip()):
            return BlockKind.HEADING, 1
    level = _outline_level(para)
    if level is not None and level < 9:
        return BlockKind.HEADING, level + 1
    if _numbered(para) or any(_LIST_STYLE.search(n) for n in names):
        return BlockKind.LIST_ITEM, 0
    return BlockKind.PARAGRAPH, 0


def _style_chain(para: Any) -> Iterator[Any]:
    style = para.style
    while style is not None:
        yield style.element
        style = style.base_style


def _outline_level(para: Any) -> int | None:
    for element in [para._p, *_style_chain(para)]:
        ppr = element.find(f"{_W}pPr")
        found = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
        if found is not None:
            return int(found.get(f"{_W}val", "9"))
    return None


def _numbered(para: Any) -> bool:
    return _num_pr(para) is not None


def _num_pr(para: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph in a list, from the paragraph or its style; None if none."""
    for element in [para._p, *_style_chain(para)]:
        ppr = element.find(f"{_W}pPr")
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num is not None:
            num_id, ilvl = num.find(f"{_W}numId"), num.find(f"{_W}ilvl")
            value = num_id.get(f"{_W}val", "") if num_id is not None else ""
            # numId 0 switches numbering off (a style's list turned off on this paragraph).
            if value == "0":
                return None
            return value, int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    return None
