""" "Vad händer om …?" wants a condition or a consequence in what is quoted
(``assistant.consequence``, the "consequence" kind of ``absent_kind``): tiny exact inputs and one
invented text with the real e5, each refused question beside its answered twin."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.absent_kind import absent_kind
from assistant.candidates import with_typed
from assistant.consequence import consequence_asked, consequence_found, sanction_asked
from assistant.core import Assistant
from assistant.folding import fold
from assistant.intent import wanted_answer
from tests.helpers import assistant_over_texts


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Vad händer om jag betalar fakturan för sent?", True),
        # the consequences by their noun, for whom or on what condition
        ("Vilka konsekvenser får det för en anställd som lånar ut sitt kort?", True),
        ("What are the consequences for a member who misses the meeting?", True),
        ("Vilka konsekvenser har planen?", False),
        ("What are the consequences of the new plan?", False),
        ("Vad händer om en kommun inte har något folkbibliotek?", True),
        ("Vad sker ifall nämnden inte lämnar in budgeten?", True),
        ("Vad händer med den som inte följer reglerna?", True),
        ("What happens if I build without a permit?", True),
        ("What happens to a committee that submits its budget late?", True),
        ("Och vad händer då om ingen svarar?", True),
        ("What happens, or what sanctions apply, if nobody writes the plan?", True),
        ("Vad händer, eller vilka påföljder finns, om planen saknas?", True),
        # what is done with a thing, not what follows from a failure
        ("Vad händer med buggen jag rapporterade?", False),
        # asked after another question, whose first part may be answered
        ("Måste vi anmäla tillbyggnaden och vad händer om vi glömmer det?", False),
        ("Vad är byggsanktionsavgift?", False),
        ("När händer det?", False),
    ],
)
def test_a_consequence_is_asked_by_what_happens_if(question, asks):
    assert consequence_asked(fold(question)) is asks


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Om något saknas kommer förvaltningen att begära en komplettering.", True),
        ("Betalas beloppet inte i tid ska dröjsmålsränta betalas.", True),
        ("Olovligt byggande kan leda till byggsanktionsavgift.", True),
        (
            "För de områden som förblir obesvarade har myndigheten rätt att vända sig till andra.",
            True,
        ),
        ("If the fee is not paid, the permit lapses.", True),
        ("Varje kommun ska ha folkbibliotek.", False),
        ("Nämnderna ska lämna in budgetskrivelsen senast den 30 juni.", False),
        # "om" opening a condition: where a clause opens, before a subject, a verb or a passive
        ("Skyddet uppstår inte om du redan är smittad.", True),
        ("Avgiften återbetalas om ansökan avslås.", True),
        ("Ansvaret gäller även om verksamheten läggs ut.", True),
        ("Ersättning (om sådan finns) betalas ut.", True),
        # "om" the preposition: a subject matter, not a condition
        ("Bestämmelsen i kommunallagen om anknytning till kommunens område gäller inte.", False),
        ("Kommunen fattar beslut om bidrag till föreningar.", False),
        ("Biblioteken ska öka kunskapen om hur informationsteknik kan användas.", False),
        # free of a charge is no consequence
        ("Biblioteket lånar ut böcker avgiftsfritt till alla.", False),
        # "vid alla …" says where a duty holds; "vid" an event, a condition
        ("Miljökrav ska ställas vid alla upphandlingar.", False),
        ("Vid fel i leveransen ska leverantören åtgärda bristen.", True),
    ],
)
def test_a_condition_or_a_consequence_is_found(text, found):
    assert consequence_found(text) is found


def _query(question: str) -> SimpleNamespace:
    folded = fold(question)
    return SimpleNamespace(
        folded=folded, search_text=question, language="sv", wants=wanted_answer(folded)
    )


def _read(*sentences: str) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            text=s, score=1.0 - i / 10, passage=SimpleNamespace(id=f"p{i}", text=s, kind="text")
        )
        for i, s in enumerate(sentences)
    ]


def test_a_duty_answers_no_what_happens_if_it_is_not_met():
    question = _query("Vad händer om en kommun inte har något folkbibliotek?")
    duty = _read("Varje kommun ska ha folkbibliotek.", "Folkbiblioteket ska vara tillgängligt.")
    assert absent_kind(question, duty) == "consequence"
    stated = _read("Varje kommun ska ha folkbibliotek.", "Saknas bibliotek kan staten ge vite.")
    assert absent_kind(question, stated) is None


def test_the_best_sentence_stating_a_consequence_is_quoted_beside_the_duty():
    question = _query("Vad händer om jag betalar avgiften för sent?")
    read = _read(
        "Avgiften betalas till kommunen.",
        "Avgiften ska vara betald inom 30 dagar.",
        "Betalas avgiften inte i tid ska dröjsmålsränta betalas.",
        "Vid för sen betalning skickas en påminnelse.",
    )
    chosen = with_typed(question, read[:2], read)
    assert [c.text for c in chosen][-1] == "Betalas avgiften inte i tid ska dröjsmålsränta betalas."
    # nothing added when a quote already states one, nor when none of the read does
    assert with_typed(question, read[2:3], read) == read[2:3]
    assert with_typed(question, read[:2], read[:2]) == read[:2]


TAXA = """Taxa för parkeringstillstånd i Sagoby kommun

1 Ansökan
Ansökan om parkeringstillstånd görs hos tekniska nämnden. Tillståndet gäller i ett år.

2 Avgift
Avgiften för ett boendeparkeringstillstånd är 600 kronor per år. Avgiften ska betalas inom 30
dagar från det att fakturan skickats. Betalas avgiften inte i tid skickas en påminnelse, och
därefter kan tillståndet återkallas.

3 Skyltning
Tillståndet ska placeras väl synligt innanför vindrutan. Varje bil ska ha eget tillstånd.
"""


@pytest.fixture(scope="module")
def taxa(tmp_path_factory, e5):
    return assistant_over_texts(tmp_path_factory.mktemp("taxa"), {"taxa.txt": TAXA}, e5)


def test_what_happens_is_refused_when_the_text_only_states_the_duty(taxa, e5):
    # The text says where the permit is placed and nothing of what follows if it is not.
    refused = taxa.ask("Vad händer om tillståndet inte syns i vindrutan?")
    assert not refused.answered and not refused.citations
    # The twin: what follows from paying late is stated.
    answered = taxa.ask("Vad händer om man inte betalar avgiften i tid?")
    assert answered.answered
    assert any("återkallas" in q for c in answered.citations for q in c.quotes)
    # Asked in everyday words ("för sent") the rule lets it through too; the fitted model holds
    # it at p 0.559 against the threshold 0.56 since the fiftieth session's re-fit (0.560
    # before), so whether it is answered is the model's borderline, not this rule's (README).
    lower = taxa.settings.model_copy(update={"answer_threshold": 0.5})
    everyday = Assistant(lower, embeddings=e5).ask("Vad händer om jag betalar avgiften för sent?")
    assert everyday.answered
    assert any("återkallas" in q for c in everyday.citations for q in c.quotes)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Blir det något vite om nämnden lämnar rapporten för sent?", True),
        ("Vilket straff kan en beställare få om den bryter mot reglerna?", True),
        ("What penalty does a company face if it reports late?", True),
        # the condition in a relative clause naming a failure
        ("What sanctions can MSB impose on an agency that fails to manage its risks?", True),
        ("Vilket straff får den som bryter mot reglerna?", True),
        ("Vilka sanktioner finns för en nämnd som inte följer rutinen?", True),
        ("Vilka sanktioner finns för nämnder som följer rutinen?", False),
        # how large a sanction is: the number rules' question
        ("Hur stor blir byggsanktionsavgiften om man bygger utan lov?", False),
        # no condition: what the sanction is called or who decides it
        ("Vem beslutar om sanktionsavgiften?", False),
    ],
)
def test_a_sanction_asked_under_a_condition(question, asks):
    assert sanction_asked(fold(question)) is asks


def test_a_sanction_asked_is_answered_by_a_condition_or_a_sanction_the_asked_one_too():
    question = _query("Blir det något vite om nämnden lämnar rapporten för sent?")
    duty = _read("Nämnden ska lämna rapporten senast den 15 februari.")
    assert absent_kind(question, duty) == "consequence"
    for answer in (
        "Lämnas rapporten för sent utgår ett vite om 5 000 kronor.",
        "Om rapporten kommer in för sent kan ersättningen sättas ned.",
    ):
        assert absent_kind(question, _read(duty[0].text, answer)) is None, answer
