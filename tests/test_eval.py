"""Evaluation: the metrics' arithmetic on tiny sets, and the quality floor on the dev set."""

from __future__ import annotations

import json

import pytest
from helpers import (
    DATA_DIR,
    DEV_JSONL,
    ELEVKULTUROMBUD_Q,
    ELEVKULTUROMBUD_QUOTE,
    SWEFAQ_DIR,
    make_settings,
)

from assistant import Assistant
from assistant.evaluate import EvalQuestion, evaluate, load_questions

EXTRA_QUESTIONS = DATA_DIR / "extra-questions.jsonl"


def test_load_questions_defaults(tmp_path):
    path = tmp_path / "q.jsonl"
    rows = [
        {"question": "Vad gäller?", "evidence": ["x"]},
        {},
        {"id": "u", "question": "Okänt?", "answerable": False, "lang": "sv"},
    ]
    path.write_text("\n".join(json.dumps(r) if r else "" for r in rows), encoding="utf-8")
    assert load_questions(path) == [
        EvalQuestion(id="1", question="Vad gäller?", evidence=["x"], answerable=True, lang="?"),
        EvalQuestion(id="u", question="Okänt?", evidence=[], answerable=False, lang="sv"),
    ]


def test_evaluate_counts_hits_and_misses_exactly(corpus_assistant):
    questions = [
        EvalQuestion("hit", ELEVKULTUROMBUD_Q, [ELEVKULTUROMBUD_QUOTE.upper()], True, "en"),
        # Evidence that occurs nowhere: retrieval cannot find it, citations cannot contain it.
        EvalQuestion("miss", ELEVKULTUROMBUD_Q, ["text som inte finns någonstans"], True, "en"),
        EvalQuestion("refuse", "What is the capital of Norway?", [], False, "en"),
    ]
    report = evaluate(corpus_assistant, questions)
    overall = report.metrics["all"]
    assert overall["questions"] == 3
    assert overall["R@5"] == 0.5
    assert overall["answered_rate"] == 1.0
    assert overall["refusal_rate"] == 1.0
    assert overall["citation_precision"] == 0.5
    assert report.metrics["en"] == overall
    assert [f["id"] for f in report.failures] == ["miss"]
    assert "evidence at rank >10" in report.failures[0]["problem"]
    assert "citations miss the evidence" in report.failures[0]["problem"]
    assert "Failures (1)" in report.table()


def test_dev_set_quality_floor(corpus_assistant):
    if not DEV_JSONL.exists():
        pytest.skip(f"dev set not found at {DEV_JSONL} (it lives outside the repository)")
    questions = load_questions(DEV_JSONL)
    assert len(questions) >= 10
    report = evaluate(corpus_assistant, questions)
    overall = report.metrics["all"]
    detail = report.table()
    assert overall["R@3"] >= 0.95, detail
    assert overall["MRR@10"] >= 0.90, detail
    assert overall["refusal_rate"] == 1.0, detail
    assert overall["answered_rate"] >= 0.9, detail
    assert overall["citation_precision"] == 1.0, detail


def test_swefaq_retrieval_floor(tmp_path, e5):
    """Retrieval on texts the assistant was never tuned on: 219 real questions over FAQ pages."""
    if not SWEFAQ_DIR.exists():
        pytest.skip(f"SweFAQ not found at {SWEFAQ_DIR} (it lives outside the repository)")
    assistant = Assistant(make_settings(tmp_path, SWEFAQ_DIR / "corpus"), embeddings=e5)
    assistant.build_index()
    questions = load_questions(SWEFAQ_DIR / "questions.jsonl")
    overall = evaluate(assistant, questions).metrics["all"]
    assert overall["questions"] == 219
    assert overall["R@1"] >= 0.60, overall
    assert overall["R@3"] >= 0.80, overall


def test_extra_questions_quality_floor(corpus_assistant):
    """Questions written here beside the dev set (tests/data/extra-questions.jsonl): harder
    unanswerable ones that name a party or sound like municipal business, and English ones."""
    report = evaluate(corpus_assistant, load_questions(EXTRA_QUESTIONS))
    overall = report.metrics["all"]
    detail = report.table()
    assert overall["questions"] == 30
    assert overall["R@3"] >= 0.9, detail
    assert overall["refusal_rate"] >= 0.9, detail
    assert overall["answered_rate"] >= 0.8, detail
    assert overall["citation_precision"] == 1.0, detail
