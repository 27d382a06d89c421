"""The card: titles and facts in Swedish public documents' own forms, each with the line it
came from; blank template fields are no facts. Then the dev2 documents' titles and facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import load_text

from assistant.ingest import LoadedDocument, load_document
from assistant.ingest.card import find_facts, find_title
from assistant.ingest.layout import lay_out_pages

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV2 = SHARED / "dev2" / "corpus"
needs_dev2 = pytest.mark.skipif(not DEV2.is_dir(), reason="../shared is absent")


def _facts(text: str, title: str = "") -> dict[str, list[tuple[str, str]]]:
    lay = lay_out_pages(text.split("\f"))
    out: dict[str, list[tuple[str, str]]] = {}
    for fact in find_facts(lay, title):
        out.setdefault(fact["key"], []).append((fact["value"], fact["line"]))
        if fact["where"] == "page":  # the line is verbatim on its cleaned page
            assert fact["line"] in lay.pages[fact["page"] - 1]
    return out


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Dnr KSL/12/0177", "KSL/12/0177"),
        ("Diarienummer: KS 2024/0173", "KS 2024/0173"),
        ("Dnr: UF/2011:71", "UF/2011:71"),
        ("LD17/03997", "LD17/03997"),
        ("Vårt dnr ABC 2023/45", "ABC 2023/45"),
    ],
)
def test_case_numbers_in_their_own_forms(line, number):
    facts = _facts(f"Riktlinje för stöd\n\n{line}\n\nText om stödet.")
    assert facts["case_number"][0] == (number, line)


def test_a_regions_content_owner_is_the_document_owner():
    facts = _facts(
        "Rutin\n\nInnehållsansvar: Fredrika Holm, Strateg\n\nGodkänd av: Johan Flarup, Direktör\n\n"
        "Kontinuitet för IT-tjänster\n\nText om rutinen."
    )
    assert facts["owner"][0] == (
        "Fredrika Holm, Strateg",
        "Innehållsansvar: Fredrika Holm, Strateg",
    )


def test_blank_template_fields_are_no_facts():
    text = (
        "Regler för kort\n\nDiarienummer: skriv nummer exempelvis KS/xxx:xx\n\nDiarienummer:\n\n"
        "Dokumentet är beslutat av:\n\nDokumentet beslutades den: skriv datum så här xx månad 20xx\n\n"
        "Dokumentansvarig är:\n\nText."
    )
    assert _facts(text) == {}


def test_decision_validity_owner_and_contact_keep_their_lines():
    text = (
        "Kulturplan för Norrvik 2019–2022\n\n"
        "Antagen av kommunfullmäktige § 117, 2011-06-16\n\n"
        "Dokumentet gäller tills vidare.\n\n"
        "Dokumentägare: Kultur- och fritidsförvaltningen\n\n"
        "Kontaktperson: Anna Andersson\n\n"
        "Nämnden har beslutat av flera skäl att satsa på kultur i planen.\n\n"
    )
    facts = _facts(text, "Kulturplan för Norrvik 2019–2022")
    assert facts["decision"] == [
        (
            "Antagen av kommunfullmäktige § 117, 2011-06-16",
            "Antagen av kommunfullmäktige § 117, 2011-06-16",
        )
    ]
    assert facts["validity"][0] == ("gäller tills vidare.", "Dokumentet gäller tills vidare.")
    assert ("2019–2022", "Kulturplan för Norrvik 2019–2022") in facts["validity"]
    assert facts["owner"] == [
        ("Kultur- och fritidsförvaltningen", "Dokumentägare: Kultur- och fritidsförvaltningen")
    ]
    assert facts["contact"] == [("Anna Andersson", "Kontaktperson: Anna Andersson")]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "1 (3)\nAdministrativa enheten\nRiktlinje för kulturstöd\nBakgrund\nKommunen ger stöd till föreningar.",
            "Riktlinje för kulturstöd",
        ),
        (
            "Strategi\nProgram\nPlan\nRegler för resor i tjänsten\nDiarienummer: KS/2020:1\nText om resor.",
            "Regler för resor i tjänsten",
        ),
        (
            "Överenskommelse om bidrag mellan Norrvik kommun och Region Sydmark\nBakgrund\nRegionen ger bidrag.",
            "Överenskommelse om bidrag mellan Norrvik kommun och Region Sydmark",
        ),
    ],
)
def test_title_is_never_a_page_number_department_tick_box_or_glued(page, title):
    assert find_title(lay_out_pages([page]), "", "doc") == title


@pytest.mark.parametrize("bullet", ["*", "•", "\uf0b7", "-"])
def test_a_list_item_is_no_title(bullet):
    body = "Behandlingen ska följas upp varje vecka av den ansvariga läkaren på enheten där patienten vårdas."
    page = f"{bullet} Akut smärta hos vuxna\n{bullet} Långvarig smärta\n{body}\n"
    assert find_title(lay_out_pages([page]), "Smärtbehandling", "doc") == "Smärtbehandling"


def test_a_running_header_that_reads_as_sentences_is_no_title_and_no_body():
    header = "OBS! Utskriven version kan vara ogiltig. Verifiera innehållet."
    body = "Rutinen gäller för alla förvaltningar. Den ses över varje år av regionen."
    pages = [f"{header}\nKontinuitetshantering av IT-tjänster\n{body}\n"] + [
        f"{header}\n{body}\nText på sida {n}.\n" for n in range(2, 5)
    ]
    assert (
        find_title(lay_out_pages(pages), "", "vgr-rutin") == "Kontinuitetshantering av IT-tjänster"
    )
    # a running header that is the title stays the title
    pages = ["Handlingsplan för klimat\nBakgrund\nText.\n"] + [
        f"Handlingsplan för klimat\n{body}\n" for _ in range(3)
    ]
    assert find_title(lay_out_pages(pages), "", "doc") == "Handlingsplan för klimat"


def test_a_type_line_naming_no_topic_is_joined_to_the_topic_above_it():
    body = "Rutinen beskriver hur tjänsterna ska kunna fortsätta vid avbrott i driften."
    page = f"Kontinuitetshantering\nav e-tjänster\n\nKommunal rutin 2024–2027\n\n{body}\n"
    assert (
        find_title(lay_out_pages([page]), "", "doc")
        == "Kontinuitetshantering av e-tjänster – Kommunal rutin 2024–2027"
    )
    # a type line that names its topic stays the title
    page = f"Ledningssystem\n\nRutin för avbrott i e-tjänster\n\n{body}\n"
    assert find_title(lay_out_pages([page]), "", "doc") == "Rutin för avbrott i e-tjänster"


def test_a_type_line_opening_page_one_is_named_by_the_topic_line_under_it():
    # A plan's cover: its running header ("BESTÄMMELSER TILL OMRÅDESBESTÄMMELSER", atop every
    # page) names only its type; the place it is about stands on the next line.
    header, body = (
        "BESTÄMMELSER TILL\nOMRÅDESBESTÄMMELSER",
        "Byggnaderna får inte rivas. Taken ska vara av tegel.",
    )
    page = (
        f"{header}\n\nNorrby Bruk\nOmrådesbestämmelser för fastigheten Norrby 1:5 m fl.\n\n{body}\n"
    )
    assert (
        find_title(lay_out_pages([page]), "", "plan")
        == "Norrby Bruk – Bestämmelser till områdesbestämmelser"
    )
    # a type line naming its topic stays the title alone
    page = f"Bestämmelser för Norrby hamn\n\nNorrby Bruk\n\n{body}\n"
    assert find_title(lay_out_pages([page]), "", "plan") == "Bestämmelser för Norrby hamn"


@pytest.mark.parametrize(
    ("series", "title"),
    [
        ("Norrverkets författningssamling", "Norrverkets föreskrifter om avgifter för tillsyn"),
        ("Norrstads kommuns dokumentsamling", "Överenskommelse om samverkan kring fritidsgårdar"),
    ],
)
def test_a_title_naming_its_type_with_a_diacritic_is_the_title_not_the_series_above(series, title):
    # "föreskrifter" and "överenskommelse" are typed titles as "riktlinjer" is: the series name
    # above them (with its designation and ISSN) is no title.
    body = "Myndigheten föreskriver följande med stöd av förordningen om tillsyn och kontroll."
    page = f"{series}\nISSN: 2000-0000\n\nNVFS 2021:1\n\n{title}\n\n{body}\n"
    assert find_title(lay_out_pages([page]), "", "NVFS-2021-1") == title


# --- dev2: the README's titles and facts; generic checks, no strings tuned for ------------

_EXPECTED_TITLE_WORDS = {
    "region-stockholm-kommuner-sammanhallen-overenskommelse-aldre-2020.txt": "Sammanhållen överenskommelse om vård och omsorg för äldre",
    "botkyrka-kommun-riktlinje-samordnad-individuell-plan-sip.txt": "samordnad individuell plan",
    "botkyrka-kommun-bemanningspolicy-2023.txt": "Bemanningspolicy",
    "botkyrka-kommun-regler-betalkort-och-drivmedelskort.txt": "Regler för användande av betalkort och drivmedelskort i Botkyrka kommun",
}


@needs_dev2
@pytest.mark.parametrize("name", sorted(_EXPECTED_TITLE_WORDS))
def test_dev2_titles(name):
    doc = load_document(DEV2 / name, DEV2)
    assert isinstance(doc, LoadedDocument)
    assert _EXPECTED_TITLE_WORDS[name].casefold() in doc.title.casefold()
    assert len(doc.title) <= 120  # not glued onto the next heading or paragraph
    assert not doc.title[:1].isdigit()


@needs_dev2
def test_dev2_card_facts():
    docs = {p.name: load_document(p, DEV2) for p in sorted(DEV2.iterdir())}
    facts = {name: {f["key"]: f for f in doc.metadata["card_facts"]} for name, doc in docs.items()}
    staffing = facts["botkyrka-kommun-bemanningspolicy-2023.txt"]
    assert (
        "2023-09-19" in staffing["decision"]["line"]
        or "2023-09-19" in docs["botkyrka-kommun-bemanningspolicy-2023.txt"].card
    )
    assert "tillsvidare" in staffing["validity"]["line"]
    assert "Enhetschef Bemanningsenheten" in staffing["owner"]["value"]
    cards = facts["botkyrka-kommun-regler-betalkort-och-drivmedelskort.txt"]
    assert "KS/2009:517" in cards["replaces"]["value"]
    assert "case_number" not in cards and "decision" not in cards  # template instructions only
    assert cards["owner"]["value"] == "Planerings- och uppföljningsavdelningen"
    sip = facts["botkyrka-kommun-riktlinje-samordnad-individuell-plan-sip.txt"]
    assert not {"case_number", "decision", "owner"} & set(sip)  # blank fields
    region = facts["region-stockholm-kommuner-sammanhallen-overenskommelse-aldre-2020.txt"]
    assert "februari 2020" in region["revised"]["value"]
    for name, doc in docs.items():
        for fact in doc.metadata["card_facts"]:
            if fact["where"] == "page":
                assert fact["line"] in doc.pages[fact["page"] - 1], (name, fact)


def test_three_parties_of_a_title_are_three(tmp_path):
    # "mellan A, B och C": the first two were one party "A, B", whose commitments were nobody's.
    title = "Avtal mellan Sjöby kommun, Åby kommun och Region Norrland om ungdomsmottagning"
    doc = load_text(tmp_path, "avtal.txt", f"{title}\n\nParterna ska samverka om mottagningen.\n")
    assert doc.metadata["parties"] == ["Sjöby kommun", "Åby kommun", "Region Norrland"]
    assert "Parter (parterna, parties): Sjöby kommun, Åby kommun och Region Norrland" in doc.card


def test_a_titles_trailing_semicolon_is_no_part_of_it(tmp_path):
    # A regulation's title line ends in ";" when its designation line follows in the print.
    body = "Myndigheten föreskriver följande med stöd av förordningen om tillsyn och kontroll."
    text = f"Norrverkets föreskrifter om avgifter för tillsyn;\n\n{body}\n"
    doc = load_text(tmp_path, "NVFS-2021-1.txt", text)
    assert doc.metadata["title"] == "Norrverkets föreskrifter om avgifter för tillsyn"


def test_a_statute_books_title_block_without_its_semicolon_still_gives_title_and_facts(tmp_path):
    # A PDF export that lost the ";" before "beslutade den …", a series with a hyphen over its
    # number, a file name that shortens the title's words, an entry into force naming what it
    # repeals without a comma: the file name was the title and the card had no decision, no
    # designation and no replaced text (a read blind set's regulation).
    text = (
        "Norrverkets författningssamling\nISSN 1100-0000\n\nNORR-FS\n2022:1\n\n"
        "Norrverkets föreskrifter och allmänna råd om hur starkströmsanläggningar\n"
        "ska vara utförda\nbeslutade den 21 april 2022.\n"
        "Norrverket meddelar följande föreskrifter med stöd av 33 § förordningen.\n\n"
        "1 § Dessa föreskrifter gäller starkströmsanläggningar. De gäller också ledningar.\n\n"
        "Dessa föreskrifter träder i kraft den 1 december 2022 då Norrverkets föreskrifter "
        "(NORR-FS 2008:1) om hur elektriska starkströmsanläggningar ska vara utförda ska upphöra "
        "att gälla.\n"
    )
    doc = load_text(tmp_path, "norr-fs-2022-1-starkstromsanlaggningars-utforande.txt", text)
    title = (
        "Norrverkets föreskrifter och allmänna råd om hur starkströmsanläggningar ska vara utförda"
    )
    assert doc.metadata["title"] == f"{title} (NORR-FS 2022:1)"
    facts = {f["key"]: f["value"] for f in doc.metadata["card_facts"]}
    assert facts["decision"] == "beslutade den 21 april 2022."
    assert facts["in_force"].startswith("träder i kraft den 1 december 2022")
    assert facts["replaces"].startswith("Norrverkets föreskrifter (NORR-FS 2008:1)")


def test_a_statute_books_series_line_is_no_title_and_its_printing_column_leaves_the_title(tmp_path):
    # "BOVERKETS BFS 2007:4" and "Naturvårdsverkets författningssamling" name the book; the
    # printing date's column broke the title's word in two ("energidekla-" / "ration").
    text = (
        "NORRVERKETS                                      NVFS 2007:4\n"
        "FÖRFATTNINGSSAMLING                              BED 1\n"
        "Utgivare: Anna Berg\n\n\n"
        "Norrverkets föreskrifter och allmänna råd om energidekla-      Utkom från trycket\n"
        "                                                               den 20 februari 2007\n"
        "ration för byggnader\n"
        "beslutade den 16 februari 2007.\n\n"
        "Med stöd av 5 § förordningen föreskriver Norrverket följande. Det gäller alla.\n"
    )
    doc = load_text(tmp_path, "norrverket-nvfs-2007-4-energideklaration.txt", text)
    title = "Norrverkets föreskrifter och allmänna råd om energideklaration för byggnader"
    assert doc.metadata["title"].startswith(title)
    series = (
        "Norrverkets författningssamling\nNVFS 2021:10\n\nTexten gäller tillsyn. Den gäller alla.\n"
    )
    doc = load_text(tmp_path, "norrverket-nvfs-2021-10-tillsyn.txt", series)
    assert "författningssamling" not in doc.metadata["title"]


def test_a_file_name_in_front_matter_is_no_title(tmp_path):
    # A PDF-to-Markdown converter wrote the file name as the title: page 1's title is the title.
    text = (
        '---\ntitle: "omhandertagande-av-avlidna-overenskommelse"\nsource_url: "https://x.se/a.pdf"\n'
        "---\n\nÖverenskommelse om omhändertagande av avlidna\n\n"
        "Parterna ska samverka om transporter och förvaring enligt denna överenskommelse.\n"
    )
    doc = load_text(tmp_path, "avlidna.md", text)
    assert doc.metadata["title"] == "Överenskommelse om omhändertagande av avlidna"
    # a real title in front matter stays the title
    named = text.replace('"omhandertagande-av-avlidna-overenskommelse"', '"Avtal om transporter"')
    assert load_text(tmp_path, "avtal.md", named).metadata["title"] == "Avtal om transporter"
