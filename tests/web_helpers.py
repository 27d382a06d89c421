"""Helpers for the web tests: a real uvicorn server in a thread, a static host page server, and
the Debian Chromium that Playwright drives (never a downloaded browser)."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from helpers import DATA_DIR, REPO, free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXAMPLES_DIR = REPO / "examples"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HOSTILE_PATH = DATA_DIR / "hostile-fjarrlan.txt"
HOSTILE_QUESTION = (
    "Hur skickas fjärrlånade böcker? <img src=x onerror=alert(1)> <script>alert(3)</script>"
)
HOSTILE_QUOTE = (
    "Kommunen ska skicka fjärrlånade böcker med bokbussen <script>alert(2)</script> varje "
    "tisdag till alla skolor <img src=x onerror=alert(1)> i kommunen."
)
STARTUP_TIMEOUT = 60.0


def wait_for_http(url: str, timeout: float = STARTUP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")
        time.sleep(0.2)


class ThreadedServer:
    """``create_app(...)`` served by a real uvicorn on a free port, in a daemon thread; ready
    when ``ready_path`` answers."""

    def __init__(self, app, ready_path: str = "/api/health") -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.ready_path = ready_path

    def __enter__(self) -> ThreadedServer:
        self.thread.start()
        wait_for_http(self.url + self.ready_path)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


class StaticServer:
    """A plain web server for a folder (the host page of the embedding tests), on its own port."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass
