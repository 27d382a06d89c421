"""HTML for the chat, the widget and the source viewer: the one place where text becomes markup.

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
from .index import StoredDocument
from .results import Answer, Citation, Passage

__all__ = [
    "LANGUAGES",
    "TEXTS",
    "answer_html",
    "error_html",
    "parse_spans",
    "partial_answer_html",
    "pick_language",
    "quote_span",
    "status_html",
    "t",
    "viewer_page",
    "view_url",
]

# Relative: resolves to /view from the staff chat and to /widget/view from the widget, which
# the server both serves, so the links also work behind a proxy that adds a path prefix.
VIEW_PATH = "view"
_CITE = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_EXCERPT = 320
_MAX_SPANS = 20  # highlights one viewer link may carry (a citation has a handful)
_SPAN = re.compile(r"(\d{1,9})-(\d{1,9})")


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


def parse_spans(value: str | None) -> list[tuple[int, int]]:
    """The viewer's ``spans=a-b,c-d`` parameter as offsets; malformed parts are left out (the
    link is untrusted input), and at most ``_MAX_SPANS`` are kept."""
    out = []
    for part in (value or "").split(",")[:_MAX_SPANS]:
        match = _SPAN.fullmatch(part.strip())
        if match and int(match.group(1)) < int(match.group(2)):
            out.append((int(match.group(1)), int(match.group(2))))
    return out


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


def _marked(text: str, start: int, end: int, mark_class: str = "av-quote") -> str:
    """``text`` escaped, with ``text[start:end]`` in a ``<mark>``."""
    return _marked_spans(text, [(start, end)], mark_class)


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


def _source_html(citation: Citation, answer_id: str, lang: str) -> str:
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
        f'<span class="av-meta">{_e(_where(p, lang))}</span></summary>'
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


def answer_html(answer: Answer, answer_id: str, lang: str = "sv", related: int = 3) -> str:
    """A chat message: the answer with linked ``[n]`` markers, then one entry per source.

    An abstention says so plainly and lists the closest passages as related, not as sources.
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
    sources = "".join(_source_html(c, aid, lang) for c in answer.citations)
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


# --- source viewer --------------------------------------------------------------------------

_VIEWER_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff;
  --line: #d1d9e0; --mark: #fff1a8; --mark-line: #d4a72c; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117;
  --line: #3d444d; --mark: #5c4a00; --mark-line: #d4a72c; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
header { position: sticky; top: 0; background: var(--bg); border-bottom: 1px solid var(--line);
  padding: .75rem 1.25rem; z-index: 1; }
h1 { font-size: 1.1rem; margin: 0 0 .2rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; margin-top: .4rem; font-size: .9rem; }
nav a { color: var(--accent); display: inline-block; min-height: 24px; line-height: 24px; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 40vh; }
section + section { border-top: 1px dashed var(--line); margin-top: 1.5rem; }
h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: var(--fg); outline: 2px solid var(--mark-line);
  border-radius: 2px; scroll-margin-top: 30vh; }
mark.passage { outline-style: dashed; }
.legend { font-size: .85rem; color: var(--muted); }
body.embed header { position: static; padding: .5rem 1rem; }
body.embed h1 { font-size: 1rem; }
"""


def viewer_page(
    doc: StoredDocument | None,
    page: int,
    start: int,
    end: int,
    *,
    kind: str = "passage",
    highlight: str = "quote",
    whole: bool = False,
    lang: str = "sv",
    embed: bool = False,
    spans: Sequence[tuple[int, int]] = (),
) -> str:
    """A standalone HTML page (no scripts) with the cleaned page, or the whole document, and the
    highlighted span scrolled into view through the ``#hl`` anchor.

    ``spans``, when given, are the highlights (a citation of several sentences); otherwise
    ``start:end`` is the one highlight."""
    if doc is None:
        body = f"<main><p>{_e(t(lang, 'not_found'))}</p></main>"
        return _page_shell(t(lang, "viewer"), body, lang, embed)
    pages = [doc.card] if kind == "card" else doc.pages
    page = 1 if kind == "card" else min(max(page, 1), len(pages))
    mark_class = "passage" if highlight == "passage" else "quote"
    label = t(lang, "related_passage" if highlight == "passage" else "quoted")
    marks = list(spans) or [(start, end)]

    def section(n: int) -> str:
        text = pages[n - 1]
        body = (
            _marked_spans(text, marks, mark_class).replace("<mark ", '<mark id="hl" ', 1)
            if n == page
            else _e(text)
        )
        heading = _card_label(lang) if kind == "card" else f"{t(lang, 'page_word')} {n}"
        return (
            f'<section id="page-{n}"><h2>{_e(heading)}</h2><div class="text">{body}</div></section>'
        )

    shown = range(1, len(pages) + 1) if whole else [page]
    base: dict[str, object] = {
        "source": doc.source,
        "start": start,
        "end": end,
        "hl": highlight,
        "lang": lang,
    }
    if spans:
        base["spans"] = _spans_param(spans)
    if kind == "card":
        base["kind"] = "card"
    if embed:
        base["embed"] = 1
    links = []
    if kind != "card" and not whole:
        # Another page has no highlight: its link carries no offsets.
        other = {k: v for k, v in base.items() if k != "spans"} | {"start": 0, "end": 0}
        if page > 1:
            links.append((t(lang, "previous_page"), {**other, "page": page - 1}))
        if page < len(pages):
            links.append((t(lang, "next_page"), {**other, "page": page + 1}))
    if kind != "card":
        toggle = {**base, "page": page} | ({} if whole else {"all": 1})
        links.append((t(lang, "only_page" if whole else "whole_document"), toggle))
    nav = "".join(
        f'<a href="{_e(VIEW_PATH + "?" + urlencode(q))}#hl">{_e(text)}</a>' for text, q in links
    )
    where = (
        _card_label(lang)
        if kind == "card"
        else f"{t(lang, 'page_word')} {page} {t(lang, 'of')} {len(pages)}"
    )
    legend = (
        f'<p class="legend"><mark class="{mark_class}">{_e(label)}</mark></p>'
        if any(s < e for s, e in marks)
        else ""
    )
    body = (
        f"<header><h1>{_e(doc.title)}</h1>"
        f'<p class="meta">{_e(doc.source)} · {_e(where)}</p><nav>{nav}</nav></header>'
        f"<main>{legend}{''.join(section(n) for n in shown)}</main>"
    )
    return _page_shell(f"{doc.title} – {where}", body, lang, embed)


def _page_shell(title: str, body: str, lang: str, embed: bool) -> str:
    return (
        f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_VIEWER_CSS}</style></head>"
        f'<body class="{"embed" if embed else ""}">{body}</body></html>'
    )
