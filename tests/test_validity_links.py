"""Supersession from the text and the sidecar, on fictional documents read by the real ingest
(written into tmp_path; no index, no model)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from assistant.ingest.pipeline import corpus_files, load_document
from assistant.validity import assess

AGREEMENT = """ÖVERENSKOMMELSE

Överenskommelse mellan Fjällby kommun och Region Norrskog {period}

Bakgrund

Parterna samverkar om kultur under planperioden {period}. Biblioteken i Fjällby ska ha öppet
för alla invånare.
"""

GUIDELINE = """Riktlinjer för {subject}

Dnr {case}

{replaces}

Antagen av kommunstyrelsen {adopted}.

Riktlinjerna gäller tills vidare.

Föreningar som söker bidrag ska lämna en verksamhetsplan varje år.
"""


def write(root: Path, name: str, text: str, sidecar: dict | None = None) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    if sidecar is not None:
        (root / f"{name}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")


def found(root: Path, as_of: date) -> dict:
    docs = [load_document(p, root) for p in corpus_files(root)]
    assert all(hasattr(d, "metadata") for d in docs), docs
    return assess(docs, as_of)


def agreements(root: Path, sidecars: dict[str, dict] | None = None) -> None:
    for period in ("2019-2022", "2023-2026"):
        name = f"overenskommelse-fjallby-{period}.txt"
        write(root, name, AGREEMENT.format(period=period), (sidecars or {}).get(name))


def test_later_period_between_same_parties_supersedes(tmp_path):
    agreements(tmp_path)
    # a different pair of parties is no successor
    write(
        tmp_path,
        "overenskommelse-ekby-2023-2026.txt",
        AGREEMENT.format(period="2023-2026").replace("Fjällby kommun", "Ekby kommun"),
    )
    old, new = "overenskommelse-fjallby-2019-2022.txt", "overenskommelse-fjallby-2023-2026.txt"
    now = found(tmp_path, date(2024, 5, 1))
    assert now[old].superseded_by == new and now[old].status == "superseded"
    assert now[new].supersedes == [old] and now[new].status == "in_force"
    assert now[new].valid_from == date(2023, 1, 1) and now[new].page == 1
    assert now["overenskommelse-ekby-2023-2026.txt"].supersedes == []
    # before the successor starts, the earlier one still applies
    then = found(tmp_path, date(2020, 6, 1))
    assert (then[old].status, then[new].status) == ("in_force", "not_yet")


def test_sidecar_says_no_successor(tmp_path):
    old = "overenskommelse-fjallby-2019-2022.txt"
    agreements(tmp_path, {old: {"superseded_by": None}})
    now = found(tmp_path, date(2024, 5, 1))
    assert now[old].superseded_by is None and now[old].status == "expired"


def test_sidecar_names_the_successor_and_dates(tmp_path):
    write(tmp_path, "riktlinje-a.txt", GUIDELINE.format(
        subject="bidrag", case="KS/2009:517", replaces="", adopted="2009-05-12"))  # fmt: skip
    write(
        tmp_path,
        "riktlinje-b.txt",
        GUIDELINE.format(subject="stöd", case="KS/2021:88", replaces="", adopted="2021-09-01"),
        {"supersedes": "riktlinje-a", "valid_from": "2022-01-01"},
    )
    now = found(tmp_path, date(2023, 1, 1))
    assert now["riktlinje-a.txt"].superseded_by == "riktlinje-b.txt"
    assert now["riktlinje-a.txt"].status == "superseded"
    assert (now["riktlinje-b.txt"].valid_from, now["riktlinje-b.txt"].line) == (
        date(2022, 1, 1),
        "sidecar",
    )
    assert found(tmp_path, date(2021, 12, 1))["riktlinje-a.txt"].status == "in_force"


def test_replaces_line_links_by_case_number(tmp_path):
    write(tmp_path, "gammal.txt", GUIDELINE.format(
        subject="bidrag", case="KS/2009:517", replaces="", adopted="2009-05-12"))  # fmt: skip
    write(tmp_path, "ny.txt", GUIDELINE.format(
        subject="föreningsbidrag", case="KS/2021:88",
        replaces="Dokumentet ersätter: Riktlinjer för bidrag (KS/2009:517)",
        adopted="2021-09-01"))  # fmt: skip
    now = found(tmp_path, date(2023, 1, 1))
    assert now["gammal.txt"].superseded_by == "ny.txt"
    assert now["ny.txt"].supersedes == ["gammal.txt"]
    assert now["ny.txt"].valid_from == date(2021, 9, 1) and now["ny.txt"].open_ended
    assert now["ny.txt"].status == "in_force"


def test_replaces_line_naming_nothing_indexed_links_nothing(tmp_path):
    write(tmp_path, "ny.txt", GUIDELINE.format(
        subject="föreningsbidrag", case="KS/2021:88",
        replaces="Dokumentet ersätter: Riktlinjer för lotterier (KS/2001:3)",
        adopted="2021-09-01"))  # fmt: skip
    now = found(tmp_path, date(2023, 1, 1))
    assert now["ny.txt"].supersedes == [] and now["ny.txt"].status == "in_force"


def test_replaces_line_links_by_title_as_a_whole_name(tmp_path):
    write(tmp_path, "gammal.txt", GUIDELINE.format(
        subject="bidrag", case="", replaces="", adopted="2009-05-12"))  # fmt: skip
    write(tmp_path, "annan.txt", GUIDELINE.format(
        subject="bidragsgivning", case="", replaces="", adopted="2010-05-12"))  # fmt: skip
    write(tmp_path, "ny.txt", GUIDELINE.format(
        subject="föreningsstöd", case="",
        replaces="Ersätter: Riktlinjer för bidrag",
        adopted="2021-09-01"))  # fmt: skip
    now = found(tmp_path, date(2023, 1, 1))
    assert now["ny.txt"].supersedes == ["gammal.txt"]
    assert now["annan.txt"].superseded_by is None
