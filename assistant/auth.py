"""Staff sign-in: accounts with argon2 hashes, signed session cookies, trusted single sign-on,
and a lockout that slows down and then stops password guessing per address and per account.

- ``UserStore``: ``users.json`` (``ASSISTANT_USERS_FILE``), written with mode 0600; only
  argon2id hashes (argon2-cffi, the OWASP-recommended algorithm) are stored.
- ``Sessions``: cookies signed with itsdangerous (timestamped, so they expire); a cookie names
  the user, and a removed user's cookie stops working at once.
- ``Lockout``: after each failure the next try from that address or for that account must wait
  twice as long (1, 2, 4 … s); after ``login_max_failures`` it waits ``login_lockout_minutes``.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from .config import Settings
from .errors import AssistantError

__all__ = [
    "SESSION_COOKIE",
    "Lockout",
    "Sessions",
    "UserError",
    "UserStore",
    "from_trusted_proxy",
    "valid_username",
]

SESSION_COOKIE = "avtal_staff"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_HASHER = PasswordHasher()
# Verified when the account does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))
MIN_PASSWORD = 10


class UserError(AssistantError):
    """A staff account cannot be added, removed or used as asked."""


def valid_username(name: str) -> str:
    name = (name or "").strip()
    if not _NAME.match(name):
        raise UserError(
            f"'{name}' is not a usable user name: 1-64 letters, digits or . _ @ - "
            "(starting with a letter or digit)."
        )
    return name


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically, readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    tmp.replace(path)


class UserStore:
    """Staff accounts in one JSON file: ``{"users": {name: {"hash": …, "created": …}}}``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._cache: tuple[float, dict[str, dict[str, str]]] | None = None
        self._lock = threading.Lock()

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return {}
        with self._lock:
            if self._cache and self._cache[0] == stamp:
                return self._cache[1]
            try:
                users = json.loads(self.path.read_text(encoding="utf-8")).get("users", {})
            except (json.JSONDecodeError, AttributeError) as exc:
                raise UserError(
                    f"{self.path} is not a users file ({exc}); fix or remove it and add users "
                    "again with `assistant users add NAME`."
                ) from exc
            self._cache = (stamp, users)
            return users

    def _save(self, users: dict[str, dict[str, str]]) -> None:
        _write_private(self.path, json.dumps({"users": users}, indent=2, ensure_ascii=False))
        self._cache = None

    def names(self) -> list[str]:
        return sorted(self._load())

    def created(self, name: str) -> str:
        return self._load().get(name, {}).get("created", "")

    def exists(self, name: str) -> bool:
        return name in self._load()

    def add(self, name: str, password: str) -> bool:
        """Add ``name`` or set a new password; True if the account is new."""
        name = valid_username(name)
        if len(password) < MIN_PASSWORD:
            raise UserError(f"The password must have at least {MIN_PASSWORD} characters.")
        users = dict(self._load())
        new = name not in users
        users[name] = {
            "hash": _HASHER.hash(password),
            "created": users.get(name, {}).get("created")
            or datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._save(users)
        return new

    def remove(self, name: str) -> None:
        users = dict(self._load())
        if name not in users:
            raise UserError(f"No staff user '{name}'; see `assistant users list`.")
        del users[name]
        self._save(users)

    def verify(self, name: str, password: str) -> bool:
        """True when ``password`` is ``name``'s; as slow for unknown names as for known ones."""
        entry = self._load().get(name)
        try:
            return _HASHER.verify(entry["hash"] if entry else _DUMMY_HASH, password) and bool(entry)
        except (VerificationError, InvalidHashError):
            return False


class Sessions:
    """Signed, expiring session cookies naming a staff user."""

    def __init__(self, settings: Settings, users: UserStore) -> None:
        self.users = users
        self.max_age = int(settings.session_hours * 3600)
        self.secure = settings.session_secure
        self._signer = URLSafeTimedSerializer(_secret(settings), salt="avtal-staff-session")

    def issue(self, name: str) -> str:
        return self._signer.dumps({"u": name, "n": secrets.token_hex(8)})

    def user(self, cookie: str | None) -> str | None:
        """The user a cookie names, if it is genuine, fresh, and the account still exists."""
        if not cookie:
            return None
        try:
            data = self._signer.loads(cookie, max_age=self.max_age)
        except BadSignature:
            return None
        name = data.get("u") if isinstance(data, dict) else None
        return name if isinstance(name, str) and self.users.exists(name) else None

    def cookie_header(self, value: str, max_age: int | None = None) -> str:
        parts = [
            f"{SESSION_COOKIE}={value}",
            "Path=/",
            "HttpOnly",
            "SameSite=Strict",
            f"Max-Age={self.max_age if max_age is None else max_age}",
        ]
        if self.secure:
            parts.append("Secure")
        return "; ".join(parts)


def _secret(settings: Settings) -> str:
    if settings.session_secret and settings.session_secret.get_secret_value():
        return settings.session_secret.get_secret_value()
    path = settings.index_dir / "session.key"
    if not path.exists():
        _write_private(path, secrets.token_urlsafe(48))
    return path.read_text(encoding="utf-8").strip()


def from_trusted_proxy(peer: str | None, proxies: list[str]) -> bool:
    """Whether the direct peer is one of the configured reverse proxies (addresses or networks)."""
    if not peer or not proxies:
        return False
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    for proxy in proxies:
        try:
            if address in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


@dataclass
class _Record:
    failures: int = 0
    not_before: float = 0.0
    refusals: int = 0  # tries refused while waiting, since the last failure


class Lockout:
    """Failed sign-ins per key ('ip:…', 'user:…'): exponential delay, then a lockout."""

    def __init__(
        self, max_failures: int, lockout_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_failures = max_failures
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds until any of ``keys`` may try again (0 = now)."""
        now = self._clock()
        with self._lock:
            waits = [self._records[k].not_before - now for k in keys if k in self._records]
        return max([0.0, *waits])

    def locked(self, *keys: str) -> bool:
        """Whether a key is in a lockout (not just in the delay after one failure)."""
        now = self._clock()
        with self._lock:
            return any(
                r.failures >= self.max_failures and r.not_before > now
                for r in (self._records.get(k) for k in keys)
                if r is not None
            )

    def refuse(self, *keys: str) -> bool:
        """Count a try refused while waiting; True for the first since the last failure (so a
        flood of refused tries is one audit line, not one per try)."""
        first = False
        with self._lock:
            for key in keys:
                record = self._records.get(key)
                if record is not None and record.not_before > self._clock():
                    record.refusals += 1
                    first = first or record.refusals == 1
        return first

    def fail(self, *keys: str) -> float:
        """Count a failure for each key; returns the longest wait it imposes."""
        now = self._clock()
        longest = 0.0
        with self._lock:
            for key in keys:
                record = self._records.pop(key, None) or _Record()
                if record.failures >= self.max_failures and record.not_before <= now:
                    record = _Record()  # the lockout is over: start counting afresh
                record.failures += 1
                record.refusals = 0
                if record.failures >= self.max_failures:
                    delay = self.lockout_seconds
                else:
                    delay = min(2.0 ** (record.failures - 1), self.lockout_seconds)
                record.not_before = now + delay
                self._records[key] = record
                longest = max(longest, delay)
            while len(self._records) > 50_000:  # bounded memory under a spray of addresses
                self._records.popitem(last=False)
        return longest

    def succeed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._records.pop(key, None)
