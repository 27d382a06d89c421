"""An abbreviation asked to be spelled out is answered by the sentence that defines it."""

from __future__ import annotations

import pytest

from assistant.acronyms import asked_abbreviation, defining
from tests.helpers import assistant_over_texts


@pytest.mark.parametrize(
    ("question", "letters"),
    [
        ("Vad står MTA för?", "MTA"),
        ("vad star mta for", "MTA"),
        ("Vad menas med RTO i kontinuitetsplanen?", "RTO"),
        ("What does RTO stand for?", "RTO"),
        ("Vad är en SIP?", "SIP"),
        # a question about more than the word itself is no spelling-out
        ("Vad står det om MTA i planen för kontinuitet?", None),
        ("Vem ansvarar för MTA?", None),
    ],
)
def test_the_letters_a_question_asks_to_be_spelled_out(question, letters):
    assert asked_abbreviation(question) == letters


class _C:
    def __init__(self, text: str, score: float) -> None:
        self.text, self.score = text, score


def test_only_a_sentence_that_spells_the_letters_out_defines_them():
    used = _C("Planen ska hänvisa till verksamheternas MTA och informationsklassning.", 0.9)
    spelled = _C("Varje förvaltning ska ange sin maximala tolerabla avbrottstid (MTA).", 0.8)
    after = _C("RTO (Recovery Time Objective) är den längsta tiden för återställning.", 0.7)
    assert defining("Vad står MTA för?", [used, spelled]) is spelled
    assert defining("Vad står MTA för?", [used]) is None
    assert defining("What does RTO mean?", [used, spelled, after]) is after
    # "Vad är avgiften?" asks no abbreviation: no sentence writes "(AVGIFTEN)"
    assert defining("Vad är avgiften?", [_C("Avgiften (se bilaga) är 500 kr.", 1.0)]) is None


RUTIN = """Rutin för kontinuitet

Planen ska hänvisa till verksamheternas MTA och till informationsklassningen. MTA följs upp
varje år av ägaren.

Förvaltningar och bolag ska identifiera sin lägsta nivå av riskacceptans och maximal
tolerabel avbrottstid (MTA). Tillsammans med informationsklassningen är de underlag för planen.

Koncernstab digitalisering (KSD) ska följa processen för incidenter. KSD rapporterar till
digitaliseringsdirektören.
"""


@pytest.fixture(scope="module")
def rutin(tmp_path_factory, e5):
    return assistant_over_texts(tmp_path_factory.mktemp("acr"), {"rutin.txt": RUTIN}, e5)


@pytest.mark.parametrize("question", ["Vad står MTA för?", "What does MTA stand for?"])
def test_what_letters_stand_for_is_quoted_from_the_sentence_that_spells_them_out(rutin, question):
    answer = rutin.ask(question)
    assert answer.answered
    assert [c.quote for c in answer.citations] == [
        "Förvaltningar och bolag ska identifiera sin lägsta nivå av riskacceptans och maximal "
        "tolerabel avbrottstid (MTA)."
    ]
