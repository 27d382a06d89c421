"""What a question asks, read once: the typed ``Query`` every later stage works from.

This module and ``intent`` hold every pattern that reads a question (language, compound
parts, intent, the answer type it wants, follow-up cues); ``analyze.QueryAnalyzer`` puts them
together with what the index knows (parties, documents, vocabulary). Patterns run over ``fold``-ed text, so a
question typed without å/ä/ö meets the same patterns as its well-typed twin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .bilingual import Renderer
from .folding import clean, fold
from .intent import (
    FACTS,
    INTENTS,
    fact_kind,
    frame_terms,
    frame_words,
    intent_of,
    topic_of,
    wanted_answer,
)
from .leaning import OwnAsk
from .timeframe import TimeScope

__all__ = [
    "Query",
    "INTENTS",
    "FACTS",
    "asked_part",
    "asks_for_more",
    "detect_language",
    "fact_kind",
    "frame_terms",
    "frame_words",
    "intent_of",
    "opens_follow_up",
    "quoted_phrases",
    "split_compound",
    "topic_of",
    "wanted_answer",
]


@dataclass(frozen=True)
class Query:
    """One user turn, analysed (``analyze.QueryAnalyzer``); each field's meaning beside it."""

    text: str  # as typed (validated)
    question: str  # self-contained (a follow-up resolved against the history), cleaned
    language: str  # "sv" | "en"
    normalized: str  # ``clean(text)``: NFKC, no zero-width characters, case and accents kept
    search_text: str  # ``question`` in the corpus's spelling: what retrieval embeds and matches
    folded: str  # ``fold(search_text)``: for matching only
    asked: str = ""  # ``asked_part(search_text)``: without the asker's own case ("" = all of it)
    quoted: tuple[str, ...] = ()  # phrases the question quotes (``quoted_phrases``), folded
    terms: tuple[str, ...] = ()  # stemmed words of ``search_text``
    topic_terms: tuple[str, ...] = ()  # ``terms`` without frame words, party and document names
    unknown_terms: tuple[str, ...] = ()  # topic terms the corpus does not know
    parties: tuple[str, ...] = ()  # names (Party.name) of the parties the question names
    documents: tuple[str, ...] = ()  # sources named explicitly (file name, title, short name)
    prefer: tuple[str, ...] = ()  # sources pointed at by title words or party names
    intent: str = "fact"  # one of INTENTS
    # "document_fact": one of FACTS; "fact": "in_force" when it asks when something takes effect
    fact: str | None = None
    wants: str | None = None  # "date", "amount", "duration", "person", "place", "contact_detail"
    follow_up: bool = False
    exclude: frozenset[str] = frozenset()  # quotes an earlier answer gave ("vad mer?")
    parts: tuple[Query, ...] = ()  # a compound question's parts, each analysed
    topic: str = ""  # ``search_text`` without its frame ("which documents mention X" -> X)
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, corpus spelling) rewrites
    # (everyday phrase, the texts' term) the topic words and lexical signals read in its stead
    # ("sjuk eller borta" -> "förfall": plain_words.py); the typed text stays for embedding
    readings: tuple[tuple[str, str], ...] = ()
    time: TimeScope | None = None  # the time asked about ("vad gällde 2020?"): timeframe.py
    # A compound part that leans on the part before it ("…, och vem finansierar det?"): what it
    # asks of its own beyond the inherited topic (leaning.py); None for a part standing alone.
    leans: OwnAsk | None = None
    alone: Query | None = None  # a leaning part as typed, asked alone when leaning finds nothing
    # Names the question uses ("Huddinge kommun", "Sjöby-överenskommelsen": names.py), and those
    # of them the corpus never mentions: the question is about something the texts are not.
    names: tuple[str, ...] = ()
    absent_names: tuple[str, ...] = ()
    # The distinctive words of each name the corpus writes as such (``elsewhere``).
    name_words: tuple[tuple[str, ...], ...] = ()
    # Those of them that name a public body like the texts' parties ("Huddinge kommun", "Region
    # Stockholm": ``names.names_party``): the question asks what another party does; refused.
    absent_parties: tuple[str, ...] = ()
    # An English question's Swedish rendering, made once per question and index state by the
    # analyser's renderer and read by every stage through ``swedish`` and ``swedish_share`` (a
    # ``replace``d search text is rendered anew, once as well).
    renderer: Renderer | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return self.question

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1

    def _renderer(self, knows: Callable[[str], bool]) -> Renderer:
        # ``knows`` only for a Query built without the analyser (plain text, tests).
        return self.renderer if self.renderer is not None else Renderer.of_terms(knows)

    def swedish(self, knows: Callable[[str], bool]) -> str:
        """``search_text`` rendered in Swedish (``bilingual.swedish_rendering``, keeping words
        all of whose stemmed terms ``knows`` has): the analyser's rendering when it made this."""
        return self._renderer(knows).text(self.search_text)

    def swedish_share(self, knows: Callable[[str], bool]) -> float:
        """Share of the rendering's parts that meet the corpus (``bilingual.rendered_share``)."""
        return self._renderer(knows).share(self.search_text)


# --- language ------------------------------------------------------------------------------------

# Function words, compared folded: a Swedish question typed without å/ä/ö ("Nar ar sista dagen
# for ...") must read as Swedish. A word that is both once folded ("för"/"for") tells nothing.
_SV_WORDS = """
    och att det som är på vad vem vilka vilken vilket hur har för med ska skall om kan inte av
    till gör när var varför finns den de i sig mellan enligt regionen kommunen jag vi man min
    mitt mina vår våra behöver måste får gäller krävs eller ett en vid hos efter då också bara
    någon något några ingen alla sin sina kommer blir ha vara sker hos mig oss
"""
_EN_WORDS = """
    the what who which how is are did does do of to and for about when where why can in a an
    regarding commit say said agree agreed their they it with should must have has was were be
    been will would could on or this that there my me we our you your any need than
"""


def _folded_words(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


_SV_ONLY = _folded_words(_SV_WORDS) - _folded_words(_EN_WORDS)
_EN_ONLY = _folded_words(_EN_WORDS) - _folded_words(_SV_WORDS)
_LETTERS = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """'sv' or 'en', by function words compared folded (so case, diacritics, a decomposed "ä" or
    a zero-width space change nothing), an English "I" ("Can I …", "can i …": an "i" after an
    English word) and, weakly, words with å/ä/ö (a Swedish name in an English question is
    common); Swedish wins ties, it is the corpus language."""
    written = _LETTERS.findall(clean(text))
    folded = [fold(w) for w in written]
    sv = en = 0.0
    for i, (word, plain) in enumerate(zip(written, folded, strict=True)):
        if plain == "i" and i and (word == "I" or folded[i - 1] in _EN_ONLY):
            en += 1
        else:
            sv += plain in _SV_ONLY or 0.5 * (plain != word.casefold())
            en += plain in _EN_ONLY
    return "en" if en > sv else "sv"


# --- compound questions -------------------------------------------------------------------------

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
        for m in _AND_QUESTION.finditer(source):
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


def _statement(sentence: str) -> bool:
    """Is ``sentence`` about the asker's own case (``_SITUATION``, no question mark)?"""
    return not sentence.rstrip().endswith("?") and bool(_SITUATION.match(fold(sentence).casefold()))


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


# A phrase in double quotes or guillemets ("Vilka räknas som ”annan fastighet”?"): words the
# asker cites from the text. Single quotes are apostrophes as often.
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{4,60})[\"“”„«»]")


def quoted_phrases(text: str) -> tuple[str, ...]:
    """The phrases of one to six words ``text`` quotes, folded (``fold``): "annan fastighet"."""
    found = (" ".join(fold(m[1]).split()) for m in _QUOTED.finditer(text))
    return tuple(p for p in found if 1 <= len(p.split()) <= 6)


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


# --- follow-up cues -----------------------------------------------------------------------------

_OPENER = re.compile(
    r"^\s*(och|men|samt|an|and|but|what about|how about|hur ar det med|hur blir det med|"
    r"vad galler|vad om|what of|same for|samma for)\b"
)
_MORE = re.compile(r"\b(vad mer|nagot mer|mer an|annat|ovrigt|else|more|other|anything)\b")
FOLLOW_UP_FILLER = (
    "då then about och and but what how hur vad om mer else more other anything något annat "
    "övrigt sida page which vilken på står it det den står say says said också too also"
)


def opens_follow_up(folded: str) -> bool:
    """Does the question open like a follow-up ("och regionen då?", "what about …")?"""
    return bool(_OPENER.match(folded))


def asks_for_more(folded: str) -> bool:
    """Does it ask for what was not said yet ("vad mer?", "anything else?")?"""
    return bool(_MORE.search(folded))
