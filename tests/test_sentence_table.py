"""The hot path of ``ask`` without repeated store reads: the saved sentence table, the ids-only
dense query and the question's name-free text embedded in the question's batch. Each must give
exactly what the slower path gave, and a changed index must never be served from the old state."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from helpers import LUDVIKA_PATH, STATUTE_PATH, make_corpus, make_settings

from assistant import Assistant
from assistant import answering as answering_module
from assistant.heap import _malloc_trim, release_freed_memory
from assistant.indexing.store import Index
from assistant.lexical_store import folder_for, load_or_build
from assistant.sentence_table import PassageVectors, SentenceTable

NEW_SENTENCE = "Kommunen och regionen inrättar en gemensam fond för lokala poesifestivaler."


def _same_rows(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        x[:3] == y[:3] and x[3].dtype == y[3].dtype and np.array_equal(x[3], y[3])
        for x, y in zip(a, b, strict=True)
    )


def _passages(index: Index) -> tuple[list[str], dict[str, int]]:
    lexical, _ = load_or_build(index)
    ids = [str(d.id) for d in lexical.docs]
    return ids, {str(d.id): int(d.metadata.get("sentences", 0)) for d in lexical.docs}


def _build(root, e5, *files) -> tuple[Assistant, object]:
    corpus = make_corpus(root, *files)
    assistant = Assistant(make_settings(root, corpus), embeddings=e5)
    assistant.build_index()
    return assistant, corpus


@pytest.fixture(scope="module")
def shared(tmp_path_factory, e5):
    """Read-only tests share one index (two documents)."""
    return _build(tmp_path_factory.mktemp("table"), e5, LUDVIKA_PATH, STATUTE_PATH)


@pytest.fixture
def built(tmp_path, e5):
    """Tests that change the corpus or the saved folder get their own (one document)."""
    return _build(tmp_path, e5, LUDVIKA_PATH)


def test_an_index_run_saves_the_sentence_table_and_it_reads_what_chroma_reads(shared):
    assistant, _ = shared
    index = Index(assistant.settings, assistant.index.embeddings)  # serves nothing: reads Chroma
    table = SentenceTable.load(folder_for(index, index.fingerprint()))
    assert table is not None and len(table.chunks) > 0
    ids, counts = _passages(index)
    assert index.sentence_table is None
    rng = np.random.default_rng(3)
    for _ in range(20):
        picked = [ids[i] for i in rng.choice(len(ids), size=5, replace=False)]
        # Chroma returns rows in its own order, not the order asked: the table must too.
        assert _same_rows(table.rows(picked, counts), index.sentences(picked, counts))
        assert _same_rows(table.rows(picked[::-1], counts), index.sentences(picked, counts))
    # A count the table cannot vouch for: it declines, and Chroma is asked.
    assert table.rows(ids[:1], {ids[0]: counts[ids[0]] + 1}) is None
    assert table.rows(["no-such-passage"]) is None

    # The passages' vectors likewise, in Chroma's order.
    passages = PassageVectors.load(folder_for(index, index.fingerprint()))
    for _ in range(20):
        picked = sorted(ids[i] for i in rng.choice(len(ids), size=6, replace=False))
        want, got = index.passage_vectors(picked), passages.get(picked)
        assert list(got) == list(want)
        assert all(np.array_equal(got[k], want[k]) and got[k].dtype == want[k].dtype for k in want)
    assert passages.get([ids[0], "no-such-passage"]) is None


def _serves_the_new_sentence(assistant: Assistant) -> None:
    """The served table is the current state's, it holds every current passage's sentences as
    Chroma does, the appended sentence among them."""
    index = assistant.index
    table = index.sentence_table
    assert table is SentenceTable.load(folder_for(index, index.fingerprint()))
    assert index.passage_table is PassageVectors.load(folder_for(index, index.fingerprint()))
    ids, counts = _passages(index)
    rows = table.rows(ids, counts)
    assert rows is not None and _same_rows(rows, index.sentences(ids, counts))
    lexical = assistant.retriever.lexical
    texts = {lexical.by_id[c].page_content[a:b] for c, a, b, _ in rows}
    assert NEW_SENTENCE in texts


def test_serving_uses_the_table_of_the_state_it_serves_and_a_changed_index_replaces_it(built):
    assistant, corpus = built
    assistant.ask("Vad ska Ludvika göra för det lokala arrangörskapet?")
    served = assistant.index.sentence_table
    assert served is not None

    with (corpus / LUDVIKA_PATH.name).open("a", encoding="utf-8") as handle:
        handle.write(f"\n\n{NEW_SENTENCE}\n")
    assistant.build_index()
    # The old state's tables are dropped at once.
    assert assistant.index.sentence_table is None and assistant.index.passage_table is None
    assistant.ask("Vilken fond inrättar kommunen för poesifestivaler?")
    assert assistant.index.sentence_table is not served
    _serves_the_new_sentence(assistant)


def test_another_process_re_indexing_is_noticed_and_its_table_served(built, e5, monkeypatch):
    assistant, corpus = built
    assistant.ask("Vad ska Ludvika göra för det lokala arrangörskapet?")
    served = assistant.index.sentence_table
    with (corpus / LUDVIKA_PATH.name).open("a", encoding="utf-8") as handle:
        handle.write(f"\n\n{NEW_SENTENCE}\n")
    Index(assistant.settings, e5).build(progress=False)  # "another process"
    monkeypatch.setattr(assistant, "_checked", 0.0)  # its few seconds between looks are over
    assistant.ask("Vilken fond inrättar kommunen för poesifestivaler?")
    assert assistant.index.sentence_table is not served
    _serves_the_new_sentence(assistant)


def test_an_index_saved_before_the_table_reads_chroma_and_the_next_run_adds_it(built, e5):
    assistant, _ = built
    question = "Vad ska Ludvika göra för det lokala arrangörskapet?"
    with_table = assistant.ask(question).to_dict()
    folder = folder_for(assistant.index, assistant.index.fingerprint())
    for name in (
        "sentence_chunks.json",
        "sentence_spans.npy",
        "sentence_vectors.npy",
        "passage_ids.json",
        "passage_vectors.npy",
    ):
        (folder / name).unlink()
    again = Assistant(assistant.settings, embeddings=e5)
    assert again.ask(question).to_dict() == with_table
    assert again.index.sentence_table is None and again.index.passage_table is None
    report = again.index.build(progress=False)
    assert not (report.added or report.updated or report.removed)
    assert SentenceTable.saved(folder) and PassageVectors.saved(folder)


def test_the_ids_only_dense_query_gives_what_the_langchain_query_gave(shared):
    assistant, _ = shared
    retriever = assistant.retriever
    qvec = assistant.index.embeddings.query_vector("Vem ansvarar för folkbiblioteken?")
    # Chroma is asked where no passage vectors are saved (a Chroma server); with them the
    # search is exact (``test_retrieve``: Chroma's approximate search may differ from it).
    table, assistant.index.passage_table = assistant.index.passage_table, None
    try:
        dense, floor = retriever._dense(qvec, None)
    finally:
        assistant.index.passage_table = table
    assert table is not None
    hits = retriever.vectorstore.similarity_search_by_vector_with_relevance_scores(
        qvec.tolist(), k=retriever.candidates
    )
    assert list(dense) == [str(d.id) for d, _ in hits]
    for (_, (doc, cos)), (hit, dist) in zip(dense.items(), hits, strict=True):
        assert cos == (1.0 - float(dist)) * float(np.linalg.norm(qvec))
        assert (doc.page_content, doc.metadata) == (hit.page_content, hit.metadata)
    assert floor == min(cos for _, cos in dense.values())


def test_the_name_free_question_is_embedded_in_the_questions_batch(shared, e5, monkeypatch):
    """A question naming a party: its name-free text (the decision's) rides in one batch with
    the question, and the answer is the one two separate embeddings gave."""
    assistant, _ = shared
    question = "Vad ska Ludvika göra för det lokala arrangörskapet?"
    calls: list[object] = []
    embed = e5.query_vector
    monkeypatch.setattr(embed, "_embed", lambda t, f=embed._embed: calls.append(t) or f(t))
    monkeypatch.setattr(
        embed, "_embed_many", lambda ts, f=embed._embed_many: calls.append(tuple(ts)) or f(ts)
    )
    embed._cache.clear()
    batched = assistant.ask(question).to_dict()
    assert len(calls) == 1 and isinstance(calls[0], tuple) and len(calls[0]) == 2

    monkeypatch.setattr(answering_module, "_nameless", lambda *_: ())
    embed._cache.clear()
    calls.clear()
    separate = assistant.ask(question).to_dict()
    assert len(calls) == 2  # the question, then its name-free text
    assert separate == batched


def test_an_unreadable_table_is_not_used(shared):
    assistant, _ = shared
    index = Index(assistant.settings, assistant.index.embeddings)
    ids, counts = _passages(index)
    folder = folder_for(index, index.fingerprint())
    copy = folder.parent.parent / "copy"
    shutil.copytree(folder, copy)
    (copy / "sentence_vectors.npy").write_bytes(b"not an array")
    assert SentenceTable.load(copy) is None  # unreadable: no table, Chroma answers
    assert index.sentences(ids[:3], counts)


def _resident_mb() -> float:
    status = Path("/proc/self/status").read_text("ascii").splitlines()
    return next(int(ln.split()[1]) / 1024 for ln in status if ln.startswith("VmRSS:"))


@pytest.mark.skipif(_malloc_trim() is None, reason="glibc only")
def test_freed_heap_memory_is_handed_back():
    """What loading frees stays resident under glibc until trimmed (the first answer does)."""
    held = [bytes(2000) + bytes([i % 256]) for i in range(60_000)]  # ~120 MB of heap blocks
    kept = held[::32]  # a few survivors all through the heap: nothing is freed at its top
    before = _resident_mb()
    del held
    assert _resident_mb() > before - 30  # freed, and still resident
    release_freed_memory()
    assert _resident_mb() < before - 60
    assert len(kept) == 1875
