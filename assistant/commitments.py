"""A party's commitments as the library serves them (``Assistant.commitments``).

The sentences in which a document's own parties commit to something (``parties``'s commitment
verbs) are read from every passage once per index state, since that reads the whole corpus,
and then chosen per call by document and party: a party's own commitments before those it
shares with others, so a listing leads with what that party alone promised.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .errors import DocumentNotFoundError
from .parties import (
    COMMITMENT_SUBJECT_VERBS,
    COMMITMENT_VERBS,
    Commitment,
    Party,
    acting_parties,
    names_act,
    party_names,
)

if TYPE_CHECKING:
    from .core import Assistant

__all__ = ["extract_commitments", "party_commitments"]


def party_commitments(
    assistant: Assistant, party: str | None = None, document: str | None = None
) -> list[Commitment]:
    """Sentences in which a party commits to something, optionally for one party or document;
    a ``DocumentNotFoundError`` names the indexed parties when ``party`` matches none."""
    source = assistant.resolve_document(document)
    with assistant._lock:
        if assistant._commitments is None:  # extracted once per index state (``_reset``)
            by_source = {
                d.source: [Party.from_name(n) for n in party_names(d.metadata)]
                for d in assistant.documents()
            }
            docs = assistant.retriever.lexical.docs
            assistant._commitments = extract_commitments(docs, by_source)
        loaded = assistant._commitments
    found = [c for c in loaded if source is None or c.source == source]
    if party:
        wanted = [p for p in assistant.parties() if p.matches(party)]
        if not wanted:
            names = ", ".join(p.name for p in assistant.parties()) or "none indexed"
            raise DocumentNotFoundError(f"No party '{party}' in the index; parties: {names}.")
        names = {p.name for p in wanted}
        found = [c for c in found if names & set(c.parties)]
        # A party's own commitments first, then those it shares.
        found.sort(key=lambda c: len(c.parties) > 1)
    return found


def extract_commitments(
    passages: list[Any], parties_by_source: dict[str, list[Party]]
) -> list[Commitment]:
    """Every sentence of every passage in which one of its document's parties commits."""
    from .chunking import split_sentences
    from .ingest.units import TOC_ENTRY
    from .lexical import terms
    from .list_spans import list_items
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
            if not actors and names_act(
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
