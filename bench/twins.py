"""``python -m bench.twins``: does a question typed another way get its well-typed twin's answer?

For every question of the chosen suite sets, twins are made by fixed rules (never by hand):

- ``plain``: diacritics stripped (å→a, ä→a, ö→o, é→e, upper case too);
- ``lower``: all lower case;
- ``typo``: the longest topic word (stop words aside, at least five letters) with two inner
  letters swapped, from its middle outward (a fixed, deterministic edit);
- ``nfd``: Unicode NFD (a decomposed "ä");
- ``zwsp``: a zero-width space in the middle of the longest topic word;
- ``ident``: an identifier ("NK-4417", "KS 2024/0173", "LD17/03997") re-spaced or re-hyphenated:
  a hyphen becomes a space, a space a hyphen, letters joined to the number get a space.

A twin identical to its question (an English question has nothing to strip) is not asked. Each
question and its twins are asked of the set's cached index (``assistant eval --suite``'s
``corpus_index``); per set and twin kind, over the questions that have such a twin, the table
gives R@3 and the answered rate (answerable questions) and the refused rate (unanswerable ones),
the original's → the twin's, and the twins whose decision (answer or refuse) or top passage
differs from the original's.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python -m bench.twins --cache /work/cache/twins \
        [--sets dev,extra,dev2,field,swefaq] [--byggfaq 60] [--json rows.json] [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.evaluate import EvalQuestion, _relevant, load_questions
from assistant.suite import corpus_index, load_suite

__all__ = ["KINDS", "TWINS", "ask", "main", "summarise", "twin"]

SUITE = Path(__file__).resolve().parent.parent / "eval" / "suite.toml"
DEFAULT_SETS = ("dev", "extra", "dev2", "field", "swefaq")
TOP = 3
ZWSP = "\u200b"
_PLAIN = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
_WORD = re.compile(r"[^\W\d_]+")
# An identifier: letters and a number, joined, hyphenated or spaced ("NK-4417", "KS 2024/0173").
_IDENT = re.compile(r"(?<![\w-])([A-Za-zÅÄÖåäö]{1,6})([- ]?)(\d[\d/:.]*\d|\d)(?![\w-])")


def _topic_word(question: str) -> tuple[int, int] | None:
    """The span of the longest word that is no stop word, at least five letters (the first of
    equally long ones), or None."""
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

    stop = set(STOPWORDS_SWEDISH) | set(STOPWORDS_EN)
    found = [m for m in _WORD.finditer(question) if len(m[0]) >= 5 and m[0].lower() not in stop]
    if not found:
        return None
    best = max(found, key=lambda m: (len(m[0]), -m.start()))
    return best.start(), best.end()


def _swap(word: str) -> str:
    """Two neighbouring inner letters swapped, from the middle outward; the word if all equal."""
    middle = len(word) // 2
    for offset in range(len(word)):
        for i in (middle - offset, middle + offset):
            if 1 <= i < len(word) - 2 and word[i] != word[i + 1]:
                return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def _in_word(question: str, change: Callable[[str], str]) -> str:
    span = _topic_word(question)
    if span is None:
        return question
    a, b = span
    return question[:a] + change(question[a:b]) + question[b:]


def _identifier(question: str) -> str:
    def respell(m: re.Match[str]) -> str:
        letters, sep, number = m[1], m[2], m[3]
        if sep == "-":
            return f"{letters} {number}"
        if sep == " ":
            # Two lower-case words ("år 2019") are no identifier.
            return f"{letters}-{number}" if letters[:1].isupper() else m[0]
        return f"{letters} {number}" if any(c.isupper() for c in letters) else m[0]

    return _IDENT.sub(respell, question, count=1)


TWINS: dict[str, Callable[[str], str]] = {
    "plain": lambda q: q.translate(_PLAIN),
    "lower": str.lower,
    "typo": lambda q: _in_word(q, _swap),
    "nfd": lambda q: unicodedata.normalize("NFD", q),
    "zwsp": lambda q: _in_word(q, lambda w: w[: len(w) // 2] + ZWSP + w[len(w) // 2 :]),
    "ident": _identifier,
}
KINDS = tuple(TWINS)


def twin(kind: str, question: str) -> str | None:
    """The ``kind`` twin of ``question``, or None when the rule changes nothing."""
    made = TWINS[kind](question)
    return made if made != question else None


def _outcome(assistant: Any, text: str, q: EvalQuestion) -> dict[str, Any]:
    answer = assistant.ask(text)
    passages = assistant.search(text, k=10)
    rank = next((i for i, p in enumerate(passages) if _relevant(p.text, q.evidence)), None)
    return {
        "text": text,
        "answered": bool(answer.answered),
        "rank": rank,
        "top": passages[0].id if passages else None,
    }


def ask(name: str, assistant: Any, q: EvalQuestion, kinds: tuple[str, ...]) -> dict[str, Any]:
    """The question's and its twins' outcomes (one row)."""
    row = {"set": name, "id": q.id, "lang": q.lang, "answerable": q.answerable}
    row["original"] = _outcome(assistant, q.question, q)
    row["twins"] = {}
    for kind in kinds:
        text = twin(kind, q.question)
        if text is not None:
            row["twins"][kind] = _outcome(assistant, text, q)
    return row


def _rates(outcomes: list[tuple[bool, dict[str, Any]]]) -> dict[str, float | None]:
    def ratio(hits: list[bool]) -> float | None:
        return sum(hits) / len(hits) if hits else None

    found = [o for a, o in outcomes if a]
    return {
        "R@3": ratio([o["rank"] is not None and o["rank"] < TOP for o in found]),
        "answered": ratio([o["answered"] for o in found]),
        "refused": ratio([not o["answered"] for a, o in outcomes if not a]),
    }


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per set and twin kind: n, the original's and the twins' rates, and disagreements."""
    out = []
    sets = list(dict.fromkeys(r["set"] for r in rows))
    for name in sets:
        for kind in KINDS:
            had = [r for r in rows if r["set"] == name and kind in r["twins"]]
            if not had:
                continue
            before = _rates([(r["answerable"], r["original"]) for r in had])
            after = _rates([(r["answerable"], r["twins"][kind]) for r in had])
            differ = [r for r in had if r["twins"][kind]["answered"] != r["original"]["answered"]]
            moved = [r for r in had if r["twins"][kind]["top"] != r["original"]["top"]]
            out.append(
                {
                    "set": name,
                    "kind": kind,
                    "n": len(had),
                    "before": before,
                    "after": after,
                    "decision_differs": len(differ),
                    "agreement": 1 - len(differ) / len(had),
                    "top_differs": len(moved),
                    "differ_ids": [r["id"] for r in differ],
                }
            )
    return out


def _pair(a: float | None, b: float | None) -> str:
    if a is None:
        return "–"
    mark = " **!**" if b is not None and b < a - 0.02 else ""
    return f"{a:.3f} → {b:.3f}{mark}"


def table(summary: list[dict[str, Any]]) -> str:
    lines = [
        "| set | twin | n | R@3 | answered | refused | decision differs | top passage differs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in summary:
        b, a = s["before"], s["after"]
        lines.append(
            f"| {s['set']} | {s['kind']} | {s['n']} | {_pair(b['R@3'], a['R@3'])} | "
            f"{_pair(b['answered'], a['answered'])} | {_pair(b['refused'], a['refused'])} | "
            f"{s['decision_differs']} ({s['agreement']:.3f}) | {s['top_differs']} |"
        )
    return "\n".join(lines)


def _questions(name: str, path: Path, sample: int, seed: int) -> list[EvalQuestion]:
    questions = load_questions(path)
    if name == "byggfaq" and sample and sample < len(questions):
        questions = random.Random(seed).sample(questions, sample)
    return questions


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.twins", description=__doc__)
    p.add_argument("--cache", type=Path, help="suite index cache (as assistant eval --cache)")
    p.add_argument("--sets", default=",".join(DEFAULT_SETS), help="comma-separated set names")
    p.add_argument("--byggfaq", type=int, default=0, help="also byggfaq, this many sampled")
    p.add_argument("--seed", type=int, default=11, help="byggfaq sample seed")
    p.add_argument("--kinds", default=",".join(KINDS), help="twin kinds to ask")
    p.add_argument("--json", type=Path, help="write per-question rows here")
    p.add_argument("--show", action="store_true", help="list each twin whose decision differs")
    args = p.parse_args(argv)
    from assistant.embeddings import make_embeddings

    settings = Settings()
    wanted = args.sets.split(",") + (["byggfaq"] if args.byggfaq else [])
    kinds = tuple(args.kinds.split(","))
    embeddings = make_embeddings(settings)
    rows: list[dict[str, Any]] = []
    for s in load_suite(SUITE):
        if s.name not in wanted or s.missing:
            continue
        for path, folders in s.parts:
            assistant = corpus_index(folders, settings, args.cache, embeddings)
            for q in _questions(s.name, path, args.byggfaq, args.seed):
                rows.append(ask(s.name, assistant, q, kinds))
    summary = summarise(rows)
    print(table(summary))
    if args.show:
        for r in rows:
            for kind, o in r["twins"].items():
                if o["answered"] != r["original"]["answered"] or o["top"] != r["original"]["top"]:
                    print(
                        f"- {r['set']} {r['id']} {kind}: answered "
                        f"{r['original']['answered']}→{o['answered']}, rank "
                        f"{r['original']['rank']}→{o['rank']}: {o['text']!r}"
                    )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
