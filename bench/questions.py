"""Questions: the dev set (quality) and a fixed list of distinct latency probes made from it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import MUNICIPALITIES, REAL_NAME

__all__ = ["DevQuestion", "load_dev", "probes", "relevant"]

# Used when no dev set is at hand (e.g. a checkout without ../shared).
_FALLBACK = [
    "Vad gör regionen inom Skapande skola?",
    "what did Ludvika commit to regarding elevkulturombud",
    "Vem ansvarar för folkbiblioteken enligt bibliotekslagen?",
    "Vad ska Ludvika göra för det lokala arrangörskapet?",
]


@dataclass(frozen=True)
class DevQuestion:
    question: str
    evidence: tuple[str, ...]
    answerable: bool


def load_dev(path: Path | None) -> list[DevQuestion]:
    if path is None or not path.is_file():
        return []
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [
        DevQuestion(r["question"], tuple(r.get("evidence") or ()), bool(r.get("answerable", True)))
        for r in rows
    ]


def probes(dev: list[DevQuestion], n: int, offset: int = 0) -> list[str]:
    """``n`` distinct questions, so that none is answered from a query-embedding cache: dev
    question ``i % len(dev)`` with a fictional municipality instead of Ludvika, or, when it
    names none, with that municipality put in front ("Hjortby: ...")."""
    templates = [d.question for d in dev] or _FALLBACK
    out = []
    for i in range(offset, offset + n):
        template, name = templates[i % len(templates)], MUNICIPALITIES[i % len(MUNICIPALITIES)]
        if REAL_NAME in template:
            out.append(template.replace(REAL_NAME, name))
        else:
            out.append(f"{name}: {template}")
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def relevant(text: str, evidence: tuple[str, ...]) -> bool:
    """The dev set's rule (as in ``assistant.evaluate``): an evidence string, whitespace
    normalised and case-insensitive, stands in the passage."""
    return any(_norm(e) in _norm(text) for e in evidence)


def recall(search: Callable[[str], list[str]], dev: list[DevQuestion]) -> dict[str, float]:
    """R@1 and R@3 over the dev set's answerable questions; ``search`` gives the top-3 texts."""
    hits1 = hits3 = n = 0
    for q in (d for d in dev if d.answerable):
        ranks = [i for i, text in enumerate(search(q.question)) if relevant(text, q.evidence)]
        n += 1
        hits1 += bool(ranks) and ranks[0] == 0
        hits3 += bool(ranks)
    return {"questions": n, "R@1": round(hits1 / n, 3), "R@3": round(hits3 / n, 3)} if n else {}
