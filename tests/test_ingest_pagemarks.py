"""Pages of text exports cut at their printed page numbers (assistant/ingest/pagemarks.py)."""

from assistant.ingest import load_document
from assistant.ingest.pagemarks import (
    find_page_marks,
    split_at_page_marks,
    split_at_running_lines,
)
from assistant.ingest.readers.text import split_text_pages

PARA = "Kommunen ska erbjuda stöd till alla boende som behöver det enligt denna överenskommelse."


def _page(n: int, words: int = 3) -> str:
    return "\n".join([f"Stycke {n}.", *[PARA] * words])


def test_footer_numbers_end_their_pages():
    text = "\n".join([_page(1), "1 (3)", _page(2), "2 (3)", _page(3), "3 (3)"])
    pages = split_at_page_marks(text)
    assert pages is not None and len(pages) == 3
    assert pages[0].startswith("Stycke 1.") and pages[0].endswith("1 (3)")
    assert pages[2].startswith("Stycke 3.") and pages[2].endswith("3 (3)")


def test_header_numbers_start_their_pages_and_title_block_is_page_one():
    text = "\n".join(
        [
            "Riktlinje för stöd",
            "Sida 1 (3)",
            _page(1),
            "Sida 2 (3)",
            _page(2),
            "Sida 3 (3)",
            _page(3),
        ]
    )
    pages = split_at_page_marks(text)
    assert pages is not None and len(pages) == 3
    assert pages[0].startswith("Riktlinje för stöd") and "Stycke 1." in pages[0]
    assert pages[1].startswith("Sida 2 (3)") and "Stycke 2." in pages[1]
    assert "Stycke 3." in pages[2]


def test_short_ends_with_text_after_the_last_number_mean_header_numbers():
    text = "\n".join(["Titel", "1/3", _page(1), "2/3", _page(2), "3/3", "Slutrad."])
    pages = split_at_page_marks(text)
    assert pages is not None and pages[2] == "3/3\nSlutrad."


def test_glued_numbers_are_cut_off_their_line():
    text = "\n".join([_page(1) + " 1/3", _page(2) + " 2/3", _page(3) + " 3/3"])
    pages = split_at_page_marks(text)
    assert pages is not None and len(pages) == 3
    assert pages[1].splitlines()[-1] == "2/3"
    assert pages[1].splitlines()[-2].endswith("överenskommelse.")


def test_a_missing_number_leaves_its_page_empty_and_later_numbers_true():
    text = "\n".join([_page(1), "1 (4)", _page(2), "2 (4)", _page(3), _page(4), "4 (4)"])
    pages = split_at_page_marks(text)
    assert pages is not None and len(pages) == 4
    assert pages[2] == "" and "Stycke 4." in pages[3] and "Stycke 3." in pages[3]


def test_numbers_that_fall_or_name_other_totals_are_not_pages():
    lines = ["1 (3)", "text", "Tabell: 3/10", "2 (3)", "text", "1/2", "3 (3)"]
    assert [m.number for m in find_page_marks(lines)] == [1, 2, 3]
    assert split_at_page_marks("Dosen är 1/2 tablett.\nSe bilaga 2 (5).") is None


def _report(header: str, alternate: str, pages: int = 6) -> str:
    """A report converted to Markdown without its page breaks or numbers: each page after the
    first opens with the running header, set the other way round on even pages."""
    parts = [_page(1, 10)]
    for n in range(2, pages + 1):
        parts += ["", header if n % 2 else alternate, "", _page(n, 10)]
    return "\n".join(parts)


def test_a_running_header_without_page_numbers_cuts_pages_and_is_removed(tmp_path):
    # An SOU chapter exported to Markdown: "**Kommunsektorn SOU 2025:96**" / "**SOU 2025:96
    # Kommunsektorn**" every 45 lines, no page number: 21 headings, every citation page 1.
    text = _report("**Kommunsektorn SOU 2025:96**", "**SOU 2025:96 Kommunsektorn**")
    pages = split_at_running_lines(text)
    assert pages is not None and len(pages) == 6
    assert pages[0].startswith("Stycke 1.") and "SOU" not in pages[0]
    assert pages[1].lstrip().startswith("**SOU 2025:96 Kommunsektorn**")
    path = tmp_path / "sou.md"
    path.write_text("## 13 Kommunsektorn\n\n" + text, encoding="utf-8")
    doc = load_document(path, tmp_path)
    assert len(doc.pages) == 6
    assert "SOU 2025:96" not in " ".join(doc.pages)
    assert not [u for u in doc.units if u.kind == "heading" and "SOU" in doc.pages[u.page - 1]]


def test_a_typed_heading_or_a_label_that_recurs_cuts_no_pages():
    # "#### Resultat 2025" heads each section of a report; "Beslut" each § of minutes.
    assert split_at_running_lines(_report("#### Resultat 2025", "#### Resultat 2025")) is None
    assert split_at_running_lines(_report("Beslut", "Beslut")) is None


def test_form_feeds_still_win():
    assert split_text_pages("a\n1 (2)\fb\n2 (2)") == ["a\n1 (2)", "b\n2 (2)"]


def test_contents_entries_are_one_paragraph_not_headings():
    from assistant.ingest.headings import merge_contents
    from assistant.ingest.units import Item

    page = [
        Item("line", 2, ["Innehåll"]),
        Item("list_item", 2, ["1. Allmänna utgångspunkter .......... 3"], wrapped=True),
        Item("list_item", 2, ["2. Läkarval och listning ........... 4"], wrapped=True),
        Item("line", 2, ["Bilagor . . . . . . 12"], wrapped=True),
        Item("paragraph", 2, ["Ansvaret vilar på regionen."]),
    ]
    merge_contents([page])
    assert [u.kind for u in page] == ["line", "paragraph", "paragraph"]
    assert page[1].lines[0].startswith("1. Allmänna") and page[1].lines[-1].endswith("12")
    assert not page[1].wrapped


def test_any_private_use_glyph_alone_on_a_line_is_a_bullet():
    from collections import Counter

    from assistant.ingest.reflow import reflow
    from assistant.ingest.units import Item

    lines = ["Åtgärder:", "\uf0a0", "Mindre men tätare måltider", "\uf0a0", "Begränsa nattfasta"]
    units = reflow([Item("line", 1, [t]) for t in lines], Counter(), 60)
    assert [(u.kind, u.text) for u in units] == [
        ("paragraph", "Åtgärder:"),
        ("list_item", "\uf0a0 Mindre men tätare måltider"),
        ("list_item", "\uf0a0 Begränsa nattfasta"),
    ]


def test_a_line_with_a_date_time_or_address_is_no_heading():
    from assistant.ingest.headings import mark_headings
    from assistant.ingest.units import Item

    page = [
        Item("paragraph", 1, ["Reviderat 2015-01-09"], wrapped=True),
        Item("paragraph", 1, ["Signerat 10:14:15 CET"], wrapped=True),
        Item("paragraph", 1, ["Kontakt anna.berg@kommun.se"], wrapped=True),
        Item("paragraph", 1, ["Ansvar"], wrapped=True),
        Item(
            "paragraph",
            1,
            ["Chefen ska alltid agera när en medarbetare är påverkad."],
            wrapped=True,
        ),
    ]
    mark_headings([page])
    assert [u.kind for u in page] == ["paragraph"] * 3 + ["heading", "paragraph"]


def _title_of(tmp_path, name: str, text: str) -> str:
    from assistant.ingest.pipeline import load_document

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path, tmp_path).title


def test_title_skips_dates_and_letterhead_contact_lines(tmp_path):
    text = (
        "1 [4]\nUtbildningsförvaltningen\n2011-03-28/rev 2011-05-24\nDnr UF/2011:71\n"
        "Post Sjöby kommun, 147 85 SJÖBY · Besök Storgatan 45 · Kontaktcenter 08-530 610 00 "
        "Direkt 08-530 611 86 · E-post anna.berg@sjoby.se · Org.nr 212000-2882 · Bankgiro "
        "624-1061 · Fax 08-530 616 66 · Webb www.sjoby.se\n\n"
        "Kostpolicy för Sjöby kommun\nVision\nAlla matgäster ska känna trygghet i maten.\n"
    )
    assert _title_of(tmp_path, "sjoby_kost.txt", text) == "Kostpolicy för Sjöby kommun"


def test_a_bare_type_label_joins_the_short_line_under_it(tmp_path):
    text = (
        "Vård- och omsorgsförvaltningen\nDokumentet är beslutat av: Verksamhetschef\n\n"
        "RUTIN\n7.3 Munhälsa\nInledning\nDenna rutin gäller alla boenden.\n"
    )
    assert _title_of(tmp_path, "doc1.txt", text) == "Rutin 7.3 Munhälsa"


def test_minutes_are_titled_by_their_type_and_body_not_the_file_name(tmp_path):
    # The date made the line a record and "…nämnden" a letterhead's department: the file name
    # ("Jonkoping barn och …", its å/ä/ö lost) became the title of every citation.
    text = (
        "**Sammanträdesprotokoll** Barn- och utbildningsnämnden\n\n2025-09-16\n\n"
        "## Plats och tid\n\nStadshuset kl. 08:15 – 14:20\n\n## § 92\n\n"
        "Nämnden har fått information om verksamheten under sommaren och hösten.\n"
    )
    title = _title_of(tmp_path, "jonkoping-bun-protokoll-2025-09-16.md", text)
    assert title == "Sammanträdesprotokoll Barn- och utbildningsnämnden"
    # A department's own line stays no title, nor a date line.
    letter = "Barn- och utbildningsnämnden\n\nDatum 2025-09-16\n\nRiktlinje för skolskjuts\n\n"
    letter += "Skolskjuts ges till elever som har lång väg till skolan enligt denna riktlinje.\n"
    assert _title_of(tmp_path, "doc2.txt", letter) == "Riktlinje för skolskjuts"


def test_markdown_page_comments_break_pages_and_no_comment_is_text(tmp_path):
    from assistant.ingest.readers.text import read_markdown

    md = tmp_path / "protokoll.md"
    md.write_text(
        "# Protokoll\n\n<!-- sida 4 -->\nFöreningen ska ha en styrelse.\n\n"
        "<!-- sida 5 -->\nStödet betalas ut i mars.\n<!-- granskad av AB -->\n",
        "utf-8",
    )
    raw = read_markdown(md)
    assert not any("<!--" in b.text or "granskad" in b.text for b in raw.blocks)
    page = {b.text: b.page for b in raw.blocks}
    assert page["Föreningen ska ha en styrelse."] == 4
    assert page["Stödet betalas ut i mars."] == 5
    # A comment that names no page is only removed; the printed numbers still cut pages.
    plain = tmp_path / "riktlinje.md"
    plain.write_text("\n".join([_page(1), "1 (2) <!-- utkast -->", _page(2), "2 (2)"]), "utf-8")
    pages = read_markdown(plain)
    assert not any("utkast" in b.text for b in pages.blocks)
    assert max(b.page for b in pages.blocks) == 2


def _minutes_page(n: int) -> str:
    return "\n\n".join(
        ["**Sammanträdesprotokoll** Nämnden", "2025-09-16", f"Ärende {n}.", *[PARA] * 6]
        + ["Justerandes sign", "Utdragsbestyrkande", str(n)]
    )


def test_bare_page_numbers_beside_a_running_footer_cut_pages(tmp_path):
    # A PDF-to-Markdown export (pymupdf4llm) keeps "7" under "Justerandes sign" /
    # "Utdragsbestyrkande" and no page break: every citation said page 1.
    from assistant.ingest.readers.text import read_markdown

    md = tmp_path / "protokoll.md"
    md.write_text("\n\n".join(_minutes_page(n) for n in range(1, 5)), "utf-8")
    raw = read_markdown(md)
    assert raw.page_count == 4
    assert {b.page for b in raw.blocks if b.text == "Ärende 3."} == {3}
    lines = md.read_text("utf-8").split("\n")
    assert [m.number for m in find_page_marks(lines)] == [1, 2, 3, 4]


def test_bare_numbers_without_a_running_line_or_without_pages_of_text_are_no_pages():
    # A numbered list set one number per line: nothing recurs beside each number.
    listed = "\n".join(f"{n}\n{PARA} Punkt {n} gäller {'x ' * n}." for n in range(1, 6))
    assert find_page_marks(listed.split("\n")) == []
    # A table's cells one per line ("1", "Ja", "2", "Ja"): a recurring neighbour, no text.
    cells = "\n".join(f"{n}\nJa\nAvgift" for n in range(1, 8))
    assert find_page_marks(cells.split("\n")) == []
    # Numbers that jump (a column of amounts) are no page run.
    amounts = "\n\n".join(_minutes_page(n).rsplit("\n", 1)[0] + f"\n{n * 40}" for n in range(1, 5))
    assert find_page_marks(amounts.split("\n")) == []
