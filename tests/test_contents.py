"""A table of contents names the document's headings: tiny exact cases (contents.py, and how
reflow and headings read its titles)."""

from __future__ import annotations

from assistant.ingest.contents import contents_titles, title_key
from assistant.ingest.layout import lay_out_pages
from assistant.ingest.units import Item

_BODY = [
    "Regionen ansvarar för att tjänsterna finns tillgängliga för alla",
    "verksamheter som behöver dem, dygnet runt och hela året om.",
    "Varje förvaltning utser en samordnare som håller ihop arbetet",
    "och rapporterar till regionens ledning två gånger per år.",
]
_WIDE_TITLE = "2 Kontinuitetshantering av IS/IT-tjänster i regionen"
_AFTER_TITLE = [
    "Kontinuitetshantering innebär att planera för, förebygga och",
    "hantera störningar så att tillgängligheten kan upprätthållas.",
]
_QUESTION = "2.1 När ska en kontinuitetsplan tas fram?"


def _page(*blocks: list[str]) -> str:
    return "\n".join(line for block in blocks for line in block) + "\n"


def _headings(pages: list[str]) -> list[tuple[str, int]]:
    """(text, level) of each heading. One page: on two, the first lines of both count as a
    running header (a line recurring on half the pages)."""
    lay = lay_out_pages(pages)
    return [
        (lay.pages[u.page - 1][u.start : u.end], u.level) for u in lay.units if u.kind == "heading"
    ]


def _contents(*entries: str) -> str:
    return "Innehåll\n" + "".join(f"{e} {'.' * 20} 2\n" for e in entries)


def test_title_key_folds_case_space_and_a_section_numbers_dot():
    assert title_key("1.  Inledning ") == title_key("1 inledning") == "1 inledning"
    assert title_key("2.1 När ska en plan\ttas fram?") == "2.1 när ska en plan tas fram?"


def test_contents_titles_levels_by_indentation_and_joins_a_wrapped_entry():
    lines = [
        "Avvikelser ........................ 3",
        "   Rapportering ...................... 4",
        "      Utredningen i sin helhet ........ 5",
        "3.2 Kommunernas åtaganden inom",
        "kultur och fritid ................... 7",
    ]
    page = [Item("line", 1, [line]) for line in lines]
    assert contents_titles([page]) == {
        "avvikelser": 1,
        "rapportering": 2,
        "utredningen i sin helhet": 3,
        "3.2 kommunernas åtaganden inom kultur och fritid": 1,
    }


def test_a_tab_is_a_leader_too():
    lines = ["1 Inledning\t3", "2 Ansvar\t4", "\t2.1 Nämnden\t4", "3 Uppföljning\t6"]
    page = [Item("line", 1, [line]) for line in lines]
    assert contents_titles([page]) == {
        "1 inledning": 1,
        "2 ansvar": 1,
        "2.1 nämnden": 2,
        "3 uppföljning": 1,
    }


def test_fewer_than_three_entries_are_no_contents_list():
    page = [Item("line", 1, ["Avgift ........ 120"]), Item("line", 1, ["Moms ........ 30"])]
    assert contents_titles([page]) == {}


def test_a_title_as_wide_as_the_text_does_not_run_into_its_paragraph():
    body = _page(_BODY, _BODY, [_WIDE_TITLE], _AFTER_TITLE, _BODY)
    without = [h for h, _ in _headings([body])]
    assert _WIDE_TITLE not in without  # the width rule joins it to the paragraph
    listed = _headings([_contents("1 Inledning", _WIDE_TITLE, "3 Uppföljning") + "\n" + body])
    assert _WIDE_TITLE in [h for h, _ in listed]


def test_a_question_the_contents_list_names_is_a_heading():
    body = _page(["1 Inledning"], _BODY, [_QUESTION], _BODY)
    assert _QUESTION not in [h for h, _ in _headings([body])]
    listed = _headings([_contents("1 Inledning", _QUESTION, "3 Uppföljning") + "\n" + body])
    assert _QUESTION in [h for h, _ in listed]


def test_indented_contents_place_headings_and_unlisted_ones_sit_below():
    contents = (
        "Innehåll\n"
        "Avvikelsehantering ................ 2\n"
        "   Utredning ...................... 2\n"
        "   Åtgärder ....................... 2\n"
        "Lex Maria ......................... 2\n"
    )
    body = _page(
        ["Avvikelsehantering"],
        _BODY,
        ["Utredning"],
        _BODY,
        ["Allvarlighetsgrad 4"],
        _BODY,
        ["Åtgärder"],
        _BODY,
        ["Lex Maria"],
        _BODY,
    )
    assert _headings([contents + "\n" + body])[1:] == [  # [0]: "Innehåll"
        ("Avvikelsehantering", 1),
        ("Utredning", 2),
        ("Allvarlighetsgrad 4", 3),  # not listed: inside the last listed heading
        ("Åtgärder", 2),
        ("Lex Maria", 1),
    ]


def test_a_section_number_whose_parent_was_missed_heads_no_earlier_section():
    body = _page(
        ["4 Ansvar och roller"],
        _BODY,
        ["4.3 Regional processägare"],
        _BODY,
        ["5.3 Riskhantering"],
        _BODY,
    )
    assert _headings([body]) == [
        ("4 Ansvar och roller", 1),
        ("4.3 Regional processägare", 2),
        ("5.3 Riskhantering", 1),
    ]


def test_a_contents_list_without_leaders_is_read_under_its_heading():
    lines = [
        "Innehåll",
        "Förord av kommunalrådet 05",
        "Varför en strategi? 07",
        " – bakgrund och syfte",
        "Skyldighet att informera om risker och hålla dokumentation",
        "tillgänglig  8",
        "Uppföljning  12",
        "Antagen 2013 av fullmäktige 3",  # the numbers fall: the text after the list
    ]
    page = [Item("line", 1, [line]) for line in lines]
    assert set(contents_titles([page])) == {
        "förord av kommunalrådet",
        "varför en strategi?",
        "skyldighet att informera om risker och hålla dokumentation tillgänglig",
        "uppföljning",
    }
    # Lines ending in a number are no contents list without a line naming one.
    assert contents_titles([page[1:]]) == {}


def test_a_listed_title_wrapped_over_two_lines_does_not_run_into_the_paragraph_above():
    # "ekono-" / "Visionen om" / "Hållbara Haparanda": a brochure's title placed inside a
    # wrapped paragraph, the line before running on to the width.
    title = ["Visionen om", "Hållbara Sagoby"]
    wrapped = [
        "Regionalt har länet i sin tur beslutat om en klimatstrategi som fastslår mål om en ekono-",
        *title,
        "”Sagoby är ett centrum mitt i regionen med en hållbar livsmiljö”",
    ]
    body = _page(_BODY, wrapped, _BODY)
    assert "Visionen om Hållbara Sagoby" not in [h for h, _ in _headings([body])]
    contents = "Innehåll\nFörord 05\nVisionen om Hållbara Sagoby 07\nUppföljning 09\n\n"
    listed = _headings([contents + body])
    assert "Visionen om Hållbara Sagoby" in [h.replace("\n", " ") for h, _ in listed]


def _table_passage(rows: list[str], page: int = 3):
    from assistant.results import Passage

    return Passage("p", "protokoll.md", "Protokoll", page, "Innehåll", "\n".join(rows), 1.0)


def test_a_contents_list_set_as_a_table_is_no_sentence_to_quote():
    # pymupdf4llm writes a minutes' contents as a pipe table: its rows met a "när …?" question's
    # words and, quoted first, refused it for want of a date (sentence_scores.contents_table).
    from assistant.sentence_scores import contents_table

    rows = [
        "Godkännande av dagordning",
        "§ | 92 | Informationsärenden |  | 5 - 6",
        "§ | 93 | Rapporter från kurser |  | 7",
        "Bun/2023:391",
        "§ | 94 | Förrättningar 2023–2026 |  | 8 - 9",
        "§ | 95 | Kommande utbildningar |  | 10",
    ]
    assert contents_table(_table_passage(rows), page_count=29)
    # A fee table whose last column rises past the last page, or falls, is no contents list.
    fees = ["Garage | 350", "Carport | 420", "Förråd | 600", "Altan | 900"]
    assert not contents_table(_table_passage(fees), page_count=12)
    falling = ["Garage | 9", "Carport | 7", "Förråd | 4", "Altan | 2"]
    assert not contents_table(_table_passage(falling), page_count=12)
    # Pages pointing back from where the table stands are no contents list either.
    assert not contents_table(_table_passage(rows, page=8), page_count=29)
    # Two rows with page numbers are too few.
    assert not contents_table(_table_passage(rows[:3]), page_count=29)
