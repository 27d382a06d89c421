"""The year a question asks about against the years a sentence names (``assistant.years``):
exact, without a model."""

from __future__ import annotations

import pytest

from assistant.years import dated, other_year, years_of


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Självrisken är 1 prisbasbelopp (47 600 kr år 2021).", [(2021, 2021)]),
        ("Planperioden 2019–2022 och läsåret 2023/24.", [(2019, 2022), (2023, 2024)]),
        ("Från 2021 gäller ett höjt tak.", [(2021, 10_000)]),
        ("Utsläppen ska halveras senast år 2030.", [(0, 2030)]),
        # a date's year counts, a law's number does not
        ("Beslutat 2023-03-31 enligt SFS 2010:900.", [(2023, 2023)]),
        ("Avgiften är 2 500 kr per år.", []),
    ],
)
def test_years_as_texts_write_them(text, spans):
    assert sorted(years_of(text)) == sorted(spans)


def test_a_sentence_naming_only_other_years_answers_about_another_year():
    asked = "Hur stort var prisbasbeloppet år 2023?"
    assert other_year(asked, ["Självrisken är 1 prisbasbelopp (47 600 kr år 2021)."])
    assert not other_year(asked, ["Prisbasbeloppet var 52 500 kr år 2023."])
    # a rule naming no year may hold every year; a later quote may hold the year asked
    assert not other_year(asked, ["Självrisken är ett prisbasbelopp."])
    assert not other_year(asked, ["Det höjdes 2021.", "År 2023 var det 52 500 kr."])
    # a span or an open start holds the year; a question naming no year asks none
    assert not other_year("Vad är taket för RUT 2026?", ["Från 2021 gäller ett tak på 75 000 kr."])
    assert not other_year("Vad gäller läsåret 2023/24?", ["Målet för LÅ 2024-2025 är högre."])
    assert not other_year("Hur stort är taket?", ["Taket var 50 000 kr år 2020."])


@pytest.mark.parametrize(
    ("text", "section", "read"),
    [
        # a sentence naming a year is read as it is
        ("Det var 10 fall 2024.", "A › Resultat 2025", "Det var 10 fall 2024."),
        # one naming none takes its innermost dated heading's
        (
            "Antal fall: 10 (föregående år 6).",
            "2019 › Resultat 2025 ",
            "Antal fall: 10 (föregående år 6). (Resultat 2025)",
        ),
        ("Antal fall: 10.", "Resultat", "Antal fall: 10."),
        # a year compared with is not the sentence's own
        ("Det var 487 fall, mot 410 år 2024.", "Fynd", "Det var 487 fall,  ."),
        (
            "Det var 5 procent färre jämfört med 2024.",
            "Fynd 2025",
            "Det var 5 procent färre  . (Fynd 2025)",
        ),
    ],
)
def test_a_sentence_is_dated_by_its_heading_not_by_a_year_it_compares_with(text, section, read):
    assert dated(text, section) == read


@pytest.mark.parametrize(
    ("title", "read"),
    [
        # a report's title dates what its sentences state without a year of their own
        (
            "Swedres-Svarm 2025 sammanfattning",
            "Antal fall ökar. (Swedres-Svarm 2025 sammanfattning)",
        ),
        ("Överenskommelse 2019–2022", "Antal fall ökar. (Överenskommelse 2019–2022)"),
        # a title of two years or none dates nothing
        ("Plan 2020 och strategi 2030", "Antal fall ökar."),
        ("Riktlinjer för avgifter", "Antal fall ökar."),
    ],
)
def test_a_sentence_no_heading_dates_is_dated_by_its_documents_title(title, read):
    assert dated("Antal fall ökar.", "Sammanfattning", title) == read


def test_a_question_about_a_year_a_dated_report_does_not_cover_is_about_another_year():
    text = dated("Antal fall ökar.", "Sammanfattning", "Swedres-Svarm 2025 sammanfattning")
    assert other_year("Hur många fall var det 2023?", [text])
    assert not other_year("Hur många fall var det 2025?", [text])


def test_a_target_asked_by_a_year_is_that_years_not_every_year_before_it():
    targets = ["Köpt energi ska minska med 12 % till 2014 och 25 % till 2020."]
    # "by 2030" asks the 2030 target: the text's 2014 and 2020 targets are other years'
    assert other_year("What is the target for cutting purchased energy by 2030?", targets)
    assert other_year("Hur mycket ska energin ha minskat senast 2030?", targets)
    assert not other_year("What is the target for cutting purchased energy by 2020?", targets)
    # "before" asks every year before it
    assert not other_year("Vad gällde före 2020?", ["Avgiften var 5 kr år 2018."])


def test_a_year_before_or_after_a_bound_the_text_states_is_held_by_it():
    # "född 1935" is within "födda 1937 eller tidigare": the rule is the answer, not another
    # year's (a read blind set's question was refused).
    rule = ["Allmän pensionsavgift ska inte betalas av personer som är födda 1937 eller tidigare."]
    assert years_of(rule[0]) == [(0, 1937)]
    assert not other_year("Måste en person som är född 1935 betala allmän pensionsavgift?", rule)
    assert other_year("Måste en person som är född 1950 betala allmän pensionsavgift?", rule)
    assert years_of("Avgiften betalas av den som är född 1938 eller senare.") == [(1938, 10_000)]
    assert years_of("Applies to buildings built 2020 and later.") == [(2020, 10_000)]
