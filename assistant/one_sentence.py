"""Two refusal signals beside the fitted decision: ONE best sentence must hold the question's
specific words AND the kind of answer it asks for (README "Answer or refuse", seventh session).

``sentence_share.typed_share`` weighs every word of the question; its rule refuses only when no
sentence with a number holds *any* of them. Two sharper readings:

- ``specific_terms``: the question's words without those that only say what kind of answer is
  wanted or frame the asking ("får", "kostar", "stor", "länge", "hur", "ska"; numbers): "Vad
  kostar service på en bergvärmepump?" is about *service* and *bergvärmepump*. Weighed over the
  read sentences like ``typed_share`` (a word the read sentences rarely use weighs most), the
  best sentence holding a number then holds a share of the *topic*, not of the question's frame
  (``specific_share``; Swedish questions: an English question's words meet the text through a
  rendering that misses too often, measured);
- ``name_wanted``: the question asks for a name ("Vem är kulturchef …?", "Who is the chair …?",
  "Vad heter …?", "What is the name of …?", "Vilken författare/arkitektbyrå …?");
  ``name_share``: the best weighted share of its specific words among the best sentences that
  also hold a name or a body the question does not itself use (a capitalised word not opening
  the sentence, or "nämnden", "kommunen", "beställaren" …). Here a word is held only as itself,
  inside a compound, or as a compound's head ("kulturchef" is not held by "kultur": the role
  asked for is the head, and a text about culture that names no culture chief does not answer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .compounds import MIN_PART, compound_match
from .counted import count_focus
from .folding import fold
from .sentence_context import read_in_context
from .sentence_share import (
    asked_stems,
    holds,
    specific_terms,
    stems,
    term_weights,
    topic_text,
    typed_contexts,
    wants_number,
    weighted_share,
)

__all__ = [
    "topic_share",
    "about_topic",
    "shares_topic_words",
    "NAME_SHARE",
    "SPECIFIC_SHARE",
    "name_found",
    "name_share",
    "name_wanted",
    "one_sentence_signals",
    "specific_share",
    "specific_terms",
    "strict_weights",
]

# Below these the rule beside the model refuses (measured over every suite set, README): the
# specific share of a number question's best sentence with a number, and of a name question's
# best sentence with a name or body.
SPECIFIC_SHARE = 0.25
NAME_SHARE = 0.4
_SHARED_WORDS_EN = 2  # ``shares_topic_words``

# A question asking for a name: "Vem är/var <role>" (not "vem är ansvarig/skyldig/behörig",
# which a body answers as well as a name, nor the cleft "vem är det som bär ansvaret …", which
# asks "vem bär ansvaret"), "Who is/was/are the …", "Vad heter …", "What is the name of …",
# "Vilken författare/arkitektbyrå/firma …". Folded text.
_NAME = re.compile(
    r"^(?:vem) (?:ar|var) (?!ansvarig|skyldig|behorig|det\b|den som\b)\w|"
    r"^who (?:is|was|are) the (?!responsible)\w|"
    r"\bvad heter\b|\bwhat is the name\b|\bwhat is \w+(?: \w+){0,3} called\b|"
    r"\bvilk(?:en|et|a) (?:\w+ )?(?:forfattare\w*|arkitekt\w*|byra\w*|firma\w*|foretag\w*)\b|"
    # who was appointed to a post ("Vem har regeringen utsett till särskild utredare?")
    r"^vem (?:har|hade|blev|blir) (?:\w+ ){0,3}(?:utsett|utsedd|utnamnt|utnamnd|forordnat|"
    r"forordnad|tillsatt)\b|"
    r"^who (?:has|have|had|was|were|is|did) (?:\w+ ){0,3}(?:been )?(?:appointed|appoint|named)\b"
)
# A body as texts name one (folded): a board, an authority, a party to a contract.
_BODY = re.compile(
    r"\b\w*(?:namnd|styrelse|chef|handlaggare|kommun|region|forvaltning|myndighet|verket|"
    r"fullmaktige|samordnare|ombud|bestallare|entreprenor|saljare|kopare|agare|arbetsgivare)"
    r"\w*\b"
)
_WORD = re.compile(r"\w[\w-]*")


def _strict(wanted: str, found: str) -> bool:
    """The same word, the wanted word inside a compound ("vikari" in "timvikarier"), or the
    found word as the wanted compound's head ("lon" of "timlon" is too short; "besiktning" of
    "overbesiktning" counts) — never its modifier alone ("kultur" of "kulturchef")."""
    if wanted == found:
        return True
    if len(found) >= MIN_PART and wanted.endswith(found):
        return True
    return len(wanted) >= MIN_PART and wanted in found


def strict_weights(
    wanted: Iterable[str], sentences: Sequence[str], strict: bool = True
) -> dict[str, float]:
    """``sentence_share.term_weights`` over the read sentences, a word held as ``_strict`` says
    (``strict``) or as compounds split."""
    return term_weights(wanted, sentences, _strict if strict else compound_match)


def specific_share(
    wanted: Iterable[str],
    sentences: Sequence[str],
    contexts: Sequence[str],
    typed: Sequence[bool],
    counted: Iterable[str] = (),
) -> float:
    """The best weighted share of the question's specific words (``counted``: see
    ``specific_terms``) among the ``contexts`` (best sentences in context) that hold the wanted
    answer type (``typed``), weights over the read ``sentences``; 1.0 when the question has no
    specific word, 0.0 when no context is typed."""
    specific = specific_terms(wanted, counted)
    if not specific:
        return 1.0
    weights = strict_weights(specific, sentences, strict=False)
    shares = (weighted_share(weights, c) for c, ok in zip(contexts, typed, strict=True) if ok)
    return max(shares, default=0.0)


def topic_share(query: Any, sentence: str, sentences: Sequence[str], known: Any) -> float:
    """The share of the question's specific words ``sentence`` holds, weighted over the read
    ``sentences``. An English question's words meet the text through its rendering (``known``:
    the vocabulary)."""
    asked = _asked(query, known)
    return specific_share(
        asked, sentences, [sentence], [True], count_focus(getattr(query, "folded", "")) & asked
    )


def _asked(query: Any, known: Any) -> set[str]:
    """The (analysed) question's topic words as the Swedish text would write them."""
    return asked_stems(query.language, query, known, {fold(t) for t in query.topic_terms})


# Units a number is given in (folded stems, as ``stems`` makes them).
_UNIT_STEMS = frozenset(
    stems(
        "år procent kronor kr timmar dagar veckor månader minuter percent year years months "
        "weeks days hours minutes"
    )
)


def shares_topic_words(query: Any, first: str, second: str, known: Any) -> bool:
    """Do ``first`` and ``second`` both hold a specific word of the question, each as itself or
    a compound's head (``_strict``: "arbetet" holds no "arbetsgivare")? Then a number in one
    may be of the thing the other names. An English question's words come through a rendering
    that gives each several Swedish words, one of which may meet by chance ("workers" is
    rendered "arbetare" too, whose stem "arbet" is "arbetet"'s): two words then, or all of
    them when it has fewer."""
    asked = _asked(query, known)
    wanted = specific_terms(asked, count_focus(getattr(query, "folded", "")) & asked)
    # The unit the number is in and the place or party the question names are shared by any
    # two sentences of the text about it: "År 2021 låg … för Dalarna på 79,9 procent" (the
    # employment rate) is not of "kollektivtrafikens marknadsandel i Dalarna i procent år
    # 2021" beside "… kollektivt resande i Dalarna …" (a read blind set's question). The
    # names are checked on their own (``rescue._number_below``).
    named = {w for n in getattr(query, "names", ()) for w in stems(n)}
    wanted = wanted - _UNIT_STEMS - named
    said = stems(first), stems(second)
    shared = sum(all(holds(w, s, _strict) for s in said) for w in wanted)
    needed = _SHARED_WORDS_EN if query.language == "en" else 1
    return bool(wanted) and shared >= min(needed, len(wanted))


def about_topic(query: Any, sentence: str, sentences: Sequence[str], known: Any) -> bool:
    """Does ``sentence`` hold at least ``SPECIFIC_SHARE`` of the question's specific words
    (``topic_share``): is it about what the (analysed) ``query`` asks?"""
    return topic_share(query, sentence, sentences, known) >= SPECIFIC_SHARE


def name_wanted(folded: str) -> bool:
    """Does the (folded) question ask for a name ("vem är kulturchef", "what is the name of")?"""
    return bool(_NAME.search(folded.strip()))


def name_found(text: str, question: set[str]) -> bool:
    """Does ``text`` hold a name or a body that is not one of the ``question``'s (folded) stems:
    a capitalised word not opening it, or a board, authority or party ("nämnden", "beställaren")?"""
    for m in _BODY.finditer(fold(text)):
        if not stems(m.group(0)) & question:
            return True
    words = _WORD.findall(text)
    return any(
        w[:1].isupper() and not any(s in question or holds(s, question, _strict) for s in stems(w))
        for w in words[1:]
    )


def name_share(
    wanted: Iterable[str],
    question: set[str],
    sentences: Sequence[str],
    contexts: Sequence[str],
    quotes: Sequence[str] | None = None,
) -> float:
    """For a question asking for a name: the best strict weighted share of its specific words
    among the ``contexts`` (best sentences with their headings) whose ``quotes`` (the sentences
    as quoted; the contexts themselves when not given) hold a name or body it does not use
    (``name_found``: a heading's "Region Stockholm" names no answer); 1.0 when it has no
    specific word."""
    specific = specific_terms(wanted)
    if not specific:
        return 1.0
    weights = strict_weights(specific, sentences)
    named = contexts if quotes is None else quotes
    shares = (
        weighted_share(weights, c, _strict)
        for c, q in zip(contexts, named, strict=True)
        if name_found(q, question)
    )
    return max(shares, default=0.0)


def one_sentence_signals(
    wanted: set[str],
    question: set[str],
    wants: str | None,
    folded: str,
    english: bool,
    candidates: Sequence[Any],
    best: Sequence[Any],
) -> tuple[float, float]:
    """(``specific_share`` of a Swedish number question, ``name_share`` of a name question),
    each 1.0 when not asked: what ``decide``'s rules read (``features.measure`` calls this
    with the question's ``wanted`` stems, all its stems as ``question``, the read
    ``candidates`` and the ``best`` of them)."""
    if not wanted:
        return 1.0, 1.0
    sentences = [c.text for c in candidates]
    specific = 1.0
    if not english and wants_number(wants, folded):
        counted = count_focus(folded) & wanted
        read = typed_contexts(wants, folded, best, specific_terms(wanted, counted))
        specific = specific_share(wanted, sentences, *read, counted)
    named = 1.0
    if name_wanted(folded):
        read = [read_in_context(c) for c in best]
        topics = [topic_text(r, specific_terms(wanted), _strict) for r in read]
        named = name_share(wanted, question, sentences, topics, [r.text for r in read])
    return specific, named
