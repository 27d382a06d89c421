"""The lexical side: tiny corpora whose right answers are known exactly, and its saved copy."""

from __future__ import annotations

import numpy as np
from helpers import STATUTE_PATH, make_corpus, make_settings
from langchain_core.documents import Document

from assistant.indexing.store import Index
from assistant.lexical import LexicalIndex, index_terms, terms, trigrams
from assistant.lexical_store import load_or_build


def _passages(*texts: str, source: str = "a.txt") -> list[Document]:
    return [
        Document(
            id=f"{source}:{i}",
            page_content=text,
            metadata={"source": source, "title": "T", "section": ""},
        )
        for i, text in enumerate(texts)
    ]


def test_trigrams_pad_each_word_and_skip_stop_words():
    assert trigrams("Barn och LVU") == ["#ba", "bar", "arn", "rn#", "#lv", "lvu", "vu#"]
    assert trigrams("i") == []  # a stop word
    assert trigrams("x") == ["#x#"]


def test_terms_are_stemmed_and_stop_word_free():
    assert terms("Kommunerna och regionen") == ["kommun", "region"]


def test_a_unit_written_as_a_word_or_a_symbol_is_one_term():
    assert terms("per kubikmeter") == terms("per m3") == terms("per m³") == ["per", "m3"]
    assert terms("25 kvm") == terms("25 m²") == terms("25 kvadratmeter") == ["25", "m2"]
    lexical = LexicalIndex(
        _passages("Avgift per m3 levererat vatten: 10,70 kr.", "Grundavgift per år: 2 310 kr.")
    )
    scores = lexical.scores("Vad kostar vattnet per kubikmeter?")
    assert scores[0] > 2 * scores[1]  # "per" is in both; "m3" only in the first


def test_trigrams_find_the_parts_of_a_compound_that_words_miss():
    lexical = LexicalIndex(
        _passages(
            "Socialnämnden ansöker om överflyttning av vårdnaden.",
            "Familjehemmet får ersättning varje månad.",
            "Biblioteket har öppet på lördagar.",
        )
    )
    question = "Hur går en vårdnadsöverflyttning till?"
    # No whole word of the question occurs in the corpus ...
    assert not lexical.scores(question).any()
    # ... but its trigrams single out the passage about the transfer of custody.
    scores = lexical.trigram_scores(question)
    assert int(np.argmax(scores)) == 0
    assert scores[0] > 0 and scores[0] > 2 * max(scores[1], scores[2])


def test_scores_are_zero_outside_the_requested_document():
    lexical = LexicalIndex(
        _passages("Kulturskolan erbjuder kurser.")
        + _passages("Kulturskolan har ny rektor.", source="b.txt")
    )
    for scorer in (lexical.scores, lexical.trigram_scores):
        everywhere = scorer("kulturskolan")
        within = scorer("kulturskolan", source="b.txt")
        assert everywhere[0] > 0 and everywhere[1] > 0
        assert within[0] == 0 and within[1] == everywhere[1]


def test_an_empty_corpus_scores_nothing():
    lexical = LexicalIndex([])
    assert lexical.scores("kultur").shape == (0,)
    assert lexical.trigram_scores("kultur").shape == (0,)
    assert not lexical.knows("kultur")


def _lexical_folders(settings) -> list[str]:
    root = settings.index_dir / "lexical"
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


def _same(a: LexicalIndex, b: LexicalIndex, question: str) -> bool:
    return (
        [d.id for d in a.docs] == [d.id for d in b.docs]
        and [d.page_content for d in a.docs] == [d.page_content for d in b.docs]
        and np.allclose(a.scores(question), b.scores(question))
        and np.allclose(a.trigram_scores(question), b.trigram_scores(question))
    )


def test_index_run_saves_the_lexical_side_and_replaces_it_on_change(tmp_path, e5):
    corpus = make_corpus(tmp_path, STATUTE_PATH)
    index = Index(make_settings(tmp_path, corpus), e5)
    index.build(progress=False)
    saved = _lexical_folders(index.settings)
    assert len(saved) == 1 and saved[0].startswith(index.name + "-")

    loaded, fingerprint = load_or_build(index)
    assert fingerprint == index.fingerprint()
    question = "Vem ansvarar för folkbiblioteken?"
    assert _same(loaded, LexicalIndex(index.passages()), question)
    assert loaded.scores(question).max() > 0

    # Another document: one new folder replaces the old one, and it knows the new passages.
    (corpus / "extra.txt").write_text("Fjärrlån ordnas av länsbiblioteket.\n", "utf-8")
    index.build(progress=False)
    (now,) = _lexical_folders(index.settings)
    assert now != saved[0]
    loaded, _ = load_or_build(index)
    assert "extra.txt" in set(loaded.sources.tolist())
    assert loaded.sources[loaded.trigram_scores("fjärrlånen").argmax()] == "extra.txt"


def test_an_unreadable_saved_lexical_side_is_rebuilt(tmp_path, e5):
    index = Index(make_settings(tmp_path, make_corpus(tmp_path, STATUTE_PATH)), e5)
    index.build(progress=False)
    (folder,) = (index.settings.index_dir / "lexical").iterdir()
    (folder / "passages.json").write_text("{not json", "utf-8")

    lexical, _ = load_or_build(index)
    assert _same(lexical, LexicalIndex(index.passages()), "bibliotek")
    # ... and saved again whole, so the next process loads it.
    assert _same(LexicalIndex.load(folder), lexical, "bibliotek")


def test_known_share_is_the_share_of_question_words_found_in_the_corpus():
    lexical = LexicalIndex(_passages("Kommunen ansvarar för biblioteket."))
    assert lexical.known_share("Vilket bibliotek har kommunen?") == 1.0
    # kommun is known; "kostar" and "sophämtningen" are not.
    assert lexical.known_share("Vad kostar sophämtningen i kommunen?") == 1 / 3
    assert lexical.known_share("Which library does the municipality run?") == 0.0
    assert lexical.known_share("och i") == 0.0  # stop words only


def test_a_hyphen_joined_word_is_indexed_whole_and_as_its_parts():
    assert index_terms("Icorns-program, e-tjänst och BBR-krav") == [
        "icorns-program",
        "icorn",
        "program",
        "e-tjänst",
        "tjänst",  # "e" alone is no term
        "bbr-krav",
        "bbr",
        "krav",
    ]
    assert terms("Icorns-program") == ["icorns-program"]  # the decision's words are unchanged


def test_a_hyphen_joined_word_meets_its_parts_in_passages_and_questions():
    lexical = LexicalIndex(
        _passages(
            "Ludvika deltar i Icorns-program för fristäder.",
            "Kraven enligt BBR gäller vid ombyggnad.",
            "Biblioteket har öppet på lördagar.",
        )
    )
    # The passage's part meets the question's plain word ...
    assert lexical.knows("icorn")
    assert int(np.argmax(lexical.scores("Vad sägs om ICORN?"))) == 0
    assert lexical.known_share("ICORN") == 1.0
    # ... and the question's parts meet the passage's plain words: "BBR-krav" is no word of the
    # corpus, so it is searched as "BBR" and "krav" and counts as known.
    scores = lexical.scores("Vilka BBR-krav gäller?")
    assert int(np.argmax(scores)) == 1 and scores[1] > 0
    assert lexical.known_share("BBR-krav") == 1.0
    assert lexical.known_share("Sjöby-överenskommelsen") == 0.0


def test_the_parts_of_a_known_hyphen_joined_word_count_at_their_own_weight():
    lexical = LexicalIndex(
        _passages(
            "Vaccin mot covid-19 ges på vårdcentralen.",
            "Covid ger feber. Feber i 19 dagar är ovanligt.",
            "Biblioteket har öppet på lördagar.",
        )
    )
    whole = lexical.scores("covid-19", parts=0.0)
    assert whole[0] > 0 and whole[1] == 0  # only the passage with the whole word
    both = lexical.scores("covid-19", parts=1.0)
    half = lexical.scores("covid-19", parts=0.5)
    # The parts add the same amount per unit of weight; they meet the second passage too.
    assert both[1] > 0 and np.isclose(half[1], both[1] / 2)
    assert np.allclose(both - whole, 2 * (half - whole), atol=1e-6)
    assert both[0] > both[1]


def test_a_lexical_side_saved_by_another_tokeniser_version_is_not_read(tmp_path, e5, monkeypatch):
    from assistant import lexical_store

    index = Index(make_settings(tmp_path, make_corpus(tmp_path, STATUTE_PATH)), e5)
    now = lexical_store.folder_for(index, "f")
    monkeypatch.setattr(lexical_store, "LEXICAL_VERSION", "1")
    assert lexical_store.folder_for(index, "f") != now


def _public_and_internal(public: tuple[str, ...], internal: str) -> LexicalIndex:
    """A lexical index over ``public`` passages of a.txt and one ``internal`` passage of b.txt."""
    docs = _passages(*public) + _passages(internal, source="b.txt")
    for d in docs:
        d.metadata["visibility"] = "internal" if d.metadata["source"] == "b.txt" else "public"
    return LexicalIndex(docs)


def test_the_public_view_searches_hyphen_parts_by_public_words_only():
    full = _public_and_internal(
        ("Kraven enligt BBR gäller vid ombyggnad.", "Icorns-program för fristäder."),
        "Internt: BBR-krav för garaget.",
    )
    public = full.public()
    # "bbr-krav" stands whole only in the internal passage: the public side searches its parts.
    assert full.knows("bbr-krav") and not public.knows("bbr-krav")
    found = public.scores("BBR-krav")
    assert found.shape == (2,) and int(np.argmax(found)) == 0 and found[0] > 0
    assert public.known_share("ICORN") == 1.0


def test_a_vowel_final_nouns_forms_are_one_word_known():
    # The stemmer leaves "konto", "konton" and "kontot" apart; the corpus decides.
    full = _public_and_internal(
        ("Du bör ha skilda konton.", "Kontot spärras efter tre försök."),
        "Internt: videon om regionen.",
    )
    for form in ("konto", "konton", "kontot", "kontona"):
        assert full.knows(terms(form)[0]), form
    assert full.knows(terms("video")[0]) and not full.public().knows(terms("video")[0])
    # another word is not made known: the stations, or a short word inside one
    assert not full.knows(terms("stationen")[0]) and not full.knows("kon")
