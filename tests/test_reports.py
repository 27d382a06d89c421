"""Honest reports: the index summary names pages without a text layer, files with no text,
undecodable files and copies (indexed once); `assistant passages --json` shows what is indexed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF
from helpers import LUDVIKA, LUDVIKA_PATH, make_settings

from assistant import Assistant
from assistant.indexing.records import IndexReport
from assistant.ingest import Skipped
from assistant.ingest.duplicates import byte_copies, near_copies

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
COPY = LUDVIKA.replace(".txt", " (kopia).txt")
PASSAGES_KEYS = {"source", "title", "card", "removed", "passages"}


def test_summary_names_every_kind_of_problem():
    report = IndexReport(
        skipped=[Skipped("skannad.pdf", "no text layer on any page: scanned? OCR it")],
        duplicates=[("a (kopia).txt", "a.txt", "the same bytes as")],
        empty_pages={"bilaga.pdf": [2, 4]},
    )
    lines = report.summary().split("\n")
    assert "1 skipped, 1 duplicates;" in lines[0]
    assert lines[1:] == [
        "  skipped skannad.pdf: no text layer on any page: scanned? OCR it",
        "  page 2 of bilaga.pdf has no text layer: scanned? OCR it",
        "  page 4 of bilaga.pdf has no text layer: scanned? OCR it",
        "  duplicate a (kopia).txt: the same bytes as a.txt; indexed once, as a.txt",
    ]


def test_byte_copies_keep_the_indexed_file_else_the_shorter_name():
    hashes = {"a (kopia).txt": "h1", "a.txt": "h1", "b.txt": "h2", "Kopia av b.txt": "h2"}
    assert byte_copies(hashes, known={}) == {"a (kopia).txt": "a.txt", "Kopia av b.txt": "b.txt"}
    # Already indexed under the longer name: that one stays, the new short name is the copy.
    assert byte_copies(hashes, known={"Kopia av b.txt": "h2"})["b.txt"] == "Kopia av b.txt"


PARAS = [f"Stycke {i} om kultur i kommunen och regionen, med fler ord." for i in range(10)]


def test_near_copies_nearly_all_paragraphs_the_same():
    page = "\n\n".join(PARAS)
    resaved = "\n\n".join(PARAS[:-1] + [PARAS[-1].upper()])  # one paragraph case-changed
    edited = "\n\n".join(PARAS[:-1] + ["Ett helt nytt sista stycke med annat innehåll."])
    assert near_copies([("a.txt", [page]), ("a.md", [resaved])], keep=set()) == {"a.txt": "a.md"}
    assert near_copies([("a.txt", [page]), ("b.txt", [edited])], keep={"a.txt"}) == {
        "b.txt": "a.txt"
    }
    # Same template, other party in most paragraphs: two documents.
    other = (
        "\n\n".join(p.replace("kommunen", "Sjöby kommun") for p in PARAS[:6])
        + "\n\n"
        + "\n\n".join(PARAS[6:])
    )
    assert near_copies([("a.txt", [page]), ("c.txt", [other])], keep=set()) == {}


def _pdf(path: Path, pages: list[str | None], image: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", FONT)
    for text in pages:
        pdf.add_page()
        if text is None:
            pdf.image(str(image), x=20, y=20, w=150)  # a scanned page: an image, no text layer
        else:
            pdf.set_font("DV", "", 11)
            pdf.set_xy(20, 30)
            pdf.cell(0, 6, text)
    pdf.output(str(path))


@pytest.fixture(scope="module")
def reported(tmp_path_factory, e5):
    from PIL import Image

    root = tmp_path_factory.mktemp("reports")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / LUDVIKA).write_bytes(LUDVIKA_PATH.read_bytes())
    (corpus / COPY).write_bytes(LUDVIKA_PATH.read_bytes())
    image = root / "scan.png"
    Image.new("RGB", (60, 60), "white").save(image)
    _pdf(corpus / "bilaga.pdf", ["Bilaga 1: ersättningar för turnerande scenkonst.", None], image)
    _pdf(corpus / "skannad.pdf", [None], image)
    (corpus / "trasig.txt").write_bytes(b"\x00\xff\x00\xfe\x01\x02\x03\x04\x05\x06\x07")
    settings = make_settings(root, corpus)
    assistant = Assistant(settings, embeddings=e5)
    return assistant, assistant.build_index(), corpus, root


def test_index_summary_reports_scans_copies_and_undecodable_files(reported):
    assistant, report, _, _ = reported
    summary = report.summary()
    assert "  page 2 of bilaga.pdf has no text layer: scanned? OCR it" in summary
    assert "  skipped skannad.pdf: no text layer on any page: scanned? OCR it" in summary
    assert "  skipped trasig.txt: could not read: binary content" in summary
    assert f"  duplicate {COPY}: the same bytes as {LUDVIKA}; indexed once, as {LUDVIKA}" in summary
    assert sorted(report.added) == ["bilaga.pdf", LUDVIKA]
    assert [d.source for d in assistant.documents()] == ["bilaga.pdf", LUDVIKA]
    sources = {p.metadata["source"] for p in assistant.index.passages()}
    assert COPY not in sources


def test_copy_stays_reported_and_unindexed_on_the_next_run(reported):
    assistant, _, _, _ = reported
    again = assistant.build_index()
    assert again.duplicates == [(COPY, LUDVIKA, "the same bytes as")]
    assert again.passages == 0 and COPY not in again.unchanged


def test_passages_json_per_document(reported):
    _, _, corpus, root = reported
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(root / "index"))
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "passages", "--document", "bilaga.pdf", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    docs = json.loads(done.stdout)
    assert [d["source"] for d in docs] == ["bilaga.pdf"]
    assert set(docs[0]) == PASSAGES_KEYS
    passages = docs[0]["passages"]
    assert passages and all(set(p) == {"id", "page", "section", "text"} for p in passages)
    assert any("turnerande scenkonst" in p["text"] for p in passages)
    assert isinstance(docs[0]["removed"], list) and docs[0]["card"]
