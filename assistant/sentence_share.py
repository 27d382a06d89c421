"""Does ONE sentence hold the question AND its answer type? A signal of the answer-or-refuse
decision (``features.typed_share``).

An on-topic question the texts do not answer ("Vad kostar ett ID06-kort?" over a text that says
what ID06 is, and elsewhere what a permit costs) has its words and its answer type spread over
the read sentences: the topic in one, an amount in another. The union of the best sentences
then holds it all (``features.word_overlap``, ``type_found``), while no single sentence does.
And the words that tell it apart are the specific ones: a read passage about special housing
uses "boende" and "kommun" everywhere, "brandskyddskontroll" nowhere; missing the word the read
sentences rarely use says more than missing the one they all use.

- ``term_weights``: each wanted word's weight among the read sentences, an inverse sentence
  frequency (compound parts count: "timvikarie" is found in "timvikarier");
- ``measure_wanted``: the question asks for a measure, rate or frequency ("Hur djupt …",
  "Vilken räntesats …", "How tall …"), which ``intent.wanted_answer`` leaves untyped: a number;
- ``typed_share``: among the best sentences whose quote holds the wanted answer type, the best
  one's weighted share of the question's words, read in the quote and the heading it stands
  under (``sentence_context``; every best sentence counts when no type is wanted; 0 when none
  holds the type).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .compounds import compound_match
from .counted import uncounted
from .folding import fold
from .frequency import frequency_found, often_asked
from .lexical import terms
from .sentence_context import InContext, read_in_context, refers_up
from .signals import WRITTEN_NUMBERS, answer_type_found
from .yes_no import opens_who_or_which, opens_with_verb, yes_no

# Pairs a wanted stem with a found one: ``compounds.compound_match``, or a stricter reading.
Match = Callable[[str, str], bool]

__all__ = [
    "age_answered",
    "asked_stems",
    "best_typed",
    "holds",
    "measure_wanted",
    "opens_with_verb",
    "specific_terms",
    "stems",
    "term_weights",
    "topic_text",
    "typed_contexts",
    "typed_share",
    "wants_number",
    "weighted_share",
    "yes_no",
]

# A question asking for a measure or a rate, which ``intent.wanted_answer`` leaves untyped: its
# answer is a number ("Hur djupt …", "Vilken räntesats …", "How tall …", "What is the fee …").
# Swedish nouns are matched by their head, so compounds count ("timlön", "dröjsmålsränta").
_MEASURE_HEADS = (
    r"avgift|pris|kostnad|lon|ranta|rantesats|sats|belopp|summa|varde|procent|niva|antal|alder|"
    r"storlek|hojd|langd|bredd|djup|matt|arvode|taxa|"
    # a dose ("Vilken startdos …?", "Vilken är den högsta dygnsdosen …?"): an amount in mg
    r"dos|"
    # a number that identifies ("Vilket versionsnummer …?") is answered by one
    r"nummer|numret"
)
_MEASURE = re.compile(
    r"\bhur (?:stor|stort|stora|hog|hogt|hoga|lang|langt|langa|djup|djupt|bred|brett|tjock|"
    r"gammal|gamla|ofta|tung|tungt|varm|varmt|kallt)\b|"
    # "Vilken lägsta garanterade ränta …" (a second word between only an adjective's form, so
    # "Vilka kommuner betalar avgiften?" asks no sum), "Vilken är den högsta avgift …"
    rf"\b(?:vilken|vilket|vilka)\s+(?:\w+\s+)?(?:\w+(?:a|e)\s+)?[\w-]*(?:{_MEASURE_HEADS})(?:en|er|na|et|n)?\b|"
    rf"\b(?:vilken|vilket|vilka) (?:ar|blir|var) (?:den|det|de) (?:\w+ )?(?:hogsta|lagsta|"
    rf"storsta|minsta|maximala|lagre|hogre) [\w-]*(?:{_MEASURE_HEADS})(?:en|er|na|et|n)?\b|"
    r"\bhow (?:big|large|high|tall|deep|wide|long|often|old|far|heavy|thick|warm)\b|"
    # a share, a ratio or a coefficient too ("What was the exact Gini coefficient …?"). Not the
    # Swedish "Vad är andelen/kostnaden …?": asking so, measured in the fifty-fourth session, one
    # blind set's answerable question was refused and no blind set gained.
    r"\bwhat (?:is|are|was|were) the (?:\w+ ){0,2}?(?:fee|price|cost|rate|amount|salary|wage|"
    r"percentage|height|length|width|depth|size|age|maximum|minimum|limit|budget|version number|"
    r"share|proportion|ratio|coefficient|life expectancy|dose|dosage)s?\b|"
    r"\bwhat (?:\w+ )?(?:dose|dosage)s?\b"
)

# Words that say what kind of answer is wanted (a measure, a cost, a time) or frame the asking,
# not what it is about. Stemmed and folded as ``lexical.terms`` and ``fold`` make them.
_GENERIC = frozenset(
    fold(t)
    for t in terms(
        "får få fick ska skall måste kan kunde bör behöver kostar kosta kostade stor stort stora "
        "hög högt höga lång långt långa länge djup djupt bred brett ofta gammal gamla tung tungt "
        "mycket många tid tidigt senast längst högst minst störst kort snabbt göras gör görs "
        "gjort gjorts gjorde gjordes "
        # a bound asked, like "högst" and "längst": "Hur länge kan … som mest ligga kvar?"
        "mest max maximalt maximal maximala most maximum "
        "finns fanns cost costs much many long big large high tall deep wide often old far heavy "
        "take takes need needs can may must should will does do get heter hette kallas name named "
        "called "
        # "Hur lång tid tar …?" asks how long something takes, as "take" does in English
        "tar ta tog tagit "
        # how usual, not what: "Hur länge brukar ett tillstånd gälla?" asks how long it is valid
        "brukar brukade vanligtvis vanligen normalt oftast usually normally typically generally "
        # the kind of number asked: "Vilken nivå …?", "Vilket belopp …?"
        "nivå nivån belopp beloppet summa summan antal antalet level amount "
        # a date's month, like its day and year: "… vid mötet den 19 mars 2025?" (the text
        # writes "vid dagens möte")
        "januari februari mars april maj juni juli augusti september oktober november december "
        "january february march june july august october"
    )
)

_NUMBER_KINDS = ("amount", "duration")
# A number as agreements and answers write it out ("tre kvällar i veckan", "hälften"), which
# the answer-type patterns (digits, or a word before a unit) do not all see.
_WRITTEN = re.compile(
    rf"\b(?:{'|'.join(WRITTEN_NUMBERS)}|hälften|halva|tredjedel\w*|fjärdedel\w*|dubbelt|"
    r"half|third|quarter|double|twice)\b",
    re.I,
)
# "Hur många avdelningar …?" counts things: a number with a unit of measure ("2,8 km", "25
# min", "30 %") measures something else and answers no count — unless the question counts that
# unit itself ("hur många kvadratmeter/timmar/procent …", folded).
_COUNT = re.compile(r"\b(?:hur manga|how many)\b")
_MUCH = re.compile(r"\b(?:hur mycket|vad kostar|how much)\b")
# "Hur gammal är resepolicyn?", "How old is the plan?": a thing's age is answered by the year it
# was made ("policy för resor och transporter från 2015") as much as by a count of years. Not a
# person's ("Hur gammal måste man vara …?": an age in years).
_AGE_OF = re.compile(r"\bhur (?:gammal|gammalt|gamla) ar\b|\bhow old (?:is|are)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME_COUNTED = re.compile(
    r"\b(?:hur manga|how many) (?:\w+ )?(?:minut\w*|timm\w*|sekund\w*|dagar|dygn|veckor|manader|"
    r"arbetsdagar|minutes?|hours?|seconds?|days|weeks|months|working days)\b"
)
_UNIT_COUNTED = re.compile(
    r"\b(?:hur manga|how many) (?:\w+ )?(?:kvadrat\w*|\w*meter|kilo\w*|mil|minut\w*|timm\w*|"
    r"sekund\w*|kronor|kr|procent\w*|ton|liter|dagar|dygn|veckor|manader|ar|square|metres?|meters?|"
    r"kilomet\w*|miles?|minutes?|hours?|seconds?|percent|days|weeks|months|years|litres?)\b"
)
# A figure grouped in thousands is one figure ("1 043 518 km", not "1 043" and a measure), a
# range one measure.
_MEASURED = re.compile(
    # a range is one measure ("15–25 år", "2-3 dagar")
    r"(?:\d+(?:[.,]\d+)?\s*[-–]\s*)?"
    r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)?\s*"
    r"(?:km|m|mil|cm|mm|m2|m²|kvm|min|minuter|h|tim|timmar|kr|kronor|sek|"
    r"tkr|mkr|%|procent|kg|ton|liter|l|m3|m³|kubikmeter|hektar|ha|km2|km²|"
    # an energy or a power counts no things ("Hur många hushåll …?" is not "13508 MWh")
    r"[kmgt]wh|[kmg]w|"
    # A period counts no things either: "Hur många legitimeringstjänster finns?" is not answered
    # by "senast 180 dagar efter …".
    r"dag|dagar|dagarna|dygn|dygnet|vecka|veckor|månad|månader|år|days?|weeks?|months?|years?|hours?)\b",
    re.I,
)


def stems(text: str) -> set[str]:
    """The folded stems of ``text`` (``lexical.terms``, then ``fold``)."""
    return {fold(t) for t in terms(text)}


def asked_stems(
    language: str, query: Any, known: Callable[[str], bool], topic: set[str]
) -> set[str]:
    """The question's words as the Swedish text would write them: read in ``language``, an
    English question's through its rendering (``Query.swedish``), a Swedish one's ``topic`` (its
    folded topic stems)."""
    return stems(query.swedish(known)) if language == "en" else topic


def _parts(word: str) -> tuple[str, ...]:
    """The word, and for a hyphenated compound its stemmed parts ("fel-ansvar" -> "fel",
    "ansv": the text writes "ansvar för dolda fel")."""
    if "-" not in word:
        return (word,)
    return (word, *(fold(t) for part in word.split("-") for t in terms(part)))


def holds(word: str, said: set[str], match: Match = compound_match) -> bool:
    """Does the set of stems ``said`` hold ``word`` (or a hyphenated word's parts), as ``match``
    pairs a wanted stem with a found one (compound parts count by default)?"""
    return any(match(w, s) for w in _parts(word) for s in said)


def term_weights(
    wanted: Iterable[str], sentences: Sequence[str], match: Match = compound_match
) -> dict[str, float]:
    """1 + log((n + 1) / (df + 1)) per wanted (folded) stem, df counted over the ``n``
    sentences (held as ``match`` says): a word in every read sentence weighs 1, one in none
    1 + log(n + 1)."""
    said = [stems(s) for s in sentences]
    n = len(said)
    return {
        w: 1.0 + math.log((n + 1) / (sum(holds(w, s, match) for s in said) + 1)) for w in wanted
    }


def weighted_share(weights: dict[str, float], text: str, match: Match = compound_match) -> float:
    """The weighted share of the wanted stems that ``text`` holds (compounds split, or as
    ``match`` says)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    said = stems(text)
    return sum(w for word, w in weights.items() if holds(word, said, match)) / total


def best_typed(weights: dict[str, float], contexts: Sequence[str], typed: Sequence[bool]) -> float:
    """The best weighted share among the contexts that hold the wanted answer type (``typed``);
    0 when none does."""
    shares = (weighted_share(weights, t) for t, ok in zip(contexts, typed, strict=True) if ok)
    return max(shares, default=0.0)


def measure_wanted(folded: str) -> bool:
    """Does the (folded) question ask for a measure, rate or frequency: a number? Not a "hur
    …" after an opening "vem/vilken X" ("Vem avgör hur ofta …?" asks who)."""
    m = _MEASURE.search(folded)
    if m is None:
        return False
    return not (
        m.start() > 0 and m.group(0).startswith(("hur", "how")) and opens_who_or_which(folded)
    )


def wants_number(wants: str | None, folded: str) -> bool:
    """Is the answer a number: an amount or a duration (``intent.wanted_answer``), or a
    measure the intent leaves untyped (``measure_wanted``)? Not for a yes/no question: the
    cost or fee it names need not stand as a number in its answer ("Ja, en förseningsavgift")."""
    if yes_no(folded):
        return False
    return wants in _NUMBER_KINDS or (wants is None and measure_wanted(folded))


def typed_share(
    wanted: set[str],
    wants: str | None,
    folded: str,
    candidates: Sequence[Any],
    best: Sequence[Any],
) -> float:
    """``best_typed`` over the ``best`` candidates read in context, the question's ``wanted``
    (folded) stems weighted over every candidate sentence read; ``wants`` is the answer type
    the question asks for (``intent.wanted_answer``; a number when it asks for a measure,
    ``measure_wanted`` of the ``folded`` question)."""
    weights = term_weights(wanted, [c.text for c in candidates])
    contexts, typed = typed_contexts(wants, folded, best, specific_terms(wanted))
    return best_typed(weights, contexts, typed)


def specific_terms(wanted: Iterable[str], counted: Iterable[str] = ()) -> set[str]:
    """The (folded) question stems that name its topic: not the kind of answer, not a number.
    A ``counted`` stem (``counted.count_focus``: the thing a "hur många" question counts) is
    topic even where the same word elsewhere names the kind of number asked: "Hur många
    nivåer …?" counts levels, "Vilken nivå …?" asks a figure (a blind set's question, read in
    the fifty-first session)."""
    keep = set(counted)
    return {w for w in wanted if (w not in _GENERIC or w in keep) and not w[:1].isdigit()}


def topic_text(read: InContext, specific: set[str], match: Match = compound_match) -> str:
    """What ``read`` is about: its quote, with its heading when the heading alone holds every
    one of the question's ``specific`` words (as ``match`` says) — the heading then names what
    is asked ("Vad kostar bygglov för altan?" above "Det kostar 500 kr."; a FAQ file
    "Köksrenovering" above "Totalrenovering …: 150 000 SEK"). A heading holding only part of
    the topic lends nothing ("Energideklaration" above a price does not answer what one costs
    *for a business premises*): the rest must then stand in the sentence with the answer."""
    if not specific:
        return read.text
    if read.before or (read.heading and refers_up(read.text)):
        # "2 år är den giltig." under "Nybyggnadskarta", "Giltigt i 2 år …" after "Förhandsbesked
        # är …": a sentence naming no subject of its own is about what stands before it.
        return "\n".join(t for t in (read.heading, read.before, read.text) if t)
    if not read.heading:
        return read.text
    said = stems(read.heading)
    return read.about if all(holds(w, said, match) for w in specific) else read.text


def age_answered(folded: str, text: str) -> bool:
    """Does the (``folded``) question ask a thing's age (``_AGE_OF``) and ``text`` name a year?"""
    return bool(_AGE_OF.search(folded) and _YEAR.search(text))


def typed_contexts(
    wants: str | None, folded: str, best: Sequence[Any], specific: set[str] | None = None
) -> tuple[list[str], list[bool]]:
    """The ``best`` candidates read in context (``topic_text``: with their heading when it
    holds every ``specific`` word of the question), and whether each one's quote holds the
    answer type the (``folded``) question wants (``wants``, or a number for a measure; every
    one when none)."""
    kinds = [wants] if wants else []
    if wants == "duration" and _TIME_COUNTED.search(folded):
        kinds = ["time_count"]
    often = often_asked(folded)
    if wants is None and measure_wanted(folded):
        # "hur ofta": a number or a period ("två gånger per år", "årligen", "varje kvartal")
        kinds = ["amount", "date"] if often else ["amount"]
    read = [read_in_context(c) for c in best]
    count = _COUNT.search(folded)
    # "hur mycket är avgiften … och beror den på hur många mätobjekt …?" asks a sum first: the
    # count in its later clause is what the sum may depend on, not the answer's kind.
    counted = (
        count is not None
        and not _UNIT_COUNTED.search(folded)
        and not _MUCH.search(folded[: count.start()])
    )

    def quote(text: str) -> str:
        # The asker's own figures, and a count of another thing, answer no count (``counted``).
        text = text if "date" in kinds else uncounted(text, folded)
        return _MEASURED.sub(" ", text) if counted else text

    # The kind of answer is read from the quote (a heading's "4.3.1" is no amount), the topic
    # from the heading with it (``sentence_context``).
    typed = [
        not kinds
        or any(answer_type_found(k, [quote(r.text)]) for k in kinds)
        or ("amount" in kinds and bool(_WRITTEN.search(quote(r.text))))
        or (often and frequency_found(r.text))
        or age_answered(folded, r.text)
        for r in read
    ]
    return [topic_text(r, specific or set()) for r in read], typed
