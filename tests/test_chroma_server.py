"""A real `chroma run` server: build and answer through it, and a clear error when none answers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from helpers import (
    ELEVKULTUROMBUD_Q,
    ELEVKULTUROMBUD_QUOTE,
    LUDVIKA,
    LUDVIKA_PATH,
    free_port,
    make_corpus,
    make_settings,
)

from assistant import Assistant, ChromaUnavailableError

CHROMA = Path(sys.executable).parent / "chroma"
STARTUP_TIMEOUT = 60.0


def _client(port: int):
    return chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
    )


def _start(path: Path, port: int) -> subprocess.Popen:
    """`chroma run` on loopback, returned once its heartbeat answers."""
    log = (path / f"server-{port}.log").open("ab")
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path / "data"), "--port", str(port)]
        + ["--host", "127.0.0.1"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited with {proc.returncode}; see {path}")
        try:
            _client(port).heartbeat()
            return proc
        except Exception:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"chroma run did not answer within {STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory):
    """Start `chroma run` on a free port, wait for its heartbeat, stop it afterwards."""
    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    proc = _start(path, port)
    try:
        yield port
    finally:
        _stop(proc)


def test_build_and_ask_through_a_chroma_server(tmp_path, e5, chroma_port):
    corpus = make_corpus(tmp_path, LUDVIKA_PATH)
    settings = make_settings(tmp_path, corpus, chroma_url=f"http://127.0.0.1:{chroma_port}")
    assistant = Assistant(settings, embeddings=e5)
    report = assistant.build_index()
    assert report.added == [LUDVIKA] and report.passages > 0

    answer = assistant.ask(ELEVKULTUROMBUD_Q)
    assert answer.answered
    first = answer.citations[0]
    assert first.quote.startswith(ELEVKULTUROMBUD_QUOTE)
    assert (first.passage.source, first.passage.page) == (LUDVIKA, 3)

    # The vectors live in the server, not in a local folder.
    assert not settings.index_dir.exists()
    names = {c if isinstance(c, str) else c.name for c in _client(chroma_port).list_collections()}
    assert {assistant.index.name, assistant.index.name + "-sent"} <= names
    assert assistant.index.name + "-docs" in names

    # A second assistant on the same server sees the index and embeds nothing.
    again = Assistant(settings, embeddings=e5).build_index()
    assert again.unchanged == [LUDVIKA] and again.passages == 0


def test_unreachable_chroma_url_raises(tmp_path, e5):
    url = f"http://127.0.0.1:{free_port()}"
    settings = make_settings(tmp_path, tmp_path, chroma_url=url)
    with pytest.raises(ChromaUnavailableError, match=url):
        Assistant(settings, embeddings=e5).ask("Vad gör regionen inom Skapande skola?")
    with pytest.raises(ChromaUnavailableError):
        Assistant(settings, embeddings=e5).build_index()


def test_server_stopped_and_restarted_mid_session(tmp_path, e5):
    """A stopped server gives a clear error (no hang); once it is back, answers resume."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(tmp_path, port)
    try:
        corpus = make_corpus(tmp_path, LUDVIKA_PATH)
        settings = make_settings(tmp_path, corpus, chroma_url=url, chroma_timeout=5)
        assistant = Assistant(settings, embeddings=e5)
        assistant.build_index()
        assert assistant.ask(ELEVKULTUROMBUD_Q).answered
        _stop(proc)
        started = time.monotonic()
        with pytest.raises(ChromaUnavailableError, match="restart it"):
            assistant.search("Vad gör regionen inom Skapande skola?")
        # Bounded by the connect failure or the configured timeout, not a hang.
        assert time.monotonic() - started < 60
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_CHROMA_URL=url)
        cli = subprocess.run(
            [sys.executable, "-m", "assistant", "ask", ELEVKULTUROMBUD_Q],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert cli.returncode == 2 and cli.stderr.startswith("error: ")
        assert "Traceback" not in cli.stderr
        proc = _start(tmp_path, port)
        answer = assistant.ask(ELEVKULTUROMBUD_Q)
        assert answer.answered and answer.citations[0].passage.page == 3
    finally:
        _stop(proc)
