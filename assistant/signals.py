"""Evidence signals e5 does not carry: does the cited sentence hold what the question asks?

A question can share its topic with a passage and still ask for a fact the passage does not
state ("Vilken timlön får en timvikarie …?" over a text that only says how substitutes are
booked). The cosine sees the topic; these signals look at the words:

- **focus**: the thing asked for, the noun after the question word ("vilken *timlön*", "how many
  *visitor parking spaces*", "what is the *deadline*"), must be in the cited sentence or its
  context (an English focus through its Swedish rendering);
- **context coverage**: the share of the question's topic words in the best sentences read with
  their context (a list's lead-in with its items, a fragment with its sentence), words matched
  after folding and compound splitting ("timlön" meets "lön" as its head, "vikarie" meets
  "timvikarie" as a part);
- **numbers**: numbers the question states are in the cited sentences;
- **type fit**: the answer type the question wants (a date for "när", an amount for "hur
  mycket") is in the best sentence's context, not only somewhere among the candidates.

``features.measure`` turns them into features of the fitted decision. What an answer of each
type looks like in a text is ``answer_found``'s (re-exported here).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .answer_found import WRITTEN_NUMBERS, answer_type_found, without_references
from .bilingual import swedish_rendering
from .compounds import compound_match
from .folding import fold
from .lexical import terms, uses_word
from .sentence_context import quote_of

__all__ = [
    "answer_type_found",
    "compound_match",
    "covered",
    "focus_terms",
    "in_context",
    "number_near",
    "numbers",
    "numbers_agree",
    "rendering",
    "WRITTEN_NUMBERS",
    "without_references",
]

# The question word and what may stand between it and the thing asked for.
_SV_FOCUS = re.compile(
    r"\b(?:vilken|vilket|vilka|hur manga|hur mycket|hur stor\w*|hur lang\w*|hur ofta|"
    r"hur hog\w*)\s+((?:\w+\s+){0,3}\w+)"
)
_EN_FOCUS = re.compile(
    r"\b(?:which|what|how many|how much|how often|how high|how large)\s+((?:\w+\s+){0,4}\w+)"
)
# Words that may follow the question word without naming the thing asked for.
_SKIP = frozenset(
    re.findall(
        r"\w+",
        "is are was were the a an does do did of kind kinds type types sort sorts form forms slags "
        "slag typ typer sorter former av ar var ska skall har hade kan far maste bor behover galler "
        "finns sa gang ganger tidigare level levels niva nivan",
    )
)
# The answer type itself, not a thing asked for: "hur lång tid", "on what date", "vilket år".
# Words naming the answer's type, not a thing to find: "Vilken tidsperiod gäller planen för?" is
# answered by "gäller 2010-2020", which need not repeat "tidsperiod".
_TYPE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "tid tidpunkt date datum year years time dag dagar period perioden tidsperiod "
        "tidsperioden tidsram tidsramen tidrymd period periods "
        # a share or a sum names the kind of answer, not a thing ("Hur stor andel av
        # programmet …?" is answered by "85 procent av programmet")
        "andel andelen procentandel procentandelen belopp beloppet summa summan "
        "share proportion percentage amount",
    )
)
_EN_STOP = frozenset(
    re.findall(
        r"\w+",
        "for in on at to by of from with about does do did is are was be must should can will "
        "that which who when where the a an and or",
    )
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_EN_BE = frozenset(("is", "are", "was", "were"))
_EN_PARTICIPLE = re.compile(
    r"\w{3,}ed|meant|done|given|made|paid|known|shown|taken|held|sent|kept|said|told|seen|"
    r"written|built|spent|found|chosen|set"
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def focus_terms(
    text: str,
    language: str,
    render: Callable[[str], str] | None = None,
    topic: Iterable[str] | None = None,
) -> set[str]:
    """Stems (not folded) of what the question asks for; empty when it asks no "which/how
    many" thing. ``render`` gives an English phrase's Swedish words (``bilingual``); ``topic``
    (the Query's topic terms) keeps out frame words, numbers and party names ("vilka *två*
    organisationer", "what did *Ludvika* commit to")."""
    allowed = set(topic) if topic is not None else None
    pattern = _EN_FOCUS if language == "en" else _SV_FOCUS
    original = _words(text.casefold())
    folded = [fold(w) for w in original]
    m = pattern.search(" ".join(folded))
    if m is None:
        return set()
    # The words after the question word, as typed (the patterns read the folded copy).
    first = len(_words(" ".join(folded)[: m.start(1)]))
    words = list(zip(folded[first:], original[first:], strict=False))[: len(_words(m.group(1)))]
    passive = False
    while words and words[0][0] in _SKIP:
        passive = passive or words[0][0] in _EN_BE
        words = words[1:]
    if words and words[0][0] in _TYPE_WORDS:
        return set()
    if language == "en" and passive and words and _EN_PARTICIPLE.fullmatch(words[0][0]):
        # "What is required/meant/included …" asks what a verb covers (Swedish "Vad krävs …",
        # which has no focus either), not for a thing: "required" is no thing to find.
        return set()
    phrase: list[str] = []
    for word, typed in words:
        if word in _EN_STOP or (phrase and word in _SKIP):
            break
        if allowed is not None and not set(terms(typed)) & allowed:
            continue  # a frame word, a number or a name: the thing asked for comes after it
        phrase.append(typed)
        if language != "en":  # a Swedish focus is one (compound) word
            break
    if not phrase:
        return set()
    said = " ".join(phrase)
    if language == "en" and render is not None:
        said = render(said) or said
    return {t for t in terms(said) if len(t) >= 3}


def covered(wanted: Iterable[str], said: set[str]) -> float:
    """Share of the wanted stems that some said stem matches (``compound_match``)."""
    wanted = list(wanted)
    if not wanted:
        return 0.0
    hits = sum(any(compound_match(w, s) for s in said) for w in wanted)
    return hits / len(wanted)


_TOKEN = re.compile(r"\w+")
_NEAR = 4  # words between a number and the thing it counts ("sex månader", "10 000 kronor per")


# "en"/"ett" are left out: they are mostly articles.
_COUNT_WORDS = {fold(w) for w in WRITTEN_NUMBERS}


def number_near(wanted: Iterable[str], text: str) -> bool:
    """Does a number stand within a few words of a word matching one of the wanted (folded)
    stems? "Hur många platser …" is answered by "… 40 platser …", not by any number."""
    wanted = list(wanted)
    tokens = _TOKEN.findall(fold(text))
    digits = [i for i, t in enumerate(tokens) if t[0].isdigit() or t in _COUNT_WORDS]
    if not digits or not wanted:
        return False
    near = {i for d in digits for i in range(d - _NEAR, d + _NEAR + 1)}
    return any(
        i in near and any(token.startswith(w) or compound_match(w, token) for w in wanted)
        for i, token in enumerate(tokens)
    )


def numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUMBER.findall(text)}


def numbers_agree(question: str, texts: Iterable[str]) -> float:
    """+1 the question's numbers are all in the texts, -1 some are not, 0 it states none."""
    asked = numbers(question)
    if not asked:
        return 0.0
    said = set().union(*(numbers(t) for t in texts))
    return 1.0 if asked <= said else -1.0


# --- reading the question and the sentence as a reader would --------------------------------


def rendering(language: str, known: Callable[[str], bool]) -> Callable[[str], str] | None:
    """For an English question: its words in the corpus's Swedish (``bilingual``), keeping
    translations the corpus uses: ``known`` takes stemmed terms, so whole words are asked
    through ``uses_word`` (else "riktlinje", stemmed "riktlinj", counted as unknown)."""
    if language != "en":
        return None
    return lambda text: swedish_rendering(text, lambda word: uses_word(known, word))


def in_context(candidate: Any) -> str:
    """The candidate sentence as it would be quoted: with its list lead and items, a fragment
    with the sentence it continues (``sentence_context.quote_of``; the fitted features read
    the quote, not the heading it stands under)."""
    return quote_of(candidate)
