"""The staff surface over real HTTP: sign-in required everywhere, strict cookies, single sign-on
only through the trusted proxy, failed sign-ins slowed down then locked out per address and per
account (one log line, no secret), and the admin upload: browser files only, type and size
checked, wrong admin passwords locked out, every action in the audit log."""

from __future__ import annotations

import time

import httpx
import pytest
from served import (
    ADMIN_PASSWORD,
    MAX_FAILURES,
    PROXY,
    STAFF_PASSWORD,
    STAFF_USER,
    fn_index,
    queue_call,
    served_fixture,  # noqa: F401  (the shared server, as the fixture `served`)
    sign_in,
)

from assistant.audit import AuditLog


def _via_proxy(staff: str, address: str) -> httpx.Client:
    """A client that reaches the staff port through the trusted proxy, as ``address``."""
    transport = httpx.HTTPTransport(local_address=PROXY)
    return httpx.Client(
        base_url=staff, transport=transport, headers={"X-Forwarded-For": address}, timeout=60
    )


def _try(client: httpx.Client, name: str, password: str) -> httpx.Response:
    return client.post("/login", data={"username": name, "password": password})


def _wait_out(response: httpx.Response) -> None:
    """Sleep the delay the server asked for (Retry-After), so the next try is counted."""
    time.sleep(int(response.headers.get("retry-after", "0")) + 0.05)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/config"),
        ("GET", "/gradio_api/info"),
        ("GET", "/api/documents"),
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/view?source=lonebilaga.txt"),
        ("GET", "/gradio_api/file=/etc/hostname"),
        ("POST", "/gradio_api/upload"),
        ("POST", "/gradio_api/queue/join"),
        ("POST", "/gradio_api/call/ask"),
        ("POST", "/api/ask"),
        ("GET", "/logout"),  # Gradio's sign-out route
        ("POST", "/login/"),  # Gradio's sign-in route
    ],
)
def test_staff_app_answers_nothing_before_sign_in(served, method, path):
    forged = {"X-Avtal-Staff-User": STAFF_USER, "X-Remote-User": STAFF_USER}  # not a proxy
    got = httpx.request(method, served.staff + path, headers=forged, json={}, timeout=30)
    assert got.status_code == 401 and got.json()["type"] == "SignInRequired"
    page = httpx.get(served.staff + "/", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/"


def test_signed_in_staff_get_the_chat_with_a_strict_cookie(served):
    with sign_in(served.staff) as client:
        raw = client.post("/login", data={"username": STAFF_USER, "password": STAFF_PASSWORD})
        flags = raw.headers["set-cookie"]
        assert "HttpOnly" in flags and "SameSite=Strict" in flags and "Path=/" in flags
        page = client.get("/")
        assert page.status_code == 200 and "Avtalsassistenten" in page.text
        assert page.headers["x-frame-options"] == "SAMEORIGIN"
        # A request from another site's page is refused even with the cookie.
        evil = client.post(
            "/api/ask", json={"question": "x"}, headers={"Origin": "https://evil.example"}
        )
        assert evil.status_code == 403
        out = client.post("/logout")
        assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]
    forged = httpx.get(served.staff + "/config", cookies={"avtal_staff": "anna"})
    assert forged.status_code == 401


def test_staff_gradio_client_with_the_session_cookie(served):
    from gradio_client import Client

    with sign_in(served.staff) as session:
        cookie = f"avtal_staff={session.cookies['avtal_staff']}"
    client = Client(served.staff + "/", headers={"Cookie": cookie}, verbose=False)
    try:
        endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
        answer = client.predict("Vem ansvarar för folkbiblioteken?", api_name="/ask")
    finally:
        client.close()
    assert list(endpoints) == ["/ask"]
    assert answer["answered"] is True


def test_single_sign_on_header_only_from_the_trusted_proxy(served):
    direct = httpx.get(served.staff + "/config", headers={"X-Remote-User": "sso-user"})
    assert direct.status_code == 401
    with _via_proxy(served.staff, "10.1.0.1") as proxy:
        assert proxy.get("/config").status_code == 401  # the proxy must name the user
        named = proxy.get("/config", headers={"X-Remote-User": "sso-user"})
        assert named.status_code == 200 and named.json()["components"]


def test_failed_sign_ins_slow_down_then_lock_out_the_address(served):
    with (
        _via_proxy(served.staff, "10.2.0.1") as attacker,
        _via_proxy(served.staff, "10.2.0.2") as other,
    ):
        first = _try(attacker, "gissning-1", "fel")
        assert first.status_code == 401 and first.headers["retry-after"] == "1"
        too_soon = _try(attacker, "gissning-2", "fel")
        assert too_soon.status_code == 429  # not even checked: guessing is no faster than this
        for n in range(2, MAX_FAILURES + 1):
            _wait_out(first)
            first = _try(attacker, f"gissning-{n}", "fel")
            assert first.status_code == 401
        # Locked out: even the right password of a real account is refused from this address…
        locked = _try(attacker, "cecilia", STAFF_PASSWORD)
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 2
        assert "Försök igen om" in locked.text
        # …while the same account signs in from another address.
        assert _try(other, "cecilia", STAFF_PASSWORD).status_code == 303


def test_failed_sign_ins_lock_out_the_account_from_any_address(served):
    last = None
    for n in range(MAX_FAILURES):
        if last is not None:
            _wait_out(last)
        with _via_proxy(served.staff, f"10.3.0.{n + 1}") as client:
            last = _try(client, "bo", f"fel-lösen-{n}")
            assert last.status_code == 401
    with _via_proxy(served.staff, "10.3.1.1") as fresh:
        locked = _try(fresh, "bo", STAFF_PASSWORD)
        assert locked.status_code == 429
        time.sleep(int(locked.headers["retry-after"]) + 0.1)  # the lockout ends (3 s here)
        assert _try(fresh, "bo", STAFF_PASSWORD).status_code == 303
    entries = [e for e in served.audit() if e["action"] == "sign-in" and e["who"] == "bo"]
    assert [e["ok"] for e in entries][-2:] == [False, True]
    assert {e["reason"] for e in entries if not e["ok"]} >= {"wrong name or password", "locked out"}
    assert {e["address"] for e in entries} >= {"10.3.0.1", "10.3.1.1"}
    log = served.log.read_text()
    assert "fel-lösen" not in log and "fel-lösen" not in str(served.audit())
    assert "Traceback" not in log
    failures = [line for line in log.splitlines() if '"who": "bo"' in line and "wrong name" in line]
    assert len(failures) == MAX_FAILURES  # one line per failure


def _admin_call(client: httpx.Client, password: str, file: dict | None) -> dict:
    config = client.get("/config").json()
    status, result = queue_call(
        client, "", fn_index(config, "av-admin-run"), [password, file, "sv"]
    )
    assert status == 200
    return result


def _uploaded(client: httpx.Client, name: str, content: bytes) -> dict:
    got = client.post("/gradio_api/upload", files={"files": (name, content)})
    assert got.status_code == 200, got.text
    return {"path": got.json()[0], "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def test_admin_upload_takes_only_browser_files_of_the_right_kind(served):
    before = sorted(p.name for p in served.corpus.rglob("*"))
    with sign_in(served.staff) as client:
        server_file = {
            "path": str(served.corpus / "internal" / "larmrutin.txt"),
            "orig_name": "kopia.txt",
            "meta": {"_type": "gradio.FileData"},
        }
        refused = _admin_call(client, ADMIN_PASSWORD, server_file)  # Gradio's own check
        assert refused["success"] is False and "not uploaded by a user" in str(refused)
        renamed_pdf = _uploaded(client, "avtal.txt", b"%PDF-1.7\n%binary\x00\x01")
        wrong_kind = _admin_call(client, ADMIN_PASSWORD, renamed_pdf)
        assert wrong_kind["success"] is False and "not a text file" in str(wrong_kind)
        program = _uploaded(client, "avtal.exe", b"MZ\x90\x00")
        assert _admin_call(client, ADMIN_PASSWORD, program)["success"] is False
        big = client.post("/gradio_api/upload", files={"files": ("stor.txt", b"a" * 1_100_000)})
        assert big.status_code == 413  # ASSISTANT_MAX_UPLOAD_MB=1
    assert sorted(p.name for p in served.corpus.rglob("*")) == before
    uploads = [e for e in served.audit() if e["action"] == "upload" and not e["ok"]]
    assert "avtal.txt" in {e["file"] for e in uploads}  # the .exe Gradio refused by its type
    assert all(e["who"] == STAFF_USER and e["address"] == "127.0.0.1" for e in uploads)
    log = served.log.read_text()
    # Our refusals are one line each; tracebacks come only from Gradio's own two refusals
    # (the server path, the file type), which run before the handler.
    gradio_refusals = log.count("InvalidPathError: Cannot move") + log.count("Invalid file type")
    assert log.count("Traceback") == gradio_refusals


def test_wrong_admin_passwords_lock_out_and_are_audited(served):
    with _via_proxy(served.staff, "10.4.0.1") as client:
        assert _try(client, "cecilia", STAFF_PASSWORD).status_code == 303
        text = _uploaded(client, "ny.md", "# Ny\n\nKommunen ska göra saker.\n".encode())
        results = []
        for n in range(MAX_FAILURES + 1):
            results.append(_admin_call(client, f"fel-admin-{n}", text))
        messages = [str(r.get("output", r)) for r in results]
        assert all(r["success"] is False for r in results)
        assert "Fel lösenord" in messages[0] and "Försök igen om" in messages[-1]
    entries = [e for e in served.audit() if e["action"] == "admin-password"]
    assert entries and all(e["who"] == "cecilia" and e["address"] == "10.4.0.1" for e in entries)
    assert "fel-admin" not in served.log.read_text() and "fel-admin" not in str(served.audit())


def test_admin_upload_of_a_browser_file_is_indexed_and_audited(served):
    with sign_in(served.staff) as client:
        text = "# Uppladdat avtal\n\nKommunen ska ordna sommarläsning för alla barn.\n"
        result = _admin_call(
            client, ADMIN_PASSWORD, _uploaded(client, "Uppladdat avtal.md", text.encode())
        )
        assert result["success"] is True, result
        assert "1 added" in str(result["output"])
    assert (served.corpus / "Uppladdat avtal.md").read_text(encoding="utf-8") == text
    actions = [(e["action"], e["ok"], e["who"]) for e in served.audit()]
    assert ("upload", True, STAFF_USER) in actions and ("reindex", True, STAFF_USER) in actions


def test_lockout_doubles_the_delay_then_locks_and_forgets():
    from assistant.auth import Lockout

    now = [0.0]
    lockout = Lockout(max_failures=4, lockout_seconds=600, clock=lambda: now[0])
    keys = ("ip:10.0.0.1", "user:bo")
    delays = []
    for _ in range(4):
        delays.append(lockout.fail(*keys))
        assert lockout.wait(*keys) == delays[-1]
        now[0] += delays[-1]
    assert delays == [1, 2, 4, 600]
    now[0] -= 1
    assert lockout.locked("user:bo") and lockout.wait("user:bo", "ip:other") == 1
    assert not lockout.locked("ip:10.0.0.2") and lockout.wait("ip:10.0.0.2") == 0
    now[0] += 1
    assert lockout.fail(*keys) == 1  # after the lockout, counting starts afresh
    lockout.succeed(*keys)
    assert lockout.wait(*keys) == 0


def test_users_command_stores_only_hashes(tmp_path):
    import os
    import stat
    import subprocess
    import sys

    from assistant.auth import UserStore

    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["ASSISTANT_INDEX_DIR"] = str(tmp_path / "index")
    cli = [sys.executable, "-m", "assistant", "users"]

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([*cli, *args], env=env, input=stdin, capture_output=True, text=True)

    assert run("add", "eva", "--password-stdin", stdin="kort\n").returncode == 2  # too short
    assert run("add", "../eva", "--password-stdin", stdin=STAFF_PASSWORD).returncode == 2
    added = run("add", "eva", "--password-stdin", stdin=STAFF_PASSWORD + "\n")
    assert added.returncode == 0 and "Added eva" in added.stdout
    path = tmp_path / "index" / "users.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert STAFF_PASSWORD not in path.read_text() and "$argon2id$" in path.read_text()
    assert UserStore(path).verify("eva", STAFF_PASSWORD)
    assert not UserStore(path).verify("eva", STAFF_PASSWORD + "x")
    assert run("list").stdout.startswith("eva\t")
    assert run("remove", "eva").returncode == 0 and run("list").stdout == ""
    assert run("remove", "eva").returncode == 2
    actions = [e["action"] for e in AuditLog(path.parent / "audit.jsonl").entries()]
    assert actions == ["user-add", "user-remove"]


def test_a_flood_of_refused_tries_is_one_audit_line():
    from assistant.auth import Lockout

    lockout = Lockout(max_failures=3, lockout_seconds=600, clock=lambda: 0.0)
    lockout.fail("ip:a")
    assert [lockout.refuse("ip:a", f"user:{n}") for n in range(5)] == [True] + [False] * 4
    lockout.fail("ip:a")
    assert lockout.refuse("ip:a")  # a new failure, a new line
