"""Smoke test of the benchmark's corpus generator (no timing: the benchmark is `make bench`)."""

from helpers import LUDVIKA_PATH

from assistant.ingest import load_document
from bench.corpus import generate


def test_generator_writes_agreements_the_ingest_reads(tmp_path):
    paths = generate(2, tmp_path, LUDVIKA_PATH)

    assert sorted(paths) == sorted(tmp_path.iterdir())
    assert len(paths) == 2
    docs = [load_document(p, tmp_path) for p in paths]
    for path, doc in zip(paths, docs, strict=True):
        text = path.read_text(encoding="utf-8")
        assert "Ludvika" not in text  # a fictional municipality instead
        assert doc.metadata["parties"][1] == "Region Dalarna"
        assert len(doc.pages) >= 3  # a running header the ingest recognises
        assert not any("Postadress" in page for page in doc.pages)  # letterhead removed
    assert docs[0].metadata["parties"][0] != docs[1].metadata["parties"][0]


def test_recall_counts_ranks_exactly():
    from bench.questions import DevQuestion, recall

    dev = [
        DevQuestion("a", ("Svar A",), True),
        DevQuestion("b", ("svar  b",), True),
        DevQuestion("c", ("finns inte",), True),
        DevQuestion("d", (), False),
    ]
    ranked = {"a": ["svar a här", "x", "y"], "b": ["x", "Svar B.", "y"], "c": ["x", "y", "z"]}
    assert recall(lambda q: ranked[q], dev) == {"questions": 3, "R@1": 0.333, "R@3": 0.667}
