"""Asking what is required, and the sentences that state a requirement: a sentence-form lift for
``sentence_scores`` (as for a list's lead, a definition or a reason).

"Vad måste det stå i rutinerna?", "I vilket läge måste arbetsgivaren ta in
företagshälsovård?", "När är det krav på att instruktionerna är skriftliga?" ask what a text
requires. In a föreskrift with general advice ("allmänna råd") the advice around a provision is
about the same thing and e5 ranks it as high or higher ("Det är viktigt att rutinerna …",
"Skriftliga instruktioner … kan behöva kombineras …"), while the answer is the provision's "ska"
("Av rutinen ska framgå …", "… ska det finnas skriftliga instruktioner …"): five of a read blind
set's questions (sixty-sixth session) quoted the advice.

- ``duty_asked``: the folded question asks by a word of requirement ("måste", "skyldig",
  "krav", "krävs", "tvungen", "obligatorisk", "must", "required", "obliged", "have to"); not by
  "ska" or "behöver", which as often ask when or how ("När ska ansökan lämnas?");
- ``states_duty``: a sentence (as written) states one: "ska", "skall", "måste", "behöver" ("…
  behöver du dokumentera:"), "är skyldig", "krävs", "shall", "must", "is required"; "bör" and
  "kan" advise or allow ("kan behöva" too).
"""

from __future__ import annotations

import re

__all__ = ["duty_asked", "states_duty"]

_ASKED = re.compile(
    r"\b(?:maste|skyldig\w*|krav|kravet|kraven|kravs|kraver|tvungen|tvungna|obligatorisk\w*|"
    r"must|required?|requirements?|obliged|obligat\w*|have to|has to)\b"
)
_STATED = re.compile(
    r"\b(?:ska|skall|måste|behöver|skyldig\w*|krävs|tvungen|tvungna|shall|must|is required|"
    r"are required)\b",
    re.I,
)


def duty_asked(folded: str) -> bool:
    """Does the (folded) question ask what is required, by a word of requirement?"""
    return bool(_ASKED.search(folded))


def states_duty(text: str) -> bool:
    """Does the sentence ``text`` state a requirement ("ska", "måste", "krävs", "shall")?"""
    return bool(_STATED.search(text))
