"""The service's own state, in one SQLite file under --data: users, sessions, the audit log, login
failures (for the rate limit) and the versions of evidence files. Evidence itself stays in the
evidence folder; this file never holds it.

One connection per process, guarded by a lock (the service runs one process; SQLite's WAL lets
`scorer user add` write while it runs)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer.errors import ScorerError, msg
from scorer.errors import reason as db_reason
from scorer.serve.timing import spent

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
# Columns added since the first release, added to an older file when it is opened.
ADDED = {
    "audit": [("count", "INTEGER NOT NULL DEFAULT 1"), ("last_at", "TEXT")],
    # an upload's row is written `pending` before its file is renamed into place, with what it
    # replaces (`prev_*`), and completed after: a crash between the two is reconciled at start
    "versions": [
        ("pending", "INTEGER NOT NULL DEFAULT 0"),
        ("prev_sha", "TEXT"),
        ("prev_size", "INTEGER"),
        ("prev_archive", "TEXT"),
    ],
}
INDEXES = """
CREATE INDEX IF NOT EXISTS audit_refusals ON audit(ip, action, status, id);
CREATE INDEX IF NOT EXISTS login_failures_user ON login_failures(user, at);
CREATE INDEX IF NOT EXISTS login_failures_ip ON login_failures(ip, at);
"""
VERSION_COLUMNS = "id, unit, year, name, sha256, size, uploaded_by, uploaded_at, replaced_by, replaced_at, archive"
# refusals of one kind from one address within this many seconds are one audit row with a count
AGGREGATE_SECONDS = 60

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
    def __init__(self, data: Path, check: bool = False) -> None:
        """The database under `data`; with `check` (the server's start), its integrity checked
        first: a damaged file stops the server with a message instead of failing on a login."""
        self.path = data / DB_NAME
        try:
            data.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            if check:
                found = [row[0] for row in self._db.execute("PRAGMA integrity_check(5)").fetchall()]
                if found != ["ok"]:
                    self._db.close()
                    raise ScorerError.single(
                        self.path,
                        msg("database_damaged", found="; ".join(map(str, found))[:300]),
                        hint=msg("database_damaged_hint"),
                    )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
            for table, columns in ADDED.items():
                present = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
                for name, declaration in columns:
                    if name not in present:
                        self._db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")
            self._db.executescript(INDEXES)
        except sqlite3.DatabaseError as error:
            raise ScorerError.single(
                self.path,
                msg("database_not_one", error=db_reason(error)),
                hint=msg("database_damaged_hint"),
            ) from None
        except (OSError, sqlite3.Error) as error:
            raise ScorerError.single(data, msg("database_cannot_open", error=db_reason(error))) from None
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """The connection, this thread's alone, in one transaction (the wait and the work timed as `db`)."""
        began = time.monotonic()
        try:
            with self._lock, self._db:
                yield
        finally:
            spent("db", began)

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._transaction():
            return self._db.execute(sql, args).fetchall()

    # -- users

    def add_user(self, name: str, hash_: str, units: list[str], admin: bool) -> None:
        try:
            self._run(
                "INSERT INTO users(name, hash, units, admin, created) VALUES (?, ?, ?, ?, ?)",
                (name, hash_, json.dumps(sorted(set(units))), int(admin), stamp()),
            )
        except sqlite3.IntegrityError:
            raise ScorerError.single(self.path, msg("user_exists", name=name), field="NAME") from None

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
        """One row; a refusal (4xx, 5xx) like one from the same address, user and unit within the
        last minute adds to that row's count instead (a flood is one row, not a million)."""
        at = stamp()
        detail = detail[:500] if detail else detail
        with self._transaction():
            if status >= 400:
                since = stamp(now() - dt.timedelta(seconds=AGGREGATE_SECONDS))
                found = self._db.execute(
                    "SELECT id, at, detail, count FROM audit WHERE ip IS ? AND action = ? AND status = ? "
                    "AND user IS ? AND unit IS ? AND coalesce(last_at, at) >= ? ORDER BY id DESC LIMIT 1",
                    (ip, action, status, user, unit, since),
                ).fetchone()
                if found is not None:
                    # moved to the top (a new id), so the log stays newest first
                    self._db.execute("DELETE FROM audit WHERE id = ?", (found[0],))
                    self._db.execute(
                        "INSERT INTO audit(at, user, ip, action, status, unit, detail, count, last_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (found[1], user, ip, action, status, unit, found[2], found[3] + 1, at),
                    )
                    return
            self._db.execute(
                "INSERT INTO audit(at, user, ip, action, status, unit, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, user, ip, action, status, unit, detail),
            )

    def audit_log(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self._run(
            "SELECT at, user, ip, action, status, unit, detail, count, last_at FROM audit ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        keys = ("at", "user", "ip", "action", "status", "unit", "detail", "count", "last_at")
        return [dict(zip(keys, row)) for row in rows]

    def take_login_attempt(
        self, key: str, ip: str, since: dt.datetime, limits: tuple[int, int, int]
    ) -> tuple[int | None, dt.datetime | None, int]:
        """Counted and recorded in one transaction, before the password is checked (so that sixty
        attempts at once are counted as sixty): the id of the attempt's row (a failure until
        `forgive` takes it back), or None when a limit is reached; the time of the name's last
        failure and the number of its failures in the window. Limits: per name and address, per
        address; a name's own limit is the caller's (a delay that grows)."""
        per_pair, per_ip, _per_name = limits
        with self._transaction():
            self._db.execute("DELETE FROM login_failures WHERE at < ?", (stamp(since - dt.timedelta(days=1)),))
            window = stamp(since)
            by_pair = self._db.execute(
                "SELECT count(*) FROM login_failures WHERE at >= ? AND user = ? AND ip = ?", (window, key, ip)
            ).fetchone()[0]
            by_ip = self._db.execute(
                "SELECT count(*) FROM login_failures WHERE at >= ? AND ip = ?", (window, ip)
            ).fetchone()[0]
            by_name, last = self._db.execute(
                "SELECT count(*), max(at) FROM login_failures WHERE at >= ? AND user = ?", (window, key)
            ).fetchone()
            last_at = dt.datetime.fromisoformat(last) if last else None
            if by_pair >= per_pair or by_ip >= per_ip:
                return None, last_at, by_name
            cursor = self._db.execute("INSERT INTO login_failures(at, user, ip) VALUES (?, ?, ?)", (stamp(), key, ip))
            return cursor.lastrowid, last_at, by_name

    def forgive(self, attempt: int) -> None:
        """An attempt that is not to count (the right password, or one refused for a delay)."""
        self._run("DELETE FROM login_failures WHERE id = ?", (attempt,))

    def known_address(self, user: str, ip: str) -> bool:
        """Whether this user has logged in from this address before (kept in the audit log)."""
        rows = self._run("SELECT 1 FROM audit WHERE action = 'login' AND user = ? AND ip = ? LIMIT 1", (user, ip))
        return bool(rows)

    def clear_login_failures(self, user: str) -> None:
        self._run("DELETE FROM login_failures WHERE user = ?", (user,))

    # -- evidence versions

    def versions(self, unit: str, year: int, name: str | None = None) -> list[Version]:
        sql = f"SELECT {VERSION_COLUMNS} FROM versions WHERE unit = ? AND year = ? AND pending = 0"
        args: tuple[Any, ...] = (unit, year)
        if name is not None:
            sql, args = sql + " AND name = ?", args + (name,)
        return [Version(*row) for row in self._run(sql + " ORDER BY id", args)]

    def version(self, version_id: int) -> Version | None:
        rows = self._run(f"SELECT {VERSION_COLUMNS} FROM versions WHERE id = ? AND pending = 0", (version_id,))
        return Version(*rows[0]) if rows else None

    def begin_upload(
        self,
        unit: str,
        year: int,
        name: str,
        sha256: str,
        size: int,
        user: str,
        replaced: tuple[str, int] | None,
        archive: str | None,
    ) -> int:
        """The new version's row, pending, with what it replaces: written before the file is renamed
        into place (`complete_upload` after it; a crash between is reconciled at start)."""
        with self._transaction():
            if replaced is not None:
                current = self._db.execute(
                    "SELECT id FROM versions WHERE unit = ? AND year = ? AND name = ? AND replaced_at IS NULL "
                    "AND pending = 0",
                    (unit, year, name),
                ).fetchone()
                if current is None:
                    # a file put there by hand (or by the CLI's users) before: it is a version too
                    self._db.execute(
                        "INSERT INTO versions(unit, year, name, sha256, size) VALUES (?, ?, ?, ?, ?)",
                        (unit, year, name, *replaced),
                    )
            cursor = self._db.execute(
                "INSERT INTO versions(unit, year, name, sha256, size, uploaded_by, uploaded_at, pending, prev_sha, "
                "prev_size, prev_archive) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                (unit, year, name, sha256, size, user, stamp(), *(replaced or (None, None)), archive),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def complete_upload(self, version_id: int) -> None:
        """One transaction: the file it replaced (if any) becomes an earlier version kept at its
        archive, and the pending row becomes the current version."""
        with self._transaction():
            row = self._db.execute(
                "SELECT unit, year, name, uploaded_by, uploaded_at, prev_sha, prev_size, prev_archive FROM versions "
                "WHERE id = ? AND pending = 1",
                (version_id,),
            ).fetchone()
            if row is None:
                return
            unit, year, name, user, at, prev_sha, prev_size, archive = row
            if prev_sha is not None:
                current = self._db.execute(
                    "SELECT id FROM versions WHERE unit = ? AND year = ? AND name = ? AND replaced_at IS NULL "
                    "AND pending = 0 ORDER BY id DESC LIMIT 1",
                    (unit, year, name),
                ).fetchone()
                if current is None:
                    # a file put there by hand (or by the CLI's users) before: kept all the same
                    self._db.execute(
                        "INSERT INTO versions(unit, year, name, sha256, size, replaced_by, replaced_at, archive) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (unit, year, name, prev_sha, prev_size, user, at, archive),
                    )
                else:
                    # the bytes kept are those on disk, even if someone edited the file by hand since
                    self._db.execute(
                        "UPDATE versions SET replaced_by = ?, replaced_at = ?, archive = ?, sha256 = ?, size = ? "
                        "WHERE id = ?",
                        (user, at, archive, prev_sha, prev_size, current[0]),
                    )
            else:
                # the name held no file: a row still current for it (the file deleted by hand) ends
                self._db.execute(
                    "UPDATE versions SET replaced_by = ?, replaced_at = ? WHERE unit = ? AND year = ? AND name = ? "
                    "AND replaced_at IS NULL AND pending = 0",
                    (user, at, unit, year, name),
                )
            self._db.execute(
                "UPDATE versions SET pending = 0, prev_sha = NULL, prev_size = NULL, prev_archive = NULL WHERE id = ?",
                (version_id,),
            )

    def pending_uploads(self) -> list[tuple[int, str, int, str, str, str | None]]:
        """Rows written before a rename that a crash may have stopped: id, unit, year, name, sha256
        and the archive of the bytes it was to replace."""
        rows = self._run("SELECT id, unit, year, name, sha256, prev_archive FROM versions WHERE pending = 1")
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def drop_pending(self, version_id: int) -> None:
        self._run("DELETE FROM versions WHERE id = ? AND pending = 1", (version_id,))

    def prune_versions(self, unit: str, keep: int) -> list[str]:
        """The unit's earlier versions past the newest `keep` lose their bytes (the row stays, with
        who and when): the archives to delete."""
        with self._transaction():
            rows = self._db.execute(
                "SELECT id, archive FROM versions WHERE unit = ? AND archive IS NOT NULL AND pending = 0 "
                "ORDER BY replaced_at DESC, id DESC LIMIT -1 OFFSET ?",
                (unit, keep),
            ).fetchall()
            for version_id, _archive in rows:
                self._db.execute("UPDATE versions SET archive = NULL WHERE id = ?", (version_id,))
        return [archive for _id, archive in rows]
