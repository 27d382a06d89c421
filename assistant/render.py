"""HTML for the chat and the widget, and the links to the source viewer (``viewer``): with the
viewer, the one place where text becomes markup.

Every string that comes from the corpus, a question or an error goes through ``html.escape``
before it is put in markup, so a hostile document or question renders as inert text. Nothing
here imports Gradio: the API, the viewer page and the tests use it directly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlencode

from .i18n import LANGUAGES, TEXTS, pick_language, t
from .results import Answer, Citation, Passage

__all__ = [
    "LANGUAGES",
    "TEXTS",
    "answer_html",
    "error_html",
    "page_spans",
    "partial_answer_html",
    "pick_language",
    "quote_span",
    "status_html",
    "t",
    "view_url",
]

# Relative: resolves to /view from the staff chat and to /widget/view from the widget, which
# the server both serves, so the links also work behind a proxy that adds a path prefix.
VIEW_PATH = "view"
_CITE = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_EXCERPT = 320


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# --- links ----------------------------------------------------------------------------------


def quote_span(citation: Citation) -> tuple[int, int]:
    """Offsets of the quote in the cleaned page (or card) the citation's passage stands in."""
    start = citation.passage.start + citation.quote_start
    return start, start + len(citation.quote)


def page_spans(citation: Citation) -> list[tuple[int, int]]:
    """Offsets of each of the citation's highlights in the cleaned page (or card)."""
    base = citation.passage.start
    return [(base + s, base + e) for s, e in citation.spans]


def view_url(
    passage: Passage,
    start: int | None = None,
    end: int | None = None,
    lang: str = "sv",
    highlight: str = "quote",
    spans: Sequence[tuple[int, int]] = (),
) -> str:
    """Link to the source viewer: the passage's page with ``start:end`` highlighted.

    Several highlights go in ``spans=a-b,c-d``; ``start``/``end`` still cover them all, so a
    reader that knows only those highlights the whole quote."""
    params: dict[str, object] = {
        "source": passage.source,
        "page": passage.page,
        "start": passage.start if start is None else start,
        "end": passage.end if end is None else end,
        "hl": highlight,
        "lang": lang,
    }
    if len(spans) > 1:
        params["spans"] = _spans_param(spans)
    if passage.kind == "card":
        params["kind"] = "card"
    return f"{VIEW_PATH}?{urlencode(params)}#hl"


def _spans_param(spans: Sequence[tuple[int, int]]) -> str:
    return ",".join(f"{s}-{e}" for s, e in spans)


# --- chat messages --------------------------------------------------------------------------


def _card_label(lang: str) -> str:
    label = t(lang, "card")
    return label[:1].upper() + label[1:]


def _pages(passage: Passage) -> str:
    """ "3", or "3–4" for a passage that runs over a page break."""
    if passage.page_end > passage.page:
        return f"{passage.page}\u2013{passage.page_end}"
    return str(passage.page)


def _where(passage: Passage, lang: str) -> str:
    if passage.kind == "card":
        return _card_label(lang)
    if not passage.page_known:  # the file does not say where its pages break: section only
        return passage.section
    where = f"{t(lang, 'page')} {_pages(passage)}"
    return f"{where} · {passage.section}" if passage.section else where


def _text_html(text: str, numbers: set[int], answer_id: str) -> str:
    """The answer text as paragraphs and lists, with each known ``[n]`` linked to its source."""

    def link(match: re.Match[str]) -> str:
        ns = [int(n) for n in re.findall(r"\d+", match.group(1))]
        if not all(n in numbers for n in ns):
            return match.group(0)
        return "".join(
            f'<a class="av-cite" href="#av-{answer_id}-{n}" title="[{n}]">[{n}]</a>' for n in ns
        )

    blocks = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.rstrip() for ln in para.split("\n") if ln.strip()]
        out: list[str] = []
        items: list[str] = []
        for line in lines:
            escaped = _CITE.sub(link, _e(line.lstrip("-• ").strip() if _is_item(line) else line))
            if _is_item(line):
                items.append(f"<li>{escaped}</li>")
                continue
            if items:
                out.append(f"<ul>{''.join(items)}</ul>")
                items = []
            out.append(f"<p>{escaped}</p>")
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
        blocks.append("".join(out))
    return "".join(blocks)


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(("- ", "• "))


def _marked_spans(text: str, spans: Iterable[tuple[int, int]], mark_class: str) -> str:
    """``text`` escaped, with each span in a ``<mark>``; spans are clamped to the text, and
    empty or overlapping ones (a hand-made link) are left out."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(pos, start), min(len(text), end)
        if start >= end:
            continue
        out.append(f'{_e(text[pos:start])}<mark class="{mark_class}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _badge_html(badge: tuple[str, str] | None) -> str:
    """The source's status ("gällande", "upphört", "ersatt av …"): words, not colour alone."""
    if badge is None:
        return ""
    status, label = badge
    return f' <span class="av-badge av-badge-{_e(status)}">{_e(label)}</span>'


def _source_html(
    citation: Citation, answer_id: str, lang: str, badge: tuple[str, str] | None = None
) -> str:
    p = citation.passage
    page_start, page_end = quote_span(citation)
    url = view_url(p, page_start, page_end, lang, spans=page_spans(citation))
    marked = _marked_spans(p.text, citation.spans, "av-quote")
    if p.kind == "card":
        # Facts gathered at indexing, not words of the text: shown as lines, not as a quotation.
        body = f'<div class="av-passage av-card">{marked.replace(chr(10), "<br>")}</div>'
    else:
        header = (
            f'<strong class="av-thead">{_e(p.table_header)}</strong>\n' if p.table_header else ""
        )
        body = f'<blockquote class="av-passage">{header}{marked}</blockquote>'
    return (
        f'<details class="av-source" id="av-{answer_id}-{citation.n}" open>'
        f'<summary><span class="av-n">[{citation.n}]</span> '
        f'<span class="av-title">{_e(p.title)}</span> '
        f'<span class="av-meta">{_e(_where(p, lang))}</span>{_badge_html(badge)}</summary>'
        f"{body}"
        f'<a class="av-view" href="{_e(url)}" target="_blank" rel="noopener">'
        f"{_e(t(lang, 'show_in_document'))}</a></details>"
    )


def _related_html(passages: Iterable[Passage], lang: str) -> str:
    items = []
    for p in passages:
        text = p.text if len(p.text) <= _EXCERPT else p.text[:_EXCERPT].rsplit(" ", 1)[0] + " …"
        url = view_url(p, lang=lang, highlight="passage")
        items.append(
            '<li class="av-rel">'
            f'<div><span class="av-title">{_e(p.title)}</span> '
            f'<span class="av-meta">{_e(_where(p, lang))}</span></div>'
            f'<div class="av-excerpt">{_e(text)}</div>'
            f'<a class="av-view" href="{_e(url)}" target="_blank" rel="noopener">'
            f"{_e(t(lang, 'show_in_document'))}</a></li>"
        )
    return (
        f'<div class="av-related"><div class="av-head">{_e(t(lang, "related"))}</div>'
        f"<ul>{''.join(items)}</ul></div>"
        if items
        else ""
    )


def answer_html(
    answer: Answer,
    answer_id: str,
    lang: str = "sv",
    related: int = 3,
    badges: dict[str, tuple[str, str]] | None = None,
) -> str:
    """A chat message: the answer with linked ``[n]`` markers, then one entry per source.

    An abstention says so plainly and lists the closest passages as related, not as sources.
    ``badges`` (``in_force.badges``) gives each source's status by its source path.
    """
    aid = _e(answer_id)
    if not answer.answered:
        return (
            f'<div class="av-answer av-abstained" id="av-{aid}" lang="{_e(answer.language)}">'
            f'<div class="av-notice"><strong>{_e(t(lang, "no_answer"))}</strong> '
            f"{_text_html(answer.answer, set(), aid)}</div>"
            f"{_related_html(answer.related[:related], lang)}</div>"
        )
    numbers = {c.n for c in answer.citations}
    note = ""
    if getattr(answer, "mode", "extractive") != "extractive":
        note = f'<div class="av-note">{_e(t(lang, "mode_note"))}</div>'
    marks = badges or {}
    sources = "".join(
        _source_html(c, aid, lang, marks.get(c.passage.source)) for c in answer.citations
    )
    return (
        f'<div class="av-answer" id="av-{aid}" lang="{_e(answer.language)}">'
        f'<div class="av-text">{_text_html(answer.answer, numbers, aid)}</div>{note}'
        f'<div class="av-sources"><div class="av-head">{_e(t(lang, "sources"))}</div>'
        f"{sources}</div></div>"
    )


def partial_answer_html(answer: Answer, upto: int) -> str:
    """The first ``upto`` characters of the answer text, while it streams (no sources yet)."""
    return (
        f'<div class="av-answer av-streaming" lang="{_e(answer.language)}">'
        f'<div class="av-text">{_text_html(answer.answer[:upto], set(), "")}</div></div>'
    )


def status_html(lang: str) -> str:
    return f'<div class="av-status">{_e(t(lang, "searching"))}</div>'


def error_html(message: str, lang: str = "sv") -> str:
    return f'<div class="av-error"><strong>{_e(t(lang, "error"))}:</strong> {_e(message)}</div>'


def user_html(question: str) -> str:
    """A user's message as inert text (the chat renders messages as HTML)."""
    return f'<span class="av-user">{_e(question)}</span>'
