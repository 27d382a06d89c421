"""Names a question uses (``assistant.names``) and whether the corpus mentions them; the decision
feature and the refusal that says which name the texts never mention."""

from __future__ import annotations

import pytest

from assistant.framing import abstain
from assistant.lexical import stem_word, terms
from assistant.names import Name, NameBook, names_party, question_names
from assistant.vocabulary import Vocabulary


def _names(text: str, lowered: bool | None = None) -> list[tuple[str, tuple[str, ...]]]:
    return [(n.text, n.words) for n in question_names(text, lowered)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a hyphenated short name, first part capitalised, also first in the sentence
        (
            "Vad säger Sjöby-överenskommelsen om bibliotek?",
            [("Sjöby-överenskommelsen", ("Sjöby",))],
        ),
        ("Sjöby-avtalet, vad säger det?", [("Sjöby-avtalet", ("Sjöby",))]),
        # a kind word joins the name but is no name word itself
        ("Vad gäller för Huddinge kommun?", [("Huddinge kommun", ("Huddinge",))]),
        ("Huddinge kommun: vad gäller där?", [("Huddinge kommun", ("Huddinge",))]),
        ("Hur mycket betalar Region Sydmark?", [("Region Sydmark", ("Sydmark",))]),
        ("What does the Northfield agreement say?", [("Northfield", ("Northfield",))]),
        # a possessive ends a name and is dropped
        (
            "According to Botkyrka's SIP guideline, how often?",
            [("Botkyrka", ("Botkyrka",)), ("SIP", ("SIP",))],
        ),
        ("Vilken är Norges huvudstad?", [("Norges", ("Norges",))]),
        # multiword names, several names
        (
            "Vad har Region Dalarna och Ludvika kommun avtalat?",
            [("Region Dalarna", ("Dalarna",)), ("Ludvika kommun", ("Ludvika",))],
        ),
        # no names: sentence-initial capitals, question words, kind words alone, "I", letters
        ("Vad beskriver bilagan?", []),
        ("Vad gör kommunen och regionen?", []),
        ("Can I borrow books?", []),
        # an English contraction is its first word: "I'm" names nobody
        ("Who signs the certificate if I'm ill and I've missed duty?", []),
        ("What if I can't attend and we'll be late?", []),
        ("Hur får jag F-skatt och vad är ett U-värde?", []),
        ("Vilken kommun ansvarar? Och Regionen?", []),
        ("Räknas beloppen upp varje år?", []),
        # after a colon or an opening quote a capital opens a sentence
        ("Frågan: Gäller det alla?", []),
    ],
)
def test_question_names(question, expected):
    assert _names(question) == expected


def test_lower_case_question_names_the_word_before_kommun():
    assert _names("vad gäller för huddinge kommun?", lowered=True) == [
        ("huddinge kommun", ("huddinge",))
    ]
    # frequent Swedish words and determiners before "kommun" are no names
    assert _names("vad gör varje kommun och den egna kommunen?", lowered=True) == []
    # typed with capitals, a lower-case word before "kommun" is not read as a name
    assert _names("Vad gör stora kommun?", lowered=False) == []


def test_lower_case_region_before_a_name_opens_it():
    # "region" followed by a name is "Region Kalmar": the verb before it is no name
    assert _names("vad sysslar region kalmar med?", lowered=True) == [
        ("region kalmar", ("kalmar",))
    ]
    # at the end (or before a function word) it closes the name before it
    assert _names("vad gör skånes region?", lowered=True) == [("skånes region", ("skånes",))]


@pytest.fixture(scope="module")
def book() -> NameBook:
    texts = [
        "Överenskommelse mellan Ludvika kommun och Region Dalarna.",
        "Ludvika kommun arbetar med Icorns-program för fristäder i Sverige.",
        "Biblioteken ska erbjuda litteratur på svenska och finska.",
    ]
    vocabulary = Vocabulary(texts, stem=stem_word)
    known = {t for text in texts for t in terms(text)}
    return NameBook(vocabulary, lambda t: t in known)


def _absent(book: NameBook, question: str, language: str) -> list[str]:
    return [n.text for n in question_names(question) if book.absent(n, language)]


@pytest.mark.parametrize(
    ("question", "language", "absent"),
    [
        ("Vad gäller för Huddinge kommun?", "sv", ["Huddinge kommun"]),
        ("Vad gäller för Ludvika kommun?", "sv", []),
        ("Vad gäller för Ludvikas bibliotek?", "sv", []),  # genitive
        ("Vad gäller för Ludvkia kommun?", "sv", []),  # swapped letters
        ("Vad säger LUDVIKA?", "sv", []),  # case folded
        ("What about the ICORN programme?", "en", []),  # the corpus's "Icorns-program"
        ("What does Region Dalarna fund in Huddinge?", "en", ["Huddinge"]),
        # English through its Swedish rendering: "Sweden" is "Sverige", "Swedish" "svenska"
        ("What is the population of Sweden?", "en", []),
        ("Which Swedish and Finnish books are offered?", "en", []),
        ("What is the capital of Norway?", "en", ["Norway"]),
        # an English common word typed in title case is no name
        ("What Is The Tax Rate In Ludvika?", "en", []),
    ],
)
def test_absent_names(book, question, language, absent):
    assert _absent(book, question, language) == absent


def test_refusal_says_which_name_the_texts_do_not_mention():
    sv = abstain("Vad gäller för Huddinge kommun?", "sv", [], ("Huddinge kommun",))
    assert sv.answer.startswith("Texterna nämner inte Huddinge kommun. Jag hittar inget om")
    en = abstain("What about Northfield and Southby?", "en", [], ("Northfield", "Southby"))
    assert en.answer.startswith("The texts do not mention Northfield or Southby. I cannot find")
    assert abstain("Vad gäller?", "sv", []).answer.startswith("Jag hittar inget om")


def test_query_holds_names_and_the_absent_ones(corpus_assistant):
    query = corpus_assistant.analyze("Vad gäller för bibliotek i Huddinge kommun och Ludvika?")
    assert query.names == ("Huddinge kommun", "Ludvika")
    assert query.absent_names == ("Huddinge kommun",)
    assert corpus_assistant.analyze("Vad gör Region Dalarna för biblioteken?").absent_names == ()


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Vad gäller för biblioteken i Huddinge kommun?", "Huddinge kommun"),
        ("Vad säger Sjöby-överenskommelsen om bibliotek?", "Sjöby-överenskommelsen"),
        ("What does the Northfield agreement say about libraries?", "Northfield"),
    ],
)
def test_a_question_naming_what_no_text_mentions_is_refused(corpus_assistant, question, name):
    answer = corpus_assistant.ask(question)
    assert not answer.answered
    assert name in answer.answer.split(".")[0]


def test_a_question_naming_a_party_of_the_texts_is_answered(corpus_assistant):
    answer = corpus_assistant.ask("Vad ska Ludvika kommun göra för elevkulturombuden?")
    assert answer.answered
    assert "nämner inte" not in answer.answer


def test_a_fit_question_asked_about_another_party():
    """``fit_negatives.swapped``: the negatives that teach the decision a question about a party the
    texts do not cover (the first named party's proper name replaced, genitive kept)."""
    from assistant.fit_negatives import swapped

    def absent(text: str) -> bool:
        return "Ludvika" not in text

    parties = ("Ludvika kommun",)
    out = swapped("Vad ska Ludvika kommun göra?", parties, ["Sjöby", "Norrvik"], "x", absent)
    assert out in {"Vad ska Sjöby kommun göra?", "Vad ska Norrvik kommun göra?"}
    assert swapped("Vad står i Ludvikas plan?", parties, ["Sjöby"], "x", absent) == (
        "Vad står i Sjöbys plan?"
    )
    assert swapped("Vad gäller här?", parties, ["Sjöby"], "x", absent) is None  # not named
    # a name the asked corpus mentions makes no negative
    assert swapped("Vad ska Ludvika göra?", parties, ["Sjöby"], "x", lambda t: False) is None


@pytest.mark.parametrize(
    ("name", "party"),
    [
        (Name("Huddinge kommun", ("Huddinge",)), True),
        (Name("Huddinge kommuns", ("Huddinge",)), True),
        (Name("Region Stockholm", ("Stockholm",)), True),
        (Name("Nacka municipality", ("Nacka",)), True),
        (Name("Stockholms stad", ("Stockholms",)), True),
        (Name("Sjöby-överenskommelsen", ("Sjöby",)), False),
        (Name("Thailand", ("Thailand",)), False),
        (Name("IMY", ("IMY",)), False),
    ],
)
def test_a_name_joined_with_a_kind_word_names_a_party(name, party):
    assert names_party(name) is party


def test_query_holds_the_absent_parties(corpus_assistant):
    query = corpus_assistant.analyze(
        "Vad gäller för bibliotek i Huddinge kommun och Ludvika kommun?"
    )
    assert query.absent_parties == ("Huddinge kommun",)
    named_document = corpus_assistant.analyze("Vad säger Sjöby-överenskommelsen om bibliotek?")
    assert named_document.absent_names and named_document.absent_parties == ()
    assert corpus_assistant.analyze("What does Region Dalarna fund?").absent_parties == ()


def test_another_party_on_the_texts_own_topic_is_refused(corpus_assistant):
    # The topic is the agreement's own: asked of its parties it is answered; asked of a
    # municipality the texts never mention it is refused, and the refusal says why (in English
    # the fitted model alone answered this one: its English offset outweighs ``named_absent``).
    own = corpus_assistant.ask("Who coordinates the municipal coordinators for elevkulturombud?")
    assert own.answered
    other = corpus_assistant.ask(
        "Who coordinates the municipal coordinators for elevkulturombud in Orsa municipality?"
    )
    assert not other.answered
    assert other.answer.startswith("The texts do not mention Orsa municipality.")
    swedish = corpus_assistant.ask("Vad ska Orsa kommun göra för det lokala arrangörskapet?")
    assert not swedish.answered


def test_a_name_the_file_name_says_is_no_stranger():
    # The text says only "myndigheten"; its file name says whose guideline it is.
    from assistant.analyze import QueryAnalyzer
    from assistant.document_names import DocumentName

    texts = ["Myndigheten ska publicera källkoden som öppen källkod."]
    known = {t for text in texts for t in terms(text)}
    analyzer = QueryAnalyzer(
        [DocumentName.of("sagoverket_riktlinje_kallkod.md", "Riktlinjer för källkod", [])],
        [],
        texts=lambda: texts,
        knows=lambda t: t in known,
    )
    assert (
        analyzer.analyze("Får källkod som Sagoverket publicerar innehålla lösenord?").absent_names
        == ()
    )
    stranger = analyzer.analyze("Får källkod som Nordverket publicerar innehålla lösenord?")
    assert stranger.absent_names == ("Nordverket",)


def test_an_english_acronym_is_known_by_its_swedish_name():
    # "ERDF" where the texts say "Europeiska regionala utvecklingsfonden" (the glossary).
    texts = ["Programmet gäller Europeiska regionala utvecklingsfonden."]
    known = {t for text in texts for t in terms(text)}
    book = NameBook(Vocabulary(texts, stem=stem_word), lambda t: t in known)
    assert _absent(book, "What does the ERDF programme fund?", "en") == []
    assert _absent(book, "What does the EMFAF programme fund?", "en") == ["EMFAF"]
