"""A question typed another way is the same question: folding, typos, language, case.

The small pieces are checked exactly over texts written here; one test asks the shipped corpus
(the real e5 index) a question of our own and its undiacritised and typo'd twins.
"""

from __future__ import annotations

import unicodedata

import pytest

from assistant.lexical import stem_word
from assistant.query import detect_language
from assistant.spelling import capitalised, nearest
from assistant.vocabulary import Vocabulary
from bench.twins import twin

TEXTS = [
    "Regionen följer upp planen varje år. Regionen ska betala ut bidraget för bokbussen.",
    "Många barn besöker biblioteket i Sagoby. Kommunen ansvarar för skulden till Sagoby bank.",
    "Sagoby kommun och regionen skriver en överenskommelse för medicinska frågor.",
    "Arvodet för föreställningar betalas av regionen.",
]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(TEXTS, stem=stem_word, english=lambda: ["agreement", "library", "pay"])


# --- the pieces -----------------------------------------------------------------------------------


def test_a_swap_of_two_letters_is_one_edit():
    assert nearest("medictaion", ["medication", "meditation"]) == ["medication"]
    assert nearest("bokbsusen", ["bokbussen"]) == ["bokbussen"]


def test_a_five_letter_word_is_corrected_only_for_a_swap():
    assert nearest("sklud", ["skuld", "skulder"]) == ["skuld"]
    assert nearest("langa", ["manga"]) == []  # one substitution in five letters: another word


@pytest.mark.parametrize(
    "question",
    [
        "När är sista dagen för att skicka in ansökan?",
        "Nar ar sista dagen for att skicka in ansokan?",
        "nar ar sista dagen for att skicka in ansokan?",
        unicodedata.normalize("NFD", "När är sista dagen för att skicka in ansökan?"),
        "När är sista da\u200bgen för att skicka in ansökan?",
    ],
)
def test_a_swedish_question_without_diacritics_is_swedish(question):
    assert detect_language(question) == "sv"


@pytest.mark.parametrize(
    "question", ["Can I build a shed without a permit?", "can i build a shed without a permit?"]
)
def test_an_english_i_makes_a_question_english(question):
    assert detect_language(question) == "en"


def test_names_are_words_written_with_capitals_inside_sentences():
    names = capitalised(
        ["Vi bor i Sagoby. Regionen ska stödja Sagoby.", "Regionen ska. Men regionen"]
    )
    assert names == {"sagoby": "Sagoby"}  # "Regionen" only opens sentences


def test_a_word_typed_without_diacritics_gets_them_back_through_its_stem(vocab):
    # "följs" is not in the texts, "följer" is: the stem restores the diacritic.
    assert vocab.rewrite("Hur foljs planen upp?")[0] == "Hur följs planen upp?"


def test_a_swedish_word_the_texts_lack_is_no_typo(vocab):
    # "långa" is one letter from "många", but it is a Swedish word: not corrected.
    assert vocab.rewrite("Hur långa är föreställningarna?")[0] == "Hur långa är föreställningarna?"
    assert vocab.rewrite("Vem betalar arvodet för fröeställningar?")[0] == (
        "Vem betalar arvodet för föreställningar?"
    )


def test_a_word_typed_with_diacritics_is_no_typo_of_other_diacritics():
    v = Vocabulary([*TEXTS, "A horde of snärt."], stem=stem_word)
    # "hörde" folds to the texts' "horde"; typed with its "ö" it is meant as typed.
    assert v.rewrite("När hörde regionen av det?")[0] == "När hörde regionen av det?"
    # A short plain word among diacritics is meant as typed; typed all plain it is restored.
    assert v.rewrite("Löper den snart ut?")[0] == "Löper den snart ut?"
    assert v.rewrite("Hur snart?")[0] == "Hur snärt?"


def test_typos_are_corrected_on_the_word_or_its_stem(vocab):
    assert vocab.rewrite("Vem ansvarar för sklulden?")[0] == "Vem ansvarar för skulden?"
    assert vocab.rewrite("Vad betalar reginoen?")[0] == "Vad betalar regionen?"
    # "medicniska" is one swap from "medicinska"
    assert vocab.rewrite("Vilka medicniska frågor?")[0] == "Vilka medicinska frågor?"


def test_a_commoner_diacritic_twin_only_in_a_question_typed_without_any(vocab):
    texts = [*TEXTS, "It is for you.", "Det gäller för alla, för barn och för vuxna."]
    v = Vocabulary(texts, stem=stem_word)
    assert v.rewrite("Vad galler for bokbussen?")[0] == "Vad gäller för bokbussen?"
    assert v.rewrite("Vad gäller for bokbussen?")[0] == "Vad gäller for bokbussen?"


def test_an_english_question_keeps_english_words_and_corrects_typos(vocab):
    def english(text: str) -> str:
        return vocab.rewrite(text, min_length=5, english=True)[0]

    assert english("What does the agreement say?") == "What does the agreement say?"
    assert english("What does the agremeent say?") == "What does the agreement say?"
    assert english("What does Sagboy pay?") == "What does Sagoby pay?"  # a name: corpus words


def test_a_lower_case_question_gets_the_corpus_names(vocab):
    assert vocab.rewrite("vad gör kommunen i sagoby?")[0] == "vad gör kommunen i Sagoby?"


# --- the twins bench's rules ---------------------------------------------------------------------


def test_twins_are_made_by_fixed_rules():
    q = "Vilket diarienummer har överenskommelsen om fritidsgårdar?"
    assert twin("plain", q) == "Vilket diarienummer har overenskommelsen om fritidsgardar?"
    assert twin("typo", q) == "Vilket diarienummer har överenskmomelsen om fritidsgårdar?"
    assert twin("zwsp", q) == "Vilket diarienummer har överensk\u200bommelsen om fritidsgårdar?"
    assert twin("ident", "Vad gäller NK-4417?") == "Vad gäller NK 4417?"
    assert twin("ident", q) is None and twin("plain", "What is it?") is None


# --- end to end over the shipped corpus ----------------------------------------------------------


def test_undiacritised_and_typod_twins_get_the_same_passage_and_decision(corpus_assistant):
    question = "Hur vill regionen och kommunen arbeta med äldre inom kulturlivet?"
    twins = [
        "hur vill regionen och kommunen arbeta med aldre inom kulturlivet?",
        "Hur vill reginoen och kommunen arbeta med äldre inom kulturlivet?",  # a party's name
        "Hur vill regionen och kommunen arbtea med äldre inom kulturlivet?",
    ]
    first = corpus_assistant.search(question, k=1)[0]
    answer = corpus_assistant.ask(question)
    assert answer.answered and "äldre ska kunna vara aktiva" in first.text
    searched = corpus_assistant.analyze(question).search_text
    for typed in twins:
        assert corpus_assistant.analyze(typed).search_text == searched, typed
        assert corpus_assistant.search(typed, k=1)[0].id == first.id, typed
        assert corpus_assistant.ask(typed).answered, typed
