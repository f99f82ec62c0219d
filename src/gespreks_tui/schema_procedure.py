"""Migration 12: The appraisal procedure's steps, with who and when (issue 18).

Only what the record does not already hold is a row here: the employee's
objection (bezwaar, with its text), the final decision (definitief) and the
second assessor's word (``state`` null: name, agrees or not, remark). The
states besproken and voorlopig are derived from the conclusion and the
hand-over (``appraisal_procedure``). Rows are never changed: a later word of
the second assessor is a new row, and the newest counts.

These statements are part of an applied migration: never edit them, add a
new migration instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gespreks_tui.connection import Connection

MIGRATION_12 = [
    """create table appraisal_steps (
        id integer primary key,
        conversation_id integer not null references conversations(id) on delete cascade,
        state text check (state in ('bezwaar', 'definitief')),
        at text not null,
        by text not null,
        text text not null default '',
        agrees integer check (agrees in (0, 1)),
        entered_by text not null default 'manager' check (entered_by in
            ('employee', 'manager')),
        check ((state is null) = (agrees is not null))
    )""",
    # One objection and one final decision per conversation, at most.
    "create unique index appraisal_steps_once on appraisal_steps (conversation_id, state) "
    "where state is not null",
    "create index appraisal_steps_by_conversation on appraisal_steps (conversation_id)",
    # What is due reads the concluded beoordelingen, a few among thousands of
    # conversations; the query repeats these terms (``store.appraisal_procedure``).
    "create index conversations_appraisals on conversations (employee_id) "
    "where kind = 'beoordeling' and status in ('concluded', 'confirmed')",
]


def migrate(db: Connection) -> None:
    """Migration 12 (appraisal procedure)."""
    for statement in MIGRATION_12:
        db.execute(statement)
