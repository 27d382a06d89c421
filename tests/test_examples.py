"""Questions asking for examples and the sentences that give them (``assistant.examples``):
exact rules, and one answer over a real index and e5."""

from __future__ import annotations

import pytest
from helpers import assistant_over_texts
from test_reasons import _sentences

from assistant.examples import examples_asked, gives_examples, with_examples_after
from assistant.folding import fold


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Ge exempel på fartyg som står utanför stödet.", True),
        ("Kan du ge några exempel på konsekvenser?", True),
        ("Vilka exempel ger planen på åtgärder?", True),
        ("Give some examples of measures in the plan.", True),
        ("What are some examples of hazards?", True),
        ("Vilka fartyg står utanför stödet?", False),
        ("Vad är ett exempel?", False),
        ("Hur stor förlust ges som exempel på en oacceptabel nivå?", False),
    ],
)
def test_a_question_asking_for_examples(question, asks):
    assert examples_asked(fold(question.lower())) is asks


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Det handlar om t.ex. kabelläggningsfartyg och mätfartyg.", True),
        ("Riskägare är exempelvis verksamhetsansvariga.", True),
        ("Det gäller bland annat skolor och förskolor.", True),
        ("Hazards such as fire and flood are assessed.", True),
        ("Det finns ett antal specialfartyg utanför stödet.", False),
    ],
)
def test_a_sentence_giving_examples(text, gives):
    assert gives_examples(text) is gives


def test_examples_following_the_quote_are_quoted_after_it():
    kind, examples, other = _sentences(
        "Ett antal specialfartyg får inget stöd i dag. Det handlar om till exempel mätfartyg. "
        "Stödet kostar 80 miljoner kronor."
    )
    asked = fold("ge exempel på fartyg som inte får stöd i dag")
    assert with_examples_after(asked, [kind], [kind, examples, other]) == [kind, examples]
    # not for a question that asks none, nor when a quote already gives some
    plain = fold("vilka fartyg får inget stöd?")
    assert with_examples_after(plain, [kind], [kind, examples]) == [kind]
    assert with_examples_after(asked, [examples], [kind, examples, other]) == [examples]
    # a following sentence that gives none is not added
    assert with_examples_after(asked, [kind], [kind, other]) == [kind]


_PROPOSAL = {
    "sjofartsstod.md": (
        "# Sjöfartsstödets inriktning\n\n"
        "## Skälen för förslaget\n\n"
        "Sjöfartsstödet lämnas i dag till fartyg i handelssjöfart. Samtidigt finns i det svenska "
        "fartygsregistret ett antal specialfartyg som inte omfattas av förordningen och som "
        "därför inte får sjöfartsstöd i dag. Det handlar om t.ex. kabelläggningsfartyg och "
        "mätfartyg. Regeringen föreslår att stödet ska omfatta även dessa fartyg.\n\n"
        "## Kostnader\n\n"
        "Utgifterna för stödet minskade med 80 miljoner kronor mellan 2010 och 2011.\n"
    )
}


def test_a_request_for_examples_is_answered_with_the_examples(tmp_path, e5):
    assistant = assistant_over_texts(tmp_path, _PROPOSAL, e5)
    answer = assistant.ask(
        "Ge exempel på fartyg i registret som i dag står utanför sjöfartsstödet."
    )
    assert answer.answered, answer.answer
    quotes = [q for c in answer.citations for q in c.quotes]
    assert any("kabelläggningsfartyg" in q for q in quotes), quotes
