"""Validity in the UI: each cited source's status badge (chat and widget), the document filter
with each document's status, and the widget answering from documents in force. A real index
(e5, Chroma) of the fictional guideline and its replacement (tests/data/validity)."""

from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import DATA_DIR, make_settings

from assistant import Assistant
from assistant.chat import ChatSession
from assistant.render import answer_html

OLD, NEW = "riktlinjer-foreningsbidrag-2014.txt", "riktlinjer-foreningsbidrag-2021.txt"
STATUTE = "lag-om-foreningsregister.md"
NEW_TITLE = "Riktlinjer för stöd till föreningslivet i Björkviks kommun"
QUESTION = "Hur många medlemmar måste en förening ha för att få bidrag?"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5) -> Assistant:
    root: Path = tmp_path_factory.mktemp("badges")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in (OLD, NEW, STATUTE):
        shutil.copy2(DATA_DIR / "validity" / name, corpus / name)
    settings = make_settings(root, corpus, as_of=date(2024, 5, 1))
    built = Assistant(settings, embeddings=e5)
    assert sorted(built.build_index().added) == [STATUTE, OLD, NEW]
    return built


def badges_in(markup: str) -> dict[str, str]:
    """source title -> badge label, read off the answer's source entries."""
    found = re.findall(
        r'<span class="av-title">(.*?)</span>.*?<span class="av-badge av-badge-(\w+)">(.*?)</span>',
        markup,
        re.S,
    )
    return {html.unescape(title): html.unescape(label) for title, _, label in found}


def turn(session: ChatSession, question: str, document: str | None = None, lang: str = "sv"):
    *_, (_, history, turns) = session.respond(question, [], [], document, lang)
    return history[-1]["content"], turns[-1]["answer"]


def test_each_cited_source_shows_its_status_in_the_staff_chat(assistant):
    # the staff chat searches every version: both guidelines answer, each with its status
    markup, answer = turn(ChatSession(assistant, None, "staff"), QUESTION)
    cited = {c["source"] for c in answer["citations"]}
    assert cited == {OLD, NEW}, answer["answer"]
    shown = badges_in(markup)
    assert shown == {
        "Riktlinjer för bidrag till föreningar i Björkviks kommun": f"ersatt av {NEW_TITLE}",
        NEW_TITLE: "gällande",
    }


def test_the_widget_answers_from_documents_in_force_and_says_so_in_english(assistant):
    markup, answer = turn(ChatSession(assistant, None, "widget"), QUESTION, lang="en")
    assert {c["source"] for c in answer["citations"]} == {NEW}, answer["answer"]
    assert badges_in(markup) == {NEW_TITLE: "in force"}
    # a document the host page fixed answers, replaced or not, and shows that it was replaced
    markup, answer = turn(ChatSession(assistant, None, "widget"), QUESTION, document=OLD)
    assert {c["source"] for c in answer["citations"]} == {OLD}
    assert f"ersatt av {NEW_TITLE}" in badges_in(markup).values()


def test_badges_are_escaped_text():
    from assistant.results import Answer, Citation, Passage

    p = Passage("1", "a.txt", "<b>A</b>", 1, "", "Text <img src=x>.", 1.0, 0, 17)
    answer = Answer("q", True, "Svar [1]", "sv", [Citation(1, p, "Text <img src=x>.", 1.0)])
    out = answer_html(answer, "x", "sv", badges={"a.txt": ("superseded", "ersatt av <script>")})
    assert '<span class="av-badge av-badge-superseded">ersatt av &lt;script&gt;</span>' in out
    assert "<script>" not in out and "<img" not in out


def test_the_document_filter_shows_each_documents_status(assistant):
    from assistant.web import _document_choices

    choices = dict((v, label) for label, v in _document_choices(assistant, "sv"))
    assert choices[NEW] == f"{NEW_TITLE} (gällande)"
    assert (
        choices[OLD]
        == f"Riktlinjer för bidrag till föreningar i Björkviks kommun (ersatt av {NEW_TITLE})"
    )
    english = dict((v, label) for label, v in _document_choices(assistant, "en"))
    assert english[NEW] == f"{NEW_TITLE} (in force)"


def test_staff_chat_endpoint_takes_as_of_through_gradio_client(assistant, tmp_path):
    import gradio as gr
    from fastapi import FastAPI
    from gradio_client import Client
    from web_helpers import ThreadedServer

    from assistant import web
    from assistant.feedback import FeedbackStore

    ui = web.build_staff_ui(assistant, assistant.settings, FeedbackStore(tmp_path / "fb.sqlite3"))
    app = gr.mount_gradio_app(FastAPI(), ui, path="/", ssr_mode=False)
    with ThreadedServer(app, ready_path="/") as server:
        client = Client(server.url + "/", verbose=False)
        try:
            q = "Hur länge gäller riktlinjerna för bidrag till föreningar?"
            then = client.predict(q, "", "2016-01-01", api_name="/ask")
            now = client.predict(q, "", "", api_name="/ask")
            with pytest.raises(Exception, match="YYYY-MM-DD"):
                client.predict(q, "", "1 jan 2016", api_name="/ask")
        finally:
            client.close()
    assert "och är gällande per 2016-01-01" in then["answer"]
    assert f"och har ersatts av ”{NEW_TITLE}”" in now["answer"]  # the fixture's as_of, 2024


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hur länge gäller lagen om föreningsregister?",
            "Lagen ”Lag om föreningsregister” anger ingen sista dag: en lag gäller tills den "
            "upphävs, och den är gällande per 2024-05-01 [1].",
        ),
        (
            "How long is the law valid?",
            "The statute “Lag om föreningsregister” states no end date: a statute applies until "
            "it is repealed, and it is in force as of 2024-05-01 [1].",
        ),
    ],
)
def test_a_statute_without_dates_applies_until_repealed(assistant, question, expected):
    answer = assistant.ask(question)
    assert answer.answered and answer.answer == expected
    [c] = answer.citations
    assert c.passage.source == STATUTE and c.passage.kind == "card" and "SFS 2031:77" in c.quote
