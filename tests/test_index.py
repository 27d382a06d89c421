"""Index: incremental builds by content hash, deletions, rebuilds and the errors that name a fix."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    CORPUS_DIR,
    DOCX,
    DOCX_PATH,
    LUDVIKA,
    LUDVIKA_PATH,
    PDF,
    PDF_PATH,
    STATUTE,
    make_corpus,
    make_settings,
)

from assistant import (
    Assistant,
    CorpusNotFoundError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from assistant.chunking import chunk_document
from assistant.indexing.store import Index
from assistant.ingest import LoadedDocument, load_document

ALL_FOUR = sorted([LUDVIKA, STATUTE, PDF, DOCX])


def _chunk_count(corpus, name) -> int:
    doc = load_document(corpus / name, corpus)
    assert isinstance(doc, LoadedDocument), doc
    return len(chunk_document(doc))


def test_first_build_report(shared):
    report = shared.report
    assert sorted(report.added) == ALL_FOUR
    assert report.updated == [] and report.removed == [] and report.unchanged == []
    assert report.skipped == []
    expected = sum(_chunk_count(shared.corpus, name) for name in ALL_FOUR)
    assert report.passages == expected > 0
    assert report.sentences > report.passages
    assert [d.source for d in shared.assistant.index.documents()] == ALL_FOUR
    assert "4 added" in report.summary()


def test_second_build_embeds_nothing(shared):
    report = shared.assistant.build_index()
    assert report.passages == 0 and report.sentences == 0
    assert sorted(report.unchanged) == ALL_FOUR
    assert report.added == [] and report.updated == [] and report.removed == []


NEW_PARAGRAPH = (
    "- Ludvika kommun och Region Dalarna ska gemensamt arrangera en årlig slöjdfestival i "
    "Grängesberg med hantverkare från hela länet."
)


def test_editing_one_file_reembeds_only_that_file(tmp_path, e5):
    corpus = make_corpus(tmp_path, LUDVIKA_PATH, DOCX_PATH)
    assistant = Assistant(make_settings(tmp_path, corpus), embeddings=e5)
    first = assistant.build_index()
    assert sorted(first.added) == sorted([LUDVIKA, DOCX])

    # Add a paragraph to the last page, before its letterhead.
    path = corpus / LUDVIKA
    text = path.read_text(encoding="utf-8")
    head, tail = text.rsplit("Postadress", 1)
    path.write_text(f"{head.rstrip()}\n{NEW_PARAGRAPH}\n\nPostadress{tail}", encoding="utf-8")

    report = assistant.build_index()
    assert report.updated == [LUDVIKA]
    assert report.unchanged == [DOCX]
    assert report.added == [] and report.removed == []
    assert report.passages == _chunk_count(corpus, LUDVIKA)

    stored = assistant.index.document(LUDVIKA)
    assert stored is not None
    assert NEW_PARAGRAPH.removeprefix("- ") in stored.pages[3]
    assert "Box 712" not in stored.pages[3]
    hits = assistant.search("slöjdfestival i Grängesberg", k=1)
    assert "slöjdfestival i Grängesberg" in hits[0].text
    assert hits[0].page == 4
    # The old passages of the edited file are gone: every stored passage is a current chunk.
    current = {c.id for c in chunk_document(load_document(path, corpus))}
    stored_ids = {str(p.id) for p in assistant.index.passages() if p.metadata["source"] == LUDVIKA}
    assert stored_ids == current


def test_deleting_a_file_removes_its_passages(tmp_path, e5):
    corpus = make_corpus(tmp_path, PDF_PATH, DOCX_PATH)
    assistant = Assistant(make_settings(tmp_path, corpus), embeddings=e5)
    assistant.build_index()
    question = "När ska ansökan om kulturstöd lämnas?"
    assert assistant.search(question, k=1)[0].source == DOCX

    (corpus / DOCX).unlink()
    report = assistant.build_index()
    assert report.removed == [DOCX]
    assert report.unchanged == [PDF]
    assert report.passages == 0
    assert all(p.source == PDF for p in assistant.search(question, k=20))
    assert assistant.index.document(DOCX) is None
    assert [d.source for d in assistant.documents()] == [PDF]
    assert {p.metadata["source"] for p in assistant.index.passages()} == {PDF}


def test_rebuild_re_embeds_everything(tmp_path, e5):
    corpus = make_corpus(tmp_path, PDF_PATH, DOCX_PATH)
    assistant = Assistant(make_settings(tmp_path, corpus), embeddings=e5)
    first = assistant.build_index()
    report = assistant.build_index(rebuild=True)
    assert sorted(report.updated) == sorted([PDF, DOCX])
    assert report.unchanged == [] and report.added == []
    assert report.passages == first.passages == sum(_chunk_count(corpus, n) for n in (PDF, DOCX))
    assert len(assistant.index.passages()) == report.passages
    assert assistant.search("bokbuss", k=1)[0].source == PDF


def test_skipped_files_are_reported_and_the_rest_indexes(tmp_path, e5):
    corpus = make_corpus(tmp_path, DOCX_PATH)
    (corpus / "budget.csv").write_text("år;belopp\n2021;100\n", encoding="utf-8")
    (corpus / "tom.txt").write_text("", encoding="utf-8")
    (corpus / "trasig.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    assistant = Assistant(make_settings(tmp_path, corpus), embeddings=e5)
    report = assistant.build_index()
    assert sorted(s.source for s in report.skipped) == ["budget.csv", "tom.txt", "trasig.txt"]
    assert all(s.reason for s in report.skipped)
    assert report.added == [DOCX]
    assert report.passages == _chunk_count(corpus, DOCX)
    assert "3 skipped" in report.summary() and "skipped budget.csv" in report.summary()
    assert [d.source for d in assistant.documents()] == [DOCX]
    assert assistant.search("kulturstöd", k=1)[0].source == DOCX


def test_empty_index_dir_raises_index_not_found(tmp_path, e5):
    (tmp_path / "index").mkdir()
    assistant = Assistant(make_settings(tmp_path, CORPUS_DIR), embeddings=e5)
    with pytest.raises(IndexNotFoundError, match="assistant index"):
        assistant.ask("Vad gör regionen inom Skapande skola?")
    with pytest.raises(IndexNotFoundError):
        assistant.search("Skapande skola")
    assert not Index(assistant.settings, e5).exists()


def test_index_built_with_e5_opened_with_minilm_is_a_mismatch(shared, minilm_model):
    settings = shared.settings.model_copy(update={"embedding_model": minilm_model})
    assert Index(settings).name != shared.assistant.index.name
    with pytest.raises(IndexModelMismatchError, match="assistant index --rebuild"):
        Assistant(settings).ask("Vad gör regionen inom Skapande skola?")


def test_missing_corpus_dir_raises(tmp_path, e5):
    settings = make_settings(tmp_path, tmp_path / "finns-inte")
    with pytest.raises(CorpusNotFoundError, match="finns-inte"):
        Index(settings, e5).build(progress=False)


def test_sidecar_edit_reindexes_and_a_broken_file_leaves_the_index(tmp_path, e5):
    corpus = make_corpus(tmp_path, DOCX_PATH)
    assistant = Assistant(make_settings(tmp_path, corpus), embeddings=e5)
    assistant.build_index()

    (corpus / f"{DOCX}.meta.json").write_text('{"title": "Kulturstödsregler"}', encoding="utf-8")
    report = assistant.build_index()
    assert report.updated == [DOCX] and report.added == []
    assert report.passages == _chunk_count(corpus, DOCX)
    assert [d.title for d in assistant.documents()] == ["Kulturstödsregler"]
    assert assistant.search("kulturstöd", k=1)[0].title == "Kulturstödsregler"

    # The file turns unreadable: it is reported as skipped and nothing stale stays behind.
    (corpus / DOCX).write_bytes(b"PK\x03\x04 not really a zip")
    report = assistant.build_index()
    assert [s.source for s in report.skipped] == [DOCX]
    assert report.removed == [DOCX]
    assert assistant.index.passages() == []
    assert assistant.index.document(DOCX) is None


def test_the_building_process_reads_exact_neighbours_after_a_build(tmp_path, e5):
    """chromadb's embedded store could answer the writing process from a state missing true
    neighbours (about one build in three); the index reopens the store after writing."""
    assistant = Assistant(make_settings(tmp_path, CORPUS_DIR), embeddings=e5)
    assistant.build_index()
    index = assistant.index
    col = index.client.get_collection(index.name)
    got = col.get(include=["embeddings"])
    vectors = np.asarray(got["embeddings"], dtype=np.float32)
    for vec in vectors:
        found = col.query(query_embeddings=[vec], n_results=10)["ids"][0]
        exact = [got["ids"][j] for j in np.argsort(-(vectors @ vec))[:10]]
        assert set(found) == set(exact)
