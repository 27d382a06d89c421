"""A sentence read with its context (``assistant.sentence_context``): its quote and the heading it
stands under, and what the one-sentence rules read from each. Tiny exact inputs over real
``Passage`` objects."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.folding import fold
from assistant.lexical import terms
from assistant.one_sentence import NAME_SHARE, SPECIFIC_SHARE, one_sentence_signals
from assistant.results import Passage
from assistant.sentence_context import heading_of, quote_of, read_in_context, refers_up
from assistant.sentence_share import typed_share


def _stems(text: str) -> set[str]:
    return {fold(t) for t in terms(text)}


def _passage(text: str, section: str = "", title: str = "", kind: str = "passage") -> Passage:
    return Passage(
        id="p", source="s.md", title=title, page=1, section=section, text=text, score=1.0, kind=kind
    )


def _sentence(passage: Passage, sentence: str) -> SimpleNamespace:
    start = passage.text.index(sentence)
    end = start + len(sentence)
    return SimpleNamespace(passage=passage, start=start, end=end, text=sentence)


def test_the_heading_path_without_footnote_markers_or_the_title_without_sections():
    section = "4. Ansvar › 4.3 Inflyttning › fotnot 21 (s. 19)"
    assert heading_of(_passage("x", section, "Överenskommelse")) == "4. Ansvar\n4.3 Inflyttning"
    # A FAQ file without section headings: its title names the topic of every answer in it.
    assert heading_of(_passage("x", "", "Bygglov")) == "Bygglov"
    assert heading_of(_passage("x", "Bygglov", "Bygglov", kind="card")) == ""


def test_the_quote_carries_a_list_lead_and_the_heading_stands_apart():
    text = "Kommunen ska:\n- ordna boende\n- ge stöd"
    passage = _passage(text, "Kommunens åtaganden")
    read = read_in_context(_sentence(passage, "ordna boende"))
    assert read.text == quote_of(_sentence(passage, "ordna boende"))
    assert "Kommunen ska:" in read.text and "ordna boende" in read.text
    assert read.heading == "Kommunens åtaganden"
    assert read.about == "Kommunens åtaganden\n" + read.text


ANSWER = "Det kostar 500 kr. Handläggningen tar tid."


def _number_question(section: str) -> tuple[float, float]:
    passage = _passage(ANSWER, section, "Byggfrågor")
    best = [_sentence(passage, "Det kostar 500 kr."), _sentence(passage, "Handläggningen tar tid.")]
    wanted = _stems("Vad kostar bygglov för altan?")
    folded = fold("vad kostar bygglov for altan?")
    share = typed_share(wanted, "amount", folded, best, best)
    specific, _ = one_sentence_signals(wanted, wanted, "amount", folded, False, best, best)
    return share, specific


def test_a_number_sentence_under_a_heading_holding_the_topic_is_not_refused():
    share, specific = _number_question("Vad kostar bygglov för altan?")
    assert share == 1.0 and specific == 1.0


def test_a_number_sentence_under_an_unrelated_heading_still_is():
    share, specific = _number_question("Vad kostar en energideklaration?")
    # "kostar" is in the sentence itself: the question's frame, not its topic.
    assert 0.0 < share < 0.5 and specific == 0.0 < SPECIFIC_SHARE


def test_a_heading_number_is_no_amount():
    # The section number "4.3" stands in the heading: the sentence holds no number.
    passage = _passage("Avgiften för bygglov bestäms av nämnden.", "4.3 Avgift för bygglov")
    best = [_sentence(passage, passage.text)]
    wanted = _stems("Vad kostar bygglov?")
    assert typed_share(wanted, "amount", fold("vad kostar bygglov?"), best, best) == 0.0


def test_a_name_question_reads_the_role_in_the_heading_and_the_name_in_the_sentence():
    wanted = _stems("Vem är kulturchef?")
    folded = fold("vem ar kulturchef?")
    under_role = _passage("Anna Berg leder arbetet sedan 2020.", "Kulturchef")
    best = [_sentence(under_role, under_role.text)]
    _, named = one_sentence_signals(wanted, wanted, "person", folded, False, best, best)
    assert named >= NAME_SHARE
    # A heading's name is no answer: the sentence below it names nobody.
    under_name = _passage("Arbetet leds av kulturchefen.", "Kulturchef Anna Berg")
    best = [_sentence(under_name, under_name.text)]
    _, named = one_sentence_signals(wanted, wanted, "person", folded, False, best, best)
    assert named < NAME_SHARE


def test_a_heading_holding_only_part_of_the_topic_lends_nothing():
    # "för en lokal": the heading names the declaration, not the premises; the price below it
    # answers what a declaration costs, not what one costs for premises.
    passage = _passage("Kostnad 5 000-15 000 SEK.", "Byggfrågor: Energideklaration")
    best = [_sentence(passage, passage.text)]
    folded = fold("vad kostar en energideklaration for en lokal?")
    for question, refused in (
        ("Vad kostar en energideklaration för en lokal?", True),
        ("Vad kostar en energideklaration?", False),
    ):
        wanted = _stems(question)
        specific, _ = one_sentence_signals(wanted, wanted, "amount", folded, False, best, best)
        assert (specific < SPECIFIC_SHARE) is refused


def test_a_sentence_before_a_lead_without_words_of_its_own_is_quoted_with_the_list():
    # "Förslaget är följande:" points back to the sentence before it: asked "which focus areas",
    # that sentence is chosen, and without the lead and its items it names none.
    text = (
        "Fullmäktige beslutar i december om vilka fokusområden som blir mål för 2027.\n"
        "Förslaget är följande:\n"
        "Fokusområde 1 – Hållbarhet i näringsliv\n"
        "Fokusområde 9 – Klimatanpassning\n"
    )
    passage = _passage(text)
    quoted = quote_of(_sentence(passage, text.split("\n")[0]))
    assert "Förslaget är följande:" in quoted and "Fokusområde 9 – Klimatanpassning" in quoted
    # a lead that says something of its own stands on its own, and so does a sentence
    # followed by other sentences
    own = text.replace("Förslaget är följande:", "Nämnderna ska därför arbeta med följande:")
    passage = _passage(own)
    assert quote_of(_sentence(passage, own.split("\n")[0])) == own.split("\n")[0]


@pytest.mark.parametrize(
    ("sentence", "up"),
    [
        ("2 år är den giltig.", True),  # a pronoun subject after the verb
        ("Den gäller i två år.", True),
        ("Minst 2 år efter bygget avslutas.", True),  # no subject: a figure first
        ("Giltigt i 2 år om du sedan söker bygglov.", True),  # no subject: the predicate first
        ("- Krävs alltid, även vid enklare tillbyggnader.", True),
        ("Bygglovet gäller i fem år.", False),  # a subject of its own
        ("Det finns två sorters kartor.", False),  # "det": as often a dummy subject
        ("Kommunen ska betala 500 kr.", False),
    ],
)
def test_which_sentences_take_their_subject_from_the_text_before(sentence, up):
    assert refers_up(sentence) is up


def _how_long(text: str, sentence: str, section: str = "") -> tuple[float, float]:
    passage = _passage(text, section, "Bygglovsguide")
    best = [_sentence(passage, sentence)]
    question = "Hur länge gäller ett förhandsbesked?"
    wanted = _stems(question)
    folded = fold(question)
    share = typed_share(wanted, "duration", folded, best, best)
    specific, _ = one_sentence_signals(wanted, wanted, "duration", folded, False, best, best)
    return share, specific


def test_a_sentence_without_a_subject_is_read_with_what_its_paragraph_named_before_it():
    text = "Förhandsbesked är en prövning av en åtgärd. Giltigt i 2 år om du söker bygglov."
    share, specific = _how_long(text, "Giltigt i 2 år om du söker bygglov.")
    assert share > 0.0 and specific >= SPECIFIC_SHARE
    read = read_in_context(_sentence(_passage(text), "Giltigt i 2 år om du söker bygglov."))
    assert (
        read.before == "Förhandsbesked är en prövning av en åtgärd." and read.before in read.about
    )
    # Under a heading line of its own paragraph, and with a pronoun subject: the same.
    assert _how_long("Förhandsbesked\n2 år är den giltig.", "2 år är den giltig.")[0] > 0.0
    assert (
        _how_long("Övrigt.\n\n2 år är den giltig.", "2 år är den giltig.", "Förhandsbesked")[1]
        >= SPECIFIC_SHARE
    )


def test_a_sentence_with_its_own_subject_or_after_a_blank_line_borrows_nothing():
    # Its own subject: the number is the permit's, not the advance ruling's.
    text = "Förhandsbesked är en prövning av en åtgärd. Bygglovet upphör efter 5 år."
    assert _how_long(text, "Bygglovet upphör efter 5 år.") == (0.0, 0.0)
    # Another paragraph named the topic: a blank line ends what the sentence reads with.
    text = "Förhandsbesked är en prövning av en åtgärd.\n\nMinst 2 år efter bygget avslutas."
    assert _how_long(text, "Minst 2 år efter bygget avslutas.") == (0.0, 0.0)


def test_a_figure_row_opening_its_paragraph_is_read_with_the_label_line_above_it():
    # A text export's blank lines part a figure row from the line naming what it measures.
    text = (
        "Nyckeltal: kWh genererat från solenergi\n\n2009- 0 kWh, 2014 – 15000 kWh, 2020- 40000 kWh"
    )
    row = "2009- 0 kWh, 2014 – 15000 kWh, 2020- 40000 kWh"
    read = read_in_context(_sentence(_passage(text), row))
    assert read.before == "Nyckeltal: kWh genererat från solenergi"
    # a full sentence above is another paragraph's, and lends nothing
    text = "Solenergi ska öka till 2020.\n\n2009- 0 kWh, 2014 – 15000 kWh, 2020- 40000 kWh"
    assert read_in_context(_sentence(_passage(text), row)).before == ""
