"""Answer or refuse: the single abstention entry point of the extractive answerer.

A document fact is answered when the card's line of it or a text line states it, and refused when
no line read states it (``document_facts``); a contact detail asked for by name needs one in the
passages read; otherwise the fitted decision (``decide``) weighs the measured features
(``features``) beside the rules for a kind of answer absent from what would be quoted
(``absent_kind``), rescued when the kind stands beside the best sentences in their passage
(``rescue.typed_rescue``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .absent_kind import absent_kind
from .answer_found import detail_found
from .answer_type import detail_nouns
from .candidates import Candidate, best_quoted, parties_of
from .config import Settings
from .decide import should_answer
from .document_facts import card_fact, fact_stated, fact_unstated
from .features import measure
from .indexing.records import StoredDocument
from .indexing.store import Index
from .parties import without_party_names
from .query import Query
from .rescue import typed_rescue

__all__ = ["supported"]


def supported(
    query: Query,
    question: str,
    language: str,
    candidates: list[Candidate],
    documents: dict[str, StoredDocument],
    index: Index,
    settings: Settings,
    vocabulary: Callable[[str], bool],
) -> bool:
    """Is the evidence in ``candidates`` (scored sentences of the passages read, best first)
    strong enough to answer ``query`` (``question``: its text as searched)? ``index``: for the
    question's vector without party names; ``vocabulary``: the corpus's words."""
    if not candidates:
        return False
    if card_fact(query, candidates[0]) or fact_stated(query, candidates[0].text):
        return True
    # Only the named documents' lines can state their facts ("Vem beslutade riktlinjen för
    # öppen källkod?" is not answered by another document's "den antagna policyn").
    own = [c.text for c in candidates if c.passage.source in query.documents]
    if fact_unstated(query, own or [c.text for c in candidates]):
        return False  # a revision, decision or case number no line read states
    # A phone number, e-mail or web address asked for by name cannot be read from passages
    # that hold none, however close they are (the decision's features are shared with every
    # other answer type, and such questions are too few in the fitted sets to weigh this).
    # Checked before the features are measured; that the quote itself holds one is
    # ``absent_kind``'s "contact", read below.
    if query.wants == "contact_detail" and not detail_found(
        detail_nouns(query.folded), [c.passage.text for c in candidates]
    ):
        return False
    # Party names are not the topic: they pull their own agreement close to any question
    # ("What is the tax rate in Ludvika?"); the decision also sees the nameless closeness.
    topic = without_party_names(question, parties_of([c.passage for c in candidates], documents))

    def nameless() -> np.ndarray | None:
        return None if topic == question else index.embeddings.query_vector(topic)

    features = measure(query, language, candidates, documents, vocabulary, nameless)
    read = list(dict.fromkeys(c.passage.text for c in candidates))
    time = settings.refuse_absent_time
    absent = absent_kind(query, candidates, time=time)
    # The kind asked for beside the best sentences in their passage answers as it would
    # once they are chosen (``typed_rescue``, as ``_answer`` reads it): "2 år är den
    # giltig." after "Nybyggnadskarta", under the closer "Med det menas …".
    best = best_quoted(candidates)
    if absent and typed_rescue(query, absent, best, candidates, vocabulary, time):
        absent = None
    ok, _ = should_answer(features, settings.answer_threshold, read, absent)
    return ok
