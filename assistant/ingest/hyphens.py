"""Line-end hyphens: join a word split over two lines, keep a suspended compound; and adding a
physical line to a unit (``append_line``), which joins them.

"huvudbiblio-" + "teket" is one word; "kultur-" + "och bildningsplan" is a suspended compound
and keeps its hyphen. The document's own vocabulary decides (a word it uses unbroken is
joined; a hyphenated form it uses and not the joined one stays): measured on dev2's 69
splits, pyphen's Swedish patterns refused 6 of the 56 joins the document itself confirms.
"""

from __future__ import annotations

import re
from collections import Counter

from .units import Item

__all__ = ["append_line", "hyphen_join"]

_SUSPENDED = set(
    ["och", "eller", "samt", "respektive", "resp.", "resp", "som", "till", ",", "eller/och"]
)


def hyphen_join(last: str, text: str, vocab: Counter[str]) -> str | None:
    """``last`` ends in "-": the joined line, or None to keep the hyphen and a space
    (a suspended compound such as "kultur- och bildningsplan")."""
    left = re.search(r"([\w]+)-$", last)
    right = re.match(r"([\w]+)", text)
    if left is None or right is None:
        return None
    lw, rw = left.group(1), right.group(1)
    whole = (lw + rw).casefold()
    if (rw.casefold() in _SUSPENDED and not vocab[whole]) or not text[0].isalpha():
        return None
    hyphened = f"{lw}-{rw}".casefold()
    keep_hyphen = (
        rw[0].isupper()
        or lw.isupper()
        or len(lw) == 1
        or any(ch.isdigit() for ch in lw)
        or (vocab[hyphened] > 0 and vocab[whole] == 0)
    )
    return last + text if keep_hyphen else last[:-1] + text


def append_line(unit: Item, text: str, vocab: Counter[str]) -> None:
    """Add the physical line ``text`` to ``unit``: a word hyphenated at the line's end rejoined
    (``hyphen_join``, by the document's own vocabulary), a path cut after "/" closed up."""
    last = unit.lines[-1]
    unit.last_len = len(text)
    if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and text[:1].isalpha():
        joined = hyphen_join(last, text, vocab)
        if joined is not None:
            unit.lines[-1] = joined
            return
    if last.endswith("/") and text[:1].isalnum():
        unit.lines[-1] = last + text
        return
    unit.lines.append(text)
