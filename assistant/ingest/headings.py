"""Headings and contents lists among reflowed units: which short stand-alone lines head
sections (and at what level), and which lines are a table of contents."""

from __future__ import annotations

import re

from .contents import title_key
from .grid import table_row
from .list_runs import in_list, in_run, labelled_run
from .section_numbers import list_item, section_depth, section_number
from .units import (
    FUNCTION_WORDS,
    INSERTED_CLAUSE,
    KEY_VALUE,
    NUMBERED_HEADING,
    SECTION_SIGN_HEADING,
    SECTION_SIGN_ONLY,
    TAB_ROW,
    TOC_ENTRY,
    UNIT,
    VALUE_LINE,
    Item,
    mid_sentence,
)

__all__ = ["RECORD", "mark_headings", "merge_contents"]

# Headings name topics; a line carrying a full date, a clock time or an e-mail address is a
# record (a signature, "Reviderat 2015-01-09", "Dokumentet gäller från 2024-01-01"), and as a
# heading it would leave every passage under it and out of the text that is searched.
# A date written out ("Beslutad av … 27 juli 2017"), a case number's label ("Dnr KS 2013/105"), a
# statute's designation ("BFS 2011:16 med ändringar …") and a timetable's row ("5 okt Reservdag
# för MBL-förhandling") are records as well. Flags inline:
# ``title`` extends the pattern.
_MONTH = r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?"
RECORD = re.compile(
    r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\S@\S+\.\w|"
    # a statute's designation ("BFS 2011:16 med ändringar till och med BFS 2017:10")
    r"^[A-ZÅÄÖ]{1,6}FS\s?(?:19|20)\d{2}:\d+\b|"
    rf"(?i:\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}}\b|^\d{{1,2}}\s+{_MONTH}\s+\S|"
    r"^(?:dnr|diarienummer|diarienr|ärendenummer)\b\.?\s*:?\s*(?:\S+\s+)?\S*\d)"
)
# A word that can name a topic: three letters or more, not a unit ("Om 11,45 kr", "12 680 kr
# (54%)", "100%", "Df", "Ja" are a table's cells, one per line in a PDF read to text: as headings
# they named the sections of a whole fee schedule).
_TOPIC_WORD = re.compile(rf"\b(?!{UNIT}\b)[^\W\d_]{{3,}}", re.I)
_ANSWER_CELL = {"ja", "nej", "yes", "no"}


def merge_contents(pages: list[list[Item]]) -> None:
    """Runs of table-of-contents entries on a page become one paragraph: one passage that
    lists the contents, rather than dozens of one-line passages (or, taken for headings,
    nested empty sections) that crowd real text out of every result list."""
    for page in pages:
        merged: list[Item] = []
        for unit in page:
            entry = unit.kind in ("line", "paragraph", "list_item") and bool(
                TOC_ENTRY.search(unit.text)
            )
            prev = merged[-1] if merged else None
            if entry and prev is not None and prev.kind == "contents":
                prev.lines.extend(unit.lines)
                continue
            if entry:
                unit.kind, unit.wrapped, unit.marker = "contents", False, None
            merged.append(unit)
        for unit in merged:
            if unit.kind == "contents":
                unit.kind = "paragraph"
        page[:] = merged


def mark_headings(pages: list[list[Item]], titles: dict[str, int] | None = None) -> None:
    """A short stand-alone line without final punctuation is a heading (not at a page foot),
    and so is a title the contents list names (``titles``, ``contents.contents_titles``).

    Levels: a title's by its indentation in the contents list, where the list has levels; a
    numbered heading by its depth ("8.2.1" is 3). Where numbered headings are the rule, an
    unnumbered one sits below the current numbered one; where they are the exception,
    unnumbered headings are the top level and numbered ones nest below them."""
    titles = titles or {}
    found: list[tuple[Item, bool]] = []
    previous: list[Item] = []
    for page in pages:
        body = [u for u in page if u.kind != "footnote"]
        # A lead's items run on over a page break ("… i kulör:" / "Fasadytor …" / page 9 /
        # "Andra dörrar svart trätjära"): ``_after_lead`` reads back into the page before.
        before, previous = previous[-12:], body
        for i, unit in enumerate(body):
            if unit.kind == "heading":
                found.append((unit, False))
            elif unit.titled and _is_heading(unit, body, i, titled=True, before=before):
                # The contents list names it (``contents.contents_titles``): a heading even
                # as a question, or as long as the text is wide; a list's lead-in stays text.
                unit.kind = "heading"
                found.append((unit, _numbered(unit.text)))
            elif unit.wrapped and i and _numbered(unit.text) and in_list(body, i):
                # "… prioriteringar avseende trafikinfrastruktur är:" then "1. Dubbelspår
                # Ostkustbanan", "2. …": a numbered list after its lead-in, not headings (as
                # headings without text of their own, items 1 and 2 were in no passage).
                unit.kind = "list_item"
            elif unit.wrapped and labelled_run(body, i):
                unit.kind = "list_item"
            elif unit.wrapped and _is_heading(unit, body, i, before=before) and not in_run(body, i):
                unit.kind = "heading"
                found.append((unit, _numbered(unit.text)))
    # A taxa or föreskrift is built of its "§ N" sections: every unnumbered heading (a fee
    # table's "TOTAL AVGIFT", "En ledning") sits inside the current one, however many there are.
    signed = sum(_signed(u.text) for u, _ in found) >= 3
    numbered_rule = signed or sum(n for _, n in found) * 2 > len(found)
    # A contents list with levels places the headings it names; one it does not name ("Artikel
    # uppdaterad 20230427", a note's own heading) sits below the last it named, never above
    # the next one's section.
    levelled = any(titles.values())
    depth = plain = last_listed = head = run = typed = sign = 0
    first_typed = next((u.level for u, _ in found if not u.wrapped), 0)
    numbers: dict[int, str] = {}  # the last section number seen at each depth
    for i, (unit, numbered) in enumerate(found):
        listed = titles.get(title_key(unit.text), 0) if unit.titled else 0
        item = numbered and unit.wrapped and not listed and not signed
        # "1. Inledning" followed by "1.1 Bakgrund" heads a section of its own (a second part
        # of the document numbered from 1 again): a list's item has no subsections.
        after = next((section_number(u.text) for u, n in found[i + 1 :] if n), "") if item else ""
        run = list_item(section_number(unit.text), numbers, run, head, after) if item else 0
        if not unit.wrapped:  # typed by the reader (Markdown, Word styles): its own level
            if signed and _signed(unit.text):
                sign = unit.level
            elif sign and (
                unit.level == sign or i and SECTION_SIGN_ONLY.match(found[i - 1][0].text)
            ):
                # Minutes exported to Markdown set "## § 98", its title and its "Sammanfattning",
                # "Yrkanden", "Beslut" all at one level (the title even at "#"): inside the
                # current "§", as a taxa's unnumbered headings are (below). A heading above the
                # "§" level that does not title one ("# Kapitel 2") still closes it.
                unit.level = sign + 1
            elif unit.level < sign:
                sign = 0
            depth = plain = typed = unit.level
        elif listed:
            unit.level = depth = plain = last_listed = listed
            if numbered:
                number = section_number(unit.text)
                numbers[section_depth(number, numbers)] = number
        elif run:
            # "Skala för konsekvensbedömning", then "1. Lindrig samhällsstörning" and its
            # paragraph, "2. Kännbar …", inside section 5.1: a numbered list of labelled
            # paragraphs under the heading before it, not sections 1 and 2 of the document
            # (read so, the scale's heading and section 5 left every item's path).
            unit.level = head + 1
            continue
        elif levelled:
            unit.level = last_listed + 1
        elif numbered:
            number = section_number(unit.text)
            dots = section_depth(number, numbers)
            unit.level = depth = plain = dots if numbered_rule else dots + 1
            numbers[dots] = number
        elif unit.text.endswith(":"):
            unit.level = plain + 1
        elif signed and depth:
            unit.level = plain = depth + 1
        elif typed:
            # A line only the layout takes for a heading ("Riskägare" over its paragraph) in a
            # text whose reader typed its headings ("## Ansvar och roller"): inside the typed
            # one, not above every "##" after it.
            unit.level = plain = typed + 1
        else:
            # Before the reader's first typed heading, a line only the layout takes for one
            # ("**Plats och tid**" over a cover's field, then "## Beslutande") stands beside
            # that heading, not above it and every heading of its level after it.
            top = first_typed or 1
            unit.level = plain = max(top, depth) if numbered_rule else top
            depth = depth if numbered_rule else top
        head = unit.level


# A serial number or a web address names no section of the text.
# A letterhead's phone line ("Tfn 026-17 83 21 (dir)", "Tel. 0771-25 26 27", "Växel: 08-…") closes
# a cover: as a heading it named the next page's first section.
_NO_TOPIC_LINE = re.compile(
    r"^(?:ISSN|ISBN)\b|https?://|\bwww\.\w|"
    r"^(?:tfn|tel|telefon|växel|vxl|fax|phone)\b\.?\s*:?\s*\+?\d",
    re.I,
)


def _signed(text: str) -> bool:
    """A "§ N" heading, with its title ("§ 13 Avgift") or without ("§ 98")."""
    return bool(SECTION_SIGN_HEADING.match(text) or SECTION_SIGN_ONLY.match(text))


def _is_heading(
    unit: Item, body: list[Item], i: int, titled: bool = False, before: list[Item] | None = None
) -> bool:
    """``titled``: the contents list names the unit, so a question's "?" and a length or line
    count no heading of its own reaches are no objection; ``before``: the previous page's body."""
    text = unit.text
    numbered = _numbered(text)
    words = text.split()
    short = len(text) <= (120 if numbered else 80) and len(words) <= (16 if numbered else 10)
    ends = ".,;…" if titled else ".!?,;…"
    if unit.kind == "list_item" and not numbered or not (short or titled) or text[-1] in ends:
        return False
    multi = len(unit.lines) > 1 and not (numbered or titled)
    if multi or not (text[0].isupper() or text[0] in "0123456789§"):
        return False
    if not _TOPIC_WORD.search(text) or text.casefold() in _ANSWER_CELL:
        return False
    if not titled and table_row(body, i):
        return False  # "Frånluftsvärmepump      0,6": a table laid out by columns, a row a line
    if _CUT_WORD.search(text) and " -" not in text:
        # "Bjurholm, Nordmaling, Roberts-": a word cut at the line's end goes on (an aside's
        # closing dash is no cut: "Preskribtionstid -inom detaljplanerat område-")
        return False
    if not numbered and i + 1 < len(body) and VALUE_LINE.fullmatch(body[i + 1].text.strip()):
        return False  # a table row's label over its value ("Förgävesbesök" / "1 444 kr")
    if not numbered and len(words) <= 3 and _among_values(body, i):
        return False  # a table's cells a line each ("HSNV" / "3 117 689 kr" / "Kommun" / …)
    if not numbered and _after_column_labels(body, i):
        return False  # a table's last column header ("V" / "S" / "Df" / "Dg" / "TOTAL AVGIFT")
    if KEY_VALUE.match(text) and not text.endswith(":") or TOC_ENTRY.search(text):
        return False
    if not numbered and _after_lead([*(before or ()), *body], len(before or ()) + i):
        return False  # "… målas med linoljefärg i kulör:" / "Fasadytor slamfärg ljus Faluröd"
    if TAB_ROW.match(text):
        return False  # a table's row (its header row too: "Begrepp\tDefinition")
    if _NO_TOPIC_LINE.search(text):
        return False  # "ISSN 1102-7460" under a series name, "Se www.exempel.se/…": no section
    if not numbered and RECORD.search(text):
        return False
    at_foot = i == len(body) - 1 and mid_sentence(unit)
    lead_in = i + 1 < len(body) and body[i + 1].kind == "list_item" and not numbered
    # A lead-in that stops mid-sentence over its items is no heading: four words or more
    # ("Kommunerna åtar sig att se till att"), or fewer with a finite verb of duty ("Parterna
    # ska gemensamt", "Regionen ansvarar för") that a heading's noun phrase has not.
    duty = any(w.casefold() in _DUTY_VERBS for w in words)
    # A lead ending in a function word ("Avgiften består av") stops mid-sentence whatever its length.
    mid = words[-1].casefold() in FUNCTION_WORDS
    if not numbered and INSERTED_CLAUSE.search(text):
        return False  # "Utredaren ska, utifrån de förslag som redovisas i betänkandet" / "SOU …"
    if text.endswith(":") and words[-1].rstrip(":").casefold() in _LEAD_ENDS:
        return False  # "Förslaget är följande:", "as follows:": a clause that leads, no heading
    if len(words) >= 4 and words[-1].casefold() in _DEFINING_ENDS:
        return False  # "6 § I dessa föreskrifter betyder" / "arvsvinst: …": a list's lead
    if lead_in and words[-1][:1].islower() and (len(words) >= 4 or duty or mid):
        return False
    return not (at_foot or (text.endswith(":") and len(words) > 5))


def _after_lead(body: list[Item], i: int) -> bool:
    """Is unit ``i`` one of the short lines right after a sentence that leads into them with a
    colon ("Byggnaden skall målas med slam- och linoljefärg i kulör:" / "Fasadytor slamfärg ljus
    Faluröd" / "Knutar slamfärg ljus Faluröd")? Its items, without bullets: taken for headings,
    each headed the next building's entry, and the colours were read as sections."""
    if body[i].text.isupper():
        return False  # "ÄNDAMÅL" after "Avgift tas ut för nedan angivna ändamål:": a heading
    k = i - 1
    # back over the lead's earlier items (paragraphs of a line: a heading or a bulleted item
    # before it ends the run) to the lead, a sentence of its own
    while k >= 0 and i - k <= 12 and body[k].kind == "paragraph":
        text = body[k].text.strip()
        if text.endswith(":"):
            return len(text.split()) >= 4
        if len(body[k].lines) > 1 or len(text.split()) > 10 or text[-1:] in ".!?;":
            return False
        if RECORD.search(text):
            return False  # "Artikel uppdaterad 2023-06-16" ends a guide's article, no item
        lead, _, first = text.partition(": ")
        if first and len(lead.split()) >= 3 and len(first.split()) <= 6:
            return True  # "Byggnaden skall målas: Fasadytor slamfärg ljus Faluröd", its first item
        k -= 1
    return False


def _after_column_labels(body: list[Item], i: int) -> bool:
    """Does unit ``i`` follow two or more column labels of a table exported a cell a line
    ("V" / "S" / "Df" / "Dg" before "TOTAL AVGIFT"), each a line of at most three characters
    that is no list item? Then it is a header cell too: taken for a heading, it headed the
    table's rows instead of the table's own heading ("MÄTARAVGIFT")."""

    def label(k: int) -> bool:
        if k < 0 or body[k].kind == "list_item":
            return False
        text = body[k].text.strip()
        return 0 < len(text) <= 3 and text.isalpha()

    return label(i - 1) and label(i - 2)


_LEAD_ENDS = {"följande", "nedan", "nedanstående", "följer", "following", "below", "follows"}
# A statute's lead into its list of defined terms ends in the verb that defines, no colon.
_DEFINING_ENDS = {"betyder", "avses", "menas", "means", "mean"}


def _among_values(body: list[Item], i: int) -> bool:
    """Is unit ``i`` among a table's cells read a line each: two value cells ("3 117 689 kr",
    "1 039 230 kr") within the three units before and after it, one on each side?"""

    def values(units: list[Item]) -> int:
        return sum(bool(VALUE_LINE.fullmatch(u.text.strip())) for u in units)

    return values(body[max(0, i - 3) : i]) >= 1 and values(body[i + 1 : i + 4]) >= 1


# A word cut by a hyphen at a line's end ("Roberts-"), no aside's closing dash.
_CUT_WORD = re.compile(r"[^\W\d_]-$")


def _numbered(text: str) -> bool:
    """A numbered heading: "8.2 Uppföljning", "3 Mål", or with a section sign, "§ 13 Avgift"."""
    return bool(NUMBERED_HEADING.match(text) or SECTION_SIGN_HEADING.match(text))


_DUTY_VERBS = {"ska", "skall", "bör", "måste", "åtar", "ansvarar", "förbinder", "shall", "will"}
