"""A regulation named by its designation ("FFFS 2011:16", "AFS 2023:1", "SFS 2010:2043") is
answered only by a sentence that names it.

Statute books refer to other regulations by designation: "… i enlighet med Finansinspektionens
föreskrifter (FFFS 2011:16) om placeringsriktlinjer". A question about such a referenced
regulation ("Vilket datum trädde FFFS 2011:16 i kraft?") ranks the text's own entry into force
first ("Dessa föreskrifter … träder i kraft den 1 april 2012 …"), which answers a question about
this text, not about the one named (a read blind set's question, sixtieth session). The number
(year and serial, "2011:16") is what a sentence must hold: it writes a law as "lagen
(2010:2043)" without the series. The text's own designation, which its title or file name holds
("fffs-2011-39-…"), names the text itself, whose sentences do not repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["designation_absent", "designations"]

# A series' capitals, a year and a serial number: "FFFS 2011:16", "SFS 2010:2043", "AFS2023:1".
_DESIGNATION = re.compile(r"\b[A-ZÅÄÖ]{2,8}\s?((?:19|20)\d{2})\s?:\s?(\d{1,4})\b")


def designations(text: str) -> list[tuple[str, str]]:
    """The (year, serial) of each designation ``text`` names, in order."""
    return [(m.group(1), m.group(2)) for m in _DESIGNATION.finditer(text)]


def _holds(text: str, year: str, serial: str) -> bool:
    return re.search(rf"(?<!\d){year}\s?:\s?{serial}(?!\d)", text) is not None


def _own(passage: Any, year: str, serial: str) -> bool:
    """Does the passage's document bear the designation (its title or file name: "FFFS 2011:39",
    "fffs-2011-39-information.txt")?"""
    names = f"{getattr(passage, 'title', '')} {getattr(passage, 'source', '')}"
    return re.search(rf"(?<!\d){year}\D{{1,3}}{serial}(?!\d)", names) is not None


def designation_absent(question: str, ranked: Sequence[Any], texts: Sequence[str]) -> bool:
    """Does ``question`` name a designation that none of ``texts`` (the sentences that would be
    quoted, as read) holds, and that is no designation of the document of the best of the
    ``ranked`` candidates (each with a ``passage``)?"""
    asked = designations(question)
    if not asked or not ranked:
        return False
    best = ranked[0].passage
    return any(
        not _own(best, year, serial) and not any(_holds(t, year, serial) for t in texts)
        for year, serial in asked
    )
