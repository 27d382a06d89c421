"""An abbreviation the texts never use, read as what it stands for.

Askers abbreviate where documents spell out: "Vem är det som kallar till SIP-mötet?" of a
statute that writes "samordnad individuell planering" and never "SIP". Read as typed, the
abbreviation is a name no text mentions (``names``), and the question was refused as being
about something else. ``data/sv_acronyms.tsv`` (written for this project from knowledge of
Swedish public administration, not copied from a list, and not from any evaluation set) pairs
common letter abbreviations with what documents write for them.

``spelled_out`` adds, after such an abbreviation, the first of its written-out forms whose
every word the corpus uses, in brackets: "SIP-mötet (samordnad individuell planering)". The
abbreviation stays (a text may use it after all in a form the stemmer keeps apart); the words
then meet the texts in retrieval and in the decision's word features. An abbreviation the
corpus uses, one not in the list, or one whose written-out forms the corpus does not use is
left as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .lexical import terms
from .plain_words import pairs

__all__ = ["ABBREVIATIONS", "entries", "spelled_out", "written_out"]

ABBREVIATIONS = "sv_acronyms.tsv"

# Written as abbreviations are: two to six letters, the first a capital, at least one more
# capital ("SIP", "SoL", "LSS"), alone or as a hyphen-joined word's first part ("SIP-mötet").
_TYPED = re.compile(r"(?<![\w-])([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,5})(?=[^\w]|$)")


@lru_cache(maxsize=1)
def entries() -> dict[str, tuple[str, ...]]:
    """Abbreviation (as written) -> its written-out forms, in the file's order.

    Raises ``ValueError`` naming the line when a line is not "ABBR<TAB>form|form"."""
    table: dict[str, tuple[str, ...]] = {}
    for number, short, spelled in pairs(ABBREVIATIONS):
        if not short.isalpha():
            raise ValueError(f"{ABBREVIATIONS} line {number}: {short!r} is no abbreviation")
        table.setdefault(short, spelled)
    return table


def _abbreviation(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def written_out(word: str, knows: Callable[[str], bool]) -> str | None:
    """What the listed abbreviation ``word`` stands for, in the first written-out form whose every
    word the corpus uses, when the corpus does not use ``word`` itself; else None."""
    forms = entries().get(word) if _abbreviation(word) else None
    if not forms or any(map(knows, terms(word))):
        return None
    return next((f for f in forms if terms(f) and all(map(knows, terms(f)))), None)


def spelled_out(text: str, knows: Callable[[str], bool]) -> str:
    """``text`` with each abbreviation ``written_out`` reads followed by that form in brackets
    ("SIP-mötet (samordnad individuell planering)"). ``knows`` takes a stemmed term
    (``LexicalIndex.knows``)."""
    out, pos = [], 0
    for m in _TYPED.finditer(text):
        form = written_out(m.group(1), knows)
        if form is None:
            continue
        end = m.end()
        if text[end : end + 1] == "-":  # "SIP-mötet": after the whole word
            end += len(re.match(r"[\w-]*", text[end:]).group(0))  # type: ignore[union-attr]
        out.append(f"{text[pos:end]} ({form})")
        pos = end
    out.append(text[pos:])
    return "".join(out)
