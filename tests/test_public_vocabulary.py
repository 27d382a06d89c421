"""The public surface knows only public documents' words: a word that occurs only in an internal
document gets the same public answer as a word that occurs nowhere, and the public view shares
the staff side's lexical index instead of loading its own."""

from __future__ import annotations

import pytest
from helpers import LUDVIKA, LUDVIKA_PATH, make_corpus, make_settings

from assistant import Assistant
from assistant.lexical import terms

INTERNAL_WORD, NOWHERE_WORD = "zebrafinkarna", "kvastfeningarna"
QUESTIONS = [
    ("Vad gäller för {} i stadshuset?", None),
    ("What does the agreement say about {}?", None),
    ("Vad säger avtalet om {}?", LUDVIKA),
    ("Hur ofta ska {} matas?", LUDVIKA),
]


@pytest.fixture(scope="module")
def staff(tmp_path_factory, e5) -> Assistant:
    root = tmp_path_factory.mktemp("vocabulary")
    corpus = make_corpus(root, LUDVIKA_PATH)
    (corpus / "internal").mkdir()
    (corpus / "internal" / "djurrutin.txt").write_text(
        "Djurrutin för stadshuset\n\n"
        f"Vaktmästaren ska mata {INTERNAL_WORD} i stadshusets foajé två gånger om dagen.\n",
        encoding="utf-8",
    )
    assistant = Assistant(make_settings(root, corpus), embeddings=e5)
    assistant.build_index()
    return assistant


def test_public_lexicon_has_public_words_only(staff):
    public = staff.public_view()
    (stem,) = terms(INTERNAL_WORD)
    assert staff.retriever.lexical.knows(stem)  # the staff side knows it ...
    assert not public.retriever.lexical.knows(stem)  # ... the public side does not
    assert public.retriever.lexical.knows(terms("elevkulturombud")[0])
    assert {d.metadata["source"] for d in public.retriever.lexical.docs} == {LUDVIKA}
    assert set(public.retriever.lexical.sources.tolist()) == {LUDVIKA}
    assert public.retriever.lexical.known_share(f"mata {INTERNAL_WORD}") < 1


@pytest.mark.parametrize(("template", "document"), QUESTIONS)
def test_internal_word_answers_like_a_word_nowhere(staff, template, document):
    public = staff.public_view()
    internal = public.ask(template.format(INTERNAL_WORD), document=document).to_dict()
    nowhere = public.ask(template.format(NOWHERE_WORD), document=document).to_dict()
    # The refusal or answer and its sources are the same; the closest passages may differ,
    # as the two words' vectors do (the dense search is over public passages only).
    for key in ("question", "answered", "answer", "citations"):
        assert internal[key] == _swap(nowhere)[key], key
    assert {p["source"] for p in internal["related"]} <= {LUDVIKA}
    assert "djurrutin" not in str(internal)


def test_staff_still_finds_the_internal_word(staff):
    answer = staff.ask(f"Hur ofta ska {INTERNAL_WORD} matas?")
    assert answer.answered and "djurrutin" in answer.citations[0].passage.source


def test_public_view_shares_the_loaded_index(staff):
    public = staff.public_view()
    assert public.retriever.lexical.full is staff.retriever.lexical


def _swap(found: object) -> object:
    """``found`` with the nowhere word written as the internal one (the question is echoed)."""
    if isinstance(found, dict):
        return {k: _swap(v) for k, v in found.items()}
    if isinstance(found, list):
        return [_swap(v) for v in found]
    if isinstance(found, str):
        return found.replace(NOWHERE_WORD, INTERNAL_WORD)
    return found
