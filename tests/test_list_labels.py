"""A list's short item with no lead-in is a label, not an answer (``quotes.orphan_item``): an
item is quoted with the sentence that introduces it, or not at all."""

from __future__ import annotations

import pytest

from assistant.list_spans import orphan_item
from tests.helpers import assistant_over_texts

LABELS = (
    "För att bedöma allvarlighetsgraden görs en bedömning utifrån nedanstående kriterier. "
    "Bedömningen kan ändras under utredningen.\n\n"
    "• Allvarlig vårdskada\n• Risk för allvarlig vårdskada\n• Vårdskada\n"
)
LED = "Avvikelser klassas enligt följande:\n\n• Allvarlig vårdskada\n• Vårdskada\n"


@pytest.mark.parametrize(
    ("text", "item", "orphan"),
    [
        (LABELS, "Risk för allvarlig vårdskada", True),
        (LED, "Allvarlig vårdskada", False),  # its lead ends with a colon: quoted with it
        # an item that says something (a figure, or more than a label's few words)
        ("Avgifter.\n\n• Grundavgift 500 kr\n• Tillägg 200 kr\n", "Grundavgift 500 kr", False),
        (
            "Ansvar.\n\n• Enhetschefen ansvarar för att rutinen följs i verksamheten\n",
            "Enhetschefen ansvarar för att rutinen följs i verksamheten",
            False,
        ),
        (LABELS, "För att bedöma allvarlighetsgraden", False),  # a sentence, not an item
        # a numbered item that is a whole sentence, under a lead ending in a full stop
        (
            "Huvudmän är kommunerna och regionerna.\n\n1. För folkbibliotek ansvarar kommunerna.\n",
            "För folkbibliotek ansvarar kommunerna.",
            False,
        ),
    ],
)
def test_a_short_item_without_a_lead_is_a_label(text, item, orphan):
    assert orphan_item(text, text.index(item)) is orphan


def test_a_classification_question_quotes_the_definition_not_the_label(tmp_path, e5):
    text = (
        "Rutin för avvikelser\n\nDefinitioner\n\n"
        "Allvarlig vårdskada innebär att patienten fått bestående skada eller avlidit.\n\n"
        f"Klassificering\n\n{LABELS}"
    )
    over = assistant_over_texts(tmp_path, {"rutin.txt": text}, e5)
    answer = over.ask("När räknas en vårdskada som allvarlig?")
    assert answer.answered
    quotes = [q for c in answer.citations for q in c.quotes]
    assert any(q.startswith("Allvarlig vårdskada innebär") for q in quotes), quotes
    assert "Risk för allvarlig vårdskada" not in quotes
