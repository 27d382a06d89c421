"""Party lines broken inside their pair ("Överenskommelse mellan Region" / "Stockholm och
kommuner …"): wrapped lines are one unit, and lines that stay separate units (Word paragraphs,
title lines set apart) still give the card its parties, citing the exact page text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import LoadedDocument, load_document
from assistant.ingest.card import find_facts
from assistant.ingest.layout import lay_out_pages
from assistant.ingest.model import Block, BlockKind
from assistant.ingest.pipeline import lay_out

DEV2 = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev2" / "corpus"


def _parties(layout) -> list[tuple[str, str]]:
    return [(f["value"], f["line"]) for f in find_facts(layout, "") if f["key"] == "parties"]


def test_wrapped_party_line_is_one_unit():
    text = (
        "Samverkan om\näldre\nÖverenskommelse mellan Region\nNorrland och kommuner i Norrlands\n"
        "län\nReviderad mars 2021\n\nInnehållet är framtaget av förvaltningen."
    )
    lay = lay_out_pages([text])
    units = [lay.pages[0][u.start : u.end] for u in lay.units]
    assert "Överenskommelse mellan Region Norrland och kommuner i Norrlands län" in units
    assert _parties(lay) == [
        (
            "Region Norrland och kommuner i Norrlands län",
            "Överenskommelse mellan Region Norrland och kommuner i Norrlands län",
        )
    ]


def test_a_complete_pair_does_not_take_the_next_line():
    lay = lay_out_pages(["Avtal mellan Norrvik och Sjöby\nBakgrund och syfte\n\nText här."])
    units = [lay.pages[0][u.start : u.end] for u in lay.units]
    assert units[:2] == ["Avtal mellan Norrvik och Sjöby", "Bakgrund och syfte"]


def test_party_line_over_separate_paragraphs():
    blocks = [
        Block(BlockKind.PARAGRAPH, "Överenskommelse mellan", 1),
        Block(BlockKind.PARAGRAPH, "Region Dalarna och Ludvika kommun", 1),
        Block(BlockKind.PARAGRAPH, "Parterna är överens om följande.", 1),
    ]
    lay = lay_out(blocks, 1)
    ((value, line),) = _parties(lay)
    assert value == "Region Dalarna och Ludvika kommun"
    assert (
        line in lay.pages[0]
        and " ".join(line.split()) == "Överenskommelse mellan Region Dalarna och Ludvika kommun"
    )


@pytest.mark.skipif(not DEV2.is_dir(), reason="../shared is absent")
def test_dev2_agreement_card_names_its_parties():
    name = "region-stockholm-kommuner-sammanhallen-overenskommelse-aldre-2020.txt"
    doc = load_document(DEV2 / name, DEV2)
    assert isinstance(doc, LoadedDocument)
    assert doc.metadata["parties"] == ["Region Stockholm", "kommuner i Stockholms län"]
    assert "Parter (parterna, parties): Region Stockholm och kommuner i Stockholms län" in doc.card


def test_the_second_party_ends_before_the_agreements_topic():
    # "… mellan Region Stockholm och kommuner i Stockholms län om läkemedelshantering …": the
    # topic after "om" is no part of the second party's name.
    from assistant.ingest.facts import PARTIES

    title = (
        "Överenskommelse mellan Region Stockholm och kommuner i Stockholms län om "
        "läkemedelshantering i hemsjukvården 2023–2026"
    )
    m = PARTIES.search(title)
    assert m is not None and m.groups() == ("Region Stockholm", "kommuner i Stockholms län")
    m = PARTIES.search("Agreement between Region Norrland and Sjöby municipality regarding culture")
    assert m is not None and m.groups() == ("Region Norrland", "Sjöby municipality")
