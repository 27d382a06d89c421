"""Questions asked of a chosen document, and questions with several questions in them.

With a document chosen (a filter, or a document named in the question), a question whose topic
words occur in other documents and not in the chosen one is refused for it, naming those that
address it. A compound question is answered part by part, each part answered or refused
visibly, its citations numbered through.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .framing import frame_list, refuse_for_document
from .intent import fact_terms
from .lexical import terms
from .parts import held_answer
from .query import Query
from .quotes import cite
from .results import Answer, Passage

if TYPE_CHECKING:
    from .answer import ExtractiveAnswerer
    from .core import Assistant

__all__ = ["ask_parts", "within_document"]


def within_document(
    assistant: Assistant,
    query: Query,
    source: str,
    answer: Answer,
    answerer: ExtractiveAnswerer,
) -> Answer:
    """A question the chosen document does not answer is refused for that document, naming
    the documents that do: its topic words occur there and nowhere in the chosen one."""
    lexical = assistant.retriever.lexical
    # A document fact's own words ("fastställt", "reviderades") are no topic another document
    # could hold: "Vem har fastställt policyn?" asks the chosen document's card.
    facts = fact_terms() if query.intent == "document_fact" else frozenset()
    known = [t for t in query.topic_terms if lexical.knows(t) and t not in facts]
    if not known:
        return answer
    where = {t: _sources_with(assistant, query, t) for t in known}
    covered: dict[str, int] = {}
    for found in where.values():
        for s in found:
            covered[s] = covered.get(s, 0) + 1
    here, best = covered.get(source, 0), max(covered.values(), default=0)
    # Refused when another document has the topic's words and this one has (nearly) none:
    # none of them while another has half, or at most half while another has all.
    lacking = (here == 0 and best * 2 >= len(known)) or (
        len(known) > 1 and here * 2 <= len(known) and best == len(known)
    )
    if not lacking:
        return answer
    elsewhere = [s for s, n in covered.items() if n == best and s != source]
    k = max(assistant.settings.top_k, assistant.settings.answer_passages)
    passages = [p for p in assistant._search(query, k) if p.source in elsewhere]
    # Each document asked alone: one answer over all of them cites only the closest (``choice``),
    # and every document that answers is worth naming.
    cited: set[str] = set()
    for other in dict.fromkeys(p.source for p in passages):
        own = [p for p in passages if p.source == other]
        outside = answerer.answer(query, own, assistant._documents)
        cited |= {c.passage.source for c in outside.citations}
    title = assistant._documents[source].title
    named = [assistant._documents[s].title for s in sorted(cited)]
    related = answer.related or [c.passage for c in answer.citations]
    return refuse_for_document(query.question, query.language, title, named, related)


def _sources_with(assistant: Assistant, query: Query, term: str) -> set[str]:
    """The documents in which a stemmed topic term of the question occurs."""
    lexical = assistant.retriever.lexical
    words = [w for w in query.search_text.split() if term in terms(w)] or [term]
    hits = lexical.scores(" ".join(words)) > 0
    return set(lexical.sources[hits].tolist())


def ask_parts(assistant: Assistant, query: Query, source: str | None) -> Answer:
    """A question with several questions in it: answer or refuse each part visibly, number
    the citations through. A part asking a document fact ("Vem är handläggare?") asks it of
    the document an earlier part was answered from."""
    language = query.language
    picked: list[tuple[Passage, list[str], float]] = []
    texts, related = [], []
    answered_before = False
    for part in query.parts:
        within = source
        if within is None and part.intent == "document_fact" and not part.documents and picked:
            within = picked[0][0].source
        answer = held_answer(assistant._answer(part, within), part, answered_before)
        if not answer.answered and part.alone is not None and picked:
            # The referent may be what the earlier part answered, not what it asked about
            # ("Vem ska ha en nationell överblick …, och vad ska den följa upp?"): asked as
            # typed, of the document that answer came from (alone across all of them it meets
            # whatever its verb meets), its own ask still in what is quoted.
            alone = assistant._answer(part.alone, within or picked[-1][0].source)
            answer = held_answer(alone, part, answered_before) if alone.answered else answer
        answered_before = answer.answered
        if not answer.answered:
            texts.append(answer.answer)
            related += answer.related[:2]
            continue
        # A line two parts both quote ("När antogs policyn och av vem?": the decision line)
        # is one citation, its number repeated, not [1] and [2] of the same words.
        given = {(p.id, tuple(q)) for p, q, _ in picked}
        picked += [
            (c.passage, c.quotes, c.score)
            for c in answer.citations
            if (c.passage.id, tuple(c.quotes)) not in given
        ]
        by_key = {
            (p.id, tuple(q)): c
            for (p, q, _), c in zip(picked, cite(picked, assistant._documents), strict=True)
        }
        numbered = [by_key[(c.passage.id, tuple(c.quotes))] for c in answer.citations]
        texts.append(frame_list(f"{part.text.rstrip('?')}?", numbered, language))
    citations = cite(picked, assistant._documents)
    answered = bool(citations)
    text = "\n\n".join(texts)
    return Answer(query.text, answered, text, language, citations, [] if answered else related)
