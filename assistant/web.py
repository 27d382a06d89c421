"""Web: a minimal Gradio chat over ``Assistant.ask`` (the full staff UI and widget come later)."""

from __future__ import annotations

import html
from typing import Any

from .core import Assistant
from .errors import AssistantError
from .results import Answer

__all__ = ["build_chat", "render_answer"]

EXAMPLES = [
    "Vad gör regionen inom Skapande skola?",
    "what did Ludvika commit to regarding elevkulturombud",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
]


def render_answer(answer: Answer) -> str:
    """Markdown for the chat: the answer, then every source with page and section.

    Text from the corpus is HTML-escaped so that a hostile document renders as inert text.
    """
    parts = [html.escape(answer.answer)]
    if answer.citations:
        parts.append("\n\n**Källor**")
        for c in answer.citations:
            p = c.passage
            parts.append(
                f"\n\n[{c.n}] *{html.escape(p.title)}*, s. {p.page}, {html.escape(p.section)}"
                f"\n> {html.escape(c.quote)}"
            )
    elif answer.related:
        parts.append("\n\n**Relaterat** (inte svar)")
        for p in answer.related[:3]:
            parts.append(
                f"\n\n- *{html.escape(p.title)}*, s. {p.page}: {html.escape(p.text[:240])}"
            )
    return "".join(parts)


def build_chat(assistant: Assistant | None = None) -> Any:
    import gradio as gr

    assistant = assistant or Assistant()

    def respond(message: str, history: list[dict[str, Any]]) -> str:
        try:
            return render_answer(assistant.ask(message))
        except AssistantError as exc:
            return f"Fel: {html.escape(str(exc))}"

    return gr.ChatInterface(
        respond,
        title="Avtalsassistenten",
        description="Frågor om avtalstexterna besvaras med citat, sida och avsnitt.",
        examples=EXAMPLES,
        api_name="ask",
    )
