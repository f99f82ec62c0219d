"""Turning a test database back into what an older version of the app wrote.

A test that deletes rows from ``migrations`` to replay a migration must also
undo what the later migrations made, because migrations are strict (no
``if not exists``): replaying one on a schema that already has its index or
column fails, as it should on a real database. ``undo_after(conn, version)``
removes what every migration after ``version`` (from 9 on) added and deletes
their rows, newest first; call it before turning back the older ones.
"""

from __future__ import annotations

import sqlite3

_UNDO = {
    10: ["alter table conversations drop column timer_at"],
    9: ["drop index if exists conversations_by_manager",
        "drop index if exists collective_members_by_person",
        "drop index if exists correction_resolutions_by_reopening",
        "drop index if exists conversations_unfinished",
        "create index if not exists conversations_by_status on conversations (status)",
        "drop index if exists agreements_open_due",
        "create index if not exists agreements_by_status on agreements (status, due_date)",
        "drop index if exists handovers_by_until"],
}


def undo_after(conn: sqlite3.Connection, version: int) -> None:
    """Undo migrations newer than ``version`` (those listed here) and forget them."""
    for newer in sorted(_UNDO, reverse=True):
        if newer > version:
            for statement in _UNDO[newer]:
                conn.execute(statement)
    conn.execute("delete from migrations where version > ?", [version])
