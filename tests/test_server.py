"""The HTTP API, the pages and gradio_client against a real `assistant serve` (a subprocess on
free ports over an index built by `assistant index`, shared through tests/served.py), and the
public port attacked as an outsider: no staff, upload, file or Gradio extra route answers."""

from __future__ import annotations

import html
import re

import httpx
import pytest
from helpers import (
    ELEVKULTUROMBUD_Q,
    ELEVKULTUROMBUD_QUOTE,
    LUDVIKA,
    STATUTE_PATH,
)
from served import (
    INTERNAL_FOLDER_DOC,
    INTERNAL_SIDECAR_DOC,
    served_fixture,  # noqa: F401  (the shared server, as the fixture `served`)
    sign_in,
)
from test_cli import ASK_KEYS, CITATION_KEYS, PASSAGE_KEYS
from web_helpers import HOSTILE_PATH, HOSTILE_QUESTION, HOSTILE_QUOTE

HOSTILE_SOURCE = HOSTILE_PATH.name


@pytest.fixture(scope="module")
def server(served):
    """The public port of the shared `assistant serve` (tests/served.py)."""
    return served.public


def test_health(server):
    got = httpx.get(server + "/api/health")
    assert got.status_code == 200
    assert got.json()["status"] == "ok" and got.json()["documents"] >= 3


def test_documents(server):
    docs = httpx.get(server + "/api/documents").json()
    # test_auth.py may have uploaded one more public file; the internal ones never show.
    assert {d["source"] for d in docs} >= {LUDVIKA, STATUTE_PATH.name, HOSTILE_SOURCE}
    assert not {d["source"] for d in docs} & {INTERNAL_FOLDER_DOC, INTERNAL_SIDECAR_DOC}
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


def test_gradio_client_finds_no_endpoint_on_the_public_port(server):
    from gradio_client import Client

    client = Client(server + "/widget/", verbose=False)
    try:
        endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
        with pytest.raises(ValueError):
            client.predict(ELEVKULTUROMBUD_Q, api_name="/ask")
    finally:
        client.close()
    assert endpoints == {}
    with pytest.raises(ValueError):
        Client(server + "/", verbose=False)  # nothing of the staff app here


def test_pages_and_embedding_headers(served):
    server = served.public
    home = httpx.get(server + "/")
    assert home.status_code == 307 and home.headers["location"] == "widget/"
    widget = httpx.get(server + "/widget?document=bibliotekslag", follow_redirects=True)
    assert widget.status_code == 200 and str(widget.url).endswith("/widget/?document=bibliotekslag")
    assert "x-frame-options" not in widget.headers  # any site may frame the widget by default
    cors = httpx.get(server + "/api/health", headers={"Origin": "http://example.org"})
    assert cors.headers["access-control-allow-origin"] == "*"
    script = httpx.get(server + "/gradio.js")  # the web component loader, from this server
    assert script.status_code == 200 and "import(" in script.text
    asset = re.search(r"assets/[\w.-]+\.js", script.text)
    assert asset and httpx.get(f"{server}/{asset.group()}").status_code == 200
    staff = httpx.get(served.staff + "/", headers={"Accept": "text/html"})
    assert staff.status_code == 303 and staff.headers["location"].startswith("/login")
    no_cors = httpx.get(served.staff + "/login", headers={"Origin": "http://example.org"})
    assert "access-control-allow-origin" not in no_cors.headers


def test_widget_offers_no_admin_filters_or_api(served):
    """The widget's Gradio app has one chat: no file upload, no document picker, no endpoints."""
    config = httpx.get(served.public + "/widget/config").json()
    types = {c["type"] for c in config["components"]}
    assert "chatbot" in types and not types & {"file", "dropdown", "uploadbutton"}
    assert all(d["api_visibility"] == "private" for d in config["dependencies"])
    with sign_in(served.staff) as staff:  # the admin tab is on the staff port only
        assert "file" in {c["type"] for c in staff.get("/config").json()["components"]}


# Every route FastAPI and Gradio offer that the public port must not answer (GET and POST).
CLOSED = [
    "/config",
    "/login",
    "/ask",
    "/gradio_api/info",
    "/gradio_api/upload",
    "/gradio_api/queue/join",
    "/gradio_api/call/ask",
    "/gradio_api/file=/etc/passwd",
    "/widget/gradio_api/upload",
    "/widget/gradio_api/upload_progress",
    "/widget/gradio_api/file=/etc/passwd",
    "/widget/gradio_api/file=corpus/internal/larmrutin.txt",
    "/widget/gradio_api/file/etc/passwd",
    "/widget/gradio_api/proxy=http://example.org/",
    "/widget/gradio_api/api/ask",
    "/widget/gradio_api/call/ask",
    "/widget/gradio_api/call/v2/ask",
    "/widget/gradio_api/run/predict",
    "/widget/gradio_api/component_server",
    "/widget/gradio_api/stream/x",
    "/widget/gradio_api/process_recording",
    "/widget/gradio_api/run-history/records",
    "/widget/gradio_api/vibe-code",
    "/widget/gradio_api/vibe-edit",
    "/widget/gradio_api/mcp/sse",
    "/widget/gradio_api/openapi.json",
    "/widget/gradio_api/reset",
    "/widget/gradio_api/dev/reload",
    "/widget/gradio_api/token",
    "/widget/openapi.json",
    "/widget/monitoring",
    "/widget/login",
    "/widget/logout",
    "/widget/pwa_icon",
    "/widget/gradio_api/deep_link",
    "/widget/%2e%2e/config",
]


@pytest.mark.parametrize("path", CLOSED)
def test_public_port_closes_staff_and_gradio_extras(server, path):
    for method in ("GET", "POST"):
        got = httpx.request(method, server + path, files={"files": ("x.txt", b"x")}, timeout=30)
        assert got.status_code in (404, 405), (method, path, got.status_code)
        assert "x.txt" not in got.text


def test_public_port_refuses_large_bodies(server):
    big = {"question": "bibliotek " * 40_000}
    assert httpx.post(server + "/api/ask", json=big, timeout=30).status_code == 413
    upload = httpx.post(
        server + "/widget/gradio_api/queue/join", content=b"{" + b" " * 100_000 + b"}"
    )
    assert upload.status_code == 413


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
