"""What is due, asked again on unchanged data: the last answer, never a stale one.

The start screen asks for the count and the head of what is due, and again
when it fits itself to the terminal (issue 19). ``RecallMixin`` keeps the last
answer of each question (``due``, ``due_count`` and the heads of each kind that
``due_count`` read for the ``due(limit)`` that follows) with a stamp of the
data it was read from. The stamp changes with every row this connection writes
(``total_changes``) and every commit of another connection or process
(``pragma data_version``), so an answer is only given again while nothing has
changed. Each thread's connection has stamps of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gespreks_tui.store.base import StoreBase


class NeedMore(Exception):
    """A kind's kept head ran out before ``due`` had its items: read it again."""


def kept_rows(rows: list[dict], complete: bool) -> Iterator[dict]:
    """The kept rows of one kind; ``NeedMore`` past their end when the kind has more."""
    yield from rows
    if not complete:
        raise NeedMore


class RecallMixin(StoreBase):
    def _recall(self, what: str, params: dict) -> tuple[tuple, Any]:
        """(the data's stamp now, the answer ``what`` gave on it for ``params`` or None)."""
        conn = self.db.conn
        stamp = (conn, conn.total_changes, conn.execute("pragma data_version").fetchone()[0])
        found = self.__dict__.get("_due_memo", {}).get(what)
        if found is not None and found[0] == stamp and found[1] == params:
            return stamp, found[2]
        return stamp, None

    def _remember(self, what: str, stamp: tuple, params: dict, answer: Any) -> None:
        self.__dict__.setdefault("_due_memo", {})[what] = (stamp, dict(params), answer)
