"""PDF tables without ruling lines (columns aligned by whitespace): rows of cells with their
header row, repeated in every passage the table is cut into; prose, justified text, lists and
"Label:  value" lines at a tab stop stay text. The PDFs are written here with fpdf2."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from fpdf import FPDF

from assistant.chunking import chunk_document
from assistant.ingest import LoadedDocument, load_document, read_raw
from assistant.ingest.model import BlockKind

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PROSE = (
    "Regionen och kommunen har kommit överens om hur bidragen till kulturlivet ska fördelas under "
    "perioden. Fördelningen följs upp varje år i samband med att verksamheterna redovisar vad de "
    "har genomfört och hur många barn och unga som har tagit del av verksamheten under året. "
)
HEADER = ("Verksamhet", "Ansvarig", "Bidrag 2026")
ROWS = [
    (f"{name} {n}", "Kultur- och fritid" if n % 2 else "Regionen", f"{100 + 7 * n} 000 kr")
    for n in range(1, 41)
    for name in ["Kulturskola"]
]


def _pdf(path: Path, rows: list[tuple[str, str, str]], cover: bool = False) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", FONT)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("DV", "", 11)
    if cover:
        for label, value in [
            ("Diarienummer:", "KS 2025/0042"),
            ("Beslutad:", "2025-02-11"),
            ("Dokumentägare:", "Kultur- och fritidsförvaltningen"),
        ]:
            pdf.set_x(20)
            pdf.cell(45, 6, label)
            pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.set_x(20)
    pdf.multi_cell(170, 6, PROSE * 3, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for cells in [HEADER, *rows]:
        if pdf.get_y() > 265:
            pdf.add_page()
        pdf.set_x(20)
        pdf.cell(60, 6, cells[0])
        pdf.cell(60, 6, cells[1])
        pdf.cell(40, 6, cells[2], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_x(20)
    pdf.multi_cell(170, 6, PROSE, align="J", new_x="LMARGIN", new_y="NEXT")
    for item in ["• bibliotek och läsfrämjande", "• kulturskola", "• scenkonst för unga"]:
        pdf.set_x(25)
        pdf.cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_rows_and_header_of_a_table_without_rules(tmp_path):
    raw = read_raw(_pdf(tmp_path / "bidrag.pdf", ROWS[:6]))
    rows = [(b.cells, b.header_row) for b in raw.blocks if b.kind == BlockKind.TABLE_ROW]
    assert rows[0] == (list(HEADER), True)
    assert rows[1:] == [(list(r), False) for r in ROWS[:6]]
    prose = [b.text for b in raw.blocks if b.kind == BlockKind.LINE]
    assert any(t.startswith("Regionen och kommunen") for t in prose)
    assert not any("Verksamhet" in t or "000 kr" in t for t in prose)


def test_a_long_table_repeats_its_header_in_every_passage(tmp_path):
    doc = load_document(_pdf(tmp_path / "bidrag.pdf", ROWS), tmp_path)
    assert isinstance(doc, LoadedDocument)
    tables = [c for c in chunk_document(doc) if "000 kr" in c.page_content]
    assert len(tables) >= 3  # cut into passages, over two pages
    header = " | ".join(HEADER)
    for chunk in tables:
        assert chunk.page_content.startswith(header) or chunk.metadata["table_header"] == header
    text = "\n".join(c.page_content for c in tables)
    assert all(" | ".join(r) in text for r in ROWS)


def test_prose_lists_and_label_lines_stay_text(tmp_path):
    raw = read_raw(_pdf(tmp_path / "bidrag.pdf", [], cover=True))
    assert [b.text for b in raw.blocks if b.kind == BlockKind.TABLE_ROW] == []
    lines = [b.text for b in raw.blocks if b.kind == BlockKind.LINE]
    assert "Diarienummer: KS 2025/0042" in lines
    assert any(t.startswith("• kulturskola") for t in lines)


def test_a_wrapped_cell_continues_its_row(tmp_path):
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", FONT)
    pdf.add_page()
    pdf.set_font("DV", "", 11)
    lines = [
        ("Insats", "Målgrupp", "Ansvar"),
        ("Läsombud", "äldre i särskilt", "Kommunen"),
        ("", "boende", ""),
        ("Bokbuss", "byar utan bibliotek", "Regionen"),
        ("Sagostund", "förskolebarn", "Kommunen"),
    ]
    for cells in lines:
        for x, cell in zip((20, 70, 130), cells, strict=True):
            pdf.set_xy(x, pdf.get_y())
            pdf.cell(50, 6, cell)
        pdf.ln(6)
    pdf.output(str(tmp_path / "insatser.pdf"))
    raw = read_raw(tmp_path / "insatser.pdf")
    assert [b.cells for b in raw.blocks if b.kind == BlockKind.TABLE_ROW] == [
        ["Insats", "Målgrupp", "Ansvar"],
        ["Läsombud", "äldre i särskilt boende", "Kommunen"],
        ["Bokbuss", "byar utan bibliotek", "Regionen"],
        ["Sagostund", "förskolebarn", "Kommunen"],
    ]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_word_tab_stop_columns_converted_by_libreoffice(tmp_path):
    d = docx.Document()
    d.add_paragraph(PROSE)
    for cells in [HEADER, *ROWS[:5]]:
        p = d.add_paragraph("\t".join(cells))
        for pos in (Cm(6), Cm(12)):
            p.paragraph_format.tab_stops.add_tab_stop(pos)
    d.add_paragraph(PROSE)
    d.save(tmp_path / "flikar.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "flikar.docx"),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    raw = read_raw(tmp_path / "flikar.pdf")
    rows = [(b.cells, b.header_row) for b in raw.blocks if b.kind == BlockKind.TABLE_ROW]
    assert rows == [(list(HEADER), True)] + [(list(r), False) for r in ROWS[:5]]
