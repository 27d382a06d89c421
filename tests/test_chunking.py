"""Chunking: passages are exact page slices, with stable ids, a section path and bounded size."""

from __future__ import annotations

import re

import pytest
from helpers import CORPUS_DIR, DATA_DIR, DOCX_PATH, LUDVIKA_PATH, PDF_PATH, STATUTE_PATH

from assistant import chunking
from assistant.chunking import CARD_SECTION, chunk_document, split_sentences
from assistant.grouping import leads_in
from assistant.ingest import LoadedDocument, load_document

FILES = [
    (LUDVIKA_PATH, CORPUS_DIR),
    (STATUTE_PATH, CORPUS_DIR),
    (PDF_PATH, DATA_DIR),
    (DOCX_PATH, DATA_DIR),
]


def _load(path, root) -> LoadedDocument:
    doc = load_document(path, root)
    assert isinstance(doc, LoadedDocument), doc
    return doc


@pytest.fixture(scope="module")
def docs() -> dict[str, LoadedDocument]:
    return {path.name: _load(path, root) for path, root in FILES}


@pytest.fixture(scope="module")
def chunks(docs):
    return {name: chunk_document(doc) for name, doc in docs.items()}


def test_every_chunk_is_an_exact_slice_of_its_cleaned_page(docs, chunks):
    for name, doc in docs.items():
        doc_chunks = chunks[name]
        assert doc_chunks[0].metadata["kind"] == "card"
        assert len(doc_chunks) > 1
        for chunk in doc_chunks:
            meta = chunk.metadata
            assert meta["source"] == doc.source and meta["title"] == doc.title
            assert meta["end"] - meta["start"] == len(chunk.page_content)
            if meta["kind"] == "card":
                assert chunk.page_content == doc.card
                assert (meta["page"], meta["section"], meta["start"]) == (1, CARD_SECTION, 0)
            else:
                assert meta["kind"] == "passage"
                page = doc.pages[meta["page"] - 1]
                assert page[meta["start"] : meta["end"]] == chunk.page_content
                assert chunk.page_content == chunk.page_content.strip()
                assert chunk.page_content


def test_chunk_ids_are_stable_and_unique(chunks):
    again = {path.name: chunk_document(_load(path, root)) for path, root in FILES}
    all_ids = []
    for name, doc_chunks in chunks.items():
        ids = [c.id for c in doc_chunks]
        assert ids == [c.id for c in again[name]]
        all_ids += ids
    assert all(all_ids)
    assert len(set(all_ids)) == len(all_ids)


def test_no_chunk_is_longer_than_max_chars(chunks):
    for doc_chunks in chunks.values():
        for chunk in doc_chunks:
            assert len(chunk.page_content) <= chunking.MAX_CHARS


def test_ludvika_elevkulturombud_chunk_has_page_and_section(chunks):
    hits = [
        c
        for c in chunks[LUDVIKA_PATH.name]
        if "Ludvika kommun ska bereda sina kommunala elevkulturombud" in c.page_content
    ]
    assert len(hits) == 1
    assert hits[0].metadata["page"] == 3
    assert hits[0].metadata["section"] == "Områden för överenskommelsen › Grundläggande värden"


def test_statute_chunk_section_is_chapter_and_paragraph(chunks):
    hits = [
        c
        for c in chunks[STATUTE_PATH.name]
        if "För folkbibliotek ansvarar kommunerna" in c.page_content
    ]
    assert len(hits) == 1
    assert hits[0].metadata["section"] == "Ansvarsfördelning › 3 §"
    assert hits[0].page_content.startswith("Bibliotekshuvudmän är kommunerna")


def test_statute_paragraphs_stay_whole_and_lose_no_text(docs, chunks):
    """Each statute chunk belongs to a § and every non-heading line of the law is in a chunk.

    9 § has a short lead-in line without final punctuation ("Första stycket hindrar inte att
    folkbiblioteken tar ut") before its numbered list; it is statute text, not a heading.
    """
    page = docs[STATUTE_PATH.name].pages[0]
    passages = [c for c in chunks[STATUTE_PATH.name] if c.metadata["kind"] == "passage"]
    for chunk in passages:
        assert re.fullmatch(r".+ › \d+ [a-z]?\s*§", chunk.metadata["section"]), (
            chunk.metadata["section"],
            chunk.page_content[:80],
        )
    text = "\n".join(c.page_content for c in passages)
    doc = docs[STATUTE_PATH.name]
    lost = [
        page[u.start : u.end]
        for u in doc.units
        if u.kind != "heading" and page[u.start : u.end] not in text
    ]
    assert lost == []


def test_pdf_chunks_follow_pages_and_headings(chunks):
    by_text = {c.page_content: c.metadata for c in chunks[PDF_PATH.name]}
    hembygd = [m for t, m in by_text.items() if "hembygdsdag" in t]
    bokbuss = [m for t, m in by_text.items() if "bokbuss" in t and m["kind"] == "passage"]
    assert [(m["page"], m["section"]) for m in hembygd] == [
        (2, "Områden för överenskommelsen › Kulturarv")
    ]
    assert [(m["page"], m["section"]) for m in bokbuss] == [
        (3, "Områden för överenskommelsen › Bibliotek")
    ]


def test_long_paragraph_is_split_at_sentences_within_max_chars():
    sentence = "Region och kommun ska samverka kring kultur för barn och unga i hela länet. "
    paragraph = (sentence * 40).strip()
    page = f"Inledning\n\n{paragraph}"
    doc = LoadedDocument("lang.txt", "Lång text", "document", [page], {}, card="")
    pieces = chunk_document(doc)
    assert len(pieces) >= 3
    for piece in pieces:
        meta = piece.metadata
        assert len(piece.page_content) <= chunking.MAX_CHARS
        assert page[meta["start"] : meta["end"]] == piece.page_content
        assert piece.page_content.endswith(".")
        assert meta["section"] == "Inledning"
    # Together the pieces cover the paragraph with nothing lost.
    assert "".join(p.page_content for p in pieces).replace(" ", "") == paragraph.replace(" ", "")


def test_split_sentences_exact_spans():
    text = (
        "Region och kommun ska samverka. Det gäller t.ex. teater och musik! Vad gäller?\n"
        "- Första punkten\n"
        "- Andra punkten. Mer text"
    )
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Region och kommun ska samverka.",
        "Det gäller t.ex. teater och musik!",
        "Vad gäller?",
        "Första punkten",
        "Andra punkten.",
        "Mer text",
    ]
    assert spans == [(0, 31), (32, 66), (67, 78), (81, 95), (98, 112), (113, 121)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Stödet avser bl.a. teater. Beslut fattas enl. ordföranden och m.m. i nämnden.",
            ["Stödet avser bl.a. teater.", "Beslut fattas enl. ordföranden och m.m. i nämnden."],
        ),
        # before a capital too: a name or a date after "inkl.", "fr.o.m.", "kl." goes on
        (
            "Kostnaden inkl. Vansbrohem är 22 kr. Stödet gäller fr.o.m. Januari och kl. 8 Stängt.",
            [
                "Kostnaden inkl. Vansbrohem är 22 kr.",
                "Stödet gäller fr.o.m. Januari och kl. 8 Stängt.",
            ],
        ),
        # an alternative, a cause and a bill's or a paragraph's number go on the same way; "art."
        # and "bet." only before a number: "av samma art." ends its sentence
        (
            "Minst 1 Solvärme, alt. Solcellsanläggning bör installeras. Kostnaden steg p.g.a. "
            "ÄTA och Moms. Stödet infördes (prop. 2000/01:127, bet. 2000/01:TU5). Ersättning "
            "enligt § 5 mom. 1 gäller (art. 6.1 c). Den är av samma art. Den är fridlyst.",
            [
                "Minst 1 Solvärme, alt. Solcellsanläggning bör installeras.",
                "Kostnaden steg p.g.a. ÄTA och Moms.",
                "Stödet infördes (prop. 2000/01:127, bet. 2000/01:TU5).",
                "Ersättning enligt § 5 mom. 1 gäller (art. 6.1 c).",
                "Den är av samma art.",
                "Den är fridlyst.",
            ],
        ),
        # a currency after a sum's stray full stop is the sum's, not a sentence
        (
            "Kostnaden ligger på c:a 22 373 235. Kr. Uppgifterna kommer från ekonomiavdelningen.",
            [
                "Kostnaden ligger på c:a 22 373 235. Kr.",
                "Uppgifterna kommer från ekonomiavdelningen.",
            ],
        ),
    ],
)
def test_split_sentences_keeps_abbreviations_and_lowercase_continuations(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_a_table_cell_holding_only_a_value_ends_its_label_line():
    # pdftotext puts each cell of a fee table on its own line: the fee belongs to its label.
    text = (
        "AVGIFT PER PÅBÖRJAD TIMME\n\nNedtagning av vattenmätare\n\n1 444 kr\n\n"
        "Avstängning av vattentillförsel\n\n1 444 kr\n\n2 000 kr\n\n"
        "Beslutsdatum:\n2019-03-01\n"
        "Andelen är\n12,5 %\n"
        "Avgiften höjs med 500 kr.\n2 500 kr\n"  # after a closed sentence: a cell of its own
        "Rubrik\n\n300\n"  # a bare integer: a page or item number, not a value
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "AVGIFT PER PÅBÖRJAD TIMME",
        "Nedtagning av vattenmätare\n\n1 444 kr",
        "Avstängning av vattentillförsel\n\n1 444 kr\n\n2 000 kr",
        "Beslutsdatum:\n2019-03-01",
        "Andelen är\n12,5 %",
        "Avgiften höjs med 500 kr.",
        "2 500 kr",
        "Rubrik",
        "300",
    ]


# --- passages from laid-out units ----------------------------------------------------------


def _doc(pages: list[str], title: str = "Testdokument") -> LoadedDocument:
    return LoadedDocument("t.txt", title, "document", pages, {}, card="")


def test_a_long_table_names_its_columns_in_every_passage_without_changing_the_quote():
    header = "| Förening | Bidrag 2026 (kr) | Villkor |"
    rows = [
        f"| Förening nummer {i} | {i * 1000} | Villkor för förening {i} gäller här |"
        for i in range(60)
    ]
    page = "\n".join(["Fördelning", header, "|---|---|---|", *rows])
    doc = _doc([page])
    passages = chunk_document(doc)
    assert len(passages) >= 3
    first, rest = passages[0], passages[1:]
    assert first.page_content.startswith(header)
    for piece in rest:
        meta = piece.metadata
        assert meta["table_header"] == header
        assert doc.pages[0][meta["start"] : meta["end"]] == piece.page_content
        assert "Bidrag 2026 (kr)" in chunking.embedding_text(piece)


def test_footnotes_are_their_own_passages_named_by_page_under_their_markers_section():
    page = (
        "Villkor\nAvtal enligt LOU2 ska följa detta och gälla alla utförare i kommunen. "
        "Parterna följer upp avtalen.\n\n"
        "2 Lag (2016:1145) om offentlig upphandling."
    )
    pieces = chunk_document(_doc([page]))
    notes = [p for p in pieces if p.metadata.get("unit") == "footnote"]
    assert [(p.page_content, p.metadata["section"]) for p in notes] == [
        ("2 Lag (2016:1145) om offentlig upphandling.", "Villkor › fotnot 2 (s. 1)")
    ]
    # Linked to the sentence that carries its marker (not to the rest of the paragraph).
    anchor = "Avtal enligt LOU[2] ska följa detta och gälla alla utförare i kommunen."
    assert notes[0].metadata["footnote_of"] == anchor


def test_a_markdown_footnote_is_a_passage_linked_to_its_marker(tmp_path):
    # Pandoc writes every note at the end; the note belongs where its marker stands.
    path = tmp_path / "stadavtal.md"
    path.write_text(
        "# Avtal om städtjänster\n\n## Villkor\n\nAvtal enligt LOU[^2] ska följa detta och gälla alla utförare i kommunen. "
        "Parterna följer upp avtalen.\n\n## Övrigt\n\nInget mer.\n\n"
        "[^2]: Lag (2016:1145) om offentlig upphandling.\n",
        encoding="utf-8",
    )
    pieces = chunk_document(load_document(path, tmp_path))
    notes = [p for p in pieces if p.metadata.get("unit") == "footnote"]
    # As a Word footnote: the marker names the passage, the note's text is its own words.
    assert [(p.page_content, p.metadata["section"]) for p in notes] == [
        ("Lag (2016:1145) om offentlig upphandling.", "Villkor › fotnot 2 (s. 1)")
    ]
    anchor = "Avtal enligt LOU[2] ska följa detta och gälla alla utförare i kommunen."
    assert notes[0].metadata["footnote_of"] == anchor
    assert not any("[^" in p.page_content for p in pieces)


def test_a_sentence_over_a_page_break_is_one_passage_with_page_end():
    pages = [
        "Utbetalning\nRegionen ska betala ut bidraget till kommunen senast den",
        "31 mars varje år.\nUppföljning\nParterna träffas en gång per år för uppföljning.",
    ]
    pieces = chunk_document(_doc(pages))
    hit = [p for p in pieces if "senast den 31 mars" in p.page_content]
    assert [(p.metadata["page"], p.metadata["page_end"], p.metadata["section"]) for p in hit] == [
        (1, 2, "Utbetalning")
    ]


def test_a_list_stays_with_its_lead_in():
    page = (
        "Ansvar\nI en plan ska det framgå:\n• vilka insatser som behövs\n"
        "• vem som ansvarar för vad\n• hur planen följs upp"
    )
    pieces = chunk_document(_doc([page]))
    assert [p.page_content for p in pieces] == [
        "I en plan ska det framgå:\n\n• vilka insatser som behövs\n\n• vem som ansvarar för vad"
        "\n\n• hur planen följs upp"
    ]


def test_items_over_a_hundred_characters_gather_under_a_lead_that_stops_mid_sentence():
    # Items too long to join as small neighbours (> MIN_CHARS) gather under their lead-in,
    # whether it ends in a colon or stops mid-sentence ("… åtar sig att", as PDF exports of
    # agreements list a party's commitments); after another list, a lead opens its own passage.
    item = "• {} följa upp att rutinerna för den gemensamma läkemedelshanteringen följs och att avvikelser rapporteras"
    page = "\n".join(
        [
            "Ansvar",
            "Regionen åtar sig följande:",
            item.format("regionen ska"),
            item.format("regionen ska också"),
            "Kommunerna åtar sig att se till att",
            item.format("personalen ska"),
            item.format("personalen ska också"),
            item.format("personalen ska alltid"),
        ]
    )
    passages = [p.page_content for p in chunk_document(_doc([page]))]
    region = [p for p in passages if "Regionen åtar sig följande:" in p]
    municipalities = [p for p in passages if "Kommunerna åtar sig att se till att" in p]
    assert len(region) == 1 and region[0].count("•") == 2
    assert len(municipalities) == 1 and municipalities[0].startswith("Kommunerna")
    assert municipalities[0].count("•") == 3


def test_a_lead_that_announces_its_list_and_ends_with_a_full_stop_keeps_its_items():
    # Arbetsmiljöverket's föreskrifter end a lead with a full stop ("… i följande
    # prioritetsordning."): each item alone (> MIN_CHARS) lost the paragraph it belongs to,
    # and the question about the paragraph found neither. A sentence that does not announce
    # what follows still ends its passage's list-gathering.
    item = "{}. {} arbetet så att arbetstagarna inte utsätts för risken, eller andra tekniska åtgärder vidtas."
    page = "\n".join(
        [
            "Åtgärder",
            "16 § Riskerna ska minskas genom följande typer av åtgärder i följande prioritetsordning.",
            item.format(1, "Utföra"),
            item.format(2, "Planera"),
            "17 § Den som överlämnar avfall ska ge mottagaren den produktinformation som behövs för en säker hantering.",
            item.format(1, "Utföra"),
            item.format(2, "Planera"),
        ]
    )
    passages = [p.page_content for p in chunk_document(_doc([page]))]
    led = [p for p in passages if p.startswith("16 §")]
    assert len(led) == 1 and led[0].count("arbetstagarna") == 2
    assert [p for p in passages if p.startswith("17 §")] == [
        "17 § Den som överlämnar avfall ska ge mottagaren den produktinformation som behövs för en"
        " säker hantering."
    ]


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("Kommunen åtar sig följande:", True),
        ("Kommunerna åtar sig att", True),
        ("… i följande prioritetsordning.", True),
        ("Skyltning ska ske enligt alternativ 1 eller 2 nedan.", True),
        ("The parties agree as follows.", True),
        ("Se följande avsnitt. Avgiften betalas årligen.", False),  # not in the last sentence
        ("Upp till två takkupor, utan anmälan om det inte berör konstruktionen, se nedan.", False),
        ("Se bild nedan som exempel.", False),  # cross-references point elsewhere
        ("Avgiften betalas årligen.", False),
        ("", False),
    ],
)
def test_leads_in(text: str, leads: bool) -> None:
    assert leads_in(text) is leads


def test_a_heading_with_nothing_under_it_stays_in_a_passage():
    # "1. Inledning" straight before "2. Syfte" is cut from the section path by it: unless it
    # is a line of text, its words are in no passage and no section name.
    page = (
        "Riktlinje för arbetet\n\n1. Inledning\n\n2. Syfte\n\n"
        "Syftet med riktlinjen är att beskriva hur arbetet går till i kommunen.\n\n"
        "3. Ansvar\n\nNämnden ansvarar för arbetet.\n\n4. Bilagor\n"
    )
    doc = _doc([page])
    passages = [p for p in chunk_document(doc) if p.metadata["section"] != CARD_SECTION]
    texts = " ".join(p.page_content for p in passages)
    sections = " ".join(p.metadata["section"] for p in passages)
    for heading in ("1. Inledning", "2. Syfte", "3. Ansvar", "4. Bilagor"):
        assert heading in texts or heading in sections, heading
    for piece in passages:
        assert doc.pages[0][piece.metadata["start"] : piece.metadata["end"]] == piece.page_content


REGULATION = """Myndighetens föreskrifter om register

Allmänna bestämmelser

1 § Registret ska föras av den som bedriver verksamheten i lokalen. Uppgifterna ska föras in
löpande under dagen och vara läsbara vid ett kontrollbesök.

Särskilda bestämmelser för byggverksamhet

2 § Registret ska i byggverksamhet föras elektroniskt och hållas tillgängligt på
byggarbetsplatsen, så att uppgifterna kan visas vid ett kontrollbesök.
___________
1. Dessa föreskrifter träder i kraft den 1 januari 2016.
2. Genom föreskrifterna upphävs myndighetens äldre föreskrifter om register.
"""


def test_a_rule_of_underscores_ends_the_section_above_it(tmp_path):
    # A statute prints "______" before its transitional provisions: they belong to no section
    # above it (they stood under "Särskilda bestämmelser för byggverksamhet").
    path = tmp_path / "foreskrifter.txt"
    path.write_text(REGULATION, "utf-8")
    found = {
        c.page_content.split()[0]: c.metadata["section"]
        for c in chunk_document(_load(path, tmp_path))
    }
    assert found["2"] == "Särskilda bestämmelser för byggverksamhet", found
    assert found["1."] == "", found
    assert "upphävs myndighetens äldre föreskrifter om register" in " ".join(
        c.page_content.replace("\n", " ") for c in chunk_document(_load(path, tmp_path))
    )


def test_a_heading_like_line_left_alone_opens_the_passage_after_it():
    # A contact block's title the layout took for text, over a first line it took for a
    # heading: alone, "Kontakta oss" answered nothing and the block lost its title.
    page = (
        "§ 21 Taxans införande\n\nDenna taxa träder i kraft den 1 juli 2026 och ersätter den "
        "tidigare taxan som gällde från den 1 januari 2025.\n\nKontakta oss\n\n"
        "Vattenbolaget i Kommunen AB (publ)\n\nKundservice: 0771-25 26 27\n\n"
        "E-post: kundservice@vattenbolaget.se\n"
    )
    doc = _doc(
        ["Titel\n\nInledande text om taxan och hur den ska läsas av fastighetsägaren.", page]
    )
    passages = [p for p in chunk_document(doc) if p.metadata["section"] != CARD_SECTION]
    assert not [p for p in passages if p.page_content.strip() == "Kontakta oss"]
    block = next(p for p in passages if "Kundservice" in p.page_content)
    assert block.page_content.startswith("Kontakta oss")
    assert "Vattenbolaget i Kommunen AB (publ)" in block.page_content
    for piece in passages:
        page_text = doc.pages[piece.metadata["page"] - 1]
        assert page_text[piece.metadata["start"] : piece.metadata["end"]] == piece.page_content


def test_a_stray_superscript_on_its_own_line_opens_the_passage_after_it():
    # pdftotext sets the "2" of "kWh/m²" on a line of its own over the table's header: alone
    # it was a passage, the first found for a question about the table.
    page = (
        "Tabell 8 Energi för uppvärmning och varmvatten för lokaler (Eskilstuna)\n\n"
        "                                                              2\n"
        "  Kategori                                     Euppv+vv kWh/m (Atemp), år\n"
        "  Hotell, restaurang                           140\n"
        "  Kontor och förvaltning                       105\n"
    )
    doc = _doc(["Titel\n\nInledande text om hur referensvärdena ska läsas och användas.", page])
    passages = [p for p in chunk_document(doc) if p.metadata["section"] != CARD_SECTION]
    assert not [p for p in passages if p.page_content.strip() == "2"]
    table = next(p for p in passages if "Kontor och förvaltning 105" in p.page_content)
    assert table.metadata["section"].startswith("Tabell 8 Energi")


def test_a_definition_lists_term_on_its_own_line_opens_its_definition():
    # pdftotext writes a statute book's definition list as the term on a line of its own, a
    # blank line, the definition: each term went to the end of the definition before it.
    page = (
        "2 § I denna författning används följande begrepp med nedan angiven betydelse.\n\n"
        "eldstad\n\nAnordning för eldning med fasta bränslen, olja eller gas i en byggnad.\n\n"
        "imkanal\n\nFrånluftskanal från matlagningsutrymme i restauranger och storkök.\n\n"
        "lokaleldstad\n\nEldstad som bara värmer upp det rum den står i.\n"
    )
    passages = [p.page_content for p in chunk_document(_doc(["Titel\n\nInledning.", page]))]
    entry = next(p for p in passages if "Frånluftskanal" in p)
    assert entry.startswith("imkanal"), passages
    assert "lokaleldstad" not in entry, passages


def test_a_paragraph_opened_by_its_mark_keeps_its_later_stycken():
    # pdftotext writes a regulation's stycken as paragraphs of their own: the second stycke
    # ("… inom två månader.") alone lost the § that says what must be published.
    first = (
        "2 § Ett bolag som har avsatt en fond ska publicera uppgift om fondens nivå så att "
        "denna information är lättillgänglig för kunderna."
    )
    second = (
        "Uppgiften om fondens nivå ska avse den sista i månaden och ska publiceras på "
        "bolagets webbplats inom två månader."
    )
    third = (
        "3 § Ett bolag ska lämna information om förmånerna, riskskyddet och efterlevandeskyddet "
        "årligen till kunderna i bolaget."
    )
    page = "\n".join(["Information om fonden", first, second, third])
    passages = [p.page_content for p in chunk_document(_doc([page]))]
    assert [p for p in passages if p.startswith("2 §")] == [f"{first}\n\n{second}"]
    assert [p for p in passages if p.startswith("3 §")] == [third]


def test_headings_of_one_level_are_siblings_whatever_level_the_first_starts_at(tmp_path):
    # A Markdown text opening at "##" (no "#" title): every "##" heads its own section; read by
    # position in the path, each was filed under the first one ("Vad gäller? › Ansvar").
    path = tmp_path / "rutin.md"
    path.write_text(
        "Rutin för tillbud\n\nDen här rutinen beskriver arbetet med tillbud.\n\n"
        "## Vad gäller?\n\nRutinen gäller all personal i förvaltningen.\n\n"
        "## Ansvar\n\nChefen ansvarar för att rutinen följs.\n\n"
        "### Uppföljning\n\nUppföljningen sker varje år och görs av chefen.\n\n"
        "## Kontakt\n\nFrågor ställs till enhetens samordnare.\n",
        encoding="utf-8",
    )
    found = {
        c.page_content.split()[0]: c.metadata["section"]
        for c in chunk_document(load_document(path, tmp_path))
    }
    assert found["Rutinen"] == "Vad gäller?", found
    assert found["Chefen"] == "Ansvar", found
    assert found["Frågor"] == "Kontakt", found
    assert found["Uppföljningen"] == "Ansvar › Uppföljning", found


def test_a_line_taken_for_a_heading_sits_inside_the_typed_heading_above_it(tmp_path):
    # "Riskägare" is a heading only by its layout; at level 1 it stood above every "##" after
    # it, and "Utformning av modellen" was filed under "Riskägare".
    path = tmp_path / "metodstod.md"
    path.write_text(
        "Metodstöd för riskhantering\n\nDetta stöd beskriver hur risker hanteras.\n\n"
        "## Ansvar och roller\n\nFlera roller behövs i arbetet med risker.\n\n"
        "Riskägare\n\nRiskägaren ansvarar för att risken hanteras i verksamheten.\n\n"
        "## Utformning av modellen\n\nModellen beskriver hur analysen går till.\n",
        encoding="utf-8",
    )
    found = {
        c.page_content.split()[0]: c.metadata["section"]
        for c in chunk_document(load_document(path, tmp_path))
    }
    assert found["Riskägaren"] == "Ansvar och roller › Riskägare", found
    assert found["Modellen"] == "Utformning av modellen", found


def test_minutes_sections_are_their_paragraph_signs_with_titles(tmp_path):
    # Minutes exported to Markdown set "## § 98", its title (even at "#") and "## Sammanfattning"
    # at one level: each "Sammanfattning" was filed under the first "#" title of the document
    # ("Fördjupad månadsrapport › Sammanfattning" for § 102's matter).
    path = tmp_path / "protokoll.md"
    matters = [("97", "## Anmälan om delegationsbeslut"), ("98", "# Fördjupad månadsrapport")]
    matters += [
        ("99", "## Antagning och urval till grundskolan"),
        ("100", "## Remiss biblioteksplan"),
    ]
    body = "".join(
        f"## § {n}\n\n{title}\n\n## Sammanfattning\n\nÄrende {n} gäller nämndens arbete i år.\n\n"
        f"## Beslut\n\nNämnden beslutar i ärende {n} enligt förslaget.\n\n"
        for n, title in matters
    )
    # A cover's field label set in bold ("**Plats och tid**") before the first "##" stands beside
    # the "##" headings: at the top, it was the path's first part of every section after it.
    cover = "**Plats och tid**\n\nStadshuset kl. 08:15–14:20\n\n## Beslutande\n\nAnna Berg (S)\n\n"
    path.write_text(f"Protokoll för nämnden\n\n{cover}{body}", "utf-8")
    found = {
        " ".join(c.page_content.split()[:2]): c.metadata["section"]
        for c in chunk_document(load_document(path, tmp_path))
    }

    def tail(key: str) -> list[str]:
        return found[key].split(" › ")[-2:]

    assert tail("Ärende 99") == ["§ 99 Antagning och urval till grundskolan", "Sammanfattning"]
    assert tail("Ärende 98") == ["§ 98 Fördjupad månadsrapport", "Sammanfattning"]
    assert tail("Ärende 100") == ["§ 100 Remiss biblioteksplan", "Sammanfattning"]
    assert not any("Fördjupad" in found[f"Ärende {n}"] for n in ("97", "99", "100")), found
    assert found["Ärende 99"] == "§ 99 Antagning och urval till grundskolan › Sammanfattning"
