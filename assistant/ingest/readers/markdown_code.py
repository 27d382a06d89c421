"""Fenced blocks in Markdown ("```" … "```"): code, or prose a converter fenced."""

from __future__ import annotations

import re

__all__ = ["fenced_lines"]

# A code fence opens with three or more backticks or tildes (CommonMark), indented up to three.
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fenced_lines(lines: list[str]) -> dict[int, bool]:
    """The lines of one page's fenced blocks ("```" … "```"): index -> whether it is code.

    Fence lines are markup (False). Between two fences, code is kept as written, a PARAGRAPH
    block a line, never read as Markdown: an FAQ's snort rules' "# write var, close gate" had
    headed every answer after them. Prose a converter fenced (a PDF-to-Markdown export that
    sets whole pages of a report between fences) stays prose, its lines read as any other
    (not in the result): a block is code when under ``_PROSE_LETTERS`` of its visible
    characters are letters."""
    out: dict[int, bool] = {}
    opened: int | None = None
    for i, line in enumerate(lines):
        mark = _MD_FENCE.match(line)
        if mark is None or line.strip().strip(mark.group(1)[0]) and opened is not None:
            continue
        if opened is None:
            opened = i
            continue
        body = "".join("".join(x.split()) for x in lines[opened + 1 : i])
        code = sum(ch.isalpha() for ch in body) < _PROSE_LETTERS * len(body)
        out[opened] = out[i] = False
        if code:
            out.update((k, True) for k in range(opened + 1, i))
        opened = None
    if opened is not None:
        out[opened] = False  # a fence never closed on its page: markup, the rest read as text
    return out


_PROSE_LETTERS = 0.8
