"""A party's commitments as the library serves them (``Assistant.commitments``).

The sentences in which a document's own parties commit to something (``parties``'s commitment
verbs) are read from every passage once per index state, since that reads the whole corpus,
and then chosen per call by document and party: a party's own commitments before those it
shares with others, so a listing leads with what that party alone promised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import DocumentNotFoundError
from .parties import Commitment, Party, extract_commitments, party_names

if TYPE_CHECKING:
    from .core import Assistant

__all__ = ["party_commitments"]


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
