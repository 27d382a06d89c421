"""Questions that want no typed answer (no date, sum or count), whatever their words name: read
by ``answer_type.wanted_answer`` before the answer-type patterns.

- what something means ("Vad betyder det att solvenskvoten är minst 100 procent?", "What does
  it mean that …?"): an explanation, not the figure the question itself names;
- how it is worked out ("Hur räknas tillsynsavgiften ut …?", "How is the fee calculated?"): a
  method ("en fast avgift samt en rörlig del, som baseras på …"), not a sum; not how it is
  raised ("Hur räknas avgifterna upp varje år?": by how much);
- in which cases ("Kan myndigheten sänka avgiften, och i så fall när?", "In which situations
  does the region take over the costs …?"): a condition answers, whatever the question's
  nouns name ("avgiften", "costs" ask no sum).
"""

from __future__ import annotations

import re

__all__ = ["often_and_when", "untyped_asked"]

_UNTYPED = re.compile(
    r"^\s*(?:vad (?:betyder|innebar|menas med)|what does (?:it|that|this) mean|"
    r"what is meant by|hur raknas (?:\w+ ){1,4}?ut|hur (?:beraknas|bestams|faststalls)|"
    r"how (?:is|are) (?:\w+ ){1,6}?(?:calculated|computed|determined|worked out)|"
    r"i vilka (?:fall|situationer|lagen)|in (?:which|what) (?:situations?|cases?|circumstances))\b|"
    r"\b(?:i (?:sa|sadana) fall|if so),? (?:nar|when)\W*$"
)
# "Hur ofta och när skickas fakturorna?": how often, which a frequency answers ("månadsvis i
# efterskott"), its "när" no date of its own.
_OFTEN = re.compile(r"\b(?:hur ofta|how often)\b")


def untyped_asked(folded: str) -> bool:
    """Does the (folded) question want no typed answer (``__doc__``)?"""
    return bool(_UNTYPED.search(folded))


def often_and_when(folded: str) -> bool:
    """Does the (folded) question ask how often, a "när/when" beside it asking no date?"""
    return bool(_OFTEN.search(folded))
