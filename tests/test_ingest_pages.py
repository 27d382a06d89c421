"""Word files that do not record where their pages break: a passage's page is unknown, so it is
cited by its section (JSON ``page_known: false``; the source entry and the answer text show no
page). Recorded breaks (Word's rendered breaks, or short stretches between explicit breaks)
keep their page numbers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement

from assistant.chunking import chunk_document
from assistant.framing import frame
from assistant.ingest import LoadedDocument, load_document, read_raw
from assistant.render import answer_html
from assistant.results import Answer, Citation, Passage

SENTENCE = "Kommunen ska erbjuda stöd till föreningar som bedriver verksamhet för unga. "


def _write(path: Path, paragraphs: int, rendered: bool = False, breaks: bool = False) -> Path:
    d = docx.Document()
    d.add_heading("Riktlinje för föreningsstöd", 1)
    for i in range(paragraphs):
        if i and i % 4 == 0:
            d.add_heading(f"Avsnitt {i // 4}", 2)
        p = d.add_paragraph(SENTENCE * 3)
        if rendered and i and i % 10 == 0:
            p.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
        if breaks and i and i % 8 == 0:
            d.add_page_break()
    d.save(path)
    return path


def _doc(path: Path) -> LoadedDocument:
    doc = load_document(path, path.parent)
    assert isinstance(doc, LoadedDocument)
    return doc


def test_long_word_file_without_breaks_has_no_known_page(tmp_path):
    doc = _doc(_write(tmp_path / "stod.docx", 30))
    assert not read_raw(tmp_path / "stod.docx").page_known and not doc.page_known
    chunks = chunk_document(doc)
    body = [c for c in chunks if c.metadata["kind"] == "passage"]
    assert body and all(c.metadata["page_known"] is False for c in body)
    passage = Passage.from_document(body[-1], 0.9)
    assert not passage.page_known and passage.section.endswith("Avsnitt 7")
    assert passage.to_dict()["page_known"] is False
    quote = passage.text.split(". ")[0] + "."
    citation = Citation(1, passage, quote, 0.9)
    assert citation.to_dict()["page_known"] is False
    # The HTTP API's response models carry the flag (they drop fields they do not declare).
    from assistant.api import CitationOut, PassageOut

    assert CitationOut.model_validate(citation.to_dict()).page_known is False
    assert (
        PassageOut.model_validate({**passage.to_dict(), "rank": 1, "score": 0.5}).page_known
        is False
    )
    framed = frame([citation], "sv")
    assert framed.startswith(f"Enligt {passage.title}, {passage.section}: ")
    assert "s. 1" not in framed
    html = answer_html(Answer("Stöd?", True, framed, "sv", [citation]), "a1")
    assert "s. 1" not in html and "Avsnitt 7" in html


def test_short_word_file_without_breaks_is_one_page(tmp_path):
    doc = _doc(_write(tmp_path / "kort.docx", 3))
    assert doc.page_known
    passage = Passage.from_document(chunk_document(doc)[-1], 0.9)
    assert passage.page_known and "page_known" not in passage.to_dict()
    assert "s. 1" in frame([Citation(1, passage, passage.text, 0.9)], "sv")


def test_rendered_or_explicit_breaks_keep_page_numbers(tmp_path):
    rendered = _doc(_write(tmp_path / "renderad.docx", 30, rendered=True))
    assert rendered.page_known and len(rendered.pages) == 3
    explicit = _doc(_write(tmp_path / "brytningar.docx", 30, breaks=True))
    assert explicit.page_known and len(explicit.pages) == 4
    last = chunk_document(explicit)[-1]
    assert last.metadata["page"] == 4 and "page_known" not in last.metadata


def test_a_line_at_a_page_foot_does_not_run_into_a_contents_list_with_unmapped_leaders(tmp_path):
    # pdftotext writes a contents list's dot leaders it cannot map as a backspace and a run of
    # U+FFFD: read as dots, the list is a contents list, and the definition over the page break
    # (no full stop) stays a passage of its own instead of running on into "Innehåll …".
    leader = "\x08" + "\ufffd" * 30
    definitions = "\n".join(
        f"Avgift {n}: en årlig fast avgift som utgår\nper enhet {n} och år" for n in "ABCDEFGHIJKL"
    )
    contents = "\n".join(f"§ {n} Avgifter{leader} {n + 3}" for n in range(1, 6))
    text = f"Taxa för vatten\n\nOrdförklaringar\n{definitions}\n\n2\n\n\fInnehåll\n{contents}\n"
    path = tmp_path / "taxa.txt"
    path.write_text(text, encoding="utf-8")
    chunks = chunk_document(load_document(path, path.parent))
    last = next(c for c in chunks if "Avgift L:" in c.page_content)
    assert "Innehåll" not in last.page_content and "\ufffd" not in last.page_content
    assert all("\x08" not in c.page_content and "\ufffd" not in c.page_content for c in chunks)
