"""Paths, names and small helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import Settings

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO / "corpus"
DATA_DIR = Path(__file__).resolve().parent / "data"
DEV_JSONL = Path(__file__).resolve().parents[2] / "shared/eval/dev.jsonl"
SWEFAQ_DIR = DEV_JSONL.parent / "swefaq"

LUDVIKA = "overenskommelse-ludvika-region-dalarna-2019-2022.txt"
STATUTE = "sfs-2013-801-bibliotekslag.md"
PDF = "fixture-agreement.pdf"
DOCX = "fixture-riktlinje.docx"

LUDVIKA_PATH = CORPUS_DIR / LUDVIKA
STATUTE_PATH = CORPUS_DIR / STATUTE
PDF_PATH = DATA_DIR / PDF
DOCX_PATH = DATA_DIR / DOCX

ELEVKULTUROMBUD_Q = "what did Ludvika commit to regarding elevkulturombud"
ELEVKULTUROMBUD_QUOTE = "Ludvika kommun ska bereda sina kommunala elevkulturombud"


def make_corpus(root: Path, *files: Path) -> Path:
    """A corpus folder under ``root`` holding copies of ``files``."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy2(f, corpus / f.name)
    return corpus


def make_settings(root: Path, corpus: Path | None = None, **overrides) -> Settings:
    """Settings with the corpus and the index inside ``root`` (the index folder need not exist)."""
    # Every test client shares 127.0.0.1: only the tests of the limit itself switch it on.
    overrides.setdefault("rate_limit_per_minute", 0)
    return Settings(
        corpus_dir=corpus if corpus is not None else root / "corpus",
        index_dir=root / "index",
        **overrides,
    )


def load_text(root: Path, name: str, text: str) -> Any:
    """``text`` written to ``root/name`` and loaded as the ingest loads a corpus file."""
    from assistant.ingest import load_document

    path = root / name
    path.write_text(text, encoding="utf-8")
    return load_document(path, root)


def indexed_texts(root: Path, texts: dict[str, str], embeddings: Any) -> Any:
    """A real Chroma ``Index`` over ``texts`` (file name -> text) written into ``root/corpus``."""
    from assistant.indexing.store import Index

    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, "utf-8")
    index = Index(make_settings(root, corpus), embeddings)
    index.build(progress=False)
    return index


def query_of(question: str, search_text: str | None = None, **fields: Any) -> Any:
    """A Swedish ``Query`` typed as ``question`` (searched as ``search_text``), other fields as
    given: the analysed question a stage reads, without the analyser."""
    from assistant.query import Query

    text = question if search_text is None else search_text
    base = dict(
        text=question,
        question=question,
        language="sv",
        normalized=question,
        search_text=text,
        folded=text.casefold(),
    )
    return Query(**(base | fields))


def first_cited(answer: Any) -> tuple[str, str, str]:
    """(source, passage kind, quote) of an answer's first citation: a document fact answered
    from the document's own line reads (its file, "passage", the line's words)."""
    first = answer.citations[0]
    return first.passage.source, first.passage.kind, first.quote


def assistant_over_texts(root: Path, texts: dict[str, str], embeddings: Any) -> Any:
    """An indexed ``Assistant`` over ``texts`` (file name -> text) written into ``root/corpus``."""
    from assistant import Assistant

    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, "utf-8")
    assistant = Assistant(make_settings(root, corpus), embeddings=embeddings)
    assistant.build_index()
    return assistant


def answered_over(root: Path, texts: dict[str, str], embeddings: Any, question: str) -> Any:
    """``question``'s answer over ``texts`` (``assistant_over_texts``); asserts it is answered."""
    answer = assistant_over_texts(root, texts, embeddings).ask(question)
    assert answer.answered, answer.answer
    return answer


def rescored_by_best_sentence(index: Any, retriever: Any, qvec: Any, weight: float) -> dict:
    """Exact ground truth for the retriever's sentence re-scoring: every passage's
    ``(1 - weight) * cosine + weight * best sentence cosine`` for the query vector ``qvec``."""
    vectors = index.passage_vectors([str(d.id) for d in retriever.lexical.docs])
    counts = {d.id: d.metadata["sentences"] for d in retriever.lexical.docs}
    best: dict[str, float] = {}
    for chunk, _, _, vec in index.sentences(list(vectors), counts):
        best[chunk] = max(best.get(chunk, -1.0), float(vec @ qvec))
    return {pid: (1 - weight) * float(v @ qvec) + weight * best[pid] for pid, v in vectors.items()}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StubDocument:
    """The fields of a StoredDocument that validity and time-scope rules read."""

    source: str
    title: str
    doc_type: str = "agreement"
    metadata: dict[str, Any] = field(default_factory=dict)


def asked(question: str, language: str = "sv") -> Any:
    """The few fields of an analysed question the answer-kind rules read (``absent_kind``)."""
    from types import SimpleNamespace

    from assistant.folding import fold
    from assistant.intent import wanted_answer

    folded = fold(question)
    return SimpleNamespace(
        folded=folded, search_text=question, language=language, wants=wanted_answer(folded)
    )


def read_sentences(*sentences: str, section: str = "") -> list[Any]:
    """Candidates ranked as given (a sentence known only by its text is read without context),
    under the heading path ``section``."""
    from types import SimpleNamespace

    return [
        SimpleNamespace(
            text=s,
            score=1.0 - i / 10,
            passage=SimpleNamespace(text=s, kind="text", section=section),
        )
        for i, s in enumerate(sentences)
    ]


def sentence_lifts(over: Any, query: Any, folded: str, passages: list[Any]) -> dict[str, float]:
    """Each sentence's lift (``sentence_scores``) in ``passages`` for ``query`` read with
    ``folded`` as its folded text."""
    import dataclasses

    from assistant.sentence_scores import score_sentences

    documents = {d.source: d for d in over.documents()}
    question = dataclasses.replace(query, folded=folded)
    return {c.text: c.lift for c in score_sentences(over.index, question, passages, documents)}
