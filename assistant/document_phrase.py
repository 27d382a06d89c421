"""A document named in a question by its kind and topic: "the agreement on youth centres",
"Botkyrka's staffing policy", "den sammanhållna överenskommelsen om vård …". Beside a document
fact ("When was … last revised?") such a name is the document asked about, not a topic to match
(``intent.intent_of``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .compounds import LINKS, MIN_PART
from .folding import fold
from .lexical import terms

__all__ = ["document_phrase", "in_words", "phrase_documents"]

# A document as a question names it: "the (joint) agreement on health care …", "Botkyrka's
# staffing policy", "den sammanhållna överenskommelsen om vård …", "riktlinjen för SIP".
_KIND_EN = re.compile(
    r"^(?:document|guidelines?|routine|policy|agreement|annex|rules|regulations?|programme|"
    r"program|handbook|instructions?|strategy|act|law|statute|tariff|ordinance|bylaw|plan|directive|"
    r"bill|report)s?$"
)
_KIND_SV = re.compile(
    r"^[\w-]*(?:dokumentet|riktlinjen|riktlinjerna|rutinen|policyn|overenskommelsen|avtalet|"
    r"bilagan|reglerna|programmet|handboken|reglementet|vagledningen|anvisningen|anvisningarna|"
    r"strategin|lagen|taxan|foreskrifterna|stadgarna|instruktionen|planen|direktivet|direktiven|"
    r"propositionen|rapporten|betankandet)$"
)
# A kind word without its article after a genitive ("Sundsvalls riktlinje för …", "kommunens
# policy"): Swedish drops the article there, so the bare form names a document only so placed.
_KIND_SV_BARE = re.compile(
    r"^[\w-]*(?:dokument|riktlinje|riktlinjer|rutin|policy|overenskommelse|avtal|bilaga|regler|"
    r"program|handbok|reglemente|vagledning|anvisning|anvisningar|strategi|taxa|foreskrifter|"
    r"stadgar|instruktion|plan|direktiv|proposition|rapport|betankande)$"
)
# A kind word with its topic compounded before it ("avvikelserutinen", "va-taxan"): the part
# before the kind names the document as "rutinen för avvikelser" would.
_COMPOUND_KIND = re.compile(
    r"^([\w]{3,}?)-?(dokumentet|riktlinjen|riktlinjerna|rutinen|policyn|overenskommelsen|avtalet|"
    r"reglerna|programmet|handboken|reglementet|vagledningen|anvisningen|anvisningarna|strategin|"
    r"taxan|foreskrifterna|instruktionen|planen|direktivet)$"
)
# The share of a name's words its document's title must hold (a third: "Botkyrka's staffing
# policy" fits "Bemanningspolicy" by one word of three).
_FIT_SHARE = 1 / 3
# "de här anvisningarna", "these rules": a demonstrative points at the document asked about.
_DETERMINERS = frozenset(
    ["the", "this", "these", "its", "den", "det", "de", "denna", "detta", "dessa", "dess"]
)
# Words that qualify a document named by its kind alone ("den nya taxan", "the current policy").
_QUALIFIERS = frozenset(
    terms("ny nya nytt nuvarande gällande aktuell aktuella senaste new current latest present")
)
# An adjective between a genitive and its document's kind ("VGR:s regionala rutin", "kommunens
# nya policy"): a weak ending, or a qualifier.
_ADJECTIVE = re.compile(r"[a-z]{2,}(?:a|e)|ny|nya|nytt")
# A definite or plural ending after a title word's stem ("tax" + "an").
_ENDINGS = frozenset(["a", "an", "en", "et", "n", "na", "ar", "arna", "er", "erna"])
# Split from one string: the list reads as a sentence of link words.
_LINKS = frozenset(
    "on for about of regarding concerning between with in om for kring gallande avseende "  # noqa: SIM905
    "mellan med i".split()
)


def document_phrase(folded: str, titles: frozenset[str], stops: Callable[[str], bool]) -> set[str]:
    """The stemmed words of the documents the question names by kind and topic ("the agreement
    on youth centres", "Ludvika's culture strategy", "riktlinjen för betalkort"): a document fact
    asked of a document named so is still a document fact, its topic words are the name. Only
    a name sharing a word with a title of the corpus (``titles``: folded stems) names one: "the
    agreement on snow clearing" of a corpus without one is a topic, whose case number no card
    holds. ``stops``: is this word a document-fact word, where a name ends?"""
    tokens = re.findall(r"[\w'-]+", folded)
    named: list[str] = []
    bare: set[str] = set()
    for k, token in enumerate(tokens):
        # the owner, maybe before an adjective: "sundsvalls riktlinje", "vgr:s regionala rutin"
        owner = k - 2 if k > 1 and _ADJECTIVE.fullmatch(tokens[k - 1]) else k - 1
        genitive = owner >= 0 and tokens[owner].endswith("s") and bool(_KIND_SV_BARE.match(token))
        if genitive:
            # "sundsvalls riktlinje": whose document, a name word that shows no title's topic
            bare.update((token, tokens[owner]))
            named += [*tokens[owner:k], token]
        elif not (_KIND_EN.match(token) or _KIND_SV.match(token)):
            continue
        if (m := _COMPOUND_KIND.match(token)) and _in_titles(m.group(1), titles):
            named += [m.group(1), token]  # its topic part and the compound
        # before the kind word: back to a determiner or a possessive ("botkyrka's"), 4 at most
        before = tokens[max(0, k - 4) : k]
        for i in range(len(before) - 1, -1, -1):
            if before[i] in _DETERMINERS or before[i].endswith("'s"):
                named += [*before[i:], token]
                break
        # after it: a link word ("on", "om", "för") and its words, up to a document-fact word
        linked = k + 1 < len(tokens) and tokens[k + 1] in _LINKS
        if not linked and _KIND_SV.match(token):
            # a definite kind word alone ("Hur länge gäller planen?"): the document when a title
            # is of that kind (``titled`` below), a topic's plan ("detaljplanen") when none is
            named.append(token)
        if linked:
            named.append(token)  # the kind word is part of the name ("rutinen för …")
            for t in tokens[k + 1 : k + 16]:
                if stops(t):
                    break
                named.append(t)
    words = set(terms(" ".join(named))) | {t for w in named for t in terms(w.removesuffix("'s"))}
    kinds = {
        t for w in named if _KIND_EN.match(w) or _KIND_SV.match(w) or w in bare for t in terms(w)
    }
    # The kind word only, not a genitive's owner ("kommuns kulturstrategi": "kommun" is no kind).
    heads = {
        t
        for w in named
        if _KIND_EN.match(w) or _KIND_SV.match(w) or _KIND_SV_BARE.match(w)
        for t in terms(w.rsplit("-", 1)[-1])
    }
    # The kind word may also be the last part of a compound title ("planen" of "Handlingsplan
    # för klimat och energi", "policyn" of "Resepolicy").
    titled = any(_with_ending(h, titles) or _title_head(h, titles) for h in heads)
    asked = {next((k for k in _KIND_STEMS if h.endswith(k)), h) for h in heads}
    of_kind = any(_with_ending(k, titles) or in_words(k, titles) for k in asked)
    whole = any(
        w in titles or _with_ending(w, titles) or _title_compound(w, titles) for w in words - kinds
    )
    if asked and not of_kind and not whole and _kinded(titles):
        # "Göteborgs Stads policy för digitalisering och IT" beside a corpus whose only title
        # is a plan ("… digitaliseringsplan"): a policy the plan refers to, not the plan. A
        # title's whole word keeps a kind named loosely ("rutinen för tvätt" of "Riktlinje för
        # tvätt …"), a part of a title's compound does not: "EU:s riktlinjer för statsstöd till
        # sjöfart" beside a bill "Prop. … Sjöfartsstödets inriktning" are the guidelines the
        # bill discusses, not the bill (a read blind set's question).
        return set()
    # A name word is a title's whole ("fritidsgård"), a part of one ("upphandling" of
    # "upphandlingsreglement"), or one with a definite ending ("tillämpningsanvisningarna").
    if any(
        in_words(w, titles) or _with_ending(w, titles) or _title_compound(w, titles)
        for w in words - kinds
    ):
        return words
    # "den nya VA-taxan" of a corpus whose title is "Taxa för …": the kind word (its last part
    # after a hyphen) is the title's, and nothing but "ny/gällande" qualifies it.
    # (A definite form may stem apart from the title's: "taxan" beside "tax" of "Taxa".)
    return words if titled and not words - kinds - _QUALIFIERS else set()


# The kinds' stems, as a title holds them whole or as a compound's last part.
_KIND_STEMS = frozenset(
    fold(t)
    for t in terms(
        "dokument riktlinje rutin policy överenskommelse avtal regler program handbok reglemente "
        "vägledning anvisning strategi taxa föreskrifter stadgar instruktion plan direktiv "
        # a bill, a report or a committee report is a kind of its own: what it discusses is not it
        "proposition prop rapport betänkande"
    )
)


def _kinded(titles: frozenset[str]) -> bool:
    """Does some title word name a kind of document ("digitaliseringsplan", "riktlinj")?"""
    return any(t.endswith(k) for t in titles for k in _KIND_STEMS)


def _with_ending(word: str, titles: frozenset[str]) -> bool:
    """Is the word a title's, or one with a definite or plural ending ("taxan" of "tax")?"""
    return any(word == t or (word.startswith(t) and word[len(t) :] in _ENDINGS) for t in titles)


def _title_head(head: str, titles: frozenset[str]) -> bool:
    """Is ``head`` (a kind word's stem, "plan") the last part of a compound title word
    ("handlingsplan")?"""
    return len(head) >= 3 and any(len(t) > len(head) and t.endswith(head) for t in titles)


def _in_titles(part: str, titles: frozenset[str]) -> bool:
    """Is a compound's first part ("avvikelse" of "avvikelserutinen") a title's word?"""
    return any(in_words(t, titles) or any(w.startswith(t) for w in titles) for t in terms(part))


def _title_compound(word: str, titles: frozenset[str]) -> bool:
    """Is the word a compound of two title words ("försäkringsinformation" of a title "… om
    information som gäller försäkring …"), maybe with a linking letter between them?"""
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if head in titles and (tail in titles or tail[:1] in LINKS and tail[1:] in titles):
            return True
    return False


def in_words(stem: str, words: frozenset[str]) -> bool:
    """Is the folded stem one of ``words``, or a part of one ("bibliotek" in "bibliotekslag",
    "res" of "resa" in "resepolicy")?"""
    if stem in words:
        return True
    if len(stem) >= 4:
        return any(stem in w for w in words)
    return len(stem) == 3 and any(w.startswith(stem) for w in words)


def phrase_documents(
    phrase: set[str], titles: dict[str, frozenset[str]], rendered: dict[str, set[str]]
) -> list[str]:
    """The documents a name read by ``document_phrase`` fits best: those whose title holds most
    of its words (``titles``: each document's folded title stems), each word as typed or as one
    of its Swedish renderings (``rendered``), whole or as a compound part. A title word counts
    once however many of the name's words it takes ("home" and "care" both render
    "hemtjänst"), and a title must hold at least ``_FIT_SHARE`` of the name's words: one shared
    word of a long description ("the routine on personal assistance buying home care hours"
    beside a title with "hemtjänst") names no document, it is a topic. None when every
    document fits as well: the name then chooses nothing."""
    scores: dict[str, int] = {}
    for source, words in titles.items():
        taken = {
            t
            for w in phrase
            for t in words
            if in_words(w, frozenset([t]))
            or any(in_words(r, frozenset([t])) for r in rendered.get(w, ()))
        }
        if taken:
            scores[source] = len(taken)
    best = max(scores.values(), default=0)
    if best < _FIT_SHARE * len(phrase):
        return []
    found = [s for s, n in scores.items() if n == best]
    return found if len(found) < len(titles) else []
