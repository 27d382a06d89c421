"""The document facts a question can name ("Vem är handläggare?", "När antogs riktlinjen?",
"What does the policy replace?"), each by its pattern over the folded question, in the order
they are tried: the first that matches is the fact asked (``intent.intent_of`` decides whether
the question asks only that)."""

from __future__ import annotations

import re

__all__ = ["FACTS", "fact_kind"]

FACTS = (
    "owner",
    "contact",
    "case_number",
    "replaces",
    "in_force",
    "validity",
    "signed",
    "adoption",
    "revised",
    "date",
    "parties",
    "purpose",
)

# The document itself, as a question names it ("riktlinjen", "it", "the policy"): "uppdateras" or
# "updated" is a revision of the document only with such a subject ("How often are care plans
# updated?" asks about plans), while "reviderad"/"revised" and "last updated" are one anyway.
_DOC_SV = (
    r"(?:[\w-]*(?:dokument|riktlinje|rutin|policy|avtal|overenskommelse|bilaga|reglemente|"
    r"vagledning|anvisning|taxa|foreskrift|stadga|direktiv)\w*|[\w-]*(?:reglerna|programmet|handboken)|den|det|denna|detta)"
)
_DOC_EN = (
    r"(?:it|this|the (?:\w+ )?(?:document|guideline|guidelines|routine|policy|agreement|annex|"
    r"rules|regulations?|programme|program|handbook|instructions?|tariff|ordinance|bylaws|directive))"
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
    # The document it replaces ("Dokumentet ersätter: …"), tried before a time ("Vilka äldre
    # föreskrifter slutade gälla när de nya trädde i kraft?"); "ersätter" alone also means "pays".
    # A document named by title is out of the text read here: "Vad ersätter resepolicyn?" is
    # "vad ersätter?".
    "replaces": rf"(?:vilket|vilka|vad) (?:\w+ )?ersatter {_DOC_SV}|{_DOC_SV} ersatter|"
    # the documents that stop applying ("Vilka äldre styrdokument slutar gälla …?")
    r"(?:vilket|vilka|vad) (?:\w+ )?(?:[\w-]*dokument\w*|riktlinje\w*|policy\w*|regler\w*|"
    r"foreskrift\w*|beslut\w*|planer\w*|avtal\w*|overenskommelse\w*) (?:\w+ )?"
    r"(?:slutar|slutade|upphor|upphorde) (?:att )?galla|"
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
    # When it takes effect ("När träder föreskrifterna i kraft?"): its own line, not the
    # decision's date; before "adoption".
    # "När börjar avtalet gälla?", "When does the tariff start to apply?": the same fact.
    "in_force": r"trad(?:de|er|tt|a)\s+(?:\S+\s+){0,10}?i\s*kraft|ikrafttrad\w*|"
    # "När vann planen laga kraft?": when its decision became final, as the cover states it
    # (``ingest.facts.IN_FORCE``); "… efter att lovet vann laga kraft?" asks no time.
    r"^nar (?:\S+ ){0,3}?(?:vann|vinner|fick|far|har|hade) (?:\S+ ){0,6}?laga kraft|"
    r"^when (?:\S+ ){0,8}?(?:legally binding|final and binding|gain\w* legal force)|"
    r"(?:fran|fran och med|sedan) nar galler|galler \w+ fran|giltig\w* fran|"
    r"(?:from|since) when\b|valid from|"
    r"borja(?:r|de|t)?\s+(?:\S+\s+){0,6}?(?:att\s+)?galla|"
    r"fran (?:och med )?(?:vilket datum|vilken dag) (?:galler|ska \S+ (?:\S+ )?galla)|"
    # from when its subjects must follow it ("Från och med vilket datum ska bolagen följa
    # reglerna?", "From what date must insurers comply with the rules?")
    r"(?:fran (?:och med )?(?:vilket datum|vilken dag|nar)|fran och med|sedan nar) "
    r"(?:ska|maste|behover) (?:\S+ ){1,3}?(?:folja|tillampa)|"
    r"from (?:what|which) (?:date|day)\b(?:\s+\S+){0,6}?\s+(?:comply|follow)|"
    # when its subjects must start following it ("Vilket datum ska företagen börja följa de
    # nya reglerna?", "When must clinics start to comply with the new rules?")
    r"borja (?:att )?(?:folja|tillampa) (?:\S+ ){0,2}?(?:regl|foreskrift|bestammels|taxa)\w*|"
    r"(?:start|begin)\w* (?:to )?(?:comply|follow|apply)\w* (?:with )?(?:\S+ ){0,2}?"
    r"(?:rules|regulations|provisions)\b|"
    r"from (?:what|which) (?:date|day)\b(?:\s+\S+){0,12}?\s+(?:apply|applies|valid)|"
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
    r"beslutats|beslutat|(?:fattat|fattade|fattades|fattats|tagit|tog|togs) (?:\w+ )?beslut(?:et)?|"
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
    # "datum" in any form, and so "date" ("What is the date of the agreement?").
    # The year a document is from ("What year is this guideline from?", "Från vilket år är
    # policyn?"): a date line, or where there is none its copyright line ("© 2021 …").
    "date": r"datum\w*|dated?|daterad\w*|what date|vilket datum|"
    r"(?:vilket|what|which) (?:ar|year) (?:ar|is|was) (?:\S+ ){1,4}?(?:fran|from)(?=\W*$)|"
    r"^fran vilket ar (?:ar|kommer)\b|^from (?:what|which) year (?:is|was|does)\b",
    "parties": r"parter|parterna|parties|mellan vilka|between whom|"
    r"vilka har (?:skrivit|ingatt|slutit)|who (?:signed|concluded|entered)",
    # What the document is for or about, asked of the document itself ("Vad beskriver bilagan?",
    # "What is the purpose of the routine?"): a topic word beside it makes it a content question.
    "purpose": r"syfte\w*|syftar|purpose|aim of|"
    r"^vad (?:beskriver|reglerar|handlar)(?: \w+){1,4}(?=\W*$)|"
    r"^what (?:does|do)(?: \w+){1,5} (?:describe|regulate|cover)(?=\W*$)|"
    r"^what is(?: \w+){1,5} about(?=\W*$)",
}
_FACTS = {k: re.compile(rf"\b(?:{v})\b") for k, v in _FACT_PATTERNS.items()}


def fact_kind(folded: str) -> str | None:
    """Which document fact the (folded) question names, if any."""
    return next((kind for kind, pattern in _FACTS.items() if pattern.search(folded)), None)
