"""The staff chat, the embedded widget and hostile text in a real browser: Debian's Chromium
driven by Playwright against real uvicorn servers (the public app and the staff app, signed in
through its form). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import (
    ELEVKULTUROMBUD_Q,
    ELEVKULTUROMBUD_QUOTE,
    LUDVIKA_PATH,
    STATUTE_PATH,
    make_corpus,
    make_settings,
)
from web_helpers import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXAMPLES_DIR,
    HOSTILE_PATH,
    HOSTILE_QUESTION,
    HOSTILE_QUOTE,
    StaticServer,
    ThreadedServer,
)

from assistant import Assistant, Settings
from assistant.feedback import FeedbackStore

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
)

ADMIN_PASSWORD = "test-admin-lösen"
STAFF_USER, STAFF_PASSWORD = "berit", "bibliotek-lösen-2026"
ANSWER_TIMEOUT = 30_000  # ms
DISLIKE = "button[aria-label='Ogilla'], button[aria-label='Dislike']"
VOTES = f"{DISLIKE}, button[aria-label='Gilla'], button[aria-label='Like']"
# Records any alert/confirm/prompt that injected markup could call, per frame.
CALLS_LOG = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt"]) {
  const original = window[name];
  window[name] = (...args) => { window.__xss.push(name + ":" + args.join(" ")); return original.apply(window, args); };
}
"""


@dataclass
class Web:
    url: str  # the public app: widget, API, viewer
    staff: str  # the staff app: chat and admin, behind sign-in
    host: str
    settings: Settings
    assistant: Assistant


@pytest.fixture(scope="module")
def web(tmp_path_factory, e5):
    """The agreement, the statute and the hostile file, served with admin on, in threads (the
    public and the staff app); the examples folder served on another port as the host site."""
    from assistant.auth import UserStore
    from assistant.server import create_app
    from assistant.staff import create_staff_app

    root = tmp_path_factory.mktemp("web")
    corpus = make_corpus(root, LUDVIKA_PATH, STATUTE_PATH, HOSTILE_PATH)
    settings = make_settings(
        root, corpus, admin_password=ADMIN_PASSWORD, feedback_db=root / "feedback.sqlite3"
    )
    assistant = Assistant(settings, embeddings=e5)
    assistant.build_index()
    UserStore(settings.users_path).add(STAFF_USER, STAFF_PASSWORD)
    with (
        ThreadedServer(create_app(assistant, settings)) as server,
        ThreadedServer(create_staff_app(assistant, settings), ready_path="/login") as staff,
        StaticServer(EXAMPLES_DIR) as host,
    ):
        yield Web(server.url, staff.url, host.url, settings, assistant)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it should not: alert/confirm dialogs, requests leaving this machine,
    and the request an injected ``<img src=x>`` would make."""

    def __init__(self, page) -> None:
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.injected: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        url = request.url
        if url.rstrip("/").endswith("/x"):
            self.injected.append(url)
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            self.outside.append(url)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    context.add_init_script(CALLS_LOG)  # in every frame: the chat, the widget, the viewer
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT)
    page.watch = Watch(page)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-end.png"), full_page=True)
    context.close()
    assert page.watch.outside == [], "the page reached outside this machine"


def sign_in(page, web: Web) -> None:
    """The staff chat, through its sign-in form."""
    page.goto(web.staff + "/")  # redirected to the form
    page.locator("#username").fill(STAFF_USER)
    page.locator("#password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(web.staff + "/")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def last_answer(scope):
    """The last finished answer (not the streaming one) in a chat."""
    scope.locator(".av-answer:not(.av-streaming)").last.wait_for()
    return scope.locator(".av-answer:not(.av-streaming)").last


def in_view(locator) -> bool:
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }"
    )


def choose(radio, attempts: int = 5) -> None:
    """Check a radio button the page's load event may still reset (it sets the language from
    the browser's): once the load has answered, the choice sticks."""
    from playwright.sync_api import Error as PlaywrightError

    for _ in range(attempts - 1):
        try:
            radio.check(timeout=5_000)
            return
        except PlaywrightError:
            time.sleep(0.5)
    radio.check(timeout=5_000)


def viewer_frame(page):
    frame = page.frame_locator("dialog#av-viewer iframe")
    frame.locator("mark#hl").wait_for()
    return frame


def test_staff_chat_answer_sources_viewer_and_feedback(web, page, monkeypatch, tmp_path):
    expected = web.assistant.ask(ELEVKULTUROMBUD_Q)
    quote = expected.citations[0].quote
    assert quote.startswith(ELEVKULTUROMBUD_QUOTE)

    sign_in(page, web)
    page.get_by_role("tab", name="Chatt").wait_for()  # Swedish for a Swedish browser
    assert page.locator("#av-title h1").inner_text() == "Avtalsassistenten"
    shot(page, "staff-start")
    page.get_by_role("button", name=ELEVKULTUROMBUD_Q).click()
    answer = last_answer(page.locator("#av-chat"))
    answer.locator("details.av-source").first.wait_for()

    # [1] in the text links to source 1: title, page 3, section and the quote highlighted.
    cite = answer.locator("a.av-cite").first
    assert cite.inner_text() == "[1]"
    source = answer.locator(cite.get_attribute("href"))
    summary = source.locator("summary").inner_text()
    assert "[1]" in summary and "s. 3" in summary and expected.citations[0].passage.title in summary
    assert source.locator("mark.av-quote").inner_text() == quote
    cite.click()
    source.locator("xpath=self::*[contains(@class, 'av-flash')]").wait_for()
    assert in_view(source.locator("summary"))
    shot(page, "staff-answer")

    # "Visa i dokumentet": the cleaned page 3 with the quote highlighted and scrolled into view.
    source.get_by_role("link", name="Visa i dokumentet").click()
    frame = viewer_frame(page)
    assert frame.locator("mark#hl").inner_text() == quote
    assert "Sida 3 av" in frame.locator("header").inner_text()
    time.sleep(0.3)
    assert in_view(frame.locator("mark#hl"))
    shot(page, "staff-viewer")
    page.get_by_role("button", name="Stäng").click()

    # 👎 lands in the store and in `assistant feedback export --jsonl`.
    answer.locator("xpath=ancestor::*[contains(@class, 'message-row')][1]").hover()
    page.locator(DISLIKE).last.click()
    store = FeedbackStore(web.settings.feedback_path)
    deadline = time.monotonic() + 10
    while not store.rows("down") and time.monotonic() < deadline:
        time.sleep(0.2)
    rows = store.rows("down")
    assert [r.question for r in rows] == [ELEVKULTUROMBUD_Q]
    assert rows[0].channel == "staff" and rows[0].citations[0]["page"] == 3

    from assistant.cli import main

    monkeypatch.setenv("ASSISTANT_FEEDBACK_DB", str(web.settings.feedback_path))
    out = tmp_path / "complaints.jsonl"
    assert main(["feedback", "export", "--jsonl", "--output", str(out)]) == 0
    assert quote in out.read_text(encoding="utf-8")
    assert page.watch.dialogs == []


def test_english_toggle_document_filter_and_abstention(web, page):
    sign_in(page, web)
    page.get_by_role("tab", name="Chatt").wait_for()
    choose(page.get_by_label("English"))
    page.get_by_role("tab", name="Chat", exact=True).wait_for()
    question = page.locator("#av-question textarea")
    assert "Type a question" in question.get_attribute("placeholder")

    # The document filter holds every indexed document; the statute alone answers from it.
    page.locator("#av-document input").click()
    page.get_by_role("option", name="Bibliotekslag").click()
    question.fill("Vem ansvarar för folkbiblioteken?")
    question.press("Enter")
    answer = last_answer(page.locator("#av-chat"))
    titles = answer.locator("details.av-source .av-title").all_inner_texts()
    assert titles and set(titles) == {"Bibliotekslag"}
    assert "sources" in answer.locator(".av-head").inner_text().lower()

    # An abstention says so and shows related passages, not sources.
    page.locator("#av-document input").click()
    page.get_by_role("option", name="All documents").click()
    question.fill("What is the capital of Norway?")
    question.press("Enter")
    page.locator("#av-chat .av-abstained").wait_for()
    refusal = page.locator("#av-chat .av-abstained").last
    assert "No answer in the texts." in refusal.inner_text()
    assert refusal.locator("li.av-rel").count() > 0
    assert refusal.locator("details.av-source, a.av-cite, mark").count() == 0
    shot(page, "staff-english-abstention")


def test_hostile_text_stays_inert(web, page):
    sign_in(page, web)
    question = page.locator("#av-question textarea")
    question.fill(HOSTILE_QUESTION)
    question.press("Enter")
    chat = page.locator("#av-chat")
    answer = last_answer(chat)
    answer.locator("details.av-source").first.wait_for()
    assert HOSTILE_QUESTION in chat.locator(".av-user").last.inner_text()
    assert answer.locator("mark.av-quote").first.inner_text() == HOSTILE_QUOTE
    assert "<img src=x onerror=alert(1)>" in answer.locator(".av-title").first.inner_text()
    assert "<script>alert(2)</script>" in answer.locator(".av-text").inner_text()
    assert page.locator("img[src='x'], #av-chat script, #av-chat img").count() == 0
    shot(page, "hostile-chat")

    answer.get_by_role("link", name="Visa i dokumentet").first.click()
    frame = viewer_frame(page)
    assert frame.locator("mark#hl").inner_text() == HOSTILE_QUOTE
    assert "<img src=x onerror=alert(1)>" in frame.locator("h1").inner_text()
    assert frame.locator("script, img").count() == 0
    time.sleep(0.5)
    shot(page, "hostile-viewer")
    assert page.evaluate("window.__xss") == []
    viewer = next(f for f in page.frames if "view?" in f.url)
    assert viewer.evaluate("window.__xss") == []
    assert page.watch.dialogs == [] and page.watch.injected == []


def test_widget_embedded_in_a_page_on_another_origin(web, page):
    page.goto(f"{web.host}/embed.html?assistant={web.url}")
    widget = page.frame_locator("#avtalsassistenten")
    widget.locator("#av-widget-head").get_by_text("Frågor om: Överenskommelse").wait_for()
    shot(page, "embed-start")
    question = widget.locator("#av-widget-question textarea")
    question.fill(ELEVKULTUROMBUD_Q)
    question.press("Enter")
    answer = last_answer(widget.locator("#av-widget-chat"))
    source = answer.locator("details.av-source").first
    assert "s. 3" in source.locator("summary").inner_text()
    assert source.locator("mark.av-quote").inner_text().startswith(ELEVKULTUROMBUD_QUOTE)
    # The citizen widget has no document filter and no admin.
    assert widget.locator("#av-document, #av-admin-tab, #av-admin-password").count() == 0
    assert widget.get_by_text("Administration").count() == 0
    shot(page, "embed-answer")
    source.get_by_role("link", name="Visa i dokumentet").click()
    frame = widget.frame_locator("dialog#av-viewer iframe")
    assert frame.locator("mark#hl").inner_text().startswith(ELEVKULTUROMBUD_QUOTE)
    shot(page, "embed-viewer")
    assert page.watch.dialogs == []


@pytest.mark.parametrize("keep", [False, True])
def test_widget_offers_votes_only_when_it_keeps_them(web, page, tmp_path, keep):
    """With widget feedback off (the default) the widget shows no 👍/👎 rather than thank a
    visitor for a vote it drops; with it on, a 👎 is thanked and stored."""
    from assistant.server import create_app

    db = tmp_path / "fb.sqlite3"
    settings = web.settings.model_copy(update={"store_widget_feedback": keep, "feedback_db": db})
    with ThreadedServer(create_app(web.assistant, settings)) as server:
        page.goto(server.url + "/widget/")
        question = page.locator("#av-widget-question textarea")
        question.fill(ELEVKULTUROMBUD_Q)
        question.press("Enter")
        answer = last_answer(page.locator("#av-widget-chat"))
        answer.locator("details.av-source").first.wait_for()
        answer.locator("xpath=ancestor::*[contains(@class, 'message-row')][1]").hover()
        if not keep:
            assert page.locator(VOTES).count() == 0
            assert page.get_by_text("Tack för återkopplingen").count() == 0
            assert not db.exists()
            return
        page.locator(DISLIKE).last.click()
        page.get_by_text("Tack för återkopplingen!").first.wait_for()
        store = FeedbackStore(db)
        deadline = time.monotonic() + 10
        while not store.rows("down") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [(r.question, r.channel) for r in store.rows("down")] == [
            (ELEVKULTUROMBUD_Q, "widget")
        ]


# Gradio's own word for "error" (a toast's title) in its current locale, from its core module.
GRADIO_SAYS = """async () => {
  const core = performance.getEntriesByType("resource").map((e) => e.name)
    .find((name) => name.includes("/assets/core-") && name.endsWith(".js"));
  for (const store of Object.values(await import(core))) {
    if (!store || typeof store.subscribe !== "function") continue;
    let say = null;
    try { store.subscribe((f) => { say = f; })(); } catch { continue; }
    if (typeof say !== "function") continue;
    try {
      const word = say("common.error");
      if (typeof word === "string") return word;
    } catch { /* another store */ }
  }
  return null;
}"""


@pytest.mark.parametrize(
    ("browser_locale", "lang", "word"), [("en-US", "sv", "Fel"), ("sv-SE", "en", "Error")]
)
def test_gradio_messages_follow_the_chosen_language(web, browser, browser_locale, lang, word):
    """Gradio's toasts and errors speak the widget's language, not the browser's."""
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    try:
        page.goto(f"{web.url}/widget/?lang={lang}")
        page.wait_for_function(f"document.documentElement.lang === '{lang}'")
        deadline = time.monotonic() + 10
        said = page.evaluate(GRADIO_SAYS)
        while said != word and time.monotonic() < deadline:
            time.sleep(0.2)
            said = page.evaluate(GRADIO_SAYS)
        assert said == word
        assert page.evaluate("document.documentElement.lang") == lang  # Gradio's store agrees
    finally:
        context.close()


def test_widget_language_and_unknown_document(web, page):
    page.goto(web.url + "/widget?document=saknas&lang=en")
    head = page.locator("#av-widget-head")
    head.get_by_text("Unknown document: saknas").wait_for()
    assert "Ask about the agreements" in head.inner_text()
    placeholder = page.locator("#av-widget-question textarea").get_attribute("placeholder")
    assert placeholder.startswith("Type a question")


def test_web_component_loaded_from_this_server(web, page):
    page.goto(f"{web.host}/embed-webcomponent.html?assistant={web.url}")
    question = page.locator("gradio-app #av-widget-question textarea")
    question.fill(ELEVKULTUROMBUD_Q)
    question.press("Enter")
    answer = last_answer(page.locator("gradio-app #av-widget-chat"))
    assert "s. 3" in answer.locator("details.av-source summary").first.inner_text()
    shot(page, "webcomponent-answer")


def test_admin_uploads_a_file_and_reindexes(web, page, tmp_path):
    upload = tmp_path / "riktlinje-lasombud.md"
    upload.write_text(
        "---\ntitle: Riktlinje för läsombud\n---\n# Riktlinje för läsombud\n\n"
        "Biblioteket ska utbilda läsombud på alla äldreboenden i kommunen varje höst.\n",
        encoding="utf-8",
    )
    sign_in(page, web)
    page.get_by_role("tab", name="Administration").click()
    page.locator("#av-admin-file input[type=file]").set_input_files(str(upload))
    page.locator("#av-admin-file").get_by_text(upload.name).wait_for()
    page.locator("#av-admin-password input").fill("fel lösenord")
    page.locator("#av-admin-run").click()
    page.get_by_text("Fel lösenord.").first.wait_for()
    assert not (web.settings.corpus_dir / upload.name).exists()
    time.sleep(1.5)  # one wrong password delays the next try by 1 s (auth.Lockout)

    page.locator("#av-admin-password input").fill(ADMIN_PASSWORD)
    page.locator("#av-admin-run").click()
    page.locator("#av-admin-result").get_by_text("1 added").wait_for(timeout=120_000)
    assert (web.settings.corpus_dir / upload.name).read_bytes() == upload.read_bytes()
    shot(page, "admin-indexed")

    page.get_by_role("tab", name="Chatt").click()
    question = page.locator("#av-question textarea")
    question.fill("Vem ska utbilda läsombud på äldreboenden?")
    question.press("Enter")
    answer = last_answer(page.locator("#av-chat"))
    assert "Riktlinje för läsombud" in answer.locator(".av-title").first.inner_text()


def test_artifacts_are_git_ignored():
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text().split()
    assert "tests/artifacts/" in ignored
