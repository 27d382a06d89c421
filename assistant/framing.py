"""The words around the quotes: how an answer, a list of answers or a refusal reads."""

from __future__ import annotations

from typing import Any

from .chunking import SECTION_SEP
from .ingest.card import shown_fact
from .results import Answer, Citation, Passage
from .sentences import starts_lower

__all__ = [
    "abstain",
    "frame",
    "frame_list",
    "frame_per_document",
    "more_or_nothing",
    "quoted",
    "refuse_for_document",
]

_MAX_SILENT = 12
# A list item ending so reads on into the next one without a separator.
_LINKED = (",", ";", ":", ".", "?", "!", " och", " eller", " samt", " and", " or")


def quoted(c: Citation) -> str:
    """A citation's words as the answer shows them: verbatim in quotation marks, or, for the
    document card (facts gathered at indexing, not words of the text), without them. Runs of
    white space inside a quote are shown as one space."""
    if c.passage.kind == "card":
        return "; ".join(shown_fact(line) for q in c.quotes for line in q.split("\n"))
    text, spans = c.passage.text, c.spans
    # Line breaks inside a highlight are layout (a table's label and value on their own lines,
    # ``sentences._VALUE_LINE``), not words: shown as one space, so the quote reads as one line.
    shown = [" ".join(q.split()) for q in c.quotes]
    out = shown[0]
    # Is the last quote added a list item (after a bullet or number on its line)? The first
    # is one when its lead is the heading above the passage ("• utse en kontaktperson").
    before = text[: spans[0][0]].rsplit("\n", 1)[-1].strip() if spans else ""
    item = bool(before) and not any(ch.isalpha() for ch in before)
    for (_, end), (start, _), quote in zip(spans, spans[1:], shown[1:], strict=False):
        gap = text[end:start]
        if any(ch.isalpha() for ch in gap):
            out += " … "  # words left out
        elif gap.strip() and item and not out.endswith(_LINKED):
            out += "; "  # the next item of a list without punctuation of its own
        else:
            out += " "  # a lead that stops mid-sentence ("åtar sig att") reads into its item
        item = bool(gap.strip()) and not any(ch.isalpha() for ch in gap)
        out += quote
    return f"”{out}”"


def _page(p: Passage, language: str) -> str:
    if not p.page_known:  # the file does not say where its pages break: its section instead
        return p.section
    return f"{'s.' if language == 'sv' else 'p.'} {p.page}"


def _where(p: Passage, language: str, c: Citation | None = None) -> str:
    if p.kind == "card":
        lead = "dokumentuppgifterna för" if language == "sv" else "the document details of"
        return f"{lead} {p.title}"
    page = _page(p, language)
    where = f"{p.title}, {page}" if page else p.title
    heading = _heading_of_fragment(c) if c is not None and p.page_known else ""
    return f"{where}, under ”{heading}”" if heading else where


def _heading_of_fragment(c: Citation) -> str:
    """The heading over a quote that starts mid-sentence: a list item whose lead is the heading
    itself ("4.4.1 Region Stockholm åtar sig att se till att" / "• se till att läkare finns
    tillgänglig dygnet runt."), so that the reader sees whose commitment it is. "" for a quote
    that starts a sentence, or a passage without a section."""
    heading = c.passage.section.split(SECTION_SEP)[-1].strip()
    if not starts_lower(c.quotes[0]) or heading.casefold().startswith("fotnot"):
        return ""  # a footnote's section names the note ("fotnot 3 (s. 5)"), not a lead
    return heading


def frame(citations: list[Citation], language: str) -> str:
    if len(citations) == 1:
        c = citations[0]
        lead = "Enligt" if language == "sv" else "According to"
        return f"{lead} {_where(c.passage, language, c)}: {quoted(c)} [{c.n}]"
    lead = "Enligt avtalstexterna:" if language == "sv" else "According to the texts:"
    return frame_list(lead, citations, language)


def frame_per_document(citations: list[Citation], silent: list[str], language: str) -> str:
    sv = language == "sv"
    lead = "Dessa dokument tar upp det:" if sv else "These documents address it:"
    lines = [
        f"- {c.passage.title}: {quoted(c)} [{c.n}]" + _parenthesised(_page(c.passage, language))
        for c in citations
    ]
    if silent:
        named = "; ".join(silent[:_MAX_SILENT])
        if len(silent) > _MAX_SILENT:
            more = len(silent) - _MAX_SILENT
            named += f" och {more} dokument till" if sv else f" and {more} more documents"
        lines.append(("Inget om det i: " if sv else "Nothing on it in: ") + named + ".")
    return "\n".join([lead, *lines])


def _parenthesised(text: str) -> str:
    return f" ({text})" if text else ""


def frame_list(lead: str, citations: list[Citation], language: str) -> str:
    """A lead line and one cited quote per line."""
    lines = [f"- {quoted(c)} [{c.n}] ({_where(c.passage, language, c)})" for c in citations]
    return "\n".join([lead, *lines])


def abstain(
    question: str,
    language: str,
    related: list[Passage],
    absent: tuple[str, ...] = (),
    elsewhere: tuple[str, ...] = (),
) -> Answer:
    """The texts do not answer; ``absent``: names the question uses that no text mentions
    (``Query.absent_names``), said first, since they are why ("Texterna nämner inte Huddinge
    kommun."); ``elsewhere``: names only other documents than the closest ones mention
    (``elsewhere.named_elsewhere``: "Texterna om detta nämner inte Sundsvall.")."""
    topic = question.strip().rstrip("?").strip()
    if language == "sv":
        text = (
            f"Jag hittar inget om ”{topic}” i avtalstexterna. "
            "De närmaste ställena visas som relaterade, inte som svar."
        )
        if absent:
            text = f"Texterna nämner inte {_either(absent, 'eller')}. {text}"
        elif elsewhere:
            text = f"Texterna om detta nämner inte {_either(elsewhere, 'eller')}. {text}"
    else:
        text = (
            f"I cannot find anything about “{topic}” in the agreement texts. "
            "The closest passages are shown as related, not as an answer."
        )
        if absent:
            text = f"The texts do not mention {_either(absent, 'or')}. {text}"
        elif elsewhere:
            text = f"The texts on this do not mention {_either(elsewhere, 'or')}. {text}"
    return Answer(question, False, text, language, [], related)


def _either(names: tuple[str, ...], word: str) -> str:
    """The names joined as a sentence says them: A; A or B; A, B or C."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def refuse_for_document(
    question: str, language: str, title: str, elsewhere: list[str], related: list[Passage]
) -> Answer:
    """The chosen document does not answer; say so, and which other documents do."""
    topic = question.strip().rstrip("?").strip()
    if language == "sv":
        text = f"{title} säger inget om ”{topic}”."
        if elsewhere:
            text += " Det tas däremot upp i: " + "; ".join(elsewhere) + "."
    else:
        text = f"{title} says nothing about “{topic}”."
        if elsewhere:
            text += " It is addressed in: " + "; ".join(elsewhere) + "."
    return Answer(question, False, text, language, [], related)


_MORE_PASSAGES = 2


def more_or_nothing(query: Any, candidates: list[Any], documents: dict[str, Any]) -> Answer:
    """A follow-up asking for more ("vad mer?", "anything else?") after an answer that quoted the
    best evidence: the best sentence of each of the next passages read that the earlier answer
    did not quote (``candidates`` has its quotes left out already), said to be the next closest;
    or, when those passages were all quoted, that the texts say nothing more."""
    from .quotes import Pick, cite_picks  # quotes imports index; framing stays light

    language = query.language
    sv = language == "sv"
    best: dict[str, Any] = {}
    for c in candidates:  # best first: the first of each passage is its best sentence
        if c.passage.kind != "card":
            best.setdefault(c.passage.id, c)
    # Passages the earlier answer showed nothing of come before the rest of a quoted one.
    given = tuple(getattr(query, "exclude", ()) or ())
    ordered = sorted(best.values(), key=lambda c: any(q in c.passage.text for q in given))
    picks = [Pick(c.passage, c.start, c.end, c.score) for c in ordered[:_MORE_PASSAGES]]
    if not picks:
        text = (
            "Texterna säger inget mer om det än det jag redan citerat."
            if sv
            else "The texts say nothing more about it than what I already quoted."
        )
        return Answer(query.question, False, text, language, [], [])
    lead = (
        "Utöver det jag redan citerat är detta det som ligger närmast i texterna:"
        if sv
        else "Beyond what I already quoted, this is the closest the texts come:"
    )
    citations = cite_picks(picks, documents)
    return Answer(query.question, True, frame_list(lead, citations, language), language, citations)
