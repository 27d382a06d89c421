"""Generate small, clearly fictional fixture documents for the test suite.

The tests need real PDF and DOCX files produced by ordinary writers (fpdf2 and
python-docx) so that loading, cleaning (running headers and letterheads repeated
on every page) and page-number citations can be checked end to end. Every name,
number and fact below is made up.

Run from the repository root:  .venv/bin/python tests/data/make_fixtures.py
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from fpdf import FPDF

OUT_DIR = Path(__file__).resolve().parent
FIXED_DATE = datetime(2022, 1, 1, tzinfo=UTC)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

HEADER = ["ÖVERENSKOMMELSE", "Datum: 2021-03-15"]
LETTERHEAD = [
    ["Postadress", "Box 123", "999 99 Exempelstad"],
    ["Kontakt", "012-34 56 78"],
    ["Handläggare", "Anna Testsson", "Kulturstrateg", "anna.testsson@exempelland.example"],
]

# Font style and size per kind of line; the title is kept to one line on purpose.
STYLES = {"title": ("B", 11), "heading": ("B", 11), "text": ("", 10)}
# Each page: list of (kind, text) where kind is a key of STYLES.
PAGES: list[list[tuple[str, str]]] = [
    [
        ("text", "Dnr EX21/00042"),
        ("title", "Överenskommelse mellan Påhittsby kommun och Region Exempelland 2021-2024"),
        ("heading", "Bakgrund"),
        (
            "text",
            "Påhittsby kommun och Region Exempelland har sedan 2017 samverkat kring "
            "kulturfrågor. Denna överenskommelse beskriver hur parterna gemensamt ska "
            "utveckla kulturlivet i kommunen under perioden 2021-2024.",
        ),
    ],
    [
        ("heading", "Områden för överenskommelsen"),
        ("text", "Kulturarv:"),
        (
            "text",
            "- Påhittsby kommun ska varje år arrangera en hembygdsdag vid Gruvmuseet "
            "i samarbete med Region Exempelland.",
        ),
        (
            "text",
            "- Region Exempelland bidrar med antikvarisk rådgivning när kommunens "
            "kvarnstugor vid Ödeå renoveras.",
        ),
    ],
    [
        ("text", "Bibliotek:"),
        (
            "text",
            "- Påhittsby kommun och Region Exempelland ska gemensamt driva en bokbuss "
            "som besöker alla byar i kommunen varannan vecka.",
        ),
        ("text", "Musik:"),
        (
            "text",
            "- Region Exempelland ger Exempellands Blåsorkester i uppdrag att spela "
            "på nationaldagen i Påhittsby.",
        ),
    ],
]


def setup_font(pdf: FPDF) -> str:
    """Use DejaVu Sans when installed, else the latin-1 core font (still covers åäöé)."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return "DejaVu"
    return "helvetica"


def make_pdf(path: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    font = setup_font(pdf)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for page in PAGES:
        pdf.add_page()
        pdf.set_font(font, size=9)
        for line in HEADER:
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        for kind, text in page:
            style, size = STYLES[kind]
            pdf.set_font(font, style, size)
            pdf.multi_cell(width, 6, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_font(font, size=8)
        col_width = width / len(LETTERHEAD)
        for i, column in enumerate(LETTERHEAD):
            pdf.set_xy(pdf.l_margin + i * col_width, pdf.h - 40)
            for line in column:
                pdf.set_x(pdf.l_margin + i * col_width)
                pdf.cell(col_width, 4, line, new_y="NEXT")
    pdf.output(str(path))


def make_docx(path: Path) -> None:
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = FIXED_DATE
    doc.core_properties.author = "Testfixtur"
    doc.add_heading("Riktlinjer för kulturstöd i Fiktiva kommun 2022", level=1)
    doc.add_heading("Syfte", level=2)
    doc.add_paragraph(
        "Kulturstödet ska göra det lättare för föreningar att ordna kulturarrangemang "
        "i Fiktiva kommun."
    )
    doc.add_heading("Vem kan söka", level=2)
    doc.add_paragraph(
        "Föreningar med säte i Fiktiva kommun kan söka stöd för arrangemang som är "
        "öppna för allmänheten."
    )
    for item in [
        "Föreningen ska ha ett organisationsnummer.",
        "Arrangemanget ska äga rum i Fiktiva kommun.",
        "Stöd ges inte till slutna sällskap eller fester.",
    ]:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Ansökan", level=2)
    doc.add_paragraph("Ansökan om kulturstöd ska lämnas senast den 31 oktober varje år.")
    buffer = io.BytesIO()
    doc.save(buffer)
    write_zip_with_fixed_times(buffer.getvalue(), path)


def write_zip_with_fixed_times(data: bytes, path: Path) -> None:
    """Rewrite the DOCX zip with fixed entry timestamps so reruns give identical bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))


def main() -> None:
    make_pdf(OUT_DIR / "fixture-agreement.pdf")
    make_docx(OUT_DIR / "fixture-riktlinje.docx")
    print(f"Wrote fixtures to {OUT_DIR}")


if __name__ == "__main__":
    main()
