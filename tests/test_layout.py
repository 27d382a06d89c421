"""Layout: tiny exact cases for each step, then generic properties on the shared documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ingest import LoadedDocument, load_document
from assistant.ingest.edges import is_page_number
from assistant.ingest.layout import Layout, lay_out_pages

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")


def _units(lay: Layout) -> list[tuple[str, int, int, str]]:
    return [(u.kind, u.page, u.page_end, lay.pages[u.page - 1][u.start : u.end]) for u in lay.units]


def _kinds(page: str) -> list[tuple[str, str]]:
    """(kind, text) of each unit of one laid-out page."""
    lay = lay_out_pages([page])
    return [(u.kind, lay.pages[0][u.start : u.end]) for u in lay.units]


def test_hard_wrapped_text_is_reflowed_into_paragraphs():
    page = (
        "Bakgrund\n"
        "Region Sydmark lämnar ett årligt bidrag till kommunen för kultur som når\n"
        "invånare i hela kommunen.\n"
        "Bidraget ska användas till verksamhet.\n"
    )
    assert _units(lay_out_pages([page])) == [
        ("heading", 1, 1, "Bakgrund"),
        (
            "paragraph",
            1,
            1,
            "Region Sydmark lämnar ett årligt bidrag till kommunen för kultur som "
            "når invånare i hela kommunen.",
        ),
        ("paragraph", 1, 1, "Bidraget ska användas till verksamhet."),
    ]


def test_a_line_with_a_clause_set_in_after_its_verb_goes_on_and_heads_nothing():
    # Wrapped at a width the other lines do not show, the sentence's first line looked like a
    # heading and its end like a paragraph of its own; the comma after "ska" opens a clause
    # that closes on the next line.
    page = (
        "Uppdraget\n"
        "Kommittén ska, utifrån de förslag som lämnas i rapporten\n"
        "SOU 2019:12, föreslå nya regler för simskolor i alla kommunerna i länet.\n"
        "Kommittén ska också redovisa kostnaderna för förslagen senast i juni.\n"
    )
    assert _kinds(page) == [
        ("heading", "Uppdraget"),
        (
            "paragraph",
            "Kommittén ska, utifrån de förslag som lämnas i rapporten SOU 2019:12, föreslå nya "
            "regler för simskolor i alla kommunerna i länet.",
        ),
        ("paragraph", "Kommittén ska också redovisa kostnaderna för förslagen senast i juni."),
    ]


def test_a_sentence_set_in_boxes_a_blank_line_apart_is_one_paragraph():
    # A PDF that sets a sentence's parts in boxes exports them a blank line apart: the first,
    # short, was a heading ("Mom. 1 …") and the amount a paragraph of its own, so no quote
    # said what was paid per hour. A narrow column's lines the same ("… av ett" / "kuperat …").
    page = (
        "§ 5 Tjänstgöring\n\n"
        "Mom. 1 Vid tjänstgöring utgår ersättning\n\n"
        "fr.o.m. 2024-05-01 med\n\n"
        "184,10 kronor per timme.\n\n"
        "Området karaktäriseras av ett\n\n"
        "kuperat skogs- och\n\n"
        "myrlandskap.\n"
    )
    assert _kinds(page) == [
        ("heading", "§ 5 Tjänstgöring"),
        (
            "paragraph",
            "Mom. 1 Vid tjänstgöring utgår ersättning fr.o.m. 2024-05-01 med 184,10 kronor per timme.",
        ),
        ("paragraph", "Området karaktäriseras av ett kuperat skogs- och myrlandskap."),
    ]


def test_a_range_broken_after_its_dash_runs_on_into_the_line_opening_with_its_end():
    # The line's end ("9–") cannot end a sentence; the next line's "16" closes the range. Apart,
    # "16 åtgärdas." opened a unit of its own and the line before it became a heading, so the
    # quote said neither the range nor what is done with it (a read blind set's report).
    page = (
        "Generella risker\n"
        "Enligt säkerhetsarbetet ska riskbedömningar med ett värde av 9–\n"
        "16 åtgärdas. I analysen upptäcktes 7 risker inom intervallet.\n"
    )
    assert _kinds(page) == [
        ("heading", "Generella risker"),
        (
            "paragraph",
            "Enligt säkerhetsarbetet ska riskbedömningar med ett värde av 9– 16 åtgärdas. I "
            "analysen upptäcktes 7 risker inom intervallet.",
        ),
    ]


def test_an_address_a_list_letter_or_a_label_after_a_blank_line_runs_on_from_nothing():
    page = (
        "Anslutningsavgift för en villa\n\n"
        "26 534 kr (43%)\n\n"
        "c) Tomtyteavgift per m2\n\n"
        "Tfn 026-17 83 21 (dir)\n\n"
        "www.gavle.se\n\n"
        "Organisation Setterwalls Advokatbyrå AB\n\n"
        "reg.no: 556774-5772\n"
    )
    texts = [text for _, text in _kinds(page)]
    assert "www.gavle.se" in texts and "reg.no: 556774-5772" in texts
    assert "26 534 kr (43%)" in texts


def test_a_statutes_list_of_defined_terms_keeps_each_entry_apart():
    # Entries end in commas, so the blank lines between them were read as a sentence going on:
    # the whole list was one sentence and no entry could be quoted alone. A line ending in
    # "t.ex." goes on into the next line.
    page = (
        "6 § I dessa föreskrifter och allmänna råd betyder\n\n"
        "arvsvinst: pensionsbehållning från avliden med försäkring som saknar\n"
        "efterlevandeskydd och som tillfaller övriga liknande försäkringar,\n\n"
        "ersättningsberättigad: den som har rätt till ersättning på grund av försäkring, t.ex.\n"
        "en försäkringstagare, försäkrade eller förmånstagare,\n\n"
        "fribrev: tjänstepensionsförsäkring där de avtalade premiebetalningarna har\n"
        "avbrutits i förtid,\n"
    )
    kinds = _kinds(page)
    # the lead ends in the verb that defines: no heading over the entries
    assert kinds[0][0] == "paragraph"
    texts = [text for _, text in kinds]
    assert texts[1:] == [
        "arvsvinst: pensionsbehållning från avliden med försäkring som saknar "
        "efterlevandeskydd och som tillfaller övriga liknande försäkringar,",
        "ersättningsberättigad: den som har rätt till ersättning på grund av försäkring, t.ex. "
        "en försäkringstagare, försäkrade eller förmånstagare,",
        "fribrev: tjänstepensionsförsäkring där de avtalade premiebetalningarna har "
        "avbrutits i förtid,",
    ]
    # a sentence wrapped before a blank line still runs on into a lower-case line
    wrapped = (
        "Nämnden ska varje år redovisa hur bidragen till föreningarna har använts och\n\n"
        "vilka resultat de har gett för barn och unga i kommunen.\n"
    )
    assert len(_kinds(wrapped)) == 1


def test_short_lines_after_a_lead_ending_in_a_colon_are_its_items_not_headings():
    # A heritage plan's colour rows: as headings, each headed the next building's entry.
    page = (
        "Bestämmelser för byggnad 46\n\n"
        "Byggnaden skall målas med slam- och linoljefärg i kulör:\n"
        "Fasadytor slamfärg ljus Faluröd\nKnutar grå NCS 1500-N\nFönsterbåge vit NCS 0502-Y\n\n"
        "47. Magasin uppfört under 1800-talet.\nTak skall vara klätt med lertegel.\n"
    )
    kinds = _kinds(page)
    assert [text for kind, text in kinds if kind == "heading"] == ["Bestämmelser för byggnad 46"]
    # a heading in capitals after such a lead still heads ("… nedan angivna ändamål:" /
    # "ÄNDAMÅL"), as does a heading after a record line ending an article
    caps = "Avgift tas ut för nedan angivna ändamål:\nÄNDAMÅL\nAvgiften betalas årligen.\n"
    assert ("heading", "ÄNDAMÅL") in _kinds(caps)


def test_a_leads_items_run_on_over_a_page_break_and_a_lead_may_hold_its_first_item():
    # The colour rows went on after a page break, and a lead held its first row ("… målas:
    # Fasadytor …"): read from the page alone, the last rows headed the next buildings.
    first = "Bestämmelser för byggnad 21\n\nByggnaden skall målas med linoljefärg i kulör:\n"
    first += "Fasadytor slamfärg ljus Faluröd\nKnutar slamfärg ljus Faluröd\n"
    second = "Andra dörrar svart trätjära\nFönsterfoder grå NCS 1500-N\n\n23. Uthus uppfört 1900.\n"
    lay = lay_out_pages([first, second])
    headings = [lay.pages[u.page - 1][u.start : u.end] for u in lay.units if u.kind == "heading"]
    assert headings == ["Bestämmelser för byggnad 21"]
    inline = (
        "Bestämmelser för byggnad 1\n\nByggnaden skall målas: Fasadytor slamfärg ljus Faluröd\n"
    )
    inline += (
        "Listverk slamfärg ljus Faluröd\nAndra dörrar slamfärg ljus Faluröd\n\n2. Samlingssal.\n"
    )
    assert [t for k, t in _kinds(inline) if k == "heading"] == ["Bestämmelser för byggnad 1"]


def test_a_short_line_between_value_cells_is_a_cell_not_a_heading():
    # A cost-sharing table read a cell a line: "Kommun" / "Norrby" stood as two headings and cut
    # the region's share from the municipality's.
    page = (
        "Ersättning\n\nKostnaderna delas mellan parterna enligt tabellen nedan.\n\n"
        "Region\n\n2 400 000 kr\n\nKommun\n\nNorrby\n\nTotalt\n\n800 000 kr\n\n3 200 000 kr\n\n"
        "Avgifter\n\nKommunen faktureras varje kvartal.\n"
    )
    headings = [text for kind, text in _kinds(page) if kind == "heading"]
    assert headings == ["Ersättning", "Avgifter"]


# A regulation's tables exported by ``pdftotext -layout``: a label, a gap, a figure. Read as
# headings, each row headed the next and the caption ("Tabell 5 …") headed none.
_HEAT_SOURCES = (
    "Tabell 5 Justering för värmekälla\n\n\n"
    "             Värmekälla                              Justeringsfaktor (Xvärmekälla)\n"
    "             Fjärrvärme                              1\n"
    "             Olja                                    1,2\n"
    "             Frånluftsvärmepump                      0,6\n"
    "             Markvärmepump (berg, mark, sjö)         0,4\n\n"
    "                          Laholm                            0,9\n"
    "  13    Halland\n"
    "                          Övriga                            1,0\n"
    "                          Härnösand, Kramfors och Timrå 1,2\n\n"
    "Bjurholm, Nordmaling, Roberts-\n\n"
    "2.1       E-arkiv\n"
    "Myndigheten har en skyldighet att lagra allmänna handlingar.\n"
)


def test_rows_of_a_table_exported_by_columns_are_no_headings():
    headings = [text for _, text in _headings(_HEAT_SOURCES)]
    assert headings == ["Tabell 5 Justering för värmekälla", "2.1 E-arkiv"]


def test_a_tables_row_at_a_page_foot_does_not_run_on_into_the_next_page():
    lay = lay_out_pages(
        [
            "Text före tabellen.\n\n"
            "Uteluftsvärmepump (luft - luft)   0,7 (hänsyn är taget till att varmvatten inte",
            "Tabell 6 Justering för byggnadstyp\n\nFriliggande   1,0\nGavel   0,9\n",
        ]
    )
    units = _units(lay)
    assert ("heading", 2, 2, "Tabell 6 Justering för byggnadstyp") in units
    assert not any("inte Tabell 6" in text for *_, text in units)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Lånen hämtas på huvudbiblio-", "teket i staden."], "huvudbiblioteket i staden."),
        (
            ["Enligt regionens kultur-", "och bildningsplan gäller detta."],
            "kultur- och bildningsplan",
        ),
        (
            ["Avtalet gäller för kommun och Region-", "en i sin helhet, även Regionen."],
            "Regionen i sin",
        ),
        (["Skicka ett e-", "postmeddelande till oss."], "e-postmeddelande"),
        (["Stödet ges till SIP-", "möten i alla former."], "SIP-möten"),
    ],
)
def test_line_end_hyphens_join_words_but_keep_suspended_compounds(lines, joined):
    page = "\n".join(lines)
    assert joined in lay_out_pages([page]).pages[0]


def test_lone_bullet_glyphs_join_their_items():
    page = "Målen är att de enskilda\n•\nfår god vård\n\uf0b7\nupplever trygghet\no\nfår stöd"
    kinds = _units(lay_out_pages([page]))
    assert kinds[1:] == [
        ("list_item", 1, 1, "• får god vård"),
        ("list_item", 1, 1, "\uf0b7 upplever trygghet"),
        ("list_item", 1, 1, "o får stöd"),
    ]


def test_list_markers_printed_apart_from_their_items_are_joined_to_them():
    # A PDF export printed the list's numbers in a column of their own, then the items: the
    # n-th number is the n-th short line's, and the last item is no heading.
    page = (
        "Planen har tre delar.\n1.\n2.\n3.\n\nBättre skolmat\nFler cykelvägar\nLjusare parker\n\n"
        "Varje del har egna mål."
    )
    assert _kinds(page) == [
        ("paragraph", "Planen har tre delar."),
        ("list_item", "1. Bättre skolmat"),
        ("list_item", "2. Fler cykelvägar"),
        ("list_item", "3. Ljusare parker"),
        ("paragraph", "Varje del har egna mål."),
    ]
    # Fewer lines than markers (or more, running on): nothing is paired.
    short = "Planen har tre delar.\n1.\n2.\n3.\n\nBättre skolmat\nFler cykelvägar\n"
    assert ("list_item", "1. Bättre skolmat") not in _kinds(short)
    longer = short + "Ljusare parker\nOch mer\n"
    assert ("list_item", "1. Bättre skolmat") not in _kinds(longer)


def test_running_header_and_page_numbers_are_removed_and_reported():
    texts = ["Bidraget betalas ut i mars.", "Parterna träffas varje år.", "Avtalet kan sägas upp."]
    pages = [
        f"Överenskommelse Norrvik – Region Sydmark\n{text}\nSida {n} av 3"
        for n, text in enumerate(texts, start=1)
    ]
    pages[0] = pages[0].replace(
        "\n", "\nÖverenskommelse om bidrag mellan Norrvik och Region Sydmark\n", 1
    )
    lay = lay_out_pages(pages)
    assert lay.pages[1:] == texts[1:]
    assert lay.pages[0].endswith(texts[0]) and lay.pages[0].startswith("Överenskommelse om bidrag")
    assert lay.removed[1] == ["Överenskommelse Norrvik – Region Sydmark", "Sida 2 av 3"]


def test_a_title_that_is_also_the_running_header_stays_on_page_1():
    header = "Riktlinje för kulturstöd i Norrvik"
    pages = [
        f"{header}\nBakgrund\nKommunen ger stöd.",
        f"{header}\nStödet söks i mars.",
        f"{header}\nSlut.",
    ]
    lay = lay_out_pages(pages)
    assert lay.pages[0].startswith(header) and not lay.pages[1].startswith(header)


def test_a_sentence_across_a_page_break_is_one_unit_on_its_first_page():
    pages = [
        "Utbetalning\nBidraget uppgår till 650 000 kronor per år.\n"
        "Regionen ska betala ut bidraget till kommunen senast den",
        "31 mars varje år, om kommunen har lämnat in sin berättelse.\nUppföljning\nParterna träffas.",
    ]
    lay = lay_out_pages(pages)
    units = _units(lay)
    assert (
        "paragraph",
        1,
        2,
        "Regionen ska betala ut bidraget till kommunen senast den 31 mars "
        "varje år, om kommunen har lämnat in sin berättelse.",
    ) in units
    assert not any(kind == "heading" and "senast den" in text for kind, _, _, text in units)
    assert lay.pages[1].startswith("Uppföljning")


def test_footnotes_at_a_page_foot_are_their_own_units():
    page = (
        "Avtal med entreprenörer enligt LOU2 och LOV3 ska följa detta.\n\n"
        "2 Lag (2016:1145) om offentlig upphandling.\n3 Lag (2008:962) om valfrihetssystem."
    )
    lay = lay_out_pages([page])
    notes = [(u.marker, lay.pages[0][u.start : u.end]) for u in lay.units if u.kind == "footnote"]
    assert notes == [
        ("2", "2 Lag (2016:1145) om offentlig upphandling."),
        ("3", "3 Lag (2008:962) om valfrihetssystem."),
    ]
    # the markers glued to their words are set apart, as the PDF reader sets raised ones
    assert lay.pages[0].startswith("Avtal med entreprenörer enligt LOU[2] och LOV[3] ska")


def test_a_footnote_going_on_after_a_blank_line_is_one_footnote():
    # pdftotext may set a blank line inside a footnote: its second part is the note's, not
    # the body's, and the block is still a footnote block.
    page = (
        "Kommunens invånare har en medelålder på 44,2 år4.\n\n"
        "4 Medelålder den 31 december 2021 för kvinnor och män.\n\n"
        "Detta kan jämföras med länets medelålder som var 42,0 år."
    )
    lay = lay_out_pages([page])
    notes = [lay.pages[0][u.start : u.end] for u in lay.units if u.kind == "footnote"]
    assert len(notes) == 1 and notes[0].startswith("4 Medelålder")
    assert notes[0].endswith("länets medelålder som var 42,0 år.")
    assert "år[4]" in lay.pages[0]


def test_a_statutes_chapter_after_the_last_blank_line_is_no_footnote_block():
    # "föreskriver1" marks footnote 1; "1 kap." opening the page's last block is the body.
    page = (
        "Verket föreskriver1 följande med stöd av 28 § förordningen.\n\n"
        "1 kap. Tillämpningsområde\n"
        "1 § Dessa föreskrifter gäller vid hantering av vätskor.\n"
        "2 § Inom skyddsområde gäller föreskrifterna vid mer än 150 liter."
    )
    lay = lay_out_pages([page])
    assert not any(u.kind == "footnote" for u in lay.units)
    assert any(lay.pages[0][u.start : u.end].startswith("2 § Inom") for u in lay.units)


def test_numbered_headings_get_levels_and_lead_ins_are_not_headings():
    page = "1. Introduktion\n1.1 Bakgrund\nDet övergripande målet är att de enskilda\n• får vård"
    lay = lay_out_pages([page])
    assert [(u.kind, u.level) for u in lay.units] == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
        ("list_item", 0),
    ]


def _headings(page: str) -> list[tuple[int, str]]:
    lay = lay_out_pages([page])
    return [(u.level, lay.pages[0][u.start : u.end]) for u in lay.units if u.kind == "heading"]


# A numbered list of labelled paragraphs inside a numbered section: its items nest below the
# heading before them; read as sections 1, 2, 3 of the document they dropped "4.2 Bedömning"
# and "Skala för påverkan" from every item's path.
_SCALE = (
    "4. Metod\nVi har bedömt varje händelse.\n"
    "4.1 Underlag\nUnderlaget kommer från förvaltningarna.\n"
    "4.2 Bedömning\nSkala för påverkan\n"
    "1. Liten påverkan\nKortvariga störningar i verksamheten utan följder.\n"
    "2. Märkbar påverkan\nStörningar som varar några dagar.\n"
    "3. Stor påverkan\nStörningar som varar flera veckor.\n"
    "5. Resultat\nVi redovisar resultaten nedan.\n"
)


def test_a_numbered_list_restarted_inside_a_section_nests_below_its_heading():
    assert _headings(_SCALE) == [
        (1, "4. Metod"),
        (2, "4.1 Underlag"),
        (2, "4.2 Bedömning"),
        (2, "Skala för påverkan"),
        (3, "1. Liten påverkan"),
        (3, "2. Märkbar påverkan"),
        (3, "3. Stor påverkan"),
        (1, "5. Resultat"),
    ]


def test_a_part_numbered_from_1_again_with_subsections_heads_sections():
    page = (
        "3. Ansvar\nKommunen ansvarar för arbetet.\n"
        "Delöverenskommelse om rehabilitering\n"
        "1. Inledning\nDelöverenskommelsen gäller från start.\n"
        "1.1 Bakgrund\nParterna har arbetat länge med frågan.\n"
    )
    levels = dict((text, level) for level, text in _headings(page))
    assert levels["1. Inledning"] < levels["1.1 Bakgrund"]


def test_the_next_sections_number_after_a_list_heads_that_section_unless_it_follows():
    scale = _SCALE.replace("4.", "3.").replace("5. Resultat", "4. Resultat")
    assert _headings(scale)[-1] == (1, "4. Resultat")  # after items 1-3 of section 3
    longer = scale.replace("4. Resultat", "4. Mycket stor påverkan\nI månader.\n4. Resultat")
    assert [level for level, _ in _headings(longer)][-2:] == [3, 1]


def test_page_number_forms():
    assert all(
        is_page_number(s, 51, strict=True)
        for s in ["2 (51)", "1/2", "Sida 2 av 5", "Sid 22 av 30", "Sid. 3 av 5", "Page 3 of 4"]
    )
    assert not is_page_number("12", 5, strict=True) and is_page_number("12", 5)
    assert not is_page_number("2019/2022", 3, strict=True)


# --- the shared documents: generic properties, no tuning to their strings ------------------


def _shared_docs() -> list[LoadedDocument]:
    roots = [SHARED / "dev2" / "corpus", *sorted((SHARED / "field").glob("*/corpus"))]
    docs = []
    for root in roots:
        for path in sorted(root.iterdir()):
            doc = load_document(path, root)
            if isinstance(doc, LoadedDocument):
                docs.append(doc)
    return docs


@needs_shared
def test_no_passage_line_is_a_wrapped_fragment():
    """A paragraph that stops mid-sentence (a lower-case word, no punctuation) followed by a
    paragraph starting in lower case is a wrap that was not undone; and no passage line is."""
    from assistant.chunking import chunk_document

    bad = []
    for doc in _shared_docs():
        units = [u for u in doc.units if u.kind in ("paragraph", "list_item")]
        for a, b in zip(units, units[1:], strict=False):
            ta = doc.pages[a.page - 1][a.start : a.end]
            tb = doc.pages[b.page - 1][b.start : b.end]
            if a.kind == b.kind == "paragraph" and ta.split()[-1].islower() and tb[:1].islower():
                bad.append((doc.source, ta[-40:], tb[:40]))
        for chunk in chunk_document(doc):
            for line in chunk.page_content.split("\n"):
                if line and line[:1].islower() and not re.match(r"^(?:o|\uf0b7)\s", line):
                    # a line starting in lower case must be a unit of its own (a list item)
                    starts = {doc.pages[u.page - 1][u.start : u.end] for u in units}
                    if line not in starts:
                        bad.append((doc.source, "", line[:40]))
    assert bad == []


@needs_shared
def test_a_line_ending_mid_sentence_at_a_page_foot_is_never_a_heading():
    for doc in _shared_docs():
        for u in doc.units:
            text = doc.pages[u.page - 1][u.start : u.end]
            last = [v for v in doc.units if v.page == u.page and v.kind != "footnote"][-1]
            if u is last and u.kind == "heading" and u.page < len(doc.pages):
                assert not re.search(r"\b(?:och|eller|den|det|att|som|för|till|av|i)$", text), text


def test_a_list_items_next_sentence_without_a_blank_line_stays_in_the_item():
    text = (
        "Rutin för möten\n\n"
        "- Teamet bokar in ett uppföljningsmöte till dag 6 (om möjligt på förmiddagen).\n"
        "Deltagare är, förutom brukaren, närstående och handläggare.\n\n"
        "- Hemtjänsten bekräftar skriftligen att de mottagit informationen.\n"
        "Under insats\n\n"
        "Text om insatsen.\n"
    )
    lay = lay_out_pages([text])
    units = [(u.kind, lay.pages[u.page - 1][u.start : u.end].replace("\n", " ")) for u in lay.units]
    assert (
        "list_item",
        "- Teamet bokar in ett uppföljningsmöte till dag 6 (om möjligt på "
        "förmiddagen). Deltagare är, förutom brukaren, närstående och handläggare.",
    ) in units
    assert ("heading", "Under insats") in units  # a short line after a list is no continuation


def test_a_repeated_sentence_is_no_running_header_but_a_heading_letterhead_is():
    duty = "- Säkerställer samtycket och kontaktar handläggaren."
    body = "\n".join(f"Rad {i} om något annat i texten." for i in range(14))
    pages = [
        f"Rutin för samtycke\n\n{body}\nHemgångsteam\n{duty}\n## KOMMUNEN\nFörvaltningen",
        f"Hemtjänst\n{duty}\n\n{body}\n## KOMMUNEN\nFörvaltningen",
        f"Slutord om rutinen.\n\n{body}\n## KOMMUNEN\nFörvaltningen",
    ]
    lay = lay_out_pages(pages)
    removed = [line for page in lay.removed for line in page]
    assert removed.count("KOMMUNEN") == 3 and duty not in removed and "Hemtjänst" not in removed
    texts = [lay.pages[u.page - 1][u.start : u.end] for u in lay.units]
    assert sum(duty in t for t in texts) == 2


def test_a_stock_rule_near_most_page_edges_is_kept_where_it_ends_or_starts_a_page():
    # A plan's building entries each repeat stock rules, so the rule stands among most pages'
    # first and last twelve lines; where it happened to end a page (or begin one, under the
    # running header) it was dropped as a footer. Only the header leads or ends most pages.
    rule, paint = "Tak skall vara klätt med tvåkupigt lertegel.", "Fasadytor slamfärg ljus Faluröd"

    def entry(n: int) -> str:
        return f"{n}. Bostadshus nummer {n} uppfört {1800 + 7 * n}\n{rule}\n{paint}"

    words = [
        "ek",
        "lind",
        "alm",
        "lönn",
        "björk",
        "gran",
        "tall",
        "asp",
        "sälg",
        "hassel",
        "rönn",
        "hägg",
    ]

    def body(n: int, lines: range) -> str:
        return "\n".join(
            f"Vid {words[(n + i) % 12]}en står {words[(3 * n + i) % 12]}ar i rad." for i in lines
        )

    header = "Bestämmelser till områdesbestämmelser 2006-10-18"
    pages = [
        f"{header}\n{entry(n)}\n{body(n, range(7))}\n{entry(n + 10)}\n{body(n, range(7, 14))}"
        for n in range(1, 6)
    ]
    pages[1] = f"{header}\n{entry(2)}\n{body(2, range(14))}\n{entry(12)}\nFönster vita.\n{rule}"
    pages[2] = f"{header}\n{paint}\n{entry(3)}\n{body(3, range(14))}\n{entry(13)}\nSlut."
    lay = lay_out_pages(pages)
    removed = [line for page in lay.removed for line in page]
    assert removed.count(header) == 4 and rule not in removed and paint not in removed
    assert lay.pages[1].rstrip().endswith(rule) and paint in lay.pages[2].split("\n")[0]


def test_a_numbered_list_after_its_lead_in_is_no_heading():
    # Short numbered lines without final punctuation look like numbered headings; after a line
    # ending in ":" they are the list it introduces (as headings, the first two items had no
    # text of their own and were in no passage).
    page = (
        "3. Framgångsfaktorer\n"
        "Kommunens främsta prioriteringar avseende trafikinfrastruktur är:\n"
        "1. Dubbelspår Ostkustbanan\n"
        "2. Statlig finansiering av flygplatsen\n"
        "3. Investeringar för kortare restider på Mittstråket\n"
    )
    kinds = _kinds(page)
    assert kinds[0] == ("heading", "3. Framgångsfaktorer")
    assert not any(kind == "heading" for kind, _ in kinds[1:]), kinds
    assert "2. Statlig finansiering av flygplatsen" in " ".join(t for _, t in kinds)
    assert [k for k, t in kinds[1:] if t[:2] in ("1.", "2.", "3.")] == ["list_item"] * 3, kinds


def test_a_section_number_after_a_list_item_or_a_long_numbered_heading_starts_a_unit():
    # A PDF export: lines wrapped at ~80 characters, a bulleted item over two lines, then a
    # numbered heading as long as a wrapped line and the lead of the next list. The heading
    # was read as the item's next sentence, and the lead as the heading's wrapped second line.
    body = "\n".join(
        f"Stycke {i} om hur parterna samverkar kring läkemedel i särskilt boende för äldre."
        for i in range(10)
    )
    page = (
        f"4.1 Ansvar\n{body}\n"
        "Kommunerna åtar sig att se till att\n"
        "•\n"
        "sjuksköterskan i det särskilda boendet dokumenterar mottagandet av\n"
        "utskrivningsmeddelandet och läkemedelsberättelsen.\n"
        "4.1.2 Den enskilde/patienten får resurseffektiv läkemedelsbehandling\n"
        "Regionen och kommunen åtar sig att\n"
        "•\n"
        "arbeta evidensbaserat\n"
    )
    lay = lay_out_pages([page])
    units = [(u.kind, lay.pages[0][u.start : u.end].replace("\n", " ")) for u in lay.units]
    item = (
        "• sjuksköterskan i det särskilda boendet dokumenterar mottagandet av "
        "utskrivningsmeddelandet och läkemedelsberättelsen."
    )
    assert ("list_item", item) in units, units
    assert (
        "heading",
        "4.1.2 Den enskilde/patienten får resurseffektiv läkemedelsbehandling",
    ) in units
    assert ("paragraph", "Regionen och kommunen åtar sig att") in units, units


def test_a_section_number_after_an_item_without_a_full_stop_starts_a_unit():
    # Bulleted items rarely end with a full stop; the next section's numbered heading, on the
    # very next line, is still no part of the last item.
    body = "\n".join(
        f"Stycke {i} om hur parterna samverkar kring läkemedel i särskilt boende för äldre."
        for i in range(10)
    )
    heading = "3.2 Kommunerna i Stockholms län åtar sig gemensamt att se till att"
    page = (
        f"3 Ansvar\n{body}\n"
        "3.1 Regionen åtar sig att\n"
        "• informera kommunen i tid\n"
        "• ansvara för att dosdispensering beställs i tid av den ansvariga läkaren\n"
        f"{heading}\n"
        "• informera regionen om förändringar\n"
    )
    lay = lay_out_pages([page])
    units = [(u.kind, lay.pages[0][u.start : u.end].replace("\n", " ")) for u in lay.units]
    item = "• ansvara för att dosdispensering beställs i tid av den ansvariga läkaren"
    assert ("list_item", item) in units, units
    assert ("heading", heading) in units, units


def test_a_numbered_heading_after_a_title_or_an_item_starts_a_unit():
    # A text export: the title, a blank line, "1. Bakgrund"; a list's last item, a blank line,
    # "3. Uppföljning". Both headings were read as the line before's continuation (a number
    # after a blank line continued a line ending in lower case), so the title was lost to the
    # card and the next section's heading sat inside the last item.
    page = (
        "Överenskommelse mellan Sjöby kommun och Region Norrland om kultursamverkan\n\n"
        "1. Bakgrund\n\n"
        "Parterna vill stärka kulturlivet i kommunen.\n\n"
        "2. Åtaganden\n\n"
        "Region Norrland åtar sig att\n"
        "• erbjuda stöd från regionens konsulenter\n\n"
        "3. Uppföljning\n\n"
        "Överenskommelsen följs upp varje höst.\n"
    )
    units = _kinds(page)
    assert [t for k, t in units if k == "heading"] == [
        "Överenskommelse mellan Sjöby kommun och Region Norrland om kultursamverkan",
        "1. Bakgrund",
        "2. Åtaganden",
        "3. Uppföljning",
    ], units
    assert ("list_item", "• erbjuda stöd från regionens konsulenter") in units
    # A number that cannot start a heading still continues its sentence ("enligt" / "3 kap.").
    lay = lay_out_pages(["Avgiften för tillsyn tas ut enligt\n3 Kap. i taxan för miljöbalken.\n"])
    assert [u.kind for u in lay.units] == ["paragraph"]


def test_a_short_lead_in_with_a_verb_of_duty_is_no_heading():
    # "Parterna ska gemensamt" over a numbered list: three words, lower case at its end, a verb
    # of duty; as a heading it gave its name to the passages after the list.
    page = (
        "2. Åtaganden\n\n"
        "Parterna ska gemensamt\n"
        "1. ta fram en handlingsplan för läsfrämjande\n"
        "2. redovisa resultaten i en årlig rapport\n\n"
        "Kommunens åtaganden\n"
        "• utse en kontaktperson\n"
    )
    headings = [text for kind, text in _kinds(page) if kind == "heading"]
    assert headings == ["2. Åtaganden", "Kommunens åtaganden"], headings


def test_a_letterhead_row_ending_in_a_web_address_takes_no_paragraph_from_the_next_page():
    # A colophon's last row ("106 47 Stockholm 08-690 91 91 www.fritzes.se") ends in lower
    # case, so it read as a sentence running on over the page break and swallowed the next
    # page's title: the title's words were cited under the address.
    pages = [
        "Beställningsadress\nNorstedts Juridik AB\n106 47 Stockholm 08-690 91 91 www.fritzes.se",
        "Statens allmänna råd om utrustning för vattenlivräddning vid hamnar\n\nText om råden.",
    ]
    lay = lay_out_pages(pages)
    assert [
        u.page
        for u in lay.units
        if "Statens allmänna råd" in lay.pages[u.page - 1][u.start : u.end]
    ] == [2]


def test_a_run_of_numbered_lines_is_a_list_not_a_lead_s_end_or_headings():
    # A Markdown numbered list after a lead that stops mid-sentence, a blank line apart: the
    # first item ran on from the lead ("… från 1. Skolverket") and the last was read as a
    # numbered heading, naming every passage after it.
    page = (
        "Styrgruppen består av personer med chefsbefattningar från\n\n"
        "1.  Skolverket\n"
        "2.  Sunet\n"
        "3.  De anslutna federationerna\n\n"
        "Styrgruppen möts två gånger om året.\n"
    )
    units = _kinds(page)
    assert [k for k, t in units if t.startswith(("1.", "2.", "3."))] == ["list_item"] * 3, units
    assert units[0] == ("paragraph", "Styrgruppen består av personer med chefsbefattningar från")
    # Numbered headings with text between them stay headings.
    headings = "1. Bakgrund\n\nText om bakgrunden.\n\n2. Syfte\n\nText om syftet.\n"
    assert [k for k, _ in _kinds(headings)] == ["heading", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        # A numbered heading after an item, a numbered paragraph or another marker's item is a
        # heading, not the next item of a run (found by a helper breaking these rules).
        ("• rehabilitering,\n4. Ekonomi\n\nKostnaderna delas lika.\n", "4. Ekonomi"),
        (
            "2. Hyra och el ingår inte i avgiften.\n3. Handläggning\n\nAnsökan prövas.\n",
            "3. Handläggning",
        ),
        ("1) språktolk vid besök\n2. Ansvar\n\nKommunen ansvarar för tolken.\n", "2. Ansvar"),
        # An empty section followed by the next, which heads its own subsection.
        ("2. Medlemskap\n3. Avgifter\n3.1 Årsavgift\n\nAvgiften är 100 kronor.\n", "3. Avgifter"),
    ],
)
def test_a_numbered_heading_next_to_a_numbered_line_stays_a_heading(page, heading):
    assert ("heading", heading) in _kinds(page), _kinds(page)


def test_a_statutes_paragraph_after_a_numbered_item_is_no_continuation_of_it():
    page = "Vårdgivaren ska se till att\n1. planen upprättas,\n2. planen följs upp.\n3 § Vårdgivaren ska dokumentera insatserna.\n"
    assert _kinds(page)[-1] == ("paragraph", "3 § Vårdgivaren ska dokumentera insatserna."), _kinds(
        page
    )


def test_a_short_line_over_a_statutes_paragraph_is_its_own_unit_though_it_ends_in_a_function_word():
    # A PDF export (pypdf) of a föreskrift writes a heading on the line straight above its
    # paragraph; "… riktar sig till" ends in a function word, but a sentence that runs on into
    # a paragraph reference is wrapped at the width and goes on in lower case ("enligt" /
    # "5 § första stycket").
    page = (
        "Om det finns särskilda skäl får arbetsgivaren göra undersökning och riskbedömning enligt\n"
        "5 § första stycket utan att tillämpa de övriga bestämmelserna i dessa föreskrifter.\n"
        "Vilka föreskrifterna riktar sig till\n"
        "2 § Arbetsgivaren har ansvaret för att föreskrifterna följs. Andra än arbetsgivare är också\n"
        "skyldiga att följa arbetsmiljölagen.\n"
        "Vilka föreskrifterna riktar sig till\n"
        "Till 2 § Arbetsmiljölagen gäller allt arbete som en arbetstagare utför för en arbetsgivares\n"
        "räkning.\n"
    )
    texts = [text for _, text in _kinds(page)]
    assert texts[0].startswith("Om det finns") and texts[0].endswith("dessa föreskrifter.")
    assert texts.count("Vilka föreskrifterna riktar sig till") == 2, texts
    assert any(t.startswith("2 § Arbetsgivaren") for t in texts)
    assert any(t.startswith("Till 2 § Arbetsmiljölagen") for t in texts)


def test_a_short_lead_in_ending_in_a_function_word_is_no_heading():
    page = "3. Avgifter\n\nAvgiften består av\n• en grundavgift\n• en rörlig del\n"
    assert [t for k, t in _kinds(page) if k == "heading"] == ["3. Avgifter"], _kinds(page)


@pytest.mark.parametrize(
    ("page", "kept", "last"),
    [
        # Lazy continuation (an item's next sentence on the next line) needs an item whose
        # sentence ended; after "… två möten per år" a capitalised sentence is the text after
        # the list.
        (
            "Sjöby kommun åtar sig att:\n"
            "• utse en kontaktperson för kulturfrågor\n"
            "• bjuda in regionen till två möten per år\n"
            "Regionen ansvarar för att följa upp överenskommelsen varje år och rapportera.\n",
            ("list_item", "• bjuda in regionen till två möten per år"),
            "Regionen ansvarar",
        ),
        # A statute's paragraph after a blank line starts a unit: it was joined to the heading
        # before it (a line of 41 characters, the digit rule for a line after a blank line).
        (
            "1 § Registret ska föras av den som bedriver verksamheten i lokalen. Uppgifterna ska\n"
            "föras in löpande under dagen och vara läsbara vid ett kontrollbesök.\n\n"
            "Särskilda bestämmelser för byggverksamhet\n\n"
            "2 § Registret ska i byggverksamhet föras elektroniskt och hållas tillgängligt på\n"
            "byggarbetsplatsen, så att uppgifterna kan visas vid ett kontrollbesök.\n",
            ("heading", "Särskilda bestämmelser för byggverksamhet"),
            "2 § Registret",
        ),
    ],
    ids=["sentence-after-an-item", "statute-paragraph-after-a-blank-line"],
)
def test_a_unit_after_a_list_or_a_heading_starts_its_own(page, kept, last):
    units = _kinds(page)
    assert kept in units, units
    assert units[-1][1].startswith(last), units


def test_lines_of_run_together_table_cells_do_not_set_the_text_width():
    # One line in four is a table row or two columns run together, twice as wide as the text:
    # the text still wraps at its own width, and a sentence wrapped before a capital ("…
    # uttrycka Recovery Time" / "Objective (RTO), som …") stays one unit.
    prose = "Förvaltningen ska varje år följa upp att planen för kontinuitet är"
    rows = (
        "Nedtagning av mätare 1 444 kr | Uppsättning av mätare 1 444 kr | Avstängning 1 444 kr" * 2
    )
    lead = "Planen ska hänvisa till verksamhetens krav. Den bör ange Recovery Time"
    rest = "Objective (RTO), som innebär den längsta tid det får ta att återställa tjänsten."
    assert len(prose) <= len(lead) <= len(prose) + 4 < len(rows) // 2  # "prose N." lines: 70
    blocks = [[f"{prose} {n}." for n in range(12)], [rows] * 4, [lead, rest]]
    page = "\n\n".join("\n".join(b) for b in blocks) + "\n"
    assert ("paragraph", f"{lead} {rest}") in _kinds(page)


# A fee schedule read by plain pdftotext: "§ N" headings, a table's cells one per line.
FEE_PAGES = [
    "§ 16 Brukningsavgift för obebyggd fastighet\n\n"
    "Brukningsavgift ska betalas för obebyggd fastighet som ligger inom verksamhetsområdet.\n\n"
    "§ 17 Avgifter för särskilda åtgärder\n\n"
    "§ 17.1\n\nFör åtgärder på fastighetsägarens begäran debiteras följande avgifter:\n\n"
    "Tjänst\n\nAVGIFT PER PÅBÖRJAD TIMME\n\n"
    "Nedtagning av vattenmätare\n\n1 444 kr\n\n"
    "Förgävesbesök\n\n1 444 kr\n\n"
    "TOTAL AVGIFT\n\n821 kr (44%)\n\n"
    "Df\n\nJa\n\n"
    "Om 11,45 kr\n\n"
    "§ 18 Betalning av avgift\n\nAvgift ska betalas inom tid som anges i räkningen.\n",
]


def test_section_sign_headings_head_a_fee_schedule_and_its_cells_head_nothing():
    lay = lay_out_pages(FEE_PAGES)
    headings = [(u.level, lay.pages[0][u.start : u.end]) for u in lay.units if u.kind == "heading"]
    titles = [t for _, t in headings]
    assert "§ 16 Brukningsavgift för obebyggd fastighet" in titles
    assert "§ 17 Avgifter för särskilda åtgärder" in titles
    assert "§ 18 Betalning av avgift" in titles
    # a value, a share, a yes, a column code or a row label over its value heads no section
    for cell in ("1 444 kr", "821 kr (44%)", "Ja", "Df", "Om 11,45 kr", "Förgävesbesök"):
        assert cell not in titles, headings
    assert "Nedtagning av vattenmätare" not in titles
    # the § headings are the top level; another heading ("Tjänst") sits inside one
    levels = {t: lvl for lvl, t in headings}
    assert levels["§ 17 Avgifter för särskilda åtgärder"] == 1
    assert all(lvl > 1 for lvl, t in headings if not t.startswith("§"))


def test_a_tables_last_column_header_heads_nothing_after_its_short_column_labels():
    # The meter fee table of a plain pdftotext export: its own heading, then the header cells a
    # line each, then the rows. "TOTAL AVGIFT" after "Df" and "Dg" is a header cell: taken for a
    # heading it headed the rows, and "MÄTARAVGIFT" (what a question about the fee names) did not.
    page = (
        "§ 13 Brukningsavgift\n\nAvgift utgår per mätare och år:\n\nMÄTARAVGIFT\n\n"
        "V\n\nS\n\nDf\n\nDg\n\nTOTAL AVGIFT\n\nd) DN20 småhus\n\n686 kr (46%)\n\n"
        "793 kr (54%)\n\n1 479 kr\n\nVid byte av mätare tas ingen avgift ut.\n"
    )
    lay = lay_out_pages([page])
    titles = [lay.pages[0][u.start : u.end] for u in lay.units if u.kind == "heading"]
    assert "MÄTARAVGIFT" in titles and "TOTAL AVGIFT" not in titles, titles
    # One short label before it is no run of column labels: a heading after a one-letter line
    # ("Bilaga" / "A" / "Avgifter för …") still heads its text.
    single = "Bilaga\n\nA\n\nAvgifter för tillsyn\n\nAvgiften tas ut per timme.\n"
    lay = lay_out_pages([single])
    titles = [lay.pages[0][u.start : u.end] for u in lay.units if u.kind == "heading"]
    assert "Avgifter för tillsyn" in titles, titles


def test_a_case_number_or_a_dated_decision_line_is_no_heading():
    # "Dnr KS 2013/105" and "Beslutad av … 27 juli 2017" on a cover: records, not section names
    # (as headings they left the passage under them and its evidence out of the search).
    page = (
        "Rutin för inköp\n\n"
        "Dnr KS 2013/105\n\n"
        "Rutin för inköp (B 16:1)\n\n"
        "Beslutad av kommunchef Anna Berg 27 juli 2017\n\n"
        "Gäller från 1 augusti 2017.\n\n"
        "Inköp\n\n"
        "Alla inköp ska göras enligt gällande ramavtal.\n"
    )
    headings = [text for kind, text in _kinds(page) if kind == "heading"]
    assert "Dnr KS 2013/105" not in headings, headings
    assert not any("27 juli 2017" in h for h in headings), headings
    assert "Inköp" in headings, headings
    # a timetable's row, its day first: an entry, not the name of the rows after it
    rows = "Tidplan\n\n28 sep MBL-förhandling\n\n2 okt Förslagen skickas in till kommunstyrelsen.\n"
    assert [t for k, t in _kinds(rows) if k == "heading"] == ["Tidplan"]
    # a statute's designation under its title: the text's own words, no section's name (as a
    # heading it left the passage, and "which amendment is the latest?" had no passage)
    statute = (
        "Sagoverkets föreskrifter om lekplatser\n\n"
        "SVFS 2011:16 med ändringar till och med SVFS 2017:10\n\n"
        "Detta är en konsoliderad version av föreskrifterna.\n\n"
        "Inledning\n\n"
        "1 § Dessa föreskrifter gäller lekplatser.\n"
    )
    headings = [t for k, t in _kinds(statute) if k == "heading"]
    assert not any("2011:16" in h for h in headings), headings
    assert "Inledning" in headings, headings


def test_lines_opening_with_one_label_and_rising_numbers_after_a_lead_are_a_list():
    # "Förslaget är följande:" over "Fokusområde 1 – …" … "Fokusområde 17 – …" and text: a list
    # with its lead; the last line had headed the section after it, the lead the list.
    page = (
        "Kommunövergripande mål\n\n"
        "Fullmäktige beslutar i december om vilka fokusområden som blir mål för 2027.\n\n"
        "Förslaget är följande:\n\n"
        "Fokusområde 1 – Hållbarhet i näringsliv och arbetsmarknad\n"
        "Fokusområde 9 – Klimatanpassning\n"
        "Fokusområde 17 – Partnerskap och samverkan\n\n"
        "Nämnderna ska sedan besluta om strategiska ställningstaganden.\n"
    )
    kinds = _kinds(page)
    assert [t for k, t in kinds if k == "heading"] == ["Kommunövergripande mål"], kinds
    assert [k for k, t in kinds if t.startswith("Fokusområde")] == ["list_item"] * 3
    # without a lead the same lines stay what they were (numbered section names)
    bare = page.replace("Förslaget är följande:\n\n", "")
    assert "list_item" not in [k for k, _ in _kinds(bare)]


def test_a_run_of_annexes_under_a_lead_naming_them_is_a_list():
    # "Bilagor" over "Bilaga 1 – …", "Bilaga 2 – …" at an agreement's end: the list of its
    # annexes, not the heading of the text after it (which once read "Bilaga 2 – Lista …").
    page = (
        "Underskrifter\n\n"
        "Avtalet har upprättats i två exemplar.\n\n"
        "Bilagor\n"
        "Bilaga 1 – Instruktion för behandling av personuppgifter\n"
        "Bilaga 2 – Lista över underbiträden\n\n"
        "Detta avtal är baserat på en mall för personuppgiftsbiträdesavtal.\n"
    )
    kinds = _kinds(page)
    assert [k for k, t in kinds if t.startswith("Bilaga ")] == ["list_item"] * 2, kinds
    # a heading that is not the label's plural leads no such list
    other = page.replace("Bilagor\n", "Övrigt\n")
    assert "list_item" not in [k for k, t in _kinds(other) if t.startswith("Bilaga ")]


def test_three_annexes_ending_their_page_are_a_list_whatever_stands_before():
    # A regulation lists its annexes after the signatures: the last one had headed the first
    # annex's text on the next page.
    page = (
        "Dessa föreskrifter träder i kraft den 1 april 2031.\n\n"
        "ANNA ANDERSSON\n"
        "Bilaga 1 – Information om pension\n"
        "Bilaga 2 – Information om försäkring\n"
        "Bilaga 3 – Faktabladets innehåll\n"
    )
    kinds = _kinds(page)
    assert [k for k, t in kinds if t.startswith("Bilaga ")] == ["list_item"] * 3, kinds


def test_tab_separated_table_rows_are_records_not_headings_or_wrapped_lines():
    # A Word table copied as text: each row its cells split by tabs. Read as prose, the header
    # row headed the rows and every row wrapped onto the one before.
    page = (
        "3.2 Lagringstider\n"
        "Uppgiftstyp\tLagringstid\tMotivering\n"
        "Användarkonton\tTills kontot raderas\tNödvändigt för tjänsten\n"
        "Aktivitetsloggar\t12 månader\tFelsökning och säkerhet\n"
        "3.3 Efter avtalets upphörande\n"
        "Personuppgifterna raderas enligt huvudavtalet.\n"
    )
    kinds = _kinds(page)
    assert [t for k, t in kinds if k == "heading"] == [
        "3.2 Lagringstider",
        "3.3 Efter avtalets upphörande",
    ], kinds
    assert "Aktivitetsloggar\t12 månader\tFelsökning och säkerhet" in [t for _, t in kinds], kinds


def test_a_table_exports_empty_cells_are_kept():
    # A fee table exported cell by cell: "-" marks an empty cell. Two in a row were read as a
    # bullet glyph waiting for its item, and the first was dropped: the page lost text.
    table = (
        "Avgift utgår per fastighet med:\n\nc) en dagvattenavgift\nper m² tomtyta och år\n\n"
        "-\n\n-\n\n1,25 kr (66%)\n\n0,65 kr (34%)\n\n1,90 kr\n"
    )
    page = lay_out_pages([table]).pages[0]
    assert " ".join(page.split()).endswith("år - - 1,25 kr (66%) 0,65 kr (34%) 1,90 kr")


def test_a_numbered_row_is_read_with_its_value_cell_and_a_dashed_cell_with_no_other():
    # "1. Förskolor … ventilation." / "3 år": the row's value on the next line is the row's
    # (chunked apart, it went with the next row); a table's dashed cell ("- 61 359 kr") is a
    # value itself and joins no other.
    page = (
        "3 § Besiktning ska utföras med de intervall som anges i följande sammanställning:\n"
        "1. Förskolor, skolor och vårdlokaler oavsett typ av\n"
        "ventilationssystem.\n"
        "3 år\n"
        "2. Flerbostadshus med F- och S-ventilation.\n"
        "6 år\n"
        "TOTAL AVGIFT\n"
        "- 61 359 kr\n"
        "67,00 kr\n"
    )
    lay = lay_out_pages([page])
    units = [" ".join(lay.pages[0][u.start : u.end].split()) for u in lay.units]
    assert "1. Förskolor, skolor och vårdlokaler oavsett typ av ventilationssystem. 3 år" in units
    assert "2. Flerbostadshus med F- och S-ventilation. 6 år" in units
    assert "- 61 359 kr" in units and "67,00 kr" in units


def test_a_serial_number_or_a_web_address_heads_no_section():
    page = (
        "Norrverkets författningssamling\n"
        "ISSN 1234-5678\n\n"
        "Myndigheten föreskriver följande med stöd av förordningen om tillsyn och kontroll.\n\n"
        "Se www.exempel.se/dokument/ordlista\n\n"
        "Ordlistan förklarar de ord som används i faktabladet och i årsbeskedet.\n"
    )
    headings = [t for k, t in _kinds(page) if k == "heading"]
    assert not any("ISSN" in h or "www." in h for h in headings), headings


@pytest.mark.parametrize(
    "phone", ["Tfn 026-17 83 21 (dir)", "Tel. 0771-25 26 27", "Växel: 08-508 290 00"]
)
def test_a_letterheads_phone_line_is_no_heading(phone):
    # The cover's foot: as a heading, the phone line named the next page's first section.
    page = f"Bygg och miljö\n\n{phone}\n\nNedanstående bestämmelser gäller enligt kartan.\n"
    kinds = _kinds(page)
    assert ("heading", phone) not in kinds and any(phone in t for _, t in kinds)


def test_a_definition_list_exported_a_line_per_column_is_one_unit_an_entry():
    # pdftotext of a statute's two-column list: the term's line, a blank line, its definition
    page = (
        "I dessa föreskrifter avses med\n\ngasklocka\n\nbehållare för brandfarlig gas vars"
        "\nvolym ändras med gasmängden,\n\nnätbolag\n\nföretag som ansvarar för distribution"
        "\nav brandfarlig gas via rörledningar,\n\nrörledning\n\nfast installerad ledning för"
        "\nbrandfarlig gas.\n"
    )
    texts = [" ".join(text.split()) for _, text in _kinds(page)]
    assert (
        "nätbolag företag som ansvarar för distribution av brandfarlig gas via rörledningar,"
        in texts
    )
    assert "rörledning fast installerad ledning för brandfarlig gas." in texts
