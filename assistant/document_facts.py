"""Which line answers which document fact, and whether any line read states it.

A document-fact question (``Query.intent`` "document_fact": contact, case number, validity,
adoption, entry into force, revision …) is answered by the card's line of that fact
(``fact_line``, ``card_fact``) or by a line of the text that states it in its own words
(``fact_stated``, ``states_entry``), and refused when no line read states it
(``fact_unstated``): "När reviderades reglerna?" of rules that name no revision is not answered
with what they replace. Citing the line it was read from is ``fact_lines``'s.
"""

from __future__ import annotations

import re
from typing import Any

from .ingest.facts import CASE_NUMBER
from .ingest.revisions import REVISED

__all__ = [
    "card_fact",
    "card_value",
    "fact_line",
    "fact_stated",
    "fact_unstated",
    "own_fact_line",
    "states_entry",
    "states_parties",
]


def card_value(card_line: str) -> str:
    """The value of a card line "Label (synonyms): value"."""
    return card_line.split(": ", 1)[1] if ": " in card_line else card_line


# --- which card line answers which fact ------------------------------------------------------

# The card's line labels for each fact the Query can name (assistant/ingest/card.py _LABELS and
# document_card): a fact found in the text has the first label, one from the title or front
# matter the later ones.
_CARD_LABELS: dict[str, tuple[str, ...]] = {
    "contact": ("kontakt", "handläggare"),
    "case_number": ("diarienummer",),
    "validity": ("giltighet", "period"),
    "date": ("datum", "beslut", "upphovsrätt"),
    "adoption": ("beslut", "datum"),
    # Where no line says when it takes effect, the line that says from when it applies.
    "in_force": ("ikraftträdande", "giltighet"),
    "revised": ("reviderad",),
    "owner": ("dokumentägare",),
    "replaces": ("ersätter",),
    "parties": ("parter",),
    "purpose": ("syfte",),
    "signed": ("undertecknad",),
}


# The facts a text states in words of their own kind, wherever it states them: a question about
# one is answered from a line that states it (on the card or in the text), or not at all ("När
# reviderades reglerna?" of rules that name no revision is not answered with what they replace;
# "Who is the contact person for the library act?" not with a sentence about persons).
_STATED: dict[str, re.Pattern[str]] = {
    "revised": REVISED,
    "case_number": CASE_NUMBER,
    # a decision or adoption, in the words a decision line uses
    "adoption": re.compile(
        r"\b(?:antag\w*|antog\w*|beslut\w*|fastst[äa]ll\w*|godk[äa]n\w*|underteckn\w*|"
        r"adopted|approved|decided|decision|signed|enacted)",
        re.I,
    ),
    # an entry into force, or the date from which it applies
    "in_force": re.compile(
        r"\b(?:ikraftträd\w*|träd\w* i kraft|into force|takes? effect|took effect|"
        r"gäller från|gäller fr\.?o\.?m|giltig\w* från|valid from|applies from)",
        re.I,
    ),
    # who signed: the card's signature line ("Undertecknad …: Diana Olsson Kommundirektör")
    "signed": re.compile(r"\b(?:undertecknad\w*|underskrift\w*|signed|signature)", re.I),
    # a contact is a person's role word, an e-mail address or a phone number
    "contact": re.compile(
        r"\b(?:kontakt\w*|handläggar\w*|contact\w*|case officer)\b|@|\b0\d{1,3}[- ]?\d{2,3}(?:[ -]?\d{2}){2}\b",
        re.I,
    ),
}
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# An agreement may take effect on an event, not a date: "Detta avtal träder i kraft när det har
# undertecknats av båda parter" answers "När träder avtalet i kraft?" as well as a date would.
_ON_EVENT = re.compile(
    r"\b(?:i kraft|into force|effect|gäller)\s+(?:\S+\s+){0,3}?(?:när|då|vid|efter|i och med|"
    r"dagen|den dag|upon|when|on the day|after|once)\b",
    re.I,
)


def _states(fact: str, text: str, dated: bool) -> bool:
    """Does ``text`` state the ``fact`` in its own words (``_STATED``), with a year when
    ``dated`` — or, for an entry into force, the event it takes effect on?"""
    pattern = _STATED.get(fact)
    if fact == "adoption" and not (_DECIDED_LINE.match(text) or _OWN_SUBJECT.search(text)):
        # the document's own decision: a decision line ("Antagen av: …", "Beslutad av …") or
        # a sentence about the document; "SBN har antagit riktlinjer för mobilmaster" states
        # another decision (measured: "Vilken nämnd har antagit samsynsguiden?" answered so)
        return False
    return bool(
        pattern is not None
        and pattern.search(text)
        and (not dated or _YEAR.search(text) or (fact == "in_force" and _ON_EVENT.search(text)))
    )


# A line that opens with its decision ("Antagen av kommunfullmäktige 2026-04-28", the card's
# "Beslut (…): …", "Approved by …").
_DECIDED_LINE = re.compile(r"\s*" + _STATED["adoption"].pattern, re.I)


def fact_unstated(query: Any, texts: list[str]) -> bool:
    """Is the question a document fact of a kind no read line states (``_STATED``)?"""
    fact = getattr(query, "fact", None) or ""
    # "När reviderades …?" wants the date: "För revidering ansvarar: …" names a revision, no date.
    dated = getattr(query, "wants", None) == "date"
    return (
        getattr(query, "intent", "") == "document_fact"
        and fact in _STATED
        and not any(_states(fact, t, dated) for t in texts)
    )


def fact_stated(query: Any, text: str) -> bool:
    """Does ``text`` (the best sentence read) state when the document was adopted or takes
    effect, as a document-fact question asks: the fact's own words with a year, or for an entry
    into force an event ("träder i kraft när det har undertecknats")? Or, asked its parties, does
    it name them (``states_parties``)? Such a line answers like the card's would; the fitted
    features, all frame words and a wanted date, see nothing."""
    fact = getattr(query, "fact", None)
    if getattr(query, "intent", "") == "document_fact" and fact == "parties":
        return states_parties(text)
    if getattr(query, "intent", "") != "document_fact" or fact not in ("adoption", "in_force"):
        return False
    return _states(fact, text, dated=True)


# The document itself as the subject of its entry into force ("Detta Anslutningsavtal träder i
# kraft …", "Taxan gäller från …"), not a law it cites or a change it describes ("Ändringar
# träder i kraft 30 dagar efter …").
_OWN_SUBJECT = re.compile(
    r"\b(?:detta|denna|dessa|this|these|(?:\w+)?(?:avtalet|överenskommelsen|riktlinjen|riktlinjerna|"
    r"taxan|policyn|reglementet|föreskrifterna|bestämmelserna|rutinen|planen|ordningen|"
    r"stadgarna|programmet|strategin)|the (?:agreement|policy|guidelines?|tariff|rules))\b",
    re.I,
)


def states_entry(text: str) -> bool:
    """Does the sentence ``text`` say when the document itself takes effect: its entry into
    force (``_STATED``) with a year or the event it takes effect on, the document its subject
    (``_OWN_SUBJECT``)?"""
    return _states("in_force", text, dated=True) and bool(_OWN_SUBJECT.search(text))


# The text's own line naming its parties: "1 Avtalsparter / Avtalsparter är Västra
# Götalandsregionen genom … och Alingsås kommun …", "Parter: …", "Parterna i detta avtal är …",
# "Avtalet har slutits mellan …", "The parties to this agreement are …". The card's parties line
# is read off the title or the first page's "Avtal mellan …"; such a line is the text's own word.
_PARTIES_LINE = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+|§\s*\d+\s+)?(?:avtals|kontrakts)?parter(?:na)?"
    r"(?:\s+i\s+(?:detta|denna)\s+\w+)?\s*(?:är|:)\s+\S|"
    r"\b(?:avtal\w*|överenskommelse\w*|kontrakt\w*)\s+(?:har\s+)?(?:ingåtts|slutits|träffats|"
    r"tecknats)\s+mellan\b|"
    r"^\s*(?:the\s+)?parties\s+(?:to\s+(?:this|the)\s+\w+\s+)?(?:are\b|:)",
    re.I,
)


def states_parties(text: str) -> bool:
    """Does the sentence ``text`` name the document's parties as such (``_PARTIES_LINE``)?"""
    return bool(_PARTIES_LINE.search(text))


def own_fact_line(fact: str | None) -> Any:
    """The test of a text's own sentence stating the document ``fact`` where the card may not
    (``states_entry`` for "in_force", ``states_parties`` for "parties"), else None."""
    return {"in_force": states_entry, "parties": states_parties}.get(fact or "")


def card_fact(query: Any, best: Any) -> bool:
    """Is the best candidate the document card's line for the fact the question asks for?

    Such a question ("Vem är handläggare?") is a lookup of a fact gathered at indexing, not a
    topic to match: its words are all frame words, so the evidence features say nothing."""
    passage = best.passage
    return getattr(passage, "kind", "") == "card" and fact_line(query, best.text, passage.text)


# A card line naming a decision or a signing ("Beslut (…): Antagen av: Koncernchefsgruppen").
_DECISION_LINE = re.compile(r"^(?:beslut|undertecknad)", re.I | re.M)


def fact_line(query: Any, text: str, card: str) -> bool:
    """Is ``text`` (a line of the document card ``card``) the line of the document fact a
    document-fact question asks?"""
    fact = getattr(query, "fact", None) or ""
    labels = _CARD_LABELS.get(fact)
    # A document's date is its adoption's only beside a line naming the decision ("Antagen av:
    # Koncernchefsgruppen" / "Datum: 2023-03-31"): alone it may date a draft or a report
    # ("Datum: 2025-10-06" on a strategy the council had yet to adopt; measured on heldout55).
    if (
        fact == "adoption"
        and text.casefold().startswith("datum")
        and not _DECISION_LINE.search(card)
    ):
        return False
    # "När fastställdes …?" is answered by the decision line with its date, not by the one
    # naming who decided ("Dokumentet är beslutat av: …"), when the card has both.
    dated = getattr(query, "wants", None) != "date" or bool(_YEAR.search(card_value(text)))
    # "Vem har fastställt …?" is not answered by a date line ("Datum: 2020-05-06").
    if getattr(query, "wants", None) == "person" and text.casefold().startswith("datum"):
        return False
    return (
        getattr(query, "intent", "") == "document_fact"
        and labels is not None
        and text.casefold().startswith(labels)
        and dated
    )
