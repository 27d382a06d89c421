"""The staff app: chat over all documents, admin, the staff API — all behind sign-in.

``StaffWall`` stands in front of everything (Gradio's routes included): a request passes with a
valid session cookie, or with ``ASSISTANT_SSO_HEADER`` when it comes from one of
``ASSISTANT_TRUSTED_PROXIES``; otherwise a page gets the sign-in form and anything else a 401.
It then names the user in ``admin.STAFF_USER_HEADER`` (any such header from the client is
dropped first) for the audit log. A FastAPI wall instead of Gradio's ``auth=``: Gradio's login
has no delay or lockout, and it would not cover the API or the viewer.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .admin import STAFF_USER_HEADER, admin_enabled
from .api import api_router, client_key, install_error_handlers, viewer_routes
from .audit import AuditLog
from .auth import SESSION_COOKIE, Lockout, Sessions, UserStore, from_trusted_proxy
from .config import Settings
from .core import Assistant
from .feedback import FeedbackStore
from .ratelimit import RateLimiter

__all__ = ["StaffWall", "create_staff_app"]

# Our sign-in form and sign-out; Gradio's own /login and /logout routes stay behind the wall.
_OPEN = {("GET", "/login"), ("POST", "/login"), ("POST", "/logout")}


class StaffWall:
    """Sign-in required for every request except the sign-in form itself."""

    def __init__(self, app: ASGIApp, settings: Settings, sessions: Sessions) -> None:
        self.app = app
        self.sessions = sessions
        self.proxies = settings.proxies
        self.sso = settings.sso_header.lower().encode()
        self.limiter = RateLimiter(
            settings.staff_rate_limit_per_minute, settings.staff_rate_limit_burst
        )

    def user(self, scope: Scope) -> str | None:
        headers = dict(scope.get("headers") or [])
        peer = scope.get("avtal_peer") or (scope.get("client") or ("", 0))[0]
        if self.sso and self.sso in headers and from_trusted_proxy(peer, self.proxies):
            name = headers[self.sso].decode("latin-1").strip()
            return name or None
        cookie = headers.get(b"cookie", b"").decode("latin-1")
        for part in cookie.split(";"):
            key, _, value = part.strip().partition("=")
            if key == SESSION_COOKIE:
                return self.sessions.user(value)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = [(k, v) for k, v in scope.get("headers") or [] if k != STAFF_USER_HEADER.encode()]
        scope = {**scope, "headers": raw}
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        if method == "POST" and not _same_origin(raw):
            await _plain(scope, receive, send, 403, "Cross-site request refused.")
            return
        if (method, path) in _OPEN:
            await self.app(scope, receive, send)
            return
        name = self.user(scope)
        if name is None:
            if method == "GET" and b"text/html" in dict(raw).get(b"accept", b""):
                target = "/login?next=" + quote(
                    path
                    + ("?" + scope["query_string"].decode() if scope.get("query_string") else "")
                )
                await RedirectResponse(target, status_code=303)(scope, receive, send)
            else:
                await _plain(scope, receive, send, 401, "Sign in at /login first.")
            return
        if method == "POST" and (wait := self.limiter.take(f"user:{name}")) > 0:
            await JSONResponse(
                {"detail": "Too many requests; try again soon.", "type": "Limited"},
                status_code=429,
                headers={"Retry-After": str(int(wait) + 1)},
            )(scope, receive, send)
            return
        scope["headers"] = [*raw, (STAFF_USER_HEADER.encode(), name.encode("utf-8", "replace"))]
        await self.app(scope, receive, send)


def _same_origin(headers: list[tuple[bytes, bytes]]) -> bool:
    """A browser's POST from another site carries its Origin; ours (or none: scripts) pass."""
    found = dict(headers)
    origin = found.get(b"origin")
    if not origin or origin == b"null":
        return origin is None
    return urlsplit(origin.decode("latin-1")).netloc.encode() == found.get(b"host", b"")


async def _plain(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    response = JSONResponse({"detail": detail, "type": "SignInRequired"}, status_code=status)
    await response(scope, receive, send)


def _safe_next(target: str | None) -> str:
    """Only a path on this server (no scheme, no host, no '//' or backslash tricks)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


_PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logga in – Avtalsassistenten</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f8fa; margin: 0; }}
main {{ max-width: 22rem; margin: 10vh auto; background: #fff; padding: 1.5rem 2rem;
  border: 1px solid #8c959f; border-radius: 8px; }}
h1 {{ font-size: 1.4rem; margin-top: 0; }}
label {{ display: block; margin-top: .8rem; font-weight: 600; }}
input {{ width: 100%; box-sizing: border-box; font: inherit; padding: .45rem; min-height: 44px;
  border: 1px solid #57606a; border-radius: 6px; }}
button {{ margin-top: 1.2rem; font: inherit; font-weight: 600; min-height: 44px; width: 100%;
  color: #fff; background: #0b5cad; border: 0; border-radius: 6px; cursor: pointer; }}
input:focus-visible, button:focus-visible {{ outline: 3px solid #0b5cad; outline-offset: 2px; }}
.error {{ color: #a40e26; font-weight: 600; }}
</style></head>
<body><main>
<h1>Avtalsassistenten för personal</h1>
{message}
<form method="post" action="/login">
<input type="hidden" name="next" value="{next}">
<label for="username">Användarnamn</label>
<input id="username" name="username" autocomplete="username" required value="{username}">
<label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Logga in</button>
</form></main></body></html>"""


def login_page(message: str = "", next_path: str = "/", username: str = "") -> str:
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return _PAGE.format(message=note, next=html.escape(next_path), username=html.escape(username))


def _sign_in_routes(app: FastAPI, settings: Settings, users: UserStore, sessions: Sessions) -> None:
    lockout = Lockout(settings.login_max_failures, settings.login_lockout_minutes * 60)
    audit = AuditLog(settings.audit_path)
    app.state.lockout = lockout

    @app.get("/login", include_in_schema=False)
    def login_form(next: str = "/") -> HTMLResponse:  # noqa: A002  (the query parameter's name)
        return HTMLResponse(login_page(next_path=_safe_next(next)))

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        username: str = Form("", max_length=200),
        password: str = Form("", max_length=1000),
        next: str = Form("/", max_length=2000),  # noqa: A002
    ) -> Response:
        address = client_key(request)
        name = username.strip()
        keys = (f"ip:{address}", f"user:{name.lower()}")
        target = _safe_next(next)
        if (wait := lockout.wait(*keys)) > 0:
            # No password is checked while waiting: guessing gets no faster than the delay.
            seconds = int(wait) + 1
            if lockout.refuse(*keys):
                locked = "locked out" if lockout.locked(*keys) else "too soon after a failure"
                audit.write(name, "sign-in", False, address, reason=locked)
            page = login_page(
                f"För många misslyckade inloggningar. Försök igen om {seconds} sekunder.",
                target,
                name,
            )
            return HTMLResponse(page, status_code=429, headers={"Retry-After": str(seconds)})
        if name and password and users.verify(name, password):
            lockout.succeed(*keys)
            audit.write(name, "sign-in", True, address)
            response = RedirectResponse(target, status_code=303)
            response.headers.append("set-cookie", sessions.cookie_header(sessions.issue(name)))
            return response
        delay = lockout.fail(*keys)
        audit.write(name, "sign-in", False, address, reason="wrong name or password")
        page = login_page("Fel användarnamn eller lösenord.", target, name)
        return HTMLResponse(page, status_code=401, headers={"Retry-After": str(int(delay))})

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        name = StaffWall(app, settings, sessions).user(request.scope)
        audit.write(name, "sign-out", True, client_key(request))
        response = RedirectResponse("/login", status_code=303)
        response.headers.append("set-cookie", sessions.cookie_header("", max_age=0))
        return response


def create_staff_app(
    assistant: Assistant | None = None, settings: Settings | None = None
) -> FastAPI:
    """The staff chat at ``/`` (admin tab when ``ASSISTANT_ADMIN_PASSWORD`` is set), the API
    over all documents at ``/api/*`` and the viewer at ``/view``, behind ``StaffWall``."""
    from fastapi_offline import FastAPIOffline
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from . import web
    from .guard import UntrustedForwarding
    from .server import FramePolicy, mount

    settings = settings or (assistant.settings if assistant else Settings())
    assistant = assistant or Assistant(settings)
    users = UserStore(settings.users_path)
    sessions = Sessions(settings, users)
    store = FeedbackStore(settings.feedback_path, settings.feedback_retention_days)

    app = FastAPIOffline(
        title="Avtalsassistenten (staff)",
        version="0.1.0",
        description="Staff surface: every document, public and internal. Sign in at /login.",
        redoc_url=None,
    )
    install_error_handlers(app)
    app.include_router(api_router(assistant, None))
    viewer_routes(app, assistant, ("",))
    _sign_in_routes(app, settings, users, sessions)
    max_size = int(settings.max_upload_mb * 1_000_000) if admin_enabled(settings) else "1kb"
    ui = web.build_staff_ui(assistant, settings, store)
    mount(app, ui, "/", footer_links=["api"], max_file_size=max_size)
    # Outermost last: the direct peer is remembered before X-Forwarded-For replaces it.
    app.add_middleware(StaffWall, settings=settings, sessions=sessions)
    app.add_middleware(FramePolicy, origins=[])  # framed by nobody but itself; no CORS at all
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.proxies or [])
    app.add_middleware(_RememberPeer)
    app.add_middleware(UntrustedForwarding, proxies=settings.proxies)
    return app


class _RememberPeer:
    """Keeps the direct peer for the single-sign-on check, before X-Forwarded-For replaces it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope = {**scope, "avtal_peer": (scope.get("client") or ("", 0))[0]}
        await self.app(scope, receive, send)
