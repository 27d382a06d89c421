"""WCAG 2.2 AA in a real browser: axe-core (from npm, ``node_modules/``, injected by Playwright)
on the widget, the staff chat, the source viewer and the accessibility statement, after an answer
and after a refusal, on a phone (light and dark) and a desktop viewport; then the checks axe cannot make: visible
focus, keyboard-only use, 24 px targets, reflow at 320 px, the widget's question box in view.

One server and one browser for the module; each surface is loaded once and checked at both sizes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from helpers import (
    ELEVKULTUROMBUD_Q,
    LUDVIKA,
    LUDVIKA_PATH,
    REPO,
    STATUTE_PATH,
    make_corpus,
    make_settings,
)
from web_helpers import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXAMPLES_DIR,
    StaticServer,
    ThreadedServer,
)

from assistant import Assistant
from assistant.question_text import MAX_QUESTION_CHARS

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="apt-get install chromium"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is missing: run `npm ci` in the repo"),
]

TIMEOUT = 30_000  # ms
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
REFUSAL = "Vad är huvudstaden i Norge?"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}));
}"""


PHONE_320 = {"width": 320, "height": 640}
LAYOUT = """() => ({
  lang: document.documentElement.lang,
  h1: document.querySelectorAll("h1").length,
  overflow: document.scrollingElement.scrollWidth - innerWidth,
  conversation: document.querySelector("[role=log]")?.getAttribute("aria-label") ?? null,
})"""
# Every visible control and the size of what one clicks: a radio button's label, not the dot.
# A link inside a sentence is exempt from WCAG 2.5.8 ("inline"), so it is left out.
CONTROLS = """() => [...document.querySelectorAll(
    "a[href], button, summary, input:not([type=hidden]), textarea, select, [role=button],"
    + " [tabindex]:not([tabindex='-1'])")]
  .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0
                  && !el.closest("dialog:not([open])"))
  .filter((el) => !(el.tagName === "A" && getComputedStyle(el).display === "inline"
                    && el.parentElement.textContent.trim() !== el.textContent.trim()))
  .map((el) => { const target = el.matches("[type=radio], [type=checkbox]")
                   ? el.closest("label") || el : el;
    const r = target.getBoundingClientRect();
    return {what: el.outerHTML.slice(0, 90), width: r.width, height: r.height}; })"""
FOCUS_STYLE = """() => { const el = document.activeElement, cs = getComputedStyle(el);
  return {what: el.outerHTML.slice(0, 90), cls: el.className.toString(), tag: el.tagName,
          outline: cs.outlineStyle === "none" ? 0 : parseFloat(cs.outlineWidth),
          shadow: cs.boxShadow}; }"""


@dataclass
class Site:
    url: str  # the public app: widget, viewer, statement
    staff: str  # the staff chat alone (its sign-in is tested elsewhere)
    host: str  # examples/ as a host site on another origin


@pytest.fixture(scope="module")
def site(tmp_path_factory, e5):
    import gradio as gr
    from fastapi import FastAPI

    from assistant import web
    from assistant.feedback import FeedbackStore
    from assistant.server import create_app

    root = tmp_path_factory.mktemp("a11y")
    corpus = make_corpus(root, LUDVIKA_PATH, STATUTE_PATH)
    # Widget votes on: the widget is checked with its 👍/👎 (off, it has none to check).
    settings = make_settings(
        root, corpus, feedback_db=root / "feedback.sqlite3", store_widget_feedback=True
    )
    assistant = Assistant(settings, embeddings=e5)
    assistant.build_index()
    staff = gr.mount_gradio_app(
        FastAPI(),
        web.build_staff_ui(assistant, settings, FeedbackStore(settings.feedback_path)),
        path="/",
        theme=web._theme(),
        css=web.CSS,
        head=web.HEAD,
        ssr_mode=False,
    )
    with (
        ThreadedServer(create_app(assistant, settings)) as public,
        ThreadedServer(staff, ready_path="/") as staff_server,
        StaticServer(EXAMPLES_DIR) as host,
    ):
        yield Site(public.url, staff_server.url, host.url)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # bypass_csp: axe is injected as an inline script, which the viewer's CSP rightly forbids.
    context = browser.new_context(locale="sv-SE", viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def axe(page) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def ask(page, chat: str, question: str) -> None:
    """Type a question, press Enter, wait for the finished answer, refusal or error."""
    done = f"{chat} .av-answer:not(.av-streaming), {chat} .av-error"
    before = page.locator(done).count()
    box = page.locator(f"{QUESTION[chat]} textarea")
    box.fill(question)
    box.press("Enter")
    page.locator(done).nth(before).wait_for()
    page.wait_for_timeout(300)  # the last streamed update lands


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"a11y-{name}.png"))


QUESTION = {"#av-widget-chat": "#av-widget-question", "#av-chat": "#av-question"}
# Every running CSS transition finished (a spinner's endless animation is no transition).
TRANSITIONS_DONE = """() => Promise.all(document.getAnimations()
    .filter((a) => a instanceof CSSTransition)
    .map((a) => a.finished.catch(() => null)))"""
SURFACES = {
    # name: (server, path, chat to ask in, or None for a static page)
    "widget": ("url", "/widget", "#av-widget-chat"),
    "staff": ("staff", "/", "#av-chat"),
    "viewer": ("url", f"/view?source={LUDVIKA}&page=3&start=120&end=260&lang=sv", None),
    "statement": ("url", "/widget/tillganglighet", None),
}


@pytest.mark.parametrize("surface", list(SURFACES))
def test_axe_finds_no_wcag_violation_and_the_page_reflows(site, page, surface):
    server, path, chat = SURFACES[surface]
    page.goto(getattr(site, server) + path)
    if chat:
        page.locator(f"{QUESTION[chat]} textarea").wait_for()
        ask(page, chat, ELEVKULTUROMBUD_Q)
        ask(page, chat, REFUSAL)
        page.locator(f"{chat} .av-abstained").wait_for()
    found, layout = {}, {}
    views = (("desktop", DESKTOP), ("phone", PHONE), ("phone-dark", PHONE), ("320", PHONE_320))
    for name, size in views:
        page.set_viewport_size(size)
        page.emulate_media(color_scheme="dark" if name == "phone-dark" else "light")
        page.wait_for_timeout(250)
        # Colours change through CSS transitions: read halfway, a label's text and background
        # are two mixes of the light and dark themes (contrast 2.84 seen once, never after).
        page.evaluate(TRANSITIONS_DONE)
        shot(page, f"{surface}-{name}")
        layout[name] = page.evaluate(LAYOUT)
        if name != "320":  # reflow only: 320 px is 1280 px at 400 % zoom (WCAG 1.4.10)
            found[name] = axe(page)
            small = [c for c in page.evaluate(CONTROLS) if min(c["width"], c["height"]) < 24]
            assert small == [], (name, small)  # WCAG 2.5.8
        if surface == "widget":  # the conversation scrolls; the question box stays in view
            box = page.locator("#av-widget-question textarea").bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= size["height"], name
    ARTIFACTS.mkdir(exist_ok=True)
    report = json.dumps(found, indent=1, ensure_ascii=False)
    (ARTIFACTS / f"axe-{surface}.json").write_text(report, encoding="utf-8")
    assert found == {"desktop": [], "phone": [], "phone-dark": []}, report
    for name, seen in layout.items():
        expected = {"lang": "sv", "h1": 1, "overflow": 0, "conversation": chat and "Samtal"}
        assert seen == expected, (name, seen)


def test_widget_by_keyboard_alone_with_visible_focus_and_24px_targets(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/")  # the public port's front page is the widget
    box = page.locator("#av-widget-question textarea")
    box.wait_for()
    assert box.get_attribute("maxlength") == str(MAX_QUESTION_CHARS)

    # Tab from the top of the page to the question box, type, Enter.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#av-widget-question') !== null"):
            break
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.type(ELEVKULTUROMBUD_Q)
    page.keyboard.press("Enter")
    answer = page.locator("#av-widget-chat .av-answer:not(.av-streaming)").last
    answer.locator("details.av-source").first.wait_for()
    page.wait_for_timeout(300)
    cites = answer.locator("a.av-cite").count()
    views = answer.locator("a.av-view").count()
    assert cites >= 1 and views >= 1

    # Back through the conversation: every [n] and every "Visa i dokumentet" takes focus, each
    # control shows a focus ring it does not have unfocused.
    focused: list[dict] = []
    for i in range(80):
        page.keyboard.press("Shift+Tab")
        seen = page.evaluate(FOCUS_STYLE)
        page.evaluate(f"document.activeElement.dataset.avStep = '{i}'")
        focused.append(seen)
        if "av-cite" in seen["cls"] and len([f for f in focused if "av-cite" in f["cls"]]) == cites:
            break
    assert len([f for f in focused if "av-cite" in f["cls"]]) == cites
    assert len([f for f in focused if "av-view" in f["cls"]]) == views
    page.keyboard.press("Enter")  # on [1]: its source opens and flashes
    answer.locator("details.av-source.av-flash").first.wait_for()
    unfocused = page.evaluate(
        """() => [...document.querySelectorAll("[data-av-step]")].map((el) => {
             const cs = getComputedStyle(el);
             return [Number(el.dataset.avStep), cs.outlineStyle === "none" ? 0
                     : parseFloat(cs.outlineWidth), cs.boxShadow]; })"""
    )
    page.locator("#av-widget-head").click()  # focus leaves the controls
    for step, outline, shadow in unfocused:
        if step == len(focused) - 1:
            continue  # still focused when measured
        seen = focused[step]
        assert seen["outline"] >= 2 and (seen["outline"], seen["shadow"]) != (outline, shadow), seen

    # "Visa i dokumentet" by keyboard: the viewer opens in a dialog; Escape closes it and focus
    # returns to the link.
    for _ in range(80):
        page.keyboard.press("Tab")
        if "av-view" in page.evaluate(FOCUS_STYLE)["cls"]:
            break
    page.keyboard.press("Enter")
    page.frame_locator("dialog#av-viewer iframe").locator("mark#hl").wait_for()
    assert page.evaluate("document.activeElement.closest('dialog#av-viewer') !== null")
    page.keyboard.press("Escape")
    page.locator("dialog#av-viewer").wait_for(state="hidden")
    assert "av-view" in page.evaluate(FOCUS_STYLE)["cls"]

    small = [c for c in page.evaluate(CONTROLS) if c["width"] < 24 or c["height"] < 24]
    assert small == [], small  # WCAG 2.5.8
    shot(page, "widget-keyboard")


def test_english_widget_says_everything_in_english(site, page):
    page.goto(site.url + "/widget?lang=en")
    page.locator("#av-widget-head").get_by_text("Ask about the agreements").wait_for()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.locator("#av-widget-foot a").inner_text() == "Accessibility statement (in Swedish)"
    assert page.locator("#av-widget-foot a").get_attribute("hreflang") == "sv"
    assert page.locator("[role=log]").get_attribute("aria-label") == "Conversation"
    placeholder = page.locator("#av-widget-question textarea").get_attribute("placeholder")
    assert placeholder.startswith("Type a question")
    # Gradio's own buttons too, though the browser is Swedish.
    ask(page, "#av-widget-chat", ELEVKULTUROMBUD_Q)
    names = page.locator("#av-widget-chat button[aria-label]").evaluate_all(
        "els => els.map(el => el.getAttribute('aria-label'))"
    )
    assert {"Like", "Dislike", "Clear"} <= set(names), names
    assert not {"Gilla", "Ogilla", "Rensa chatten"} & set(names), names
    assert page.locator("#av-widget-chat .av-head").first.inner_text().lower() == "sources"
    assert axe(page) == []


def test_embed_example_fits_a_phone(site, page):
    for size in (PHONE, PHONE_320):
        page.set_viewport_size(size)
        page.goto(f"{site.host}/embed.html?assistant={site.url}")
        page.frame_locator("#avtalsassistenten").locator("#av-widget-question textarea").wait_for()
        frame = page.locator("#avtalsassistenten").bounding_box()
        assert page.evaluate(LAYOUT)["overflow"] == 0, size
        assert frame and frame["x"] >= 0 and frame["x"] + frame["width"] <= size["width"], size
        shot(page, f"embed-{size['width']}")
