"""A "which …?" question whose best sentence names the group, the next one its members."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.candidates import Candidate
from assistant.enumeration import (
    lists_members,
    members_asked,
    with_list_after,
    with_listed_members,
    with_members,
)
from assistant.folding import fold
from assistant.lexical import terms
from assistant.results import Passage

TEXT = (
    "Kommunen driver i dag tre bibliotek för allmänheten. De ligger i Norrby, Söderby och "
    "Västby. Biblioteken har öppet alla vardagar."
)


def _first(text: str = TEXT) -> Candidate:
    passage = Passage("p1", "x.txt", "X", 1, "", text, 0.9, 0, len(text), "passage")
    end = text.index(".") + 1
    return Candidate(passage, 0, end, 0.9, 0.9, np.zeros(2))


def _ask(question: str) -> SimpleNamespace:
    return SimpleNamespace(folded=fold(question))


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("Vilka bibliotek driver kommunen?", "bibliotek"),
        ("I vilka orter ligger biblioteken?", "orter"),
        ("Which libraries does the municipality run?", "libraries"),
        ("What authorities must the investigator consult?", "authorities"),
        ("Hur många bibliotek finns det?", None),
        ("Vad kostar ett lånekort?", None),
        # the extreme one(s), which a sentence names by description, not a list
        ("I vilka områden har skolorna lägst andel elever med åtgärdsprogram?", None),
        ("Which libraries have the most visitors?", None),
        # "minst" is also "at least": all of them are asked
        ("Vilka krav ska minst uppfyllas?", "krav"),
    ],
)
def test_which_group_a_question_asks_the_members_of(question, group):
    assert members_asked(fold(question)) == group


def test_the_next_sentence_listing_the_members_is_quoted_with_the_group():
    first = _first()
    chosen = with_members(_ask("Vilka bibliotek driver kommunen?"), [first])
    assert [c.text for c in chosen] == [
        "Kommunen driver i dag tre bibliotek för allmänheten.",
        "De ligger i Norrby, Söderby och Västby.",
    ]


def test_the_members_may_open_the_next_passage():
    # A PDF export without blank lines cut the paragraph after the group's sentence.
    lead = "Kommunen driver i dag tre bibliotek för allmänheten."
    rest = "Biblioteken ligger i Norrby, Söderby och Västby. De har öppet alla vardagar."
    first = _first(lead)
    after = Passage("p2", "x.txt", "X", 1, "", rest, 0.5, len(lead) + 2, len(lead) + 2 + len(rest))
    elsewhere = Passage("p3", "y.txt", "Y", 1, "", rest, 0.8, len(lead) + 2, 200)
    question = _ask("Vilka bibliotek driver kommunen?")
    chosen = with_members(question, [first], [elsewhere, after])
    assert [(c.passage.id, c.text) for c in chosen] == [
        ("p1", lead),
        ("p2", "Biblioteken ligger i Norrby, Söderby och Västby."),
    ]
    # a passage further on is no continuation
    apart = Passage("p2", "x.txt", "X", 1, "", rest, 0.5, len(lead) + 40, 300)
    assert with_members(question, [first], [apart]) == [first]


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # not asked which
        ("Hur många bibliotek driver kommunen?", TEXT),
        # the quote does not name the group asked about
        ("Vilka orter har simhall?", TEXT),
        # the next sentence lists, but does not point back
        (
            "Vilka bibliotek driver kommunen?",
            "Kommunen driver i dag tre bibliotek för allmänheten. Norrby, Söderby och Västby har "
            "simhallar.",
        ),
        # the next sentence points back, but lists nothing
        (
            "Vilka bibliotek driver kommunen?",
            "Kommunen driver i dag tre bibliotek för allmänheten. De har öppet alla vardagar.",
        ),
    ],
)
def test_no_sentence_is_added_unless_it_points_back_and_lists(question, text):
    first = _first(text)
    assert with_members(_ask(question), [first]) == [first]


def test_a_list_is_two_commas_or_a_comma_and_a_closing_conjunction():
    assert lists_members("De är från Pfizer/BionTech, Moderna, Janssen och Astra Zeneca.")
    assert lists_members("asylsökande barn, barn med tillfälligt skydd samt barn som väntar")
    assert not lists_members("Biblioteken har öppet alla vardagar.")
    assert not lists_members("Biblioteken har öppet vardagar och lördagar.")


MEASURES = (
    "16 § Om det trots valen av produkt och arbetsmetod fortfarande finns risker ska ytterligare "
    "åtgärder vidtas. Riskerna ska minskas genom följande typer av åtgärder i följande "
    "prioritetsordning.\n1. Utföra arbetet i ett slutet system.\n2. Använda processventilation.\n"
    "3. Använda personlig skyddsutrustning.\n\nUppgifter om avfall ska lämnas till mottagaren."
)


def test_a_list_introduced_after_the_quote_comes_with_it_when_it_holds_what_is_asked():
    first = _first(MEASURES)
    # "ordning" is asked, and only the lead's "prioritetsordning" holds it: the lead is quoted
    asked = SimpleNamespace(topic_terms=terms("I vilken ordning ska skyddsåtgärder väljas?"))
    chosen = with_list_after(asked, [first])
    assert [c.text for c in chosen] == [
        first.text,
        "Riskerna ska minskas genom följande typer av åtgärder i följande prioritetsordning.",
    ]
    # asked nothing the lead adds: the quote stands alone
    other = SimpleNamespace(topic_terms=terms("Vad ska göras om det finns risker kvar?"))
    assert with_list_after(other, [first]) == [first]
    # a sentence after it that lists nothing: unchanged
    plain = _first("Riskerna ska minskas. Ordningen bestäms av arbetsgivaren.")
    assert with_list_after(asked, [plain]) == [plain]


def _quoted(text: str, sentence: str) -> Candidate:
    passage = Passage("p1", "x.txt", "X", 1, "", text, 0.9, 0, len(text), "passage")
    start = text.index(sentence)
    return Candidate(passage, start, start + len(sentence), 0.9, 0.9, np.zeros(2))


GROUP_ONLY = "Kommunen och regionen ger båda bidrag till de verksamma studieförbunden i länet."


@pytest.mark.parametrize(
    ("question", "text", "sentence", "absent"),
    [
        # The group named, none of its members: the kind of answer asked for is absent.
        ("Vilka studieförbund finns i kommunen?", GROUP_ONLY, GROUP_ONLY, True),
        ("Which study associations are there?", GROUP_ONLY, GROUP_ONLY, False),  # not named
        # Its members listed in the sentence, or as the items of its list.
        (
            "Vilka studieförbund får bidrag?",
            "Bidrag ges till studieförbunden ABF, Studiefrämjandet och Vuxenskolan.",
            "Bidrag ges till studieförbunden ABF, Studiefrämjandet och Vuxenskolan.",
            False,
        ),
        (
            "Vilka studieförbund får bidrag?",
            "Följande studieförbund får bidrag:\n- ABF\n- Vuxenskolan\n",
            "Följande studieförbund får bidrag:",
            False,
        ),
        # Members under their own names, the group unnamed: no telling.
        (
            "Vilka studieförbund får bidrag?",
            "ABF får 40 000 kr per år.",
            "ABF får 40 000 kr per år.",
            False,
        ),
        ("Hur många studieförbund finns?", GROUP_ONLY, GROUP_ONLY, False),  # no members asked
        # A member named by a compound on the group's noun: a kind of day.
        (
            "Vilka dagar besöker bokbussen byarna?",
            "Bokbussen besöker byarna varannan tisdag.",
            "Bokbussen besöker byarna varannan tisdag.",
            False,
        ),
        # Two names beside the group's noun are its members; one is a party ("Region Dalarna").
        (
            "Vilka gästspel stödjer regionen?",
            "Region Dalarna stödjer även Folkmusikens Hus och Riksteatern för gästspel.",
            "Region Dalarna stödjer även Folkmusikens Hus och Riksteatern för gästspel.",
            False,
        ),
        (
            "Vilka studieförbund finns i Ludvika?",
            "Region Dalarna och Ludvika kommun ger bidrag till studieförbunden.",
            "Region Dalarna och Ludvika kommun ger bidrag till studieförbunden.",
            True,
        ),
    ],
)
def test_a_quote_naming_the_group_and_none_of_its_members_lacks_the_answer(
    question, text, sentence, absent
):
    chosen = [_quoted(text, sentence)]
    assert (with_listed_members(_ask(question), chosen) is None) is absent


@pytest.mark.parametrize(
    "text",
    [
        "Regionen har samma vacciner som andra regioner. De är Pfizer, Moderna och Novavax.",
        "Det finns från Pfizer, Moderna och Novavax. Regionen har samma vacciner som andra regioner.",
    ],
)
def test_the_members_listed_beside_the_group_in_its_paragraph_are_quoted_with_it(text):
    chosen = [_quoted(text, "Regionen har samma vacciner som andra regioner.")]
    quoted = with_listed_members(_ask("Vilka vacciner finns?"), chosen)
    assert quoted is not None and len(quoted) == 2
    assert "Pfizer, Moderna och Novavax" in quoted[1].text
    # A blank line between them: another paragraph's list, and nothing to quote.
    apart = text.replace(". ", ".\n\n", 1)
    chosen = [_quoted(apart, "Regionen har samma vacciner som andra regioner.")]
    assert with_listed_members(_ask("Vilka vacciner finns?"), chosen) is None
