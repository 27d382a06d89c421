"""Two apps, two ports (``assistant serve``, ``app.py``, ``make run``):

- the **public** app (``create_app``) on ``ASSISTANT_HOST:ASSISTANT_PORT``: the citizen widget at
  ``/widget``, the API at ``/api/*`` (docs at ``/docs``, from local files), the viewer at
  ``/view``; public documents only, every question limited per client;
- the **staff** app (``staff.create_staff_app``) on ``ASSISTANT_STAFF_HOST:ASSISTANT_STAFF_PORT``
  (127.0.0.1:7861 by default): chat, admin and all documents, behind sign-in.

Nothing of the staff app is mounted here; ``guard.PublicGuard`` lets through only the widget's
own Gradio routes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from fastapi import FastAPI, Request  # noqa: E402
from fastapi.middleware.cors import CORSMiddleware  # noqa: E402
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse  # noqa: E402

from .api import api_router, install_error_handlers, viewer_routes  # noqa: E402
from .config import Settings  # noqa: E402
from .core import Assistant  # noqa: E402
from .errors import AssistantError  # noqa: E402
from .feedback import widget_store  # noqa: E402
from .guard import FramePolicy, PublicGuard, UntrustedForwarding  # noqa: E402

__all__ = ["FramePolicy", "PublicGuard", "create_app", "serve"]


def gradio_common() -> dict[str, Any]:
    """The page settings both Gradio apps share."""
    from . import web

    return {
        "theme": web._theme(),
        "css": web.CSS,
        "head": web.HEAD,
        "run_history": False,
        "ssr_mode": False,
        "show_error": True,
    }


def mount(app: FastAPI, blocks: Any, path: str, **options: Any) -> None:
    """``gr.mount_gradio_app`` with Gradio's file checks on.

    Gradio checks that a file named in a request was uploaded by a user only once the Blocks
    "has launched", which a mounted app never does: without this, a request could name any
    file on the server and Gradio would copy it into its cache for the handler (measured:
    the admin upload took ``corpus/internal/…`` as if uploaded).
    """
    import gradio as gr

    gr.mount_gradio_app(app, blocks, path=path, **options, **gradio_common())
    blocks.has_launched = True


def create_app(assistant: Assistant | None = None, settings: Settings | None = None) -> FastAPI:
    """The public app: widget, API, viewer and docs over the public documents only."""
    import gradio as gr
    from fastapi_offline import FastAPIOffline
    from starlette.staticfiles import StaticFiles
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from . import web

    settings = settings or (assistant.settings if assistant else Settings())
    public = (assistant or Assistant(settings)).public_view()

    app = FastAPIOffline(
        title="Avtalsassistenten",
        version="0.1.0",
        description="Answers questions about the public agreement texts with verbatim, cited "
        "passages. The citizen widget is at `/widget`, the source viewer at `/view`.",
        redoc_url=None,
    )
    install_error_handlers(app)
    gate = web.public_gate(settings)
    app.include_router(api_router(public, gate))
    # The chat links are relative ("view?…"), so they resolve under the widget too.
    viewer_routes(app, public, ("", "/widget"))
    # --- accessibility statement ---
    # Public surface, before the widget's mount (which would shadow /widget/tillganglighet).
    from .statement import register_statement

    register_statement(app, settings)
    # --- end accessibility statement ---

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("widget/", status_code=307)

    @app.get("/widget", include_in_schema=False)
    def widget_slash(request: Request) -> RedirectResponse:
        """``/widget?document=…`` (the iframe snippet) → the mounted app at ``/widget/``."""
        query = request.url.query
        return RedirectResponse(f"widget/{'?' + query if query else ''}", status_code=307)

    frontend = Path(gr.__file__).parent / "templates" / "frontend"

    @app.get("/gradio.js", include_in_schema=False)
    def gradio_script() -> FileResponse:
        """Gradio's web-component loader, from this server (it imports /assets/… from here)."""
        return FileResponse(frontend / "gradio.js", media_type="text/javascript")

    app.mount("/assets", StaticFiles(directory=frontend / "assets"), name="assets")

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Any) -> JSONResponse:
        return JSONResponse({"detail": "Not Found", "type": "NotFound"}, status_code=404)

    widget = web.build_widget(public, settings, widget_store(settings), gate)
    mount(app, widget, "/widget", footer_links=[], max_file_size="1kb")
    app.add_middleware(PublicGuard, per_minute=settings.public_requests_per_minute)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "X-Gradio-User"],  # the web component sends it on queue/join
    )
    app.add_middleware(FramePolicy, origins=settings.origins)
    # Outermost: a trusted proxy's X-Forwarded-For becomes the client address for the limits.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.proxies or [])
    app.add_middleware(UntrustedForwarding, proxies=settings.proxies)
    return app


def serve(
    settings: Settings | None = None,
    host: str | None = None,
    port: int | None = None,
    assistant: Assistant | None = None,
    staff_port: int | None = None,
) -> None:
    """Run both apps (blocking): public on ``host:port``, staff on its own address and port."""
    import asyncio
    import logging

    import uvicorn

    from .privacy import install_log_masking
    from .staff import create_staff_app

    settings = settings or (assistant.settings if assistant else Settings())
    assistant = assistant or Assistant(settings)
    host, port = host or settings.host, port or settings.port
    staff_host, staff_port = settings.staff_host, staff_port or settings.staff_port
    try:
        docs = assistant.documents()
        assistant.search("avtal", k=1)  # loads the model now, not on the first question
        public = assistant.public_view().documents()
        print(
            f"Index: {len(docs)} documents, {len(public)} public ({assistant.index.name}).",
            flush=True,
        )
    except AssistantError as exc:
        print(f"warning: {exc}", flush=True)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    configs = [
        uvicorn.Config(
            app,
            host=h,
            port=p,
            log_level="warning",
            timeout_graceful_shutdown=3,
            proxy_headers=False,  # the apps apply ASSISTANT_TRUSTED_PROXIES themselves
            h11_max_incomplete_event_size=64 * 1024,
        )
        for app, h, p in (
            (create_app(assistant, settings), host, port),
            (create_staff_app(assistant, settings), staff_host, staff_port),
        )
    ]
    install_log_masking()
    logging.getLogger("assistant").setLevel(logging.INFO)
    print(
        f"Avtalsassistenten public: widget http://{host}:{port}/widget  API docs "
        f"http://{host}:{port}/docs\nAvtalsassistenten staff: http://{staff_host}:{staff_port}/ "
        "(sign in; add accounts with `assistant users add NAME`)",
        flush=True,
    )

    asyncio.run(_serve_all([_QuietServer(c) for c in configs]))


class _QuietServer:
    """A uvicorn server that leaves signals to ``_serve_all`` (two servers, one process)."""

    def __new__(cls, config: Any) -> Any:
        import contextlib

        import uvicorn

        class Server(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Any:
                yield

        return Server(config)


async def _serve_all(servers: list[Any]) -> None:
    """Serve until a signal or until one server stops; then stop them all."""
    import asyncio
    import signal

    def stop() -> None:
        for server in servers:
            server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop)
    tasks = [asyncio.create_task(s.serve()) for s in servers]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    stop()
    await asyncio.gather(*tasks, return_exceptions=True)
