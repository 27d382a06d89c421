"""A text export laid out by columns (``pdftotext -layout``): a cover's metadata box reaches it
as a row of labels over a row of values. Its pairs are the card's facts ("Reviderad den:
2022-06-10", "Ansvarig: …"), cited by the value's own row; the page text keeps the export's
lines. A title at a cover's foot takes no "Innehåll" from the next page."""

from __future__ import annotations

import pytest

from assistant.ingest.card import find_facts
from assistant.ingest.grid import label_pairs
from assistant.ingest.layout import lay_out_pages
from tests.helpers import assistant_over_texts

BOX = (
    "Socialförvaltningen\n"
    "Ansvarig                            Fastställd den\n"
    "Anna Berg                           2018-03-01\n"
    "Medicinskt ansvarig sjuksköterska\n"
    "\n"
    "Upprättad av                        Reviderad den\n"
    "Anna Berg                           2022-06-10\n"
)


def test_labels_pair_with_the_values_in_their_columns():
    pairs = [(g.text, g.value_line) for g in label_pairs(1, BOX.split("\n"))]
    assert pairs == [
        (
            "Ansvarig: Anna Berg, Medicinskt ansvarig sjuksköterska",
            "Anna Berg 2018-03-01",
        ),
        ("Fastställd den: 2018-03-01", "Anna Berg 2018-03-01"),
        ("Upprättad av: Anna Berg", "Anna Berg 2022-06-10"),
        ("Reviderad den: 2022-06-10", "Anna Berg 2022-06-10"),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # a heading over its paragraph: one column
        "Utredning\nUtredningen ska vara klar inom fyra veckor.\n",
        # a running header: a date and a page number are no labels
        "Omsorg                2019-02-28              2 (13)\nText på sidan.\n",
        # a label row with nothing in its columns below it
        "Ansvarig              Reviderad den\n\nAnna Berg skriver rutinen.\n",
        # one value row filling a single column: a heading pair over prose
        "Bakgrund              Syfte\nKommunen har länge haft en rutin för detta.\n",
        # a fee table's row: a label and its amount on one line
        "Grundavgift           500 kr\nTillägg               200 kr\n",
    ],
)
def test_no_box_without_labels_over_values_in_two_columns(lines):
    assert label_pairs(1, lines.split("\n")) == []


def test_the_card_reads_the_box_and_cites_the_values_row():
    text = f"{BOX}\n\nRutin för nyckelhantering\n\nNycklar kvitteras ut av personalen.\n"
    facts = {f["key"]: f for f in find_facts(lay_out_pages([text]), "Rutin för nyckelhantering")}
    assert facts["revised"]["value"] == "Reviderad den: 2022-06-10"
    assert facts["revised"]["line"] == "Anna Berg 2022-06-10"
    assert facts["decision"]["value"] == "Fastställd den: 2018-03-01"
    assert facts["owner"]["value"] == "Anna Berg, Medicinskt ansvarig sjuksköterska"
    assert facts["owner"]["line"] == "Anna Berg 2018-03-01"
    # the run-together page line ("Upprättad av Reviderad den Anna Berg 2022-06-10") is no fact
    assert [f["key"] for f in find_facts(lay_out_pages([text]), "x")].count("revised") == 1
    # each box is one unit of the page as exported, and its value's second line heads nothing
    laid = lay_out_pages([text])
    said = [(u.kind, laid.pages[0][u.start : u.end]) for u in laid.units]
    assert (
        "paragraph",
        "Ansvarig Fastställd den Anna Berg 2018-03-01 Medicinskt ansvarig sjuksköterska",
    ) in said
    assert not any(kind == "heading" and "sjuksköterska" in text for kind, text in said)


COVER = (
    "                                    2022-06-10      1 (3)\n\n"
    f"{BOX}\n\n"
    "Rutin för nyckelhantering i\n"
    "hemtjänsten\n"
    "\f"
    "Innehåll\n\n"
    "Inledning ........................................ 2\n"
    "Ansvar ........................................... 3\n"
    "\f"
    "Inledning\n\n"
    "Nycklar kvitteras ut av personalen och lämnas tillbaka samma dag. Enhetschefen ansvarar\n"
    "för att nyckelskåpet är låst.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5):
    return assistant_over_texts(tmp_path_factory.mktemp("box"), {"rutin-nycklar.txt": COVER}, e5)


def test_the_title_at_a_covers_foot_takes_no_contents_heading(assistant):
    [doc] = assistant.documents()
    assert doc.title == "Rutin för nyckelhantering i hemtjänsten"


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("När gjordes den senaste revideringen av rutinen?", "Anna Berg 2022-06-10"),
        ("When was the routine last revised?", "Anna Berg 2022-06-10"),
        ("Vem är ansvarig för rutinen?", "Anna Berg 2018-03-01"),
        # the document by a compound of its topic and kind ("nyckel" + "rutinen")
        ("Vem är ansvarig för nyckelrutinen?", "Anna Berg 2018-03-01"),
    ],
)
def test_a_box_fact_is_answered_from_its_values_row(assistant, question, row):
    answer = assistant.ask(question)
    assert answer.answered, answer.answer
    first = answer.citations[0]
    stored = assistant.index.document("rutin-nycklar.txt")
    assert row in first.quote and first.passage.page == 1
    assert stored.pages[0][first.passage.start : first.passage.end] == first.passage.text
    assert "Reviderad (uppdaterad" not in answer.answer and "Dokumentägare (" not in answer.answer


# A PDF table cell of two lines, centred on its row, reaches the export as one line above the
# label row and one below it, in a column of its own.
WRAPPED = (
    " Dokumentnamn: Riktlinje för parkering\n"
    "                                                                    Datum och paragraf för\n"
    " Beslutad av:                 Gäller för:             Diarienummer:\n"
    "                                                                    beslutet:\n"
    " Kommunstyrelsen              Hela kommunen           0312/21\n"
    "                                                                    2021-05-04\n"
    "\n"
    "Riktlinje för parkering\n"
)


def test_a_label_wrapped_around_its_row_pairs_with_its_column():
    pairs = [g.text for g in label_pairs(1, WRAPPED.split("\n"))]
    assert pairs == [
        "Beslutad av: Kommunstyrelsen",
        "Gäller för: Hela kommunen",
        "Diarienummer: 0312/21",
        "Datum och paragraf för beslutet: 2021-05-04",
    ]


def test_a_case_number_without_letters_and_the_decision_date_label_are_card_facts():
    facts = find_facts(lay_out_pages([WRAPPED]), "Riktlinje för parkering")
    values = {(f["key"], f["value"]) for f in facts}
    assert ("case_number", "0312/21") in values
    assert ("decision", "Datum och paragraf för beslutet: 2021-05-04") in values
    # the box is one unit, its words one space apart
    laid = lay_out_pages([WRAPPED])
    said = [laid.pages[0][u.start : u.end] for u in laid.units]
    assert any("beslutet: Kommunstyrelsen Hela kommunen 0312/21 2021-05-04" in s for s in said)
