"""The HTTP API and the source viewer, shared by the public app and the staff app.

Each surface passes its own ``Assistant``: the public one sees public documents only (see
``core.Assistant(audience=…)``), so ``/api/documents``, search, answers and ``/view`` never
reach an internal document there. Errors are ``{"detail": <message>, "type": <error class>}``:
the message for people, the type for a UI that shows its own words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .core import Assistant
from .errors import (
    AssistantError,
    ChromaUnavailableError,
    DocumentNotFoundError,
    EmbeddingModelError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from .question_text import MAX_QUESTION_CHARS, InvalidQuestionError
from .ratelimit import Limited, PublicGate
from .render import pick_language
from .validity import document_rows
from .viewer import parse_spans, viewer_page

__all__ = ["api_router", "client_key", "install_error_handlers", "viewer_routes"]

VIEWER_CSP = (
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


class AskRequest(BaseModel):
    question: str = Field(
        ...,
        max_length=4 * MAX_QUESTION_CHARS,
        examples=["what did Ludvika commit to regarding elevkulturombud"],
    )
    document: str | None = Field(
        None, description="Only this document: source path, file name or a unique title part."
    )
    as_of: date | None = Field(
        None,
        description="Judge validity on this date (YYYY-MM-DD; default ASSISTANT_AS_OF, today): "
        "which documents are in force, expired or replaced.",
    )


class SearchRequest(BaseModel):
    question: str = Field(..., max_length=4 * MAX_QUESTION_CHARS, examples=["Skapande skola"])
    k: int | None = Field(None, ge=1, le=50, description="How many passages (default top_k).")
    document: str | None = Field(None, description="Only this document.")


class _Where(BaseModel):
    """Where a cited or found passage stands (shared by citations and passages)."""

    source: str
    title: str
    page: int
    page_end: int | None = Field(
        None, description="Last page when the passage runs over a page break."
    )
    page_known: bool = Field(
        True, description="False for a Word file that records no page breaks: cite the section."
    )
    table_header: str | None = Field(None, description="The header row of the passage's table.")
    section: str


class CitationOut(_Where):
    n: int
    quote: str = Field(description="Verbatim in `passage`.")
    passage: str = Field(description="Verbatim in the cleaned page `page` of `source`.")
    score: float


class PassageOut(_Where):
    rank: int
    id: str
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
    valid_from: str | None = Field(None, description="First day in force (YYYY-MM-DD).")
    valid_to: str | None = Field(None, description="Last day in force; null if open-ended/unknown.")
    status: str = Field(
        "unknown",
        description="On ASSISTANT_AS_OF: in_force, expired, not_yet, superseded, unknown.",
    )
    superseded_by: str | None = Field(None, description="Source of the document replacing it.")


class HealthOut(BaseModel):
    status: str
    documents: int = 0
    collection: str = ""
    detail: str = ""


class ErrorOut(BaseModel):
    detail: Any
    type: str = Field(description="The error's kind, e.g. 'Limited', 'InvalidQuestionError'.")


def client_key(request: Any) -> str:
    """Who is asking, for the limits: the peer address (behind a trusted proxy, the address it
    forwarded; see ``ASSISTANT_TRUSTED_PROXIES``)."""
    client = getattr(request, "client", None)
    return str(getattr(client, "host", None) or "unknown")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes the input and fails on bytes that are not UTF-8.
        errors = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        body = {"detail": errors or "Invalid request.", "type": "RequestValidationError"}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(AssistantError)
    async def assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 400)
        return JSONResponse({"detail": str(exc), "type": type(exc).__name__}, status_code=status)

    @app.exception_handler(Limited)
    async def limited(request: Request, exc: Limited) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.reason, "type": "Limited", "retry_after": exc.retry_after},
            status_code=429,
            headers={"Retry-After": str(exc.retry_after)},
        )


_LIMITED = {
    429: {"description": "Rate limit; see the Retry-After header.", "model": ErrorOut},
    422: {"description": "Invalid question.", "model": ErrorOut},
}


def api_router(assistant: Assistant, gate: PublicGate | None) -> APIRouter:
    """``/api/ask``, ``/api/search``, ``/api/documents``, ``/api/health`` over ``assistant``;
    questions pass ``gate`` (per-client rate and shared slots) when given."""
    from contextlib import nullcontext

    router = APIRouter(tags=["api"])

    def admitted(request: Request) -> Any:
        return gate.admit(client_key(request)) if gate else nullcontext()

    @router.post("/api/ask", response_model=AskResponse, responses=_LIMITED)
    def ask(body: AskRequest, request: Request) -> JSONResponse:
        """Answer a question with cited passages: the object `assistant ask --json` prints."""
        with admitted(request):
            answer = assistant.ask(body.question, document=body.document, as_of=body.as_of)
        return JSONResponse(answer.to_dict())

    @router.post("/api/search", response_model=SearchResponse, responses=_LIMITED)
    def search(body: SearchRequest, request: Request) -> JSONResponse:
        """The best passages for a question: the object `assistant search --json` prints."""
        with admitted(request):
            passages = assistant.search(body.question, k=body.k, document=body.document)
        rows = [p.to_dict(rank=i) for i, p in enumerate(passages, start=1)]
        return JSONResponse({"question": body.question, "passages": rows})

    @router.get("/api/documents", response_model=list[DocumentOut])
    def documents(
        as_of: date | None = Query(None, description="Validity on this date (YYYY-MM-DD)."),  # noqa: B008
    ) -> JSONResponse:
        """The indexed documents: the list `assistant documents --json` prints."""
        day = as_of or assistant.settings.as_of_date
        return JSONResponse(document_rows(assistant.documents(), day))

    @router.get("/api/health", response_model=HealthOut)
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

    return router


def viewer_routes(app: FastAPI, assistant: Assistant, prefixes: tuple[str, ...]) -> None:
    """The viewer at ``<prefix>/view`` for each prefix: cleaned page, quote highlighted, no
    scripts; only the documents ``assistant`` may show."""

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
        spans: str = "",  # several highlights, "a-b,c-d"; start/end still cover them all
    ) -> HTMLResponse:
        """The cleaned page with the quote highlighted and scrolled into view (no scripts)."""
        code = pick_language(lang, request.headers.get("accept-language"))
        try:
            doc = next((d for d in assistant.documents() if d.source == source), None)
        except AssistantError as exc:
            return HTMLResponse(
                str(exc), status_code=503, headers={"Content-Security-Policy": VIEWER_CSP}
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
            spans=parse_spans(spans),
        )
        return HTMLResponse(
            body,
            status_code=200 if doc else 404,
            headers={"Content-Security-Policy": VIEWER_CSP},
        )

    for prefix in prefixes:
        path = f"{prefix}/view"
        app.add_api_route(
            path, view, methods=["GET"], include_in_schema=path == "/view", tags=["viewer"]
        )
