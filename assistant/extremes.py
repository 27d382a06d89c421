"""The extreme one asked for ("I vilken årskurs får flest elever …?", "Which municipality had
the lowest share …?") and the sentences that name an extreme.

A question with a superlative asks which one stands out, and a text answers it with a sentence
that says so ("… är högst i årskurs 6, där 2,9 procent …"), not with the sentence that states
the total, which e5 puts as close ("Totalt 2,4 procent av eleverna … har studiehandledning …").

- ``extreme_asked``: the (folded) question chooses among things with a superlative ("Vilket
  län har störst andel …?"), not a limit ("Hur mycket får man som mest ta …?");
- ``names_extreme``: a sentence (as written) names one (a Swedish superlative, "mest/minst",
  "vanligast", or the English "most/least/highest/lowest …").

Read by ``enumeration.members_asked`` (the extreme ones are asked, not a group's members) and by
``sentence_scores`` (a sentence naming an extreme is lifted as a list lead is for "Vad ska
framgå …?": a sentence of the form the question asks for).
"""

from __future__ import annotations

import re

__all__ = ["extreme_asked", "names_extreme"]

# Folded question text. Not "minst"/"least": also "at least" ("Vilka krav ska minst
# uppfyllas?" asks for all of them).
_ASKED = re.compile(
    r"\b(?:lagst\w*|hogst\w*|flest|storst\w*|minsta|mest|bast\w*|samst\w*|vanligast\w*|"
    r"ovanligast\w*|framst\w*|most|highest|lowest|largest|smallest|fewest|best|worst|biggest|"
    r"greatest)\b"
)
# As a text writes it (not folded). Before a number it is a bound, no extreme ("högst 10
# procent", "minst tre dagar", "at least 5 days": a rule's limit, which any question about the
# rule may cite).
_NAMED = re.compile(
    r"(?<!\bat )\b(?:lägst\w*|högst\w*|flest|störst\w*|minst\w*|mest|bäst\w*|sämst\w*|"
    r"vanligast\w*|ovanligast\w*|främst\w*|most|least|highest|lowest|largest|smallest|fewest|"
    r"biggest|greatest)\b"
    r"(?!\s+(?:\d|(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|hälften|one|two|"
    r"three|four|five|ten|half)\b))",
    re.I,
)


# Choosing among things ("Vilket län …?", "I vilken årskurs …?", "Which municipality …?"): a
# superlative there asks which one stands out. After "hur mycket/hur länge/how long" it sets a
# limit ("… och hur länge som längst?", "for how long at most?", "Hur stor dos får man som
# mest …?"), which a sentence states as it states any limit.
_CHOOSING = re.compile(r"\b(?:vilk(?:en|et|a)|which|what|vem|who|where)\b")
_LIMIT = re.compile(
    r"\b(?:hur (?:mycket|manga|lang\w*|stor\w*|hog\w*)|how (?:much|many|long|big|high))\b"
)


def extreme_asked(folded: str) -> bool:
    """Does the (folded) question ask which one(s) stand out (a superlative in a question that
    chooses among things, ``_CHOOSING``, and sets no limit, ``_LIMIT``)?"""
    return bool(_ASKED.search(folded) and _CHOOSING.search(folded) and not _LIMIT.search(folded))


def names_extreme(text: str) -> bool:
    """Does ``text`` (as written) name an extreme?"""
    return bool(_NAMED.search(text))
