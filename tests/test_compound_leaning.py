"""Compound parts that lean on the part before them, and follow-ups that point back: exact,
without a model.

The analyser's documents and texts are small fictional ones written here (as in test_query.py),
so every expectation can be checked by reading this file.
"""

from __future__ import annotations

import pytest

from assistant.analyze import QueryAnalyzer
from assistant.conversation import _in_frame, resolve
from assistant.document_names import DocumentName
from assistant.leaning import back_reference, leaning_text, own_ask, phrase_of
from assistant.lexical import terms
from assistant.parties import Party

SAGOBY = "overenskommelse-sagoby-region-dalarna-2019-2022.txt"
STATUTE = "sfs-2013-801-bibliotekslag.md"
TEXTS = [
    "Sagoby kommun och Region Dalarna delfinansierar Sagomuseet vid torget.",
    "Sagoby kommun ska utse ett elevkulturombud på varje skola. Regionen ska erbjuda utbildning.",
    "För lånecentraler ansvarar staten. Det ska finnas en eller flera lånecentraler.",
    "Poesifestivalen i Sagoby är årligen återkommande.",
]
PARTIES = [Party.from_name(n) for n in ("Sagoby kommun", "Region Dalarna")]
DOCUMENTS = [
    DocumentName.of(
        SAGOBY,
        "Överenskommelse mellan Sagoby kommun och Region Dalarna 2019-2022",
        ["Sagoby kommun", "Region Dalarna"],
    ),
    DocumentName.of(STATUTE, "Bibliotekslag (2013:801)", []),
]


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer(DOCUMENTS, PARTIES, texts=lambda: TEXTS)


# --- reading the words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "reference"),
    [
        ("vem finansierar det?", "det"),
        ("varför ska de finnas?", "de"),
        ("vem ska följa upp dem?", "dem"),
        ("hur ofta ska det göras?", "det"),
        ("när trädde den i kraft?", "den"),
        ("vem beslutade den?", "den"),
        ("vem är kontaktperson där?", "dar"),
        ("Vem beslutade detta?", "detta"),
        ("who funds it?", "it"),
        ("why must they exist?", "they"),
        ("who is the contact person there?", "there"),
        ("and who pays for it?", "it"),
        # Articles, dummy subjects and new referents point nowhere.
        ("vem ansvarar för skolbiblioteken?", None),
        ("Vad gör Sagoby för det finska språket?", None),
        ("vad innebär det regionala uppdraget?", None),
        ("finns det avgifter?", None),
        ("Vad är det för program?", None),
        ("Vad gäller för de som bor i Sagoby?", None),
        ("is there a fee?", None),
        ("who is the case officer?", None),
    ],
)
def test_back_reference(part, reference):
    assert back_reference(part) == reference


def test_the_topic_phrase_is_what_follows_the_last_preposition():
    assert phrase_of("Vem ansvarar för lånecentralerna", ["ansvar", "lånecentral"]) == (
        "lånecentralerna",
        ["ansvarar"],
    )
    # No preposition: every topic word; a document named after one is no topic.
    assert phrase_of("Vad är Sagomuseet", terms("Sagomuseet"))[0] == "Sagomuseet"
    assert phrase_of("Who is responsible for the loan centres", ["responsibl", "loan", "centr"])[
        0
    ] == ("loan centres")
    # A time after the last preposition dates the topic, it is none: "…, och när pågick det?"
    # was asked as "När pågick september 2025?".
    meeting = "Var höll nämnden sitt sammanträde i september 2025"
    head = phrase_of(meeting, terms(meeting))[0]
    assert "sammanträde" in head and "nämnden" in head


def test_the_pronoun_is_replaced_by_the_phrase():
    assert leaning_text("vem finansierar det?", "det", "Sagomuseet") == (
        "vem finansierar Sagomuseet?"
    )
    assert leaning_text("vem är kontaktperson där?", "dar", "biblioteken") == (
        "vem är kontaktperson för biblioteken?"
    )
    assert leaning_text("vem beslutade?", None, "rutinen") == "vem beslutade rutinen?"
    # Words the part already has are not said twice.
    assert leaning_text("hur stor får den vara?", "den", "får avgiften") == (
        "hur stor får avgiften vara?"
    )


def test_own_ask_is_held_only_by_a_text_that_answers_it():
    size = own_ask("hur stor får den vara?", ["stor", "får"], None)
    assert size.terms == ("stor",)  # "får" asks nothing
    assert not size.held_by("Folkbiblioteken får ta ut avgift för försenade lån.")
    assert size.held_by("Avgiften får vara högst så stor som kostnaden.")
    often = own_ask("hur ofta sker det?", ["oft", "sker"], None)
    assert often.frequency and often.terms == ()
    assert often.held_by("Poesifestivalen är årligen återkommande.")
    assert not often.held_by("Sagoby kommun ordnar en poesifestival.")
    funds = own_ask("vem finansierar det?", ["finansier"], "person")
    assert funds.held_by("Sagoby kommun och Region Dalarna delfinansierar Sagomuseet.")
    assert not funds.held_by("Sagomuseet ligger vid torget.")


# --- the Query -------------------------------------------------------------------------------


def test_a_part_that_points_back_is_asked_about_the_earlier_topic(analyzer):
    q = analyzer.analyze("Vad är Sagomuseet och vem finansierar det?")
    first, second = q.parts
    assert first.leans is None and second.leans is not None
    assert second.text == "vem finansierar det?"
    assert second.question == "vem finansierar Sagomuseet?"
    assert "Sagomuseet" in second.search_text
    # The decision's features read the inherited topic; the answer type stays the part's own.
    assert "sagomuseet" in second.topic_terms and second.wants == "person"


def test_the_part_keeps_its_own_answer_type(analyzer):
    q = analyzer.analyze("Vad kostar utbildningen för elevkulturombud och vem betalar för den?")
    assert q.parts[0].wants == "amount"
    assert q.parts[1].wants == "person"
    assert "elevkulturombud" in q.parts[1].search_text


def test_the_earlier_parts_party_is_carried_unless_the_part_names_its_own(analyzer):
    carried = analyzer.analyze("Vad ska Sagoby göra för elevkulturombud och när ska det ske?")
    assert carried.parts[1].parties == ("Sagoby kommun",)
    own = analyzer.analyze(
        "Vad ska Sagoby göra för elevkulturombud och vad ska regionen göra för dem?"
    )
    assert own.parts[1].parties == ("Region Dalarna",)
    assert "elevkulturombud" in own.parts[1].search_text


def test_a_part_with_its_own_topic_stands_alone(analyzer):
    q = analyzer.analyze("Vem ansvarar för lånecentraler, och vem ska utse elevkulturombud?")
    assert [p.leans for p in q.parts] == [None, None]
    # a part typed in lower case reads in sentence case (a question typed all lower case does)
    assert q.parts[1].search_text == "Vem ska utse elevkulturombud?"
    assert "lånecentral" not in q.parts[1].topic_terms


def test_a_document_fact_part_is_asked_of_the_earlier_parts_document(analyzer):
    q = analyzer.analyze("Vad säger bibliotekslagen om lånecentraler och när trädde den i kraft?")
    first, second = q.parts
    assert first.documents == (STATUTE,)
    assert (second.intent, second.fact) == ("document_fact", "in_force")
    assert second.documents == (STATUTE,) and second.leans is None
    handler = analyzer.analyze("Vad ska regionen erbjuda elevkulturombud? Vem är handläggare?")
    assert handler.parts[1].intent == "document_fact" and handler.parts[1].leans is None


def test_a_bare_date_after_another_document_fact_asks_that_facts_date(analyzer):
    # "vilket datum?" after "Vem antog …" asks the adoption's date, not the document's date line
    for question in (
        "Vem antog överenskommelsen, och vilket datum?",
        "Which board adopted the agreement, and on what date?",
    ):
        second = analyzer.analyze(question).parts[1]
        assert (second.intent, second.fact, second.wants) == ("document_fact", "adoption", "date")
    alone = analyzer.analyze("Vilket datum har överenskommelsen?")
    assert (alone.intent, alone.fact) == ("document_fact", "date")


def test_a_bare_phrase_asks_more_of_the_earlier_parts_whole_sentence(analyzer):
    # "…, och enligt vilken lag?" asks what the earlier part asks about, with all its words:
    # its topic phrase alone ("skola") lost "elevkulturombud".
    q = analyzer.analyze("Vem ska utse elevkulturombud på varje skola, och enligt vilken lag?")
    second = q.parts[1]
    assert second.question == "Vem ska utse elevkulturombud på varje skola, enligt vilken lag?"
    assert second.text == "enligt vilken lag?" and second.leans is not None


def test_english_parts_lean_too(analyzer):
    q = analyzer.analyze("Who is responsible for the loan centres and why must they exist?")
    assert q.parts[1].question == "why must loan centres exist?"
    assert q.parts[1].leans is not None
    assert q.parts[1].language == "en"


# --- follow-ups --------------------------------------------------------------------------------


def _history(*questions: str) -> list[dict[str, str]]:
    out = []
    for q in questions:
        out += [{"role": "user", "content": q}, {"role": "assistant", "content": "…"}]
    return out


def test_a_follow_up_that_points_back_inherits_the_topic(analyzer):
    q = analyzer.analyze("Vem finansierar det?", _history("Vad är Sagomuseet?"))
    assert q.follow_up and q.question == "Vem finansierar Sagomuseet?"
    english = analyzer.analyze("Who funds it?", _history("What is Sagomuseet?"))
    assert english.follow_up and english.question == "Who funds Sagomuseet?"


def test_a_follow_up_that_points_back_must_find_its_own_ask(analyzer):
    q = analyzer.analyze("Vad kostar det?", _history("Vad är Sagomuseet?"))
    assert q.question == "Vad kostar Sagomuseet?" and q.leans is not None
    assert q.leans.terms == ("kost",) and q.leans.wants == "amount"
    assert not q.leans.held_by("Sagoby kommun och Region Dalarna delfinansierar Sagomuseet.")
    assert q.leans.held_by("Sagomuseet kostar 40 000 kronor om året.")
    assert analyzer.analyze("och regionen då?", _history("Vad är Sagomuseet?")).leans is None


def test_a_short_question_with_its_own_topic_after_turns_is_new(analyzer):
    history = _history("Vad är Sagomuseet?", "Vem finansierar det?")
    for question in (
        "Vem ansvarar för lånecentraler?",
        "Finns det lånecentraler?",
        "Vad säger lagen om lånecentralernas böcker och deras utlåning till skolorna?",
    ):
        q = analyzer.analyze(question, history)
        assert not q.follow_up and "Sagomuseet" not in q.search_text


@pytest.mark.parametrize(
    ("previous", "follow_up", "framed"),
    [
        (
            "Vem ansvarar för folkbiblioteken?",
            "och för lånecentralerna då?",
            "Vem ansvarar för lånecentralerna?",
        ),
        (
            "What does the act say about school libraries?",
            "what about the public libraries?",
            "What does the act say about the public libraries?",
        ),
        (
            "Who is responsible for public libraries according to the library act?",
            "what about the school libraries?",
            "Who is responsible for the school libraries according to the library act?",
        ),
        (
            "Vad säger lagen om skolbibliotek?",
            "hur är det med folkbibliotek?",
            "Vad säger lagen om folkbibliotek?",
        ),
        # A question of its own, or no preposition to put the topic after: not framed.
        ("Vem ansvarar för folkbiblioteken?", "och vad säger lagen om avgifter?", None),
        ("Vad ska Sagoby göra?", "och biblioteken då?", None),
        ("Hur länge ska biblioteket vara öppet för barn?", "och 2020 då?", None),  # a time
    ],
)
def test_a_follow_up_topic_is_asked_in_the_earlier_frame(previous, follow_up, framed):
    assert _in_frame(previous, follow_up) == framed


def test_resolve_frames_a_prepositional_follow_up():
    turn = resolve(
        "och för lånecentralerna då?", _history("Vem ansvarar för folkbiblioteken?"), PARTIES, []
    )
    assert turn.follow_up and turn.question == "Vem ansvarar för lånecentralerna?"
