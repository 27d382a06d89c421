"""Question analysis: a question and its history -> one ``Query``, with what the index knows.

The analyser is built once per index state (``Assistant`` keeps it): the documents' names, the
parties, and the corpus vocabulary the question is rewritten into. Nothing after it re-parses
the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from typing import Any

from .abbreviations import spelled_out, written_out
from .answer_type import detail_nouns
from .bilingual import Renderer
from .compounds import MIN_PART
from .conversation import resolve
from .document_names import SHORT_NAME, DocumentBook, DocumentName
from .document_phrase import in_words, phrase_documents
from .folding import clean, fold, fold_word
from .intent import fact_kind, fact_terms, measure_words, phrase_of, without_frame_phrases
from .leaning import OwnAsk
from .lexical import stem_word, terms
from .names import NameBook, names_party, question_names
from .parties import Party, parties_in
from .parts import analyse_parts, ask_of
from .plain_words import in_texts_terms
from .query import (
    Query,
    detect_language,
    frame_terms,
    frame_words,
    intent_of,
    quoted_phrases,
    topic_of,
    wanted_answer,
)
from .question_split import asked_part, split_compound
from .shorthand import expand_shorthand
from .timeframe import resolve_in_time, time_scope
from .vocabulary import Vocabulary

__all__ = ["QueryAnalyzer"]


def _lowered(text: str) -> bool:
    """Is ``text`` typed without any capital letter?"""
    return not any(c.isupper() for c in text)


def _english_words() -> list[str]:
    """English words of the bilingual dictionaries (what an English question's words may be)."""
    from .lexicon import folkets, glossary

    keys = [*folkets(), *glossary()]
    return [w for key in keys for w in key.split() if w.isalpha()]


# A source the question cites, to its end: "… enligt riktlinjen?", "… according to the policy?".
_SOURCE = re.compile(r"\b(?:enligt|according to)\s+([^?!.]+)", re.I)


# "… ska bolagen följa reglerna?": the verb asks when a text applies, as "gälla" does; no topic.
# Words of a question about when a text's rules take effect that name no subject of their own
# ("Vilket datum ska företagen börja följa de nya reglerna?": "nya" is the text itself).
_FOLLOW = frozenset(terms("följa följer tillämpa tillämpas comply follow nya nytt ny new"))


class QueryAnalyzer:
    """Builds ``Query`` objects for one index state."""

    def __init__(
        self,
        documents: list[DocumentName],
        parties: list[Party],
        texts: Callable[[], Iterable[str]] | None = None,
        knows: Callable[[str], bool] | None = None,
    ) -> None:
        """``texts`` yields the corpus's passages (read once, on the first question that needs
        the vocabulary); ``knows`` says whether a stemmed term occurs in the corpus."""
        self.documents = documents
        self.parties = parties
        self._texts = texts
        self._knows = knows or (lambda _t: True)
        # An English question's Swedish rendering, once per question: shared by every stage.
        self.renderer = Renderer.of_terms(self._knows)
        self.book = DocumentBook(documents)  # which documents a question names

    def _known_term(self, stem: str) -> bool:
        """Does the corpus know a (stemmed) topic word, or each part of a hyphen-joined one
        ("fel-ansvar" of "dolda fel-ansvaret": "fel" and "ansvar")? Typed joined so, the whole
        is never a corpus word. (A compound of two corpus words is not known: most of another
        subject's words split so, and the fit's cross-corpus questions read as on-topic.)"""
        if self._knows(stem):
            return True
        parts = [p for p in stem.split("-") if p]
        return len(parts) > 1 and all(self._knows(stem_word(p)) for p in parts)

    def _foreign(self, unknown: tuple[str, ...], text: str) -> tuple[str, ...]:
        """The ``unknown`` topic stems the corpus knows not even as two of its words joined,
        read on the stem (``_joined_known``) and on the word as typed in ``text`` ("putsfasad":
        "puts" and "fasad", where its stem "putsfas" ends inside the second word)."""
        typed: dict[str, str] = {}
        for word in re.findall(r"[^\W\d_]+", text.casefold()):
            typed.setdefault(stem_word(word), word)

        def joined(word: str) -> bool:
            return any(
                self._knows(stem_word(word[cut:])) and self._knows(stem_word(word[:cut]))
                for cut in range(MIN_PART, len(word) - MIN_PART + 1)
            )

        return tuple(
            t for t in unknown if not self._joined_known(t) and not joined(typed.get(t, t))
        )

    def _joined_known(self, stem: str) -> bool:
        """Does the corpus know a (stemmed) word, or both parts of it as a compound ("informations-
        regl": "information" and "regl"), a linking "s" allowed? The in-force gate reads it ("…
        följa de här informationsreglerna?" names the text's rules in a word it never writes), and
        so does ``Query.foreign_terms``."""
        if self._knows(stem):
            return True
        for cut in range(MIN_PART, len(stem) - MIN_PART + 1):
            front, head = stem[:cut], stem[cut:]
            fronts = (front, front[:-1]) if front.endswith("s") else (front,)
            if self._knows(head) and any(self._knows(stem_word(f)) for f in fronts):
                return True
        return False

    @cached_property
    def vocabulary(self) -> Vocabulary:
        # The documents' and parties' names are words of the corpus however the texts spell them.
        # So are the function words ("gora" is "göra", though the texts may never use it).
        from bm25s.stopwords import STOPWORDS_SWEDISH

        names = [d.title for d in self.documents] + [p.name for p in self.parties]
        texts = self._texts() if self._texts else []
        words = [*texts, *names, " ".join(STOPWORDS_SWEDISH), frame_words()]
        return Vocabulary(words, stem=stem_word, english=_english_words)

    @cached_property
    def _titles_of(self) -> dict[str, frozenset[str]]:
        """Each document's folded title stems: a document named by kind and topic beside a
        fact ("the agreement on health care …") names the ones whose titles it fits."""
        return {d.source: frozenset(fold_word(t) for t in terms(d.title)) for d in self.documents}

    @cached_property
    def _title_stems(self) -> frozenset[str]:
        """Every title's stems as written, once per index state (a source cited after "enligt")."""
        return frozenset(t for d in self.documents for t in terms(d.title))

    @cached_property
    def _title_words(self) -> frozenset[str]:
        """Every title's folded stems, once per index state (read by every question)."""
        return frozenset(w for own in self._titles_of.values() for w in own)

    def _titling(self, text: str, language: str) -> tuple[frozenset[str], dict[str, set[str]]]:
        """Every title's words, with an English question's words whose Swedish rendering is in
        a title ("key handling" -> "nyckelhantering"), and those renderings, for ``phrase_of``."""
        words = self._title_words
        if language != "en":
            return words, {}
        rendered = {
            fold_word(t): {fold_word(s) for w in sv for s in terms(w)}
            for en, sv in self.renderer.parts(text)
            for t in terms(en)
        }
        hits = {w for w, sv in rendered.items() if any(in_words(s, words) for s in sv)}
        return words | hits, rendered

    @cached_property
    def _municipalities(self) -> int:
        """How many of the corpus's parties are municipalities ("Sagoby kommun", "Malmö stad")."""
        return sum(bool(re.search(r"\b(?:kommun|stad)\b", p.name, re.I)) for p in self.parties)

    @cached_property
    def name_book(self) -> NameBook:
        """Which names the corpus mentions (names.py), its documents' file names' words too."""
        stems = (f.rsplit("/", 1)[-1].rsplit(".", 1)[0] for d in self.documents for f in d.files)
        words = frozenset(w for stem in stems for w in re.split(r"[\W_]+", stem) if len(w) > 2)
        return NameBook(self.vocabulary, self._knows, words)

    def analyze(self, question: str, history: list[dict[str, Any]] | None = None) -> Query:
        """The Query of one user turn; a compound question gets one Query per part."""
        # "SIP-mötet" of texts that write "samordnad individuell planering" (``abbreviations``)
        normalized = spelled_out(expand_shorthand(clean(question)), self._knows)
        parts = split_compound(normalized)
        if len(parts) > 1:
            analysed = analyse_parts(parts, lambda text: self._single(text, history), self._knows)
            whole = self._single(normalized, None)
            return replace(whole, text=question, parts=analysed, intent="fact", fact=None)
        return self._single(normalized, history, typed=question)

    def _single(
        self, normalized: str, history: list[dict[str, Any]] | None, typed: str | None = None
    ) -> Query:
        titles = [d.title for d in self.documents]
        language = detect_language(normalized)
        changes: dict[str, str] = {}

        def spell(text: str) -> str:
            # An English word is no misspelt Swedish one: an English question's typos are
            # corrected against English words first (``Vocabulary.rewrite``).
            sv = detect_language(text) == "sv"
            typed_lower = _lowered(text)
            text, changed = self.vocabulary.rewrite(
                text, min_length=1 if sv else 5, inflected=self._inflected, english=not sv
            )
            changes.update(changed)
            # A question typed all in lower case reads as one typed in sentence case (the
            # embedding is case-sensitive: "which institutions …" and "Which institutions …"
            # fell on either side of the decision).
            return text[:1].upper() + text[1:] if typed_lower else text

        turn = resolve_in_time(
            normalized, history, lambda text, h: resolve(text, h, self.parties, titles, spell)
        )
        search_text = turn.question
        names = question_names(turn.question, lowered=_lowered(normalized))
        absent = [
            n.text
            for n in names
            if self.name_book.absent(n, language) and not self._abbreviated(n.text)
        ]
        parties_named = {n.text for n in names if names_party(n)}
        named = self.book.named(fold(search_text), search_text)
        if named:
            search_text = self.book.without_names(search_text)
        folded = fold(search_text)
        parties = parties_in(search_text, self.parties)
        by_title = [d.source for d in self.documents if d.title in turn.document_titles]
        if not named and len(by_title) == 1 and time_scope(search_text) is None:
            # "on which page?" after an answer from one document; a follow-up naming a time
            # ("och 2020 då?") chooses the version in force then instead.
            named = by_title
        all_terms = terms(search_text)
        # The asker's own case ("Vi har en industritomt …") helps find the passage; the answer
        # need not repeat it: the topic is the question's.
        asked = asked_part(search_text)
        topic = self._topic_terms(asked, parties, named)
        rest = [t for t in topic if t not in fact_terms()]
        if fact_kind(folded) and (
            titled := self.book.titled_by(rest)
            or self._titled_in_english(search_text, language, rest)
        ):
            # "Vilket diarienummer har överenskommelsen om fritidsgårdar?": words of a title
            # beside a document fact name the document, they are not a topic to match.
            topic = []
            named = named or (titled if len(titled) < len(self.documents) else [])
        title_words, rendered = self._titling(search_text, language)
        # Proper names the corpus has ("Sundsvalls") say whose document, not what about.
        present = frozenset(t for n in names if n.text not in absent for t in terms(n.text))
        intent, fact = intent_of(
            folded, set(topic), len(parties), title_words, present, self._municipalities
        )
        subject = [t for t in rest if t not in _FOLLOW]
        known = [all(self._joined_known(part) for part in t.split("-") if part) for t in subject]
        if intent == "fact" and fact == "in_force" and sum(known) * 2 < max(1, len(known)):
            # When something the texts mostly never name takes effect ("När börjar skolplikten
            # gälla?"): no text's own entry line answers it.
            fact = None
        if intent == "document_fact" and not named:
            # the documents a name by kind and topic fits: their facts, not another's card
            phrase = phrase_of(folded, title_words)
            named = phrase_documents(phrase, self._titles_of, rendered)
        # A word the corpus has only inside compounds ("resor" in "resekostnader") stays unknown
        # here: counted as known (compounds.py), the fitted decision answered more unanswerable
        # questions and fewer answerable ones on held-out sets (README "Swedish compounds").
        read: dict[str, str] = {}
        if language == "sv" and topic:
            # "sjuk eller borta" where the texts write "förfall" (plain_words.py)
            topic, read = in_texts_terms(asked, topic, self._knows)
        prefer = self.book.preferred(folded) if not named else []
        return Query(
            text=typed if typed is not None else normalized,
            question=turn.question,
            language=language,
            normalized=normalized,
            search_text=search_text,
            folded=folded,
            asked=asked if asked != search_text else "",
            quoted=quoted_phrases(search_text),
            terms=tuple(all_terms),
            topic_terms=tuple(topic),
            unknown_terms=(unknown := tuple(t for t in topic if not self._known_term(t))),
            foreign_terms=self._foreign(unknown, search_text),
            parties=tuple(p.name for p in parties),
            documents=tuple(named),
            prefer=tuple(prefer),
            intent=intent,
            fact=fact,
            wants=wanted_answer(folded),
            follow_up=turn.follow_up,
            leans=self._own_ask(turn.original, language) if turn.points_back else None,
            exclude=frozenset(turn.exclude),
            topic=topic_of(search_text) if intent == "which_documents" else search_text,
            corrections=tuple(changes.items()),
            readings=tuple(read.items()),
            time=time_scope(search_text),
            names=tuple(n.text for n in names),
            absent_names=tuple(dict.fromkeys(absent)),
            # Names the corpus writes as such, to be placed in its documents (``elsewhere``); a
            # hyphenated compound's first part ("Bygg-Felförsäkring": "Bygg") is too common a
            # word to place a question in one document.
            name_words=tuple(
                tuple(n.words)
                for n in names
                if n.text not in absent and "-" not in n.text and self.name_book.written(n)
            ),
            absent_parties=tuple(dict.fromkeys(n for n in absent if n in parties_named)),
            renderer=self.renderer,
        )

    def _own_ask(self, typed: str, language: str) -> OwnAsk:
        """What a follow-up pointing back ("Vad kostar det?") asks of its own (parts.py)."""
        topic = self._topic_terms(typed, parties_in(typed, self.parties), [])
        return ask_of(typed, language, topic, wanted_answer(fold(typed)), self._knows)

    def _abbreviated(self, name: str) -> bool:
        """Is ``name`` (or a hyphen-joined word's first part: "SIP-mötet") an abbreviation read
        as what it stands for (``abbreviations.written_out``), no name the texts lack?"""
        return any(written_out(w.split("-")[0], self._knows) for w in name.split())

    def _inflected(self, word: str) -> bool:
        """Does the corpus know the word's stem (another form of a word it has)?"""
        stems = terms(word)
        return bool(stems) and all(self._knows(t) for t in stems)

    def _titled_in_english(self, text: str, language: str, rest: list[str]) -> list[str]:
        """``DocumentBook.titled_by`` for an English question: through its Swedish rendering."""
        if language != "en" or not rest:
            return []
        return self.book.titled_in_english(self.renderer.parts(text))

    def _topic_terms(self, text: str, parties: list[Party], documents: list[str]) -> list[str]:
        names = {t for p in parties for n in p.question_names for t in terms(n)}
        for doc in self.documents:
            if doc.source in documents:
                names |= set(terms(doc.title))
                names |= {t for f in doc.files for t in terms(f) + terms(f.replace("-", " "))}
        short = {
            t
            for token in re.findall(r"[\w-]+", text)
            if "-" in token and SHORT_NAME.fullmatch(fold(token))
            for t in terms(token)
        }
        if source := _SOURCE.search(text):
            # "… enligt Räddningsverkets allmänna råd?", "according to the guideline": the words
            # a title has there name where the answer stands, not what is asked (the cue too).
            cue = set(terms(source.group(0).split()[0]))
            names |= set(terms(source.group(1))) & self._title_stems | cue
        frame = frame_terms() | measure_words(text)
        frame |= {t for noun in detail_nouns(fold(text)) for t in terms(noun)}
        kept = [t for t in terms(without_frame_phrases(text)) if t not in frame and t not in names]
        return list(dict.fromkeys(t for t in kept if t not in short))
