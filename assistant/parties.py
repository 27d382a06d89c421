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


def _acts(text: str, names: tuple[str, ...], verbs: str, subject: str = "") -> bool:
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
    return [p for p in parties if _acts(text, p.subject_names, verbs, subject)]


def party_names(metadata: dict[str, Any]) -> list[str]:
    names = metadata.get("parties") or []
    return [str(n) for n in names] if isinstance(names, list) else []


def extract_commitments(
    passages: list[Any], parties_by_source: dict[str, list[Party]]
) -> list[Commitment]:
    """Every sentence of every passage in which one of its document's parties commits."""
    from .chunking import split_sentences
    from .ingest.units import TOC_ENTRY
    from .lexical import terms
    from .quotes import list_items
    from .sentences import starts_lower

    df: dict[str, int] = {}
    for p in passages:
        for t in set(terms(p.page_content)):
            df[t] = df.get(t, 0) + 1
    found = []
    for p in passages:
        meta = p.metadata
        parties = parties_by_source.get(meta["source"], [])
        if not parties or meta.get("kind") == "card":
            continue
        heading = _heading_actors(meta.get("section", ""), parties)
        text = p.page_content
        spans = split_sentences(text)
        taken: set[int] = set()  # items already quoted with their lead
        for k, (a, b) in enumerate(spans):
            if k in taken:
                continue
            sentence = text[a:b]
            end = text.find("\n", b)
            if TOC_ENTRY.search(text[text.rfind("\n", 0, a) + 1 : end if end >= 0 else None]):
                continue  # "3.1 Regionen åtar sig att ........ 3": a contents line
            # A sentence's own actor; else, for an item that continues the lead of a heading
            # that commits a party ("4.2.1 Regionen åtar sig att" / "• informera kommunen i
            # tid"), that party. A sentence of its own ("Räddningstjänsten ska …", "Båda parter
            # ska …") under such a heading is not the heading's party's.
            actors = acting_parties(sentence, parties, COMMITMENT_VERBS, COMMITMENT_SUBJECT_VERBS)
            if not actors and _acts(
                sentence.lstrip("-•* "), _JOINT, COMMITMENT_VERBS, COMMITMENT_SUBJECT_VERBS
            ):
                actors = parties  # "Parterna ska gemensamt …": every party's
            if not actors and starts_lower(sentence):
                actors = heading
            if actors:
                items = list_items(text, spans, k)
                taken.update(items)
                listed = tuple(text[spans[i][0] : spans[i][1]] for i in items)
                found.append(
                    Commitment(
                        parties=tuple(x.name for x in actors),
                        topic=_topic(" ".join((sentence, *listed)), parties, df),
                        quote=sentence,
                        source=meta["source"],
                        title=meta["title"],
                        page=int(meta["page"]),
                        section=meta.get("section", ""),
                        passage_id=str(p.id),
                        items=listed,
                    )
                )
    return found


# The parties together as a subject: a joint commitment of every party of the document.
_JOINT = ("parterna", "båda parterna", "båda parter", "the parties", "both parties")
_HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+")
_DUTY_NOUNS = r"(?:åtagande\w*|ansvar\w*|uppdrag\w*)"


def _heading_actors(section: str, parties: list[Party]) -> list[Party]:
    """The parties a passage's own heading commits: one acting in it ("4.2.1 Regionen åtar sig
    att", the lead of the items below it) or named in the genitive before a word of duty
    ("Kommunens åtaganden", "Region Stockholms ansvar"). Agreements list a party's
    commitments so; the items name no actor of their own."""
    from .chunking import SECTION_SEP

    heading = _HEADING_NUMBER.sub("", section.split(SECTION_SEP)[-1]).strip()
    if not heading:
        return []
    acting = acting_parties(heading, parties, COMMITMENT_VERBS, COMMITMENT_SUBJECT_VERBS)
    if acting:
        return acting
    return [
        p
        for p in parties
        if any(
            re.match(rf"{re.escape(n)}s\s+{_DUTY_NOUNS}\b", heading, re.I) for n in p.subject_names
        )
    ]


def _topic(sentence: str, parties: list[Party], df: dict[str, int]) -> str:
    """The sentence's two rarest content words: what it is about, in the text's own words."""
    from .lexical import terms

    names = {
        t for n in (*_JOINT, *(n for p in parties for n in p.question_names)) for t in terms(n)
    }
    words = []
    for word in re.findall(r"[^\W\d_][\w-]{3,}", sentence):
        stems = terms(word)
        if stems and stems[0] not in names:
            words.append((df.get(stems[0], 0), word))
    rare = sorted(dict.fromkeys(sorted(words)))[:2]
    return ", ".join(w for _, w in sorted(rare, key=lambda x: sentence.index(x[1])))
