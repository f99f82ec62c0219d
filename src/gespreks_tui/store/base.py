"""Opening, closing, locking and settings: what every part of the store shares."""

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
from gespreks_tui.db import DEFAULT_BUSY_TIMEOUT, StoreError, is_locked_error, open_database

F = TypeVar("F", bound=Callable[..., Any])


def locked(method: F) -> F:
    """Serialise access to the one connection, and turn SQLite errors into StoreErrors."""

    @functools.wraps(method)
    def wrapper(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
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
    def __init__(self, db: Any, path: Path, clock: Any) -> None:
        self.db = db
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()
        self._identity = _file_identity(path)

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
        cls, path: Path | str, clock: Any = None, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ):
        """Open ``path`` (created owner-only if missing) and apply migrations."""
        clock = clock or SystemClock()
        path = Path(path)
        db = open_database(path, iso(clock.now()), busy_timeout)
        return cls(db, path, clock)

    def close(self) -> None:
        """Close the connection, letting SQLite refresh its query statistics first."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):  # read-only or busy: next time
                self.db.conn.execute("pragma optimize")
            self.db.conn.close()

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
