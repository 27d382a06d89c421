"""One index run at a time per store: a lock file, and a marker a killed run leaves behind."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..config import Settings
from ..errors import IndexBusyError

__all__ = ["build_lock", "lock_path", "unfinished_marker"]


def lock_path(settings: Settings) -> Path:
    """The index folder's lock file; for a Chroma server, one per server and collection prefix."""
    if not settings.chroma_url:
        return settings.index_dir / ".index.lock"
    key = hashlib.sha1(f"{settings.chroma_url}|{settings.collection_prefix}".encode()).hexdigest()
    return Path(tempfile.gettempdir()) / f"assistant-index-{key[:12]}.lock"


def unfinished_marker(settings: Settings) -> Path:
    """Present while an index run writes passages; left behind by a run that was killed."""
    return lock_path(settings).with_suffix(".unfinished")


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """One index run at a time per store; a second one is refused, not queued."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise IndexBusyError(
                f"Another `assistant index` (pid {holder}) is updating this index; wait for it "
                "to finish and run again. The current index keeps serving meanwhile."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
