"""Grouping: the spans of laid-out units -> the spans that become passages.

``chunking`` makes one ``Span`` per content unit (a paragraph, a list item, a table row, a
footnote) under its section path; ``group`` merges small neighbours of one section and page,
gathers a list under its lead-in, cuts tables into passages of whole rows, and lets a
heading-like line left alone open the passage after it. Sizes are in characters of the cleaned
page text. A change here changes the passages: raise ``chunking.CHUNKER_VERSION`` with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "LIST_CHARS",
    "MAX_CHARS",
    "MIN_CHARS",
    "ORPHAN_CHARS",
    "SECTION_SEP",
    "SHORT_ITEM",
    "STATUTE_PARAGRAPH",
    "Span",
    "group",
    "leads_in",
]

SECTION_SEP = " › "
MIN_CHARS = 100
MAX_CHARS = 1200
LIST_CHARS = 900  # a list of short items with its lead-in is one passage up to this size
SHORT_ITEM = 200

# A statute's paragraph: "16 §", "37 b §" (as a section heading, or opening a paragraph).
STATUTE_PARAGRAPH = re.compile(r"^\d+\s*[a-z]?\s*§")


@dataclass
class Span:
    """A run of units that becomes one passage (before splitting over-long text)."""

    page: int
    start: int
    end: int
    section: str
    page_end: int
    kind: str = "text"  # text | table | footnote
    table: int | None = None
    table_header: str = ""
    short_items: bool = False  # a list passage made of short items only (more may join)
    led: bool = False  # a list passage that opens with its lead-in line ("… ska det framgå:")
    tail: str = ""  # the kind of the last unit merged in ("text" for a lead-in line)
    anchor: str = ""  # a footnote's: the body sentence that carries its marker
    paragraph: bool = False  # opened by a statute's paragraph mark in its text ("2 § Ett …")


def group(spans: list[Span], pages: list[str]) -> list[Span]:
    """The passages' spans, in order: ``spans`` (one per unit, from ``chunking``) merged
    (``_merge``), then each orphan line joined to the next (``_join_orphans``). ``pages``: the
    cleaned page texts the spans index into."""
    return _join_orphans(_merge(spans, pages), pages)


def _merge(spans: list[Span], pages: list[str]) -> list[Span]:
    """Merge small neighbours of one section and page; a § stays whole; a footnote stands
    alone; a table is cut into passages of whole rows."""
    out: list[Span] = []
    for i, span in enumerate(spans):
        # A lead-in line ("… åtar sig att" over items) opens a passage of its own after a list
        # passage, so that its items can join it (a lead with another list's items reads as
        # theirs, and its own items then start a passage without it).
        opens = (
            span.kind == "text"
            and i + 1 < len(spans)
            and spans[i + 1].kind == "list"
            and leads_in(_tail(span, pages))
        )
        # A short label after a finished sentence names what follows, not what went before: a
        # definition list's term ("imkanal" over "Frånluftskanal från matlagningsutrymme …",
        # pdftotext's export of a statute book) opens the passage of its definition
        # (``_join_orphans``). A lead-in ("Exempel på sådana byggnader är:") goes on from the
        # paragraph before it and a line with a figure closes it ("Artikel uppdaterad
        # 2023-03-30"), so neither is a label (``_label``).
        label = bool(out) and _label(span, pages) and _ends_sentence(out[-1], pages)
        if out and not (opens and out[-1].tail == "list") and not label:
            last = out[-1]
            same = (
                last.section == span.section
                and last.page == span.page
                and (last.kind == span.kind or {last.kind, span.kind} <= {"text", "list"})
                and span.kind != "footnote"
                and last.table == span.table
            )
            # A § stays whole: its stycken (text, not list items: a lead decides those) follow
            # it as paragraphs of their own, the mark a heading or opening the first ("2 § Ett
            # livförsäkringsföretag … ska publicera …" then "Uppgiften … ska publiceras … inom
            # två månader."), until the next mark.
            whole = STATUTE_PARAGRAPH.match(span.section.split(SECTION_SEP)[-1]) or (
                last.paragraph and span.kind == "text" and not _opens_paragraph(span, pages)
            )
            small = (last.end - last.start) < MIN_CHARS or (span.end - span.start) < MIN_CHARS
            if span.kind == "table":
                small = True  # rows fill a passage up to MAX_CHARS
            # A list stays with its lead-in line ("… ska det framgå:", or one that stops
            # mid-sentence: "… åtar sig att") and its other items.
            lead_in = last.tail == "text" and leads_in(_tail(last, pages))
            # Items gather under their lead-in; a long item, or items that follow a heading
            # directly, are statements of their own.
            short = span.end - span.start <= SHORT_ITEM
            if (
                span.kind == "list"
                and short
                and ((last.kind == "list" and last.led and last.short_items) or lead_in)
                and last.section == span.section
                and last.page == span.page
                and span.end - last.start <= LIST_CHARS
            ):
                last.end, last.page_end, last.kind = (
                    span.end,
                    max(last.page_end, span.page_end),
                    "list",
                )
                if lead_in:  # more short items gather under this lead
                    last.led, last.short_items = True, True
                last.tail = "list"
                continue
            if same and (small or whole) and span.end - last.start <= MAX_CHARS:
                last.end, last.page_end = span.end, max(last.page_end, span.page_end)
                last.tail = span.kind
                continue
        out.append(Span(**span.__dict__))
        out[-1].tail = span.kind
        out[-1].paragraph = span.kind == "text" and _opens_paragraph(span, pages)
    return out


def _opens_paragraph(span: Span, pages: list[str]) -> bool:
    """Does the span's text open with a statute's paragraph mark ("5 §", "5 a §")?"""
    return bool(STATUTE_PARAGRAPH.match(pages[span.page - 1][span.start : span.end].lstrip()))


# A passage this short with no sentence in it is a heading-like line the layout did not take
# for a heading ("Kontakta oss" over a contact block whose first line, a company's name, was
# taken for one; a table's first cell): alone it answers nothing and its block loses its
# title. It opens the passage after it on its page instead, with the heading lines between.
ORPHAN_CHARS = 40
_ORPHAN_WORD = re.compile(r"[^\W\d_]{3,}")


def _join_orphans(spans: list[Span], pages: list[str]) -> list[Span]:
    """Each orphan (``ORPHAN_CHARS``) opens the next passage of its page (which keeps its
    section), unless that passage would grow over ``MAX_CHARS`` or is a footnote or table."""
    out: list[Span] = []
    pending: Span | None = None
    for span in spans:
        if pending is not None:
            if (
                span.page == pending.page
                and span.kind in ("text", "list")
                and span.end - pending.start <= MAX_CHARS
            ):
                span = Span(**{**span.__dict__, "start": pending.start})
            else:
                out.append(pending)
            pending = None
        if _orphan(span, pages):
            pending = span
            continue
        out.append(span)
    if pending is not None:
        out.append(pending)
    return out


def _orphan(span: Span, pages: list[str]) -> bool:
    text = pages[span.page - 1][span.start : span.end].strip()
    return (
        span.kind == "text"
        and span.page == span.page_end
        and len(text) < ORPHAN_CHARS
        and text[-1:] not in ".!?"
        and not text.startswith(("<!--", "http"))
        and (_ORPHAN_WORD.search(text) is not None or _STRAY_FIGURE.fullmatch(text) is not None)
    )


# A superscript left on a line of its own by a text export ("m²" of a table's header "kWh/m
# (Atemp), år" over its rows: a "2" alone between the caption and the table) answers nothing.
_STRAY_FIGURE = re.compile(r"\d{1,2}")


def _label(span: Span, pages: list[str]) -> bool:
    """Is ``span`` an orphan (``_orphan``) of at most ``_LABEL_WORDS`` words, with no digit
    and no closing colon: a term or a title, not a lead-in or a date line?"""
    text = pages[span.page - 1][span.start : span.end].strip()
    return (
        _orphan(span, pages)
        and len(text.split()) <= _LABEL_WORDS
        and not text.endswith(":")
        and not any(ch.isdigit() for ch in text)
    )


_LABEL_WORDS = 3


def _ends_sentence(span: Span, pages: list[str]) -> bool:
    """Does ``span``'s text end a sentence (".", "!", "?")?"""
    return pages[span.page - 1][span.start : span.end].rstrip()[-1:] in (".", "!", "?")


def _tail(span: Span, pages: list[str]) -> str:
    """The last few hundred characters of ``span``'s text (its last sentence, for ``leads_in``)."""
    return pages[span.page - 1][max(span.start, span.end - 300) : span.end]


# A last sentence that announces what follows: "… i följande prioritetsordning." over numbered
# items (Arbetsmiljöverket's föreskrifter end such a lead with a full stop, not a colon). The
# announcing word must stand in the last sentence (no full stop, colon or other end after it).
_ANNOUNCES = re.compile(
    r"\b(?:följande|nedan|nedanstående|the following|as follows|below)\b[^.!?:;]*\.\s*$",
    re.IGNORECASE,
)
# A cross-reference points elsewhere, not at the lines after it: "… konstruktionen, se nedan.",
# "Se bild nedan som exempel.", "(see below)".
_REFERS = re.compile(r"\b(?:se|see)\b[^.!?:;]*\b(?:nedan|below)\b[^.!?:;]*\.\s*$", re.IGNORECASE)


def leads_in(text: str) -> bool:
    """Does text ending this way lead into a list that follows it: a colon, a letter (a sentence
    that stops mid-way, "… åtar sig att", continued by list items), or a last sentence that
    announces what follows ("… i följande prioritetsordning.", ``_ANNOUNCES``; not a
    cross-reference, "se nedan.")? Whether a list does follow is the caller's to see."""
    tail = text.rstrip()
    if not tail:
        return False
    if tail[-1] == ":" or tail[-1].isalpha():
        return True
    return _ANNOUNCES.search(tail) is not None and _REFERS.search(tail) is None
