"""The Swedish rendering of English questions: our glossary, English forms, Swedish compounds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.bilingual import compounds, swedish_rendering
from assistant.lexicon import english_forms, folkets, glossary


def _corpus(*words: str):
    vocabulary = set(words)
    return lambda word: word in vocabulary


def test_english_forms_cover_inflection_british_spelling_and_possessives():
    assert "routine" in english_forms("routines")
    assert "notify" in english_forms("notified") or "notifie" in english_forms("notified")
    assert "organization" in english_forms("organisation")
    assert "program" in english_forms("programme")
    assert english_forms("botkyrka's")[0] == "botkyrka"
    # In a phrase the first word is inflected too ("followed up" is listed as "follow up").
    assert "follow up" in english_forms("followed up")
    assert "notice period" in english_forms("notice periods")
    # a consonant doubled before "-ing"/"-ed" is the base form's single one
    assert "tan" in english_forms("tanning") and "plan" in english_forms("planned")
    assert "spel" not in english_forms("spelling") and "pas" not in english_forms("passed")


def test_the_glossary_gives_administrative_vocabulary_folkets_lacks():
    assert "riktlinje" in glossary()["guideline"]
    assert "guideline" not in folkets()  # why the glossary exists
    known = _corpus("riktlinje", "äldre", "läkemedel", "innebära", "kommun", "landsting")
    assert swedish_rendering("What does the guideline on elderly medication mean?", known) == (
        "riktlinje äldre läkemedel innebära"
    )
    # A phrase before its words: "county council" is one entry.
    assert swedish_rendering("Which county council?", known) == "landsting"


def test_the_glossary_sense_comes_before_folkets_alphabetical_ones():
    known = _corpus("uppsägning", "beakta", "kallelse", "avgift", "arvode")
    assert swedish_rendering("What is the notice fee?", known) == "uppsägning avgift"
    assert swedish_rendering("What is the notice fee?", known, own=False) == (
        "beakta kallelse arvode avgift"
    )


def test_a_glossary_phrase_may_start_with_a_function_word_but_folkets_may_not():
    known = _corpus("senast", "faktura", "sist")
    assert swedish_rendering("Invoice at the latest when?", known) == "faktura senast"


def test_neighbouring_words_join_into_the_compounds_the_corpus_uses():
    assert compounds("betalning", "kort", _corpus("betalkort")) == ["betalkort"]
    assert compounds("uppsägning", "tid", _corpus("uppsägningstid")) == ["uppsägningstid"]
    assert compounds("skola", "bibliotek", _corpus("skolbibliotek")) == ["skolbibliotek"]
    assert compounds("betalning", "kort", _corpus()) == []
    known = _corpus("bibliotek", "kort", "bibliotekskort", "anställda")
    # Folkets alone (``own=False``): our glossary lists "library card" as one phrase.
    rendering = swedish_rendering("Which employees get a library card?", known, own=False)
    assert rendering.split() == ["anställda", "bibliotek", "kort", "bibliotekskort"]
    assert "bibliotekskort" not in swedish_rendering(
        "Which employees get a library card?", known, own=False, join=False
    )


def test_a_compound_may_use_a_sense_the_corpus_never_uses_alone():
    # "bemanning" is not in the texts, "bemanningspolicy" is: the join still finds it.
    known = _corpus("policy", "bemanningspolicy", "personal")
    rendering = swedish_rendering("What does the staffing policy say?", known).split()
    assert rendering[:3] == ["personal", "policy", "bemanningspolicy"]


def test_words_without_a_known_translation_stay_as_typed():
    assert swedish_rendering("Is Botkyrka a municipality?", _corpus("kommun")) == (
        "Botkyrka kommun"
    )
    assert swedish_rendering("What about the weather?", _corpus()) == "weather"
    assert swedish_rendering("What is it?", _corpus()) == ""


def test_a_hyphenated_english_word_no_dictionary_lists_is_rendered_by_its_parts():
    known = _corpus("dold", "fel", "försäkring", "omvänd", "moms", "bärande", "vägg")
    # "hidden-defect" is listed nowhere: its parts are, as a phrase; the typed word is kept.
    assert swedish_rendering("What is hidden-defect insurance?", known).split() == [
        "hidden-defect",
        "dold",
        "fel",
        "försäkring",
    ]
    assert "omvänd" in swedish_rendering("When does reverse-charge VAT apply?", known)
    # A hyphenated word the glossary lists is one entry, not its parts.
    assert swedish_rendering("Is it a load-bearing wall?", known) == "bärande vägg"
    # Nothing rendered: the word stays as typed, once.
    assert swedish_rendering("Is it mid-project?", _corpus()) == "mid-project"


def test_how_long_and_how_often_are_asked_in_swedish_words():
    known = _corpus("länge", "ofta", "gälla", "pröva", "beslut")
    assert swedish_rendering("How long does it apply?", known) == "länge gälla"
    assert swedish_rendering("How often is the decision reviewed?", known) == ("ofta beslut pröva")


def test_every_glossary_line_is_an_english_entry_with_swedish_senses():
    from importlib import resources

    text = (resources.files("assistant") / "data" / "en_sv_public_sector.tsv").read_text("utf-8")
    entries = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(entries) > 800
    for line in entries:
        english, _, swedish = line.partition("\t")
        assert english.strip() and english == english.strip(), line
        senses = [s for s in swedish.split("|") if s.strip()]
        assert senses and all(s == s.strip() for s in senses), line
    # A construction text's word is reached from the English a user writes.
    known = _corpus("tillbyggnad", "kräver", "bygglov", "personalliggare")
    assert swedish_rendering("What is a staff register?", known) == "personalliggare"
    assert "tillbyggnad" in swedish_rendering("Does an extension need a permit?", known)


def test_our_english_fitting_paraphrases_carry_their_swedish_rows_evidence():
    root = Path(__file__).resolve().parents[1]
    sources = {
        "english-agreements.jsonl": [
            root / "tests" / "data" / "extra-questions.jsonl",
            root.parent / "shared" / "eval" / "dev.jsonl",
        ],
        "english-swefaq.jsonl": [root.parent / "shared" / "eval" / "swefaq" / "questions.jsonl"],
    }
    for name, files in sources.items():
        rows = [json.loads(line) for line in (root / "eval" / name).open(encoding="utf-8")]
        assert rows and all(r["lang"] == "en" and r["answerable"] and r["evidence"] for r in rows)
        if not all(f.exists() for f in files):
            pytest.skip("../shared is absent")
        swedish = {}
        for f in files:
            for line in f.open(encoding="utf-8"):
                row = json.loads(line)
                swedish[row["id"]] = row
        for r in rows:
            original = swedish[r["paraphrase_of"]]
            assert original["lang"] == "sv" and original["evidence"] == r["evidence"]


def test_an_english_question_is_rendered_once_per_index_state_and_read_from_its_query():
    from dataclasses import replace

    from assistant.analyze import QueryAnalyzer
    from assistant.bilingual import rendered_share
    from assistant.lexical import terms, uses_word
    from assistant.query import Query

    texts = ["Biblioteket lånar ut böcker till alla som bor i kommunen."]
    stems = set(terms(" ".join([*texts, "bibliotek låna bok kommun"])))
    asked: list[str] = []

    def knows(term: str) -> bool:
        asked.append(term)
        return term in stems

    def used(word: str) -> bool:
        return uses_word(stems.__contains__, word)

    analyzer = QueryAnalyzer([], [], texts=lambda: texts, knows=knows)
    question = "Can I borrow books at the library in the municipality?"
    query = analyzer.analyze(question)
    expected = swedish_rendering(query.search_text, used)
    assert {"bibliotek", "kommun"} <= set(expected.split())
    # The analyser's renderer answers, whatever the reader passes (a Query it made knows its
    # index state): the same words as the rendering asked of the corpus directly.
    assert query.swedish(lambda _t: False) == expected
    assert query.swedish_share(lambda _t: False) == rendered_share(query.search_text, used)
    # Asked again, by another stage or of the same question analysed again: nothing is asked
    # of the corpus anew.
    again = analyzer.analyze(question)
    asked.clear()
    assert again.swedish(knows) == expected and query.swedish(knows) == expected
    assert again.swedish_share(knows) == query.swedish_share(knows)
    assert asked == []
    # A Query whose search text is replaced is rendered from that text.
    narrowed = replace(query, search_text="Which books?")
    assert narrowed.swedish(knows) == swedish_rendering("Which books?", used)
    # A Query made without the analyser renders with what the reader passes.
    plain = Query(question, question, "en", question, question, question.casefold())
    assert plain.swedish(stems.__contains__) == swedish_rendering(question, used)


def test_a_renderer_by_use_gives_the_retrievers_rendering_once_per_question():
    from assistant.bilingual import Renderer

    uses = {"kallelse": 3, "uppsägning": 9, "avgift": 5, "arvode": 1, "beakta": 2}
    asked: list[str] = []

    def frequency(word: str) -> int:
        asked.append(word)
        return uses.get(word, 0)

    renderer = Renderer(frequency, by_use=True)
    question = "What is the notice fee?"
    expected = swedish_rendering(question, lambda w: uses.get(w, 0), by_use=True)
    assert renderer.text(question) == expected
    # Every word asked once, and the question rendered once.
    assert len(asked) == len(set(asked))
    asked.clear()
    assert renderer.text(question) == expected and asked == []
