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
from assistant.evaluate import EvalQuestion, _relevant, evaluate, load_questions

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


def test_evidence_copied_from_markdown_meets_the_passage_the_reader_made():
    # The Markdown reader drops "**" and link syntax; an evidence string copied from the .md
    # source keeps them, and must still be found in the passage.
    passage = "Strategin tar avstamp i 110 000 invånare år 2035, se SFS 2003:778."
    assert _relevant(passage, ["i **110 000 invånare år 2035**,"])
    assert _relevant(passage, ["se [SFS 2003:778](https://example.org/sfs)."])
    assert not _relevant(passage, ["**120 000 invånare**"])


def test_a_list_quoted_with_semicolons_holds_evidence_copied_with_bullets():
    quote = "Arbetet kräver tre stödområden: Kompetens; Kommunikation; Verktyg"
    assert _relevant(quote, ["tre stödområden: • Kompetens • Kommunikation • Verktyg"])
    assert not _relevant(quote, ["tre stödområden: • Kompetens • Samverkan"])


def test_evidence_copied_across_a_broken_line_meets_the_joined_word():
    # a PDF export's line-end hyphen, copied with its line break: the passage joins the word
    assert _relevant("Staden Göteborgs va-taxa.", ["Staden Göte-\nborgs va-taxa."])
    assert _relevant("Ägare av IS/IT-tjänst ansvarar.", ["Ägare av IS/IT-\ntjänst ansvarar"])
    # a suspended compound keeps its hyphen and space; another word is no match
    assert _relevant("prövas av mark- och miljödomstolen", ["mark- och miljödomstolen"])
    assert not _relevant("prövas av markoch miljödomstolen", ["mark- och miljödomstolen"])
    assert not _relevant("Staden Götebos va-taxa.", ["Staden Göte-\nborgs va-taxa."])


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
    assert overall["quote_precision"] == 0.5  # the hit's quoted sentence holds its evidence
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
    assert len(questions) == 219
    # Retrieval only (the answers are measured by `eval --suite`): the rank of the first passage
    # holding the evidence among the three best, as `evaluate` counts it.
    ranks = [
        next(
            (
                i
                for i, p in enumerate(assistant.search(q.question, k=3))
                if _relevant(p.text, q.evidence)
            ),
            3,
        )
        for q in questions
    ]
    r1, r3 = (sum(r < n for r in ranks) / len(ranks) for n in (1, 3))
    assert r1 >= 0.60, (r1, r3)
    assert r3 >= 0.80, (r1, r3)


def test_extra_questions_quality_floor(corpus_assistant):
    """Questions written here beside the dev set (tests/data/extra-questions.jsonl): harder
    unanswerable ones that name a party or sound like municipal business, and English ones."""
    report = evaluate(corpus_assistant, load_questions(EXTRA_QUESTIONS))
    overall = report.metrics["all"]
    detail = report.table()
    assert overall["questions"] == 30
    assert overall["R@3"] >= 0.9, detail
    assert overall["refusal_rate"] >= 0.9, detail
    assert overall["answered_rate"] >= 0.9, detail
    # Not 1.0 yet: h01 ("Which institutions tour …") is answered from a sentence of the right
    # page but not the evidence sentence; sentence choice, not the decision, is what to fix there
    # (preferring the sentence that names the question's focus fixed it but cost SweFAQ and
    # byggfaq more answers than it gained: README "Answer or refuse").
    assert overall["citation_precision"] >= 0.9, detail


# --- eval --suite ---------------------------------------------------------------------------------

TINY_TEXT = """Överenskommelse om kulturskola mellan Norrby kommun och Region Västmark 2024

Norrby kommun ska erbjuda kulturskola i dans och teater för alla barn i årskurs fyra.

Regionen ska betala ett bidrag på 200 000 kronor per år till kulturskolan.

Överenskommelsen gäller från den 1 januari 2024 till den 31 december 2026.
"""


def _tiny_suite(tmp_path):
    corpus = tmp_path / "repo" / "texts"
    corpus.mkdir(parents=True)
    (corpus / "norrby-kulturskola.txt").write_text(TINY_TEXT, encoding="utf-8")
    rows = [
        {
            "id": "s1",
            "lang": "sv",
            "question": "Vilka ämnen ska kulturskolan i Norrby erbjuda?",
            "evidence": ["kulturskola i dans och teater"],
        },
        {
            "id": "e1",
            "lang": "en",
            "question": "How much does the region pay to the arts school?",
            "evidence": ["bidrag på 200 000 kronor"],
        },
        {
            "id": "u1",
            "lang": "en",
            "question": "What is the capital of Norway?",
            "answerable": False,
        },
    ]
    questions = tmp_path / "repo" / "eval" / "tiny.jsonl"
    questions.parent.mkdir(parents=True)
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    suite = tmp_path / "repo" / "eval" / "suite.toml"
    suite.write_text(
        'root = ".."\n'
        '[[sets]]\nname = "tiny"\nquestions = "eval/tiny.jsonl"\ncorpus = ["texts"]\n'
        '[[sets]]\nname = "elsewhere"\nquestions = "../nowhere/q.jsonl"\ncorpus = ["texts"]\n',
        encoding="utf-8",
    )
    return suite


def test_suite_rows_by_language_worst_and_skipped_set(tmp_path, e5, monkeypatch):
    from assistant.suite import load_suite, run_suite

    suite = _tiny_suite(tmp_path)
    sets = load_suite(suite)
    assert [s.name for s in sets] == ["tiny", "elsewhere"]
    assert sets[1].missing == [(tmp_path / "nowhere" / "q.jsonl").resolve()]
    settings = make_settings(tmp_path)
    cache = tmp_path / "cache"
    report = run_suite(sets, settings, cache=cache, embeddings=e5)
    tiny, elsewhere = report.rows
    assert elsewhere["status"] == "skipped" and "nowhere" in elsewhere["reason"]
    assert tiny["status"] == "ok"
    by_lang = tiny["metrics"]
    assert (
        by_lang["sv"]["questions"],
        by_lang["en"]["questions"],
        by_lang["all"]["questions"],
    ) == (1, 2, 3)
    assert by_lang["all"]["R@1"] == 1.0  # one small document: its passage holds both answers
    assert by_lang["sv"]["refused"] is None  # no unanswerable Swedish question: not 0
    assert by_lang["en"]["unanswerable"] == 1
    worst = report.worst
    assert worst["all"]["R@3"] == {"value": 1.0, "set": "tiny"}
    assert "refused" not in worst["sv"]
    table = report.table()
    assert "| tiny | en | 2 |" in table and "skipped: missing" in table and "**worst**" in table
    # A second run reuses the cached index: nothing is indexed again.
    [home] = [p for p in cache.iterdir() if p.is_dir()]
    assert (home / "indexed").exists() and (home / "corpus" / "norrby-kulturskola.txt").exists()

    def no_build(self, *args, **kwargs):
        raise AssertionError("the cached index was built again")

    monkeypatch.setattr("assistant.core.Assistant.build_index", no_build)
    again = run_suite(sets[:1], settings, cache=cache, embeddings=e5)
    assert again.rows[0]["metrics"] == tiny["metrics"]


def test_suite_cache_key_follows_files_chunker_and_model(tmp_path, monkeypatch):
    from assistant import suite
    from assistant.suite import corpus_content, corpus_key

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Text ett.", encoding="utf-8")
    settings = make_settings(tmp_path)
    key, content = corpus_key([folder], settings), corpus_content([folder])
    assert corpus_key([folder], settings) == key
    other_model = settings.model_copy(update={"embedding_model": "sentence-transformers:x"})
    assert corpus_key([folder], other_model) != key
    monkeypatch.setattr(suite, "CHUNKER_VERSION", "0")
    assert corpus_key([folder], settings) != key
    # The corpus's identity (fit_data's sample salt) is its files alone.
    assert corpus_content([folder]) == content
    (folder / "a.txt").write_text("Text två.", encoding="utf-8")
    assert corpus_key([folder], settings) != key
    assert corpus_content([folder]) != content


def test_eval_suite_cli_json(tmp_path, e5):
    """`assistant eval --suite FILE --json` in a subprocess (its own e5), over a cached index."""
    import os
    import subprocess
    import sys

    suite = _tiny_suite(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_INDEX_DIR=str(tmp_path / "unused"), HF_HUB_OFFLINE="1")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "eval",
            "--suite",
            str(suite),
            "--json",
            "--cache",
            str(tmp_path / "cache"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [r["name"] for r in data["sets"]] == ["tiny", "elsewhere"]
    assert data["sets"][0]["metrics"]["all"]["questions"] == 3
    assert data["worst"]["en"]["R@1"]["set"] == "tiny"
    bad = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--suite", str(tmp_path / "none.toml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and "No suite file" in bad.stderr


def test_suite_file_without_sets_or_with_one_corpus_string(tmp_path):
    from assistant.errors import AssistantError
    from assistant.suite import load_suite

    misspelt = tmp_path / "misspelt.toml"
    misspelt.write_text('[[set]]\nname = "a"\nquestions = "q.jsonl"\n', encoding="utf-8")
    with pytest.raises(AssistantError, match=r"lists no \[\[sets\]\]"):
        load_suite(misspelt)
    (tmp_path / "texts").mkdir()
    (tmp_path / "q.jsonl").write_text("", encoding="utf-8")
    one = tmp_path / "one.toml"
    one.write_text(
        '[[sets]]\nname = "a"\nquestions = "q.jsonl"\ncorpus = "texts"\n', encoding="utf-8"
    )
    [only] = load_suite(one)
    assert only.missing == []
    assert only.parts[0][1] == [(tmp_path / "texts").resolve()]
