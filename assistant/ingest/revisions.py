"""When a document was revised, in Swedish public documents' own forms: a revision line
("Reviderad 2020-05-12", "Senast reviderad februari 2020", "Uppdaterad: 2023-09-19",
"Revision: 2021-03-04"), how often it is reviewed ("Riktlinjen revideras årligen", "Revideras vid
behov, dock minst vart tredje år") and a version table ("Version | Datum | Ändring"), whose row
with the latest date is the last revision. Each is a card fact "revised" with the exact line it
came from (``facts.find_facts`` cites it like any other fact)."""

from __future__ import annotations

import re
from typing import Any

from .layout import Layout

__all__ = ["REVISED", "revision_cycle", "version_rows"]

# A revision named near a line's start: "Reviderad …", "Senast uppdaterad …", "Dokumentet
# uppdaterat den: …", "Revision: …", "Revised …". ``find_facts`` wants a date, a year or a cycle.
REVISED = re.compile(
    r"\b(?:reviderad|reviderat|reviderades|revideras|revidering|revision|uppdaterad|uppdaterat|"
    r"uppdaterades|uppdateras|ses\s+över|översyn|revised|updated|reviewed)\b",
    re.I,
)
# How often: "årligen", "varje år", "vart tredje år", "en gång per år", "vid behov", "annually".
_CYCLE = re.compile(
    r"\b(?:årligen|årsvis|varje\s+år|vart\s+(?:\w+\s+)?år|(?:en|två|\w+)\s+gång(?:er)?\s+(?:per|om|"
    r"varje)\s+år(?:et)?|vid\s+behov|löpande|regelbundet|annually|yearly|every\s+(?:\w+\s+)?years?|"
    r"as\s+needed|regularly)\b",
    re.I,
)
# The document speaks of itself ("Riktlinjen revideras …", "Denna rutin ska ses över …"), or the
# line is the label ("Revideras: årligen", "Revision: vid behov"): a cycle in a body sentence
# about something else ("Planen uppdateras vid behov av handläggaren") is no fact of the document.
_KINDS = (
    r"\w*(?:bilaga|rutin|riktlinje|överenskommelse|avtal|policy|dokument|anvisning|instruktion|"
    r"handbok|program|reglemente|vägledning)\w*"
)
_SELF_CYCLE = re.compile(
    rf"^(?:(?:denna|detta|den\s+här|det\s+här)\s+)?{_KINDS}\s+(?:ska\s+|skall\s+|bör\s+)?"
    r"(?:revideras|uppdateras|ses\s+över|följas\s+upp|följs\s+upp|is\s+reviewed|is\s+revised)\b"
    r"|^(?:revideras|revidering|revision|uppdateras|översyn|review(?:ed)?)\b",
    re.I,
)
_CELLS = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_VERSION_HEAD = re.compile(r"^(?:version\w*|utgåva|rev\.?|revision|ver\.?)$", re.I)
_DATE_HEAD = re.compile(r"^(?:datum|date|revisionsdatum|fastställd|beslutad|giltig från)$", re.I)
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def revision_cycle(line: str) -> bool:
    """Does ``line`` say how often the document itself is revised?"""
    return bool(_SELF_CYCLE.match(line.strip()) and _CYCLE.search(line))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELLS.split(line.strip().strip("|")) if c.strip()]


def _header(line: str) -> bool:
    """A version table's header row: a version column and a date column."""
    cells = _cells(line)
    return (
        len(cells) >= 2
        and any(_VERSION_HEAD.match(c) for c in cells)
        and any(_DATE_HEAD.match(c) for c in cells)
    )


def _when(row: str) -> tuple[str, ...]:
    """A row's date as a sortable key (ISO date, else its year), empty when it has none."""
    if m := _ISO.search(row):
        return m.groups()
    if m := _YEAR.search(row):
        return (m.group(), "00", "00")
    return ()


def version_rows(layout: Layout) -> list[dict[str, Any]]:
    """The latest row of each version table (page, exact row line), as "revised" facts."""
    units = [u for u in layout.units if u.kind != "footnote"]
    texts = [layout.pages[u.page - 1][u.start : u.end] for u in units]
    found: list[dict[str, Any]] = []
    for i, head in enumerate(texts):
        if "\n" in head.strip() or not _header(head):
            continue
        rows: list[tuple[tuple[str, ...], int, int, str]] = []
        for u, text in zip(units[i + 1 : i + 40], texts[i + 1 : i + 40], strict=False):
            if "\n" in text.strip() or len(_cells(text)) < 2:
                break
            if set(text.strip()) <= set("|-: \t"):
                continue  # a Markdown rule row
            if when := _when(text):
                rows.append((when, len(rows), u.page, text.strip()))
        if rows:
            # The latest date; of equal dates the later row (a table read top to bottom).
            _, _, page, line = max(rows, key=lambda r: (r[0], r[1]))
            value = " ".join(_cells(line))
            found.append(
                {"key": "revised", "value": value, "page": page, "line": line, "where": "page"}
            )
    return found
