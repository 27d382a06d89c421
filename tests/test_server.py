"""The HTTP API, the pages and gradio_client against a real `assistant serve` (a subprocess on a
free port over an index built by `assistant index`)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from helpers import (
    ELEVKULTUROMBUD_Q,
    ELEVKULTUROMBUD_QUOTE,
    LUDVIKA,
    LUDVIKA_PATH,
    STATUTE_PATH,
    free_port,
    make_corpus,
)
from test_cli import ASK_KEYS, CITATION_KEYS, PASSAGE_KEYS
from web_helpers import HOSTILE_PATH, HOSTILE_QUESTION, HOSTILE_QUOTE, wait_for_http

HOSTILE_SOURCE = HOSTILE_PATH.name


def _env(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index), **extra)
    # All test clients share one address; tests/test_public_limits.py covers the limit.
    env.setdefault("ASSISTANT_RATE_LIMIT_PER_MINUTE", "0")
    return env


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`assistant index` then `assistant serve --port N`; yields the base URL."""
    root = tmp_path_factory.mktemp("serve")
    corpus = make_corpus(root, LUDVIKA_PATH, STATUTE_PATH, HOSTILE_PATH)
    env = _env(corpus, root / "index", ASSISTANT_FEEDBACK_DB=str(root / "feedback.sqlite3"))
    cli = [sys.executable, "-m", "assistant"]
    done = subprocess.run([*cli, "index", "--quiet"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    port = free_port()
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen(
        [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_http(url + "/api/health")
        except TimeoutError:
            pytest.fail(f"assistant serve did not start: {(root / 'server.log').read_text()}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_health(server):
    got = httpx.get(server + "/api/health")
    assert got.status_code == 200
    assert got.json()["status"] == "ok" and got.json()["documents"] == 3


def test_documents(server):
    docs = httpx.get(server + "/api/documents").json()
    assert sorted(d["source"] for d in docs) == sorted([LUDVIKA, STATUTE_PATH.name, HOSTILE_SOURCE])
    ludvika = next(d for d in docs if d["source"] == LUDVIKA)
    assert ludvika["type"] == "agreement" and ludvika["case_number"] == "LD17/03997"


def test_ask_is_the_cli_json_object(server):
    got = httpx.post(server + "/api/ask", json={"question": ELEVKULTUROMBUD_Q}, timeout=60)
    assert got.status_code == 200
    data = got.json()
    assert set(data) == ASK_KEYS
    assert data["answered"] is True and data["language"] == "en"
    for i, c in enumerate(data["citations"], start=1):
        assert set(c) == CITATION_KEYS and c["n"] == i and c["quote"] in c["passage"]
        assert f"[{i}]" in data["answer"]
    first = data["citations"][0]
    assert (first["source"], first["page"]) == (LUDVIKA, 3)
    assert first["quote"].startswith(ELEVKULTUROMBUD_QUOTE)


def test_ask_with_document_filter_and_refusal(server):
    got = httpx.post(
        server + "/api/ask",
        json={"question": "Vem ansvarar för folkbiblioteken?", "document": "bibliotekslag"},
        timeout=60,
    ).json()
    assert got["answered"] and {c["source"] for c in got["citations"]} == {STATUTE_PATH.name}
    refusal = httpx.post(
        server + "/api/ask", json={"question": "What is the capital of Norway?"}, timeout=60
    ).json()
    assert refusal["answered"] is False and refusal["citations"] == []
    assert refusal["related"] and set(refusal["related"][0]) == PASSAGE_KEYS


def test_search(server):
    got = httpx.post(
        server + "/api/search", json={"question": "Skapande skola", "k": 3}, timeout=60
    ).json()
    assert set(got) == {"question", "passages"} and len(got["passages"]) == 3
    assert [p["rank"] for p in got["passages"]] == [1, 2, 3]
    assert all(set(p) == PASSAGE_KEYS for p in got["passages"])
    assert "Skapande skola" in got["passages"][0]["text"]


def test_errors_say_what_to_fix(server):
    empty = httpx.post(server + "/api/ask", json={"question": "   "})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    unknown = httpx.post(server + "/api/ask", json={"question": "Vad?", "document": "saknas"})
    assert unknown.status_code == 404 and "use one of" in unknown.json()["detail"]
    bad_k = httpx.post(server + "/api/search", json={"question": "bibliotek", "k": 0})
    assert bad_k.status_code == 422
    assert httpx.post(server + "/api/ask", json={}).status_code == 422


def test_openapi_docs_work_offline(server):
    spec = httpx.get(server + "/openapi.json").json()
    assert {"/api/ask", "/api/search", "/api/documents", "/api/health"} <= set(spec["paths"])
    docs = httpx.get(server + "/docs")
    assert docs.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # no CDN
    for asset in assets:
        assert httpx.get(server + asset).status_code == 200


def test_gradio_client_ask(server):
    from gradio_client import Client

    client = Client(server + "/", verbose=False)
    try:
        endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
        result = client.predict(ELEVKULTUROMBUD_Q, api_name="/ask")
        filtered = client.predict(
            "Vem ansvarar för folkbiblioteken?", "bibliotekslag", api_name="/ask"
        )
    finally:
        client.close()
    assert list(endpoints) == ["/ask"]  # the chat's endpoint, nothing else
    assert result["answered"] is True
    assert any(c["page"] == 3 and c["source"] == LUDVIKA for c in result["citations"])
    assert result["citations"][0]["quote"].startswith(ELEVKULTUROMBUD_QUOTE)
    assert {c["source"] for c in filtered["citations"]} == {STATUTE_PATH.name}


def test_pages_and_embedding_headers(server):
    staff = httpx.get(server + "/")
    assert staff.status_code == 200 and "Avtalsassistenten" in staff.text
    assert staff.headers["x-frame-options"] == "SAMEORIGIN"
    widget = httpx.get(server + "/widget?document=bibliotekslag", follow_redirects=True)
    assert widget.status_code == 200 and str(widget.url).endswith("/widget/?document=bibliotekslag")
    assert "x-frame-options" not in widget.headers  # any site may frame the widget by default
    cors = httpx.get(server + "/api/health", headers={"Origin": "http://example.org"})
    assert cors.headers["access-control-allow-origin"] == "*"
    script = httpx.get(server + "/gradio.js")  # the web component loader, from this server
    assert script.status_code == 200 and "import(" in script.text


def test_widget_offers_no_admin_filters_or_api(server):
    """The widget's Gradio app has one chat: no file upload, no document picker, no endpoints."""
    config = httpx.get(server + "/widget/config").json()
    types = {c["type"] for c in config["components"]}
    assert "chatbot" in types and not types & {"file", "dropdown", "uploadbutton"}
    assert all(d["api_visibility"] == "private" for d in config["dependencies"])
    staff = httpx.get(server + "/config").json()  # no ASSISTANT_ADMIN_PASSWORD: no admin tab
    assert "file" not in {c["type"] for c in staff["components"]}


def test_hostile_question_and_viewer(server):
    data = httpx.post(server + "/api/ask", json={"question": HOSTILE_QUESTION}, timeout=60).json()
    assert data["answered"] and data["question"] == HOSTILE_QUESTION
    cited = data["citations"][0]
    assert cited["source"] == HOSTILE_SOURCE and cited["quote"] == HOSTILE_QUOTE
    start = cited["passage"].index(cited["quote"])
    page = httpx.get(
        server + "/widget/view",
        params={"source": HOSTILE_SOURCE, "page": cited["page"], "start": 0, "end": 10**6},
    )
    assert page.status_code == 200
    assert "<script" not in page.text and "<img" not in page.text
    assert html.escape(HOSTILE_QUOTE) in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none'
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert start >= 0
    missing = httpx.get(server + "/view", params={"source": "nope.txt"})
    assert missing.status_code == 404
