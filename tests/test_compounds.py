"""The compound reader: made-up stems, exact splits."""

import numpy as np
from langchain_core.documents import Document

from assistant.compounds import CompoundVocabulary, compound_match
from assistant.lexical import LexicalIndex


def _vocabulary(*stems: str) -> CompoundVocabulary:
    return CompoundVocabulary(stems)


def test_split_into_known_stems_fewest_parts():
    vocab = _vocabulary("plimbor", "plim", "bor", "krattel", "snuvgard")
    # "plimbor" is one known stem: two parts beat three ("plim" + "bor" is too short anyway).
    assert vocab.split("plimborkrattel") == ("plimbor", "krattel")
    assert vocab.split("snuvgardplimbor") == ("snuvgard", "plimbor")


def test_split_with_linking_letters():
    vocab = _vocabulary("fral", "krattel", "snuvgard")
    assert vocab.split("fralskrattel") == ("fral", "krattel")  # -s-
    assert vocab.split("fralekrattel") == ("fral", "krattel")  # -e-
    assert vocab.split("fralakrattel") == ("fral", "krattel")  # -a-
    assert vocab.split("fralokrattel") is None  # no such link


def test_no_split_of_unknown_or_short_parts():
    vocab = _vocabulary("krattel", "fra", "lo")
    assert vocab.split("krattel") is None  # one part is no compound
    assert vocab.split("frakrattel") is None  # a 3-letter modifier needs a linking letter
    assert vocab.split("krattello") is None  # a 2-letter head is too short
    assert vocab.split("zorpkrattel") is None  # "zorp" is not a corpus stem


def test_head_is_restemmed():
    vocab = CompoundVocabulary(["snuvgard", "krattel"], restem=lambda w: w.removesuffix("erna"))
    assert vocab.split("snuvgardkrattelerna") == ("snuvgard", "krattel")


def test_wholes_a_word_is_part_of():
    vocab = _vocabulary("frasekrattel", "krattel", "snuvgardplim", "plim", "snuvgard", "fragor")
    assert vocab.wholes("fras") == ("frasekrattel",)  # modifier with -e- before a known head
    assert vocab.wholes("fra") == ()  # "sekrattel"/"gor" are no known heads
    assert vocab.wholes("plim") == ("snuvgardplim",)  # head after a known modifier
    assert vocab.wholes("zorp") == ()


def test_knows_counts_compounds_both_ways():
    vocab = _vocabulary("frasekrattel", "krattel", "snuvgard", "plim")
    assert vocab.knows("krattel")
    assert vocab.knows("fras")  # only inside "frasekrattel"
    assert vocab.knows("snuvgardplim")  # only in parts
    assert not vocab.knows("zorpel")


def test_compound_match_of_folded_stems():
    assert compound_match("plimkrattel", "krattel")  # the head
    assert compound_match("krattel", "plimkrattel")  # a part of the found word
    assert not compound_match("plimbo", "bo")  # too short a part


# --- the corpus's vocabulary: the lexical index ----------------------------------------------

_TEXTS = [
    ("Regionen står för zorbekostnader.", "public"),
    ("Varje kostnad ska redovisas.", "public"),
    ("Kvast och grupper möts i april.", "public"),
    ("Flarpkostnader redovisas internt.", "internal"),
]


def _lexical() -> LexicalIndex:
    return LexicalIndex(
        [
            Document(
                id=str(i),
                page_content=text,
                metadata={"source": "a.txt", "title": "T", "section": "", "visibility": shown},
            )
            for i, (text, shown) in enumerate(_TEXTS)
        ]
    )


def test_known_share_counts_compounds():
    lexical = _lexical()
    assert lexical.known_share("zorbor") == 1.0  # only inside "zorbekostnader"
    assert lexical.known_share("kvastgrupperna") == 1.0  # only in parts
    assert lexical.known_share("snorkor") == 0.0


def test_word_known_only_in_compounds_scores_through_them():
    lexical = _lexical()
    # "zorbor" is in no passage as a word: it scores as "zorbekostnader" (passage 0).
    assert int(np.argmax(lexical.scores("Vilka zorbor redovisas?"))) == 0
    # "kvastgrupperna" as its parts "kvast" and "grupper" (passage 2).
    assert int(np.argmax(lexical.scores("Vilka kvastgrupperna redovisas?"))) == 2
    # A text mostly of unknown words (another language) is not expanded.
    assert not lexical.scores("zorbor").any()


def test_public_side_reads_compounds_from_public_passages_only():
    lexical = _lexical()
    assert lexical.recognizes("flarp")  # inside the internal "flarpkostnader"
    assert not lexical.public().recognizes("flarp")
    assert lexical.public().recognizes("zorb")


def test_a_compound_is_held_by_its_head_only_where_its_first_part_is_used():
    # A reminder fee is a fee the text does not name: "påminnelseavgift" asked of a text with
    # "avgift" and no "påminnelse" is not there; "platsantal" is, where "plats" is used.
    from assistant.asked_for import held
    from assistant.lexical import terms

    def vocabulary(text):
        return set(terms(text)).__contains__

    read = {"avgift", "antal"}
    fees = vocabulary("Avgiften tas ut per antal platser.")
    assert held("avgift", read, fees)
    assert held("platsantal", read, fees)
    assert not held("påminnelseavgift", read, fees)
    assert held("påminnelseavgift", read, vocabulary("Avgift tas ut vid påminnelse."))
    # a part of a text's compound still holds ("poesi" in "poesifestival")
    assert held("poesi", {"poesifestival"}, vocabulary("En poesifestival."))
