"""Chunking: cleaned pages -> passages (langchain ``Document``s) that follow the text's structure.

A bullet point, a paragraph or a statute paragraph (§) is the natural unit. Headings are not
passages; they become the ``section`` path. Every chunk's text is exactly
``page[start:end]`` of its cleaned page, so a quote found in a chunk is found in the source.
Which units share a passage (merging, lists under their lead-in, orphan lines) is ``grouping``'s.
"""

from __future__ import annotations

import hashlib
import re

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from .grouping import MAX_CHARS, SECTION_SEP, SHORT_ITEM, Span, group
from .ingest import LoadedDocument
from .ingest.card import title_block
from .ingest.layout import Unit, lay_out_pages
from .ingest.units import SECTION_SIGN_ONLY
from .sentences import split_sentences

__all__ = [
    "CHUNKER_VERSION",
    "CARD_SECTION",
    "chunk_document",
    "split_sentences",  # sentences.py; imported from here by quotes, parties, indexing, bench
    "embedding_text",
]

# 4: passages read laid-out units (reflowed in every format, page-break units with page_end,
# footnotes own passages, table header rows repeated as context).
# 5: party lines wrapped inside "mellan A och B" are one unit; a Word file that does not record
# where its pages break gives passages page_known=False (cited by section); PDF tables without
# ruling lines are rows of cells with their header row; a footnote passage gets its marker's
# section path and footnote_of (the sentence that marks it).
# 6: text exports cut into pages at their printed page numbers; contents lists one paragraph;
# any private-use glyph a bullet; date/record lines no headings; titles skip records.
# 7: a form field over two lines ("Utarbetad av:" / its value) is one unit; "giltig från" validity;
# a bulleted item's next sentence stays in the item; running lines recur at one edge (headings too).
# 8: a document's own purpose sentence ("Bilagan beskriver …", "Syftet med … är", a "Syfte" section's
# first sentence) is a card fact.
# 9: revision facts on the card.
# 10: a numbered list after its lead-in ("… är:" / "1. …") is no headings; a heading with nothing
# under it before the next is a line of its parent's text.
# 11: Markdown footnotes ("[^3]" / "[^3]: …") read as footnotes, single-character emphasis removed.
# 12: a list stays with a lead-in that stops mid-sentence ("Kommunerna åtar sig att se till att"
# over bullets), not only with one ending in a colon, and all its short items gather (only the
# first did); layout: a line with a section number after a list item or a long numbered
# heading starts a new unit ("4.1.2 Den enskilde …" was read as a wrapped line).
# 13: a section number after a list item starts a unit, whether or not the item ended with a
# full stop ("• … i tid" / "3.2 Kommunerna åtar sig att").
# 14: a numbered heading ("1. Bakgrund") starts a unit after a blank line or a list item (it
# continued a title or an item); a capitalised sentence after an item without final punctuation
# is no lazy continuation of it; a short lead-in with a verb of duty ("Parterna ska gemensamt")
# over a list is no heading.
# 15: a regulation's title and its "; beslutade den …" line are one unit; a letterhead row ending
# in a web address does not run on to the next page's first paragraph.
# 16: a run of numbered lines with no text between them ("1. Skolverket" / "2. Sunet") is a
# list: its first item does not continue the lead, and no item is a heading.
# 17: (a helper broke 14-16) items of a numbered run are alike (one marker, sentences or none)
# and a line over its own subsection heads it; a numbered heading after an item ending in a comma
# starts a unit; a statute's paragraph ("3 § …") is no item's next sentence; a short lead ending
# in a function word ("Avgiften består av") is no heading.
# 18: the card states when a document takes effect ("Ikraftträdande": a "träder i kraft den …"
# line, a statute's front matter "ikraft_datum").
# 19: the card names every party of "mellan A, B och C" (A and B were one party).
# 20: a rule of underscores ends a section (a statute's transitional provisions after it stood
# under the last heading before it).
# 21: Markdown's HTML comments are no text; a comment naming a page ("<!-- sida 49 -->") is a
# page break (readers.text, pagemarks).
# 22: the text width is read over the text's own column (reflow.text_width): a few lines of run
# together table cells or columns no longer leave wrapped lines unjoined.
# 23: "Innehållsansvar(ig): …" is the card's document owner.
# 24: a value line (an amount, a figure with a unit, a date) is one sentence with the label line
# above it (sentences._VALUE_LINE): a table's cells read to text one per line.
# 25: "§ N Title" headings (the top level where a text has three); a table's cell heads nothing.
# 26: a service desk's labelled line ("Kundservice: …") is the card's contact.
# 27: a title at a cover's foot takes no "Innehåll" from the next page; a -layout export's
# metadata box (labels over values) gives the card its pairs ("Ansvarig: …", "Reviderad den: …").
# 28–31 (one session's steps): a case number's label ("Dnr KS 2013/105"), a written-out date
# and a timetable's day-first row ("5 okt Reservdag …") are no headings; the card's signer from
# the last page's signature block.
# 32: a lead ending in "följande:" is no heading; lines with one label and rising numbers after
# a lead ("Fokusområde 1 – …", "Fokusområde 9 – …") are its list items.
# 33: "Ansvarig för revidering: …" is the card's owner line.
# 34: a run of "Bilaga 1 – …", "Bilaga 2 – …" under a lead naming them ("Bilagor") is a list.
# 35: "Sid 22 av 103" is a page number.
# 36: a text export's tab-separated table row is a record: no heading, no wrapped line.
# 37: an HTML line break in a text or Markdown line ("hos<br>nämnd" in a table cell) is a space.
# 38: a cover box's label wrapped around its row is a label; "Diarienummer: 0451/23" (no letters)
#     and "Datum och paragraf för beslutet: …" are card facts.
# 41: a copyright line ("Copyright (c) 2021 Sundsvalls kommun") is a card fact.
# 42: a bullet glyph line after another ("-" / "-", a table's empty cells) is kept, not dropped.
# 43: a heading-like line left alone as a passage opens the next passage of its page.
# 44: a lead-in that announces its list and ends with a full stop ("… i följande
#     prioritetsordning.") gathers the list's short items, as a colon does.
# 45: a short line over a statute's paragraph that opens a sentence ("Vilka föreskrifterna riktar
#     sig till" / "2 § Arbetsgivaren …", "Till 2 § …") is its own unit, though it ends in a
#     function word.
# 46: the titles a table of contents lists are headings (questions, lines as wide as the text)
#     at the list's indentation levels; a section number whose parent was missed ("5.3" after
#     "4.3") heads no section of the earlier number.
# 47: a contents list without leaders ("Innehåll" / "Visionen om Hållbara Haparanda 07") names
#     titles too, and a listed title wrapped over two lines starts its unit.
# 48: a numbered table row is read with the value cell under it ("1. Förskolor …" / "3 år").
# 49: a statute's designation ("BFS 2011:16 med ändringar till och med …") is no heading.
# 50: a type line naming no topic ("Regional rutin 2025–2029") joins the title line above it.
# 51: a label with its plural ending in parentheses ("Personuppgiftsansvarig(a): …") is a
#     field line, not a heading (it stood in no passage).
# 52: a sentence does not end after "inkl.", "exkl.", "enl.", "fr.o.m.", "kl.", "tel." … (the
#     sentence spans are stored with the index).
# 53: a table's last column header after two or more short column labels ("Df" / "Dg" / "TOTAL
#     AVGIFT") heads nothing (``headings._after_column_labels``).
# 54: control characters removed, a run of unmapped glyphs (U+FFFD) a dot leader: a contents
#     list that pdftotext wrote so is seen as one, and a page's last line no longer runs into it.
# 55: a title line naming its type with å/ä/ö ("… föreskrifter om …", "Överenskommelse om …") is
#     read as typed, before a series line above it ("… författningssamling").
# 56: a regulation's signature block (issuer in capitals, then the names, after the entry into
#     force) is the card's "signed" fact (``signatures.decree_signature``).
# 57: a regulation's entry into force naming what stops applying ("…, då … ska upphöra att
#     gälla") is the card's "replaces" fact.
# 58: a title's trailing ";", "," or ":" is dropped ("… och tjänstepension;").
# 59: a § whose mark opens its first paragraph ("2 § Ett …") keeps its later stycken; three or
#     more "Bilaga N – …" lines ending a page are a list, not headings.
# 60: an ISSN/ISBN line or a line with a web address is no heading.
# 61: a front-matter title that is a file name ("omhändertagande-av-avlidna-…") yields to page 1.
# 62: "Beslut vid regeringssammanträde den …" (the Government's formula) is the card's decision fact.
# 63: a line whose verb of duty opens a clause with a comma ("Utredaren ska, utifrån …") goes on
#     into the next line and is no heading.
# 64: a short line between value cells ("3 117 689 kr" / "Kommun" / "Alingsås" / … "1 039 230 kr")
#     is a table's cell, no heading.
# 65: a Markdown block quote's ">" markers are no text; a bare ">" line parts its paragraphs.
# 66: "träder ikraft" (written as one word) is the card's in-force fact.
# 67: "1 kap. …", "2 § …" opening a page's last block are body text, never a footnote block; a
#     statute book's "Utkom från trycket den …" before "beslutade den …" is no hindrance to the
#     decision fact; an entry into force naming what it repeals may run to 300 characters.
# 70 (68 and 69 were trials, never shipped): a short label (at most three words, no digit, no
#     colon) after a finished sentence opens the next passage (a definition list's term over its
#     definition), not the end of the one before.
# 71: a numbered list read as headings ("1. Lindrig samhällsstörning", "2. …" inside section 5.1)
#     nests below the heading before it instead of opening sections 1, 2 … of the document;
#     a footnote going on after a blank line at the page foot is one footnote, not body text;
#     a heading closes the open headings of its level or deeper (a Markdown text opening at
#     "##" filed every "##" under the first; "7.2" went under "7.1" after a level gap); a line
#     only the layout takes for a heading sits inside the reader's typed heading above it.
# 72: a Markdown heading's pandoc attributes ("{.unnumbered}", "{#syfte}") are no words of it,
#     nor emphasis markers or link addresses that run over a line break ("**rekommenderas" /
#     "inte**", "[… i ditt" / "närområde](http://…)");
#     a list item ("* Akut …") is never the document's title.
# 73: a line recurring near most page edges is a running one only where it stands in the edge
#     run (from a page's top or foot) on half the pages: a plan's stock rules ("Tak skall vara
#     klätt med tvåkupigt lertegel.") that ended a page were dropped as footers;
#     a type line naming no topic atop page 1 is titled by the topic line under it;
#     a cover's fields side by side ("Laga kraft: 2007-02-20" beside an officer's name) are card
#     facts of their own; a letterhead's phone line ("Tfn 026-17 83 21 (dir)") is no heading.
# 74: a text or Markdown export's bare page numbers ("7" beside "Justerandes sign") cut pages;
#     a title line bearing its date, or naming its type before a body ("Sammanträdesprotokoll
#     Barn- och utbildningsnämnden 2025-09-16"), is the title (without the date);
#     minutes' "§ 98" headings take their title ("§ 98 Fördjupad månadsrapport") and hold the
#     headings typed at their level ("Sammanfattning", "Beslut"); a line only the layout takes for
#     a heading, before the first typed one, stands beside it ("**Plats och tid**", "## Beslutande").
# 75: a line that closes a bracket the line before opened runs on its sentence ("… föreskrifter
#     (FFFS" / "2011:36) om …"); a statute book's title loses the printing column and decision
#     date run into it ("… Utkom från trycket … ; beslutade den 11 november 2014."), and its
#     lower-case decision line standing alone ("beslutade den 13 juni 2011.") is a card fact;
#     its designation on a line of its own ("FFFS 2011:39") is a card fact and ends its title; a
#     repeal in a sentence of its own ("… (SRVFS 2005:9) … ska samtidigt upphöra att gälla.")
#     is what the text replaces.
# 76–78: a statute's definition list ("term: definition," a line each) is one unit an entry; a
#     line ending in "t.ex." runs on; short lines after a lead ending ":" are its items.
# 79: "alt.", "p.g.a.", "prop.", "mom." and the like end no sentence ("Minst 1 Solvärme, alt.
#     Solcellsanläggning bör installeras …" is one), nor "art."/"bet." before a number.
# 80: a definition list exported a line per column ("nätbolag" / "" / "företag som …,") is one
#     unit an entry (``list_runs.term_entries``).
# 81: a lead's items run on over a page break, and a lead may hold its first item ("Byggnaden
#     skall målas: Fasadytor …"): colour rows were headings of the next buildings' entries.
# 82: a table exported by columns (a label, a gap, a figure: "Frånluftsvärmepump    0,6") has
#     rows, not headings; nor is a line that ends in a decimal figure or a word cut by a hyphen.
# 83: a running header kept by a converter that dropped page breaks and numbers (a short line
#     with a figure, alone, recurring in either order of its words) cuts the pages, and goes.
# 84: after a blank line, a line runs on when the one before cannot end (a function word) or
#     when it opens with a lower-case word after a line of four words or more (boxes, columns).
# 85: (used by a reverted caption rule, 2026-12-07; skipped so no index of it is read as current)
# 86: a line ending in a figure and a dash runs on to a line opening with a figure ("… med ett
#     värde av 9–" / "16 åtgärdas."): a range broken after its dash, not a numbered item.
# 87: a statute book's title whose decision date follows without a semicolon ("… ska vara utförda
#     beslutade den 21 april 2022."), a file name that shortens the title's words, a series
#     with a hyphen ("ELSÄK-FS"), an entry into force naming what it repeals without a comma.
# 88: a form's tick boxes, exported a line each, join the row they answer, labelled by the
#     header's option words ("[Ja ☐ Nej ☒] Dataöverföring sker till …"; ``ingest.tickboxes``).
# 89: a statute book's series line ("BOVERKETS BFS 2007:4", "Naturvårdsverkets
#     författningssamling") is no title, and the printing date's column leaves the title whole.
CHUNKER_VERSION = "89"
CARD_SECTION = "dokumentuppgifter"

_MARKER_REF = re.compile(r"\[(\w{1,4})\]")  # a footnote marker in body text: "unga[1]"


def chunk_document(doc: LoadedDocument) -> list[Document]:
    """All passages of one document, the document card first.

    Passages are built from the laid-out units (``doc.units``); a document built by hand
    without them is laid out here from its pages.
    """
    if not doc.units:
        laid = lay_out_pages(doc.pages)
        doc.pages, doc.units = laid.pages, laid.units
    chunks = [_card_chunk(doc)] if doc.card else []
    for span in group(_spans(doc), doc.pages):
        page = doc.pages[span.page - 1]
        for a, b in _split_long(page[span.start : span.end]):
            start, end = span.start + a, span.start + b
            chunks.append(_make_chunk(doc, span, start, page[start:end]))
    return chunks


def _spans(doc: LoadedDocument) -> list[Span]:
    """One span per content unit; headings become the section path, footnotes and table rows
    carry what their passage needs (marker, header row)."""
    title = doc.title.strip()
    # "# Title" as the top heading: the headings below it start one level lower.
    shift = int(
        any(
            u.kind == "heading" and u.marked and u.level == 1 and _text(doc, u) == title
            for u in doc.units
            if u.page == 1
        )
    )
    skip = title_block(doc.pages[0], doc.title)[0] if doc.pages else 0
    path: list[str] = []
    # Each path entry's heading level: a heading closes every open one of its level or deeper,
    # so "7.2" after "7.1" (both level 3 under "7." at level 1) is its sibling, not its child.
    levels: list[int] = []
    headers: dict[int, str] = {}
    spans: list[Span] = []
    anchors: dict[tuple[int, str], tuple[str, str]] = {}
    # The last heading while nothing has stood under it yet: (unit, its place in ``path``, its
    # parent section). Cut from the path by the next heading, it would be in no section name and
    # no passage ("1. Inledning" straight before "2. Syfte"): it becomes a line of its parent's.
    empty: tuple[Unit, int, str] | None = None
    for u in doc.units:
        text = _text(doc, u)
        if u.page == 1 and u.end <= skip:
            continue  # the opening title block is on the card
        if u.after_break:  # a rule ended the section (``ingest.layout._SECTION_END``)
            if empty is not None:
                spans.append(_line(empty[0], empty[2]))
            path, levels, empty = [], [], None
        if u.kind == "heading":
            if text == title:
                continue
            level = max(1, u.level - shift) if u.marked else max(1, u.level)
            if (
                empty is not None
                and empty[1] == len(path) - 1
                and SECTION_SIGN_ONLY.match(path[-1])
            ):
                # "§ 98" straight above its title ("Fördjupad månadsrapport …"): one section,
                # "§ 98 Fördjupad månadsrapport …", at the "§" level (``headings.mark_headings``).
                path[-1] = f"{path[-1]} {text.rstrip(':').strip()}"
                empty = (u, len(path) - 1, empty[2])
                continue
            kept = sum(1 for n in levels if n < level)
            if empty is not None and kept <= empty[1]:  # cut from the path
                spans.append(_line(empty[0], empty[2]))
            path = path[:kept] + [text.rstrip(":").strip()]
            levels = levels[:kept] + [level]
            empty = (u, len(path) - 1, SECTION_SEP.join(path[:-1]))
            continue
        empty = None
        section = SECTION_SEP.join(path)
        end_page = max(u.page, u.page_end or u.page)
        if u.kind != "footnote":
            _note_anchors(u, text, section, anchors)
        if u.kind == "footnote":
            where = f" (s. {u.page})" if doc.page_known else ""
            name = f"fotnot {u.marker}{where}" if u.marker else f"fotnot{where}"
            # A footnote belongs where its marker stands: that section, read with that sentence.
            anchor_section, anchor = anchors.get((u.page, u.marker or ""), ("", ""))
            name = SECTION_SEP.join(p for p in (anchor_section, name) if p)
            span = Span(u.page, u.start, u.end, name, end_page, "footnote")
            span.anchor = anchor
            spans.append(span)
        elif u.kind == "table_row":
            if u.table is not None and (u.header_row or u.table not in headers):
                headers.setdefault(u.table, text)
            spans.append(
                Span(
                    u.page,
                    u.start,
                    u.end,
                    section,
                    end_page,
                    "table",
                    u.table,
                    headers.get(u.table, "") if u.table is not None else "",
                )
            )
        else:
            kind = "list" if u.kind == "list_item" else "text"
            span = Span(u.page, u.start, u.end, section, end_page, kind)
            span.short_items = kind == "list" and u.end - u.start <= SHORT_ITEM
            spans.append(span)
    if empty is not None:  # a last heading with nothing under it
        spans.append(_line(empty[0], empty[2]))
    return spans


def _line(u: Unit, section: str) -> Span:
    """A heading kept as a line of text in ``section`` (its parent's)."""
    return Span(u.page, u.start, u.end, section, u.page)


def _note_anchors(u: Unit, text: str, section: str, found: dict) -> None:
    """Record the sentences of a body unit whose "[n]" marks a footnote: (page, n) -> (section,
    sentence), for the page it starts and ends on (a note may stand at the foot of either)."""
    if "[" not in text:
        return
    for a, b in split_sentences(text):
        for marker in _MARKER_REF.findall(text[a:b]):
            for page in (u.page, max(u.page, u.page_end or u.page)):
                found.setdefault((page, marker), (section, text[a:b]))


def _text(doc: LoadedDocument, u: Unit) -> str:
    return doc.pages[u.page - 1][u.start : u.end]


def _card_chunk(doc: LoadedDocument) -> Document:
    span = Span(1, 0, len(doc.card), CARD_SECTION, 1, "card")
    return _make_chunk(doc, span, 0, doc.card)


def _make_chunk(doc: LoadedDocument, span: Span, start: int, text: str) -> Document:
    key = f"{doc.source}\x1f{doc.file_hash}\x1f{span.page}\x1f{start}\x1f{text}"
    digest = hashlib.sha1(key.encode()).hexdigest()
    meta = {
        "source": doc.source,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "page": span.page,
        "page_end": span.page_end,
        "section": span.section,
        "start": start,
        "end": start + len(text),
        "kind": "card" if span.kind == "card" else "passage",
        "file_hash": doc.file_hash,
    }
    if not doc.page_known:
        meta["page_known"] = False  # cited by section: the file does not say where pages break
    if span.kind == "footnote":
        meta["unit"] = "footnote"
        if span.anchor:
            # The sentence whose "[n]" marks this note: what links a cited sentence to its note.
            # Not embedded with the note: a definition footnote then outranked the body on its
            # own topic (dev2: "Särskilt boende för äldre avser …" answered a commitment question).
            meta["footnote_of"] = span.anchor
    # A table passage that does not start with its header row names the columns as context
    # (embedded and searched); its text stays the exact page slice so quotes stay verbatim.
    if span.table_header and not text.startswith(span.table_header):
        meta["table_header"] = span.table_header
    return Document(page_content=text, id=digest[:20], metadata=meta)


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


def embedding_text(doc: Document) -> str:
    """What is embedded for a passage: title and section give the model the context; a table
    passage cut from its header row gets the column names too."""
    meta = doc.metadata
    head = (
        meta["title"]
        if meta.get("kind") == "card"
        else f"{meta['title']}{SECTION_SEP}{meta['section']}"
    )
    header = f"\n{meta['table_header']}" if meta.get("table_header") else ""
    return f"{head.strip(SECTION_SEP)}{header}\n{doc.page_content}"
