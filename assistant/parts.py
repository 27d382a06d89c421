"""A compound question's parts, each analysed; a part that leans on the one before it asked
about that part's topic or of its document (``leaning`` reads the words).

"Vad är Ekomuseum Bergslagen och vem finansierar det?": the second part alone finds whatever
"finansierar" meets; asked as "vem finansierar Ekomuseum Bergslagen?" it finds the sentence
that answers it. The leaning part keeps its own answer type and records its own ask
(``Query.leans``), which what is quoted for it must hold (``scope.ask_parts``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

from .framing import abstain
from .intent import document_words, fact_terms
from .leaning import (
    POINTS_AT_DOCUMENT,
    OwnAsk,
    back_reference,
    lean_on,
    own_ask,
    with_words,
)
from .lexical import terms
from .query import Query
from .results import Answer
from .signals import rendering

__all__ = ["analyse_parts", "ask_of", "held_answer", "lean"]


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    """Prepositions the stop-word list keeps, as topic terms (stemmed: "enligt" is "enl"):
    "…, och genom vilket beslut?" names no topic of its own."""
    return frozenset(terms("genom enligt hos före"))


def analyse_parts(
    texts: list[str], single: Callable[[str], Query], knows: Callable[[str], bool]
) -> tuple[Query, ...]:
    """Each part analysed by ``single`` (the analyser's one-question analysis, history and
    all); a part leaning on the one before it is re-analysed as asked about that part."""
    parts: list[Query] = []
    for text in texts:
        part = single(text)
        parts.append(lean(part, parts[-1], single, knows) if parts else part)
    return tuple(parts)


def lean(
    part: Query, before: Query, single: Callable[[str], Query], knows: Callable[[str], bool]
) -> Query:
    """``part`` standing alone, asked of ``before``'s document, or about ``before``'s topic.

    A part naming its own document, or its own topic without pointing back, stands alone. A
    document fact ("Vem är handläggare?", "när trädde den i kraft?") is asked of the earlier
    part's document. A part pointing back with "den/det/it" at a document the earlier part
    named ("Vad säger lagen om X, och vad säger den om Y?") is asked of that document. Any
    other part that points back, or names no topic, is asked about the earlier part's topic:
    the phrase after its last preposition in place of the pronoun, and the earlier part's
    parties when it names none; a bare phrase ("…, och enligt vilken lag?") with the earlier
    part's whole question. It keeps its own answer type (a "vem" part still wants a
    person, however the earlier part was asked). A part with no topic of its own after a
    document fact ("…, och av vilken nämnd?") asks the rest of that fact, of that document.
    """
    if part.documents:
        return part
    reference = back_reference(part.text)
    own = [t for t in part.topic_terms if t not in fact_terms() and t not in _prepositions()]
    if reference is None and own:
        return part
    at_document = reference is None or reference in POINTS_AT_DOCUMENT
    # "Vem antog riktlinjen, och vilket datum?": a bare date after another document fact asks
    # that fact's date, not the document's own date line (measured: a copyright year quoted).
    dated = part.fact == "date" and before.fact not in (None, "date")
    if part.intent == "document_fact" and at_document and not dated:
        return replace(part, documents=before.documents)
    if before.intent == "document_fact" and not own and at_document:
        # "När antogs policyn, och av vilken nämnd?": the rest of a document fact, of its
        # document (its own fact word when it has one, else the earlier part's), searched with
        # the earlier part's words ("av vem" alone meets no line of the card).
        asked = f"{before.search_text.rstrip(' ?')}, {part.text.strip()}"
        return replace(
            single(asked),
            text=part.text,
            intent="document_fact",
            fact=before.fact if dated else part.fact or before.fact,
            wants=part.wants,
            documents=before.documents,
        )
    if own and reference in POINTS_AT_DOCUMENT and _names_a_document(before):
        return replace(part, documents=before.documents)
    if reference is None and not own:
        # "…, och enligt vilken lag?", "…, and to whom?": a bare phrase asks one more thing of
        # the earlier part's sentence, searched with all its words (its topic phrase alone,
        # "programmet", lost "miljöbedömning"); ``leans`` keeps only what answers the phrase.
        asked = f"{before.search_text.rstrip(' ?')}, {part.text.strip()}"
    else:
        asked = lean_on(part.text, reference, before.search_text, before.topic_terms)
    if asked == part.text:
        return part
    # The earlier part's other topic words (often its verb: "ansvarar") would pull its own
    # answer back (measured: "varför ska de finnas?" then quoted "För lånecentraler ansvarar
    # staten."); its parties are the part's too unless it names its own.
    carried = [] if part.parties else list(before.parties)
    leaned = single(with_words(asked, carried))
    return replace(
        leaned,
        text=part.text,
        question=asked,
        normalized=part.normalized,
        wants=part.wants,
        documents=leaned.documents or before.documents,
        leans=ask_of(part.text, part.language, part.topic_terms, part.wants, knows),
        alone=part,
    )


def ask_of(
    text: str, language: str, topic: Iterable[str], wants: str | None, knows: Callable[[str], bool]
) -> OwnAsk:
    """What a question that leans on an earlier one asks of its own (``leaning.own_ask``); an
    English one's words as the Swedish the texts could hold them in."""
    render = rendering(language, knows)
    return own_ask(text, topic, wants, render(text) if render else "")


def held_answer(answer: Answer, query: Query, earlier_answered: bool = True) -> Answer:
    """A question that leans on an earlier one keeps the citations that answer its own ask:
    its topic came from the earlier question, so the decision's topic overlap says little
    about it. With none left it is refused, in its own words (``Query.text``)."""
    if query.leans is None or not answer.answered:
        return answer
    ask = query.leans
    kept = [c for c in answer.citations if ask.held_by(" ".join(c.quotes), earlier_answered)]
    if not kept:
        related = answer.related or [c.passage for c in answer.citations]
        return abstain(query.text, query.language, related)
    answer.citations = kept
    return answer


def _names_a_document(query: Query) -> bool:
    """Does the question name a document, by name or as "lagen", "avtalet", "the act"?"""
    words = set(re.findall(r"\w+", query.folded.casefold()))
    return bool(query.documents) or bool(words & document_words())
