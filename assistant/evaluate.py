"""Evaluation: retrieval and answer quality on a JSONL question set (the format of dev.jsonl).

A passage is relevant if it contains one of the question's ``evidence`` strings (whitespace
normalised, case-insensitive). Metrics per language and overall: R@1, R@3, R@5, MRR@10,
answered rate on answerable questions, refusal rate on unanswerable ones, and citation precision
(answered questions whose citations contain the evidence).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core import Assistant
from .ingest.normalise import normalise
from .ingest.readers.text import markdown_inline

__all__ = ["EvalQuestion", "EvalReport", "Tally", "load_questions", "evaluate", "score_questions"]


@dataclass
class EvalQuestion:
    id: str
    question: str
    evidence: list[str]
    answerable: bool
    lang: str


@dataclass
class Tally:
    """Counts of one group of questions (a language, or all), summed over one or more corpora."""

    n: int = 0
    r1: int = 0
    r3: int = 0
    r5: int = 0
    mrr: float = 0.0
    answerable: int = 0
    answered: int = 0
    unanswerable: int = 0
    refused: int = 0
    cited_ok: int = 0
    citations: int = 0
    citations_ok: int = 0
    quoted_ok: int = 0

    def metrics(self) -> dict[str, float | int]:
        def ratio(a: float, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "questions": self.answerable + self.unanswerable,
            "R@1": ratio(self.r1, self.n),
            "R@3": ratio(self.r3, self.n),
            "R@5": ratio(self.r5, self.n),
            "MRR@10": ratio(self.mrr, self.n),
            "answered_rate": ratio(self.answered, self.answerable),
            "refusal_rate": ratio(self.refused, self.unanswerable),
            "citation_precision": ratio(self.cited_ok, self.answered),
            "quote_precision": ratio(self.quoted_ok, self.answered),
        }

    def rates(self) -> dict[str, float | int | None]:
        """The suite's figures; ``None`` where a set has no such question (no unanswerable ones)."""

        def ratio(a: float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "questions": self.answerable + self.unanswerable,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "R@1": ratio(self.r1, self.n),
            "R@3": ratio(self.r3, self.n),
            "MRR@10": ratio(self.mrr, self.n),
            "answered": ratio(self.answered, self.answerable),
            "refused": ratio(self.refused, self.unanswerable),
            # Answers whose citations hold the evidence, and citations that each hold it.
            "citation_precision": ratio(self.cited_ok, self.answered),
            "citations_on_evidence": ratio(self.citations_ok, self.citations),
            # Answers whose quoted sentences themselves hold the evidence: what the user reads.
            "quote_precision": ratio(self.quoted_ok, self.answered),
        }


@dataclass
class EvalReport:
    metrics: dict[str, dict[str, float | int]]
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "failures": self.failures}

    def table(self) -> str:
        keys = [
            "questions",
            "R@1",
            "R@3",
            "R@5",
            "MRR@10",
            "answered_rate",
            "refusal_rate",
            "citation_precision",
        ]
        rows = [" ".join(f"{k:>18}" for k in ["group", *keys])]
        for group, m in self.metrics.items():
            rows.append(" ".join(f"{v!s:>18}" for v in [group, *(m[k] for k in keys)]))
        lines = [
            f"- {f['id']} ({f['lang']}): {f['problem']}: {f['question']}" for f in self.failures
        ]
        return "\n".join(
            rows + ([f"Failures ({len(lines)}):", *lines] if lines else ["No failures."])
        )


def _norm(text: str) -> str:
    # Evidence strings are compared in the ingest's normal form (a soft hyphen or a ligature in
    # an evidence string is gone from the passages too; so is Markdown's "**" or "[a](url)" in a
    # string copied from a .md source), whitespace-normalised, case-folded.
    # A quoted list reads "lead: item; item" where the page has "lead: • item • item": list
    # marks and item separators are no words on either side.
    text = _LIST_MARKS.sub(" ", normalise(markdown_inline(text)))
    return re.sub(r"\s+", " ", text).strip().casefold()


_LIST_MARKS = re.compile(r"[•·▪●◦■;]")


def _relevant(text: str, evidence: list[str]) -> bool:
    passage = _norm(text)
    return any(form in passage for e in evidence for form in _forms(_norm(e)))


# A word broken over two lines ("Göte- borgs", "IS/IT- tjänst" as copied from a PDF export) is
# one word in the passages, joined as the ingest joins it (``ingest.hyphens``): without the
# hyphen, or with it. A suspended compound ("mark- och miljödomstolen") keeps its space.
_BROKEN = re.compile(r"(?<=\w)- (?!(?:och|eller|samt|respektive|resp|som|till|and|or)\b)(?=\w)")


def _forms(evidence: str) -> tuple[str, ...]:
    """The normalised evidence string and, when it holds a word broken over two lines, the
    string with every such word joined without and with its hyphen."""
    if not _BROKEN.search(evidence):
        return (evidence,)
    return (evidence, _BROKEN.sub("", evidence), _BROKEN.sub("-", evidence))


def load_questions(path: Path) -> list[EvalQuestion]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        out.append(
            EvalQuestion(
                id=str(row.get("id", i)),
                question=row["question"],
                evidence=list(row.get("evidence") or []),
                answerable=bool(row.get("answerable", True)),
                lang=row.get("lang") or "?",
            )
        )
    return out


def evaluate(assistant: Assistant, questions: list[EvalQuestion], k: int = 10) -> EvalReport:
    tallies: dict[str, Tally] = {}
    failures = score_questions(assistant, questions, tallies, k)
    ordered = {g: tallies[g].metrics() for g in sorted(tallies, key=lambda g: (g == "all", g))}
    return EvalReport(ordered, failures)


def score_questions(
    assistant: Assistant, questions: list[EvalQuestion], tallies: dict[str, Tally], k: int = 10
) -> list[dict[str, Any]]:
    """Ask each question, add it to ``tallies`` (by language and "all"); return the failures."""
    failures: list[dict[str, Any]] = []
    for q in questions:
        groups = [tallies.setdefault(q.lang, Tally()), tallies.setdefault("all", Tally())]
        problem = _score_one(assistant, q, k, groups)
        if problem:
            failures.append(
                {"id": q.id, "lang": q.lang, "question": q.question, "problem": problem}
            )
    return failures


def _score_one(assistant: Assistant, q: EvalQuestion, k: int, groups: list[Tally]) -> str:
    answer = assistant.ask(q.question)
    problems = []
    rank = None
    if q.answerable:
        passages = assistant.search(q.question, k=max(k, 10))
        rank = next((i for i, p in enumerate(passages) if _relevant(p.text, q.evidence)), None)
        if rank is None or rank >= 3:
            problems.append(f"evidence at rank {rank + 1 if rank is not None else '>' + str(k)}")
        if not answer.answered:
            problems.append("refused")
    elif answer.answered:
        problems.append("answered an unanswerable question")
    cited_ok = answer.answered and _relevant(
        " ".join(c.passage.text for c in answer.citations), q.evidence
    )
    if q.answerable and answer.answered and not cited_ok:
        problems.append("citations miss the evidence")
    # The passage may hold the evidence while the sentences quoted from it do not. A quote
    # holds the evidence, or lies inside a long one (FAQ sets give a whole answer as evidence).
    quoted = [quote for c in answer.citations for quote in c.quotes]
    quoted_ok = answer.answered and (
        _relevant(" ".join(quoted), q.evidence)
        or any(len(t.split()) >= 4 and _relevant(e, [t]) for t in quoted for e in q.evidence)
    )
    if q.answerable and cited_ok and not quoted_ok:
        problems.append("quotes miss the evidence")
    on_evidence = sum(_relevant(c.passage.text, q.evidence) for c in answer.citations)
    for t in groups:
        if q.answerable:
            t.n += 1
            t.answerable += 1
            t.answered += answer.answered
            t.cited_ok += cited_ok
            t.quoted_ok += quoted_ok
            if answer.answered:
                t.citations += len(answer.citations)
                t.citations_ok += on_evidence
            if rank is not None:
                t.r1 += rank < 1
                t.r3 += rank < 3
                t.r5 += rank < 5
                t.mrr += 1 / (rank + 1) if rank < 10 else 0
        else:
            t.unanswerable += 1
            t.refused += not answer.answered
    return "; ".join(problems)
