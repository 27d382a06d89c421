"""The CLI's corpus commands: ``index``, ``ask``, ``search``, ``eval``, ``documents``,
``passages``, ``commitments``. Heavy modules are imported inside each command, so ``--help``
and the other commands stay fast."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import AssistantError

if TYPE_CHECKING:
    from .evaluate import EvalReport
    from .results import Passage
    from .suite import SuiteReport

__all__ = [
    "ask_command",
    "commitments_command",
    "documents_command",
    "eval_command",
    "index_command",
    "passages_command",
    "search_command",
]


def _assistant(settings: Settings) -> Any:
    from .core import Assistant

    return Assistant(settings)


def index_command(args: argparse.Namespace, settings: Settings) -> int:
    from .indexing.store import Index

    report = Index(settings).build(rebuild=args.rebuild, progress=not args.quiet)
    print(report.summary())
    return 0


def ask_command(args: argparse.Namespace, settings: Settings) -> int:
    from .in_force import badge
    from .validity import assess

    day = _date(args.as_of) if args.as_of else None
    assistant = _assistant(settings)
    answer = assistant.ask(args.question, document=args.document, as_of=day)
    if args.json:
        _print_json(answer.to_dict())
        return 0
    print(answer.answer)
    docs = {d.source: d for d in assistant.documents()}
    found = assess(list(docs.values()), day or settings.as_of_date)
    for c in answer.citations:
        v = found.get(c.passage.source)
        nxt = docs.get(v.superseded_by or "") if v else None
        status = badge(v, nxt.title if nxt else None, answer.language)
        print(
            f"\n[{c.n}] {c.passage.title}{_at(c.passage)}, {c.passage.section} ({c.passage.source})"
            + (f" [{status}]" if status else "")
        )
    for i, p in enumerate(answer.related, start=1):
        print(f"\nRelaterat {i}: {p.title}{_at(p)}: {p.text[:200]}")
    return 0


def _at(p: Passage) -> str:
    """ ", s. 3", or nothing when the file does not say where its pages break."""
    return f", s. {p.page}" if p.page_known else ""


def search_command(args: argparse.Namespace, settings: Settings) -> int:
    passages = _assistant(settings).search(args.question, k=args.k, document=args.document)
    if args.json:
        rows = [p.to_dict(rank=i) for i, p in enumerate(passages, start=1)]
        _print_json({"question": args.question, "passages": rows})
        return 0
    for i, p in enumerate(passages, start=1):
        print(f"{i}. [{p.score:.3f}] {p.title}, s. {p.page}, {p.section}\n   {p.text[:300]}\n")
    return 0


def eval_command(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluate import evaluate, load_questions

    report: EvalReport | SuiteReport
    if args.suite is not None:
        report = _eval_suite(args, settings)
    elif args.file is None:
        raise AssistantError("Give a question file (JSONL like dev.jsonl) or --suite FILE.")
    elif not args.file.exists():
        raise AssistantError(f"No question file {args.file}: give a JSONL file like dev.jsonl.")
    else:
        report = evaluate(_assistant(settings), load_questions(args.file), k=args.k)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(report.table())
    return 0


def _eval_suite(args: argparse.Namespace, settings: Settings) -> SuiteReport:
    from .suite import load_suite, run_suite

    sets = load_suite(args.suite)

    def say(name: str) -> None:
        print(f"evaluating {name} ...", file=sys.stderr, flush=True)

    return run_suite(sets, settings, cache=args.cache, k=args.k, progress=say)


def documents_command(args: argparse.Namespace, settings: Settings) -> int:
    from .validity import document_rows

    if args.as_of:
        settings = settings.model_copy(update={"as_of": _date(args.as_of)})
    rows = document_rows(_assistant(settings).documents(), settings.as_of_date)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        until = f" → {r['superseded_by']}" if r["superseded_by"] else ""
        span = f"{r['valid_from'] or '…'}..{r['valid_to'] or '…'}"
        print(f"{r['source']}\t{r['type']}\t{r['status']} {span}{until}\t{r['title']}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"--as-of {text!r} is not a date: write it as YYYY-MM-DD") from None


def passages_command(args: argparse.Namespace, settings: Settings) -> int:
    docs = _assistant(settings).passages(document=args.document)
    if args.json:
        _print_json(docs)
        return 0
    for d in docs:
        print(f"== {d['source']}: {d['title']}\n{d['card']}")
        if d["removed"]:
            print("removed: " + " | ".join(d["removed"]))
        for p in d["passages"]:
            print(f"\n[{p['id']}] s. {p['page']}, {p['section']}\n{p['text']}")
        print()
    return 0


def commitments_command(args: argparse.Namespace, settings: Settings) -> int:
    found = _assistant(settings).commitments(party=args.party, document=args.document)
    if args.json:
        _print_json([c.to_dict() for c in found])
        return 0
    for c in found:
        items = "".join(f"\n     • {item}" for item in c.items)
        print(
            f"{' + '.join(c.parties)} — {c.topic} (s. {c.page}, {c.source})\n   {c.quote}{items}\n"
        )
    print(f"{len(found)} commitments.")
    return 0


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
