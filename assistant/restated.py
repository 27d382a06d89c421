"""A quote that only restates the question answers nothing: the "restated" kind of ``absent_kind``.

"Vad innebär Mål 6 och Mål 9 som bara gäller Malung-Sälens kommun?" was answered by "Mål 6
gäller endast Malung-Sälens kommun": the question's own premise, each of its words the
question's. An open question (what, how, which, who: not yes or no) is answered by a sentence
that says something the question does not — a word, a number, a name. A yes/no question is
answered by its own words ("Gäller mål 6 bara Malung-Sälen?"), so it is never read here.

A word counts as the question's only as the same stem (``sentence_share.stems``), not as a
compound part: "kommunstyrelsen" answers "Vem i kommunen …?". Focus adverbs ("endast" for
"bara", "även") say nothing of their own.

Measured over every labelled set and the held-out sets (README "Forty-first session").
"""

from __future__ import annotations

from collections.abc import Iterable

from .sentence_share import stems
from .yes_no import yes_no

__all__ = ["restates_only"]

# Folded stems of focus adverbs: they weigh what a sentence says, they add nothing to it.
_ADVERBS = frozenset(
    ["end", "enbart", "bar", "ocksa", "aven", "dock", "alltsa", "just", "redan", "fortfar"]
)


def restates_only(question: str, folded: str, texts: Iterable[str]) -> bool:
    """Is each of ``texts`` (the sentences as quoted) made only of the open ``question``'s own
    stems? False for a yes/no question (``folded``) and when there is no text."""
    if yes_no(folded):
        return False
    asked = stems(question)
    read = [stems(t) - _ADVERBS for t in texts]
    return bool(read) and all(said and said <= asked for said in read)
