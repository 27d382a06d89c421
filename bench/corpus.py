"""Scale corpora: N synthetic agreements recombined from the real agreement's structure.

Each synthetic agreement keeps what makes the real text hard to index (a running header and a
letterhead on every page, headings, bullets with continuation lines, paragraphs) and varies what
a corpus of many agreements varies: the municipality (fictional names), the period, the date,
the case number, the contact person, which commitment items it has and in which order.
Files go to a folder the caller gives (a temp dir), never to ``corpus/``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest import split_pages, strip_repeated_blocks

__all__ = [
    "MUNICIPALITIES",
    "REAL_NAME",
    "Template",
    "canonical",
    "generate",
    "load_template",
]

REAL_NAME = "Ludvika"
REGION = "Region Dalarna"

# Fictional names: prefix + suffix of Swedish place names. Real municipality names that the
# combination could produce are dropped, so every name is made up.
_PREFIXES = (
    "Al Alm Asp Berg Björk Bred Dal Ek Fager Fjäll Gran Hag Hass Hjort Holm Kvarn Lerk Lill Lind "
    "Ljus Lunn Malm Myr Norr Orm Rön Sand Sjö Skog Sten Stor Sälj Tall Trast Ulv Var Väst Ängs "
    "Åker Öst"
)
_SUFFIXES = (
    "vika by åsen fors berga torp näs dal boda sund holm stad ryd lunda hed tuna bäcken hyttan mo "
    "sjö mark viken lid åker hamra slätt"
)
_REAL = {"Eksjö", "Hagfors", "Ljusdal", "Sandviken", "Storfors"}  # municipalities that exist


def _names() -> tuple[str, ...]:
    made = {p + s for p in _PREFIXES.split() for s in _SUFFIXES.split() if p.casefold() != s}
    names = sorted(n for n in made - _REAL if not re.search(r"(.)\1\1", n))
    return tuple(random.Random(7).sample(names, len(names)))


MUNICIPALITIES = _names()
# A region has a handful of officers who handle these agreements (fictional people).
_CONTACTS = (
    ("Anna Berglund", "Samverkansstrateg", "070-111 22 33"),
    ("Björn Dahl", "Kulturstrateg", "070-222 33 44"),
    ("Cecilia Ekström", "Samverkansstrateg", "070-333 44 55"),
    ("David Forsberg", "Utvecklingsledare kultur", "070-444 55 66"),
    ("Elin Granlund", "Kultursekreterare", "070-555 66 77"),
    ("Fredrik Lindqvist", "Samverkansstrateg", "070-666 77 88"),
)

_HEADING = re.compile(r"^[^\n.!?]{1,80}$")
_CASE = re.compile(r"^[A-ZÅÄÖ]{1,5}\d{2}/\d{3,6}$")
_PERIOD = re.compile(r"\b20\d\d\s*[-–]\s*20\d\d\b")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Template:
    """The real agreement taken apart: sections of item blocks, in reading order."""

    sections: list[tuple[str, list[str]]]


def load_template(path: Path) -> Template:
    """Sections (heading, items) of a real agreement; header, letterhead, title and dnr dropped."""
    pages, _ = strip_repeated_blocks(split_pages(path.read_text(encoding="utf-8")))
    sections: list[tuple[str, list[str]]] = []
    for block in re.split(r"\n\s*\n", "\n\n".join(pages)):
        lines = [ln.strip() for ln in block.strip().split("\n") if ln.strip()]
        if not lines or _CASE.match(lines[0]) or lines[0].startswith("Överenskommelse mellan"):
            continue
        if len(lines) == 1 and _HEADING.match(lines[0]) and len(lines[0].split()) <= 10:
            sections.append((lines[0], []))
            continue
        if not sections:
            sections.append(("", []))
        sections[-1][1].extend(_items(lines))
    return Template([(h, items) for h, items in sections if items or h])


def _items(lines: list[str]) -> list[str]:
    """A bullet and its continuation lines form one item; a plain block is one item."""
    items: list[list[str]] = []
    for line in lines:
        if line.startswith("- ") or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return ["\n".join(item) for item in items]


def generate(n: int, out_dir: Path, template_path: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic agreements to ``out_dir``; returns the file paths."""
    if n > len(MUNICIPALITIES):
        raise ValueError(f"at most {len(MUNICIPALITIES)} synthetic agreements (fictional names)")
    template = load_template(template_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(seed * 100_003 + i)
        name = MUNICIPALITIES[i]
        start = rng.choice((2015, 2019, 2023))
        period = f"{start}-{start + 3}"
        path = out_dir / f"overenskommelse-{_slug(name)}-region-dalarna-{period}.txt"
        path.write_text(_agreement(template, name, period, rng), encoding="utf-8")
        paths.append(path)
    return paths


def _agreement(template: Template, name: str, period: str, rng: random.Random) -> str:
    start = int(period[:4])
    date = f"{start + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    dnr = f"LD{(start - 2) % 100:02d}/{rng.randint(1000, 99999):05d}"
    person, role, phone = rng.choice(_CONTACTS)
    contact = [person, role, phone, f"{_slug(person).replace('-', '.')}@region.example"]
    header = f"ÖVERENSKOMMELSE\n\nDatum: {date}\n\n"
    letterhead = (
        "Postadress\n\nBox 712\n791 29 Falun\n\nBesöksadress\n\nRegion Dalarna\nVasagatan 27\n"
        "Falun\n\nKontakt\n\n023-49 00 00\nwww.regiondalarna.se\n232100-0180\n\nHandläggare\n\n"
        + "\n".join(contact)
    )
    blocks = [dnr, f"Överenskommelse mellan {name} kommun och {REGION} {period}"]
    blocks += _recombined(template, rng)
    blocks = [_PERIOD.sub(period, b).replace(REAL_NAME, name) for b in blocks]
    pages = _paginate(blocks, rng)
    return "\n\n\n" + "\n\n\n\n".join(header + page + "\n\n" + letterhead for page in pages)


def _recombined(template: Template, rng: random.Random) -> list[str]:
    """Every section's heading; the largest section keeps a random 60-100% of its items,
    shuffled, the way agreements with other municipalities pick their areas of collaboration."""
    largest = max(range(len(template.sections)), key=lambda i: len(template.sections[i][1]))
    blocks = []
    for i, (heading, items) in enumerate(template.sections):
        if i == largest:
            keep = max(1, round(len(items) * rng.uniform(0.6, 1.0)))
            items = rng.sample(items, keep)
        blocks += ([heading] if heading else []) + items
    return blocks


def _paginate(blocks: list[str], rng: random.Random) -> list[str]:
    """3+ pages of 3-6 blocks; a heading never ends a page (it moves to the next one)."""
    pages: list[list[str]] = [[]]
    target = rng.randint(3, 6)
    for block in blocks:
        if len(pages[-1]) >= target and not _is_heading(pages[-1][-1]):
            pages.append([])
            target = rng.randint(3, 6)
        pages[-1].append(block)
    while len(pages) < 3:  # the ingest finds a running header only when it recurs 3+ times
        longest = max(range(len(pages)), key=lambda i: len(pages[i]))
        half = max(1, len(pages[longest]) // 2)
        pages[longest : longest + 1] = [pages[longest][:half], pages[longest][half:]]
    return ["\n\n".join(page) for page in pages]


def _is_heading(block: str) -> bool:
    return "\n" not in block and bool(_HEADING.match(block)) and len(block.split()) <= 10


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


_NAME_SET = frozenset(MUNICIPALITIES) | {REAL_NAME}


def canonical(text: str) -> str:
    """The text with municipality names and digits masked: synthetic agreements that differ
    only in those share one embedding in the vector pool (see ``bench.pool``)."""
    masked = _WORD.sub(lambda m: "\x01" if m.group() in _NAME_SET else m.group(), text)
    return re.sub(r"\d", "#", masked)
