"""The kind of answer a question wants, read from its folded text: a date for "när", an amount
for "hur mycket", a person for "vem", a place for "var", a contact detail by its noun; none for
a word asked to be defined. Read by ``intent`` (the ``Query``'s ``wants``) and the refusal rules
(``absent_kind``, ``features``)."""

from __future__ import annotations

import re

from .consequence import consequence_asked
from .untyped import often_and_when, untyped_asked
from .yes_no import YES_NO, yes_no

__all__ = [
    "APPLIED",
    "definition_asked",
    "detail_nouns",
    "list_asked",
    "wanted_answer",
]

# Words a question opens with when it asks something else than "when" (a question word or a
# verb first): a "när"/"when" later in it joins a clause.
_ASKING = (
    r"(?:what|which|who|whom|whose|how|why|where|do|does|did|can|could|may|might|must|should|"
    r"shall|will|would|is|are|was|were|has|have|had|vad|vilken|vilket|vilka|vem|vems|hur|"
    r"varfor|var|kan|far|maste|ska|skall|behover|bor|ar|finns|galler|har|gor|blir|raknas)"
)
_WANTS = (
    # A contact detail is asked for by its noun ("telefonnummer", "e-postadress"): "Kan jag mejla
    # in ansökan?" or "vilket nummer ringer jag?" may be answered without one ("use the e-service").
    (
        "contact_detail",
        r"telefonn(?:ummer|umret|r)\w*|(?:tele)?phone numbers?|e-?post-?adress\w*|"
        r"mejladress\w*|mailadress\w*|e-?mail address\w*|webbadress\w*|web address\w*|"
        # an organisation number is read like one ("556012-5790")
        r"organisationsn(?:ummer|umret|r)\w*|org\.? ?nr\b|organi[sz]ation numbers?|"
        r"(?:post|besoks|utdelnings)adress\w*|(?:postal|mailing|visiting) address\w*|"
        # an address asked for by that noun alone ("Vilken adress har mottagningen?"): any kind
        r"(?<=vilken )(?:\w+ )?adress\b|(?<=what is the )address\b|(?<=what's the )address\b|"
        r"(?<=which )address\b|"
        # where to e-mail ("vart mejlar man om …?", "Where do I email …?"): an e-mail address
        r"\bvart? (?:\w+ )?(?:mejlar|mejla|mailar|maila|e-?postar)\b|"
        r"\bwhere (?:do|can|should|shall) (?:i|you|we|one) (?:send (?:an )?)?e-?mail\b",
    ),
    (
        "duration",
        # a unit word whole: "Hur många arbetar där?" asks for people, not years ("ar")
        # "Hur snart får man göra om provet?", "How soon must it take place?": a time's length
        # from now ("tidigast efter tre månader", "senast en månad"), as "hur länge"
        r"hur lange|how long|hur snart|how soon|hur tidigt|how early|"
        # how far ahead of an event ("Hur långt i förväg måste man säga till?")
        r"hur langt i forvag|how far in advance|how far ahead|"
        r"inom hur lang tid|hur lang tid|hur manga (?:dagar|dygn|veckor|manader|ar|"
        r"timmar|minuter|arbetsdagar)\b|how many (?:days|weeks|months|years|hours|minutes|"
        r"working days)\b|"
        # "Hur lång är garantitiden?", "Hur lång uppsägningstid gäller?": a time's length
        r"hur lang(?:t|a)? (?:(?:ar|blir|galler) )?(?:\w+ )?\w*(?:tid|tiden|period|perioden|"
        r"frist|fristen)\b|"
        # "Vilken uppsägningstid har avtalet?", "What notice period applies?": a named period
        # ("vilken tid" alone may ask for a time of day)
        # adjectives before it too ("Vilken maximal tolerabel avbrottstid gäller?")
        r"\bvilken (?:\w+(?:al|el|ig|isk|ad|a) ){0,2}\w+(?:tid|frist|period)\b|"
        r"\b(?:what|which) (?:\w+ )?(?:notice|warranty|guarantee|processing|retention|trial) "
        r"(?:period|time)\b|\bwhat (?:is the )?(?:\w+ )?time limit\b",
    ),
    (
        # "när"/"when" asking, not joining a clause to another question word's ("What should I
        # consider when planning a kitchen?", "Vad händer när avtalet löper ut?"): first in the
        # question, after a preposition ("until when"), or in a question that opens otherwise
        # ("Vet du när …?").
        "date",
        r"^(?:(?:och|men|and|but|so) )?(?:nar|when)\b|\b(?:och|and) (?:nar|when)\b|"
        r"\b(?:sedan|fran|till|senast|since|until|"
        r"till|by|from) (?:nar|when)\b|"
        rf"^(?!{_ASKING}\b).*\b(?:nar|when)\b|"
        r"vilket datum|what date|(?:the|which) date\b|vilket ar\b|which year|what year",
    ),
    (
        # "andel" (a share), not inside "handel" ("lanthandel", "dagligvaruhandel")
        "amount",
        # a share the question states itself ("… a solvency ratio of at least 100 percent
        # indicate?", a read blind set's) is what it asks about, not a figure it asks for
        r"hur mycket|hur manga|how much|how many|belopp|amount|kost(?:ar|ade|at)|cost|"
        r"(?<!\d )(?<!\d)(?:procent|percent)|"
        r"(?<!h)andel|rate\b|skattesats|avgift|vilket \w*pris\w*|vilken \w*kostnad\w*",
    ),
    (
        # "Vilken politiker har skrivit förordet?", "Which official …?": a person by a role noun
        "person",
        r"^vem\b|\bvem\b|\bwho\b|\bwhom\b|"
        r"\bvilk(?:en|et|a) (?:\w+ )?(?:politiker\w*|tjansteperson\w*|tjanstem[ae]n\w*|"
        r"person|personen|personer|personerna|ledamot\w*|ledamoter\w*|handlaggare\w*|"
        r"\w*chef|\w*chefen|\w*chefer|befattningshavare\w*|fortroendevald\w*)\b|"
        r"\bwhich (?:\w+ )?(?:politicians?|officials?|officers?|persons?|people|members?)\b",
    ),
    # "Var/Vart ska …?" opening a sentence and followed by its verb: folded, "Vår förening
    # driver …" (our) reads "var forening", so the verb tells the question word apart.
    (
        "place",
        r"(?:^|[.?!] )vart? (?:ska|skall|kan|far|finns|fanns|hittar|ar|ligger|lamnar|lamnas|"
        r"skickar|skickas|maste|bor|gor|vander|anmaler|anmals|sker|tar|hamtar|kommer|gar)\b|"
        r"\bwhere\b",
    ),
)
_WANTS_RE = tuple((kind, re.compile(p)) for kind, p in _WANTS)
_DETAIL = re.compile(rf"\b(?:{dict(_WANTS)['contact_detail']})")


def detail_nouns(folded: str) -> list[str]:
    """The nouns of a (folded) question that name a contact detail as the answer's kind
    ("vilken *mejladress* …", "what *phone number* …"): the answer's type, like "datum", not a
    topic the text must say; a text gives the address itself, not the word "mejladress"."""
    return [m.group(0) for m in _DETAIL.finditer(folded)]


# "Vad är byggsanktionsavgift?", "What is a reverse charge?": a word asked to be defined, not
# its amount. Indefinite only: "Vad är avgiften?" / "What is the fee?" ask the sum.
_DEFINITION = re.compile(
    r"(?:vad ar|vad menas med|vad betyder|vad innebar)(?: en| ett)? (?P<sv>[\w-]+)|"
    r"(?:what is|what's|what are|what does)(?: an?)? [\w-]+(?: mean)?"
)
_DEFINITE_SV = ("en", "et", "na", "an")


def definition_asked(folded: str) -> bool:
    """Does the (folded) question only ask what one word means ("Vad är X?", "What is an X?")?"""
    m = _DEFINITION.fullmatch(folded.strip().rstrip("?").strip())
    if m is None:
        return False
    word = m.group("sv")
    # Swedish without an article: a definite form asks about the thing ("Vad är taxan?").
    bare = word is not None and " en " not in m.group(0) and " ett " not in m.group(0)
    return not (bare and word.endswith(_DEFINITE_SV))


# "When a municipality adopts its programme, who must receive a copy?": a leading clause sets
# the scene, the question word after its comma asks.
_LEADING_CLAUSE = re.compile(
    r"^(?:nar|when|om|if)\b[^,?]*,\s*(?=(?:vem|vems|vad|vilken|vilket|vilka|var|vart|hur|nar|"
    r"who|whom|whose|what|which|where|how|when)\b)"
)
# "När krävs kontrollansvarig?", "When is an energy declaration required?": a requirement's
# "when" asks in which cases, and a condition answers it ("vid försäljning av hus"), not a date
# (the suite's sets: every such question's evidence is a condition). So does a classification's:
# "När räknas en vårdskada som allvarlig?", "When is an injury considered serious?" (a
# definition answers: "Allvarlig vårdskada innebär att …"), not "räknas ut" (is calculated).
# So does choosing or applying something: "När ska AGPL-3 användas?", "When should the MIT
# licence be used?" are answered by the cases ("Tjänster som utgör en del av en plattform …").
APPLIED = r"anvandas|anvands|tillampas|valjas|used|applied(?! for)|chosen"
_CASES = re.compile(
    r"^(?:nar|when)\b.*\b(?:kravs|behovs|required|needed|necessary|mandatory|obligatorisk\w*|"
    r"nodvandig\w*|raknas(?!.*\but\b)|anses|betraktas|klassas|klassificeras|definieras|considered|"
    rf"regarded|classified|deemed|counts? as|qualif(?:y|ies) as|{APPLIED})\b"
)

# "När ska de nya intervallen börja användas?", "Senast när ska blanketten användas?": when a
# use starts, or its deadline, is a time; "När används blanketten?" asks the cases.
# Only a start of the use itself: "När krävs bygglov för att börja bygga?" still asks the cases.
_STARTS = re.compile(
    rf"\bborja\w* (?:att )?(?:{APPLIED})\b|^(?:senast|tidigast) (?:nar|when)\b|"
    r"\b(?:start|begin)\w* (?:to )?be (?:used|applied|chosen)\b"
)


# "Vem avgör hur många fonder …?" asks who decides: a question word that opens the question
# decides the kind, not one in the clause it asks about.
# "Vem är det jag ska betala avgifterna till?" asks who as well (the payee), not the fee.
_OPENING_WHO = re.compile(
    r"(?:vem|vems|who|whom|whose) (?:(?!ar|var|is|are|was|were)\w+ (?=\w)|(?:ar|var) det\b)"
)
# Adjectives before the noun are read with it ("vilken maximal tolerabel avbrottstid").
_OPENING_WHICH = re.compile(
    r"(?:vilk(?:en|et|a)|which) (?:\w+(?:al|el|ig|isk|ad|a) ){0,2}[\w-]+(?: (?:i|in|per) [\w-]+)?"
)


# A question opening with a verb ("Får …", "Skickas …", "Is …") and whether the asker is its
# subject or a desk is asked to have one ("Kan jag få …", "Finns det …", "Do you have …").
_VERB_FIRST = re.compile(rf"(?:{YES_NO.pattern}|\w+as)\b")
_ASKER = re.compile(r"\w+ (?:jag|man|vi|du|ni|i|you|we)\b|(?:finns|fanns)\b|(?:is|are) there\b")


# A question opening with "hur" and a verb ("Hur räknas …", "Hur betalar jag …"), not a measure
# ("hur mycket", "hur stor", "hur lång"): it asks how something is done. Folded.
_HOW_DONE = re.compile(
    r"^(?:hur|how) (?!(?:mycket|manga|lange|ofta|stor\w*|hog\w*|lang\w*|lite|dyr\w*|billig\w*|"
    r"gammal\w*|gamla|snart|tidigt|sent|mkt|much|many|long|often|large|big|high|expensive|old|"
    r"soon|early|late)\b)\w+\b"
    # not how much a thing changes ("Hur räknas avgifterna upp varje år?": by how much)
    r"(?! (?:\w+ ){0,4}?upp\b)(?<!\bhojs)(?<!\bokar)(?<!\bsanks)"
)
# An amount asked for by the asking words themselves, not by a noun naming one ("avgift").
_AMOUNT_ASKED = re.compile(r"\b(?:hur mycket|hur manga|how much|how many|kost(?:ar|ade|at)|cost)\b")


def wanted_answer(folded: str) -> str | None:
    """The kind of answer a (folded) question wants: a date for "när", an amount for "hur
    mycket"; none for a word asked to be defined ("Vad är byggsanktionsavgift?"), for what
    follows from something ("Vad händer om …?") or for the cases a requirement applies in
    ("När krävs bygglov?")."""
    if definition_asked(folded) or consequence_asked(folded) or untyped_asked(folded):
        # "Vad händer om jag betalar avgiften för sent?" asks what follows (``consequence``),
        # not a sum: the fee is what the clause is about.
        return None
    folded = _LEADING_CLAUSE.sub("", folded)
    if _OPENING_WHO.match(folded):
        return "person"
    # "Vilka villkor måste … för att … betala avgiften?" asks for the conditions: the kind is
    # read from "vilka villkor", not from the clause after it ("Vilken avgift …?", "Vilken
    # tillgänglighet i procent …?" still ask a sum or a share).
    which = _OPENING_WHICH.match(folded)
    asked = which.group(0) if which else folded
    kind = next((kind for kind, pattern in _WANTS_RE if pattern.search(asked)), None)
    # "Måste operatören betala några avgifter till DIGG?" asks yes or no: the fee it names need
    # not stand as a sum in the answer ("… erlägga de avgifter som följer av lag"), as
    # ``sentence_share.wants_number`` already reads it for the number rules.
    if kind in ("amount", "duration", "date") and yes_no(folded):
        # a "när" joining a clause of a yes/no question asks no time (``yes_no._WHEN_JOINS``)
        return None
    if kind == "amount" and _HOW_DONE.match(folded.strip()) and not _AMOUNT_ASKED.search(asked):
        # "Hur räknas avgiftsbeloppen om …?" asks how a thing is done: the fee it names is what
        # the question is about, not a sum asked for ("Hur mycket …?", "Vad kostar …?" are).
        return None
    # "Får AI-tjänsten användarens mejladress …?", "Sparas e-postadressen?" ask whether a detail
    # is handed on or kept, not for one; "Finns det ett telefonnummer …?", "Kan jag få
    # telefonnumret?" still ask for one.
    if (
        kind == "contact_detail"
        and _VERB_FIRST.match(folded.strip())
        and not _ASKER.match(folded.strip())
    ):
        return None
    cases = (_CASES.search(folded) and not _STARTS.search(folded)) or often_and_when(folded)
    return None if kind == "date" and cases else kind


# What a list holds: "Vad ska framgå av en SIP …?", "Vad ska planen innehålla?", "What routines
# must the agreement cover?" (folded). Its answer is a list's lead with its items.
_LIST_ASKED = re.compile(
    r"\bvad (?:ska|skall|bor|maste|behover) (?:det )?(?:framga|inga)\b|"
    r"\bvad (?:ska|skall|bor|maste) (?:\w+ ){1,6}(?:innehalla|omfatta|framga|inga)\b|"
    r"\bvilka (?:\w+ )?(?:ska|skall|bor|maste) (?:det )?(?:framga|inga)\b|"
    r"\bwhat (?:\w+ )?(?:must|should|shall|does|do|will) (?:\w+ ){1,12}(?:include|cover|contain)\b|"
    r"\bwhat (?:must|should|shall) be (?:included|covered|stated)\b"
)


# How one goes about something ("Hur ska man beskriva en risk …?", "How do I apply …?"): the
# steps or the form a text lists after a lead ("Det tydligaste sättet … är att använda
# formatet:") answer it, as they answer what a list holds (a read blind set's question,
# fifty-first session).
_METHOD_ASKED = re.compile(
    r"^(?:hur (?:ska|skall|kan|bor|gor|maste) (?:man|jag|vi|du|ni)|"
    r"how (?:do|should|can|must) (?:i|we|you|one))\b"
)


def list_asked(folded: str) -> bool:
    """Does the (folded) question ask what a list holds (``_LIST_ASKED``), or how one goes
    about something (``_METHOD_ASKED``), which a list's lead with its items answers too?"""
    return bool(_LIST_ASKED.search(folded) or _METHOD_ASKED.match(folded.strip()))
