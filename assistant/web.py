"""Web UI (Gradio 6): the staff chat (``build_staff_ui``) and the citizen widget (``build_widget``).

Both stream each answer into a ``gr.Chatbot`` whose messages are HTML made by ``render`` (every
corpus or user text escaped there), take 👍/👎 through the chatbot's like event into the feedback
store, and open sources in a viewer dialog (``HEAD``'s script, which falls back to a new tab).
The chat is also the ``/ask`` endpoint of the staff app for ``gradio_client``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (after the analytics switch)

from . import admin  # noqa: E402
from .config import Settings  # noqa: E402
from .core import MAX_QUESTION_CHARS, Assistant  # noqa: E402
from .errors import AssistantError  # noqa: E402
from .feedback import FeedbackStore  # noqa: E402
from .i18n import error_message, pick_language, t  # noqa: E402
from .ratelimit import PublicGate  # noqa: E402
from .render import (  # noqa: E402
    answer_html,
    error_html,
    partial_answer_html,
    status_html,
    user_html,
)
from .style import CSS, HEAD  # noqa: E402
from .style import theme as _theme  # noqa: E402, F401  (server.py builds the theme through web)

__all__ = ["CSS", "EXAMPLES", "HEAD", "build_staff_ui", "build_widget"]

log = logging.getLogger(__name__)

EXAMPLES = [
    "what did Ludvika commit to regarding elevkulturombud",
    "Vad gör regionen inom Skapande skola?",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
    "What does the library act say about children and young people?",
]

_STREAM_STEPS = 8
CHAT_CONCURRENCY = 4  # answers streamed at once per app (each holds a slot while it streams)
_STREAM_DELAY = 0.03
# Relative, like the viewer links: /widget/<this> (and /<this>) serve the statement page.
STATEMENT_PATH = "tillganglighet"
# The page's language follows the UI's (WCAG 3.1.1): Gradio renders <html lang> from the browser.
# Runs after the load event has rendered the header, whose data attributes say the language
# chosen and the conversation's name (Gradio names it "chatbot conversation" in any language).
SET_PAGE_LANGUAGE = """() => {
  const el = document.querySelector("[data-av-lang]");
  if (!el) return [];
  document.documentElement.lang = el.dataset.avLang;
  for (const log of document.querySelectorAll("[role=log]")) {
    log.setAttribute("aria-label", el.dataset.avChat);
  }
  return [];
}"""


def _document_choices(assistant: Assistant, lang: str) -> list[tuple[str, str]]:
    choices = [(t(lang, "all_documents"), "")]
    with contextlib.suppress(AssistantError):  # no index yet: the chat says so when asked
        choices += [(d.title, d.source) for d in assistant.documents()]
    return choices


def _chunks(text: str) -> list[int]:
    """Where to cut the answer text while streaming it: about ``_STREAM_STEPS`` word boundaries."""
    cuts = [i for i, ch in enumerate(text) if ch in " \n"]
    if len(cuts) <= _STREAM_STEPS:
        return cuts
    step = len(cuts) / _STREAM_STEPS
    return [cuts[int(i * step)] for i in range(1, _STREAM_STEPS)]


def public_gate(settings: Settings) -> PublicGate:
    """The limits the widget and the public API share (``ASSISTANT_RATE_LIMIT_*``)."""
    return PublicGate(
        settings.rate_limit_per_minute, settings.rate_limit_burst, settings.public_concurrency
    )


def client_key(request: Any) -> str:
    """Who is asking, for the rate limit: the peer address (a proxy in front must be trusted
    explicitly, or every visitor would share its address)."""
    client = getattr(request, "client", None)
    host = getattr(client, "host", None) or "unknown"
    return str(host)


class ChatSession:
    """The chat logic shared by the staff UI and the widget (no components of its own)."""

    def __init__(
        self,
        assistant: Assistant,
        store: FeedbackStore | None,
        channel: str,
        gate: PublicGate | None = None,
    ) -> None:
        self.assistant = assistant
        self.store = store
        self.channel = channel
        self.gate = gate

    def _admitted(self, request: gr.Request | None) -> contextlib.AbstractContextManager[None]:
        """The public gate for the widget (per-client rate, shared slots); none for staff."""
        if self.gate is None:
            return contextlib.nullcontext()
        return self.gate.admit(client_key(request))

    def respond(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        turns: list[dict[str, Any]] | None,
        document: str | None,
        lang: str,
        request: gr.Request = None,  # type: ignore[assignment]  (Gradio fills it in)
    ) -> Iterator[tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]]:
        """Stream one turn: the question, a status line, the answer text, then its sources."""
        question = (message or "").strip()
        turns = list(turns or [])
        history = list(history or [])
        if not question:
            yield gr.skip(), history, turns
            return
        history.append({"role": "user", "content": user_html(question)})
        index = len(history)
        yield "", [*history, {"role": "assistant", "content": status_html(lang)}], turns
        try:
            with self._admitted(request):
                answer = self.assistant.ask(
                    question, document=document or None, history=_plain_history(turns)
                )
        except Exception as exc:
            # Shown in the UI's language (i18n.error_message); the engine's own English text,
            # which names the operator's fix, goes to the log.
            if isinstance(exc, AssistantError):
                log.warning("answering failed: %s", exc)
            else:
                log.exception("answering %r failed", question)
            message = error_html(error_message(exc, lang), lang)
            yield "", [*history, {"role": "assistant", "content": message}], turns
            return
        for cut in _chunks(answer.answer):
            yield (
                "",
                [*history, {"role": "assistant", "content": partial_answer_html(answer, cut)}],
                turns,
            )
            time.sleep(_STREAM_DELAY)
        answer_id = uuid.uuid4().hex[:12]
        history.append({"role": "assistant", "content": answer_html(answer, answer_id, lang)})
        turn = {
            "index": index,
            "id": answer_id,
            "question": question,
            "text": answer.answer,
            "answer": answer.to_dict(),
            "document": document or None,
        }
        yield "", history, [*turns, turn]

    def like(self, data: gr.LikeData, turns: list[dict[str, Any]] | None, lang: str) -> None:
        """Store 👍/👎 (or its withdrawal) for the answer at ``data.index``."""
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        turn = next((x for x in turns or [] if x["index"] == index), None)
        if turn is None or self.store is None:
            return
        vote = {True: "up", False: "down"}.get(data.liked) if isinstance(data.liked, bool) else None
        self.store.record(turn["id"], vote, turn["answer"], turn["document"], self.channel)
        if vote:
            gr.Info(t(lang, "thanks"))


def _plain_history(turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Earlier turns as plain-text messages, for follow-up questions."""
    out: list[dict[str, Any]] = []
    for turn in turns:
        out.append({"role": "user", "content": turn["question"]})
        out.append({"role": "assistant", "content": turn["text"]})
    return out


def _chatbot(
    lang: str, elem_id: str, height: int | str | None, scale: int | None = None
) -> gr.Chatbot:
    return gr.Chatbot(
        label=t(lang, "chat_label"),
        show_label=False,
        elem_id=elem_id,
        height=height,
        render_markdown=False,
        sanitize_html=True,
        feedback_options=("Like", "Dislike"),
        placeholder=t(lang, "empty_chat"),
        layout="panel",
        buttons=[],
        autoscroll=True,
        scale=scale,
    )


def _wire_chat(
    session: ChatSession,
    chatbot: gr.Chatbot,
    textbox: gr.Textbox,
    turns: gr.State,
    document: gr.components.Component,
    lang: gr.State,
    extra_triggers: list[tuple[Any, gr.components.Component]] = (),  # type: ignore[assignment]
) -> None:
    # The textbox and each extra trigger (example buttons) run the same streamed turn.
    for trigger, value in [(textbox.submit, textbox), *extra_triggers]:
        trigger(
            session.respond,
            inputs=[value, chatbot, turns, document, lang],
            outputs=[textbox, chatbot, turns],
            api_visibility="private",
            show_progress="hidden",
            concurrency_limit=CHAT_CONCURRENCY,
            concurrency_id=f"chat-{session.channel}",
        )
    chatbot.like(session.like, inputs=[turns, lang], outputs=None, api_visibility="private")


def _ask_endpoint(assistant: Assistant) -> Any:
    def ask(question: str, document: str | None = None) -> dict[str, Any]:
        """Answer a question about the agreement texts: the `assistant ask --json` object."""
        try:
            return assistant.ask(question, document=document or None).to_dict()
        except AssistantError as exc:
            raise gr.Error(str(exc)) from exc

    return ask


# --- staff chat -----------------------------------------------------------------------------


def build_staff_ui(
    assistant: Assistant | None = None,
    settings: Settings | None = None,
    store: FeedbackStore | None = None,
) -> gr.Blocks:
    """The staff chat: document filter, examples, language toggle, and the admin tab when
    ``ASSISTANT_ADMIN_PASSWORD`` is set."""
    assistant = assistant or Assistant(settings)
    settings = settings or assistant.settings
    store = store if store is not None else FeedbackStore(settings.feedback_path)
    session = ChatSession(assistant, store, "staff")
    lang0 = "sv"

    with gr.Blocks(title="Avtalsassistenten", analytics_enabled=False, fill_width=False) as demo:
        lang = gr.State(lang0)
        turns = gr.State([])
        with gr.Row(elem_id="av-header", equal_height=True):
            header = gr.HTML(_header_html(lang0), elem_id="av-title", padding=False)
            lang_radio = gr.Radio(
                choices=[("Svenska", "sv"), ("English", "en")],
                value=lang0,
                show_label=False,
                container=False,
                scale=0,
                min_width=210,
                elem_id="av-lang",
            )
        with gr.Tabs():
            with gr.Tab(t(lang0, "chat"), id="chat") as chat_tab, gr.Row():
                with gr.Column(scale=3):
                    chatbot = _chatbot(lang0, "av-chat", 620)
                    textbox = gr.Textbox(
                        show_label=False,
                        placeholder=t(lang0, "placeholder"),
                        submit_btn=t(lang0, "send"),
                        lines=1,
                        max_lines=5,
                        max_length=MAX_QUESTION_CHARS,
                        autofocus=True,
                        elem_id="av-question",
                    )
                    examples_label = gr.Markdown(f"**{t(lang0, 'examples')}**")
                    with gr.Row(elem_classes="av-examples"):
                        example_buttons = [
                            gr.Button(q, size="sm", variant="secondary", scale=0) for q in EXAMPLES
                        ]
                with gr.Column(scale=1, min_width=260):
                    document = gr.Dropdown(
                        choices=_document_choices(assistant, lang0),
                        value="",
                        label=t(lang0, "document"),
                        info=t(lang0, "document_info"),
                        elem_id="av-document",
                        interactive=True,
                    )
                    clear = gr.Button(t(lang0, "clear"), variant="secondary", size="sm")
                    help_text = gr.Markdown(t(lang0, "help"), elem_id="av-help")
            admin_parts = (
                _admin_tab(assistant, settings, lang0) if admin.admin_enabled(settings) else None
            )

        _wire_chat(
            session,
            chatbot,
            textbox,
            turns,
            document,
            lang,
            [(b.click, b) for b in example_buttons],
        )
        gr.api(_ask_endpoint(assistant), api_name="ask", concurrency_limit=CHAT_CONCURRENCY)
        clear.click(lambda: ([], []), None, [chatbot, turns], api_visibility="private")
        chatbot.clear(lambda: [], None, [turns], api_visibility="private")

        labelled = [header, chat_tab, textbox, examples_label, document, clear, help_text, chatbot]

        def relabel(code: str, current_doc: str | None = None) -> list[Any]:
            choices = _document_choices(assistant, code)
            values = {v for _, v in choices}
            return [
                code,
                gr.update(value=code),
                _header_html(code),
                gr.update(label=t(code, "chat")),
                gr.update(placeholder=t(code, "placeholder"), submit_btn=t(code, "send")),
                f"**{t(code, 'examples')}**",
                gr.update(
                    choices=choices,
                    value=current_doc if current_doc in values else "",
                    label=t(code, "document"),
                    info=t(code, "document_info"),
                ),
                gr.update(value=t(code, "clear")),
                t(code, "help"),
                gr.update(placeholder=t(code, "empty_chat")),
            ]

        def on_load(request: gr.Request) -> list[Any]:
            params = dict(request.query_params) if request else {}
            headers = dict(request.headers) if request else {}
            code = pick_language(params.get("lang"), headers.get("accept-language"))
            wanted = params.get("document")
            try:
                source = assistant.resolve_document(wanted) if wanted else ""
            except AssistantError:
                source = ""
            return relabel(code, source)

        outputs = [lang, lang_radio, *labelled]
        demo.load(on_load, None, outputs, api_visibility="private", show_progress="hidden").then(
            None, None, None, js=SET_PAGE_LANGUAGE, api_visibility="private"
        )
        lang_radio.input(
            relabel,
            [lang_radio, document],
            outputs,
            api_visibility="private",
            show_progress="hidden",
        ).then(None, None, None, js=SET_PAGE_LANGUAGE, api_visibility="private")
        if admin_parts is not None:
            _wire_admin(assistant, settings, admin_parts, lang, document)
    return demo


def _header_html(lang: str) -> str:
    return (
        f'<div data-av-lang="{lang}" data-av-chat="{escape(t(lang, "chat_label"))}">'
        f"<h1>{escape(t(lang, 'title'))}</h1>"
        f"<p>{escape(t(lang, 'subtitle'))}</p></div>"
    )


# --- admin ----------------------------------------------------------------------------------


def _admin_tab(assistant: Assistant, settings: Settings, lang: str) -> dict[str, Any]:
    with gr.Tab(t(lang, "admin"), id="admin", elem_id="av-admin-tab"):
        gr.Markdown(t(lang, "admin_intro"))
        password = gr.Textbox(
            label=t(lang, "password"), type="password", elem_id="av-admin-password"
        )
        upload = gr.File(
            label=t(lang, "upload"),
            file_types=[".txt", ".md", ".pdf", ".docx"],
            file_count="single",
            type="filepath",
            elem_id="av-admin-file",
        )
        run = gr.Button(t(lang, "upload_button"), variant="primary", elem_id="av-admin-run")
        result = gr.Markdown(elem_id="av-admin-result")
    return {"password": password, "upload": upload, "run": run, "result": result}


def _wire_admin(
    assistant: Assistant,
    settings: Settings,
    parts: dict[str, Any],
    lang: gr.State,
    document: gr.Dropdown,
) -> None:
    def upload_and_index(
        password: str,
        path: str | None,
        code: str,
        progress: gr.Progress = gr.Progress(),  # noqa: B008  (Gradio's way to ask for progress)
    ) -> tuple[str, Any]:
        if not admin.check_password(settings, password):
            raise gr.Error(t(code, "wrong_password"))
        if not path:
            raise gr.Error(t(code, "no_file"))
        uploaded = Path(path)
        try:
            saved, replaced = admin.save_upload(settings, uploaded, uploaded.name)
        except AssistantError as exc:
            raise gr.Error(str(exc)) from exc
        progress(0.05, desc=t(code, "indexing", source=saved.name))
        seen: list[str] = []

        def on_file(source: str) -> None:
            seen.append(source)
            progress(None, desc=t(code, "indexing", source=source))

        try:
            report = admin.reindex(assistant, on_file=on_file)
        except AssistantError as exc:
            raise gr.Error(str(exc)) from exc
        progress(1.0, desc=t(code, "indexed"))
        verb = (
            ("ersatt" if replaced else "sparad")
            if code == "sv"
            else ("replaced" if replaced else "saved")
        )
        summary = f"**{saved.name}** {verb}.\n\n```\n{report.summary()}\n```"
        return summary, gr.update(choices=_document_choices(assistant, code))

    parts["run"].click(
        upload_and_index,
        inputs=[parts["password"], parts["upload"], lang],
        outputs=[parts["result"], document],
        api_visibility="private",
        concurrency_limit=1,
    )


# --- citizen widget -------------------------------------------------------------------------


def build_widget(
    assistant: Assistant | None = None,
    settings: Settings | None = None,
    store: FeedbackStore | None = None,
    gate: PublicGate | None = None,
) -> gr.Blocks:
    """The embeddable citizen chat: one conversation with sources, an optional fixed document
    (``?document=…``), language from ``?lang=`` or the browser; no filters, admin or API."""
    assistant = assistant or Assistant(settings)
    settings = settings or assistant.settings
    store = store if store is not None else FeedbackStore(settings.feedback_path)
    session = ChatSession(assistant, store, "widget", gate or public_gate(settings))
    lang0 = "sv"

    with gr.Blocks(title="Avtalsassistenten", analytics_enabled=False, fill_height=True) as demo:
        lang = gr.State(lang0)
        turns = gr.State([])
        document = gr.State(None)
        head = gr.HTML(_widget_head(lang0), elem_id="av-widget-head", padding=False)
        chatbot = _chatbot(lang0, "av-widget-chat", None, scale=1)
        textbox = gr.Textbox(
            show_label=False,
            placeholder=t(lang0, "placeholder"),
            submit_btn=t(lang0, "send"),
            lines=1,
            max_lines=4,
            max_length=MAX_QUESTION_CHARS,
            elem_id="av-widget-question",
        )
        foot = gr.HTML(_widget_foot(lang0), elem_id="av-widget-foot", padding=False)
        _wire_chat(session, chatbot, textbox, turns, document, lang)
        chatbot.clear(lambda: [], None, [turns], api_visibility="private")

        def on_load(request: gr.Request) -> list[Any]:
            params = dict(request.query_params) if request else {}
            headers = dict(request.headers) if request else {}
            code = pick_language(params.get("lang"), headers.get("accept-language"))
            wanted = (params.get("document") or "").strip()
            source, note = None, ""
            if wanted:
                try:
                    source = assistant.resolve_document(wanted)
                    title = next(d.title for d in assistant.documents() if d.source == source)
                    note = t(code, "fixed_document", title=title)
                except (AssistantError, StopIteration):
                    note = t(code, "unknown_document", name=wanted)
            return [
                code,
                source,
                _widget_head(code, note),
                gr.update(placeholder=t(code, "placeholder"), submit_btn=t(code, "send")),
                gr.update(placeholder=t(code, "empty_chat"), label=t(code, "chat_label")),
                _widget_foot(code),
            ]

        demo.load(
            on_load,
            None,
            [lang, document, head, textbox, chatbot, foot],
            api_visibility="private",
            show_progress="hidden",
        ).then(None, None, None, js=SET_PAGE_LANGUAGE, api_visibility="private")
    return demo


def _widget_head(lang: str, note: str = "") -> str:
    line = escape(note) if note else escape(t(lang, "widget_intro"))
    return (
        f'<div data-av-lang="{lang}" data-av-chat="{escape(t(lang, "chat_label"))}">'
        f"<h1>{escape(t(lang, 'widget_title'))}</h1><p>{line}</p></div>"
    )


def _widget_foot(lang: str) -> str:
    # The statement is in Swedish only (the law asks for Swedish): say so to English readers.
    return (
        f'<p><a class="av-statement" href="{STATEMENT_PATH}" target="_blank" rel="noopener" '
        f'hreflang="sv">{escape(t(lang, "statement"))}</a></p>'
    )
