"""Command line: ``assistant index | ask | search | eval | documents | passages | serve |
feedback | users`` (also ``python -m assistant``): the parser and the dispatch; the commands
are in ``cli_corpus`` and ``cli_admin``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli_admin import feedback_command, serve_command, users_command
from .cli_corpus import (
    ask_command,
    commitments_command,
    documents_command,
    eval_command,
    index_command,
    passages_command,
    search_command,
)
from .config import Settings
from .errors import AssistantError

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
    except BrokenPipeError:
        # "assistant passages --json | head": the reader left; say nothing more, as cat does.
        # stdout is pointed at devnull so the interpreter's final flush raises nothing either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


_COMMANDS = {
    "commitments": commitments_command,
    "index": index_command,
    "ask": ask_command,
    "search": search_command,
    "eval": eval_command,
    "documents": documents_command,
    "passages": passages_command,
    "serve": serve_command,
    "feedback": feedback_command,
    "users": users_command,
}
