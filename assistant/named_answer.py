"""A "which <body>" question is answered by a name: the "name" kind of ``absent_kind``.

"Hos vilket försäkringsbolag är lekplatserna försäkrade?", "Vid vilken tingsrätt …?", "Which
municipal committee is responsible for …?" ask for one body, court, company, country or law the
text names. An on-topic sentence that speaks of that kind of thing only as a kind ("… hos
kommunens försäkringsbolag", "… prövas vid allmän domstol", "Kommunen ansvarar …", "Den
myndighet som regeringen bestämmer …") is what the answerer quotes, and every fitted feature is
high. What is missing is anything that says *which*:

- ``kind_asked``: the folded question asks "vilken/vilket/vilka [a word] <kind>" or "which [a
  word] <kind>" ("vilket annat land", "which supervisory authority"), a kind of thing known by
  its name (``_SV_KINDS``, ``_EN_KINDS``: authorities, courts, boards, companies,
  laboratories, organisations, countries, municipalities, laws; forms, tools, systems,
  vaccines, apps, platforms, standards), or a thing's own name ("Vad heter systemet …?", "What is the name
  of …?"); not a yes/no question ("Kan jag bo i vilken
  kommun jag vill?");
- ``holder_asked``: "Vem är rektor för …?", "Who is the head teacher …?": who holds a role the
  question names, answered by a person's name, not by the role ("… behöver ledas av rektor");
- ``name_given``: a sentence names one: a capitalised word that does not open it and is not the
  question's own ("Norrstads tingsrätt", "fastställd av Socialstyrelsen"), an acronym ("IMY"),
  a first word with an authority's ending ("Boverket ansvarar …", not "Kommunen"), and by the
  kind asked: a law by its number or its own name ("lag (2004:451)", "produktsäkerhetslagen"),
  a body by a compound in the definite form ("socialnämnden", "tingsrätten där fastigheten
  ligger"). A law's number names no authority.

Measured over every labelled set and the held-out sets (README "Answer or refuse", twenty-third
session).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from .folding import fold
from .sentence_share import opens_with_verb

__all__ = ["holder_asked", "kind_asked", "name_given", "person_named"]

# Kinds of thing a text names rather than describes (folded). A court, an authority or a board
# is also answered by a narrower kind's compound ("tingsrätten" for "vilken domstol").
_SV_KINDS = (
    # a compound names the same kind ("tillsynsmyndighet", "identitetsfederationer")
    r"\w*myndighet\w*|\w*domstol\w*|tingsratt\w*|hovratt\w*|forvaltningsratt\w*|kammarratt\w*|"
    r"\w*namnd\w*|\w*bolag\w*|\w*foretag\w*|\w*leverantor\w*|\w*laboratori\w*|"
    r"\w*organisation\w*|\w*forening\w*|\w*forbund\w*|\w*sjukhus\w*|universitet\w*|"
    r"hogskol\w*|\w*skola|\w*skolan|\w*skolor|\w*skolorna|lander|land|landet|stad|staden|stader|"
    r"kommun|kommunen|kommuner|region|regionen|regioner|\w*federation\w*|"
    # a compound names the same kind ("certifieringsorgan", "tillsynsorganet")
    r"\w*organ|\w*organet|\w*organen|"
    r"institution\w*|lag|lagen|lagar|forordning\w*"
)
_EN_KINDS = (
    r"authorit(?:y|ies)|agenc(?:y|ies)|courts?|committees?|boards?|compan(?:y|ies)|insurers?|"
    r"laborator(?:y|ies)|labs?|organi[sz]ations?|associations?|municipalit(?:y|ies)|"
    r"countr(?:y|ies)|cit(?:y|ies)|hospitals?|universit(?:y|ies)|suppliers?|vendors?|"
    r"federations?|bod(?:y|ies)|institutions?|acts?|laws?|ordinances?|schools?|unions?"
)
# A verb after "vilka" makes it the object and the kind the subject: "Vilka ska myndigheterna
# samarbeta med …?" asks with whom, not which authority.
_NO_VERB = r"(?!(?:ska|skall|kan|far|maste|bor|har|hade|ar|var|blir|behover|gor|brukar)\b)"
_ASKED = re.compile(
    rf"\bvilk(?:en|et|a)\s+(?:{_NO_VERB}\w+\s+)?(?:{_SV_KINDS})\b|"
    rf"\bwhich\s+(?:[\w-]+\s+)?(?:{_EN_KINDS})\b|"
    # things known by their names ("LifeCare", "Hypergene", "Comirnaty", "blankett SKV 4820",
    # "ISO 27001", "PEP 8"), an "IT-system" too:
    # whole words only, "vilket värmesystem" asks for a kind ("bergvärme")
    r"\bvilk(?:en|et|a)\s+(?:\w+\s+)?(?:blankett\w*|formular\w*|verktyg\w*|(?:\w+-)?system|"
    r"(?:\w+-)?systemet|vaccin\w*|app|appen|plattform\w*|\w*standard\w*|stilguide\w*|"
    # a product by its maker's name ("Vilket fabrikat …?"; not "modell": "Vilken
    # ersättningsmodell …?" is answered by how it works)
    r"fabrikat\w*|marke|market|varumarke\w*)\b|"
    r"\bwhich\s+(?:[\w-]+\s+)?(?:forms?|tools?|software|vaccines?|apps?|platforms?|standards?|"
    r"style guides?|brands?|makes?)\b|"
    # a thing's own name, whatever kind it is ("Vad heter systemet …?", "What is the name of …?")
    r"^vad heter\b|\bvad (?:\w+ )?heter (?:den|det|de|han|hon|hen)\b|\bvilket namn\b|"
    r"\bwhat (?:is|was|are|were)(?: the)? names? of\b|\bwhat'?s(?: the)? name of\b"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,}\b")
# A sentence's first word is capitalised anyway: a name there only by an authority's ending.
_AUTHORITY_END = re.compile(
    r"\w{3,}(?:verket|styrelsen|kassan|inspektionen|myndigheten|namnden|radet|domstolen|"
    r"ratten|stiftelsen|institutet|kollegiet|kammaren)$"
)
# A law is named by its number or its own name ("lag (2017:631)", "permutationslagen"); a body
# by a compound in the definite form ("socialnämnden", "tingsrätten där fastigheten ligger").
# A law's title names it too ("Lagen om allmänna vattentjänster", "lag om offentlig
# upphandling"): "lag/lagen/förordningen om" and what it is about.
_LAW_NAMED = re.compile(
    r"\b\w*(?:lag|lagen|forordning|forordningen)\s*\(\s*\d{4}\s*:\s*\d+|"
    r"\b\w{3,}(?:lagen|forordningen|balken)\b|"
    r"\b(?:lag|lagen|forordning|forordningen) om (?:\w+ ){0,2}\w{5,}"
)
_BODY_NAMED = re.compile(
    r"\b\w{3,}(?:namnden|domstolen|ratten|myndigheten|bolaget|foretaget|laboratoriet|"
    r"sjukhuset|universitetet|federationen)\b"
)
_LAW_KIND = re.compile(
    r"\b(?:vilk(?:en|et|a)|which)\s+(?:[\w-]+\s+)?"
    r"(?:lag|lagen|lagar|forordning\w*|acts?|laws?|ordinances?)\b"
)
# What stands before an acronym that cites a law: a section or a chapter ("12 § PBL").
_AFTER_SECTION = re.compile(r"(?:§|\bkap\.?|\bkapitlet)\s*$")
# A body singled out by a defining clause: "den kommun som har beslutat …", "the authority
# that …" (folded, lower case); not one left to another's choice ("den myndighet som regeringen
# bestämmer" names none: "Vilken myndighet har regeringen utsett …?" is unanswerable there).
_DEFINED = re.compile(
    rf"\b(?:den|det|de|the) (?:{_SV_KINDS}|{_EN_KINDS}) (?:som|that|which)\b"
    r"(?! (?:\w+ ){0,2}(?:bestammer|bestamt|utser|utsett|beslutar om|decides|appoints)\b)"
)
_OPENERS = set(".!?:;\"'”“«»(‘’[–—-•*>|§")


_OTHER_ASKING = re.compile(r"\b(?:vad|vem|hur|nar|varfor|what|who|how|when|why)\b")


def kind_asked(folded: str) -> bool:
    """Does the (folded) question ask which body, court, company, country or law, or a thing's
    name?"""
    # A question opening with a verb asks yes or no, whatever kind it names after it; one
    # asked by another question word asks that ("Hur ska det avgöras vilka städer som …?"
    # asks how, "Vem bestämmer vilken skola …?" who).
    m = _ASKED.search(folded)
    return bool(m) and not opens_with_verb(folded) and not _OTHER_ASKING.search(folded[: m.start()])


# "Vem är rektor för enhet 2?", "Vad heter verksamhetschefen …?", "Who is the head teacher …?":
# the role is the question's own, what is asked is who holds it: a person's name. Not "Vem är
# ansvarig för …?" (a role answers that).
_SV_ROLES = (
    r"(?:rektor\w*|\w*chef\w*|ordforande\w*|\w*direktor\w*|\w*samordnare\w*|sekreterare\w*|"
    r"\w*strateg\w*|handlaggare\w*|kontaktperson\w*|\w*ombud\w*)"
)
_EN_ROLES = (
    r"(?:head teacher|headteacher|manager|director|chair|chairman|chairperson|coordinator|"
    r"secretary|ceo|contact person|case officer|officer)"
)
_HOLDER = re.compile(
    rf"^vem (?:ar|var|blir) (?:\w+ )?{_SV_ROLES}\b|"
    rf"^vad heter (?:\w+ )?{_SV_ROLES}\b|"
    rf"^who (?:is|was|will be) (?:the )?(?:\w+ )?{_EN_ROLES}\b|"
    rf"^what (?:is|was)(?: the)? names? of (?:the )?(?:\w+ )?{_EN_ROLES}\b"
)


def holder_asked(folded: str) -> bool:
    """Does the (folded) question ask who holds a role it names ("Vem är kulturchef …?")?"""
    return bool(_HOLDER.search(folded.strip()))


def _own(word: str, question: set[str]) -> bool:
    """Is ``word`` (folded) one of the question's words, inflected or with a genitive "s"? When
    either is shorter than five letters, only as written or with an "s": "till" (of "se till
    att") is no part of "Tillväxtverket"."""
    return any(
        word.startswith(q[:5]) or q.startswith(word[:5])
        if min(len(q), len(word)) >= 5
        else word in (q, q + "s") or q in (word, word + "s")
        for q in question
        if len(q) >= 3
    )


def name_given(texts: Iterable[str], question: str) -> bool:
    """Does any of ``texts`` (the sentences as quoted) name a body, court, company, country or
    law that the (folded) ``question`` does not already name, or single one out by what it does
    ("Den kommun som har beslutat att …": a statute answers "which municipality …?" so)?"""
    asked = {w for w in _WORD.findall(question) if len(w) >= 3}
    law = bool(_LAW_KIND.search(question))
    for text in texts:
        if (_LAW_NAMED if law else _BODY_NAMED).search(fold(text)):
            return True
        if not law and _DEFINED.search(fold(text).casefold()):
            return True
        for m in _ACRONYM.finditer(text):
            # "… finns i 8 kap. 12 § PBL": an acronym after a paragraph cites a law, which
            # names no body (only a law asked is answered by it, above)
            if _AFTER_SECTION.search(text[: m.start()]) and not law:
                continue
            if not _own(fold(m.group(0)), asked):
                return True
        words = list(_WORD.finditer(text))
        for i, m in enumerate(words):
            word = m.group(0)
            if not word[:1].isupper() or _own(fold(word), asked):
                continue
            before = text[: m.start()].rstrip()
            opens = i == 0 or not before or before[-1] in _OPENERS
            if not opens or _AUTHORITY_END.match(fold(word)):
                return True
    return False


# A person is named by a given name and a family name, both capitalised ("Helen Hansson
# Malmgren", "Eva Andersson"), or by an e-mail address made of them ("eva.andersson@…").
_PAIR = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäöéü]+)[ \u00a0]+([A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)\b"
)
_PERSON_MAIL = re.compile(r"\b[a-zåäö]+\.[a-zåäö]+(?:\.[a-zåäö]+)?@", re.I)
_KIND_WORD = re.compile(rf"(?:{_SV_KINDS}|\w*region\w*|\w*landsting\w*)")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common Swedish given names, folded (``data/sv_given_names.txt``)."""
    text = (resources.files("assistant") / "data" / "sv_given_names.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _common_noun(word: str) -> bool:
    """Is ``word`` (folded) a Swedish dictionary head word (Folkets lexikon) — "Primärvård" in
    "Beställd Primärvård" — rather than a family name ("Andersson", "Malmgren")?"""
    from .lexicon import swedish_heads

    return word in swedish_heads()


def person_named(texts: Iterable[str], question: str) -> bool:
    """Does any of ``texts`` (the sentences as quoted) name a person that the (folded)
    ``question`` does not: a capitalised pair, neither word a kind of body ("Region Dalarna"
    names none), whose second word is no dictionary word ("Beställd Primärvård" names none) or
    whose first is a common given name ("Anna Berg"); or a personal e-mail address?"""
    asked = {w for w in _WORD.findall(question) if len(w) >= 3}
    for text in texts:
        if _PERSON_MAIL.search(text):
            return True
        for m in _PAIR.finditer(text):
            first, last = fold(m.group(1)), fold(m.group(2))
            if _own(first, asked) or _own(last, asked):
                continue
            if _KIND_WORD.fullmatch(first) or _KIND_WORD.fullmatch(last):
                continue
            if _AUTHORITY_END.match(last):
                continue
            if _common_noun(last.split("-")[0]) and first not in _given_names():
                continue
            return True
    return False
