"""A list's short item with no lead-in is a label, not an answer (``quotes.orphan_item``): an
item is quoted with the sentence that introduces it, or not at all."""

from __future__ import annotations

import pytest

from assistant.list_spans import orphan_item
from tests.helpers import assistant_over_texts, sentence_lifts

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


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Vad ska framgå av en SIP?", True),
        ("Vad ska planen innehålla?", True),
        ("Vilka uppgifter ska ingå i ansökan?", True),
        ("What routines must the local agreement between the parties cover?", True),
        ("What does the fee include?", True),
        ("Vad ska kommunen göra?", False),  # what is done, not what a list holds
        ("Vad kostar det?", False),
        ("What does the library act say?", False),
    ],
)
def test_a_question_asking_what_a_list_holds(question, asked):
    from assistant.answer_type import list_asked
    from assistant.folding import fold

    assert list_asked(fold(question)) is asked


# A guideline whose list of what a plan must state stands beside sentences about the plan
# that list nothing.
PLAN = (
    "Samordnad individuell plan\n\n"
    "En samordnad individuell plan, SIP, ska upprättas när kommunen eller regionen bedömer att "
    "den enskilde behöver insatser från båda och planen behövs för att behoven ska tillgodoses.\n\n"
    "Riktlinjen ska stödja verksamheterna i arbetet med planen så att alla som behöver en plan "
    "erbjuds att en sådan upprättas.\n\n"
    "Planmötet\n\n"
    "I planen ska det framgå:\n\n"
    "• vilka insatser den enskilde behöver\n"
    "• vilka insatser kommunen och regionen ska svara för\n"
    "• vem som har det övergripande ansvaret\n"
    "• hur och när planen ska följas upp\n"
)


def test_a_list_asked_for_lifts_its_lead_and_is_quoted_with_its_items(tmp_path, e5):
    from assistant.sentence_scores import _LIST_LEAD_BONUS

    over = assistant_over_texts(tmp_path, {"sip.txt": PLAN}, e5)
    query = over.analyze("Vad ska framgå av en samordnad individuell plan?")
    passages = over.retriever.search(query, k=5)
    # the same question's words, read as asking for a list or not
    listed = sentence_lifts(over, query, query.folded, passages)
    plain = sentence_lifts(over, query, "vad galler for en samordnad individuell plan?", passages)
    lead = "I planen ska det framgå:"
    # the lead gets the bonus only when a list is asked; a sentence that lists nothing never
    assert listed[lead] - plain[lead] == pytest.approx(_LIST_LEAD_BONUS) and _LIST_LEAD_BONUS > 0
    assert all(listed[t] == plain[t] for t in listed if t != lead)
    answer = over.ask("Vad ska framgå av en samordnad individuell plan?")
    quotes = [q for c in answer.citations for q in c.quotes]
    assert lead in quotes and "hur och när planen ska följas upp" in quotes
