"""One real `assistant serve` (public and staff port) over a corpus with public and internal
documents, shared by test_server.py, test_auth.py and test_visibility.py; plus a small client
for Gradio's queue (what a browser or an attacker sends, without gradio_client's checks).

Test modules import the fixture: ``from served import served_fixture  # noqa: F401``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers import LUDVIKA_PATH, STATUTE_PATH, free_port, make_corpus
from web_helpers import HOSTILE_PATH, wait_for_http

STAFF_USER, STAFF_PASSWORD = "anna", "rätt-häst-batteri-42"
ADMIN_PASSWORD = "admin-lösen-123"
PROXY = "127.0.0.2"  # the one trusted reverse proxy; tests connect from it to send X-Forwarded-For
FOLDER_SECRET = "Personalen ska uppge kodordet zebrafink vid brandlarm i stadshuset."
SIDECAR_SECRET = "Lönetillägget för jourtid i biblioteksfilialen är 47 kronor per timme."
INTERNAL_FOLDER_DOC = "internal/larmrutin.txt"
INTERNAL_SIDECAR_DOC = "lonebilaga.txt"
MAX_FAILURES = 3


@dataclass
class Served:
    public: str
    staff: str
    root: Path
    corpus: Path
    log: Path
    env: dict[str, str]

    def audit(self) -> list[dict[str, Any]]:
        path = self.root / "index" / "audit.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def server_env(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index), **extra)
    # All test clients share one address; tests/test_public_limits.py covers the limit.
    env.setdefault("ASSISTANT_RATE_LIMIT_PER_MINUTE", "0")
    return env


def _internal_corpus(root: Path) -> Path:
    corpus = make_corpus(root, LUDVIKA_PATH, STATUTE_PATH, HOSTILE_PATH)
    (corpus / "internal").mkdir()
    (corpus / INTERNAL_FOLDER_DOC).write_text(
        f"Larmrutin för stadshuset\n\n{FOLDER_SECRET}\n", encoding="utf-8"
    )
    (corpus / INTERNAL_SIDECAR_DOC).write_text(
        f"Lönebilaga för biblioteket\n\n{SIDECAR_SECRET}\n", encoding="utf-8"
    )
    (corpus / f"{INTERNAL_SIDECAR_DOC}.meta.json").write_text('{"visibility": "internal"}')
    return corpus


@pytest.fixture(scope="session", name="served")
def served_fixture(tmp_path_factory):
    """`assistant index`, `assistant users add`, then `assistant serve` on two free ports."""
    root = tmp_path_factory.mktemp("served")
    corpus = _internal_corpus(root)
    port, staff_port = free_port(), free_port()
    env = server_env(
        corpus,
        root / "index",
        ASSISTANT_FEEDBACK_DB=str(root / "feedback.sqlite3"),
        ASSISTANT_STAFF_PORT=str(staff_port),
        ASSISTANT_ADMIN_PASSWORD=ADMIN_PASSWORD,
        ASSISTANT_TRUSTED_PROXIES=PROXY,
        ASSISTANT_SSO_HEADER="X-Remote-User",
        ASSISTANT_LOGIN_MAX_FAILURES=str(MAX_FAILURES),
        ASSISTANT_LOGIN_LOCKOUT_MINUTES="0.05",
        ASSISTANT_MAX_UPLOAD_MB="1",
    )
    cli = [sys.executable, "-m", "assistant"]
    done = subprocess.run([*cli, "index", "--quiet"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in (STAFF_USER, "bo", "cecilia"):
        added = subprocess.run(
            [*cli, "users", "add", name, "--password-stdin"],
            env=env,
            input=STAFF_PASSWORD + "\n",
            capture_output=True,
            text=True,
        )
        assert added.returncode == 0, added.stderr
    log_path = root / "server.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    public, staff = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{staff_port}"
    try:
        try:
            wait_for_http(public + "/api/health")
            wait_for_http(staff + "/login")
        except TimeoutError:
            pytest.fail(f"assistant serve did not start: {log_path.read_text()}")
        yield Served(public, staff, root, corpus, log_path, env)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def sign_in(
    staff: str, name: str = STAFF_USER, password: str = STAFF_PASSWORD
) -> Iterator[httpx.Client]:
    """An httpx client holding a staff session cookie."""
    with httpx.Client(base_url=staff, timeout=120) as client:
        got = client.post("/login", data={"username": name, "password": password, "next": "/"})
        assert got.status_code == 303, got.text
        yield client


def fn_index(config: dict[str, Any], elem_id: str, event: str = "click") -> int:
    """The dependency a component's event runs (what the browser sends as ``fn_index``)."""
    ids = {c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id}
    for i, dep in enumerate(config["dependencies"]):
        if any(t[0] in ids and t[1] == event for t in dep.get("targets", [])):
            return dep.get("id", i)
    raise LookupError(f"no {event} event on #{elem_id}")


def queue_call(
    client: httpx.Client,
    prefix: str,
    fn: int,
    data: list[Any],
    session: str | None = None,
    event_data: dict[str, Any] | None = None,
) -> tuple[int, dict[str, Any]]:
    """Join Gradio's queue like the page does and read the result: (join status, last message).
    Calls with the same ``session`` share the page's state (e.g. a question, then its vote)."""
    session = session or uuid.uuid4().hex[:11]
    joined = client.post(
        f"{prefix}/gradio_api/queue/join",
        json={"data": data, "fn_index": fn, "session_hash": session, "event_data": event_data},
    )
    if joined.status_code != 200:
        return joined.status_code, {"detail": joined.text}
    last: dict[str, Any] = {}
    with client.stream(
        "GET", f"{prefix}/gradio_api/queue/data", params={"session_hash": session}
    ) as stream:
        for line in stream.iter_lines():
            if not line.startswith("data:"):
                continue
            last = json.loads(line[5:])
            if last.get("msg") in ("process_completed", "close_stream", "unexpected_error"):
                break
    return 200, last
