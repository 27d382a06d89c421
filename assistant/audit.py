"""Audit log: one JSON line per staff sign-in and admin action (who, what, when, from where).

Append-only, one ``write`` per line (atomic for lines this short on a local file system), so
concurrent requests and the CLI never interleave. Secrets are never passed in.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .privacy import mask

__all__ = ["AuditLog"]

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(
        self,
        who: str | None,
        action: str,
        ok: bool = True,
        address: str | None = None,
        **detail: Any,
    ) -> dict[str, Any]:
        """Append ``{time, who, address, action, ok, …detail}``; also one log line."""
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "who": who or "-",
            "address": address or "-",
            "action": action,
            "ok": ok,
            **{k: mask(v) if isinstance(v, str) else v for k, v in detail.items()},
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        (log.info if ok else log.warning)("audit: %s", line.strip())
        return entry

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
