"""A colour or a material asked by its noun is answered by one: the "appearance" kind of
``absent_kind``.

"Vilken färg ska skylten ha?", "Vilket material ska invallningen vara av?", "What colour must the
sign be?" ask what a thing looks like or is made of. A regulation's sentence on the thing ("… ska
skylt med texten ”VATTENSKYDDSOMRÅDE” vara uppsatt") is on topic, and every fitted feature is
high, but it names no colour and no material: the question is one the text does not answer.

- ``appearance_asked``: the (folded) question asks "vilken/vilket/vilka … färg/material" or
  "what/which … colour/material" (compounds too: "vilken kulör", "vilket byggmaterial");
- ``appearance_found``: a text names a colour ("röd", "gul", "svart", "vit" … in any form,
  "färg"/"colour" itself: "i kontrasterande färg") or a material ("betong", "stål", "plast",
  "trä" …, "material" itself: "av obrännbart material").

No labelled set held such a question when this was written; a held-out regulation's did (README,
forty-sixth session).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .folding import fold

__all__ = ["appearance_asked", "appearance_found"]

_ASKED = re.compile(
    r"\b(?:vilk(?:en|et|a)|what|which)\s+(?:\w+\s+){0,2}?"
    r"(?P<kind>\w*(?:farg|farger|kulor|material|materialet|colou?rs?|materials?))\b"
)
_COLOUR = re.compile(
    r"\b(?:\w*farg\w*|kulor\w*|rod|rott|roda|gron|gront|grona|bla|blatt|gul|gult|gula|svart|"
    r"svarta|vit|vitt|vita|gra|gratt|orange|brun|brunt|bruna|rosa|lila|violett\w*|"
    r"colou?r\w*|red|green|blue|yellow|black|white|grey|gray|brown|orange|purple|pink)\b"
)
_MATERIAL = re.compile(
    r"\b(?:\w*material\w*|\w*betong\w*|\w*stal|stalet|\w*plast\w*|tra|traet|\w*tegel\w*|"
    r"\w*glas|glaset|\w*metall\w*|aluminium|koppar|jarn|gjutjarn|gummi|sten|stenen|asfalt|"
    r"glasfiber|polyeten|pvc|concrete|steel|plastic|wood|timber|brick|glass|metal|rubber|"
    r"stone|asphalt)\b"
)


def appearance_asked(folded: str) -> str | None:
    """ "colour" or "material" when the (folded) question asks which one, else None."""
    m = _ASKED.search(folded)
    if m is None:
        return None
    kind = m.group("kind")
    return "material" if "material" in kind else "colour"


def appearance_found(kind: str, texts: Iterable[str]) -> bool:
    """Does any of ``texts`` name a ``kind`` ("colour" or "material")?"""
    pattern = _MATERIAL if kind == "material" else _COLOUR
    return any(pattern.search(fold(t).casefold()) for t in texts)
