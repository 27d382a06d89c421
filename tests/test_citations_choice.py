"""Which sentences an answer cites (``assistant.choice``) and how that rule is fitted
(``bench.citation_fit``): exact tests over constructed candidates, and one question over the
shipped corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from assistant.choice import (
    CHOICE_FILE,
    MAX_HIGHLIGHTS,
    MAX_SENTENCES,
    SENTENCE_MARGIN,
    TWIN_WORDS,
    Choice,
    highlighted,
    load_choice,
    order_key,
    rank,
    twins,
)
from bench.citation_fit import BEFORE, MARGINS, WEIGHTS, choose, fit, score


@dataclass
class Cand:
    name: str
    similarity: float
    lift: float = 0.0
    standing: float = 0.0
    passage: str = ""
    text: str = ""

    @property
    def where(self) -> str:
        return self.passage or self.name  # each its own passage unless told


def test_order_key_weighs_the_passages_retrieval_standing():
    assert order_key(0.8, 0.05, -0.02, 3.0) == pytest.approx(0.8 + 0.05 - 0.06)
    assert order_key(0.8, 0.0, 0.0, 10.0) == 0.8  # the first passage loses nothing


def test_a_sentence_of_the_first_passage_beats_a_closer_one_of_a_later_passage():
    first = Cand("first passage", 0.84, standing=0.0)
    later = Cand("later passage", 0.86, standing=-0.03)
    assert rank([later, first], Choice(0.5, 0.0)) == [later]  # 0.845 < 0.86
    assert rank([later, first], Choice(3.0, 0.0)) == [first]  # 0.84 > 0.77


def test_runners_up_within_the_margin_and_no_more_than_the_cap():
    cands = [Cand(str(i), 0.9 - 0.01 * i) for i in range(6)]
    assert [c.name for c in rank(cands, Choice(1.0, 0.015))] == ["0", "1"]
    assert [c.name for c in rank(cands, Choice(1.0, 0.0))] == ["0"]
    assert len(rank(cands, Choice(1.0, 1.0))) == MAX_SENTENCES


def test_more_sentences_of_the_first_passage_only_within_the_sentence_margin():
    best = Cand("best", 0.9, passage="p")
    near = Cand("near", 0.9 - SENTENCE_MARGIN / 2, passage="p")
    far = Cand("far", 0.9 - 2 * SENTENCE_MARGIN, passage="p")
    other = Cand("other passage", 0.9 - 2 * SENTENCE_MARGIN, passage="q")
    found = rank([far, other, near, best], Choice(1.0, 3 * SENTENCE_MARGIN))
    assert [c.name for c in found] == ["best", "near", "other passage"]


def test_once_answered_the_first_passage_highlights_sentences_as_close_as_a_citation():
    best = Cand(
        "best", 0.90, passage="p", text="När du definierar kategorier utgår du från värden."
    )
    next_ = Cand("next", 0.85, passage="p", text="Kategorierna kan du finna i visionsdokument.")
    lead = Cand("lead", 0.86, passage="p", text="Nedan finner du exempel på kategorier:")
    far = Cand("far", 0.80, passage="p", text="Matrisen har fyra nivåer.")
    other = Cand("other", 0.88, passage="q", text="En annan passage.")
    choice = Choice(1.0, 0.08)
    chosen = rank([best, next_, lead, far, other], choice)
    assert [c.name for c in chosen] == ["best", "other"]  # next is beyond SENTENCE_MARGIN
    # decided: "next" is within the fitted margin in the first passage; the list's lead (which
    # would bring its whole list), the sentence beyond the margin and other passages are not
    assert [c.name for c in highlighted(chosen, [best, next_, lead, far, other], choice)] == [
        "best",
        "other",
        "next",
    ]
    many = [Cand(str(i), 0.9 - 0.001 * i, passage="p", text=f"Mening {i}.") for i in range(6)]
    assert len(highlighted(many[:1], many, choice)) == MAX_HIGHLIGHTS
    assert highlighted([], many, choice) == []


def test_the_same_provision_in_another_passage_is_cited_whatever_the_retrievers_order():
    # A replaced and a replacing version say the same with other figures: both are cited.
    old = "En förening ska ha minst tio medlemmar och söka senast den 1 mars."
    new = "En förening ska ha minst fem medlemmar och söka senast den 1 mars."
    assert twins(old, new) and not twins(old, "Bidraget betalas ut en gång per år.")
    first = Cand("first", 0.906, 0.04, 0.0, "p", old)
    twin = Cand("twin", 0.904, 0.04, -0.017, "q", new)
    other = Cand("other", 0.906, 0.04, -0.017, "r", "Bidraget betalas ut en gång per år.")
    assert [c.name for c in rank([other, twin, first], Choice(7.0, 0.08))] == ["first", "twin"]
    # as close on its own, within the sentence margin: no closer one is needed
    far = Cand("far", 0.906 - 2 * SENTENCE_MARGIN, 0.04, -0.017, "q", new)
    assert [c.name for c in rank([far, first], Choice(7.0, 0.08))] == ["first"]
    assert 0.5 < TWIN_WORDS < 1.0


def test_also_adds_beyond_the_margin_and_allowed_keeps_out():
    cands = [Cand("a", 0.9), Cand("b", 0.89), Cand("c", 0.7)]
    found = rank(cands, Choice(1.0, 0.02), also=lambda c, best: c.name == "c")
    assert [c.name for c in found] == ["a", "b", "c"]
    kept = rank(cands, Choice(1.0, 0.02), allowed=lambda c, chosen: c.name != "b")
    assert [c.name for c in kept] == ["a"]
    assert rank([], Choice(1.0, 0.02)) == []


def test_the_shipped_choice_is_a_point_of_the_fitted_grid():
    data = json.loads(CHOICE_FILE.read_text(encoding="utf-8"))
    choice = load_choice()
    assert (choice.passage_weight, choice.margin) == (data["passage_weight"], data["margin"])
    assert choice.passage_weight in WEIGHTS and choice.margin in MARGINS
    assert data["sets"], "the fit names the sets it was fitted on"


def _row(name: str, cands: list[tuple[float, float, bool]]) -> dict:
    """A recorded choice: (cosine, standing, passage holds the evidence) per candidate."""
    return {
        "set": name,
        "candidates": [
            {"passage": f"p{i}", "sim": s, "lift": 0.0, "standing": st, "holds": h, "text": str(i)}
            for i, (s, st, h) in enumerate(cands)
        ],
    }


def test_the_fit_prefers_the_retrievers_passage_when_that_is_where_the_evidence_is():
    # The evidence stands in the first passage, whose sentence is a little less close.
    rows = [_row("a", [(0.88, -0.03, False), (0.84, 0.0, True)]) for _ in range(3)]
    before = score(rows, *BEFORE)
    assert before == (0.0, 0.0, 3)
    weight, margin = fit({"a": rows})
    assert score(rows, weight, margin) == (1.0, 1.0, 3)
    assert [c["passage"] for c in choose(rows[0]["candidates"], weight, margin)] == ["p1"]


def test_the_fit_never_adds_citations_that_do_not_bear_on_the_question():
    # A wider margin would catch the evidence of set "b" but cite a stray passage in set "a"
    # whose share of citations on the evidence would fall below the rule it replaces.
    a = [_row("a", [(0.9, 0.0, True), (0.87, 0.0, False)]) for _ in range(4)]
    b = [_row("b", [(0.9, 0.0, False), (0.87, 0.0, True)])]
    weight, margin = fit({"a": a, "b": b})
    assert score(a, weight, margin)[1] >= score(a, *BEFORE)[1]
    assert margin < 0.03


@pytest.mark.parametrize(
    "question",
    [
        "Vad ska folkbiblioteken göra för barn och unga?",
        "What must public libraries do for children and young people?",
    ],
)
def test_an_answer_over_the_shipped_corpus_cites_the_passage_that_answers(
    corpus_assistant, question
):
    # Written for this test: the library act says the public libraries give children and young
    # people special attention. That passage is cited first, it is the passage the retriever
    # ranks first, every citation is a different passage, and every quote stands in its passage.
    answer = corpus_assistant.ask(question)
    assert answer.answered
    wanted = "Folkbiblioteken ska ägna särskild uppmärksamhet åt barn och ungdomar"
    first = answer.citations[0]
    assert wanted in first.passage.text and first.quote.startswith(wanted)
    assert first.passage.id == corpus_assistant.search(question)[0].id
    assert len({c.passage.id for c in answer.citations}) == len(answer.citations)
    assert all(q in c.passage.text for c in answer.citations for q in c.quotes)
