"""Opening, closing, locking and settings: what every part of the store shares.

Two connections, so that the screen never waits on SQLite:

- the thread that opened the store (the UI thread in the app, the only thread
  on the command line) uses the connection opened with it;
- every other thread (the autosave ``Saver``, the app's store workers) shares a
  second connection, opened the first time one of them needs it, and
  serialised by a lock of its own.

In WAL mode a reader never waits for a writer, so a read on the UI thread goes
straight through while a worker waits (up to the busy timeout) for another
process's write lock. With one connection and one lock, that worker held the
lock while SQLite busy-waited, and the UI's next read waited with it: the
screen froze for up to the busy timeout.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from gespreks_tui.clock import SystemClock, iso
from gespreks_tui.connection import Connection
from gespreks_tui.db import (
    DEFAULT_BUSY_TIMEOUT,
    StoreError,
    is_locked_error,
    open_database,
    open_worker_connection,
)

F = TypeVar("F", bound=Callable[..., Any])


def locked(method: F) -> F:
    """Serialise access to this thread's connection; SQLite errors become StoreErrors."""

    @functools.wraps(method)
    def wrapper(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.IntegrityError as error:
                # A row that refers to a record no longer there: someone erased the
                # person (or purged the conversation) while this was on screen.
                if "foreign key" in str(error).lower():
                    raise StoreError("record.gone", self.path) from error
                raise
            except sqlite3.OperationalError as error:
                if is_locked_error(error):
                    raise StoreError("db.locked", self.path) from error
                if "readonly" in str(error).lower() or "disk" in str(error).lower():
                    raise StoreError("db.write_failed", self.path, reason=error) from error
                raise

    return wrapper  # type: ignore[return-value]


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class StoreBase:
    def __init__(self, db: Connection, path: Path, clock: Any,
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self._owner_db = db
        self._owner = threading.get_ident()
        self._owner_lock = threading.RLock()
        self._worker_db: Connection | None = None
        self._worker_lock = threading.RLock()
        self.path = path
        self.clock = clock
        self.busy_timeout = busy_timeout
        self._identity = _file_identity(path)
        # One line each for what opening found and put right (loose permissions):
        # the command line prints them on stderr, the app shows them.
        self.notices: list[str] = []

    @property
    def on_owner_thread(self) -> bool:
        return threading.get_ident() == self._owner

    @property
    def db(self) -> Connection:
        """This thread's connection (see the module's docstring)."""
        if self.on_owner_thread:
            return self._owner_db
        if self._worker_db is None:
            with self._worker_lock:
                if self._worker_db is None:
                    self._worker_db = open_worker_connection(self.path, self.busy_timeout)
        return self._worker_db

    def connections(self) -> list[Connection]:
        """Every connection open now: the owner's, and the workers' once opened."""
        worker = self._worker_db
        return [self._owner_db] + ([worker] if worker is not None else [])

    @property
    def _lock(self) -> threading.RLock:
        """The lock of this thread's connection."""
        return self._owner_lock if self.on_owner_thread else self._worker_lock

    def check_file(self) -> None:
        """Refuse to save when the file was deleted or replaced since it was opened.

        SQLite (in WAL mode) goes on writing into a deleted file without a word,
        and all of it is gone when the app closes: better to say so while the
        text is still on screen.
        """
        if _file_identity(self.path) != self._identity:
            raise StoreError("db.gone", self.path)

    @classmethod
    def open(
        cls, path: Path | str, clock: Any = None, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        *, create: bool = True,
    ):
        """Open ``path`` (created owner-only if missing) and apply migrations.

        ``create=False`` (the commands that only make sense on existing data):
        a missing file is a ``db.MissingDatabase`` and nothing is created. What
        opening put right (permissions made owner-only) is in ``notices``.
        """
        clock = clock or SystemClock()
        path = Path(path)
        notices: list[str] = []
        db = open_database(path, iso(clock.now()), busy_timeout, create=create,
                           notices=notices)
        store = cls(db, path, clock, busy_timeout)
        store.notices = notices
        return store

    def close(self) -> None:
        """Close the connections, letting SQLite refresh its query statistics first."""
        with self._worker_lock:
            if self._worker_db is not None:
                self._worker_db.conn.close()
                self._worker_db = None
        with self._owner_lock:
            with contextlib.suppress(sqlite3.Error):  # read-only or busy: next time
                self._owner_db.conn.execute("pragma optimize")
            self._owner_db.conn.close()

    def now(self) -> str:
        return iso(self.clock.now())

    def _rows(self, sql: str, params: Any = None) -> list[dict]:
        return list(self.db.query(sql, params or []))

    @locked
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("select value from settings where key = ?", [key]).fetchone()
        return row[0] if row else default

    @locked
    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("insert into settings (key, value) values (?, ?) on conflict (key) "
                        "do update set value = excluded.value", [key, value])
