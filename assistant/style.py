"""How the chat and the widget look: Gradio theme, CSS and the one script (``HEAD``) they share.

WCAG 2.2 AA is tested in the browser (tests/test_a11y.py with axe-core); what it asks of the CSS:
text at least 4.5:1 (Gradio's default grey and blue are 2.5:1 and 3.5:1 on its backgrounds, so
the theme's subdued text and our link colours are darker), a visible focus ring on every control,
targets of at least 24×24 px, no horizontal scrolling at 320 px, and in the widget a conversation
that scrolls inside a fixed height so the question box stays in view on a phone.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

__all__ = ["CSS", "HEAD", "theme"]

# Light/dark pairs, each at least 4.5:1 on the chat's backgrounds (#fff, #f8fafc; dark #0b0f19,
# #1f2937).
_COLOURS = """
:root { --av-link: #1d4ed8; --av-muted: #475569; --av-focus: #1d4ed8; --av-error: #b42318; }
.dark { --av-link: #93c5fd; --av-muted: #cbd5e1; --av-focus: #93c5fd; --av-error: #fca5a5; }
/* The theme's accent (selected tab) has no dark value of its own: blue-700 is 2.8:1 on dark. */
.dark .gradio-container { --color-accent: #60a5fa; }
"""

CSS = (
    _COLOURS
    + """
.gradio-container { max-width: 1280px !important; }
#av-header { align-items: center; }
#av-header h1 { margin: 0; font-size: 1.5rem; }
#av-header p { margin: .2rem 0 0; color: var(--av-muted); }
#av-lang { flex-grow: 0 !important; }
@media (max-width: 640px) { #av-header > * { min-width: 100% !important; } }
.av-examples { gap: .4rem !important; }
.av-examples button { font-weight: 400 !important; }
.av-answer p { margin: 0 0 .45em; }
.av-text ul { margin: .2em 0 .5em 1.1em; padding: 0; }
.av-text li { margin: .15em 0; }
/* [n] and the viewer links: 24 px targets (WCAG 2.5.8) and an underline that is not colour alone */
a.av-cite { display: inline-block; min-width: 24px; min-height: 24px; line-height: 24px;
  text-align: center; font-weight: 700; color: var(--av-link) !important;
  text-decoration: underline !important; text-underline-offset: 2px; padding: 0 2px;
  border-radius: 4px; }
a.av-cite:hover { background: var(--color-accent-soft); }
a.av-view, a.av-statement { display: inline-block; min-height: 24px; line-height: 24px;
  color: var(--av-link) !important; text-decoration: underline !important; }
.av-head { font-size: .8em; text-transform: uppercase; letter-spacing: .06em; font-weight: 700;
  color: var(--av-muted); margin: .8em 0 .3em; }
details.av-source { border: 1px solid var(--border-color-primary); border-left: 4px solid
  var(--av-link); border-radius: 6px; padding: .35em .7em; margin: .4em 0;
  background: var(--background-fill-secondary); }
details.av-source > summary { cursor: pointer; font-size: .93em; min-height: 24px;
  line-height: 24px; }
.av-n { font-weight: 700; color: var(--av-link); }
.av-title { font-weight: 700; }
.av-meta { color: var(--av-muted); font-size: .92em; }
.av-meta::before { content: "· "; }
/* Source status badges (in_force.badge): words in a frame, each colour 4.5:1 or more. */
.av-badge { display: inline-block; border: 1px solid currentColor; border-radius: 4px;
  padding: 0 .35em; margin-left: .3em; font-size: .85em; font-weight: 600; color: var(--av-muted); }
.av-badge-in_force { color: #166534; }
.av-badge-expired, .av-badge-superseded { color: var(--av-error); }
.dark .av-badge-in_force { color: #86efac; }
blockquote.av-passage { margin: .45em 0 .3em; padding: 0 0 0 .7em; border-left: 2px solid
  var(--border-color-primary); font-size: .93em; white-space: pre-wrap; font-style: normal;
  overflow-wrap: anywhere; }
mark.av-quote { background: #fff1a8; color: #1f2328; padding: 0 1px; border-radius: 2px;
  box-shadow: 0 0 0 1px #9a6700; }
.dark mark.av-quote { background: #5c4a00; color: #fff; }
.av-notice { border-left: 4px solid #9a6700; padding: .4em .7em; border-radius: 6px;
  background: var(--background-fill-secondary); }
.av-notice p { display: inline; }
.av-related ul { list-style: none; padding: 0; margin: 0; }
li.av-rel { border: 1px dashed var(--border-color-primary); border-radius: 6px; padding: .35em .7em;
  margin: .4em 0; overflow-wrap: anywhere; }
.av-excerpt { font-size: .9em; color: var(--av-muted); margin: .2em 0; }
.av-error { color: var(--av-error); }
.av-status { color: var(--av-muted); font-style: italic; }
.av-flash { animation: av-flash 1.4s ease-out; }
@keyframes av-flash { from { box-shadow: 0 0 0 4px var(--av-focus); }
  to { box-shadow: 0 0 0 0 transparent; } }
@media (prefers-reduced-motion: reduce) { .av-flash { animation: none; } }
/* A focus ring on every control, outside Gradio's own (it only recolours a border, if at all) */
.gradio-container :is(a, button, summary, input, select, textarea, [tabindex]):focus-visible,
dialog#av-viewer :is(a, button):focus-visible {
  outline: 3px solid var(--av-focus) !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px var(--background-fill-primary, #fff) !important; }
.gradio-container textarea:focus-visible { outline-offset: -3px !important; }
.gradio-container button { min-height: 24px; min-width: 24px; }
.gradio-container input[role=combobox] { min-height: 24px; }
/* Widget: a column as tall as its frame; only the conversation scrolls */
.gradio-container:has(#av-widget-chat) { padding: 0 !important; height: 100dvh;
  max-height: 100dvh; min-height: 0 !important; }
.gradio-container:has(#av-widget-chat) .main { padding: 8px 10px !important; }
.gradio-container:has(#av-widget-chat) :is(.main, .wrap, main, .column):has(#av-widget-chat) {
  min-height: 0 !important; }
#av-widget-chat { flex: 1 1 0 !important; min-height: 12rem !important; }
#av-widget-head h1 { margin: 0; font-size: 1.15rem; }
#av-widget-head p { margin: .1rem 0 0; font-size: .95rem; color: var(--av-muted); }
#av-widget-foot { font-size: .9rem; }
#av-widget-foot p { margin: 0; }
dialog#av-viewer { width: min(920px, 94vw); height: min(86vh, 940px); padding: 0; border: 1px solid
  #8c959f; border-radius: 10px; overflow: hidden; background: #fff; color: #1f2328; }
dialog#av-viewer::backdrop { background: rgba(15, 20, 25, .5); }
.av-viewer-bar { display: flex; gap: 1rem; align-items: center; padding: .45rem .8rem;
  border-bottom: 1px solid #d1d9e0; font: 14px system-ui, sans-serif; }
.av-viewer-bar strong { flex: 1; }
.av-viewer-bar a { color: #1d4ed8; min-height: 24px; line-height: 24px; }
.av-viewer-bar button { font: inherit; min-height: 32px; padding: .2rem .8rem; cursor: pointer; }
dialog#av-viewer iframe { display: block; width: 100%; height: calc(100% - 3rem); border: 0; }
"""
)

# Runs once per page: [n] opens and scrolls to its source; "show in document" opens the viewer in
# a dialog (the link itself opens a new tab when scripts are off or the click is modified).
HEAD = """
<script>
(() => {
  if (window.__avInstalled) return;
  window.__avInstalled = true;
  const WORDS = {
    sv: {close: "Stäng", tab: "Öppna i ny flik", viewer: "Källvisare"},
    en: {close: "Close", tab: "Open in new tab", viewer: "Source viewer"},
  };
  // Gradio names its own chat buttons in the browser's language; the page's language (set from
  // the UI's, see web.SET_PAGE_LANGUAGE) decides instead, so one page speaks one language.
  const GRADIO_WORDS = {
    sv: {Like: "Gilla", Dislike: "Ogilla", Clear: "Rensa chatten"},
    en: {Gilla: "Like", Ogilla: "Dislike", "Rensa chatten": "Clear"},
  };
  function relabel() {
    const words = GRADIO_WORDS[document.documentElement.lang];
    if (!words) return;
    for (const el of document.querySelectorAll("button[aria-label]")) {
      const word = words[el.getAttribute("aria-label")];
      if (word) el.setAttribute("aria-label", word);
      if (el.title && words[el.title]) el.title = words[el.title];
    }
  }
  // Gradio's own messages (a toast's title, its errors) follow its locale, which it takes from
  // the browser; set it to the page's language with the changeLocale of its core module (the
  // module the page already loaded, so the same instance). Gone after an upgrade: the messages
  // follow the browser again, nothing breaks.
  let gradioLocale = null;
  function followLocale() {
    const lang = document.documentElement.lang;
    if (!GRADIO_WORDS[lang] || lang === gradioLocale) return;
    const core = performance.getEntriesByType("resource").map((e) => e.name)
      .find((name) => name.includes("/assets/core-") && name.endsWith(".js"));
    if (!core) return;
    gradioLocale = lang;
    import(core).then((m) => m.changeLocale && m.changeLocale(lang)).catch(() => {});
  }
  new MutationObserver(() => { relabel(); followLocale(); }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["lang"],
  });
  function linkFrom(ev) {
    for (const el of ev.composedPath()) {
      if (el instanceof Element && el.matches("a.av-cite, a.av-view")) return el;
    }
    return null;
  }
  function dialog(lang) {
    const words = WORDS[lang] || WORDS.sv;
    let d = document.getElementById("av-viewer");
    if (!d) {
      d = document.createElement("dialog");
      d.id = "av-viewer";
      const bar = document.createElement("div");
      bar.className = "av-viewer-bar";
      const title = document.createElement("strong");
      const tab = document.createElement("a");
      tab.target = "_blank";
      tab.rel = "noopener";
      tab.className = "av-viewer-tab";
      const close = document.createElement("button");
      close.type = "button";
      close.className = "av-viewer-close";
      close.addEventListener("click", () => d.close());
      bar.append(title, tab, close);
      const frame = document.createElement("iframe");
      d.append(bar, frame);
      d.addEventListener("click", (e) => { if (e.target === d) d.close(); });
      d.addEventListener("close", () => { frame.src = "about:blank"; });
      document.body.appendChild(d);
    }
    d.querySelector("strong").textContent = words.viewer;
    d.querySelector(".av-viewer-tab").textContent = words.tab;
    d.querySelector(".av-viewer-close").textContent = words.close;
    d.querySelector("iframe").title = words.viewer;
    return d;
  }
  document.addEventListener("click", (ev) => {
    const doc = ev.composedPath().find((el) => el instanceof Element && el.matches("a.av-statement"));
    if (doc) {
      // Relative to the widget; inside a web component on another site, to the widget's server.
      const host = doc.closest("gradio-app");
      if (host && host.getAttribute("src")) {
        doc.href = new URL(doc.getAttribute("href"), new URL(host.getAttribute("src"), location.href)).href;
      }
      return;
    }
    const a = linkFrom(ev);
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    ev.stopPropagation();
    if (a.classList.contains("av-cite")) {
      const target = a.getRootNode().getElementById(a.getAttribute("href").slice(1));
      if (target) {
        target.open = true;
        target.scrollIntoView({block: "nearest", behavior: "smooth"});
        target.classList.remove("av-flash");
        void target.offsetWidth;
        target.classList.add("av-flash");
      }
      return;
    }
    const app = a.closest("gradio-app");
    const base = app && app.getAttribute("src") ? new URL(app.getAttribute("src"), location.href) : document.baseURI;
    const url = new URL(a.getAttribute("href"), base);
    const lang = url.searchParams.get("lang") || "sv";
    const d = dialog(lang);
    d.querySelector(".av-viewer-tab").href = url.href;
    const inner = new URL(url.href);
    inner.searchParams.set("embed", "1");
    d.querySelector("iframe").src = inner.href;
    if (!d.open) d.showModal();
  }, true);
})();
</script>
"""


def theme() -> Any:
    # Regular and Bold: the SemiBold file Gradio ships for the default theme lacks glyphs.
    font = gr.themes.LocalFont("Source Sans Pro", weights=(400, 700))
    return gr.themes.Default(
        primary_hue="blue",
        neutral_hue="slate",
        font=[font, "ui-sans-serif", "system-ui", "sans-serif"],
    ).set(
        # Gradio's slate-400 grey is 2.5:1 on white; slate-600 is 7.6:1.
        body_text_color_subdued="*neutral_600",
        body_text_color_subdued_dark="*neutral_300",
        color_accent="*primary_700",
        color_accent_soft="*primary_100",
    )
