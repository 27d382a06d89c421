"""A question part that leans on the one before it, read from its words alone.

"Vad är Ekomuseum Bergslagen och vem finansierar *det*?", "Who is responsible for the loan
centres and why must *they* exist?", "…, och hur ofta ska *det* göras?": the later part names
no topic of its own, or points back with a pronoun or a place adverb ("den", "det", "dem",
"dess", "där", "it", "they", "there"). Searched alone it finds whatever its verb happens to
meet; it must be asked about the earlier part's topic. A part that names its own topic and does
not point back stands alone ("…, och vem ansvarar för skolbiblioteken?").

Patterns read ``fold``-ed words (no case, no diacritics). ``analyze`` builds the leaning part's
``Query`` from what is found here, and ``conversation`` a follow-up's; nothing else reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .folding import fold
from .frequency import FREQUENCY_WORDS, frequency_found, often_asked
from .intent import document_words
from .lexical import terms
from .signals import answer_type_found, covered

__all__ = [
    "POINTS_AT_DOCUMENT",
    "OwnAsk",
    "back_reference",
    "lean_on",
    "leaning_text",
    "own_ask",
    "phrase_of",
    "topic_words",
    "with_words",
]

_WORD = re.compile(r"[^\W_][\w-]*")

# Words that point back wherever they stand: nothing else is spelt like them.
_ALWAYS = frozenset(["dem", "dess", "deras", "they", "them", "their", "its"])
# "den", "det", "de" are also articles ("den regionala kulturen", "de nationella minoriteterna")
# and "det" a dummy subject ("finns det …", "vad är det för …"): they point back as the last
# word ("vem beslutade den?"), right after a modal verb ("ska det göras", "varför ska de
# finnas") or between another verb and a particle ("trädde den i kraft").
_ARTICLE_LIKE = frozenset(["den", "det", "de"])
_MODALS = frozenset(
    re.findall(
        r"\w+", "ska skall kan kunde far fick maste bor borde vill ville har hade kommer skulle"
    )
)
_PARTICLES = frozenset(re.findall(r"\w+", "i pa till av for om med ut upp in da nu"))
_FINITE = re.compile(r"\w{2,}(?:ar|er|ir|or|de|te|des|tes)")
_DUMMY = re.compile(
    r"\b(?:finns|fanns|funnits) det\b|\bdet (?:finns|fanns)\b|\b(?:ar|var) det (?:for|med)\b"
)
# Demonstratives point back only when nothing follows them ("vem beslutade detta?").
_LAST_ONLY = frozenset(["detta", "dessa", "denna", "this", "that", "these", "those"])
# Place adverbs point back near the end ("vem är kontaktperson där?"); "there is/are" is a dummy.
_PLACE = frozenset(["dar", "dit", "there"])
_PLACE_AS = {"dar": "för", "dit": "till", "there": "for"}
_EN_DUMMY = re.compile(r"\b(?:is|are|was|were) there\b|\bthere (?:is|are|was|were)\b")
# "it" is a dummy before an adjective with a clause ("is it possible to …"); else it points back.
_IT_DUMMY = re.compile(r"\bit (?:is|was) (?:possible|necessary|allowed|true)\b")
# "de som bor här", "those who …": a new referent, not a back-reference.
_RELATIVE = frozenset(["som", "who", "which", "that"])

# Back-references that may mean the earlier part's document rather than its topic: "Vad säger
# bibliotekslagen om avgifter och när trädde *den* i kraft?".
POINTS_AT_DOCUMENT = frozenset(["den", "det", "dess", "denna", "detta", "it", "its", "this"])

# Where a question's topic phrase starts: after its last preposition ("Vem ansvarar *för*
# folkbiblioteken", "Who is responsible *for* the loan centres").
_PREPOSITIONS = frozenset(
    re.findall(
        r"\w+",
        "for om i pa med kring inom till av vid at about for in on with within regarding of to",
    )
)


def back_reference(text: str) -> str | None:
    """The word (folded) by which a question part points back at an earlier one, if any."""
    words = _WORD.findall(fold(text).casefold())
    joined = " ".join(words)
    for i, word in enumerate(words):
        last = i == len(words) - 1
        after = None if last else words[i + 1]
        if after in _RELATIVE:
            continue
        if word in _ALWAYS or (word in _LAST_ONLY and last):
            return word
        if word in _PLACE and i >= len(words) - 2 and not _EN_DUMMY.search(joined):
            return word
        if word == "it" and not _IT_DUMMY.search(joined):
            return word
        if word in _ARTICLE_LIKE and _points_back(words[i - 1] if i else "", after):
            if word == "det" and _DUMMY.search(joined):
                continue
            return word
    return None


def _points_back(before: str, after: str | None) -> bool:
    """Is an article-like "den/det/de" between these words a pronoun?"""
    if after is None or before in _MODALS:
        return True
    return bool(_FINITE.fullmatch(before)) and after in _PARTICLES


def topic_words(text: str, topic: Iterable[str]) -> list[str]:
    """The words of ``text`` (as written) whose stems are all among ``topic``, in order, once."""
    wanted = set(topic)
    found: list[str] = []
    for word in _WORD.findall(text):
        stems = terms(word)
        if stems and set(stems) <= wanted and word not in found:
            found.append(word)
    return found


# A word that only dates ("september", "2025", "hösten"); ``time_words`` is not imported here
# (it reads the question's language through ``query``, which imports this module).
_TIME_WORD = re.compile(
    r"(?:19|20)\d\d|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december|january|february|march|june|july|august|october|"
    r"våren|hösten|sommaren|vintern|spring|autumn|summer|winter",
    re.I,
)


def phrase_of(text: str, topic: Iterable[str]) -> tuple[str, list[str]]:
    """(what ``text`` asks about, read as a phrase; the rest of its topic words): the topic
    words after its last preposition ("Vem ansvarar för *folkbiblioteken*"), else all of them."""
    wanted = set(topic)
    words = [w for w in _WORD.findall(text) if fold(w).casefold() not in document_words()]
    cut = max((i for i, w in enumerate(words) if fold(w).casefold() in _PREPOSITIONS), default=-1)
    every = topic_words(text, wanted)
    tail = topic_words(" ".join(words[cut + 1 :]), wanted) if cut >= 0 else []
    if tail and all(_TIME_WORD.fullmatch(w) for w in tail):
        # "Var höll nämnden sitt sammanträde i september 2025, och när pågick det?": a time
        # after the last preposition dates what is asked about, it is not that thing ("När
        # pågick september 2025?" was asked).
        tail = []
    head = tail or every
    return " ".join(head), [w for w in every if w not in head]


def lean_on(part: str, reference: str | None, earlier: str, topic: Iterable[str]) -> str:
    """``part`` asked about what ``earlier`` asks about (its topic stems ``topic``): its topic
    phrase, or all its topic words when the phrase is already in the part ("…lend free of
    *charge*?", "and what may they *charge* for?")."""
    head, rest = phrase_of(earlier, topic)
    asked = leaning_text(part, reference, head)
    if asked == part and rest:
        asked = leaning_text(part, reference, " ".join([head, *rest]))
    return asked


def leaning_text(part: str, reference: str | None, phrase: str) -> str:
    """The part asked about ``phrase``: the back-reference replaced by it ("vem finansierar
    Ekomuseum Bergslagen?"), or ``phrase`` added at the end when nothing points back."""
    present = {fold(w).casefold() for w in _WORD.findall(part)}
    phrase = " ".join(w for w in phrase.split() if fold(w).casefold() not in present)
    return _leaning_text(part, reference, phrase)


def _leaning_text(part: str, reference: str | None, phrase: str) -> str:
    if not phrase:
        return part
    if reference is not None:
        pattern = re.compile(rf"(?<![\w-]){re.escape(reference)}(?![\w-])")
        # Found in the folded part, replaced at the same place in the part as typed (folding
        # keeps a word's length, so the offsets agree when the lengths do).
        folded = fold(part).casefold()
        if len(folded) == len(part):
            spots = list(pattern.finditer(folded))
            if spots:
                m = spots[-1] if reference in _PLACE else spots[0]
                # "där"/"there" stands for a place or a body: "kontaktperson *för* biblioteken".
                said = f"{_PLACE_AS[reference]} {phrase}" if reference in _PLACE else phrase
                return f"{part[: m.start()]}{said}{part[m.end() :]}"
    return with_words(part, [phrase])


def with_words(text: str, extra: Iterable[str]) -> str:
    """``text`` with ``extra`` words added before its closing punctuation."""
    added = " ".join(w for w in extra if w)
    if not added:
        return text
    body = text.rstrip(" ?!.")
    return f"{body} {added}{text[len(body) :].strip() or ''}"


# --- what a leaning part asks of its own -------------------------------------------------------

# Words that carry no ask of their own ("hur stor *får* den vara", "what *should* they be").
_AUXILIARIES = (
    "får få kan kunna ska skall bör måste vara är var göra göras gör gjorde sker ske skedde "
    "may must should can could would will be is are was were do does did happen happens happened"
)


@lru_cache(maxsize=1)
def _auxiliaries() -> frozenset[str]:
    return frozenset(fold(t) for t in terms(f"{_AUXILIARIES} {FREQUENCY_WORDS}"))


@dataclass(frozen=True)
class OwnAsk:
    """What a part that leans on an earlier one asks beyond the topic it inherits.

    The inherited topic is in the passages by construction (the earlier part was just answered
    from them), so it says nothing about whether the text answers *this* part: its own words
    must stand in what is quoted for it ("hur stor får den vara?" needs a size, not the fee
    sentence again). ``terms``: its content words, folded stems (an English part's through its
    Swedish rendering); ``wants``: the answer type it wants; ``frequency``: it asks how often.
    """

    terms: tuple[str, ...] = ()
    wants: str | None = None
    frequency: bool = False
    by_type: bool = False  # English: a wanted answer type decides; the rendering misses senses

    def held_by(self, text: str, earlier_answered: bool = True) -> bool:
        """Does a quoted text answer the part's own ask? ``earlier_answered``: was the part
        it leans on answered (is its topic in the texts at all)?"""
        if self.frequency and not frequency_found(text):
            return False
        # Its own words decide when it has any ("vem *finansierar* det?" is answered by who
        # "delfinansierar", whatever the answer type's pattern makes of the sentence); else the
        # answer type ("och när ska det ske?"). An English part's rendering misses senses
        # ("funds" -> "medel"), so a wanted answer type decides for it instead — only where
        # the earlier part's topic was found: "who pays for it?" after a question the texts do
        # not answer finds a municipality in almost any sentence.
        lenient = self.by_type and self.wants is not None and earlier_answered
        if self.terms and not lenient:
            return covered(self.terms, {fold(t) for t in terms(text)}) > 0
        return not self.wants or answer_type_found(self.wants, [text])


def own_ask(part_text: str, topic: Iterable[str], wants: str | None, rendered: str = "") -> OwnAsk:
    """The ask of a part's own words (``topic``: its topic stems, fact words included; for an
    English part, ``rendered`` is its Swedish rendering, whose stems are what the text can hold)."""
    source = [fold(t) for t in terms(rendered)] if rendered else [fold(t) for t in topic]
    own = tuple(dict.fromkeys(t for t in source if t not in _auxiliaries()))
    asks_often = often_asked(fold(part_text))
    return OwnAsk(own, wants, asks_often, by_type=bool(rendered))
