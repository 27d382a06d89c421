"""Line-end hyphens: join a word split over two lines, keep a suspended compound.

"huvudbiblio-" + "teket" is one word; "kultur-" + "och bildningsplan" is a suspended compound
and keeps its hyphen. The document's own vocabulary decides (a word it uses unbroken is
joined; a hyphenated form it uses and not the joined one stays): measured on dev2's 69
splits, pyphen's Swedish patterns refused 6 of the 56 joins the document itself confirms.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["hyphen_join"]

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
