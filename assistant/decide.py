"""Answer or refuse: a logistic model over evidence features, fitted on labelled sets.

``features.measure`` turns what the answerer read into ``Features``; ``should_answer`` applies
the shipped model (``assistant/data/decision.json``: standardisation, coefficients, threshold; plain
numpy, no scikit-learn at run time). The parameters are fitted by ``python -m
assistant.fit_decision`` (``make fit``) on answerable questions whose evidence was read and on
unanswerable and cross-corpus questions; see README "Quality". ``ASSISTANT_ANSWER_THRESHOLD``
overrides the shipped probability threshold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .features import FEATURES, Features
from .one_sentence import NAME_SHARE, SPECIFIC_SHARE

__all__ = ["Model", "load_model", "recording", "should_answer"]


@dataclass(frozen=True)
class Model:
    """Standardise, weigh, squash: P(answer) = sigmoid(coef . (x - mean) / scale + intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    def probability(self, features: Features) -> float:
        z = float(self.coef @ ((features.vector() - self.mean) / self.scale)) + self.intercept
        return float(1.0 / (1.0 + np.exp(-z)))


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped parameters (``assistant/data/decision.json``)."""
    text = resources.files("assistant").joinpath("data/decision.json").read_text("utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(
            "assistant/data/decision.json was fitted on other features than features.FEATURES: "
            "re-fit it with `make fit` (python -m assistant.fit_decision)."
        )
    return Model(
        mean=np.array(data["mean"], dtype=float),
        scale=np.array(data["scale"], dtype=float),
        coef=np.array(data["coef"], dtype=float),
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )


# --- deciding and recording ---------------------------------------------------------------------

_RECORDS: ContextVar[list[dict[str, Any]] | None] = ContextVar("decision_records", default=None)


@contextmanager
def recording() -> Iterator[list[dict[str, Any]]]:
    """Collect every decision made inside the block (features, probability, passages read):
    how ``fit_decision`` labels what the answerer measured."""
    records: list[dict[str, Any]] = []
    token = _RECORDS.set(records)
    try:
        yield records
    finally:
        _RECORDS.reset(token)


def should_answer(
    features: Features,
    threshold: float | None = None,
    passages: Sequence[Any] = (),
    absent: str | None = None,
) -> tuple[bool, float]:
    """(answer?, probability that the read passages answer the question). ``absent``: the kind
    of answer asked for that the best sentence lacks (``absent_kind``: "time", "number",
    "money", "frequency", "consequence", "contact", "name", "restated", "year")."""
    ruled = _ruled_out(features, absent)
    records = _RECORDS.get()
    if records is not None:
        # ``ruled``: refused by a rule below whatever the model says; the fit chooses its
        # threshold on the outcome users see, these rows refused at every threshold.
        records.append({"features": asdict(features), "passages": list(passages), "ruled": ruled})
        try:  # extraction for a re-fit must not need parameters fitted on other features
            model = load_model()
        except (RuntimeError, OSError, ValueError, KeyError):
            return True, 0.5
    else:
        model = load_model()
    probability = model.probability(features)
    cut = model.threshold if threshold is None else threshold
    return (not ruled and probability >= cut), probability


def _ruled_out(features: Features, absent: str | None) -> bool:
    """Is the question refused by a rule, before the model is read?"""
    if features.number_wanted and features.typed_share == 0.0:
        # A number is asked for (how much, how many, how long, which fee/rate) and none of the
        # best sentences that hold a number holds any of the question's words: the kind of
        # answer is absent beside the topic, however close the topic is (README "Answer or
        # refuse": the model, fitted with few such on-topic questions, weighs this too little).
        return True
    if features.specific_share < SPECIFIC_SHARE or features.name_share < NAME_SHARE:
        # The same, sharper (``one_sentence``, README "Answer or refuse", seventh session): a
        # Swedish number question whose best sentence with a number holds under a quarter of
        # its specific words (not "kostar", "hur", "får"), or a name question ("Vem är
        # kulturchef …?") whose best sentence with a name or body holds under 0.4 of them.
        return True
    # The kind of answer asked for is not in the sentences that would be quoted (README
    # "Answer or refuse", eighth and ninth sessions): a "när antogs …?" whose best sentence
    # holds no time, a Swedish "hur många …?" or "vad kostar …?" whose three best sentences
    # hold no number or no sum of money.
    return absent is not None
