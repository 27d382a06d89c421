"""Plain text and Markdown -> RawDocument.

Text files come in whatever encoding their tool saved: a byte-order mark decides first, then
strict UTF-8, then charset-normalizer among the encodings Swedish files are actually saved in
(unrestricted, it calls short Swedish cp1252 text cp1250 or cp775). Lines stay LINE blocks:
hard-wrapped exports are reflowed by layout, as PDF lines are.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import yaml

from ..model import Block, BlockKind, RawDocument
from ..pagemarks import (
    split_at_page_comments,
    split_at_page_marks,
    split_at_running_lines,
    without_comments,
)
from .markdown_code import fenced_lines

__all__ = ["decode", "markdown_inline", "read_markdown", "read_text", "split_text_pages"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Swedish text file is plausibly saved in (Windows, ISO, UTF-16 without a BOM).
_CANDIDATES = ["utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16_le", "utf_16_be"]
_MD_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
# A quoted line that is a block of its own: a list item, a heading, a table row.
_QUOTE_OWN_LINE = re.compile(r"(?:[-*+•]|\d{1,2}[.)])\s|#|\|")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# pandoc's heading attributes ("# Sammanfattning {.unnumbered}", "## Syfte {#syfte}", "{-}"):
# markup, never words of the heading, the title or a quote.
_MD_HEADING_ATTRS = re.compile(r"\s*\{\s*(?:-|[#.][^{}]*)\}\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Single-character emphasis: "*kursiv*" anywhere, "_kursiv_" only between words (CommonMark:
# "sfs_2013_801" is no emphasis); not a list bullet ("* punkt"), not a glued star ("Avgift*").
_MD_ITALIC = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])|"
    r"(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])"
)
# Markdown footnotes (pandoc's Word export writes them): "[^3]" in the text marks note 3, whose
# text is a line "[^3]: …" (continued by indented lines). Read as the Word reader reads a
# footnote: the marker "[3]" in the body, the note a FOOTNOTE block.
_MD_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_MD_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
# Emphasis over a line break inside a paragraph (a wrapped export: "**Observera att\nkombina-
# tionspreparaten … leverfunktion.**"): ``markdown_inline`` reads a line at a time and would keep
# both markers as words of the quote. The content holds no marker of its own kind, so "**a** och
# **b\nc**" pairs the second two.
_MD_SPAN = re.compile(
    r"(\*\*|__)(?=\S)((?:(?!\1)[^\n])*\n(?:(?!\1).)*?)(?<=\S)\1|"
    r"(?<![*\w])\*(?=[^\s*])([^*\n]*\n[^*]*?)(?<=[^\s*])\*(?![*\w])|"
    r"(?<![_\w])_(?=[^\s_])([^_\n]*\n[^_]*?)(?<=[^\s_])_(?![_\w])",
    re.S,
)
# A link over a line break, as wrapped exports write long ones ("[Konsultera gärna … i ditt\n
# närområde](http://…/kapitel-18-palliativ-\nvard/…)."): its text stays (line breaks and all),
# its address goes.
_MD_LINK_SPAN = re.compile(r"!?\[([^\]]*)\]\(([^()\s]*(?:\n[^()\s]*)*)\)")
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t>]*\n)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def decode(raw: bytes) -> str:
    """Bytes of a text file -> str; raises ValueError naming the problem when it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _plausible(raw[len(bom) :].decode(encoding))
    if b"\x00" not in raw:  # NUL bytes are valid UTF-8 but mean UTF-16 (or binary)
        try:
            return _plausible(raw.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw, cp_isolation=_CANDIDATES).best()
    if best is not None and _fits(raw, best.encoding):
        return _plausible(str(best))
    # Too short for the detector to be sure: Windows Latin, the usual 8-bit Swedish encoding.
    if b"\x00" not in raw:
        for encoding in ("cp1252", "latin-1"):
            try:
                return _plausible(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
    raise ValueError("binary content, not text (not UTF-8, UTF-16 or Windows/ISO Latin)")


def _fits(raw: bytes, encoding: str) -> bool:
    """UTF-16 without a BOM only when most high bytes are zero, as in Latin-script text
    (the detector otherwise calls binary junk UTF-16 of CJK-looking characters)."""
    if not encoding.startswith("utf_16"):
        return True
    high = raw[1::2] if encoding.endswith("le") else raw[0::2]
    return high.count(0) >= 0.3 * max(1, len(high))


def _plausible(text: str) -> str:
    """Text, not binary decoded as text: no NULs, hardly any other control characters."""
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ValueError("binary content, not text")
    return text


def split_text_pages(text: str) -> list[str]:
    """Pages of a text export: at form feeds; else at its printed page numbers ("3 (51)",
    "Sida 3 av 25", see pagemarks); else before each recurrence of the first line (a running
    header that recurs at least three times; a heading seen twice makes no pages), or of a
    running header with a figure (``pagemarks.split_at_running_lines``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        return text.split("\f")
    if (marked := split_at_page_marks(text)) is not None:
        return marked
    lines = text.split("\n")
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    starts = [i for i, ln in enumerate(lines) if first and ln.strip() == first]
    if len(starts) < 3:
        return split_at_running_lines(text) or [text]
    bounds = [0, *starts[1:], len(lines)]
    return ["\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


# An HTML line break inside a Markdown table cell ("förvaltningschef hos<br>nämnd": pandoc and
# Markdown exports write a cell's lines so) is a space between words, never text to quote.
_HTML_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)


def _read(path: Path) -> str:
    return decode(path.read_bytes())


def _line_blocks(pages: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for page_no, page in enumerate(pages, start=1):
        gap = False
        for line in page.split("\n"):
            if not line.strip():
                gap = True
                continue
            props = {"blank_before": True} if gap else {}
            line = _HTML_BREAK.sub(" ", line)
            blocks.append(Block(BlockKind.LINE, line.rstrip(), page_no, props=props))
            gap = False
    return blocks


def read_text(path: Path) -> RawDocument:
    """A plain text file: one LINE block per non-blank line, pages at form feeds."""
    pages = split_text_pages(_read(path))
    return RawDocument(_line_blocks(pages), len(pages))


def read_markdown(path: Path) -> RawDocument:
    """Markdown: YAML front matter -> ``front``; headings and tables (TABLE_ROW, the header row
    marked) typed; other lines (list items included) stay LINE blocks; link/emphasis syntax removed."""
    text = _read(path).replace("\r\n", "\n").replace("\r", "\n")
    front: dict[str, Any] = {}
    if match := _FRONT.match(text):
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            loaded = None  # not front matter after all: its lines stay text, nothing is lost
        if isinstance(loaded, dict):
            front = loaded
            text = text[match.end() :]
    if "\f" in text:
        pages = text.split("\f")
    # Page comments ("<!-- sida 49 -->") first: the printed numbers may be gone.
    elif (commented := split_at_page_comments(text)) is not None:
        pages = commented
    else:
        plain = without_comments(text)
        pages = split_at_page_marks(plain) or split_at_running_lines(plain) or [plain]
    # A note belongs to the page its marker stands on (pandoc writes every note at the end).
    marked: dict[str, int] = {}
    for page_no, page in enumerate(pages, start=1):
        for label in _MD_NOTE_REF.findall(page):
            marked.setdefault(label, page_no)
    blocks: list[Block] = []
    table = -1
    for page_no, page in enumerate(pages, start=1):
        lines = _quote_labels(_paragraph_spans(page).split("\n"))
        gap = False
        in_table = False
        note: Block | None = None
        fenced = fenced_lines(lines)
        for i, line in enumerate(lines):
            # A fence line is markup; the code between two is kept as written (``fenced_lines``).
            if i in fenced:
                if fenced[i] and line.strip():
                    blocks.append(Block(BlockKind.PARAGRAPH, line.strip(), page_no))
                gap = not (fenced[i] and line.strip())
                continue
            # A block quote's marker is no text ("> Användningen av …"), and a line that is only
            # the marker (">") parts its paragraphs as a blank line does.
            if quote := _MD_QUOTE.match(line):
                line = line[quote.end() :]
            stripped = line.strip()
            if note is not None and stripped and line[:1] in (" ", "\t"):
                # An indented line continues the note, after a blank line too (its next paragraph).
                note.text = f"{note.text} {markdown_inline(stripped)}".strip()
                continue
            if not stripped:
                gap, in_table = True, False
                continue
            note = None
            if definition := _MD_NOTE_DEF.match(stripped):
                label, said = definition.group(1), markdown_inline(definition.group(2))
                note = Block(BlockKind.FOOTNOTE, said, marked.get(label, page_no), marker=label)
                blocks.append(note)
                gap = True
                continue
            if stripped.startswith("|") or (in_table and "|" in stripped):
                if _TABLE_RULE.match(stripped):
                    continue
                if not in_table:
                    table += 1
                nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
                header = not in_table and bool(_TABLE_RULE.match(nxt))
                cells = [markdown_inline(c.strip()) for c in stripped.strip("|").split("|")]
                blocks.append(
                    Block(
                        BlockKind.TABLE_ROW,
                        " | ".join(cells),
                        page_no,
                        table=table,
                        cells=cells,
                        header_row=header,
                    )
                )
                in_table, gap = True, False
                continue
            in_table = False
            if heading := _MD_HEADING.match(stripped):
                name = markdown_inline(_MD_HEADING_ATTRS.sub("", heading.group(2)))
                level = len(heading.group(1))
                blocks.append(Block(BlockKind.HEADING, name, page_no, level=level))
            else:
                props = {"blank_before": True} if gap else {}
                blocks.append(
                    Block(BlockKind.LINE, markdown_inline(line.rstrip()), page_no, props=props)
                )
            gap = False
    return RawDocument(blocks, len(pages), front=front)


def _paragraph_spans(page: str) -> str:
    """``page`` without the emphasis markers of spans that run over a line break within a
    paragraph (``_MD_SPAN``), and with only the text of links that do (``_MD_LINK_SPAN``)."""

    def spans(part: str) -> str:
        part = _MD_LINK_SPAN.sub(lambda m: m.group(1) if "\n" in m.group() else m.group(), part)
        return _MD_SPAN.sub(lambda m: m.group(2) or m.group(3) or m.group(4), part)

    parts = _PARAGRAPH_BREAK.split(page)
    return "".join(part if i % 2 else spans(part) for i, part in enumerate(parts))


def _quote_labels(lines: list[str]) -> list[str]:
    """``lines`` with a block quote's paragraphs whole and its label line ("> **Rekommendation
    2:**") joined to the text after it. Markdown reads a quote's lines up to a bare ">" as one
    paragraph (a label ending in ":" names what is quoted: apart, it was a heading whose
    section ran on past the quote's end); list items, headings and table rows keep their own."""
    out: list[str] = []
    label: str | None = None
    for line in lines:
        quote = _MD_QUOTE.match(line)
        body = line[quote.end() :].strip() if quote else ""
        joins = quote and body and not _QUOTE_OWN_LINE.match(body)
        previous = _MD_QUOTE.match(out[-1]) if out and label is None else None
        before = out[-1][previous.end() :].strip() if previous else ""
        if joins and before and not _QUOTE_OWN_LINE.match(before):
            out[-1] = f"{out[-1].rstrip()} {body}"
            continue
        if label is not None:
            if quote and not body:
                continue  # the bare ">" between the label and its text
            if quote:
                out.append(f"> {label} {body}")
                label = None
                continue
            out.append(f"> {label}")  # the quote ended without text: the label as it stood
            label = None
        plain = markdown_inline(body)
        if quote and plain.endswith(":") and len(plain.split()) <= 6:
            label = plain
            continue
        out.append(line)
    if label is not None:
        out.append(f"> {label}")
    return out


def markdown_inline(text: str) -> str:
    """``text`` without Markdown link and emphasis syntax ("[a](u)" -> "a", "**a**", "*a*",
    "_a_" -> "a"), a footnote reference as the other readers write it ("[^3]" -> "[3]"), as the
    Markdown reader keeps a line's words."""
    text = _HTML_BREAK.sub(" ", text)
    text = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", _MD_NOTE_REF.sub(r"[\1]", text)))
    return _MD_ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
