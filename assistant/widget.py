"""The citizen widget (``build_widget``): one conversation with sources, an optional fixed
document, the language from ``?lang=`` or the browser, a link to the accessibility statement;
no filters, admin or API. Its conversation scrolls inside a fixed height (``style.CSS``).
"""

from __future__ import annotations

import os
from html import escape
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (after the analytics switch)

from .chat import (  # noqa: E402
    SET_PAGE_LANGUAGE,
    ChatSession,
    make_chatbot,
    public_gate,
    wire_chat,
)
from .config import Settings  # noqa: E402
from .core import Assistant  # noqa: E402
from .errors import AssistantError  # noqa: E402
from .feedback import FeedbackStore, widget_store  # noqa: E402
from .i18n import pick_language, t  # noqa: E402
from .question_text import MAX_QUESTION_CHARS  # noqa: E402
from .ratelimit import PublicGate  # noqa: E402

__all__ = ["STATEMENT_PATH", "build_widget"]

# Relative, like the viewer links: /widget/<this> (and /<this>) serve the statement page.
STATEMENT_PATH = "tillganglighet"


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
    store = store if store is not None else widget_store(settings)
    session = ChatSession(assistant, store, "widget", gate or public_gate(settings))
    lang0 = "sv"

    with gr.Blocks(title="Avtalsassistenten", analytics_enabled=False, fill_height=True) as demo:
        lang = gr.State(lang0)
        turns = gr.State([])
        document = gr.State(None)
        head = gr.HTML(_widget_head(lang0), elem_id="av-widget-head", padding=False)
        chatbot = make_chatbot(lang0, "av-widget-chat", None, scale=1)
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
        # No 👍/👎 unless votes are kept: thanking a visitor for a dropped vote misleads.
        wire_chat(session, chatbot, textbox, turns, document, lang, votes=store.keeps)
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
