"""Quotes that read as answers: whole sentences, lists with their lead, one citation per passage.

The answerer picks sentences; this module turns them into citations a reader can use:
- a sentence that introduces a list ("… vid följande fall:") is quoted with its items, and a
  list item is never quoted without the sentence that introduces it;
- a fragment that continues the sentence before it (it starts in lower case) is quoted with it,
  and a sentence after a bare answer opening its paragraph ("Nej.", "Delvis.") with that answer;
- several sentences from one passage are one citation with several highlights (``quotes``),
  not [1], [2], [3] of the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .indexing.records import StoredDocument
from .list_spans import items_of, lead_of, opens_list, spans_of
from .results import Citation, Passage

__all__ = ["Pick", "cite", "cite_picks", "expand", "names_again", "starts_cut"]


@dataclass
class Pick:
    """A chosen sentence: its offsets in the passage and its score."""

    passage: Passage
    start: int
    end: int
    score: float


def starts_cut(passage: Passage, start: int) -> bool:
    """Does the sentence at ``start`` open the passage in the middle of a sentence (lower case,
    or a closing bracket before any opening one: "4 §) finns …")? Nothing before it in the
    passage can complete it, so it cannot be quoted as a whole sentence."""
    if passage.text[:start].strip():
        return False
    head = passage.text[start : start + 200]
    close, opening = head.find(")"), head.find("(")
    return head[:1].islower() or (close >= 0 and (opening < 0 or close < opening))


# Where a sentence starts: after a full stop and before a capital ("kap. 7" is no end), or
# after a blank line.
_SENTENCE_START = re.compile(r"(?:[.!?:]\s+(?=[A-ZÅÄÖ\"”(•-])|\n\s*\n\s*(?=\S))")
_REACH = 400


def _whole(group: list[Pick], documents: dict[str, StoredDocument]) -> list[Pick]:
    """The picks of one passage; if one stands where the passage was cut from the middle of a
    sentence, the passage is widened on its page to that sentence's start (the quote stays
    verbatim in the passage, and the passage in the page)."""
    passage = group[0].passage
    doc = documents.get(passage.source)
    if (
        doc is None
        or passage.kind == "card"
        or not any(starts_cut(passage, p.start) for p in group)
    ):
        return group
    page = doc.page_text(passage.page, passage.kind)
    if page[passage.start : passage.end] != passage.text:
        return group  # ``cite`` reports the stale index
    window = page[max(0, passage.start - _REACH) : passage.start]
    found = list(_SENTENCE_START.finditer(window))
    if not found:
        return group
    start = passage.start - len(window) + found[-1].end()
    shift = passage.start - start
    wider = replace(passage, text=page[start : passage.end], start=start)
    return [Pick(wider, p.start + shift, p.end + shift, p.score) for p in group]


def _continues(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Does span ``k`` continue the sentence before it (a fragment starting in lower case)?"""
    if k == 0:
        return False
    first = text[spans[k][0] : spans[k][0] + 1]
    before = text[spans[k - 1][0] : spans[k - 1][1]]
    marked = text[spans[k - 1][1] : spans[k][0]].strip()  # a bullet or number: a list item
    return first.islower() and not marked and not before.endswith((".", "!", "?", ":"))


def expand(passage: Passage, start: int, end: int) -> list[tuple[int, int]]:
    """The highlights that quote the sentence at ``start:end`` so that it reads on its own."""
    text = passage.text
    spans = spans_of(text)
    k = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    if k is None:
        return [(start, end)]
    j = k
    while _continues(text, spans, j):  # a fragment is quoted with the sentence it continues
        j -= 1
    while k + 1 < len(spans) and _continues(text, spans, k + 1):  # and with its own end
        k += 1
    if _answer_word(text, spans, j - 1) or _refers_back(text, spans, j):
        # "Delvis. Nybyggt enbostadshus behöver …": the answer's own first word with it;
        # "Erbjudandet gäller …": the sentence whose offer it names
        j -= 1
    if _if_so(text, spans, k + 1):
        k += 1  # "… bör inte enbart bestå av personal från ett och samma företag. Om så är fallet, …"
    out = [(spans[j][0], spans[k][1])]
    lead = lead_of(text, spans, j)
    if lead is not None:
        out.append(spans[lead])  # a list item with the sentence that introduces it
    if opens_list(text, spans, k):
        items = items_of(text, spans, k)
        if not items and text[spans[k][0] : spans[k][1]].endswith(":") and k + 1 < len(spans):
            # "Avgift utgår per mätare och år:" over a table's run of cells: what it introduces,
            # never the lead alone
            items = [k + 1]
        out += [spans[i] for i in items]  # a list's lead with its items
    elif _short_lead(text, spans, k + 1):
        # "… vilka fokusområden som blir mål för 2027. Förslaget är följande:" over the items:
        # a lead without words of its own points back to the sentence before it.
        out += [spans[i] for i in (k + 1, *items_of(text, spans, k + 1))]
    return _merge(sorted(out), text)


# A definite noun's ending ("erbjudandet", "avgiften", "förordningen", "ansökningarna").
_DEFINITE_END = re.compile(r"(?:andet|endet|erna|arna|orna|et|en|na)$")
_WORDS = re.compile(r"\w+")
# Pronouns that stand for the sentence before ("Detta framförs bl.a. av … åtta kommuner"); "Det"
# is as often a dummy subject ("Det finns …") and is left alone.
_POINTS_BACK = frozenset({"detta", "dessa"})


def names_again(
    sentence: str, before: str, pronouns: frozenset[str] = _POINTS_BACK, repeated: bool = False
) -> bool:
    """Does ``sentence`` open with one of ``pronouns`` or with a definite noun naming again what
    ``before`` introduced ("Erbjudandet gäller …" after "… skyldig att erbjuda …", "Avgiften
    betalas …" after "… tas en avgift ut")? ``repeated``: the same word in ``before`` counts
    too ("Förordningen omfattar …" after "Genom förordningen …"); else it names nothing new
    ("Kommunen … . Kommunen är också …")."""
    words = _WORDS.findall(sentence.casefold())
    if not words:
        return False
    word = words[0]
    if word in pronouns:
        return True
    stem = _DEFINITE_END.sub("", word)
    if len(stem) < 5 or stem == word:
        return False
    named = _WORDS.findall(before.casefold())
    # The earlier word is the noun's own form or its verb's ("avgift", "avgifter", "erbjuda"),
    # not a longer word on the same stem ("regionala" does not make "Regionen" point back).
    forms = [w for w in named if w.startswith(stem) and len(w) <= len(stem) + 2]
    return bool(forms) and (repeated or word not in named)


# A sentence that says what follows from the one before: "Om så är fallet, verifiera …", "Om
# inte, …", "I så fall …", "Annars …", "If so, …", "Otherwise …".
_IF_SO = re.compile(
    r"(?:om så (?:inte )?är fallet|om så sker|om inte|i så fall|i annat fall|annars|"
    r"if so|if not|otherwise|in that case)\b",
    re.I,
)


def _if_so(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Does span ``k`` (in the paragraph of the one before) say what follows from the sentence
    before it? Quoted without it, that sentence states a premise and leaves out what to do."""
    if k <= 0 or k >= len(spans) or "\n\n" in text[spans[k - 1][1] : spans[k][0]]:
        return False
    return bool(_IF_SO.match(text, spans[k][0]))


def _refers_back(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Does span ``k`` name again what the sentence before it in its paragraph introduced
    (``names_again``)? Its subject is that sentence's, and quoted alone it does not say whose
    offer or fee it is."""
    if k == 0 or "\n\n" in text[spans[k - 1][1] : spans[k][0]]:
        return False
    before = text[spans[k - 1][0] : spans[k - 1][1]]
    sentence = text[spans[k][0] : spans[k][1]]
    return sentence[:1].isupper() and before.endswith(".") and names_again(sentence, before)


def _answer_word(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Is span ``k`` a bare answer opening its paragraph ("Nej.", "Delvis.", "Ej alltid.",
    "Starkt rekommenderat."): three words at most, no figure, ending in a full stop, the next
    sentence on its line? FAQ answers open so; quoted without it, the sentence after it loses
    the yes or no it explains."""
    if k < 0 or k + 1 >= len(spans):
        return False
    word = text[spans[k][0] : spans[k][1]]
    opens = k == 0 or "\n" in text[spans[k - 1][1] : spans[k][0]]
    return (
        opens
        and "\n" not in text[spans[k][1] : spans[k + 1][0]]
        and word[:1].isupper()
        and word.endswith((".", "!"))
        and len(word.split()) <= 3
        and not any(ch.isdigit() for ch in word)
    )


def _short_lead(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Is span ``k`` a lead of five words at most ending in a colon over items of its own
    ("Förslaget är följande:", "Dessa är:")?"""
    if k >= len(spans):
        return False
    lead = text[spans[k][0] : spans[k][1]]
    return lead.endswith(":") and len(lead.split()) <= 5 and bool(items_of(text, spans, k))


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping spans, and a fragment with the sentence it continues, become one highlight;
    neighbouring whole sentences stay separate highlights (the answer joins them)."""
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and merged[-1][1] >= a:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def cite_picks(picks: list[Pick], documents: dict[str, StoredDocument]) -> list[Citation]:
    """One numbered citation per passage, in the order of each passage's best pick.

    ``Citation.quote`` is the highlight that holds the passage's best pick; ``quotes`` are all
    of them in passage order."""
    groups: dict[str, list[Pick]] = {}
    for pick in picks:
        groups.setdefault(pick.passage.id, []).append(pick)
    groups = {pid: _whole(group, documents) for pid, group in groups.items()}
    citations = []
    for n, group in enumerate(groups.values(), start=1):
        passage = group[0].passage
        if passage.kind == "card":
            spans = [(p.start, p.end) for p in group]
        else:
            spans = [s for p in group for s in expand(passage, p.start, p.end)]
        spans = _merge(sorted(set(spans)), passage.text)
        best = max(group, key=lambda p: p.score)
        main = next((a, b) for a, b in spans if a <= best.start < b)
        quotes = [passage.text[a:b] for a, b in spans]
        citations.append(
            Citation(n, passage, passage.text[main[0] : main[1]], best.score, quotes=quotes)
        )
    _check(citations, documents)
    return citations


def cite(
    picked: list[tuple[Passage, str | list[str], float]], documents: dict[str, StoredDocument]
) -> list[Citation]:
    """Numbered citations of given quotes (the first is ``quote``); each passage is checked
    verbatim against the cleaned source."""
    citations = []
    for i, (p, q, s) in enumerate(picked, start=1):
        quotes = [q] if isinstance(q, str) else list(q)
        citations.append(Citation(n=i, passage=p, quote=quotes[0], score=s, quotes=quotes))
    _check(citations, documents)
    return citations


def _check(citations: list[Citation], documents: dict[str, StoredDocument]) -> None:
    for c in citations:
        doc = documents.get(c.passage.source)
        p = c.passage
        if doc is None or doc.page_text(p.page, p.kind)[p.start : p.end] != p.text:
            raise RuntimeError(
                f"Passage {p.id} no longer matches {p.source} page {p.page}: run `assistant index`."
            )
