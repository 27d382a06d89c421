"""What a "how many" question's number must count (``assistant.counted``), on invented texts."""

from assistant.counted import count_focus, uncounted
from assistant.folding import fold


def _left(question: str, text: str) -> str:
    return uncounted(text, fold(question))


def test_the_askers_own_figure_is_no_answer() -> None:
    left = _left(
        "Hur många vakter krävs om baren har öppet till klockan 02.00?",
        "Har baren öppet till klockan 02.00 kan extra vakter krävas.",
    )
    assert "02.00" not in left


def test_a_count_of_another_thing_in_the_same_sentence_is_blanked() -> None:
    question = "Hur många frågor har provet?"
    assert "fem" not in _left(question, "Provfrågorna täcker fem ämnen.")
    assert "40" in _left(question, "Provet har 40 frågor.")
    assert "40" in _left(question, "Provet har 40 flervalsfrågor.")
    # a written number with its figure in brackets: the noun after the figure is what it counts
    assert "tio" not in _left(question, "Provfrågorna rättas inom tio (10) dagar.")
    assert "fyrtio" in _left(question, "Provet har fyrtio (40) frågor.")


def test_a_sentence_not_naming_the_thing_keeps_its_numbers() -> None:
    # "anställda" may be the text's word for "medarbetare": no evidence against the count.
    assert "45" in _left("Hur många medarbetare har nämnden?", "Nämnden har 45 anställda.")


def test_numbers_with_no_counted_word_or_counting_occurrences_are_kept() -> None:
    question = "Hur många möten hålls under våren?"
    assert "4" in _left(question, "Mötena (4 ggr under våren) leds av rektor.")
    assert "6,5" in _left("Hur många elever svarade ja?", "Av eleverna svarade 6,5 % ja.")
    assert "3" in _left("Hur många platser finns?", "Platserna är 3 eller 4 per förskola.")


def test_a_number_inside_a_word_counts_nothing() -> None:
    left = _left("Hur många farthinder finns?", "Farthinder byggs på gator med 30-skyltning.")
    assert "30" not in left


def test_the_counted_thing_is_the_noun_after_an_adjective() -> None:
    assert count_focus(fold("Hur många nya bostäder byggs?")) == {"bostad"}
    assert count_focus(fold("How many rooms are there?")) == set()
    assert count_focus(fold("Vad kostar det?")) == set()


def test_a_participle_before_the_counted_noun_describes_it() -> None:
    question = "Hur många inkomstbaserade dagar är reserverade för varje förälder?"
    assert count_focus(fold(question)) == {"inkomstbaser", "dag"}
    # a compound on the counted noun counts it, short as the noun is
    assert "180" in _left(
        question, "Efter 180 föräldrapenningdagar baseras ersättningen på inkomsten."
    )
    assert "3" not in _left(question, "Inkomsten baseras på 3 arbetsgivare under 240 dagar.")
    # a noun in "-ande" or "-da" is counted itself
    assert count_focus(fold("Hur många sökande fick plats?")) == {"sok"}
