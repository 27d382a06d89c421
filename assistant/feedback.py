"""Feedback: 👍/👎 on answers in SQLite, and thumbs-down rows as eval questions (dev.jsonl format).

One row per answer: voting again changes the vote, taking the vote back deletes the row. A row
keeps the question, the answer text, its citations, the document filter, the channel (staff chat
or citizen widget) and the time, so a complaint can become a regression question.

Privacy: the visitor's question and the answer text are masked (``privacy.mask``) before they
are written; the cited passages are corpus text and stay verbatim. Rows older than the retention
(``ASSISTANT_FEEDBACK_RETENTION_DAYS``) are deleted on every write and by
``assistant feedback purge``. The widget stores nothing unless ``ASSISTANT_STORE_WIDGET_FEEDBACK``
is on (``NoFeedbackStore`` otherwise).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .privacy import mask

if TYPE_CHECKING:
    from .config import Settings

__all__ = ["FeedbackRow", "FeedbackStore", "NoFeedbackStore", "widget_store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    channel TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered INTEGER NOT NULL,
    language TEXT NOT NULL,
    citations TEXT NOT NULL,
    document TEXT
)
"""


@dataclass
class FeedbackRow:
    id: int
    answer_id: str
    created: str
    vote: str
    channel: str
    question: str
    answer: str
    answered: bool
    language: str
    citations: list[dict[str, Any]]
    document: str | None

    def to_eval(self) -> dict[str, Any]:
        """An eval question (the fields of dev.jsonl) with the cited quotes as candidate evidence.

        Staff review it: keep the evidence that answers the question, or write the right one.
        """
        return {
            "id": f"feedback-{self.id}",
            "lang": self.language,
            "kind": "feedback",
            "question": self.question,
            "evidence": [c["quote"] for c in self.citations if c.get("quote")],
            "answerable": True,
            "answered": self.answered,
            "answer": self.answer,
            "sources": [
                {"source": c.get("source"), "page": c.get("page"), "section": c.get("section")}
                for c in self.citations
            ],
            "document": self.document,
            "channel": self.channel,
            "feedback_at": self.created,
        }


class FeedbackStore:
    """The SQLite file of votes; a connection per call, so any thread may use it."""

    keeps = True  # votes are written: the chat may offer 👍/👎

    def __init__(self, path: Path, retention_days: int | None = None) -> None:
        self.path = Path(path)
        self.retention_days = retention_days

    def purge(self, days: int | None = None) -> int:
        """Delete rows older than ``days`` (default: the retention); returns how many."""
        days = days if days is not None else self.retention_days
        if days is None or not self.path.exists():
            return 0
        cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        with closing(self._connect()) as conn, conn:
            return conn.execute("DELETE FROM feedback WHERE created < ?", (cutoff,)).rowcount

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute(_SCHEMA)
        return conn

    def record(
        self,
        answer_id: str,
        vote: str | None,
        answer: dict[str, Any],
        document: str | None = None,
        channel: str = "staff",
    ) -> None:
        """Store ``vote`` ('up' / 'down') for an answer (``Answer.to_dict()``); None removes it."""
        with closing(self._connect()) as conn, conn:
            if vote is None:
                conn.execute("DELETE FROM feedback WHERE answer_id = ?", (answer_id,))
                return
            if vote not in ("up", "down"):
                raise ValueError(f"vote must be 'up', 'down' or None, not {vote!r}")
            conn.execute(
                """
                INSERT INTO feedback (answer_id, created, vote, channel, question, answer,
                                      answered, language, citations, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(answer_id) DO UPDATE SET vote = excluded.vote,
                                                     created = excluded.created
                """,
                (
                    answer_id,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    vote,
                    channel,
                    mask(answer.get("question", "")),
                    mask(answer.get("answer", "")),
                    int(bool(answer.get("answered"))),
                    answer.get("language", ""),
                    json.dumps(answer.get("citations", []), ensure_ascii=False),
                    document,
                ),
            )
        self.purge()

    def rows(self, vote: str | None = None) -> list[FeedbackRow]:
        """Stored votes, oldest first; only ``vote`` ('up' / 'down') when given."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as conn:
            query = (
                "SELECT id, answer_id, created, vote, channel, question, answer, answered, "
                "language, citations, document FROM feedback"
            )
            args: tuple[str, ...] = ()
            if vote:
                query += " WHERE vote = ?"
                args = (vote,)
            got = conn.execute(query + " ORDER BY id", args).fetchall()
        return [
            FeedbackRow(
                id=r[0],
                answer_id=r[1],
                created=r[2],
                vote=r[3],
                channel=r[4],
                question=r[5],
                answer=r[6],
                answered=bool(r[7]),
                language=r[8],
                citations=json.loads(r[9]),
                document=r[10],
            )
            for r in got
        ]

    def complaints(self) -> list[dict[str, Any]]:
        """Thumbs-down rows as eval questions (see ``FeedbackRow.to_eval``)."""
        return [row.to_eval() for row in self.rows("down")]


class NoFeedbackStore(FeedbackStore):
    """The widget's store while staff have not turned feedback on: it writes nothing (and the
    widget shows no 👍/👎, rather than thank a visitor for a vote it drops)."""

    keeps = False

    def record(self, *args: Any, **kwargs: Any) -> None:
        return None


def widget_store(settings: Settings) -> FeedbackStore:
    """The widget keeps nothing about visitors unless staff turned it on."""
    if not settings.store_widget_feedback:
        return NoFeedbackStore(settings.feedback_path)
    return FeedbackStore(settings.feedback_path, settings.feedback_retention_days)
