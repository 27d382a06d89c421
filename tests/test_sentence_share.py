"""One sentence holding the question and its answer type (``assistant.sentence_share``), on tiny
exact inputs."""

from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace

import pytest

from assistant.decide import should_answer
from assistant.features import FEATURES, Features
from assistant.folding import fold
from assistant.sentence_share import (
    best_typed,
    measure_wanted,
    term_weights,
    typed_share,
    wants_number,
    weighted_share,
)

SENTENCES = [
    "Särskilt boende för äldre ordnas av kommunen.",
    "Kommunen ansvarar för vården i särskilt boende.",
    "Brandskyddskontroller görs varje år.",
]


def test_a_word_every_sentence_uses_weighs_least_and_an_absent_one_most():
    weights = term_weights({"kommun", "brandskyddskontroll", "timlon"}, SENTENCES)
    # n = 3 sentences: "kommun" (in "kommunen") in 2, the control in 1, the wage in none.
    assert weights["kommun"] == pytest.approx(1 + math.log(4 / 3))
    assert weights["brandskyddskontroll"] == pytest.approx(1 + math.log(4 / 2))
    assert weights["timlon"] == pytest.approx(1 + math.log(4 / 1))


def test_compound_parts_count_as_the_word():
    # "timvikarie" stands in the text only inside "timvikarier"; "vikarie" as a part of it.
    weights = term_weights({"vikari"}, ["Timvikarier bokas via bemanningsenheten."])
    assert weights["vikari"] == pytest.approx(1 + math.log(2 / 2))
    assert weighted_share(weights, "Timvikarier bokas via bemanningsenheten.") == 1.0


def test_a_hyphenated_compound_is_held_by_its_parts():
    weights = {"fel-ansvar": 1.0}
    assert weighted_share(weights, "Säljarens ansvar för dolda fel gäller i 10 år.") == 1.0
    assert weighted_share(weights, "Köparen ska undersöka huset.") == 0.0


def test_the_weighted_share_of_one_sentence():
    weights = {"kost": 1.0, "id06-kort": 3.0}
    assert weighted_share(weights, "Alla ska ha giltigt ID06-kort.") == pytest.approx(0.75)
    assert weighted_share(weights, "Bygglovet kostar 3 000 SEK.") == pytest.approx(0.25)
    assert weighted_share({}, "Bygglovet kostar 3 000 SEK.") == 0.0


def test_words_and_the_answer_type_spread_over_two_sentences_are_not_one_answer():
    weights = {"kost": 1.0, "id06-kort": 3.0}
    contexts = ["Alla ska ha giltigt ID06-kort.", "Bygglovet kostar 3 000 SEK."]
    # Only the second holds an amount, and a quarter of the words.
    assert best_typed(weights, contexts, [False, True]) == pytest.approx(0.25)
    # One sentence with both words and the amount: all of it.
    both = [*contexts, "Ett ID06-kort kostar 200 kr."]
    assert best_typed(weights, both, [False, True, True]) == pytest.approx(1.0)
    # No sentence holds the wanted answer type: nothing.
    assert best_typed(weights, contexts, [False, False]) == 0.0


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Hur djupt måste borrhålet vara?", True),
        ("Vilken räntesats gäller för dröjsmålsräntan?", True),
        ("Vilken timlön får en timvikarie?", True),  # the head "lön" of a compound
        ("Vilket U-värde måste nya fönster ha?", True),
        ("Hur ofta ska brandskyddskontroller göras?", True),
        ("How tall can a fence be?", True),
        ("What is the total budget of the programme?", True),
        # a number that identifies is answered by one ("i den version som anges" is none)
        ("Vilket versionsnummer har ramverket?", True),
        ("What is the version number of the framework?", True),
        # a share, a ratio or a coefficient asked in English
        ("What was the exact Gini coefficient for the county in 2020?", True),
        ("What is the share of households with broadband?", True),
        ("Vad är syftet med planen?", False),
        ("What is the purpose of the plan?", False),
        ("Vilken myndighet har regeringen utsett?", False),
        ("Vilka skolor deltar i Skapande skola?", False),
        ("Vilken lönsam idé har kommunen?", False),  # "lön" inside a word, not its head
    ],
)
def test_a_question_asking_for_a_measure_wants_a_number(question, wanted):
    assert measure_wanted(fold(question.casefold())) is wanted


def _candidate(text: str) -> SimpleNamespace:
    # A sentence known only by its text is read without context (``signals.in_context``).
    return SimpleNamespace(text=text, passage=SimpleNamespace(text=text, kind="text"), start=None)


def test_the_best_sentence_of_a_measure_question_must_hold_a_number():
    read = [
        _candidate("Borrhålet ska borras av en certifierad brunnsborrare."),
        _candidate("En luftvärmepump kostar 30 000 kr."),
    ]
    wanted = {"djup", "borrhal", "bergvarmepump"}
    weights = term_weights(wanted, [c.text for c in read])
    first = weighted_share(weights, read[0].text)
    # n = 2: "borrhål" in one sentence, the depth and the heat pump in none.
    held, absent = 1 + math.log(3 / 2), 1 + math.log(3)
    assert first == pytest.approx(held / (held + 2 * absent))
    # "Hur djupt": only the second sentence has a number, and it holds none of the words.
    assert weighted_share(weights, read[1].text) == 0.0
    question = fold("hur djupt maste borrhalet vara for en bergvarmepump?")
    assert typed_share(wanted, None, question, read, read) == 0.0
    # The same words asked with no measure wanted: the best sentence counts as typed.
    plain = fold("vem borrar borrhalet for en bergvarmepump?")
    assert typed_share(wanted, None, plain, read, read) == pytest.approx(first)
    # An amount asked for by "intent" (wants="amount"): the same as a measure.
    assert typed_share(wanted, "amount", plain, read, read) == 0.0


@pytest.mark.parametrize(
    ("wants", "question", "number"),
    [
        ("amount", "vad kostar ett id06-kort?", True),
        ("duration", "hur lange galler beskedet?", True),
        (None, "hur djupt maste borrhalet vara?", True),  # a measure the intent leaves untyped
        ("date", "nar antogs planen?", False),
        ("person", "vem betalar besiktningen?", False),
        (None, "vad ar rut-avdrag?", False),
        # Yes or no answers these: the fee or cost they name need not stand as a number.
        (
            "amount",
            "far biblioteket ta ut en avgift om jag lamnar tillbaka bockerna for sent?",
            False,
        ),
        ("amount", "larmet kostar en viss summa varje manad, kan vi soka bidrag for det?", False),
        ("amount", "kan du saga hur mycket det kostar?", True),  # it asks "hur mycket"
        ("amount", "is the fee refunded?", False),
        ("amount", "how much does the fee cost?", True),
    ],
)
def test_which_questions_want_a_number(wants, question, number):
    assert wants_number(wants, question) is number


def test_a_number_asked_for_and_absent_beside_the_words_is_refused_whatever_the_model_says():
    base = Features(*([0.5] * len(FEATURES)))
    # Threshold 0: the model alone answers everything.
    assert should_answer(base, threshold=0.0)[0] is True
    absent = replace(base, number_wanted=1.0, typed_share=0.0)
    ok, probability = should_answer(absent, threshold=0.0)
    assert ok is False
    assert probability == should_answer(base, threshold=0.0)[1]  # the model's own figure kept
    # A number beside some of the words, or no number asked for: the model decides.
    assert should_answer(replace(absent, typed_share=0.2), threshold=0.0)[0] is True
    assert should_answer(replace(absent, number_wanted=0.0), threshold=0.0)[0] is True
