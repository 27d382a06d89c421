"""Who may read what: internal documents (a sidecar's ``visibility`` or the ``internal/`` folder)
are never searched, cited, listed or shown on the public port — through the API, the widget's
Gradio queue or the viewer — while signed-in staff see them."""

from __future__ import annotations

import httpx
import pytest
from helpers import LUDVIKA
from served import (
    FOLDER_SECRET,
    INTERNAL_FOLDER_DOC,
    INTERNAL_SIDECAR_DOC,
    SIDECAR_SECRET,
    fn_index,
    queue_call,
    served_fixture,  # noqa: F401  (the shared server, as the fixture `served`)
    sign_in,
)

from assistant.ingest import visibility_of

INTERNAL = {INTERNAL_FOLDER_DOC, INTERNAL_SIDECAR_DOC}
QUESTIONS = {
    "Vilket kodord ska personalen uppge vid brandlarm i stadshuset?": FOLDER_SECRET,
    "Hur stort är lönetillägget för jourtid i biblioteksfilialen?": SIDECAR_SECRET,
}


def test_visibility_rules():
    assert visibility_of("avtal.txt", {}) == "public"
    assert visibility_of("avtal.txt", {}, default="internal") == "internal"
    assert visibility_of("internal/avtal.txt", {}) == "internal"
    assert visibility_of("a/internal/b/avtal.txt", {}) == "internal"
    assert visibility_of("internal.txt", {}) == "public"  # a file name is not a folder
    assert visibility_of("internal/avtal.txt", {"visibility": "public"}) == "public"
    assert visibility_of("avtal.txt", {"visibility": "internal"}) == "internal"
    with pytest.raises(ValueError, match="public' or 'internal"):
        visibility_of("avtal.txt", {"visibility": "secret"})


def test_public_api_lists_and_searches_public_documents_only(served):
    docs = httpx.get(served.public + "/api/documents").json()
    sources = {d["source"] for d in docs}
    assert LUDVIKA in sources and not sources & INTERNAL
    assert all(d["visibility"] == "public" for d in docs)
    assert httpx.get(served.public + "/api/health").json()["documents"] == len(docs)
    for question, secret in QUESTIONS.items():
        found = httpx.post(
            served.public + "/api/search", json={"question": question, "k": 50}, timeout=60
        ).json()
        assert found["passages"] and not {p["source"] for p in found["passages"]} & INTERNAL
        answer = httpx.post(served.public + "/api/ask", json={"question": question}, timeout=60)
        text = answer.text
        assert answer.status_code == 200 and secret not in text
        assert not {c["source"] for c in answer.json()["citations"]} & INTERNAL
        assert not any(p["source"] in INTERNAL for p in answer.json()["related"])


@pytest.mark.parametrize(
    "name", [INTERNAL_FOLDER_DOC, INTERNAL_SIDECAR_DOC, "larmrutin", "Lönebilaga"]
)
def test_public_api_cannot_name_an_internal_document(served, name):
    got = httpx.post(
        served.public + "/api/ask", json={"question": "Vad gäller?", "document": name}, timeout=60
    )
    assert got.status_code == 404 and got.json()["type"] == "DocumentNotFoundError"
    offered = got.json()["detail"].split("use one of:")[-1]  # the fix lists public ones only
    assert LUDVIKA in offered and not any(source in offered for source in INTERNAL)


def test_public_viewer_shows_no_internal_document(served):
    for prefix in ("/view", "/widget/view"):
        for source in INTERNAL:
            page = httpx.get(served.public + prefix, params={"source": source, "all": 1})
            assert page.status_code == 404
            assert FOLDER_SECRET not in page.text and SIDECAR_SECRET not in page.text
    assert httpx.get(served.public + "/view", params={"source": LUDVIKA}).status_code == 200


def test_widget_answers_from_public_documents_only(served):
    with httpx.Client(base_url=served.public, timeout=120) as client:
        page = client.get("/widget/")
        config = client.get("/widget/config").json()
        fn = fn_index(config, "av-widget-question", "submit")
        for question, secret in QUESTIONS.items():
            status, result = queue_call(client, "/widget", fn, [question, [], [], None, "sv"])
            assert status == 200 and result["success"], result
            assert secret not in str(result)
            assert not any(source in str(result) for source in INTERNAL)
    assert page.status_code == 200


def test_staff_see_internal_documents(served):
    with sign_in(served.staff) as client:
        sources = {d["source"] for d in client.get("/api/documents").json()}
        assert sources >= INTERNAL and LUDVIKA in sources
        question = next(iter(QUESTIONS))
        answer = client.post("/api/ask", json={"question": question}).json()
        assert answer["answered"] and answer["citations"][0]["source"] == INTERNAL_FOLDER_DOC
        assert client.get("/view", params={"source": INTERNAL_SIDECAR_DOC}).status_code == 200
