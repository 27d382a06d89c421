"""Retrieval settings on a tiny real index (real e5, real Chroma): a question naming a document
embedded with the name's words (``dense_keeps_names``), the best-sentence re-scoring for Swedish
questions (``sentence_weight_sv``), and the lift for a passage holding the wanted answer type
(``answer_type_weight``) and the scores without it the decision reads (``unlifted``)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from helpers import indexed_texts, query_of, rescored_by_best_sentence

from assistant.indexing.store import Index
from assistant.query import Query
from assistant.rescoring import ANSWER_TYPE_WEIGHT, ANSWER_TYPE_WEIGHT_EN, AnswerTypeLift, unlifted
from assistant.retrieve import HybridRetriever
from assistant.signals import answer_type_found

TEXTS = {
    "bygglov.txt": "Bygglov\n\n"
    "Ett bygglov är ett beslut av byggnadsnämnden som ger tillstånd att bygga ett hus, en "
    "tillbyggnad eller ett plank. Beslutet följer plan- och bygglagen.\n\n"
    "Handläggningstiden är tio veckor från den dag ansökan är komplett. Nämnden kan förlänga "
    "tiden en gång med högst tio veckor.\n\n"
    "Avgiften beräknas enligt kommunens taxa och betalas efter beslutet. Den som får avslag "
    "betalar också för prövningen.\n",
    "garanti.txt": "Garanti\n\nGarantitiden för entreprenaden är fem år efter slutbesiktningen. "
    "Under garantitiden ska entreprenören åtgärda fel som upptäcks. Det regnade mycket i juli "
    "och vägarna till byggplatsen var ofta avstängda för tung trafik.\n",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory, e5) -> Index:
    return indexed_texts(tmp_path_factory.mktemp("rescoring"), TEXTS, e5)


def _retriever(index: Index, **params: object) -> HybridRetriever:
    base = {"bm25_weight": 0.0, "trigram_weight": 0.0, "k": 3, "sentence_weight_sv": 0.0}
    return HybridRetriever(index=index, **(base | params))


def _vectors(index: Index, retriever: HybridRetriever) -> dict[str, np.ndarray]:
    return index.passage_vectors([str(d.id) for d in retriever.lexical.docs])


def _named(question: str, search_text: str, source: str, intent: str = "fact") -> Query:
    return query_of(question, search_text, documents=(source,), intent=intent)


def test_a_question_naming_a_document_is_embedded_with_the_name(small):
    # "Vad är bygglov?" names the document *Bygglov*: the analysis searches within it by the
    # rest, "Vad är", which says nothing about what is asked.
    query = _named("Vad är bygglov?", "Vad är", "bygglov.txt")
    embed = small.embeddings.query_vector
    keeps = _retriever(small, dense_keeps_names=True)
    drops = _retriever(small, dense_keeps_names=False)
    vectors = _vectors(small, keeps)
    mine = [pid for pid in vectors if keeps.lexical.by_id[pid].metadata["source"] == "bygglov.txt"]

    def by(text: str) -> list[str]:
        q = embed(text)
        return sorted(mine, key=lambda pid: -float(vectors[pid] @ q))

    kept = keeps.search(query, source="bygglov.txt")
    dropped = drops.search(query, source="bygglov.txt")
    # Each ranks the document's passages by the cosine of its own text ...
    assert [p.id for p in kept] == by("Vad är bygglov?")[:3]
    assert [p.id for p in dropped] == by("Vad är")[:3]
    q = embed("Vad är bygglov?")
    for p in kept:
        assert p.score == pytest.approx(float(vectors[p.id] @ q), abs=1e-4)
    # ... and only the question with its topic puts the definition first.
    assert "beslut av byggnadsnämnden" in kept[0].text
    assert [p.id for p in kept] != [p.id for p in dropped]
    # A "which documents" question keeps its narrowed topic; a question naming no document
    # is embedded by its search text as before.
    which = _named("Vad är bygglov?", "Vad är", "bygglov.txt", intent="which_documents")
    assert [p.id for p in keeps.search(which, source="bygglov.txt")] == [p.id for p in dropped]


def test_a_swedish_question_can_be_rescored_by_its_best_sentence(small):
    weight = 0.5
    question = "Hur länge gäller garantin efter slutbesiktningen?"
    retriever = _retriever(small, sentence_weight_sv=weight, sentence_weight=0.0)
    qvec = small.embeddings.query_vector(question)
    expected = rescored_by_best_sentence(small, retriever, qvec, weight)
    ranked = sorted(expected, key=lambda i: -expected[i])
    found = retriever.search(question)
    assert [p.id for p in found] == ranked[:3]
    assert [round(p.score, 4) for p in found] == [round(expected[i], 4) for i in ranked[:3]]
    plain = _retriever(small).search(question)
    assert found[0].source == plain[0].source == "garanti.txt"
    assert [round(p.score, 4) for p in found] != [round(p.score, 4) for p in plain]
    # The English weight does not reach a Swedish question.
    english_only = _retriever(small, sentence_weight=weight).search(question)
    assert [(p.id, round(p.score, 6)) for p in english_only] == [
        (p.id, round(p.score, 6)) for p in plain
    ]


def test_bm25_can_read_a_named_documents_words_too(small):
    # The analysis takes "bygglov" out of the search text (it names the document *Bygglov*);
    # with ``lexical_keeps_names`` BM25 reads the question with it, as the vector does.
    weight = 0.2
    query = _named("Vad kostar bygglov?", "Vad kostar", "bygglov.txt")
    keeps = _retriever(small, bm25_weight=weight, lexical_keeps_names=True)
    drops = _retriever(small, bm25_weight=weight, lexical_keeps_names=False)
    lexical = keeps.lexical
    bm25, rest = lexical.scores("Vad kostar bygglov?"), lexical.scores("Vad kostar")
    assert bm25.max() > 0 and rest.max() == 0  # "kostar" is no word of the texts
    share = lexical.known_share("Vad kostar bygglov?")
    assert share == 0.5
    q = small.embeddings.query_vector("Vad kostar bygglov?")  # both embed the name
    vectors = _vectors(small, keeps)
    at = {str(d.id): i for i, d in enumerate(lexical.docs)}
    for p in keeps.search(query):
        lift = weight * share * float(bm25[at[p.id]] / bm25.max())
        assert p.score == pytest.approx(float(vectors[p.id] @ q) + lift, abs=1e-4)
    for p in drops.search(query):
        assert p.score == pytest.approx(float(vectors[p.id] @ q), abs=1e-4)
    assert any(bm25[at[p.id]] > 0 for p in keeps.search(query))


def test_a_passage_holding_the_wanted_answer_type_is_lifted_by_the_weight(small):
    # FAQ pages hold sibling answers on one topic: the one with a duration answers "how long".
    question = "Hur lång tid tar det att få bygglov?"
    query = query_of(question, wants="duration")
    off = {p.id: p for p in _retriever(small, k=10, answer_type_weight=0.0).search(query)}
    on = {p.id: p for p in _retriever(small, k=10, answer_type_weight=0.02).search(query)}
    assert set(on) == set(off)
    lifted = {pid for pid in on if answer_type_found("duration", [on[pid].text])}
    assert lifted and lifted != set(on)  # some passages hold a duration, some do not
    for pid, p in on.items():
        assert p.score - off[pid].score == pytest.approx(0.02 if pid in lifted else 0.0, abs=1e-6)
    # The decision reads the scores without the lift (at the shipped weight): it orders only.
    shipped = {p.id: p for p in _retriever(small, k=10).search(query)}
    assert ANSWER_TYPE_WEIGHT > 0
    bare = dict(zip(shipped, unlifted(query, list(shipped.values())), strict=True))
    assert bare == pytest.approx({pid: p.score for pid, p in off.items()}, abs=1e-4)
    assert any(shipped[pid].score > bare[pid] for pid in lifted)
    # An English question is lifted by its own weight (0 shipped: README, ninth session).
    english = dataclasses.replace(query, language="en")
    assert AnswerTypeLift(english, 0.02, 0.0).wants is None
    assert AnswerTypeLift(english, 0.0, 0.02).weight == 0.02
    assert ANSWER_TYPE_WEIGHT_EN == 0.0
    fits = AnswerTypeLift(english)
    assert [fits(pid, p.text) for pid, p in on.items()] == [0.0] * len(on)
    # A question that wants no particular kind of answer is searched as before.
    plain = dataclasses.replace(query, wants=None)
    same = _retriever(small, k=10, answer_type_weight=0.02).search(plain)
    assert {p.id: round(p.score, 6) for p in same} == {
        pid: round(p.score, 6) for pid, p in off.items()
    }
