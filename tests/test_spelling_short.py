"""Swedish words typed without diacritics: restored to the spelling running Swedish writes far
more often (wordfreq's frequencies, ``spelling.READING_GAP``), kept when the plain form is as
common."""

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
    ("plain", "meant"),
    [
        ("maste", "måste"),
        ("hogst", "högst"),
        ("aven", "även"),
        # inflected forms, which the Hunspell list lacks
        ("hander", "händer"),
        ("galler", "gäller"),
        ("haller", "håller"),  # "häller" (pours) is far rarer
        ("raknas", "räknas"),  # not the typo "rankas"
        # a word as typed too, but far rarer than its twin
        ("far", "får"),
        ("langa", "långa"),
        ("ata", "äta"),
        ("ga", "gå"),
    ],
)
def test_a_short_plain_word_with_one_reading_gets_it(swedish, plain, meant):
    assert swedish.reading(plain) == meant


@pytest.mark.parametrize(
    "plain",
    [
        "bara",  # far commoner than "bära"
        "bokar",  # not "bokår"
        "saker",  # commoner than "säker"
        "har",  # commoner than "här": the neighbours decide (``homographs``)
        "andra",  # not "ändra"
        "bor",  # "bör" is hardly commoner: too close to call
        "xyzzy",  # no spelling with diacritics at all
    ],
)
def test_a_plain_word_that_is_a_word_or_ambiguous_stays(swedish, plain):
    assert swedish.reading(plain) is None


def test_a_question_typed_without_diacritics_gets_maste_back():
    v = Vocabulary(TEXTS, stem=stem_word)
    assert v.rewrite("Vad maste regionen betala?")[0] == "Vad måste regionen betala?"
    # "far" (father) is a word, but "får" is written thirty times as often
    assert v.rewrite("Hur far regionen betala?")[0] == "Hur får regionen betala?"


def test_a_word_of_the_language_typed_plain_is_no_typo_of_a_corpus_word():
    # "ganger" (gånger) is one letter from the corpus's "anger": a word of the language (its
    # stem a lexicon head word) is kept, not corrected into another word.
    v = Vocabulary(["Nämnden anger vilka avgifter som gäller för provet."], stem=stem_word)
    assert v.rewrite("hur manga ganger far man gora provet")[0] == (
        "hur många gånger får man göra provet"
    )
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
    # with no such compound running Swedish's far commoner "lägenheter" stands; a common word
    # stays as typed
    plain = Vocabulary(["Råden gäller även hotell, men inte uthyrning."], stem=stem_word)
    assert "lägenheter" in plain.rewrite("galler raden aven om man hyr ut lagenheter?")[0]
    laws = Vocabulary(["Råden gäller även lägenhetsuthyrning."], stem=stem_word)
    assert "om lagen" in laws.rewrite("galler raden aven om lagen?")[0]


def test_a_corpus_stem_yields_to_a_far_commoner_spelling():
    # the corpus's stem "läng" (of "längd") would make "langt" "längt"; running Swedish writes
    # "långt" far more often
    v = Vocabulary(["Ledningens längd och längden på röret anges i meter."], stem=stem_word)
    assert v.rewrite("hur langt ar roret")[0].startswith("hur långt")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("nar antogs den har taxan", "när antogs den här taxan"),
        ("galler de har reglerna aven for hotell", "gäller de här reglerna även för hotell"),
        ("vad hander om det har andrats", "vad händer om det har ändrats"),
        ("vad galler om den har ingen adress", "vad gäller om den har ingen adress"),
    ],
)
def test_har_before_a_definite_noun_after_den_det_de_is_har_with_diacritics(typed, read):
    v = Vocabulary(
        ["Den här taxan har antagits av fullmäktige. Det här gäller även reglerna."],
        stem=stem_word,
    )
    assert v.rewrite(typed)[0] == read


def test_fit_reading_counts_the_words_a_folded_question_does_not_get_back():
    from types import SimpleNamespace

    from assistant.fit_reading import errors

    v = Vocabulary(["Avgiften gäller för år 2026."], stem=stem_word)
    analyzer = SimpleNamespace(vocabulary=v, _inflected=None)
    # "Vad gäller för år 2026?" comes back whole; "Vad kostar kören?" loses "kören" ("koren")
    assert errors(analyzer, ["Vad gäller för år 2026?"]) == {"words": 4, "errors": 0}
    got = errors(analyzer, ["Vad gäller för år 2026?", "Säg vad kören kostar"])
    assert got["words"] == 8 and got["errors"] >= 1


@pytest.mark.parametrize(
    ("plain", "meant"),
    [
        ("kemikalieskap", "kemikalieskåp"),
        ("solarieforeskrifterna", "solarieföreskrifterna"),
        ("sakerhetsgranskas", "säkerhetsgranskas"),  # a joining "s" after "säkerhet"
        ("byggatgard", "byggåtgärd"),
    ],
)
def test_a_compound_running_swedish_lacks_whole_is_read_by_its_parts(swedish, plain, meant):
    assert swedish.compound(plain) == meant


@pytest.mark.parametrize(
    "plain",
    [
        "publicerades",  # a word running Swedish has whole: "ades" is no part to read
        "avloppsvatten",  # the parts restore nothing
        "qwrtyzxcvb",  # no parts at all
    ],
)
def test_a_compound_is_not_read_by_parts_when_it_is_whole_or_restores_nothing(swedish, plain):
    assert swedish.compound(plain) is None


def test_ar_is_the_year_where_grammar_tells_even_if_the_corpus_writes_vilket_ar_as_the_verb():
    from assistant.homographs import plain_reading

    assert plain_reading("ar", "i", "") == "år"  # "i år"
    assert plain_reading("ar", "vilket", "byggdes") == "år"
    # a definite noun after it: "Vilket är skillnaden?" ("vilket år" is followed by its verb)
    assert plain_reading("ar", "vilket", "skillnaden") == "är"
    assert plain_reading("ar", "vilka", "reglerna", weak=True) == "är"
    assert plain_reading("ar", "vilket", "det", weak=True) is None
    v = Vocabulary(
        ["Vilket är bäst? Vilket är rätt? Huset byggdes år 1920 och byggdes om i år."],
        stem=stem_word,
    )
    assert v.rewrite("vilket ar byggdes huset")[0] == "vilket år byggdes huset"
    assert v.rewrite("vad kostar det till ar 2030")[0] == "vad kostar det till år 2030"
    assert v.rewrite("vilket ar basta alternativet")[0] == "vilket är bästa alternativet"
