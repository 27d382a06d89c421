"""Validity per document and supersession, on fictional metadata (no index, no model)."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import StubDocument as Doc

from assistant.validity import assess, document_rows, parse_line, validity_of


def fact(key: str, line: str, page: int = 1, where: str = "page", value: str = "") -> dict:
    return {"key": key, "value": value or line, "page": page, "line": line, "where": where}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Överenskommelse om Fjällby 2019-2022", (date(2019, 1, 1), date(2022, 12, 31), False)),
        ("planperioden 2021–2024", (date(2021, 1, 1), date(2024, 12, 31), False)),
        (
            "Avtalet gäller från 2023-01-01 till och med 2026-12-31.",
            (date(2023, 1, 1), date(2026, 12, 31), False),
        ),
        ("Gäller från 1 mars 2020 och tills vidare.", (date(2020, 3, 1), None, True)),
        ("Riktlinjen gäller tills vidare.", (None, None, True)),
        ("Gäller till och med 2025-06-30.", (None, date(2025, 6, 30), False)),
        # A form's label and colon between "till" and the date: still the end.
        ("Dokumentet gäller till den: 2025-12-07 (max 5 år)", (None, date(2025, 12, 7), False)),
        ("Gäller t.o.m.: 2024-01-31", (None, date(2024, 1, 31), False)),
        (
            "Valid from 1 July 2024 until 30 June 2027.",
            (date(2024, 7, 1), date(2027, 6, 30), False),
        ),
        ("Gäller från 2023-02-30.", (None, None, False)),  # no such day: no date
        # a validity term's label with one date: when it runs out
        ("Giltighetstid: 31 december 2026", (None, date(2026, 12, 31), False)),
        ("Giltighetstid: 2023-2026", (date(2023, 1, 1), date(2026, 12, 31), False)),
    ],
)
def test_parse_line(line, expected):
    assert parse_line(line) == expected


def test_title_period_gives_validity_and_cites_the_title():
    title = "Överenskommelse mellan Fjällby kommun och Fjällby fritidsråd 2019-2022"
    meta = {"period": "2019-2022", "card_facts": [fact("validity", title, where="title")]}
    v = validity_of(meta)
    assert (v.valid_from, v.valid_to, v.open_ended) == (date(2019, 1, 1), date(2022, 12, 31), False)
    assert (v.page, v.line) == (1, title)


def test_body_line_with_dates_beats_title_period():
    body = "Överenskommelsen gäller från 2019-03-01 till och med 2022-12-31."
    meta = {
        "card_facts": [
            fact("validity", body, page=2),
            fact("validity", "Avtal 2019-2022", where="title"),
        ]
    }
    v = validity_of(meta)
    assert (v.valid_from, v.page, v.line) == (date(2019, 3, 1), 2, body)


def test_a_period_on_two_lines_is_one_period_citing_both():
    # A region's document head: "Giltig från: …" and "Giltig till: …" on lines of their own.
    meta = {
        "card_facts": [
            fact("validity", "Giltig från: 2025-01-30"),
            fact("validity", "Giltig till: 2029-12-31"),
        ]
    }
    v = validity_of(meta)
    assert (v.valid_from, v.valid_to, v.open_ended) == (
        date(2025, 1, 30),
        date(2029, 12, 31),
        False,
    )
    assert (v.line, v.other_line) == ("Giltig från: 2025-01-30", "Giltig till: 2029-12-31")
    # the two halves' days, not the title's years that follow them
    title = fact("validity", "Kontinuitetshantering – Regional rutin 2025–2029")
    v = validity_of({"card_facts": [*meta["card_facts"], title]})
    assert (v.valid_from, v.line) == (date(2025, 1, 30), "Giltig från: 2025-01-30")
    # an end before the start is no other half
    meta["card_facts"][1] = fact("validity", "Giltig till: 2020-12-31")
    v = validity_of(meta)
    assert (v.valid_to, v.other_line) == (None, None)


def test_open_ended_guideline_starts_at_adoption():
    adopted = "Antagen av kommunstyrelsen 2015-04-14, § 77."
    meta = {
        "card_facts": [
            fact("decision", adopted),
            fact("validity", "Riktlinjen gäller tills vidare."),
        ]
    }
    v = validity_of(meta)
    assert (v.valid_from, v.valid_to, v.open_ended) == (date(2015, 4, 14), None, True)
    assert v.line == "Riktlinjen gäller tills vidare."
    [row] = assess([Doc("r.md", "Riktlinje", "document", meta)], date(2030, 1, 1)).values()
    assert row.status == "in_force"


def test_sidecar_wins_and_a_bad_date_says_the_fix():
    meta = {"period": "2019-2022", "valid_from": "2019-01-01", "valid_to": "2024-06-30"}
    v = validity_of(meta)
    assert (v.valid_to, v.line, v.problem) == (date(2024, 6, 30), "sidecar", None)
    bad = validity_of({"period": "2019-2022", "valid_to": "30/6/2024"})
    assert bad.valid_to == date(2022, 12, 31)
    assert "YYYY-MM-DD" in (bad.problem or "")
    assert validity_of({"valid_to": "tills vidare"}).open_ended


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2018, 12, 31), "not_yet"),
        (date(2019, 1, 1), "in_force"),
        (date(2022, 12, 31), "in_force"),
        (date(2023, 1, 1), "expired"),
    ],
)
def test_status_on_a_date(as_of, status):
    doc = Doc("a.md", "Avtal 2019-2022", metadata={"period": "2019-2022"})
    assert assess([doc], as_of)["a.md"].status == status


def test_statute_in_force_unless_repealed_and_unknown_without_dates():
    law = Doc("lag.md", "Lag (2001:1)", "statute")
    gone = Doc("gammal.md", "Lag (1990:1)", "statute", {"repealed": True})
    memo = Doc("pm.md", "PM", "document")
    found = assess([law, gone, memo], date(2026, 1, 1))
    assert [found[s].status for s in ("lag.md", "gammal.md", "pm.md")] == [
        "in_force",
        "expired",
        "unknown",
    ]


def test_document_rows_keep_metadata_and_add_validity():
    doc = Doc("a.md", "Avtal", metadata={"period": "2019-2022", "visibility": "public"})
    [row] = document_rows([doc], date(2026, 1, 1))
    assert row["visibility"] == "public" and row["type"] == "agreement"
    assert (row["valid_from"], row["valid_to"], row["status"]) == (
        "2019-01-01",
        "2022-12-31",
        "expired",
    )
    assert row["superseded_by"] is None
    assert row["validity"]["as_of"] == "2026-01-01"
