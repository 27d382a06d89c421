"""Reflow: physical lines -> units. Wrapped lines joined (in every format), line-end hyphens
joined when they only split a word, lone bullet glyphs joined with their item, footnotes at a
page foot found, a unit running over a page break kept whole (headings: headings.py; hyphens:
hyphens.py)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .hyphens import hyphen_join

__all__ = [
    "KEY_VALUE",
    "LIST_START",
    "NUMBERED_HEADING",
    "Item",
    "join_across_pages",
    "mid_sentence",
    "open_pair",
    "reflow",
    "text_width",
]

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
# Any private-use character at a line start is a symbol-font bullet (Word's Symbol and
# Wingdings bullets reach a PDF text layer as U+F0xx: F0B7, F0A7, F0A0, F0D8, F0FC …).
LIST_START = re.compile(
    r"^(?:[•\uf0b7\uf0a7\ue000-\uf8ff▪■◦○‣⁃·➢*–-]\s+|\(?\d{1,2}[.)]\s+|[a-zA-Z][.)]\s+)"
)
NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S|^\d{1,2}\.?\s+[A-ZÅÄÖ]")
KEY_VALUE = re.compile(r"^[A-ZÅÄÖ][\wÅÄÖåäö ./-]{0,40}:(?:\s|$)")
_NUMBERED_ITEM = re.compile(r"^\(?\d{1,2}[.)]\s+\S")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+\S")
_GLUED_MARKER = re.compile(r"[A-Za-zÅÄÖåäöé)]{2,}(\d{1,3})(?=[\s.,;:/)”]|$)")
# Words after which a line never ends a sentence or a heading (Swedish and English).
_FUNCTION_WORDS = set(
    [
        "och",
        "eller",
        "samt",
        "i",
        "om",
        "för",
        "mellan",
        "av",
        "till",
        "med",
        "på",
        "den",
        "det",
        "de",
        "en",
        "ett",
        "som",
        "att",
        "är",
        "ska",
        "kan",
        "vid",
        "från",
        "enligt",
        "inom",
        "under",
        "efter",
        "över",
        "utan",
        "där",
        "när",
        "så",
        "även",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "for",
        "with",
        "by",
        "a",
        "an",
    ]
)
_PAIR_OPEN = re.compile(r"\b(?:mellan|between)\b", re.I)
_PAIR_CLOSE = re.compile(r"\s(?:och|samt|and|&)\s", re.I)


@dataclass
class Item:
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


def _is_list_start(text: str) -> bool:
    return (
        bool(LIST_START.match(text))
        and not NUMBERED_HEADING.match(text)
        or (bool(re.match(r"^\d{1,2}\.\s", text)) and len(text) > 80)
    )


def reflow(page: list[Item], vocab: Counter[str], width: int) -> list[Item]:
    """Physical lines -> units: wrapped lines joined, bullets with their items, footnotes found."""
    body_end = _footnote_start(page)
    out: list[Item] = []
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
                out.append(Item("footnote", it.page, [text], marker=m.group(1), wrapped=True))
            elif out and out[-1].kind == "footnote":
                _append(out[-1], text, vocab)
            continue
        if text in _BULLET_GLYPHS or len(text) == 1 and "\ue000" <= text <= "\uf8ff":
            bullet = text
            continue
        prev = out[-1] if out else None
        if bullet is not None:
            out.append(
                Item("list_item", it.page, [f"{bullet} {text}"], blank_before=blank, wrapped=True)
            )
            bullet = None
        elif prev is not None and prev.wrapped and _continues(prev, text, blank, width):
            _append(prev, text, vocab)
        else:
            kind = "list_item" if _is_list_start(text) else "paragraph"
            # Items that lost their bullets (a Word list as text): lower-case lines standing
            # alone after a lead-in ("… ska det framgå:") or after such an item.
            after = prev is not None and blank and text[0].islower()
            if after and (
                prev.text.endswith(":") or prev.kind == "list_item" and prev.text[0].islower()
            ):
                kind = "list_item"
            out.append(Item(kind, it.page, [text], blank_before=blank, wrapped=True))
        blank = False
    if bullet is not None:
        out.append(Item("paragraph", page[-1].page if page else 1, [bullet], wrapped=True))
    for unit in out:
        # "1. Text …" that runs over lines or ends a sentence is a list item, not a heading.
        numbered = unit.kind == "paragraph" and _NUMBERED_ITEM.match(unit.lines[0])
        if numbered and (len(unit.lines) > 1 or unit.text[-1] in _TERMINAL):
            unit.kind = "list_item"
    _set_markers_apart(out)
    return out


def _set_markers_apart(units: list[Item]) -> None:
    """A footnote marker glued to its word in a text export ("äldre1.") becomes "äldre[1].",
    the form the PDF reader gives a raised marker, when that footnote stands on the page."""
    markers = {u.marker for u in units if u.kind == "footnote" and u.marker}
    if not markers:
        return
    glued = re.compile(
        r"(?<=[A-Za-zÅÄÖåäöé)]{2})(" + "|".join(sorted(markers, key=len, reverse=True)) + r")"
        r"(?=[\s.,;:/)”]|$)"
    )
    for unit in units:
        if unit.kind != "footnote":
            unit.lines = [glued.sub(r"[\1]", line) for line in unit.lines]


def text_width(lines: list[Item]) -> int:
    lengths = sorted(
        len(it.lines[0]) for it in lines if it.kind == "line" and len(it.lines[0]) > 20
    )
    # The text width (in characters) of the document's wrapped lines; too few lines to tell:
    # no line counts as wrapped by its length alone.
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 8 else 10_000


def _footnote_start(page: list[Item]) -> int:
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


def _continues(prev: Item, text: str, blank: bool, width: int) -> bool:
    """Does the physical line ``text`` continue the unit ``prev``?"""
    last = prev.lines[-1]
    if _is_list_start(text) or prev.kind not in ("paragraph", "list_item") or not text:
        return False
    if KEY_VALUE.match(text) and not text[0].islower():
        return False
    if last.endswith("-") and text[0].islower():
        return True
    if last[-1] in _TERMINAL:
        return False
    last_word = last.split()[-1].casefold()
    lower = text[0].islower() or text[0] in "(,"
    last_len = prev.last_len or len(last)
    if blank:
        if prev.kind == "list_item" and prev.text[0].islower():
            return False  # the next item of a list without bullets
        lower = lower or (text[0].isdigit() and last_word[:1].islower())
        return lower and (len(prev.lines) > 1 or last_len > 40)
    if lower or last_word in _FUNCTION_WORDS or last[-1] == ",":
        return True
    if open_pair(prev.text) and _PAIR_CLOSE.search(text):
        return True  # "… mellan Region" / "Stockholm och kommuner …": one party line
    return last_len + 1 + len(text.split()[0]) > width * 0.92


def open_pair(text: str) -> bool:
    """Text that opens "mellan A och B" / "between A and B" and stops before the second part:
    a party line (or title) wrapped inside its pair, which the next line completes."""
    m = _PAIR_OPEN.search(text)
    return bool(m) and not _PAIR_CLOSE.search(text[m.end() :])


def _append(unit: Item, text: str, vocab: Counter[str]) -> None:
    last = unit.lines[-1]
    unit.last_len = len(text)
    if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and text[:1].isalpha():
        joined = hyphen_join(last, text, vocab)
        if joined is not None:
            unit.lines[-1] = joined
            return
    if last.endswith("/") and text[:1].isalnum():
        unit.lines[-1] = last + text
        return
    unit.lines.append(text)


def join_across_pages(pages: list[list[Item]], vocab: Counter[str]) -> None:
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
        if not mid_sentence(last) or NUMBERED_HEADING.match(nxt.text):
            continue
        for line in nxt.lines:
            _append(last, line, vocab)
        last.page_end = nxt.page_end or nxt.page
        nxt_page.remove(nxt)


def mid_sentence(unit: Item) -> bool:
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
