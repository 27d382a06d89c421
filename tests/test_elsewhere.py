"""A name another document writes and the answering one never does (``assistant.elsewhere``):
exact word sets, then the refusal over two real documents with the real e5."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.elsewhere import document_words, named_elsewhere
from tests.helpers import assistant_over_texts

KOST = """Kostpolicy för Sagoby kommun

Måltiderna i förskola och skola ska vara näringsriktiga. Nötter inklusive jordnötter och mandel
får inte serveras i förskolan eller skolan. Godis och läsk serveras inte till barnen.
"""
KALLKOD = """Riktlinjer för öppen källkod i Norrviks kommun

Norrviks kommun publicerar sin öppna källkod på GitHub. Koden ska granskas av två utvecklare
innan den publiceras, och ingen hemlig nyckel får ligga i koden.
"""


def _doc(source: str, text: str) -> SimpleNamespace:
    title = text.splitlines()[0]
    return SimpleNamespace(source=source, title=title, card="", pages=[text], removed=[])


def test_a_name_only_another_document_writes_is_named_elsewhere():
    docs = {"kost.txt": _doc("kost.txt", KOST), "kod.txt": _doc("kod.txt", KALLKOD)}
    assert "norrviks" in document_words(docs["kod.txt"])
    # a genitive either side: "Norrvik" asked, "Norrviks" written
    assert named_elsewhere([("Norrvik",)], ["kost.txt"], docs) == ("Norrvik",)
    assert named_elsewhere([("Norrvik",)], ["kod.txt"], docs) == ()
    assert named_elsewhere([("Sagobys",)], ["kost.txt"], docs) == ()
    assert named_elsewhere([("Norrvik",)], [], docs) == ()
    # an identifier as written and folded: "AB 04" is "ab04" folded, "ab" as written
    code = _doc("ab.txt", "Avtal\n\nBesiktning enligt AB 04 kap. 7.")
    assert named_elsewhere([("AB",)], ["ab.txt"], {"ab.txt": code}) == ()


def test_only_names_the_corpus_writes_as_such_are_placed(assistant):
    # "Huddinge" is written nowhere (absent: the absent-name rules read it), "Norrvik" is
    assert assistant.analyze("Får skolorna i Huddinge servera nötter?").name_words == ()
    assert assistant.analyze("Får skolorna i Norrvik servera nötter?").name_words == (("Norrvik",),)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5):
    return assistant_over_texts(
        tmp_path_factory.mktemp("elsewhere"), {"kost.txt": KOST, "kallkod.txt": KALLKOD}, e5
    )


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Får skolorna i Sagoby servera nötter?", True),
        ("Får skolorna i Norrvik servera nötter?", False),
        ("Does Norrvik's food policy allow nuts in school meals?", False),
        ("Var publicerar Norrviks kommun sin källkod?", True),
    ],
)
def test_an_answer_from_a_document_not_naming_the_asked_party_is_refused(
    assistant, question, answered
):
    answer = assistant.ask(question)
    assert answer.answered is answered, answer.answer
    if answered:
        assert answer.citations
    else:  # says which name the closest texts lack
        assert "nämner inte Norrvik" in answer.answer or "do not mention Norrvik" in answer.answer


def test_without_the_rule_the_other_partys_document_answers(assistant, monkeypatch):
    monkeypatch.setattr(assistant.settings, "refuse_named_elsewhere", False)
    answer = assistant.ask("Får skolorna i Norrvik servera nötter?")
    assert answer.answered and answer.citations[0].passage.source == "kost.txt"


def test_a_fact_quoted_of_another_body_of_the_kind_asked_is_no_answer():
    from assistant.elsewhere import another_body

    quote = ["Vansbro kommun är delägare i Dalatrafik med 1,3%."]
    # the same fact of another municipality than the one asked about
    assert another_body(["Dalatrafik", "Malung-Sälens kommun"], quote) == ("Malung-Sälens kommun",)
    # the body asked about quoted (its genitive too), or no body of its kind quoted: an answer
    assert another_body(["Vansbros kommun"], quote) == ()
    assert another_body(["Region Dalarna"], quote) == ()
    assert another_body(["Malung-Sälens kommun"], ["Kommunen är delägare med 1,3%."]) == ()
    assert another_body(["Region Dalarna"], ["Region Stockholm betalar 50 %."]) == (
        "Region Dalarna",
    )
