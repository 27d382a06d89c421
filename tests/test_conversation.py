"""Follow-ups, several agreements, party commitments and the optional LLM path.

The index holds corpus/ plus two clearly fictional agreements (Sagoby, Fjärrvik) with the same
structure as the Ludvika text but other commitments (tests/data/multi).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import (
    CORPUS_DIR,
    DATA_DIR,
    ELEVKULTUROMBUD_Q,
    LUDVIKA,
    STATUTE,
    make_corpus,
    make_settings,
)
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant import Assistant
from assistant.conversation import resolve
from assistant.framing import more_or_nothing
from assistant.parties import Party, parties_in, without_party_names

MULTI = DATA_DIR / "multi"
SAGOBY = "overenskommelse-sagoby-region-dalarna-2019-2022.txt"
FJARRVIK = "overenskommelse-fjarrvik-region-dalarna-2019-2022.txt"
PARTIES = [Party.from_name("Ludvika kommun"), Party.from_name("Region Dalarna")]


@pytest.fixture(scope="module")
def multi(tmp_path_factory, e5) -> Assistant:
    root = tmp_path_factory.mktemp("multi")
    corpus = make_corpus(root, *sorted(CORPUS_DIR.iterdir()), *sorted(MULTI.iterdir()))
    assistant = Assistant(make_settings(root, corpus), embeddings=e5)
    assistant.build_index()
    return assistant


def _turn(question: str, answer) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]


# --- resolution, exact -------------------------------------------------------------------------


def test_without_party_names_takes_out_every_name_of_the_parties():
    assert without_party_names("What is the tax rate in Ludvika?", PARTIES) == (
        "What is the tax rate in ?"
    )
    assert without_party_names("Vad ska regionen och Ludvika kommun göra?", PARTIES) == (
        "Vad ska och göra?"
    )
    assert without_party_names("Vad säger lagen?", PARTIES) == "Vad säger lagen?"
    assert without_party_names("Ludvikas?", []) == "Ludvikas?"


def test_party_names_are_whole_words_separated_by_spaces():
    ludvika, region = PARTIES
    assert parties_in("Vad ska LUDVIKA KOMMUN göra?", PARTIES) == [ludvika]
    assert parties_in("Vad gör Ludvikas bibliotek och Ludvika-bor?", PARTIES) == []
    # "Ludvika" alone names the municipality; "Ludvika, kommunen" is two mentions of it.
    assert parties_in("Ludvika, kommunen och regionen", PARTIES) == [ludvika, region]
    assert without_party_names("Vad har Region  Dalarna lovat?", PARTIES) == "Vad har lovat?"


def test_party_follow_up_swaps_the_party():
    history = [{"role": "user", "content": "Vad ska Ludvika göra för det lokala arrangörskapet?"}]
    turn = resolve("och regionen då?", history, PARTIES, [])
    assert turn.follow_up
    assert turn.question == "Vad ska Region Dalarna göra för det lokala arrangörskapet?"


def test_english_party_follow_up():
    history = [{"role": "user", "content": "what did Ludvika commit to regarding elevkulturombud"}]
    turn = resolve("what about the region?", history, PARTIES, [])
    assert turn.question == "what did Region Dalarna commit to regarding elevkulturombud"


def test_follow_up_of_a_follow_up_builds_on_the_resolved_turn():
    history = [
        {"role": "user", "content": "Vad ska Ludvika göra för elevkulturombuden?"},
        {"role": "assistant", "content": "…"},
        {"role": "user", "content": "och regionen då?"},
        {"role": "assistant", "content": "…"},
    ]
    assert resolve("vilken sida?", history, PARTIES, []).question == (
        "Vad ska Region Dalarna göra för elevkulturombuden?"
    )


def test_more_excludes_what_was_already_quoted():
    history = [
        {"role": "user", "content": "Vad gör regionen inom Skapande skola?"},
        {
            "role": "assistant",
            "content": "Enligt X: ”Regionen ska å sin sida möjliggöra detta.” [1]",
        },
    ]
    turn = resolve("vad mer?", history, PARTIES, [])
    assert turn.question == "Vad gör regionen inom Skapande skola?"
    assert turn.exclude == {"Regionen ska å sin sida möjliggöra detta."}


def test_a_full_question_is_not_rewritten():
    history = [{"role": "user", "content": "Vad gör regionen inom Skapande skola?"}]
    question = "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?"
    turn = resolve(question, history, PARTIES, [])
    assert not turn.follow_up and turn.question == question


# --- follow-ups end to end ---------------------------------------------------------------------


def test_swedish_follow_up_answers_for_the_region(multi):
    first = multi.ask("Vad ska Ludvika göra för det lokala arrangörskapet?")
    assert first.answered and first.citations[0].quote.startswith("Ludvika kommun ska")
    second = multi.ask("och regionen då?", history=_turn(first.question, first))
    assert second.answered and second.question == "och regionen då?"
    assert second.language == "sv"
    assert all(c.passage.source == LUDVIKA for c in second.citations)
    assert second.citations[0].quote.startswith("Region Dalarna")


def test_english_follow_up_answers_for_the_region(multi):
    first = multi.ask(ELEVKULTUROMBUD_Q)
    assert first.citations[0].quote.startswith("Ludvika kommun ska bereda")
    second = multi.ask("what about the region?", history=_turn(first.question, first))
    assert second.answered and second.language == "en"
    assert second.citations[0].quote.startswith("Regionen koordinerar")
    assert second.citations[0].passage.page == 3


def test_what_else_gives_new_sentences(multi):
    first = multi.ask("Vad gör regionen inom Skapande skola?")
    more = multi.ask("vad mer?", history=_turn(first.question, first))
    assert more.answered
    assert not {c.quote for c in more.citations} & {c.quote for c in first.citations}
    assert more.answer != first.answer


def test_what_else_when_everything_was_quoted_says_so():
    query = SimpleNamespace(question="vad mer?", language="sv")
    nothing = more_or_nothing(query, [], {})
    assert not nothing.answered and nothing.citations == []
    assert nothing.answer == "Texterna säger inget mer om det än det jag redan citerat."
    english = more_or_nothing(SimpleNamespace(question="anything else?", language="en"), [], {})
    assert english.answer.startswith("The texts say nothing more")


def test_which_page_follow_up(multi):
    first = multi.ask(ELEVKULTUROMBUD_Q)
    page = multi.ask("on which page?", history=_turn(first.question, first))
    assert page.answered and page.citations[0].passage.page == 3
    assert "p. 3" in page.answer


# --- several documents -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["Vilka kommuner har elevkulturombud?", "Which documents mention elevkulturombud?"]
)
def test_which_documents_lists_each_addressing_document_and_the_silent_ones(multi, question):
    answer = multi.ask(question)
    assert answer.answered
    assert {c.passage.source for c in answer.citations} == {LUDVIKA, SAGOBY}
    for c in answer.citations:
        assert "elevkulturombud" in c.quote.casefold()
    silent = answer.answer.split("\n")[-1]
    assert "Fjärrvik" in silent and "Bibliotekslag" in silent


def test_a_named_municipality_steers_retrieval(multi):
    answer = multi.ask("Vad ska Fjärrvik göra för biblioteken?")
    assert answer.answered
    assert answer.citations[0].passage.source == FJARRVIK
    assert "meröppet bibliotek" in answer.citations[0].quote


def test_a_named_law_steers_retrieval(multi):
    passages = multi.search("Vad säger bibliotekslagen om avgifter för lån?", k=3)
    assert passages[0].source == STATUTE


def test_compound_question_answers_both_parts(multi):
    answer = multi.ask(
        "Vad säger bibliotekslagen om regional biblioteksverksamhet, och vad har Ludvika lovat om bibliotek?"
    )
    assert answer.answered
    sources = [c.passage.source for c in answer.citations]
    assert STATUTE in sources and LUDVIKA in sources
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert all(f"[{c.n}]" in answer.answer for c in answer.citations)


# --- commitments -------------------------------------------------------------------------------


def test_commitments_of_ludvika_are_its_own_and_cited(multi):
    found = multi.commitments(party="Ludvika")
    assert len(found) >= 8
    assert all("Ludvika kommun" in c.parties and c.source == LUDVIKA for c in found)
    quotes = [c.quote for c in found]
    assert any(
        q.startswith("Ludvika kommun ska bereda sina kommunala elevkulturombud") for q in quotes
    )
    assert not any(q.startswith("Regionen koordinerar") for q in quotes)
    # Ludvika's own commitments come before those it shares with the region.
    alone = [len(c.parties) == 1 for c in found]
    assert alone == sorted(alone, reverse=True)
    for c in found:
        page = multi.index.document(c.source).pages[c.page - 1]
        assert c.quote in page


def test_commitments_of_a_fictional_municipality(multi):
    found = multi.commitments(party="Sagoby")
    assert found and all(c.source == SAGOBY for c in found)
    assert any("sagofestival" in c.quote for c in found)


def test_what_did_ludvika_commit_to(multi):
    answer = multi.ask("what did Ludvika commit to?")
    assert answer.answered and len(answer.citations) >= 3
    assert all(c.passage.source == LUDVIKA for c in answer.citations)
    assert all(c.quote in c.passage.text for c in answer.citations)


def test_commitments_cli_json(multi):
    env = dict(os.environ, ASSISTANT_CORPUS_DIR=str(multi.settings.corpus_dir))
    env["ASSISTANT_INDEX_DIR"] = str(multi.settings.index_dir)
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "commitments", "--party", "Ludvika", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    rows = json.loads(out.stdout)
    assert rows and all("Ludvika kommun" in r["parties"] and r["page"] in (2, 3, 4) for r in rows)
    assert set(rows[0]) >= {"parties", "topic", "quote", "source", "title", "page", "section"}


# --- the optional language model, faked through the seam ---------------------------------------


def _llm(multi: Assistant, reply: str) -> tuple[Assistant, FakeListChatModel]:
    model = FakeListChatModel(responses=[reply])
    return Assistant(multi.settings, embeddings=multi.index.embeddings, chat_model=model), model


def test_llm_answer_with_valid_citation_is_used(multi):
    assistant, _ = _llm(
        multi, "Ludvika ska låta sina elevkulturombud delta i regionala sammankomster [1]."
    )
    answer = assistant.ask(ELEVKULTUROMBUD_Q)
    assert answer.mode == "generative" and answer.answered
    assert answer.answer.startswith("Ludvika ska låta")
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].quote in answer.citations[0].passage.text
    assert answer.to_dict()["mode"] == "generative"


def test_llm_citing_a_passage_it_was_not_given_falls_back(multi):
    assistant, _ = _llm(multi, "Ludvika lovar detta [9].")
    answer = assistant.ask(ELEVKULTUROMBUD_Q)
    assert answer.mode == "extractive-fallback" and "[9]" in answer.note
    assert answer.citations[0].quote.startswith("Ludvika kommun ska bereda")


def test_llm_quote_not_in_the_source_falls_back(multi):
    assistant, _ = _llm(multi, "Ludvika lovar “att bygga ett nytt konserthus vid sjön” [1].")
    answer = assistant.ask(ELEVKULTUROMBUD_Q)
    assert answer.mode == "extractive-fallback" and "not verbatim" in answer.note
    assert answer.citations[0].quote in answer.citations[0].passage.text


def test_llm_is_not_asked_when_the_texts_do_not_answer(multi):
    assistant, model = _llm(multi, "Oslo [1].")
    answer = assistant.ask("What is the capital of Norway?")
    assert not answer.answered and model.i == 0


def test_default_answers_carry_the_exact_contract(multi):
    assert set(multi.ask(ELEVKULTUROMBUD_Q).to_dict()) == {
        "question",
        "answered",
        "answer",
        "language",
        "citations",
        "related",
    }


def test_data_dir_holds_only_fictional_agreements():
    for path in MULTI.iterdir():
        assert "Ludvika" not in Path(path).read_text(encoding="utf-8")


# --- the Query end to end: names, spelling, filters, compound questions --------------------------


def test_short_question_after_others_is_a_new_question(multi):
    first = multi.ask("Vad ska Sagoby göra för elevkulturombuden?")
    history = _turn(first.question, first) + _turn("och regionen då?", first)
    query = multi.analyze("Vem är handläggare?", history)
    assert not query.follow_up and query.intent == "document_fact"
    answer = multi.ask("Vem är handläggare?", history=history)
    # The document's own details (or a refusal), never sentences of the earlier topic: the
    # contact's original line, or the card's line without quotation marks.
    assert "elevkulturombud" not in answer.answer.casefold()
    for c in answer.citations:
        if c.passage.kind == "card":
            assert f"”{c.quote}" not in answer.answer
        else:
            assert c.passage.sentences == 1 and f"”{c.quote}”" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Vad ska Fjarrvik gora for biblioteken?",
        "Vad ska Fja\u0308rrvik göra för biblioteken?",
        "Vad ska Fjärr\u200bvik göra för bibliotekken?",
    ],
)
def test_questions_typed_another_way_answer_like_their_twin(multi, question):
    twin = multi.ask("Vad ska Fjärrvik göra för biblioteken?")
    answer = multi.ask(question)
    assert answer.answered and answer.question == question.replace("\u200b", "")
    assert [c.quote for c in answer.citations] == [c.quote for c in twin.citations]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Vad säger Sagoby-överenskommelsen om bokbussen?", SAGOBY),
        (f"Vad står i {FJARRVIK} om fyrfestivalen?", FJARRVIK),
        (f"Vad står i {FJARRVIK.removesuffix('.txt')} om fyrfestivalen?", FJARRVIK),
    ],
)
def test_a_document_named_by_short_name_or_file_name_is_the_one_answering(multi, question, source):
    answer = multi.ask(question)
    assert answer.answered and {c.passage.source for c in answer.citations} == {source}


def test_an_identifier_written_another_way_finds_its_document(multi):
    query = multi.analyze("Vilken överenskommelse har diarienummer fv 19/00456?")
    assert "FV19/00456" in query.search_text
    assert multi.search("Vilken överenskommelse har diarienummer fv 19/00456?", k=1)[0].source == (
        FJARRVIK
    )


def test_a_filtered_document_that_does_not_answer_refuses_and_names_the_one_that_does(multi):
    question = "Vad ska kommunen göra för elevkulturombuden?"
    refused = multi.ask(question, document=FJARRVIK)
    assert not refused.answered and not refused.citations
    assert "Fjärrvik" in refused.answer.split(" säger inget om")[0]
    assert "Sagoby" in refused.answer.split("Det tas däremot upp i:")[1]
    answered = multi.ask(question, document=SAGOBY)
    assert answered.answered and {c.passage.source for c in answered.citations} == {SAGOBY}


def test_every_part_of_a_compound_question_is_answered_or_refused_visibly(multi):
    answer = multi.ask("Vad ska Sagoby göra för elevkulturombuden? Vem är handläggare?")
    assert answer.answered
    first, second = answer.answer.split("\n\n")
    assert first.startswith("Vad ska Sagoby göra för elevkulturombuden?")
    # The second part is answered (from the card of the document the first part was answered
    # from) or refused, but visibly either way.
    if second.startswith("Vem är handläggare?"):
        assert "Saga Påhitt" in second and "Fjalar" not in second
    else:
        assert second.startswith("Jag hittar inget om ”Vem är handläggare”")
    both = multi.ask(
        "Vad ska Sagoby göra för elevkulturombuden? Vad vill Sagoby utveckla för landsbygdens bibliotek?"
    )
    first, second = both.answer.split("\n\n")
    assert second.startswith("Vad vill Sagoby utveckla för landsbygdens bibliotek?")
    assert "bokbuss" in second and "[2]" in second
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    mixed = multi.ask(
        "Vad ska Sagoby göra för elevkulturombuden? Vad kostar ett månadskort på bussen?"
    )
    answered, refused = mixed.answer.split("\n\n")
    assert "[1]" in answered and refused.startswith("Jag hittar inget om")
    assert "månadskort" in refused


def test_one_passage_is_one_citation(multi):
    for question in ("Vad gör regionen inom Skapande skola?", ELEVKULTUROMBUD_Q):
        answer = multi.ask(question)
        ids = [c.passage.id for c in answer.citations]
        assert answer.answered and len(ids) == len(set(ids))
        for c in answer.citations:
            assert c.quote in c.quotes and all(q in c.passage.text for q in c.quotes)
