"""The service's own state, in one SQLite file under --data: users, sessions, the audit log, login
failures (for the rate limit) and the versions of evidence files. Evidence itself stays in the
evidence folder; this file never holds it.

One connection per process, guarded by a lock (the service runs one process; SQLite's WAL lets
`scorer user add` write while it runs)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer.errors import ScorerError

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    units TEXT NOT NULL,          -- JSON list of unit ids
    admin INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,  -- sha256 of the cookie value: a copy of this file opens no session
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created TEXT NOT NULL,
    expires TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT,
    ip TEXT,
    action TEXT NOT NULL,
    status INTEGER NOT NULL,
    unit TEXT,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    ip TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_at ON login_failures(at);
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit TEXT NOT NULL,
    year INTEGER NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded_by TEXT,             -- NULL: the file was on disk before the service saw it
    uploaded_at TEXT,
    replaced_by TEXT,             -- NULL while it is the current file
    replaced_at TEXT,
    archive TEXT                  -- path under --data/versions of a replaced file's bytes
);
CREATE INDEX IF NOT EXISTS versions_file ON versions(unit, year, name);
"""

DB_NAME = "scorer.sqlite3"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def stamp(moment: dt.datetime | None = None) -> str:
    return (moment or now()).isoformat()


@dataclass(frozen=True)
class User:
    name: str
    hash: str
    units: tuple[str, ...]
    admin: bool

    def holds(self, unit: str) -> bool:
        return self.admin or unit in self.units


@dataclass(frozen=True)
class Version:
    id: int
    unit: str
    year: int
    name: str
    sha256: str
    size: int
    uploaded_by: str | None
    uploaded_at: str | None
    replaced_by: str | None
    replaced_at: str | None
    archive: str | None

    def public(self) -> dict[str, Any]:
        return {
            "version": self.id,
            "sha256": self.sha256,
            "size": self.size,
            "uploaded_by": self.uploaded_by,
            "uploaded_at": self.uploaded_at,
            "replaced_by": self.replaced_by,
            "replaced_at": self.replaced_at,
            "download": f"/units/{self.unit}/evidence/{self.year}/versions/{self.id}" if self.archive else None,
        }


class Store:
    def __init__(self, data: Path) -> None:
        try:
            data.mkdir(parents=True, exist_ok=True)
            self.path = data / DB_NAME
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise ScorerError.single(data, f"cannot open the service's database: {error}") from None
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._db:
            return self._db.execute(sql, args).fetchall()

    # -- users

    def add_user(self, name: str, hash_: str, units: list[str], admin: bool) -> None:
        try:
            self._run(
                "INSERT INTO users(name, hash, units, admin, created) VALUES (?, ?, ?, ?, ?)",
                (name, hash_, json.dumps(sorted(set(units))), int(admin), stamp()),
            )
        except sqlite3.IntegrityError:
            raise ScorerError.single(self.path, f"user '{name}' exists already", field="NAME") from None

    def user(self, name: str) -> User | None:
        rows = self._run("SELECT name, hash, units, admin FROM users WHERE name = ?", (name,))
        if not rows:
            return None
        name, hash_, units, admin = rows[0]
        return User(name, hash_, tuple(json.loads(units)), bool(admin))

    def set_hash(self, name: str, hash_: str) -> None:
        self._run("UPDATE users SET hash = ? WHERE name = ?", (hash_, name))

    def users(self) -> list[User]:
        rows = self._run("SELECT name, hash, units, admin FROM users ORDER BY name")
        return [User(name, hash_, tuple(json.loads(units)), bool(admin)) for name, hash_, units, admin in rows]

    def drop_sessions(self, user: str) -> None:
        self._run("DELETE FROM sessions WHERE user = ?", (user,))

    # -- sessions

    def add_session(self, token_hash: str, user: str, csrf: str, expires: dt.datetime) -> None:
        self._run(
            "INSERT INTO sessions(token_hash, user, csrf, created, expires) VALUES (?, ?, ?, ?, ?)",
            (token_hash, user, csrf, stamp(), stamp(expires)),
        )

    def session(self, token_hash: str) -> tuple[User, str] | None:
        rows = self._run("SELECT user, csrf FROM sessions WHERE token_hash = ? AND expires > ?", (token_hash, stamp()))
        if not rows:
            return None
        user = self.user(rows[0][0])
        return (user, rows[0][1]) if user is not None else None

    def drop_session(self, token_hash: str) -> None:
        self._run("DELETE FROM sessions WHERE token_hash = ? OR expires <= ?", (token_hash, stamp()))

    # -- audit log and the login rate limit

    def audit(
        self,
        action: str,
        status: int,
        user: str | None = None,
        ip: str | None = None,
        unit: str | None = None,
        detail: str | None = None,
    ) -> None:
        self._run(
            "INSERT INTO audit(at, user, ip, action, status, unit, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (stamp(), user, ip, action, status, unit, detail),
        )

    def audit_log(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self._run(
            "SELECT at, user, ip, action, status, unit, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        keys = ("at", "user", "ip", "action", "status", "unit", "detail")
        return [dict(zip(keys, row)) for row in rows]

    def add_login_failure(self, user: str, ip: str) -> None:
        self._run("INSERT INTO login_failures(at, user, ip) VALUES (?, ?, ?)", (stamp(), user, ip))

    def login_failures(self, since: dt.datetime, user: str, ip: str) -> tuple[int, int]:
        """Failures since then for this user name (from anywhere) and from this address (any name)."""
        self._run("DELETE FROM login_failures WHERE at < ?", (stamp(since - dt.timedelta(days=1)),))
        by_user = self._run("SELECT count(*) FROM login_failures WHERE at >= ? AND user = ?", (stamp(since), user))
        by_ip = self._run("SELECT count(*) FROM login_failures WHERE at >= ? AND ip = ?", (stamp(since), ip))
        return by_user[0][0], by_ip[0][0]

    def clear_login_failures(self, user: str) -> None:
        self._run("DELETE FROM login_failures WHERE user = ?", (user,))

    # -- evidence versions

    def versions(self, unit: str, year: int, name: str | None = None) -> list[Version]:
        sql = "SELECT * FROM versions WHERE unit = ? AND year = ?"
        args: tuple[Any, ...] = (unit, year)
        if name is not None:
            sql, args = sql + " AND name = ?", args + (name,)
        return [Version(*row) for row in self._run(sql + " ORDER BY id", args)]

    def version(self, version_id: int) -> Version | None:
        rows = self._run("SELECT * FROM versions WHERE id = ?", (version_id,))
        return Version(*rows[0]) if rows else None

    def record_upload(
        self,
        unit: str,
        year: int,
        name: str,
        sha256: str,
        size: int,
        user: str,
        replaced: tuple[str, int] | None,
        archive: str | None,
    ) -> None:
        """One transaction: the file it replaces (if any) becomes an earlier version kept at
        `archive`, and the new bytes become the current version."""
        at = stamp()
        with self._lock, self._db:
            if replaced is not None:
                current = self._db.execute(
                    "SELECT id FROM versions WHERE unit = ? AND year = ? AND name = ? AND replaced_at IS NULL "
                    "ORDER BY id DESC LIMIT 1",
                    (unit, year, name),
                ).fetchone()
                if current is None:
                    # a file put there by hand (or by the CLI's users) before: kept all the same
                    self._db.execute(
                        "INSERT INTO versions(unit, year, name, sha256, size, replaced_by, replaced_at, archive) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (unit, year, name, replaced[0], replaced[1], user, at, archive),
                    )
                else:
                    # the bytes kept are those on disk, even if someone edited the file by hand since
                    self._db.execute(
                        "UPDATE versions SET replaced_by = ?, replaced_at = ?, archive = ?, sha256 = ?, size = ? "
                        "WHERE id = ?",
                        (user, at, archive, replaced[0], replaced[1], current[0]),
                    )
            self._db.execute(
                "INSERT INTO versions(unit, year, name, sha256, size, uploaded_by, uploaded_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (unit, year, name, sha256, size, user, at),
            )
