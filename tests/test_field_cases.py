"""Field cases (../shared/eval/field): each case's questions pass, checked the way
``tools/check_cases.py`` checks them, and the README expectations that belong to readers and
reports hold. Each case is indexed on its own (fresh corpus and index in tmp_path), in-process with
the session's e5 so the model loads once (check_cases.py spawns two processes per case)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from helpers import make_settings

from assistant import Assistant

FIELD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "field"
CASES = sorted(p.name for p in FIELD.glob("[0-9]*") if (p / "questions.jsonl").exists())

pytestmark = pytest.mark.skipif(not CASES, reason="../shared/eval/field is not present")


def _checker():
    """check_cases.py's own normaliser, imported from the shared folder (same rules as acceptance)."""
    spec = importlib.util.spec_from_file_location("check_cases", FIELD / "tools" / "check_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def question_ok(assistant: Assistant, q: dict, norm) -> bool:
    """check_cases.py's CHILD rule: answered with an evidence string in a cited quote or passage
    (every citation from expected_source, if given); unanswerable ones refused."""
    kw = {k: q[k] for k in ("document", "history") if q.get(k)}
    d = assistant.ask(q["question"], **kw).to_dict()
    cited = " ".join(
        (c.get("quote") or "") + " " + (c.get("passage") or "") for c in d["citations"]
    )
    has = any(norm(e) in norm(cited) for e in q.get("evidence") or [])
    ok = (d["answered"] and has) if q.get("answerable", True) else not d["answered"]
    if ok and q.get("expected_source"):
        ok = all((c.get("source") or "").endswith(q["expected_source"]) for c in d["citations"])
    return bool(ok)


class Case:
    def __init__(self, name: str, root: Path, e5) -> None:
        self.name = name
        corpus = root / "corpus"
        shutil.copytree(FIELD / name / "corpus", corpus)
        self.assistant = Assistant(make_settings(root, corpus), embeddings=e5)
        self.report = self.assistant.build_index()
        lines = (FIELD / name / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        self.questions = [json.loads(ln) for ln in lines if ln.strip()]

    def passages(self, source: str | None = None) -> list[dict]:
        return [p for d in self.assistant.passages(source) for p in d["passages"]]


_built: dict[str, Case] = {}


@pytest.fixture
def case(request, tmp_path_factory, e5) -> Case:
    name = request.param
    if name not in _built:
        _built[name] = Case(name, tmp_path_factory.mktemp(name[:20]), e5)
    return _built[name]


@pytest.mark.parametrize("case", CASES, indirect=True)
def test_case_questions_pass(case):
    norm = _checker().norm
    failed = [q["id"] for q in case.questions if not question_ok(case.assistant, q, norm)]
    assert failed == [], f"{case.name}: {failed}"


def _only(name: str):
    return pytest.mark.parametrize(
        "case", [c for c in CASES if c.startswith(name)] or [name], indirect=True
    )


@_only("04")
def test_04_summary_names_the_scan_and_the_image_page(case):
    summary = case.report.summary()
    assert (
        "  skipped sjovik-kulturskola-skannad.pdf: no text layer on any page: scanned? OCR it"
        in summary
    )
    assert (
        "  page 2 of sjovik-bilaga-delvis-skannad.pdf has no text layer: scanned? OCR it" in summary
    )


@_only("05")
def test_05_table_under_its_heading_and_merged_cell_once(case):
    rows = [p for p in case.passages() if "310 000 kr" in p["text"]]
    assert rows and all(p["section"].endswith("Regionens bidrag") for p in rows)
    merged = "Beloppen räknas upp med 2 procent per år"
    assert sum(p["text"].count(merged) for p in case.passages()) == 1


@_only("06")
def test_06_header_facts_reach_the_card(case):
    (doc,) = case.assistant.passages()
    assert "KS 2024/0173" in doc["card"] and "2024-03-12" in doc["card"]


@_only("08")
def test_08_copy_reported_and_indexed_once(case):
    original = "overenskommelse-ludvika-region-dalarna-2019-2022.txt"
    copy = "overenskommelse-ludvika-region-dalarna-2019-2022 (kopia).txt"
    assert (copy, original, "the same bytes as") in case.report.duplicates
    assert [d.source for d in case.assistant.documents()].count(original) == 1
    assert copy not in [d.source for d in case.assistant.documents()]


@_only("14")
def test_14_markers_set_apart_and_footnotes_are_passages(case):
    texts = [p["text"] for p in case.passages()]
    assert not any("unga1" in t or "kostnad2" in t or "resekostnader3" in t for t in texts)
    assert any("barn och unga[1]" in t for t in texts)
    notes = [p for p in case.passages() if "personer under 19 år" in p["text"]]
    assert len(notes) == 1 and notes[0]["page"] == 1
    assert notes[0]["text"] == "Med barn och unga avses här personer under 19 år."
