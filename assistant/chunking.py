"""Chunking: cleaned pages -> passages (langchain ``Document``s) that follow the text's structure.

A bullet point, a paragraph or a statute paragraph (§) is the natural unit. Headings are not
passages; they become the ``section`` path. Every chunk's text is exactly
``page[start:end]`` of its cleaned page, so a quote found in a chunk is found in the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from .ingest import KEY_VALUE, LoadedDocument, title_block

__all__ = [
    "CHUNKER_VERSION",
    "CARD_SECTION",
    "chunk_document",
    "split_sentences",
    "embedding_text",
]

CHUNKER_VERSION = "3"
CARD_SECTION = "dokumentuppgifter"
SECTION_SEP = " › "
MIN_CHARS = 100
MAX_CHARS = 1200

_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_STATUTE_SECTION = re.compile(r"^\d+\s*[a-z]?\s*§")
_CASE_NUMBER_LINE = re.compile(r"^(?:Dnr\s*)?[A-ZÅÄÖ]{1,5}\s?\d{2,4}/\d{2,6}$")
# Sentence ends: . ! ? followed by space and an upper-case letter, digit or quote; or a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”']?\s+(?=[A-ZÅÄÖÉ0-9\"“(])|\n+")
_ABBREVIATION = re.compile(
    r"\b(?:t\.ex|bl\.a|m\.m|s\.k|d\.v\.s|dvs|ca|jfr|resp|kap|st|nr|p|e\.g|i\.e)\.$", re.I
)


@dataclass
class _Unit:
    start: int
    end: int
    section: str


def chunk_document(doc: LoadedDocument) -> list[Document]:
    """All passages of one document, the document card first."""
    chunks = [_card_chunk(doc)] if doc.card else []
    section = ""
    # A text with Markdown headings marks its headings; short plain lines there are content.
    marked = any(_MD_HEADING.match(ln.strip()) for page in doc.pages for ln in page.split("\n"))
    for page_no, page in enumerate(doc.pages, start=1):
        # The opening title block is the document's card, not text of its first passage.
        skip = title_block(page, doc.title)[0] if page_no == 1 else 0
        units, section = _units(page, doc.title, section, marked, skip)
        for start, end, sec in _group(units, page):
            chunks.append(_make_chunk(doc, page_no, sec, start, page[start:end], "passage"))
    return chunks


def _card_chunk(doc: LoadedDocument) -> Document:
    return _make_chunk(doc, 1, CARD_SECTION, 0, doc.card, "card")


def _make_chunk(
    doc: LoadedDocument, page: int, section: str, start: int, text: str, kind: str
) -> Document:
    key = f"{doc.source}\x1f{doc.file_hash}\x1f{page}\x1f{start}\x1f{text}"
    digest = hashlib.sha1(key.encode()).hexdigest()
    return Document(
        page_content=text,
        id=digest[:20],
        metadata={
            "source": doc.source,
            "title": doc.title,
            "doc_type": doc.doc_type,
            "page": page,
            "section": section,
            "start": start,
            "end": start + len(text),
            "kind": kind,
            "file_hash": doc.file_hash,
        },
    )


def _lines_with_offsets(page: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in page.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _units(
    page: str, title: str, section: str, marked: bool, skip: int = 0
) -> tuple[list[_Unit], str]:
    """Split a page into units (bullets, paragraphs) and track the heading path across pages;
    text before offset ``skip`` is left out."""
    path = section.split(SECTION_SEP) if section else []
    units: list[_Unit] = []
    block_start = True
    lines = _lines_with_offsets(page)
    for i, (pos, line) in enumerate(lines):
        text = line.strip()
        if pos < skip:
            continue
        if not text:
            block_start = True
            continue
        alone = block_start and (i + 1 == len(lines) or not lines[i + 1][1].strip())
        heading = _heading(text, title, alone and not marked)
        if heading is not None:
            level, name = heading
            if level:
                path = path[: level - 1] + [name]
            block_start = True
            continue
        current = SECTION_SEP.join(path)
        lead = len(line) - len(line.lstrip())
        if block_start or _BULLET.match(line) or not units or units[-1].section != current:
            units.append(_Unit(pos + lead, pos + len(line.rstrip()), current))
        else:
            units[-1].end = pos + len(line.rstrip())
        block_start = False
    return units, SECTION_SEP.join(path)


def _heading(text: str, title: str, alone: bool) -> tuple[int, str] | None:
    """(level, name) for a heading, (0, '') for a line that is metadata, None for content."""
    if m := _MD_HEADING.match(text):
        name = m.group(2).strip()
        if name == title:
            return 0, ""
        return max(1, len(m.group(1)) - (1 if title and len(m.group(1)) > 1 else 0)), name
    if not alone or _BULLET.match(text):
        return None
    if text == title or _CASE_NUMBER_LINE.match(text) or KEY_VALUE.match(text):
        return 0, ""
    if len(text) <= 80 and text[-1] not in ".!?,;" and len(text.split()) <= 10:
        if not text.endswith(":"):
            return 1, text
        # "Grundläggande värden:" names a part; a longer line ending in ":" leads into a list.
        if len(text.split()) <= 5:
            return 2, text.rstrip(":").strip()
    return None


def _group(units: list[_Unit], page: str) -> list[tuple[int, int, str]]:
    """Merge fragments with their neighbours and split over-long units; a § stays whole."""
    spans: list[tuple[int, int, str]] = []
    for unit in units:
        if spans:
            s_start, s_end, s_sec = spans[-1]
            same = s_sec == unit.section
            whole_paragraph = _STATUTE_SECTION.match(unit.section.split(SECTION_SEP)[-1])
            small = (s_end - s_start) < MIN_CHARS or (unit.end - unit.start) < MIN_CHARS
            if same and (small or whole_paragraph) and unit.end - s_start <= MAX_CHARS:
                spans[-1] = (s_start, unit.end, s_sec)
                continue
        spans.append((unit.start, unit.end, unit.section))
    out: list[tuple[int, int, str]] = []
    for start, end, sec in spans:
        out.extend((start + a, start + b, sec) for a, b in _split_long(page[start:end]))
    return out


_SPLITTER = RecursiveCharacterTextSplitter(
    chunk_size=MAX_CHARS,
    chunk_overlap=0,
    separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " "],
    keep_separator="end",
    add_start_index=True,
    strip_whitespace=True,
)


def _split_long(text: str) -> list[tuple[int, int]]:
    if len(text) <= MAX_CHARS:
        return [(0, len(text))]
    pieces = _SPLITTER.create_documents([text])
    return [
        (d.metadata["start_index"], d.metadata["start_index"] + len(d.page_content)) for d in pieces
    ]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; list items and lines count as sentences."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        if match.group().strip("\n") and _ABBREVIATION.search(candidate):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        a, b = a + lead, a + len(piece.rstrip())
        bullet = _BULLET.match(text[a:b])
        if bullet:
            a += bullet.end()
        if b - a >= 3:
            out.append((a, b))
    return out


def embedding_text(doc: Document) -> str:
    """What is embedded for a passage: title and section give the model the context."""
    meta = doc.metadata
    head = (
        meta["title"]
        if meta.get("kind") == "card"
        else f"{meta['title']}{SECTION_SEP}{meta['section']}"
    )
    return f"{head.strip(SECTION_SEP)}\n{doc.page_content}"
