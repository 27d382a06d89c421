"""A question's own parts: a compound question split into the questions it asks, and the
asker's statements about their own case set apart from what they ask (``QueryAnalyzer`` reads
both before anything else; ``parts`` analyses each part).
"""

from __future__ import annotations

import re

from .folding import fold

__all__ = ["asked_part", "split_compound"]


_QUESTION_WORDS = (
    r"vad|vem|vilka|vilken|vilket|hur|nar|var|varfor|what|who|which|how|when|where|why"
)
# "…, och vad har Ludvika lovat …?" and "…Skapande skola? Vem är handläggare?"
# A preposition may come first: "…, och inom vilket program ska det ske?".
# "…, och genom vilket beslut?", "… and by which board?": a preposition may open the next part.
_PART_PREPOSITION = (
    r"(?:i|pa|for|om|med|inom|till|av|vid|fran|genom|enligt|hos|under|"
    r"in|on|for|with|within|to|at|from|of|by|through|under)"
)
_AND_QUESTION = re.compile(
    rf"[,;]?\s+(?:och|and)\s+(?=(?:{_PART_PREPOSITION}\s+)?(?:{_QUESTION_WORDS})\b)", re.I
)
# "Från vilket datum gäller överenskommelsen, och är den tidsbegränsad?": after a comma, a
# verb before its subject pronoun opens a yes/no question of its own.
_AND_YES_NO = re.compile(
    r",\s+(?:och|and)\s+(?=(?:ar|finns|galler|kan|far|maste|ska|behover|har|blir|kostar|is|are|"
    r"does|do|can|must|will)\s+(?:den|det|de|man|jag|vi|ni|du|it|they|there|i|we|you)\b)",
    re.I,
)
_NEXT_QUESTION = re.compile(r"(?<=\?)\s+(?=\S)")
# A question phrase without its verb shares the next part's: "På vilken höjd och med vilket
# avstånd från hörnet bör knappen sitta?" asks one question of two phrases.
_PHRASE_ONLY = re.compile(
    rf"(?:{_PART_PREPOSITION}\s+)?(?:(?:{_QUESTION_WORDS})|"
    # the word after "vilken"/"hur" is the thing or the measure asked ("vilken höjd", "hur
    # ofta"); after "vem"/"vad" it would be the verb of a question of its own ("vem betalar")
    r"(?:vilken|vilket|vilka|hur|which|how)\s+[\w-]+)",
    re.I,
)
# "… gäller rutinen, från och till vilket datum?": "och" between two prepositions joins them
# ("från och till", "from and until"); it starts no second question.
_ENDS_PREPOSITION = re.compile(
    r"(?:^|[\s,])(?:fran|från|till|fore|före|efter|sedan|from|to|until|before|after|since)$",
    re.I,
)


def split_compound(text: str) -> list[str]:
    """The questions in ``text`` (one item if it asks one thing)."""
    parts = []
    for sentence in _NEXT_QUESTION.split(text):
        pieces, pos = [], 0
        folded = fold(sentence)
        # fold keeps offsets only when nothing was joined: split on the folded copy's offsets
        # only if it is as long as the sentence, else on the sentence itself.
        source = folded if len(folded) == len(sentence) else sentence
        splits = sorted(
            [*_AND_QUESTION.finditer(source), *_AND_YES_NO.finditer(source)],
            key=lambda m: m.start(),
        )
        for m in splits:
            if _ENDS_PREPOSITION.search(source[: m.start()]):
                continue
            if _PHRASE_ONLY.fullmatch(source[pos : m.start()].strip(" ,;")):
                continue  # "På vilken höjd och med vilket avstånd … bör knappen sitta?"
            pieces.append(sentence[pos : m.start()])
            pos = m.end()
        pieces.append(sentence[pos:])
        parts += [p.strip(" ,;") for p in pieces]
    kept = _with_statements_joined([p for p in parts if len(p.split()) >= 2])
    return kept if len(kept) > 1 else [text]


# "hur ofta läses mätaren av? jag tycker bara jag får uppskattade räkningar": a sentence about
# the asker's own case, without a question mark, tells why they ask; it asks nothing alone. So
# does one about what the question names, by a pronoun ("behöver jag göra ovk i min villa? den
# har självdrag").
_SITUATION = re.compile(
    r"^(?:jag|vi|man|min|mitt|mina|vart|det|den|denna|dessa|de|dom|han|hon|hen|i|we|my|our|it|"
    r"there|this|these|they|he|she)\b"
)


_SENTENCES = re.compile(r"(?<=[.?!])\s+(?=\S)")


# "Finns det barn som inte borde omfattas? Ge exempel.": a request for more of the same answer
# names no topic of its own; refused as a question, it told the asker the texts say nothing.
_MORE_OF_IT = re.compile(
    r"^(?:(?:ge|give|please give|name)\s+(?:garna\s+)?(?:nagra\s+|ett\s+|some\s+|an\s+)?"
    r"(?:exempel|examples?)|forklara|motivera|utveckla|explain|elaborate)"
    r"(?:\s+(?:garna|please|varfor|why))?\W*$"
)


def _statement(sentence: str) -> bool:
    """Is ``sentence`` about the asker's own case (``_SITUATION``, no question mark), or a
    request for more of the answer before it (``_MORE_OF_IT``)?"""
    folded = fold(sentence).casefold().strip()
    if _MORE_OF_IT.match(folded):
        return True
    return not sentence.rstrip().endswith("?") and bool(_SITUATION.match(folded))


# "min son hyr ett studentrum på 25 kvm, räknas det som en bostadsenhet?": the asker's own case
# before a comma, in the first person, then the question.
_OWN_CASE = re.compile(r"^(?:jag|vi|min|mitt|mina|we|my|our)\b[^,?]*,\s*(?=\w)", re.I)
# The asker's example after a comma or in brackets ("… fel på ett hjälpmedel, typ en lyft?",
# "(t.ex. en lyft)", ", for example a hoist"): one instance of what is asked, which the text
# names by its kind ("medicintekniska produkter"), so no word the answer must hold.
_EXAMPLE = re.compile(
    r"\s*(?:,\s*|\(\s*)(?:typ(?! av\b)|t\.\s?ex\.?|till exempel|exempelvis|som till exempel|"
    r"e\.\s?g\.?|for example|for instance|such as|like)\s+[^,?()]{1,40}\)?(?=\s*[?!.]?\s*$)",
    re.I,
)


def asked_part(text: str) -> str:
    """``text`` without its statements about the asker's own case ("Vi har en industritomt där
    en del av marken inte används än. Hur länge kan vi få skjuta upp avgiften?" -> the
    question; "min son hyr ett studentrum på 25 kvm, räknas det …?" -> "räknas det …?"): what
    the answer must be about; the statements stay in what retrieval reads. The whole ``text``
    when nothing else is left."""
    sentences = _SENTENCES.split(text.strip())
    asked = [s for s in sentences if not _statement(s)]
    asked = [s[len(m[0]) :] if (m := _OWN_CASE.match(s)) else s for s in asked]
    asked = [_EXAMPLE.sub("", s) or s for s in asked]
    changed = len(asked) < len(sentences) or " ".join(asked) != " ".join(sentences)
    return " ".join(asked) if asked and changed else text


def _with_statements_joined(parts: list[str]) -> list[str]:
    """``parts`` with each statement (``_SITUATION``, no "?") joined to the question before it
    (or after it, when it comes first)."""
    out: list[str] = []
    pending = ""
    for part in parts:
        if _statement(part):
            if out:
                out[-1] = f"{out[-1]} {part}"
            else:
                pending = f"{pending} {part}".strip()
            continue
        out.append(f"{pending} {part}".strip() if pending else part)
        pending = ""
    return out or ([pending] if pending else [])
