"""Copies in a corpus: byte-identical files, and documents whose paragraphs are nearly all the same.

A copy indexed twice fills every result list with pairs; the index keeps one and reports the other.
"""

from __future__ import annotations

import re

__all__ = ["byte_copies", "near_copies"]


def byte_copies(hashes: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """Byte-identical files: copy -> the file kept (indexed before, else shortest name, then A-Z)."""
    groups: dict[str, list[str]] = {}
    for source, digest in hashes.items():
        groups.setdefault(digest, []).append(source)
    copies: dict[str, str] = {}
    for sources in groups.values():
        if len(sources) > 1:
            first = min(sources, key=lambda s: (known.get(s) != hashes[s], len(s), s))
            copies.update({s: first for s in sources if s != first})
    return copies


def _paragraph_keys(pages: list[str]) -> set[str]:
    paragraphs = (p for page in pages for p in re.split(r"\n\s*\n", page))
    return {key for p in paragraphs if len(key := " ".join(p.casefold().split())) >= 20}


def near_copies(docs: list[tuple[str, list[str]]], keep: set[str]) -> dict[str, str]:
    """Documents whose paragraph sets are nearly the same (at least 90 % of the longer one's
    paragraphs shared, at least three paragraphs): copy -> the document kept. Two agreements written from one template differ in
    the paragraphs that name their parties, so they stay apart."""
    keys = [(source, _paragraph_keys(pages)) for source, pages in docs]
    copies: dict[str, str] = {}
    for i, (a, ka) in enumerate(keys):
        for b, kb in keys[i + 1 :]:
            if a in copies or b in copies or min(len(ka), len(kb)) < 3:
                continue
            if len(ka & kb) >= 0.9 * max(len(ka), len(kb)):
                first = min((a, b), key=lambda s: (s not in keep, len(s), s))
                copies[b if first == a else a] = first
    return copies
