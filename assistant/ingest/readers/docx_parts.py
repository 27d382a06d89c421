"""Word parts outside the body: page headers/footers and footnotes/endnotes (python-docx has no
API for notes), as blocks or id -> text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Block, BlockKind

__all__ = ["edges", "footnotes", "walk"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}del", f"{_W}instrText", f"{_W}delText", _MC_FALLBACK, f"{_W}fldChar"}


def edges(document: Any) -> list[Block]:
    """Lines of every section's page headers and footers (default, first page, even pages), once
    each; a tab-aligned header ("Kommun<TAB>Dnr KS 2024/0173") gives one line per tab stop."""
    seen: set[str] = set()
    heads: list[Block] = []
    feet: list[Block] = []
    for section in document.sections:
        for kind, parts, out in (
            (
                BlockKind.HEADER,
                (section.header, section.first_page_header, section.even_page_header),
                heads,
            ),
            (
                BlockKind.FOOTER,
                (section.footer, section.first_page_footer, section.even_page_footer),
                feet,
            ),
        ):
            for part in parts:
                if (
                    part.is_linked_to_previous
                    and part is not section.header
                    and part is not section.footer
                ):
                    continue
                for p in part._element.iter(f"{_W}p"):
                    text = "".join(
                        n.text or "" if n.tag == f"{_W}t" else "\t"
                        for n in walk(p)
                        if n.tag in (f"{_W}t", f"{_W}tab", f"{_W}br")
                    )
                    for piece in text.split("\t"):
                        piece = " ".join(piece.split())
                        if piece and piece not in seen:
                            seen.add(piece)
                            out.append(Block(kind, piece, 1))
    return heads + feet


def footnotes(document: Any, kind: str = "footnote") -> dict[str, str]:
    """Footnote (or endnote) id -> text, from its part (python-docx has no API for either)."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith(f"/{kind}s") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for note in root.iter(f"{_W}{kind}"):
                if note.get(f"{_W}type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
                if text:
                    notes[note.get(f"{_W}id") or ""] = text
            return notes
    return {}


def walk(element: Any) -> Iterator[Any]:
    """Descendants in document order, skipping deleted text, field codes and duplicate fallbacks."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIP:
            continue
        yield child
        yield from walk(child)
