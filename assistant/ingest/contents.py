"""The titles a document's table of contents lists: the names of its headings, as the author
wrote them. A PDF export loses what made a heading one (its size, its weight), and a title can
look like text: a line as long as the text's width runs on into the paragraph under it ("5
Kontinuitetshantering av IS/IT-tjänst" / "Kontinuitetshantering … innebär att"), a question
("5.1 När ska en kontinuitetsplan tas fram?") ends like a sentence. The contents list says
which lines head sections (reflow.py keeps them apart, headings.py marks them)."""

from __future__ import annotations

import re
import unicodedata

from .units import NUMBERED_HEADING, TOC_ENTRY, Item

__all__ = ["contents_titles", "title_key", "title_opens"]

# Fewer entries than this are no table of contents: a line or two with a dot leader and a
# number ("Avgift ........ 120") are a price list's rows.
_MIN_ENTRIES = 3
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+")
_WORD = re.compile(r"[^\W\d_]{3,}")


def title_key(text: str) -> str:
    """A heading's text as matched against the contents list: NFC, case folded, whitespace
    collapsed, a section number's final dot dropped ("1. Inledning" is "1 inledning")."""
    text = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return _SECTION_NUMBER.sub(r"\1 ", text)


def title_opens(page: list[Item], idx: int, titles: dict[str, int]) -> bool:
    """Do the physical line ``page[idx]`` and the next one together make a title the contents
    list names (``titles``: ``title_key`` keys)?"""
    if not titles or idx + 1 >= len(page) or page[idx + 1].kind != "line":
        return False
    return title_key(f"{page[idx].lines[0]} {page[idx + 1].lines[0]}") in titles


def contents_titles(pages: list[list[Item]]) -> dict[str, int]:
    """The titles the document's contents list names, by key (``title_key``), each with its
    level: the rank of its indentation among the list's (1 = flush left), or 0 where every entry
    stands at one indentation (the section numbers say the levels there). An entry is its text
    before the dot leader and page number (or, under a line "Innehåll", before the page number
    alone); one wrapped over two lines is joined ("3.2 Kommunernas åtaganden inom" / "kultur och
    fritid ..... 7"). Empty where the document has fewer than three entries."""
    entries: list[tuple[str, int]] = []
    for page in pages:
        # A tab may be the leader ("Inledning\t3"): the leader is read in the line as written,
        # the indentation with tabs as spaces.
        raw = [it.lines[0] for it in page if it.kind == "line"]
        unled = _unled_entries(raw)
        for i, line in enumerate(raw):
            leader = TOC_ENTRY.search(line) or unled.get(i)
            if not leader:
                continue
            title = line[: leader.start()].strip(" .…\t")
            indent = _indent(line)
            before = raw[i - 1].strip() if i else ""
            # "Skyldighet att informera om risker och hålla dokumentation" / "tillgänglig  7":
            # an entry of a leaderless list wrapped, its second line in lower case.
            wrapped = i in unled and title[:1].islower() and i - 1 not in unled
            if (
                before
                and not TOC_ENTRY.search(before)
                and (NUMBERED_HEADING.match(before) or wrapped)
                and not NUMBERED_HEADING.match(title)
            ):
                title, indent = f"{before} {title}", _indent(raw[i - 1])
            if _WORD.search(title) and len(title.split()) <= 16:
                entries.append((title_key(title), indent))
    if len(entries) < _MIN_ENTRIES:
        return {}
    indents = sorted({indent for _, indent in entries})
    rank = {indent: k + 1 for k, indent in enumerate(indents)} if len(indents) > 1 else {}
    return {key: rank.get(indent, 0) for key, indent in entries}


# A contents list without leaders ("Innehåll" / "Förord av Kommunalråd Gunnel Simu 05" /
# "Varför en klimatstrategi? 07", a brochure's PDF export): the page number after a space,
# read only under a line naming the list, while the numbers do not fall.
_CONTENTS_HEADING = re.compile(
    r"^\s*(?:innehåll|innehållsförteckning|contents|table of contents)\s*:?\s*$", re.I
)
_UNLED = re.compile(r"(?<=\S)\s+(\d{1,3})\s*$")


def _unled_entries(raw: list[str]) -> dict[int, re.Match[str]]:
    """The lines of a page's leaderless contents list, by index, each with the match of its
    page number (whose start ends the title)."""
    found: dict[int, re.Match[str]] = {}
    start = next((i for i, line in enumerate(raw) if _CONTENTS_HEADING.match(line)), None)
    if start is None:
        return found
    last = 0
    for i in range(start + 1, len(raw)):
        m = _UNLED.search(raw[i])
        if m is None:
            continue  # a subtitle under an entry ("– utsläpp som skapas i haparanda")
        number = int(m.group(1))
        if number < last:
            break  # the text after the list
        last = number
        found[i] = m
    return found


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())
