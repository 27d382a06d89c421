"""The pieces behind the chat, without a server: HTML rendering (escaping, [n] links, highlight
offsets into the cleaned page), the feedback store and its export, the admin upload checks."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ELEVKULTUROMBUD_Q, ELEVKULTUROMBUD_QUOTE, LUDVIKA, make_settings
from web_helpers import HOSTILE_QUOTE

from assistant import Settings
from assistant.admin import UploadError, check_password, safe_name, save_upload
from assistant.cli import main
from assistant.evaluate import load_questions
from assistant.feedback import FeedbackStore
from assistant.render import (
    answer_html,
    page_spans,
    pick_language,
    quote_span,
    user_html,
    view_url,
)
from assistant.results import Answer, Citation, Passage
from assistant.viewer import parse_spans, viewer_page

HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script>"


def _hostile_answer() -> Answer:
    text = f"Före. {HOSTILE_QUOTE} Efter."
    passage = Passage(
        id="p1",
        source="hostile.txt",
        title=f"Titel {HOSTILE}",
        page=2,
        section=f"Avsnitt {HOSTILE}",
        text=text,
        score=0.9,
        start=10,
        end=10 + len(text),
    )
    citation = Citation(n=1, passage=passage, quote=HOSTILE_QUOTE, score=0.9)
    return Answer(
        f"Fråga {HOSTILE}", True, f"Enligt {HOSTILE}: ”{HOSTILE_QUOTE}” [1]", "sv", [citation]
    )


def test_answer_html_escapes_every_corpus_and_question_text():
    out = answer_html(_hostile_answer(), "abc", "sv")
    assert "<img" not in out and "<script" not in out
    assert html.escape(HOSTILE_QUOTE) in out
    assert out.count("&lt;script&gt;") >= 3  # answer text, passage, and none unescaped
    assert "<script" not in user_html(f"Fråga {HOSTILE}")
    assert html.escape(HOSTILE) in user_html(HOSTILE)


def test_answer_html_links_each_marker_to_its_source_and_marks_the_quote():
    out = answer_html(_hostile_answer(), "abc", "en")
    assert '<a class="av-cite" href="#av-abc-1"' in out
    assert 'id="av-abc-1"' in out
    marked = re.search(r'<mark class="av-quote">(.*?)</mark>', out, re.S)
    assert marked and html.unescape(marked.group(1)) == HOSTILE_QUOTE
    assert "Sources" in out and "p. 2" in out


def test_abstention_shows_related_passages_not_sources():
    passage = _hostile_answer().citations[0].passage
    answer = Answer("Vad är huvudstaden i Norge?", False, "Jag hittar inget.", "sv", [], [passage])
    out = answer_html(answer, "x", "sv")
    assert "Inget svar i texterna" in out and "Närliggande ställen" in out
    assert "av-source" not in out and "av-cite" not in out and "<mark" not in out
    assert "<img" not in out


def test_citations_point_at_the_quoted_sentence_of_the_cleaned_page(corpus_assistant):
    """[n] → page and offsets in the viewer → exactly the quoted sentence of the cleaned page."""
    answer = corpus_assistant.ask(ELEVKULTUROMBUD_Q)
    assert answer.answered
    docs = {d.source: d for d in corpus_assistant.documents()}
    first = answer.citations[0]
    assert (first.passage.source, first.passage.page) == (LUDVIKA, 3)
    assert first.quote.startswith(ELEVKULTUROMBUD_QUOTE)
    for c in answer.citations:
        doc = docs[c.passage.source]
        start, end = quote_span(c)
        assert doc.page_text(c.passage.page, c.passage.kind)[start:end] == c.quote
        url = view_url(c.passage, start, end)
        assert f"page={c.passage.page}" in url and f"start={start}" in url
        page = viewer_page(doc, c.passage.page, start, end)
        shown = re.search(r'<mark id="hl" class="quote">(.*?)</mark>', page, re.S)
        assert shown and html.unescape(shown.group(1)) == c.quote
        assert "<script" not in page


def test_viewer_page_escapes_the_document_and_survives_bad_offsets(corpus_assistant):
    from assistant.indexing.records import StoredDocument

    doc = StoredDocument(
        "h.txt", f"T {HOSTILE}", "agreement", [f"a {HOSTILE} b", "two"], f"card {HOSTILE}", {}
    )
    page = viewer_page(doc, 1, 2, 2 + len(HOSTILE), whole=True, lang="en")
    assert "<img" not in page and "<script" not in page
    assert re.search(r'<mark id="hl" class="quote">&lt;img', page)
    assert 'id="page-2"' in page  # whole document
    assert "<mark" not in viewer_page(doc, 99, 50, 10)  # clamped page, empty span: no highlight
    assert "not in the index" in viewer_page(None, 1, 0, 0, lang="en")


def _passage(text: str, **kw) -> Passage:
    fields = dict(id="p", source="s.txt", title="Avtal", page=3, section="2 §", score=0.9, start=40)
    fields.update(kw)
    return Passage(text=text, end=fields["start"] + len(text), **fields)


def _entry(citation: Citation, lang: str) -> str:
    return answer_html(Answer("F?", True, "Svar [1]", lang, [citation]), "a", lang)


def test_a_passage_over_a_page_break_is_cited_with_both_pages():
    c = Citation(1, _passage("Slut på sidan. Början på nästa.", page_end=4), "Slut på sidan.", 0.9)
    assert '<span class="av-meta">s. 3\u20134 · 2 §</span>' in _entry(c, "sv")
    assert '<span class="av-meta">p. 3\u20134 · 2 §</span>' in _entry(c, "en")
    assert c.to_dict()["page_end"] == 4 and "page=3&" in view_url(c.passage)
    single = Citation(1, _passage("En sida.", page_end=3), "En sida.", 0.9)
    assert '<span class="av-meta">s. 3 · 2 §</span>' in _entry(single, "sv")
    assert "page_end" not in single.to_dict()


def test_every_highlight_of_a_citation_is_marked_in_the_entry_and_the_viewer():
    from assistant.indexing.records import StoredDocument

    first, second = "Ett <b>första</b>.", HOSTILE_QUOTE
    text = f"{first} Mellan. {second} Sist."
    c = Citation(1, _passage(text), f"{first} Mellan. {second}", 0.9, quotes=[first, second])
    marks = re.findall(r'<mark class="av-quote">(.*?)</mark>', _entry(c, "sv"), re.S)
    assert [html.unescape(m) for m in marks] == [first, second]
    assert "<script" not in _entry(c, "sv") and "<b>" not in _entry(c, "sv")
    spans = page_spans(c)
    assert spans == [(40, 40 + len(first)), (49 + len(first), 49 + len(first) + len(second))]
    url = html.unescape(re.search(r'class="av-view" href="([^"]+)"', _entry(c, "sv")).group(1))
    start, end = quote_span(c)
    assert f"start={start}&end={end}&" in url  # a reader that knows only start/end
    assert "spans=" + "%2C".join(f"{a}-{b}" for a, b in spans) in url
    page = " " * 40 + text
    doc = StoredDocument("s.txt", "Avtal", "agreement", [page], "kort", {})
    shown = viewer_page(doc, 1, start, end, spans=spans)
    shown_text = shown.split('<div class="text">', 1)[1]  # after the legend's sample mark
    found = re.findall(r'<mark (?:id="hl" )?class="quote">(.*?)</mark>', shown_text, re.S)
    assert [html.unescape(m) for m in found] == [first, second]
    assert shown.count('id="hl"') == 1 and "<script" not in shown
    assert "spans=" in shown  # the whole-document link keeps the highlights
    one = viewer_page(doc, 1, start, end)  # an old link: the whole quote, one highlight
    assert html.unescape(re.search(r'<mark id="hl" class="quote">(.*?)</mark>', one).group(1)) == (
        c.quote
    )


def test_viewer_spans_parameter_is_untrusted():
    assert parse_spans("1-5,9-12") == [(1, 5), (9, 12)]
    assert parse_spans("5-1,x-3,<script>,-2-4,7-8") == [(7, 8)]
    assert parse_spans(None) == [] and parse_spans("") == []
    assert len(parse_spans(",".join(f"{i}-{i + 1}" for i in range(500)))) == 20


def test_a_citation_of_the_document_card_is_labelled_and_not_quoted():
    card = "Titel: Avtal\nParter: Ludvika kommun; <b>Förening</b>\nGiltigt: 2024"
    passage = _passage(card, page=1, section="dokumentuppgifter", kind="card", start=0)
    c = Citation(1, passage, "Parter: Ludvika kommun; <b>Förening</b>", 0.9)
    sv, en = _entry(c, "sv"), _entry(c, "en")
    assert '<span class="av-meta">Dokumentuppgifter</span>' in sv and "s. 1" not in sv
    assert '<span class="av-meta">Document details</span>' in en and "p. 1" not in en
    assert (
        '<div class="av-passage av-card">Titel: Avtal<br><mark class="av-quote">Parter: Ludvika '
        "kommun; &lt;b&gt;Förening&lt;/b&gt;</mark><br>Giltigt: 2024</div>"
    ) in sv
    assert "<blockquote" not in sv and "”" not in sv
    assert "kind=card" in view_url(passage)


def test_a_table_passage_shows_its_header_row_above_the_rows():
    rows = "Lärare | 32 000\nRektor | 45 000"
    passage = _passage(rows, table_header="Yrke | Lön <i>kr</i>")
    c = Citation(1, passage, "Rektor | 45 000", 0.9)
    assert (
        '<blockquote class="av-passage"><strong class="av-thead">Yrke | Lön &lt;i&gt;kr&lt;/i&gt;'
        '</strong>\nLärare | 32 000\n<mark class="av-quote">Rektor | 45 000</mark></blockquote>'
    ) in _entry(c, "sv")
    plain = Citation(1, _passage(rows), "Rektor | 45 000", 0.9)
    assert "av-thead" not in _entry(plain, "sv")


@pytest.mark.parametrize(
    ("requested", "header", "expected"),
    [
        (None, None, "sv"),
        (None, "en-US,en;q=0.9", "en"),
        (None, "de-DE,de;q=0.9,en;q=0.8,sv;q=0.7", "en"),
        (None, "en;q=0.5,sv;q=0.9", "sv"),
        ("en", "sv-SE", "en"),
        ("fr", "sv-SE", "sv"),
    ],
)
def test_ui_language(requested, header, expected):
    assert pick_language(requested, header) == expected


def test_feedback_store_keeps_one_vote_per_answer(tmp_path):
    store = FeedbackStore(tmp_path / "fb" / "feedback.sqlite3")
    answer = _hostile_answer().to_dict()
    store.record("a1", "up", answer, None, "staff")
    store.record("a1", "down", answer, "hostile.txt", "staff")
    store.record("a2", "down", {**answer, "question": "andra"}, None, "widget")
    store.record("a2", None, answer)
    rows = store.rows()
    assert [(r.answer_id, r.vote) for r in rows] == [("a1", "down")]
    assert rows[0].citations[0]["quote"] == HOSTILE_QUOTE
    assert rows[0].question == answer["question"] and rows[0].created.endswith("+00:00")
    with pytest.raises(ValueError):
        store.record("a3", "meh", answer)
    assert FeedbackStore(tmp_path / "none.sqlite3").rows() == []


def test_feedback_export_writes_eval_questions(tmp_path, monkeypatch, capsys):
    db = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(db)
    answer = _hostile_answer().to_dict()
    store.record("down1", "down", answer, "hostile.txt", "widget")
    store.record("up1", "up", {**answer, "question": "bra svar"}, None, "staff")
    monkeypatch.setenv("ASSISTANT_FEEDBACK_DB", str(db))
    out = tmp_path / "complaints.jsonl"
    assert main(["feedback", "export", "--jsonl", "--output", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["question"] == answer["question"] and row["evidence"] == [HOSTILE_QUOTE]
    assert row["answerable"] is True and row["lang"] == "sv" and row["document"] == "hostile.txt"
    questions = load_questions(out)  # the eval loader reads it as it is
    assert questions[0].evidence == [HOSTILE_QUOTE] and questions[0].id == row["id"]
    capsys.readouterr()
    assert main(["feedback", "export"]) == 0
    assert "hostile.txt s. 2" in capsys.readouterr().out


def test_default_feedback_db_is_under_the_index(tmp_path):
    settings = make_settings(tmp_path)
    assert settings.feedback_path == tmp_path / "index" / "feedback.sqlite3"


def test_admin_is_off_without_a_password_and_checks_it(tmp_path):
    assert not check_password(Settings(), "anything")
    assert not check_password(Settings(admin_password=""), "")
    settings = Settings(admin_password="s3cret", corpus_dir=tmp_path / "corpus")
    assert check_password(settings, "s3cret") and not check_password(settings, "S3cret")


def test_admin_upload_names_and_types(tmp_path):
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    assert safe_name("../../etc/Avtal 2024.TXT") == "Avtal 2024.txt"
    assert safe_name("C:\\tmp\\avtal<x>.md") == "avtal-x.md"
    upload = tmp_path / "upload.bin"
    upload.write_text("Kommunen ska göra saker.", encoding="utf-8")
    saved, replaced = save_upload(settings, upload, "../avtal.md")
    assert saved == tmp_path / "corpus" / "avtal.md" and not replaced
    assert save_upload(settings, upload, "avtal.md")[1] is True
    for bad in ("virus.exe", ".hidden", "noext"):
        with pytest.raises(UploadError):
            save_upload(settings, upload, bad)
    (tmp_path / "empty.md").write_text("")
    with pytest.raises(UploadError):
        save_upload(settings, tmp_path / "empty.md")


def test_the_cli_does_not_import_gradio():
    code = (
        "import sys, assistant.cli, assistant.core, assistant.feedback, assistant.render;"
        "print('gradio' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_frame_policy_limits_who_may_frame_what():
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from assistant.server import FramePolicy

    def ok(request):
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/{path:path}", ok)])
    restricted = TestClient(FramePolicy(app, ["https://www.ludvika.se"]))
    widget = restricted.get("/widget/")
    assert widget.headers["content-security-policy"] == (
        "frame-ancestors 'self' https://www.ludvika.se"
    )
    assert "x-frame-options" not in widget.headers
    assert "https://www.ludvika.se" in restricted.get("/view").headers["content-security-policy"]
    staff = restricted.get("/")
    assert staff.headers["x-frame-options"] == "SAMEORIGIN"
    assert staff.headers["content-security-policy"] == "frame-ancestors 'self'"
    anyone = TestClient(FramePolicy(app, ["*"])).get("/widget/")
    assert "content-security-policy" not in anyone.headers
    assert Settings(allowed_origins=" https://a.se/, https://b.se ").origins == [
        "https://a.se",
        "https://b.se",
    ]
    assert Settings(allowed_origins="*, https://a.se").origins == ["*"]
