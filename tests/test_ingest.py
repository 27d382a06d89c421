"""Ingest: pages, running headers and letterheads, metadata, cards, readers and odd files."""

from __future__ import annotations

import json

import pytest
from helpers import (
    CORPUS_DIR,
    DATA_DIR,
    DOCX,
    DOCX_PATH,
    LUDVIKA,
    LUDVIKA_PATH,
    PDF,
    PDF_PATH,
    STATUTE_PATH,
    load_text,
)

from assistant.chunking import chunk_document
from assistant.ingest import (
    LoadedDocument,
    Skipped,
    corpus_files,
    file_hash,
    load_document,
    split_pages,
    strip_repeated_blocks,
    title_block,
)

# --- split_pages / strip_repeated_blocks on tiny synthetic texts ------------------------------


def test_split_pages_at_a_recurring_first_line():
    text = "RAPPORT\nFörsta sidans text.\nRAPPORT\nAndra sidan.\nRAPPORT\nTredje sidan."
    assert split_pages(text) == [
        "RAPPORT\nFörsta sidans text.",
        "RAPPORT\nAndra sidan.",
        "RAPPORT\nTredje sidan.",
    ]


def test_split_pages_prefers_form_feeds():
    assert split_pages("ett\ftvå\ftre") == ["ett", "två", "tre"]


def test_split_pages_keeps_a_heading_that_recurs_only_once_as_one_page():
    text = "Rubrik\ntext\nRubrik\nmer text"
    assert split_pages(text) == [text]


LETTERHEAD = "Postadress\nBox 55\n123 45 Staden\nHandläggare\n{name}\nKulturchef"
HEADER = "AVTAL\nDatum: 2021-01-01\n\n"


def _synthetic_pages() -> list[str]:
    return [
        HEADER + "Första stycket om bibliotek.\n\n" + LETTERHEAD.format(name="Karin Exempel"),
        # One letterhead line slightly misspelled, as OCR or retyping leaves them.
        HEADER + "Andra stycket om musik.\n\n" + LETTERHEAD.format(name="Karin Exempell"),
        HEADER
        + "Tredje stycket om teater.\nPostadress nämns i texten här och nu.\n\n"
        + LETTERHEAD.format(name="Karin Exempel"),
    ]


def test_strip_repeated_blocks_removes_headers_and_letterheads_exactly():
    cleaned, removed = strip_repeated_blocks(_synthetic_pages())
    assert cleaned == [
        "Första stycket om bibliotek.",
        "Andra stycket om musik.",
        # A content line that mentions a letterhead word stays.
        "Tredje stycket om teater.\nPostadress nämns i texten här och nu.",
    ]
    block = ["AVTAL", "Datum: 2021-01-01", "Postadress", "Box 55", "123 45 Staden", "Handläggare"]
    assert removed[0] == [*block, "Karin Exempel", "Kulturchef"]
    assert removed[1] == [*block, "Karin Exempell", "Kulturchef"]
    assert removed[2] == [*block, "Karin Exempel", "Kulturchef"]


def test_strip_repeated_blocks_leaves_a_single_page_alone():
    cleaned, removed = strip_repeated_blocks(["\nAVTAL\nEn rad.\n"])
    assert cleaned == ["AVTAL\nEn rad."]
    assert removed == [[]]


# --- the shipped agreement (.txt) --------------------------------------------------------------


ELEVKULTUROMBUD_SENTENCE = (
    "Ludvika kommun ska bereda sina kommunala elevkulturombud möjlighet att delta i regionala "
    "sammankomster som arrangeras av Region Dalarna."
)


@pytest.fixture(scope="module")
def ludvika() -> LoadedDocument:
    doc = load_document(LUDVIKA_PATH, CORPUS_DIR)
    assert isinstance(doc, LoadedDocument), doc
    return doc


def test_ludvika_has_four_clean_pages(ludvika):
    assert ludvika.source == LUDVIKA
    assert len(ludvika.pages) == 4
    for page in ludvika.pages:
        for letterhead in ("Box 712", "Postadress", "Handläggare", "Vasagatan"):
            assert letterhead not in page
        # The running header and the misspelled letterhead of page 3 are gone too.
        assert "ÖVERENSKOMMELSE" not in page
        assert "Arrh" not in page
        assert "Samverkansstrateg" not in page and "Samverkanstrateg" not in page
    assert "Kultursamverkansmodellen" in ludvika.pages[0]
    assert ELEVKULTUROMBUD_SENTENCE in ludvika.pages[2]
    assert "Werner Aspenströmsällskapet" in ludvika.pages[3]


def test_ludvika_metadata_from_header_and_letterhead(ludvika):
    meta = ludvika.metadata
    assert meta["case_number"] == "LD17/03997"
    assert meta["date"] == "2020-05-06"
    assert meta["contact_name"] == "Erik Arrhén"
    assert meta["contact_role"] == "Samverkansstrateg"
    assert meta["parties"] == ["Ludvika kommun", "Region Dalarna"]
    assert meta["period"] == "2019-2022"
    assert meta["type"] == "agreement"
    assert ludvika.doc_type == "agreement"
    assert ludvika.title == "Överenskommelse mellan Ludvika kommun och Region Dalarna 2019-2022"


def test_ludvika_card_carries_the_facts(ludvika):
    card = ludvika.card.split("\n")
    assert card[0] == f"Dokumentuppgifter för {ludvika.title}"

    def line(label: str) -> str:
        hits = [ln for ln in card if ln.startswith(label)]
        assert len(hits) == 1, (label, card)
        return hits[0]

    assert line("Diarienummer").endswith(": LD17/03997")
    assert line("Datum").endswith(": 2020-05-06")
    assert line("Parter").endswith(": Ludvika kommun och Region Dalarna")
    assert line("Period").endswith(": 2019-2022")
    assert "Erik Arrhén, Samverkansstrateg" in line("Handläggare")


# --- the statute (.md with YAML front matter) -------------------------------------------------


def test_statute_front_matter_and_links():
    doc = load_document(STATUTE_PATH, CORPUS_DIR)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.doc_type == "statute"
    assert doc.title == "Bibliotekslag"
    assert "SFS 2013:801" in doc.card
    assert doc.metadata["date"] == "2013-10-31"
    text = "\n".join(doc.pages)
    assert "](http" not in text
    assert "beteckning:" not in text and not text.startswith("---")
    # The link text itself survives the stripping.
    assert "i enlighet med bestämmelserna i 2 kap. skollagen (2010:800)." in text
    assert "1. För folkbibliotek ansvarar kommunerna." in text


# --- the fictional PDF and DOCX fixtures --------------------------------------------------------


@pytest.fixture(scope="module")
def pdf() -> LoadedDocument:
    doc = load_document(PDF_PATH, DATA_DIR)
    assert isinstance(doc, LoadedDocument), doc
    return doc


def test_pdf_pages_and_page_specific_facts(pdf):
    assert pdf.source == PDF
    assert len(pdf.pages) == 3
    assert ["hembygdsdag" in p for p in pdf.pages] == [False, True, False]
    assert ["bokbuss" in p for p in pdf.pages] == [False, False, True]
    # PDF line wrapping is undone: the sentence reads as one line.
    assert (
        "Påhittsby kommun ska varje år arrangera en hembygdsdag vid Gruvmuseet i samarbete med "
        "Region Exempelland." in pdf.pages[1]
    )


def test_pdf_letterhead_and_header_removed(pdf):
    for page in pdf.pages:
        for line in (
            "Anna Testsson",
            "Kulturstrateg",
            "Box 123",
            "999 99 Exempelstad",
            "012-34 56 78",
            "Handläggare",
            "Postadress",
            "anna.testsson@",
            "Datum: 2021-03-15",
            "ÖVERENSKOMMELSE",
        ):
            assert line not in page


def test_pdf_metadata(pdf):
    assert pdf.metadata["contact_name"] == "Anna Testsson"
    assert pdf.metadata["contact_role"] == "Kulturstrateg"
    assert pdf.metadata["case_number"] == "EX21/00042"
    assert pdf.metadata["date"] == "2021-03-15"
    assert pdf.metadata["parties"] == ["Påhittsby kommun", "Region Exempelland"]
    assert pdf.doc_type == "agreement"
    assert "EX21/00042" in pdf.card


def test_docx_text():
    doc = load_document(DOCX_PATH, DATA_DIR)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.source == DOCX
    assert len(doc.pages) == 1
    assert "Ansökan om kulturstöd ska lämnas senast den 31 oktober varje år." in doc.pages[0]
    assert "- Föreningen ska ha ett organisationsnummer." in doc.pages[0]
    assert doc.title == "Riktlinjer för kulturstöd i Fiktiva kommun 2022"


# --- odd files ---------------------------------------------------------------------------------


def test_unsupported_suffix_is_skipped(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("år;belopp\n2021;100\n", encoding="utf-8")
    result = load_document(path, tmp_path)
    assert isinstance(result, Skipped)
    assert result.source == "budget.csv"
    assert "unsupported" in result.reason and ".csv" in result.reason


def test_empty_text_file_is_skipped(tmp_path):
    path = tmp_path / "tom.txt"
    path.write_text("  \n\n", encoding="utf-8")
    result = load_document(path, tmp_path)
    assert isinstance(result, Skipped)
    assert "no text" in result.reason


def test_binary_text_file_is_skipped(tmp_path):
    path = tmp_path / "trasig.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = load_document(path, tmp_path)
    assert isinstance(result, Skipped)
    assert result.source == "trasig.txt"
    assert "binary" in result.reason


def test_latin1_swedish_text_is_decoded(tmp_path):
    path = tmp_path / "latin1.txt"
    text = (
        "Överenskommelse mellan Åre kommun och Region Jämtland 2020-2023\n\n"
        "Kulturen ska nå alla invånare i länet, även på öarna."
    )
    path.write_bytes(text.encode("latin-1"))
    doc = load_document(path, tmp_path)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.pages[0].startswith("Överenskommelse mellan Åre kommun")
    assert "även på öarna" in doc.pages[0]
    assert "\ufffd" not in doc.pages[0] and "Ã" not in doc.pages[0]
    assert doc.title == "Överenskommelse mellan Åre kommun och Region Jämtland 2020-2023"


def test_sidecar_overrides_title_and_adds_a_field(tmp_path):
    path = tmp_path / "riktlinje.docx"
    path.write_bytes(DOCX_PATH.read_bytes())
    before = file_hash(path)
    sidecar = tmp_path / "riktlinje.docx.meta.json"
    sidecar.write_text(
        json.dumps({"title": "Kulturstödsriktlinjer", "beslutad_av": "Kulturnämnden"}),
        encoding="utf-8",
    )
    doc = load_document(path, tmp_path)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.title == "Kulturstödsriktlinjer"
    assert doc.metadata["title"] == "Kulturstödsriktlinjer"
    assert doc.metadata["beslutad_av"] == "Kulturnämnden"
    assert doc.card.startswith("Dokumentuppgifter för Kulturstödsriktlinjer")
    # Editing the sidecar must re-index the document: it is part of the hash.
    assert file_hash(path) != before
    # The sidecar itself is not a corpus file.
    assert [p.name for p in corpus_files(tmp_path)] == ["riktlinje.docx"]


@pytest.mark.parametrize("content", ["{not json", '["a", "list"]'])
def test_invalid_sidecar_skips_the_document(tmp_path, content):
    path = tmp_path / "riktlinje.docx"
    path.write_bytes(DOCX_PATH.read_bytes())
    (tmp_path / "riktlinje.docx.meta.json").write_text(content, encoding="utf-8")
    result = load_document(path, tmp_path)
    assert isinstance(result, Skipped)
    assert result.source == "riktlinje.docx"
    assert "riktlinje.docx.meta.json" in result.reason


def test_corpus_files_skips_hidden_files_and_recurses(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Text.", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)]
    assert found == ["b.md", "sub/a.txt"]


def test_opening_title_block_facts_go_to_the_card_not_the_first_passage(tmp_path):
    text = (
        "Frågor och svar om fjärrlån\nKälla: Länsbiblioteket\n\n"
        "Ja, fjärrlån är avgiftsfria för låntagaren.\n\nNej, e-böcker kan inte fjärrlånas.\n"
    )
    doc = load_text(tmp_path, "faq.txt", text)
    assert doc.title == "Frågor och svar om fjärrlån"
    assert doc.metadata["facts"] == {"Källa": "Länsbiblioteket"}
    assert "Källa: Länsbiblioteket" in doc.card.split("\n")
    passages = [c for c in chunk_document(doc) if c.metadata["kind"] == "passage"]
    assert [c.page_content for c in passages] == [
        "Ja, fjärrlån är avgiftsfria för låntagaren.\n\nNej, e-böcker kan inte fjärrlånas."
    ]
    start = passages[0].metadata["start"]
    assert doc.pages[0][start : start + len(passages[0].page_content)] == passages[0].page_content


def test_a_label_with_its_plural_ending_in_parentheses_is_a_field_not_a_heading(tmp_path):
    # "**Personuppgiftsansvarig(a):** Kommunstyrelseförvaltningen" under the title was read as
    # a heading and stood in no passage and not on the card: the answer to "who is responsible"
    # was lost.
    text = (
        "# Konsekvensbedömning\n\n**Personuppgiftsansvarig(a):** Socialförvaltningen\n"
        "**Status:** Risk\n\n## Beskrivning\n\nPortalen samlar interna dokument.\n"
    )
    doc = load_text(tmp_path, "dpia.md", text)
    assert "Personuppgiftsansvarig(a): Socialförvaltningen" in doc.card.split("\n")
    assert not any("Personuppgiftsansvarig" in c.metadata["section"] for c in chunk_document(doc))


def test_title_block_needs_the_title_followed_by_key_value_lines():
    assert title_block("Rubrik\nKälla: X\n\nText.", "Rubrik") == (15, {"Källa": "X"})
    assert title_block("Rubrik\nEn mening som är text.\n\nText.", "Rubrik") == (0, {})
    assert title_block("Annan rad\nKälla: X\n\nText.", "Rubrik") == (0, {})
    # layout separates every unit by a blank line: title and key-value lines still form the block
    assert title_block("Rubrik\n\nKälla: X", "Rubrik") == (16, {"Källa": "X"})
