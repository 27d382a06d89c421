"""PDF -> RawDocument, read with pdfplumber from character positions and sizes.

Why pdfplumber (measured, see README "Ingest"): pypdf and PyMuPDF return a page's text as a
string, so a superscript footnote marker is glued to its word ("unga1."), footnotes are lines
like any other and a table is a run of lines. pdfplumber gives every character's box, size and
font: a raised, smaller digit is a marker ("unga[1]."), a run of smaller lines at the page foot
that opens with a marker seen in the body is a footnote, ruled tables are found with their cells
(a merged cell once), small lines in the top/bottom band are page headers/footers, and a page
with an image but no characters has no text layer. It is MIT-licensed (PyMuPDF is AGPL).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..model import Block, BlockKind, RawDocument
from .pdf_tables import Tables, find_text_tables, inside, ruled_tables

__all__ = ["read_pdf"]

_MARKER = re.compile(r"^(?:\d{1,2}|[*†‡§])$")
_PAGE_NUMBER = re.compile(
    r"^(?:sida|page|s\.)?\s*\d{1,4}(?:\s*(?:av|of|/|\()\s*\d{1,4}\)?)?$", re.I
)
# List bullets as they reach a PDF text layer: symbol-font glyphs in the private-use area
# (Word's Symbol bullet is U+F0B7, Wingdings squares/arrows U+F0A7, U+F0D8 ...) and real bullets.
_BULLETS = set("•◦▪▫●○■□◆◇►▶➢➤✓✔–·")
_CID = re.compile(r"^(\(cid:\d+\))[ \t]")
_BAND = 0.1  # top/bottom share of the page height where running headers and footers stand


def read_pdf(path: Path) -> RawDocument:
    """Blocks of every page in reading order; ``empty_pages`` = scanned pages: a page-sized image
    and no text beyond a header, footer or page number."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect):
            raise ValueError("password-protected PDF: save a copy without a password") from exc
        raise
    with pdf:
        info = pdf.metadata or {}
        title = info.get("Title")
        front = {"title": title} if isinstance(title, str) and title.strip() else {}
        pages = []
        rotated: dict[int, list[str]] = {}
        for page in pdf.pages:
            chars = page.chars
            if sum(c["text"].startswith("(cid:") for c in chars) > len(chars) / 2:
                # Glyphs without a Unicode mapping: the text layer can't be read, as if scanned.
                chars = []
            elif sum(not c["upright"] for c in chars) > len(chars) / 2:
                # Text turned on the page (a landscape table, a /Rotate): the line logic below
                # assumes horizontal lines, so such a page is read as pypdf reads it.
                rotated[page.page_number] = _pypdf_lines(path, page.page_number)
                chars = []
            tables = ruled_tables(page) if chars else []
            boxes = [t[0] for t in tables]
            found = (
                page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=True)
                if chars
                else []
            )
            words = [w for w in found if not any(inside(w, box) for box in boxes)]
            area = float(page.width) * float(page.height)
            scan = not chars and bool(page.chars)  # an unreadable text layer
            scan = scan or any(
                (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= 0.25 * area
                for im in page.images
            )
            pages.append((page.page_number, float(page.height), words, tables, scan))
            page.close()  # pdfplumber caches every page's objects; free them as we go
    # The body size is the document's: on a short page footnotes and headers may outweigh it.
    middle = [w for _, h, ws, _, _ in pages for w in ws if 0.1 * h < w["top"] < 0.8 * h]
    body = _mode_size(middle or [w for p in pages for w in p[2]])
    blocks: list[Block] = []
    empty: list[int] = []
    state = _State()
    for no, height, words, tables, scan in pages:
        page_blocks = _page_blocks(no, height, words, tables, body, state)
        page_blocks += [Block(BlockKind.LINE, line, no) for line in rotated.get(no, [])]
        # A page-sized image with no text but a header, footer or page number: a scanned page.
        if scan and all(b.kind in (BlockKind.HEADER, BlockKind.FOOTER) for b in page_blocks):
            empty.append(no)
        blocks.extend(page_blocks)
    return RawDocument(blocks, len(pages), front=front, empty_pages=empty)


def _pypdf_lines(path: Path, page_no: int) -> list[str]:
    from pypdf import PdfReader

    text = PdfReader(path).pages[page_no - 1].extract_text() or ""
    return [line.rstrip() for line in text.split("\n") if line.strip()]


class _State:
    """What one page tells the next: markers seen in body text, tables numbered so far."""

    def __init__(self) -> None:
        self.markers: set[str] = set()
        self.tables = Tables()


def _page_blocks(
    no: int,
    height: float,
    words: list[dict[str, Any]],
    tables: list[tuple[tuple[float, ...], list[list[str]]]],
    body_size: float,
    state: _State,
) -> list[Block]:
    if not words and not tables:
        return []
    lines = [_line(ws) for ws in _flow_lines(words)]  # content-stream order
    for line in lines:
        state.markers.update(line["markers"])
    by_top = sorted(range(len(lines)), key=lambda n: lines[n]["top"])
    kinds = dict(
        zip(by_top, _classify([lines[n] for n in by_top], body_size, height, state), strict=True)
    )
    blocks: list[Block] = []
    pending = sorted(tables, key=lambda t: t[0][1])
    # Tables without ruling lines: rows of whitespace-aligned cells among the body lines.
    text_tables = {
        t.first: t
        for t in find_text_tables(lines, [kinds[n][0] == BlockKind.LINE for n in range(len(lines))])
    }
    skip_to = -1
    prev_line: dict[str, Any] | None = None
    for n, line in enumerate(lines):
        kind, marker = kinds[n]
        while pending and kind == BlockKind.LINE and pending[0][0][1] < line["top"]:
            blocks.extend(state.tables.rows(pending.pop(0)[1], no, blocks))
        if n <= skip_to:
            continue
        if n in text_tables:
            blocks.extend(state.tables.rows(text_tables[n].rows, no, blocks))
            skip_to, prev_line = text_tables[n].last, None
            continue
        props = {
            "size": line["size"],
            "bold": line["bold"],
            "top": round(line["top"], 1),
            "bottom": round(line["bottom"], 1),
            "page_height": round(height, 1),
        }
        text = line["text"]
        if kind == BlockKind.FOOTNOTE and not marker:
            notes = [b for b in blocks if b.kind == BlockKind.FOOTNOTE]
            if notes:
                notes[-1].text += " " + text  # a footnote's continuation line
                continue
        if kind == BlockKind.FOOTNOTE:
            text = text[len(marker or "") :].strip()
        if kind == BlockKind.LINE and prev_line is not None:
            gap = line["top"] - prev_line["bottom"]
            if gap > 0.9 * line["size"] or line["top"] < prev_line["top"]:
                props["blank_before"] = True  # more space than line spacing: a new paragraph
        if kind == BlockKind.LINE:
            prev_line = line
        if kind == BlockKind.LINE and (glyph := _bullet(text)):
            props["glyph"] = glyph
            props["list_item"] = True
            text = "• " + text[len(glyph) :].strip()
        blocks.append(Block(kind, text, no, marker=marker, props=props))
    for _, rows in pending:
        blocks.extend(state.tables.rows(rows, no, blocks))
    state.tables.end_page(blocks)
    # Headers first, footnotes and footers last (stable: each group keeps stream order).
    return sorted(blocks, key=_order)


def _order(block: Block) -> int:
    # Headers first and footnotes/footers last, whatever their y (reading order of a page).
    return {BlockKind.HEADER: 0, BlockKind.FOOTNOTE: 2, BlockKind.FOOTER: 3}.get(block.kind, 1)


def _mode_size(words: list[dict[str, Any]]) -> float:
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w["size"], 1)] += len(w["text"])
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _flow_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words in content-stream order make lines: a word continues the line when it overlaps it
    vertically (a raised marker does) and stands to the right of the previous word. Stream order,
    as pypdf reads, keeps a letterhead's columns column by column and a table's cells row by row."""
    lines: list[list[dict[str, Any]]] = []
    span = [0.0, 0.0]
    for word in words:
        h = word["bottom"] - word["top"]
        if lines:
            prev = lines[-1][-1]
            overlap = min(span[1], word["bottom"]) - max(span[0], word["top"])
            if overlap >= 0.3 * min(h, span[1] - span[0]) and word["x0"] >= prev["x1"] - 1.0:
                lines[-1].append(word)
                span = [min(span[0], word["top"]), max(span[1], word["bottom"])]
                continue
        lines.append([word])
        span = [word["top"], word["bottom"]]
    return lines


def _line(words: list[dict[str, Any]]) -> dict[str, Any]:
    """One line's text, with raised smaller markers set apart as "[1]"; its size and span."""
    size = _mode_size(words)
    main = [w for w in words if round(w["size"], 1) == size]
    base = max(w["bottom"] for w in main)
    text = ""
    markers: list[str] = []
    for i, w in enumerate(words):
        raised = w["size"] <= 0.85 * size and w["bottom"] < base - 0.15 * size
        if raised and _MARKER.match(w["text"]) and i > 0:
            text += f"[{w['text']}]"  # attached to its word, set apart from it
            markers.append(w["text"])
            continue
        after_marker = i > 0 and text.endswith("]") and bool(markers)
        touching = after_marker and w["x0"] - words[i - 1]["x1"] < 0.15 * size
        text += w["text"] if not text or touching else " " + w["text"]
    return {
        "text": text,
        "words": words,
        "size": size,
        "bold": all(re.search(r"bold|black|heavy", w["fontname"], re.I) for w in main),
        "top": min(w["top"] for w in words),
        "bottom": max(w["bottom"] for w in words),
        "markers": markers,
        "first_raised": words[0]["size"] <= 0.85 * size or len(words) == 1,
        "first": words[0]["text"],
    }


def _classify(
    lines: list[dict[str, Any]], body: float, height: float, state: _State
) -> list[tuple[BlockKind, str | None]]:
    """Kinds of a page's lines sorted top to bottom: HEADER, FOOTER, FOOTNOTE (with marker) or LINE."""
    kinds: list[tuple[BlockKind, str | None]] = [(BlockKind.LINE, None)] * len(lines)
    # Page headers: small lines in the top band, set off from the body by a gap.
    i = 0
    while i < len(lines) and _edge(lines, i, i + 1, body, height, top=True, state=state):
        kinds[i] = (BlockKind.HEADER, None)
        i += 1
    j = len(lines) - 1
    while j >= i and _edge(lines, j, j - 1, body, height, top=False, state=state):
        kinds[j] = (BlockKind.FOOTER, None)
        j -= 1
    # Footnotes: the trailing run of smaller lines above the footer, opened by a body marker.
    k = j
    while k >= i and lines[k]["size"] < 0.92 * body:
        k -= 1
    run = range(k + 1, j + 1)
    opened = False
    for n in run:
        first = lines[n]["first"]
        if _MARKER.match(first) and first in state.markers:
            kinds[n] = (BlockKind.FOOTNOTE, first)
            opened = True
        elif opened:
            kinds[n] = (BlockKind.FOOTNOTE, None)
    return kinds


def _edge(
    lines: list[dict[str, Any]],
    n: int,
    nxt: int,
    body: float,
    height: float,
    top: bool,
    state: _State,
) -> bool:
    line = lines[n]
    if _MARKER.match(line["first"]) and line["first"] in state.markers and not top:
        return False  # a footnote at the page foot, not a footer
    in_band = line["bottom"] <= _BAND * height if top else line["top"] >= (1 - _BAND) * height
    if not in_band:
        return False
    if not top and _PAGE_NUMBER.match(line["text"].strip()):
        return True
    if line["size"] >= 0.95 * body or not (0 <= nxt < len(lines)):
        return False
    gap = lines[nxt]["top"] - line["bottom"] if top else line["top"] - lines[nxt]["bottom"]
    return gap >= 0.8 * body


def _bullet(text: str) -> str:
    """The bullet glyph a list item starts with (a symbol-font private-use glyph included, or a
    glyph without a Unicode mapping, which pdfminer writes as "(cid:183)")."""
    if m := _CID.match(text):
        return m.group(1)
    first = text[:1]
    if first and (first in _BULLETS or 0xE000 <= ord(first) <= 0xF8FF) and text[1:2] in (" ", "\t"):
        return first
    return ""
