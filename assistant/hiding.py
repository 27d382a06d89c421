"""Passages a search pretends are not indexed (``hiding``): on-topic negatives for fitting.

An answerable question asked with the passages that hold its evidence hidden is a question the
texts do not answer, about their own topic, with the neighbouring passages still there: the kind
of unanswerable question users ask ("what is the application deadline?" of a text that names no
date) and that cross-corpus copies (another corpus, another topic) never are. ``fit_data`` asks
each kept question this way once; nothing else hides passages. A context variable, so the
seam costs one lookup per search and the answering code needs no parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["hidden", "hiding"]

_HIDDEN: ContextVar[frozenset[str]] = ContextVar("hidden_passages", default=frozenset())


def hidden() -> frozenset[str]:
    """The passage ids the current search must not return (empty outside ``hiding``)."""
    return _HIDDEN.get()


@contextmanager
def hiding(passage_ids: Iterable[str]) -> Iterator[None]:
    """Within the block, searches return none of ``passage_ids`` (dense or lexical)."""
    token = _HIDDEN.set(frozenset(passage_ids))
    try:
        yield
    finally:
        _HIDDEN.reset(token)
