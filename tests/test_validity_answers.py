"""Answers as of a date: a fictional agreement and its successor in a tiny real index (e5,
Chroma); the successor answers what both say, and an answer from documents no longer in force
says so and still cites them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import make_settings

from assistant import Assistant

OLD, NEW = "avtal-kvarnby-2019-2022.txt", "avtal-kvarnby-2023-2026.txt"
TEXT = """ÖVERENSKOMMELSE

Överenskommelse mellan Kvarnby kommun och Region Västmark {period}

Bibliotek

Kommunen ska hålla stadsbiblioteket öppet {hours} varje vecka under perioden.

{only}

Kultur för barn

Regionen ska erbjuda varje skola i kommunen en teaterföreställning per läsår.
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory, e5) -> Path:
    root = tmp_path_factory.mktemp("asof")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / OLD).write_text(
        TEXT.format(
            period="2019-2022",
            hours="fyrtio timmar",
            only="Kommunen ska driva en bokbuss som besöker byarna varannan tisdag.",
        ),
        encoding="utf-8",
    )
    (corpus / NEW).write_text(
        TEXT.format(period="2023-2026", hours="femtio timmar", only=""), encoding="utf-8"
    )
    report = Assistant(make_settings(root, corpus), embeddings=e5).build_index()
    assert sorted(report.added) == [OLD, NEW]
    return root


def at(root: Path, e5, day: date) -> Assistant:
    return Assistant(make_settings(root, root / "corpus", as_of=day), embeddings=e5)


def sources(answer) -> set[str]:
    return {c.passage.source for c in answer.citations}


def test_the_agreement_in_force_answers_without_a_note(root, e5):
    answer = at(root, e5, date(2024, 5, 1)).ask("Hur många timmar ska stadsbiblioteket ha öppet?")
    assert answer.answered and sources(answer) == {NEW}, answer.answer
    assert "femtio" in answer.answer and "löpt ut" not in answer.answer
    assert "ersatts" not in answer.answer


def test_before_the_successor_the_earlier_agreement_answers(root, e5):
    answer = at(root, e5, date(2021, 5, 1)).ask("Hur många timmar ska stadsbiblioteket ha öppet?")
    assert answer.answered and OLD in sources(answer), answer.answer
    assert "löpt ut" not in answer.answer and "ersatts" not in answer.answer


def test_only_the_replaced_agreement_speaks_and_the_answer_says_so(root, e5):
    answer = at(root, e5, date(2024, 5, 1)).ask("Vilka dagar besöker bokbussen byarna?")
    assert answer.answered and sources(answer) == {OLD}, answer.answer
    assert "tisdag" in answer.answer
    assert answer.answer.endswith(
        "Överenskommelsen 2019-2022 mellan Kvarnby kommun och Region Västmark har ersatts av "
        "”Överenskommelse mellan Kvarnby kommun och Region Västmark 2023-2026”; svaret bygger "
        "på den äldre texten."
    )


@pytest.mark.parametrize(
    ("question", "note"),
    [
        (
            "Hur många timmar ska stadsbiblioteket ha öppet?",
            "Överenskommelsen 2023-2026 mellan Kvarnby kommun och Region Västmark har löpt ut "
            "(gällde till och med 2026-12-31); svaret bygger på den.",
        ),
        (
            "How many hours a week must the city library be open?",
            "The agreement 2023-2026 between Kvarnby kommun and Region Västmark has expired "
            "(it applied until 2026-12-31); this answer rests on it.",
        ),
    ],
)
def test_when_everything_has_expired_the_answer_says_so(root, e5, question, note):
    answer = at(root, e5, date(2027, 6, 1)).ask(question)
    assert answer.answered and sources(answer) == {NEW}, answer.answer
    assert answer.answer.endswith(note) and answer.citations
