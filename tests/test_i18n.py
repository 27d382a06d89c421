"""One language at a time: every text in both languages, engine errors shown in the UI's
language through the real chat logic, and the accessibility statement's required parts."""

from __future__ import annotations

import re

import pytest
from helpers import STATUTE_PATH, make_corpus, make_settings

from assistant import Assistant
from assistant.chat import ChatSession
from assistant.errors import (
    ChromaUnavailableError,
    CorpusNotFoundError,
    DocumentNotFoundError,
    EmbeddingModelError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from assistant.i18n import TEXTS, error_key, error_message, t
from assistant.question_text import MAX_QUESTION_CHARS, InvalidQuestionError
from assistant.ratelimit import Limited, PublicGate
from assistant.statement import DIGG_REPORT, STATEMENT_DATE, statement_page

ENGINE_ERRORS = [
    InvalidQuestionError("The question must be text."),
    DocumentNotFoundError("'x' matches no document; use one of: a."),
    IndexBusyError("Another `assistant index` run holds the index."),
    IndexModelMismatchError("Run `assistant index --rebuild`."),
    IndexNotFoundError("No index: run `assistant index`."),
    ChromaUnavailableError("The Chroma server does not answer."),
    EmbeddingModelError("Cannot load the model."),
    CorpusNotFoundError("The corpus folder does not exist."),
    Limited(7, "Too many questions from this address; try again soon."),
    RuntimeError("something unforeseen"),
]


def test_both_languages_have_every_text_with_the_same_fields():
    assert TEXTS["sv"].keys() == TEXTS["en"].keys()
    for key, sv in TEXTS["sv"].items():
        assert set(re.findall(r"\{(\w+)\}", sv)) == set(re.findall(r"\{(\w+)\}", TEXTS["en"][key]))


@pytest.mark.parametrize("exc", ENGINE_ERRORS, ids=lambda e: type(e).__name__)
def test_each_engine_error_has_its_own_message_in_each_language(exc):
    key = error_key(exc)
    assert (key == "err_unexpected") == isinstance(exc, RuntimeError)
    sv, en = error_message(exc, "sv"), error_message(exc, "en")
    assert sv == t("sv", key, max=MAX_QUESTION_CHARS, seconds=7) and sv != en
    assert str(exc) not in sv and str(exc) not in en  # operators' English stays in the log
    assert "{" not in sv and "{" not in en


def test_messages_are_distinct_per_kind_of_error():
    keys = [error_key(e) for e in ENGINE_ERRORS]
    assert len(set(keys)) == len(keys)
    assert "7 s" in error_message(ENGINE_ERRORS[-2], "sv")
    assert str(MAX_QUESTION_CHARS) in error_message(InvalidQuestionError("x"), "en")


def _turn(session: ChatSession, question: str, lang: str, document: str | None = None) -> str:
    *_, (_, history, _) = session.respond(question, [], [], document, lang)
    return history[-1]["content"]


def test_the_chat_shows_engine_errors_in_the_ui_language(tmp_path, e5):
    missing = Assistant(make_settings(tmp_path / "none", tmp_path / "none"), embeddings=e5)
    session = ChatSession(missing, None, "widget")
    sv = _turn(session, "Vem ansvarar för folkbiblioteken?", "sv")
    assert "av-error" in sv and "inget sökindex" in sv and "Det gick inte att svara" in sv
    assert "No index" not in sv and "run" not in sv
    en = _turn(session, "Who is responsible for public libraries?", "en")
    assert "no search index" in en and "Could not answer" in en

    corpus = make_corpus(tmp_path / "lib", STATUTE_PATH)
    indexed = Assistant(make_settings(tmp_path / "lib", corpus), embeddings=e5)
    indexed.build_index()
    session = ChatSession(indexed, None, "widget")
    unknown = _turn(session, "Vem ansvarar för folkbiblioteken?", "sv", document="saknas.txt")
    assert t("sv", "err_unknown_document") in unknown and "use one of" not in unknown
    too_long = _turn(session, "bibliotek " * (MAX_QUESTION_CHARS // 5), "en")
    assert f"at most {MAX_QUESTION_CHARS} characters" in too_long

    # The widget's limit (one question a minute here): the second is refused in Swedish.
    limited = ChatSession(indexed, None, "widget", PublicGate(1, 1, 1))
    assert "av-answer" in _turn(limited, "Vem ansvarar för folkbiblioteken?", "sv")
    refused = _turn(limited, "Vem ansvarar för skolbiblioteken?", "sv")
    assert re.search(r"Många frågor just nu\. Försök igen om \d+ s\.", refused)


def test_statement_has_what_the_law_asks_for():
    page = statement_page("Ludvika kommun <script>", "tillganglighet@ludvika.se")
    assert page.startswith('<!doctype html><html lang="sv">') and page.count("<h1>") == 1
    assert "<script" not in page and "Ludvika kommun &lt;script&gt; står bakom" in page
    for heading in (
        "Hur tillgänglig är tjänsten?",
        "Vad kan du göra om du inte kan använda delar av tjänsten?",
        "Rapportera brister i tjänstens tillgänglighet",
        "Tillsyn",
        "Teknisk information om tjänstens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat tjänsten",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert "delvis förenlig" in page and "lagen (2018:1937)" in page
    assert 'href="mailto:tillganglighet@ludvika.se"' in page and DIGG_REPORT in page
    assert page.count(STATEMENT_DATE) == 2 and "WCAG" in page
    assert "kontaktuppgifterna på webbplatsen" in statement_page()  # no contact configured
