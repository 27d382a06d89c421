"""The time a question asks about, read once into ``Query.time`` (no index, no model), and the
documents that applied then (``documents_for``, on fictional validity records)."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import StubDocument as Doc

from assistant.applied import documents_for
from assistant.timeframe import time_scope
from assistant.validity import assess

Y2019, Y2022 = date(2019, 1, 1), date(2022, 12, 31)
Y2023, Y2026 = date(2023, 1, 1), date(2026, 12, 31)


@pytest.mark.parametrize(
    ("question", "kind", "start", "end"),
    [
        ("Vad gällde 2020?", "during", date(2020, 1, 1), date(2020, 12, 31)),
        ("Vad gallde om bibliotek ar 2020?", "during", date(2020, 1, 1), date(2020, 12, 31)),
        ("What will apply from 2027?", "at", date(2027, 1, 1), date(2027, 1, 1)),
        ("Vad gäller efter 2026 om bokbussen?", "at", date(2027, 1, 1), date(2027, 1, 1)),
        ("What applied before 2020?", "at", date(2019, 12, 31), date(2019, 12, 31)),
        ("Vad gällde den 2021-06-01 om musikskolan?", "at", date(2021, 6, 1), date(2021, 6, 1)),
        ("Vad säger överenskommelsen 2019–2022 om bibliotek?", "during", Y2019, Y2022),
        ("What did the agreement 2019-2022 say about libraries?", "during", Y2019, Y2022),
        ("Enligt den förra överenskommelsen, vad gör regionen?", "previous", None, None),
        ("Enligt den forra overenskommelsen, vad gor regionen?", "previous", None, None),
        ("What did the previous agreement say about libraries?", "previous", None, None),
        ("Vad gäller nu för bokbussen?", "at", None, None),
        ("What does the current agreement say about libraries?", "at", None, None),
        ("Is the guideline currently in force?", "at", None, None),
    ],
)
def test_time_scope_of_a_question(question, kind, start, end):
    scope = time_scope(question)
    assert scope is not None and (scope.kind, scope.start, scope.end) == (kind, start, end)
    # the time words are left out of what is searched for
    assert scope.said and scope.said not in scope.rest


@pytest.mark.parametrize(
    "question",
    [
        "Hur länge gäller överenskommelsen?",
        "Vad säger SFS 2013:801 om skolbibliotek?",
        "Vilket ärende ersätter KS/2009:517?",
        "Vem är handläggare?",
        "How many hours must the library be open?",
        # the earlier document is what is asked for, not where the answer is read
        "Vilken tidigare riktlinje ersätter den nya policyn?",
        "Which earlier version does the guideline replace?",
        # "nu" that is no time of what applies
        "Vi är nu nöjda med föreningen. Hur söker vi bidrag?",
        "I now want to know who runs the library.",
    ],
)
def test_no_time_in_a_question_without_one(question):
    assert time_scope(question) is None


@pytest.mark.parametrize(
    ("question", "periods", "topic"),
    [
        (
            "Vad skiljer överenskommelserna 2019–2022 och 2023–2026 åt om bibliotek?",
            ((Y2019, Y2022), (Y2023, Y2026)),
            "bibliotek",
        ),
        ("What changed about the music school?", (), "music school"),
        ("Vad har ändrats om bokbussen?", (), "bokbussen"),
        ("How did the library hours change?", (), "library hours"),
        (
            "What is the difference between 2019-2022 and 2023-2026 regarding the book bus?",
            ((Y2019, Y2022), (Y2023, Y2026)),
            "book bus",
        ),
    ],
)
def test_what_changed_names_its_periods_and_topic(question, periods, topic):
    scope = time_scope(question)
    assert scope is not None and scope.kind == "compare"
    assert scope.periods == periods and scope.rest == topic


def agreement(period: str) -> Doc:
    line = f"Överenskommelse mellan Norrby kommun och Region Ås {period}"
    facts = [{"key": "validity", "value": line, "page": 1, "line": line, "where": "title"}]
    return Doc(
        f"norrby-{period}.txt",
        line,
        metadata={"period": period, "card_facts": facts, "parties": ["Norrby kommun", "Region Ås"]},
    )


DOCS = [
    agreement("2019-2022"),
    agreement("2023-2026"),
    Doc("lag.md", "Lag om bibliotek", "statute"),
    Doc("odaterad.txt", "Anteckningar"),
]


@pytest.mark.parametrize(
    ("question", "as_of", "expected"),
    [
        ("Vad gällde 2020?", date(2024, 5, 1), ["norrby-2019-2022.txt", "lag.md"]),
        ("Vad gäller från 2025?", date(2020, 5, 1), ["norrby-2023-2026.txt", "lag.md"]),
        ("Enligt den förra överenskommelsen?", date(2024, 5, 1), ["norrby-2019-2022.txt"]),
        # nothing replaced the one in force: the previous is the latest that ended
        ("Enligt den förra överenskommelsen?", date(2028, 1, 1), ["norrby-2023-2026.txt"]),
        ("Enligt överenskommelsen 2023–2026?", date(2020, 5, 1), ["norrby-2023-2026.txt"]),
        ("Vad gäller nu?", date(2024, 5, 1), ["norrby-2023-2026.txt", "lag.md"]),
        ("What applies in 2031?", date(2024, 5, 1), ["lag.md"]),
    ],
)
def test_documents_for_a_time(question, as_of, expected):
    found = assess(DOCS, as_of)
    assert documents_for(time_scope(question), DOCS, found, as_of) == expected
