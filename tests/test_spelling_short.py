"""Short Swedish words typed without diacritics: restored when the plain form is no word."""

from __future__ import annotations

import pytest

from assistant.folding import fold_word
from assistant.lexical import stem_word
from assistant.spelling import SwedishWords
from assistant.vocabulary import Vocabulary

TEXTS = ["Regionen ska betala ut bidraget för bokbussen varje år."]


@pytest.fixture(scope="module")
def swedish() -> SwedishWords:
    return SwedishWords(stem_word, fold_word)


@pytest.mark.parametrize(
    ("plain", "meant"), [("maste", "måste"), ("hogst", "högst"), ("aven", "även")]
)
def test_a_short_plain_word_with_one_reading_gets_it(swedish, plain, meant):
    assert swedish.reading(plain) == meant


@pytest.mark.parametrize(
    "plain",
    [
        "far",  # a word itself ("far", father), as well as "får"
        "bara",  # a common word although the Hunspell list lacks it: not "bära"
        "ata",  # three letters: the list has "åta", the asker meant "äta"
        "langa",  # "långa" or "länga"
        "bokar",  # "boka" inflected (the list holds only "boka"), not "bokår"
        "saker",  # "sak" inflected: "saker" or "säker"
    ],
)
def test_a_plain_word_that_is_a_word_or_ambiguous_stays(swedish, plain):
    assert swedish.reading(plain) is None


def test_a_question_typed_without_diacritics_gets_maste_back():
    v = Vocabulary(TEXTS, stem=stem_word)
    assert v.rewrite("Vad maste regionen betala?")[0] == "Vad måste regionen betala?"
    assert v.rewrite("Hur far regionen betala?")[0] == "Hur far regionen betala?"


def test_a_word_of_the_language_typed_plain_is_no_typo_of_a_corpus_word():
    # "ganger" (gånger) is one letter from the corpus's "anger": a word of the language (its
    # stem a lexicon head word) is kept, not corrected into another word.
    v = Vocabulary(["Nämnden anger vilka avgifter som gäller för provet."], stem=stem_word)
    assert "ganger" in v.rewrite("hur manga ganger far man gora provet")[0]
    # a misspelt word stays a typo the corpus corrects ("avgiter" is no word)
    assert "avgifter" in v.rewrite("vilka avgiter galler")[0]


def test_a_question_leaving_diacritics_out_of_a_long_word_is_read_plain_throughout():
    texts = ["Förvaltningsstödet omfattar ungefär 25 timmar i månaden under många år."]
    v = Vocabulary(texts, stem=stem_word)
    # "ungefär" has its ä, but "forvaltningsstodet" shows the asker leaves them out: "manga"
    # and "manaden" (words as typed too: the comic, and no word) are "många" and "månaden".
    typed = "hur manga timmar i manaden omfattar forvaltningsstodet ungefär?"
    assert v.rewrite(typed)[0] == "hur många timmar i månaden omfattar förvaltningsstödet ungefär?"
    # a text whose long words all have theirs keeps a short plain word as typed
    assert v.rewrite("Hur manga timmar omfattar förvaltningsstödet?")[0].startswith("Hur manga")


def test_a_plain_word_the_corpus_writes_only_as_a_compounds_first_part_takes_that_reading():
    # "lagenhet" reads "lägenhet" or "lågenhet"; the corpus writes "lägenhet" only inside
    # "lägenhetsuthyrning": that reading, with the typed ending
    v = Vocabulary(["Råden gäller även hotell, men inte lägenhetsuthyrning."], stem=stem_word)
    assert v.rewrite("galler raden aven om man hyr ut lagenheter?")[0] == (
        "gäller råden även om man hyr ut lägenheter?"
    )
    # with no such compound the reading stays open, and a common word stays as typed
    plain = Vocabulary(["Råden gäller även hotell, men inte uthyrning."], stem=stem_word)
    assert "lagenheter" in plain.rewrite("galler raden aven om man hyr ut lagenheter?")[0]
    laws = Vocabulary(["Råden gäller även lägenhetsuthyrning."], stem=stem_word)
    assert "om lagen" in laws.rewrite("galler raden aven om lagen?")[0]
