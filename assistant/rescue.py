"""Quotes rescued: when the chosen sentences lack the kind of answer asked for (``absent_kind``)
but a sentence beside them holds it and is about what is asked, they are quoted together instead
of refusing (README "Answer or refuse", eleventh, sixteenth and twenty-ninth sessions).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from .absent_kind import QUOTED, absent_kind
from .candidates import DATELINE_WORDS, Candidate, with_typed
from .counted import count_focus
from .folding import fold
from .frequency import frequency_found
from .one_sentence import about_topic, shares_topic_words, topic_share
from .query import Query
from .sentence_context import neighbours, read_in_context
from .signals import in_context, number_near, without_references

__all__ = ["typed_about", "typed_rescue"]


# A sentence opening by pointing back at the one before: its continuation, about what it is about.
_CONTINUES = re.compile(
    r"(?:då|detta|dessa|därför|därmed|eftersom|annars|så|this|then|these|otherwise|therefore|"
    r"thus)\b",
    re.I,
)


# A sentence giving the same measure as the one before, for another year or place: "… hade
# motsvarande siffra ökat till 84 procent", "Samma andel var …", "The corresponding figure …".
_SAME_MEASURE = re.compile(
    r"\b(?:motsvarande|samma|densamma|detsamma|corresponding|the same)\b", re.I
)


def typed_about(
    typed: list[Candidate], chosen: list[Candidate], candidates: list[Candidate], absent: str
) -> str:
    """What the last quote (the one holding the kind asked for) is about: the quote under its
    heading (``sentence_context``); a frequency added beside a quote read with the quoted
    sentence it follows ("Uppföljning av SIP … regelbundet …" then "Det är den enskildes behov
    som styr hur ofta uppföljning ska göras, men bör ske minst en gång per år."), which it
    continues: alone it names no plan; a dateline after a quote the same ("Stockholm den 18
    april 2013" after "Regeringen överlämnar denna proposition till riksdagen."). The same for
    the sentence after one restating the question (``_with_next``) when it opens by pointing back
    at it (``_CONTINUES``: "Då minskar risken …"); else it must be about what is asked by itself."""
    last = typed[-1]
    about = read_in_context(last).about
    quoted = {id(c) for c in chosen}  # by identity: a Candidate holds a vector
    if absent not in ("frequency", "restated", "time") or id(last) in quoted:
        return about
    if absent == "restated" and not _CONTINUES.match(last.text):
        return about
    if absent == "time" and len(last.text.split()) > DATELINE_WORDS:
        return about
    follows = [c for c in neighbours(last, candidates) if id(c) in quoted and c.end <= last.start]
    return f"{read_in_context(follows[0]).about}\n{last.text}" if follows else about


def _with_next(chosen: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
    """The first quote with the sentence after it in its passage: "Varför är det bra att inte
    öka för mycket i vikt?" quoted "Men det är bra att inte öka för mycket i vikt.", the
    question's premise; the reason follows ("Förlossningen kan bli lättare om …")."""
    first = chosen[0]
    after = [c for c in neighbours(first, candidates) if c.start >= first.end]
    return [first, after[0]] if after else chosen


def typed_rescue(
    query: Query,
    absent: str,
    chosen: list[Candidate],
    candidates: list[Candidate],
    known: Callable[[str], bool],
    time: bool,
) -> list[Candidate] | None:
    """The sentences to quote when ``chosen`` lacks the ``absent`` kind of answer
    (``absent_kind``) but a sentence of the first quote's passage holds it (``with_typed``) and,
    read under its heading, is about what is asked (``one_sentence.about_topic``): "Med det menas
    att fastighetsgränserna …" chosen, "2 år är den giltig." beside it. None when none does; a
    sum asked by its price never (README "Answer or refuse", eleventh and sixteenth sessions).
    For a missing time a quoted sentence below the best that holds it and the event's verb
    answers too (``_states_event``; README, twenty-ninth session); a quote that only restates an
    open question, with the sentence after it (``_with_next``); for a missing count, one of the
    best sentences that holds it beside the thing counted and is about what is asked; for
    another missing number, one of them that holds it and is about what is asked word for word,
    quoted beside the best (``_number_below``); for how often, any read sentence that says it
    and, in context, is as much about what is asked (``_often_below``); for a year the question
    names, one of the best sentences scored at least as high as the first quote that names it,
    quoted alone, or the sentence after the first quote giving the same measure for it, quoted
    with it. ``known``: the corpus vocabulary; ``time``: ``Settings.refuse_absent_time``."""
    if absent == "money":
        return None
    if absent == "year":
        # "… vid slutet av 2024?": the fitted choice put a footnote on other years first and
        # passed over the better-scored "Vid utgången av 2024 hade fler än 70 kommuner …" (a
        # read blind set's question; it was refused). Its words are the question's synonyms
        # ("utgången", "folkmängd"), so the word share of ``_number_below`` misses it: the
        # answerer's own score (closeness and overlap) must be at least the first quote's, and
        # it is quoted alone, the first quote being another year's.
        best = sorted(candidates, key=lambda c: -c.score)[:QUOTED]
        quoted = {id(c) for c in chosen}
        year = next(
            (
                [c]
                for c in best
                if id(c) not in quoted
                and c.score >= chosen[0].score
                and absent_kind(query, [c], time=time) is None
            ),
            None,
        )
        if year is not None:
            return year
        # "Vid utgången av 2023 uppgick andelen … till 80 procent. Vid utgången av 2024 hade
        # motsvarande siffra ökat till 84 procent.": the year asked in the sentence right after
        # the first quote, which gives the same measure for it (``_SAME_MEASURE``) or points
        # back at it: both quoted, the second scored lower for its pointing words (a read
        # blind set's question, sixty-sixth session).
        after = [c for c in neighbours(chosen[0], candidates) if c.start >= chosen[0].end]
        if after and (_SAME_MEASURE.search(after[0].text) or _CONTINUES.match(after[0].text)):
            pair = [chosen[0], after[0]]
            if absent_kind(query, pair, time=time) is None:
                return pair
    typed = (
        _with_next(chosen, candidates)
        if absent == "restated"
        else with_typed(query, chosen, candidates)
    )
    texts = [c.text for c in candidates]
    if absent_kind(query, typed, time=time) is None:
        about = typed_about(typed, chosen, candidates, absent)
        return typed if about_topic(query, about, texts, known) else None
    if absent == "number":
        return _number_below(query, count_focus(query.folded), chosen, candidates, known, time)
    if absent == "name":
        # "Till vilken myndighet …?": the fitted choice put "1 § Tillstånd krävs …" first and
        # passed over the runner-up naming the body ("… ska ställas till
        # Strålsäkerhetsmyndigheten …"), as it passes over a number (a read blind set's
        # question; it was refused). As a count is: the runner-up at least as much about what
        # is asked as the best sentence (sharing one word with it let three blind sets'
        # questions be answered, two wrongly, measured in the fifty-fourth session).
        return _number_below(query, None, chosen, candidates, known, time, as_much=True)
    if absent == "frequency":
        return _often_below(query, chosen, candidates, known)
    if absent != "time":
        return None
    # A "when" rule reads only the best sentence by score: a quoted one below it that holds the
    # time by itself, states the event asked about in its own verb and is about what is asked
    # answers as well ("Detta ställningstagande har fastställts … den 16 mars 2023." after the
    # sentence naming the stance; not "… utgår från … plan 2019–2022 samt … kommande
    # kulturstrategi" for "När antogs kulturstrategin?").
    for c in typed:
        if (
            _states_event(query.folded, c.text)
            and absent_kind(query, [c], time=time) is None
            and about_topic(query, read_in_context(c).about, texts, known)
        ):
            return typed
    return None


def _number_below(
    query: Query,
    counted: set[str] | None,
    chosen: list[Candidate],
    candidates: list[Candidate],
    known: Callable[[str], bool],
    time: bool,
    as_much: bool = False,
) -> list[Candidate] | None:
    """A count ("hur många …?", of the ``counted`` stems) lacking in the best sentence, from a
    runner-up among the ``QUOTED`` best that holds it beside the thing counted, is about what
    is asked, is as much about it as the best sentence (each read as a sentence: a heading they
    share names for both) and names the question's names the best one names. "Avtal kommer att
    tecknas med en (1) leverantör …" answers "Med hur många leverantörer …?" below "… tecknas
    med antagen Leverantör … tidigast tio (10) dagar …" (whose number counts days:
    ``counted``); "… en (1) leverantör för uppdraget." does not answer it below "Regionen
    tecknar varje år avtal med många olika leverantörer …", nor "Byggföretagen … med ca 3 700
    medlemsföretag." "How many member companies does TakCentrum have?".

    A number that counts nothing (``counted`` None: a period, a measure, a share) comes from a
    runner-up that is about what is asked and holds a word of the question that the best
    sentence holds too, as itself (``shares_topic_words``: "arbetet" holds no "arbetsgivare";
    two words of an English question); it is quoted after the best sentence, which names what
    the number is of: "41 § Arbetsgivaren ska föra ett register …" with "Enligt 3 § … ska
    arbetsgivaren förvara register under minst 40 år …" for "For how long must the employer
    keep the register …?" (a blind set's question; it was refused). ``as_much``: such a
    runner-up must be as much about what is asked as the best sentence, as for a count."""
    texts = [c.text for c in candidates]
    quoted = {id(c) for c in chosen}
    bar = topic_share(query, chosen[0].text, texts, known)
    best = chosen[0].text.casefold()
    names = [n.casefold() for n in getattr(query, "names", ()) if n.casefold() in best]
    focus = {fold(t) for t in counted or ()}
    for c in sorted(candidates, key=lambda c: -c.score)[:QUOTED]:
        if (
            id(c) not in quoted
            and absent_kind(query, [c], time=time) is None
            and about_topic(query, read_in_context(c).about, texts, known)
            and (
                topic_share(query, c.text, texts, known) >= bar
                if focus or as_much
                else shares_topic_words(query, chosen[0].text, c.text, known)
            )
            and all(n in c.text.casefold() for n in names)
            and (not focus or number_near(focus, c.text))
        ):
            return [c] if focus else [chosen[0], c]
    return None


def _often_below(
    query: Query, chosen: list[Candidate], candidates: list[Candidate], known: Callable[[str], bool]
) -> list[Candidate] | None:
    """How often, lacking in the best sentences, from any read sentence that says how often
    (``frequency_found``) and, read in context (a list item under its lead and heading), is at
    least as much about what is asked as the best sentence: "återbesök minst var tredje månad
    …", an item under "Vid varje besök (minst var tredje månad):" in a list of what a
    children's team offers, ranked sixth, for "hur ofta ska ett barn … ha återbesök hos
    barndiabetesteamet?" (a blind set's question; it was refused)."""
    texts = [c.text for c in candidates]
    bar = topic_share(query, read_in_context(chosen[0]).about, texts, known)
    for c in sorted(candidates, key=lambda c: -c.score):
        about = read_in_context(c).about
        if (
            frequency_found(without_references(in_context(c)))
            and about_topic(query, about, texts, known)
            and topic_share(query, about, texts, known) >= bar
        ):
            return [c]
    return None


# The event a Swedish "när …?" asks the time of, by its verb ("När fastställdes …?").
# "När och på vilket sätt justerades …?", "När och var hölls …?": a second question phrase
# joined to "när" comes before the verb.
_EVENT_VERB = re.compile(
    r"^nar (?:och (?:(?:pa|i|med|av) )?(?:hur|var|varifran|vem|vilket satt|vilk\w+ \w+) )?"
    r"(\w{4,})\b"
)
_SAME_VERB = 5  # letters a form of the verb shares with it ("fastställdes", "fastställts")


def _states_event(folded: str, text: str) -> bool:
    """Does ``text`` hold a form of the verb the (folded) "när …?" question opens with?"""
    m = _EVENT_VERB.match(folded.strip())
    if m is None:
        return False
    verb = m.group(1)
    return any(len(os.path.commonprefix([verb, w])) >= _SAME_VERB for w in fold(text).split())
