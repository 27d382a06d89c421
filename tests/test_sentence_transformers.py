"""The sentence-transformers backend with the packaged offline all-MiniLM-L6-v2 model."""

from __future__ import annotations

import pytest
from helpers import LUDVIKA, LUDVIKA_PATH, STATUTE, STATUTE_PATH, make_corpus, make_settings

from assistant import Assistant, EmbeddingModelError, Settings
from assistant.embeddings import SentenceTransformerEmbeddings, make_embeddings
from assistant.indexing.store import collection_name


@pytest.fixture(scope="module")
def minilm(tmp_path_factory, minilm_model) -> Assistant:
    root = tmp_path_factory.mktemp("minilm")
    corpus = make_corpus(root, LUDVIKA_PATH, STATUTE_PATH)
    assistant = Assistant(make_settings(root, corpus, embedding_model=minilm_model))
    report = assistant.build_index()
    assert sorted(report.added) == sorted([LUDVIKA, STATUTE])
    assert report.passages > 0
    return assistant


def test_minilm_index_answers_a_search(minilm):
    assert isinstance(minilm.index.embeddings, SentenceTransformerEmbeddings)
    passages = minilm.search("Skapande skola", k=5)
    assert len(passages) == 5
    assert {p.source for p in passages} <= {LUDVIKA, STATUTE}
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert any("Skapande skola" in p.text for p in passages)


def test_minilm_vectors_are_normalised_with_the_model_dimension(minilm):
    vectors = minilm.index.embeddings.passage_vectors(["Folkbibliotek", "Skapande skola"])
    assert vectors.shape == (2, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-3


def test_minilm_collection_name_differs_from_e5(minilm, shared):
    assert minilm.index.name == collection_name(minilm.settings)
    assert minilm.index.name != shared.assistant.index.name
    assert minilm.index.name.startswith("avtal-st-")
    assert shared.assistant.index.name == collection_name(Settings())
    # Prompts shape the vectors, so they are part of the name too.
    prompted = minilm.settings.model_copy(update={"st_query_prompt": "query: "})
    assert collection_name(prompted) != minilm.index.name


def test_unknown_model_names_raise_a_helpful_error(tmp_path):
    with pytest.raises(EmbeddingModelError, match="e5-small-q4"):
        make_embeddings(Settings(embedding_model="word2vec"))
    with pytest.raises(EmbeddingModelError, match="local path"):
        make_embeddings(Settings(embedding_model=f"sentence-transformers:{tmp_path / 'none'}"))
