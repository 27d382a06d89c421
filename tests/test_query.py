"""Question analysis and quote building, exact and without a model.

The vocabulary and documents are small fictional ones written here (Sagoby and Fjärrvik, as in
tests/data/multi), so every expectation can be checked by reading this file.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.analyze import QueryAnalyzer
from assistant.document_names import DocumentName
from assistant.folding import clean, fold
from assistant.framing import frame, quoted
from assistant.homographs import plain_reading
from assistant.indexing.records import StoredDocument
from assistant.lexical import stem_word, terms
from assistant.parties import COMMITMENT_VERBS, Party, acting_parties, parties_in
from assistant.question_split import split_compound
from assistant.quotes import Pick, cite_picks, expand, starts_cut
from assistant.results import Citation, Passage
from assistant.shorthand import expand_shorthand
from assistant.vocabulary import Vocabulary
from assistant.yes_no import yes_no

SAGOBY = "overenskommelse-sagoby-region-dalarna-2019-2022.txt"
FJARRVIK = "overenskommelse-fjarrvik-region-dalarna-2019-2022.txt"
STATUTE = "sfs-2013-801-bibliotekslag.md"
TEXTS = [
    "Överenskommelse mellan Sagoby kommun och Region Dalarna 2019-2022. Dnr NK-4417.",
    "Sagoby kommun ska utse ett elevkulturombud på varje skola. Regionen ska erbjuda utbildning.",
    "Fjärrvik kommun ska öppna ett nytt meröppet bibliotek i hamnen under planperioden.",
    "Folkbiblioteken ska vara tillgängliga för alla. Handläggare är Saga Påhitt.",
]
PARTIES = [Party.from_name(n) for n in ("Sagoby kommun", "Fjärrvik kommun", "Region Dalarna")]
DOCUMENTS = [
    DocumentName.of(
        SAGOBY,
        "Överenskommelse mellan Sagoby kommun och Region Dalarna 2019-2022",
        ["Sagoby kommun", "Region Dalarna"],
    ),
    DocumentName.of(
        FJARRVIK,
        "Överenskommelse mellan Fjärrvik kommun och Region Dalarna 2019-2022",
        ["Fjärrvik kommun", "Region Dalarna"],
    ),
    DocumentName.of(STATUTE, "Bibliotekslag (2013:801)", []),
]


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer(DOCUMENTS, PARTIES, texts=lambda: TEXTS)


def _history(*questions: str) -> list[dict[str, str]]:
    out = []
    for q in questions:
        out += [{"role": "user", "content": q}, {"role": "assistant", "content": "…"}]
    return out


# --- normalising and folding ---------------------------------------------------------------------


def test_folding_meets_across_diacritics_case_decomposition_and_zero_width():
    assert fold("Överenskommelse") == fold("overenskommelse") == "overenskommelse"
    decomposed = "va\u0308rden"  # "värden" with a combining diaeresis
    assert clean(decomposed) == "värden" and fold(decomposed) == "varden"
    assert clean("elevkultur\u200bombud\u00ad") == "elevkulturombud"
    assert fold("Vad   är\u200b  det?") == "vad ar det?"


@pytest.mark.parametrize("written", ["NK 4417", "nk4417", "NK-4417", "Nk-4417"])
def test_identifiers_written_any_way_fold_alike(written):
    assert fold(f"Ärende {written}?") == "arende nk4417?"


def test_chat_shorthand_is_written_out_before_the_question_is_read(analyzer):
    q = analyzer.analyze("hur mkt kostar nån utbildning för elevkulturombud o skolor?")
    assert q.wants == "amount"
    assert "mkt" not in q.folded and "hur mycket" in q.folded and "och skolor" in q.folded
    assert not {"mkt", "nan"} & set(q.topic_terms)
    # a capital kept, a lone "O" or a word holding the shorthand left alone
    assert expand_shorthand("Nån rabatt? O nej, mktg.") == "Någon rabatt? O nej, mktg."
    # "åk" before a number is a school year, typed with or without å; alone it is "ride!"
    assert (
        expand_shorthand("hur manga gick i ak 8? Åk. 7-9")
        == "hur manga gick i årskurs 8? Årskurs 7-9"
    )
    assert expand_shorthand("Åk till stan, park 8, AK 4") == "Åk till stan, park 8, AK 4"


def test_ordinary_numbers_are_not_identifiers():
    assert fold("år 2019 och planen 2019-2022") == "ar 2019 och planen 2019-2022"


def test_vocabulary_restores_diacritics_and_corrects_small_typos():
    vocab = Vocabulary(TEXTS)
    text, changes = vocab.rewrite("Vad ska Fjarrvik oppna i hamnen enligt overenskommelsen?")
    assert "Fjärrvik" in text and "öppna" in text
    # One letter more than a corpus word, without its diacritic: still that word.
    assert "överenskommelse?" in text
    assert changes["Fjarrvik"] == "Fjärrvik"
    # One edit in a 15-letter word, two in a 10-letter word; short words are never guessed.
    assert vocab.rewrite("elevkulturonbud")[0] == "elevkulturombud"
    assert vocab.rewrite("utbilndnig")[0] == "utbildning"
    assert vocab.rewrite("utbldnng")[0] == "utbldnng"  # two edits in eight letters: a guess
    assert vocab.rewrite("skolla")[0] == "skola" and vocab.rewrite("skol")[0] == "skol"
    assert vocab.rewrite("xyzzyplugh")[0] == "xyzzyplugh"
    assert vocab.rewrite("hamnen", typos=False)[0] == "hamnen"


def test_a_plain_word_with_two_spellings_takes_the_one_its_neighbours_have():
    # "ar" is "är" or "år": the corpus's spelling beside the same neighbour decides
    vocab = Vocabulary(
        [
            "Grundavgiften är 821 kr per år. Det är fastighetsägaren som betalar.",
            "Avgiften är fast. Mätaravgiften tas ut per år och mätare. Taxan är ny.",
        ]
    )
    text, _ = vocab.rewrite("hur mycket ar grundavgiften per ar for en fastighet?")
    assert text.startswith("hur mycket är grundavgiften per år "), text
    # no neighbour the corpus has: its commonest spelling, as before
    assert vocab.rewrite("xyz ar")[0] == "xyz är"
    # ... but after a determiner or a numeral the word is the year, whatever the corpus writes
    assert vocab.rewrite("vilket ar byggdes huset?")[0] == "vilket år byggdes huset?"
    assert " år galler " in vocab.rewrite("hur manga ar galler taxan?")[0]
    assert plain_reading("ar", "vilket", "byggdes") == "år"
    assert plain_reading("ar", "vilket", "det") is None  # "Vilket är det som gäller?"
    assert plain_reading("ar", "taxan", "ny") is None


def test_vocabulary_writes_identifiers_the_corpus_way():
    vocab = Vocabulary(TEXTS)
    for written in ("NK 4417", "nk4417", "nk-4417", "NK4417"):
        assert vocab.rewrite(f"Vad gäller {written}?")[0] == "Vad gäller NK-4417?"


# --- the Query -----------------------------------------------------------------------------------


def test_query_of_a_plain_question(analyzer):
    q = analyzer.analyze("Vad ska Sagoby kommun göra för elevkulturombud?")
    assert q.language == "sv" and q.intent == "fact" and not q.follow_up
    assert q.parties == ("Sagoby kommun",)
    assert "elevkulturombud" in q.topic_terms and "sagoby" not in q.topic_terms
    assert q.prefer == (SAGOBY,) and q.documents == ()
    with pytest.raises(AttributeError):
        q.language = "en"  # type: ignore[misc]  # frozen


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Hur långa resor ersätts för elevkulturombud?", ("resor", "ersätts", "elevkulturombud")),
        ("How old is an elevkulturombud?", ("elevkulturombud",)),
        # A verb after "hur" is what is asked about: it stays.
        ("Hur utses elevkulturombud?", ("utses", "elevkulturombud")),
        # "lång" elsewhere than after "hur" is a topic word.
        ("Vad säger avtalet om långa resor?", ("långa", "resor")),
        # A contact detail's noun names the answer's kind: the text gives the address itself.
        ("Vilken mejladress har elevkulturombud?", ("elevkulturombud",)),
        ("What phone number do elevkulturombud call?", ("elevkulturombud", "call")),
    ],
)
def test_a_measure_or_a_contact_noun_frames_the_question(analyzer, question, topic):
    stems = analyzer.analyze(question).topic_terms
    assert stems == tuple(t for w in topic for t in terms(w))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # "i så fall" ties the parts together: "fall" is no case the text must be about
        ("Har elevkulturombud arvode, och i så fall hur mycket?", ("elevkulturombud", "arvode")),
        ("Do elevkulturombud get paid, and if so how much?", ("elevkulturombud", "get", "paid")),
    ],
)
def test_a_phrase_tying_the_parts_together_is_no_topic(analyzer, question, topic):
    stems = analyzer.analyze(question).topic_terms
    assert set(stems) >= {t for w in topic for t in terms(w)}
    assert not {"fall", "so", "if"} & set(stems)
    # "fall" asked of its own stays
    assert "fall" in analyzer.analyze("I vilka fall får elevkulturombud arvode?").topic_terms


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # A focus particle narrows what is asked and names no topic: a text rarely uses it, so
        # as a topic word it weighed most and the sentence with the answer held too little of
        # the topic (two read blind sets' questions were refused).
        ("Får elevkulturombud bara arvode?", ("elevkulturombud", "arvode")),
        ("Gällde arvodet enbart elevkulturombud?", ("arvodet", "elevkulturombud")),
        ("Har precis varje skola ett elevkulturombud?", ("varje", "skola", "elevkulturombud")),
        ("Ses arvodet över när det väl har bestämts?", ("ses", "arvodet", "bestämts")),
    ],
)
def test_a_focus_particle_is_no_topic(analyzer, question, topic):
    stems = set(analyzer.analyze(question).topic_terms)
    assert stems >= {t for w in topic for t in terms(w)}
    assert not stems & {t for w in ("bara", "enbart", "precis", "gällde", "väl") for t in terms(w)}


def test_the_texts_own_example_is_named_as_the_text_is(analyzer):
    # "… enligt exemplet?" points at the text's worked example as "enligt avtalet" at the text:
    # as a topic word the example's figures (which never say "exempel") held none of it.
    stems = set(analyzer.analyze("Hur stort blir arvodet enligt exemplet?").topic_terms)
    assert stems == set(terms("arvodet"))


def test_typed_twins_give_the_same_search_text(analyzer):
    twins = [
        "Vad ska Fjärrvik öppna i hamnen?",
        "Vad ska Fjarrvik oppna i hamnen?",
        "Vad ska Fja\u0308rrvik o\u0308ppna i hamnen?",
        "Vad ska Fjärr\u200bvik öppna i hamnen?",
    ]
    found = {analyzer.analyze(t).search_text for t in twins}
    assert found == {"Vad ska Fjärrvik öppna i hamnen?"}
    assert analyzer.analyze(twins[1]).parties == ("Fjärrvik kommun",)


def test_municipalities_named_in_the_plural_are_one_party():
    # "kommuner i Stockholms län" signs one agreement with its region: its sentences say
    # "Kommunerna åtar sig att …", and users ask for "kommunerna" / "the municipalities".
    county = Party.from_name("kommuner i Stockholms län")
    parties = [county, Party.from_name("Region Stockholm")]
    assert county.matches("kommunerna") and county.matches("municipalities")
    assert parties_in("Vad har kommunerna åtagit sig?", parties) == [county]
    assert parties_in("What have the municipalities committed to?", parties) == [county]
    assert acting_parties("Kommunerna åtar sig att se till att", parties, COMMITMENT_VERBS) == [
        county
    ]
    assert not Party.from_name("Sagoby kommun").matches("kommunerna")


def test_items_under_a_heading_that_commits_a_party_are_its_commitments():
    from langchain_core.documents import Document

    from assistant.commitments import extract_commitments

    county = Party.from_name("kommuner i Stockholms län")
    region = Party.from_name("Region Stockholm")

    def passage(pid: str, section: str, text: str) -> Document:
        meta = {"source": "a.txt", "title": "A", "page": 3, "section": section, "kind": "passage"}
        return Document(page_content=text, id=pid, metadata=meta)

    passages = [
        passage("p1", "4 Ansvar › 4.2.1 Regionen åtar sig att", "• informera kommunen i tid"),
        passage("p2", "4 Ansvar › 4.2.2 Kommunen åtar sig att", "• ha sjuksköterska på plats"),
        passage("p3", "5 Kostnader › 5.1 Region Stockholms ansvar", "• betala läkarnas arvoden"),
        passage("p4", "6 Uppföljning", "• följa upp avvikelser varje år"),
        # A sentence with a subject of its own is not the heading's party's; nor a contents line.
        passage("p5", "7 Kommunens ansvar för hjälpmedel", "Regionen ansvarar för utbildningen."),
        passage("p6", "Innehåll", "3.1 Regionen åtar sig att ........................ 3"),
    ]
    found = extract_commitments(passages, {"a.txt": [county, region]})
    assert [(c.passage_id, c.parties) for c in found] == [
        ("p1", (region.name,)),
        ("p2", (county.name,)),
        ("p3", (region.name,)),
        ("p5", (region.name,)),  # its own subject's, not the heading's municipalities'
    ]
    # "kommunen" in the text is one of the county's municipalities; in a question it is not.
    assert not county.matches("kommunen")


@pytest.mark.parametrize("possessive", ["Fjärrvik's", "Fjärrvik’s", "Fjarrvik's"])
def test_an_english_genitive_names_the_party_as_the_bare_name_does(analyzer, possessive):
    # "Fjärrvik's" was one unknown word: no party's document preferred, a topic term nobody has.
    bare = analyzer.analyze("What will the Fjärrvik library open in the harbour?")
    q = analyzer.analyze(f"What will {possessive} library open in the harbour?")
    assert q.prefer == bare.prefer == (FJARRVIK,)
    assert (q.topic_terms, q.unknown_terms) == (bare.topic_terms, bare.unknown_terms)


@pytest.mark.parametrize(
    "question",
    [
        "Vad säger Sagoby-överenskommelsen om elevkulturombud?",
        "Vad säger Sagoby-overenskommelsen om elevkulturombud?",
        f"Vad säger {SAGOBY} om elevkulturombud?",
        f"Vad säger {SAGOBY.removesuffix('.txt')} om elevkulturombud?",
        "Vad säger overenskommelse-SAGOBY-region-dalarna-2019-2022 om elevkulturombud?",
    ],
)
def test_documents_named_by_short_name_or_file_name(analyzer, question):
    q = analyzer.analyze(question)
    assert q.documents == (SAGOBY,)
    # The name chooses the document; it is not part of what is searched for in it.
    assert "sagoby" not in q.folded and "elevkulturombud" in q.folded
    assert q.topic_terms == ("elevkulturombud",)


def test_a_title_names_a_document_and_title_words_only_prefer(analyzer):
    assert analyzer.analyze("Vad säger bibliotekslag om folkbibliotek?").documents == (STATUTE,)
    vague = analyzer.analyze("Vad gör Fjärrvik för biblioteken?")
    assert vague.documents == () and vague.prefer == (FJARRVIK,)
    # A party of two agreements points at both, not at the law; "kommun" points at none.
    assert analyzer.analyze("Vad gäller för Region Dalarna?").prefer == (FJARRVIK, SAGOBY)
    assert analyzer.analyze("Vad gör kommunen?").prefer == ()


def test_short_question_with_its_own_topic_is_new_not_a_follow_up(analyzer):
    history = _history("Vad ska Sagoby kommun göra för elevkulturombud?", "och regionen då?")
    q = analyzer.analyze("Vem är handläggare?", history)
    assert not q.follow_up and q.question == "Vem är handläggare?"
    assert (q.intent, q.fact, q.wants) == ("document_fact", "contact", "person")


@pytest.mark.parametrize(
    ("question", "resolved"),
    [
        ("och regionen då?", "Vad ska Region Dalarna göra för elevkulturombud?"),
        ("och Fjarrvik då?", "Vad ska Fjärrvik kommun göra för elevkulturombud?"),
        ("vilken sida?", "Vad ska Sagoby kommun göra för elevkulturombud?"),
        ("what about the region?", "Vad ska Region Dalarna göra för elevkulturombud?"),
    ],
)
def test_elliptical_questions_are_follow_ups(analyzer, question, resolved):
    q = analyzer.analyze(question, _history("Vad ska Sagoby kommun göra för elevkulturombud?"))
    assert q.follow_up and q.question == resolved and q.text == question


def test_more_excludes_each_quote_of_a_grouped_citation(analyzer):
    history = [
        {"role": "user", "content": "Vad ska regionen göra?"},
        {
            "role": "assistant",
            "content": "Enligt X: ”Regionen ska erbjuda utbildning. … Sagoby kommun ska utse ombud.” [1]",
        },
    ]
    q = analyzer.analyze("vad mer?", history)
    assert q.exclude == {"Regionen ska erbjuda utbildning.", "Sagoby kommun ska utse ombud."}


@pytest.mark.parametrize(
    ("question", "intent", "fact"),
    [
        ("Vem är handläggare?", "document_fact", "contact"),
        ("Who is the contact person?", "document_fact", "contact"),
        ("Vilket diarienummer har överenskommelsen?", "document_fact", "case_number"),
        ("Hur länge gäller overenskommelsen?", "document_fact", "validity"),
        ("How long is the agreement valid?", "document_fact", "validity"),
        ("Till när gäller överenskommelsen?", "document_fact", "validity"),
        ("Until when does the agreement apply?", "document_fact", "validity"),
        ("När antogs avtalet?", "document_fact", "adoption"),
        # a compound naming the document after a demonstrative; "fattades beslutet"
        ("När fattades beslutet om de här avgiftsföreskrifterna?", "document_fact", "adoption"),
        ("När antogs den här kulturtaxan?", "document_fact", "adoption"),
        ("När antogs taxan för kultur?", "fact", None),
        ("Vilka är parterna?", "document_fact", "parties"),
        # the verb of making an agreement frames the question, it is no topic
        ("Vilka parter har ingått överenskommelsen?", "document_fact", "parties"),
        ("Vilka har slutit avtalet?", "document_fact", "parties"),
        # what stopped applying when it took effect: the old, the new and the verbs frame it
        (
            "Vilka äldre avtal slutade gälla när det nya trädde i kraft?",
            "document_fact",
            "replaces",
        ),
        ("Vad är syftet med överenskommelsen?", "document_fact", "purpose"),
        ("Vad handlar avtalet om?", "document_fact", "purpose"),
        ("What is the agreement about?", "document_fact", "purpose"),
        ("What does the agreement say about elevkulturombud?", "fact", None),
        ("Vad beskriver överenskommelsen om elevkulturombud?", "fact", None),
        ("Vilken period gäller för utbildningen av elevkulturombud?", "fact", None),
        ("Vilka kommuner har elevkulturombud?", "which_documents", None),
        ("Which documents mention elevkulturombud?", "which_documents", None),
        ("what did Sagoby commit to?", "commitments", None),
        ("Vad har Sagoby lovat om elevkulturombud?", "fact", None),
    ],
)
def test_intent(analyzer, question, intent, fact):
    q = analyzer.analyze(question)
    assert (q.intent, q.fact) == (intent, fact)


def test_which_municipalities_asks_which_documents_only_of_several_municipalities():
    # Of a corpus where one municipality is a party (or none: ordinances), "Vilka kommuner
    # har …?" asks a fact the texts may state, weighed like any other question.
    one = QueryAnalyzer(DOCUMENTS, PARTIES[:1] + PARTIES[2:], texts=lambda: TEXTS)
    assert one.analyze("Vilka kommuner har elevkulturombud?").intent == "fact"
    several = QueryAnalyzer(DOCUMENTS, PARTIES, texts=lambda: TEXTS)
    assert several.analyze("Vilka kommuner har elevkulturombud?").intent == "which_documents"


def test_a_title_word_inflected_beside_a_fact_names_the_document():
    # Snowball keeps the definite "-an" ("bilagan"), strips the title's "-a" ("Bilaga"): the
    # question names the appendix, it has no topic of its own.
    bilaga = DocumentName.of("bilaga.pdf", "Bilaga 1 till överenskommelsen", [])
    analyzer = QueryAnalyzer([bilaga, *DOCUMENTS], PARTIES, texts=lambda: TEXTS)
    q = analyzer.analyze("Vad beskriver bilagan?")
    assert (q.intent, q.fact, q.documents) == ("document_fact", "purpose", ("bilaga.pdf",))


def test_title_words_joined_by_a_hyphen_name_the_document_beside_a_fact():
    # "Kultur-Fritid" is one term in the title, two words in the question: the question asks
    # the document's validity, it has no topic of its own.
    rutin = DocumentName.of("rutin.md", "Samverkan Kultur-Fritid -rutin", [])
    analyzer = QueryAnalyzer([rutin, *DOCUMENTS], PARTIES, texts=lambda: TEXTS)
    q = analyzer.analyze("Hur länge gäller rutinen för samverkan kultur och fritid?")
    assert (q.intent, q.fact, q.documents) == ("document_fact", "validity", ("rutin.md",))


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("När ska biblioteket öppna?", "date"),
        ("Hur länge gäller uppdraget?", "duration"),
        ("Inom hur många arbetsdagar ska läkaren komma?", "duration"),
        ("Hur mycket kostar ett lånekort?", "amount"),
        ("Who pays for the training?", "person"),
        ("Var ska biblioteket ligga?", "place"),
        ("Vad ska Sagoby göra?", None),
        # A leading "when" clause sets the scene; the question word after its comma asks.
        ("When the library plan is revised, who must approve it?", "person"),
        ("Om avtalet sägs upp, hur länge gäller det då?", "duration"),
        # A requirement's "när" asks in which cases (a condition answers), not for a date.
        ("När krävs ett lånekort?", None),
        ("When is a library plan required?", None),
        ("När kan biblioteket öppna?", "date"),
        # when a use starts, or its deadline, is a time, not the cases it is used in
        ("När ska de nya intervallen börja användas?", "date"),
        ("När används lånekortet?", None),
        ("När krävs lånekort för att börja låna?", None),
        ("When is a card required to start borrowing?", None),
        # "hur många ar…" begins "arbetar": a unit word is a whole word.
        ("Hur många arbetar på biblioteket?", "amount"),
        ("How many minutes does the visit take?", "duration"),
        # how soon: a time's length from now, as how long
        ("Om man inte klarar provet, hur snart får man göra om det?", "duration"),
        ("How soon must the inspection take place?", "duration"),
        # a person by a role noun, not a personal identity number
        ("Vilken politiker har skrivit förordet?", "person"),
        ("Which official signed the agreement?", "person"),
        ("Vilket personnummer ska anges?", None),
        # what follows from paying late, not the fee's sum
        ("Vad händer om jag betalar avgiften för sent?", None),
        # yes or no, with a "how" of manner inside: no sum, though it names costs
        ("Does the plan have to estimate costs and say how the work is financed?", None),
        ("Kan du säga hur mycket ett lånekort kostar?", "amount"),
    ],
)
def test_wanted_answer_type(analyzer, question, wants):
    assert analyzer.analyze(question).wants == wants


def test_compound_questions_are_split_into_analysed_parts(analyzer):
    q = analyzer.analyze("Vad ska regionen erbjuda elevkulturombud? Vem är handläggare?")
    assert q.compound and [p.text for p in q.parts] == [
        "Vad ska regionen erbjuda elevkulturombud?",
        "Vem är handläggare?",
    ]
    assert [p.intent for p in q.parts] == ["fact", "document_fact"]
    assert split_compound("Vad säger lagen om avgifter, och vad har Sagoby lovat?") == [
        "Vad säger lagen om avgifter",
        "vad har Sagoby lovat?",
    ]
    assert split_compound("Vad gör kommunen och regionen?") == ["Vad gör kommunen och regionen?"]
    # a question phrase without its verb shares the next part's: one question
    shared = "På vilken höjd och med vilket avstånd från hörnet bör knappen sitta?"
    assert split_compound(shared) == [shared]
    assert split_compound("Hur mycket och hur ofta betalar man?") == [
        "Hur mycket och hur ofta betalar man?"
    ]
    assert split_compound("Vem ansvarar och vad kostar det?") == ["Vem ansvarar", "vad kostar det?"]
    # after a comma, a verb before its subject pronoun opens a yes/no question of its own
    assert split_compound("Från vilket datum gäller avtalet, och är det tidsbegränsat?") == [
        "Från vilket datum gäller avtalet",
        "är det tidsbegränsat?",
    ]
    assert split_compound("Vad gäller och är det dyrt?") == ["Vad gäller och är det dyrt?"]
    # a request for more of the answer is no question of its own
    for more in ("Ge exempel.", "Ge gärna några exempel!", "Give examples.", "Förklara."):
        assert split_compound(f"Finns det avgifter för lån? {more}") == [
            f"Finns det avgifter för lån? {more}"
        ]
    assert split_compound("Vad kostar lånet? Ge exempel på avgifter för fjärrlån.") == [
        "Vad kostar lånet?",
        "Ge exempel på avgifter för fjärrlån.",
    ]
    # "och" between two prepositions joins them
    joined = "Hur länge gäller rutinen, från och till vilket datum?"
    assert split_compound(joined) == [joined]
    # a sentence about the asker's own case asks nothing alone: one question, as typed
    told = "hur ofta läses mätaren av? jag tycker bara jag får uppskattade räkningar"
    assert split_compound(told) == [told]
    told = "behöver jag besiktiga ventilationen i min villa? den har självdrag"
    assert split_compound(told) == [told]
    told = "Vi har en tomt. Vad kostar anslutningen? Och vem betalar servisen?"
    assert split_compound(told) == [
        "Vi har en tomt. Vad kostar anslutningen?",
        "Och vem betalar servisen?",
    ]
    assert not analyzer.analyze("Vad gör kommunen och regionen?").compound


def test_the_askers_own_case_is_searched_but_is_no_topic_the_answer_must_hold(analyzer):
    # "uppskattade räkningar" tells why they ask: an answer about reading the meter need not
    # say it (it weighed as half the topic, and the one-sentence rule refused the answer).
    told = analyzer.analyze("hur ofta läses elevkulturombud av? jag tycker bara jag får räkningar")
    assert "räkning" in told.search_text.casefold() or "räkningar" in told.search_text
    assert not any(t.startswith("räkning") for t in told.topic_terms), told.topic_terms
    case = analyzer.analyze("Vi har en skola i Sagoby. Vem utser elevkulturombud?")
    assert "skol" not in case.topic_terms and "elevkulturombud" in case.topic_terms
    # without a question beside it, the statement is the question
    alone = analyzer.analyze("Vi undrar om elevkulturombud")
    assert "elevkulturombud" in alone.topic_terms and alone.asked == ""
    # the asker's case before a comma, in the first person, and its figures: the same
    comma = analyzer.analyze("min skola har 25 elever, vem utser elevkulturombud?")
    assert comma.asked == "vem utser elevkulturombud?", comma.asked
    assert "elev" not in comma.topic_terms and "elevkulturombud" in comma.topic_terms
    # not a first-person case: the whole question
    kept = analyzer.analyze("I Sagoby, vem utser elevkulturombud?")
    assert kept.asked == "" and "sagoby" not in kept.asked
    # the asker's example after a comma ("…, typ en lyft?"): one instance, no topic word
    example = analyzer.analyze("Vem utser elevkulturombud på en skola, typ en friskola?")
    assert example.asked == "Vem utser elevkulturombud på en skola?", example.asked
    assert not any(t.startswith("friskol") for t in example.topic_terms), example.topic_terms
    # "typ av" is a kind asked for, not an example
    kind = analyzer.analyze("Vilken typ av elevkulturombud, typ av skola?")
    assert kind.asked == ""


def test_the_askers_own_figures_are_no_number_the_answer_must_state(tmp_path, e5):
    from assistant import decide
    from tests.helpers import assistant_over_texts

    text = (
        "Taxa för Sagoby\n\nBostadsenhet: ett eller flera utrymmen som bildar en enhet.\n\n"
        "Små bostadsenheter om högst 30 m² bruttoarea räknas som en halv bostadsenhet.\n"
    )
    over = assistant_over_texts(tmp_path, {"taxa.txt": text}, e5)
    with decide.recording() as records:
        over.ask("min son hyr ett rum på 25 kvm, räknas det som en hel bostadsenhet?")
    assert records and records[-1]["features"]["numbers_agree"] == 0.0
    with decide.recording() as records:
        over.ask("räknas ett rum på 25 kvm som en hel bostadsenhet?")
    assert records[-1]["features"]["numbers_agree"] == -1.0


def test_english_question_keeps_english_words(analyzer):
    q = analyzer.analyze("What did Sagoby commit to regarding the training for the schools?")
    assert q.language == "en"
    assert q.search_text == q.question  # no English word is "corrected" into Swedish


# --- quotes --------------------------------------------------------------------------------------

LIST_PAGE = (
    "Avgifter får tas ut vid följande fall:\n"
    "1. kopiering av handlingar,\n"
    "2. porto, och\n"
    "3. försenade lån.\n"
    "Lånen är annars avgiftsfria. Biblioteket är öppet alla dagar. Det ligger vid torget\n"
    "och har en stor läsesal."
)


def _passage(text: str = LIST_PAGE, pid: str = "p1", kind: str = "passage") -> Passage:
    return Passage(pid, "x.txt", "X", 1, "", text, 0.9, 0, len(text), kind)


def _doc(text: str = LIST_PAGE) -> dict[str, StoredDocument]:
    return {"x.txt": StoredDocument("x.txt", "X", "document", [text], "", {})}


def _span(text: str, part: str) -> tuple[int, int]:
    start = LIST_PAGE.index(part)
    return start, start + len(part)


def test_a_list_lead_is_quoted_with_its_items():
    p = _passage()
    a, b = _span(LIST_PAGE, "Avgifter får tas ut vid följande fall:")
    quotes = [p.text[x:y] for x, y in expand(p, a, b)]
    assert quotes == [
        "Avgifter får tas ut vid följande fall:",
        "kopiering av handlingar,",
        "porto, och",
        "försenade lån.",
    ]


def test_a_lead_over_no_items_is_quoted_with_what_it_introduces():
    # a lead over a table's run of cells (one long span): never the lead alone
    cells = " ".join(f"DN{n} småhus {n * 30} kr ({n}%)" for n in range(20, 60))
    text = f"Mätaravgift\n\nAvgift utgår per mätare och år:\n\n{cells}\n\nSlut."
    p = _passage(text)
    start = text.index("Avgift utgår")
    quotes = [
        text[x:y] for x, y in expand(p, start, start + len("Avgift utgår per mätare och år:"))
    ]
    assert quotes[0] == "Avgift utgår per mätare och år:" and quotes[1].startswith("DN20 småhus")


def test_a_list_item_is_never_quoted_without_its_lead():
    p = _passage()
    a, b = _span(LIST_PAGE, "försenade lån.")
    quotes = [p.text[x:y] for x, y in expand(p, a, b)]
    assert quotes == ["Avgifter får tas ut vid följande fall:", "försenade lån."]


def test_a_lower_case_fragment_is_quoted_with_the_sentence_it_continues():
    p = _passage()
    a, b = _span(LIST_PAGE, "och har en stor läsesal.")
    quotes = [p.text[x:y] for x, y in expand(p, a, b)]
    assert quotes == ["Det ligger vid torget\noch har en stor läsesal."]
    a, b = _span(LIST_PAGE, "Lånen är annars avgiftsfria.")
    assert [p.text[x:y] for x, y in expand(p, a, b)] == ["Lånen är annars avgiftsfria."]


def test_a_sentence_saying_what_follows_from_the_quote_is_quoted_with_it():
    text = (
        "Leverantören bör ha kontor i Sverige. Om så inte är fallet, begär ett ombud här. "
        "Leverantören ska ha F-skatt."
    )
    p = _passage(text)
    a = text.index("Leverantören bör")
    b = text.index(".", a) + 1
    assert [text[x:y] for x, y in expand(p, a, b)] == [
        "Leverantören bör ha kontor i Sverige. Om så inte är fallet, begär ett ombud här."
    ]
    a = text.index("Leverantören ska")
    assert [text[x:y] for x, y in expand(p, a, len(text))] == ["Leverantören ska ha F-skatt."]


def test_a_sentence_naming_the_one_before_is_quoted_with_it():
    text = (
        "Kommunen ska erbjuda plats i simskola för alla barn i årskurs tre. Erbjudandet gäller "
        "till och med vårterminen det år barnet fyller tio år. Kommunen ska också erbjuda "
        "lovskola. Detta framförs av fyra föreningar. Kommunen skriver avtal med Simklubben "
        "Vågen. Kommunen betalar halva kostnaden."
    )
    p = _passage(text)
    for asked, opening in [
        ("Erbjudandet gäller", "Kommunen ska erbjuda plats"),  # the offer it names
        ("Detta framförs", "Kommunen ska också erbjuda lovskola."),  # "Detta": the one before
    ]:
        a = text.index(asked)
        b = text.index(".", a) + 1
        quotes = [text[x:y] for x, y in expand(p, a, b)]
        assert len(quotes) == 1 and quotes[0].startswith(opening)
        assert quotes[0].endswith(text[a:b])
    # the same word again names nothing new: "Kommunen … . Kommunen betalar …" stands alone
    a = text.index("Kommunen betalar")
    assert [text[x:y] for x, y in expand(p, a, len(text))] == ["Kommunen betalar halva kostnaden."]
    # nor does a longer word on the stem: "regionala" before "Regionen" (a party's name)
    text = "Ombuden påverkar den regionala kulturen. Regionen samlar ombuden två gånger per år."
    a = text.index("Regionen")
    assert [text[x:y] for x, y in expand(_passage(text), a, len(text))] == [text[a:]]


FAQ_ANSWER = (
    "Kräver reglerna tillgänglighet i enbostadshus?\n\n"
    "Delvis. Nybyggda enbostadshus ska vara tillgängliga på entréplanet. Övervåningen undantas.\n\n"
    "Varför finns kravet?\n\nKravet gäller sedan 1994. Det ska göra bostaden användbar."
)


def _quoted(page: str, part: str) -> list[str]:
    """The highlights ``expand`` makes of the sentence ``part`` of a one-passage ``page``."""
    a = page.index(part)
    return [page[x:y] for x, y in expand(_passage(page), a, a + len(part))]


def test_a_sentence_after_a_bare_answer_is_quoted_with_it():
    def quoted(part: str) -> list[str]:
        return _quoted(FAQ_ANSWER, part)

    assert quoted("Nybyggda enbostadshus ska vara tillgängliga på entréplanet.") == [
        "Delvis. Nybyggda enbostadshus ska vara tillgängliga på entréplanet."
    ]
    # only the sentence right after it; and a sentence with a figure is no bare answer
    assert quoted("Övervåningen undantas.") == ["Övervåningen undantas."]
    assert quoted("Det ska göra bostaden användbar.") == ["Det ska göra bostaden användbar."]


def test_sentences_of_one_passage_are_one_citation_with_several_highlights():
    p, other = _passage(), _passage(pid="p2")
    picks = [
        Pick(p, *_span(LIST_PAGE, "Biblioteket är öppet alla dagar."), 0.9),
        Pick(other, *_span(LIST_PAGE, "Lånen är annars avgiftsfria."), 0.8),
        Pick(p, *_span(LIST_PAGE, "Lånen är annars avgiftsfria."), 0.7),
    ]
    citations = cite_picks(picks, _doc())
    assert [c.n for c in citations] == [1, 2]
    first = citations[0]
    # The highlights in the passage's order; ``quote`` is the best one; the answer joins them.
    assert first.quotes == ["Lånen är annars avgiftsfria.", "Biblioteket är öppet alla dagar."]
    assert first.quote == "Biblioteket är öppet alla dagar." and first.score == 0.9
    assert quoted(first) == "”Lånen är annars avgiftsfria. Biblioteket är öppet alla dagar.”"
    assert citations[1].quotes == ["Lånen är annars avgiftsfria."]


def test_separate_highlights_and_how_the_answer_reads_them():
    p = _passage()
    picks = [
        Pick(p, *_span(LIST_PAGE, "Biblioteket är öppet alla dagar."), 0.9),
        Pick(p, *_span(LIST_PAGE, "porto, och"), 0.8),
    ]
    (c,) = cite_picks(picks, _doc())
    assert c.quotes == [
        "Avgifter får tas ut vid följande fall:",
        "porto, och",
        "Biblioteket är öppet alla dagar.",
    ]
    assert c.quote == "Biblioteket är öppet alla dagar."
    assert [LIST_PAGE[a:b] for a, b in c.spans] == c.quotes
    # Words left out between highlights show as "…", a list's numbering does not.
    assert quoted(c) == (
        "”Avgifter får tas ut vid följande fall: … porto, och … Biblioteket är öppet alla dagar.”"
    )
    a, b = _span(LIST_PAGE, "Avgifter får tas ut vid följande fall:")
    (whole,) = cite_picks([Pick(p, a, b, 0.9)], _doc())
    assert quoted(whole) == (
        "”Avgifter får tas ut vid följande fall: kopiering av handlingar, porto, och försenade lån.”"
    )


BULLET_PAGE = (
    "Regionen följer upp arbetet.\n\n"
    "Kommunerna åtar sig att se till att\n\n"
    "• överlämna rätt läkemedel i rätt dos\n\n"
    "• ha en organisation för en säker läkemedelshantering\n\n"
    "Uppföljningen sker varje år.\n"
    "Parterna ska bidra till\n"
    "att ett nytt avtal tecknas."
)


def test_a_lead_that_announces_its_list_with_a_full_stop_is_quoted_with_its_items():
    page = (
        "16 § Riskerna ska minskas genom åtgärder i följande prioritetsordning.\n\n"
        "1. Utföra arbetet i ett slutet system.\n\n"
        "2. Använda processventilation.\n\n"
        "Avgiften betalas årligen.\n\n"
        "1. Första delen."
    )
    lead = "16 § Riskerna ska minskas genom åtgärder i följande prioritetsordning."
    items = ["Utföra arbetet i ett slutet system.", "Använda processventilation."]
    assert _quoted(page, lead) == [lead, *items]
    assert _quoted(page, items[0]) == [lead, items[0]]
    # A full stop that announces nothing ends the sentence: the item after it is no part of it;
    # nor does a cross-reference ("se nedan.") lead the bullets after it.
    assert _quoted(page, "Avgiften betalas årligen.") == ["Avgiften betalas årligen."]
    refers = "Takkupor kräver ingen anmälan, se nedan.\n\n• Attefall: tillbyggnad, anmälansplikt."
    assert _quoted(refers, "Takkupor kräver ingen anmälan, se nedan.") == [
        "Takkupor kräver ingen anmälan, se nedan."
    ]


def test_a_lead_without_a_colon_over_bullets_is_quoted_with_its_items():
    p = _passage(BULLET_PAGE)

    def quotes(part: str) -> list[str]:
        return _quoted(BULLET_PAGE, part)

    lead = "Kommunerna åtar sig att se till att"
    items = [
        "överlämna rätt läkemedel i rätt dos",
        "ha en organisation för en säker läkemedelshantering",
    ]
    # The paragraph after the bullets is no item; an item is not the lead of the next one.
    assert quotes(lead) == [lead, *items]
    assert quotes(items[0]) == [lead, items[0]]
    assert quotes(items[1]) == [lead, items[1]]
    # A sentence that runs on to the next line without bullets is no lead.
    assert quotes("Parterna ska bidra till") == [
        "Parterna ska bidra till\natt ett nytt avtal tecknas."
    ]
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", [BULLET_PAGE], "", {})}
    a = BULLET_PAGE.index(lead)
    (c,) = cite_picks([Pick(p, a, a + len(lead), 0.9)], docs)
    # The lead reads into its first item; items without punctuation are parted by ";".
    assert quoted(c) == (
        "”Kommunerna åtar sig att se till att överlämna rätt läkemedel i rätt dos; "
        "ha en organisation för en säker läkemedelshantering”"
    )


def test_a_quote_that_starts_mid_sentence_names_the_heading_it_stands_under():
    # Items under a heading that is their lead ("4.4.1 Region Stockholm åtar sig att se till
    # att" / "• se till att läkare finns …"): the heading is outside the passage, so the answer
    # says under which heading the fragment stands: whose commitment it is.
    text = "• se till att läkare finns tillgänglig dygnet runt.\n\n• informera närstående."
    section = "4.4 Boendetid › 4.4.1 Region Stockholm åtar sig att se till att"
    item = Passage("p1", "x.txt", "X", 3, section, text, 0.9, 0, len(text), "passage")
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", ["", "", text], "", {})}
    (c,) = cite_picks([Pick(item, 2, text.index("runt.") + 5, 0.9)], docs)
    assert frame([c], "sv") == (
        "Enligt X, s. 3, under ”4.4.1 Region Stockholm åtar sig att se till att”: "
        "”se till att läkare finns tillgänglig dygnet runt.” [1]"
    )
    # Two items of such a list read as items, parted by ";", not run together.
    bare = "• utse en kontaktperson\n• skicka en läkemedelslista"
    two = Passage("p3", "x.txt", "X", 3, section, bare, 0.9, 0, len(bare), "passage")
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", ["", "", bare], "", {})}
    picks = [Pick(two, 2, 23, 0.9), Pick(two, bare.index("skicka"), len(bare), 0.8)]
    (c,) = cite_picks(picks, docs)
    assert quoted(c) == "”utse en kontaktperson; skicka en läkemedelslista”"
    whole = Passage("p2", "x.txt", "X", 1, section, LIST_PAGE, 0.9, 0, len(LIST_PAGE), "passage")
    a, b = _span(LIST_PAGE, "Lånen är annars avgiftsfria.")
    (c,) = cite_picks([Pick(whole, a, b, 0.9)], _doc())
    assert "under" not in frame([c], "sv")


def test_card_facts_are_not_put_in_quotation_marks():
    card = "Dokumentuppgifter för X\nDiarienummer: NK-4417"
    p = _passage(card, kind="card")
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", [""], card, {})}
    (c,) = cite_picks([Pick(p, card.index("Diarienummer"), len(card), 0.9)], docs)
    assert quoted(c) == "Diarienummer: NK-4417" and "”" not in frame([c], "sv")


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        # the label's search words go; the document's own labelled line is the value
        (
            "Diarienummer (diarienumret, dnr, case number): Diarienummer: KS-2025-00512",
            "Diarienummer: KS-2025-00512",
        ),
        (
            "Kontakt (kontaktperson, handläggare, contact): Handläggare: Anna Berg",
            "Handläggare: Anna Berg",
        ),
        (
            "Beslut (beslutad, antagen, fastställd, decision): Antagen av kommunfullmäktige 2026-04-28",
            "Beslut: Antagen av kommunfullmäktige 2026-04-28",
        ),
        # a period is no label of its own; a card line without search words is as it is
        ("Giltighet (gäller, giltighetstid, validity): 2019-2022", "Giltighet: 2019-2022"),
        ("Titel: Avtal (bilaga 2)", "Titel: Avtal (bilaga 2)"),
    ],
)
def test_a_card_fact_is_shown_without_the_labels_search_words(line, shown):
    card = f"Dokumentuppgifter för X\n{line}"
    p = _passage(card, kind="card")
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", [""], card, {})}
    (c,) = cite_picks([Pick(p, card.index(line), len(card), 0.9)], docs)
    assert quoted(c) == shown


def test_a_citation_made_with_one_quote_keeps_its_old_shape():
    c = Citation(1, _passage(), "porto, och", 0.5)
    assert c.quotes == ["porto, och"] and set(c.to_dict()) == {
        "n",
        "source",
        "title",
        "page",
        "section",
        "quote",
        "passage",
        "score",
    }
    with pytest.raises(ValueError):
        Citation(1, _passage(), "porto, och", 0.5, quotes=["inte i texten"])


def test_a_sentence_broken_over_lines_is_quoted_whole():
    text = "Kortet är ett av de medel som anställda\nkan använda vid inköp. Nästa mening."
    p = _passage(text)
    quotes = [text[a:b] for a, b in expand(p, 0, text.index("\nkan"))]
    assert quotes == ["Kortet är ett av de medel som anställda\nkan använda vid inköp."]


def test_a_passage_that_opens_mid_sentence_cannot_quote_that_sentence():
    assert starts_cut(_passage("4 §) finns bestämmelser om planen. Nästa mening."), 0)
    assert starts_cut(_passage("och har en stor läsesal. Nästa mening."), 0)
    assert not starts_cut(_passage("Planen (se 4 §) gäller. Nästa mening."), 0)
    text = "och har en läsesal. Nästa mening."
    assert not starts_cut(_passage(text), text.index("Nästa"))


def test_a_passage_cut_mid_sentence_is_widened_on_its_page_to_quote_the_whole_sentence():
    page = "Inledning. Enligt lagen (2 kap. 7 § SoL och 16 kap. 4 §) finns regler om planen. Sist."
    cut = page.index("4 §) finns")
    p = Passage("p1", "x.txt", "X", 1, "", page[cut:], 0.9, cut, len(page), "passage")
    docs = {"x.txt": StoredDocument("x.txt", "X", "document", [page], "", {})}
    (c,) = cite_picks([Pick(p, 0, p.text.index(" Sist."), 0.9)], docs)
    assert c.quote == "Enligt lagen (2 kap. 7 § SoL och 16 kap. 4 §) finns regler om planen."
    assert c.passage.start == page.index("Enligt") and c.passage.text == page[c.passage.start :]


def test_a_short_document_name_leaves_its_head_noun_in_the_search_text():
    from assistant.analyze import QueryAnalyzer
    from assistant.document_names import DocumentName

    docs = [
        DocumentName.of("sjoby.txt", "Överenskommelse mellan Sjöby kommun och Region Ny", []),
        DocumentName.of("annan.txt", "Riktlinje för bibliotek", []),
    ]
    query = QueryAnalyzer(docs, []).analyze("Vad säger Sjöby-överenskommelsen om bibliotek?")
    assert list(query.documents) == ["sjoby.txt"]
    assert query.search_text == "Vad säger överenskommelsen om bibliotek?"


def test_a_document_is_resolved_by_path_file_name_or_one_title_part_and_errors_say_the_names():
    from types import SimpleNamespace

    from assistant.document_names import resolve_source
    from assistant.errors import DocumentNotFoundError

    docs = [
        SimpleNamespace(source="a/ludvika.txt", title="Överenskommelse Ludvika"),
        SimpleNamespace(source="b/bibliotekslag.md", title="Bibliotekslag (2013:801)"),
    ]
    assert resolve_source(docs, "a/ludvika.txt") == "a/ludvika.txt"
    assert resolve_source(docs, "LUDVIKA.txt") == "a/ludvika.txt"
    assert resolve_source(docs, "bibliotekslag (2013") == "b/bibliotekslag.md"
    with pytest.raises(DocumentNotFoundError, match="matches several documents"):
        resolve_source(docs, ".")
    with pytest.raises(DocumentNotFoundError, match="a/ludvika.txt, b/bibliotekslag.md"):
        resolve_source(docs, "sjöby")


TOWN, NORRLAND = Party.from_name("Sjöby kommun"), Party.from_name("Region Norrland")


def _commitments_of(text: str, section: str) -> list[Any]:
    """What ``extract_commitments`` finds in one passage of an agreement between Sjöby kommun
    and Region Norrland."""
    from langchain_core.documents import Document

    from assistant.commitments import extract_commitments

    meta = {"source": "a.txt", "title": "A", "page": 2, "section": section}
    return extract_commitments(
        [Document(page_content=text, id="p1", metadata=meta)], {"a.txt": [TOWN, NORRLAND]}
    )


def test_a_commitment_that_leads_a_list_holds_its_items_and_the_parties_commit_jointly():
    town, region = TOWN, NORRLAND
    found = _commitments_of(
        "Sjöby kommun åtar sig att:\n\n• utse en kontaktperson\n\n• bjuda in till två möten\n\n"
        "Parterna ska gemensamt\n\n1. ta fram en handlingsplan\n\n2. redovisa resultaten",
        "2. Åtaganden",
    )
    # One commitment per lead, its items with it (the CLI printed "… åtar sig att:" alone).
    assert [(c.parties, c.quote, c.items) for c in found] == [
        (
            (town.name,),
            "Sjöby kommun åtar sig att:",
            ("utse en kontaktperson", "bjuda in till två möten"),
        ),
        (
            (town.name, region.name),
            "Parterna ska gemensamt",
            ("ta fram en handlingsplan", "redovisa resultaten"),
        ),
    ]
    assert found[0].to_dict()["items"] == ["utse en kontaktperson", "bjuda in till två möten"]


def test_the_source_a_question_cites_after_enligt_is_no_topic(analyzer):
    # "… enligt bibliotekslag" / "according to the overenskommelse": the title words there say
    # where the answer stands; as topic words they made every sentence that answers hold too
    # small a share of the question (a number question was refused by rule).
    q = analyzer.analyze("Hur många timmar ska folkbiblioteken vara öppna enligt bibliotekslag?")
    assert "folkbibliotek" in q.topic_terms
    assert not {"bibliotekslag", "enl"} & set(q.topic_terms)
    # A word after "enligt" that no title has is still asked about.
    q = analyzer.analyze("Vad gäller enligt hamnens ordningsregler?")
    assert "hamn" in q.topic_terms and "enl" not in q.topic_terms


def test_a_party_as_the_subject_of_paying_or_answering_for_commits():
    paid = "Sjöby kommun ersätter regionen med 1 250 kronor per besök."
    found = _commitments_of(
        f"Regionen ansvarar för utbildningen. Region Norrland betalar hälften av hyran. {paid}",
        "Ekonomi",
    )
    # The party paid ("… ersätter regionen …") is no actor: only the subject commits.
    assert [c.parties for c in found] == [(NORRLAND.name,), (NORRLAND.name,), (TOWN.name,)]


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Vad är ett skolbibliotek?", ()),  # "skola" + "bibliotek", both in the texts
        ("Vad gäller för hamn-biblioteket?", ()),  # joined by a hyphen, each part known
        ("Vad är en simhall?", ("simhall",)),  # no part of it in the texts
    ],
)
def test_a_compound_of_two_corpus_words_is_no_foreign_topic_word(question, unknown):
    stems = {stem_word(w) for text in TEXTS for w in re.findall(r"\w+", text.casefold())}
    knowing = QueryAnalyzer(DOCUMENTS, PARTIES, texts=lambda: TEXTS, knows=stems.__contains__)
    assert knowing.analyze(question).foreign_terms == unknown


def test_an_aside_between_two_commas_leaves_the_question_it_sits_in():
    # "…, till exempel en gång per år, ska …" is still "Hur ofta …?", not a yes/no question
    assert not yes_no(fold("Hur ofta, till exempel en gång per år, ska planen följas upp?"))
    assert yes_no(fold("Tillkommer det något utöver timavgiften, t.ex. för utlägg?"))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tillväxtverket och Vinnova ansvarar för att ta fram denna del.", True),
        ("Kommunerna ska samråda med regionen.", True),
        ("Kommunalförbundet beslutar om taxan.", True),
        ("Anna Berg är kontaktperson.", True),
        ("Kontrollen ska utföras av ett ackrediterat kontrollorgan.", True),
        # an adjective or a compound on "region"/"kommun" names nobody
        ("Programmet ska stärka samverkan mellan nationell och regional nivå.", False),
        ("Det nationella regionalfondsprogrammet ska bidra till regionala insatser.", False),
        ("Insatserna ska vara kommunala.", False),
    ],
)
def test_who_acts_is_named_by_a_name_a_body_or_a_role(text, named):
    from assistant.actors import actor_named

    assert actor_named(text) is named
