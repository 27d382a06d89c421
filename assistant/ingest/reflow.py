"""Reflow: physical lines -> units. Wrapped lines joined (in every format), line-end hyphens
joined when they only split a word, lone bullet glyphs joined with their item, footnotes at a
page foot found (units and what their text says: units.py; footnotes: footnotes.py; headings:
headings.py; hyphens: hyphens.py; a unit running over a page break: page_joins.py)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from .contents import title_key, title_opens
from .footnotes import FOOTNOTE_START, footnote_start, set_markers_apart
from .hyphens import append_line
from .list_runs import term_entries
from .units import (
    DEFINED_TERM,
    FUNCTION_WORDS,
    INSERTED_CLAUSE,
    KEY_VALUE,
    LIST_START,
    NUMBERED_HEADING,
    OPEN_ABBREVIATION,
    PAIR_CLOSE,
    TAB_ROW,
    TERMINAL,
    VALUE_LINE,
    Item,
    form_field,
    is_list_start,
    next_item,
    open_pair,
)

__all__ = ["reflow"]

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
_NUMBERED_ITEM = re.compile(r"^\(?\d{1,2}[.)]\s+\S")
# A number range broken at its dash over two lines: a line ending in a number, the next opening
# with the dash and a number ("2019" / "– 2023"; "10" / "- 20 kr").
_RANGE_START = re.compile(r"\d$")
_RANGE_END = re.compile(r"^[–-]\s*\d")
# The mirror: a range broken after its dash ("… med ett värde av 9–" / "16 åtgärdas."): the
# line cannot end there, and the number opening the next is the range's end, not an item's.
_RANGE_OPEN = re.compile(r"\d\s?[–-]$")
# A statute's or an authority's regulations' title ends "…; beslutade den 17 december 2007." (SFS:
# "Utfärdad den …" on a line of its own, which needs no joining).
_DECIDED = re.compile(r"(?:beslutade?|utfärdade?|meddelade?)\s+den\b")
_PARAGRAPH = re.compile(r"\d{1,3}\s?[a-z]?\s?§\s")
# A statute's paragraph, or the general advice to one ("Till 2 § …"), opening a sentence.
_OPENS_PARAGRAPH = re.compile(rf"(?:Till\s+)?{_PARAGRAPH.pattern}\s*[A-ZÅÄÖ]")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÅÄÖ]")


def reflow(
    page: list[Item], vocab: Counter[str], width: int, titles: dict[str, int] | None = None
) -> list[Item]:
    """Physical lines -> units: wrapped lines joined, bullets with their items, footnotes found.
    A line the contents list names (``titles``: ``contents.title_key`` keys) is a unit of its
    own, as is a unit whose lines together make such a title."""
    body_end = footnote_start(page)
    out: list[Item] = []
    blank = False
    bullet: str | None = None
    runs = _numbered_runs(page)
    entries = term_entries(page)  # a definition list's first definition line -> its term line
    terms = set(entries.values())
    titles = titles or {}
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
            m = FOOTNOTE_START.match(text)
            if m and (
                not out
                or out[-1].kind != "footnote"
                or int(m.group(1)) == int(out[-1].marker or 0) + 1
            ):
                out.append(Item("footnote", it.page, [text], marker=m.group(1), wrapped=True))
            elif out and out[-1].kind == "footnote":
                append_line(out[-1], text, vocab)
            continue
        if text in _BULLET_GLYPHS or len(text) == 1 and "\ue000" <= text <= "\uf8ff":
            if bullet is not None:
                # No item followed the glyph: a table's empty cell ("-" / "-" / "1,25 kr" in a
                # fee table's plain export), kept as written; ``wrapped`` False: nothing joins it.
                out.append(Item("paragraph", it.page, [bullet], blank_before=True, wrapped=False))
            bullet = text
            continue
        prev = out[-1] if out else None
        in_run = idx in runs
        titled = title_key(text) in titles if titles else False
        # "ekono-" / "Visionen om" / "Hållbara Haparanda": a title the contents list names,
        # wrapped over two lines, starts a unit (the next line joins it) though the line
        # before ran on to the width.
        opens_title = not titled and title_opens(page, idx, titles)
        if bullet is not None:
            out.append(
                Item(
                    "list_item",
                    it.page,
                    [f"{bullet} {text}"],
                    blank_before=blank,
                    wrapped=True,
                    after_break=it.after_break,
                    cells=it.cells,
                )
            )
            bullet = None
        elif prev is not None and idx in entries and prev.lines == [page[entries[idx]].lines[0]]:
            append_line(prev, text, vocab)  # "nätbolag" / "" / "företag som …,": one entry
        elif (
            prev is not None
            and prev.wrapped
            and not in_run
            and idx not in terms
            and not titled
            and not opens_title
            and not prev.titled
            and not it.after_break
            and _continues(prev, text, blank, width)
        ):
            append_line(prev, text, vocab)
            # "5.1 När ska en kontinuitetsplan" / "tas fram?": a title wrapped over two lines.
            prev.titled = title_key(prev.text) in titles if titles else False
        else:
            kind = "list_item" if (is_list_start(text) or in_run) and not titled else "paragraph"
            # Items that lost their bullets (a Word list as text): lower-case lines standing
            # alone after a lead-in ("… ska det framgå:") or after such an item.
            after = prev is not None and blank and text[0].islower()
            if after and (
                prev.text.endswith(":") or prev.kind == "list_item" and prev.text[0].islower()
            ):
                kind = "list_item"
            out.append(
                Item(
                    kind,
                    it.page,
                    [text],
                    blank_before=blank,
                    wrapped=True,
                    after_break=it.after_break,
                    cells=it.cells,
                    titled=titled,
                )
            )
        blank = False
    if bullet is not None:
        out.append(Item("paragraph", page[-1].page if page else 1, [bullet], wrapped=True))
    for unit in out:
        # "1. Text …" that runs over lines or ends a sentence is a list item, not a heading.
        numbered = (
            unit.kind == "paragraph" and not unit.titled and _NUMBERED_ITEM.match(unit.lines[0])
        )
        if numbered and (len(unit.lines) > 1 or unit.text[-1] in TERMINAL):
            unit.kind = "list_item"
    set_markers_apart(out)
    return out


def _numbered_runs(page: list[Item]) -> set[int]:
    """The indexes of the page's lines that are items of a numbered list, each next to the item
    numbered one more or one less (``units.next_item``; blank lines apart). Such a run is a list
    ("… består av personer från" / "1. Skolverket" / "2. Sunet"), whatever the lines look like:
    its first item does not continue the lead, and no item is a heading."""
    lines = [(i, it.lines[0] if it.kind == "line" else "") for i, it in enumerate(page)]
    lines = [(i, t) for i, t in lines if page[i].kind != "blank"]
    found: set[int] = set()
    for k, ((i, a), (j, b)) in enumerate(pairwise(lines)):
        following = lines[k + 2][1] if k + 2 < len(lines) else ""
        if next_item(a, b, following):
            found |= {i, j}
    return found


# A lower-case word (or an abbreviation: "fr.o.m.", "bl.a.") and a space: running text, not a
# list's letter ("c)"), an address ("stockholm@…", "www.…") or a label ("reg.no:").
_RUNS_ON = re.compile(r"[a-zåäö]{2,}(?:\.[a-zåäö]{1,3})*\.?(?=\s)")


def _continues(prev: Item, text: str, blank: bool, width: int) -> bool:
    """Does the physical line ``text`` continue the unit ``prev``?"""
    last = prev.lines[-1]
    if not blank and _RANGE_END.match(text) and _RANGE_START.search(last):
        # "… program 2019" / "– 2023 (KS-2019-00586).": a range broken at its dash, no bullet
        return prev.kind in ("paragraph", "list_item")
    if not blank and _RANGE_OPEN.search(last) and text[:1].isdigit():
        return prev.kind in ("paragraph", "list_item")
    if is_list_start(text) or prev.kind not in ("paragraph", "list_item") or not text:
        return False
    if TAB_ROW.match(text) or TAB_ROW.match(last):
        return False  # a table row, its cells split by tabs: each row its own record
    if prev.kind == "list_item" and _SECTION_NUMBER.match(text):
        return False  # "• … i tid" / "3.2 Kommunerna åtar sig att": the next section's heading
    if KEY_VALUE.match(text) and not text[0].islower():
        return False
    if last.endswith("-") and text[0].islower():
        return True
    last_word = last.split()[-1].casefold()
    if NUMBERED_HEADING.match(text) and not (last_word in FUNCTION_WORDS or last[-1] == "-"):
        # "… om kultursamverkan" / "1. Bakgrund", "• … regionens konsulenter" / "3. Uppföljning",
        # "• rehabilitering," / "4. Ekonomi": a numbered heading starts a unit, after a blank
        # line or not, unless the line before cannot end there ("enligt" / "3 kap.").
        return False
    if (
        _OPENS_PARAGRAPH.match(text)
        and len(prev.lines) == 1
        and prev.text[:1].isupper()
        and len(last) < 0.7 * width
    ):
        # "Vilka föreskrifterna riktar sig till" / "2 § Arbetsgivaren har ansvaret …": a short
        # line before a statute's paragraph that opens a sentence is its heading, even when it
        # ends in a function word; a sentence that runs on into "… enligt" / "2 § lagen …" is
        # wrapped at the width and goes on in lower case.
        return False
    if form_field(prev, text, blank) or _lazy_continuation(prev, text, blank, width):
        return True
    if last.endswith(";") and _DECIDED.match(text):
        return True  # "Föreskrifter om …;" / "beslutade den 31 augusti 2015.": one title
    if (
        (prev.kind == "list_item" or _NUMBERED_ITEM.match(prev.lines[0]))
        and not blank
        and VALUE_LINE.fullmatch(text)
        and not VALUE_LINE.fullmatch(last.strip())
    ):
        # "1. Förskolor, skolor … FTX-ventilation." / "3 år": a table's numbered row and its
        # value cell, one record (apart, the value was chunked with the next row).
        return True
    if not blank and text[0].islower() and OPEN_ABBREVIATION.search(last):
        return True  # "… på grund av försäkring, t.ex." / "en försäkringstagare, …"
    if last[-1] in TERMINAL:
        return False
    if DEFINED_TERM.match(text) and (
        blank or last[-1] in ",;" and DEFINED_TERM.match(prev.lines[0])
    ):
        # A statute's list of defined terms ("6 § I dessa föreskrifter … betyder" / "" /
        # "allokerad återbäring: återbäring som …," / "" / "fribrev: …,"): each entry its own
        # unit. Joined, the list was one sentence of 800 characters and the entry a question
        # asks about was never quoted alone (a read blind set's regulation).
        return False
    lower = text[0].islower() or text[0] in "(,"
    last_len = prev.last_len or len(last)
    if blank:
        if prev.kind == "list_item" and prev.text[0].islower():
            return False  # the next item of a list without bullets
        if _PARAGRAPH.match(text) and last_word not in FUNCTION_WORDS:
            # "Särskilda bestämmelser för byggverksamhet" / "" / "2 § Registret ska …": a
            # statute's paragraph after a blank line starts a unit; the line before ends there
            # unless it cannot ("enligt" / "" / "3 § lagen …").
            return False
        lower = lower or (text[0].isdigit() and last_word[:1].islower())
        # A line that cannot end a sentence ("fr.o.m. 2024-05-01 med" / "" / "184,10 kronor per
        # timme."), or one of four words or more before a lower-case word ("Mom. 1 Vid
        # tjänstgöring utgår ersättning" / "" / "fr.o.m. …"): a sentence a PDF set in boxes,
        # each box a paragraph of the export.
        unended = last_word in FUNCTION_WORDS or (
            bool(_RUNS_ON.match(text)) and len(prev.text.split()) >= 4
        )
        return lower and (len(prev.lines) > 1 or last_len > 40 or unended)
    if lower or last_word in FUNCTION_WORDS or last[-1] == "," or INSERTED_CLAUSE.search(last):
        return True
    if last.count("(") > last.count(")") and ")" in text.split("(")[0]:
        # "… Finansinspektionens föreskrifter (FFFS" / "2011:36) om …": a bracket the line
        # opened closes on the next, so the sentence runs on (apart, the entry into force lost
        # what it repeals: a blind FFFS's, read in the sixtieth session).
        return True
    if open_pair(prev.text) and PAIR_CLOSE.search(text):
        return True  # "… mellan Region" / "Stockholm och kommuner …": one party line
    if len(prev.lines) == 1 and _SECTION_NUMBER.match(last):
        # A numbered heading as long as the text is wide is no wrapped line: a capitalised
        # line after it starts the section ("4.1.2 Den enskilde/patienten får resurseffektiv
        # läkemedelsbehandling" / "Regionen och kommunen åtar sig att").
        return False
    return last_len + 1 + len(text.split()[0]) > width * 0.92


def _lazy_continuation(prev: Item, text: str, blank: bool, width: int) -> bool:
    """A bulleted item's next sentence on the following line, without a blank line or bullet
    ("- … uppföljningsmöte till dag 6." / "Deltagare är, förutom brukaren, …"): still the item,
    as Markdown reads it (CommonMark's lazy continuation). Only a line that reads as running
    text (long, or with a comma), not a short heading line after the list."""
    item = prev.kind == "list_item" and bool(LIST_START.match(prev.lines[0]))
    prose = len(text) >= 0.6 * min(width, 100) or ", " in text
    # Only after an item whose sentence has ended: an item without final punctuation ("•
    # bjuda in regionen till två möten per år") followed by a capitalised sentence ("Regionen
    # ansvarar för …") is a list that ended and a paragraph after it; a line of the item that
    # wraps is joined by ``_continues``'s other rules (lower case, a function word, the width).
    ended = prev.lines[-1][-1] in ".!?" or text[0].islower()
    # A statute's paragraph ("3 § Vårdgivaren ska …") or a numbered heading after an item is
    # the next provision or section, never the item's next sentence.
    ended = ended and not _PARAGRAPH.match(text) and not NUMBERED_HEADING.match(text)
    # A section number starts the next section ("… läkemedelsberättelsen." / "4.1.2 Den
    # enskilde/patienten får …"), whatever the heading's length (``_continues`` says so first).
    return item and not blank and prose and ended
