"""What a question asks for: its intent, the document fact it names, the answer type it wants.

Patterns run over ``fold``-ed text (no case, no diacritics). ``query`` re-exports everything here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .answer_type import wanted_answer
from .document_phrase import document_phrase
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
FACTS = (
    "owner",
    "contact",
    "case_number",
    "validity",
    "in_force",
    "signed",
    "adoption",
    "revised",
    "replaces",
    "date",
    "parties",
    "purpose",
)

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
# The document itself, as a question names it ("riktlinjen", "it", "the policy"): "uppdateras" or
# "updated" is a revision of the document only with such a subject ("How often are care plans
# updated?" asks about plans), while "reviderad"/"revised" and "last updated" are one anyway.
_DOC_SV = (
    r"(?:[\w-]*(?:dokument|riktlinje|rutin|policy|avtal|overenskommelse|bilaga|reglemente|"
    r"vagledning|anvisning|taxa|foreskrift|stadga)\w*|[\w-]*(?:reglerna|programmet|handboken)|den|det|denna|detta)"
)
_DOC_EN = (
    r"(?:it|this|the (?:\w+ )?(?:document|guideline|guidelines|routine|policy|agreement|annex|"
    r"rules|regulations?|programme|program|handbook|instructions?|tariff|ordinance|bylaws))"
)
_FACT_PATTERNS = {
    # Who owns the document ("Dokumentansvarig är: …"), before "contact" ("responsible").
    "owner": r"dokumentagare\w*|dokumentansvarig\w*|innehallsansvar\w*|"
    # the document by its kind, compounds too ("Vem är ansvarig för avvikelserutinen?")
    r"(?:ansvarig for|vem ager) [\w-]*(?:dokumentet|riktlinjen|rutinen|policyn|planen|"
    r"programmet|anvisningen|strategin|reglementet)\b|document owner|"
    # who keeps it up to date ("Ansvarig för revidering: …"): "Vem ansvarar för att planen
    # ses över?"; a topic's plan ("vårdplanen") leaves the question a content one (``intent_of``)
    r"(?:ansvarig\w*|ansvarar) for (?:att )?(?:\S+ ){0,3}?(?:revider\w*|uppdater\w*|ses over|"
    r"oversyn\w*)|responsible for (?:reviewing|revising|updating)|"
    r"owns? (?:the|this) (?:\w+ )?(?:document|guideline|routine|policy)|"
    r"responsible for (?:the|this) (?:\w+ )?(?:document|guideline|routine|policy)|"
    # who answers for what it says ("Innehållsansvar: …")
    r"responsible for (?:the |its )?contents? of|(?:ansvarig\w*|ansvarar) for (?:dess )?innehall(?:et)?",
    "contact": r"handlaggar\w*|kontaktperson\w*|kontakta|kontakten|contact\w*|case officer|"
    r"responsible officer|ansvarig tjansteman|"
    # "Vem ska jag ringa om …?", "Who do I call about …?": whom to contact, asked by phone
    r"(?:vem|vart|vilket nummer) (?:ska|kan|bor) (?:jag|man|vi) ringa|telefonnummer\w*|"
    r"who (?:do|should|can) (?:i|we) (?:call|phone)|phone number",
    "case_number": r"diarienummer\w*|dnr|arendenummer\w*|case (?:\(diary\) )?(?:number|no)|"
    r"diary (?:number|no)|reference number|"
    r"registration number|beteckning\w*|sfs[- ]?nummer\w*",
    # When it takes effect ("När träder föreskrifterna i kraft?"): its own line, not the
    # decision's date; before "adoption".
    # "När börjar avtalet gälla?", "When does the tariff start to apply?": the same fact.
    "in_force": r"trad(?:de|er|tt|a)\s+(?:\S+\s+){0,10}?i\s+kraft|ikrafttrad\w*|"
    r"(?:fran|fran och med|sedan) nar galler|galler \w+ fran|giltig\w* fran|"
    r"(?:from|since) when\b|valid from|"
    r"borja(?:r|de|t)?\s+(?:\S+\s+){0,6}?(?:att\s+)?galla|"
    r"fran (?:och med )?(?:vilket datum|vilken dag) (?:galler|ska \S+ (?:\S+ )?galla)|"
    r"from (?:what|which) (?:date|day)\b(?:\s+\S+){0,8}?\s+(?:apply|applies|valid)|"
    r"(?:start|starts|started|begin|begins|began)\s+(?:to\s+)?(?:apply|applying)|"
    r"tak(?:e|es|en) effect|took effect|effective (?:from|date|as of)|"
    r"(?:come|comes|came|enter|enters|entered)\s+(?:\w+\s+){0,2}?into force",
    # "Från när gäller …?", "From when is it valid?" ask its start: "in_force" above.
    "validity": r"hur lange galler|(?:till|fram till) nar galler|until when|"
    r"galler\s+\w+\s+(?:till|mellan|under|fortfarande|an)|giltig(?!\w* fran\b)\w*|"
    r"still (?:valid|apply|applies|in force|current)|"
    r"planperiod\w*|avtalsperiod\w*|period|perioden|how long\b.{0,40}\bvalid|valid\w*|in force|"
    r"expire\w*|loper ut|lopa ut|duration of",
    # Who signed or sends it ("Vem har skrivit under?", "Who signed the agreement?"): the
    # signature block (``ingest/signatures``); "när undertecknades …?" asks the adoption's date.
    "signed": r"(?:vem|vilka|who)\b(?:\s+\S+){0,4}?\s+(?:(?:skrev|skrivit|skrivits) under|"
    r"undertecknat|undertecknade|signerat|signerade|signed)|avsandare\w*|underskrift\w*|"
    r"signator(?:y|ies)|signatures?|sender",
    # Passive and active past: "När antogs …?" and "Vem antog/beslutade/fastställde …?".
    "adoption": r"antogs|antagen|antaget|antagits|antagit|antog|beslutades|beslutad|beslutade|"
    r"beslutats|beslutat|(?:fattat|fattade|fattats|tagit|tog|togs) (?:\w+ )?beslut(?:et)?|"
    r"faststalld\w*|faststalldes|faststallt|faststallts|godkand|godkant|godkandes|"
    r"undertecknad\w*|undertecknades|signed|adopted|approved|enacted|decided|utfardad\w*|"
    # English past with "did": "When did the council approve the tariff?"
    r"\bdid\s+(?:\S+\s+){0,6}?(?:approve|adopt|enact|sign|pass|decide on)\b",
    # When the document was revised, or how often it is ("Reviderad februari 2020", "Revideras
    # årligen"): before "date", so "Vilket datum reviderades riktlinjen?" reads the revision.
    "revised": r"revider\w*|revidering\w*|revision\w*|revised?|versionshistorik\w*|"
    r"version history|latest version|senaste version\w*|"
    r"senast (?:uppdaterad\w*|andrad\w*|sedd over|oversedd)|(?:uppdaterades|andrades) (?:\w+ )?senast|"
    rf"(?:uppdateras|uppdaterades|uppdaterats|ses over|setts over|sags over|omprovas) {_DOC_SV}|"
    rf"{_DOC_SV} (?:ska |har |senast )?(?:uppdateras|uppdaterats|uppdaterades|ses over|setts over)|"
    r"oversyn\w* av " + _DOC_SV + "|"
    r"last (?:updated|update|reviewed|review|amended|changed)|"
    rf"(?:is|was|are|were|has|have|had|gets?|got) (?:been )?(?:{_DOC_EN} )?"
    r"(?:last |latest |most recently )?(?:updated|reviewed|amended)",
    # The document it replaces ("Dokumentet ersätter: …"); "ersätter" alone also means "pays".
    # A document named by title is out of the text read here: "Vad ersätter resepolicyn?" is
    # "vad ersätter?".
    "replaces": rf"(?:vilket|vilka|vad) (?:\w+ )?ersatter {_DOC_SV}|{_DOC_SV} ersatter|"
    # the documents that stop applying ("Vilka äldre styrdokument slutar gälla …?")
    r"(?:vilket|vilka|vad) (?:\w+ )?(?:[\w-]*dokument\w*|riktlinje\w*|policy\w*|regler\w*|"
    r"foreskrift\w*|beslut\w*|planer\w*) (?:\w+ )?(?:slutar|upphor) (?:att )?galla|"
    r"(?:which|what) (?:\w+ )?(?:documents?|policies|policy|guidelines?|rules|regulations) "
    r"(?:\w+ )?(?:no longer apply|cease to apply|stop applying)|"
    r"^(?:vad|vilket \w+|vilka \w+) ersatter(?=\W*$)|"
    r"ersatt\w* dokument\w*|^(?:which|what)\b.*\b(?:replace|supersede)(?=\W*$)|replaces|replaced|"
    # the passive, naming the earlier document by its kind ("Vilket tidigare styrdokument ersätts
    # av den nya strategin?"): "Vilka kostnader ersätts av kommunen?" is paid, no document
    r"(?:vilket|vilka) (?:\w+ )?(?:[\w-]*dokument\w*|riktlinje\w*|policy\w*|[\w-]*program\w*|"
    r"[\w-]*plan\w*|[\w-]*strategi\w*|regler\w*|foreskrift\w*|reglemente\w*|taxa\w*) "
    r"(?:\w+ )?ersatts (?:nu )?av|"
    r"supersedes|superseded",
    # "datum" in any form, and so "date" ("What is the date of the agreement?").
    # The year a document is from ("What year is this guideline from?", "Från vilket år är
    # policyn?"): a date line, or where there is none its copyright line ("© 2021 …").
    "date": r"datum\w*|dated?|daterad\w*|what date|vilket datum|"
    r"(?:vilket|what|which) (?:ar|year) (?:ar|is|was) (?:\S+ ){1,4}?(?:fran|from)(?=\W*$)|"
    r"^fran vilket ar (?:ar|kommer)\b|^from (?:what|which) year (?:is|was|does)\b",
    "parties": r"parter|parterna|parties|mellan vilka|between whom|vilka har (?:skrivit|ingatt)",
    # What the document is for or about, asked of the document itself ("Vad beskriver bilagan?",
    # "What is the purpose of the routine?"): a topic word beside it makes it a content question.
    "purpose": r"syfte\w*|syftar|purpose|aim of|"
    r"^vad (?:beskriver|reglerar|handlar)(?: \w+){1,4}(?=\W*$)|"
    r"^what (?:does|do)(?: \w+){1,5} (?:describe|regulate|cover)(?=\W*$)|"
    r"^what is(?: \w+){1,5} about(?=\W*$)",
}
_FACTS = {k: re.compile(rf"\b(?:{v})\b") for k, v in _FACT_PATTERNS.items()}
# Words that frame a question about the texts (or a document fact) rather than name its topic.
_FRAME_WORDS = (
    "säger står avtalet avtal överenskommelsen överenskommelse texten texterna dokumentet dokument "
    "gäller nämns handlar skriver lagen bibliotekslagen beskrivs många mycket antal policyn "
    "riktlinjen rutinen reglerna agreement document text texts law policy say says said state "
    "states "
    # the document itself by its kind, as ``document_phrase`` reads it ("När antogs taxan?")
    "taxan föreskrifterna stadgarna reglementet tariff regulations ordinance bylaws "
    "mention mentions according how what who which when where why vad vem hur när var varför "
    "vilken vilket vilka "
    # a speaker's particles, no topic ("Hur länge gäller planen egentligen?")
    "egentligen alltså faktiskt ungefär actually really exactly roughly anyway "
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
    "council municipal board committee approve approves adopt adopts enact enacts "
    "från sedan from year år "
    # whom to ask about it, by phone ("Vem ska jag ringa om jag har frågor om taxan?")
    "ringa ring call phone telefonnummer frågor frågan fråga questions question "
    "trädde träder träda kraft ikraft ikraftträdande until apply applies enter enters entered "
    "entry come comes came into börjar började börja start starts started begin begins "
    "date dated parter parterna parties vem who när when vilket vilken which "
    "reviderad reviderat reviderades revideras reviderats revidering revideringen revision "
    "revisionen revised revise revision updated update uppdaterad uppdaterades uppdateras "
    "uppdaterats senast senaste last latest reviewed review ofta often över översyn version "
    # a verb that only says it happened ("När gjordes den senaste revideringen?")
    "gjordes gjorde gjorts skedde skett "
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
    "guideline tariff ordinance"
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


def fact_kind(folded: str) -> str | None:
    """Which document fact the (folded) question names, if any."""
    return next((kind for kind, pattern in _FACTS.items() if pattern.search(folded)), None)


def _stops(word: str) -> bool:
    """Does a document's name end before this (folded) word: a document-fact word?"""
    return bool(set(terms(word)) & _fact_terms()) or fact_kind(word) is not None


def phrase_of(folded: str, titles: frozenset[str]) -> set[str]:
    """The words of a document named by kind and topic (``document_phrase``), ending at a fact."""
    return document_phrase(folded, titles, _stops)


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
    if kind and all(fold_word(t) in named for t in topic_terms - _fact_terms() - names):
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
