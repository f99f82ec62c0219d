"""Opening the one database file safely.

``open_database`` checks the file before it changes a byte: a file that is not
SQLite, cannot be read, stays locked, or was written by a newer app is refused
with a ``StoreError`` and left exactly as it was; so is anything that is not a
regular file (a device, a FIFO) and a file with a second (hard) name. A new file
is created owner-only (0600) in a directory we create owner-only (0700); an
existing one with group or other bits (and its ``-wal``, ``-shm`` and side
file) is made owner-only, with a line that says so. A command that only reads
asks not to create: a missing file is then a ``MissingDatabase``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from gespreks_tui.catalogue import t
from gespreks_tui.connection import Connection
from gespreks_tui.errors import UserError
from gespreks_tui.migrations import LATEST, applied_version, migrate
from gespreks_tui.presence import side_file

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


class MissingDatabase(StoreError):
    """No database at the path a command named: a typo must not make an empty one."""

    exit_code = 1


def _existing(path: Path) -> os.stat_result | None:
    """What ``path`` is (a symlink followed); None when there is nothing there."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:  # a file where a folder on the way should be
        return None


def check_kind(path: Path, found: os.stat_result) -> None:
    """Refuse what SQLite must not open: a folder, a device, a FIFO, a second name.

    ``/dev/null`` as a database made SQLite leave ``/dev/null-journal``; a FIFO
    waits forever. A hard link is a second name for the file, and SQLite keeps
    its ``-wal`` and ``-shm`` per name: two copies of the app through the two
    names each see only their own writes and can damage the file, so it is
    refused (a symbolic link is fine: SQLite follows it to the real file).
    """
    if stat.S_ISDIR(found.st_mode):
        raise StoreError("db.is_directory", path)
    if not stat.S_ISREG(found.st_mode):
        raise StoreError("db.not_regular", path)
    if found.st_nlink > 1:
        raise StoreError("db.hard_linked", path, links=found.st_nlink)


def connect(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, *, create: bool = True,
            notices: list[str] | None = None) -> sqlite3.Connection:
    """Open ``path`` and prove it is a readable SQLite database, changing nothing
    but loose permissions (each tightened one a line in ``notices``).

    Without ``create`` a missing file is a ``MissingDatabase``, and nothing (not
    even its folder) is made.
    """
    try:
        found = _existing(path)
        if found is None:
            if not create:
                raise MissingDatabase("db.missing", path)
            _create_owner_only(path)
        else:
            check_kind(path, found)
            if not os.access(path, os.R_OK):
                raise StoreError("db.unreadable", path)
    except OSError as error:
        raise StoreError("db.cannot_create", path, reason=error.strerror or error) from error
    # Before SQLite opens it: SQLite gives a new -wal and -shm the database's mode.
    tightened = owner_only_files(path)
    if notices is not None:
        notices += tightened
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


def owner_only_files(path: Path) -> list[str]:
    """Take group and other bits off the database and its side files; a line per file.

    The side files are named after the real file (``-wal``, ``-shm``,
    ``-journal`` as SQLite names them, ``-open`` as ``presence`` does, ``-alive`` as
    ``meeting.heartbeat`` does). A file
    whose mode cannot be changed (another user's, a read-only disk) is refused:
    a ``StoreError`` that says why.
    """
    real = os.path.realpath(path)
    notices = []
    for name in (real, f"{real}-wal", f"{real}-shm", f"{real}-journal", str(side_file(real)),
                 f"{real}-alive"):
        try:
            mode = stat.S_IMODE(os.stat(name).st_mode)
        except OSError:
            continue  # not there (yet)
        if not mode & 0o077:
            continue
        try:
            os.chmod(name, mode & 0o700)
        except OSError as error:
            raise StoreError("db.loose_permissions", path, file=name, mode=f"{mode:04o}",
                             reason=error.strerror or error) from error
        notices.append(t("db.tightened", file=name, mode=f"{mode:04o}"))
    return notices


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


def open_database(path: Path, now: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, *,
                  create: bool = True, notices: list[str] | None = None):
    """Return the ``Connection`` on ``path``, migrated to the latest schema.

    ``create`` and ``notices`` as for ``connect``; the side files SQLite made
    on the way (``-wal``, ``-shm``) are checked once more at the end.
    """
    conn = connect(path, busy_timeout, create=create, notices=notices)
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
    try:
        tightened = owner_only_files(path)
    except StoreError:
        db.conn.close()
        raise
    if notices is not None:
        notices += tightened
    return db
