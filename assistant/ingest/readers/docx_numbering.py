"""Word list numbers: the "1." / "a)" that Word draws from the numbering part, not from the text.

python-docx gives a numbered paragraph's text without its number, so "punkt 3" could not be found
or cited; this counts the numbers the way Word does (per list instance, a level restarting below
its parent) for decimal, letter and roman formats. Bullets have no label.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["Numbering", "roman"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


class Numbering:
    """Counters of one document's numbered lists; ``label`` for each numbered paragraph in order."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> levels
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no numbered lists
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt"), "decimal")
                text = _val(lvl.find(f"{_W}lvlText"), "")
                start = int(_val(lvl.find(f"{_W}start"), "1") or 1)
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (fmt, text, start)
            self.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            self.nums[num.get(f"{_W}numId", "")] = _val(num.find(f"{_W}abstractNumId"), "")

    def label(self, num_id: str, ilvl: int) -> str:
        """The number Word shows before this paragraph ("3.", "b)"); "" for bullets."""
        levels = self.levels.get(self.nums.get(num_id, ""), {})
        if ilvl not in levels or levels[ilvl][0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0  # a sub-list restarts under each new parent item

        def value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            fmt, _, start = levels.get(level, ("decimal", "", 1))
            return _format(counters[level] or start, fmt)

        return re.sub(r"%(\d)", value, levels[ilvl][1]).strip()


def _val(element: Any, default: str) -> str:
    return element.get(f"{_W}val", default) if element is not None else default


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for size, numeral in _ROMAN:
            while n >= size:
                out, n = out + numeral, n - size
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


def roman(n: int) -> str:
    """n as a lower-case roman numeral (Word's default endnote marker)."""
    return _format(n, "lowerRoman")
