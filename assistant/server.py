"""One server on one port: the HTTP API (FastAPI), the staff chat at ``/``, the citizen widget at
``/widget`` and the source viewer at ``/view`` (``assistant serve``, ``app.py``, ``make run``).

- ``POST /api/ask``, ``POST /api/search``, ``GET /api/documents``, ``GET /api/health``; OpenAPI
  docs at ``/docs`` (served from local files: no CDN).
- The widget and the viewer may be framed by the sites in ``ASSISTANT_ALLOWED_ORIGINS`` (any site
  by default); the staff chat only by itself. CORS follows the same list.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from fastapi import FastAPI, Query, Request  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402
from fastapi.middleware.cors import CORSMiddleware  # noqa: E402
from fastapi.responses import (  # noqa: E402
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
)
from pydantic import BaseModel, ConfigDict, Field  # noqa: E402
from starlette.datastructures import MutableHeaders  # noqa: E402
from starlette.types import ASGIApp, Message, Receive, Scope, Send  # noqa: E402

from .config import Settings  # noqa: E402
from .core import MAX_QUESTION_CHARS, Assistant, InvalidQuestionError  # noqa: E402
from .errors import (  # noqa: E402
    AssistantError,
    ChromaUnavailableError,
    DocumentNotFoundError,
    EmbeddingModelError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from .feedback import FeedbackStore  # noqa: E402
from .ratelimit import Limited  # noqa: E402
from .render import pick_language, viewer_page  # noqa: E402

__all__ = ["create_app", "serve"]

_VIEWER_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)
_STATUS = {
    InvalidQuestionError: 422,
    DocumentNotFoundError: 404,
    IndexNotFoundError: 503,
    IndexModelMismatchError: 503,
    ChromaUnavailableError: 503,
    EmbeddingModelError: 503,
    IndexBusyError: 503,
}


# --- API shapes (the same as the CLI's --json output) ---------------------------------------


class AskRequest(BaseModel):
    question: str = Field(
        ...,
        max_length=4 * MAX_QUESTION_CHARS,
        examples=["what did Ludvika commit to regarding elevkulturombud"],
    )
    document: str | None = Field(
        None, description="Only this document: source path, file name or a unique title part."
    )


class SearchRequest(BaseModel):
    question: str = Field(..., max_length=4 * MAX_QUESTION_CHARS, examples=["Skapande skola"])
    k: int | None = Field(None, ge=1, le=50, description="How many passages (default top_k).")
    document: str | None = Field(None, description="Only this document.")


class CitationOut(BaseModel):
    n: int
    source: str
    title: str
    page: int
    section: str
    quote: str = Field(description="Verbatim in `passage`.")
    passage: str = Field(description="Verbatim in the cleaned page `page` of `source`.")
    score: float


class PassageOut(BaseModel):
    rank: int
    id: str
    source: str
    title: str
    page: int
    section: str
    text: str
    score: float


class AskResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    question: str
    answered: bool
    answer: str
    language: str
    citations: list[CitationOut]
    related: list[PassageOut] = Field(description="Closest passages when not answered.")


class SearchResponse(BaseModel):
    question: str
    passages: list[PassageOut]


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    source: str
    title: str
    type: str


class HealthOut(BaseModel):
    status: str
    documents: int = 0
    collection: str = ""
    detail: str = ""


# --- headers --------------------------------------------------------------------------------


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


# --- the app --------------------------------------------------------------------------------


def create_app(
    assistant: Assistant | None = None,
    settings: Settings | None = None,
    store: FeedbackStore | None = None,
) -> FastAPI:
    """The API with the staff chat mounted at ``/`` and the widget at ``/widget``."""
    import gradio as gr
    from fastapi_offline import FastAPIOffline

    from . import web
    from .admin import admin_enabled
    from .ingest import MAX_FILE_BYTES

    settings = settings or (assistant.settings if assistant else Settings())
    assistant = assistant or Assistant(settings)
    store = store if store is not None else FeedbackStore(settings.feedback_path)

    app = FastAPIOffline(
        title="Avtalsassistenten",
        version="0.1.0",
        description="Answers questions about agreement texts with verbatim, cited passages. "
        "The staff chat is at `/`, the citizen widget at `/widget`, the source viewer at "
        "`/view`; the chat is also `/ask` for `gradio_client`.",
        redoc_url=None,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
    )
    app.add_middleware(FramePolicy, origins=settings.origins)

    @app.middleware("http")
    async def no_widget_uploads(request: Request, call_next: Any) -> Any:
        # The widget has no file inputs; Gradio's generic upload route must not take files
        # from the public.
        if request.url.path.startswith(("/widget/gradio_api/upload", "/widget/upload")):
            return JSONResponse({"detail": "The widget takes no uploads."}, status_code=403)
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes the input and fails on bytes that are not UTF-8.
        errors = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors or "Invalid request."}, status_code=422)

    @app.exception_handler(AssistantError)
    async def assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 400)
        return JSONResponse({"detail": str(exc)}, status_code=status)

    gate = web.public_gate(settings)

    @app.exception_handler(Limited)
    async def limited(request: Request, exc: Limited) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.reason, "retry_after": exc.retry_after},
            status_code=429,
            headers={"Retry-After": str(exc.retry_after)},
        )

    @app.post(
        "/api/ask",
        response_model=AskResponse,
        tags=["api"],
        responses={429: {"description": "Rate limit; see the Retry-After header."}},
    )
    def ask(body: AskRequest, request: Request) -> JSONResponse:
        """Answer a question with cited passages: the object `assistant ask --json` prints."""
        with gate.admit(web.client_key(request)):
            answer = assistant.ask(body.question, document=body.document)
        return JSONResponse(answer.to_dict())

    @app.post(
        "/api/search",
        response_model=SearchResponse,
        tags=["api"],
        responses={429: {"description": "Rate limit; see the Retry-After header."}},
    )
    def search(body: SearchRequest, request: Request) -> JSONResponse:
        """The best passages for a question: the object `assistant search --json` prints."""
        with gate.admit(web.client_key(request)):
            passages = assistant.search(body.question, k=body.k, document=body.document)
        rows = [p.to_dict(rank=i) for i, p in enumerate(passages, start=1)]
        return JSONResponse({"question": body.question, "passages": rows})

    @app.get("/api/documents", response_model=list[DocumentOut], tags=["api"])
    def documents() -> JSONResponse:
        """The indexed documents: the list `assistant documents --json` prints."""
        return JSONResponse(
            [
                {**d.metadata, "source": d.source, "title": d.title, "type": d.doc_type}
                for d in assistant.documents()
            ]
        )

    @app.get("/api/health", response_model=HealthOut, tags=["api"])
    def health() -> JSONResponse:
        """Ready when the index can be read; 503 with the fix otherwise."""
        try:
            count = len(assistant.documents())
        except AssistantError as exc:
            return JSONResponse(
                {"status": "unavailable", "detail": str(exc), "collection": assistant.index.name},
                status_code=503,
            )
        return JSONResponse(
            {"status": "ok", "documents": count, "collection": assistant.index.name}
        )

    def view(
        request: Request,
        source: str,
        page: int = Query(1, ge=1),
        start: int = Query(0, ge=0),
        end: int = Query(0, ge=0),
        kind: str = "passage",
        hl: str = "quote",
        all: int = 0,  # noqa: A002  (the query parameter's name)
        lang: str | None = None,
        embed: int = 0,
    ) -> HTMLResponse:
        """The cleaned page with the quote highlighted and scrolled into view (no scripts)."""
        code = pick_language(lang, request.headers.get("accept-language"))
        try:
            doc = next((d for d in assistant.documents() if d.source == source), None)
        except AssistantError as exc:
            return HTMLResponse(
                str(exc), status_code=503, headers={"Content-Security-Policy": _VIEWER_CSP}
            )
        body = viewer_page(
            doc,
            page,
            start,
            end,
            kind="card" if kind == "card" else "passage",
            highlight="passage" if hl == "passage" else "quote",
            whole=bool(all),
            lang=code,
            embed=bool(embed),
        )
        return HTMLResponse(
            body,
            status_code=200 if doc else 404,
            headers={"Content-Security-Policy": _VIEWER_CSP},
        )

    # The chat links are relative ("view?…"), so they resolve under / and under /widget/.
    for path in ("/view", "/widget/view"):
        app.add_api_route(
            path, view, methods=["GET"], include_in_schema=path == "/view", tags=["viewer"]
        )

    # --- accessibility statement ---
    # Public surface, before the widget's mount (which would shadow /widget/tillganglighet).
    from .statement import register_statement

    register_statement(app, settings)
    # --- end accessibility statement ---

    @app.get("/widget", include_in_schema=False)
    def widget_slash(request: Request) -> RedirectResponse:
        """``/widget?document=…`` (the iframe snippet) → the mounted app at ``/widget/``."""
        query = request.url.query
        return RedirectResponse(f"widget/{'?' + query if query else ''}", status_code=307)

    gradio_js = Path(gr.__file__).parent / "templates" / "frontend" / "gradio.js"

    @app.get("/gradio.js", include_in_schema=False)
    def gradio_script() -> FileResponse:
        """Gradio's web-component loader, from this server (it imports /assets/… from here)."""
        return FileResponse(gradio_js, media_type="text/javascript")

    common: dict[str, Any] = {
        "theme": web._theme(),
        "css": web.CSS,
        "head": web.HEAD,
        "run_history": False,
        "ssr_mode": False,
        "show_error": True,
    }
    gr.mount_gradio_app(
        app,
        web.build_widget(assistant, settings, store, gate),
        path="/widget",
        footer_links=[],
        max_file_size="10kb",
        **common,
    )
    gr.mount_gradio_app(
        app,
        web.build_staff_ui(assistant, settings, store),
        path="/",
        footer_links=["api"],
        max_file_size=MAX_FILE_BYTES if admin_enabled(settings) else "10kb",
        **common,
    )
    return app


def serve(
    settings: Settings | None = None,
    host: str | None = None,
    port: int | None = None,
    assistant: Assistant | None = None,
) -> None:
    """Run the server (blocking) on ``host:port`` (default ``ASSISTANT_HOST`` / ``ASSISTANT_PORT``)."""
    import uvicorn

    settings = settings or (assistant.settings if assistant else Settings())
    assistant = assistant or Assistant(settings)
    host = host or settings.host
    port = port or settings.port
    try:
        docs = assistant.documents()
        assistant.search("avtal", k=1)  # loads the model now, not on the first question
        print(f"Index: {len(docs)} documents ({assistant.index.name}).", flush=True)
    except AssistantError as exc:
        print(f"warning: {exc}", flush=True)
    app = create_app(assistant, settings)
    where = f"http://{host}:{port}"
    print(
        f"Avtalsassistenten: chat {where}/  widget {where}/widget  API docs {where}/docs",
        flush=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)
