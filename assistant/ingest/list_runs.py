"""Runs of numbered or labelled lines among reflowed units: a list's items, not headings
("1. Skolverket" / "2. Sunet"; "Fokusområde 1 – …" / "Fokusområde 2 – …" after a lead)."""

from __future__ import annotations

import re

from .units import FUNCTION_WORDS, Item, next_item

__all__ = ["in_list", "in_run", "labelled_run", "term_entries"]


def _follows(body: list[Item], i: int, j: int) -> bool:
    """Is unit ``j`` the next item after unit ``i`` of one numbered list (``units.next_item``)?"""
    following = body[j + 1].text if j + 1 < len(body) else ""
    return next_item(body[i].text, body[j].text, following)


def in_run(body: list[Item], i: int) -> bool:
    """Is unit ``i`` one of a run of numbered lines with no text between them ("1. Skolverket",
    "2. Sunet", "3. De anslutna federationerna")? A list: numbered headings have text between."""
    return (i > 0 and _follows(body, i - 1, i)) or (i + 1 < len(body) and _follows(body, i, i + 1))


# A line opening with a label word and a number ("Fokusområde 13 – Hållbar kultur …").
_LABELLED = re.compile(r"([A-ZÅÄÖ][^\W\d_]+) (\d{1,3})\b")


def labelled_run(body: list[Item], i: int) -> bool:
    """Is unit ``i`` one of a run of lines after a lead ending in ":" (or naming the label in the
    plural, "Bilagor"), each opening with the same label word and a rising number ("Förslaget
    är följande:" / "Fokusområde 1 – Hållbarhet …" / "Fokusområde 9 – Klimatanpassning" …)? A list: its last line, followed by text, had headed
    the section after it, and the lead stood without its items."""

    def label(k: int) -> tuple[str, int] | None:
        m = _LABELLED.match(body[k].text) if 0 <= k < len(body) else None
        return (m.group(1), int(m.group(2))) if m else None

    def follows(k: int) -> bool:  # unit k continues the run of unit k - 1
        a, b = label(k - 1), label(k)
        return a is not None and b is not None and a[0] == b[0] and a[1] < b[1]

    if label(i) is None:
        return False
    first, last = i, i
    while first > 0 and follows(first):
        first -= 1
    while last + 1 < len(body) and follows(last + 1):
        last += 1
    named = label(first)
    if named is None or not (last > first and first > 0):
        return False
    # The lead ends in ":", or names the label in the plural as a heading of its own
    # ("Bilagor" / "Bilaga 1 – Instruktion …" / "Bilaga 2 – Lista över underbiträden").
    lead, word = body[first - 1].text.strip(), named[0].casefold()
    folded = lead.casefold()
    plural = len(lead.split()) <= 2 and folded.startswith(word[:-1]) and folded != word
    # Or three and more end their page: no heading there heads a body (a regulation lists its
    # annexes after the signatures, "Bilaga 1 – …" to "Bilaga 4 – …", and the last one headed
    # the first annex on the next page).
    return lead.endswith(":") or plural or (last - first >= 2 and last == len(body) - 1)


def in_list(body: list[Item], i: int) -> bool:
    """Is the numbered unit ``i`` an item of a list: after a lead-in ending in ":", or after
    the item numbered one less that is no heading (and alike, ``_follows``)?"""
    previous = body[i - 1]
    if previous.text.rstrip().endswith(":"):
        return True
    return previous.kind != "heading" and _follows(body, i - 1, i)


# A defined term as a statute's definition list sets it on a line of its own: one to four
# words in lower case, no punctuation or figure ("nätbolag", "gascistern i mark").
_TERM = re.compile(r"[a-zåäöé][\wåäöé-]*(?: [\wåäöé-]+){0,3}")


def term_entries(page: list[Item]) -> dict[int, int]:
    """A definition list exported a line per column, blank lines between: "… innehåll," / "" /
    "nätbolag" / "" / "företag som ansvarar för distribution av …," (a read blind set's MSBFS
    2020:1). Joined as running text, every entry ran into one sentence of the list; here each
    entry's first definition line (index) maps to its term line (index), which starts a unit.
    A term line follows a line ending in "," ";" or ":" and a blank line, and a blank line and a
    lower-case definition of four words or more follow it; a term's first and last words are no
    function words ("med stöd av" after a page break is a sentence going on)."""
    lines = [(i, it.lines[0].strip()) for i, it in enumerate(page) if it.kind == "line"]
    found: dict[int, int] = {}
    for (h, before), (i, term), (j, after) in zip(lines, lines[1:], lines[2:], strict=False):
        words = term.split()
        if (
            before[-1:] in (",", ";", ":")
            and _TERM.fullmatch(term)
            and len(term) <= 40
            and words[0] not in FUNCTION_WORDS
            and words[-1] not in FUNCTION_WORDS
            and i - h > 1
            and j - i > 1
            and after[:1].islower()
            and len(after.split()) >= 4
        ):
            found[j] = i
    return found
