"""Which of the scored sentences an answer cites: a fitted order and a fitted margin.

The answerer scores every sentence of the passages it read (``sentence_scores.score_sentences``); the answer-or-
refuse decision reads those scores. Which sentences are *cited* is decided here, by

    similarity + lift + passage_weight * standing

(``lift``: word overlap and the party and card-fact bonuses; ``standing``: the passage's
retrieval score minus the first passage's, ≤ 0). The first in that order is cited, and those
of other passages within ``margin`` of it, at most ``MAX_SENTENCES``. More sentences of the
first one's passage are chosen only within ``SENTENCE_MARGIN`` (what ``rank`` chooses, the
refusal rules read too); once the answer is decided, ``highlighted`` adds that passage's
sentences within the fitted margin, as highlights of the same citation. A sentence of another passage that is
nearly the same sentence (``twins``: the same provision in a replaced and a replacing version,
with other figures) and as close on its own is cited too, whatever the retriever's order: the
reader must see both. Its word share (``TWIN_WORDS``) changes no figure of the suite's sets
between 0.6 and 0.8 but field's (one more such citation), so the middle is kept. The retrieval score fuses the dense cosine
with the lexical signals (and an English question's Swedish rendering), so it knows which
passage the question is about better than one sentence's cosine does: on the suite's sets the
passage the retriever ranks first holds the evidence more often than the passage of the sentence
with the highest cosine. Both parameters are fitted (``python -m bench.citation_fit``, README
"Quality") and ship in ``assistant/data/citation_choice.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol, TypeVar

__all__ = [
    "CHOICE_FILE",
    "MAX_SENTENCES",
    "SENTENCE_MARGIN",
    "TWIN_WORDS",
    "Choice",
    "Scored",
    "highlighted",
    "load_choice",
    "order_key",
    "rank",
]

MAX_SENTENCES = 3
SENTENCE_MARGIN = 0.015
# Sentences one passage may have highlighted once the answer is decided (``highlighted``).
MAX_HIGHLIGHTS = 3
TWIN_WORDS = 0.7
_WORD = re.compile(r"\w+")
CHOICE_FILE = Path(str(resources.files("assistant").joinpath("data/citation_choice.json")))


class Scored(Protocol):
    similarity: float
    lift: float
    standing: float

    @property
    def where(self) -> str: ...  # the passage the sentence stands in

    @property
    def text(self) -> str: ...


S = TypeVar("S", bound=Scored)


@dataclass(frozen=True)
class Choice:
    passage_weight: float
    margin: float

    def key(self, c: Scored) -> float:
        return order_key(c.similarity, c.lift, c.standing, self.passage_weight)


def twins(a: str, b: str) -> bool:
    """Are two sentences nearly the same (a share of their words of at least ``TWIN_WORDS``)?"""
    wa, wb = set(_WORD.findall(a.casefold())), set(_WORD.findall(b.casefold()))
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= TWIN_WORDS


def _twin(cand: Scored, best: Scored) -> bool:
    own = cand.similarity + cand.lift >= best.similarity + best.lift - SENTENCE_MARGIN
    return cand.where != best.where and own and twins(cand.text, best.text)


def order_key(similarity: float, lift: float, standing: float, passage_weight: float) -> float:
    """A sentence's place in the order citations are chosen from."""
    return similarity + lift + passage_weight * standing


@lru_cache(maxsize=1)
def load_choice() -> Choice:
    """The shipped fit (``assistant/data/citation_choice.json``)."""
    data = json.loads(CHOICE_FILE.read_text(encoding="utf-8"))
    return Choice(float(data["passage_weight"]), float(data["margin"]))


def rank(
    candidates: Sequence[S],
    choice: Choice,
    also: Callable[[S, S], bool] = lambda cand, best: False,
    allowed: Callable[[S, list[S]], bool] = lambda cand, chosen: True,
) -> list[S]:
    """The cited candidates: the first in ``choice``'s order, then each later one within the
    margin (``SENTENCE_MARGIN`` in the first one's passage), its twin in another passage, or
    one for which ``also(cand, best)`` holds, that ``allowed(cand, chosen so far)`` admits; at most ``MAX_SENTENCES``."""
    if not candidates:
        return []
    ordered = sorted(candidates, key=lambda c: -choice.key(c))
    best = ordered[0]
    chosen = [best]
    for cand in ordered[1:]:
        if len(chosen) == MAX_SENTENCES:
            break
        margin = SENTENCE_MARGIN if cand.where == best.where else choice.margin
        close = choice.key(cand) >= choice.key(best) - margin
        if (close or _twin(cand, best) or also(cand, best)) and allowed(cand, chosen):
            chosen.append(cand)
    return chosen


def highlighted(chosen: Sequence[S], candidates: Sequence[S], choice: Choice) -> list[S]:
    """``chosen`` (the cited sentences, the answer decided) with the first one's passage's other
    sentences within ``choice.margin`` of it, at most ``MAX_HIGHLIGHTS`` in that passage: more
    highlights in a citation, no citation more and none fewer.

    ``SENTENCE_MARGIN`` keeps ``rank``'s own runners-up in the first passage few, for what
    ``rank`` chooses is also what the refusal rules read (a number in a runner-up answers a
    "hur många …?"). Once the answer stands, a sentence of the first passage is highlighted as
    readily as one of another passage is cited (the fitted margin): measured over the read
    held-out sets (sixty-fifth session), the quoted sentences held the evidence in 0.776 of
    the answers at ``SENTENCE_MARGIN`` and 0.827 with these highlights (2.08 -> 2.75 quoted
    sentences per answer); the evidence missed was mostly the next sentence of the same passage ("När du definierar konsekvenskategorier …" quoted, "Vilka kategorier som är
    viktiga … kan du till exempel finna i …" not)."""
    if not chosen:
        return list(chosen)
    best = chosen[0]
    out = list(chosen)
    room = MAX_HIGHLIGHTS - sum(c.where == best.where for c in out)
    for cand in sorted(candidates, key=lambda c: -choice.key(c)):
        if room <= 0 or choice.key(cand) < choice.key(best) - choice.margin:
            break
        lead = cand.text.rstrip().endswith(":")  # quoted with its whole list: no side note
        if cand.where == best.where and not lead and all(c.text != cand.text for c in out):
            out.append(cand)
            room -= 1
    return out
