"""The chat logic the staff chat and the widget share: one streamed turn (``ChatSession``), the
chatbot component and its wiring, and the page-language hook. No layout of its own.

Every message shown, engine errors included, is in the UI's language (``i18n.error_message``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (after the analytics switch)

from .config import Settings  # noqa: E402
from .core import Assistant  # noqa: E402
from .errors import AssistantError  # noqa: E402
from .feedback import FeedbackStore  # noqa: E402
from .i18n import error_message, t  # noqa: E402
from .in_force import badges  # noqa: E402
from .ratelimit import PublicGate  # noqa: E402
from .render import (  # noqa: E402
    answer_html,
    error_html,
    partial_answer_html,
    status_html,
    user_html,
)

__all__ = [
    "CHAT_CONCURRENCY",
    "SET_PAGE_LANGUAGE",
    "ChatSession",
    "make_chatbot",
    "client_key",
    "public_gate",
    "wire_chat",
]

log = logging.getLogger(__name__)

_STREAM_STEPS = 8
CHAT_CONCURRENCY = 4  # answers streamed at once per app (each holds a slot while it streams)
_STREAM_DELAY = 0.03
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
                # The widget answers from documents in force unless its host page fixed one.
                answer = self.assistant.ask(
                    question,
                    document=document or None,
                    history=_plain_history(turns),
                    in_force_only=self.channel == "widget" and not document,
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
        history.append(
            {
                "role": "assistant",
                "content": answer_html(answer, answer_id, lang, badges=self._badges(answer, lang)),
            }
        )
        turn = {
            "index": index,
            "id": answer_id,
            "question": question,
            "text": answer.answer,
            "answer": answer.to_dict(),
            "document": document or None,
        }
        yield "", history, [*turns, turn]

    def _badges(self, answer: Any, lang: str) -> dict[str, tuple[str, str]]:
        """Each cited source's status (gällande / upphört / ersatt av …) for its entry."""
        if not answer.citations:
            return {}
        docs = {d.source: d for d in self.assistant.documents()}
        sources = [c.passage.source for c in answer.citations]
        return badges(self.assistant.validity(), docs, sources, lang)

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


def make_chatbot(
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


def wire_chat(
    session: ChatSession,
    chatbot: gr.Chatbot,
    textbox: gr.Textbox,
    turns: gr.State,
    document: gr.components.Component,
    lang: gr.State,
    extra_triggers: list[tuple[Any, gr.components.Component]] = (),  # type: ignore[assignment]
    votes: bool = True,
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
    if votes:  # Gradio shows 👍/👎 only on a chatbot with a like listener
        chatbot.like(session.like, inputs=[turns, lang], outputs=None, api_visibility="private")
