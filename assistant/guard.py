"""The public port's outer wall (``PublicGuard``) and who may frame which page (``FramePolicy``).

Of the widget's Gradio app only the routes the widget itself uses answer (``WIDGET_ROUTES``):
uploads, file serving, proxying and Gradio's other extras are 404; bodies are capped; every
request to the widget's Gradio app counts against a per-client rate.
"""

from __future__ import annotations

import json
import math

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api import client_key
from .auth import from_trusted_proxy
from .ratelimit import RateLimiter

__all__ = [
    "MAX_OPEN_STREAMS",
    "MAX_PUBLIC_BODY",
    "WIDGET_ROUTES",
    "FramePolicy",
    "PublicGuard",
    "UntrustedForwarding",
]

# What the widget's page and gradio_client use (measured in the browser tests); anything else
# under /widget/ is refused, so a new Gradio route is closed until it is listed here.
WIDGET_ROUTES = (
    "/widget/",
    "/widget/config",
    "/widget/theme.css",
    "/widget/favicon.ico",
    "/widget/manifest.json",
    "/widget/robots.txt",
    "/widget/assets/",
    "/widget/static/",
    "/widget/svelte/",
    "/widget/gradio_api/info",
    "/widget/gradio_api/theme.css",
    "/widget/gradio_api/queue/join",
    "/widget/gradio_api/queue/data",
    "/widget/gradio_api/heartbeat/",
    "/widget/gradio_api/startup-events",
    "/widget/gradio_api/app_id",
    "/widget/gradio_api/cancel",
    "/widget/view",
    "/widget/tillganglighet",  # the accessibility statement, under the widget too
)
MAX_PUBLIC_BODY = 64_000  # bytes: a question is at most 8 000 characters
# Event streams one client address may hold open at once: a page holds one heartbeat and one
# stream per question in flight. Without a cap one script held 1 000 heartbeats open (a file
# descriptor and ~45 kB each, measured): enough to exhaust a default 1 024-descriptor limit.
MAX_OPEN_STREAMS = 32
STREAMS = ("/widget/gradio_api/heartbeat/", "/widget/gradio_api/queue/data")
# Headers only a reverse proxy may set: Gradio builds the page's root URL (where the browser
# loads the app and sends its questions) from X-Forwarded-Host/-Proto.
FORWARDING = frozenset(
    {
        b"x-forwarded-host",
        b"x-forwarded-proto",
        b"x-forwarded-port",
        b"x-forwarded-prefix",
        b"x-forwarded-for",
        b"forwarded",
    }
)


def _widget_route_allowed(path: str) -> bool:
    if not path.startswith("/widget/"):
        return True
    return any(
        path == allowed
        or (allowed.endswith("/") and allowed != "/widget/" and path.startswith(allowed))
        or (not allowed.endswith("/") and path == allowed + "/")
        for allowed in WIDGET_ROUTES
    )


class PublicGuard:
    """The public port's outer wall: only listed widget routes, small bodies, and a per-client
    request rate on everything the widget's Gradio app is asked to do."""

    def __init__(self, app: ASGIApp, per_minute: float) -> None:
        self.app = app
        self.limiter = RateLimiter(per_minute, burst=max(10, int(per_minute // 4)))
        self.streams: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if ".." in path or not _widget_route_allowed(path):
            await _json(send, 404, "Not Found", "NotFound")
            return
        if scope.get("method") == "POST":
            length = dict(scope.get("headers") or []).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > MAX_PUBLIC_BODY:
                await _json(send, 413, "The request is too large.", "TooLarge")
                return
            if path.startswith("/widget/"):
                wait = self.limiter.take(client_key(_Peer(scope)))
                if wait > 0:
                    await _json(send, 429, "Too many requests; try again soon.", "Limited", wait)
                    return
        if path.startswith(STREAMS):
            await self._stream(scope, receive, send)
            return
        await self.app(scope, _bounded(receive), send)

    async def _stream(self, scope: Scope, receive: Receive, send: Send) -> None:
        """An event stream, unless this client holds ``MAX_OPEN_STREAMS`` open already."""
        key = client_key(_Peer(scope))
        if self.streams.get(key, 0) >= MAX_OPEN_STREAMS:
            await _json(send, 429, "Too many open connections.", "Limited", 5)
            return
        self.streams[key] = self.streams.get(key, 0) + 1
        try:
            await self.app(scope, _bounded(receive), send)
        finally:
            self.streams[key] -= 1
            if not self.streams[key]:
                del self.streams[key]


class UntrustedForwarding:
    """Drops the forwarding headers of a client that is not a trusted proxy.

    Gradio takes the page's root URL from X-Forwarded-Host/-Proto: sent by an outsider, one
    request would make ``/widget/config`` name another site, which a shared cache in front
    could then serve to every visitor (measured: ``"root":"http://evil.example/widget"``).
    Outermost, so the peer is the direct one, not the address X-Forwarded-For names.
    """

    def __init__(self, app: ASGIApp, proxies: list[str]) -> None:
        self.app = app
        self.proxies = proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            peer = (scope.get("client") or ("", 0))[0]
            if not from_trusted_proxy(peer, self.proxies):
                headers = [(k, v) for k, v in scope.get("headers") or [] if k not in FORWARDING]
                scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)


class _Peer:
    def __init__(self, scope: Scope) -> None:
        host = (scope.get("client") or ("unknown", 0))[0]
        self.client = type("Client", (), {"host": host})()


def _bounded(receive: Receive) -> Receive:
    """A body longer than its Content-Length said (or chunked past the cap) is cut off."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_PUBLIC_BODY:
                return {"type": "http.disconnect"}
        return message

    return wrapped


async def _json(send: Send, status: int, detail: str, kind: str, retry: float = 0) -> None:
    body = {"detail": detail, "type": kind}
    headers = [(b"content-type", b"application/json")]
    if retry:
        body["retry_after"] = math.ceil(retry)
        headers.append((b"retry-after", str(math.ceil(retry)).encode()))
    data = json.dumps(body).encode()
    headers.append((b"content-length", str(len(data)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


class FramePolicy:
    """Who may frame which page: the widget and viewer the allowed origins, the rest itself."""

    def __init__(self, app: ASGIApp, origins: list[str]) -> None:
        self.app = app
        self.open = origins == ["*"]
        self.ancestors = "frame-ancestors 'self' " + " ".join(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        embeddable = path.startswith(("/widget", "/view")) or path == "/gradio.js"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if not embeddable:
                    headers.setdefault("X-Frame-Options", "SAMEORIGIN")
                    headers.append("Content-Security-Policy", "frame-ancestors 'self'")
                elif not self.open:
                    headers.append("Content-Security-Policy", self.ancestors)
            await send(message)

        await self.app(scope, receive, send_with_headers)
