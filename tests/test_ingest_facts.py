"""Card facts whose values hold colons: a case number's colon ("KS/2009:517") is part of the
value, only a label's colon (followed by a space or the line's end) separates label and value."""

from __future__ import annotations

import pytest

from assistant.ingest.card import find_facts
from assistant.ingest.layout import lay_out_pages


def _values(text: str, key: str) -> list[str]:
    lay = lay_out_pages([text])
    return [f["value"] for f in find_facts(lay, "Regler för kort") if f["key"] == key]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dokumentet ersätter: Regler för kort (KS/2009:517)", "Regler för kort (KS/2009:517)"),
        ("Dokumentet ersätter: KS/2009:517", "KS/2009:517"),
        ("Ersätter KS/2009:517", "KS/2009:517"),
        ("Dokumentet ersätter riktlinje UF/2011:71", "riktlinje UF/2011:71"),
    ],
)
def test_replaces_keeps_the_colon_inside_a_case_number(line, value):
    assert _values(f"Regler för kort\n\n{line}\n\nText om korten.", "replaces") == [value]


@pytest.mark.parametrize(
    ("body", "value"),
    [
        # the document itself, by its kind, as the subject, anywhere in the text; a range broken
        # at its dash over two lines is one sentence
        (
            "Text om korten.\n\nKortreglerna ersätter tidigare regler 2019\n– 2023 (KS-2019-12).",
            ["tidigare regler 2019 – 2023 (KS-2019-12)."],
        ),
        (
            "Text.\n\nDenna riktlinje ersätter riktlinjen för lånekort.",
            ["riktlinjen för lånekort."],
        ),
        # "ersätter" as "pays", said of someone else: no fact
        ("Text.\n\nKommunen ersätter kostnader för resor.", []),
        # a regulation's entry into force names what stops applying
        (
            "Text.\n\nDessa föreskrifter träder i kraft den 1 juni 2021, då Norrverkets "
            "föreskrifter (NVFS 2011:1) om avgifter ska upphöra att gälla.",
            ["Norrverkets föreskrifter (NVFS 2011:1) om avgifter"],
        ),
        (
            "Text.\n\nGenom dessa föreskrifter upphävs Norrverkets allmänna råd om avgifter.",
            ["Norrverkets allmänna råd om avgifter"],
        ),
        # a date alone: nothing stops applying
        ("Text.\n\nDessa föreskrifter träder i kraft den 1 juni 2021.", []),
    ],
)
def test_a_sentence_saying_what_the_document_replaces_is_a_fact(body, value):
    assert _values(f"Regler för kort\n\n{body}\n", "replaces") == value


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Kundservice: 0771-25 26 27", ["0771-25 26 27"]),
        ("Kundtjänst: 08-123 45 67", ["08-123 45 67"]),
        ("Handläggare: Eva Ek", ["Eva Ek"]),
        # a sentence about the desk, no label with its colon: no contact line
        ("Kundtjänst är öppen vardagar 8-17.", []),
        ("Kontakta oss gärna.", []),
    ],
)
def test_a_service_desks_line_is_a_contact_fact(line, value):
    assert _values(f"Regler för kort\n\nText om korten.\n\n{line}\n", "contact") == value


def test_owner_value_after_the_label_colon_only():
    text = "Regler för kort\n\nDokumentansvarig är: Avdelning 2:a\n\nText om korten."
    assert _values(text, "owner") == ["Avdelning 2:a"]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # who keeps the document up to date answers for it
        ("Ansvarig för revidering: Miljösamordnare", ["Miljösamordnare"]),
        ("Revideringsansvarig: Kanslichef", ["Kanslichef"]),
        # a responsibility in the text is no label of the document
        ("Ansvarig för revidering av rutinerna är varje enhet.", []),
    ],
)
def test_who_revises_the_document_is_its_owner(line, value):
    assert _values(f"Regler för kort\n\n{line}\n\nText om korten.", "owner") == value


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dokumentet är beslutat av: Kommunstyrelsen", "beslutat av: Kommunstyrelsen"),
        ("Antagen av kommunfullmäktige", "Antagen av kommunfullmäktige"),
        ("Beslutad: Socialnämnden", "Beslutad: Socialnämnden"),
    ],
)
def test_who_decided_is_a_decision_fact_on_a_metadata_line(line, value):
    assert _values(f"Regler för kort\n\n{line}\n\nText om korten.", "decision") == [value]


def test_the_governments_decision_formula_is_a_decision_fact():
    # every kommittédirektiv and government decision opens so
    line = "Beslut vid regeringssammanträde den 2 mars 2011"
    assert _values(f"Regler för kort\n\n{line}\n\nText om korten.", "decision") == [line]
    body = "Frågan togs upp vid sammanträdet. Beslut vid regeringssammanträde saknades då."
    assert _values(f"Regler för kort\n\n{body}\n\nText om korten.", "decision") == []


@pytest.mark.parametrize(
    "line",
    [
        "Dokumentet är beslutat av: skriv namn på högsta beslutade funktion/organ",
        "Dokumentet är beslutat av:",
        "Planen är fastställd av nämnden och ska följas av alla förvaltningar.",
    ],
)
def test_template_blank_or_body_decision_lines_are_no_facts(line):
    assert _values(f"Regler för kort\n\n{line}\n\nText om korten.", "decision") == []


def test_a_form_field_over_two_lines_is_one_unit_and_a_card_fact():
    # PDF exports of a metadata table put each label and its value on lines of their own.
    text = (
        "Dokumentnamn:\nRutin för kort\nUtarbetad av:\nAnna Berg\nGodkänd av:\nPer Ek\n"
        "Giltig från:\n2021-09-22\n\nSjuksköterskan ansvarar för att:\n- lista patienten.\n"
    )
    lay = lay_out_pages([text])
    units = [lay.pages[u.page - 1][u.start : u.end] for u in lay.units]
    assert "Utarbetad av: Anna Berg" in units and all(u.kind != "heading" for u in lay.units[:4])
    assert "Sjuksköterskan ansvarar för att:" in units  # a list's lead-in is not a form label
    facts = {f["key"]: f["value"] for f in find_facts(lay, "Rutin för kort")}
    assert (facts["decision"], facts["validity"]) == (
        "Godkänd av: Per Ek",
        "Giltig från: 2021-09-22",
    )


@pytest.mark.parametrize(
    ("body", "purpose"),
    [
        (
            "Bilagan beskriver ersättningar för turnerande scenkonst. Nivåerna står nedan.",
            "Bilagan beskriver ersättningar för turnerande scenkonst.",
        ),
        (
            "Det övergripande syftet med överenskommelsen är att ge en grund för samverkan.",
            "Det övergripande syftet med överenskommelsen är att ge en grund för samverkan.",
        ),
        (
            "Delöverenskommelsen syftar till att tydliggöra ansvaret.",
            "Delöverenskommelsen syftar till att tydliggöra ansvaret.",
        ),
        # the first sentence under a "Syfte" heading, whatever its words
        (
            "1.2 Syfte\n\nAtt alla vet vem som gör vad. Rutinen följs upp årligen.",
            "Att alla vet vem som gör vad.",
        ),
    ],
)
def test_the_documents_own_purpose_sentence_is_a_card_fact(body, purpose):
    text = f"Regler för kort\n\nInledning\n\n{body}\n\nKorten förvaras i kassaskåp."
    assert _values(text, "purpose") == [purpose]


@pytest.mark.parametrize(
    "body",
    [
        "Korten beskriver inget. Planen ska följas av alla.",  # no document speaks of itself
        "Rutinen ska följas av alla. I syfte att spara pengar lånas korten ut.",
        "1.2 Syfte ........................ 4",  # a table of contents line
    ],
)
def test_no_purpose_without_a_purpose_sentence(body):
    assert _values(f"Regler för kort\n\n{body}\n\nKorten förvaras i kassaskåp.", "purpose") == []


def test_a_regulations_title_and_its_decision_line_are_one_unit_and_a_decision_fact():
    # Authorities' regulations print their title over lines ending "…;" and "beslutade den …"
    # (Swedish statute form). The ";" ended the unit, so the decision stood alone on its line,
    # far from the title, and, stated after a semicolon, was read as no fact.
    text = (
        "Statens räddningsverks allmänna råd\n"
        "om utrustning för vattenlivräddning\n"
        "vid hamnar och badplatser;\n"
        "beslutade den 17 december 2007.\n\n"
        "Dessa allmänna råd behandlar utrustning för vattenlivräddning.\n"
    )
    lay = lay_out_pages([text])
    first = lay.pages[0][lay.units[0].start : lay.units[0].end]
    assert " ".join(first.split()).endswith("badplatser; beslutade den 17 december 2007.")
    facts = find_facts(lay, "Statens räddningsverks allmänna råd")
    assert [f["value"] for f in facts if f["key"] == "decision"] == [
        "beslutade den 17 december 2007."
    ]
    # A body sentence that only uses the verb after a semicolon is no fact.
    body = "Regler för kort\n\nNämnden har diskuterat; beslutade den gången inget.\n"
    assert _values(body, "decision") == []


def test_an_entry_into_force_is_a_fact_of_its_own():
    text = (
        "Föreskrifter om personalliggare;\nbeslutade den 31 augusti 2015.\n\n"
        "1 § Text om liggaren.\n\n"
        "1. Dessa föreskrifter träder i kraft den 1 januari 2016.\n"
    )
    assert _values(text, "in_force") == ["träder i kraft den 1 januari 2016."]
    assert _values(text, "decision") == ["beslutade den 31 augusti 2015."]
    # written as one word, as regulations sometimes have it
    joined = text.replace("träder i kraft", "träder ikraft")
    assert _values(joined, "in_force") == ["träder ikraft den 1 januari 2016."]


def test_a_plans_final_date_is_its_entry_into_force():
    text = (
        "Områdesbestämmelser för Åby\n\nDnr 2021.0456\n"
        "Eva Ek             Laga kraft: 2022-04-12\n\n"
        "Text om bygglov.\n\nLovet gäller i två år från det att beslutet vann laga kraft.\n"
    )
    assert _values(text, "in_force") == ["Laga kraft: 2022-04-12"]


def test_a_statute_books_header_and_an_entry_into_force_that_repeals():
    text = (
        "Verkets föreskrifter om cisterner;\n\nUtkom från trycket den 30 november 2021 "
        "beslutade den 25 november 2021.\n\n1 § Text om cisterner.\n\n"
        "1. Dessa föreskrifter träder ikraft den 1 januari 2022, då Verkets föreskrifter "
        "(VFS 2017:5) om skydd mot mark- och vattenförorening vid hantering av brandfarliga "
        "vätskor och spilloljor upphör att gälla.\n"
    )
    assert _values(text, "decision") == ["beslutade den 25 november 2021."]
    [in_force] = _values(text, "in_force")
    assert in_force.startswith("träder ikraft den 1 januari 2022, då Verkets föreskrifter")
    assert _values(text, "replaces")[0].startswith("Verkets föreskrifter (VFS 2017:5) om skydd")
    # a body sentence that uses the verb, however long, is no fact
    body = (
        "Regler för kort\n\n"
        + "Om regler "
        + "som gäller " * 20
        + "träder i kraft 2022 gäller de.\n"
    )
    assert _values(body, "in_force") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Copyright (c) 2021 Sundsvalls kommun", ["Copyright (c) 2021 Sundsvalls kommun"]),
        ("© Digg 2024", ["© Digg 2024"]),
        ("© 2019–2023 Region Sagoby", ["© 2019–2023 Region Sagoby"]),
        # a sentence about copyright is no copyright line
        ("Copyright gäller för bilderna i rapporten.", []),
    ],
)
def test_a_copyright_line_is_a_fact(line, value):
    assert _values(f"Regler för kort\n\nText om korten.\n\n{line}\n", "copyright") == value


def test_fields_side_by_side_on_a_cover_are_facts_of_their_own():
    # A PDF cover laid out in two columns: read line by line, the decision's label followed the
    # officer's name ("Handläggare Anna Berg och Antagen av …") and the date of effect followed
    # the second officer's ("Per Lind Laga kraft: …"), which the card then quoted as its value.
    cover = (
        "Bestämmelser för Norrby hamn\n\n"
        "Handläggare Anna Berg och       Antagen av Byggnadsnämnden: 2007-01-24\n"
        "Per Lind                                            Laga kraft: 2007-02-20\n\n"
        "Båtplatser får inte hyras ut i andra hand.\n"
    )
    lay = lay_out_pages([cover])
    title = "Bestämmelser för Norrby hamn"
    facts = {f["key"]: (f["value"], f["line"]) for f in find_facts(lay, title)}
    assert facts["in_force"] == ("Laga kraft: 2007-02-20", "Laga kraft: 2007-02-20")
    assert facts["decision"][0] == "Antagen av Byggnadsnämnden: 2007-01-24"
    assert facts["contact"][0] == "Anna Berg och Per Lind"
    # each cited line stands in the page as laid out
    assert all(line in lay.pages[0] for _, line in facts.values())
    # a bullet and its item after a wide gap are one cell: no field
    item = "•    Intern kommunikation: Förbättra kanalerna för nyheter,\n"
    assert not find_facts(lay_out_pages([f"Plan\n\n{item}"]), "Plan")


# A statute book's header as ``pdftotext -layout`` exports it: the printing column runs into the
# title's lines, the decision line stands alone in lower case, and the entry into force breaks
# inside a bracket ("(VFS" / "2011:36)").
LAYOUT_HEADER = (
    "Verkets författningssamling\n"
    "Utgivare: Verket, www.verket.se\n\n"
    "                                                                   VFS 2011:39\n"
    "Verkets föreskrifter och allmänna råd                              Utkom från trycket\n"
    "om information som gäller försäkring och tjänstepension;           den 17 juni 2011.\n\n"
    "beslutade den 13 juni 2011.\n\n"
    "Verket föreskriver följande med stöd av 7 kap. 2 § förordningen (2011:257) och lämnar\n"
    "allmänna råd om hur informationen ska lämnas till den som tecknar en försäkring.\n\n"
    "1 § Dessa föreskrifter innehåller bestämmelser om information som ska lämnas till den\n"
    "som erbjuds att teckna försäkring och till den som är ersättningsberättigad.\n\n"
    "1. Dessa föreskrifter och allmänna råd träder i kraft den 1 april 2012, då\n"
    "Verkets föreskrifter (VFS 2011:35) om information som gäller livförsäkring och\n"
    "tjänstepension och Verkets föreskrifter (VFS\n"
    "2011:36) om information som gäller skadeförsäkring ska upphöra att gälla.\n"
)


def test_a_statute_books_layout_header_gives_its_title_decision_and_what_it_repeals():
    from assistant.ingest.card import find_title

    lay = lay_out_pages([LAYOUT_HEADER])
    assert find_title(lay, "", "vfs-2011-39") == (
        "Verkets föreskrifter och allmänna råd om information som gäller försäkring och "
        "tjänstepension"
    )
    facts = find_facts(lay, "Verkets föreskrifter")
    assert [f["value"] for f in facts if f["key"] == "decision"] == ["beslutade den 13 juni 2011."]
    [repealed] = [f["value"] for f in facts if f["key"] == "replaces"]
    assert repealed.startswith("Verkets föreskrifter (VFS 2011:35)")
    assert repealed.endswith("(VFS 2011:36) om information som gäller skadeförsäkring")
    # a lower-case line that only starts with the verb is no decision fact
    body = "Regler för kort\n\nbeslutade den 13 juni 2011 att korten ska bytas ut.\n"
    assert _values(body, "decision") == []


def test_a_statute_books_designation_line_ends_its_title_and_is_a_card_fact(tmp_path):
    from assistant.ingest.pipeline import load_document

    path = tmp_path / "header.txt"
    path.write_text(LAYOUT_HEADER, encoding="utf-8")
    doc = load_document(path, tmp_path)
    assert doc.title.endswith("försäkring och tjänstepension (VFS 2011:39)")
    assert "Beteckning (SFS-nummer, designation): VFS 2011:39" in doc.card
    # a title read from the file name is left as it is
    plain = tmp_path / "vfs-2011-39-information.txt"
    plain.write_text("VFS 2011:39\n\n" + "Text om information som ska lämnas. " * 30, "utf-8")
    assert "(VFS 2011:39)" not in load_document(plain, tmp_path).title


def test_a_repeal_in_a_sentence_of_its_own_names_what_the_text_replaces():
    text = (
        "Verkets föreskrifter om sotning;\nbeslutade den 11 november 2014.\n\n"
        "1 § Text om sotning.\n\n"
        "Denna författning träder i kraft den 1 januari 2015. Statens räddningsverks "
        "föreskrifter (SRVFS 2005:9) om rengöring ska samtidigt upphöra att gälla.\n"
    )
    assert _values(text, "replaces") == [
        "Statens räddningsverks föreskrifter (SRVFS 2005:9) om rengöring"
    ]
    # a rule that stops applying, named by no designation, replaces no text
    body = "Regler för kort\n\nKortet ska upphöra att gälla när anställningen upphör.\n"
    assert _values(body, "replaces") == []
