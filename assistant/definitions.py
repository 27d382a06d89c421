"""A question that asks what a term means, and the passages that define it.

"Vad betyder 'exponering' enligt föreskrifterna?", "Vad avses med extern avvikelse?", "What does
permutation mean?" ask for a definition, and regulations, guidelines and FAQ pages give it in a
few fixed forms: a definition list's entry that opens with the term ("Exponering Att utsättas
för …", "Exponering: …", "Exponering – …"), or a sentence "Med X avses/menas …", "X avser/
innebär/betyder …", "X är en/ett …". Every other passage on the topic uses the word without
saying what it is, and e5 ranks them as high: the question is the term and a frame, and a
passage full of the term matches it best (a blind regulation, 374 passages: the definition
ranked 18th under passages that only use the word). ``DefinitionLift`` lifts a passage that
defines the asked term by a small fixed amount, the way a quoted phrase is lifted. An English
question's term lifts only an English definition (its Swedish rendering is not read here).

Abbreviations asked to be spelled out are ``acronyms``'s (the letters, not a word, are asked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .folding import fold
from .grouping import ORPHAN_CHARS
from .lexical import stem_word
from .lifts import PassageLift

__all__ = [
    "DEFINITION_BONUS",
    "DefinitionLift",
    "asked_term",
    "defined_first",
    "defines",
    "entry_at",
]

# Above the lift of a document the question points at (0.03): a passage that defines the
# asked term is the answer where one exists. Not fitted: set by the gap seen (0.859 against
# 0.901 first); on the suite it moved one SweFAQ question (README, thirty-fifth session). Not
# read by the answer-or-refuse decision (``rescoring.unlifted``).
DEFINITION_BONUS = 0.05

# The question asks what a term means (folded, without quotes): the term is the rest up to an
# "in/according to …" tail. "Vad är X" only with an article ("Vad är en extern avvikelse?"):
# without one it asks for a fact as often as for a meaning ("Vad är avgiften?").
_ASKED = re.compile(
    r"^(?:vad (?:betyder|menas med|avses med|innebar)(?: begreppet| ordet)?|hur definieras|"
    # the document named as the one that defines: "Hur förklarar rutinen begreppet X?"
    r"hur (?:forklarar|definierar) (?:\w+ )?(?:begreppet|termen|ordet)|"
    r"hur definierar \w+|hur beskriver (?:\w+ )?(?:begreppet|termen)|"
    r"how does the \w+ (?:define|explain)(?: the (?:term|concept|word))?|"
    r"vad ar (?:en|ett)|what is (?:an|a)|"
    r"vad ar definitionen (?:av|pa)|definitionen (?:av|pa)|"
    # the body whose meaning is asked: "What does MSB mean by …?", "Vad menar MSB med …?"
    r"what (?:does|do) (?:[\w-]+ ){1,3}mean by|vad menar (?:[\w-]+ ){1,3}med|"
    r"what (?:does|do)|what is meant by|"
    r"what is the definition of|how (?:is|are))(?: the (?:term|word))?\s+"
    r"(?:(?:a|an|the) )?"
    # a kind numbered in its definition list ("UV-typ 3: solarium med …"), asked as the thing
    # of that kind: "Vad menas med ett solarium av UV-typ 3?" (a read blind set's question)
    r"(?:(?:(?:en|ett|a|an)\s+)?(?:[^\W\d_][\w-]*\s+){1,2}?(?:av|of)\s+"
    r"(?=(?:[^\W\d_][\w-]*\s+){1,2}\d+\b))?"
    r"(?P<term>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)??(?:\s+\d+)?)"
    r"(?:\s+(?:mean|means|defined|stand for))?"
    r"(?:\s+(?:i|in|inom|enligt|according to|har|here)(?:\s+[\w-]+){0,5})?"
    # a speaker's particle after it ("vad betyder northern grit egentligen")
    r"(?:\s+(?:egentligen|alltsa|faktiskt|har|actually|really|exactly))?\s*\??\s*$"
)
_GLOSS = re.compile(r"\s*\(([^\W\d_][\w-]*)\)")
_QUOTES = re.compile(r"[\"'“”‘’«»]")
_FRAME = {"en", "ett", "a", "an", "the", "det", "den"}


def asked_term(question: str) -> str | None:
    """The term (folded, one or two words) whose meaning the question asks, if it asks that.
    A one-word gloss in brackets after an English question's term is the term as the Swedish
    texts write it: "What does MSB mean by a 'risk owner' (riskägare) …?" asks for "riskägare"
    (a read blind set's question, fifty-first session)."""
    folded = _QUOTES.sub("", fold(question)).strip()
    m = _ASKED.match(_GLOSS.sub("", folded))
    if m is None:
        return None
    gloss = _GLOSS.search(folded)
    english = folded.startswith(("what ", "how "))  # the gloss is then the texts' Swedish
    if english and gloss and folded[: gloss.start()].rstrip().endswith(m.group("term")):
        return gloss.group(1)
    words = [w for w in m.group("term").split() if w not in _FRAME]
    return " ".join(words) or None


def defines(term: str, text: str) -> bool:
    """Does ``text`` (a passage) define ``term`` (folded, from ``asked_term``), in one of the
    forms regulations and guidelines use? Inflected forms count: the term's stem, then any
    word ending ("externa avvikelser" for "extern avvikelse")."""
    stems = _stems(term)
    if not stems or any(not s for s in stems):
        return False
    word = r"\s+".join(rf"{s}\w*" for s in stems)
    folded = fold(" ".join(text.split()))
    return (
        _list_entry(stems, text)
        or _term_line(stems, text)
        or bool(
            # "Med externa avvikelser avses …", "Med permutation menas …"
            re.search(rf"\bmed\s+{word}\s+(?:\w+\s+){{0,3}}(?:avses|menas)\b", folded)
            # "Exponering avser …", "Vaccination … innebär", "X är en/ett …", "X definieras som …",
            # "GRIT syftar här både på …", "X står för …"
            or re.search(
                rf"(?:^|[.:;]\s+|\b(?:en|ett|den|det)\s+){word}\s+"
                r"(?:avser|innebar|betyder|definieras som|ar (?:en|ett)|syftar (?:\w+ ){0,3}?pa|"
                r"star for|means|is defined as|refers to|stands for)\b",
                folded,
            )
        )
    )


def entry_at(term: str, text: str, start: int, end: int) -> str | None:
    """The words that define ``term`` (``defines``) at the sentence ``text[start:end]`` of a
    passage: the sentence itself, or the label on the line right before it with the sentence,
    for a definition list exported with each term on a line of its own ("imkanal" then
    "Frånluftskanal från matlagningsutrymme …", pdftotext's export of a statute book; a read
    blind set, fifty-second session). None when it does not define the term."""
    sentence = text[start:end]
    if defines(term, sentence):
        return sentence
    label = text[:start].rstrip().rsplit("\n", 1)[-1].strip()
    entry = f"{label} {sentence}"
    # a line shorter than a sentence, as ``grouping`` reads a label; or the term alone on its
    # line above a lower-case definition ("nätbolag" / "företag som ansvarar för …,")
    if _term_alone(_stems(term), label) and sentence[:1].islower():
        return entry
    return entry if 0 < len(label) < ORPHAN_CHARS and defines(term, entry) else None


def defined_first(question: str, candidates: Sequence[Any]) -> Any | None:
    """The best-scored of ``candidates`` (scored sentences, best first: ``passage``, ``start``,
    ``end``) when the question asks what a term means (``asked_term``) and that sentence is
    the term's definition (``entry_at``); else None. The text's own definition answers such a
    question whatever the decision's features say: a one-word question meets its definition
    list's entry with a low cosine ("vad är en imkanal egentligen?" against "imkanal" /
    "Frånluftskanal från matlagningsutrymme …": 0.78), as "Vad står MTA för?" meets the sentence
    that spells the letters out (``acronyms.defining``)."""
    term = asked_term(question)
    if term is None or not candidates:
        return None
    best = candidates[0]
    return best if entry_at(term, best.passage.text, best.start, best.end) is not None else None


def _list_entry(stems: list[str], text: str) -> bool:
    """A definition list's entry: a line or sentence of the passage opens with the term (after
    a bullet, if any) and then a capital, a colon or a dash ("Exponering Att utsättas …",
    "… (CLP-förordningen). Hantering Tillverkning, bearbetning …", "Exponering: …")."""
    tokens = text.split()
    n = len(stems)
    for i in range(len(tokens) - n):
        # A statute's list of terms ends each entry with a comma ("… i försäkringsavtalet,
        # fribrev: tjänstepensionsförsäkring …", its lines joined; a read blind set): after a
        # comma the term must be followed by its colon.
        comma = bool(i) and tokens[i - 1][-1] == ","
        if i and not (comma or tokens[i - 1][-1] in ".:;)" or tokens[i - 1] in _BULLETS):
            continue
        head = [fold(t) for t in tokens[i : i + n]]
        if not all(re.fullmatch(rf"{s}\w*:?", h) for s, h in zip(stems, head, strict=True)):
            continue
        if comma and not head[-1].endswith(":"):
            continue
        after = tokens[i + n]
        if head[-1].endswith(":") or after in _BULLETS or after[:1].isupper():
            return True
    return False


_BULLETS = {"-", "--", "–", "—", "•", "*", ":"}


def _stems(term: str) -> list[str]:
    return [re.escape(stem_word(w)) for w in term.split()]


def _term_alone(stems: list[str], line: str) -> bool:
    """Is ``line`` the term and nothing else (a colon after it allowed)?"""
    words = [fold(w) for w in line.strip().rstrip(":").split()]
    return len(words) == len(stems) and all(
        re.fullmatch(rf"{s}\w*", w) for s, w in zip(stems, words, strict=True)
    )


def _term_line(stems: list[str], text: str) -> bool:
    """A statute's definition list exported a line per column: the term alone on its line and
    its definition, in lower case, on the next non-blank one ("nätbolag" / "företag som
    ansvarar för distribution av brandfarlig gas …,"; a read blind set's MSBFS 2020:1), or the
    two joined into one paragraph by the layout ("nätbolag företag som ansvarar …,"): a lower-case
    paragraph opening with the term, then lower-case words, ending as a list's entry does."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(
        _term_alone(stems, line) and after[:1].islower()
        for line, after in zip(lines, lines[1:], strict=False)
    ):
        return True
    n = len(stems)
    for paragraph in re.split(r"\n\s*\n", text):
        words = paragraph.split()
        if (
            len(words) >= n + 4
            and words[0][:1].islower()
            and words[n][:1].islower()
            and paragraph.rstrip()[-1] in ",;."
            and _term_alone(stems, " ".join(words[:n]))
        ):
            return True
    return False


class DefinitionLift(PassageLift):
    """``weight`` for a passage that defines the term the question asks the meaning of
    (``asked_term``), else 0; each passage read once."""

    def __init__(self, question: str, weight: float = DEFINITION_BONUS) -> None:
        self.term = asked_term(question)
        term = self.term
        # A two-word term is also defined by its head alone ("The Northern GRIT" by "GRIT
        # syftar här på …"; "extern avvikelse" by "Avvikelse avser …"): the general definition.
        head = term.split()[-1] if term and " " in term else None
        if head is not None and len(head) < 4:
            head = None

        def defined(text: str) -> bool:
            return defines(term, text) or (head is not None and defines(head, text))

        super().__init__(None if term is None else defined, weight)
