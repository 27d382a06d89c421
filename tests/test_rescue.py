"""A quote lacking the kind of number asked, rescued from a runner-up sentence of another
passage (``rescue.typed_rescue``): exact, without a model.

Candidates are built by hand from passages written here, ranked by the score given; the
question is analysed by a real ``QueryAnalyzer`` over the same texts.
"""

from __future__ import annotations

import numpy as np

from assistant.analyze import QueryAnalyzer
from assistant.candidates import Candidate
from assistant.lexical import terms
from assistant.rescue import typed_rescue
from assistant.results import Passage

DUTY = "41 § Arbetsgivaren ska föra ett register över arbetstagare som utsatts för cancerframkallande ämnen."
KEPT = (
    "Arbetsgivaren ska förvara registret under minst 40 år från den dag då exponeringen upphörde."
)
OTHER = "Ansökan om tillstånd ska lämnas minst 30 dagar innan arbetet påbörjas."
COUNTED = "Registret ska innehålla uppgifter om arbetstagarens namn och riskkällan."


def _candidates(*sentences: str) -> list[Candidate]:
    """One passage per sentence, scored and retrieved in the order given."""
    out = []
    for i, text in enumerate(sentences):
        passage = Passage(f"p{i}", "afs.txt", "AFS", 1, "", text, 1.0 - i / 10, sentences=1)
        standing = -i / 10  # below the first passage retrieved
        out.append(Candidate(passage, 0, len(text), 1.0 - i / 10, 0.9, np.zeros(2), 0.0, standing))
    return out


def _rescued(question: str, *sentences: str) -> list[str] | None:
    known = {t for s in sentences for t in terms(s)}
    analyzer = QueryAnalyzer([], [], texts=lambda: sentences, knows=known.__contains__)
    query = analyzer.analyze(question)
    candidates = _candidates(*sentences)
    rescued = typed_rescue(query, "number", candidates[:1], candidates, known.__contains__, True)
    return None if rescued is None else [c.text for c in rescued]


def test_a_period_missing_from_the_best_sentence_is_quoted_from_a_runner_up():
    # The duty names the register and no period; the period stands in another passage's
    # sentence about the same register: both are quoted.
    question = "Hur länge ska arbetsgivaren förvara registret över arbetstagare?"
    assert _rescued(question, DUTY, COUNTED, KEPT) == [DUTY, KEPT]
    english = "For how long must the employer keep the register of workers?"
    assert _rescued(english, DUTY, COUNTED, KEPT) == [DUTY, KEPT]
    # A period of another thing answers nothing of the register ("arbetet" holds no
    # "arbetsgivare": a compound's modifier alone is not the word).
    assert _rescued(question, DUTY, COUNTED, OTHER) is None
    assert _rescued(english, DUTY, COUNTED, OTHER) is None


TEAM = "Barnteamet ansvarar för barnets vård tills det första besöket hos vuxenteamet."
VISITS = "Barnet erbjuds återbesök hos barnteamet minst var tredje månad."
OTHER_VISITS = "Vuxenteamet erbjuder telefonrådgivning en gång i veckan."


def test_how_often_missing_from_the_best_sentence_is_quoted_from_any_read_one():
    question = "Hur ofta ska ett barn ha återbesök hos barnteamet?"
    known = {t for s in (TEAM, COUNTED, VISITS, OTHER_VISITS) for t in terms(s)}
    analyzer = QueryAnalyzer([], [], knows=known.__contains__)
    query = analyzer.analyze(question)
    ranked = _candidates(TEAM, COUNTED, OTHER_VISITS, VISITS)
    rescued = typed_rescue(query, "frequency", ranked[:1], ranked, known.__contains__, True)
    assert rescued is not None and [c.text for c in rescued] == [VISITS]
    # how often of another thing, less about what is asked than the best sentence: none
    ranked = _candidates(TEAM, COUNTED, OTHER_VISITS)
    assert typed_rescue(query, "frequency", ranked[:1], ranked, known.__contains__, True) is None
