"""Command line: ``assistant index | ask | search | eval | documents | passages | serve |
feedback | users`` (also ``python -m assistant``)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import AssistantError

if TYPE_CHECKING:
    from .results import Passage

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Answers questions about agreement texts with cited passages."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    index = sub.add_parser("index", help="index the corpus folder (incremental)")
    index.add_argument(
        "--rebuild",
        action="store_true",
        help="re-embed every file (the old vectors answer until each file is replaced) and drop other models' collections",
    )
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    ask = sub.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--document", help="only this document (source path, file name or title)")
    ask.add_argument(
        "--as-of", help="judge validity on this date, YYYY-MM-DD (default ASSISTANT_AS_OF, today)"
    )
    search = sub.add_parser("search", help="show the best passages for a question")
    search.add_argument("question")
    search.add_argument("-k", type=int, default=5, help="how many passages (default 5)")
    search.add_argument("--json", action="store_true")
    search.add_argument("--document", help="only this document")
    ev = sub.add_parser("eval", help="evaluate on a JSONL question file, or a suite of sets")
    ev.add_argument("file", type=Path, nargs="?", help="questions (the format of dev.jsonl)")
    ev.add_argument(
        "--suite",
        type=Path,
        help="a TOML suite of sets, each over its own corpus (eval/suite.toml)",
    )
    ev.add_argument(
        "--cache",
        type=Path,
        help="where suite indexes are kept (default $XDG_CACHE_HOME/avtalsassistenten/eval)",
    )
    ev.add_argument("-k", type=int, default=10, help="passages searched per question")
    ev.add_argument("--json", action="store_true")
    com = sub.add_parser("commitments", help="list what each party commits to, with citations")
    com.add_argument("--party", help="only this party (e.g. Ludvika, regionen)")
    com.add_argument("--document", help="only this document")
    com.add_argument("--json", action="store_true")
    docs = sub.add_parser("documents", help="list the indexed documents")
    docs.add_argument("--json", action="store_true")
    docs.add_argument(
        "--as-of", help="judge validity on this date, YYYY-MM-DD (default ASSISTANT_AS_OF, today)"
    )
    pas = sub.add_parser(
        "passages", help="per document: title, card, removed lines and every indexed passage"
    )
    pas.add_argument("--document", help="only this document (source path, file name or title)")
    pas.add_argument("--json", action="store_true", help="print as JSON")
    serve = sub.add_parser("serve", help="serve the chat, the widget and the HTTP API")
    serve.add_argument("--host", help="address to listen on (default ASSISTANT_HOST, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="public port (default ASSISTANT_PORT, 7860)")
    serve.add_argument(
        "--staff-port", type=int, help="staff port (default ASSISTANT_STAFF_PORT, 7861)"
    )
    fb = sub.add_parser("feedback", help="feedback given in the chat (👍/👎)")
    fb_sub = fb.add_subparsers(dest="feedback_command", required=True)
    fb_export = fb_sub.add_parser("export", help="thumbs-down answers, for review")
    fb_export.add_argument(
        "--jsonl", action="store_true", help="as eval questions (the format of dev.jsonl)"
    )
    fb_export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    fb_purge = fb_sub.add_parser("purge", help="delete feedback older than the retention")
    fb_purge.add_argument(
        "--days",
        type=int,
        help="older than this many days (default ASSISTANT_FEEDBACK_RETENTION_DAYS)",
    )
    users = sub.add_parser("users", help="staff accounts of the staff app")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="add an account or set its password")
    add.add_argument("name")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (scripts)"
    )
    users_sub.add_parser("list", help="list the accounts")
    remove = users_sub.add_parser("remove", help="remove an account (its sign-ins end at once)")
    remove.add_argument("name")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args, Settings())
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _assistant(settings: Settings) -> Any:
    from .core import Assistant

    return Assistant(settings)


def _index(args: argparse.Namespace, settings: Settings) -> int:
    from .indexing.store import Index

    report = Index(settings).build(rebuild=args.rebuild, progress=not args.quiet)
    print(report.summary())
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
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


def _search(args: argparse.Namespace, settings: Settings) -> int:
    passages = _assistant(settings).search(args.question, k=args.k, document=args.document)
    if args.json:
        rows = [p.to_dict(rank=i) for i, p in enumerate(passages, start=1)]
        _print_json({"question": args.question, "passages": rows})
        return 0
    for i, p in enumerate(passages, start=1):
        print(f"{i}. [{p.score:.3f}] {p.title}, s. {p.page}, {p.section}\n   {p.text[:300]}\n")
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluate import evaluate, load_questions

    if args.suite is not None:
        return _eval_suite(args, settings)
    if args.file is None:
        raise AssistantError("Give a question file (JSONL like dev.jsonl) or --suite FILE.")
    if not args.file.exists():
        raise AssistantError(f"No question file {args.file}: give a JSONL file like dev.jsonl.")
    report = evaluate(_assistant(settings), load_questions(args.file), k=args.k)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(report.table())
    return 0


def _eval_suite(args: argparse.Namespace, settings: Settings) -> int:
    from .suite import load_suite, run_suite

    sets = load_suite(args.suite)

    def say(name: str) -> None:
        print(f"evaluating {name} ...", file=sys.stderr, flush=True)

    report = run_suite(sets, settings, cache=args.cache, k=args.k, progress=say)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(report.table())
    return 0


def _documents(args: argparse.Namespace, settings: Settings) -> int:
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


def _passages(args: argparse.Namespace, settings: Settings) -> int:
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


def _commitments(args: argparse.Namespace, settings: Settings) -> int:
    found = _assistant(settings).commitments(party=args.party, document=args.document)
    if args.json:
        _print_json([c.to_dict() for c in found])
        return 0
    for c in found:
        print(f"{' + '.join(c.parties)} — {c.topic} (s. {c.page}, {c.source})\n   {c.quote}\n")
    print(f"{len(found)} commitments.")
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from .server import serve

    serve(settings, host=args.host, port=args.port, staff_port=args.staff_port)
    return 0


def _feedback(args: argparse.Namespace, settings: Settings) -> int:
    from .audit import AuditLog
    from .feedback import FeedbackStore

    store = FeedbackStore(settings.feedback_path)
    if args.feedback_command == "purge":
        days = args.days if args.days is not None else settings.feedback_retention_days
        removed = store.purge(days)
        AuditLog(settings.audit_path).write(
            _operator(), "feedback-purge", True, days=days, removed=removed
        )
        print(f"{removed} feedback rows older than {days} days deleted from {store.path}.")
        return 0
    if args.jsonl:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in store.complaints())
    else:
        lines = []
        for row in store.rows("down"):
            cited = (
                "; ".join(f"{c['source']} s. {c['page']}" for c in row.citations) or "no citation"
            )
            lines.append(f"{row.created}  {row.channel}  {row.question}\n    {cited}")
        text = "\n".join(lines) + ("\n" if lines else "")
        if not lines:
            print(f"No thumbs-down feedback in {store.path}.", file=sys.stderr)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        count = len(store.rows("down"))
        print(f"{count} thumbs-down answers written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _operator() -> str:
    """Who runs the command, for the audit log."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in a bare container
        return "cli"


def _users(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    from .audit import AuditLog
    from .auth import UserStore

    store = UserStore(settings.users_path)
    audit = AuditLog(settings.audit_path)
    if args.users_command == "list":
        for name in store.names():
            print(f"{name}\t{store.created(name)}")
        if not store.names():
            print(
                f"No staff accounts in {store.path}: add one with `assistant users add NAME`.",
                file=sys.stderr,
            )
        return 0
    if args.users_command == "remove":
        store.remove(args.name)
        audit.write(_operator(), "user-remove", True, user=args.name)
        print(f"Removed {args.name}.")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if getpass.getpass("Again: ") != password:
            raise AssistantError("The two passwords differ; nothing changed.")
    new = store.add(args.name, password)
    audit.write(_operator(), "user-add" if new else "user-password", True, user=args.name)
    print(f"{'Added' if new else 'New password for'} {args.name} ({store.path}).")
    return 0


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


_COMMANDS = {
    "commitments": _commitments,
    "index": _index,
    "ask": _ask,
    "search": _search,
    "eval": _eval,
    "documents": _documents,
    "passages": _passages,
    "serve": _serve,
    "feedback": _feedback,
    "users": _users,
}
