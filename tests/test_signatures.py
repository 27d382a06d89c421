"""A document's signature block (``assistant.ingest.signatures``): who signed it, read at the
foot of its last page, by columns in a ``pdftotext -layout`` export. "Vem har skrivit under?" /
"Who signed it?" is answered from the block's own lines, and refused of a document without one
(before, a decision line about another document was quoted)."""

from __future__ import annotations

import pytest

from assistant.folding import fold
from assistant.ingest.signatures import signature_block
from assistant.intent import fact_kind
from tests.helpers import assistant_over_texts

TWO_COLUMNS = [
    "5. Hantering av taxor, beslut i KF 2023-11-27",
    "",
    "",
    "Kommunstyrelseförvaltningen",
    "",
    "",
    "Diana Olsson",
    "Kommundirektör                                        Elise Andersson",
    "                                                      Ekonom",
    "",
    "                                                                13 (13)",
]


def test_two_signatories_side_by_side_are_read_by_their_columns():
    found = signature_block(13, TWO_COLUMNS)
    assert found is not None
    assert found.people == ("Diana Olsson (Kommundirektör)", "Elise Andersson (Ekonom)")
    # the sending office just above opens the block; rows as the laid-out page has them
    assert (found.first, found.last) == ("Kommunstyrelseförvaltningen", "Ekonom")


@pytest.mark.parametrize(
    ("lines", "people"),
    [
        # one column, an agreement's two parties
        (
            ["För Sagoby kommun", "", "Per Holm", "Kommunstyrelsens ordförande", "",
             "För Region Sydmark", "", "Anna Berg", "Regionstyrelsens ordförande"],
            ("Per Holm (Kommunstyrelsens ordförande)", "Anna Berg (Regionstyrelsens ordförande)"),
        ),
        # name and role on one line
        (["Med vänlig hälsning", "", "Karin Lund, Förvaltningschef"],
         ("Karin Lund (Förvaltningschef)",)),
    ],
)  # fmt: skip
def test_a_name_over_or_beside_a_role_is_a_signatory(lines, people):
    found = signature_block(1, lines)
    assert found is not None and found.people == people


@pytest.mark.parametrize(
    "lines",
    [
        # names without a role: a list of members, no signature
        ["Arbetsgruppen bestod av:", "Anna Berg", "Per Holm", "Karin Lund"],
        # a role word in a sentence
        ["Anna Berg", "Förvaltningschefen ansvarar för att rutinen följs."],
        # contacts at the foot, not signatories
        ["Kontaktpersoner", "", "Anna Berg", "Utvecklingsstrateg"],
    ],
)
def test_no_signature_without_a_role_or_under_a_contact_heading(lines):
    assert signature_block(1, lines) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Vem har skrivit under anvisningarna?", "signed"),
        ("Vem står som avsändare?", "signed"),
        ("Who signed the agreement?", "signed"),
        # when it was signed is the adoption's date
        ("När undertecknades avtalet?", "adoption"),
        ("When was the agreement signed?", "adoption"),
    ],
)
def test_who_signed_is_its_own_fact(question, kind):
    assert fact_kind(fold(question)) == kind


SIGNED = (
    "Anvisningar för inköp\n\n"
    "Alla inköp ska göras från upphandlade leverantörer. Beställningar görs i e-handelssystemet.\n"
    "\f"
    "Avtal\n\n"
    "Kommunfullmäktige beslutade i december 2020 om hur taxor ska hanteras.\n\n\n"
    "Kommunstyrelseförvaltningen\n\n\n"
    "Diana Olsson\n"
    "Kommundirektör                                        Elise Andersson\n"
    "                                                      Ekonom\n"
)
UNSIGNED = (
    "Rutin för nycklar\n\n"
    "Nycklar kvitteras ut av personalen och lämnas tillbaka samma dag. Enhetschefen ansvarar för\n"
    "att nyckelskåpet är låst. Rutinen beslutades av förvaltningschefen 2021-03-01.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5):
    texts = {"anvisningar-inkop.txt": SIGNED, "rutin-nycklar.txt": UNSIGNED}
    return assistant_over_texts(tmp_path_factory.mktemp("signed"), texts, e5)


@pytest.mark.parametrize(
    "question",
    ["Vem har skrivit under anvisningarna för inköp?", "Who signed the purchasing instructions?"],
)
def test_who_signed_is_answered_from_the_blocks_own_lines(assistant, question):
    answer = assistant.ask(question)
    assert answer.answered, answer.answer
    first = answer.citations[0]
    assert first.passage.source == "anvisningar-inkop.txt" and first.passage.page == 2
    assert "Diana Olsson" in first.quote and "Ekonom" in first.quote
    stored = assistant.index.document("anvisningar-inkop.txt")
    assert stored.pages[1][first.passage.start : first.passage.end] == first.passage.text
    assert "Kommunfullmäktige beslutade" not in answer.answer
    assert "Undertecknad (" not in answer.answer


def test_who_signed_a_document_without_a_signature_is_refused(assistant):
    answer = assistant.ask("Vem har skrivit under rutinen för nycklar?")
    assert not answer.answered, answer.answer


DECREE = (
    "Norrverkets föreskrifter om avgifter för tillsyn\n\n"
    "1 § Den som ansöker om tillsyn ska betala en avgift om 940 kronor per ärende.\n\n"
    "2 § Om det finns särskilda skäl kan Norrverket sätta ned avgiften.\n\n"
    "___________________\n"
    "Dessa föreskrifter träder i kraft den 1 juni 2021.\n\n"
    "NORRVERKET\n\n"
    "ANNA LINDQVIST\n\n"
    "Per Holmgren\n"
    "\f"
    "Bilaga 1\n\n"
    "Avgifter för tillsyn per ärende och år enligt tabellen nedan.\n"
)


def test_a_regulations_signature_is_its_issuer_in_capitals_and_the_names_under_it(tmp_path, e5):
    from assistant.ingest.signatures import decree_signature

    signed = decree_signature({1: DECREE.split("\f")[0].splitlines()})
    assert signed is not None and signed.people == ("Anna Lindqvist", "Per Holmgren")
    # a heading in capitals in the body, no entry into force before it: no signature
    body = ["AVGIFTER", "", "Anna Lindqvist", "Per Holmgren"]
    assert decree_signature({1: body}) is None
    over = assistant_over_texts(tmp_path, {"nvfs-2021-1.txt": DECREE}, e5)
    answer = over.ask("Vem har skrivit under föreskrifterna?")
    assert answer.answered, answer.answer
    assert "ANNA LINDQVIST" in answer.citations[0].quote, answer.citations[0].quote
