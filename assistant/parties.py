"""Parties: who an agreement binds, who acts in a sentence, and what each party commits to.

A party is named in questions by its full name, its proper name ("Ludvika") or its kind
("kommunen", "the region"). It acts in a sentence when it stands next to a verb of action or
commitment, in either Swedish word order ("Ludvika kommun ska …", "… vill Region Dalarna …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

__all__ = [
    "Party",
    "Commitment",
    "parties_in",
    "without_party_names",
    "acting_parties",
    "names_act",
    "party_names",
    "COMMITMENT_VERBS",
    "COMMITMENT_SUBJECT_VERBS",
    "COMMITMENT_FRAME",
]

_GENERIC = {"kommun": ("kommunen", "municipality"), "region": ("regionen", "region")}
# A party named in the plural ("kommuner i Stockholms län", every municipality of a county that
# signs one agreement with its region) is "kommunerna" in the text and in questions.
# Each of them is "kommunen" in the text ("Kommunen åtar sig att …"), never in a question, where
# "kommunen" names a municipality of its own.
_PLURAL = {
    "kommuner": ("kommunerna", "municipalities", "kommunen"),
    "regioner": ("regionerna", "regions", "regionen"),
}
ACTION_VERBS = (
    "ska|skall|vill|verkar|bidrar|ger|har|är|kan|koordinerar|arrangerar|stödjer|arbetar|följer|"
    "delfinansierar|åtar|erbjuder|möjliggör|ansvarar|tillhandahåller|undersöker|driver|främjar"
)
# What counts as a commitment: obligation, intention, contribution — not "har" or "kan".
COMMITMENT_VERBS = (
    "ska|skall|vill|verkar för|bidrar|åtar sig|ger|kommer att|arbetar för|arbetar gemensamt|"
    "erbjuder|stödjer|delfinansierar|koordinerar|arrangerar|möjliggör|är villig|tillhandahåller|"
    "har gett|har åtagit sig|har å sin sida gett"
)
# Commitments said with the party as subject only ("Regionen ansvarar för …", "Kommunen betalar
# hälften av hyran"): after its object ("… ersätter regionen med …") a party is not the actor.
COMMITMENT_SUBJECT_VERBS = (
    "ansvarar för|svarar för|står för|betalar|ersätter|bekostar|finansierar|förbinder sig"
)

# Words that frame a question about what a party committed to, not its topic.
COMMITMENT_FRAME = (
    "what did does do has have commit commits committed commitments commitment to promised "
    "promise undertake undertaken pledge agreed agree vad har ska göra åtagit åtar sig åtaganden "
    "åtagande lovat lovar lova vilka vilket which all alla sina its their the"
)


@dataclass(frozen=True)
class Party:
    """A party to an agreement and the words that name it in questions and as a subject."""

    name: str
    subject_names: tuple[str, ...]
    question_names: tuple[str, ...]
    # Lists of thousands of parties are hashed per question (cache keys): hash each once.
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_hash", hash((self.name, self.subject_names, self.question_names))
        )

    def __hash__(self) -> int:
        return self._hash

    @classmethod
    def from_name(cls, name: str) -> Party:
        words = name.split()
        # "Ludvika" alone means the municipality; "Dalarna" alone means the county, not the
        # region's organisation: a proper name stands alone only before its kind word.
        kind_last = words[-1].casefold() in _GENERIC
        proper = [w for w in words if w.casefold() not in _GENERIC] if kind_last else []
        kinds = [_GENERIC[w.casefold()] for w in words if w.casefold() in _GENERIC]
        kinds += [_PLURAL[w.casefold()][:2] for w in words if w.casefold() in _PLURAL]
        members = [_PLURAL[w.casefold()][2] for w in words if w.casefold() in _PLURAL]
        subject = [name, *proper, *(k[0] for k in kinds)]
        question = [*subject, *(k[1] for k in kinds)]
        return cls(name, (*subject, *members), tuple(question))

    def matches(self, name: str) -> bool:
        """Does a user's party name ('Ludvika', 'regionen') mean this party?"""
        wanted = name.casefold().strip()
        return (
            any(wanted == n.casefold() for n in self.question_names)
            or wanted in self.name.casefold()
        )


@dataclass
class Commitment:
    """A sentence in which a party commits to something, with where it stands."""

    parties: tuple[str, ...]
    topic: str
    quote: str
    source: str
    title: str
    page: int
    section: str
    passage_id: str
    # The items of the list ``quote`` introduces ("Kommunen åtar sig att:" / "• utse …"), in
    # the passage's words: the commitment is the lead with them, not the lead alone.
    items: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__, parties=list(self.parties), items=list(self.items))


@lru_cache(maxsize=8)
def _verb_context(verbs: str, subject: str = "") -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What makes a named party the actor: a verb before the name ("ska Ludvika"), or after it
    ("Ludvika kommun och regionen ska", "regionen, å sin sida, ger"); a ``subject`` verb only
    after it ("Regionen betalar …"; in "Kommunen ersätter regionen …" the region is paid). Compiled
    once per verb list; the names are matched separately, so a new party costs only a small
    pattern."""
    adverb = r"(?:\s+(?:tillsammans|båda|även|också|gemensamt|å sin sida))?"
    before = re.compile(rf"\b(?:{verbs})\s+(?:[\w ]{{1,30}}?\s+och\s+)?$", re.I)
    either = f"{verbs}|{subject}" if subject else verbs
    after = re.compile(rf"(?:\s+och\s+[\w ]{{1,30}}?)?,?{adverb}\s+(?:{either})\b", re.I)
    return before, after


@lru_cache(maxsize=4096)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


def names_act(text: str, names: tuple[str, ...], verbs: str, subject: str = "") -> bool:
    """Does one of ``names`` stand next to one of ``verbs`` in ``text`` (or before one of the
    ``subject`` verbs)?"""
    before, after = _verb_context(verbs, subject)
    return any(
        after.match(text, m.end()) or before.search(text, 0, m.start())
        for m in _names_pattern(names).finditer(text)
    )


def parties_in(text: str, parties: list[Party]) -> list[Party]:
    """The parties a text names, in the order given (a dictionary lookup per word, however many
    parties are indexed: one regex over thousands of names cost milliseconds per question)."""
    found = {p for _, _, named in _name_spans(text, parties) for p in named}
    return [p for p in parties if p in found] if found else []


def without_party_names(text: str, parties: list[Party]) -> str:
    """The text with every name of the given parties taken out ("What did  commit to …")."""
    kept, pos = [], 0
    for start, end, _ in _name_spans(text, parties):
        kept.append(text[pos:start])
        pos = end
    kept.append(text[pos:])
    return re.sub(r"\s{2,}", " ", " ".join(kept)).strip() if pos else text


_TOKEN = re.compile(r"[\w-]+")


def _name_spans(text: str, parties: list[Party]) -> Iterator[tuple[int, int, list[Party]]]:
    """(start, end, parties) of each party name in the text: longest first, left to right."""
    if not parties:
        return
    names, longest = _name_index(tuple(parties))
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            run = tokens[i : i + n]
            named = names.get(tuple(t.group().casefold() for t in run))
            # The words of a name stand apart by spaces only: "Ludvika kommun", not "Ludvika, kommun".
            if named and all(text[a.end() : b.start()].isspace() for a, b in pairwise(run)):
                yield run[0].start(), run[-1].end(), named
                i += n
                break
        else:
            i += 1


@lru_cache(maxsize=64)
def _name_index(parties: tuple[Party, ...]) -> tuple[dict[tuple[str, ...], list[Party]], int]:
    """Each name as its casefolded words -> the parties it names; and the longest name's length."""
    index: dict[tuple[str, ...], list[Party]] = {}
    for party in parties:
        for name in party.question_names:
            key = tuple(w.casefold() for w in _TOKEN.findall(name))
            if key and party not in index.setdefault(key, []):
                index[key].append(party)
    return index, max(map(len, index), default=0)


def acting_parties(
    sentence: str, parties: list[Party], verbs: str = ACTION_VERBS, subject: str = ""
) -> list[Party]:
    """Parties that act in the sentence: named next to one of ``verbs``, or before one of the
    ``subject`` verbs."""
    text = sentence.strip().lstrip("-•* ").strip()
    return [p for p in parties if names_act(text, p.subject_names, verbs, subject)]


def party_names(metadata: dict[str, Any]) -> list[str]:
    names = metadata.get("parties") or []
    return [str(n) for n in names] if isinstance(names, list) else []
