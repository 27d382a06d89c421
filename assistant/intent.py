"""What a question asks for: its intent, the document fact it names, the answer type it wants.

Patterns run over ``fold``-ed text (no case, no diacritics). ``query`` re-exports everything here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .answer_type import wanted_answer
from .document_phrase import document_phrase
from .fact_kinds import FACTS, fact_kind
from .folding import fold_word
from .lexical import terms

__all__ = [
    "FACTS",
    "INTENTS",
    "document_words",
    "fact_kind",
    "fact_terms",
    "frame_terms",
    "frame_words",
    "intent_of",
    "measure_words",
    "phrase_of",
    "topic_of",
    "wanted_answer",
    "without_frame_phrases",
]

INTENTS = ("fact", "commitments", "which_documents", "document_fact")

_WHICH_DOCUMENTS = re.compile(
    r"\b(vilka|vilken|which|what)\s+(dokument|avtal|overenskommelser|texter|lagar|"
    r"documents?|agreements?|texts?|laws?)\b"
)
# "Vilka kommuner har elevkulturombud?" asks which documents where several municipalities each
# have their own; of a corpus without them ("Vilka kommuner har fått bidrag enligt
# förordningen?" of ordinances) it asks a fact, weighed like any other.
_WHICH_MUNICIPALITIES = re.compile(
    r"\b(?:vilka|vilken|which|what)\s+(?:kommuner|municipalit(?:y|ies))\b"
)
_WHICH_FRAME = re.compile(
    r"\b(vilka|vilken|which|what)\s+(dokument|avtal|överenskommelser|overenskommelser|kommuner|"
    r"texter|lagar|documents?|agreements?|municipalit(?:y|ies)|texts?|laws?)\b|\b(n[äa]mner|"
    r"tar upp|handlar om|s[äa]ger något om|s[äa]ger nagot om|skriver om|inneh[åa]ller|mention|"
    r"mentions|address|addresses|talk about|say anything about|cover|covers|deal with|contain|"
    r"contains)\b",
    re.I,
)
_COMMITMENTS = re.compile(
    r"\b(commit\w*|atag\w*|atar|lova\w*|promise\w*|pledge\w*|undertak\w*|ska\s+\w+\s+gora)\b"
)
# Words that frame a question about the texts (or a document fact) rather than name its topic.
_FRAME_WORDS = (
    "säger står avtalet avtal överenskommelsen överenskommelse texten texterna dokumentet dokument "
    "gäller nämns handlar skriver lagen bibliotekslagen beskrivs många mycket antal policyn "
    "riktlinjen rutinen reglerna agreement document text texts law policy say says said state "
    # the text's own worked example, named as the document is ("… enligt exemplet?")
    "exemplet exemplen exemplets example "
    "states "
    # the document itself by its kind, as ``document_phrase`` reads it ("När antogs taxan?")
    "taxan föreskrifterna stadgarna reglementet direktivet tariff regulations ordinance bylaws "
    "directive "
    "mention mentions according how what who which when where why vad vem hur när var varför "
    "vilken vilket vilka "
    # a speaker's particles, no topic ("Hur länge gäller planen egentligen?")
    "egentligen alltså faktiskt ungefär actually really exactly roughly anyway "
    # focus particles narrow what is asked, they name no topic ("… anställd i bara några dagar",
    # "… för precis varje behandling", "… efter att den väl har gjorts"), and a text rarely
    # uses them, so they weighed most among the topic words the best sentence must hold
    "bara endast enbart precis just typ liksom väl only merely solely "
    # "gäller" frames (above) in the past too
    "gällde "
    # modal verbs frame what is asked; a text says "ska", the asker "måste", "behöver"
    "måste behöver behövs bör borde need needs needed"
)
_FACT_WORDS = (
    "handläggare handläggaren kontaktperson kontakt contact person case officer diarienummer "
    "diarienumret dnr ärendenummer case number reference beteckning länge gäller giltig "
    "giltighetstid period perioden planperiod planperioden valid long expire force antogs "
    "antagen beslutades beslutad fastställd undertecknad signed adopted approved decided datum "
    "antaget antagits beslutats fastställt fastställts fastställdes godkänd godkänt godkändes "
    "skrivit skrev undertecknat undertecknade avsändare avsändaren underskrift signatory sender "
    "signature räkning vägnar behalf "
    "antagit antog beslutat beslutade fattat fattade fattats tog tagit togs nämnd nämnden organ organet "
    # the body that adopts, named as the adopter ("När antog kommunfullmäktige VA-taxan?")
    "fullmäktige kommunfullmäktige regionfullmäktige styrelsen kommunstyrelsen regionstyrelsen "
    # a national text is decided by the Government ("Beslut vid regeringssammanträde …")
    "regeringen government "
    "council municipal board committee approve approves adopt adopts enact enacts "
    "från sedan from year år "
    # whom to ask about it, by phone ("Vem ska jag ringa om jag har frågor om taxan?")
    "ringa ring call phone telefonnummer frågor frågan fråga questions question "
    "trädde träder träda kraft ikraft ikraftträdande until apply applies enter enters entered "
    # a plan's decision becoming final ("När vann detaljplanen laga kraft?")
    "laga vann vunnit vinner vinna "
    "entry come comes came into börjar började börja start starts started begin begins "
    "date dated parter parterna parties vem who när when vilket vilken which "
    "reviderad reviderat reviderades revideras reviderats revidering revideringen revision "
    "revisionen revised revise revision updated update uppdaterad uppdaterades uppdateras "
    "uppdaterats senast senaste last latest reviewed review ofta often över översyn version "
    # a verb that only says it happened ("När gjordes den senaste revideringen?")
    "gjordes gjorde gjorts skedde skett "
    # who made the agreement ("Vilka parter har ingått avtalet om …?")
    "ingått ingick ingåtts slutit slöt slutits concluded "
    # who answers for its content ("Who is listed as responsible for the content of …?")
    "content listed "
    "versionen versionshistorik ändrad ändrades recently most "
    "dokumentägare dokumentägaren dokumentansvarig dokumentansvarige innehållsansvarig "
    "innehållsansvar owner owns owned ansvarig ansvarige äger ägare "
    "responsible ersätter ersatt ersatte replaces replace replaced supersedes supersede "
    "superseded take takes taken took effect effective still fortfarande "
    # the documents it replaces, as they stop applying ("Vilka äldre styrdokument slutar gälla?")
    "slutar upphör upphöra styrdokument styrdokumenten äldre tidigare older earlier previous "
    "antas antages "
    # whose job the document is ("Vilken tjänsteperson ansvarar för att planen ses över?")
    "tjänsteperson tjänsteman befattning funktion roll ansvarar ses revising reviewing updating "
    "syfte syftet syftar beskriver handlar reglerar purpose aim describe describes about "
    "regulate regulates"
)
_COMMITMENT_FRAME = (
    "what did does do has have commit commits committed commitments commitment to promised "
    "promise undertake undertaken pledge agreed agree vad har ska göra åtagit åtar sig åtaganden "
    "åtagande lovat lovar lova vilka vilket which all alla sina its their the"
)


# Words that stand for a document itself ("vad säger *lagen* om …"), folded.
_DOCUMENT_WORDS = (
    "avtalet avtal overenskommelsen overenskommelse lagen lag dokumentet dokument policyn "
    "riktlinjen rutinen taxan foreskrifterna reglementet agreement document law act policy "
    "guideline tariff ordinance direktivet direktiv directive"
)


@lru_cache(maxsize=1)
def document_words() -> frozenset[str]:
    """Folded words that name a document as such, not any one document."""
    return frozenset(_DOCUMENT_WORDS.split())


def frame_words() -> str:
    """Every framing word as written (the vocabulary knows them even if the texts do not)."""
    return f"{_FRAME_WORDS} {_FACT_WORDS} {_COMMITMENT_FRAME}"


@lru_cache(maxsize=1)
def frame_terms() -> frozenset[str]:
    """Stemmed words that frame a question rather than name its topic."""
    return frozenset(terms(f"{_FRAME_WORDS} {_COMMITMENT_FRAME}"))


# The measure an interrogative degree word asks for ("Hur långa resor …", "How old must …"):
# the adjective after "hur"/"how" says what kind of quantity is wanted, not what it is about, and
# a text says "högst 40 mil", not "långa". A closed class; verbs after "hur" ("Hur ansöker man")
# stay topic words.
_MEASURE = re.compile(
    r"\b(?:hur|how)\s+("
    r"l[aå]ng[at]?|l[aä]nge|stor[at]?|h[oö]g[at]?|l[aå]g[at]?|gammal[t]?|gamla|ofta|tidigt|sent|"
    r"snabbt|dyr[at]?|liten|litet|sm[aå]|bred[at]?|djup[at]?|tung[at]?|n[aä]ra|l[aå]ngt|"
    r"long|big|large|high|low|old|often|early|late|soon|fast|expensive|small|wide|deep|heavy|far"
    r")\b",
    re.IGNORECASE,
)


# Phrases that tie a question's parts together and name no topic ("Är uppgifterna hemliga, och
# i så fall hur länge?": "fall" is no case the text must be about).
_FRAME_PHRASES = re.compile(
    r"\b(?:i så fall|isåfall|i sådana fall|i sådant fall|i förekommande fall|om så är fallet|"
    r"if so|in that case|in which case|if that is the case)\b",
    re.IGNORECASE,
)


def without_frame_phrases(text: str) -> str:
    """``text`` without the phrases that frame its parts (``_FRAME_PHRASES``)."""
    return _FRAME_PHRASES.sub(" ", text)


def measure_words(text: str) -> frozenset[str]:
    """Stemmed measure adjectives right after "hur"/"how" (``_MEASURE``): question frame."""
    return frozenset(t for m in _MEASURE.finditer(text) for t in terms(m.group(1)))


def fact_terms() -> frozenset[str]:
    """Stemmed words that name a document fact (or frame a question)."""
    return _fact_terms()


@lru_cache(maxsize=1)
def _fact_terms() -> frozenset[str]:
    return frozenset(terms(_FACT_WORDS)) | frame_terms()


@lru_cache(maxsize=1)
def _replaced_terms() -> frozenset[str]:
    """What frames a question about the documents a text replaced, and only that one ("Vilka
    äldre föreskrifter slutade gälla när de nya trädde i kraft?"): "nya" is a topic elsewhere."""
    return frozenset(
        terms(
            "äldre tidigare gamla gammal gammalt nya nuvarande upphör upphörde upphöra slutar "
            "slutade slutat "
            # "… när de nya reglerna kom?": when the new text came is when it took effect
            "kom kommit infördes införts började"
        )
    )


def _stops(word: str) -> bool:
    """Does a document's name end before this (folded) word: a document-fact word?"""
    return bool(set(terms(word)) & _fact_terms()) or fact_kind(word) is not None


def phrase_of(folded: str, titles: frozenset[str]) -> set[str]:
    """The words of a document named by kind and topic (``document_phrase``), ending at a fact."""
    return document_phrase(folded, titles, _stops)


# "de här avgiftsföreskrifterna", "den här VA-taxan", "this guideline": a word ending in a word
# for a document, after a demonstrative, is the document asked about (its compound names its
# kind).
_THIS = re.compile(r"\b(?:de har|den har|det har|denna|detta|dessa|this|these)\s+([\w-]+)")


def _this_document(folded: str) -> frozenset[str]:
    """The (folded) stems of the compound that names the document itself in ``folded``."""
    kinds = [w for w in document_words() if len(w) >= 4]
    return frozenset(
        t
        for m in _THIS.finditer(folded)
        if any(m.group(1).endswith(k) for k in kinds)
        for t in terms(m.group(1))
    )


# A document's kind as the last part of a compound that names it by its topic ("avgiftsreglerna",
# "VA-taxan", "kulturavtalet"), folded; plural forms too, which ``_DOCUMENT_WORDS`` leaves out.
_KIND_TAILS = ("regler", "reglerna", "riktlinjer", "riktlinjerna", "bestammelserna")
_LINKED = re.compile(r"(?<=\w{3})[s-]$")


def _titled_document(folded: str, titles: frozenset[str]) -> frozenset[str]:
    """The (folded) stems of a compound in ``folded`` that names a document by a title's word
    and its kind: "avgiftsreglerna" where a title is "Riktlinjer för avgifter …" (a blind fee
    guideline's question, read in the fifty-first session). Any title word names it ("the rules
    on fees"); the corpus's titles say which documents exist, not which one is meant."""
    kinds = [k for k in (*document_words(), *_KIND_TAILS) if len(k) >= 4]
    found: set[str] = set()
    for word in re.findall(r"[\w-]+", folded):
        for kind in kinds:
            front = word[: -len(kind)] if word.endswith(kind) else ""
            front = _LINKED.sub("", front)
            if len(front) >= 3 and set(terms(front)) & titles:
                found |= {fold_word(t) for t in terms(word)}
    return frozenset(found)


def intent_of(
    folded: str,
    topic_terms: set[str],
    parties: int,
    titles: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
    municipalities: int = 2,
) -> tuple[str, str | None]:
    """(intent, fact kind) of a single (not compound) question.

    ``topic_terms``: its topic words (frame, party and document names already out); ``parties``:
    how many parties it names; ``titles``: the folded stems of the corpus's titles; ``names``:
    the stems of proper names the question writes that the corpus has too ("Sundsvalls" in
    "När beslutades Sundsvalls riktlinje …?": whose document, not a topic); ``municipalities``:
    how many of the corpus's parties are municipalities ("Vilka kommuner …?" asks which
    documents only of a corpus with several). A document
    fact is asked when nothing else is: "Vem är handläggare?", not "Vilken period gäller
    läkarens uppdrag?".
    """
    if _WHICH_DOCUMENTS.search(folded) or (
        municipalities >= 2 and _WHICH_MUNICIPALITIES.search(folded)
    ):
        return "which_documents", None
    kind = fact_kind(folded)
    # A document named by kind and topic ("the agreement on …") beside a fact is the document
    # asked about; not for "purpose", whose "Vad beskriver överenskommelsen om X?" asks about X.
    # The topic's stems are of the typed words, the phrase's of the folded ones ("sammanhåll").
    named = phrase_of(folded, titles) if kind and kind != "purpose" else set()
    frame = _fact_terms() | (_replaced_terms() if kind == "replaces" else frozenset())
    this = _this_document(folded) | _titled_document(folded, titles)
    rest = {t for t in topic_terms - frame - names if fold_word(t) not in this}
    if kind and all(fold_word(t) in named for t in rest):
        return "document_fact", kind
    commitment_topic = topic_terms - frozenset(terms(_COMMITMENT_FRAME))
    if parties == 1 and _COMMITMENTS.search(folded) and not commitment_topic:
        return "commitments", None
    # "Från vilket datum gäller de nya VA-avgifterna?": when something the text is about takes
    # effect, which may be when the text itself does ("Denna taxa träder i kraft 2026-09-01"):
    # a content question that also reads the text's entry line (``answering.with_entry``).
    return "fact", "in_force" if kind == "in_force" else None


def topic_of(text: str) -> str:
    """The topic of a "which documents …" question, without its frame."""
    return " ".join(_WHICH_FRAME.sub(" ", text).split()).strip(" ?") or text
