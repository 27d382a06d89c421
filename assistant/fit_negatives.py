"""The fit's negatives beyond a set's own unanswerable questions (``fit_data``).

- **cross-corpus** (``cross_corpora``): an answerable question asked of another corpus that lacks
  its evidence;
- **swapped** (``swapped``, ``swap_rows``): a question naming a party, asked about a party of
  another corpus that the asked corpus never mentions;
- **hidden evidence** (``hidden_rows``): a question asked of its own corpus with the passages that
  hold its evidence hidden; measured by the fit, not fitted on (``fit_decision.fit``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .decide import recording
from .evaluate import _norm, _relevant

__all__ = ["ask", "cross_corpora", "hidden_rows", "proper", "swap_rows", "swapped"]


def ask(assistant: Any, question: str) -> list[dict[str, Any]]:
    """The decisions asking ``question`` made (``decide.recording``); none for more than two."""
    with recording() as records:
        assistant.ask(question)
    # A compound or "which documents" question makes several decisions: too many to label one.
    return records if len(records) <= 2 else []


def cross_corpora(group: str, corpora: list[str], siblings: dict[str, set[str]]) -> list[str]:
    """The corpora a set's answerable questions are asked of as cross-corpus negatives: every
    corpus but the set's own parts (``siblings``: set name -> its corpus keys)."""
    return [key for key in corpora if key not in siblings.get(group, set())]


_KIND_WORDS = frozenset({"kommun", "region", "regionen", "kommunen"})
_TRIES = 5  # other parties tried for a swapped question


def proper(party: str) -> list[str]:
    """The proper words of a party's name ("Region Dalarna" -> ["Dalarna"])."""
    return [w for w in party.split() if w.casefold() not in _KIND_WORDS and w[:1].isupper()]


def swapped(
    question: str,
    named: tuple[str, ...],
    others: list[str],
    salt: str,
    absent: Callable[[str], bool],
) -> str | None:
    """``question`` about another party: the proper name of the first party it names
    (``Query.parties``) replaced by one of ``others`` (parties of other corpora), the first in
    an order fixed by ``salt`` for which ``absent(new question)`` holds (the asked corpus never
    mentions it). The same question about a party the texts do not cover is a negative with a
    positive's topic, which the cross-corpus copies never are (they change the topic with the
    corpus), and what a user asking about another municipality meets."""
    for party in named:
        for word in proper(party):
            pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?=s?\b|['’]s\b)")
            if not pattern.search(question):
                continue
            order = sorted(others, key=lambda o: hashlib.sha1(f"{salt}|{o}".encode()).hexdigest())
            for pick in order[:_TRIES]:
                text = pattern.sub(pick, question)
                if pick != word and absent(text):
                    return text
            return None
    return None


def swap_rows(
    group: str,
    key: str,
    questions: list[Any],
    kept: set[str],
    corpora: dict[str, tuple[Any, str]],
    add: Any,
) -> list[str]:
    """The set's kept answerable questions that name a party, asked about a party of another
    corpus (``swapped``) that the asked corpus never mentions: cross-corpus negatives (id
    ``<id>~swap``). Returns the questions asked."""
    assistant = corpora[key][0]
    others = sorted(
        {
            w
            for k, (a, _) in corpora.items()
            if k != key
            for p in a.parties()
            for w in proper(p.name)
        }
    )
    asked = []
    for q in questions:
        if not q.answerable or q.id not in kept:
            continue
        # Only a name the asked corpus never mentions makes the question one it cannot answer.
        text = swapped(
            q.question,
            assistant.analyze(q.question).parties,
            others,
            q.id,
            lambda t: bool(assistant.analyze(t).absent_names),
        )
        if text is None:
            continue
        asked.append(text)
        for record in ask(assistant, text):
            add(group, key, replace(q, id=f"{q.id}~swap"), "cross", 0, record)
    return asked


def hidden_rows(
    group: str, key: str, questions: list[Any], kept: set[str], assistant: Any, add: Any
) -> list[str]:
    """The set's kept answerable questions asked of their own corpus with every passage that
    holds their evidence hidden (``HybridRetriever.hiding``): negatives on the question's own topic
    in its own document, the kind a user's unanswerable question is ("what does the fee cost?"
    where the text names the fee but no amount) and the cross-corpus copies are not. A decision
    that still read the evidence (a card line, a neighbour) is left out. Returns the ids asked."""
    texts = [(str(d.id), _norm(d.page_content)) for d in assistant.retriever.lexical.docs]
    asked = []
    for q in questions:
        if not q.answerable or q.id not in kept or not q.evidence:
            continue
        evidence = [_norm(e) for e in q.evidence]
        hidden = {pid for pid, text in texts if any(e in text for e in evidence)}
        if not hidden:
            continue
        asked.append(q.id)
        with assistant.retriever.hiding(hidden):
            records = ask(assistant, q.question)
        for record in records:
            if not _relevant(" ".join(record["passages"]), q.evidence):
                add(group, key, replace(q, id=f"{q.id}~hidden"), "hidden", 0, record)
    return asked
