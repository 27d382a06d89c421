"""When a document was revised, or how often it is: read at indexing from the document's own
revision line, cycle sentence or version table (a card fact "revised" with its line), asked in
Swedish or English ("När reviderades rutinen?", "When was the guideline last revised?"), answered
from that line (page, exact words); the same question of a document without one is refused."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.folding import fold
from assistant.ingest.card import find_facts
from assistant.ingest.layout import lay_out_pages
from assistant.intent import fact_kind
from tests.helpers import assistant_over_texts, first_cited


def _revised(text: str) -> list[tuple[str, str]]:
    facts = find_facts(lay_out_pages([text]), "Rutin för kort")
    return [(f["value"], f["line"]) for f in facts if f["key"] == "revised"]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Reviderad 2020-05-12", "Reviderad 2020-05-12"),
        ("Senast reviderad: 12 maj 2021", "reviderad: 12 maj 2021"),
        ("Revision: 2021-03-04", "Revision: 2021-03-04"),
        ("Uppdaterad 2019", "Uppdaterad 2019"),
        ("Riktlinjen revideras årligen.", "revideras årligen."),
        (
            "Revideras vid behov, dock minst vart tredje år.",
            "Revideras vid behov, dock minst vart tredje år.",
        ),
        ("Rutinen ska ses över en gång per år.", "ses över en gång per år."),
    ],
)
def test_a_revision_line_is_a_card_fact_with_its_line(line, value):
    assert _revised(f"Rutin för kort\n\n{line}\n\nKorten förvaras i kassaskåp.\n") == [
        (value, line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Planen uppdateras vid behov av handläggaren.",  # a plan the routine is about
        "Rutinen reviderades.",  # says neither when nor how often
        "Personalen ska uppdatera journalen 2021 och framåt.",
    ],
)
def test_no_revision_fact_without_a_date_or_the_documents_own_cycle(line):
    assert _revised(f"Rutin för kort\n\n{line}\n\nKorten förvaras i kassaskåp.\n") == []


@pytest.mark.parametrize(
    ("table", "row"),
    [
        (
            "| Version | Datum | Ändring |\n| --- | --- | --- |\n| 1.0 | 2019-05-01 | Ny |\n"
            "| 1.2 | 2021-03-04 | Ny bank |\n| 1.1 | 2020-02-02 | Ny gräns |\n",
            "| 1.2 | 2021-03-04 | Ny bank |",
        ),
        (
            "Version\tDatum\tÄndring\n1.0\t2019-05-01\tNy\n1.1\t2021-03-04\tÄndrad\n",
            "1.1\t2021-03-04\tÄndrad",
        ),
    ],
)
def test_a_version_tables_latest_row_is_the_revision(table, row):
    text = f"Rutin för kort\n\nVersionshistorik\n\n{table}\nKorten förvaras i kassaskåp.\n"
    [(value, line)] = _revised(text)
    assert line == row and "2021-03-04" in value


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("När reviderades rutinen senast?", "revised"),
        ("Hur ofta revideras riktlinjen?", "revised"),
        ("När uppdaterades dokumentet senast?", "revised"),
        ("Har policyn reviderats?", "revised"),
        ("Vilket datum reviderades rutinen?", "revised"),
        ("When was the guideline last revised?", "revised"),
        ("When was it last updated?", "revised"),
        ("How often is the policy reviewed?", "revised"),
        ("How often is it reviewed?", "revised"),
        # an update or review of something the document is about is no revision of it
        ("How often are care plans updated?", None),
        ("Hur ofta ska planen uppdateras?", None),
        ("How often should the doctor carry out a medication review?", None),
        # the other document facts keep their kinds
        ("När fastställdes riktlinjen?", "adoption"),
        ("Vem har fastställt policyn?", "adoption"),
        # from when it applies is its start: its entry into force, or its "giltig från" line
        ("Från när gäller policyn?", "in_force"),
        ("Hur länge gäller policyn?", "validity"),
    ],
)
def test_revision_questions_name_the_revised_fact(question, kind):
    assert fact_kind(fold(question)) == kind


RUTIN = """Rutin för nyckelhantering i hemtjänsten

Reviderad 2021-03-04

Enhetschefen ansvarar för att nyckelskåpet är låst. Nycklar kvitteras ut av personalen och
lämnas tillbaka samma dag.
"""

RIKTLINJE = """Riktlinje för tvätt i särskilt boende

Riktlinjen revideras årligen av förvaltningen.

Tvätt hämtas på måndagar och lämnas tillbaka på torsdagar. Märkt tvätt tvättas i 60 grader.
"""

REGLER = """Regler för parkeringstillstånd för personal

Parkeringstillstånd söks hos fastighetsavdelningen. Tillståndet gäller ett år i taget och
kostar 300 kronor per månad.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5) -> Assistant:
    return assistant_over_texts(
        tmp_path_factory.mktemp("revised"),
        {
            "rutin-nycklar.txt": RUTIN,
            "riktlinje-tvatt.txt": RIKTLINJE,
            "regler-parkering.txt": REGLER,
        },
        e5,
    )


@pytest.mark.parametrize(
    ("question", "source", "quote"),
    [
        (
            "När reviderades rutinen för nyckelhantering?",
            "rutin-nycklar.txt",
            "Reviderad 2021-03-04",
        ),
        (
            "When was the key handling routine last revised?",
            "rutin-nycklar.txt",
            "Reviderad 2021-03-04",
        ),
        (
            "Hur ofta revideras riktlinjen för tvätt?",
            "riktlinje-tvatt.txt",
            "Riktlinjen revideras årligen av förvaltningen.",
        ),
        (
            "How often is the laundry guideline revised?",
            "riktlinje-tvatt.txt",
            "Riktlinjen revideras årligen av förvaltningen.",
        ),
    ],
)
def test_a_revision_question_is_answered_from_the_documents_own_line(
    assistant, question, source, quote
):
    answer = assistant.ask(question)
    assert answer.answered
    # the document's own line on its page, in quotation marks; the card's label nowhere
    assert first_cited(answer) == (source, "passage", quote)
    stored = assistant.index.document(source)
    p = answer.citations[0].passage
    assert p.page == 1 and stored.pages[p.page - 1][p.start : p.end] == p.text
    assert f"”{quote}”" in answer.answer and "Reviderad (uppdaterad" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "När reviderades reglerna för parkeringstillstånd?",
        "When were the rules for parking permits last revised?",
    ],
)
def test_a_revision_question_of_a_document_without_one_is_refused(assistant, question):
    assert not assistant.ask(question).answered
