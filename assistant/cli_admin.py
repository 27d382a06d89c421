"""The CLI's service and account commands: ``serve``, ``feedback``, ``users``."""

from __future__ import annotations

import argparse
import json
import sys

from .config import Settings
from .errors import AssistantError

__all__ = ["feedback_command", "serve_command", "users_command"]


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    from .server import serve

    serve(settings, host=args.host, port=args.port, staff_port=args.staff_port)
    return 0


def feedback_command(args: argparse.Namespace, settings: Settings) -> int:
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


def users_command(args: argparse.Namespace, settings: Settings) -> int:
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
