"""The source viewer: a standalone page (no scripts) with the cleaned page, or the whole
document, and the cited highlights; ``render`` makes the links to it. It uses render's
escaping, marking and labels, so the viewer and a source entry never differ."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlencode

from .i18n import t
from .indexing.records import StoredDocument
from .render import VIEW_PATH, _card_label, _e, _marked_spans, _spans_param

__all__ = ["parse_spans", "viewer_page"]

_MAX_SPANS = 20  # highlights one viewer link may carry (a citation has a handful)
_SPAN = re.compile(r"(\d{1,9})-(\d{1,9})")


def parse_spans(value: str | None) -> list[tuple[int, int]]:
    """The viewer's ``spans=a-b,c-d`` parameter as offsets; malformed parts are left out (the
    link is untrusted input), and at most ``_MAX_SPANS`` are kept."""
    out = []
    for part in (value or "").split(",")[:_MAX_SPANS]:
        match = _SPAN.fullmatch(part.strip())
        if match and int(match.group(1)) < int(match.group(2)):
            out.append((int(match.group(1)), int(match.group(2))))
    return out


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
