"""The CLI's JSON contract and exit codes, run as a real subprocess (``python -m assistant``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ELEVKULTUROMBUD_Q, ELEVKULTUROMBUD_QUOTE, LUDVIKA, LUDVIKA_PATH, STATUTE_PATH

from assistant import Settings

ASK_KEYS = {"question", "answered", "answer", "language", "citations", "related"}
CITATION_KEYS = {"n", "source", "title", "page", "section", "quote", "passage", "score"}
PASSAGE_KEYS = {"rank", "id", "source", "title", "page", "section", "text", "score"}
METRIC_KEYS = {
    "R@1",
    "R@3",
    "R@5",
    "MRR@10",
    "answered_rate",
    "refusal_rate",
    "citation_precision",
    "quote_precision",
}


def run_cli(
    *args: str, corpus: Path, index: Path, timeout: float = 180
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index))
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def cli_dirs(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of the agreement and the statute, indexed by `assistant index --quiet`."""
    root = tmp_path_factory.mktemp("cli")
    corpus = root / "corpus"
    corpus.mkdir()
    for f in (LUDVIKA_PATH, STATUTE_PATH):
        (corpus / f.name).write_bytes(f.read_bytes())
    index = root / "index"
    done = run_cli("index", "--quiet", corpus=corpus, index=index)
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stdout
    return corpus, index


def test_index_again_reports_everything_unchanged(cli_dirs):
    done = run_cli("index", "--quiet", corpus=cli_dirs[0], index=cli_dirs[1])
    assert done.returncode == 0, done.stderr
    assert "0 added" in done.stdout and "2 unchanged" in done.stdout
    assert "0 passages" in done.stdout


def test_ask_json_contract(cli_dirs):
    done = run_cli("ask", ELEVKULTUROMBUD_Q, "--json", corpus=cli_dirs[0], index=cli_dirs[1])
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == ASK_KEYS
    assert data["question"] == ELEVKULTUROMBUD_Q
    assert data["answered"] is True
    assert data["language"] == "en"
    assert data["citations"]
    for i, citation in enumerate(data["citations"], start=1):
        assert set(citation) == CITATION_KEYS
        assert citation["n"] == i
        assert citation["quote"] in citation["passage"]
        assert isinstance(citation["page"], int) and isinstance(citation["score"], float)
    first = data["citations"][0]
    assert first["quote"].startswith(ELEVKULTUROMBUD_QUOTE)
    assert (first["source"], first["page"]) == (LUDVIKA, 3)
    assert data["related"] == []


def test_ask_json_refusal_lists_related_passages(cli_dirs):
    done = run_cli(
        "ask", "What is the capital of Norway?", "--json", corpus=cli_dirs[0], index=cli_dirs[1]
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == ASK_KEYS
    assert data["answered"] is False and data["citations"] == []
    assert data["related"]
    for i, passage in enumerate(data["related"], start=1):
        assert set(passage) == PASSAGE_KEYS
        assert passage["rank"] == i


def test_search_json_contract(cli_dirs):
    question = "Vad gör regionen inom Skapande skola?"
    done = run_cli("search", question, "--json", "-k", "3", corpus=cli_dirs[0], index=cli_dirs[1])
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"question", "passages"}
    assert data["question"] == question
    assert len(data["passages"]) == 3
    for passage in data["passages"]:
        assert set(passage) == PASSAGE_KEYS
    assert [p["rank"] for p in data["passages"]] == [1, 2, 3]
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert "Skapande skola" in data["passages"][0]["text"]


def test_error_exits_2_with_one_line_naming_the_fix(tmp_path):
    (tmp_path / "index").mkdir()
    done = run_cli(
        "ask", "Vad gör regionen?", "--json", corpus=LUDVIKA_PATH.parent, index=tmp_path / "index"
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    assert "assistant index" in lines[0]


def test_missing_corpus_exits_2(tmp_path):
    done = run_cli("index", "--quiet", corpus=tmp_path / "saknas", index=tmp_path / "index")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "saknas" in done.stderr


def test_eval_json_metrics(cli_dirs, tmp_path):
    questions = tmp_path / "mini.jsonl"
    rows = [
        {
            "id": "q1",
            "lang": "en",
            "question": ELEVKULTUROMBUD_Q,
            "evidence": [ELEVKULTUROMBUD_QUOTE],
            "answerable": True,
        },
        {
            "id": "q2",
            "lang": "en",
            "question": "What is the capital of Norway?",
            "evidence": [],
            "answerable": False,
        },
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    done = run_cli("eval", str(questions), "--json", corpus=cli_dirs[0], index=cli_dirs[1])
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"metrics", "failures"}
    assert set(data["metrics"]) == {"en", "all"}
    overall = data["metrics"]["all"]
    assert set(overall) == METRIC_KEYS | {"questions"}
    assert overall["questions"] == 2
    assert overall["R@3"] == 1.0
    assert overall["refusal_rate"] == 1.0
    assert overall["answered_rate"] == 1.0
    assert overall["citation_precision"] == 1.0
    assert data["failures"] == []


def test_documents_json(cli_dirs):
    done = run_cli("documents", "--json", corpus=cli_dirs[0], index=cli_dirs[1])
    assert done.returncode == 0, done.stderr
    docs = json.loads(done.stdout)
    assert [d["source"] for d in docs] == sorted([LUDVIKA, STATUTE_PATH.name])
    ludvika = docs[0] if docs[0]["source"] == LUDVIKA else docs[1]
    assert ludvika["type"] == "agreement" and ludvika["case_number"] == "LD17/03997"


def test_settings_read_the_same_environment(monkeypatch):
    """The env names the CLI tests set are the ones Settings reads."""
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", "/x/corpus")
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", "/x/index")
    settings = Settings()
    assert settings.corpus_dir == Path("/x/corpus")
    assert settings.index_dir == Path("/x/index")


def test_a_reader_that_leaves_early_gets_no_traceback(cli_dirs):
    """`assistant passages --json | head -1`: the pipe closes before the output ends."""
    corpus, index = cli_dirs
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index))
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "passages", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) in (0, 141)
    assert "Traceback" not in err and "BrokenPipe" not in err
