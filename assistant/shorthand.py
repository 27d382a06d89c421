"""Chat shorthand in a typed question written out before it is read: "hur mkt kostar …?" asks
"hur mycket", "finns det nån rabatt" asks for "någon".

A shorthand word is no typo the vocabulary can correct (``vocabulary.Vocabulary.rewrite``
corrects towards the corpus's words, and no agreement writes "mkt"), and left as it is it
counts as a topic word no sentence holds: "hur mkt kostar vattnet per kubikmeter?" lost a
quarter of its specific words' weight to "mkt" and was refused over the sentence giving the
price (``one_sentence.specific_share``), and "hur mkt" asked for no amount
(``answer_type.wanted_answer``). Only forms that are never another word are written out: not
"mm" (millimetre or "med mera"), "ev" or "tex" (names), "kvm" (a unit the texts also use).

The everyday-word list (``plain_words``, ``data/sv_plain_admin.tsv``) reads these forms too, and
more ("sen", "dom", "ev"), but only for a question's topic words: the frame ("hur mkt") and the
sentence rules never saw its readings. Written out here, before the question is read once, every
stage reads "mycket"; the list's lines stay for the forms that may be other words.
"""

from __future__ import annotations

import re

__all__ = ["SHORTHAND", "expand_shorthand"]

# Shorthand -> what it stands for (lower case; Swedish chat and text-message forms).
SHORTHAND = {
    "mkt": "mycket",
    "ngt": "något",
    "nåt": "något",
    "ngn": "någon",
    "nån": "någon",
    "ngra": "några",
    "nåra": "några",
    "nånstans": "någonstans",
    "nånting": "någonting",
    "pga": "på grund av",
    "iom": "i och med",
}
# "åk" (typed "ak" without å) before a number is "årskurs" ("elever i åk 8", "ak. 7-9"): schools
# write the word out in running text and tables alike; alone it is "ride!" (åka), left as typed.
_GRADE = re.compile(r"(?<![\w-])([åÅaA])k\.?(?= ?\d)")
# "o" stands for "och" only between two lower-case words ("vatten o avlopp"), never alone.
_AND = re.compile(r"(?<=[a-zåäö] )o(?= [a-zåäö])")
_WORDS = re.compile(r"(?<![\w-])(" + "|".join(SHORTHAND) + r")(?![\w-])", re.I)


def expand_shorthand(text: str) -> str:
    """``text`` with each shorthand word (``SHORTHAND``) written out, a capital kept ("Nån
    rabatt?" -> "Någon rabatt?"), "åk/ak" before a number as "årskurs", and a lone "o" between
    two lower-case words as "och"."""

    def written(m: re.Match[str]) -> str:
        word = SHORTHAND[m.group(1).casefold()]
        return word[:1].upper() + word[1:] if m.group(1)[:1].isupper() else word

    text = _GRADE.sub(lambda m: "Årskurs" if m.group(1).isupper() else "årskurs", text)
    return _AND.sub("och", _WORDS.sub(written, text))
