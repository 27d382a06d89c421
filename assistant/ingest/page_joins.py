"""Joining across a page break: a unit that ends mid-sentence at a page's foot takes the next
page's first unit, unless that opens a table of contents."""

from __future__ import annotations

from collections import Counter

from .hyphens import append_line
from .units import NUMBERED_HEADING, TOC_ENTRY, Item, mid_sentence

__all__ = ["join_across_pages"]


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
        if not mid_sentence(last) or NUMBERED_HEADING.match(nxt.text) or nxt.titled:
            continue
        if last.cells >= 2 or nxt.cells >= 2:
            # a table's row exported by columns ("Uteluftsvärmepump (luft - luft)    0,7 (hänsyn
            # …") ends with its page; the next page's caption ("Tabell 6 …") is not its cell
            continue
        if _opens_contents(nxt_page, nxt):
            continue
        for line in nxt.lines:
            append_line(last, line, vocab)
        last.page_end = nxt.page_end or nxt.page
        nxt_page.remove(nxt)


def _opens_contents(page: list[Item], first: Item) -> bool:
    """Is ``first`` a table of contents or its heading (the next unit is a contents entry)? A
    title left open at a cover's foot ("Rutin för avvikelser i kommunal / hälso- och sjukvård")
    runs on into no contents: joined, the title read "… sjukvård Innehåll"."""
    if TOC_ENTRY.search(first.text):
        return True
    body = [u for u in page if u.kind != "footnote"]
    after = body[body.index(first) + 1] if first in body[:-1] else None
    return len(first.lines) == 1 and after is not None and bool(TOC_ENTRY.search(after.text))
