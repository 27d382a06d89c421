"""Asking what follows from a failure, and the words a text answers it with: the "consequence"
kind of ``absent_kind``.

"Vad händer om en kommun inte har något folkbibliotek?", "What happens to a committee that
submits its budget after the deadline?" ask what follows when something is not done. An
on-topic sentence stating the duty itself ("Varje kommun ska ha folkbibliotek.", "Nämnderna ska
lämna in … senast den 30 juni") is what the answerer quotes, and every fitted feature is high;
what is missing is anything that follows from anything. A text answers with a condition ("Om
något saknas kommer …", "Betalas … inte inom tid …, ska dröjsmålsränta betalas", "vid fel") or
a consequence named ("kan leda till byggsanktionsavgift", "har … rätt att vända sig till …").

- ``consequence_asked``: the folded question opens with "vad händer/sker om, när, ifall, med
  den som" or "what happens if, when, to"; not "vad händer med buggen?" (what is done with a
  thing) nor one asked after another question ("… och vad händer om vi glömmer det?", whose
  first part may be answered);
- ``consequence_found``: a sentence (as written) holds a condition or a consequence.

Every answerable such question of the labelled and read held-out sets had one in its evidence
(README "Answer or refuse", thirty-ninth session: 16 of 16).
"""

from __future__ import annotations

import re

from .folding import fold

__all__ = ["consequence_asked", "consequence_found", "sanction_asked"]

_ASKED = re.compile(
    r"^(?:men |och |so |but |and )?(?:vad (?:hander|sker|blir foljden|blir konsekvensen)|"
    r"what (?:happens|will happen|would happen|are the consequences|is the consequence))"
    # "What happens, or what sanctions apply, if …?": an aside between them
    r"(?:,? (?:eller|or) [^,?]{1,40},)?(?: (?:da|then|egentligen))?"
    r" (?:om|ifall|i fall|nar|med (?:den|de|dem|en|ett|nagon|nagot)(?: \w+)? som|if|when|to)\b|"
    # the consequences asked by their noun, for whom or on what condition ("Vilka konsekvenser
    # får det för en anställd som …?", "What are the consequences for an employee who …?")
    r"^(?:vilka|vad) (?:blir |far |ar )?(?:det )?(?:konsekvens\w*|foljd\w*)\b(?: \S+){0,8}? "
    r"(?:om|ifall|nar|som)\b|"
    r"^what (?:are|is|would be|will be) the (?:consequences?|results?)\b(?: \S+){0,8}? "
    r"(?:if|when|who|that)\b"
)
# A condition ("om", "vid", an inverted "Betalas … inte …, ska …") or a consequence done. "vid
# alla/samtliga …" says where a duty holds ("Hållbarhetskrav … ska ställas vid alla
# upphandlingar"), in no event that would set something off.
_FOUND = re.compile(
    r"\b(?:ifall|i fall|vid(?!\s+(?:alla|samtliga)\b)|när|då|annars|såvida|förutsatt|"
    r"led(?:a|er)? till|medför\w*|resulter\w*|återkall\w*|återkräv\w*|dras? in|drar in|"
    r"underkänn\w*|avslå\w*|rätt att|skyldig\w*|if|when|unless|otherwise|"
    r"lead to|leads to|result\w*)\b",
    re.I,
)
# "om" is also the preposition of "beslut om", "lagen om", "information om" ("Bestämmelsen i
# kommunallagen om anknytning till kommunens område …"), the commonest "om" in administrative
# text. It opens a condition where a clause opens ("Om något saknas …", "…, om …", "även om",
# "eller om"), or where a clause follows it: a subject pronoun ("om du redan är smittad"), or a
# finite verb, "inte" or a passive within a few words ("om ansökan avslås", "om fakturan inte
# betalas").
_OM = re.compile(r"\bom\b", re.I)
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.,;:!?(–—-]|\b(?:och|eller|men|samt|även|särskilt|endast|bara|inte|utom|förutom|"
    r"oavsett|just|exempelvis|dock|också|så))\s*$",
    re.I,
)
_SUBJECT = re.compile(r"(?:jag|du|man|vi|ni|han|hon|hen|den|det|de|någon|något|ingen|inget)$", re.I)
_FINITE = re.compile(
    r"(?:är|var|blir|blev|har|hade|kan|kunde|ska|skall|skulle|måste|får|fick|behöver|vill|bör|"
    r"kommer|finns|saknas|sker|inte|ej|"
    # a passive ("betalas", "avslås", "godkänns", "läggs", "görs"), not a genitive ("kommunens")
    r"\w{2,}(?:as|ås|nns|ggs|es|rs))$",
    re.I,
)
_ASKING = re.compile(r"(?:hur|vad|vilk\w+|var|varför|vem|när)$", re.I)
_CLAUSE_WORDS = 5  # words after "om", to the next punctuation, that may hold the clause's verb


def _condition_om(text: str) -> bool:
    """Does an "om" in ``text`` open a condition rather than name a subject matter?"""
    for m in _OM.finditer(text):
        if _CLAUSE_OPENS.search(text[: m.start()]):
            return True
        after = re.split(r"[.,;:!?()]", text[m.end() :], maxsplit=1)[0].split()[:_CLAUSE_WORDS]
        if after and _ASKING.match(after[0]):
            continue  # "kunskapen om hur … kan användas": a question's subject matter
        if after and _SUBJECT.match(after[0]):
            return True
        if any(_FINITE.match(w) for w in after):
            return True
    return False


# A consequence named: not when the question names it ("Vad händer om jag inte betalar
# avgiften?" is not answered by "Avgiften betalas till kommunen.").
_NAMED = re.compile(
    r"\b(?:påföljd\w*|\w*sanktion\w*|\w*avgift\w*|\w*ränta\w*|vite\w*|straff\w*|böter|"
    r"avslag\w*|konsekvens\w*|penalt\w*|fines?|sanction\w*|fees?|interest)\b",
    re.I,
)
_PREFIX = 5  # letters a word shares with the question's to be its own ("avgiften", "avgift")


def consequence_asked(folded: str) -> bool:
    """Does the (folded) question ask what follows when something happens or is not done?"""
    return bool(_ASKED.search(folded.strip()))


# A sanction asked for by its name, under a condition: "Blir det något vite om … lämnar … för
# sent?", "Vilket straff kan en beställare få om …?", "What penalty does a company face if …?".
_SANCTION = re.compile(
    r"\b(?:vite|viten|vitet|\w*sanktion\w*|straff\w*|boter|pafoljd\w*|penalt\w*|sanctions?|"
    r"fined|fines)\b"
)
# The condition may be a relative clause naming a failure: "… ge en myndighet som inte …?",
# "What sanctions can MSB impose on an agency that fails to …?", "… den som bryter mot …?".
_CONDITION = re.compile(
    r"\b(?:om|ifall|vid|if|when)\b|"
    r"\b(?:som|that|who|which)\b(?: \w+){0,3}? (?:inte|ej|bryter|missar|struntar|slarvar|"
    r"underlater|fail\w*|violat\w*|breach\w*|ignor\w*|does not|do not|did not)\b"
)
# whether, or which: not how large (the number rules' question) nor who decides it
_SANCTION_ASKED = re.compile(
    r"^(?:blir|kan|far|finns|kommer|utgar|tillkommer|galler|is|are|will|can|do|does|could|"
    r"vilk\w+|vad|which|what)\b(?!.*\b(?:hur|how) (?:stor|hog|mycket|manga|much|many|large|"
    r"high)\b)"
)


def sanction_asked(folded: str) -> bool:
    """Does the (folded) question ask whether or which sanction follows from a condition it
    states? A text answers it with a condition or a sanction of any name, the asked one too
    (``consequence_found`` without the question)."""
    return bool(
        _SANCTION_ASKED.search(folded) and _SANCTION.search(folded) and _CONDITION.search(folded)
    )


def consequence_found(text: str, question: str = "") -> bool:
    """Does ``text`` (as written) state a condition or a consequence that the (folded)
    ``question`` does not name itself?"""
    if _FOUND.search(text) or _condition_om(text):
        return True
    own = {w[:_PREFIX] for w in re.findall(r"\w+", question) if len(w) >= _PREFIX}
    # "avgiftsfritt", "räntefri": free of the charge, no consequence
    named = (fold(m.group(0)) for m in _NAMED.finditer(text))
    return any(w[:_PREFIX] not in own and "fri" not in w[4:] for w in named)
