"""A document's signature block: who signed it or sends it, read from the foot of its last page.

Memos, instructions and agreements end with the names of those who sign them, each over (or
beside) a role: "Diana Olsson" / "Kommundirektör", or in a ``pdftotext -layout`` export two
signatories side by side ("Kommundirektör      Elise Andersson" / "Ekonom"). "Vem har skrivit
under?" / "Who signed it?" is answered from that block (``facts``: the card's "signed" fact,
cited by the block's own lines), and refused where a document has none, rather than answered
with a decision line about something else.

A name is two or three capitalised words; a role is a short line holding a word of office
(``_ROLE``: "-chef", "-direktör", "ordförande" …), in the same column as the name on the
next line with text, or after the name and a comma. Only the last lines of the last page with text
are read, and a block under a contact heading ("Kontakt", "Kontaktpersoner") is no signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grid import CELL

__all__ = ["Signature", "decree_signature", "signature_block"]

_NAME_WORD = r"[A-ZÅÄÖÉ][a-zåäöéüë]+(?:-[A-ZÅÄÖÉ][a-zåäöéüë]+)?"
_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}")
# A word of office, whole or as a compound's end ("Kommundirektör", "kommunstyrelsens
# ordförande", "Förvaltningschef").
_ROLE = re.compile(
    r"(?:chef|direktör|ordförande|ekonom|handläggare|sekreterare|strateg|samordnare|controller|"
    r"jurist|utredare|rådgivare|ledamot|kommunalråd|regionråd|rektor|föreståndare|planerare|"
    r"ansvarig|registrator|notarie|kanslist|chief|director|chair|chairman|chairperson|"
    r"manager|officer|secretary|mayor)\b",
    re.I,
)
_CONTACT_HEAD = re.compile(r"^\s*(?:kontakt\w*|contact\w*)\b", re.I)
_TAIL = 16  # how many of the page's last non-empty lines can hold the block
_COLUMN = 4  # how far (in characters) a role may stand from its name's column


@dataclass(frozen=True)
class Signature:
    """One signature block: ``people`` as "Name (Role)", on ``page``; ``first`` and ``last``: its
    first and last rows as the laid-out page has them (spaces collapsed), where the card's fact
    finds the block's own text to cite."""

    page: int
    people: tuple[str, ...]
    first: str
    last: str


def _role(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 6
        and text[:1].isupper()
        and not re.search(r"\d|[.:;!?]$", text)
        and bool(_ROLE.search(text))
    )


def signature_block(page: int, lines: list[str]) -> Signature | None:
    """The signature block among the last lines of one page's exported ``lines`` (columns'
    spaces kept), or None."""
    rows = [(k, line) for k, line in enumerate(lines) if line.strip()][-_TAIL:]
    people: list[tuple[int, int, str]] = []  # (first row, last row, "Name (Role)")
    for i, (k, line) in enumerate(rows):
        for cell in CELL.finditer(line):
            name, _, after = cell.group().partition(", ")
            if not _NAME.fullmatch(name) or _ROLE.search(name):
                continue
            if after and _role(after):
                people.append((k, k, f"{name} ({after})"))
                continue
            for below_k, below in rows[i + 1 : i + 2]:
                role = next(
                    (
                        c.group()
                        for c in CELL.finditer(below)
                        if abs(c.start() - cell.start()) <= _COLUMN and _role(c.group())
                    ),
                    None,
                )
                if role is not None:
                    people.append((k, below_k, f"{name} ({role})"))
                    break
    if not people:
        return None
    first = min(a for a, _, _ in people)
    last = max(b for _, b, _ in people)
    # the line just above (a sending office: "Kommunstyrelseförvaltningen") belongs to the block
    above = [k for k, _ in rows if k < first]
    if above and first - above[-1] <= 4 and _office(lines[above[-1]]):
        first = above[-1]
    if any(_CONTACT_HEAD.match(lines[k]) for k, _ in rows if first - 6 <= k <= first):
        return None  # a list of contacts, not of signatories
    collapse = " ".join
    return Signature(
        page,
        tuple(p for _, _, p in people),
        collapse(lines[first].split()),
        collapse(lines[last].split()),
    )


def _office(line: str) -> bool:
    """A short capitalised line without digits or final punctuation (the sending office)."""
    text = line.strip()
    return (
        0 < len(text.split()) <= 4
        and text[:1].isupper()
        and not re.search(r"\d|[.:;!?,]$", text)
        and "  " not in text
    )


# A statute's or an authority's regulations end their body, before any appendix, with the
# issuer in capitals and those who decided them, without roles: "STRÅLSÄKERHETSMYNDIGHETEN" /
# "NINA CROMNIER" / "Ulf Yngvesson", "På regeringens vägnar" / "MAGDALENA ANDERSSON" / "Per
# Svensson (Finansdepartementet)". The block stands within a few lines after the entry into
# force ("Dessa föreskrifter träder i kraft …") or the rule drawn under the body ("______").
_ISSUER = re.compile(
    r"^(?:[A-ZÅÄÖ][A-ZÅÄÖ-]{3,}(?: [A-ZÅÄÖ][A-ZÅÄÖ-]+){0,4}|På regeringens vägnar)$"
)
_CAPS_NAME = re.compile(r"^[A-ZÅÄÖÉ][A-ZÅÄÖÉ-]+(?: [A-ZÅÄÖÉ][A-ZÅÄÖÉ-]+){1,2}$")
_END_OF_BODY = re.compile(r"träder i kraft|_{5,}", re.I)
_AFTER_END = 8  # non-empty lines after the entry into force that may hold the block
_ROLE_NOTE = re.compile(r"\s*\([^)]{2,40}\)$")


def decree_signature(pages: dict[int, list[str]]) -> Signature | None:
    """The first regulation-style signature block in the exported ``pages`` (page -> lines):
    an issuer line in capitals (or "På regeringens vägnar") within ``_AFTER_END`` lines after
    the entry into force or the rule under the body, then one or two names (in capitals, or
    capitalised, a department in parentheses after it); else None."""
    for page in sorted(pages):
        rows = [line.strip() for line in pages[page] if line.strip()]
        for i, line in enumerate(rows):
            if not _END_OF_BODY.search(line):
                continue
            for j in range(i + 1, min(i + 1 + _AFTER_END, len(rows))):
                if not _ISSUER.match(rows[j]):
                    continue
                names = []
                for below in rows[j + 1 : j + 3]:
                    name = _ROLE_NOTE.sub("", below)
                    if _CAPS_NAME.match(name) or _NAME.fullmatch(name) and not _ROLE.search(name):
                        names.append(name.title() if name.isupper() else name)
                    else:
                        break
                if names:
                    last = rows[j + len(names)]
                    return Signature(page, tuple(names), rows[j], " ".join(last.split()))
    return None
