"""English questions over Swedish texts read as their Swedish twins: the twins' data, the
rendering's inflected senses, English document facts and focus. Exact, without a model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.analyze import QueryAnalyzer
from assistant.bilingual import rendering_parts, swedish_forms, swedish_rendering
from assistant.document_names import DocumentName
from assistant.lexical import terms
from assistant.query import fact_kind, wanted_answer
from assistant.signals import focus_terms

ROOT = Path(__file__).resolve().parents[1]
TWINS = ROOT / "eval" / "english-twins"


def _corpus(*words: str):
    """``known`` over stemmed terms, as the index answers (the stemmer's own forms)."""
    stems = {t for w in words for t in terms(w)}
    return lambda word: bool(terms(word)) and all(t in stems for t in terms(word))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_every_twin_translates_a_swedish_row_of_its_set_and_keeps_its_evidence():
    shared = ROOT.parent / "shared" / "eval"
    sources = {
        "dev": [shared / "dev.jsonl"],
        "extra": [ROOT / "tests" / "data" / "extra-questions.jsonl"],
        "dev2": [shared / "dev2" / "questions.jsonl"],
        "field": sorted(shared.glob("field/[0-9]*/questions.jsonl")),
    }
    for name, files in sources.items():
        twins = _rows(TWINS / f"{name}.jsonl")
        assert twins and all(t["lang"] == "en" and t["id"] == f"en-{t['twin_of']}" for t in twins)
        if not files or not all(f.exists() for f in files):
            pytest.skip("../shared is absent")
        swedish = {r["id"]: r for f in files for r in _rows(f)}
        for t in twins:
            original = swedish[t["twin_of"]]
            assert original["lang"] == "sv"
            assert t["evidence"] == (original.get("evidence") or [])
            assert t["answerable"] == original.get("answerable", True)
        # Every Swedish question has its twin: the comparison is over the whole set.
        assert {r["id"] for r in swedish.values() if r["lang"] == "sv"} == {
            t["twin_of"] for t in twins
        }


def test_the_twins_are_never_fitted_on():
    for config in ("fit-decision.toml", "english-fit.toml"):
        assert "english-twins" not in (ROOT / "eval" / config).read_text("utf-8")


def test_a_sense_the_texts_use_only_inflected_is_found_in_that_form():
    assert "veckan" in swedish_forms("vecka") and "veckor" in swedish_forms("vecka")
    assert "platser" in swedish_forms("plats")
    # The texts say "veckan" (which stems to itself), never "vecka" or "veckor".
    assert swedish_rendering("Which week?", _corpus("veckan", "kvällar")) == "veckan"
    # A listed sense the corpus uses as listed still comes first.
    assert swedish_rendering("Which week?", _corpus("vecka", "veckan")) == "vecka"


def test_rendering_parts_pair_each_english_phrase_with_its_swedish_words():
    known = _corpus("fritidsgård", "överenskommelse", "fastställd")
    parts = rendering_parts("When was the agreement on youth centres adopted?", known)
    assert parts == [
        ("agreement", ["överenskommelse"]),
        ("youth centres", ["fritidsgård"]),
        ("adopted", ["fastställd"]),
    ]
    assert swedish_rendering("When was the agreement on youth centres adopted?", known) == (
        "överenskommelse fritidsgård fastställd"
    )


def test_the_date_of_a_document_is_a_document_fact_in_english_too():
    assert fact_kind("what is the date of the agreement") == "date"
    assert wanted_answer("what is the date of the agreement") == "date"
    assert wanted_answer("on which date was it signed") == "date"


def test_an_english_document_fact_names_its_document_through_the_rendered_title():
    docs = [
        DocumentName.of("fg.docx", "Överenskommelse om fritidsgårdar mellan Norrvik kommun", []),
        DocumentName.of("bib.pdf", "Överenskommelse om bibliotek mellan Norrvik kommun", []),
    ]
    texts = ["Fritidsgårdarna ska vara öppna. Biblioteket ska vara öppet. Överenskommelsen gäller."]
    known = _corpus(*texts[0].split(), "fritidsgård", "bibliotek", "överenskommelse")
    analyzer = QueryAnalyzer(docs, [], texts=lambda: texts, knows=lambda t: known(t))
    query = analyzer.analyze("What is the case number of the agreement on youth centres?")
    assert (query.intent, query.fact) == ("document_fact", "case_number")
    assert list(query.documents) == ["fg.docx"]
    # Words that are in no title stay the topic of an ordinary question.
    query = analyzer.analyze("What is the case number of the agreement on snow clearing?")
    assert query.intent == "fact" and not query.documents


def test_what_a_passive_verb_covers_is_no_focus_but_a_thing_asked_for_is():
    asked = "What is required of the municipality for the grant to be paid out?"
    assert focus_terms(asked, "en") == set()
    assert focus_terms("What is meant by children and young people?", "en") == set()
    assert focus_terms("What is the tax rate in Ludvika?", "en") == {"tax", "rat"}
    assert focus_terms("What kind of support is offered?", "en") == {"support"}


def test_the_english_known_share_counts_parts_rendered_into_words_the_texts_use():
    from assistant.bilingual import rendered_share

    known = _corpus("bibliotek", "kommun", "låna", "Ludvika")
    # "library", "borrow" and the name meet the texts; "say" frames the question, uncounted.
    assert (
        rendered_share("What does it say about borrowing at the library in Ludvika?", known) == 1.0
    )
    assert rendered_share("What is the capital of Norway?", known) == 0.0
    assert rendered_share("What is the library's tax rate?", known) == pytest.approx(1 / 3)
    assert rendered_share("What?", known) == 1.0
