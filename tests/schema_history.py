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
    15: ["drop index if exists conversations_appraisals_ended",
         "create index if not exists conversations_appraisals on conversations (employee_id) "
         "where kind = 'beoordeling' and status in ('concluded', 'confirmed')"],
    12: ["drop table appraisal_steps",  # its own indexes go with it
         "drop index if exists conversations_appraisals"],
    14: ["alter table conversations drop column draft_frozen_at",
         "alter table conversations drop column draft_overall_comment",
         "alter table conversations drop column draft_overall_score",
         "alter table scores drop column draft_comment",
         "alter table scores drop column draft_score"],
    13: ["drop index if exists agreements_by_goal",
         "alter table agreements drop column goal_id",
         "drop table if exists goal_reviews", "drop table if exists goal_steps",
         "drop table if exists goals"],
    # 11 also widened two CHECKs to 1..5 (schema_scale.widen_checks); the wider CHECK
    # stays, as it loses nothing, and a replay of 11 leaves it as it is.
    11: ["alter table conversations drop column goal_prompts",
         "alter table conversations drop column scale"],
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
