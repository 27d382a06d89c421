"""What a question asks, read once: the typed ``Query`` every later stage works from.

This module, ``question_split`` (compound parts, the asker's own case) and ``intent`` hold
every pattern that reads a question (language, intent, the answer type it wants, follow-up
cues); ``analyze.QueryAnalyzer`` puts them
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
    "asks_for_more",
    "detect_language",
    "fact_kind",
    "foreign_topic",
    "frame_terms",
    "frame_words",
    "intent_of",
    "opens_follow_up",
    "quoted_phrases",
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
    # Of them, those it knows not even as two of its words joined ("energiklass" of "energi" and
    # "klass" is not): a Swedish question with only such topic words asks of another subject.
    foreign_terms: tuple[str, ...] = ()
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


def foreign_topic(query: Query) -> bool:
    """Is ``query`` a Swedish question none of whose topic words the corpus knows, whole, by
    its hyphen-joined parts or as two of its words joined (``Query.foreign_terms``)? "Hur
    ansöker jag om bygglov för en altan i Ludvika?" of a culture agreement naming Ludvika: only
    the name could match, and the passages about Ludvika were answered with (p 0.75). English
    questions meet the texts through a rendering, read otherwise; a question about the
    document itself (``intent`` "document_fact") is answered from its card."""
    return (
        query.language == "sv"
        and query.intent == "fact"  # a document fact ("När gjordes revideringen?") is the card's
        and bool(query.topic_terms)
        # by the words, not their count: a query rewritten for a time asked ("Vad gällde …
        # 2020?" -> "Vad gäller …") keeps the foreign words of the question as typed
        and all(t in query.foreign_terms for t in query.topic_terms)
    )


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


# A phrase in double quotes or guillemets ("Vilka räknas som ”annan fastighet”?"): words the
# asker cites from the text. Single quotes are apostrophes as often.
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{4,60})[\"“”„«»]")


def quoted_phrases(text: str) -> tuple[str, ...]:
    """The phrases of one to six words ``text`` quotes, folded (``fold``): "annan fastighet"."""
    found = (" ".join(fold(m[1]).split()) for m in _QUOTED.finditer(text))
    return tuple(p for p in found if 1 <= len(p.split()) <= 6)


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
