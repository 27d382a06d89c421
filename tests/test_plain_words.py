"""Everyday Swedish read in the texts' terms (``plain_words``): "sjuk eller borta" is "förfall"
where the texts write "förfall"; a word the texts use themselves, and the question's frame, stay."""

from __future__ import annotations

import pytest

from assistant.folding import fold
from assistant.intent import frame_terms
from assistant.lexical import terms
from assistant.plain_words import entries, in_texts_terms
from tests.helpers import assistant_over_texts

TEXT = (
    "Delegering inom förvaltningen\n\n"
    "Vid förfall för rektor inträder biträdande rektor, om inte annat anges.\n\n"
    "Beslut om uppsägning på grund av arbetsbrist fattas av förvaltningschefen.\n\n"
    "Förskolan har öppet vardagar mellan klockan 6 och 18.\n"
)
CORPUS = set(terms(TEXT))


def _read(question: str, corpus: set[str] = CORPUS) -> tuple[list[str], dict[str, str]]:
    topic = [t for t in terms(question) if t not in frame_terms() | set(terms("tar kostar"))]
    return in_texts_terms(question, topic, corpus.__contains__)


def test_every_entry_reads_as_phrase_and_terms():
    table = entries()
    assert len(table) > 300
    assert all(words and alternatives for words, alternatives in table.items())


def test_an_everyday_phrase_is_read_as_the_term_the_texts_use():
    topic, read = _read("Vem tar över om rektorn är sjuk eller borta?")
    # "tar" is read as "ta" (the stemmer keeps a short verb's present apart)
    assert read == {"tar över": "inträda", "sjuk eller borta": "förfall"}
    assert "förfall" in topic and "sjuk" not in topic and "bort" not in topic
    # a phrase of several words counts though its words are common ones ("säga" in "säger")
    topic, read = _read("Vem beslutar om man ska säga upp någon?", CORPUS | {"säg"})
    assert read == {"säga upp": "uppsägning"} and "uppsägning" in topic


def test_a_word_the_texts_use_themselves_stays():
    with_sick = CORPUS | set(terms("sjuk borta"))
    topic, read = _read("Vem får ersätta rektorn om hon är sjuk eller borta?", with_sick)
    assert read == {} and "sjuk" in topic


def test_nothing_is_read_so_when_the_texts_use_none_of_its_terms():
    topic, read = _read("Vad händer om jag betalar för sent?")
    assert read == {}  # no "dröjsmålsränta" here
    assert topic == terms("händer betalar sent")


def test_a_definite_form_and_a_hyphen_joined_word_are_read_by_their_last_part():
    # "fakturan" (the stemmer keeps it apart from "faktura") and "va-fakturan" (read as its
    # last part; its first part kept for the lexical signals) where the texts write "räkning"
    billing = CORPUS | set(terms("räkning"))
    topic, read = _read("Vem skickar fakturan?", billing)
    assert read == {"fakturan": "räkning"} and "rakning" in {fold(t) for t in topic}
    topic, read = _read("Vem skickar va-fakturan?", billing)
    assert read == {"va-fakturan": "va-räkning"}
    # read whole or by its last part, a word the texts use stays ("räkning" -> "faktura")
    assert _read("Vem skickar va-räkningen?", billing | set(terms("avgift")))[1] == {}
    # a hyphen-joined word that is an entry itself is read whole
    topic, read = _read("Var söker jag p-tillstånd?", CORPUS | set(terms("parkeringstillstånd")))
    assert read == {"p-tillstånd": "parkeringstillstånd"}


def test_a_colloquial_function_word_is_no_topic_word():
    topic, read = _read("Får nån ta över för rektorn?")
    assert read["nån"] == "någon" and "nån" not in topic


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5):
    return assistant_over_texts(tmp_path_factory.mktemp("plain"), {"delegering.txt": TEXT}, e5)


def test_a_question_in_everyday_words_is_answered_from_the_texts_term(assistant):
    query = assistant.analyze("Vem tar över om rektorn är sjuk eller borta?")
    assert ("sjuk eller borta", "förfall") in query.readings
    assert query.text == "Vem tar över om rektorn är sjuk eller borta?"  # as typed
    answer = assistant.ask("Vem tar över om rektorn är sjuk eller borta?")
    assert answer.answered, answer.answer
    assert "Vid förfall för rektor" in answer.citations[0].quotes[0]


def test_the_search_embeds_and_matches_the_texts_term(assistant):
    from assistant.rescoring import searched_text

    query = assistant.analyze("Vem tar över om rektorn är sjuk eller borta?")
    for keeps_names in (True, False):
        said = searched_text(query, keeps_names=keeps_names)
        assert "förfall" in said and "sjuk" not in said
