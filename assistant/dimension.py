"""A measure asked by its dimension is answered by a number in that dimension: the "number"
kind of ``absent_kind`` for "how high / deep / long" questions.

"Hur djupt ska borrhålet vara?", "How high can the eaves be?" ask for a length; a sentence on
the topic with an area ("upp till 30 m²"), a period ("håller 20-25 år") or a sum ("170 kr")
holds a number but not the answer, and the number rule (any number among the quoted sentences)
lets it through. ``dimension_asked`` reads which dimension the (folded) question asks for:

- "length": "hur djup/bred/tjock", "how deep/wide/thick/tall/far", or the noun ("vilket
  minsta mönsterdjup", "vilken takhöjd", "what distance");
- "length_or_sum": "hur hög/högt", "how high": a height, or a sum or a share ("Hur högt kan
  skadeståndsansvaret bli?" is answered by "25 procent av årsavgiften");
- "length_or_period": "hur lång/långt", "how long" ("Hur lång är utbildningen?");
- "area": "hur många kvadratmeter/kvm", "how many square metres": an area ("upp till 30 m²"), not
  a height ("högre än 1,2 meter"); "hur många meter" asks a length;
- "days", "weeks", "months", "years", "hours": "hur många dagar/veckor/…", "how many days/…": a
  number with that unit or a neighbouring one ("inom en månad" for days), not another scale
  ("längst tio år" answers no "Hur många dagar har jag på mig att betala?");
- "mass", "volume": "hur många milligram/gram/kilo …", "hur många liter …", "how many
  grams/litres …": a number with a unit of that kind, any scale ("0,4 mg" answers "hur många
  mikrogram"); and when the unit is followed by the thing measured ("hur många mikrogram *jod*"),
  that thing in the same sentence: "400 mikrogram folsyra" answers no "hur många mikrogram jod"
  (Swedish only: an English thing meets the Swedish text only through a rendering);
- "rate": a rate named by its noun ("Vilken skattesats …?", "What VAT rate …?") or a share asked
  in percent ("…, i procent?", "Med hur många procent …?"): a share ("25 procent", "30 %",
  "0,5 promille"), not a period ("för tre, fem respektive tio år");
- "unit <unit>": a unit named for the answer ("…, i ppm?", "… in mg/m3?", "… i decibel?"): a
  number in that unit;
- "promptness": "hur snabbt/fort/snart", "how quickly/fast/soon", "inom vilken tid": a period
  or a time limit ("inom 24 timmar", "senast tre dagar"), a word of promptness ("omgående",
  "utan dröjsmål") or a rate ("halveras vart fjärde år", "per år"); "… ska anmälas till
  Läkemedelsverket" is none;
- "kept": "hur länge ska … sparas/bevaras/förvaras", "how long must … be kept": a period it is
  kept for ("bevaras i minst 5 år", "gallras efter tio år", "tills vidare"), not a time limit
  for something else done with it ("senast tre månader efter … ska en kopia skickas");

None when the question names a sum, rate or time ("hur hög avgift", "hur lång tid": other
rules read those). ``dimension_absent`` applies it to the sentences a quote reaches and their
neighbours ("En lina … fastsatt i en livboj. Den bör vara ca 25 meter lång.": the length stands
in the sentence after the one that names the thing), as the frequency rule does (README "Answer
or refuse", twenty-third session).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .compounds import compound_match
from .folding import fold
from .lexical import terms
from .money import money_found
from .retention import kept_asked, kept_found
from .sentence_context import neighbours
from .sentence_share import yes_no
from .signals import WRITTEN_NUMBERS, answer_type_found, in_context, without_references

__all__ = ["dimension_absent", "dimension_asked", "dimension_found"]

_SHARE = re.compile(r"\d\s*%|\bprocent\b|\bpercent\b", re.I)

# Each measure word ends the word: "how high-voltage installations must be built" names a kind
# of installation, not a height asked (``_WHOLE``).
_WHOLE = r"\b(?!-)"
_DEEP_WIDE = re.compile(
    rf"\bhur (?:djup|djupt|djupa|bred|brett|breda|tjock|tjockt|tjocka){_WHOLE}|"
    # "How far ahead / in advance must I apply?" asks a period before a date, not a distance.
    rf"\bhow (?:tall|deep|wide|thick|far(?! (?:ahead|in advance|beforehand|before|back)\b)){_WHOLE}"
)
_FAST = re.compile(
    rf"\bhur (?:snabbt|fort|snart|skyndsamt){_WHOLE}|\binom vilken tid\b|"
    rf"\bhow (?:quickly|fast|soon|promptly){_WHOLE}|\bwithin what time\b"
)
# A rate by its noun, "-sats" ("skattesats", "momssats", "procentsats"): not "ränta", which a
# text may answer by a law's rate ("dröjsmålsränta enligt räntelagen").
# A share asked in percent: "…, i procent?", "Med hur många procent …?", "What percentage …?".
_RATE_ASKED = re.compile(
    r"\b(?:vilken|vilket|hur hog|hur stor) (?:\w+ )?\w*sats(?:en|er|erna)?\b|"
    r"\b(?:what|which) (?:\w+ )?(?:tax|vat|interest) rate\b|"
    r"\bi procent\b|\bhur manga procent\w*\b|\bhur stor (?:procent\w*|procentandel)\b|"
    r"\b(?:what|which) percentage\b|\bhow many (?:percent|per cent)\b|\bin (?:percent|per cent)\b|"
    r"\bas a percentage\b"
)
_RATE = re.compile(r"\d\s*(?:%|‰)|\b(?:procent|promille|percent)\b", re.I)
_HIGH = re.compile(rf"\bhur (?:hog|hogt|hoga){_WHOLE}|\bhow high{_WHOLE}")
# A unit named for the answer ("Vilket gränsvärde gäller, i ppm?", "… limit … in mg/m3?"): the
# answer gives a number in it. Units of concentration, sound, energy, power, light, heat.
_IN_UNIT = re.compile(
    r"\b(?:i|in|uttryckt i|expressed in|measured in|matt i) (?P<unit>ppm|ppb|mg/m3|mg/m³|"
    r"[µμ]g/m3|[µμ]g/m³|db|dba|decibel|kwh|mwh|gwh|kw|mw|lux|grader celsius|celsius|degrees)(?!\w)"
)
_UNIT_SPELLED = {
    "decibel": r"db\(?a?\)?|decibel", "db": r"db\(?a?\)?|decibel", "dba": r"db\(?a?\)?|decibel",
    "celsius": r"°\s*c|grader|celsius", "grader celsius": r"°\s*c|grader|celsius",
    "degrees": r"°\s*c|grader|celsius|degrees",
    "mg/m3": r"mg/m[3³]", "mg/m³": r"mg/m[3³]",
}  # fmt: skip
# The unit named: "Hur många kvadratmeter …?" wants an area, "Hur många meter …?" a length.
_AREA_ASKED = re.compile(
    r"\bhur (?:manga|mycket) (?:kvadratmeter|kvadrat|kvm|m2|m²)|\bhow many (?:square|sq)\b|"
    r"\bhow many (?:m2|m²|sqm)\b"
)
_METRES_ASKED = re.compile(
    r"\bhur manga (?:meter|centimeter|cm|millimeter|mm|decimeter|kilometer|km|mil)\b|"
    r"\bhow many (?:metres|meters|centimet\w+|millimet\w+|kilomet\w+|km|feet|inches)\b"
)
# A mass or a volume asked by its unit, and the word after it: the thing measured, unless a
# function word ("Hur många kilo är det lagom …?").
_MEASURED_ASKED = re.compile(
    r"\b(?:hur manga|how many) (?:(?P<mass>milligram|mikrogram|gram|hekto\w*|kilo\w*|kg|ton|"
    r"milligrams|micrograms|grams|kilos|kilograms|tonnes|tons|pounds|ounces)|"
    r"(?P<volume>liter|deciliter|centiliter|milliliter|kubikmeter|kubik|litres|liters|"
    r"millilit\w+|cubic))\b(?: of)?(?: (?P<thing>\w+(?:-\w+)*))?"
)
_NOT_A_THING = frozenset(
    re.findall(
        r"\w+",
        "per om i pa av for till at far ska skall kan bor behover ar var maste finns galler det "
        "man vi jag du de som far får in a an of do does is are should can may must per",
    )
)
_MEASURE_UNITS = {
    "mass": r"mg|µg|μg|mcg|g|gr|hg|kg|ton|mikrogram|milligram|gram|hekto\w*|kilo\w*|"
    r"micrograms?|milligrams?|grams?|kilograms?|kilos?|tonnes?|tons?",
    "volume": r"l|dl|cl|ml|m3|m³|liter|deciliter|centiliter|milliliter|kubikmeter|litres?|liters?|"
    r"millilit\w+|cubic met\w+",
}
# A length asked by its noun: "Vilket minsta mönsterdjup krävs …?", "Vilken takhöjd …?", "What
# minimum distance …?" (the compound's last part names the dimension).
_LENGTH_NOUN = re.compile(
    r"^(?:vilk(?:en|et|a)|vad ar(?: den| det)?|what(?: is the)?|which) (?:\w+ ){0,2}?"
    r"\w*(?:djup|djupet|hojd|hojden|bredd|bredden|tjocklek|tjockleken|avstand|avstandet)\b|"
    r"\b(?:what|which)(?: is| are| was)?(?: the)? (?:\w+ ){0,2}(?:depth|height|width|thickness|"
    r"distance)\b"
)
_LONG = re.compile(r"\bhur (?:lang|langt|langa)\b|\bhow long\b")
# A period asked by its unit: "Hur många dagar har jag på mig …?", "How many hours a week …?".
_PERIOD_ASKED = re.compile(
    r"\bhur manga (?P<sv>dagar|arbetsdagar|vardagar|kalenderdagar|veckor|manader|ar|timmar|"
    r"minuter)\b|\bhow many (?:working |calendar )?(?P<en>days|weeks|months|years|hours|minutes)\b"
)
# The units that answer a period asked by its unit: a neighbouring scale counts ("inom en
# månad" answers "how many days"), another does not ("längst tio år" answers no "hur många dagar").
_DAYS = r"(?:arbets|vard|kalender)?dag(?:ar|en|s)?|vecka|veckor|månad|månader|days?|weeks?|months?"
_PERIOD_UNITS = {
    "days": _DAYS,
    "weeks": _DAYS,
    "months": r"månad(?:er)?|vecka|veckor|år|months?|weeks?|years?",
    "years": r"år|månad(?:er)?|years?|months?",
    "hours": r"timm(?:e|ar)|tim|h|minut(?:er)?|dag(?:ar)?|hours?|minutes?|days?",
}
_PERIOD_UNIT_OF = {
    "dagar": "days", "arbetsdagar": "days", "vardagar": "days", "kalenderdagar": "days",
    "veckor": "weeks", "manader": "months", "ar": "years", "timmar": "hours", "minuter": "hours",
    "days": "days", "weeks": "weeks", "months": "months", "years": "years", "hours": "hours",
    "minutes": "hours",
}  # fmt: skip
# "Hur hög är avgiften?", "How high is the fee?": a sum or a rate, not a height.
_NOT_A_LENGTH = re.compile(
    r"\b\w*(?:avgift|ranta|skatt|kostnad|lon|ersattning|bidrag|sanktion|hyra|taxa|pris|belopp|"
    r"procent|andel|niva|boter|straff|inkomst|tid|skadestand|halt|koncentration)\w*\b|"
    r"\b(?:tak|taket|\w{3,}stak|\w+ttak)\b|"  # a cap ("bidragstak"), not "staket"
    r"\b(?:fees?|rates?|tax\w*|costs?|salar\w*|prices?|amounts?|fines?|penalt\w*|rent|levels?|"
    r"shares?|percent\w*|income|time|wages?|caps?|ceilings?|damages|liabilit\w*|concentrations?)\b"
)
_NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|{'|'.join(WRITTEN_NUMBERS)}|en|ett|one)"
)
# A time per time: a rate ("25 tim / månad", "8 timmar per vecka", "två dagar i månaden").
_TIME_RATE = re.compile(
    rf"\b{_NUMBER}\s*[^\W\d_]+\.?\s*(?:/|per|i|a|an|every)\s*(?:år|året|månad\w*|vecka|veckan|"
    r"dag|dagen|dygn|timme|timmen|years?|months?|weeks?|days?|hours?)\b",
    re.I,
)
# Promptness as rules write it: a word, or a limit in numbers ("inom två veckor").
_PROMPT = re.compile(
    r"\b(?:omgående|omedelbart|snarast\w*|genast|direkt|skyndsamt|utan (?:onödigt )?dröjsmål|"
    r"samma dag|inom (?:skälig|rimlig) tid|immediately|promptly|without (?:undue )?delay|"
    r"as soon as|same day|within (?:a )?reasonable time)\b|"
    rf"\b(?:inom|senast|within|at the latest|no later than)\s+{_NUMBER}\b|"
    # how fast something changes is a rate: "halveras vart fjärde år", "med 5 procent per år"
    r"\b(?:halver\w*|fördubbl\w*|halved|doubled?|halving|doubling)\b|"
    r"\b(?:var|vart|varje)\s+(?:annan|annat|tredje|fjärde|femte|sjätte|sjunde|åttonde|tionde)\s+"
    r"(?:år|månad|vecka|dag|kvartal)|\bper\s+(?:år|månad|vecka|dag)\b|"
    r"\bom\s+(?:året|månaden|dagen)\b|"
    r"\b(?:a|per) (?:year|month)\b",
    re.I,
)
_AREA = re.compile(
    rf"\b{_NUMBER}\s*(?:kvm|m2|kvadratmeter|kvadrat|square met\w+|sq\.? ?m|sqm)\b|"
    rf"\b{_NUMBER}\s*m²",
    re.I,
)
_LENGTH = re.compile(
    rf"\b{_NUMBER}\s*(?:km|m|cm|mm|dm|mil|meter|metres?|meters?|centimeter\w*|millimeter\w*|"
    rf"decimeter\w*|kilometer\w*|feet|foot|ft|inch\w*)(?![²2\w])",
    re.I,
)


def dimension_asked(folded: str) -> str | None:
    """The dimension the (folded) question asks a measure in ("length", "length_or_sum",
    "length_or_period", "area", "mass", "volume", "rate", "promptness", "kept", "unit <unit>", or a
    period's unit:
    "days", "weeks", "months", "years", "hours"); None when it names a sum or a time (but for
    promptness: "Hur snabbt ska avgiften betalas?"), or asks no dimension."""
    if _FAST.search(folded):
        return "promptness"
    if kept_asked(folded):
        return "kept"
    if _RATE_ASKED.search(folded):
        return "rate"
    if _AREA_ASKED.search(folded):
        return "area"
    if _METRES_ASKED.search(folded):
        return "length"
    if m := _MEASURED_ASKED.search(folded):
        return "mass" if m.group("mass") else "volume"
    if m := _IN_UNIT.search(folded):
        return "unit " + m.group("unit")
    if m := _PERIOD_ASKED.search(folded):
        return _PERIOD_UNIT_OF[m.group("sv") or m.group("en")]
    if _NOT_A_LENGTH.search(folded):
        return None
    if _DEEP_WIDE.search(folded) or _LENGTH_NOUN.search(folded):
        return "length"
    if _HIGH.search(folded):
        return "length_or_sum"
    if _LONG.search(folded):
        return "length_or_period"
    return None


def dimension_found(dimension: str, text: str) -> bool:
    """Does ``text`` (as written) hold a number in the ``dimension`` (``dimension_asked``)?"""
    if dimension == "promptness":
        return bool(_PROMPT.search(text)) or answer_type_found("duration", [text])
    if dimension == "kept":
        return kept_found(text)
    if dimension == "area":
        return bool(_AREA.search(text))
    if dimension == "rate":
        return bool(_RATE.search(text))
    if dimension.startswith("unit "):
        unit = dimension[5:]
        spelled = _UNIT_SPELLED.get(unit, re.escape(unit).replace("m3", "m[3³]"))
        return bool(re.search(rf"\d\s*(?:{spelled})(?!\w)", text, re.I))
    if dimension in _MEASURE_UNITS:
        return bool(re.search(rf"\b{_NUMBER}\s*(?:{_MEASURE_UNITS[dimension]})(?!\w)", text, re.I))
    if dimension in _PERIOD_UNITS:
        return bool(re.search(rf"\b{_NUMBER}\s*(?:{_PERIOD_UNITS[dimension]})\b", text, re.I))
    if _LENGTH.search(text):
        return True
    if dimension == "length_or_sum":
        return money_found(text) or bool(_SHARE.search(text))
    # "ca 25 tim / månad" is a rate, not how long something lasts.
    return dimension == "length_or_period" and answer_type_found(
        "duration", [_TIME_RATE.sub(" ", text)]
    )


def dimension_absent(folded: str, best: Sequence[Any], candidates: Sequence[Any]) -> bool:
    """Does the (folded) question ask a dimension that none of the ``best`` sentences (those a
    quote reaches), nor their neighbours among ``candidates``, holds as they would be quoted?
    False when it asks none."""
    dimension = dimension_asked(folded)
    if dimension is None or yes_no(folded):
        return False
    read = [*best, *(n for c in best for n in neighbours(c, candidates))]
    thing = _measured_thing(folded)
    return not any(
        dimension_found(dimension, text) and (not thing or _names_thing(thing, text))
        for c in read
        if (text := without_references(in_context(c)))
    )


def _measured_thing(folded: str) -> str:
    """The thing a Swedish (folded) question measures by a unit of mass or volume, the word after
    the unit ("hur många mikrogram jod …" -> "jod"); "" when none is named or it is English."""
    m = _MEASURED_ASKED.search(folded)
    if m is None or m.group(0).startswith("how") or not m.group("thing"):
        return ""
    thing = m.group("thing")
    return "" if thing in _NOT_A_THING or len(thing) < 3 else thing


def _names_thing(thing: str, text: str) -> bool:
    """Does ``text`` name ``thing`` (folded), as a word or a compound's part ("d-vitamin",
    "järntabletter")?"""
    if "-" in thing:  # "d-vitamin" is not "A-vitamin": the whole word, compounds on it too
        return bool(re.search(rf"(?<![\w-]){re.escape(thing)}", fold(text).casefold()))
    wanted = terms(thing) or [thing]
    said = [fold(t) for t in terms(text)]
    return any(
        compound_match(fold(w), t) or compound_match(t, fold(w)) for w in wanted for t in said
    )
