"""Migration 15: indexes for what is due, so the start screen costs the same on
a team with years of history as on a new one (issue 19).

The appraisal procedure's running terms (``store.appraisal_procedure``) are read
from every concluded beoordeling that has no final decision yet. With the index
of migration 12 (``conversations_appraisals``, on ``employee_id`` alone) SQLite
chose to go through the people and search each one's beoordelingen; with
``ended_at`` in the index it reads the index once, in one pass (half the time on
500 people and 10,000 conversations). Same rows, same partial ``where`` (the
query repeats its terms, written as here), same first column: every query that
used the old index can use this one, so the old one goes.
``tests/test_query_plans.py`` holds the plan, before and after ``analyze``.

These statements are part of an applied migration once released: never edit
them, add a new migration instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection

MIGRATION_15 = [
    "create index conversations_appraisals_ended on conversations (employee_id, ended_at) "
    "where kind = 'beoordeling' and status in ('concluded', 'confirmed')",
    "drop index conversations_appraisals",
]


def migrate(db: Connection) -> None:
    """Migration 15 (due indexes)."""
    for statement in MIGRATION_15:
        db.execute(statement)
