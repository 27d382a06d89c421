"""HTML for the chat, the widget and the source viewer: the one place where text becomes markup.

Every string that comes from the corpus, a question or an error goes through ``html.escape``
before it is put in markup, so a hostile document or question renders as inert text. Nothing
here imports Gradio: the API, the viewer page and the tests use it directly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlencode

from .index import StoredDocument
from .results import Answer, Citation, Passage

__all__ = [
    "LANGUAGES",
    "TEXTS",
    "answer_html",
    "error_html",
    "partial_answer_html",
    "pick_language",
    "quote_span",
    "status_html",
    "t",
    "viewer_page",
    "view_url",
]

LANGUAGES = ("sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Avtalsassistenten",
        "subtitle": "Ställ en fråga om avtalstexterna. Varje svar citerar meningen det bygger på, "
        "med dokument, sida och avsnitt – eller säger rakt ut att texterna inte svarar.",
        "widget_title": "Fråga om avtalen",
        "widget_intro": "Svaren citerar avtalstexten ordagrant, med sida och avsnitt.",
        "sources": "Källor",
        "source": "Källa",
        "no_answer": "Inget svar i texterna.",
        "related": "Närliggande ställen – inte källor till ett svar",
        "page": "s.",
        "page_word": "Sida",
        "of": "av",
        "card": "dokumentuppgifter",
        "show_in_document": "Visa i dokumentet",
        "searching": "Söker i avtalstexterna …",
        "error": "Det gick inte att svara",
        "all_documents": "Alla dokument",
        "document": "Dokument",
        "document_info": "Sök i alla dokument eller bara i ett.",
        "question": "Fråga",
        "placeholder": "Skriv en fråga, t.ex. ”Vad gör regionen inom Skapande skola?”",
        "send": "Fråga",
        "clear": "Rensa",
        "examples": "Exempelfrågor",
        "language": "Språk",
        "chat": "Chatt",
        "chat_label": "Samtal",
        "empty_chat": "Ställ en fråga om avtalstexterna. Klicka på [1], [2] … i svaret för att se "
        "källan, och på ”Visa i dokumentet” för att läsa hela sidan.",
        "limited": "Många frågor just nu – försök igen om {seconds} s.",
        "whole_document": "Visa hela dokumentet",
        "only_page": "Visa bara sidan",
        "previous_page": "← Föregående sida",
        "next_page": "Nästa sida →",
        "close": "Stäng",
        "new_tab": "Öppna i ny flik",
        "viewer": "Källvisare",
        "quoted": "Citerad mening",
        "related_passage": "Närliggande ställe",
        "not_found": "Dokumentet finns inte i indexet.",
        "unknown_document": "Okänt dokument: {name}. Frågorna gäller alla dokument.",
        "fixed_document": "Frågor om: {title}",
        "help": "**Så läser du svaren**\n\n"
        "- Svaret citerar avtalstexten ordagrant; `[1]` leder till källan.\n"
        "- Under *Källor* står dokument, sida och avsnitt, med den citerade meningen markerad.\n"
        "- *Visa i dokumentet* öppnar hela sidan med meningen markerad.\n"
        "- När texterna inte svarar säger assistenten det och visar närliggande ställen.\n"
        "- Tumme upp eller ned under ett svar sparas som återkoppling till personalen.",
        "admin": "Administration",
        "admin_intro": "Ladda upp ett avtal (.txt, .md, .pdf, .docx) till korpusen och indexera "
        "om. Bara nya eller ändrade filer bäddas in.",
        "password": "Administratörslösenord",
        "upload": "Avtalsfil",
        "upload_button": "Ladda upp och indexera",
        "wrong_password": "Fel lösenord.",
        "no_file": "Välj en fil att ladda upp.",
        "indexing": "Indexerar {source} …",
        "indexed": "Klart",
        "mode_note": "Formulerat av en språkmodell utifrån citaten nedan.",
    },
    "en": {
        "title": "Agreement assistant",
        "subtitle": "Ask a question about the agreement texts. Every answer quotes the sentence it "
        "rests on, with document, page and section – or says plainly that the texts do not say.",
        "widget_title": "Ask about the agreements",
        "widget_intro": "Answers quote the agreement text verbatim, with page and section.",
        "sources": "Sources",
        "source": "Source",
        "no_answer": "No answer in the texts.",
        "related": "Related passages – not sources of an answer",
        "page": "p.",
        "page_word": "Page",
        "of": "of",
        "card": "document details",
        "show_in_document": "Show in document",
        "searching": "Searching the agreement texts …",
        "error": "Could not answer",
        "all_documents": "All documents",
        "document": "Document",
        "document_info": "Search all documents or just one.",
        "question": "Question",
        "placeholder": "Type a question, e.g. “What did Ludvika commit to regarding "
        "elevkulturombud?”",
        "send": "Ask",
        "clear": "Clear",
        "examples": "Example questions",
        "language": "Language",
        "chat": "Chat",
        "chat_label": "Conversation",
        "empty_chat": "Ask a question about the agreement texts. Click [1], [2] … in an answer to "
        "see its source, and “Show in document” to read the whole page.",
        "limited": "Many questions right now – please try again in {seconds} s.",
        "whole_document": "Show the whole document",
        "only_page": "Show only the page",
        "previous_page": "← Previous page",
        "next_page": "Next page →",
        "close": "Close",
        "new_tab": "Open in new tab",
        "viewer": "Source viewer",
        "quoted": "Quoted sentence",
        "related_passage": "Related passage",
        "not_found": "The document is not in the index.",
        "unknown_document": "Unknown document: {name}. Questions cover all documents.",
        "fixed_document": "Questions about: {title}",
        "help": "**How to read the answers**\n\n"
        "- The answer quotes the agreement text verbatim; `[1]` leads to its source.\n"
        "- *Sources* give document, page and section, with the quoted sentence highlighted.\n"
        "- *Show in document* opens the whole page with the sentence highlighted.\n"
        "- When the texts do not answer, the assistant says so and shows related passages.\n"
        "- Thumbs up or down under an answer is saved as feedback for the staff.",
        "admin": "Administration",
        "admin_intro": "Upload an agreement (.txt, .md, .pdf, .docx) into the corpus and re-index. "
        "Only new or changed files are embedded.",
        "password": "Admin password",
        "upload": "Agreement file",
        "upload_button": "Upload and re-index",
        "wrong_password": "Wrong password.",
        "no_file": "Choose a file to upload.",
        "indexing": "Indexing {source} …",
        "indexed": "Done",
        "mode_note": "Worded by a language model from the quotes below.",
    },
}

# Relative: resolves to /view from the staff chat and to /widget/view from the widget, which
# the server both serves, so the links also work behind a proxy that adds a path prefix.
VIEW_PATH = "view"
_CITE = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_EXCERPT = 320


def t(lang: str, key: str, **values: str) -> str:
    """A UI text in ``lang`` (Swedish when unknown), with ``{name}`` fields filled in."""
    text = TEXTS.get(lang, TEXTS["sv"]).get(key) or TEXTS["sv"][key]
    return text.format(**values) if values else text


def pick_language(requested: str | None = None, accept_language: str | None = None) -> str:
    """'sv' or 'en': an explicit choice, else the browser's first of the two, else Swedish."""
    if requested and requested[:2].lower() in LANGUAGES:
        return requested[:2].lower()
    ranked = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip()[:2].lower()))
    for _, _, code in sorted(ranked):
        if code in LANGUAGES:
            return code
    return "sv"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# --- links ----------------------------------------------------------------------------------


def quote_span(citation: Citation) -> tuple[int, int]:
    """Offsets of the quote in the cleaned page (or card) the citation's passage stands in."""
    start = citation.passage.start + citation.quote_start
    return start, start + len(citation.quote)


def view_url(
    passage: Passage,
    start: int | None = None,
    end: int | None = None,
    lang: str = "sv",
    highlight: str = "quote",
) -> str:
    """Link to the source viewer: the passage's page with ``start:end`` highlighted."""
    params = {
        "source": passage.source,
        "page": passage.page,
        "start": passage.start if start is None else start,
        "end": passage.end if end is None else end,
        "hl": highlight,
        "lang": lang,
    }
    if passage.kind == "card":
        params["kind"] = "card"
    return f"{VIEW_PATH}?{urlencode(params)}#hl"


# --- chat messages --------------------------------------------------------------------------


def _where(passage: Passage, lang: str) -> str:
    if passage.kind == "card":
        return t(lang, "card")
    where = f"{t(lang, 'page')} {passage.page}"
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
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return _e(text)
    return (
        f'{_e(text[:start])}<mark class="{mark_class}">{_e(text[start:end])}</mark>{_e(text[end:])}'
    )


def _source_html(citation: Citation, answer_id: str, lang: str) -> str:
    p = citation.passage
    q_start = citation.quote_start
    page_start, page_end = quote_span(citation)
    url = view_url(p, page_start, page_end, lang)
    return (
        f'<details class="av-source" id="av-{answer_id}-{citation.n}" open>'
        f'<summary><span class="av-n">[{citation.n}]</span> '
        f'<span class="av-title">{_e(p.title)}</span> '
        f'<span class="av-meta">{_e(_where(p, lang))}</span></summary>'
        f'<blockquote class="av-passage">'
        f"{_marked(p.text, q_start, q_start + len(citation.quote))}</blockquote>"
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
nav a { color: var(--accent); }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 40vh; }
section + section { border-top: 1px dashed var(--line); margin-top: 1.5rem; }
h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; outline: 2px solid var(--mark-line);
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
) -> str:
    """A standalone HTML page (no scripts) with the cleaned page, or the whole document, and the
    highlighted span scrolled into view through the ``#hl`` anchor."""
    if doc is None:
        body = f"<main><p>{_e(t(lang, 'not_found'))}</p></main>"
        return _page_shell(t(lang, "viewer"), body, lang, embed)
    pages = [doc.card] if kind == "card" else doc.pages
    page = 1 if kind == "card" else min(max(page, 1), len(pages))
    mark_class = "passage" if highlight == "passage" else "quote"
    label = t(lang, "related_passage" if highlight == "passage" else "quoted")

    def section(n: int) -> str:
        text = pages[n - 1]
        body = (
            _marked(text, start, end, mark_class).replace("<mark ", '<mark id="hl" ', 1)
            if n == page
            else _e(text)
        )
        heading = t(lang, "card") if kind == "card" else f"{t(lang, 'page_word')} {n}"
        return (
            f'<section id="page-{n}"><h2>{_e(heading)}</h2><div class="text">{body}</div></section>'
        )

    shown = range(1, len(pages) + 1) if whole else [page]
    base = {"source": doc.source, "start": start, "end": end, "hl": highlight, "lang": lang}
    if kind == "card":
        base["kind"] = "card"
    if embed:
        base["embed"] = 1
    links = []
    if kind != "card" and not whole:
        if page > 1:
            links.append(
                (t(lang, "previous_page"), {**base, "page": page - 1, "start": 0, "end": 0})
            )
        if page < len(pages):
            links.append((t(lang, "next_page"), {**base, "page": page + 1, "start": 0, "end": 0}))
    if kind != "card":
        toggle = {**base, "page": page} | ({} if whole else {"all": 1})
        links.append((t(lang, "only_page" if whole else "whole_document"), toggle))
    nav = "".join(
        f'<a href="{_e(VIEW_PATH + "?" + urlencode(q))}#hl">{_e(text)}</a>' for text, q in links
    )
    where = (
        t(lang, "card")
        if kind == "card"
        else f"{t(lang, 'page_word')} {page} {t(lang, 'of')} {len(pages)}"
    )
    legend = (
        f'<p class="legend"><mark class="{mark_class}">{_e(label)}</mark></p>'
        if start < end
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
