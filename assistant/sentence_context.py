"""A sentence read with its context: what the answer-or-refuse signals look for words in.

A sentence alone often does not name what it is about. Two kinds of context supply it:

- **the quote**: the sentence as it would be quoted (``quotes.expand``): a list item with the
  sentence that introduces it, a list's lead-in with its items, a fragment with the sentence it
  continues;
- **the heading**: the passage's heading path (the section titles above it, outermost first)
  and, where the document has no section headings, its title. A heading names what the
  sentences below it are about: "Det kostar 500 kr." under "Vad kostar bygglov för altan?", a
  FAQ file "Byggfrågor: Köksrenovering" whose answers say "Totalrenovering …: 150 000 SEK".

The two serve differently. Whether a sentence holds the *kind* of answer asked for (a number, a
name) is read from the quote only: a heading's "4.3.1" is no amount, its "Region Stockholm" is
no answer to "Vem är …?". Whether it is *about* the question's topic is read from the heading
and the quote together (``InContext.about``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .quotes import expand

__all__ = ["InContext", "heading_of", "neighbours", "quote_of", "read_in_context"]

# How ``chunking`` joins the headings of a section path (" › "); a footnote's path ends with
# "fotnot n (s. p)", which names no topic.
_SEP = " › "
_FOOTNOTE = "fotnot"


@dataclass(frozen=True)
class InContext:
    """A sentence as quoted (``text``) and the heading path it stands under (``heading``)."""

    text: str
    heading: str = ""

    @property
    def about(self) -> str:
        """The heading and the quote: the words that say what the sentence is about."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text


def quote_of(candidate: Any) -> str:
    """The candidate sentence as it would be quoted: with its list lead and items, a fragment
    with the sentence it continues (``quotes.expand``)."""
    passage = candidate.passage
    start = getattr(candidate, "start", None)
    if start is None or getattr(passage, "kind", "") == "card":
        return candidate.text  # a card line, or a sentence known only by its text
    spans = expand(passage, start, candidate.end)
    return " ".join(passage.text[a:b] for a, b in spans)


def heading_of(passage: Any) -> str:
    """The headings ``passage`` stands under, outermost first: its section path without
    footnote markers, or its document's title when it has no section (a FAQ file's title names
    the topic of every answer in it); "" for a card line."""
    if getattr(passage, "kind", "") == "card":
        return ""
    parts = [p for p in getattr(passage, "section", "").split(_SEP) if p.strip()]
    parts = [p for p in parts if not p.strip().casefold().startswith(_FOOTNOTE)]
    if not parts:
        title = getattr(passage, "title", "").strip()
        return title
    return "\n".join(parts)


def read_in_context(candidate: Any) -> InContext:
    """The candidate sentence as quoted, with the heading path of its passage."""
    return InContext(quote_of(candidate), heading_of(candidate.passage))


def neighbours(sentence: Any, candidates: Sequence[Any]) -> list[Any]:
    """The sentences just before and after ``sentence`` in its passage, those among
    ``candidates`` (scored sentences: ``passage``, ``start``, ``end``), in text order."""
    same = [c for c in candidates if c.passage is sentence.passage and c is not sentence]
    before = [c for c in same if c.end <= sentence.start]
    after = [c for c in same if c.start >= sentence.end]
    return [
        *([max(before, key=lambda c: c.end)] if before else []),
        *([min(after, key=lambda c: c.start)] if after else []),
    ]
