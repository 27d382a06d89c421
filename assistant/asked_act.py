"""An act the question asks about that texts name with a fixed word: the "act" kind of
``absent_kind``.

"Kan man överklaga rektorns beslut om särskild undervisningsgrupp?" over a statistics report
that never speaks of appeals was answered with "Rektorn bör säkerställa att ett beslut om
särskild undervisningsgrupp inte omfattar fler ämnen …": the decision is there, the appeal is
not. "Vem betalar för överbesiktningen?" quoted what an överbesiktning is, with nothing on who
pays. The topic words match and e5 finds the topic close; what is missing is the act itself.
Some acts have no paraphrase a text could use instead of their own word family: an appeal is
"överklaga/överklagande/överpröva" (or "appeal"), a payment "betala/bekosta/kostnad/avgift …".
A question asking whether one can appeal, or who pays, is answered only by a sentence that
names the act.

- ``act_asked``: the (folded) question asks about appealing ("Kan jag överklaga …?", "Vart
  överklagar man …?", "Can I appeal …?") or who pays / whether it costs ("Vem betalar …?",
  "Who pays for …?", "Måste jag betala …?", "Is there a fee …?", "Får sotaren ta betalt …?").
  Not "hur mycket betalar …?" or "vad kostar …?": a sum is asked, which the number and money
  rules read;
- ``act_named``: a text (as written, with its heading) names that act.

Measured over every labelled and read question (README, fifty-fifth session): each of the 19
answerable questions asking so (10 on appeals, 9 on who pays, whether it is free or may be
charged for) has the act's word in its evidence, and "Vem betalar dolda fel?" (asked in both
languages) under a heading that names it; 9 unanswerable ones are asked so.
"""

from __future__ import annotations

import re

__all__ = ["act_asked", "act_named"]

# Folded question text.
_ASKED = {
    "appeal": re.compile(r"\b(?:overklag\w*|appeal\w*)\b"),
    "pay": re.compile(
        r"\b(?:vem|vilka|vilken part) (?:\w+ ){0,2}?(?:betalar|betala|bekostar|bekosta)\b|"
        r"\bwho (?:\w+ ){0,2}?(?:pays?|paid|covers the cost)\b|"
        r"\b(?:maste|behover|ska) (?:jag|man|vi|ni|du) (?:\w+ )?betala\b|"
        r"\b(?:do|does|must|will) (?:i|we|you|one) (?:\w+ )?(?:have to |need to )?pay\b|"
        r"\bis there (?:a|any) (?:fee|charge|cost)\b|\bkostar det (?:nagot|nanting)\b|"
        # may someone charge ("Får sotaren ta betalt om …?", "Can the library charge me for …?")
        r"\bta (?:betalt|ut (?:en |nagon )?(?:avgift|ersattning))\b|"
        r"\bcharge (?:a fee|fees|me|us|for)\b|"
        r"\bar det (?:gratis|avgiftsfritt|kostnadsfritt)\b|\bis it free\b"
    ),
}
# The act's word family as texts write it (not folded). "ersätts av"/"ersättas av" pays ("…
# kostnader … ska ersättas av den vars verksamhet …"); a bare "ersätter" replaces ("dess
# utlåtande ersätter den ursprungliga besiktningen").
_NAMED = {
    "appeal": re.compile(r"överklag\w*|överpröv\w*|overklag\w*|\bappeal\w*", re.I),
    "pay": re.compile(
        r"betal\w*|bekost\w*|kostnad\w*|kostar|kosta\b|avgift\w*|\w+avgift\w*|gratis|"
        r"ersätt\w*\s+av\b|ersättning\w*|debiter\w*|fakturer\w*|\bpays?\b|\bpaid\b|\bfees?\b|"
        r"\bcosts?\b|\bcharges?\b|free of charge",
        re.I,
    ),
}


# A sum asked ("How much do I pay for each cubic metre …?"): the number and money rules read it.
_SUM = re.compile(r"\b(?:hur mycket|how much|vad kostar|what does \w+(?: \w+){0,4} cost)\b")


def act_asked(folded: str) -> str | None:
    """The act the (folded) question asks about, "appeal" or "pay", or None."""
    act = next((act for act, pattern in _ASKED.items() if pattern.search(folded)), None)
    return None if act == "pay" and _SUM.search(folded) else act


def act_named(act: str, text: str) -> bool:
    """Does ``text`` (as written) name the ``act`` ("appeal", "pay")?"""
    return bool(_NAMED[act].search(text))
