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
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from scorer.errors import Problem, ScorerError
from scorer.serve.store import Store, User, now

COOKIE = "scorer_session"
SESSION_HOURS = 12
# Failures counted over this window: past the first limit a user name is refused, past the second
# an address is (whatever name it tries); both lift as the window moves on.
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_USER = 10
MAX_FAILURES_PER_IP = 30
# NIST SP 800-63B's minimum; guessing online is held back by the rate limit below
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
# a unit id is its folder's name: no separator, no leading dot
UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory parameters
# a hash to check against when the user does not exist, so the answer takes as long either way
_DUMMY = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def check_new_user(name: str, password: str, units: list[str], admin: bool) -> None:
    problems = []
    if not USER_NAME.match(name):
        problems.append(Problem("NAME", f"'{name}' is not a user name: letters, digits, . _ @ - (at most 64)"))
    for unit in units:
        if not UNIT_ID.match(unit) or unit in (".", ".."):
            problems.append(Problem("--unit", f"'{unit}' is not a unit id (the unit folder's name)"))
    if not units and not admin:
        problems.append(Problem("--unit", "a user needs at least one --unit, or --admin"))
    problems += _password_problems(password)
    if problems:
        raise ScorerError(problems)


def check_password(password: str) -> None:
    problems = _password_problems(password)
    if problems:
        raise ScorerError(problems)


def _password_problems(password: str) -> list[Problem]:
    if len(password) < MIN_PASSWORD:
        return [Problem("password", f"at least {MIN_PASSWORD} characters")]
    if len(password) > MAX_PASSWORD:
        return [Problem("password", f"at most {MAX_PASSWORD} characters")]
    return []


def add_user(store: Store, name: str, password: str, units: list[str], admin: bool) -> None:
    check_new_user(name, password, units, admin)
    store.add_user(name, hash_password(password), units, admin)


def verify(store: Store, name: str, password: str) -> User | None:
    """The user when the password is theirs; the same work is done when the name is unknown."""
    user = store.user(name) if len(password) <= MAX_PASSWORD else None
    try:
        _HASHER.verify(user.hash if user else _DUMMY, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _HASHER.check_needs_rehash(user.hash):
        store.set_hash(user.name, hash_password(password))
    return user


def rate_limited(store: Store, name: str, ip: str) -> bool:
    by_user, by_ip = store.login_failures(now() - WINDOW, name, ip)
    return by_user >= MAX_FAILURES_PER_USER or by_ip >= MAX_FAILURES_PER_IP


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
