"""Editor sign-in without Streamlit: password hashes, the editor list, and slowing down guesses.

Passwords are never stored: the editor list (Streamlit secrets `[editors]`, or the environment
variable NEWSDESK_EDITORS as `name:hash;name:hash`) holds argon2id hashes made with
`python -m newsdesk hash-password`. After a few failed attempts for a name, each further
attempt has to wait twice as long as the one before (up to a limit), which makes guessing
slow without locking an editor out for good.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from newsdesk.config import EDITORS_ENV

FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300.0
_HASHER = PasswordHasher()
# Verifying against this for unknown names takes as long as for known ones.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def parse_editors(text: str) -> dict[str, str]:
    """`name:hash;name:hash` (argon2 hashes contain `$`, `,` and `=` but never `;` or `:`
    before their first `$`)."""
    editors = {}
    for part in text.split(";"):
        name, sep, hashed = part.strip().partition(":")
        if sep and name.strip() and hashed.strip():
            editors[name.strip()] = hashed.strip()
    return editors


def editors_from(secrets: Mapping[str, object] | None, env: Mapping[str, str]) -> dict[str, str]:
    """Editors and their hashes: the secrets' `[editors]` table, then NEWSDESK_EDITORS."""
    editors: dict[str, str] = {}
    table = (secrets or {}).get("editors")
    if isinstance(table, Mapping):
        editors.update({str(k): str(v) for k, v in table.items() if isinstance(v, str)})
    editors.update(parse_editors(env.get(EDITORS_ENV, "")))
    return editors


def verify(editors: Mapping[str, str], name: str, password: str) -> bool:
    hashed = editors.get(name)
    try:
        return _HASHER.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass
class Throttle:
    """Failed sign-ins per name; shared by every session of one server process."""

    clock: Callable[[], float] = time.monotonic
    failures: dict[str, tuple[int, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, name: str) -> float:
        """Seconds before `name` may try again (0: now)."""
        with self.lock:
            count, last = self.failures.get(name.casefold(), (0, 0.0))
        if count < FREE_ATTEMPTS:
            return 0.0
        delay = min(MAX_WAIT_SECONDS, 2.0 ** (count - FREE_ATTEMPTS + 1))
        return max(0.0, last + delay - self.clock())

    def failed(self, name: str) -> None:
        with self.lock:
            count, _ = self.failures.get(name.casefold(), (0, 0.0))
            self.failures[name.casefold()] = (count + 1, self.clock())

    def succeeded(self, name: str) -> None:
        with self.lock:
            self.failures.pop(name.casefold(), None)


def sign_in(
    editors: Mapping[str, str], throttle: Throttle, name: str, password: str
) -> tuple[bool, float]:
    """(signed in, seconds to wait). A refused attempt while waiting is not even checked."""
    name = name.strip()
    wait = throttle.wait(name)
    if wait > 0:
        return False, wait
    if verify(editors, name, password):
        throttle.succeeded(name)
        return True, 0.0
    throttle.failed(name)
    return False, throttle.wait(name)
