"""Readers: each format -> the common RawDocument (pages of typed blocks), on files written by
real writers (fpdf2, python-docx) in tmp_path, so each test pins one kind of input exactly."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from assistant.ingest import BlockKind, RawDocument, load_document, read_raw
from assistant.ingest.readers.pdf import _bullet
from assistant.ingest.readers.text import decode

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SV = "Överenskommelse mellan Åre kommun och Region Jämtland – “kultur” för 5 € per år."


def kinds(raw: RawDocument, kind: BlockKind) -> list[str]:
    return [b.text for b in raw.blocks if b.kind == kind]


# --- text: encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        SV.encode("utf-8"),
        codecs.BOM_UTF8 + SV.encode("utf-8"),
        codecs.BOM_UTF16_LE + SV.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SV.encode("utf-16-be"),
        SV.encode("utf-16-le"),  # no BOM: found by the detector
        SV.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "cp1252"],
)
def test_text_encodings_are_detected(data):
    assert decode(data) == SV


def test_short_latin1_text_is_decoded():
    assert decode("Hej på dig, åäö.".encode("latin-1")) == "Hej på dig, åäö."


@pytest.mark.parametrize(
    "data",
    [
        b"caf\xe9 \x00\x01\x02\x03\x04\x05\x06\x07\x08",
        b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
    ],
)
def test_binary_is_not_text(data):
    with pytest.raises(ValueError, match="binary"):
        decode(data)


def test_undecodable_file_is_skipped_with_its_reason(tmp_path):
    path = tmp_path / "trasig.txt"
    path.write_bytes(b"\x00\xff\x00\xfe binary \x01\x02\x03\x04\x05")
    result = load_document(path, tmp_path)
    assert result.source == "trasig.txt"
    assert result.reason.startswith("could not read") and "binary" in result.reason


# --- text and Markdown: structure --------------------------------------------------------------


def test_form_feeds_are_page_breaks_and_blank_lines_start_paragraphs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Första raden\nfortsätter här\n\nNytt stycke\fSida två\n", encoding="utf-8")
    raw = read_raw(path)
    assert raw.page_count == 2
    assert [(b.text, b.page, bool(b.props.get("blank_before"))) for b in raw.blocks] == [
        ("Första raden", 1, False),
        ("fortsätter här", 1, False),
        ("Nytt stycke", 1, True),
        ("Sida två", 2, False),
    ]
    assert {b.kind for b in raw.blocks} == {BlockKind.LINE}


def test_markdown_front_matter_headings_and_table(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Avtal om bidrag\ndnr: KS 2024/0173\n---\n# Bidrag\n\n"
        "Se [tabellen](http://x.se) nedan, **viktigt**.\n\n"
        "| Förening | Bidrag 2026 (kr) |\n|---|---:|\n| Ås IF | 10 000 |\n| Bäckby SK | 5 000 |\n\nSlut.\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    assert raw.front == {"title": "Avtal om bidrag", "dnr": "KS 2024/0173"}
    assert [(b.kind, b.text, b.level) for b in raw.blocks[:2]] == [
        (BlockKind.HEADING, "Bidrag", 1),
        (BlockKind.LINE, "Se tabellen nedan, viktigt.", 0),
    ]
    rows = [b for b in raw.blocks if b.kind == BlockKind.TABLE_ROW]
    assert [(r.cells, r.header_row, r.table) for r in rows] == [
        (["Förening", "Bidrag 2026 (kr)"], True, 0),
        (["Ås IF", "10 000"], False, 0),
        (["Bäckby SK", "5 000"], False, 0),
    ]
    assert raw.blocks[-1].text == "Slut."


def test_markdown_code_block_is_code_not_headings(tmp_path):
    # An FAQ's snort rules in a fenced block: their "# write var, close gate" comments were
    # read as top-level headings, and every answer after them sat under the last one.
    path = tmp_path / "faq.md"
    path.write_text(
        "# FAQ: Vanliga frågor och svar\n\n## Hur ser reglerna ut?\n\nSå här:\n\n```\n"
        "ipvar KONTROLLRUM 10.10.10.0/24\n\n# write var, close gate\nalert tcp any -> $PLC 102 \\\n"
        "```\n\n## Kan jag uppdatera systemet?\n\nJa, med yum.\n\n"
        # a converter's prose between fences stays prose
        "```\nDe demografiska förändringarna pressar kommunernas\nmöjlighet att finansiera välfärden.\n```\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    assert [b.text for b in raw.blocks if b.kind == BlockKind.HEADING] == [
        "FAQ: Vanliga frågor och svar",
        "Hur ser reglerna ut?",
        "Kan jag uppdatera systemet?",
    ]
    code = [b.text for b in raw.blocks if b.kind == BlockKind.PARAGRAPH]
    assert code == [
        "ipvar KONTROLLRUM 10.10.10.0/24",
        "# write var, close gate",
        "alert tcp any -> $PLC 102 \\",
    ]
    assert "```" not in " ".join(b.text for b in raw.blocks)
    assert [b.text for b in raw.blocks if b.kind == BlockKind.LINE][-2:] == [
        "De demografiska förändringarna pressar kommunernas",
        "möjlighet att finansiera välfärden.",
    ]


def test_markdown_emphasis_and_links_over_a_line_break_are_no_text(tmp_path):
    # a wrapped export: a bold span or a link opens on one line and closes on the next
    path = tmp_path / "a.md"
    path.write_text(
        "Kodein (t.ex. Treo Comp) **rekommenderas\ninte**. **Observera att\npreparaten "
        "ska användas\nmed försiktighet.** Sedan *kursiv\ntext* och **a** och **b\nc**.\n\n"
        "* punkt ett\n* punkt två med oxikodon*\n\n[Konsultera gärna teamet (PKT) i\nditt "
        "närområde](http://exempel.se/kapitel-18-palliativ-\nvard/team/). Se [en](http://a.se).\n",
        encoding="utf-8",
    )
    said = "\n".join(b.text for b in read_raw(path).blocks)
    assert said == (
        "Kodein (t.ex. Treo Comp) rekommenderas\ninte. Observera att\npreparaten ska användas\n"
        "med försiktighet. Sedan kursiv\ntext och a och b\nc.\n* punkt ett\n"
        "* punkt två med oxikodon*\nKonsultera gärna teamet (PKT) i\nditt närområde. Se en."
    )


def test_pandoc_heading_attributes_are_no_words_of_the_heading(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Sammanfattning {.unnumbered}\n\nText.\n\n## Syfte {#syfte .klass}\n\n### Bilaga {-}\n\n"
        "## Mängder {i kilo}\n",
        encoding="utf-8",
    )
    headings = [b.text for b in read_raw(path).blocks if b.kind == BlockKind.HEADING]
    # braces that are no attribute list stay words
    assert headings == ["Sammanfattning", "Syfte", "Bilaga", "Mängder {i kilo}"]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_an_html_line_break_in_a_table_cell_is_a_space(tmp_path, suffix):
    # Markdown exports write a cell's lines with "<br>"; a text file may hold such a table too
    path = tmp_path / f"a{suffix}"
    path.write_text(
        "| Nr | Delegerat till |\n|---|---|\n| 2.1 | Anställning av chef hos<br>nämnd<br/>(Au) |\n",
        encoding="utf-8",
    )
    said = " ".join(b.text for b in read_raw(path).blocks)
    assert "chef hos nämnd (Au)" in said and "<br" not in said


def test_markdown_footnotes_and_single_emphasis_read_as_the_word_reader_reads_them(tmp_path):
    # pandoc's Word -> Markdown export: notes as "[^n]" and "[^n]: …" (indented continuation),
    # italics as "*…*"; a list bullet "* " and a file name's "_" are no emphasis.
    path = tmp_path / "a.md"
    path.write_text(
        "# Villkor\n\n*Avtal enligt LOU[^2] ska följa detta.* Se fil avtal_2024_v2.\n\n"
        "* punkt ett\n\n[^2]: Lag (2016:1145) om\n    offentlig upphandling.\n\n"
        "    Gäller från 2017.\n\nSlut.\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    assert kinds(raw, BlockKind.LINE) == [
        "Avtal enligt LOU[2] ska följa detta. Se fil avtal_2024_v2.",
        "* punkt ett",
        "Slut.",
    ]
    notes = [(b.marker, b.text, b.page) for b in raw.blocks if b.kind == BlockKind.FOOTNOTE]
    # The note's second paragraph (indented after a blank line) is still the note.
    assert notes == [("2", "Lag (2016:1145) om offentlig upphandling. Gäller från 2017.", 1)]


def test_markdown_block_quote_markers_are_no_text_and_a_bare_marker_parts_paragraphs(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "Planen citerar:\n\n> **Mål 2:**\n>\n> Alla ska kunna låna böcker.\n"
        "> Lånen är gratis.\n\nSlut.\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    lines = [(b.text, bool(b.props.get("blank_before"))) for b in raw.blocks]
    # the quote's label goes with its text (apart, it headed the text after the quote too);
    # the quote's lines up to a bare ">" are one paragraph, as Markdown reads them
    assert lines == [
        ("Planen citerar:", False),
        ("Mål 2: Alla ska kunna låna böcker. Lånen är gratis.", True),
        ("Slut.", True),
    ]


def test_markdown_block_that_is_not_yaml_stays_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\n: : :\n---\nText efter.\n", encoding="utf-8")
    raw = read_raw(path)
    assert raw.front == {}
    assert [b.text for b in raw.blocks] == ["---", ": : :", "---", "Text efter."]


# --- PDF -----------------------------------------------------------------------------------------


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DV", "", FONT)
    pdf.add_font("DV", "B", FONT_B)
    pdf.c_margin = 0
    return pdf


def _line(pdf: FPDF, y: float, parts: list[tuple[str, bool]], size: float = 11) -> None:
    """One line written part by part; a True part is a raised, smaller footnote marker."""
    pdf.set_x(20)
    x = 20.0
    for text, sup in parts:
        pdf.set_font("DV", "", size * 0.6 if sup else size)
        pdf.set_xy(x, y - (1.4 if sup else 0))
        width = pdf.get_string_width(text)
        pdf.cell(width, 6, text)
        x += width


def _edges(pdf: FPDF, no: int, total: int) -> None:
    pdf.set_font("DV", "", 8)
    pdf.set_xy(20, 10)
    pdf.cell(0, 4, "Bäckby kommun – löpande sidhuvud")
    pdf.set_xy(20, 287)
    pdf.cell(0, 4, f"Sida {no} av {total}")


def test_pdf_markers_footnotes_headers_and_footers(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    _edges(pdf, 1, 1)
    _line(
        pdf,
        30,
        [("Regionen erbjuder föreställningar för barn och unga", False), ("1", True), (".", False)],
    )
    _line(
        pdf,
        36,
        [("Kommunen står för lokalen", False), ("2", True), (" och marknadsföringen.", False)],
    )
    pdf.set_font("DV", "", 8)
    pdf.set_xy(20, 270)
    pdf.cell(0, 4, "1 Med barn och unga avses personer under 19 år.")
    pdf.set_xy(20, 275)
    pdf.cell(0, 4, "2 Lokalen ska vara tillgänglig.")
    path = tmp_path / "a.pdf"
    pdf.output(str(path))
    raw = read_raw(path)
    assert kinds(raw, BlockKind.LINE) == [
        "Regionen erbjuder föreställningar för barn och unga[1].",
        "Kommunen står för lokalen[2] och marknadsföringen.",
    ]
    notes = [(b.marker, b.text, b.page) for b in raw.blocks if b.kind == BlockKind.FOOTNOTE]
    assert notes == [
        ("1", "Med barn och unga avses personer under 19 år.", 1),
        ("2", "Lokalen ska vara tillgänglig.", 1),
    ]
    assert kinds(raw, BlockKind.HEADER) == ["Bäckby kommun – löpande sidhuvud"]
    assert kinds(raw, BlockKind.FOOTER) == ["Sida 1 av 1"]
    assert raw.blocks[0].kind == BlockKind.HEADER and raw.blocks[-1].kind == BlockKind.FOOTER


def test_pdf_numbers_in_text_are_not_markers(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    _line(pdf, 30, [("Bidraget är 250 000 kronor år 2025 enligt punkt 3.", False)])
    pdf.set_font("DV", "", 8)
    pdf.set_xy(20, 270)
    pdf.cell(0, 4, "123 45 Staden, Box 55")  # a small letterhead line, no footnote
    path = tmp_path / "a.pdf"
    pdf.output(str(path))
    raw = read_raw(path)
    assert kinds(raw, BlockKind.LINE)[0] == "Bidraget är 250 000 kronor år 2025 enligt punkt 3."
    assert kinds(raw, BlockKind.FOOTNOTE) == []
    assert "123 45 Staden, Box 55" in [b.text for b in raw.blocks]


def test_pdf_table_stays_in_place_with_header_row(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    _line(pdf, 30, [("Före tabellen.", False)])
    pdf.set_font("DV", "", 10)
    pdf.set_xy(20, 45)
    with pdf.table(width=120, first_row_as_headings=False) as table:
        for row in [
            ("Verksamhet", "Bidrag 2026"),
            ("Museum", "310 000 kr"),
            ("Kulturskola", "520 000 kr"),
        ]:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    _line(pdf, 120, [("Efter tabellen.", False)])
    path = tmp_path / "a.pdf"
    pdf.output(str(path))
    raw = read_raw(path)
    assert [(b.kind, b.cells or b.text, b.header_row) for b in raw.blocks] == [
        (BlockKind.LINE, "Före tabellen.", False),
        (BlockKind.TABLE_ROW, ["Verksamhet", "Bidrag 2026"], True),
        (BlockKind.TABLE_ROW, ["Museum", "310 000 kr"], False),
        (BlockKind.TABLE_ROW, ["Kulturskola", "520 000 kr"], False),
        (BlockKind.LINE, "Efter tabellen.", False),
    ]


def test_pdf_turned_page_reads_as_lines(tmp_path):
    from pypdf import PdfReader, PdfWriter

    pdf = _pdf()
    pdf.add_page()
    _line(pdf, 30, [("En tabell i liggande format.", False)])
    pdf.output(str(tmp_path / "a.pdf"))
    writer = PdfWriter()
    for page in PdfReader(tmp_path / "a.pdf").pages:
        writer.add_page(page.rotate(90))
    writer.write(tmp_path / "turned.pdf")
    assert kinds(read_raw(tmp_path / "turned.pdf"), BlockKind.LINE) == [
        "En tabell i liggande format."
    ]


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (40, 40), "white").save(path)
    return path


def test_pdf_image_only_pages_are_recorded(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    _line(pdf, 30, [("Bilagan beskriver ersättningar.", False)])
    pdf.add_page()
    pdf.image(str(_png(tmp_path / "scan.png")), x=20, y=20, w=150)
    path = tmp_path / "mixed.pdf"
    pdf.output(str(path))
    raw = read_raw(path)
    assert raw.page_count == 2 and raw.empty_pages == [2]
    # A scanner's page that only carries a printed page number is still a page without text.
    pdf = _pdf()
    pdf.add_page()
    _line(pdf, 30, [("Bilagan beskriver ersättningar.", False)])
    pdf.add_page()
    pdf.image(str(_png(tmp_path / "scan.png")), x=20, y=20, w=150)
    pdf.set_font("DV", "", 8)
    pdf.set_xy(20, 287)
    pdf.cell(0, 4, "Sida 2 av 2")
    pdf.output(str(path))
    assert read_raw(path).empty_pages == [2]
    only = tmp_path / "only"
    only.mkdir()
    pdf = _pdf()
    pdf.add_page()
    pdf.image(str(_png(tmp_path / "scan.png")), x=20, y=20, w=150)
    pdf.output(str(only / "scan.pdf"))
    skipped = load_document(only / "scan.pdf", only)
    assert "no text layer" in skipped.reason and "OCR" in skipped.reason


def test_pdf_bullet_glyphs_make_list_items(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("DV", "", 11)
    for n, item in enumerate(["• Kommunen ansvarar för lokaler.", "▪ Regionen för arvoden."]):
        pdf.set_xy(20, 30 + 6 * n)
        pdf.cell(0, 6, item)
    path = tmp_path / "a.pdf"
    pdf.output(str(path))
    lines = [b for b in read_raw(path).blocks if b.kind == BlockKind.LINE]
    assert [(b.text, b.props.get("list_item"), b.props.get("glyph")) for b in lines] == [
        ("• Kommunen ansvarar för lokaler.", True, "•"),
        ("• Regionen för arvoden.", True, "▪"),
    ]


def test_symbol_font_bullet_glyph_is_a_bullet():
    # Word's Symbol-font bullet reaches the PDF text layer as a private-use code point.
    assert _bullet("\uf0b7 Korta listpunkter") == "\uf0b7"
    assert _bullet("\uf0a7\tWingdings-punkt") == "\uf0a7"
    assert _bullet("(cid:183) Utan Unicode-mappning") == "(cid:183)"
    assert _bullet("Vanlig text") == "" and _bullet("•ord") == ""


def test_password_protected_pdf_is_skipped_with_the_fix(tmp_path):
    pdf = _pdf()
    pdf.set_encryption(owner_password="ägare", user_password="hemligt")
    pdf.add_page()
    _line(pdf, 30, [("Hemlig text.", False)])
    pdf.output(str(tmp_path / "låst.pdf"))
    result = load_document(tmp_path / "låst.pdf", tmp_path)
    assert "password" in result.reason


# --- DOCX ----------------------------------------------------------------------------------------


def test_docx_body_in_document_order_with_merged_cells_once(tmp_path):
    d = docx.Document()
    d.add_heading("Avtal om kultur", 0)
    d.add_heading("Regionens bidrag", 1)
    d.add_paragraph("Beloppen framgår av tabellen.")
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [("Verksamhet", "2025", "2026"), ("Museum", "300", "310"), ("Skola", "500", "")]
    ):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    t.cell(2, 2).merge(t.cell(1, 2))  # vertical merge: "310" stands once
    t.cell(3, 0).merge(t.cell(3, 2)).text = "Uppräkning 2 procent per år."
    d.add_heading("Uppföljning", 1)
    d.add_paragraph("Punkt ett", style="List Bullet")
    path = tmp_path / "a.docx"
    d.save(path)
    raw = read_raw(path)
    assert [(b.kind.value, b.cells or b.text, b.level) for b in raw.blocks] == [
        ("heading", "Avtal om kultur", 1),
        ("heading", "Regionens bidrag", 1),
        ("paragraph", "Beloppen framgår av tabellen.", 0),
        ("table_row", ["Verksamhet", "2025", "2026"], 0),
        ("table_row", ["Museum", "300", "310"], 0),
        ("table_row", ["Skola", "500", ""], 0),
        ("table_row", ["Uppräkning 2 procent per år."], 0),
        ("heading", "Uppföljning", 1),
        ("list_item", "Punkt ett", 0),
    ]
    assert [b.header_row for b in raw.blocks if b.kind == BlockKind.TABLE_ROW] == [
        True,
        False,
        False,
        False,
    ]
    assert raw.front == {}


def test_docx_headers_footers_and_page_breaks(tmp_path):
    d = docx.Document()
    d.core_properties.title = "Fritidsgårdar"
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Norrvik kommun\tDnr KS 2024/0173"
    sec.header.add_paragraph("Fastställd av kommunstyrelsen 2024-03-12")
    sec.footer.paragraphs[0].text = "Sidfot"
    d.add_paragraph("Sida ett.")
    d.add_page_break()
    d.add_paragraph("Sida två.")
    path = tmp_path / "a.docx"
    d.save(path)
    raw = read_raw(path)
    assert kinds(raw, BlockKind.HEADER) == [
        "Norrvik kommun",
        "Dnr KS 2024/0173",
        "Fastställd av kommunstyrelsen 2024-03-12",
    ]
    assert kinds(raw, BlockKind.FOOTER) == ["Sidfot"]
    body = [(b.text, b.page) for b in raw.blocks if b.kind == BlockKind.PARAGRAPH]
    assert body == [("Sida ett.", 1), ("Sida två.", 2)]
    assert raw.page_count == 2 and raw.front == {"title": "Fritidsgårdar"}


def _notes_xml(kind: str) -> str:
    tag = f"w:{kind}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:{kind}s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></{tag}>'
        f'<{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></{tag}>"
        f'<{tag} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> Med unga avses </w:t>'
        f"</w:r><w:r><w:t>personer under 19 år.</w:t></w:r></w:p></{tag}></w:{kind}s>"
    )


def _add_note(path: Path, kind: str = "footnote") -> None:
    """python-docx writes no foot- or endnotes: add the part and a reference, as Word does."""
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    ref = (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="1"/></w:r>'
    )
    anchor = "<w:t>Kulturen når unga</w:t></w:r>"
    doc = files["word/document.xml"].decode().replace(anchor, anchor + ref, 1)
    files["word/document.xml"] = doc.encode()
    rel = (
        f'<Relationship Id="rIdNote" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/{kind}s" Target="{kind}s.xml"/>'
    )
    rels = files["word/_rels/document.xml.rels"].decode()
    files["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode()
    override = (
        f'<Override PartName="/word/{kind}s.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/>'
    )
    types = files["[Content_Types].xml"].decode()
    files["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    files[f"word/{kind}s.xml"] = _notes_xml(kind).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


def test_docx_footnotes_are_blocks_with_their_marker(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Kulturen når unga")
    p.add_run(" i hela kommunen.")
    path = tmp_path / "a.docx"
    d.save(path)
    _add_note(path)
    raw = read_raw(path)
    assert [(b.kind, b.text, b.marker) for b in raw.blocks] == [
        (BlockKind.PARAGRAPH, "Kulturen når unga[1] i hela kommunen.", None),
        (BlockKind.FOOTNOTE, "Med unga avses personer under 19 år.", "1"),
    ]


def test_docx_content_controls_are_read_in_place(tmp_path):
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_paragraph("Överenskommelse om fritidsgårdar", style="Title")
    field = d.add_paragraph("Dnr KS 2024/0173")  # a template's content-control field
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    field._p.addprevious(sdt)
    sdt.append(content)
    content.append(field._p)
    d.add_paragraph("Brödtext.")
    path = tmp_path / "a.docx"
    d.save(path)
    assert [b.text for b in read_raw(path).blocks] == [
        "Överenskommelse om fritidsgårdar",
        "Dnr KS 2024/0173",
        "Brödtext.",
    ]


def test_docx_numbered_list_items_carry_word_s_numbers(tmp_path):
    d = docx.Document()
    for text in ("Första punkten", "Andra punkten"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("En punkt utan nummer", style="List Bullet")
    d.add_paragraph("Tredje punkten", style="List Number")
    path = tmp_path / "a.docx"
    d.save(path)
    items = [(b.kind, b.text) for b in read_raw(path).blocks]
    assert items == [
        (BlockKind.LIST_ITEM, "1. Första punkten"),
        (BlockKind.LIST_ITEM, "2. Andra punkten"),
        (BlockKind.LIST_ITEM, "En punkt utan nummer"),
        (BlockKind.LIST_ITEM, "3. Tredje punkten"),
    ]


def test_docx_endnotes_are_blocks_at_the_end(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Kulturen når unga")
    p.add_run(" i hela kommunen.")
    d.add_paragraph("Sista stycket.")
    path = tmp_path / "a.docx"
    d.save(path)
    _add_note(path, "endnote")
    raw = read_raw(path)
    assert [(b.kind, b.text, b.marker) for b in raw.blocks] == [
        (BlockKind.PARAGRAPH, "Kulturen når unga[i] i hela kommunen.", None),
        (BlockKind.PARAGRAPH, "Sista stycket.", None),
        (BlockKind.FOOTNOTE, "Med unga avses personer under 19 år.", "i"),
    ]
