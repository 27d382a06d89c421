"""Is a question asked to be answered yes or no, and does it open with its verb or with "who" or
"which": the question's form, read by ``answer_type.wanted_answer`` and the number and type rules
(``sentence_share``, ``frequency``, ``restated``). Folded text throughout (``folding.fold``)."""

from __future__ import annotations

import re

__all__ = ["YES_NO", "opens_who_or_which", "opens_with_verb", "yes_no"]

# A yes/no question opens with a finite verb (folded; not "var", which also asks "where") and
# asks no "hur/vad/vilken/när"; read in its last clause ("…, kan vi söka bidrag för det?").
YES_NO = re.compile(
    r"(?:kan|kunde|far|fick|maste|ska|skall|bor|ar|finns|fanns|behover|galler|ingar|har|hade|"
    r"kostar|kravs|gar|blir|brukar|tar|betalar|"
    # verbs a yes/no question about fees and rules opens with ("Tillkommer det något …?")
    r"tillkommer|utgar|omfattas|omfattar|racker|behovs|anvands|stammer|paverkar|innebar|"
    r"raknas|debiteras|ersatts|tillats|godkanns|"
    r"can|could|may|must|should|is|are|was|were|do|"
    r"does|did|will|would|has|have)\b|"
    # any present-tense verb before its subject, as Swedish asks yes or no ("Räknar kommunen
    # …?", "Skickar ni …?"; a blind fee guideline's questions, fifty-first session); never a
    # question word ("Var finns …", "När gäller …")
    r"(?!(?:var|nar|hur|vad|vem|vems|vart|varfor)\b)[a-z]+(?:ar|er|ir|or|yr)\s+"
    r"(?:jag|man|du|vi|ni|de|dom|det|den|han|hon|hen|[a-z]+(?:en|et|na))\b"
)
# "när" after a verb of knowing or telling asks a time ("Vet du när …?", "Kan du säga när …?");
# elsewhere in a question opening with its verb it joins a clause ("Skickar kommunen en faktura
# även när det gäller några kronor?", "Räknar kommunen med ett avdrag när avgiften tas fram?").
_WHEN_JOINS = re.compile(
    r"(?<!\bvet )(?<!\bveta )(?<!\bsaga )(?<!\bberatta )(?<!\bdu )(?<!\bni )(?<!\bknow )"
    r"(?<!\btell )(?<!\bme )(?<!\bus )\b(?:nar|when)\b"
)
_QUESTION_WORD = re.compile(r"\b(?:hur|vad|vilk\w*|nar|how|what|which|when)\b")
_CLAUSE = re.compile(r"[,;:]\s+|[.!]\s+")
_MANNER = re.compile(
    r"(?<=\w )(?:hur|how)\b(?!\s+(?:mycket|manga|lange|ofta|stor\w*|hog\w*|lang\w*|snabbt|"
    r"tidigt|sent|much|many|long|often|large|big|high|far|soon|early|late|quickly)\b)"
)


def opens_with_verb(folded: str) -> bool:
    """Does the (folded) question open with a finite verb ("Kan jag …", "Do I …"), whatever it
    asks after it ("Kan jag bo i vilken kommun jag vill?")?"""
    return bool(YES_NO.match(folded.strip()))


# "Vem bestämmer hur ofta …?", "Vilken ledamot föreslog att man följer upp hur ofta …?": the
# opening question word asks who or which; a "hur ofta/hur många" after it is what the clause
# is about, not what is asked (as ``wanted_answer`` reads the kind from the opening word).
_OPENS_WHO_OR_WHICH = re.compile(r"^(?:vem|vems|who|whom|whose|vilk(?:en|et|a) \w+|which \w+)\b")


def opens_who_or_which(folded: str) -> bool:
    """Does the (folded) question open with "vem/who" or "vilken X/which X"?"""
    return bool(_OPENS_WHO_OR_WHICH.match(folded.casefold().strip()))


def yes_no(folded: str) -> bool:
    """Is the (folded) question, or its last clause, asked to be answered yes or no: it opens
    with a verb and asks no "hur/vad/vilken/how/what" ("Får biblioteket ta ut en avgift …?",
    "… som kostar en viss summa, kan vi söka bidrag för det?")?"""
    # An example or a gloss after a comma is no clause of its own ("Tillkommer det något utöver
    # timavgiften, t.ex. för utlägg?"); "…, och tillkommer …?": the conjunction joins, the verb asks.
    # A question word opening an earlier clause asks that too ("Hur mycket kostar det, och måste
    # jag betala direkt?" wants the sum).
    plain = _ASIDE.sub("", folded.casefold().strip())
    *before, last = _CLAUSE.split(plain)
    if last[:4] in ("och ", "and ") and any(_OPENS_ASKING.match(c) for c in before):
        return False
    last = _JOINING.sub("", last)
    # "Does the inquiry have to … suggest how the reform should be financed?": a "how" of
    # manner inside asks no question of its own; "Kan du säga hur mycket det kostar?" does.
    if not YES_NO.match(last):
        return False
    return not _QUESTION_WORD.search(_WHEN_JOINS.sub(" ", _MANNER.sub(" ", last)))


_ASIDE = re.compile(
    r",\s*(?:t\.? ?ex\.?|till exempel|exempelvis|typ|e\.g\.|for example|such as|alltsa|"
    r"dvs\.?|i\.e\.)(?:\s|$)[^,;:]*"
    # an aside set off by two commas takes both ("Hur ofta, till exempel en gång per år, ska …?")
    r",?"
)
_JOINING = re.compile(r"^(?:och|men|eller|samt|and|but|or)\s+")
_OPENS_ASKING = re.compile(r"^(?:hur|vad|vilk\w*|nar|var|vem|how|what|which|when|where|who)\b")
