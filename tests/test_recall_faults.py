"""bench.recall_faults names the kind of fault behind a retrieval miss from the stored vectors."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from bench.recall_faults import Case, classify, rank


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _case(
    passages: list[np.ndarray],
    sentences: list[tuple[int, np.ndarray]] | None = None,
    relevant: set[int] | None = None,
    signals: list[tuple[float, dict[str, float]]] | None = None,
    owners: dict[int, set[str]] | None = None,
) -> Case:
    matrix = np.vstack(passages)
    rows = sentences or []
    owner = np.array([n for n, _ in rows], dtype=np.int64)
    svecs = np.vstack([v for _, v in rows]) if rows else np.zeros((0, matrix.shape[1]))

    def best(qv: np.ndarray) -> np.ndarray:
        found = np.full(len(passages), -1.0)
        np.maximum.at(found, owner, svecs @ qv)
        return found

    return Case(
        name="set",
        question=SimpleNamespace(id="q1"),
        query=None,
        source=None,
        ids=[f"p{n}" for n in range(len(passages))],
        passages=matrix,
        best_sentence=best,
        qvec=_unit(1, 0, 0),
        signals=signals or [],
        relevant={3} if relevant is None else relevant,
        multi=False,
        owners=owners or {},
    )


# Four passages the question is close to (0, 1, 2) and one it is far from (3: the evidence).
NEAR = [_unit(1, 0.1, 0), _unit(1, 0.2, 0), _unit(1, 0.3, 0)]
FAR = _unit(0.2, 1, 0)


def test_a_found_evidence_is_no_fault_and_a_missing_passage_is_one():
    assert classify(_case([FAR, *NEAR], relevant={1})) is None
    assert classify(_case([*NEAR, FAR], relevant=set())) == "no passage"


def test_a_passage_whose_one_sentence_answers_is_diluted():
    case = _case([*NEAR, FAR], sentences=[(3, _unit(1, 0.01, 0)), (0, _unit(0, 1, 0))])
    assert classify(case) == "diluted"


def test_an_evidence_the_fusion_pushes_down_is_lexical():
    pulls = {"p0": 1.0, "p1": 1.0, "p2": 1.0}
    case = _case([_unit(1, 0.15, 0), _unit(1, 0.2, 0), _unit(1, 0.3, 0), _unit(1, 0.1, 0)])
    assert rank(case)[0] == 3
    case.signals = [(0.5, pulls)]
    assert classify(case) == "lexical"


def test_an_evidence_below_another_questions_answer_is_another_answer():
    case = _case([*NEAR, FAR], owners={0: {"q2"}, 3: {"q1"}})
    assert classify(case) == "another answer"
    assert classify(_case([*NEAR, FAR])) == "dense"


def test_an_evidence_outside_the_named_document_is_other_document():
    case = _case([*NEAR, FAR])
    case.passages = case.passages.copy()
    case.passages[3] = np.nan  # not in the document the question named
    assert classify(case) == "other document"
