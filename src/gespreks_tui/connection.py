"""The store's one connection: plain SQL at once, sqlite-utils' table helpers on first use.

``Connection`` offers the part of sqlite-utils' ``Database`` the store uses,
with the same meaning: ``execute`` (a write outside a transaction is committed
at once), ``query`` (rows as dicts), ``atomic()`` (one transaction, savepoints
when nested), ``table_names()``, ``conn``. Those run on the ``sqlite3``
connection directly. ``db["table"]`` (insert, update, upsert, ...) and any
other ``Database`` attribute go to a real sqlite-utils ``Database`` on the same
connection, created the first time one is needed. So opening the app and
showing a meeting never imports sqlite-utils (about 20 ms and 4 MiB of
start-up); the first row written through it does, once (adding an agreement,
starting a conversation).

``atomic()`` starts its outermost transaction with ``BEGIN IMMEDIATE``: a
deferred transaction that reads before it writes cannot wait for another
process's write in WAL mode (its snapshot is stale, so SQLite says "database
is locked" at once instead of using the busy timeout). Taking the write lock
first makes a second copy of the app wait its turn instead.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator
from typing import Any

_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_SAVEPOINTS = itertools.count(1)  # unique names for nested atomic() blocks


def _first_keyword(sql: str) -> str:
    words = sql.lstrip().split(None, 1)
    return words[0].upper() if words else ""


class Connection:
    """One SQLite connection, shaped like the parts of sqlite-utils' ``Database`` we use."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Any = None

    # -- plain SQL ----------------------------------------------------------
    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql, parameters if parameters is not None else ())
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and _first_keyword(sql) not in _CONTROL):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:
        """The rows of a statement that returns rows, each as a dict."""
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows")
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "select name from sqlite_master where type = 'table' order by name")]

    # -- transactions ---------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One transaction (``BEGIN IMMEDIATE``); inside another one, a savepoint."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"gespreks_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # an error may have ended the transaction
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # -- sqlite-utils, loaded when first needed --------------------------------
    @property
    def utils(self) -> Any:
        """sqlite-utils' ``Database`` on this same connection."""
        if self._utils is None:
            from sqlite_utils import Database

            connection = self

            class ImmediateDatabase(Database):
                def atomic(self):  # sqlite-utils' own writes: BEGIN IMMEDIATE as well
                    return connection.atomic()

            self._utils = ImmediateDatabase(self.conn, execute_plugins=False,
                                            recursive_triggers=False)
        return self._utils

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

