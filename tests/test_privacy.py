"""Privacy by default: personal data masked before feedback and log lines are written, the widget
stores nothing about visitors unless staff turn it on, and feedback is kept only for the
retention (`assistant feedback purge`)."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys

import httpx
import pytest
from helpers import make_settings
from served import fn_index, queue_call
from web_helpers import ThreadedServer

from assistant.audit import AuditLog
from assistant.config import Settings
from assistant.feedback import FeedbackStore, NoFeedbackStore
from assistant.privacy import MaskingFilter, mask

PERSONAL = "Jag heter Anna, 850101-1234, ring 070-123 45 67 eller anna.svensson@example.se."
MASKED = "Jag heter Anna, [personnummer], ring [telefon] eller [e-post]."


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("850101-1234", "[personnummer]"),
        ("19850101-1234", "[personnummer]"),
        ("198501011234", "[personnummer]"),
        ("850101+1234", "[personnummer]"),
        ("070-123 45 67", "[telefon]"),
        ("08-123 456 78", "[telefon]"),
        ("+46 70 123 45 67", "[telefon]"),
        ("0046701234567", "[telefon]"),
        ("a.b+c@kommun.example.se", "[e-post]"),
        (PERSONAL, MASKED),
        # Not personal data: dates, periods, amounts, statute numbers stay.
        ("2019-2022", "2019-2022"),
        ("2026-11-30T04:02:32+00:00", "2026-11-30T04:02:32+00:00"),
        ("150 000 kr", "150 000 kr"),
        ("SFS 2013:801, 10 §", "SFS 2013:801, 10 §"),
        ("Dnr LD17/03997", "Dnr LD17/03997"),
    ],
)
def test_mask(text, masked):
    assert mask(text) == masked


def _answer(question: str) -> dict:
    citation = {"n": 1, "source": "a.txt", "page": 1, "section": "", "quote": "Ring 08-123 456 78."}
    return {
        "question": question,
        "answer": f"Du frågade: {question}",
        "answered": True,
        "language": "sv",
        "citations": [citation],
    }


def test_feedback_is_masked_and_kept_for_the_retention(tmp_path):
    store = FeedbackStore(tmp_path / "fb.sqlite3", retention_days=30)
    store.record("a1", "down", _answer(PERSONAL), channel="widget")
    row = store.rows()[0]
    assert row.question == MASKED and MASKED in row.answer
    assert row.citations[0]["quote"] == "Ring 08-123 456 78."  # corpus text stays verbatim
    raw = (tmp_path / "fb.sqlite3").read_bytes()
    assert b"850101-1234" not in raw and b"anna.svensson" not in raw
    with sqlite3.connect(tmp_path / "fb.sqlite3") as conn:
        conn.execute("UPDATE feedback SET created = '2020-01-01T00:00:00+00:00'")
    store.record("a2", "up", _answer("Vad gäller?"))  # each write drops what is too old
    assert [r.answer_id for r in store.rows()] == ["a2"]
    with sqlite3.connect(tmp_path / "fb.sqlite3") as conn:
        conn.execute("UPDATE feedback SET created = '2021-01-01T00:00:00+00:00'")
    assert store.purge() == 1 and store.rows() == []


def test_no_feedback_store_writes_nothing(tmp_path):
    store = NoFeedbackStore(tmp_path / "fb.sqlite3")
    store.record("a1", "down", _answer(PERSONAL), channel="widget")
    assert not (tmp_path / "fb.sqlite3").exists() and store.rows() == []


@pytest.mark.parametrize("keep", [False, True])
def test_widget_votes_are_stored_only_when_staff_turn_it_on(assistant, tmp_path, keep):
    from assistant.server import create_app

    settings = make_settings(tmp_path, assistant.settings.corpus_dir).model_copy(
        update={
            "index_dir": assistant.settings.index_dir,
            "feedback_db": tmp_path / "fb.sqlite3",
            "store_widget_feedback": keep,
        }
    )
    with (
        ThreadedServer(create_app(assistant, settings)) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        config = client.get("/widget/config").json()
        ask = fn_index(config, "av-widget-question", "submit")
        question = f"Vem ansvarar för folkbiblioteken? {PERSONAL}"
        status, asked = queue_call(client, "/widget", ask, [question, [], [], None, "sv"], "s1")
        assert status == 200 and asked["success"]
        if keep:
            vote = fn_index(config, "av-widget-chat", "like")
            liked = {"index": 1, "value": "", "liked": False}
            status, voted = queue_call(client, "/widget", vote, [[], "sv"], "s1", liked)
            assert status == 200 and voted["success"], voted
        else:  # no vote event at all: the widget shows no 👍/👎 (tests/test_browser.py)
            with pytest.raises(LookupError):
                fn_index(config, "av-widget-chat", "like")
    rows = FeedbackStore(tmp_path / "fb.sqlite3").rows()
    if not keep:
        assert rows == [] and not (tmp_path / "fb.sqlite3").exists()
    else:
        assert len(rows) == 1 and rows[0].channel == "widget" and rows[0].vote == "down"
        assert "850101-1234" not in rows[0].question and "[personnummer]" in rows[0].question


def test_log_lines_are_masked():
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    handler.addFilter(MaskingFilter())
    log = logging.getLogger("test-privacy")
    log.addHandler(handler)
    try:
        try:
            raise ValueError(PERSONAL)
        except ValueError:
            log.exception("answering %r failed", PERSONAL)
    finally:
        log.removeHandler(handler)
    (record,) = records
    assert record.getMessage() == f"answering {MASKED!r} failed"
    assert record.exc_info is None and "850101" not in (record.exc_text or "")


def test_feedback_purge_command(tmp_path):
    db = tmp_path / "fb.sqlite3"
    store = FeedbackStore(db)
    store.record("a1", "down", _answer("Vad gäller?"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE feedback SET created = '2020-01-01T00:00:00+00:00'")
    store.record("a2", "down", _answer("Vad gäller nu?"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_FEEDBACK_DB=str(db), ASSISTANT_INDEX_DIR=str(tmp_path / "index"))
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback", "purge"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 feedback rows older than 90 days deleted")
    assert [r.answer_id for r in store.rows()] == ["a2"]
    (entry,) = AuditLog(Settings(index_dir=tmp_path / "index").audit_path).entries()
    assert entry["action"] == "feedback-purge" and entry["removed"] == 1
