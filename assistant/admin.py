"""Staff admin: put an uploaded agreement file into the corpus and bring the index up to date.

Only the staff UI offers it, and only when ``ASSISTANT_ADMIN_PASSWORD`` is set.
"""

from __future__ import annotations

import hmac
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from threading import Lock

from .config import Settings
from .core import Assistant
from .errors import AssistantError
from .index import IndexReport
from .ingest import MAX_FILE_BYTES, SUPPORTED_SUFFIXES

__all__ = ["UploadError", "admin_enabled", "check_password", "reindex", "save_upload"]

_INDEX_LOCK = Lock()


class UploadError(AssistantError):
    """The uploaded file cannot go into the corpus."""


def admin_enabled(settings: Settings) -> bool:
    return bool(settings.admin_password and settings.admin_password.get_secret_value())


def check_password(settings: Settings, password: str | None) -> bool:
    """Constant-time comparison with ``ASSISTANT_ADMIN_PASSWORD``; always False when unset."""
    if not admin_enabled(settings) or not password:
        return False
    wanted = settings.admin_password.get_secret_value().encode()  # type: ignore[union-attr]
    return hmac.compare_digest(wanted, password.encode())


def safe_name(name: str) -> str:
    """A plain file name for the corpus folder: no folders, no hidden files, no odd characters."""
    base = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name).strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem:
        raise UploadError(f"'{name}' has no file type; upload {', '.join(SUPPORTED_SUFFIXES)}.")
    stem = re.sub(r"[^\w\-. ]+", "-", stem).strip(" .-")
    if not stem:
        raise UploadError(f"'{name}' is not a usable file name.")
    return f"{stem}.{suffix.lower()}"


def save_upload(settings: Settings, uploaded: Path, name: str | None = None) -> tuple[Path, bool]:
    """Copy an uploaded file into the corpus folder; (path, replaced an existing file)."""
    filename = safe_name(name or uploaded.name)
    if Path(filename).suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(
            f"'{filename}': only {', '.join(SUPPORTED_SUFFIXES)} files can be indexed."
        )
    size = uploaded.stat().st_size
    if size == 0:
        raise UploadError(f"'{filename}' is empty.")
    if size > MAX_FILE_BYTES:
        raise UploadError(f"'{filename}' is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    corpus = settings.corpus_dir
    corpus.mkdir(parents=True, exist_ok=True)
    target = corpus / filename
    replaced = target.exists()
    tmp = target.with_name(f".{filename}.upload")
    shutil.copyfile(uploaded, tmp)
    tmp.replace(target)
    return target, replaced


def reindex(
    assistant: Assistant, on_file: Callable[[str], None] | None = None, progress: bool = False
) -> IndexReport:
    """Incremental index of the corpus folder, one at a time; the assistant then reloads."""
    with _INDEX_LOCK:
        report = assistant.index.build(progress=progress, on_file=on_file)
        assistant.reload()
        return report
