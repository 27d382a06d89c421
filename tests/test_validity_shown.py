"""Validity shown by `assistant documents` and `GET /api/documents`: a tiny real index (e5,
Chroma) of two fictional agreements between the same parties, with a fixed as_of."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from helpers import make_settings
from starlette.testclient import TestClient
from test_cli import run_cli
from test_validity_links import agreements

from assistant import Assistant, Settings
from assistant.api import api_router

OLD, NEW = "overenskommelse-fjallby-2019-2022.txt", "overenskommelse-fjallby-2023-2026.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory, e5) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("validity")
    corpus = root / "corpus"
    agreements(corpus)
    settings = make_settings(root, corpus)
    report = Assistant(settings, embeddings=e5).build_index(progress=False)
    assert sorted(report.added) == [OLD, NEW]
    return corpus, root


def test_as_of_setting_reads_the_env(monkeypatch):
    monkeypatch.setenv("ASSISTANT_AS_OF", "2024-05-01")
    assert Settings().as_of_date == date(2024, 5, 1)
    monkeypatch.delenv("ASSISTANT_AS_OF")
    assert Settings().as_of_date == date.today()


def test_api_documents_show_validity(built, e5):
    corpus, root = built
    settings = make_settings(root, corpus, as_of=date(2024, 5, 1))
    app = FastAPI()
    app.include_router(api_router(Assistant(settings, embeddings=e5), None))
    rows = {d["source"]: d for d in TestClient(app).get("/api/documents").json()}
    assert rows[OLD]["status"] == "superseded" and rows[OLD]["superseded_by"] == NEW
    assert (rows[NEW]["valid_from"], rows[NEW]["valid_to"], rows[NEW]["status"]) == (
        "2023-01-01",
        "2026-12-31",
        "in_force",
    )
    assert rows[NEW]["parties"] == ["Fjällby kommun", "Region Norrskog"]  # existing fields kept
    assert "2023-2026" in rows[NEW]["validity"]["line"]


def test_cli_documents_as_of(built):
    corpus, root = built
    done = run_cli(
        "documents", "--json", "--as-of", "2020-06-01", corpus=corpus, index=root / "index"
    )
    assert done.returncode == 0, done.stderr
    rows = {d["source"]: d for d in json.loads(done.stdout)}
    assert (rows[OLD]["status"], rows[NEW]["status"]) == ("in_force", "not_yet")
    plain = run_cli("documents", "--as-of", "2027-02-01", corpus=corpus, index=root / "index")
    assert f"superseded 2019-01-01..2022-12-31 → {NEW}" in plain.stdout
    assert "expired 2023-01-01..2026-12-31" in plain.stdout
    bad = run_cli("documents", "--as-of", "1/2/2027", corpus=corpus, index=root / "index")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
