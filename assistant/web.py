"""Web UI (Gradio 6): the staff chat (``build_staff_ui``) with its admin tab; the citizen widget
(``build_widget``) lives in ``widget``, the chat logic both share in ``chat``.

Both stream each answer into a ``gr.Chatbot`` whose messages are HTML made by ``render`` (every
corpus or user text escaped there), take 👍/👎 through the chatbot's like event into the feedback
store, and open sources in a viewer dialog (``HEAD``'s script, which falls back to a new tab).
The chat is also the ``/ask`` endpoint of the staff app for ``gradio_client``.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (after the analytics switch)

from . import admin  # noqa: E402
from .chat import (  # noqa: E402
    CHAT_CONCURRENCY,
    SET_PAGE_LANGUAGE,
    ChatSession,
    client_key,
    make_chatbot,
    public_gate,
    wire_chat,
)
from .config import Settings  # noqa: E402
from .core import Assistant  # noqa: E402
from .errors import AssistantError  # noqa: E402
from .feedback import FeedbackStore  # noqa: E402
from .i18n import pick_language, t  # noqa: E402
from .in_force import badges  # noqa: E402
from .question_text import MAX_QUESTION_CHARS  # noqa: E402
from .style import CSS, HEAD  # noqa: E402
from .style import theme as _theme  # noqa: E402, F401  (server.py builds the theme through web)
from .widget import build_widget  # noqa: E402

__all__ = [
    "CSS",
    "EXAMPLES",
    "HEAD",
    "ChatSession",
    "build_staff_ui",
    "build_widget",
    "client_key",
    "public_gate",
]

EXAMPLES = [
    "what did Ludvika commit to regarding elevkulturombud",
    "Vad gör regionen inom Skapande skola?",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
    "What does the library act say about children and young people?",
]


def _document_choices(assistant: Assistant, lang: str) -> list[tuple[str, str]]:
    choices = [(t(lang, "all_documents"), "")]
    with contextlib.suppress(AssistantError):  # no index yet: the chat says so when asked
        docs = {d.source: d for d in assistant.documents()}
        # Each document with its status today ("gällande", "upphört", "ersatt av …").
        marks = badges(assistant.validity(), docs, list(docs), lang)
        choices += [
            (f"{d.title} ({marks[s][1]})" if s in marks else d.title, s) for s, d in docs.items()
        ]
    return choices


def _ask_endpoint(assistant: Assistant) -> Any:
    def ask(question: str, document: str | None = None, as_of: str | None = None) -> dict[str, Any]:
        """Answer a question about the agreement texts: the `assistant ask --json` object.
        ``as_of`` (YYYY-MM-DD, default today) is the date validity is judged on."""
        try:
            day = date.fromisoformat(as_of) if as_of else None
        except ValueError as exc:
            raise gr.Error(f"as_of {as_of!r} is not a date: write it as YYYY-MM-DD") from exc
        try:
            return assistant.ask(question, document=document or None, as_of=day).to_dict()
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
                    chatbot = make_chatbot(lang0, "av-chat", 620)
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

        wire_chat(
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
