"""Step 1 of fitting the decision (``python -m assistant.fit_decision``): the labelled table.

Every set of the suite (``eval/suite.toml``) is indexed (cached, see ``suite``) and its questions
are asked with today's retrieval and answering; each decision's features are recorded
(``decide.recording``). Labels: an answerable question whose evidence is in the passages the
answerer read is a positive; an unanswerable one is a negative; and an answerable question asked
of *another* corpus whose text does not hold its evidence is a negative (cross-corpus: free, and
hard when the genres meet) — but never of another corpus of its own set: a set's parts are
written about one world (the field cases share a fictitious region and its municipalities), so
a sibling often answers the question in other words than its evidence string (when the region
pays its grant, asked of the sibling whose grants are paid "i mars varje år"), and the copy would
be a negative with a positive's features. A kept answerable question that names a party of its
corpus is also asked about a party of another corpus that its texts never mention (``swapped``:
"Vad ska Ludvika kommun göra …" -> "Vad ska Bäckby kommun göra …"), a cross-corpus negative with
its own topic. An answerable question whose evidence was not read is
left out: refusing it is right for the decision, retrieval failed. One row per decision, columns
``COLUMNS``, saved as ``eval/decision-features.csv``.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .decide import recording
from .evaluate import _norm, _relevant, load_questions
from .features import FEATURES

__all__ = [
    "COLUMNS",
    "DEFAULT_CONFIG",
    "cross_corpora",
    "extract",
    "load_config",
    "own_records",
    "read_rows",
    "write_rows",
]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "eval" / "fit-decision.toml"
# ``ruled``: 1 when a rule refused the question whatever the model said (``decide``): the
# threshold is chosen on that outcome, the model fitted on every row.
COLUMNS = ("group", "corpus", "id", "lang", "kind", "label", "ruled", *FEATURES)


def load_config(path: Path) -> dict[str, Any]:
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    for key in ("suite", "features", "output"):
        config[key] = (path.parent / config[key]).resolve()
    return config


def _ask(assistant: Any, question: str) -> list[dict[str, Any]]:
    with recording() as records:
        assistant.ask(question)
    # A compound or "which documents" question makes several decisions: too many to label one.
    return records if len(records) <= 2 else []


def _sample(ids: list[str], salt: str, n: int) -> set[str]:
    """A fixed pseudo-random ``n`` of the ids (the same on every run and machine)."""
    return set(sorted(ids, key=lambda i: hashlib.sha1(f"{salt}|{i}".encode()).hexdigest())[:n])


def cross_corpora(group: str, corpora: list[str], siblings: dict[str, set[str]]) -> list[str]:
    """The corpora a set's answerable questions are asked of as cross-corpus negatives: every
    corpus but the set's own parts (``siblings``: set name -> its corpus keys)."""
    return [key for key in corpora if key not in siblings.get(group, set())]


_KIND_WORDS = frozenset({"kommun", "region", "regionen", "kommunen"})
_TRIES = 5  # other parties tried for a swapped question


def _proper(party: str) -> list[str]:
    """The proper words of a party's name ("Region Dalarna" -> ["Dalarna"])."""
    return [w for w in party.split() if w.casefold() not in _KIND_WORDS and w[:1].isupper()]


def swapped(
    question: str,
    named: tuple[str, ...],
    others: list[str],
    salt: str,
    absent: Callable[[str], bool],
) -> str | None:
    """``question`` about another party: the proper name of the first party it names
    (``Query.parties``) replaced by one of ``others`` (parties of other corpora), the first in
    an order fixed by ``salt`` for which ``absent(new question)`` holds (the asked corpus never
    mentions it). The same question about a party the texts do not cover is a negative with a
    positive's topic, which the cross-corpus copies never are (they change the topic with the
    corpus), and what a user asking about another municipality meets."""
    for party in named:
        for word in _proper(party):
            pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?=s?\b|['’]s\b)")
            if not pattern.search(question):
                continue
            order = sorted(others, key=lambda o: hashlib.sha1(f"{salt}|{o}".encode()).hexdigest())
            for pick in order[:_TRIES]:
                text = pattern.sub(pick, question)
                if pick != word and absent(text):
                    return text
            return None
    return None


def extract(config: dict[str, Any], cache: Path | None = None, log: Any = print) -> list[dict]:
    """Ask every question of every set (and a sample of them of every other corpus)."""
    from .config import Settings
    from .embeddings import make_embeddings
    from .suite import corpus_content, corpus_index, corpus_key, load_suite

    settings = Settings()
    embeddings = make_embeddings(settings)
    parts = []  # (group, questions, corpus key)
    siblings: dict[str, set[str]] = {}  # set name -> the keys of its own corpora
    corpora: dict[str, tuple[Any, str]] = {}
    # A corpus is known by its files alone in the table and the samples: keyed by its cache key
    # (which holds the chunker version), a new chunker drew other cross-corpus negatives and
    # moved the fitted threshold 0.55 -> 0.47 while the suite's figures stayed the same
    # (seventeenth session).
    content: dict[str, str] = {}
    for s in load_suite(config["suite"]):
        if s.missing:
            log(f"skip {s.name}: missing {s.missing[0]}")
            continue
        for questions, folders in s.parts:
            key = corpus_key(folders, settings)
            if key not in corpora:
                content[key] = corpus_content(folders)
                assistant = corpus_index(folders, settings, cache, embeddings)
                text = _norm(" ".join(d.page_content for d in assistant.retriever.lexical.docs))
                corpora[key] = (assistant, text)
            parts.append((s.name, load_questions(questions), key))
            siblings.setdefault(s.name, set()).add(key)
    rows: list[dict[str, Any]] = []

    def add(group: str, corpus: str, q: Any, kind: str, label: int, record: dict) -> None:
        feats = record["features"]
        rows.append(
            {"group": group, "corpus": content[corpus], "id": q.id, "lang": q.lang, "kind": kind}
            | {"label": label, "ruled": int(bool(record.get("ruled")))}
            | {f: feats[f] for f in FEATURES}
        )

    per_pair = config.get("cross_per_pair")  # unset: every one (README, seventeenth session)
    for group, questions, key in parts:
        started = time.perf_counter()
        assistant = corpora[key][0]
        # A big set is sampled (fixed sample): its figures settle long before all its questions.
        kept = _sample([q.id for q in questions if q.answerable], group, config["max_own"])
        for q, kind, label, record in own_records(assistant, questions, kept):
            add(group, key, q, kind, label, record)
        n_cross = len(swap_rows(group, key, questions, kept, corpora, add))
        answerable = [q for q in questions if q.answerable and q.evidence]
        for other in cross_corpora(group, list(corpora), siblings):
            other_assistant, text = corpora[other]
            absent = [q for q in answerable if not any(_norm(e) in text for e in q.evidence)]
            chosen = (
                {q.id for q in absent}
                if per_pair is None
                else _sample([q.id for q in absent], content[other], per_pair)
            )
            for q in absent:
                if q.id in chosen:
                    for record in _ask(other_assistant, q.question):
                        add(group, other, q, "cross", 0, record)
                        n_cross += 1
        log(
            f"{group} ({key}): {len(questions)} questions, {n_cross} cross-corpus, "
            f"{time.perf_counter() - started:.0f} s"
        )
    return rows


def own_records(
    assistant: Any, questions: list[Any], kept: set[str]
) -> list[tuple[Any, str, int, dict[str, Any]]]:
    """A set asked of its own corpus: (question, kind, label, record) per decision. An
    unanswerable question is a negative; a ``kept`` answerable one a positive where its evidence
    was read (not read: retrieval failed, left out)."""
    out = []
    for q in questions:
        if q.answerable and q.id not in kept:
            continue
        for record in _ask(assistant, q.question):
            if not q.answerable:
                out.append((q, "unanswerable", 0, record))
            elif _relevant(" ".join(record["passages"]), q.evidence):
                out.append((q, "own", 1, record))
    return out


def swap_rows(
    group: str,
    key: str,
    questions: list[Any],
    kept: set[str],
    corpora: dict[str, tuple[Any, str]],
    add: Any,
) -> list[str]:
    """The set's kept answerable questions that name a party, asked about a party of another
    corpus (``swapped``) that the asked corpus never mentions: cross-corpus negatives (id
    ``<id>~swap``). Returns the questions asked."""
    assistant = corpora[key][0]
    others = sorted(
        {
            w
            for k, (a, _) in corpora.items()
            if k != key
            for p in a.parties()
            for w in _proper(p.name)
        }
    )
    asked = []
    for q in questions:
        if not q.answerable or q.id not in kept:
            continue
        # Only a name the asked corpus never mentions makes the question one it cannot answer.
        text = swapped(
            q.question,
            assistant.analyze(q.question).parties,
            others,
            q.id,
            lambda t: bool(assistant.analyze(t).absent_names),
        )
        if text is None:
            continue
        asked.append(text)
        for record in _ask(assistant, text):
            add(group, key, replace(q, id=f"{q.id}~swap"), "cross", 0, record)
    return asked


def write_rows(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: repr(float(v)) if k in FEATURES else v for k, v in row.items()})


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            {
                k: float(v) if k in FEATURES else (int(v) if k in ("label", "ruled") else v)
                for k, v in ({"ruled": "0"} | r).items()  # a table from before ``ruled``: none
            }
            for r in csv.DictReader(f)
        ]
