"""Optional generative answers: a chat model writes the answer, the code checks its citations.

The model gets the numbered passages and must cite them as ``[n]``. Its reply is accepted only if
every ``[n]`` names a passage it was given and every quoted span stands verbatim in the passage
cited after it; otherwise the extractive answer is returned, flagged. The extractive answerer also
decides whether there is enough evidence to answer at all, so a model cannot talk past a refusal.
"""

from __future__ import annotations

import re
from typing import Any

from .answer import ExtractiveAnswerer
from .config import Settings
from .errors import AssistantError
from .indexing.records import StoredDocument
from .results import Answer, Citation, Passage

__all__ = ["GenerativeAnswerer", "LLMError", "check_reply", "make_chat_model"]

NO_ANSWER = "NO_ANSWER"
_MARKER = re.compile(r"\[(\d+)\]")
_QUOTED = re.compile(r"[“”\"«»]([^“”\"«»]{8,}?)[“”\"«»]")
_LANGUAGES = {"sv": "Swedish", "en": "English"}


class LLMError(AssistantError):
    """The configured chat model cannot be created."""


def make_chat_model(settings: Settings) -> Any:
    """The chat model named by ``ASSISTANT_LLM`` ('openai:<model>', 'ollama:<model>', …)."""
    from langchain.chat_models import init_chat_model

    provider, _, model = (settings.llm or "").partition(":")
    if not provider or not model:
        raise LLMError(
            f"ASSISTANT_LLM='{settings.llm}' must look like 'openai:<model>' or 'ollama:<model>'."
        )
    kwargs: dict[str, Any] = {"temperature": 0, "timeout": settings.llm_timeout}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    try:
        return init_chat_model(model, model_provider=provider, **kwargs)
    except ImportError as exc:
        raise LLMError(
            f"The '{provider}' chat models need their LangChain package: "
            f"`.venv/bin/pip install langchain-{provider}` ({exc})."
        ) from exc
    except Exception as exc:
        raise LLMError(f"Cannot create chat model '{settings.llm}': {exc}") from exc


def _messages(question: str, passages: list[Passage], language: str) -> list[tuple[str, str]]:
    system = (
        "You answer questions about public agreement texts using ONLY the numbered passages. "
        "Cite every statement with the passage number in square brackets, like [1]. When you "
        "quote, copy the passage's exact words inside “ ”. If the passages do not answer the "
        f"question, reply exactly {NO_ANSWER}. Answer in {_LANGUAGES.get(language, 'Swedish')}, "
        "briefly."
    )
    numbered = "\n\n".join(
        f"[{i}] ({p.title}, page {p.page}, {p.section})\n{p.text}"
        for i, p in enumerate(passages, 1)
    )
    return [("system", system), ("human", f"Passages:\n\n{numbered}\n\nQuestion: {question}")]


def check_reply(reply: str, passages: list[Passage]) -> str | None:
    """Why ``reply`` cannot be trusted, or None: unknown ``[n]``, or a quote not in its passage."""
    markers = [int(n) for n in _MARKER.findall(reply)]
    if not markers:
        return "the reply cites no passage"
    unknown = sorted({n for n in markers if not 1 <= n <= len(passages)})
    if unknown:
        return f"the reply cites passage(s) {unknown} that were not given"
    for match in _QUOTED.finditer(reply):
        after = _MARKER.search(reply, match.end())
        if after is None:
            return f"the quote “{match.group(1)[:60]}” cites no passage"
        if match.group(1).strip() not in passages[int(after.group(1)) - 1].text:
            return (
                f"the quote “{match.group(1)[:60]}” is not verbatim in passage [{after.group(1)}]"
            )
    return None


class GenerativeAnswerer:
    """Wraps the extractive answerer: the model writes, the extractive path guards and falls back."""

    def __init__(self, model: Any, extractive: ExtractiveAnswerer) -> None:
        self.model = model
        self.extractive = extractive

    def answer(
        self,
        question: str,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        language: str,
        exclude: set[str] | None = None,
    ) -> Answer:
        base = self.extractive.answer(question, passages, documents, language, exclude)
        if not base.answered:
            return base
        reading = passages[: self.extractive.settings.answer_passages]
        try:
            reply = self.model.invoke(_messages(question, reading, language))
        except Exception as exc:  # a remote model failing must not fail the question
            return _fallback(base, f"the language model failed ({type(exc).__name__})")
        text = str(getattr(reply, "content", reply)).strip()
        if text.startswith(NO_ANSWER):
            return _fallback(base, "the language model found no answer in the passages")
        problem = check_reply(text, reading)
        if problem:
            return _fallback(base, problem)
        citations = self._citations(question, text, reading, documents)
        return Answer(question, True, text, language, citations, mode="generative")

    def _citations(
        self,
        question: str,
        text: str,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
    ) -> list[Citation]:
        out = []
        for n in dict.fromkeys(int(m) for m in _MARKER.findall(text)):
            passage = passages[n - 1]
            quoted = [
                q.group(1).strip()
                for q in _QUOTED.finditer(text)
                if (m := _MARKER.search(text, q.end())) and int(m.group(1)) == n
            ]
            if quoted:
                quote, score = quoted[0], passage.score
            else:
                best = self.extractive.best_sentence(question, passage, documents)
                quote, score = best if best else (passage.text, passage.score)
            out.append(Citation(n=n, passage=passage, quote=quote, score=score))
        return out


def _fallback(base: Answer, reason: str) -> Answer:
    base.mode = "extractive-fallback"
    base.note = f"Extractive answer shown: {reason}."
    return base
