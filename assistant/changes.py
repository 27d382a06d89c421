"""What changed: "Vad skiljer överenskommelserna 2019–2022 och 2023–2026 åt om bibliotek?" /
"what changed about X?" answered side by side, one entry per period (oldest first), each cited,
and a period whose text is silent on X named as silent.

The versions compared: those whose period the question names; else the named (or chosen)
document and the versions it replaced or that replaced it; else every chain of versions the
supersession links make (``validity.assess``) that holds a document in force, else any chain.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from .applied import applies, replaced_on
from .folding import fold
from .framing import quoted
from .in_force import badge
from .lexical import terms
from .query import Query
from .quotes import cite
from .results import Answer, Citation
from .signals import rendering
from .timeframe import TimeScope
from .validity import Validity

if TYPE_CHECKING:
    from .answer import ExtractiveAnswerer
    from .core import Assistant

__all__ = ["compare_answer", "versions"]

_PER_VERSION = 3
_MAX_VERSIONS = 6


def _chains(found: dict[str, Validity]) -> list[list[str]]:
    """Sources linked by supersession, each chain oldest first (two versions or more)."""
    nxt = {s: v.superseded_by for s, v in found.items() if v.superseded_by in found}
    firsts = [s for s in found if s not in set(nxt.values()) and s in nxt]
    chains = []
    for s in sorted(firsts):
        chain = [s]
        while chain[-1] in nxt and nxt[chain[-1]] not in chain:
            chain.append(nxt[chain[-1]])
        chains.append(chain)
    return chains


def versions(
    scope: TimeScope,
    found: dict[str, Validity],
    named: list[str],
    statutes: set[str],
) -> list[list[str]]:
    """The groups of sources to compare, each oldest first (see the module docstring)."""
    chains = _chains(found)
    if named:
        linked = [c for c in chains if set(named) & set(c)]
        chains = linked or [list(named)]
    if scope.periods:
        groups = []
        for chain in chains or [sorted(found)]:
            picked: list[str] = []
            for start, end in scope.periods:
                exact = [
                    s for s in chain if (found[s].valid_from, found[s].valid_to) == (start, end)
                ]
                picked += exact or [
                    s
                    for s in chain
                    if applies(found[s], start, end, s in statutes, replaced_on(found, s))
                ]
            picked = list(dict.fromkeys(picked))
            if len(picked) >= 2:
                groups.append(picked)
        chosen = groups
    else:
        live = [c for c in chains if any(found[s].status == "in_force" for s in c)]
        chosen = live or chains
    order = [sorted(g, key=lambda s: found[s].valid_from or date.min) for g in chosen]
    return [g[-_MAX_VERSIONS:] for g in order if len(g) >= 2]


def _addresses(cited: str, topic_terms: list[list[str]]) -> bool:
    """Does the cited text speak of the topic? In the corpus's words: a topic word stands in it
    (also inside a compound: "stadsbiblioteket" for "bibliotek"); of an English topic, a
    rendering of each of its words. No known word: the decision alone judged it."""
    if not topic_terms:
        return True
    text = fold(cited)
    return all(any(t in text for t in group) for group in topic_terms)


def compare_answer(
    assistant: Assistant,
    query: Query,
    scope: TimeScope,
    source: str | None,
    answerer: ExtractiveAnswerer,
    found: dict[str, Validity],
) -> Answer | None:
    """Side by side per period; None when fewer than two versions can be compared (the
    question is then answered as an ordinary one)."""
    docs = {d.source: d for d in assistant.documents()}
    statutes = {s for s, d in docs.items() if d.doc_type == "statute"}
    named = [source] if source else list(query.documents)
    groups = versions(scope, found, named, statutes)
    if not groups:
        return None
    topic = scope.rest or query.search_text
    asked = replace(
        query,
        search_text=topic,
        folded=fold(topic),
        terms=tuple(terms(topic)),
        topic_terms=tuple(terms(topic)),
        topic=topic,
        intent="fact",
        fact=None,
        time=None,
    )
    language = query.language
    lexical = assistant.retriever.lexical
    # An English topic is matched through its Swedish rendering: else any version's best
    # sentence passed for one on "music school" (a theatre sentence of a version without one).
    render = rendering(language, lexical.knows)
    if render is None:
        known = [[t for t in asked.topic_terms if lexical.knows(t)]]
    else:  # each English word through its own renderings ("music", "school": both must stand)
        known = [[fold(t) for t in terms(render(w)) if lexical.knows(t)] for w in topic.split()]
    known = [k for k in known if k]
    hits: dict[str, Citation] = {}
    for s in dict.fromkeys(s for g in groups for s in g):
        passages = assistant._search(asked, _PER_VERSION, s)
        own = answerer.answer(asked, passages, assistant._documents, language)
        quotes = [c for c in own.citations if _addresses(" ".join(c.quotes), known)]
        if own.answered and quotes:
            hits[s] = quotes[0]
    # A chain of versions none of which speaks of the topic is not what was asked about.
    groups = [g for g in groups if any(s in hits for s in g)]
    if not groups:
        return None  # no version speaks of it: the ordinary answer (a refusal, with related)
    shown = [s for g in groups for s in g]
    cited = [hits[s] for s in shown if s in hits]
    citations = cite([(c.passage, c.quotes, c.score) for c in cited], assistant._documents)
    by_source = {c.passage.source: c for c in citations}
    sv = language == "sv"
    lead = (
        f"Så skiljer sig versionerna åt om ”{topic}”:"
        if sv
        else f"How the versions differ on “{topic}”:"
    )
    lines = [lead]
    for s in shown:
        label = _label(docs[s], found[s], docs, language)
        if (hit := by_source.get(s)) is not None:
            lines.append(f"- {label}: {quoted(hit)} [{hit.n}]")
        else:
            lines.append(f"- {label}: {'säger inget om det' if sv else 'says nothing about it'}.")
    return Answer(query.question, True, "\n".join(lines), language, citations)


def _label(doc: Any, v: Validity, docs: dict[str, Any], language: str) -> str:
    """ "2019–2022, Överenskommelse … (ersatt av …)": the period first, then the title."""
    if v.valid_from and v.valid_to:
        period = f"{v.valid_from.isoformat()} – {v.valid_to.isoformat()}"
        if (v.valid_from.month, v.valid_from.day, v.valid_to.month, v.valid_to.day) == (
            1,
            1,
            12,
            31,
        ):
            period = f"{v.valid_from.year}–{v.valid_to.year}"
    elif v.valid_from:
        period = f"{'från' if language == 'sv' else 'from'} {v.valid_from.isoformat()}"
    else:
        period = ""
    successor = docs.get(v.superseded_by or "")
    status = badge(v, successor.title if successor else None, language)
    tail = f" ({status})" if status else ""
    return f"{period}, {doc.title}{tail}" if period else f"{doc.title}{tail}"
