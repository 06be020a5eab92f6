"""Who may do what: argon2 password hashes, sessions, CSRF tokens and the login rate limit.

A session is a random token in an HttpOnly cookie; the database keeps only its sha256, with the
session's CSRF token, which every form carries as a hidden field and every API write as the
`X-CSRF-Token` header."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
from pathlib import Path
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from scorer.errors import Problem, ScorerError, msg
from scorer.serve.store import Store, User, now

COOKIE = "scorer_session"
SESSION_HOURS = 12
# Failures counted over this window, each counted before its password is checked (so that sixty
# attempts at once count as sixty): past MAX_FAILURES_PER_PAIR a name is refused from that address,
# past MAX_FAILURES_PER_IP an address is (whatever name it tries). Past MAX_FAILURES_PER_USER from
# anywhere, a name waits a delay that doubles with each failure, up to MAX_DELAY, except from an
# address the user has logged in from before: a stranger can slow a name down, never lock its user
# out. All lift as the window moves on; `scorer user passwd` (the administrator's reset) lifts them.
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_USER = 10
MAX_FAILURES_PER_PAIR = 10
MAX_FAILURES_PER_IP = 30
MAX_DELAY = 60
# NIST SP 800-63B asks for 8; 10, and never the user's name or a password of the breach lists
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
# a unit id is its folder's name: no separator, no leading dot
UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory parameters
# each check takes 64 MiB for a moment: at most this many at once, so a burst of logins queues
# instead of taking gigabytes
_CHECKS = threading.BoundedSemaphore(4)
# a hash to check against when the user does not exist, so the answer takes as long either way
_DUMMY = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _common() -> frozenset[str]:
    text = (Path(__file__).parent / "common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


COMMON = _common()


def check_new_user(name: str, password: str, units: list[str], admin: bool) -> None:
    problems = []
    if not USER_NAME.match(name):
        problems.append(Problem("NAME", msg("user_name_bad", name=name)))
    for unit in units:
        if not UNIT_ID.match(unit) or unit in (".", ".."):
            problems.append(Problem("--unit", msg("unit_id_bad", unit=unit)))
    if not units and not admin:
        problems.append(Problem("--unit", msg("user_needs_unit")))
    problems += _password_problems(password, name)
    if problems:
        raise ScorerError(problems)


def check_password(password: str, name: str) -> None:
    problems = _password_problems(password, name)
    if problems:
        raise ScorerError(problems)


def _password_problems(password: str, name: str) -> list[Problem]:
    folded = password.strip().casefold()
    if len(password.strip()) < MIN_PASSWORD:
        return [Problem("password", msg("password_short", count=MIN_PASSWORD))]
    if len(password) > MAX_PASSWORD:
        return [Problem("password", msg("password_long", count=MAX_PASSWORD))]
    if name.casefold() in folded:
        return [Problem("password", msg("password_has_name"))]
    if len(set(folded)) < 3:
        return [Problem("password", msg("password_repeats"))]
    if folded in COMMON:
        return [Problem("password", msg("password_common"))]
    return []


def add_user(store: Store, name: str, password: str, units: list[str], admin: bool) -> None:
    check_new_user(name, password, units, admin)
    store.add_user(name, hash_password(password), units, admin)


def verify(store: Store, name: str, password: str) -> User | None:
    """The user when the password is theirs; the same work is done when the name is unknown."""
    user = store.user(name) if len(password) <= MAX_PASSWORD else None
    try:
        with _CHECKS:
            _HASHER.verify(user.hash if user else _DUMMY, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _HASHER.check_needs_rehash(user.hash):
        store.set_hash(user.name, hash_password(password))
    return user


def failure_key(store: Store, name: str) -> str:
    """What a failure is counted under: a known user's name; for any other name a digest, so that
    a password typed in the user-name field is never stored."""
    if store.user(name) is not None:
        return name
    return "?" + hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:24]


def take_attempt(store: Store, name: str, ip: str) -> tuple[int | None, int]:
    """An attempt counted before its password is checked: its failure row (taken back on success),
    or None and the seconds to wait when a limit is reached."""
    key = failure_key(store, name)
    attempt, last, by_name = store.take_login_attempt(
        key, ip, now() - WINDOW, (MAX_FAILURES_PER_PAIR, MAX_FAILURES_PER_IP, MAX_FAILURES_PER_USER)
    )
    if attempt is None:
        return None, int(WINDOW.total_seconds())
    if by_name >= MAX_FAILURES_PER_USER and last is not None and not store.known_address(key, ip):
        delay = min(MAX_DELAY, 2 ** (by_name - MAX_FAILURES_PER_USER))
        waited = (now() - last).total_seconds()
        if waited < delay:
            store.forgive(attempt)
            return None, max(1, int(delay - waited + 0.999))
    return attempt, 0


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str
    token_hash: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def open_session(store: Store, user: User) -> tuple[str, Session]:
    """A new session: the cookie value (only the client keeps it) and the session."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    store.add_session(token_hash(token), user.name, csrf, now() + dt.timedelta(hours=SESSION_HOURS))
    return token, Session(user, csrf, token_hash(token))


def find_session(store: Store, token: str | None) -> Session | None:
    if not token or len(token) > 200:
        return None
    found = store.session(token_hash(token))
    return Session(found[0], found[1], token_hash(token)) if found else None


def csrf_ok(session: Session, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(session.csrf.encode(), str(given).encode("utf-8", "replace"))
