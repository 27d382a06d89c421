"""Retrieval on tiny corpora whose right scores are known exactly: BM25 by its formula, the
language-aware fusion by the stored vectors, and the Swedish rendering of English questions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import indexed_texts, query_of, rescored_by_best_sentence
from langchain_core.documents import Document

from assistant.bilingual import swedish_rendering
from assistant.chunking import embedding_text
from assistant.dense import aligned_rows
from assistant.indexing.store import Index
from assistant.lexical import LexicalIndex, terms
from assistant.retrieve import HybridRetriever

TEXTS = {
    "bygglov.txt": "Bygglov\n\nEtt staket som är högre än 1,1 meter kräver bygglov. "
    "Ansökan om bygglov lämnas till byggnadsnämnden i kommunen.\n",
    "garanti.txt": "Garanti\n\nGarantitiden för entreprenaden är fem år efter slutbesiktningen. "
    "Under garantitiden ska entreprenören åtgärda fel som upptäcks.\n",
    "avgift.txt": "Avgifter\n\nAvgiften för bygglov beräknas enligt kommunens taxa. "
    "Planavgift tillkommer när detaljplanen gäller.\n",
}


def _passages(*texts: str) -> list[Document]:
    return [
        Document(id=f"a:{i}", page_content=t, metadata={"source": "a", "title": "T", "section": ""})
        for i, t in enumerate(texts)
    ]


def test_word_bm25_equals_the_lucene_formula():
    docs = _passages(
        "Kommunen ansvarar för biblioteket och biblioteket har öppet.",
        "Regionen ansvarar för kulturen.",
        "Biblioteket lånar ut böcker till kommunens invånare.",
    )
    lexical = LexicalIndex(docs)
    question = "Vem ansvarar för biblioteket?"
    tokens = [terms(embedding_text(d)) for d in docs]
    avg = sum(map(len, tokens)) / len(tokens)
    k1, b = 1.5, 0.75  # bm25s defaults

    def bm25(doc: list[str]) -> float:
        total = 0.0
        for term in set(terms(question)):
            df = sum(term in t for t in tokens)
            tf = doc.count(term)
            idf = math.log(1 + (len(tokens) - df + 0.5) / (df + 0.5))
            total += idf * tf / (tf + k1 * (1 - b + b * len(doc) / avg))
        return total

    expected = np.array([bm25(t) for t in tokens])
    assert np.allclose(lexical.scores(question), expected, atol=1e-5)
    # Twice "biblioteket" and "ansvarar": the first passage wins, the second beats the third.
    assert list(np.argsort(-expected)) == [0, 1, 2]


def test_swedish_rendering_looks_up_phrases_and_keeps_only_words_the_corpus_uses():
    corpus = {"bygglov", "staket", "kommun", "högre"}

    def known(word: str) -> bool:
        return word in corpus

    # "building permit" is one dictionary phrase; "fences" is found as "fence"; "need" has
    # no translation this corpus uses, so it stays as typed.
    assert swedish_rendering("Do fences need a building permit?", known) == "staket need bygglov"
    # Function words go; a word the dictionary lacks (a name) stays as typed.
    assert swedish_rendering("Is Botkyrka a municipality?", known) == "Botkyrka kommun"
    # Nothing the corpus knows: the English content words stay, the question is not lost.
    assert swedish_rendering("What about the weather?", lambda w: False) == "weather"


def test_a_rendering_by_use_keeps_the_senses_the_corpus_uses_most():
    uses = {"uppsägning": 5, "kallelse": 1, "beakta": 2, "avgift": 9, "taxa": 4, "arvode": 1}
    question = "What is the notice fee?"
    # Folkets lexikon lists a word's Swedish senses alphabetically: the first two known ones
    # are chance; the two the texts use most are the senses they are about. (Folkets alone:
    # our glossary gives "notice" its administrative sense first, tests/test_bilingual.py.)
    assert swedish_rendering(question, uses.get, own=False) == "beakta kallelse arvode avgift"
    assert swedish_rendering(question, lambda w: uses.get(w, 0), by_use=True, own=False) == (
        "uppsägning beakta avgift taxa"
    )


def test_term_frequency_counts_passages_not_occurrences():
    lexical = LexicalIndex(_passages("Bygglov bygglov bygglov.", "Bygglov krävs.", "Staket."))
    assert [lexical.frequency(t) for t in terms("bygglov staket krävs altan")] == [2, 1, 1, 0]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, e5) -> Index:
    return indexed_texts(tmp_path_factory.mktemp("tiny"), TEXTS, e5)


def _retriever(index: Index, **weights: float) -> HybridRetriever:
    params = {
        "bm25_weight": 0.0,
        "trigram_weight": 0.0,
        "translation_bm25_weight": 0.0,
        "translation_trigram_weight": 0.0,
        "k": 3,
    } | weights
    return HybridRetriever(index=index, **params)


def _vectors(index: Index, retriever: HybridRetriever) -> dict[str, np.ndarray]:
    return index.passage_vectors([str(d.id) for d in retriever.lexical.docs])


def test_a_swedish_question_takes_the_plain_dense_path(tiny):
    question = "Hur länge gäller garantin för entreprenaden?"
    plain = _retriever(tiny, translation_weight=0.0, sentence_weight=0.0).search(question)
    aware = _retriever(
        tiny,
        translation_weight=0.3,
        sentence_weight=0.3,
        translation_bm25_weight=0.5,
        translation_trigram_weight=0.5,
    ).search(question)
    assert [(p.id, round(p.score, 6)) for p in aware] == [(p.id, round(p.score, 6)) for p in plain]
    assert plain[0].source == "garanti.txt"


def test_an_english_question_is_scored_against_its_mix_with_the_swedish_rendering(tiny):
    retriever = _retriever(tiny, translation_weight=0.3, sentence_weight=0.0)
    question = "How high may a fence be without a building permit?"
    rendering = retriever._rendering(question)
    assert "bygglov" in rendering.split() and "staket" in rendering.split()
    embed = tiny.embeddings.query_vector
    mixed = 0.7 * embed(question) + 0.3 * embed(rendering)
    vectors = _vectors(tiny, retriever)
    found = retriever.search(question)
    # Each score is the linear mix of the two cosines, not Chroma's re-normalised one.
    for p in found:
        assert p.score == pytest.approx(float(vectors[p.id] @ mixed), abs=1e-4)
    # The first k of all passages (document cards included) ranked by the mixed cosine.
    ranked = sorted(vectors, key=lambda i: -float(vectors[i] @ mixed))
    assert [p.id for p in found] == ranked[: len(found)] and len(found) == 3
    assert found[0].source == "bygglov.txt"


def test_an_english_question_gets_bm25_over_its_swedish_rendering(tiny):
    weight = 0.2
    retriever = _retriever(
        tiny, translation_weight=0.0, sentence_weight=0.0, translation_bm25_weight=weight
    )
    question = "How is the fee for a building permit calculated?"
    rendering = retriever._rendering(question)
    assert {"avgift", "bygglov"} <= set(rendering.split())
    lexical = retriever.lexical
    # The English words themselves meet nothing in the Swedish passages.
    assert lexical.scores(question).max() == 0
    bm25 = lexical.scores(rendering)
    share = lexical.known_share(rendering)
    assert share > 0.5 and bm25.max() > 0
    qvec = tiny.embeddings.query_vector(question)
    vectors = _vectors(tiny, retriever)
    expected = {
        str(d.id): float(vectors[str(d.id)] @ qvec) + weight * share * float(bm25[i] / bm25.max())
        for i, d in enumerate(lexical.docs)
    }
    ranked = sorted(expected, key=lambda i: -expected[i])
    found = retriever.search(question)
    assert [p.id for p in found] == ranked[:3]
    assert [round(p.score, 4) for p in found] == [round(expected[i], 4) for i in ranked[:3]]
    assert found[0].source == "avgift.txt"
    # Off, the same question is ranked by the dense cosine alone.
    retriever.translation_bm25_weight = 0.0
    plain = retriever.search(question)
    assert [round(p.score, 4) for p in plain] == sorted(
        (round(float(v @ qvec), 4) for v in vectors.values()), reverse=True
    )[:3]


def test_an_english_question_rescores_candidates_by_their_best_sentence(tiny):
    weight = 0.3
    retriever = _retriever(tiny, translation_weight=0.0, sentence_weight=weight)
    question = "How long is the guarantee period after the final inspection?"
    qvec = tiny.embeddings.query_vector(question)
    expected = rescored_by_best_sentence(tiny, retriever, qvec, weight)
    found = retriever.search(question)
    ranked = sorted(expected, key=lambda i: -expected[i])
    assert len(found) == 3
    assert {p.id: round(p.score, 4) for p in found} == {
        pid: round(expected[pid], 4) for pid in ranked[: len(found)]
    }
    assert [p.id for p in found] == ranked[: len(found)]


def test_a_query_is_searched_by_its_search_text_in_its_own_language(tiny):
    from assistant.query import Query

    question = "How high may a fence be without a building permit?"

    def query(language: str) -> Query:
        # ``text`` as typed differs from ``search_text``: only the latter may be searched.
        return Query(
            text="ignored as typed",
            question=question,
            language=language,
            normalized=question,
            search_text=question,
            folded=question.casefold(),
        )

    aware = _retriever(tiny, translation_weight=0.5, sentence_weight=0.3)
    plain = _retriever(tiny, translation_weight=0.0, sentence_weight=0.0)

    def ranked(found):
        return [(p.id, round(p.score, 5)) for p in found]

    # Marked Swedish, the question takes the plain path although its words are English ...
    assert ranked(aware.search(query("sv"))) == ranked(plain.search(question))
    # ... and marked English, the same as the detected language of the plain string.
    assert ranked(aware.search(query("en"))) == ranked(aware.search(question))
    assert ranked(aware.search(question)) != ranked(plain.search(question))


def test_queries_embedded_together_equal_queries_embedded_one_by_one(e5):
    texts = ["Hur länge gäller bygglovet?", "bygglov giltig", "Hur länge gäller bygglovet?"]
    together = e5.query_vector.many(texts)
    assert len(together) == 3 and together[0] is together[2]
    for text, vector in zip(texts, together, strict=True):
        assert np.allclose(vector, e5._query(text), atol=1e-6)  # the model, not the cache
        assert e5.query_vector(text) is vector  # ... and now cached


def test_dense_candidates_are_the_exact_nearest_by_the_saved_vectors(tiny):
    # Chroma's HNSW search is approximate and its graph differs between processes; where the
    # passage vectors are saved beside the index, the dense side is an exact dot product.
    retriever = HybridRetriever(index=tiny, candidates=3)
    retriever.refresh()
    table = tiny.passage_table
    assert table is not None
    docs = retriever.lexical.docs
    vectors = tiny.passage_vectors([str(d.id) for d in docs])
    for question in ("Vad kostar bygglov?", "Hur länge gäller garantin?", "How high a fence?"):
        q = tiny.embeddings.query_vector(question) * 0.8  # a mixed vector's norm is below 1
        cos = {
            str(d.id): float(vectors[str(d.id)] @ q) / float(np.linalg.norm(vectors[str(d.id)]))
            for d in docs
        }
        found, floor = retriever._dense(q, None)
        best = sorted(cos, key=cos.get, reverse=True)[:3]
        assert list(found) == best
        assert {pid: c for pid, (_, c) in found.items()} == pytest.approx({p: cos[p] for p in best})
        assert floor == pytest.approx(cos[best[-1]])
        # Chroma's cosine distance, read the same way, gives the same scores.
        chroma = dict(tiny.similar(q, 3))
        assert chroma == pytest.approx({p: cos[p] for p in chroma}, abs=1e-5)
        within, _ = retriever._dense(q, "garanti.txt")
        assert within and {d.metadata["source"] for d, _ in within.values()} == {"garanti.txt"}
    # Without the table (a Chroma server keeps none locally) Chroma is asked.
    tiny.passage_table = None
    try:
        assert aligned_rows(tiny, docs) == ()
        assert list(retriever._dense(q, None)[0]) == list(dict(tiny.similar(q, 3)))
    finally:
        tiny.passage_table = table


def test_a_passage_holding_a_phrase_the_question_quotes_is_lifted(tiny, monkeypatch):
    import assistant.lifts as lifts
    from assistant.query import quoted_phrases

    asked = "Vad gäller för ”ett staket” enligt texterna?"
    assert quoted_phrases(asked) == ("ett staket",)
    query = query_of(asked, quoted=quoted_phrases(asked))
    retriever = _retriever(tiny)
    lifted = {p.source: p.score for p in retriever.search(query)}
    monkeypatch.setattr(lifts, "QUOTED_BONUS", 0.0)
    plain = {p.source: p.score for p in retriever.search(query)}
    # only the passage with the quoted words, by exactly the bonus
    assert math.isclose(lifted["bygglov.txt"] - plain["bygglov.txt"], 0.03, abs_tol=1e-6)
    assert all(math.isclose(lifted[s], plain[s], abs_tol=1e-9) for s in plain if s != "bygglov.txt")
    assert quoted_phrases('Where can I buy a "children playing" sign? It\'s "a"') == (
        "children playing",
    )


def test_hidden_passages_are_never_returned_and_come_back_after_the_block(tiny):
    # bm25 on: a hidden passage must not come back through the lexical side either
    retriever = _retriever(tiny, bm25_weight=0.3, trigram_weight=0.3)
    question = "Hur länge gäller garantin för entreprenaden?"
    before = retriever.search(question)
    assert before[0].source == "garanti.txt"
    hidden = {p.id for p in before if p.source == "garanti.txt"}
    scores = [(p.id, round(p.score, 6)) for p in before]
    with retriever.hiding(hidden):
        during = [(p.id, round(p.score, 6)) for p in retriever.search(question, k=10)]
    assert during and not hidden & {pid for pid, _ in during}
    # the others keep their scores: the corpus as if the hidden passages were not in it
    assert [x for x in scores if x[0] not in hidden] == during[: len(scores) - len(hidden)]
    assert [(p.id, round(p.score, 6)) for p in retriever.search(question)] == scores


def test_a_paragraph_a_document_repeats_takes_one_place_among_the_best(tmp_path, e5):
    # A council paper quotes the tariff it forwards: the same paragraphs twice in one file.
    tail = " Det gäller all handläggning som nämnden utför inom marknadskontrollen" * 3 + "."
    fee = "3 § Avgiften tas ut som timavgift för varje påbörjad halvtimme handläggningstid." + tail
    payer = "2 § Avgiften ska betalas av den som släpper ut produkten på marknaden." + tail
    other = "Nämndens bedömning är att taxan ger en tydlig och rättvis avgiftsgrund." + tail
    # (the assessment stands before the §§: after one it would be read as that §'s stycke)
    text = "\n\n".join(["Förslag till taxa", other, fee, payer, "Taxan", fee, payer])
    index = indexed_texts(tmp_path, {"taxa.txt": text}, e5)
    retriever = _retriever(index, k=3)
    held = [" ".join(d.page_content.split()) for d in retriever.lexical.docs]
    assert held.count(fee) == 2 and held.count(payer) == 2  # two passages of each text
    found = [
        " ".join(p.text.split()) for p in retriever.search("Hur tas avgiften ut enligt taxan?")
    ]
    assert len(found) == 3 and len(set(found)) == 3
    assert {fee, payer} <= set(found)
