"""Staff admin: put an uploaded agreement file into the corpus and bring the index up to date.

Only the staff app offers it (behind sign-in), and only when ``ASSISTANT_ADMIN_PASSWORD`` is set;
the password is asked again for each upload, with the sign-in's lockout per address and account.

Inside a web request (a Gradio event) an upload must be a file the browser sent: a path outside
Gradio's upload folder is refused, whatever the request says. Type is checked by name and by
content, size by ``ASSISTANT_MAX_UPLOAD_MB``. Every attempt goes to the audit log.
"""

from __future__ import annotations

import hmac
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from threading import Lock
from typing import Any

from .audit import AuditLog
from .auth import Lockout
from .config import Settings
from .core import Assistant
from .errors import AssistantError
from .indexing.records import IndexReport
from .ingest import MAX_FILE_BYTES, SUPPORTED_SUFFIXES

__all__ = [
    "STAFF_USER_HEADER",
    "UploadError",
    "admin_enabled",
    "check_password",
    "reindex",
    "save_upload",
]

STAFF_USER_HEADER = "x-avtal-staff-user"  # set by the staff app's sign-in wall, never by clients
_INDEX_LOCK = Lock()
_LOCKOUTS: dict[tuple[int, float], Lockout] = {}
_MESSAGES = {
    "sv": {
        "locked": "För många felaktiga lösenord. Försök igen om {s} sekunder.",
        "wrong": "Fel lösenord.",
        "browser": "Bara filer som laddas upp i webbläsaren tas emot.",
    },
    "en": {
        "locked": "Too many wrong passwords. Try again in {s} seconds.",
        "wrong": "Wrong password.",
        "browser": "Only files uploaded in the browser are accepted.",
    },
}


class UploadError(AssistantError):
    """The uploaded file cannot go into the corpus."""


def admin_enabled(settings: Settings) -> bool:
    return bool(settings.admin_password and settings.admin_password.get_secret_value())


def _request() -> Any:
    """The web request of the Gradio event being handled, or None (CLI, tests, no Gradio)."""
    try:
        from gradio.context import LocalContext
    except ImportError:  # pragma: no cover - gradio is a dependency
        return None
    return LocalContext.request.get(None)


def _who(request: Any) -> tuple[str, str]:
    headers = getattr(request, "headers", None) or {}
    client = getattr(request, "client", None)
    return headers.get(STAFF_USER_HEADER, "-"), str(getattr(client, "host", None) or "-")


def _lang(request: Any) -> str:
    headers = getattr(request, "headers", None) or {}
    return "en" if (headers.get("accept-language") or "").lower().startswith("en") else "sv"


def _refuse(message: str) -> None:
    import gradio as gr

    # One line in the log (the audit entry), no traceback.
    raise gr.Error(message, print_exception=False)


def check_password(settings: Settings, password: str | None) -> bool:
    """Constant-time comparison with ``ASSISTANT_ADMIN_PASSWORD``; always False when unset.

    In a web request a wrong password counts against the address and the signed-in account
    (delay, then lockout), is audited, and is refused here with the reason.
    """
    if not admin_enabled(settings):
        return False
    wanted = settings.admin_password.get_secret_value().encode()  # type: ignore[union-attr]
    request = _request()
    if request is None:
        return bool(password) and hmac.compare_digest(wanted, (password or "").encode())
    who, address = _who(request)
    keys = (f"ip:{address}", f"admin:{who}")
    lockout = _lockout(settings)
    audit = AuditLog(settings.audit_path)
    words = _MESSAGES[_lang(request)]
    if (wait := lockout.wait(*keys)) > 0:
        if lockout.refuse(*keys):
            audit.write(who, "admin-password", False, address, reason="locked out")
        _refuse(words["locked"].format(s=int(wait) + 1))
    if password and hmac.compare_digest(wanted, password.encode()):
        lockout.succeed(*keys)
        return True
    lockout.fail(*keys)
    audit.write(who, "admin-password", False, address, reason="wrong password")
    _refuse(words["wrong"])
    return False


def _lockout(settings: Settings) -> Lockout:
    key = (settings.login_max_failures, settings.login_lockout_minutes)
    if key not in _LOCKOUTS:
        _LOCKOUTS[key] = Lockout(key[0], key[1] * 60)
    return _LOCKOUTS[key]


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


def sniff(path: Path, suffix: str) -> str | None:
    """Why the content is not a ``suffix`` file, or None when it looks like one."""
    with path.open("rb") as fh:
        head = fh.read(65_536)
    if suffix == ".pdf":
        return None if head.lstrip()[:5] == b"%PDF-" else "it is not a PDF file"
    if suffix == ".docx":
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return "it is not a Word (.docx) file"
        return None if "word/document.xml" in names else "it is not a Word (.docx) file"
    # .txt / .md: text, not a binary or another document format renamed.
    if b"\x00" in head or head.startswith((b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"MZ")):
        return "it is not a text file"
    return None


def save_upload(settings: Settings, uploaded: Path, name: str | None = None) -> tuple[Path, bool]:
    """Copy an uploaded file into the corpus folder; (path, replaced an existing file)."""
    request = _request()
    who, address = _who(request)
    audit = AuditLog(settings.audit_path)
    try:
        target, replaced = _save(settings, uploaded, name, from_web=request is not None)
    except UploadError as exc:
        audit.write(who, "upload", False, address, file=name or uploaded.name, reason=str(exc))
        if request is not None:
            _refuse(str(exc))
        raise
    audit.write(who, "upload", True, address, file=target.name, replaced=replaced)
    return target, replaced


def _save(
    settings: Settings, uploaded: Path, name: str | None, from_web: bool
) -> tuple[Path, bool]:
    if from_web:
        from gradio.utils import get_upload_folder

        root = Path(get_upload_folder()).resolve()
        if not uploaded.resolve().is_relative_to(root) or uploaded.is_symlink():
            raise UploadError(_MESSAGES["en"]["browser"])
    filename = safe_name(name or uploaded.name)
    suffix = Path(filename).suffix
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(
            f"'{filename}': only {', '.join(SUPPORTED_SUFFIXES)} files can be indexed."
        )
    if not uploaded.is_file():
        raise UploadError(f"'{filename}' is not a file.")
    size = uploaded.stat().st_size
    limit = min(MAX_FILE_BYTES, int(settings.max_upload_mb * 1_000_000))
    if size == 0:
        raise UploadError(f"'{filename}' is empty.")
    if size > limit:
        raise UploadError(
            f"'{filename}' is {size / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB "
            "(ASSISTANT_MAX_UPLOAD_MB)."
        )
    if problem := sniff(uploaded, suffix):
        raise UploadError(f"'{filename}' cannot be indexed: {problem}.")
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
    who, address = _who(_request())
    with _INDEX_LOCK:
        report = assistant.index.build(progress=progress, on_file=on_file)
        assistant.reload()
    AuditLog(assistant.settings.audit_path).write(
        who, "reindex", True, address, summary=report.summary()
    )
    return report
