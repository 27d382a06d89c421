"""The evidence signals e5 does not carry (``assistant.signals``), on tiny exact inputs."""

from __future__ import annotations

import pytest

from assistant.lexical import terms
from assistant.signals import (
    answer_type_found,
    compound_match,
    covered,
    focus_terms,
    number_near,
    numbers_agree,
)


@pytest.mark.parametrize(
    ("question", "language", "focus"),
    [
        ("Vilken timlön får en timvikarie?", "sv", {"timlön"}),
        ("Hur många platser har kommunen?", "sv", {"plats"}),
        ("Hur ofta ska brandskyddskontroller göras?", "sv", {"brandskyddskontroll"}),
        ("Vilket tidigare dokument ersätts?", "sv", {"dokument"}),
        ("Hur lång tid har kommunen på sig?", "sv", set()),  # the answer type, no thing asked
        ("Vilken tidsperiod gäller planen för?", "sv", set()),
        ("Hur stor andel av budgeten går till kultur?", "sv", set()),  # a share: "40 procent"
        ("What share of the budget goes to culture?", "en", set()),
        ("Vad gör regionen?", "sv", set()),  # no "which/how many" thing
        ("What is the deadline for applying?", "en", {"deadlin"}),
        ("What is the tax rate in Ludvika?", "en", {"tax", "rat"}),
        ("On what date was it adopted?", "en", set()),
        # a kind or a modal verb is no thing asked for, in the plural too
        ("Which kinds of natural events count?", "en", {"natural", "event", "count"}),
        ("Vilka typer av organisationer kan söka?", "sv", {"organisation"}),
        ("What level of emissions is allowed?", "en", {"emission"}),  # a level of a thing
        ("Hur länge måste nämnden spara underlagen?", "sv", {"nämnd"}),
    ],
)
def test_focus_is_the_thing_asked_for(question, language, focus):
    assert focus_terms(question, language) == focus


def test_focus_skips_numbers_frame_words_and_names_not_in_the_topic():
    topic = terms("organisationer samverkar scenkonst")
    assert focus_terms(
        "Vilka två organisationer samverkar kring scenkonst?", "sv", None, topic
    ) == {"organisation"}


def test_an_english_focus_is_rendered_in_swedish():
    def render(text: str) -> str:
        return {"deadline": "sista ansökningsdag"}.get(text, text)

    assert focus_terms("What is the deadline for applying?", "en", render) == set(
        terms("sista ansökningsdag")
    )


def test_compound_parts_match_but_short_parts_do_not():
    assert compound_match("vikari", "timvikari")  # a part of the found word
    assert compound_match("platsantal", "antal")  # the wanted word's head
    assert not compound_match("timlon", "lon")  # too short a part to count
    assert not compound_match("bibliotek", "kultur")
    assert covered(["vikari", "timlon"], {"timvikari", "boka"}) == 0.5
    assert covered([], {"x"}) == 0.0


def test_a_number_must_stand_by_what_it_counts():
    assert number_near({"plats"}, "Boendet har 40 platser för äldre.")
    assert not number_near(
        {"plats"}, "Boendet erbjuder platser för äldre som behöver vård och omsorg hela 2024."
    )
    assert not number_near({"plats"}, "Inga siffror här.")


def test_numbers_of_the_question_must_be_said():
    assert numbers_agree("Vad gäller enligt 4 §?", ["Enligt 4 § ska kommunen …"]) == 1.0
    assert numbers_agree("Vad gäller enligt 4 §?", ["Enligt 5 § ska kommunen …"]) == -1.0
    assert numbers_agree("Vad gäller?", ["Enligt 5 §"]) == 0.0


def test_a_duration_in_a_compound_word_is_a_duration():
    assert answer_type_found("duration", ["Läkaren ska besöka inom sju arbetsdagar."])


def test_a_year_before_1900_dating_a_building_is_a_date():
    # "Vilket år byggdes bostadshusen nr 11-18?" over a heritage plan's entries
    assert answer_type_found("date", ["11-18 Bostadshus, uppförda 1810."])
    assert answer_type_found("date", ["Vagnsgarage uppfört under 1800-talet."])
    assert not answer_type_found("date", ["Avgiften är 1810 kr per timme."])


def test_minutes_and_hours_are_durations():
    assert answer_type_found("duration", ["Du ska stanna kvar i 15 minuter efter sprutan."])
    assert answer_type_found("duration", ["Cykel 2,0 km (9 min)."])
    assert answer_type_found("duration", ["The visit takes two hours."])
    assert not answer_type_found("duration", ["Det var minst 3 minusgrader."])


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "Var/Vart …?" over administrative texts: a recipient, an office or a channel answers.
        ("Överklagandet skickas till Länsstyrelsen inom tre veckor.", True),
        ("Beslutet får överklagas hos förvaltningsrätten.", True),
        ("Ansökan lämnas till byggnadsnämnden.", True),
        ("Har du frågor kan du kontakta den vårdenhet du besökte.", True),
        ("Blanketten finns på kommunens webbplats.", True),
        ("Anmälan görs via e-post.", True),
        ("Biblioteket ligger i Ludvika.", True),
        # ... and a sentence naming none of these does not.
        ("Bidraget får användas till underhåll av vägen.", False),
        ("Föreningen ska ha minst fem medlemmar.", False),
        ("Ansökan görs senast den 1 mars.", False),
    ],
)
def test_a_place_answer_is_a_place_a_recipient_or_a_channel(sentence, found):
    assert answer_type_found("place", [sentence]) is found
