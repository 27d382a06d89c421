"""The members a "which …?" question asks for, when the quote only names their kind.

A text often names a group in one sentence and its members in the next: "För närvarande finns
det fyra godkända vacciner i Sverige. De är från Pfizer/BionTech, Moderna, Janssen och Astra
Zeneca."; "… har rätten till utbildning utökats till att omfatta ytterligare grupper.
Förordningen omfattar bl.a. asylsökande barn, barn som …". Asked "Vilka vacciner …?" or "Vilka
grupper …?", the first sentence is the best match and says how many or that there are some,
never which; a list in it ("utbildning, förskoleverksamhet och skolbarnsomsorg") may be of
other things. ``with_members`` quotes the next sentence with it when that sentence points back
(a pronoun, or a definite noun the quote or question uses) and lists (commas and a closing
"och"/"and"). When the quote ends its passage, the sentence is the next passage's first (a
PDF export without blank lines cuts paragraphs at a line that ends a sentence, and a text may
well list in a paragraph of its own), if that passage was retrieved too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .choice import MAX_SENTENCES
from .extremes import extreme_asked
from .folding import fold
from .list_spans import items_of, lead_of, opens_list, spans_of
from .quotes import names_again
from .sentence_share import holds, stems
from .signals import in_context

__all__ = [
    "lists_members",
    "members_asked",
    "with_list_after",
    "with_listed_members",
    "with_members",
]

# "Vilka vacciner …?", "I vilka kommuner …?", "Which groups …?", "What authorities must …?"
# (folded): the group's noun.
_WHICH_MEMBERS = re.compile(
    r"^(?:\w+\s+)?vilka\s+(\w+)|^which\s+(\w+s)\b|"
    r"^what\s+(?:\w+\s+)?(\w+s)\s+(?:are|were|does|do|did|can|must|will|have)\b"
)
# Two commas, or one and a closing conjunction: "A, B och C", "A, B, C".
_LIST = re.compile(
    r"[^,.;:]+,\s+[^,.;:]+(?:,\s+[^,.;:]+)*\s+(?:och|samt|eller|and|or)\s+\w|"
    r"[^,.;:]+,\s+[^,.;:]+,\s+[^,.;:]+"
)
_POINTERS = frozenset({"de", "dessa", "dom", "they", "these", "those"})


def members_asked(folded: str) -> str | None:
    """The group whose members the (folded) question asks for ("Vilka grupper …?" ->
    "grupper"), or None; None too when it asks for the extreme ones (``extremes``)."""
    if extreme_asked(folded):
        # "I vilka områden är andelen lägst?" asks for the extreme one(s), which a sentence
        # names by description ("… (områdestyp 5)"), not for a list of members.
        return None
    m = _WHICH_MEMBERS.search(folded.strip().casefold())
    return next((g for g in m.groups() if g), None) if m else None


def lists_members(text: str) -> bool:
    """Does ``text`` list three or more things, or two with a closing "och"/"and"?"""
    return bool(_LIST.search(text))


def with_members(query: Any, chosen: list[Any], passages: Sequence[Any] = ()) -> list[Any]:
    """``chosen`` with the sentence after the first quote when the question asks which members
    a group has (``members_asked``), the quote names the group, and that sentence points back
    and lists them. Unchanged otherwise. ``chosen``: scored sentences
    (``passage``, ``start``, ``end``, ``text``), best first; ``passages``: the retrieved
    passages (``results.Passage``), where the sentence after a passage's last is read."""
    group = members_asked(query.folded) if chosen else None
    if group is None or len(group) < 4:
        return chosen
    first = chosen[0]
    if fold(group[:-2]) not in fold(in_context(first).casefold()):
        return chosen  # "… fyra godkända vacciner", "… ytterligare grupper": the group named
    passage, text = first.passage, first.passage.text
    # The passage's next sentence, read or not: only the sentences nearest the question are
    # scored, and a list of names is seldom among them.
    start, end = next(((a, b) for a, b in spans_of(text) if a >= first.end), (None, None))
    if start is None and not text[first.end :].strip():
        passage = _next_passage(first.passage, passages)
        text = passage.text if passage is not None else ""
        start, end = next(iter(spans_of(text)), (None, None))
    elif start is not None and "\n\n" in text[first.end : start]:
        return chosen
    if start is None or any(c.passage is passage and c.start == start for c in chosen):
        return chosen
    following = text[start:end]
    if not lists_members(following):
        return chosen
    if not names_again(following, f"{first.text} {query.folded}", _POINTERS, repeated=True):
        return chosen
    listed = replace(first, passage=passage, start=start, end=end, score=first.score)
    return [first, listed, *chosen[1 : MAX_SENTENCES - 1]]


def _next_passage(passage: Any, passages: Sequence[Any]) -> Any | None:
    """The retrieved passage right after ``passage`` in its document, page and section (the
    two are a paragraph break apart), or None."""
    return next(
        (
            p
            for p in passages
            if p.source == passage.source
            and p.page in (passage.page, passage.page_end)
            and p.section == passage.section
            and 0 <= p.start - passage.end <= 2
        ),
        None,
    )


def with_list_after(query: Any, chosen: list[Any]) -> list[Any]:
    """``chosen`` with the sentence after the first quote when that sentence introduces a list
    (``list_spans.opens_list``, items following) and holds a topic word of the question the quote
    lacks: "16 § Om … fortfarande finns risker ska ytterligare åtgärder vidtas." is quoted with
    "Riskerna ska minskas … genom … följande typer av åtgärder i följande prioritetsordning." and
    its numbered items for "I vilken ordning ska man välja skyddsåtgärder …?" (the lead's
    items then come with it: ``quotes.expand``). Unchanged otherwise."""
    if not chosen:
        return chosen
    first = chosen[0]
    text = first.passage.text
    spans = spans_of(text)
    k = next((i for i, (a, _b) in enumerate(spans) if a >= first.end), None)
    if k is None or "\n\n" in text[first.end : spans[k][0]]:
        return chosen
    if not (opens_list(text, spans, k) and items_of(text, spans, k)):
        return chosen
    if any(c.passage is first.passage and c.start == spans[k][0] for c in chosen):
        return chosen
    said, lead = stems(first.text), stems(text[spans[k][0] : spans[k][1]])
    wanted = {fold(t) for t in getattr(query, "topic_terms", ())}
    if not any(holds(w, lead) and not holds(w, said) for w in wanted):
        return chosen
    listed = replace(first, start=spans[k][0], end=spans[k][1], score=first.score)
    return [first, listed, *chosen[1 : MAX_SENTENCES - 1]]


def with_listed_members(query: Any, chosen: list[Any]) -> list[Any] | None:
    """``chosen``, or None when the question asks which members a group has (``members_asked``:
    "Vilka studieförbund finns i Ludvika?") and the quotes, read as quoted (``in_context``: a
    list lead with its items), name the group and list none of its members: "Region Dalarna och
    Ludvika kommun ger båda bidrag till de verksamma studieförbunden i länet." says that there
    are some, not which — the kind of answer asked for is absent, as ``absent_kind`` says of a
    number or a name. A quote that lists (``lists_members``: "A, B och C"), is a list's lead or
    item, names two members beside the group's noun, or does not name the group (its members
    may stand there under their own names) is kept as it is. A quote naming the group whose
    neighbour in its paragraph lists is quoted with that neighbour ("… samma godkända vacciner
    som övriga regioner." before "De är från Pfizer, Moderna och Novavax."). ``chosen``: the
    scored sentences to be quoted (``passage``, ``start``, ``end``), best first."""
    group = members_asked(query.folded) if chosen else None
    if group is None or len(group) < 4:
        return chosen
    texts = [in_context(c) for c in chosen]
    naming = [
        (c, t) for c, t in zip(chosen, texts, strict=True) if fold(group[:-2]) in fold(t.casefold())
    ]
    if not naming:
        return chosen
    asked = set(_WORD.findall(query.folded))
    if (
        any(lists_members(t) or _in_list(c) for t, c in zip(texts, chosen, strict=True))
        or any(
            # A member named by a compound on the group's noun: "varannan tisdag" for "Vilka dagar
            # …?", "sektionsritning" for "Vilka ritningar …?".
            _kind_named(t, group)
            for _, t in naming
        )
        or any(
            # Names as members beside the group's noun: "… stödjer även Folkmusikens Hus och
            # Riksteatern i syfte att arrangera … gästspel".
            _names(t, asked) >= 2
            for _, t in naming
        )
    ):
        return chosen
    for c, _ in naming:
        listing = _listing_neighbour(c)
        if listing is not None:
            rest = [o for o in chosen if o is not c]
            return [c, listing, *rest[: MAX_SENTENCES - 2]]
    return None


# A proper name's word: capitalised, inside the sentence (not its first word).
_NAME_WORD = re.compile(r"(?<=[\w,)] )[A-ZÅÄÖ][\wåäö-]+")
_WORD = re.compile(r"\w+")


def _names(text: str, asked: set[str]) -> int:
    """How many capitalised words inside ``text`` the (folded) question does not use: two
    name members ("… stödjer även Folkmusikens Hus och Riksteatern …"), one a party ("Region
    Dalarna och Ludvika kommun ger bidrag …" asked about Ludvika)."""
    return sum(fold(w.casefold()) not in asked for w in _NAME_WORD.findall(text))


def _kind_named(text: str, group: str) -> bool:
    """Does ``text`` hold a compound whose head is the (folded) ``group`` noun, a kind of it
    ("tisdag" of "dagar"), not the group's own word ("studieförbunden" of "studieförbund")?"""
    stem = fold(group[:-2])
    return any(stem in w and not w.startswith(stem) for w in _WORD.findall(fold(text.casefold())))


def _listing_neighbour(candidate: Any) -> Any | None:
    """The sentence just before or after the candidate in its paragraph when it lists ("… samma
    godkända vacciner som övriga regioner. För närvarande finns fyra: Pfizer, Moderna, …"), as a
    candidate of the same passage; else None."""
    text = candidate.passage.text
    spans = spans_of(text)
    before = [(a, b) for a, b in spans if b <= candidate.start]
    after = [(a, b) for a, b in spans if a >= candidate.end]
    for a, b in ([before[-1]] if before else []) + ([after[0]] if after else []):
        gap = text[min(b, candidate.end) : max(a, candidate.start)]
        if "\n\n" not in gap and lists_members(text[a:b]):
            return replace(candidate, start=a, end=b)
    return None


def _in_list(candidate: Any) -> bool:
    """Is the candidate sentence a list's lead with items, or one of its items?"""
    text = candidate.passage.text
    spans = spans_of(text)
    k = next((i for i, (a, b) in enumerate(spans) if a <= candidate.start < b), None)
    if k is None:
        return False
    return bool(opens_list(text, spans, k) and items_of(text, spans, k)) or (
        lead_of(text, spans, k) is not None
    )
