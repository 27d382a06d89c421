"""An act asked about that texts name with a fixed word (``asked_act``, the "act" kind of
``absent_kind``): an appeal, a payment."""

from __future__ import annotations

import pytest

from assistant.absent_kind import absent_kind
from assistant.asked_act import act_asked, act_named
from assistant.folding import fold
from tests.helpers import asked, read_sentences

_query = asked
_read = read_sentences


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ("Kan man överklaga rektorns beslut?", "appeal"),
        ("kan man overklaga beslutet", "appeal"),
        ("Vart överklagar man ett avslag?", "appeal"),
        ("Can I appeal the decision?", "appeal"),
        ("Vem betalar för överbesiktningen?", "pay"),
        ("Vem ska betala kontrollen?", "pay"),
        ("Who pays for hidden defects?", "pay"),
        ("Måste jag betala för grannehörandet?", "pay"),
        ("Is there a fee to file a complaint?", "pay"),
        ("Kostar det något att låna böcker?", "pay"),
        ("Får sotaren ta betalt om jag inte är hemma?", "pay"),
        ("Can the public library charge me for photocopies?", "pay"),
        # a sum is asked: the number and money rules read these
        ("Hur mycket betalar man i avgift per år?", None),
        ("How much do I pay for each cubic metre of water?", None),
        ("Vad kostar ett lånekort?", None),
        ("Vad händer om jag betalar fakturan för sent?", None),
    ],
)
def test_the_act_a_question_asks_about(question, act):
    assert act_asked(fold(question)) == act


def test_a_decision_without_its_appeal_does_not_answer_whether_one_can_appeal():
    question = _query("Kan man överklaga rektorns beslut om särskild undervisningsgrupp?")
    decision = (
        "Rektorn bör säkerställa att ett beslut om särskild undervisningsgrupp inte omfattar "
        "fler ämnen än nödvändigt."
    )
    assert absent_kind(question, _read(decision)) == "act"
    appeal = "Rektorns beslut om särskild undervisningsgrupp får överklagas till skolväsendets överklagandenämnd."
    assert absent_kind(question, _read(decision, appeal)) is None
    english = _query("Can the head teacher's decision be appealed?", "en")
    assert absent_kind(english, _read(decision)) == "act"


def test_who_pays_is_answered_by_a_sentence_or_heading_naming_the_payment():
    question = _query("Vem betalar för överbesiktningen?")
    what = (
        "Överbesiktningen utförs av tre besiktningsmän och dess utlåtande ersätter den "
        "ursprungliga besiktningen."
    )
    assert absent_kind(question, _read(what)) == "act"  # "ersätter" replaces, pays nothing
    paid = "Kostnaderna för provtagning ska ersättas av den vars verksamhet tillsynen avser."
    assert absent_kind(_query("Vem får betala proverna?"), _read(paid)) is None
    # A FAQ's question as the heading names the payment; its answer names who.
    assert (
        absent_kind(
            _query("Who pays for hidden defects?", "en"),
            _read("Säljaren vid fastighetsköp.", section="Dolda fel › Vem betalar dolda fel?"),
        )
        is None
    )


def test_an_english_question_reads_twice_as_many_sentences_for_the_act():
    # Ranked through a rendering, the sentence naming the appeal came fourth.
    others = (
        "Oberoende besiktningsman gör rapport.",
        "Besiktningen kan godkännas.",
        "Fel noteras.",
    )
    appeal = "Besiktningsutlåtandet kan inte överklagas i traditionell mening."
    english = _query("Can I appeal the inspection report?", "en")
    assert absent_kind(english, _read(*others, appeal)) is None
    assert (
        absent_kind(_query("Kan jag överklaga besiktningsutlåtandet?"), _read(*others, appeal))
        == "act"
    )


def test_the_act_as_texts_write_it():
    assert act_named("appeal", "Beslutet får överklagas hos förvaltningsrätten.")
    assert act_named("appeal", "Begäran om överprövning ska ha kommit in inom tio dagar.")
    assert act_named("pay", "Avgiften tas ut per timme.")
    assert act_named("pay", "Resekostnaderna bekostas av regionen.")
    assert act_named("pay", "Kostnaderna ska ersättas av den vars verksamhet tillsynen avser.")
    # replacing is not paying, nor is a decision an appeal
    assert not act_named("pay", "Dess utlåtande ersätter den ursprungliga besiktningen.")
    assert not act_named("appeal", "Rektorn fattar beslut om särskild undervisningsgrupp.")
