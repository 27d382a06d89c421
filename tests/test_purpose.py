"""A document's purpose: read from its own sentence at indexing, asked of the document
("Vad beskriver bilagan?"), cited from its line; the card that holds it is no passage for any
other question (it is never quoted then, so it must not push a passage out of the first places)."""

from __future__ import annotations

import pytest

from assistant import Assistant
from tests.helpers import assistant_over_texts, first_cited

RUTIN = """Rutin för nyckelhantering i hemtjänsten

Syfte

Att nycklar till brukarnas bostäder förvaras och lämnas ut säkert.

Ansvar

Enhetschefen ansvarar för att nyckelskåpet är låst. Nycklar kvitteras ut av personalen och
lämnas tillbaka samma dag. En förlorad nyckel anmäls till enhetschefen inom en timme.
"""

BILAGA = """Bilaga 3 till avtalet om färdtjänst

Bilagan beskriver hur resor med färdtjänst beställs och betalas i kommunen.

Resor beställs senast en timme före avresa. Egenavgiften är 40 kronor per resa.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5) -> Assistant:
    return assistant_over_texts(
        tmp_path_factory.mktemp("purpose"),
        {"rutin-nycklar.txt": RUTIN, "bilaga-fardtjanst.txt": BILAGA},
        e5,
    )


@pytest.mark.parametrize(
    ("question", "source", "quote"),
    [
        (
            "Vad beskriver bilagan?",
            "bilaga-fardtjanst.txt",
            "Bilagan beskriver hur resor med färdtjänst beställs och betalas i kommunen.",
        ),
        (
            "Vad är syftet med rutinen för nyckelhantering?",
            "rutin-nycklar.txt",
            "Att nycklar till brukarnas bostäder förvaras och lämnas ut säkert.",
        ),
    ],
)
def test_a_purpose_question_is_answered_from_the_documents_own_line(
    assistant, question, source, quote
):
    answer = assistant.ask(question)
    assert answer.answered
    # the document's own line, on its page, not the card's wording
    assert first_cited(answer) == (source, "passage", quote)


def test_a_card_comes_after_the_passages_for_a_content_question(assistant):
    found = assistant.search("Vad ska personalen göra om en nyckel har förlorats?")
    kinds = [p.kind for p in found]
    assert "card" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "card")
    assert "inom en timme" in found[0].text
