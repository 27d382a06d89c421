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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .quotes import expand

__all__ = [
    "InContext",
    "heading_of",
    "neighbours",
    "quote_of",
    "read_in_context",
    "refers_up",
    "with_next",
]

# How ``chunking`` joins the headings of a section path (" › "); a footnote's path ends with
# "fotnot n (s. p)", which names no topic.
_SEP = " › "
_FOOTNOTE = "fotnot"


@dataclass(frozen=True)
class InContext:
    """A sentence as quoted (``text``) and the heading path it stands under (``heading``)."""

    text: str
    heading: str = ""
    # What the sentence stands for when it names no subject of its own (``refers_up``): the
    # text of its paragraph before it, "" otherwise.
    before: str = ""

    @property
    def about(self) -> str:
        """The heading, what its paragraph said before a sentence naming no subject of its own,
        and the quote: the words that say what the sentence is about."""
        return "\n".join(t for t in (self.heading, self.before, self.text) if t)


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


# A sentence whose subject stands before it. A pronoun subject among its first words ("2 år är
# den giltig.", "Den gäller i två år."; not "det", as often a dummy: "Det finns …"), or no subject
# at all, as FAQ answers and notes under a heading write: opening with a figure or a quantity
# ("Minst 2 år efter bygget avslutas.", "Ca 4 000 kr."), or with the verb or predicate whose
# subject is the heading or the sentence before ("Giltigt i 2 år …", "Krävs alltid, …").
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[\w.,–-]+\s+){0,3}?(?:den|denna|dessa|detta|de|it|they|this|these)\b", re.I
)
_NO_SUBJECT = re.compile(
    # a number of what the sentence before named: "Ett vanligt och lämpligt antal nivåer är tre
    # till sex." after "Antalet konsekvenskategorier och -nivåer bör inte vara för många …"
    r"^(?:ett\s+(?:\w+\s+){0,3}antal\b|"
    r"\d|minst|högst|max|maximalt|cirka|ca\b|ungefär|omkring|upp till|mellan|"
    r"giltig|gäller|kostar|krävs|behövs|tar\b|sparas|ska\b|måste\b|at least|at most|up to|"
    r"valid|costs?\b|takes?\b|required)",
    re.I,
)
# How much of its paragraph before it such a sentence is read with: the sentence or heading line
# that names its subject, not the whole section.
_BEFORE_CHARS = 300


def refers_up(sentence: str) -> bool:
    """Does ``sentence`` take its subject from the text before it: a pronoun subject among its
    first four words, or no subject (``_NO_SUBJECT``: a figure, a quantity, a bare verb or
    predicate first)? Such a sentence is about what its paragraph named before it."""
    text = sentence.lstrip(" -•*\t")
    return bool(_PRONOUN_SUBJECT.match(text) or _NO_SUBJECT.match(text))


def _paragraph_before(candidate: Any) -> str:
    """The text of the candidate's paragraph (up to a blank line) before it in its passage, at
    most ``_BEFORE_CHARS`` characters; when it opens its paragraph, the paragraph before if that
    is one label line (``_LABEL``)."""
    passage, start = candidate.passage, getattr(candidate, "start", None)
    if start is None or getattr(passage, "kind", "") == "card":
        return ""
    head = passage.text[:start]
    own = head[head.rfind("\n\n") + 1 :] if "\n\n" in head else head
    if own.strip() or not head.strip():
        return own[-_BEFORE_CHARS:].strip()
    # A text export sets a blank line between most lines: a figure row ("2009- 0 kWh, 2020-
    # 40000 kWh") opens its own paragraph under the line naming it ("Nyckeltal: kWh genererat
    # från solenergi under aktuellt år"). A sentence before a blank line ("Förhandsbesked är en
    # prövning …") is another paragraph's, and lends nothing.
    head = head.rstrip()
    label = head[head.rfind("\n") + 1 :].strip()
    return label if _LABEL.fullmatch(label) else ""


# A line naming what the figures under it measure: short, one line, no closing full stop.
_LABEL = re.compile(r"[^\n]{3,150}(?<![.!?…])")


def read_in_context(candidate: Any) -> InContext:
    """The candidate sentence as quoted, with the heading path of its passage, and what its
    paragraph said before it when it names no subject of its own (``refers_up``)."""
    quote = quote_of(candidate)
    before = _paragraph_before(candidate) if refers_up(quote) else ""
    return InContext(quote, heading_of(candidate.passage), before)


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


def with_next(
    chosen: list[Any], candidates: Sequence[Any], fits: Callable[[str], bool], most: int
) -> list[Any]:
    """``chosen`` (scored sentences, best first) with the sentence after a quote in its passage
    quoted right after it, when that sentence ``fits`` (gives the reason or the examples asked
    for) and no quote does; the first quote that has one; at most ``most`` quotes. Unchanged
    otherwise."""
    if any(fits(c.text) for c in chosen):
        return chosen
    for i, quote in enumerate(chosen):
        after = [c for c in neighbours(quote, candidates) if c.start >= quote.end]
        if after and fits(after[0].text):
            rest = [c for c in chosen[i + 1 :] if c is not after[0]]
            return [*chosen[: i + 1], after[0], *rest][:most]
    return chosen
