"""Questions asking what is required and the sentences that state a requirement
(``assistant.duty``): exact rules, and one answer over a real index and e5."""

from __future__ import annotations

import pytest
from helpers import assistant_over_texts

from assistant.duty import duty_asked, states_duty
from assistant.folding import fold


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Vad måste det stå i rutinerna?", True),
        ("Är arbetsgivaren skyldig att utreda olyckan?", True),
        ("När är det krav på skriftliga instruktioner?", True),
        ("Krävs det tillstånd för provsmakning?", True),
        ("What must the routines say?", True),
        ("Is a permit required for tastings?", True),
        # "ska" and "behöver" ask when or how as often as what is required
        ("När ska ansökan lämnas?", False),
        ("Hur ofta behöver man undersöka arbetsmiljön?", False),
        ("Vad står det i rutinerna?", False),
    ],
)
def test_a_question_asking_what_is_required(question, asks):
    assert duty_asked(fold(question.lower())) is asks


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("Av rutinen ska framgå vem som ansvarar.", True),
        ("Arbetsgivaren är skyldig att utreda orsakerna.", True),
        ("Tillstånd krävs för provsmakning.", True),
        ("The employer shall keep a record.", True),
        ("Det är viktigt att rutinerna hålls aktuella.", False),
        ("Instruktionerna bör finnas tillgängliga.", False),
        ("Rutinerna kan samordnas med verksamhetens andra rutiner.", False),
    ],
)
def test_a_sentence_stating_a_requirement(sentence, states):
    assert states_duty(sentence) is states


_RULES = {
    "brandskydd.txt": (
        "Föreskrifter om brandskydd i skolor\n\n"
        "## Rutiner\n\n"
        "8 § Huvudmannen ska se till att det finns rutiner för brandskyddet i varje skola. "
        "Av rutinen ska framgå vem som ansvarar för kontrollen och när den görs.\n\n"
        "## Allmänna råd\n\n"
        "Det är viktigt att rutinerna för brandskyddet hålls aktuella och är kända av alla i "
        "skolan. Ofta finns det redan rutiner i skolan som brandskyddsrutinerna kan samordnas "
        "med.\n\n"
        "## Utbildning\n\n"
        "9 § Huvudmannen ska se till att personalen får utbildning i brandskydd. Utbildningen "
        "bör upprepas vart tredje år.\n"
    )
}


def test_what_must_be_done_is_quoted_from_the_provision_not_the_advice_beside_it(tmp_path, e5):
    # A föreskrift's general advice ranks as high as its provision; the provision answers.
    assistant = assistant_over_texts(tmp_path, _RULES, e5)
    answer = assistant.ask("Vad måste det stå i rutinerna för brandskyddet?")
    assert answer.answered, answer.answer
    first = answer.citations[0].quotes
    assert any("Av rutinen ska framgå" in q for q in first), answer.answer
