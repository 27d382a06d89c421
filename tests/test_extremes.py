"""The extreme one asked for and the sentences naming an extreme (``extremes``), lifted when
sentences are scored (``sentence_scores``)."""

from __future__ import annotations

import pytest

from assistant.extremes import extreme_asked, names_extreme
from assistant.folding import fold
from tests.helpers import assistant_over_texts, sentence_lifts


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("I vilken årskurs får flest elever studiehandledning?", True),
        ("Vilken kommun hade lägst andel med god hälsa?", True),
        ("Which municipality had the highest share?", True),
        ("Vilka krav ska minst uppfyllas?", False),  # "at least": all of them
        ("Hur många elever får studiehandledning?", False),
        # a limit, not which one stands out
        ("The fee is too much. Can I spread it out, and for how long at most?", False),
        ("Hur mycket paracetamol får man ta som mest per dygn?", False),
    ],
)
def test_a_superlative_asks_for_the_extreme(question, asked):
    assert extreme_asked(fold(question)) is asked


def test_a_sentence_names_an_extreme_as_written():
    assert names_extreme("Andelen är högst i årskurs 6, där 2,9 procent får stöd.")
    assert names_extreme("Lägst andel finns i områdestyp 5.")
    assert not names_extreme("Totalt 2,4 procent av eleverna har studiehandledning.")
    # before a number it is a rule's bound, no extreme
    assert not names_extreme("Avgiften får vara högst 10 procent av inkomsten.")
    assert not names_extreme("Beslutet ska fattas minst tre dagar före mötet.")
    assert not names_extreme("Keep it at least 5 days.")
    assert names_extreme("The fee is the highest in the county.")


STATISTIK = """Studiehandledning på modersmålet

Totalt 2,4 procent av eleverna i grundskolan har läsåret 2024/25 studiehandledning på sitt
modersmål, vilket motsvarar knappt 26 900 elever. Andelen har ökat något sedan förra läsåret.

Studiehandledningen ges oftast i samband med undervisningen i ämnena. Andelen elever som får
studiehandledning på modersmålet är högst i årskurs 6, där 2,9 procent av eleverna får denna
form av stöd. Lägst är andelen i förskoleklassen.
"""


def test_a_sentence_naming_the_extreme_is_lifted_when_the_extreme_is_asked(tmp_path, e5):
    from assistant.sentence_scores import _EXTREME_BONUS

    over = assistant_over_texts(tmp_path, {"stod.txt": STATISTIK}, e5)
    query = over.analyze("I vilken årskurs får flest elever studiehandledning på modersmålet?")
    passages = over.retriever.search(query, k=5)
    extreme = sentence_lifts(over, query, query.folded, passages)
    plain = sentence_lifts(
        over, query, "i vilken arskurs far elever studiehandledning pa modersmalet?", passages
    )
    named = next(t for t in extreme if "högst i årskurs 6" in t)
    assert extreme[named] - plain[named] == pytest.approx(_EXTREME_BONUS) and _EXTREME_BONUS > 0
    assert all(extreme[t] == plain[t] for t in extreme if t != named and "Lägst" not in t)
    answer = over.ask("I vilken årskurs får flest elever studiehandledning på modersmålet?")
    assert any("högst i årskurs 6" in c.quote for c in answer.citations)
