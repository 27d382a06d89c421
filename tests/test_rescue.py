"""A quote lacking the kind of number asked, rescued from a runner-up sentence of another
passage (``rescue.typed_rescue``): exact, without a model.

Candidates are built by hand from passages written here, ranked by the score given; the
question is analysed by a real ``QueryAnalyzer`` over the same texts.
"""

from __future__ import annotations

import numpy as np

from assistant.analyze import QueryAnalyzer
from assistant.candidates import Candidate
from assistant.lexical import terms
from assistant.rescue import typed_rescue
from assistant.results import Passage

DUTY = "41 § Arbetsgivaren ska föra ett register över arbetstagare som utsatts för cancerframkallande ämnen."
KEPT = (
    "Arbetsgivaren ska förvara registret under minst 40 år från den dag då exponeringen upphörde."
)
OTHER = "Ansökan om tillstånd ska lämnas minst 30 dagar innan arbetet påbörjas."
COUNTED = "Registret ska innehålla uppgifter om arbetstagarens namn och riskkällan."


def _candidates(*sentences: str) -> list[Candidate]:
    """One passage per sentence, scored and retrieved in the order given."""
    out = []
    for i, text in enumerate(sentences):
        passage = Passage(f"p{i}", "afs.txt", "AFS", 1, "", text, 1.0 - i / 10, sentences=1)
        standing = -i / 10  # below the first passage retrieved
        out.append(Candidate(passage, 0, len(text), 1.0 - i / 10, 0.9, np.zeros(2), 0.0, standing))
    return out


def _rescued(question: str, *sentences: str) -> list[str] | None:
    known = {t for s in sentences for t in terms(s)}
    analyzer = QueryAnalyzer([], [], texts=lambda: sentences, knows=known.__contains__)
    query = analyzer.analyze(question)
    candidates = _candidates(*sentences)
    rescued = typed_rescue(query, "number", candidates[:1], candidates, known.__contains__, True)
    return None if rescued is None else [c.text for c in rescued]


def test_a_period_missing_from_the_best_sentence_is_quoted_from_a_runner_up():
    # The duty names the register and no period; the period stands in another passage's
    # sentence about the same register: both are quoted.
    question = "Hur länge ska arbetsgivaren förvara registret över arbetstagare?"
    assert _rescued(question, DUTY, COUNTED, KEPT) == [DUTY, KEPT]
    english = "For how long must the employer keep the register of workers?"
    assert _rescued(english, DUTY, COUNTED, KEPT) == [DUTY, KEPT]
    # A period of another thing answers nothing of the register ("arbetet" holds no
    # "arbetsgivare": a compound's modifier alone is not the word).
    assert _rescued(question, DUTY, COUNTED, OTHER) is None
    assert _rescued(english, DUTY, COUNTED, OTHER) is None


TEAM = "Barnteamet ansvarar för barnets vård tills det första besöket hos vuxenteamet."
VISITS = "Barnet erbjuds återbesök hos barnteamet minst var tredje månad."
OTHER_VISITS = "Vuxenteamet erbjuder telefonrådgivning en gång i veckan."


def test_how_often_missing_from_the_best_sentence_is_quoted_from_any_read_one():
    question = "Hur ofta ska ett barn ha återbesök hos barnteamet?"
    known = {t for s in (TEAM, COUNTED, VISITS, OTHER_VISITS) for t in terms(s)}
    analyzer = QueryAnalyzer([], [], knows=known.__contains__)
    query = analyzer.analyze(question)
    ranked = _candidates(TEAM, COUNTED, OTHER_VISITS, VISITS)
    rescued = typed_rescue(query, "frequency", ranked[:1], ranked, known.__contains__, True)
    assert rescued is not None and [c.text for c in rescued] == [VISITS]
    # how often of another thing, less about what is asked than the best sentence: none
    ranked = _candidates(TEAM, COUNTED, OTHER_VISITS)
    assert typed_rescue(query, "frequency", ranked[:1], ranked, known.__contains__, True) is None


def _rescued_kind(absent: str, question: str, *sentences: str) -> list[str] | None:
    known = {t for s in sentences for t in terms(s)}
    analyzer = QueryAnalyzer([], [], texts=lambda: sentences, knows=known.__contains__)
    candidates = _candidates(*sentences)
    query = analyzer.analyze(question)
    rescued = typed_rescue(query, absent, candidates[:1], candidates, known.__contains__, True)
    return None if rescued is None else [c.text for c in rescued]


def test_a_body_missing_from_the_best_sentence_is_quoted_from_a_runner_up():
    # The fitted choice may put the rule first and pass over the sentence naming the body.
    question = "Till vilken myndighet skickar man sin ansökan om tillstånd?"
    rule = "1 § Tillstånd krävs för att upplåta solarium till allmänheten."
    body = "En ansökan om tillstånd ska ställas till Strålsäkerhetsmyndigheten."
    assert _rescued_kind("name", question, rule, body) == [rule, body]
    # A body named about another thing (no word of the question shared with the rule) is not.
    other = "Anmälan om verksamheten görs till nämnden i kommunen."
    assert _rescued_kind("name", question, rule, other) is None


def test_a_number_shares_more_than_its_unit_and_place_with_the_best_sentence():
    # "Dalarna", "år" and "procent" stand in any two sentences of a county's report: a share
    # of employment is not the market share asked (a read blind set's question).
    question = "Hur stor var kollektivtrafikens marknadsandel i Dalarna i procent år 2021?"
    best = "Diagrammen visar marknadsandel för kollektivtrafik i Dalarna."
    other = "År 2021 låg sysselsättningen i Dalarna på 79,9 procent."
    assert _rescued(question, best, other) is None
    same = "Kollektivtrafikens marknadsandel i Dalarna var 25 procent år 2021."
    assert _rescued(question, best, same) == [best, same]


def test_the_event_verb_of_when_is_read_after_a_second_question_phrase():
    from assistant.rescue import _states_event

    dated = "Protokollet justeras digitalt 2025-09-24"
    assert _states_event("nar och pa vilket satt justerades protokollet?", dated)
    assert _states_event("nar justerades protokollet?", dated)
    assert _states_event("nar och var holls motet?", "Mötet hölls i Huskvarna den 16 september.")
    assert not _states_event("nar och pa vilket satt justerades protokollet?", "Mötet hölls 2025.")


def test_a_year_missing_from_the_chosen_sentence_is_quoted_from_a_better_scored_one():
    # The fitted choice put a footnote on other years first; the sentence naming the year asked,
    # in the question's synonyms, scored higher: it is quoted alone.
    question = "Hur många kommuner hade färre än 10 000 invånare vid slutet av 2024?"
    stated = "Vid utgången av 2024 hade fler än 70 kommuner en folkmängd som understeg 10 000."
    footnote = "Målen för de nya kommunernas invånarantal var 2019 och 2021 högre än här."
    known = {t for s in (stated, footnote) for t in terms(s)}
    analyzer = QueryAnalyzer([], [], texts=lambda: (stated, footnote), knows=known.__contains__)
    query = analyzer.analyze(question)
    ranked = _candidates(stated, footnote)
    rescued = typed_rescue(query, "year", ranked[1:], ranked, known.__contains__, True)
    assert rescued is not None and [c.text for c in rescued] == [stated]
    # a sentence scored below the chosen one is no rescue
    ranked = _candidates(footnote, stated)
    assert typed_rescue(query, "year", ranked[:1], ranked, known.__contains__, True) is None


def test_a_year_asked_is_quoted_from_the_next_sentence_giving_the_same_measure():
    # "Vid utgången av 2023 … 80 procent. Vid utgången av 2024 hade motsvarande siffra ökat till
    # 84 procent.": the year asked, in the sentence after the first quote, scored lower for its
    # pointing words; both are quoted.
    question = "Hur stor andel av revisorerna var certifierade i slutet av 2024?"
    first = "Vid utgången av 2023 uppgick andelen certifierade revisorer till 80 procent."
    same = "Vid utgången av 2024 hade motsvarande siffra ökat till 84 procent."
    other = "Under 2024 anställdes två nya revisorer vid kontoret."
    for after, rescued in ((same, [first, same]), (other, None)):
        text = f"{first} {after}"
        passage = Passage("p0", "rapport.txt", "Rapport", 1, "", text, 1.0, sentences=2)
        cut = len(first) + 1
        ranked = [
            Candidate(passage, 0, len(first), 0.95, 0.9, np.zeros(2), 0.0, 0.0),
            Candidate(passage, cut, len(text), 0.85, 0.85, np.zeros(2), 0.0, 0.0),
        ]
        known = {t for t in terms(text)}
        analyzer = QueryAnalyzer([], [], texts=lambda t=text: (t,), knows=known.__contains__)
        query = analyzer.analyze(question)
        got = typed_rescue(query, "year", ranked[:1], ranked, known.__contains__, True)
        assert (None if got is None else [c.text for c in got]) == rescued, after


def test_a_count_of_occasions_says_how_often():
    from assistant.frequency import frequency_found

    assert frequency_found("Den har understigit två procent vid ett tillfälle de senaste åren.")
    assert frequency_found("It fell below two percent on two occasions.")
    assert not frequency_found("Vid detta tillfälle beslutade nämnden om taxan.")


def test_a_dateline_after_the_quote_dates_it():
    # "Vilket datum överlämnade regeringen propositionen …?": the dateline under the sentence
    # that hands the bill over, not a better-scored sentence of another passage naming years.
    text = "Regeringen överlämnar denna proposition till riksdagen.\n\nStockholm den 18 april 2013"
    other = "Stödet infördes år 2001 (prop. 2000/01:127, bet. 2000/01:TU5) och gäller sedan 2002."
    bill = Passage("p0", "prop.txt", "Prop", 1, "", text, 1.0, sentences=2)
    older = Passage("p1", "prop.txt", "Prop", 2, "", other, 0.9, sentences=1)
    end = text.index(".") + 1
    date = text.index("Stockholm")
    ranked = [
        Candidate(bill, 0, end, 1.0, 0.9, np.zeros(2), 0.0, 0.0),
        Candidate(older, 0, len(other), 0.95, 0.9, np.zeros(2), 0.0, -0.1),
        Candidate(bill, date, len(text), 0.5, 0.8, np.zeros(2), 0.0, 0.0),
    ]
    known = {t for s in (text, other) for t in terms(s)}
    analyzer = QueryAnalyzer([], [], texts=lambda: (text, other), knows=known.__contains__)
    query = analyzer.analyze("Vilket datum överlämnade regeringen propositionen till riksdagen?")
    rescued = typed_rescue(query, "time", ranked[:1], ranked, known.__contains__, True)
    assert rescued is not None
    assert [c.text for c in rescued] == [ranked[0].text, "Stockholm den 18 april 2013"]
