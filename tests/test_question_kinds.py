"""What kind of answer a question wants, read from its form, not from the nouns it names: a fee
guideline's questions name "avgift" in nearly every line (read blind sets, fifty-first session).

- "Hur <verb> …?" asks how a thing is done ("Hur räknas avgiftsbeloppen om …?"), not a sum;
- a Swedish question opening with its verb is yes or no whatever the verb ("Skickar kommunen
  …?"), a "när" inside it joining a clause, not asking a time;
- a period asked about a fee ("Hur lång tid har man på sig att överklaga ett beslut om avgift?")
  wants the period, not a sum;
- a time counted from an event ("fem (5) dagar i förväg") answers "när";
- "Hur ska man …?" is answered by a list's lead with its items, as "Vad ska … innehålla?" is;
- "Vilka tidsintervall …?" asks how often, as "hur ofta" does;
- "Hur många nivåer …?" counts levels: the counted noun is the question's topic.
"""

from __future__ import annotations

import pytest

from assistant.answer_found import answer_type_found
from assistant.answer_type import wanted_answer
from assistant.folding import fold
from assistant.frequency import often_asked
from assistant.one_sentence import specific_terms
from assistant.sentence_context import refers_up
from assistant.yes_no import yes_no
from tests.helpers import assistant_over_texts


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("Hur räknas avgiftsbeloppen om från ett år till nästa?", None),
        ("Hur betalar jag avgiften?", None),
        ("How is the fee paid?", None),
        # a measure or a change by how much still asks a figure
        ("Hur hög är avgiften?", "amount"),
        ("Hur mycket är avgiften?", "amount"),
        ("Hur räknas avgifterna upp varje år?", "amount"),
        ("Hur höjs avgiften?", "amount"),
        # a period about a fee, and how far ahead
        ("Hur lång tid har man på sig att överklaga ett beslut om avgift?", "duration"),
        ("Hur långt i förväg måste jag säga till?", "duration"),
        # a "när" joining a clause of a yes/no question asks no date; asked, it does
        ("Skickar kommunen en faktura även när det bara gäller några kronor?", None),
        ("När skickas fakturan?", "date"),
        ("Vet du när fakturan skickas?", "date"),
        # a share the question states is its topic; a share asked for is a figure
        ("What does a solvency ratio of at least 100 percent indicate?", None),
        ("Vad händer om kvoten är under 100 procent?", None),
        ("Hur många procent av avgiften betalas tillbaka?", "amount"),
        ("What percent of the fee is refunded?", "amount"),
    ],
)
def test_the_kind_wanted_is_read_from_the_question_form(question, wants):
    assert wanted_answer(fold(question)) == wants


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Skickar kommunen en faktura varje månad även när det bara gäller några kronor?", True),
        ("Jag är inte medlem. Räknar kommunen ändå med ett avdrag när min avgift tas fram?", True),
        ("Ansvarar nämnden för tillsynen?", True),
        ("Kan jag säga upp avtalet när jag vill?", True),
        # an embedded question asks its own kind
        ("Vet du när mötet är?", False),
        ("Kan du säga när avtalet upphör?", False),
        # question words, never verbs
        ("Var finns kontoret?", False),
        ("När gäller avtalet?", False),
        ("Hur räknas avgiften?", False),
    ],
)
def test_a_question_opening_with_its_verb_is_yes_or_no(question, expected):
    assert yes_no(fold(question)) is expected


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Boendet ska meddelas fem (5) dagar i förväg att måltid äts på annan plats.", True),
        ("Handläggaren ska informeras fem kalenderdagar innan avslutsdatumet.", True),
        ("Notify the home 14 days in advance.", True),
        ("Mötet hölls för fem år sedan.", False),
    ],
)
def test_a_time_counted_from_the_event_answers_when(sentence, found):
    assert answer_type_found("date", [sentence]) is found


@pytest.mark.parametrize(
    ("question", "often"),
    [
        ("Vilka tidsintervall motsvarar de fyra sannolikhetsnivåerna?", True),
        ("Vilket intervall gäller för besiktningen?", True),
        ("What interval applies to inspections?", True),
        ("Hur ofta ska planen ses över?", True),
        # who decides how often: a body is asked
        ("Vem bestämmer hur ofta mötet hålls?", False),
        ("Vilka nivåer finns det?", False),
    ],
)
def test_an_interval_is_asked_as_how_often(question, often):
    assert often_asked(fold(question)) is often


def test_the_thing_counted_is_the_topic_even_where_its_word_names_a_kind_of_number():
    wanted = {"niva", "konsekv"}
    assert specific_terms(wanted) == {"konsekv"}  # "Vilken nivå …?" asks a figure
    assert specific_terms(wanted, {"niva"}) == {"niva", "konsekv"}  # "Hur många nivåer …?"
    # "Ett … antal nivåer är tre till sex." counts what the sentence before named
    assert refers_up("Ett vanligt och lämpligt antal nivåer är tre till sex.")
    assert not refers_up("Ett beslut om avgift kan överklagas.")


FEES = """Riktlinjer för avgifter inom äldreomsorgen i Sagoby kommun

Diarienummer: SN 2025:00012
Dokumentet beslutades den: 2025-05-20
Dokumentet ersätter: SN 2021:00340

1. Avgifter
Avgifterna justeras årligen efter prisbasbeloppet. Avgiften för hemtjänst tas ut per månad.

2. Måltider
Den som bor på särskilt boende betalar en avgift för måltider. Vid frånvaro från lunch
reduceras avgiften med 40 procent av en dygnsavgift. För att få avdraget ska boendet meddelas
fem (5) dagar i förväg.

3. Debitering
Debitering sker en månad i efterskott. Mindre belopp faktureras inte månadsvis utan samlas ihop
under tre månader.

4. Överklagan
Ett beslut om avgift kan överklagas hos förvaltningsrätten. Överklagan ska ha kommit in till
kommunen inom tre veckor från det att den enskilde fick del av beslutet.

5. Riskbedömning
Antalet nivåer för konsekvens bör inte vara för många, det kan skapa onödig komplexitet. Ett
vanligt och lämpligt antal nivåer är tre till sex.

Att beskriva en risk så att den blir begriplig och avgränsad för att kunna värderas är inte alltid
lätt. Det kräver övning och erfarenhet. Det tydligaste sättet att beskriva risker är att använda
formatet:

På grund av (orsaker) inträffar risken (händelse) vilket leder till (konsekvenser).
"""


@pytest.fixture(scope="module")
def fees(tmp_path_factory, e5):
    return assistant_over_texts(tmp_path_factory.mktemp("fees"), {"avgifter.txt": FEES}, e5)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # a period asked about a fee: not refused for holding no sum
        ("Hur lång tid har man på sig att överklaga ett beslut om avgift?", "inom tre veckor"),
        # a yes/no question naming "kronor": no sum asked
        (
            "Skickar kommunen en faktura varje månad även när det bara gäller några kronor?",
            "tre månader",
        ),
        # a time counted from the event answers "när"
        ("När måste boendet meddelas om frånvaro från lunch?", "fem (5) dagar i förväg"),
        # the counted noun is the topic; the count stands in the sentence after the topic's
        ("Hur många nivåer för konsekvens är lagom att ha?", "tre till sex"),
        # how one goes about it: the lead of the form, with the form
        ("Hur ska man beskriva en risk så att den går att värdera?", "använda formatet"),
        # the document named by a title word and its kind: its own line answers
        ("vilket gammalt dokument ersatts av de nya avgiftsreglerna", "SN 2021:00340"),
    ],
)
def test_a_fee_guideline_answers_by_the_kind_asked(fees, question, words):
    answer = fees.ask(question)
    assert answer.answered, answer.answer
    assert any(words in q for c in answer.citations for q in c.quotes), answer.answer
