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
its own topic (these negatives: ``fit_negatives``). With ``hidden_evidence`` in the config, each
kept answerable question is also asked with its evidence passages hidden (kind ``hidden``:
measured by the fit, not fitted on). An answerable question whose evidence was not read is left
out: refusing it is right for the decision, retrieval failed. One row per decision, columns
``COLUMNS``, saved as ``eval/decision-features.csv``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
import tomllib
from pathlib import Path
from typing import Any

from .evaluate import _norm, _relevant, load_questions
from .features import FEATURES
from .fit_negatives import ask, cross_corpora, hidden_rows, swap_rows

__all__ = [
    "COLUMNS",
    "DEFAULT_CONFIG",
    "extract",
    "load_config",
    "own_records",
    "PROBE",
    "read_rows",
    "report_table",
    "same_machine",
    "write_probe",
    "write_rows",
]

# A text whose vector tells whether a machine embeds as the one that extracted the table did:
# the e5 engine's last digits differ by CPU model (its 4-bit activations round a last-digit
# difference of the C library's math into another step), and the cosines with them, up to 0.003
# apart between two x86-64 machines (forty-second session). Only where this text's vector is the
# same does asking again give the table's floats exactly.
PROBE = "Vilka åtaganden har kommunen enligt överenskommelsen?"
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


def _sample(ids: list[str], salt: str, n: int) -> set[str]:
    """A fixed pseudo-random ``n`` of the ids (the same on every run and machine)."""
    return set(sorted(ids, key=lambda i: hashlib.sha1(f"{salt}|{i}".encode()).hexdigest())[:n])


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
        n_hidden = 0
        if config.get("hidden_evidence"):
            n_hidden = len(hidden_rows(group, key, questions, kept, corpora[key][0], add))
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
                    for record in ask(other_assistant, q.question):
                        add(group, other, q, "cross", 0, record)
                        n_cross += 1
        log(
            f"{group} ({key}): {len(questions)} questions, {n_cross} cross-corpus, "
            f"{n_hidden} with evidence hidden, "
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
        for record in ask(assistant, q.question):
            if not q.answerable:
                out.append((q, "unanswerable", 0, record))
            elif _relevant(" ".join(record["passages"]), q.evidence):
                out.append((q, "own", 1, record))
    return out


def _probe_file(features: Path) -> Path:
    return features.with_name(f"{features.stem}-probe.json")


def write_probe(embeddings: Any, features: Path) -> None:
    """Beside the table ``features``: this machine's vector of ``PROBE`` (7 decimals)."""
    vector = [round(float(x), 7) for x in embeddings.embed_query(PROBE)]
    record = {"text": PROBE, "vector": vector}
    _probe_file(features).write_text(json.dumps(record) + "\n", encoding="utf-8")


def same_machine(embeddings: Any, features: Path) -> bool:
    """Does this machine embed ``PROBE`` as the one that wrote the table ``features`` did (each
    component within 1e-6)? False without a saved probe."""
    try:
        saved = json.loads(_probe_file(features).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    today = embeddings.embed_query(saved["text"])
    return len(today) == len(saved["vector"]) and all(
        abs(float(a) - b) <= 1e-6 for a, b in zip(today, saved["vector"], strict=True)
    )


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


def report_table(result: dict[str, Any]) -> str:
    """The fit's result as a Markdown table: per set held out, its rows, AUC and rates."""
    lines = [
        f"threshold {result['threshold']} (fitted on {', '.join(result['fit_sets'])}; "
        f"{result['rows']} rows)",
        "",
        "| set (held out) | pos | neg | AUC | answered | refused | refused unanswerable "
        "| refused cross | refused hidden |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, m in result["held_out"].items():
        cells = [m["positives"], m["negatives"], m["auc"], m["answered"], m["refused"]]
        cells += [m["refused_unanswerable"], m["refused_cross"], m.get("refused_hidden")]
        mark = " (never fitted)" if m.get("never_fitted") else ""
        lines.append(
            f"| {name}{mark} | " + " | ".join("–" if c is None else str(c) for c in cells) + " |"
        )
    return "\n".join(lines)
