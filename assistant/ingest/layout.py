"""Layout: the readers' blocks -> cleaned pages and laid-out units with exact offsets.

Format-independent: running headers, footers, letterheads and page-number lines are removed
(and reported per page), wrapped lines are reflowed in every format, line-end hyphens are
joined when they only split a word, lone bullet glyphs join their item, a unit that runs over a
page break is kept whole on the page where it starts (``page_end``), and headings are found.
Every unit's text is exactly ``pages[page - 1][start:end]``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .contents import contents_titles
from .detached import rejoin_markers
from .edges import strip_edges
from .grid import GridPair, column_cells, label_pairs, side_by_side
from .headings import mark_headings, merge_contents
from .normalise import normalise
from .page_joins import join_across_pages
from .reflow import reflow
from .signatures import Signature, decree_signature, signature_block
from .tickboxes import join_tick_boxes
from .units import LIST_START, Item, text_width

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")

__all__ = ["Layout", "Unit", "lay_out", "lay_out_pages"]


@dataclass
class Unit:
    """One laid-out unit: paragraph, list item, heading, table row or footnote."""

    kind: str
    page: int
    start: int = 0
    end: int = 0
    page_end: int = 0
    level: int = 0
    table: int | None = None
    header_row: bool = False
    marker: str | None = None
    marked: bool = False  # a heading the reader typed (Markdown "#", a Word style), not found here
    after_break: bool = False  # first unit after a section-ending rule (``units.Item``)


@dataclass
class Layout:
    pages: list[str]
    units: list[Unit]
    removed: list[list[str]]
    edge_lines: list[tuple[int, str]] = field(default_factory=list)
    title_hint: str = ""  # a line the reader knows is the title (a Word Title-style paragraph)
    grid: list[GridPair] = field(default_factory=list)  # label rows over value rows (``grid``)
    signature: Signature | None = None  # the last page's signature block (``signatures``)


def lay_out_pages(pages: list[str], vocabulary: Counter[str] | None = None) -> Layout:
    """Lay out plain page texts (one physical line per line, blank lines between blocks)."""
    items: list[Item] = []
    raw: list[str | None] = []  # each item's line as exported, columns' spaces kept
    for no, page in enumerate(pages, start=1):
        _add_lines(items, raw, no, page)
    signature = _signature(items, raw)  # before ``_boxes`` merges items
    items, grid = _boxes(items, raw)
    laid = _lay_out(items, max(1, len(pages)), vocabulary)
    laid.grid = grid
    laid.signature = signature
    return laid


def lay_out(blocks: list[Any], page_count: int) -> Layout:
    """Lay out reader blocks (``model.Block``; kinds by their string value)."""
    items: list[Item] = []
    raw: list[str | None] = []
    hint = ""
    for b in blocks:
        kind = str(getattr(b.kind, "value", b.kind))
        text = normalise(b.text or "")
        if b.props.get("title") and not hint:
            hint = " ".join(text.split())
        if kind == "line":
            if b.props.get("gap") or b.props.get("blank_before"):
                items.append(Item("blank", b.page, []))
                raw.append("")
            _add_lines(items, raw, b.page, b.text or "")
            continue
        text = " ".join(text.split())
        if kind == "list_item" and not LIST_START.match(text):
            text = f"- {text}"  # the reader dropped the bullet; the viewer shows one
        item = Item(kind, b.page, [text], b.level, b.table, b.header_row, b.marker)
        if kind == "table_row" and getattr(b, "cells", None) is not None:
            item.lines = [" | ".join(" ".join(normalise(c).split()) for c in b.cells)]
        items.append(item)
        raw.append(None)
    signature = _signature(items, raw)
    items, grid = _boxes(items, raw)
    laid = _lay_out(items, max(1, page_count), None)
    laid.title_hint = hint
    laid.grid = grid
    laid.signature = signature
    return laid


def _signature(items: list[Item], raw: list[str | None]) -> Signature | None:
    """The signature block of the last page with text, read in its exported lines (columns'
    spaces kept) where the reader gave them, else in the items' own."""
    pages: dict[int, list[str]] = {}
    for it, line in zip(items, raw, strict=True):
        pages.setdefault(it.page, []).extend([line] if line is not None else it.lines or [""])
    last = max((n for n, lines in pages.items() if any(ln.strip() for ln in lines)), default=0)
    # a regulation's block stands where its body ends, before its appendices (``signatures``)
    return (signature_block(last, pages[last]) if last else None) or decree_signature(pages)


def _add_lines(items: list[Item], raw: list[str | None], page: int, text: str) -> None:
    """One item per physical line of ``text``, its exported form beside it in ``raw``."""
    exported = text.split("\n")
    lines = normalise(text).split("\n")
    same = len(lines) == len(exported)  # else no column is read (``_boxes``)
    for k, line in enumerate(lines):
        cells = column_cells(exported[k]) if same else 0
        items.append(
            Item("line", page, [line], cells=cells) if line.strip() else Item("blank", page, [])
        )
        raw.append(exported[k] if same else None)


def _boxes(items: list[Item], raw: list[str | None]) -> tuple[list[Item], list[GridPair]]:
    """A metadata box's rows (``grid``: labels over values) as one unit, never a heading (its
    value's second line, "Medicinskt ansvarig sjuksköterska", had named a section), and the
    box's label/value pairs for the card."""
    pairs: list[GridPair] = []
    merged: dict[int, list[int]] = {}  # first row's item -> the box's items
    by_page: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_page.setdefault(it.page, []).append(i)
    for page, at in sorted(by_page.items()):
        lines = [raw[i] or "" for i in at]
        boxes = label_pairs(page, lines)
        for box in boxes:
            pairs.append(box)
            rows = [at[k] for k in range(box.first, box.last + 1)]
            if all(raw[i] for i in rows) and not any(i in merged for i in rows):
                merged[rows[0]] = rows
        # columns side by side stay lines of the page; only the card reads their cells apart
        in_box = {k for box in boxes for k in range(box.first, box.last + 1)}
        pairs.extend(p for p in side_by_side(page, lines) if p.first not in in_box)
    drop = {i for rows in merged.values() for i in rows[1:]}
    out: list[Item] = []
    for i, it in enumerate(items):
        if i in merged:
            # a wrapped label's lines keep their column indent: one space between words
            rows = [" ".join(items[k].lines[0].split()) for k in merged[i]]
            out.append(Item("paragraph", it.page, rows))
        elif i not in drop:
            out.append(it)
    return out, pairs


def _lay_out(items: list[Item], page_count: int, vocabulary: Counter[str] | None) -> Layout:
    page_count = max([page_count] + [it.page for it in items])
    removed: list[list[str]] = [[] for _ in range(page_count)]
    edge: list[tuple[int, str]] = []
    by_page: list[list[Item]] = [[] for _ in range(page_count)]
    table_id = 10_000
    for it in items:
        if it.kind in ("header", "footer"):
            if it.text.strip():
                removed[it.page - 1].append(it.text.strip())
                edge.append((it.page, it.text.strip()))
            continue
        if it.kind == "line":
            table_id = _markup(it, by_page[it.page - 1], table_id)
        by_page[it.page - 1].append(it)
    strip_edges(by_page, removed, edge)
    vocab = vocabulary if vocabulary is not None else _vocabulary(by_page)
    width = text_width([it for page in by_page for it in page])
    titles = contents_titles(by_page)
    pages_units = [
        reflow(rejoin_markers(join_tick_boxes(page)), vocab, width, titles) for page in by_page
    ]
    join_across_pages(pages_units, vocab)
    merge_contents(pages_units)
    mark_headings(pages_units, titles)
    return _render(pages_units, removed, edge)


def _markup(it: Item, page: list[Item], table_id: int) -> int:
    """Markdown-style lines a text reader passed through: headings, table rows, rules."""
    text = it.lines[0].strip()
    if m := _MD_HEADING.match(text):
        it.kind, it.lines, it.level = "heading", [m.group(2)], len(m.group(1))
    elif text.startswith("|") and text.endswith("|") and len(text) > 1:
        prev = next((p for p in reversed(page) if p.kind not in ("blank", "rule")), None)
        if _TABLE_RULE.match(text):
            it.kind, it.lines = "rule", [text]
            if prev is not None and prev.kind == "table_row":
                prev.header_row = True
            return table_id
        if not (
            prev is not None and prev.kind == "table_row" and page and page[-1].kind != "blank"
        ):
            table_id += 1
        it.kind, it.table = "table_row", table_id
    elif set(text) <= set("-_=*· ") and len(text) >= 3:
        it.kind = "rule"
    return table_id


def _vocabulary(by_page: list[list[Item]]) -> Counter[str]:
    words: Counter[str] = Counter()
    for page in by_page:
        for it in page:
            for ln in it.lines:
                words.update(w.casefold() for w in re.findall(r"[\w-]+", ln) if not w.endswith("-"))
    return words


def _render(
    pages: list[list[Item]], removed: list[list[str]], edge: list[tuple[int, str]]
) -> Layout:
    texts: list[str] = []
    units: list[Unit] = []
    for no, page in enumerate(pages, start=1):
        parts: list[str] = []
        pos = 0
        prev: Item | None = None
        for it in page:
            text = it.text.strip()
            if not text:
                continue
            if parts:
                same_table = (
                    prev is not None
                    and prev.kind == it.kind == "table_row"
                    and prev.table == it.table
                )
                sep = "\n" if same_table else "\n\n"
                parts.append(sep)
                pos += len(sep)
            parts.append(text)
            units.append(
                Unit(
                    it.kind,
                    no,
                    pos,
                    pos + len(text),
                    max(no, it.page_end),
                    it.level,
                    it.table,
                    it.header_row,
                    it.marker,
                    it.kind == "heading" and not it.wrapped,
                    it.after_break,
                )
            )
            pos += len(text)
            prev = it
        texts.append("".join(parts))
    return Layout(texts, units, removed, edge)
