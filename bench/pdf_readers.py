"""Measure PDF text extraction: pypdf vs PyMuPDF vs pdfplumber (raw) vs our pdfplumber reader.

PDFs are generated with fpdf2 from the dev2 texts (../shared/eval/dev2/corpus): body paragraphs
wrapped to the page, a running header, "Sida n av N" footers, superscript footnote markers after
every fifth paragraph with the footnote text at the page foot, and one ruled table. Because we
wrote them, the truth is known. Also reads the field-case PDFs and checks their questions'
evidence strings. usage (from the project root):
    PYTHONPATH=$PWD .venv/bin/python bench/pdf_readers.py [OUT_DIR]
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WORD = re.compile(r"\w+")


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    paras = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(ln.strip().lstrip("#-").strip() for ln in block.splitlines())
        block = "".join(ch for ch in block if ch.isprintable() and not 0xE000 <= ord(ch) <= 0xF8FF)
        if len(block.split()) >= 3 and not re.fullmatch(r"[\d/ ]+", block):
            paras.append(" ".join(block.split()))
    return paras


def make_pdf(paras: list[str], header: str, out: Path) -> dict:
    """Write the PDF; return the truth: body words, header/footer lines, footnotes, table rows."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DV", "", FONT)
    pdf.add_font("DV", "B", FONT_B)
    truth = {"body": [], "edges": [], "notes": [], "rows": [], "marked": []}
    pages: list[list] = [[]]  # per page: ops
    y, notes_here, note_no = 30.0, [], 0
    bottom = 270.0

    def new_page():
        nonlocal y, notes_here
        pages[-1].append(("notes", list(notes_here)))
        pages.append([])
        y, notes_here = 30.0, []

    width = 170.0
    pdf.add_page()  # for string widths
    for n, para in enumerate(paras):
        marker = None
        if n % 5 == 4:
            note_no += 1
            marker = str(note_no)
        pdf.set_font("DV", "", 10)
        words = para.split()
        lines, cur = [], []
        for w in words:
            if cur and pdf.get_string_width(" ".join(cur + [w])) > width:
                lines.append(cur)
                cur = []
            cur.append(w)
        lines.append(cur)
        for i, line in enumerate(lines):
            reserve = 6 * (len(notes_here) + (1 if marker else 0))
            if y + 5 > bottom - reserve:
                new_page()
            last = i == len(lines) - 1
            pages[-1].append(("line", y, " ".join(line), marker if last else None))
            y += 5
        truth["body"].extend(words)
        if marker:
            note = f"Fotnot {marker}: {paras[(n + 7) % len(paras)][:80]}".strip()
            notes_here.append((marker, note))
            truth["notes"].append((marker, note))
            truth["marked"].append(
                (WORD.findall(words[-1])[-1] if WORD.findall(words[-1]) else "", marker)
            )
        y += 3
        if n == 6:  # one ruled table after the seventh paragraph
            rows = [["Område", "Ansvar", "Uppföljning"]] + [
                [f"Område {k}", "Kommunen" if k % 2 else "Regionen", f"{2020 + k}-12-31"]
                for k in range(1, 5)
            ]
            if y + 6 * len(rows) > bottom - 6 * len(notes_here):
                new_page()
            pages[-1].append(("table", y, rows))
            truth["rows"] = rows
            y += 6 * len(rows) + 4
    pages[-1].append(("notes", list(notes_here)))
    total = len(pages)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DV", "", FONT)
    pdf.add_font("DV", "B", FONT_B)
    pdf.c_margin = 0  # a marker right after its word, as word processors set it
    for no, ops in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("DV", "", 8)
        pdf.set_xy(20, 10)
        pdf.cell(0, 4, header)
        truth["edges"] += [header, f"Sida {no} av {total}"]
        for op in ops:
            if op[0] == "line":
                _, yy, text, marker = op
                pdf.set_font("DV", "", 10)
                pdf.set_xy(20, yy)
                if marker:
                    body, end = (text[:-1], text[-1]) if text[-1] in ".:;," else (text, "")
                    pdf.cell(pdf.get_string_width(body), 5, body)
                    pdf.set_font("DV", "", 6.5)
                    x = pdf.get_x()
                    pdf.set_xy(x, yy - 1.2)
                    pdf.cell(pdf.get_string_width(marker), 4, marker)
                    pdf.set_font("DV", "", 10)
                    pdf.set_xy(pdf.get_x(), yy)
                    pdf.cell(0, 5, end)
                else:
                    pdf.cell(0, 5, text)
            elif op[0] == "table":
                _, yy, rows = op
                pdf.set_font("DV", "", 9)
                pdf.set_xy(20, yy)
                with pdf.table(width=150, line_height=6, first_row_as_headings=False) as table:
                    for row in rows:
                        r = table.row()
                        for cell in row:
                            r.cell(cell)
            elif op[0] == "notes":
                pdf.set_font("DV", "", 7.5)
                yy = 280 - 5 * len(op[1])
                for marker, note in op[1]:
                    pdf.set_xy(20, yy)
                    pdf.cell(0, 4, f"{marker} {note}")
                    yy += 5
        pdf.set_font("DV", "", 8)
        pdf.set_xy(20, 286)
        pdf.cell(0, 4, f"Sida {no} av {total}")
    pdf.output(str(out))
    truth["pages"] = total
    return truth


def text_pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def text_pymupdf(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def text_plumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def text_ours(path: Path) -> str:
    from assistant.ingest.readers.pdf import read_pdf

    return "\n".join(b.text for b in read_pdf(path).blocks)


READERS = {
    "pypdf": text_pypdf,
    "pymupdf": text_pymupdf,
    "pdfplumber": text_plumber,
    "ours": text_ours,
}
# PyMuPDF is AGPL and not a project dependency: measured only where it is installed.
if importlib.util.find_spec("pymupdf") is None:
    del READERS["pymupdf"]


def word_recall(truth_words: list[str], text: str) -> float:
    """Share of the truth's body words found whole (multiset) in the extracted text."""
    from collections import Counter

    want = Counter(w for t in truth_words for w in WORD.findall(t))
    have = Counter(WORD.findall(text))
    return sum(min(c, have[w]) for w, c in want.items()) / sum(want.values())


def _marker_status(text: str, word: str, marker: str) -> str:
    """Where a footnote marker written right after ``word`` ended up in the extracted text."""
    if re.search(rf"\b{re.escape(word)}\W?\[{marker}\]", text):
        return "set_apart"
    if re.search(rf"\b{re.escape(word)}{marker}\b", text):
        return "glued"
    if re.search(rf"\b{re.escape(word)}\W*\n{marker}\n", text):
        return "own_line"
    return "other"


def structure(path: Path, truth: dict) -> dict:
    from assistant.ingest.model import BlockKind
    from assistant.ingest.readers.pdf import read_pdf

    raw = read_pdf(path)
    edges = [b.text for b in raw.blocks if b.kind in (BlockKind.HEADER, BlockKind.FOOTER)]
    notes = {(b.marker, b.text) for b in raw.blocks if b.kind == BlockKind.FOOTNOTE}
    rows = [b.cells for b in raw.blocks if b.kind == BlockKind.TABLE_ROW]
    return {
        "edges_found": sum(e in edges for e in truth["edges"]) / len(truth["edges"]),
        "edges_false": sum(e not in truth["edges"] for e in edges),
        "notes_found": sum((m, t) in notes for m, t in truth["notes"])
        / max(1, len(truth["notes"])),
        "rows_exact": sum(r in rows for r in truth["rows"]) / max(1, len(truth["rows"])),
    }


def make_docx(paras: list[str], out: Path) -> dict:
    """A Word file as a person writes one: title (also the running header), headings, body
    paragraphs and bulleted lists (Word's List Bullet style, a Symbol-font bullet)."""
    import docx

    d = docx.Document()
    title = paras[0][:90]
    d.sections[0].header.paragraphs[0].text = title
    d.add_heading(title, 0)
    truth = {"body": [title], "bullets": 0}
    for n, p in enumerate(paras[1:], 1):
        if n % 9 == 0:
            d.add_heading(p[:60], 1)
            truth["body"].append(p[:60])
        elif n % 4 == 0:
            for part in p.split(". ")[:3]:
                d.add_paragraph(part, style="List Bullet")
                truth["body"].append(part)
                truth["bullets"] += 1
        else:
            d.add_paragraph(p)
            truth["body"].append(p)
    d.save(out)
    return truth


def libreoffice(out: Path) -> dict:
    """dev2 texts as Word files converted to PDF by LibreOffice: list items recognised as such."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if not soffice:
        return {"skipped": "no LibreOffice (apt-get install libreoffice-writer-nogui)"}
    from assistant.ingest.readers.pdf import read_pdf

    rows = {}
    for src in sorted((SHARED / "dev2" / "corpus").glob("*.txt")):
        docx_path = out / (src.stem + "-lo.docx")
        truth = make_docx(paragraphs(src), docx_path)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
            capture_output=True,
            timeout=300,
            check=True,
        )
        pdf_path = docx_path.with_suffix(".pdf")
        row = {"bullets": truth["bullets"]}
        for name, fn in READERS.items():
            text = fn(pdf_path)
            row[f"{name}_recall"] = round(word_recall(truth["body"], text), 4)
            lines = text.split("\n")
            row[f"{name}_items_standard_bullet"] = sum(
                bool(re.match(r"\s*[•\-*–]\s", ln)) for ln in lines
            )
            row[f"{name}_items_private_glyph"] = sum(
                bool(re.match(r"\s*[\ue000-\uf8ff]", ln)) for ln in lines
            )
        row["ours_list_items"] = sum(
            bool(b.props.get("list_item")) for b in read_pdf(pdf_path).blocks
        )
        rows[src.stem] = row
    return rows


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="pdfbench-"))
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    warm = out / "warm.pdf"
    make_pdf(["Ett två tre fyra fem sex."] * 5, "Sidhuvud", warm)
    for fn in READERS.values():  # imports and first-call setup are not per-page cost
        fn(warm)
    for src in sorted((SHARED / "dev2" / "corpus").glob("*.txt")):
        paras = paragraphs(src)
        pdf_path = out / (src.stem + ".pdf")
        truth = make_pdf(paras, f"{src.stem[:60]} – löpande sidhuvud", pdf_path)
        row = {"pages": truth["pages"], "markers": len(truth["notes"])}
        for name, fn in READERS.items():
            t0 = time.perf_counter()
            text = fn(pdf_path)
            row[f"{name}_s_per_page"] = round((time.perf_counter() - t0) / truth["pages"], 4)
            row[f"{name}_recall"] = round(word_recall(truth["body"], text), 4)
            status = [_marker_status(text, w, m) for w, m in truth["marked"] if w]
            for kind in ("glued", "own_line", "set_apart", "other"):
                row[f"{name}_markers_{kind}"] = status.count(kind)
        row.update(structure(pdf_path, truth))
        results[src.stem] = row
    field = {}
    for case in sorted((SHARED / "field").glob("[0-9]*")):
        pdfs = list((case / "corpus").glob("*.pdf"))
        if not pdfs:
            continue
        questions = [
            json.loads(ln)
            for ln in (case / "questions.jsonl").read_text().splitlines()
            if ln.strip()
        ]
        evidence = [e for q in questions if q.get("answerable", True) for e in q["evidence"][:1]]
        for name, fn in READERS.items():
            raw_text = " ".join(fn(p) for p in pdfs)
            text = " ".join(raw_text.split()).lower()
            row = field.setdefault(name, {"evidence_found": 0, "evidence": 0, "glued_words": 0})
            row["evidence_found"] += sum(" ".join(e.split()).lower() in text for e in evidence)
            row["evidence"] += len(evidence)
            # A word with a footnote digit fused on ("unga1"): not findable as the word.
            row["glued_words"] += len(re.findall(r"\b[^\W\d_]{3,}\d{1,2}\b", raw_text))
    report = {"dev2_generated": results, "field": field, "libreoffice": libreoffice(out)}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
