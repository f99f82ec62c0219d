"""Opening the one database file safely.

``open_database`` checks the file before it changes a byte: a file that is not
SQLite, cannot be read, stays locked, or was written by a newer app is refused
with a ``StoreError`` and left exactly as it was. A new file is created
owner-only (0600) in a directory we create owner-only (0700).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from gespreks_tui.connection import Connection
from gespreks_tui.errors import UserError
from gespreks_tui.migrations import LATEST, applied_version, migrate

DEFAULT_BUSY_TIMEOUT = 5.0


class StoreError(UserError):
    """A refusal of the store, or a database problem; ``path`` is the database file."""

    exit_code = 2

    def __init__(self, key: str, path: Path | str, /, **values: object) -> None:
        super().__init__(key, path=str(path), **values)

    @property
    def path(self) -> str:
        return str(self.values["path"])


def is_locked_error(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _create_owner_only(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        # mkdir(parents=True) would create the missing ancestors with the umask's mode.
        missing = [p for p in (parent, *parent.parents) if not p.exists()]
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open ``path`` and prove it is a readable SQLite database, changing nothing."""
    try:
        if not path.exists():
            _create_owner_only(path)
        elif path.is_dir():
            raise StoreError("db.is_directory", path)
        elif not os.access(path, os.R_OK):
            raise StoreError("db.unreadable", path)
    except OSError as error:
        raise StoreError("db.cannot_create", path, reason=error.strerror or error) from error
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False)
    except sqlite3.Error as error:
        raise StoreError("db.cannot_open", path, reason=error) from error
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_locked_error(error):
            raise StoreError("db.locked", path) from error
        if "unable to open" in str(error).lower():  # no -wal/-shm possible: read-only folder
            raise StoreError("db.read_only", path) from error
        raise StoreError("db.not_a_database", path) from error
    return conn


def _configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """What every connection of ours sets: busy timeout, foreign keys, durable commits."""
    conn.execute(f"pragma busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("pragma foreign_keys = on")


def open_worker_connection(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Connection:
    """A second connection on an opened (so checked and migrated) database.

    The store gives it to every thread but the one that opened it: see
    ``gespreks_tui.store.base``. The file is in WAL mode already.
    """
    uri = Path(path).resolve().as_uri() + "?mode=rw"  # never creates a file (it was moved?)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, check_same_thread=False)
        _configure(conn, busy_timeout)
        conn.execute("pragma synchronous = full")
    except sqlite3.Error as error:
        raise StoreError("db.cannot_open", path, reason=error) from error
    return Connection(conn)


def open_database(path: Path, now: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT):
    """Return the ``Connection`` on ``path``, migrated to the latest schema."""
    conn = connect(path, busy_timeout)
    try:
        version = applied_version(conn)
        if version > LATEST:
            raise StoreError("db.newer_schema", path, found=version, known=LATEST)
        _configure(conn, busy_timeout)
        if conn.execute("pragma journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("pragma journal_mode = wal")
        conn.execute("pragma synchronous = full")
        db = Connection(conn)
        if version < LATEST:
            migrate(db, now)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_locked_error(error):
            raise StoreError("db.locked", path) from error
        if "readonly" in str(error).lower() or "unable to open" in str(error).lower():
            raise StoreError("db.read_only", path) from error
        if "disk" in str(error).lower():  # "database or disk is full", "disk I/O error"
            raise StoreError("db.cannot_open", path, reason=error) from error
        raise StoreError("db.not_a_database", path) from error
    return db
