"""The kind of answer asked for is absent from the sentence that would answer: a refusal rule
beside the fitted decision (README "Answer or refuse", eighth and ninth sessions).

An on-topic question the texts do not answer is answered from its topic's best sentence: "När
antogs Ludvika kommuns kulturstrategi?" quotes "Överenskommelsen utgår från … Ludvika kommuns
kulturstrategi", which names the strategy and no time; "Hur många ramavtalsleverantörer har
Socialstyrelsen …?" quotes a sentence about the suppliers with no number. Everything the model
weighs (closeness, the topic words, an answer type *somewhere* among the best five) is high. What
is missing is the kind of answer in the sentence the answerer ranks first — the one it quotes —
and no threshold is needed to see it:

- when a time is asked for and what gives one: ``when_asked``;
- ``absent_kind``: "time" when a time is asked for and the best sentence (the answerer's own
  score, read in context as it would be quoted) holds none — for an English question (ranked
  through a rendering) not naming the time, when no date stands in any of the ``QUOTED`` best
  sentences either; "number" when a question asks for a number (``sentence_share.wants_number``)
  and none of the ``QUOTED`` best sentences holds one, a number naming a section, law or
  standard (``without_references``), ordering a list or dating (``signals``) not counted;
  "number" too when a height, depth or length is asked and none of them nor their neighbours
  holds a number in its dimension (``dimension``), or a version and none of them holds a digit;
  "money" when it asks what something costs or pays and none of them holds a sum
  (``money_found``); "frequency" when it asks how often and none of them says how often or
  at what interval (``frequency.frequency_found``), "consequence" when it asks what happens if
  something is not done and none of them states a condition or a consequence
  (``consequence``), "hours" when it asks for opening hours and
  none of them gives a time of day or the days it is open; "contact" when it asks for a phone number,
  an e-mail or a web address by its noun and none of them holds one; "name" when it asks which
  body, court, company, country or law and none names one (``named_answer``); "restated"
  when an open Swedish question is quoted only its own words (``restated``); "year" when it
  names a year none of them holds while the best names others (``years``), "name" too when it
  names a regulation by designation that none of them holds (``designations``); "earlier" when it
  asks a fact of a replaced version of a text and none of them speaks of one (``earlier``);
  "act" when it asks whether one can appeal or who pays and none of them, nor their headings,
  names the appeal or the payment (``asked_act``); else None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from .answer_found import detail_found
from .answer_type import detail_nouns
from .appearance import appearance_asked, appearance_found
from .asked_act import act_asked, act_named
from .consequence import consequence_asked, consequence_found, sanction_asked
from .designations import designation_absent
from .dimension import dimension_absent
from .earlier import earlier_asked, earlier_named
from .frequency import frequency_found, hours_asked, hours_found, often_asked
from .money import cost_asked, cost_asked_en, currency_named, money_found, sum_found
from .named_answer import holder_asked, kind_asked, name_given, person_named
from .restated import restates_only
from .sentence_context import neighbours
from .sentence_share import opens_with_verb, typed_contexts, wants_number, yes_no
from .signals import in_context, without_references
from .when_asked import (
    QUOTED,
    condition_found,
    date_found,
    situation_asked,
    time_absent,
    time_found,
    time_named,
    when_wanted,
)
from .years import dated, other_year

# A version asked for by its noun (folded): "Vilken version av …?", "What version of …?".
_VERSION_ASKED = re.compile(
    r"\b(?:vilken|vilket|vilka|what|which) (?:\w+ )?(?:version\w*|versionsnummer|release)\b|"
    r"\bversion number\b"
)
_DIGIT = re.compile(r"\d")

__all__ = [
    "QUOTED",
    "absent_kind",
    "condition_found",
    "date_found",
    "money_found",
    "situation_asked",
    "time_found",
    "time_named",
    "when_wanted",
]


def absent_kind(query: Any, candidates: Sequence[Any], time: bool = True) -> str | None:
    """The kind of answer the ``query`` (a ``Query``) asks for, "time", "number", "money",
    "frequency", "consequence", "contact", "name", "restated", "appearance", "year", "earlier"
    or "act",
    when the best of the read ``candidates`` (by the answerer's score, in context) hold none;
    else None. ``time``: apply the time rule (``Settings.refuse_absent_time``, on as shipped)
    to every "when" question; one naming the time it wants ("vilket år") or asking a future or
    past event's ("When will …?", "När antogs …?") is always read with it."""
    if not candidates or getattr(query, "intent", None) == "document_fact":
        # A document's own facts (adopted, revised, valid until) are answered from its card's
        # lines and refused when no line states them (``fact_lines``), not by this rule.
        return None
    ranked = sorted(candidates, key=lambda c: -c.score)
    if not getattr(query, "documents", ()) and other_year(
        query.search_text,
        [
            dated(in_context(c), getattr(c.passage, "section", ""), getattr(c.passage, "title", ""))
            for c in ranked[:QUOTED]
        ],
    ):
        return "year"  # "… år 2023?" over "(47 600 kr år 2021)": another year's (``years``)
    if earlier_asked(query.folded) and not any(
        earlier_named(query.folded, in_context(c)) for c in ranked[:QUOTED]
    ):
        return "earlier"  # a fact of the replaced rules, not of these (``earlier``)
    if time_absent(query, ranked, time):
        return "time"
    if designation_absent(query.search_text, ranked, [in_context(c) for c in ranked[:QUOTED]]):
        return "name"  # "När trädde FFFS 2011:16 i kraft?" over this text's own entry line
    if often_asked(query.folded) and not yes_no(query.folded):
        # "Hur ofta …?" is answered by a frequency or an interval ("en gång per år", "var
        # sjätte månad", "6-12 år"), not by a footnote's number, which the number rule below
        # counts ("1 Särskilt boende … 5 kap 5§ …"); nor does that rule also ask for a digit.
        # Neighbours count: a frequency often follows the sentence naming the activity
        # ("Uppföljning … ska ske regelbundet …. Det är den enskildes behov som styr hur ofta
        # …, men bör ske minst en gång per år."), quoted beside it (``candidates.with_typed``).
        near = [n for c in ranked[:QUOTED] for n in neighbours(c, candidates)]
        read = [*ranked[:QUOTED], *near]
        found = any(frequency_found(without_references(in_context(c))) for c in read)
        return None if found else "frequency"
    if hours_asked(query.folded) and not yes_no(query.folded):
        # "Vilka öppettider har Återbruket?" is not answered by "… Återbrukets öppettider skulle
        # kunna förlängas": the hours themselves, or the days it is open.
        return None if any(hours_found(in_context(c)) for c in ranked[:QUOTED]) else "hours"
    if (seen := appearance_asked(query.folded)) and not opens_with_verb(query.folded):
        # "Vilken färg ska skylten ha?" is not answered by "… ska skylt … vara uppsatt": a
        # colour or a material asked by its noun (``appearance``).
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if appearance_found(seen, texts) else "appearance"
    if consequence_asked(query.folded) or sanction_asked(query.folded):
        # "Vad händer om en kommun inte har något folkbibliotek?" is not answered by "Varje
        # kommun ska ha folkbibliotek.": a condition or a consequence (``consequence``); "Blir
        # det något vite om …?" by one or a sanction, the one it names too.
        own = "" if sanction_asked(query.folded) else query.folded
        texts = [without_references(in_context(c)) for c in ranked[:QUOTED]]
        return None if any(consequence_found(t, own) for t in texts) else "consequence"
    if act := act_asked(query.folded):
        # "Kan man överklaga …?", "Vem betalar …?" are answered only by a sentence naming the
        # appeal or the payment, or under a heading that does (``asked_act``).
        # An English question's sentences are ranked through a rendering, which put the one
        # naming the act fourth ("Can I appeal the inspection report?"): twice as many are read.
        reach = QUOTED if query.language == "sv" else 2 * QUOTED
        texts = [f"{getattr(c.passage, 'section', '')}\n{in_context(c)}" for c in ranked[:reach]]
        if not any(act_named(act, t) for t in texts):
            return "act"
    if _VERSION_ASKED.search(query.folded) and not yes_no(query.folded):
        # "Vilken version av Django bygger FST på?" is not answered by "FST är en anpassad
        # variant av gränssnittet Django.": a version is named by a number or a date
        # ("Version 2023-10-10", "version 1.2").
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if any(_DIGIT.search(t) for t in texts) else "number"
    if dimension_absent(query.folded, ranked[:QUOTED], candidates):
        return "number"  # "Hur djupt …?" is not answered by "håller 100 år" (``dimension``)
    if query.wants == "contact_detail":
        # A phone number, e-mail or web address asked for by its noun stands in what is
        # quoted, not only in the passages read (``ExtractiveAnswerer._supported`` refuses
        # first when none holds one): "Vilken webbadress har testmiljön?" quoted "… QA - …
        # officiella testmiljö." from a document with web addresses elsewhere.
        # The detail its noun names: "What telephone number …?" is not answered by a web address.
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if detail_found(detail_nouns(query.folded), texts) else "contact"
    if query.language == "sv" and restates_only(
        query.search_text, query.folded, [in_context(c) for c in ranked[:QUOTED]]
    ):
        return "restated"  # "Vad innebär Mål 6 …?" is not answered by "Mål 6 gäller …"
    if holder_asked(query.folded):
        # "Vad heter verksamhetschefen …?" is not answered by "… ledas av en verksamhetschef
        # inom Beställd Primärvård": a person's name (``named_answer.person_named``).
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if person_named(texts, query.folded) else "name"
    if kind_asked(query.folded):
        # "Vilket försäkringsbolag …?" is answered by a name, not by "sitt försäkringsbolag";
        # "Vem är rektor för …?" by a person's, not by "… behöver ledas av rektor".
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if name_given(texts, query.folded) else "name"
    if currency_named(query.folded) and not yes_no(query.folded):
        # "Hur många kronor …?", "… in kronor?": a sum in a currency, in either language.
        texts = [in_context(c) for c in ranked[:QUOTED]]
        return None if any(sum_found(t) for t in texts) else "money"
    if query.language != "sv" and cost_asked_en(query.folded):
        texts = [without_references(in_context(c)) for c in ranked[:QUOTED]]
        return None if any(money_found(t) for t in texts) else "money"
    # English too since numbers that only order or date stopped counting (README, sixteenth
    # session): before, an English number rule refused more answerable questions than not.
    if wants_number(query.wants, query.folded):
        # Each sentence as quoted, its references taken out, read as a sentence known by its
        # text (``in_context`` then returns it as it is).
        texts = [without_references(in_context(c)) for c in ranked[:QUOTED]]
        read = [SimpleNamespace(text=t, passage=SimpleNamespace(text=t)) for t in texts]
        if cost_asked(query.folded) and query.wants not in ("duration", "date"):
            # "Vad kostar …?" is answered by a sum (or "kostnadsfritt"), not by a count, a
            # height or a period ("gäller 5-10 år"). Not "Hur lång tid har man på sig att
            # överklaga ett beslut om avgift?": the period is asked, the fee is its topic (a
            # blind fee guideline's question, read in the fifty-first session).
            return None if any(money_found(t) for t in texts) else "money"
        _, typed = typed_contexts(query.wants, query.folded, read)
        if not any(typed):
            return "number"
        if respective_asked(query.folded) and not any(two_figures(t) for t in texts):
            return "number"  # one figure for "kvinnor respektive män" (``two_figures``)
    return None


# "Hur stor andel av kvinnorna respektive männen …?", "… for women and men respectively?": a
# figure for each, not the total. (Read sets' "Vad är medelåldern för kvinnor respektive män
# …?" were answered with the total; a Swedish "vad är …" asks no number, ``sentence_share``, so
# this rule does not reach them, and moved no question of the suite or held-out sets.)
_RESPECTIVE = re.compile(r"\b(?:respektive|respectively)\b")
# A figure, not a year: "79 respektive 68 procent", "45,2 år".
_FIGURE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?")


def respective_asked(folded: str) -> bool:
    """Does the (folded) question ask a figure for each of several things ("respektive")?"""
    return bool(_RESPECTIVE.search(folded))


# Numbers that are no figure of anything: a date's day, a section's, a footnote's or a list's
# number opening the text ("3 Medelålder den 31 december 2022, totalt för …": a footnote).
_NOT_FIGURE = re.compile(
    r"\b\d{1,2}\s+(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec|march|may|june|july|oct)\w*|"
    r"\b\d+\s*(?:§|kap\b)|^\s*\d+\.?\s",
    re.I,
)


def two_figures(text: str) -> bool:
    """Does ``text`` hold at least two figures that are not years, dates or numbering?"""
    return len(_FIGURE.findall(_NOT_FIGURE.sub(" ", text))) >= 2
