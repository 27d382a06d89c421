"""Every route FastAPI and Gradio register, read from the apps' own route tables (not a list
written by hand), requested on a real `assistant serve` (tests/served.py) as an outsider: on the
public port each answers only if it is one we intend to serve, else 404/405; on the staff port
everything but the sign-in form wants a session. A Gradio upgrade that adds a route which
answers fails here until the route is reviewed. Plus forged forwarding headers and held-open
event streams."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from served import PROXY, served_fixture  # noqa: F401  (the shared server, as `served`)
from starlette.routing import Mount

from assistant import Assistant, Settings
from assistant.guard import MAX_OPEN_STREAMS

# (method, path as registered) the public port serves on purpose; every other route is closed.
INTENDED = {
    ("GET", "/"),
    ("POST", "/api/ask"),
    ("POST", "/api/search"),
    ("GET", "/api/documents"),
    ("GET", "/api/health"),
    ("GET", "/assets/{path}"),  # Gradio's front end, for the web component (gradio.js)
    ("GET", "/gradio.js"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),  # a static page that comes with the API docs
    ("GET", "/openapi.json"),
    ("HEAD", "/openapi.json"),
    ("GET", "/static-offline-docs/{path}"),
    ("GET", "/tillganglighet"),
    ("GET", "/view"),
    ("GET", "/widget"),
    # The widget's own Gradio routes (guard.WIDGET_ROUTES): page, assets, config, queue.
    ("GET", "/widget/"),
    ("HEAD", "/widget/"),
    ("GET", "/widget/assets/{path:path}"),
    ("GET", "/widget/static/{path:path}"),
    ("GET", "/widget/svelte/{path:path}"),
    ("GET", "/widget/config"),
    ("GET", "/widget/config/"),
    ("GET", "/widget/theme.css"),
    ("GET", "/widget/favicon.ico"),
    ("GET", "/widget/manifest.json"),
    ("GET", "/widget/robots.txt"),
    ("GET", "/widget/gradio_api/info"),
    ("GET", "/widget/gradio_api/info/"),
    ("GET", "/widget/gradio_api/theme.css"),
    ("GET", "/widget/gradio_api/app_id"),
    ("GET", "/widget/gradio_api/app_id/"),
    ("GET", "/widget/gradio_api/startup-events"),
    ("POST", "/widget/gradio_api/queue/join"),
    ("GET", "/widget/gradio_api/queue/data"),
    ("GET", "/widget/gradio_api/heartbeat/{session_hash}"),
    ("POST", "/widget/gradio_api/cancel"),
    ("GET", "/widget/view"),
    ("GET", "/widget/tillganglighet"),
}
STAFF_OPEN = {("GET", "/login"), ("POST", "/login"), ("POST", "/logout")}
CLOSED = (401, 404, 405)


def routes(app, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(method, path) of every route of a Starlette/FastAPI app, mounted apps included."""
    for route in app.routes:
        if isinstance(route, Mount):
            inner = route.app
            if getattr(inner, "routes", None) is None:  # static files
                yield "GET", prefix + route.path + "/{path}"
            else:
                yield from routes(inner, prefix + route.path)
        elif hasattr(route, "original_router"):  # FastAPI's included router
            yield from routes(route.original_router, prefix + route.include_context.prefix)
        elif hasattr(route, "path"):
            for method in getattr(route, "methods", None) or ["GET"]:
                yield method, prefix + route.path


def sample(path: str) -> str:
    """The path with its parameters filled in as an attacker would."""
    path = path.replace("{path_or_url:path}", "/etc/passwd")
    path = path.replace("{url_path:path}", "http://example.org/")
    return re.sub(r"\{[^}]+\}", "x", path)


@pytest.fixture(scope="module")
def apps(served, e5):
    """The two apps as `assistant serve` builds them over the served index (for their tables)."""
    from assistant.server import create_app
    from assistant.staff import create_staff_app

    env = served.env
    settings = Settings(
        corpus_dir=Path(env["ASSISTANT_CORPUS_DIR"]),
        index_dir=Path(env["ASSISTANT_INDEX_DIR"]),
        admin_password=env["ASSISTANT_ADMIN_PASSWORD"],
    )
    assistant = Assistant(settings, embeddings=e5)
    return {
        "public": sorted(set(routes(create_app(assistant, settings)))),
        "staff": sorted(set(routes(create_staff_app(assistant, settings)))),
    }


def status(client: httpx.Client, method: str, url: str, origin: str | None = None) -> int:
    headers = {"Origin": origin} if origin else {}
    with client.stream(method, url, headers=headers) as got:
        return got.status_code  # event streams stay open: the status is enough


def test_every_public_route_is_intended_or_closed(served, apps):
    table = apps["public"]
    assert len(table) > 60  # Gradio's routes were found, not only ours
    assert set(table) >= INTENDED, sorted(INTENDED - set(table))  # the list stays honest
    wrong = []
    with httpx.Client(base_url=served.public, timeout=30) as client:
        for method, path in table:
            for tried in {method, "GET", "POST"}:
                got = status(client, tried, sample(path), "https://evil.example")
                intended = (tried, path) in INTENDED
                if (intended and (got >= 500 or got == 401)) or (
                    not intended and got not in CLOSED
                ):
                    wrong.append((tried, path, got))
    assert wrong == [], f"review these routes (add to INTENDED or close them): {wrong}"


def test_every_staff_route_wants_a_session(served, apps):
    table = apps["staff"]
    assert len(table) > 60
    wrong = []
    with httpx.Client(base_url=served.staff, timeout=30) as client:
        for method, path in table:
            for tried in {method, "GET", "POST"}:
                if (tried, path) in STAFF_OPEN:
                    continue
                got = status(client, tried, sample(path))
                # A page asks for sign-in (303 to /login), anything else is 401.
                if got not in (303, *CLOSED):
                    wrong.append((tried, path, got))
    assert wrong == [], wrong


def test_forged_forwarding_headers_do_not_move_the_widget(served):
    forged = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    config = httpx.get(served.public + "/widget/config", headers=forged).json()
    assert config["root"].startswith(served.public) and "evil" not in config["root"]
    staff = httpx.get(served.staff + "/login", headers=forged)
    assert "evil" not in staff.text
    # From the trusted reverse proxy the same headers count (that is what they are for).
    with httpx.Client(transport=httpx.HTTPTransport(local_address=PROXY)) as proxy:
        config = proxy.get(served.public + "/widget/config", headers=forged).json()
    assert config["root"] == "https://evil.example/widget"


def test_one_client_cannot_hold_unlimited_event_streams(served):
    limits = httpx.Limits(max_connections=MAX_OPEN_STREAMS + 5)
    heartbeat = served.public + "/widget/gradio_api/heartbeat/h{}"
    with httpx.Client(timeout=30, limits=limits) as client, ExitStack() as held:
        codes = [
            held.enter_context(client.stream("GET", heartbeat.format(i))).status_code
            for i in range(MAX_OPEN_STREAMS + 2)
        ]
        assert codes[:MAX_OPEN_STREAMS] == [200] * MAX_OPEN_STREAMS
        assert codes[MAX_OPEN_STREAMS:] == [429, 429]
    # Closed, they are free again (once the server has seen the connections go).
    deadline = time.monotonic() + 20
    while True:
        with httpx.Client(timeout=30) as client, client.stream("GET", heartbeat.format(0)) as got:
            if got.status_code == 200 or time.monotonic() > deadline:
                break
        time.sleep(0.2)
    assert got.status_code == 200
