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

from .edges import is_page_number, recurring_keys, similar_key
from .normalise import normalise

__all__ = ["Layout", "Unit", "lay_out", "lay_out_pages"]

_TERMINAL = ".!?:;…"
_BULLET_GLYPHS = {
    "•",
    "o",
    "\uf0b7",
    "\uf0a7",
    "▪",
    "■",
    "◦",
    "○",
    "‣",
    "⁃",
    "·",
    "-",
    "–",
    "*",
    "➢",
}
_LIST_START = re.compile(r"^(?:[•\uf0b7\uf0a7▪■◦○‣⁃·➢*–-]\s+|\(?\d{1,2}[.)]\s+|[a-zA-Z][.)]\s+)")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S|^\d{1,2}\.?\s+[A-ZÅÄÖ]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_KEY_VALUE = re.compile(r"^[A-ZÅÄÖ][\wÅÄÖåäö ./-]{0,40}:(?:\s|$)")
_NUMBERED_ITEM = re.compile(r"^\(?\d{1,2}[.)]\s+\S")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+\S")
_GLUED_MARKER = re.compile(r"[A-Za-zÅÄÖåäöé)]{2,}(\d{1,3})(?=[\s.,;:/)”]|$)")
# Words after which a line never ends a sentence or a heading (Swedish and English).
_FUNCTION_WORDS = set(
    "och eller samt i om för mellan av till med på den det de en ett som att är ska kan vid "
    "från enligt inom under efter över utan där när så även the of and or to in for with by a an".split()
)
_SUSPENDED = set("och eller samt respektive resp. resp som till , eller/och".split())


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


@dataclass
class Layout:
    pages: list[str]
    units: list[Unit]
    removed: list[list[str]]
    edge_lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Item:
    kind: str  # line | paragraph | list_item | heading | table_row | footnote
    page: int
    lines: list[str]
    level: int = 0
    table: int | None = None
    header_row: bool = False
    marker: str | None = None
    blank_before: bool = False
    page_end: int = 0
    wrapped: bool = False  # made of physical lines (may be reflowed)
    last_len: int = 0  # length of the last physical line (before hyphen joins)

    @property
    def text(self) -> str:
        return _join(self.lines)


def _join(lines: list[str]) -> str:
    return " ".join(lines)


def lay_out_pages(pages: list[str], vocabulary: Counter[str] | None = None) -> Layout:
    """Lay out plain page texts (one physical line per line, blank lines between blocks)."""
    items = [
        _Item("line", no, [ln]) if ln.strip() else _Item("blank", no, [])
        for no, page in enumerate(pages, start=1)
        for ln in normalise(page).split("\n")
    ]
    return _lay_out(items, max(1, len(pages)), vocabulary)


def lay_out(blocks: list[Any], page_count: int) -> Layout:
    """Lay out reader blocks (``model.Block``; kinds by their string value)."""
    items: list[_Item] = []
    for b in blocks:
        kind = str(getattr(b.kind, "value", b.kind))
        text = normalise(b.text or "")
        if kind == "line":
            if b.props.get("gap") or b.props.get("blank_before"):
                items.append(_Item("blank", b.page, []))
            items.extend(
                _Item("line", b.page, [ln]) if ln.strip() else _Item("blank", b.page, [])
                for ln in (text.split("\n") or [""])
            )
            continue
        text = " ".join(text.split())
        if kind == "list_item" and not _LIST_START.match(text):
            text = f"- {text}"  # the reader dropped the bullet; the viewer shows one
        item = _Item(kind, b.page, [text], b.level, b.table, b.header_row, b.marker)
        if kind == "table_row" and getattr(b, "cells", None) is not None:
            item.lines = [" | ".join(" ".join(normalise(c).split()) for c in b.cells)]
        items.append(item)
    return _lay_out(items, max(1, page_count), None)


def _lay_out(items: list[_Item], page_count: int, vocabulary: Counter[str] | None) -> Layout:
    page_count = max([page_count] + [it.page for it in items])
    removed: list[list[str]] = [[] for _ in range(page_count)]
    edge: list[tuple[int, str]] = []
    by_page: list[list[_Item]] = [[] for _ in range(page_count)]
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
    _strip_edges(by_page, removed, edge)
    vocab = vocabulary if vocabulary is not None else _vocabulary(by_page)
    width = _width([it for page in by_page for it in page])
    pages_units = [_reflow(page, vocab, width) for page in by_page]
    _join_across_pages(pages_units, vocab)
    _mark_headings(pages_units)
    return _render(pages_units, removed, edge)


def _markup(it: _Item, page: list[_Item], table_id: int) -> int:
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


def _strip_edges(
    by_page: list[list[_Item]], removed: list[list[str]], edge: list[tuple[int, str]]
) -> None:
    """Drop page numbers anywhere and recurring lines at page tops and bottoms."""
    n = len(by_page)
    tops = [
        [it.text for it in _text_lines(p)[:25]] + [it.text for it in _text_lines(p)[-25:]]
        for p in by_page
    ]
    recurring = recurring_keys(tops) if n >= 2 else set()

    def running(text: str) -> bool:
        return similar_key(text, recurring)

    for no, page in enumerate(by_page, start=1):
        keep: list[_Item] = []
        lines = _text_lines(page)
        top_ids = _edge_run(lines, running)
        bottom_ids = _edge_run(list(reversed(lines)), running)
        if no == 1 and top_ids:
            # A title that is also the running header stays on page 1: a header line there
            # followed by a line that is not a variant of it (the real title) is the title.
            for i in sorted(top_ids):
                words = set(lines[i].text.casefold().split())
                nxt = set(lines[i + 1].text.casefold().split()) if i + 1 < len(lines) else set()
                if len(words) >= 3 and len(words & nxt) < len(words) / 2:
                    top_ids = {j for j in top_ids if j < i}
                    break
        drop = {id(lines[i]) for i in top_ids} | {id(lines[len(lines) - 1 - i]) for i in bottom_ids}
        for it in page:
            text = it.text.strip()
            if it.kind == "rule":
                if any(ch.isalnum() for ch in text):
                    removed[no - 1].append(text)
                continue
            if it.kind == "line" and (id(it) in drop or is_page_number(text, n, strict=True)):
                removed[no - 1].append(text)
                edge.append((no, text))
                continue
            keep.append(it)
        page[:] = keep


def _text_lines(page: list[_Item]) -> list[_Item]:
    return [it for it in page if it.kind not in ("blank", "rule")]


def _edge_run(lines: list[_Item], running: Any) -> set[int]:
    ids: set[int] = set()
    for i, it in enumerate(lines):
        if it.kind != "line" or not (is_page_number(it.text.strip(), 0) or running(it.text)):
            break
        ids.add(i)
    return ids


def _vocabulary(by_page: list[list[_Item]]) -> Counter[str]:
    words: Counter[str] = Counter()
    for page in by_page:
        for it in page:
            for ln in it.lines:
                words.update(w.casefold() for w in re.findall(r"[\w-]+", ln) if not w.endswith("-"))
    return words


def _is_list_start(text: str) -> bool:
    return (
        bool(_LIST_START.match(text))
        and not _NUMBERED_HEADING.match(text)
        or (bool(re.match(r"^\d{1,2}\.\s", text)) and len(text) > 80)
    )


def _reflow(page: list[_Item], vocab: Counter[str], width: int) -> list[_Item]:
    """Physical lines -> units: wrapped lines joined, bullets with their items, footnotes found."""
    body_end = _footnote_start(page)
    out: list[_Item] = []
    blank = False
    bullet: str | None = None
    for idx, it in enumerate(page):
        if it.kind == "blank":
            blank = True
            continue
        if it.kind != "line":
            it.blank_before = blank
            out.append(it)
            blank = False
            continue
        text = it.lines[0].strip()
        if idx >= body_end:
            m = _FOOTNOTE_START.match(text)
            if m and (
                not out
                or out[-1].kind != "footnote"
                or int(m.group(1)) == int(out[-1].marker or 0) + 1
            ):
                out.append(_Item("footnote", it.page, [text], marker=m.group(1), wrapped=True))
            elif out and out[-1].kind == "footnote":
                _append(out[-1], text, vocab)
            continue
        if text in _BULLET_GLYPHS:
            bullet = text
            continue
        prev = out[-1] if out else None
        if bullet is not None:
            out.append(
                _Item("list_item", it.page, [f"{bullet} {text}"], blank_before=blank, wrapped=True)
            )
            bullet = None
        elif prev is not None and prev.wrapped and _continues(prev, text, blank, width):
            _append(prev, text, vocab)
        else:
            kind = "list_item" if _is_list_start(text) else "paragraph"
            out.append(_Item(kind, it.page, [text], blank_before=blank, wrapped=True))
        blank = False
    if bullet is not None:
        out.append(_Item("paragraph", page[-1].page if page else 1, [bullet], wrapped=True))
    for unit in out:
        # "1. Text …" that runs over lines or ends a sentence is a list item, not a heading.
        if unit.kind == "paragraph" and _NUMBERED_ITEM.match(unit.lines[0]):
            if len(unit.lines) > 1 or unit.text[-1] in _TERMINAL:
                unit.kind = "list_item"
    return out


def _width(lines: list[_Item]) -> int:
    lengths = sorted(
        len(it.lines[0]) for it in lines if it.kind == "line" and len(it.lines[0]) > 20
    )
    # The text width (in characters) of the document's wrapped lines; too few lines to tell:
    # no line counts as wrapped by its length alone.
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 8 else 10_000


def _footnote_start(page: list[_Item]) -> int:
    """Index where a trailing footnote block starts (after the page's last blank line, the
    block's lines start with consecutive numbers that mark words in the body), else len(page)."""
    blanks = [i for i, it in enumerate(page) if it.kind == "blank"]
    for b in reversed(blanks):
        tail = [it for it in page[b + 1 :] if it.kind == "line"]
        if not tail:
            continue
        m = _FOOTNOTE_START.match(tail[0].lines[0])
        if not m or len(tail) > 30:
            return len(page)
        body = " ".join(it.lines[0] for it in page[:b] if it.kind == "line")
        markers = {g for g in _GLUED_MARKER.findall(body)}
        return b + 1 if m.group(1) in markers else len(page)
    return len(page)


def _continues(prev: _Item, text: str, blank: bool, width: int) -> bool:
    """Does the physical line ``text`` continue the unit ``prev``?"""
    last = prev.lines[-1]
    if _is_list_start(text) or prev.kind not in ("paragraph", "list_item") or not text:
        return False
    if _KEY_VALUE.match(text) and not text[0].islower():
        return False
    if last.endswith("-") and text[0].islower():
        return True
    if last[-1] in _TERMINAL:
        return False
    last_word = last.split()[-1].casefold()
    lower = text[0].islower() or text[0] in "(,"
    last_len = prev.last_len or len(last)
    if blank:
        lower = lower or (text[0].isdigit() and last_word[:1].islower())
        return lower and (len(prev.lines) > 1 or last_len > 40)
    if lower or last_word in _FUNCTION_WORDS or last[-1] == ",":
        return True
    return last_len + 1 + len(text.split()[0]) > width * 0.92


def _append(unit: _Item, text: str, vocab: Counter[str]) -> None:
    last = unit.lines[-1]
    unit.last_len = len(text)
    if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and text[:1].isalpha():
        joined = _hyphen_join(last, text, vocab)
        if joined is not None:
            unit.lines[-1] = joined
            return
    if last.endswith("/") and text[:1].isalnum():
        unit.lines[-1] = last + text
        return
    unit.lines.append(text)


def _hyphen_join(last: str, text: str, vocab: Counter[str]) -> str | None:
    """``last`` ends in "-": the joined line, or None to keep the hyphen and a space
    (a suspended compound such as "kultur- och bildningsplan")."""
    left = re.search(r"([\w]+)-$", last)
    right = re.match(r"([\w]+)", text)
    if left is None or right is None:
        return None
    lw, rw = left.group(1), right.group(1)
    whole = (lw + rw).casefold()
    if (rw.casefold() in _SUSPENDED and not vocab[whole]) or not text[0].isalpha():
        return None
    hyphened = f"{lw}-{rw}".casefold()
    keep_hyphen = (
        rw[0].isupper()
        or lw.isupper()
        or len(lw) == 1
        or any(ch.isdigit() for ch in lw)
        or (vocab[hyphened] > 0 and vocab[whole] == 0)
    )
    return last + text if keep_hyphen else last[:-1] + text


def _join_across_pages(pages: list[list[_Item]], vocab: Counter[str]) -> None:
    """A unit ending mid-sentence at a page foot takes the next page's first unit."""
    for no in range(len(pages) - 1):
        body = [u for u in pages[no] if u.kind != "footnote"]
        if not body:
            continue
        last = body[-1]
        nxt_page = pages[no + 1]
        nxt = next((u for u in nxt_page if u.kind != "footnote"), None)
        if nxt is None or not (last.wrapped and nxt.wrapped) or nxt.kind != "paragraph":
            continue
        if not _mid_sentence(last) or _NUMBERED_HEADING.match(nxt.text):
            continue
        for line in nxt.lines:
            _append(last, line, vocab)
        last.page_end = nxt.page_end or nxt.page
        nxt_page.remove(nxt)


def _mid_sentence(unit: _Item) -> bool:
    text = unit.text
    if not text or text[-1] in _TERMINAL or unit.kind not in ("paragraph", "list_item"):
        return False
    words = text.split()
    return (
        text[-1] in ",-"
        or len(unit.lines) > 1
        or words[-1].casefold() in _FUNCTION_WORDS
        or (len(words) >= 5 and words[-1][0].islower())
    )


def _mark_headings(pages: list[list[_Item]]) -> None:
    """A short stand-alone line without final punctuation is a heading (not at a page foot)."""
    depth = plain = 0
    for page in pages:
        body = [u for u in page if u.kind != "footnote"]
        for i, unit in enumerate(body):
            if unit.kind == "heading":
                depth = plain = unit.level
                continue
            if not unit.wrapped or unit.kind == "footnote":
                continue
            text = unit.text
            numbered = _NUMBERED_HEADING.match(text)
            short = len(text) <= (120 if numbered else 80) and len(text.split()) <= (
                16 if numbered else 10
            )
            if unit.kind == "list_item" and not numbered or not short or text[-1] in ".!?,;…":
                continue
            if len(unit.lines) > 1 and not numbered or not (text[0].isupper() or text[0].isdigit()):
                continue
            if _KEY_VALUE.match(text) and not text.endswith(":"):
                continue
            at_foot = i == len(body) - 1 and _mid_sentence(unit)
            lead_in = i + 1 < len(body) and body[i + 1].kind == "list_item" and not numbered
            if lead_in and text.split()[-1][:1].islower() and len(text.split()) >= 4:
                continue
            if at_foot or (text.endswith(":") and len(text.split()) > 5):
                continue
            unit.kind = "heading"
            if numbered:
                unit.level = depth = plain = text.split()[0].rstrip(".").count(".") + 1
            elif text.endswith(":"):
                unit.level = plain + 1
            else:
                unit.level = plain = max(1, depth)


def _render(
    pages: list[list[_Item]], removed: list[list[str]], edge: list[tuple[int, str]]
) -> Layout:
    texts: list[str] = []
    units: list[Unit] = []
    for no, page in enumerate(pages, start=1):
        parts: list[str] = []
        pos = 0
        prev: _Item | None = None
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
                )
            )
            pos += len(text)
            prev = it
        texts.append("".join(parts))
    return Layout(texts, units, removed, edge)
