"""Opening, closing, locking and settings: what every part of the store shares."""

from __future__ import annotations

import contextlib
import functools
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


class StoreBase:
    def __init__(self, db: Any, path: Path, clock: Any) -> None:
        self.db = db
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()

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
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")
