"""A question word the passages read hold only as a compound part (``compounds.stands_in``)."""

from __future__ import annotations

from assistant.compounds import CompoundVocabulary, stands_in
from assistant.lexical import stem_word, terms

READ = "Regionen står för gruppernas arvoden och resekostnader. Professionell scenkonst för barn."
CORPUS = {"kostnad", "arvod", "resultat"}


def _read(text: str = READ) -> CompoundVocabulary:
    return CompoundVocabulary(terms(text), stem_word)


def test_a_word_is_a_modifier_of_a_read_compound():
    # "resor" (stem "res") stands in "resekostnader": res + e + kostnad, "kostnad" a corpus word
    assert stands_in(stem_word("resor"), _read(), CORPUS.__contains__)


def test_a_word_splits_into_read_words():
    assert stands_in(stem_word("scenkonstgrupperna"), _read(), CORPUS.__contains__)


def test_a_word_only_beginning_a_read_word_is_no_part():
    # "res" begins "resultat", but "ultat" is no word: no compound
    read = _read("Resultatet redovisas varje år.")
    assert not stands_in("res", read, CORPUS.__contains__)


def test_parts_not_in_the_read_passages_do_not_count():
    # the corpus may know "patient" and "lista", but the passages read hold neither
    assert not stands_in(stem_word("patientlistan"), _read(), {"patient", "list"}.__contains__)
