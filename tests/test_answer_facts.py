"""Document facts are cited from the line they were read from (page, exact words), never as card
text in quotation marks; both languages."""

from __future__ import annotations

import pytest
from helpers import LUDVIKA
from langchain_core.documents import Document

from assistant.fact_lines import original_lines
from assistant.indexing.records import StoredDocument
from assistant.results import Citation, Passage

CARD = (
    "Dokumentuppgifter för Avtal om kultur 2021-2024\n"
    "Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042\n"
    "Period (perioden, giltighetstid): 2021-2024\n"
    "Handläggare (handläggaren, kontaktperson, contact person): Eva Ek, Strateg"
)
PAGES = [
    "Avtal om kultur 2021-2024\n\nDnr KS 2020/0042\n\nParterna ska samverka om kultur.",
    "Avtalet gäller från 2021-01-01 till och med 2024-12-31.",
]


def _doc() -> StoredDocument:
    facts = [
        {
            "key": "case_number",
            "value": "KS 2020/0042",
            "page": 1,
            "line": "Dnr KS 2020/0042",
            "where": "page",
        },
        {
            "key": "validity",
            "value": "2021–2024",
            "page": 1,
            "line": "Avtal om kultur 2021-2024",
            "where": "title",
        },
    ]
    return StoredDocument(
        "a.txt",
        "Avtal om kultur 2021-2024",
        "agreement",
        PAGES,
        CARD,
        {"card_facts": facts},
        removed=["Handläggare", "Eva Ek"],
    )


def _card_citation(line: str, n: int = 1) -> Citation:
    card = Passage(
        "a.txt::card", "a.txt", "Avtal om kultur 2021-2024", 1, "", CARD, 1.0, 0, len(CARD), "card"
    )
    return Citation(n, card, line, 1.0)


@pytest.mark.parametrize(
    ("card_line", "page", "original"),
    [
        ("Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042", 1, "Dnr KS 2020/0042"),
        # a period read off the title (en dash) is the title line of page 1 (hyphen)
        ("Period (perioden, giltighetstid): 2021-2024", 1, "Avtal om kultur 2021-2024"),
    ],
)
def test_a_card_fact_is_cited_from_its_original_line(card_line, page, original):
    doc = _doc()
    [cited] = original_lines([_card_citation(card_line)], {"a.txt": doc})
    assert cited.passage.kind == "passage" and cited.passage.page == page
    assert cited.quote == original
    p = cited.passage
    assert doc.pages[p.page - 1][p.start : p.end] == p.text and cited.quote in p.text


def test_a_fact_whose_line_is_not_in_the_page_stays_on_the_card():
    # The contact came from a letterhead line layout removed: no page holds it, so the card
    # citation stays (shown without quotation marks by framing.quoted).
    line = "Handläggare (handläggaren, kontaktperson, contact person): Eva Ek, Strateg"
    [cited] = original_lines([_card_citation(line)], {"a.txt": _doc()})
    assert cited.passage.kind == "card" and cited.quote == line


def _indexed(page: int, start: int, end: int, section: str) -> Document:
    meta = {"source": "a.txt", "title": "Avtal om kultur 2021-2024", "page": page}
    meta |= {"start": start, "end": end, "section": section, "kind": "passage"}
    return Document(page_content=PAGES[page - 1][start:end], id=f"p{page}-{start}", metadata=meta)


def test_a_card_fact_is_quoted_in_the_indexed_passage_that_holds_its_line():
    # page 1 as indexed: the title line alone, then "Dnr …" and the next paragraph together
    docs = [_indexed(1, 0, 25, ""), _indexed(1, 27, len(PAGES[0]), "Inledning")]
    cases = "Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042"
    [cited] = original_lines([_card_citation(cases)], {"a.txt": _doc()}, docs)
    assert (cited.passage.id, cited.passage.section) == ("p1-27", "Inledning")
    assert cited.quotes == ["Dnr KS 2020/0042"] and cited.quote == "Dnr KS 2020/0042"
    # a line no indexed passage holds whole is its own passage, as without the index
    [alone] = original_lines([_card_citation(cases)], {"a.txt": _doc()}, docs[:1])
    assert alone.passage.text == "Dnr KS 2020/0042"


def test_two_lines_of_one_passage_are_one_citation_with_two_highlights():
    docs = [_indexed(1, 0, len(PAGES[0]), "")]
    lines = [
        _card_citation("Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042", 1),
        _card_citation("Period (perioden, giltighetstid): 2021-2024", 2),
    ]
    [cited] = original_lines(lines, {"a.txt": _doc()}, docs)
    assert cited.n == 1 and cited.quotes == ["Avtal om kultur 2021-2024", "Dnr KS 2020/0042"]
    assert cited.quote == "Dnr KS 2020/0042"


def test_two_card_lines_of_one_original_line_are_one_citation():
    doc = _doc()
    two = [
        _card_citation("Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042", 1),
        _card_citation("Diarienummer (diarienumret, dnr, case number): Dnr KS 2020/0042", 2),
    ]
    cited = original_lines(two, {"a.txt": doc})
    assert [c.n for c in cited] == [1] and cited[0].quote == "Dnr KS 2020/0042"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What is the case number of the agreement?", "en"),
        ("Vilket diarienummer har överenskommelsen?", "sv"),
    ],
)
def test_case_number_answer_quotes_the_documents_own_line(assistant, question, language):
    answer = assistant.ask(question, document=LUDVIKA)
    assert answer.answered and answer.language == language
    first = answer.citations[0]
    assert first.passage.kind == "passage" and first.passage.page == 1
    assert first.quote == "LD17/03997"
    stored = assistant.index.document(LUDVIKA)
    p = first.passage
    assert stored.pages[p.page - 1][p.start : p.end] == p.text
    # the document's words in quotation marks; the card's labels nowhere
    assert "”LD17/03997”" in answer.answer and "case number)" not in answer.answer


@pytest.mark.parametrize(
    "question", ["Hur länge gäller överenskommelsen?", "How long is the agreement valid?"]
)
def test_validity_answer_cites_the_line_with_the_period(assistant, question):
    answer = assistant.ask(question, document=LUDVIKA)
    assert answer.answered
    first = answer.citations[0]
    assert first.passage.kind == "passage" and "2019-2022" in first.quote
    assert "giltighetstid" not in answer.answer and f"”{first.quote}”" in answer.answer


@pytest.mark.parametrize("question", ["Vem är handläggare?", "Who is the contact person?"])
def test_no_card_text_is_ever_in_quotation_marks(assistant, question):
    answer = assistant.ask(question, document=LUDVIKA)
    for c in answer.citations:
        if c.passage.kind == "card":
            assert f"”{c.quote}" not in answer.answer
        else:
            stored = assistant.index.document(c.passage.source)
            assert c.quote in stored.pages[c.passage.page - 1]


@pytest.mark.parametrize(
    "question",
    ["När trädde bibliotekslagen i kraft?", "When did the library act enter into force?"],
)
def test_entry_into_force_is_answered_by_its_own_date_not_the_decision(assistant, question):
    # The act's front matter says it took effect 2014-01-01 and was issued 2013-10-31: "when did
    # it enter into force" was read as "when was it adopted" and answered with the issue date.
    answer = assistant.ask(question)
    assert answer.answered, answer.answer
    assert "2014-01-01" in answer.answer and "2013-10-31" not in answer.answer


CYKLAR = (
    "Riktlinje för utlåning av lastcyklar\n\nDnr KS 2022/117\n\n"
    "Antagen av kommunstyrelsen 2022-05-10\n\n"
    "1. Syfte\n\nKommunen lånar ut lastcyklar till föreningar och hushåll för att minska "
    "bilresor inom tätorten. Utlåningen sker från biblioteket i centrum.\n\n"
    "2. Låneperiod\n\nEn lastcykel lånas i högst sju dagar. Den som lånar ska visa giltig "
    "legitimation och skriva under ett låneavtal.\n\n"
    "3. Skador\n\nSkador på cykeln ska anmälas till biblioteket samma dag. Låntagaren ersätter "
    "skador som uppstått genom vårdslöshet.\n\n"
    "4. Uppföljning\n\nTekniska förvaltningen följer upp utlåningen varje år och redovisar "
    "antalet lån till kommunstyrelsen.\n"
)


@pytest.fixture(scope="module")
def cykel_assistant(tmp_path_factory, e5):
    from tests.helpers import assistant_over_texts

    return assistant_over_texts(tmp_path_factory.mktemp("cyklar"), {"cyklar.txt": CYKLAR}, e5)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Vilket diarienummer har riktlinjen?", "Dnr KS 2022/117"),
        (
            "När antogs riktlinjen och hur länge får man låna en cykel?",
            "Antagen av kommunstyrelsen",
        ),
    ],
)
def test_a_search_for_a_document_fact_shows_its_line_first(cykel_assistant, question, line):
    # The answer quotes the fact's own line (``original_lines``); the search shows the passage
    # holding it first, the card after it, whatever the question's words are nearest to.
    found = cykel_assistant.search(question, k=3)
    assert found[0].kind == "passage" and line in found[0].text
    assert "card" in [p.kind for p in found]
    assert len(found) == 3


def test_a_search_for_a_topic_shows_no_fact_line_first(cykel_assistant):
    found = cykel_assistant.search("Hur länge får man låna en lastcykel?", k=3)
    assert "sju dagar" in found[0].text and "Dnr" not in found[0].text


def test_a_fact_read_off_the_title_only_is_titled():
    from assistant.fact_lines import titled

    doc = _doc()
    assert titled(doc, "validity")  # the period came from the title
    assert not titled(doc, "case_number")  # the case number from a page line
    assert not titled(doc, "parties")  # none read at all
