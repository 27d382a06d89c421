"""Conversation: resolve an elliptical follow-up against the previous turns before retrieval.

"och regionen då?" after "Vad ska Ludvika göra för bibliotek?" means "Vad ska regionen göra för
bibliotek?"; "vad mer?" repeats the previous question but wants what was not said yet; "on which
page?" asks about the previous answer. A question that names its own topic ("Vem är
handläggare?") is a new question, however short. History is Gradio's messages format, oldest
first. The cues that read the question itself live in ``query``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .folding import clean, fold
from .intent import document_words, frame_terms
from .leaning import back_reference, lean_on, with_words
from .lexical import terms
from .parties import Party, parties_in
from .query import FOLLOW_UP_FILLER, asks_for_more, opens_follow_up

__all__ = ["Resolved", "resolve", "user_turns"]


@dataclass
class Resolved:
    """What to retrieve and answer for one user turn."""

    question: str
    original: str
    follow_up: bool = False
    exclude: set[str] = field(default_factory=set)
    document_titles: list[str] = field(default_factory=list)
    points_back: bool = False  # "Vad kostar det?": asked about the earlier topic (leaning.py)


def _content_terms(text: str, parties: list[Party]) -> set[str]:
    names = {t for p in parties for n in p.question_names for t in terms(n)}
    return set(terms(text)) - set(terms(FOLLOW_UP_FILLER)) - names


def _text(content: Any) -> str:
    """A message's text; Gradio may send a list of parts ({"type": "text", "text": …})."""
    if isinstance(content, list):
        return " ".join(_text(part) for part in content)
    if isinstance(content, dict):
        return str(content.get("text") or "")
    return str(content or "")


def user_turns(history: list[dict[str, Any]] | None) -> list[str]:
    """The user's earlier questions, oldest first."""
    valid = [m for m in (history or []) if isinstance(m, dict)]
    return [clean(_text(m.get("content"))) for m in valid if m.get("role") == "user"]


def _last_answer(history: list[dict[str, Any]]) -> str:
    answers = [_text(m.get("content")) for m in history if m.get("role") == "assistant"]
    return answers[-1] if answers else ""


def resolve(
    question: str,
    history: list[dict[str, Any]] | None,
    parties: list[Party],
    titles: list[str],
    spell: Callable[[str], str] | None = None,
) -> Resolved:
    """The self-contained question a follow-up stands for, given the earlier user turns.

    ``spell`` writes a turn in the corpus's spelling first ("Fjarrvik" -> "Fjärrvik"), so names
    typed either way are found and swapped."""
    spell = spell or (lambda text: text)
    history = [m for m in (history or []) if isinstance(m, dict)]
    question = spell(question)
    base: Resolved | None = None
    # Earlier turns may be follow-ups themselves: resolve them in order.
    for turn in user_turns(history):
        base = _resolve_one(spell(turn), base, parties, "")
    if base is None:
        return Resolved(question, question)
    return _resolve_one(question, base, parties, _last_answer(history), titles)


def is_elliptical(question: str, parties: list[Party]) -> bool:
    """A follow-up opens like one ("och …", "what about …"), names no topic of its own, or
    points back at the earlier topic ("Vad är syftet med den?", "Who funds it?")."""
    content = _content_terms(question, parties)
    return opens_follow_up(fold(question)) or not content or _points_back(question, content)


# A question with more words of its own than this is a question of its own, whatever its
# pronouns point at ("Vad säger avtalet om bibliotekens öppettider och deras personal?").
_MAX_OWN_TERMS = 2


def _points_back(question: str, content: set[str]) -> bool:
    """Does a short question point back at the earlier topic ("Vad kostar det?", "Who funds
    it?", "Vem är kontaktperson där?")?"""
    return len(content - frame_terms()) <= _MAX_OWN_TERMS and back_reference(question) is not None


def _resolve_one(
    question: str,
    base: Resolved | None,
    parties: list[Party],
    last_answer: str,
    titles: list[str] | None = None,
) -> Resolved:
    if base is None or not is_elliptical(question, parties):
        return Resolved(question, question)
    content = _content_terms(question, parties)
    named = parties_in(question, parties)
    previous = base.question
    reference = back_reference(question) if _points_back(question, content) else None
    if reference is not None and not named:
        # "Vad är syftet med den?": the earlier question's topic in place of the pronoun.
        topic = _content_terms(previous, parties) - frame_terms()
        carried = [p.name for p in parties_in(previous, parties)]
        text = with_words(lean_on(question, reference, previous, topic), carried)
    elif content and not named:
        # A new topic in the frame of the last question ("och för lånecentralerna då?" after
        # "Vem ansvarar för folkbiblioteken?"), else beside it; keep that question's parties.
        framed = _in_frame(previous, question)
        carried = " ".join(p.name for p in parties_in(previous, parties))
        text = framed or f"{question} {carried}".strip()
    elif named:
        text = _swap_party(previous, named, parties)
        if content:
            text = f"{text} {question}"
    else:
        text = previous
    exclude = _quotes(last_answer) if asks_for_more(fold(question)) else set()
    in_answer = [t for t in titles or [] if t and t in last_answer]
    points_back = reference is not None and not named
    return Resolved(text, question, True, exclude, in_answer, points_back)


_OPENING = re.compile(
    r"^(?:och|men|samt|and|but|what about|how about|hur ar det med|hur blir det med|vad galler|"
    r"vad om|what of|same for|samma for)\s+"
)
_QUESTION_WORDS = frozenset(
    re.findall(
        r"\w+", "vad vem vilka vilken vilket hur nar var varfor what who which how when where why"
    )
)
_MAX_TOPIC_WORDS = 5
# "enligt bibliotekslagen", "according to the act": where it is said, not what about.
_SOURCE_PREPOSITIONS = frozenset(["enligt", "according"])
_DOCUMENT_ENDINGS = ("lagen", "avtalet", "overenskommelsen")


def _names_source(words: set[str]) -> bool:
    """Do these (folded) words name a document ("lagen", "bibliotekslagen", "the act")?"""
    return bool(words & document_words()) or any(w.endswith(_DOCUMENT_ENDINGS) for w in words)


_CLOSERS = frozenset(re.findall(r"\w+", "da then too also ocksa"))
_FRAME_PREPOSITIONS = frozenset(
    re.findall(
        r"\w+", "for om i pa med kring inom till av vid at about in on with within regarding to"
    )
)


def _in_frame(previous: str, question: str) -> str | None:
    """The earlier question asked of the follow-up's topic: "och för lånecentralerna då?" after
    "Vem ansvarar för folkbiblioteken?" is "Vem ansvarar för lånecentralerna?". What followed
    the earlier question's last preposition — the one the follow-up opens with, else its last —
    is replaced. ``None`` when the follow-up does not open like one or nothing is replaced."""
    folded_question = fold(question).casefold()
    opening = _OPENING.match(folded_question)
    if opening is None:
        return None
    said = re.findall(r"[\w-]+", question[opening.end() :])
    folded = [fold(w).casefold() for w in said]
    while folded and folded[-1] in _CLOSERS:
        folded, said = folded[:-1], said[:-1]
    wanted = _FRAME_PREPOSITIONS
    if folded and folded[0] in _FRAME_PREPOSITIONS:
        wanted, said = frozenset([folded[0]]), said[1:]
    if not any(w.isalpha() for w in said):
        return None  # "och 2020 då?": a time, not a topic (timeframe.py)
    if len(said) > _MAX_TOPIC_WORDS or set(folded) & _QUESTION_WORDS:
        return None  # a question of its own ("och vad säger lagen om avgifter?"), not a topic
    body = previous.rstrip(" ?!.")
    words = list(re.finditer(r"[\w-]+", body))
    bounds = _FRAME_PREPOSITIONS | _SOURCE_PREPOSITIONS
    spots = [i for i, m in enumerate(words) if fold(m[0]).casefold() in bounds]
    # The topic's preposition, not one that names the document ("according to the act").
    for n in reversed(range(len(spots))):
        i = spots[n]
        upto = spots[n + 1] if n + 1 < len(spots) else len(words)
        following = {fold(m[0]).casefold() for m in words[i + 1 : upto]}
        if fold(words[i][0]).casefold() in wanted and following and not _names_source(following):
            cut = words[i].end()
            rest = body[words[upto].start() - 1 :] if upto < len(words) else ""
            return f"{body[:cut]} {' '.join(said)}{rest}{previous[len(body) :]}"
    return None


def _swap_party(previous: str, named: list[Party], parties: list[Party]) -> str:
    """Put the newly named party where the previous question named another one."""
    before = parties_in(previous, parties)
    target = named[0]
    if not before:
        return f"{previous} {target.name}"
    text = previous
    for party in before:
        if party == target:
            continue
        for name in sorted(party.question_names, key=len, reverse=True):
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", target.name, text, flags=re.I)
    return text


def _quotes(answer: str) -> set[str]:
    """Sentences quoted in an earlier answer (between ” ” or “ ”), each part of a "A … B" quote."""
    found = re.findall(r"[”“\"]([^”“\"]{10,})[”“\"]", answer)
    return {p.strip() for q in found for p in q.split(" … ") if p.strip()}
