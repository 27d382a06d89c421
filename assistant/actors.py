"""Who acts in a sentence: a person, a body or a role, named as the subject or anywhere.

A "Vem …?" question is answered by a sentence that names who acts (``actor_named``): "Alla
planer ska dokumenteras …" names nobody, "Respektive ägare … ansvarar för att detta sker" does.
Where the passage holds several, the one naming them first, as its subject (``actor_leads``),
is the answer ("Tillväxtverket och Vinnova ansvarar för att ta fram denna del …" rather than
"… samarbeten med andra regioner …"). ``candidates.with_typed`` reads both; the fitted
decision reads the looser ``answer_found`` form (README, twenty-fifth session).
"""

from __future__ import annotations

import re

__all__ = ["actor_leads", "actor_named"]

# Who acts in a sentence: a name (two capitalised words, case-sensitive), or a body or role
# by its noun ("informationsägare", "ordföranden", "huvudmannen", "mark- och miljödomstolen").
# A municipality or region by the noun ("kommunerna", "Regionen"), not by an adjective or a
# compound on it ("regionala", "regionalfondsprogrammet" name nobody).
_ACTOR = re.compile(
    r"(?-i:\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+\b)|\b\w*(?:nämnd\w*|styrelse\w*|chef\w*|"
    r"ansvarig\w*|handläggare\w*|(?:kommun|region)(?:en|er|erna|ens|ernas|s)?|förbund(?:et|en)?|"
    r"förvaltning\w*|myndighet\w*|"
    r"verk(?:et|en)|fullmäktige|samordnare|ombud\w*|ägare\w*|ordförande\w*|sekreterare\w*|"
    r"ledamot|ledamöter\w*|direktör\w*|rektor\w*|huvudman\w*|operatör\w*|leverantör\w*|"
    r"utförare\w*|beställare\w*|arbetsgivare\w*|domstol\w*|parterna|parten|"
    # a body by its kind of organ: "kontrollorgan", "certifieringsorganet"
    r"\w{4,}organ(?:et|en)?)\b",
    re.I,
)


def actor_leads(text: str) -> bool:
    """Does ``text`` name who acts among its first three words, where a Swedish or English
    sentence's subject stands ("Tillväxtverket och Vinnova ansvarar för …", not "… samarbeten
    med andra regioner …")?"""
    opening = " ".join(text.split()[:3])
    return actor_named(opening)


def actor_named(text: str) -> bool:
    """Does ``text`` name who acts: a person, a body or a role (``_ACTOR``)? A body in the
    genitive owns, it does not act ("enligt myndighetens informationshanteringsplan")."""
    return any(" " in m.group(0) or not m.group(0).endswith("s") for m in _ACTOR.finditer(text))
